package dev.unspin.lm;

/**
 * 64-bit keys for n-grams of word ids and for vocabulary strings. The model files store these keys
 * instead of the n-grams themselves: with 64 bits, a false match among a few million entries has a
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

    /** Key of the n-gram ids[from..to). Never 0, which marks an empty slot. */
    public static long ngram(int[] ids, int from, int to) {
        long h = 0x9E3779B97F4A7C15L * (to - from);
        for (int i = from; i < to; i++) {
            h = mix(h ^ (ids[i] + 0x632BE59BD9B4E019L));
        }
        return h == 0 ? 1 : h;
    }

    /** {@link #ngram} of the bigram (a, b), without an array. */
    static long ngram2(int a, int b) {
        long h = 0x9E3779B97F4A7C15L * 2;
        h = mix(h ^ (a + 0x632BE59BD9B4E019L));
        h = mix(h ^ (b + 0x632BE59BD9B4E019L));
        return h == 0 ? 1 : h;
    }

    /** {@link #ngram} of the trigram (a, b, c), without an array. */
    static long ngram3(int a, int b, int c) {
        long h = 0x9E3779B97F4A7C15L * 3;
        h = mix(h ^ (a + 0x632BE59BD9B4E019L));
        h = mix(h ^ (b + 0x632BE59BD9B4E019L));
        h = mix(h ^ (c + 0x632BE59BD9B4E019L));
        return h == 0 ? 1 : h;
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
