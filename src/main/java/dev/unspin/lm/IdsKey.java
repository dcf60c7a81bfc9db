package dev.unspin.lm;

import java.util.Arrays;

/** A sequence of word ids as a hash key and sort key (shorter first, then lexicographic). */
public record IdsKey(int[] ids) implements Comparable<IdsKey> {
    @Override
    public boolean equals(Object o) {
        return o instanceof IdsKey k && Arrays.equals(ids, k.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public int compareTo(IdsKey o) {
        return compare(ids, o.ids);
    }

    /** Shorter n-grams first, then lexicographic by id: every context's continuations are contiguous. */
    public static int compare(int[] a, int[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compare(a, b);
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
