package dev.unspin.lm;

/**
 * {@link LanguageModel} over an {@link NgramModel}: the state packs the last order-1 word ids into a
 * long, each in 21 bits (id + 2, so that 0 means "no word here" and 1 an unknown word). That holds
 * vocabularies up to two million words for trigram and 4-gram models; order 5 needs ids below 32,766.
 */
public final class NgramLanguageModel implements LanguageModel {
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    private final NgramModel model;
    private final int ctx;
    private final int bits;
    private final long mask;
    private final int bos;
    private final int eos;
    private final boolean packed;
    /**
     * Recent answers, per thread: a direct-mapped table of (state, word) -> log10 probability. Text repeats its n-grams
     * ("of the", "in the", a spun phrase and its candidates), and an answer from the memory-mapped tables costs several
     * cache misses. (A sentence's own repeats, the decoder asking what the lattice's windows asked, are kept whole by the
     * restorer.) Keys are stored whole, so a hit is always the model's exact answer.
     */
    private final ThreadLocal<Memo> memo;

    /**
     * log2 of the memo's slots: 16 bytes each for trigram models (one cache line holds key and answer), 24 otherwise.
     * Small enough to stay in a core's own cache: behind the restorer's per-sentence answers, few questions repeat
     * (2-3% of the rest), and replaying a restorer's questions, a 2^16-slot memo (1 MB) cost 40-50 ns a question more
     * than it saved, while 2^12 slots broke even (2026-12-01).
     */
    static final int MEMO_BITS = 12;

    private static final class Memo {
        /**
         * For states of at most 42 bits (trigram models) slot i holds at 2i the key packing state and word (word + 2,
         * never 0) and at 2i + 1 the answer's bits, so a lookup reads one cache line; {@code states} and {@code scores}
         * are then unused. Otherwise the key is word + 2 and the state is compared too. A key of 0 marks an empty slot.
         */
        final long[] packed;
        final long[] keys;
        final long[] states;
        final double[] scores;
        /** the n-gram of a question, for the model's lookup (which reads it and keeps nothing) */
        final int[] ids;
        /** a batch's trigram questions ({@link #scores}): where each goes, its words, its answer, the model's scratch */
        int[] at = new int[0];
        int[] u = new int[0];
        int[] v = new int[0];
        int[] w = new int[0];
        double[] p = new double[0];
        long[] ah = new long[0];
        long[] a2 = new long[0];
        long[] a3 = new long[0];

        void room(int n) {
            if (at.length < n) {
                int c = Math.max(n, 2 * at.length);
                at = new int[c];
                u = new int[c];
                v = new int[c];
                w = new int[c];
                p = new double[c];
                ah = new long[c];
                a2 = new long[c];
                a3 = new long[c];
            }
        }

        Memo(boolean pack, int order) {
            ids = new int[order];
            packed = pack ? new long[2 << MEMO_BITS] : null;
            keys = pack ? null : new long[1 << MEMO_BITS];
            states = pack ? null : new long[1 << MEMO_BITS];
            scores = pack ? null : new double[1 << MEMO_BITS];
        }
    }

    public NgramLanguageModel(NgramModel model) {
        this.model = model;
        this.ctx = model.order() - 1;
        this.bits = ctx <= 3 ? BITS : 63 / ctx;
        this.mask = ctx <= 3 ? MASK : (1L << bits) - 1;
        if (model.vocabularySize() + 2 > mask) {
            throw new IllegalArgumentException("vocabulary of " + model.vocabularySize() + " words is too large for an order-"
                    + model.order() + " state");
        }
        // a packed key needs the state's bits plus 21 for the word in 63 bits
        boolean packed = bits * ctx + BITS <= 63 && model.vocabularySize() + 2 < (1 << BITS);
        this.packed = packed;
        this.memo = ThreadLocal.withInitial(() -> new Memo(packed, model.order()));
        this.bos = model.id("<s>");
        this.eos = model.id("</s>");
    }

    public NgramModel ngramModel() {
        return model;
    }

    @Override
    public int order() {
        return model.order();
    }

    @Override
    public int index(String word) {
        return model.id(word);
    }

    @Override
    public int bos() {
        return bos;
    }

    @Override
    public int eos() {
        return eos;
    }

    @Override
    public long begin() {
        return ctx == 0 ? 0 : bos + 2L;
    }

    @Override
    public double score(long state, int word) {
        Memo m = memo.get();
        if (packed) {
            long key = (state << BITS) | (word + 2L);
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS)) << 1;
            long[] t = m.packed;
            if (t[slot] == key) {
                return Double.longBitsToDouble(t[slot + 1]);
            }
            double p = lookup(m.ids, state, word);
            t[slot] = key;
            t[slot + 1] = Double.doubleToRawLongBits(p);
            return p;
        }
        long key = word + 2L;
        int slot = (int) ((state * 0x9E3779B97F4A7C15L + word * 0xC2B2AE3D27D4EB4FL) >>> (64 - MEMO_BITS));
        if (m.keys[slot] == key && m.states[slot] == state) {
            return m.scores[slot];
        }
        double p = lookup(m.ids, state, word);
        m.keys[slot] = key;
        m.states[slot] = state;
        m.scores[slot] = p;
        return p;
    }

    /**
     * The batch of {@link LanguageModel#scores}: a trigram model's questions of two known words and a known word, all the
     * memo does not hold, go to the model together ({@link NgramModel#logProb3(int[], int[], int[], int, double[], long[], long[], long[])}),
     * the others one by one.
     */
    @Override
    public void scores(long[] states, int[] words, int n, double[] out) {
        if (ctx != 2 || !packed) {
            LanguageModel.super.scores(states, words, n, out);
            return;
        }
        Memo m = memo.get();
        m.room(n);
        long[] t = m.packed;
        int k = 0;
        for (int i = 0; i < n; i++) {
            long state = states[i];
            int word = words[i];
            long key = (state << BITS) | (word + 2L);
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS)) << 1;
            long u = (state >>> bits) & mask;
            long v = state & mask;
            if (t[slot] == key) {
                out[i] = Double.longBitsToDouble(t[slot + 1]);
            } else if (word >= 0 && u >= 2 && v >= 2) {
                m.at[k] = i;
                m.u[k] = (int) u - 2;
                m.v[k] = (int) v - 2;
                m.w[k] = word;
                k++;
            } else {
                out[i] = score(state, word);
            }
        }
        model.logProb3(m.u, m.v, m.w, k, m.p, m.ah, m.a2, m.a3);
        for (int j = 0; j < k; j++) {
            int i = m.at[j];
            double p = m.p[j];
            out[i] = p;
            long key = (states[i] << BITS) | (words[i] + 2L);
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS)) << 1;
            t[slot] = key;
            t[slot + 1] = Double.doubleToRawLongBits(p);
        }
    }

    private double lookup(int[] ids, long state, int word) {
        if (ctx == 2 && word >= 0) {
            // a trigram model's usual question, two known words and a known word: straight to the trigram path
            long u = (state >>> bits) & mask;
            long v = state & mask;
            if (u >= 2 && v >= 2) {
                return model.logProb3((int) u - 2, (int) v - 2, word);
            }
        }
        int from = ctx;
        for (int k = ctx - 1; k >= 0; k--) {
            long f = (state >>> (bits * (ctx - 1 - k))) & mask;
            if (f == 0) {
                break;
            }
            ids[k] = (int) f - 2;
            from = k;
        }
        ids[ctx] = word;
        return model.logProb(ids, from, ctx + 1);
    }

    @Override
    public long next(long state, int word) {
        if (ctx == 0) {
            return 0;
        }
        long shifted = ctx == 1 ? 0 : (state << bits) & ((1L << (bits * ctx)) - 1);
        return shifted | (word + 2L);
    }

    @Override
    public double unigram(int word) {
        return model.unigramLogProb(word);
    }
}
