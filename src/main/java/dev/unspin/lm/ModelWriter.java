package dev.unspin.lm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the n-grams of a back-off model (log10 probabilities and back-off weights, ARPA
 * semantics) and writes them as an unspin model file. Writes go to a temporary file that is renamed
 * into place, so a crash never leaves a half-written model where the loader would look for one.
 */
public final class ModelWriter {
    private final int order;
    private final List<String> vocab;
    private final float unknownLogProb;
    private final float[] uniProb;
    private final float[] uniBackoff;
    private final long[][] keys;
    private final short[][] probs;
    private final short[][] backoffs;
    private final int[] sizes;

    public ModelWriter(int order, List<String> vocab, float unknownLogProb) {
        if (order < 1 || order > ModelLayout.MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + ModelLayout.MAX_ORDER + ", not " + order);
        }
        this.order = order;
        this.vocab = List.copyOf(vocab);
        this.unknownLogProb = unknownLogProb;
        this.uniProb = new float[vocab.size()];
        this.uniBackoff = new float[vocab.size()];
        Arrays.fill(uniProb, unknownLogProb);
        this.keys = new long[order + 1][];
        this.probs = new short[order + 1][];
        this.backoffs = new short[order + 1][];
        this.sizes = new int[order + 1];
        for (int n = 2; n <= order; n++) {
            keys[n] = new long[1024];
            probs[n] = new short[1024];
            backoffs[n] = new short[1024];
        }
    }

    public int order() {
        return order;
    }

    public void unigram(int id, float log10Prob, float log10Backoff) {
        uniProb[id] = log10Prob;
        uniBackoff[id] = log10Backoff;
    }

    /** Adds the n-gram ids[0..n) with n >= 2. */
    public void ngram(int[] ids, int n, float log10Prob, float log10Backoff) {
        int i = sizes[n];
        if (i == keys[n].length) {
            int cap = Math.max(1024, i + (i >> 1));
            keys[n] = Arrays.copyOf(keys[n], cap);
            probs[n] = Arrays.copyOf(probs[n], cap);
            backoffs[n] = Arrays.copyOf(backoffs[n], cap);
        }
        keys[n][i] = NgramHash.ngram(ids, 0, n);
        probs[n][i] = ModelLayout.quantise(log10Prob);
        backoffs[n][i] = ModelLayout.quantise(log10Backoff);
        sizes[n] = i + 1;
    }

    public long count(int n) {
        return n == 1 ? vocab.size() : sizes[n];
    }

    public void write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeTo(Path file) throws IOException {
        int v = vocab.size();
        byte[][] utf8 = new byte[v][];
        long blobLen = 0;
        for (int i = 0; i < v; i++) {
            utf8[i] = vocab.get(i).getBytes(StandardCharsets.UTF_8);
            blobLen += utf8[i].length;
        }
        long vocabCap = ModelLayout.capacityFor(v);
        long pos = ModelLayout.HEADER_BYTES;
        long vocabHashOff = pos;
        pos += vocabCap * 12;
        long offsetsOff = ModelLayout.align8(pos);
        pos = offsetsOff + 4L * (v + 1);
        long blobOff = pos;
        pos += blobLen;
        long uniOff = ModelLayout.align8(pos);
        pos = uniOff + 8L * v;
        long[] caps = new long[order + 1];
        long[] offs = new long[order + 1];
        for (int n = 2; n <= order; n++) {
            caps[n] = ModelLayout.capacityFor(sizes[n]);
            offs[n] = ModelLayout.align8(pos);
            pos = offs[n] + caps[n] * (n < order ? 12 : 10);
        }
        long total = ModelLayout.align8(pos);

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer h = le(ModelLayout.HEADER_BYTES);
            h.put(ModelLayout.MAGIC).putInt(ModelLayout.VERSION).putInt(order).putInt(v).putFloat(unknownLogProb)
                    .putLong(total).putLong(vocabCap).putLong(vocabHashOff)
                    .putLong(offsetsOff).putLong(blobOff).putLong(blobLen).putLong(uniOff);
            for (int n = 2; n <= ModelLayout.MAX_ORDER; n++) {
                h.putLong(n <= order ? sizes[n] : 0).putLong(n <= order ? caps[n] : 0).putLong(n <= order ? offs[n] : 0);
            }
            writeAt(ch, h, 0);

            long[] vkeys = new long[(int) vocabCap];
            int[] vids = new int[(int) vocabCap];
            for (int i = 0; i < v; i++) {
                long k = NgramHash.word(vocab.get(i));
                int s = probeFree(vkeys, k);
                if (vkeys[s] == k) {
                    throw new IllegalArgumentException("duplicate or colliding vocabulary word: " + vocab.get(i));
                }
                vkeys[s] = k;
                vids[s] = i;
            }
            ByteBuffer b = le((int) (vocabCap * 12));
            b.asLongBuffer().put(vkeys);
            b.position((int) (vocabCap * 8));
            b.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(vids);
            b.position(0);
            writeAt(ch, b, vocabHashOff);

            ByteBuffer o = le(4 * (v + 1));
            int at = 0;
            for (int i = 0; i < v; i++) {
                o.putInt(at);
                at += utf8[i].length;
            }
            o.putInt(at);
            writeAt(ch, o.flip(), offsetsOff);
            ByteBuffer blob = ByteBuffer.allocate((int) blobLen);
            for (byte[] w : utf8) {
                blob.put(w);
            }
            writeAt(ch, blob.flip(), blobOff);

            ByteBuffer u = le(8 * v);
            u.asFloatBuffer().put(uniProb);
            u.position(4 * v);
            u.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(uniBackoff);
            u.position(0);
            writeAt(ch, u, uniOff);

            for (int n = 2; n <= order; n++) {
                writeTable(ch, n, caps[n], offs[n]);
            }
            if (ch.size() < total) {
                writeAt(ch, ByteBuffer.allocate((int) (total - ch.size())), ch.size());
            }
        }
    }

    private void writeTable(FileChannel ch, int n, long cap, long off) throws IOException {
        if (cap > Integer.MAX_VALUE / 12) {
            throw new IllegalArgumentException("too many " + n + "-grams for one table: " + sizes[n]);
        }
        int c = (int) cap;
        long[] k = new long[c];
        short[] p = new short[c];
        short[] bo = new short[c];
        for (int i = 0; i < sizes[n]; i++) {
            int s = probeFree(k, keys[n][i]);
            // a repeated n-gram (for example from an ARPA file listing it twice) keeps its last value
            k[s] = keys[n][i];
            p[s] = probs[n][i];
            bo[s] = backoffs[n][i];
        }
        ByteBuffer b = le(c * 8);
        b.asLongBuffer().put(k);
        writeAt(ch, b, off);
        ByteBuffer ps = le(c * 2);
        ps.asShortBuffer().put(p);
        writeAt(ch, ps, off + 8L * c);
        if (n < order) {
            ByteBuffer bs = le(c * 2);
            bs.asShortBuffer().put(bo);
            writeAt(ch, bs, off + 10L * c);
        }
    }

    /** Slot holding key, or the first free slot on its probe run. */
    private static int probeFree(long[] table, long key) {
        int cap = table.length;
        int s = (int) NgramHash.slot(key, cap);
        while (table[s] != 0 && table[s] != key) {
            s = s + 1 == cap ? 0 : s + 1;
        }
        return s;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeAt(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        b.position(0);
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }
}
