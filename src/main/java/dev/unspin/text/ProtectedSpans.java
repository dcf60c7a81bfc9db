package dev.unspin.text;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character ranges the restorer must not "repair" on a guess: URLs, e-mail addresses, code
 * (inline `code` and ``` fenced blocks) and, optionally, quoted speech. Only an unambiguous
 * ("always") entry may change text there.
 */
public final class ProtectedSpans {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern FENCE = Pattern.compile("(?s)```.*?(?:```|\\z)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]+`");
    private static final Pattern QUOTE = Pattern.compile("\u201c[^\u201d]*\u201d|\"[^\"\\n]*\"");

    private ProtectedSpans() {
    }

    public static BitSet of(String text, boolean quotes) {
        BitSet b = new BitSet(text.length());
        // each pattern only where its trigger occurs: scanning every word for an '@' was a hot spot
        if (text.contains("://") || text.contains("www.") || text.contains("WWW.")) {
            mark(b, URL.matcher(text));
        }
        if (text.indexOf('@') >= 0) {
            mark(b, EMAIL.matcher(text));
        }
        if (text.indexOf('`') >= 0) {
            mark(b, FENCE.matcher(text));
            mark(b, INLINE_CODE.matcher(text));
        }
        if (quotes) {
            mark(b, QUOTE.matcher(text));
        }
        return b;
    }

    private static void mark(BitSet b, Matcher m) {
        while (m.find()) {
            b.set(m.start(), m.end());
        }
    }

    /** True when the token overlaps a protected range or carries a digit (numbers are never guessed at). */
    public static boolean guarded(BitSet spans, Token t) {
        int next = spans.nextSetBit(t.start());
        if (next >= 0 && next < t.end()) {
            return true;
        }
        for (int i = 0; i < t.text().length(); i++) {
            if (Character.isDigit(t.text().charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
