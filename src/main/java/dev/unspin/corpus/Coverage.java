package dev.unspin.corpus;

import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.Annotation;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Edit;
import dev.unspin.restore.NumberRule;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the candidate generators explain and what they miss. On annotated files: the share of gold
 * edits the restorer's own generators can restore (the same ones it decodes with). On raw spun text: how
 * often each entry fired, which never did, and the suspicious words no entry explains: words the
 * language model finds improbable in their context, ranked by how many documents show them, with
 * (given a thesaurus) the candidate original that the model finds much more probable there.
 */
public final class Coverage {
    /** A word with suspiciously low probability in context, with its evidence. */
    public static final class Suspect {
        public final String word;
        public final Set<Integer> docs = new HashSet<>();
        public String example;
        public final Map<String, Double> gains = new HashMap<>();

        Suspect(String word) {
            this.word = word;
        }

        public String bestOriginal() {
            return gains.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    public record GoldCoverage(int required, int covered, List<Annotation.GoldEdit> missing) {
    }

    private final TextAnalyzer analyzer;
    private final PhraseDictionary dictionary;
    private final LmScorer scorer;

    public Coverage(TextAnalyzer analyzer, PhraseDictionary dictionary, LmScorer scorer) {
        this.analyzer = analyzer;
        this.dictionary = dictionary;
        this.scorer = scorer;
    }

    /**
     * The share of required gold edits that the restorer's own candidate generators can restore: the
     * gold span can be tiled with words kept as written and candidates, reading as an accepted
     * alternative (so compounds repaired word by word count), or the number rule repairs it. This asks
     * the very generators the restorer decodes with, so the two cannot disagree about what is reachable.
     */
    public GoldCoverage gold(Annotation ann, List<dev.unspin.restore.CandidateGenerator> generators) {
        int required = 0;
        int covered = 0;
        List<Annotation.GoldEdit> missing = new ArrayList<>();
        java.util.BitSet guarded = dev.unspin.text.ProtectedSpans.of(ann.spun(), false);
        List<dev.unspin.restore.Lattice> lattices = new ArrayList<>();
        for (Sentence s : analyzer.sentences(ann.spun())) {
            lattices.add(dev.unspin.restore.Lattice.build(s, generators, scorer, guarded));
        }
        List<Edit> ruleEdits = NumberRule.edits(ann.spun());
        for (Annotation.GoldEdit g : ann.edits()) {
            if (g.optional()) {
                continue;
            }
            required++;
            if (reachable(lattices, g) || byNumberRule(ruleEdits, g)) {
                covered++;
            } else {
                missing.add(g);
            }
        }
        return new GoldCoverage(required, covered, missing);
    }

    private static boolean reachable(List<dev.unspin.restore.Lattice> lattices, Annotation.GoldEdit g) {
        for (dev.unspin.restore.Lattice l : lattices) {
            List<Token> t = l.sentence().tokens();
            int[] span = tokenSpan(t, g);
            if (span == null) {
                continue;
            }
            int gs = span[0];
            int ge = span[1];
            for (String alt : g.alternatives()) {
                if (tiles(l, gs, ge, words(alt))) {
                    return true;
                }
                // "an obligation" -> "a duty": the restorer fixes a/an itself when the next word changes
                String[] first = words(alt).split(" ", 2);
                if (ge - gs > 1 && isArticle(t.get(gs).key()) && isArticle(first[0]) && first.length > 1 && tiles(l, gs + 1, ge, first[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tokens [first, end) of a sentence that lie inside a gold edit's characters, or null when none do. */
    private static int[] tokenSpan(List<Token> t, Annotation.GoldEdit g) {
        int gs = -1;
        int ge = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() >= g.start() && t.get(i).end() <= g.end()) {
                gs = gs < 0 ? i : gs;
                ge = i + 1;
            }
        }
        return gs < 0 ? null : new int[] {gs, ge};
    }

    /** Whether tokens [gs, ge) can read as want (normalised words, each followed by a space) with kept words and candidates inside the span. */
    private static boolean tiles(dev.unspin.restore.Lattice l, int gs, int ge, String want) {
        List<Token> t = l.sentence().tokens();
        // reach[i] holds the prefixes of want that tokens [gs, i) can produce
        List<Set<Integer>> reach = new ArrayList<>();
        for (int i = gs; i <= ge; i++) {
            reach.add(new HashSet<>());
        }
        reach.get(0).add(0);
        for (int i = gs; i < ge; i++) {
            for (int at : reach.get(i - gs)) {
                String kept = t.get(i).isWord() ? t.get(i).key() + " " : "";
                if (want.startsWith(kept, at)) {
                    reach.get(i + 1 - gs).add(at + kept.length());
                }
                for (dev.unspin.restore.Candidate c : l.candidates()) {
                    if (c.start() == i && c.end() <= ge) {
                        String r = words(c.replacement());
                        if (want.startsWith(r, at)) {
                            reach.get(c.end() - gs).add(at + r.length());
                        }
                    }
                }
            }
        }
        return reach.get(ge - gs).contains(want.length());
    }

    /** Whether a number-rule repair inside the gold edit's span turns it into one of the alternatives. */
    private static boolean byNumberRule(List<Edit> ruleEdits, Annotation.GoldEdit g) {
        for (Edit e : ruleEdits) {
            if (e.start() >= g.start() && e.end() <= g.end()) {
                String fixed = g.spun().substring(0, e.start() - g.start()) + e.after() + g.spun().substring(e.end() - g.start());
                if (g.alternatives().stream().anyMatch(a -> words(a).equals(words(fixed)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isArticle(String w) {
        return w.equals("a") || w.equals("an");
    }

    private static String words(String phrase) {
        return Token.normalise(phrase).strip().replaceAll("\\s+", " ") + " ";
    }

    /** Counts firings per entry origin (file:line) over the documents' restorations. */
    public static void countFirings(List<Edit> edits, Map<String, Integer> firings) {
        for (Edit e : edits) {
            firings.merge(e.entry(), 1, Integer::sum);
        }
    }

    /**
     * Collects suspicious words of one document: lower-case words the model gives a log10
     * probability below threshold in their trigram context, that no dictionary entry covers.
     * With a thesaurus (head -> synonyms), the words whose synonym lists hold the suspect are
     * tried in its place; the gain of the best is kept.
     */
    public void suspects(int doc, String text, double threshold, Function<String, List<String>> reverseThesaurus, Map<String, Suspect> out) {
        NgramModel m = scorer.model();
        for (Sentence s : analyzer.sentences(text)) {
            List<Token> t = s.tokens();
            boolean[] explained = new boolean[t.size()];
            for (int i = 0; i < t.size(); i++) {
                for (PhraseDictionary.Match x : dictionary.matchesAt(t, i)) {
                    for (int k = x.start(); k < x.end(); k++) {
                        explained[k] = true;
                    }
                }
            }
            List<Integer> words = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).isWord()) {
                    words.add(i);
                }
            }
            for (int w = 2; w < words.size(); w++) {
                int i = words.get(w);
                Token tok = t.get(i);
                if (explained[i] || !Character.isLowerCase(tok.text().charAt(0))) {
                    continue;
                }
                int[] ids = {id(t.get(words.get(w - 2))), id(t.get(words.get(w - 1))), id(tok)};
                if (ids[2] < 0) {
                    continue;
                }
                double p = m.logProb(ids, 0, 3);
                if (p >= threshold) {
                    continue;
                }
                Suspect sus = out.computeIfAbsent(tok.key(), Suspect::new);
                sus.docs.add(doc);
                if (sus.example == null) {
                    sus.example = text.substring(t.get(words.get(w - 2)).start(), Math.min(text.length(), tok.end() + 30)).replace('\n', ' ');
                }
                for (String cand : reverseThesaurus.apply(tok.key())) {
                    int cid = m.id(cand);
                    if (cid < 0) {
                        continue;
                    }
                    int[] alt = {ids[0], ids[1], cid};
                    double gain = m.logProb(alt, 0, 3) - p - FREQUENCY_WEIGHT * (m.unigramLogProb(cid) - m.unigramLogProb(ids[2]));
                    sus.gains.merge(cand, gain, Math::max);
                }
            }
        }
    }

    /** The restorer's frequency correction, so a proposal's gain reads as the restorer would weigh it. */
    /**
     * How much of the unigram difference between a suspect and a proposal its gain does not count: the language model
     * prefers common words anywhere, and a report of suspicious words wants the context's support only (as SLOR does).
     * The half the previous restorer used; the restorer itself now learns this from data (Calibration).
     */
    private static final double FREQUENCY_WEIGHT = 0.5;

    private int id(Token t) {
        int[] ids = scorer.ids(t.text());
        return ids.length == 1 ? ids[0] : -1;
    }

}
