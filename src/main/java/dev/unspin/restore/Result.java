package dev.unspin.restore;

import java.util.List;

/** The restored text and the edits that produced it from the input, in text order. */
public record Result(String text, List<Edit> edits) {
    public Result {
        edits = List.copyOf(edits);
    }
}
