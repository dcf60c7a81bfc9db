package dev.unspin.corpus;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.Annotation;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns clean text into annotated spun text, as a spinner would, for evaluation: wherever a
 * curated dictionary original occurs, it is replaced with probability {@code rate} by one of the spun
 * phrases that map to it, and the substitution is marked [[spun=>original]]. Names (capitalised
 * words inside a sentence) are left alone. Deterministic for a given seed.
 */
public final class Spinner {
    private final TextAnalyzer analyzer;
    /** original phrase (normalised tokens joined by a space) -> spun phrases that restore to it */
    private final Map<String, List<String>> reverse = new HashMap<>();
    private final int maxLen;

    public Spinner(TextAnalyzer analyzer, PhraseDictionary dictionary) {
        this.analyzer = analyzer;
        int max = 1;
        for (Entry e : dictionary.entries()) {
            if (e.kind() == Kind.THESAURUS) {
                continue; // machine-made guesses are hypotheses about spinners, not the curated moves we spin with
            }
            for (String orig : e.originals()) {
                String key = Token.normalise(orig);
                List<String> l = reverse.computeIfAbsent(key, k -> new ArrayList<>());
                String spun = String.join(" ", e.spun());
                if (!l.contains(spun)) {
                    l.add(spun);
                }
                max = Math.max(max, orig.split(" ").length);
            }
        }
        this.maxLen = max;
    }

    public String spin(String text, double rate, long seed) {
        Random rnd = new Random(seed);
        StringBuilder out = new StringBuilder(text.length() + 64);
        List<Annotation.GoldEdit> edits = new ArrayList<>();
        int at = 0;
        for (Sentence s : analyzer.sentences(text)) {
            List<Token> toks = s.tokens();
            int i = 0;
            while (i < toks.size()) {
                int taken = 0;
                if (toks.get(i).isWord() && !(i > 0 && Character.isUpperCase(toks.get(i).text().charAt(0)))) {
                    for (int len = Math.min(maxLen, toks.size() - i); len >= 1 && taken == 0; len--) {
                        StringBuilder key = new StringBuilder();
                        for (int k = i; k < i + len; k++) {
                            key.append(k > i ? " " : "").append(toks.get(k).key());
                        }
                        List<String> spuns = reverse.get(key.toString());
                        if (spuns != null && rnd.nextDouble() < rate) {
                            int start = toks.get(i).start();
                            int end = toks.get(i + len - 1).end();
                            String original = text.substring(start, end);
                            String spun = matchCase(original, spuns.get(rnd.nextInt(spuns.size())));
                            out.append(text, at, start);
                            int spunStart = out.length();
                            out.append(spun);
                            edits.add(new Annotation.GoldEdit(spunStart, out.length(), spun, List.of(original), false));
                            at = end;
                            taken = len;
                        }
                    }
                }
                i += Math.max(1, taken);
            }
        }
        out.append(text, at, text.length());
        return Annotation.format(out.toString(), edits);
    }

    private static String matchCase(String original, String spun) {
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(spun.charAt(0)) + spun.substring(1);
        }
        return spun;
    }
}
