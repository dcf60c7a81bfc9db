package dev.unspin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An annotated spun text ({@code .ann}): the spun text with each substitution marked
 * {@code [[SPUN=>ORIGINAL|ALTERNATIVE|?]]}. Parsing recovers the spun input byte for byte and
 * the gold edits with their character offsets in it.
 */
public record Annotation(String spun, List<GoldEdit> edits) {
    private static final Pattern MARK = Pattern.compile("\\[\\[(.*?)=>(.*?)\\]\\]", Pattern.DOTALL);

    /** A gold edit: spun[start, end) was written for one of alternatives; optional edits may stay. */
    public record GoldEdit(int start, int end, String spun, List<String> alternatives, boolean optional) {
    }

    public Annotation {
        edits = List.copyOf(edits);
    }

    public static Annotation parse(String text) {
        StringBuilder spun = new StringBuilder(text.length());
        List<GoldEdit> edits = new ArrayList<>();
        Matcher m = MARK.matcher(text);
        int pos = 0;
        while (m.find()) {
            spun.append(text, pos, m.start());
            String left = m.group(1);
            List<String> alts = new ArrayList<>(List.of(m.group(2).split("\\|", -1)));
            boolean optional = alts.remove("?");
            while (alts.remove("?")) {
                // several '?' mean the same as one
            }
            int start = spun.length();
            spun.append(left);
            edits.add(new GoldEdit(start, spun.length(), left, alts, optional));
            pos = m.end();
        }
        spun.append(text, pos, text.length());
        return new Annotation(spun.toString(), edits);
    }

    /** Writes text with the given edits marked, the inverse of {@link #parse} (used by `unspin spin`). */
    public static String format(String spun, List<GoldEdit> edits) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (GoldEdit e : edits) {
            sb.append(spun, at, e.start()).append("[[").append(e.spun()).append("=>")
                    .append(String.join("|", e.alternatives())).append(e.optional() ? "|?" : "").append("]]");
            at = e.end();
        }
        return sb.append(spun, at, spun.length()).toString();
    }
}
