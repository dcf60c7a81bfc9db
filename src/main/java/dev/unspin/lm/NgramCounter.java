package dev.unspin.lm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Counts n-grams of orders 1..N over sentences of word ids with bounded memory: counts collect in
 * a hash table until it holds {@code chunk} distinct n-grams, then are sorted and spilled to a
 * temporary run file; {@link #merge} streams the runs back in one k-way merge, summing equal keys.
 * Memory is set by the chunk size, not by the corpus.
 */
public final class NgramCounter implements AutoCloseable {
    /** A counted n-gram: ids in text order. */
    public record Counted(int[] ids, long count) {
    }

    private final int order;
    private final int chunk;
    private final Path tmpDir;
    private final List<Path> runs = new ArrayList<>();
    private Map<IdsKey, long[]> counts = new HashMap<>();
    private long tokens;

    public NgramCounter(int order, int chunk, Path tmpDir) {
        this.order = order;
        this.chunk = chunk;
        this.tmpDir = tmpDir;
    }

    public long tokens() {
        return tokens;
    }

    /** Counts every n-gram of a sentence given with its markers: ids[0] = &lt;s&gt;, last = &lt;/s&gt;. */
    public void add(int[] sentence) {
        tokens += sentence.length - 1;
        for (int i = 0; i < sentence.length; i++) {
            for (int n = 1; n <= order && i + n <= sentence.length; n++) {
                if (n == 1 && i == 0) {
                    continue; // <s> is never predicted
                }
                counts.computeIfAbsent(new IdsKey(Arrays.copyOfRange(sentence, i, i + n)), k -> new long[1])[0]++;
            }
        }
        if (counts.size() >= chunk) {
            spill();
        }
    }

    private void spill() {
        try {
            Path run = Files.createTempFile(tmpDir, "unspin-counts", ".run");
            runs.add(run);
            List<Map.Entry<IdsKey, long[]>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (Map.Entry<IdsKey, long[]> e : entries) {
                    int[] ids = e.getKey().ids();
                    out.writeByte(ids.length);
                    for (int id : ids) {
                        out.writeInt(id);
                    }
                    out.writeLong(e.getValue()[0]);
                }
            }
            counts = new HashMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Run implements AutoCloseable {
        final DataInputStream in;
        Counted head;

        Run(Path p) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
            advance();
        }

        void advance() throws IOException {
            try {
                int n = in.readUnsignedByte();
                int[] ids = new int[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = in.readInt();
                }
                head = new Counted(ids, in.readLong());
            } catch (EOFException end) {
                head = null;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Streams all counts in sorted order (by order, then ids), equal n-grams summed. */
    public void merge(java.util.function.Consumer<Counted> sink) throws IOException {
        if (!counts.isEmpty()) {
            spill();
        }
        List<Run> open = new ArrayList<>();
        try {
            PriorityQueue<Run> pq = new PriorityQueue<>((a, b) -> IdsKey.compare(a.head.ids(), b.head.ids()));
            for (Path p : runs) {
                Run r = new Run(p);
                open.add(r);
                if (r.head != null) {
                    pq.add(r);
                }
            }
            while (!pq.isEmpty()) {
                Run r = pq.poll();
                int[] ids = r.head.ids();
                long c = r.head.count();
                r.advance();
                if (r.head != null) {
                    pq.add(r);
                }
                while (!pq.isEmpty() && Arrays.equals(pq.peek().head.ids(), ids)) {
                    Run s = pq.poll();
                    c += s.head.count();
                    s.advance();
                    if (s.head != null) {
                        pq.add(s);
                    }
                }
                sink.accept(new Counted(ids, c));
            }
        } finally {
            for (Run r : open) {
                r.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Path p : runs) {
            Files.deleteIfExists(p);
        }
    }
}
