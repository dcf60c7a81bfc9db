package dev.unspin.lm;

/**
 * What the restorer asks of a language model, in the style of KenLM's query interface: a state
 * stands for the words that matter for the next prediction, so a decoder can carry it along a
 * lattice path without rebuilding histories. States are plain longs (no allocation on the hot path);
 * two paths whose states are equal cannot be told apart by any later word (Viterbi recombination).
 * Scores are log10 probabilities. Implementations are immutable and thread-safe.
 */
public interface LanguageModel {
    /** Longest n-gram the model scores. */
    int order();

    /** Id of a model word (lower case, as {@link LmTokens} writes it), or -1 when unknown. */
    int index(String word);

    /** Sentence start and end markers. */
    int bos();

    int eos();

    /** The state at a sentence start (after &lt;s&gt;). */
    long begin();

    /** log10 P(word | state); word may be -1 (unknown). */
    double score(long state, int word);

    /**
     * out[i] = {@link #score}(states[i], words[i]) for i below n, the same doubles: for a caller that knows many questions
     * before it needs their answers, so that a model reading memory far larger than the caches can overlap their misses.
     */
    default void scores(long[] states, int[] words, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = score(states[i], words[i]);
        }
    }

    /** The state after word has followed state. */
    long next(long state, int word);

    /** log10 unigram probability of a word (the unknown-word probability for -1). */
    double unigram(int word);
}
