package dev.unspin.lm;

/**
 * Byte layout of an unspin model file (".ulm"), little-endian throughout.
 *
 * <pre>
 * header (HEADER_BYTES):
 *   0  8 bytes  magic "UNSPINLM"
 *   8  int      version
 *  12  int      order N (1..MAX_ORDER)
 *  16  int      vocabulary size V
 *  20  float    log10 probability of an unknown word
 *  24  long     total file length (detects truncation)
 *  32  long     vocabulary hash capacity, then its offset
 *  48  long     vocabulary string offsets offset, then blob offset, then blob length
 *  72  long     unigram offset
 *  80  for n = 2..MAX_ORDER: long count, long capacity, long offset (24 bytes each; zeros above N)
 * 200  int CRC-32C of each section, SECTIONS of them: vocabulary hash, vocabulary string offsets,
 *      vocabulary bytes, unigrams, then the order n tables for n = 2..MAX_ORDER (0 when absent)
 * 236  int longest probe run of the vocabulary hash, then of the order n tables for n = 2..MAX_ORDER
 *      (slots past a key's home slot; lookups probe no further, so even a forged full table is fast)
 * 260  int flags: FOLLOWERS
 * 264  int CRC-32C of header bytes [0, 264)
 * vocabulary hash:  long key[cap], int id[cap]         (key = NgramHash.word, 0 = empty)
 * vocabulary text:  int offset[V+1], UTF-8 bytes
 * unigrams:         float prob[V], float backoff[V]
 * order n tables:   cap slots of {long key, short prob, short backoff} (12 bytes; 10 without the backoff for n = N),
 *                   then long filter[8 * filterBlocks(cap)]: a blocked Bloom filter of the table's keys (NgramHash.ngram).
 *                   When the vocabulary's ids pack (at most NgramHash.PACKED_IDS words), the bigram table's key field
 *                   holds the packed bigram (NgramHash.pack2, 42 bits) and above it FOLLOWER_BITS bits: bit
 *                   followerBit(trigram key) is set for every stored trigram that continues the bigram.
 * </pre>
 *
 * Every section carries a checksum, verified when the model opens, so a flipped bit anywhere in the
 * file is a "corrupt model" error instead of silently different repairs. The count of an order's
 * table is the number of occupied slots (distinct keys).
 *
 * <p>Higher-order weights are quantised to 1/1024 of a log10 unit (error below 0.0005), which halves
 * the file against floats and is finer than the 16-bit tables the Sphinx model was stored with.
 */
final class ModelLayout {
    static final byte[] MAGIC = {'U', 'N', 'S', 'P', 'I', 'N', 'L', 'M'};
    /**
     * 2: unknown-word probability no longer derived from the -99 placeholder of &lt;s&gt;;
     * 3: per-section CRC-32C checksums, a header checksum, longest probe runs; counts are distinct keys;
     * 4: each n-gram table ends with a filter of its keys, so most questions for an n-gram the model lacks are answered
     * without reading the table;
     * 5: each n-gram table slot holds its key, probability and back-off weight side by side (they were three arrays), so
     * a lookup and the weights it finds share a cache line instead of costing up to three misses of a table far larger
     * than the caches; bigram and trigram keys pack their ids exactly (one mix each, no false match); each bigram carries a
     * small filter of the words that follow it in trigrams, read with it, so most trigram questions need no other line.
     * Files of other versions are refused (the build re-imports its cached copy).
     */
    static final int VERSION = 5;
    /** log10 values at or below this are placeholders ("never"), not probabilities. */
    static final float PLACEHOLDER = -90f;
    static final int MAX_ORDER = 6;
    /** Offset of the section checksums in the header. */
    static final int CRC_AT = 80 + 24 * (MAX_ORDER - 1);
    /** Checksummed sections: vocabulary hash, string offsets, string bytes, unigrams, orders 2..MAX_ORDER. */
    static final int SECTIONS = 4 + MAX_ORDER - 1;
    /** Offset of the longest probe runs: vocabulary, then orders 2..MAX_ORDER. */
    static final int PROBE_AT = CRC_AT + 4 * SECTIONS;
    /** Offset of the header's flags. */
    static final int FLAGS_AT = PROBE_AT + 4 * MAX_ORDER;
    /**
     * Flag: every stored trigram's history is a stored bigram, whose follower bits are set ({@link #followerBit}), so a
     * trigram whose history is missing or lacks its bit is certainly absent. (Models from the Sphinx trie always are;
     * an ARPA file need not be, and then the trigram filter alone answers.)
     */
    static final int FOLLOWERS = 1;
    /** Follower bits of a bigram slot, above its 42-bit packed key. */
    static final int FOLLOWER_BITS = 22;
    static final long PACKED_KEY_MASK = (1L << 42) - 1;
    /** Offset of the header's own checksum, which covers every byte before it. */
    static final int HEADER_CRC_AT = FLAGS_AT + 4;
    static final int HEADER_BYTES = HEADER_CRC_AT + 4;
    static final float QUANT = 1024f;
    /** Tables are filled to at most this share, so a probe run stays short. */
    static final double LOAD = 0.66;

    /**
     * Filter bits per table slot (about 12 per key at the tables' load): a key the table lacks passes the filter with a
     * probability around 1%, and a trigram filter of the bundled model is 2.5 MB, which stays in a shared cache while
     * the 20 MB of trigram keys cannot. The filter is exact where it matters: a stored key always passes.
     */
    static final int FILTER_BITS_PER_SLOT = 8;
    /** Bits set per key, each in the key's 64-byte block. */
    static final int FILTER_HASHES = 4;

    private ModelLayout() {
    }

    /** 64-byte filter blocks of a table of cap slots. */
    static long filterBlocks(long cap) {
        return Math.max(1, (cap * FILTER_BITS_PER_SLOT + 511) / 512);
    }

    /** Bytes of the order-n table of cap slots in a model of the given order: keys, weights, then the filter. */
    static long tableBytes(int n, int order, long cap) {
        return cap * slotBytes(n, order) + 64 * filterBlocks(cap);
    }

    /** Bytes of one slot of the order-n table: key and probability, and the back-off weight below the model's order. */
    static int slotBytes(int n, int order) {
        return n < order ? 12 : 10;
    }

    /**
     * Block of a key in a filter of the given blocks: from the key's high bits (the key is a hash already); the bits set
     * in it come from its low 36 bits, 9 bits each ({@link #filterBit}).
     */
    static int filterBlock(long key, long blocks) {
        return (int) NgramHash.slot(key, blocks);
    }

    /** Bit i (0..FILTER_HASHES-1) of a key within its 512-bit block. */
    static int filterBit(long key, int i) {
        return (int) (key >>> (9 * i)) & 511;
    }

    /**
     * The follower bit (42 to 63) of a trigram in its history's bigram slot, from the trigram's key (bits the table slot
     * and the filter use less: the slot and the filter block come from the top bits, the filter's bits from the low 36).
     */
    static long followerBit(long trigramKey) {
        return 1L << (42 + (int) ((((trigramKey >>> 36) & 0xFFFFFF) * FOLLOWER_BITS) >>> 24));
    }

    /** Name of checksummed section i, for error messages. */
    static String sectionName(int i) {
        return switch (i) {
            case 0 -> "vocabulary hash";
            case 1 -> "vocabulary offsets";
            case 2 -> "vocabulary text";
            case 3 -> "unigrams";
            default -> (i - 2) + "-gram table";
        };
    }

    static long capacityFor(long count) {
        return Math.max(8, (long) Math.ceil(count / LOAD));
    }

    static short quantise(float log10) {
        float q = Math.round(log10 * QUANT);
        return (short) Math.max(-32767, Math.min(32767, q));
    }

    static float dequantise(short q) {
        return q / QUANT;
    }

    static long align8(long x) {
        return (x + 7) & ~7L;
    }
}
