package dev.unspin.eval;

import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an annotated document into short documents of a few consecutive sentences, as users paste a paragraph into a pipe
 * or a page holds a snippet. A short text holds too few words for its own spin rate to say much, so the restorer is
 * measured on such pieces apart from whole documents ({@code unspin heldout --pieces}, the calibration's validation). Cuts fall at the restorer's own sentence starts and
 * never inside a marked edit; each piece keeps the marks that lie in it, with their offsets moved.
 */
public final class Pieces {
    private final TextAnalyzer analyzer;

    public Pieces(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The document as pieces of {@code sentences} sentences each (the last may be shorter), each an annotation text. */
    public List<String> cut(String annotated, int sentences) {
        return cut(Annotation.parse(annotated), sentences);
    }

    /** {@link #cut(String, int)} of a document already parsed. */
    public List<String> cut(Annotation a, int sentences) {
        if (sentences < 1) {
            throw new IllegalArgumentException("pieces need at least one sentence, not " + sentences);
        }
        List<Sentence> ss = analyzer.sentences(a.spun());
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (int k = sentences; k < ss.size(); k += sentences) {
            int at = ss.get(k).start();
            if (!insideEdit(a, at)) {
                bounds.add(at);
            }
        }
        bounds.add(a.spun().length());
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            String piece = piece(a, bounds.get(i), bounds.get(i + 1));
            if (!piece.isBlank()) {
                out.add(piece);
            }
        }
        return out;
    }

    /** Pieces of every document, in order. */
    public List<String> cutAll(List<String> annotated, int sentences) {
        List<String> out = new ArrayList<>();
        for (String d : annotated) {
            out.addAll(cut(d, sentences));
        }
        return out;
    }

    private static boolean insideEdit(Annotation a, int at) {
        for (Annotation.GoldEdit e : a.edits()) {
            if (e.start() < at && at < e.end()) {
                return true;
            }
        }
        return false;
    }

    private static String piece(Annotation a, int from, int to) {
        String s = a.spun();
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        List<Annotation.GoldEdit> edits = new ArrayList<>();
        for (Annotation.GoldEdit e : a.edits()) {
            if (e.start() >= from && e.end() <= to) {
                edits.add(new Annotation.GoldEdit(e.start() - from, e.end() - from, e.spun(), e.alternatives(), e.optional()));
            }
        }
        return Annotation.format(s.substring(from, to), edits) + "\n";
    }
}
