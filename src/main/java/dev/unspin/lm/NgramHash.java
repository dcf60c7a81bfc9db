package dev.unspin.lm;

/**
 * 64-bit keys for n-grams of word ids and for vocabulary strings. The model files store these keys
 * instead of the n-grams themselves. Bigrams and trigrams of a vocabulary under two million words have keys of their
 * own (a bijection of the packed ids); otherwise, with 64 bits, a false match among a few million entries has a
 * probability around 1e-13 per lookup, far below anything that could change a decision.
 */
public final class NgramHash {
    private NgramHash() {
    }

    /** splitmix64 finaliser: a bijection that spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Ids below this pack exactly into a bigram or trigram key: 21 bits a word (id + 1, so that no packed n-gram is 0).
     */
    static final int PACKED_IDS = (1 << 21) - 1;

    /**
     * Key of the n-gram ids[from..to). Never 0, which marks an empty slot. Bigrams and trigrams of ids below
     * {@link #PACKED_IDS} (every vocabulary of up to two million words) are packed whole into 63 bits and mixed by a
     * bijection, so two of them never share a key, and a trigram question works out its three keys with one mix each,
     * side by side, instead of chains of two and three ({@link #ngram2}, {@link #ngram3}). Longer n-grams, and the ids
     * of larger vocabularies, are chained through the mix as before.
     */
    public static long ngram(int[] ids, int from, int to) {
        int n = to - from;
        if (n == 2 && packs(ids[from]) && packs(ids[from + 1])) {
            return ngram2(ids[from], ids[from + 1]);
        }
        if (n == 3 && packs(ids[from]) && packs(ids[from + 1]) && packs(ids[from + 2])) {
            return ngram3(ids[from], ids[from + 1], ids[from + 2]);
        }
        long h = 0x9E3779B97F4A7C15L * n;
        for (int i = from; i < to; i++) {
            h = mix(h ^ (ids[i] + 0x632BE59BD9B4E019L));
        }
        return h == 0 ? 1 : h;
    }

    private static boolean packs(int id) {
        return id >= 0 && id < PACKED_IDS;
    }

    /** {@link #ngram} of the bigram (a, b) of ids below {@link #PACKED_IDS}, without an array. Never 0. */
    static long ngram2(int a, int b) {
        return mix(pack2(a, b)); // the mix is a bijection that keeps only 0 at 0
    }

    /** {@link #ngram} of the trigram (a, b, c) of ids below {@link #PACKED_IDS}, without an array. Never 0. */
    static long ngram3(int a, int b, int c) {
        return mix(pack3(a, b, c));
    }

    /** The bigram (a, b) of ids below {@link #PACKED_IDS} in 42 bits, never 0: what {@link #ngram2} mixes. */
    static long pack2(int a, int b) {
        return ((long) (a + 1) << 21) | (b + 1);
    }

    /** The trigram (a, b, c) of ids below {@link #PACKED_IDS} in 63 bits, never 0; its history's {@link #pack2} is the top 42. */
    static long pack3(int a, int b, int c) {
        return ((long) (a + 1) << 42) | ((long) (b + 1) << 21) | (c + 1);
    }

    /** The inverse of {@link #mix}: a packed n-gram from its key. */
    static long unmix(long z) {
        z = z ^ (z >>> 31) ^ (z >>> 62);
        z *= 0x319642b2d24d8ec3L;
        z = z ^ (z >>> 27) ^ (z >>> 54);
        z *= 0x96de1b173f119089L;
        return z ^ (z >>> 30) ^ (z >>> 60);
    }

    /** Key of a word, from its UTF-16 chars. Never 0. */
    public static long word(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = mix(h);
        return h == 0 ? 1 : h;
    }

    /** Slot of a key in an open-addressing table of the given capacity (multiply-shift, no modulo). */
    static long slot(long key, long capacity) {
        return Math.multiplyHigh(key & Long.MAX_VALUE, capacity << 1) ;
    }
}
