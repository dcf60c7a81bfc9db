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
     * ("of the", "in the", a spun phrase and its candidates), the decoder asks again what the lattice's windows asked
     * (a candidate after the words as written), and an answer from the memory-mapped tables costs several cache misses.
     * Sized to hold a whole document's questions (a spun article of 5,000 words asks about 150,000 distinct ones), so
     * that the decoding graphs, built after every sentence's lattice, still find the windows' answers. Keys are stored
     * whole, so a hit is always the model's exact answer.
     */
    private final ThreadLocal<Memo> memo;

    /** log2 of the memo's slots: 2^18 slots of 16 bytes (trigram models) or 24 bytes (longer states) per thread. */
    static final int MEMO_BITS = 18;

    private static final class Memo {
        /**
         * For states of at most 42 bits (trigram models) the key packs state and word (word + 2, never 0) into one
         * long, and {@code states} is unused; otherwise the key is the word + 2 and the state is compared too.
         * A key of 0 marks an empty slot.
         */
        final long[] keys;
        final long[] states;
        final double[] scores;

        Memo(boolean packed) {
            keys = new long[1 << MEMO_BITS];
            states = packed ? null : new long[1 << MEMO_BITS];
            scores = new double[1 << MEMO_BITS];
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
        this.memo = ThreadLocal.withInitial(() -> new Memo(packed));
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
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS));
            if (m.keys[slot] == key) {
                return m.scores[slot];
            }
            double p = lookup(state, word);
            m.keys[slot] = key;
            m.scores[slot] = p;
            return p;
        }
        long key = word + 2L;
        int slot = (int) ((state * 0x9E3779B97F4A7C15L + word * 0xC2B2AE3D27D4EB4FL) >>> (64 - MEMO_BITS));
        if (m.keys[slot] == key && m.states[slot] == state) {
            return m.scores[slot];
        }
        double p = lookup(state, word);
        m.keys[slot] = key;
        m.states[slot] = state;
        m.scores[slot] = p;
        return p;
    }

    private double lookup(long state, int word) {
        int[] ids = new int[ctx + 1]; // small and short-lived: escape analysis keeps it off the heap
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
