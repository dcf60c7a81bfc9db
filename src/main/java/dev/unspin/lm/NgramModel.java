package dev.unspin.lm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A back-off n-gram model (ARPA semantics: log10 probabilities, log10 back-off weights) read
 * from a memory-mapped unspin model file. Opening verifies every section's checksum (about 12 ms
 * for the 71 MB bundled model: CRC-32C runs at gigabytes a second) and a few buffer views, so a
 * shell pipe pays milliseconds, not the seconds of deserialising millions of n-grams, and never
 * reads a damaged file as a model.
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
    /**
     * Per order, the table's slots, each key, probability and (below the model's order) back-off weight side by side
     * ({@link ModelLayout}): one cache line answers both a lookup and what it found.
     */
    private final ByteBuffer[] tables;
    /** Bytes per slot of each order's table. */
    private final int[] strides;
    /** Slots of each order's table. */
    private final int[] caps;
    /** Per order, the filter of the table's keys: 8 longs (512 bits) per block. */
    private final LongBuffer[] filters;
    private final long[] filterBlocks;
    private final long[] counts;
    /** Longest probe run per table, index 1 for the vocabulary, n for order n. */
    private final int[] maxProbe;
    private final Verification verification;
    /** Whether the vocabulary's ids pack into bigram and trigram keys (see {@link NgramHash#ngram}). */
    private final boolean packedKeys;
    /** Whether the bigram slots' follower bits are complete ({@link ModelLayout#FOLLOWERS}). */
    private final boolean followers;

    private NgramModel(Path file, ByteBuffer map) throws ModelFormatException {
        long t0 = System.nanoTime();
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
            throw new ModelFormatException(file, "model format version " + version + ", this unspin reads version " + ModelLayout.VERSION
                    + " (re-create it: unspin setup, for the user cache; unspin lm import SOURCE -o " + file + "; or lm build)");
        }
        // the header checksum first: every offset below comes from the header
        if (crc(map, 0, ModelLayout.HEADER_CRC_AT) != map.getInt(ModelLayout.HEADER_CRC_AT)) {
            throw new ModelFormatException(file, "corrupt model: header checksum mismatch");
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
        maxProbe = new int[ModelLayout.MAX_ORDER + 1];
        for (int n = 1; n <= ModelLayout.MAX_ORDER; n++) {
            maxProbe[n] = map.getInt(ModelLayout.PROBE_AT + 4 * (n - 1));
        }
        long vocabCap = map.getLong(32);
        if (vocabCap <= vocabSize || vocabCap > Integer.MAX_VALUE) {
            throw new ModelFormatException(file, "corrupt header (vocabulary hash of " + vocabCap + " slots for " + vocabSize + " words)");
        }
        long blobLen = map.getLong(64);
        ByteBuffer[] sections = new ByteBuffer[ModelLayout.SECTIONS];
        sections[0] = region(map, 0, map.getLong(40), vocabCap, 12);
        sections[1] = region(map, 1, map.getLong(48), vocabSize + 1L, 4);
        sections[2] = region(map, 2, map.getLong(56), blobLen, 1);
        sections[3] = region(map, 3, map.getLong(72), vocabSize, 8);
        counts = new long[order + 1];
        counts[1] = vocabSize;
        long[] caps = new long[order + 1];
        for (int n = 2; n <= order; n++) {
            int h = 80 + 24 * (n - 2);
            counts[n] = map.getLong(h);
            caps[n] = map.getLong(h + 8);
            if (counts[n] < 0 || caps[n] <= counts[n] || caps[n] > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, "corrupt header (" + n + "-gram table of " + caps[n] + " slots for " + counts[n] + ")");
            }
            sections[2 + n] = region(map, 2 + n, map.getLong(h + 16), ModelLayout.tableBytes(n, order, caps[n]), 1);
        }
        for (int n = 1; n <= order; n++) {
            long cap = n == 1 ? vocabCap : caps[n];
            if (maxProbe[n] < 0 || maxProbe[n] >= cap) {
                throw new ModelFormatException(file, "corrupt header (probe run of " + maxProbe[n] + " in a " + cap + "-slot table)");
            }
        }
        long verified = ModelLayout.HEADER_BYTES;
        for (int i = 0; i < sections.length; i++) {
            if (sections[i] != null) {
                if (crc(sections[i], 0, sections[i].capacity()) != map.getInt(ModelLayout.CRC_AT + 4 * i)) {
                    throw new ModelFormatException(file, "corrupt model: checksum mismatch in the " + ModelLayout.sectionName(i));
                }
                verified += sections[i].capacity();
            }
        }

        int vc = (int) vocabCap;
        vocabKeys = sections[0].slice(0, 8 * vc).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        vocabIds = sections[0].slice(8 * vc, 4 * vc).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        wordOffsets = sections[1].asIntBuffer();
        wordBlob = sections[2];
        uniProb = sections[3].slice(0, 4 * vocabSize).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        uniBackoff = sections[3].slice(4 * vocabSize, 4 * vocabSize).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        tables = new ByteBuffer[order + 1];
        strides = new int[order + 1];
        this.caps = new int[order + 1];
        filters = new LongBuffer[order + 1];
        filterBlocks = new long[order + 1];
        for (int n = 2; n <= order; n++) {
            ByteBuffer t = sections[2 + n];
            int c = (int) caps[n];
            strides[n] = ModelLayout.slotBytes(n, order);
            this.caps[n] = c;
            int at = strides[n] * c;
            tables[n] = t.slice(0, at).order(ByteOrder.LITTLE_ENDIAN);
            filterBlocks[n] = ModelLayout.filterBlocks(c);
            filters[n] = t.slice(at, t.capacity() - at).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        }
        packedKeys = vocabSize <= NgramHash.PACKED_IDS;
        followers = packedKeys && order >= 3 && (map.getInt(ModelLayout.FLAGS_AT) & ModelLayout.FOLLOWERS) != 0;
        checkInvariants(blobLen);
        verification = new Verification(ModelLayout.SECTIONS - (ModelLayout.MAX_ORDER - order) + 1, verified, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * What the checksums cannot catch (a file written wrong, or forged with matching checksums):
     * every id a lookup can return is a word and every word's bytes lie in the text section. The
     * n-gram tables need no scan: a lookup probes at most the longest run the writer recorded, which
     * is checked to be shorter than the table, so even a full or random table cannot stall it.
     */
    private void checkInvariants(long blobLen) throws ModelFormatException {
        // bulk copies and array loops: get(i) on a mapped buffer costs a cold JVM several times more
        int[] ids = new int[vocabIds.capacity()];
        vocabIds.get(0, ids);
        for (int id : ids) {
            if (id < 0 || id >= vocabSize) { // empty slots hold 0, also a valid id
                throw new ModelFormatException(file, "corrupt vocabulary hash (word id " + id + " of " + vocabSize + ")");
            }
        }
        int[] offsets = new int[vocabSize + 1];
        wordOffsets.get(0, offsets);
        int prev = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] < prev || (i == 0 && offsets[i] != 0)) {
                throw new ModelFormatException(file, "corrupt vocabulary offsets (word " + i + ")");
            }
            prev = offsets[i];
        }
        if (prev != blobLen) {
            throw new ModelFormatException(file, "corrupt vocabulary offsets (text ends at " + prev + ", section has " + blobLen + " bytes)");
        }
    }

    /** CRC-32C of buf[from, from+len), as the header stores it. */
    private static int crc(ByteBuffer buf, int from, int len) {
        CRC32C c = new CRC32C();
        c.update(buf.slice(from, len));
        return (int) c.getValue();
    }

    /** What was checked when the model opened (checksums verified, bytes they cover, time taken), for 'unspin lm info'. */
    public record Verification(int checksums, long bytes, double millis) {
    }

    public Verification verification() {
        return verification;
    }

    /**
     * Opens a model file, verifying it. A missing file, a directory or a corrupt file is a
     * ModelFormatException naming it (exit 5 at the command line); an unreadable one another
     * IOException naming it.
     */
    public static NgramModel open(Path file) throws IOException {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new ModelFormatException(file, "is a directory, not a model file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, "models over 2 GiB are not supported (" + size + " bytes)");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new NgramModel(file, map.order(ByteOrder.LITTLE_ENDIAN));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file, "language model not found");
        } catch (ModelFormatException | java.nio.file.AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the model (" + e.getMessage() + ")", e); // the bare message names no file
        }
    }

    /** Section i: n elements of size bytes at off, which must lie inside the file (no overflow on forged values). */
    private ByteBuffer region(ByteBuffer map, int i, long off, long n, int size) throws ModelFormatException {
        long cap = map.capacity();
        if (off < ModelLayout.HEADER_BYTES || n < 0 || off > cap || n > (cap - off) / size) {
            throw new ModelFormatException(file, "corrupt section table (" + ModelLayout.sectionName(i) + " at " + off + ", "
                    + n + " x " + size + " bytes, past the end of the " + cap + "-byte file)");
        }
        return map.slice((int) off, (int) (n * size)).order(ByteOrder.LITTLE_ENDIAN);
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
        // never past the longest run the writer recorded (checked to be below cap when opening)
        for (int probes = 0; probes <= maxProbe[1] && (at = vocabKeys.get(s)) != 0; probes++) {
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

    /**
     * False when the order-n table certainly lacks key (its filter has a bit of the key unset); true when it may hold
     * it, and always for a key it holds.
     */
    boolean mayContain(int n, long key) {
        LongBuffer f = filters[n];
        int base = ModelLayout.filterBlock(key, filterBlocks[n]) << 3;
        for (int i = 0; i < ModelLayout.FILTER_HASHES; i++) {
            int bit = ModelLayout.filterBit(key, i);
            if ((f.get(base + (bit >>> 6)) & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Slot of key in the order-n table, or -1; the filter first, which answers most absent keys without the table. */
    private int find(int n, long key) {
        return mayContain(n, key) ? probe(n, key) : -1;
    }

    /** Slot of key in the order-n table, or -1, by the table alone. */
    private int probe(int n, long key) {
        return probe(n, key, n == 2 && packedKeys ? NgramHash.unmix(key) : key);
    }

    /**
     * Slot of key in the order-n table, or -1, by the table alone; match is what the slot's key field holds for it (the
     * key itself, or for a packing vocabulary's bigrams the packed bigram, below the follower bits).
     */
    private int probe(int n, long key, long match) {
        ByteBuffer t = tables[n];
        int cap = caps[n];
        int stride = strides[n];
        long mask = n == 2 && packedKeys ? ModelLayout.PACKED_KEY_MASK : -1L;
        int s = (int) NgramHash.slot(key, cap);
        long at;
        for (int probes = 0, limit = maxProbe[n]; probes <= limit && (at = t.getLong(s * stride)) != 0; probes++) {
            if ((at & mask) == match) {
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
        int start = historyStart(ids, from, end);
        if (end - start == 3 && packedKeys) {
            return trigram(ids[start], ids[start + 1], w);
        }
        return backedOff(ids, start, end, w, true);
    }

    /**
     * {@link #logProb} of w after the known words u v in a model of order 3 or more (the same double), for a caller that
     * holds the words apart already (a decoder's state), without an array. Every id must be a word (0 or more).
     */
    double logProb3(int u, int v, int w) {
        if (!packedKeys) {
            int[] ids = {u, v, w};
            return backedOff(ids, 0, 3, w, true);
        }
        return trigram(u, v, w);
    }

    /**
     * {@link #logProb} by the general back-off walk alone, with or without the filters, for tests that the trigram path
     * and the filters give the same doubles as reading the tables.
     */
    double logProbByWalk(int[] ids, int from, int end, boolean filtered) {
        int w = ids[end - 1];
        return w < 0 ? unknownLogProb : backedOff(ids, historyStart(ids, from, end), end, w, filtered);
    }

    /** Where the usable history of ids[end-1] starts: at most order-1 words back, and after the last unknown word. */
    private int historyStart(int[] ids, int from, int end) {
        int start = Math.max(from, end - order);
        for (int i = end - 2; i >= start; i--) {
            if (ids[i] < 0) {
                return i + 1;
            }
        }
        return start;
    }

    /** The general back-off walk of {@link #logProb}, from the longest usable history ids[start..end-1). */
    private double backedOff(int[] ids, int start, int end, int w, boolean filtered) {
        double backoff = 0;
        for (int s = start; s < end - 1; s++) {
            int n = end - s;
            long key = NgramHash.ngram(ids, s, end);
            int slot = filtered ? find(n, key) : probe(n, key);
            if (slot >= 0) {
                return ModelLayout.dequantise(prob(n, slot)) + backoff;
            }
            backoff += historyBackoff(ids, s, end - 1, filtered);
        }
        return uniProb.get(w) + backoff;
    }

    /**
     * log10 P(w | u v) for known words, the same sum as the general walk of {@link #logProb} in the same order (so the
     * same double). The two bigram slots it may need, the history u v for its back-off weight and the bigram v w, are
     * read first and together: their keys are random lines of a table far larger than the caches, and loads that do not
     * wait on each other's outcome are fetched together. The history's slot also holds the follower bits of the trigrams
     * that continue it: half of a restorer's questions have a history that no trigram continues, and a fifth more lack
     * the bit, so they need neither the trigram filter (which the rest of the work keeps evicting: a quarter of the
     * restoring time went to its misses) nor the trigram table. The filter is asked next, the table last (about one
     * question in ten reaches it). A key's probe run past its home slot continues as {@link #probe} does. Only for a
     * vocabulary whose ids pack ({@link NgramHash#PACKED_IDS}).
     */
    private double trigram(int u, int v, int w) {
        ByteBuffer t2 = tables[2];
        int stride2 = strides[2];
        long ah = t2.getLong((int) NgramHash.slot(NgramHash.ngram2(u, v), caps[2]) * stride2);
        long a2 = t2.getLong((int) NgramHash.slot(NgramHash.ngram2(v, w), caps[2]) * stride2);
        return trigram(u, v, w, ah, a2);
    }

    /**
     * {@link #logProb3} of many questions: out[i] = log10 P(w[i] | u[i] v[i]), every id a word, the same doubles one by
     * one would give. First the two bigram slots of every question are read, then each question is worked out: the
     * slots' loads do not wait on one another, so the misses of a whole batch overlap instead of two at a time (the
     * restorer knows a sentence's questions before it needs their answers). ah, a2 and a3 are scratch, of at least n.
     */
    void logProb3(int[] u, int[] v, int[] w, int n, double[] out, long[] ah, long[] a2, long[] a3) {
        if (!packedKeys) {
            for (int i = 0; i < n; i++) {
                out[i] = logProb3(u[i], v[i], w[i]);
            }
            return;
        }
        ByteBuffer t2 = tables[2];
        int stride2 = strides[2];
        int cap2 = caps[2];
        for (int i = 0; i < n; i++) {
            ah[i] = t2.getLong((int) NgramHash.slot(NgramHash.ngram2(u[i], v[i]), cap2) * stride2);
            a2[i] = t2.getLong((int) NgramHash.slot(NgramHash.ngram2(v[i], w[i]), cap2) * stride2);
        }
        if (!followers) {
            for (int i = 0; i < n; i++) {
                out[i] = trigram(u[i], v[i], w[i], ah[i], a2[i]);
            }
            return;
        }
        // then the trigram slot of each question whose history's follower bit lets it through, all together again and
        // without the filter (which would only save a read that now overlaps the others)
        ByteBuffer t3 = tables[3];
        int stride3 = strides[3];
        int cap3 = caps[3];
        long m = ModelLayout.PACKED_KEY_MASK;
        for (int i = 0; i < n; i++) {
            long ph = NgramHash.pack2(u[i], v[i]);
            long a = ah[i];
            if ((a & m) != ph && a != 0) {
                int h = probe(2, NgramHash.mix(ph), ph);
                a = h < 0 ? 0 : t2.getLong(h * stride2);
            }
            long k3 = NgramHash.ngram3(u[i], v[i], w[i]);
            // 0 stands for "no trigram": a slot's key is never 0
            a3[i] = (a & m) == ph && (a & ModelLayout.followerBit(k3)) != 0 ? t3.getLong((int) NgramHash.slot(k3, cap3) * stride3) : 0;
        }
        for (int i = 0; i < n; i++) {
            long k3 = NgramHash.ngram3(u[i], v[i], w[i]);
            int slot = a3[i] == 0 ? -1 : a3[i] == k3 ? (int) NgramHash.slot(k3, cap3) : probe(3, k3);
            out[i] = slot >= 0 ? ModelLayout.dequantise(prob(3, slot)) + 0.0 : bigram(u[i], v[i], w[i], ah[i], a2[i]);
        }
    }

    /** {@link #trigram} given what the home slots of the history u v and of the bigram v w hold. */
    private double trigram(int u, int v, int w, long ah, long a2) {
        long ph = NgramHash.pack2(u, v);
        long p2 = NgramHash.pack2(v, w);
        long kh = NgramHash.mix(ph);
        long k2 = NgramHash.mix(p2);
        long k3 = NgramHash.ngram3(u, v, w);
        ByteBuffer t2 = tables[2];
        int stride2 = strides[2];
        int sh = (int) NgramHash.slot(kh, caps[2]);
        int s2 = (int) NgramHash.slot(k2, caps[2]);
        long m = ModelLayout.PACKED_KEY_MASK;
        int h = (ah & m) == ph ? sh : ah == 0 ? -1 : probe(2, kh, ph);
        // with the follower bits, a trigram whose history is missing or lacks its bit is certainly absent: most questions
        // end here, on the line the history's back-off weight is read from anyway, without the trigram filter's
        boolean mayHold = followers
                ? h >= 0 && ((h == sh ? ah : t2.getLong(h * stride2)) & ModelLayout.followerBit(k3)) != 0 && mayContain(3, k3)
                : mayContain(3, k3);
        if (mayHold) {
            int s3 = (int) NgramHash.slot(k3, caps[3]);
            long a3 = tables[3].getLong(s3 * strides[3]);
            int slot = a3 == k3 ? s3 : a3 == 0 ? -1 : probe(3, k3);
            if (slot >= 0) {
                return ModelLayout.dequantise(prob(3, slot)) + 0.0;
            }
        }
        return backedOffBigram(v, w, h, a2);
    }

    /** {@link #trigram}'s answer when the trigram u v w is absent, given what the home slots of u v and v w hold. */
    private double bigram(int u, int v, int w, long ah, long a2) {
        long ph = NgramHash.pack2(u, v);
        int sh = (int) NgramHash.slot(NgramHash.mix(ph), caps[2]);
        int h = (ah & ModelLayout.PACKED_KEY_MASK) == ph ? sh : ah == 0 ? -1 : probe(2, NgramHash.mix(ph), ph);
        return backedOffBigram(v, w, h, a2);
    }

    /** The back-off from an absent trigram: the history's weight (slot h, or -1 when it is not stored), then v w's answer. */
    private double backedOffBigram(int v, int w, int h, long a2) {
        double backoff = h < 0 ? 0 : ModelLayout.dequantise(backoff(2, h));
        long p2 = NgramHash.pack2(v, w);
        long k2 = NgramHash.mix(p2);
        int s2 = (int) NgramHash.slot(k2, caps[2]);
        int slot = (a2 & ModelLayout.PACKED_KEY_MASK) == p2 ? s2 : a2 == 0 ? -1 : probe(2, k2, p2);
        if (slot >= 0) {
            return ModelLayout.dequantise(prob(2, slot)) + backoff;
        }
        backoff += uniBackoff.get(v);
        return uniProb.get(w) + backoff;
    }

    /** Whether the bigram slots' follower bits are complete, so that trigram questions may trust them (for tests). */
    boolean followerBits() {
        return followers;
    }

    /** log10 unigram probability of a word id; the unknown-word probability for -1. */
    public double unigramLogProb(int id) {
        return id < 0 ? unknownLogProb : uniProb.get(id);
    }

    /** log10 back-off weight of the history ids[from..to), 0 when it is not stored. */
    private double historyBackoff(int[] ids, int from, int to, boolean filtered) {
        int n = to - from;
        if (n == 1) {
            return uniBackoff.get(ids[from]);
        }
        long key = NgramHash.ngram(ids, from, to);
        int slot = filtered ? find(n, key) : probe(n, key);
        return slot < 0 ? 0 : ModelLayout.dequantise(backoff(n, slot));
    }

    /** The quantised probability in slot s of the order-n table (beside its key). */
    private short prob(int n, int s) {
        return tables[n].getShort(s * strides[n] + 8);
    }

    /** The quantised back-off weight in slot s of the order-n table (n below the model's order). */
    private short backoff(int n, int s) {
        return tables[n].getShort(s * strides[n] + 10);
    }

}
