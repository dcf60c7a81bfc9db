package dev.unspin.lm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A back-off n-gram model (ARPA semantics: log10 probabilities, log10 back-off weights) read
 * from a memory-mapped unspin model file. Opening costs a header check and a few buffer views, so
 * a shell pipe pays milliseconds, not the seconds of deserialising millions of n-grams.
 *
 * <p>Immutable and thread-safe: every read is an absolute get on a read-only mapping.
 */
public final class NgramModel {
    private final Path file;
    private final int order;
    private final int vocabSize;
    private final float unknownLogProb;
    private final LongBuffer vocabKeys;
    private final IntBuffer vocabIds;
    private final IntBuffer wordOffsets;
    private final ByteBuffer wordBlob;
    private final FloatBuffer uniProb;
    private final FloatBuffer uniBackoff;
    private final LongBuffer[] keys;
    private final ShortBuffer[] probs;
    private final ShortBuffer[] backoffs;
    private final long[] counts;

    private NgramModel(Path file, ByteBuffer map) throws ModelFormatException {
        this.file = file;
        if (map.capacity() < ModelLayout.HEADER_BYTES) {
            throw new ModelFormatException(file, "not an unspin model (file too short: " + map.capacity() + " bytes)");
        }
        byte[] magic = new byte[8];
        map.get(0, magic);
        if (!Arrays.equals(magic, ModelLayout.MAGIC)) {
            throw new ModelFormatException(file, "not an unspin model (wrong magic); import ARPA or Sphinx models with 'unspin lm import'");
        }
        int version = map.getInt(8);
        if (version != ModelLayout.VERSION) {
            throw new ModelFormatException(file, "model format version " + version + ", this unspin reads version " + ModelLayout.VERSION);
        }
        order = map.getInt(12);
        vocabSize = map.getInt(16);
        unknownLogProb = map.getFloat(20);
        long total = map.getLong(24);
        if (order < 1 || order > ModelLayout.MAX_ORDER || vocabSize < 1) {
            throw new ModelFormatException(file, "corrupt header (order " + order + ", vocabulary " + vocabSize + ")");
        }
        if (total != map.capacity()) {
            throw new ModelFormatException(file, "truncated or padded: header says " + total + " bytes, file has " + map.capacity());
        }
        long vocabCap = map.getLong(32);
        vocabKeys = longs(map, map.getLong(40), vocabCap);
        vocabIds = ints(map, map.getLong(40) + 8 * vocabCap, vocabCap);
        wordOffsets = ints(map, map.getLong(48), vocabSize + 1L);
        wordBlob = bytes(map, map.getLong(56), map.getLong(64));
        long uniOff = map.getLong(72);
        uniProb = floats(map, uniOff, vocabSize);
        uniBackoff = floats(map, uniOff + 4L * vocabSize, vocabSize);
        keys = new LongBuffer[order + 1];
        probs = new ShortBuffer[order + 1];
        backoffs = new ShortBuffer[order + 1];
        counts = new long[order + 1];
        counts[1] = vocabSize;
        for (int n = 2; n <= order; n++) {
            int h = 80 + 24 * (n - 2);
            counts[n] = map.getLong(h);
            long cap = map.getLong(h + 8);
            long off = map.getLong(h + 16);
            if (cap <= counts[n]) {
                throw new ModelFormatException(file, "corrupt " + n + "-gram table");
            }
            keys[n] = longs(map, off, cap);
            probs[n] = shorts(map, off + 8 * cap, cap);
            backoffs[n] = n < order ? shorts(map, off + 10 * cap, cap) : null;
        }
    }

    /** Opens a model file; a missing, unreadable or corrupt file gives an IOException naming it. */
    public static NgramModel open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, "models over 2 GiB are not supported (" + size + " bytes)");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new NgramModel(file, map.order(ByteOrder.LITTLE_ENDIAN));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "language model not found");
        }
    }

    private ByteBuffer region(ByteBuffer map, long off, long len) throws ModelFormatException {
        if (off < 0 || len < 0 || off + len > map.capacity()) {
            throw new ModelFormatException(file, "corrupt section table (section at " + off + "+" + len + " past end)");
        }
        return map.slice((int) off, (int) len).order(ByteOrder.LITTLE_ENDIAN);
    }

    private LongBuffer longs(ByteBuffer m, long off, long n) throws ModelFormatException {
        return region(m, off, 8 * n).asLongBuffer();
    }

    private IntBuffer ints(ByteBuffer m, long off, long n) throws ModelFormatException {
        return region(m, off, 4 * n).asIntBuffer();
    }

    private ShortBuffer shorts(ByteBuffer m, long off, long n) throws ModelFormatException {
        return region(m, off, 2 * n).asShortBuffer();
    }

    private FloatBuffer floats(ByteBuffer m, long off, long n) throws ModelFormatException {
        return region(m, off, 4 * n).asFloatBuffer();
    }

    private ByteBuffer bytes(ByteBuffer m, long off, long n) throws ModelFormatException {
        return region(m, off, n);
    }

    public Path file() {
        return file;
    }

    public int order() {
        return order;
    }

    public int vocabularySize() {
        return vocabSize;
    }

    /** Number of stored n-grams of order n. */
    public long count(int n) {
        return counts[n];
    }

    public float unknownLogProb() {
        return unknownLogProb;
    }

    /** Id of a word, or -1 when the model does not know it. */
    public int id(CharSequence word) {
        long k = NgramHash.word(word);
        int cap = vocabKeys.capacity();
        int s = (int) NgramHash.slot(k, cap);
        long at;
        while ((at = vocabKeys.get(s)) != 0) {
            if (at == k) {
                return vocabIds.get(s);
            }
            s = s + 1 == cap ? 0 : s + 1;
        }
        return -1;
    }

    public String word(int id) {
        int from = wordOffsets.get(id);
        int to = wordOffsets.get(id + 1);
        byte[] b = new byte[to - from];
        wordBlob.get(from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Slot of key in the order-n table, or -1. */
    private int find(int n, long key) {
        LongBuffer t = keys[n];
        int cap = t.capacity();
        int s = (int) NgramHash.slot(key, cap);
        long at;
        while ((at = t.get(s)) != 0) {
            if (at == key) {
                return s;
            }
            s = s + 1 == cap ? 0 : s + 1;
        }
        return -1;
    }

    /** True when the n-gram ids[from..to) is stored (all ids known). */
    public boolean contains(int[] ids, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return ids[from] >= 0;
        }
        for (int i = from; i < to; i++) {
            if (ids[i] < 0) {
                return false;
            }
        }
        return n <= order && find(n, NgramHash.ngram(ids, from, to)) >= 0;
    }

    /**
     * log10 P(ids[end-1] | ids[from..end-1)), backing off as ARPA prescribes: the longest stored
     * n-gram ending in the word gives the probability, plus the back-off weights of each longer
     * history that was not found. An unknown word (-1) cuts the history there; an unknown predicted
     * word gets the model's unknown-word probability. No allocation.
     */
    public double logProb(int[] ids, int from, int end) {
        int w = ids[end - 1];
        if (w < 0) {
            return unknownLogProb;
        }
        int start = Math.max(from, end - order);
        for (int i = end - 2; i >= start; i--) {
            if (ids[i] < 0) {
                start = i + 1;
                break;
            }
        }
        double backoff = 0;
        for (int s = start; s < end - 1; s++) {
            int n = end - s;
            int slot = find(n, NgramHash.ngram(ids, s, end));
            if (slot >= 0) {
                return ModelLayout.dequantise(probs[n].get(slot)) + backoff;
            }
            backoff += historyBackoff(ids, s, end - 1);
        }
        return uniProb.get(w) + backoff;
    }

    /** log10 unigram probability of a word id; the unknown-word probability for -1. */
    public double unigramLogProb(int id) {
        return id < 0 ? unknownLogProb : uniProb.get(id);
    }

    /** log10 back-off weight of the history ids[from..to), 0 when it is not stored. */
    private double historyBackoff(int[] ids, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return uniBackoff.get(ids[from]);
        }
        int slot = find(n, NgramHash.ngram(ids, from, to));
        return slot < 0 ? 0 : ModelLayout.dequantise(backoffs[n].get(slot));
    }

}
