package dev.unspin.restore;

import dev.unspin.dictionary.Entry;

/**
 * One edge of a sentence lattice: tokens [start, end) read as {@code replacement} (null: kept as
 * written). {@code lmIds} are the model ids the edge emits; {@code cost} is the per-change price
 * (negative for a bonus) that the language-model gain must beat.
 */
record Arc(int start, int end, String replacement, Entry entry, int[] lmIds, double cost) {
    boolean keeps() {
        return replacement == null;
    }
}
