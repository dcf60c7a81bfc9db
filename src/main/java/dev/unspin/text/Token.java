package dev.unspin.text;

import java.util.Locale;

/**
 * A token and its character span [start, end) in the original text. A value: equal tokens have equal spans and text.
 *
 * <p>Not a record only so that it can keep what is derived from its text: its {@link #key} and whether it
 * {@link #isWord is a word} are asked of every token many times over (the generators, the lattice, the document's
 * counts), and working them out again each time (a lower-cased copy of a capitalised word, its hash) was a tenth of
 * restoring spun text (JFR, 2026-12-01).
 */
public final class Token {
    private final int start;
    private final int end;
    private final String text;
    private final String key;
    private final boolean word;

    public Token(int start, int end, String text) {
        this.start = start;
        this.end = end;
        this.text = text;
        this.key = normalise(text);
        this.word = hasLetterOrDigit(text);
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public String text() {
        return text;
    }

    /** Lower case with straight apostrophes: the form dictionaries and the model match on. */
    public String key() {
        return key;
    }

    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    public boolean isWord() {
        return word;
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && t.start == start && t.end == end && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return (31 * Integer.hashCode(start) + Integer.hashCode(end)) * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "Token[start=" + start + ", end=" + end + ", text=" + text + "]";
    }
}
