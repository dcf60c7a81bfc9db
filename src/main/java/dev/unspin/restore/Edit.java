package dev.unspin.restore;

import dev.unspin.dictionary.Kind;

/**
 * One repair: characters [start, end) of the input, which read {@code before}, become {@code after}.
 * {@code source} and {@code entry} say why (the dictionary kind and file:line of the entry, or the
 * rule), {@code gain} is how much more probable (log10) the language model finds the sentence with
 * the repair than without it (NaN when no model was used).
 */
public record Edit(int start, int end, String before, String after, Kind source, String entry, double gain) {
}
