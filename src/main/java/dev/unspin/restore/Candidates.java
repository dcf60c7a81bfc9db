package dev.unspin.restore;

import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.List;

/** Facts about text that every candidate generator respects. */
final class Candidates {
    private Candidates() {
    }

    /**
     * A capitalised word inside a sentence is most likely a name ("Safety Council", "Main Street"):
     * guesses are not made there.
     */
    static boolean looksLikeName(Sentence s, int i) {
        return Character.isUpperCase(s.tokens().get(i).text().charAt(0)) && !s.startsClause(i);
    }

    /**
     * The smallest change: tokens [from, to) read as words [rf, rt) of the replacement once the words the
     * replacement shares with the text at either end are left out ("the corporate" -> "the company" is the
     * change "corporate" -> "company"). Returns {from, to, rf, rt}.
     */
    static int[] sharedEndsTrimmed(List<Token> toks, int from, int to, String[] repl) {
        int rf = 0;
        int rt = repl.length;
        while (to - from > 1 && rt - rf > 1 && toks.get(from).key().equals(Token.normalise(repl[rf]))) {
            from++;
            rf++;
        }
        while (to - from > 1 && rt - rf > 1 && toks.get(to - 1).key().equals(Token.normalise(repl[rt - 1]))) {
            to--;
            rt--;
        }
        return new int[] {from, to, rf, rt};
    }

    /**
     * Whether putting replacement over tokens [from, to) writes a word twice in a row ("jobs in in
     * because") where the text did not. The model, trained on speech transcripts, has seen such
     * stutters and may even prefer them; a writer never means them.
     */
    static boolean doublesANeighbour(List<Token> toks, int from, int to, String replacement) {
        return doublesANeighbour(from > 0 ? toks.get(from - 1).key() : null, toks.get(from).key(), toks.get(to - 1).key(),
                to < toks.size() ? toks.get(to).key() : null, firstKey(replacement), lastKey(replacement));
    }

    /**
     * The same check on normalised keys worked out beforehand (a generator that meets one word many times keeps its
     * replacements' first and last keys): before and after are the keys either side of the span (null at the sentence's
     * ends), spanFirst and spanLast its own first and last.
     */
    static boolean doublesANeighbour(String before, String spanFirst, String spanLast, String after, String first, String last) {
        return (before != null && before.equals(first) && !spanFirst.equals(first))
                || (after != null && after.equals(last) && !spanLast.equals(last));
    }

    /** A replacement's first word, normalised as token keys are. */
    static String firstKey(String replacement) {
        int sp = replacement.indexOf(' ');
        return Token.normalise(sp < 0 ? replacement : replacement.substring(0, sp));
    }

    /** A replacement's last word, normalised as token keys are. */
    static String lastKey(String replacement) {
        return Token.normalise(replacement.substring(replacement.lastIndexOf(' ') + 1));
    }
}
