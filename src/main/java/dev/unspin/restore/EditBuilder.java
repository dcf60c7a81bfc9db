package dev.unspin.restore;

import dev.unspin.dictionary.Kind;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns chosen candidates into edits of the input: the smallest span that changes, the writer's casing
 * carried over, a/an agreement with the new first word, and the number rule's repairs (which win where
 * both touch the same characters). Everything else is copied byte for byte.
 */
public final class EditBuilder {
    private EditBuilder() {
    }

    /** A candidate the decision chose, with its calibrated probability (NaN: applied without a model) and window gain. */
    public record Choice(Candidate candidate, double probability, double gain) {
    }

    /** Among candidates at or above the threshold, the most probable that do not overlap a more probable one. */
    public static List<Choice> choose(Lattice l, double[] probability, double threshold) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < probability.length; k++) {
            if (probability[k] >= threshold) {
                order.add(k);
            }
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -probability[k]).thenComparingInt(k -> k));
        boolean[] taken = new boolean[l.size()];
        List<Choice> out = new ArrayList<>();
        for (int k : order) {
            Candidate c = l.candidates().get(k);
            boolean free = true;
            for (int i = c.start(); i < c.end() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                Arrays.fill(taken, c.start(), c.end(), true);
                out.add(new Choice(c, probability[k], l.localGain(k)));
            }
        }
        out.sort(Comparator.comparingInt(ch -> ch.candidate().start()));
        return out;
    }

    /** The edits for the chosen candidates of one sentence, in text order. */
    public static List<Edit> edits(String text, Sentence s, List<Choice> chosen) {
        List<Token> toks = s.tokens();
        boolean[] edited = new boolean[toks.size()];
        List<Edit> out = new ArrayList<>();
        for (Choice ch : chosen) {
            Candidate a = ch.candidate();
            // Report the smallest edit: words the replacement shares with the text at either end stay out
            // of it ("the corporate" -> "the company" is the edit "corporate" -> "company").
            String[] repl = a.replacement().split(" ");
            int[] trim = Candidates.sharedEndsTrimmed(toks, a.start(), a.end(), repl);
            int from = trim[0];
            int to = trim[1];
            int rf = trim[2];
            int rt = trim[3];
            int start = toks.get(from).start();
            int end = toks.get(to - 1).end();
            String before = text.substring(start, end);
            String joined = String.join(" ", Arrays.asList(repl).subList(rf, rt));
            // an exact-case entry's capitals are the spinner's ("Associate in Nursing" for "an"), not the
            // writer's: its original is used as written, capitalised only where a clause starts
            String after = a.entry().exactCase() ? Casing.clauseStart(joined, s.startsClause(from)) : Casing.transfer(before, joined);
            after = keepLineBreaks(before, after);
            String lost = unplacedBreak(before, after);
            if (lost != null) {
                // "the brand\nnew update" -> "the new\nupdate": the space after the replacement takes the break, so the
                // text keeps its lines (a diff by line, and the scorer's layout check, see the same lines)
                int ws = end;
                while (ws < text.length() && (text.charAt(ws) == ' ' || text.charAt(ws) == '\t')) {
                    ws++;
                }
                int bs = start;
                while (bs > 0 && (text.charAt(bs - 1) == ' ' || text.charAt(bs - 1) == '\t')) {
                    bs--;
                }
                if (ws > end && ws < text.length() && text.charAt(ws) != '\n' && text.charAt(ws) != '\r') {
                    end = ws;
                    before = text.substring(start, end);
                    after = after + lost;
                } else if (bs < start && bs > 0 && text.charAt(bs - 1) != '\n' && text.charAt(bs - 1) != '\r') {
                    // punctuation follows ("a cerebral\ntorment." -> "a\nbrain tumour."): the space before takes the break
                    start = bs;
                    before = text.substring(start, end);
                    after = lost + after;
                }
            }
            if (after.equals(before)) {
                continue;
            }
            Arrays.fill(edited, from, to, true);
            out.add(new Edit(start, end, before, after, a.entry().kind(), a.entry().origin(), ch.gain(), ch.probability()));
            articleAgreement(toks, from, after, a.entry().kind(), edited, out);
        }
        out.sort(Comparator.comparingInt(Edit::start)); // an article edit comes before the edit it agrees with
        return out;
    }

    /**
     * A repair across a wrapped line keeps the line break: counted from the end, each gap of the spun words that holds a
     * break is copied into the same gap of the replacement ("working\nsystem" -> "operating\nsystem", "in keeping\nwith"
     * -> "according\nto"). A replacement with fewer gaps keeps the last ones; a single word has none to keep a break in.
     */
    static String keepLineBreaks(String before, String after) {
        if (before.indexOf('\n') < 0) {
            return after;
        }
        List<String> gaps = gaps(before);
        List<Integer> spaces = new ArrayList<>();
        for (int i = 0; i < after.length(); i++) {
            if (after.charAt(i) == ' ') {
                spaces.add(i);
            }
        }
        StringBuilder sb = new StringBuilder(after);
        for (int k = 1; k <= Math.min(gaps.size(), spaces.size()); k++) {
            String gap = gaps.get(gaps.size() - k);
            if (gap.indexOf('\n') >= 0) {
                int at = spaces.get(spaces.size() - k);
                sb.replace(at, at + 1, gap);
            }
        }
        return sb.toString();
    }

    /** The last gap holding a line break that {@link #keepLineBreaks} found no gap of the replacement for, or null. */
    static String unplacedBreak(String before, String after) {
        if (before.indexOf('\n') < 0) {
            return null;
        }
        List<String> gaps = gaps(before);
        String lost = null;
        for (int i = 0; i < gaps.size() - gaps(after).size(); i++) {
            lost = gaps.get(i).indexOf('\n') >= 0 ? gaps.get(i) : lost;
        }
        return lost;
    }

    private static final java.util.regex.Pattern GAP = java.util.regex.Pattern.compile("\\s+");

    private static List<String> gaps(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = GAP.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** "a rise" -> "an increase": fixes the article before a replacement when the sound of its first word changed. */
    private static void articleAgreement(List<Token> toks, int firstToken, String after, Kind kind, boolean[] edited, List<Edit> out) {
        int p = firstToken - 1;
        if (p < 0 || edited[p]) {
            return;
        }
        Token art = toks.get(p);
        String k = art.key();
        if (!k.equals("a") && !k.equals("an")) {
            return;
        }
        String first = after.split("[\\s-]", 2)[0];
        String want = Articles.wantsAn(first) ? "an" : "a";
        if (!want.equals(k)) {
            edited[p] = true;
            out.add(new Edit(art.start(), art.end(), art.text(), Casing.transfer(art.text(), want), kind,
                    "a/an agreement with '" + first + "'", Double.NaN));
        }
    }

    /** The number rule's edits, then the lattice's where they touch other characters; in text order. */
    public static List<Edit> merge(String text, List<Edit> fromLattice) {
        List<Edit> edits = new ArrayList<>(NumberRule.edits(text));
        for (Edit e : fromLattice) {
            if (edits.stream().noneMatch(r -> r.start() < e.end() && e.start() < r.end())) {
                edits.add(e);
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return edits;
    }

    public static String apply(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(text.length() + 16 * edits.size());
        int at = 0;
        for (Edit e : edits) {
            if (e.start() < at) {
                continue; // overlapping edits cannot arise from one choice; guard anyway
            }
            sb.append(text, at, e.start()).append(e.after());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
