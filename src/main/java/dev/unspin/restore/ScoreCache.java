package dev.unspin.restore;

import dev.unspin.lm.LanguageModel;

/**
 * One sentence's language-model answers, (state, word) -> log10 probability, exact and never evicted: the decoding
 * graph asks again most of what the lattice's windows asked (each candidate after the words as written, the words as
 * written after it), and by the time the graph is built, every other sentence of the document has asked its own
 * questions, so a shared, bounded memo has long forgotten them. Open addressing over primitive arrays, so a lookup
 * allocates nothing; not thread-safe (a lattice is built and decoded on one thread).
 *
 * <p>Questions can also be planned: between {@link #plan} and {@link #answer} a question is only noted (its answer reads
 * 0), and {@link #answer} asks the model all the new ones together ({@link LanguageModel#scores}), whose memory reads
 * then overlap; the callers walk their windows twice, first to plan, then to read the answers.
 */
final class ScoreCache {
    private final LanguageModel lm;
    private long[] states;
    /** word + 2, so that 0 marks an empty slot (unknown words are -1) */
    private int[] words;
    private double[] scores;
    private int size;
    private int mask;
    private boolean planning;
    /** the questions noted since {@link #plan}, to be answered together */
    private long[] pendingStates = new long[16];
    private int[] pendingWords = new int[16];
    private int pending;

    ScoreCache(LanguageModel lm, int expected) {
        this.lm = lm;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        states = new long[cap];
        words = new int[cap];
        scores = new double[cap];
        mask = cap - 1;
        size = 0;
    }

    LanguageModel lm() {
        return lm;
    }

    int size() {
        return size;
    }

    private static int hash(long state, int word) {
        long h = state * 0x9E3779B97F4A7C15L + word * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43));
    }

    /** From now until {@link #answer}, questions are noted, not asked, and read 0. */
    void plan() {
        planning = true;
    }

    /** Asks the model every question noted since {@link #plan}, together, and keeps the answers; ends the planning. */
    void answer() {
        planning = false;
        if (pending == 0) {
            return;
        }
        double[] out = new double[pending];
        lm.scores(pendingStates, pendingWords, pending, out);
        for (int i = 0; i < pending; i++) {
            long state = pendingStates[i];
            int w = pendingWords[i] + 2;
            int s = hash(state, pendingWords[i]) & mask;
            while (words[s] != w || states[s] != state) {
                s = (s + 1) & mask;
            }
            scores[s] = out[i];
        }
        pending = 0;
    }

    /** The model's log10 P(word | state), asked once per sentence (while planning: noted, and 0). */
    double score(long state, int word) {
        if (word < -1) {
            return planning ? 0 : lm.score(state, word); // not a model word: nothing to keep
        }
        int w = word + 2;
        int s = hash(state, word) & mask;
        for (int x; (x = words[s]) != 0; s = (s + 1) & mask) {
            if (x == w && states[s] == state) {
                return scores[s];
            }
        }
        double p = 0;
        if (planning) {
            if (pending == pendingStates.length) {
                pendingStates = java.util.Arrays.copyOf(pendingStates, 2 * pending);
                pendingWords = java.util.Arrays.copyOf(pendingWords, 2 * pending);
            }
            pendingStates[pending] = state;
            pendingWords[pending++] = word;
        } else {
            p = lm.score(state, word);
        }
        states[s] = state;
        words[s] = w;
        scores[s] = p;
        if (++size * 2 > mask) {
            grow();
        }
        return p;
    }

    /**
     * The answer if this sentence asked it already, else the model's, without keeping it: the decoding graph's own
     * questions (a candidate after another) are nearly all new and asked once, so keeping them would only grow the table.
     */
    double scoreRead(long state, int word) {
        if (word >= -1) {
            int w = word + 2;
            for (int s = hash(state, word) & mask, x; (x = words[s]) != 0; s = (s + 1) & mask) {
                if (x == w && states[s] == state) {
                    return scores[s];
                }
            }
        }
        return lm.score(state, word);
    }

    private void grow() {
        long[] st = states;
        int[] wd = words;
        double[] sc = scores;
        allocate((mask + 1) * 2);
        for (int i = 0; i < wd.length; i++) {
            if (wd[i] != 0) {
                int s = hash(st[i], wd[i] - 2) & mask;
                while (words[s] != 0) {
                    s = (s + 1) & mask;
                }
                states[s] = st[i];
                words[s] = wd[i];
                scores[s] = sc[i];
                size++;
            }
        }
    }
}
