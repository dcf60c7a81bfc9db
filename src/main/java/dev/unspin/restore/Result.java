package dev.unspin.restore;

import java.util.List;

/**
 * The restored text, the edits that produced it from the input (in text order), and the document's
 * estimated spin rate: substitutions per word (NaN when no language model was used).
 */
public record Result(String text, List<Edit> edits, double spinRate) {
    public Result {
        edits = List.copyOf(edits);
    }

    public Result(String text, List<Edit> edits) {
        this(text, edits, Double.NaN);
    }
}
