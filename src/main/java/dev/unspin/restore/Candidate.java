package dev.unspin.restore;

import dev.unspin.dictionary.Entry;

/**
 * One candidate original in a sentence lattice: tokens [start, end) may be read as
 * {@code replacement}. {@code ids} are the model words it emits, {@code source} its family, {@code rank}
 * its position among the originals its generator proposed for the same words (0 = best), and
 * {@code entry} the dictionary entry or thesaurus link behind it (the reason shown to users).
 */
public record Candidate(int start, int end, String replacement, int[] ids, Source source, int rank, Entry entry) {
    public int length() {
        return end - start;
    }
}
