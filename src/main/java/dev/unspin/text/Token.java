package dev.unspin.text;

import java.util.Locale;

/** A token and its character span [start, end) in the original text. */
public record Token(int start, int end, String text) {
    /** Lower case with straight apostrophes: the form dictionaries and the model match on. */
    public String key() {
        return normalise(text);
    }

    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    public boolean isWord() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
