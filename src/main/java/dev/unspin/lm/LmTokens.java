package dev.unspin.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one definition of how text tokens become model words, shared by the scorer and by model
 * building so a model built here sees words exactly as it is later asked about them: lower case,
 * straight apostrophes, numbers spelled out, punctuation dropped (the Sphinx convention).
 */
public final class LmTokens {
    private LmTokens() {
    }

    /** Adds the model words for one text token (none for punctuation). */
    public static void words(String token, List<String> out) {
        if (LmScorer.isPunctuation(token)) {
            return;
        }
        String t = normalise(token);
        if (Character.isDigit(t.charAt(0)) && NumberWords.spell(t, out)) {
            return;
        }
        out.add(t);
    }

    /** Lower case and straight apostrophes, the form the model's words are written in. */
    static String normalise(String token) {
        return token.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    public static List<String> words(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            words(t, out);
        }
        return out;
    }
}
