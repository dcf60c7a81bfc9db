package dev.unspin.dictionary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lints parsed dictionary lines. Errors make an entry unusable or self-contradictory; warnings are
 * worth a look. Cycles between context entries are only warnings: real spinners do swap both ways
 * ("need" for "want" and "want" for "need"), and the language model decides each in context.
 */
public final class DictionaryChecker {
    public record Finding(String where, boolean error, String message) {
        @Override
        public String toString() {
            return where + ": " + (error ? "error" : "warning") + ": " + message;
        }
    }

    private DictionaryChecker() {
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    public static List<Finding> check(List<DictionaryParser.Line> lines) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<DictionaryParser.Line>> bySpun = new HashMap<>();
        for (DictionaryParser.Line l : lines) {
            bySpun.computeIfAbsent(key(l.spun()), k -> new ArrayList<>()).add(l);
        }
        for (DictionaryParser.Line l : lines) {
            String where = l.file() + ":" + l.line();
            List<DictionaryParser.Line> same = bySpun.get(key(l.spun()));
            for (DictionaryParser.Line o : same) {
                if (o == l) {
                    break;
                }
                if (o.kind() != l.kind()) {
                    out.add(new Finding(where, true, "'" + l.spun() + "' is " + l.kind().name().toLowerCase(Locale.ROOT) + " here but "
                            + o.kind().name().toLowerCase(Locale.ROOT) + " at " + o.file() + ":" + o.line()));
                } else if (o.originals().equals(l.originals()) && o.verb() == l.verb() && o.noun() == l.noun()
                        && (!(o.exactCase() || l.exactCase()) || o.spun().equals(l.spun()))) {
                    // case-sensitive entries differing in case ("fb", "Fb") are different entries
                    out.add(new Finding(where, false, "duplicate of " + o.file() + ":" + o.line()));
                }
            }
            for (String orig : l.originals()) {
                for (DictionaryParser.Line back : bySpun.getOrDefault(key(orig), List.of())) {
                    boolean cycle = back.originals().stream().anyMatch(x -> key(x).equals(key(l.spun())));
                    if (cycle && (l.kind() == Kind.ALWAYS || back.kind() == Kind.ALWAYS)) {
                        out.add(new Finding(where, true, "cycle: '" + l.spun() + "' -> '" + orig + "' and back at " + back.file() + ":" + back.line()
                                + " (an always entry cannot be undone by another)"));
                    } else if (!cycle && back.kind() == Kind.ALWAYS) {
                        out.add(new Finding(where, false, "original '" + orig + "' is itself an always-repaired spun form (" + back.file() + ":" + back.line() + ")"));
                    }
                }
            }
        }
        return out;
    }
}
