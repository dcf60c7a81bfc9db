package dev.unspin.restore;

import dev.unspin.dictionary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes a spinner's rewrite of a digit inside a number: "2.16%" became "a pair of.16%" (2 read
 * as "two", then "two" swapped for "a pair of"). A number word glued to a decimal point or a
 * thousands comma and digits is never good prose, so the rule applies like an "always" entry.
 */
final class NumberRule {
    private static final Map<String, String> DIGIT = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("a pair of", "2"),
            Map.entry("a couple of", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));
    private static final Pattern GLUED = Pattern.compile(
            "(?i)(?<![\\w.])(a pair of|a couple of|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?=[.,]\\d)");

    private NumberRule() {
    }

    static List<Edit> edits(String text) {
        List<Edit> out = new ArrayList<>();
        Matcher m = GLUED.matcher(text);
        while (m.find()) {
            String digit = DIGIT.get(m.group(1).toLowerCase(Locale.ROOT));
            out.add(new Edit(m.start(), m.end(), m.group(), digit, Kind.ALWAYS, "number rule: '" + m.group(1) + "' glued to a number", Double.NaN));
        }
        return out;
    }
}
