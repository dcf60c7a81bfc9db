package dev.unspin.batch;

import dev.unspin.restore.Edit;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import dev.unspin.text.LineIndex;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Restores a text stream block by block (see {@link Chunker}) in bounded memory and hands each restored
 * block, with its position in the whole document, to a sink that writes text, diff, JSON or explanations.
 * Single-file mode and batch mode both go through here.
 */
public final class StreamRestorer {
    /**
     * One restored block. {@code result}'s edit offsets are relative to {@code text}; {@code offset} (chars),
     * {@code line} and {@code column} (1-based) place the block's first char in the whole document.
     */
    public record Block(String text, Result result, long offset, long line, long column, boolean first, boolean last) {
        /** Whether this block is the whole document (then offsets in the block are offsets in the document). */
        public boolean whole() {
            return first && last;
        }

        /** Line of a block offset in the whole document. */
        long line(LineIndex local, int at) {
            return line + local.line(at) - 1;
        }

        long column(LineIndex local, int at) {
            int l = local.line(at);
            return l == 1 ? column + local.column(at) - 1 : local.column(at);
        }
    }

    /** Receives the blocks of one document in order. */
    public interface Sink {
        void accept(Block b) throws IOException;
    }

    /**
     * Figures for the whole document; {@code spinRate} is the restorer's estimate (substitutions per word), the
     * blocks' estimates weighted by their words when a long document was restored in several (NaN without a model).
     */
    public record Totals(long chars, long words, long changes, double spinRate) {
    }

    private final Function<String, Result> restorer;
    private final int blockChars;

    public StreamRestorer(Restorer restorer) {
        this(restorer::restore, Chunker.BLOCK_CHARS);
    }

    public StreamRestorer(Function<String, Result> restorer, int blockChars) {
        this.restorer = restorer;
        this.blockChars = blockChars;
    }

    public int blockChars() {
        return blockChars;
    }

    public Totals restore(Reader in, Sink sink) throws IOException {
        return restore(in, sink, null, 0);
    }

    /**
     * Same, with up to {@code ahead} blocks restored in parallel on pool (null or ahead < 1: one at a
     * time); the sink still sees the blocks in order, and at most ahead + 1 blocks are held at once.
     */
    public Totals restore(Reader in, Sink sink, ExecutorService pool, int ahead) throws IOException {
        Chunker chunks = new Chunker(in, blockChars);
        Position pos = new Position();
        Deque<Pending> queue = new ArrayDeque<>();
        try {
            for (String text = chunks.next(); text != null; text = chunks.next()) {
                boolean last = chunks.atEnd();
                if (pool == null || ahead < 1) {
                    pos.emit(text, restorer.apply(text), last, sink);
                    continue;
                }
                String t = text;
                queue.add(new Pending(t, pool.submit(() -> restorer.apply(t)), last));
                if (queue.size() > ahead) {
                    Pending p = queue.poll();
                    pos.emit(p.text(), get(p.result()), p.last(), sink);
                }
            }
            while (!queue.isEmpty()) {
                Pending p = queue.poll();
                pos.emit(p.text(), get(p.result()), p.last(), sink);
            }
        } finally {
            for (Pending p : queue) {
                p.result().cancel(true);
            }
        }
        return new Totals(pos.offset, pos.words, pos.changes, pos.rateWords == 0 ? Double.NaN : pos.rateSum / pos.rateWords);
    }

    private record Pending(String text, Future<Result> result, boolean last) {
    }

    private static Result get(Future<Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Where the next block starts in the whole document, and the running totals. */
    private static final class Position {
        long offset;
        long line = 1;
        long column = 1;
        long words;
        long changes;
        double rateSum;
        long rateWords;
        boolean inWord;
        boolean first = true;

        void emit(String text, Result r, boolean last, Sink sink) throws IOException {
            sink.accept(new Block(text, r, offset, line, column, first, last));
            first = false;
            changes += r.edits().size();
            long before = words;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean w = !Character.isWhitespace(c);
                if (w && !inWord) {
                    words++;
                }
                inWord = w;
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            offset += text.length();
            if (!Double.isNaN(r.spinRate())) {
                rateSum += r.spinRate() * (words - before);
                rateWords += words - before;
            }
        }
    }

    /**
     * How many blocks may be restored at once within this JVM's heap: restoring costs about 64 bytes of
     * heap per char, so each block in flight is budgeted at 128 bytes per char, half the heap at most.
     */
    public static int parallelBlocks(int jobs, int blockChars) {
        long budget = Runtime.getRuntime().maxMemory() / 2;
        long perBlock = 128L * blockChars;
        return (int) Math.max(1, Math.min(jobs, budget / Math.max(1, perBlock)));
    }

    /**
     * The block's edits as JSON objects with offsets, lines and columns in the whole document, comma
     * separated, in the format of {@link EditJson#edits} (which a whole-document block uses directly).
     */
    public static String editsJson(Block b) {
        if (b.whole()) {
            String all = EditJson.edits(b.text(), b.result().edits());
            return all.substring(1, all.length() - 1);
        }
        List<Edit> edits = b.result().edits();
        if (edits.isEmpty()) {
            return "";
        }
        LineIndex lines = new LineIndex(b.text());
        StringBuilder sb = new StringBuilder();
        for (Edit e : edits) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("{\"start\":").append(b.offset() + e.start()).append(",\"end\":").append(b.offset() + e.end())
                    .append(",\"line\":").append(b.line(lines, e.start())).append(",\"column\":").append(b.column(lines, e.start()))
                    .append(",\"before\":").append(EditJson.quote(e.before()))
                    .append(",\"after\":").append(EditJson.quote(e.after()))
                    .append(",\"source\":").append(EditJson.quote(e.source().name().toLowerCase(Locale.ROOT)))
                    .append(",\"entry\":").append(EditJson.quote(e.entry())).append(",\"gain\":")
                    .append(Double.isNaN(e.gain()) ? "null" : String.format(Locale.ROOT, "%.3f", e.gain())).append('}');
        }
        return sb.toString();
    }

    /** --explain lines for the block: name:line:column: "spun" -> "restored" (source entry, gain, probability), control chars escaped. */
    public static String explain(String name, Block b) {
        List<Edit> edits = b.result().edits();
        if (edits.isEmpty()) {
            return "";
        }
        LineIndex lines = new LineIndex(b.text());
        StringBuilder sb = new StringBuilder();
        String safeName = Messages.safe(name);
        for (Edit e : edits) {
            sb.append(String.format(Locale.ROOT, "%s:%d:%d: \"%s\" -> \"%s\" (%s %s%s)%n", safeName, b.line(lines, e.start()), b.column(lines, e.start()),
                    Messages.safe(e.before()), Messages.safe(e.after()), e.source().name().toLowerCase(Locale.ROOT), Messages.safe(e.entry()),
                    (Double.isNaN(e.gain()) ? "" : String.format(Locale.ROOT, ", gain %+.2f", e.gain()))
                            + (Double.isNaN(e.probability()) ? "" : String.format(Locale.ROOT, ", p %.2f", e.probability()))));
        }
        return sb.toString();
    }
}
