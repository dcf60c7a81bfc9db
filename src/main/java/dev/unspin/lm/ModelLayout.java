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
 *  80  for n = 2..N: long count, long capacity, long offset   (24 bytes each)
 * vocabulary hash:  long key[cap], int id[cap]         (key = NgramHash.word, 0 = empty)
 * vocabulary text:  int offset[V+1], UTF-8 bytes
 * unigrams:         float prob[V], float backoff[V]
 * order n tables:   long key[cap], short prob[cap], short backoff[cap] (backoff absent for n = N)
 * </pre>
 *
 * Higher-order weights are quantised to 1/1024 of a log10 unit (error below 0.0005), which halves
 * the file against floats and is finer than the 16-bit tables the Sphinx model was stored with.
 */
final class ModelLayout {
    static final byte[] MAGIC = {'U', 'N', 'S', 'P', 'I', 'N', 'L', 'M'};
    /** 2: unknown-word probability no longer derived from the -99 placeholder of &lt;s&gt; (version 1 files are re-imported). */
    static final int VERSION = 2;
    /** log10 values at or below this are placeholders ("never"), not probabilities. */
    static final float PLACEHOLDER = -90f;
    static final int MAX_ORDER = 6;
    static final int HEADER_BYTES = 80 + 24 * (MAX_ORDER - 1);
    static final float QUANT = 1024f;
    /** Tables are filled to at most this share, so a probe run stays short. */
    static final double LOAD = 0.66;

    private ModelLayout() {
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
