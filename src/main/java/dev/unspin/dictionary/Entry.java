package dev.unspin.dictionary;

import java.util.List;

/**
 * One dictionary entry: the spun phrase (as lower-case tokens), the originals it may stand for (as
 * written, several when the model should choose), its kind, and where it came from (file:line, or
 * the generating rule) for --explain and for error messages.
 */
public record Entry(List<String> spun, List<String> originals, Kind kind, boolean exactCase, String origin) {
    public Entry {
        spun = List.copyOf(spun);
        originals = List.copyOf(originals);
    }

    public String spunText() {
        return String.join(" ", spun);
    }
}
