package dev.unspin.lm;

import java.util.List;

/**
 * Spells digits as words, because the Sphinx model was trained on speech transcripts where
 * "12" is "twelve". Only used to look numbers up in the model; the text itself is never changed.
 */
final class NumberWords {
    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private NumberWords() {
    }

    /** Adds the words of a token made of digits, commas and at most one point; false if it is not such a number. */
    static boolean spell(String token, List<String> out) {
        String t = token.replace(",", "");
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 12 || !digits(whole) || !digits(frac) || t.indexOf('.', dot + 1) > 0) {
            return false;
        }
        integer(Long.parseLong(whole), out);
        if (!frac.isEmpty()) {
            out.add("point");
            for (int i = 0; i < frac.length(); i++) {
                out.add(SMALL[frac.charAt(i) - '0']);
            }
        }
        return true;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void integer(long n, List<String> out) {
        if (n < 20) {
            out.add(SMALL[(int) n]);
        } else if (n < 100) {
            out.add(TENS[(int) (n / 10)]);
            if (n % 10 != 0) {
                out.add(SMALL[(int) (n % 10)]);
            }
        } else if (n < 1000) {
            out.add(SMALL[(int) (n / 100)]);
            out.add("hundred");
            if (n % 100 != 0) {
                integer(n % 100, out);
            }
        } else {
            long[] scale = {1_000_000_000L, 1_000_000L, 1000L};
            String[] name = {"billion", "million", "thousand"};
            for (int i = 0; i < scale.length; i++) {
                if (n >= scale[i]) {
                    integer(n / scale[i], out);
                    out.add(name[i]);
                    if (n % scale[i] != 0) {
                        integer(n % scale[i], out);
                    }
                    return;
                }
            }
        }
    }
}
