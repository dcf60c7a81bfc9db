package dev.unspin.restore;

import dev.unspin.text.Sentence;
import java.util.function.Consumer;

/**
 * Proposes candidate originals for the words of a sentence. Generators are immutable and
 * thread-safe; the restorer and the coverage report ask the same ones.
 */
public interface CandidateGenerator {
    /** Offers every candidate starting at token i of the sentence. */
    void propose(SentenceView s, int i, Consumer<Candidate> out);

    /** A sentence as the generators see it: its tokens, their model ids, and what may not be changed. */
    interface SentenceView {
        Sentence sentence();

        /** Model ids of token i as written (none for punctuation). */
        int[] ids(int i);

        /** Unigram log10 probability of token i's words. */
        double unigram(int i);

        /** Whether token i lies in a protected span (URL, code, number, quote if asked). */
        boolean guarded(int i);

        /** Model ids of a replacement phrase (words separated by spaces). */
        int[] idsOf(String phrase);
    }
}
