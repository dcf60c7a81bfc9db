package dev.unspin.restore;

import dev.unspin.dictionary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what spinners do to numbers, where the text itself proves it. Two cases:
 * <ul>
 * <li>a digit inside a number: "2.16%" became "a pair of.16%" (2 read as "two", then "two" swapped
 * for "a pair of"). A number word glued to a decimal point or a thousands comma and digits is never
 * good prose;</li>
 * <li>a small number written once in words and once in digits in one construction: "by seven votes
 * to 2", "three or 4 times". Writers keep one style within a pairing (news style spells out one to
 * nine), spinners swap "two" for "2" word by word; the digit takes the style of its partner.</li>
 * </ul>
 * Both apply like "always" entries: nothing in the sentence can make the mixed form right.
 */
public final class NumberRule {
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    private static final Map<String, String> DIGIT = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("a pair of", "2"),
            Map.entry("a couple of", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));
    /** A number word (or "a pair of") ending where a decimal point or thousands comma and digits follow. */
    private static final Pattern GLUED = Pattern.compile(
            "(?i)(?<![\\w.])(a pair of|a couple of|zero|one|two|three|four|five|six|seven|eight|nine|ten)\\z");

    private static final String NUMBER_WORD = "(?:two|three|four|five|six|seven|eight|nine)";
    /**
     * A lone digit 2-9: not part of a longer number, an amount, a time ("3 p.m."), a ratio, a range, a
     * percentage or a name like "F-2", where digits are the style whatever the partner.
     */
    private static final Pattern LONE_DIGIT_AFTER = Pattern.compile(
            "(?i)(?![\\w%/:\u00b0]|[.,]\\d|-\\w|\\s*(?:[ap]\\.?m\\b|percent|per cent|o'clock))");
    private static final String NOT_BEFORE_DIGIT = "_.,$\u20ac\u00a3/:-";
    /** "seven votes to 2": a number word, up to two words, a pairing word, then the digit. */
    private static final Pattern WORD_BEFORE = Pattern.compile(
            "(?i)\\b" + NUMBER_WORD + "(?:\\s+[a-z]+){0,2}\\s+(?:to|and|or|than)\\s+\\z");
    /**
     * "rose 2 or three times": a lower-case word, the digit, up to two words, a pairing word, a number
     * word. The lower-case word keeps out names and labels ("Windows 7 and eight", "Gate 2 or three").
     */
    private static final Pattern LOWER_CASE_WORD_BEFORE = Pattern.compile("\\b[a-z]+\\s\\z");
    private static final Pattern WORD_AFTER = Pattern.compile("(?i)(?:\\s+[a-z]+){0,2}\\s+(?:to|and|or)\\s+" + NUMBER_WORD + "\\b");
    /** How far back or ahead the patterns above look: enough for three words and a pairing word. */
    private static final int WINDOW = 60;

    private NumberRule() {
    }

    /**
     * The number repairs in a text, in text order. The text is scanned for digits once and the
     * patterns are only tried in a small window around each: this runs on every document, and a regex
     * tried at every position of the text cost as much as the whole dictionary lookup.
     */
    public static List<Edit> edits(String text) {
        List<Edit> out = new ArrayList<>();
        // transparent bounds: look-behinds and word boundaries see past a window's edge
        Matcher glued = GLUED.matcher(text).useTransparentBounds(true);
        Matcher before = WORD_BEFORE.matcher(text).useTransparentBounds(true);
        Matcher lower = LOWER_CASE_WORD_BEFORE.matcher(text).useTransparentBounds(true);
        Matcher lone = LONE_DIGIT_AFTER.matcher(text).useTransparentBounds(true);
        Matcher after = WORD_AFTER.matcher(text).useTransparentBounds(true);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            char prev = i > 0 ? text.charAt(i - 1) : ' ';
            if ((prev == '.' || prev == ',') && glued.region(Math.max(0, i - 1 - WINDOW), i - 1).find()) {
                String word = glued.group(1);
                out.add(new Edit(glued.start(), glued.end(), word, DIGIT.get(word.toLowerCase(Locale.ROOT)), Kind.ALWAYS,
                        "number rule: '" + word + "' glued to a number", Double.NaN));
            } else if (c >= '2' && NOT_BEFORE_DIGIT.indexOf(prev) < 0 && !Character.isLetterOrDigit(prev)
                    && lone.region(i + 1, text.length()).lookingAt()) {
                int from = Math.max(0, i - WINDOW);
                boolean paired = before.region(from, i).find()
                        || (lower.region(from, i).find() && after.region(i + 1, Math.min(text.length(), i + 1 + WINDOW)).lookingAt());
                if (paired) {
                    out.add(new Edit(i, i + 1, String.valueOf(c), WORDS[c - '0'], Kind.ALWAYS,
                            "number rule: '" + c + "' paired with a number in words", Double.NaN));
                }
            }
            while (i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++; // the rest of this number (or word) has no lone digit and no glued word before it
            }
        }
        return out;
    }
}
