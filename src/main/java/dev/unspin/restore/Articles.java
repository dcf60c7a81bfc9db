package dev.unspin.restore;

import java.util.Locale;
import java.util.Set;

/** "a" or "an" before a word, by its sound as far as spelling shows it. */
final class Articles {
    private static final Set<String> VOWEL_SOUND_EXCEPTIONS = Set.of("hour", "hours", "honest", "honestly", "honour", "honor",
            "honours", "honors", "honourable", "honorable", "heir", "heirs");
    private static final String[] CONSONANT_SOUND_PREFIXES = {"uni", "use", "usu", "uti", "ure", "eu", "one", "once", "ufo", "uk", "us "};

    private Articles() {
    }

    static boolean wantsAn(String nextWord) {
        String w = nextWord.toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return false;
        }
        if (VOWEL_SOUND_EXCEPTIONS.contains(w)) {
            return true;
        }
        for (String p : CONSONANT_SOUND_PREFIXES) {
            if (w.startsWith(p)) {
                return false;
            }
        }
        return "aeiou".indexOf(w.charAt(0)) >= 0;
    }
}
