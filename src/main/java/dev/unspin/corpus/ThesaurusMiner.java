package dev.unspin.corpus;

import dev.unspin.dictionary.Inflector;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds dictionary entries the way a spinner works, backwards. A spinner takes a word of the
 * original and writes a thesaurus synonym; so for each frequent word of clean text (the original)
 * we generate its synonyms (the spun forms, inflected like it), and keep a pair when the language
 * model, in real contexts of the original, finds the synonym markedly worse: in most contexts and
 * by a margin, after the same frequency correction the restorer applies.
 *
 * <p>Inputs: a Moby-format thesaurus (lines "head,syn,syn,..."), a folder of clean text for
 * contexts, and the model. Output: "spun => orig | orig ; ctx" lines.
 */
public final class ThesaurusMiner {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:['-][A-Za-z]+)*");

    /**
     * @param minSpunLogProb the spun word's unigram log10 probability must be at least this: spinners
     *                       write real, common words, and a rare synonym would only bloat the dictionary
     */
    public record Settings(int originals, int contextsPerWord, double minMedianGain, double minShareBetter, double frequencyWeight,
                           int maxOriginalsPerSpun, double minSpunLogProb) {
        public static Settings defaults() {
            return new Settings(4000, 12, 2.0, 0.9, 0.5, 3, -5.5);
        }
    }

    /** Close synonyms kept per thesaurus head, ranked by how many thesaurus neighbours they share with it. */
    static final int CLOSEST = 8;

    /** A mined pair with its evidence. */
    public record Pair(String spun, String original, double medianGain, double shareBetter, int contexts) {
    }

    private final NgramModel model;
    private final LmScorer scorer;
    private final Inflector inflector = Inflector.english();
    private final Settings settings;

    public ThesaurusMiner(NgramModel model, Settings settings) {
        this.model = model;
        this.scorer = new LmScorer(model);
        this.settings = settings;
    }

    /** Moby thesaurus: head -> synonyms (lower case, single words or phrases). */
    public static Map<String, List<String>> readThesaurus(Path file) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                if (f.length < 2) {
                    continue;
                }
                List<String> syns = new ArrayList<>(f.length - 1);
                for (int i = 1; i < f.length; i++) {
                    syns.add(f[i].strip().toLowerCase(Locale.ROOT));
                }
                out.merge(f[0].strip().toLowerCase(Locale.ROOT), syns, (a, b) -> {
                    List<String> m = new ArrayList<>(a);
                    m.addAll(b);
                    return m;
                });
            }
        }
        return out;
    }

    /** Word windows (two words each side) around each occurrence of the words we care about. */
    static Map<String, List<String[]>> contexts(List<Path> files, Set<String> wanted, int perWord) throws IOException {
        Map<String, List<String[]>> out = new HashMap<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (String sentence : text.split("(?<=[.!?])\\s+|\\n\\s*\\n")) {
                List<String> w = new ArrayList<>();
                Matcher m = WORD.matcher(sentence);
                while (m.find()) {
                    w.add(m.group().toLowerCase(Locale.ROOT));
                }
                for (int i = 0; i < w.size(); i++) {
                    String x = w.get(i);
                    if (wanted.contains(x)) {
                        List<String[]> l = out.computeIfAbsent(x, k -> new ArrayList<>());
                        if (l.size() < perWord) {
                            l.add(new String[] {i >= 2 ? w.get(i - 2) : "<s>", i >= 1 ? w.get(i - 1) : "<s>",
                                i + 1 < w.size() ? w.get(i + 1) : "</s>", i + 2 < w.size() ? w.get(i + 2) : "</s>"});
                        }
                    }
                }
            }
        }
        return out;
    }

    private int[] ids(String phrase) {
        return scorer.idsOf(List.of(phrase.split(" ")));
    }

    private boolean known(int[] ids) {
        for (int id : ids) {
            if (id < 0) {
                return false;
            }
        }
        return ids.length > 0;
    }

    private double unigram(int[] ids) {
        double s = 0;
        for (int id : ids) {
            s += model.unigramLogProb(id);
        }
        return s;
    }

    /** log10 probability of left + middle + right, scoring the words from middle on. */
    private double window(String[] ctx, int[] middle) {
        int[] all = new int[2 + middle.length + 2];
        all[0] = id(ctx[0]);
        all[1] = id(ctx[1]);
        System.arraycopy(middle, 0, all, 2, middle.length);
        all[all.length - 2] = id(ctx[2]);
        all[all.length - 1] = id(ctx[3]);
        int from = ctx[1].equals("<s>") ? 1 : 0;
        double s = 0;
        for (int i = 2; i < all.length; i++) {
            if (all[i] == scorer.eos() && i == all.length - 1 && all[i - 1] == scorer.eos()) {
                break;
            }
            s += model.logProb(all, from, i + 1);
        }
        return s;
    }

    private int id(String w) {
        return w.equals("<s>") ? scorer.bos() : w.equals("</s>") ? scorer.eos() : model.id(w);
    }

    /** Frequent words by the model's unigram probability, most frequent first. */
    private List<String> frequentWords(Map<String, List<String>> thesaurus) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < model.vocabularySize(); i++) {
            String w = model.word(i);
            if (w.length() > 1 && w.chars().allMatch(Character::isLetter)) {
                ids.add(i);
            }
        }
        ids.sort((a, b) -> Double.compare(model.unigramLogProb(b), model.unigramLogProb(a)));
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            String w = model.word(id);
            if (thesaurus.containsKey(w) || thesaurus.containsKey(baseOf(w))) {
                out.add(w);
                if (out.size() >= settings.originals()) {
                    break;
                }
            }
        }
        return out;
    }

    private final Map<String, String> baseCache = new HashMap<>();

    /** The base form a frequent word is an inflection of, if the thesaurus knows that base (said -> say). */
    private String baseOf(String w) {
        return baseCache.getOrDefault(w, w);
    }

    /**
     * The head's synonyms that are closest to it: single words that list the head back, ranked by
     * the Jaccard overlap of their synonym sets. A spinner's synonym list holds near-synonyms
     * ("mention" for "say"); Moby also lists associations ("worry" for "dog"), which share few neighbours.
     */
    private static List<String> closest(String head, List<String> syns, Map<String, Set<String>> sets) {
        Set<String> hs = sets.get(head);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (String syn : syns) {
            Set<String> ss = sets.get(syn);
            if (syn.indexOf(' ') >= 0 || ss == null || !ss.contains(head)) {
                continue;
            }
            int common = 0;
            for (String x : ss) {
                common += hs.contains(x) ? 1 : 0;
            }
            scored.add(Map.entry(syn, common / (double) (hs.size() + ss.size() - common)));
        }
        scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        return scored.stream().limit(CLOSEST).map(Map.Entry::getKey).toList();
    }

    private static boolean reciprocal(Map<String, List<String>> thesaurus, String a, String b) {
        List<String> back = thesaurus.get(a);
        return back != null && back.contains(b);
    }

    public List<Pair> mine(Map<String, List<String>> thesaurus, List<Path> corpus) throws IOException {
        // Spinner moves: for each thesaurus head and synonym, the same inflection of both.
        Map<String, Set<String>> spunFor = new HashMap<>(); // original form -> spun forms
        Map<String, Set<String>> sets = new HashMap<>();
        for (Map.Entry<String, List<String>> e : thesaurus.entrySet()) {
            sets.put(e.getKey(), new HashSet<>(e.getValue()));
        }
        for (Map.Entry<String, List<String>> e : thesaurus.entrySet()) {
            String head = e.getKey();
            if (head.indexOf(' ') >= 0) {
                continue;
            }
            List<String> close = closest(head, e.getValue(), sets);
            String[] hv = inflector.verbForms(head);
            String hp = inflector.plural(head);
            for (String syn : close) {
                // Moby's multi-word "synonyms" are loose associations ("whiting potato" for "producing"), and a
                // one-way link is often no synonym at all: keep single words that list each other.
                if (syn.equals(head) || syn.isEmpty() || syn.indexOf(' ') >= 0 || !reciprocal(thesaurus, syn, head)) {
                    continue;
                }
                spunFor.computeIfAbsent(head, k -> new HashSet<>()).add(syn);
                for (int f = Inflector.THIRD; f <= Inflector.GERUND; f++) {
                    if (!hv[f].equals(head)) {
                        baseCache.putIfAbsent(hv[f], head);
                        spunFor.computeIfAbsent(hv[f], k -> new HashSet<>()).add(inflector.verbPhrase(syn, f));
                    }
                }
                baseCache.putIfAbsent(hp, head);
                spunFor.computeIfAbsent(hp, k -> new HashSet<>()).add(inflector.nounPhrase(syn));
            }
        }
        List<String> originals = frequentWords(thesaurus);
        Set<String> wanted = new HashSet<>();
        for (String o : originals) {
            wanted.add(o);
            wanted.addAll(spunFor.getOrDefault(o, Set.of()));
        }
        Map<String, List<String[]>> ctx = contexts(corpus, wanted, settings.contextsPerWord());
        List<Pair> pairs = new ArrayList<>();
        for (String orig : originals) {
            List<String[]> cs = ctx.getOrDefault(orig, List.of());
            Set<String> spuns = spunFor.get(orig);
            if (cs.size() < 3 || spuns == null) {
                continue;
            }
            int[] oid = ids(orig);
            double ou = unigram(oid);
            for (String spun : spuns) {
                int[] sid = ids(spun);
                if (!known(sid) || spun.equals(orig)) {
                    continue;
                }
                double su = unigram(sid);
                if (su > ou + 0.3 || su < settings.minSpunLogProb()) {
                    continue; // the spinner's word is more common than the original: it would fire on clean text
                }
                double[] gains = new double[cs.size()];
                int better = 0;
                for (int k = 0; k < cs.size(); k++) {
                    double g = window(cs.get(k), oid) - window(cs.get(k), sid) - settings.frequencyWeight() * (ou - su);
                    gains[k] = g;
                    better += g > 0 ? 1 : 0;
                }
                Arrays.sort(gains);
                double median = gains[gains.length / 2];
                double share = (double) better / gains.length;
                // Safety: where the spun word is the writer's own choice, the original must not win, or
                // the entry would "repair" good prose.
                List<String[]> home = ctx.getOrDefault(spun, List.of());
                boolean safe = true;
                if (home.size() >= 3) {
                    double[] back = new double[home.size()];
                    for (int k = 0; k < home.size(); k++) {
                        back[k] = window(home.get(k), oid) - window(home.get(k), sid) - settings.frequencyWeight() * (ou - su);
                    }
                    Arrays.sort(back);
                    safe = back[back.length / 2] < 0 && back[(back.length * 3) / 4] < settings.minMedianGain();
                }
                if (safe && median >= settings.minMedianGain() && share >= settings.minShareBetter()) {
                    pairs.add(new Pair(spun, orig, median, share, gains.length));
                }
            }
        }
        return pairs;
    }

    /** Groups pairs by spun form: the best few originals, best first, as dictionary lines sorted by spun form. */
    public List<String> lines(List<Pair> pairs, Set<String> skipSpun) {
        Map<String, List<Pair>> bySpun = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (!skipSpun.contains(p.spun())) {
                bySpun.computeIfAbsent(p.spun(), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(bySpun.keySet());
        Collections.sort(keys);
        for (String s : keys) {
            List<Pair> ps = bySpun.get(s);
            ps.sort((a, b) -> Double.compare(b.medianGain(), a.medianGain()));
            List<String> origs = ps.stream().limit(settings.maxOriginalsPerSpun()).map(Pair::original).toList();
            out.add(String.format(Locale.ROOT, "%s => %s ; guess    # gain %.1f in %d/%d contexts", s, String.join(" | ", origs),
                    ps.get(0).medianGain(), Math.round(ps.get(0).shareBetter() * ps.get(0).contexts()), ps.get(0).contexts()));
        }
        return out;
    }
}
