package dev.unspin.restore;

import dev.unspin.dictionary.Kind;

/**
 * One repair: characters [start, end) of the input, which read {@code before}, become {@code after}.
 * {@code source} and {@code entry} say why (the dictionary kind and file:line of the entry, the
 * thesaurus link, or the rule); {@code gain} is how much more probable (log10) the language model finds
 * the words around the repair with it than without it (NaN when no model was used), and
 * {@code probability} the calibrated probability that the repair restores the original (NaN for rules
 * and for --no-lm).
 */
public record Edit(int start, int end, String before, String after, Kind source, String entry, double gain, double probability) {
    public Edit(int start, int end, String before, String after, Kind source, String entry, double gain) {
        this(start, end, before, after, source, entry, gain, Double.NaN);
    }
}
