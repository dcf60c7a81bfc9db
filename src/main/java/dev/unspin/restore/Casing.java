package dev.unspin.restore;

/** Carries the capitalisation of the spun words over to their replacement. */
final class Casing {
    private Casing() {
    }

    static String transfer(String spun, String replacement) {
        if (replacement.isEmpty()) {
            return replacement;
        }
        int letters = 0;
        boolean allUpper = true;
        for (int i = 0; i < spun.length(); i++) {
            char c = spun.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                allUpper &= Character.isUpperCase(c);
            }
        }
        if (letters > 1 && allUpper) {
            return replacement.toUpperCase(java.util.Locale.ROOT);
        }
        int first = firstLetter(spun);
        if (first >= 0 && Character.isUpperCase(spun.charAt(first))) {
            return clauseStart(replacement, true);
        }
        return replacement;
    }

    /** The replacement as written, its first letter capitalised where a clause starts. */
    static String clauseStart(String replacement, boolean startsClause) {
        int r = firstLetter(replacement);
        if (!startsClause || r < 0) {
            return replacement;
        }
        return replacement.substring(0, r) + Character.toUpperCase(replacement.charAt(r)) + replacement.substring(r + 1);
    }

    private static int firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
