package dev.unspin.dictionary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A ranked word table ("word TAB original,original,...", lines sorted by word in byte order, '#'
 * comments and blank lines only at the top) searched in its raw bytes: a lookup is a binary search
 * over line starts, and only the line found is decoded. Nothing is parsed up front, so a shell
 * pipe that asks about a handful of words pays for a handful of lines. Immutable, so thread-safe.
 */
final class SortedTable {
    private final byte[] data;
    private final int first;
    private final ToDoubleFunction<String> rank;

    /** rank: candidates it ranks NaN (words the model does not know) are dropped, as the full parse drops them. */
    SortedTable(byte[] data, ToDoubleFunction<String> rank) {
        this.data = data;
        this.rank = rank;
        int p = 0;
        // skip the header: comment and blank lines
        while (p < data.length && (data[p] == '#' || data[p] == '\n' || data[p] == '\r')) {
            while (p < data.length && data[p] != '\n') {
                p++;
            }
            p++;
        }
        this.first = Math.min(p, data.length);
    }

    /** The originals listed for a lower-case word, best first, or null when the table has no line for it. */
    List<String> originals(String word) {
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int lo = first;
        int hi = data.length;
        // invariant: lo is a line start; the word's line, if any, starts in [lo, hi)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int start = mid;
            while (start > lo && data[start - 1] != '\n') {
                start--;
            }
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            int c = compare(key, start, end);
            if (c == 0) {
                return parse(word, start + key.length + 1, end);
            }
            if (c < 0) {
                hi = start;
            } else {
                lo = end + 1;
            }
        }
        return null;
    }

    /** The key against the line's word (the bytes before its tab), unsigned byte order as `LC_ALL=C sort`. */
    private int compare(byte[] key, int start, int end) {
        int i = 0;
        int p = start;
        for (; i < key.length && p < end && data[p] != '\t'; i++, p++) {
            int d = (key[i] & 0xff) - (data[p] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        boolean keyDone = i == key.length;
        boolean wordDone = p >= end || data[p] == '\t';
        return keyDone && wordDone ? 0 : keyDone ? -1 : 1;
    }

    private List<String> parse(String word, int from, int end) {
        if (end > from && data[end - 1] == '\r') {
            end--;
        }
        List<String> out = new ArrayList<>();
        int p = from;
        while (p <= end) {
            int q = p;
            while (q < end && data[q] != ',') {
                q++;
            }
            String o = new String(data, p, q - p, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
            if (!o.isEmpty() && !o.equals(word) && !Double.isNaN(rank.applyAsDouble(o))) {
                out.add(o);
            }
            p = q + 1;
        }
        return out;
    }
}
