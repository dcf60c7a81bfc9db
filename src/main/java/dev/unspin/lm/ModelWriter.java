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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

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

    /**
     * Writes the model to target atomically: a temporary file in the same folder, readable by
     * everyone (0644, like any file a user installs; createTempFile alone makes it 0600), renamed
     * into place.
     */
    public void write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            writeTo(tmp);
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Set while writing the bigram table: whether every trigram's history is a stored bigram ({@link ModelLayout#FOLLOWERS}). */
    private boolean prefixClosed;

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
        long vocabHashOff = ModelLayout.align8(pos);
        pos = vocabHashOff + vocabCap * 12;
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
            pos = offs[n] + ModelLayout.tableBytes(n, order, caps[n]);
        }
        long total = ModelLayout.align8(pos);
        int[] crcs = new int[ModelLayout.SECTIONS];
        int[] probes = new int[ModelLayout.MAX_ORDER];
        long[] distinct = new long[order + 1];

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long[] vkeys = new long[(int) vocabCap];
            int[] vids = new int[(int) vocabCap];
            for (int i = 0; i < v; i++) {
                long k = NgramHash.word(vocab.get(i));
                int s = probeFree(vkeys, k);
                probes[0] = Math.max(probes[0], distance(k, s, vkeys.length));
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
            crcs[0] = writeAt(ch, b, vocabHashOff, new CRC32C());

            ByteBuffer o = le(4 * (v + 1));
            int at = 0;
            for (int i = 0; i < v; i++) {
                o.putInt(at);
                at += utf8[i].length;
            }
            o.putInt(at);
            crcs[1] = writeAt(ch, o, offsetsOff, new CRC32C());
            ByteBuffer blob = ByteBuffer.allocate((int) blobLen);
            for (byte[] w : utf8) {
                blob.put(w);
            }
            crcs[2] = writeAt(ch, blob, blobOff, new CRC32C());

            ByteBuffer u = le(8 * v);
            u.asFloatBuffer().put(uniProb);
            u.position(4 * v);
            u.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(uniBackoff);
            crcs[3] = writeAt(ch, u, uniOff, new CRC32C());

            for (int n = 2; n <= order; n++) {
                CRC32C crc = new CRC32C();
                long[] r = writeTable(ch, n, caps[n], offs[n], crc);
                distinct[n] = r[0];
                probes[n - 1] = (int) r[1];
                crcs[2 + n] = (int) crc.getValue();
            }
            if (ch.size() < total) {
                writeAt(ch, ByteBuffer.allocate((int) (total - ch.size())), ch.size(), new CRC32C());
            }

            // the header last: it carries the checksums of everything above
            ByteBuffer h = le(ModelLayout.HEADER_BYTES);
            h.put(ModelLayout.MAGIC).putInt(ModelLayout.VERSION).putInt(order).putInt(v).putFloat(unknownLogProb)
                    .putLong(total).putLong(vocabCap).putLong(vocabHashOff)
                    .putLong(offsetsOff).putLong(blobOff).putLong(blobLen).putLong(uniOff);
            for (int n = 2; n <= ModelLayout.MAX_ORDER; n++) {
                h.putLong(n <= order ? distinct[n] : 0).putLong(n <= order ? caps[n] : 0).putLong(n <= order ? offs[n] : 0);
            }
            for (int c : crcs) {
                h.putInt(c);
            }
            for (int p : probes) {
                h.putInt(p);
            }
            h.putInt(prefixClosed && order >= 3 && v <= NgramHash.PACKED_IDS ? ModelLayout.FOLLOWERS : 0);
            CRC32C hc = new CRC32C();
            hc.update(h.array(), 0, ModelLayout.HEADER_CRC_AT);
            h.putInt((int) hc.getValue());
            writeAt(ch, h, 0, new CRC32C());
        }
    }

    /** Writes the order-n table, adding its bytes to crc; returns the number of distinct n-grams and the longest probe run. */
    private long[] writeTable(FileChannel ch, int n, long cap, long off, CRC32C crc) throws IOException {
        if (cap > Integer.MAX_VALUE / 13) {
            throw new IllegalArgumentException("too many " + n + "-grams for one table: " + sizes[n]);
        }
        int c = (int) cap;
        long[] k = new long[c];
        short[] p = new short[c];
        short[] bo = new short[c];
        long distinct = 0;
        int longest = 0;
        for (int i = 0; i < sizes[n]; i++) {
            int s = probeFree(k, keys[n][i]);
            longest = Math.max(longest, distance(keys[n][i], s, c));
            // a repeated n-gram (for example from an ARPA file listing it twice) keeps its last value
            distinct += k[s] == 0 ? 1 : 0;
            k[s] = keys[n][i];
            p[s] = probs[n][i];
            bo[s] = backoffs[n][i];
        }
        // the slots side by side: key, probability, back-off weight (none at the model's order)
        int stride = ModelLayout.slotBytes(n, order);
        long[] stored = k;
        if (n == 2 && vocab.size() <= NgramHash.PACKED_IDS) {
            stored = packedBigrams(k);
        }
        ByteBuffer b = le(c * stride);
        for (int i = 0; i < c; i++) {
            b.putLong(stored[i]).putShort(p[i]);
            if (n < order) {
                b.putShort(bo[i]);
            }
        }
        writeAt(ch, b, off, crc);
        ByteBuffer f = le((int) (64 * ModelLayout.filterBlocks(c)));
        f.asLongBuffer().put(filter(k));
        writeAt(ch, f, off + (long) stride * c, crc);
        return new long[] {distinct, longest};
    }

    /**
     * The bigram table's key fields when the ids pack: each bigram packed (its key unmixed) with the follower bits of the
     * stored trigrams that continue it; {@link #prefixClosed} says whether every trigram found its history.
     */
    private long[] packedBigrams(long[] table) {
        long[] out = new long[table.length];
        for (int i = 0; i < table.length; i++) {
            out[i] = table[i] == 0 ? 0 : NgramHash.unmix(table[i]);
        }
        prefixClosed = order >= 3;
        for (int i = 0; order >= 3 && i < sizes[3]; i++) {
            long k3 = keys[3][i];
            long history = NgramHash.unmix(k3) >>> 21;
            int s = probeFree(table, NgramHash.mix(history));
            if (table[s] == 0) {
                prefixClosed = false; // a trigram without its history: the reader must not trust the follower bits
            } else {
                out[s] |= ModelLayout.followerBit(k3);
            }
        }
        return out;
    }

    /** The blocked Bloom filter of a table's keys (0 = empty slot), as {@link NgramModel} tests it. */
    static long[] filter(long[] table) {
        long blocks = ModelLayout.filterBlocks(table.length);
        long[] f = new long[(int) (8 * blocks)];
        for (long key : table) {
            if (key != 0) {
                int base = ModelLayout.filterBlock(key, blocks) << 3;
                for (int i = 0; i < ModelLayout.FILTER_HASHES; i++) {
                    int bit = ModelLayout.filterBit(key, i);
                    f[base + (bit >>> 6)] |= 1L << bit;
                }
            }
        }
        return f;
    }

    /** How many slots past its home slot a key sits (linear probing wraps around). */
    private static int distance(long key, int slot, int cap) {
        int home = (int) NgramHash.slot(key, cap);
        return slot >= home ? slot - home : slot + cap - home;
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

    /** Writes all of b at pos and returns crc updated with its bytes (as an int, how the header stores it). */
    private static int writeAt(FileChannel ch, ByteBuffer b, long pos, CRC32C crc) throws IOException {
        b.position(0);
        crc.update(b);
        b.position(0);
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
        return (int) crc.getValue();
    }
}
