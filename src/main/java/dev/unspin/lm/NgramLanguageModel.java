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
    /**
     * Recent answers, per thread: a direct-mapped table of (state, word) -> log10 probability. Text repeats its n-grams
     * ("of the", "in the", a spun phrase and its candidates), and an answer from the memory-mapped tables costs several
     * cache misses. Keys are stored whole, so a hit is always the model's exact answer.
     */
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    private static final class Memo {
        static final int SIZE = 1 << 16;
        final long[] states = new long[SIZE];
        final int[] words = new int[SIZE];
        final double[] scores = new double[SIZE];
        final boolean[] used = new boolean[SIZE];
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
        int slot = (int) ((state * 0x9E3779B97F4A7C15L + word * 0xC2B2AE3D27D4EB4FL) >>> 48);
        if (m.used[slot] && m.states[slot] == state && m.words[slot] == word) {
            return m.scores[slot];
        }
        double p = lookup(state, word);
        m.used[slot] = true;
        m.states[slot] = state;
        m.words[slot] = word;
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
