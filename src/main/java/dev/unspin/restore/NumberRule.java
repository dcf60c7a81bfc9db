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
    private static final Pattern GLUED = Pattern.compile(
            "(?i)(?<![\\w.])(a pair of|a couple of|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?=[.,]\\d)");

    private static final String NUMBER_WORD = "(?:two|three|four|five|six|seven|eight|nine)";
    /**
     * A lone digit 2-9: not part of a longer number, an amount, a time ("3 p.m."), a ratio, a range, a
     * percentage or a name like "F-2", where digits are the style whatever the partner.
     */
    private static final String LONE_DIGIT_BEFORE = "(?<![\\w.,$\u20ac\u00a3/:\\-])";
    private static final String LONE_DIGIT_AFTER = "(?![\\w%/:\u00b0]|[.,]\\d|-\\w|\\s*(?:[ap]\\.?m\\b|percent|per cent|o'clock))";
    /** "seven votes to 2": a number word, up to two words, a pairing word, the digit. */
    private static final Pattern WORD_THEN_DIGIT = Pattern.compile(
            "(?i)\\b" + NUMBER_WORD + "(?:\\s+[a-z]+){0,2}\\s+(?:to|and|or|than)\\s+" + LONE_DIGIT_BEFORE + "([2-9])" + LONE_DIGIT_AFTER);
    /**
     * "rose 2 or three times": a lower-case word, the digit, up to two words, a pairing word, a number
     * word. The lower-case word keeps out names and labels ("Windows 7 and eight", "Gate 2 or three").
     */
    private static final Pattern DIGIT_THEN_WORD = Pattern.compile(
            "(?i)(?<=\\b(?-i:[a-z]{1,20})\\s)" + LONE_DIGIT_BEFORE + "([2-9])" + LONE_DIGIT_AFTER + "(?:\\s+[a-z]+){0,2}\\s+(?:to|and|or)\\s+" + NUMBER_WORD + "\\b");

    private NumberRule() {
    }

    /** The number repairs in a text, in no particular order; the spans of different cases may overlap. */
    public static List<Edit> edits(String text) {
        List<Edit> out = new ArrayList<>();
        Matcher m = GLUED.matcher(text);
        while (m.find()) {
            String digit = DIGIT.get(m.group(1).toLowerCase(Locale.ROOT));
            out.add(new Edit(m.start(), m.end(), m.group(), digit, Kind.ALWAYS, "number rule: '" + m.group(1) + "' glued to a number", Double.NaN));
        }
        for (Pattern p : List.of(WORD_THEN_DIGIT, DIGIT_THEN_WORD)) {
            Matcher d = p.matcher(text);
            while (d.find()) {
                String digit = d.group(1);
                int at = d.start(1);
                if (out.stream().noneMatch(e -> e.start() == at)) {
                    out.add(new Edit(at, at + 1, digit, WORDS[digit.charAt(0) - '0'], Kind.ALWAYS,
                            "number rule: '" + digit + "' paired with a number in words", Double.NaN));
                }
            }
        }
        return out;
    }
}
