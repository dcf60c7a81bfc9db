package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.ProtectedSpans;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Restores spun text: text -> sentences and tokens -> dictionary candidates (a lattice per
 * sentence) -> the path the language model scores best -> edits -> output. Everything not
 * repaired is copied byte for byte. Thread-safe and free of I/O: build one and share it.
 */
public final class Restorer {
    private final TextAnalyzer analyzer;
    private final PhraseDictionary dictionary;
    private final LmScorer scorer;
    private final Options options;
    private final Decoder decoder;
    private final ReverseThesaurus thesaurus;

    /** @param scorer the language model, or null to apply "always" entries only */
    public Restorer(TextAnalyzer analyzer, PhraseDictionary dictionary, LmScorer scorer, Options options) {
        this(analyzer, dictionary, scorer, options, null);
    }

    /**
     * @param thesaurus candidate originals for words no entry covers (held to the "guess" margin), or null
     */
    public Restorer(TextAnalyzer analyzer, PhraseDictionary dictionary, LmScorer scorer, Options options, ReverseThesaurus thesaurus) {
        this.analyzer = Objects.requireNonNull(analyzer);
        this.dictionary = Objects.requireNonNull(dictionary);
        this.options = scorer == null ? options.withLanguageModel(false) : options;
        this.scorer = this.options.useLanguageModel() ? scorer : null;
        this.decoder = this.scorer == null ? null : new Decoder(this.scorer, options.beam());
        this.thesaurus = thesaurus;
    }

    public Options options() {
        return options;
    }

    public Result restore(String text) {
        List<Sentence> sentences = analyzer.sentences(text);
        BitSet guarded = ProtectedSpans.of(text, options.protectQuotes());
        List<List<List<PhraseDictionary.Match>>> matches = new ArrayList<>(sentences.size());
        int words = 0;
        for (Sentence s : sentences) {
            List<Token> toks = s.tokens();
            List<List<PhraseDictionary.Match>> perToken = new ArrayList<>(toks.size());
            for (int i = 0; i < toks.size(); i++) {
                words += toks.get(i).isWord() ? 1 : 0;
                perToken.add(allowed(dictionary.matchesAt(toks, i), toks, guarded));
            }
            matches.add(perToken);
        }
        List<List<Arc>> paths = decodeAll(sentences, matches, guarded, options.contextMargin());
        if (decoder != null && spinDensity(paths, words) < options.spunDensity()) {
            // Few confident repairs for the length: this reads like clean prose, where the prior that
            // any word was substituted is near zero. Decide again, demanding much more of each change.
            paths = decodeAll(sentences, matches, guarded, options.contextMargin() + options.cleanTextMargin());
        }
        List<Edit> edits = new ArrayList<>(NumberRule.edits(text));
        List<Edit> fromLattice = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            toEdits(text, sentences.get(k), paths.get(k), fromLattice);
        }
        for (Edit e : fromLattice) {
            if (edits.stream().noneMatch(r -> r.start() < e.end() && e.start() < r.end())) {
                edits.add(e); // a number-rule edit wins where both touch the same characters
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return new Result(apply(text, edits), edits);
    }

    private List<List<Arc>> decodeAll(List<Sentence> sentences, List<List<List<PhraseDictionary.Match>>> matches, BitSet guarded,
                                      double contextCost) {
        List<List<Arc>> paths = new ArrayList<>(sentences.size());
        for (int k = 0; k < sentences.size(); k++) {
            paths.add(decoder == null ? greedy(sentences.get(k), matches.get(k))
                    : decodeWithModel(sentences.get(k), matches.get(k), guarded, contextCost));
        }
        return paths;
    }

    /**
     * Repairs per word, an "always" repair counting as ALWAYS_WEIGHT: spun news shows one repair in
     * every five to ten words, clean prose one in hundreds.
     */
    static double spinDensity(List<List<Arc>> paths, int words) {
        double hits = 0;
        for (List<Arc> p : paths) {
            for (Arc a : p) {
                if (!a.keeps()) {
                    hits += a.entry().kind() == Kind.ALWAYS ? ALWAYS_WEIGHT : 1;
                }
            }
        }
        return hits / Math.max(words, 1);
    }

    private static final double ALWAYS_WEIGHT = 3;

    /** Matches over protected text (URLs, e-mail, code, numbers, quotes if asked) keep only their "always" entries. */
    private static List<PhraseDictionary.Match> allowed(List<PhraseDictionary.Match> ms, List<Token> toks, BitSet guarded) {
        if (ms.isEmpty()) {
            return ms;
        }
        List<PhraseDictionary.Match> out = new ArrayList<>(ms.size());
        for (PhraseDictionary.Match m : ms) {
            boolean guard = false;
            for (int i = m.start(); i < m.end() && !guard; i++) {
                guard = ProtectedSpans.guarded(guarded, toks.get(i));
            }
            if (!guard) {
                out.add(m);
                continue;
            }
            List<Entry> always = m.entries().stream().filter(e -> e.kind() == Kind.ALWAYS).toList();
            if (!always.isEmpty()) {
                out.add(new PhraseDictionary.Match(m.start(), m.end(), always));
            }
        }
        return out;
    }

    /**
     * Whether putting replacement over tokens [from, to) writes a word twice in a row ("jobs in in
     * because") where the text did not. The model, trained on speech transcripts, has seen such
     * stutters and may even prefer them; a writer never means them.
     */
    private static boolean doublesANeighbour(List<Token> toks, int from, int to, String replacement) {
        int sp = replacement.indexOf(' ');
        String first = Token.normalise(sp < 0 ? replacement : replacement.substring(0, sp));
        String last = Token.normalise(replacement.substring(replacement.lastIndexOf(' ') + 1));
        return (from > 0 && toks.get(from - 1).key().equals(first) && !toks.get(from).key().equals(first))
                || (to < toks.size() && toks.get(to).key().equals(last) && !toks.get(to - 1).key().equals(last));
    }

    /**
     * A capitalised word inside a sentence is most likely a name ("Safety Council", "Main Street"):
     * context guesses are not made there; "always" entries still apply (spinners mangle names too), and
     * so do exact-case entries, whose capitals are part of the spun form ("Associate in Nursing").
     */
    private static boolean looksLikeName(Sentence s, int i) {
        return Character.isUpperCase(s.tokens().get(i).text().charAt(0)) && !s.startsClause(i);
    }

    private List<Arc> greedy(Sentence s, List<List<PhraseDictionary.Match>> matches) {
        List<Token> toks = s.tokens();
        List<Arc> path = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            Arc best = null;
            for (PhraseDictionary.Match m : matches.get(i)) {
                for (Entry e : m.entries()) {
                    if (e.kind() == Kind.ALWAYS && (best == null || m.end() > best.end())) {
                        best = new Arc(i, m.end(), e.originals().get(0) + m.suffix(), e, null, 0);
                    }
                }
            }
            if (best == null) {
                best = new Arc(i, i + 1, null, null, null, 0);
            }
            path.add(best);
            i = best.end();
        }
        return path;
    }

    private List<Arc> decodeWithModel(Sentence s, List<List<PhraseDictionary.Match>> matches, BitSet guarded, double contextCost) {
        List<Token> toks = s.tokens();
        List<List<Arc>> arcs = new ArrayList<>(toks.size());
        boolean[] covered = new boolean[toks.size()];
        for (List<PhraseDictionary.Match> ms : matches) {
            for (PhraseDictionary.Match m : ms) {
                for (int k = m.start(); k < m.end(); k++) {
                    covered[k] = true;
                }
            }
        }
        // each token's model ids once: the keep arcs serve the lattice, the frequency terms and the gains
        List<Arc> keep = new ArrayList<>(toks.size());
        for (int i = 0; i < toks.size(); i++) {
            keep.add(new Arc(i, i + 1, null, null, scorer.ids(toks.get(i).text()), 0));
        }
        boolean any = false;
        for (int i = 0; i < toks.size(); i++) {
            List<Arc> from = new ArrayList<>(2);
            from.add(keep.get(i));
            Map<String, Arc> byReplacement = new HashMap<>();
            for (PhraseDictionary.Match m : matches.get(i)) {
                double spunFreq = unigramSum(keep, i, m.end());
                LocalWindow window = null; // for pruning guesses: made once per match, when the first guess needs it
                for (Entry e : m.entries()) {
                    if (e.kind() != Kind.ALWAYS && !e.exactCase() && looksLikeName(s, i)) {
                        continue;
                    }
                    double base = switch (e.kind()) {
                        case ALWAYS -> -options.alwaysBonus();
                        case CONTEXT -> contextCost;
                        case THESAURUS -> contextCost + options.guessMargin();
                    };
                    for (String original : e.originals()) {
                        String orig = original + m.suffix();
                        if (doublesANeighbour(toks, i, m.end(), orig)) {
                            continue;
                        }
                        int[] ids = idsOf(orig);
                        double cost = base + options.frequencyWeight() * (scorer.unigramLogProb(ids) - spunFreq);
                        if (e.kind() == Kind.THESAURUS) {
                            window = window != null ? window : localWindow(keep, i, m.end());
                            if (localGain(window, ids) < cost - GUESS_SLACK) {
                                continue;
                            }
                        }
                        String key = m.end() + "\u0000" + orig.toLowerCase(java.util.Locale.ROOT);
                        Arc old = byReplacement.get(key);
                        if (old == null || cost < old.cost()) {
                            byReplacement.put(key, new Arc(i, m.end(), orig, e, ids, cost));
                        }
                    }
                }
            }
            if (thesaurus != null && !covered[i]) {
                thesaurusArcs(s, i, keep.get(i).lmIds(), guarded, contextCost, byReplacement);
            }
            from.addAll(byReplacement.values());
            any |= from.size() > 1;
            arcs.add(from);
        }
        if (!any) {
            return List.of();
        }
        List<Arc> path = decoder.decode(arcs);
        return withGains(path, keep);
    }

    /**
     * Guesses are many (thousands of generated entries on common words) and rarely win; one whose
     * gain over a window of two words each side falls this far short of its cost is dropped before
     * decoding. The slack leaves room for a neighbour's own repair to change the context.
     */
    private static final double GUESS_SLACK = 3.0;

    /** Two kept words each side of a span, and the log10 probability of the span's own words between them. */
    private record LocalWindow(int[] left, int[] right, double kept) {
    }

    private LocalWindow localWindow(List<Arc> keep, int from, int to) {
        int[] left = window(keep, from - 1, -1);
        int[] right = window(keep, to, 1);
        int[] kept = new int[0];
        for (int k = from; k < to; k++) {
            kept = concat(kept, keep.get(k).lmIds());
        }
        return new LocalWindow(left, right, windowLogProb(left, kept, right));
    }

    /** log10 gain of ids over the span's own words, within the window. */
    private double localGain(LocalWindow w, int[] ids) {
        return windowLogProb(w.left(), ids, w.right()) - w.kept();
    }

    /** Up to two model ids next to position at, walking in direction step; sentence boundaries as markers. */
    private int[] window(List<Arc> keep, int at, int step) {
        int[] out = new int[2];
        int n = 0;
        for (int k = at; n < 2; k += step) {
            if (k < 0 || k >= keep.size()) {
                out[n++] = step < 0 ? scorer.bos() : scorer.eos();
                break;
            }
            int[] ids = keep.get(k).lmIds();
            for (int j = step < 0 ? ids.length - 1 : 0; n < 2 && j >= 0 && j < ids.length; j += step) {
                out[n++] = ids[j];
            }
        }
        int[] w = java.util.Arrays.copyOf(out, n);
        if (step < 0) {
            for (int a = 0, b = n - 1; a < b; a++, b--) {
                int t = w[a];
                w[a] = w[b];
                w[b] = t;
            }
        }
        return w;
    }

    private double windowLogProb(int[] left, int[] mid, int[] right) {
        int[] all = concat(concat(left, mid), right);
        double sum = 0;
        for (int k = left.length; k < all.length; k++) {
            sum += scorer.model().logProb(all, 0, k + 1);
        }
        return sum;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * The reverse thesaurus ranks a word's candidates by how likely a spinner's move from each is; a
     * candidate pays this much (log10, about halving its odds) for each one ranked above it. Measured
     * (scripts/measure.sh): the wrong changes the thesaurus adds to synthetic news fell from 197 to 83,
     * while the held-out tortured phrases it restores alone fell from 39 to 31.
     */
    private static final double RANK_COST = 0.3;

    private void thesaurusArcs(Sentence s, int i, int[] own, BitSet guarded, double contextCost, Map<String, Arc> out) {
        Token t = s.tokens().get(i);
        double ownFreq = scorer.unigramLogProb(own);
        if (ProtectedSpans.guarded(guarded, t) || !ReverseThesaurus.asksAbout(t.text(), s.startsClause(i), own, ownFreq)) {
            return;
        }
        List<String> cands = thesaurus.originals(t.key());
        if (cands.isEmpty()) {
            return;
        }
        Entry e = new Entry(List.of(t.key()), cands, Kind.THESAURUS, false, "thesaurus:" + t.key());
        double base = contextCost + options.guessMargin();
        int rank = 0;
        for (String c : cands) {
            double prior = RANK_COST * rank++;
            int[] ids = idsOf(c);
            if (ids.length == 0 || ids[0] < 0 || doublesANeighbour(s.tokens(), i, i + 1, c)) {
                continue;
            }
            out.putIfAbsent((i + 1) + "\u0000" + c, new Arc(i, i + 1, c, e, ids, base + prior + options.frequencyWeight() * (scorer.unigramLogProb(ids) - ownFreq)));
        }
    }

    private double unigramSum(List<Arc> keep, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += scorer.unigramLogProb(keep.get(i).lmIds());
        }
        return sum;
    }

    private int[] idsOf(String phrase) {
        List<String> words = List.of(phrase.split(" "));
        return scorer.idsOf(words);
    }

    /** Replaces each chosen edit's cost by its gain: the path's log10 probability with it minus without it. */
    private List<Arc> withGains(List<Arc> path, List<Arc> keep) {
        double full = decoder.pathLogProb(path);
        List<Arc> out = new ArrayList<>(path.size());
        for (int k = 0; k < path.size(); k++) {
            Arc a = path.get(k);
            if (a.keeps()) {
                out.add(a);
                continue;
            }
            List<Arc> without = new ArrayList<>(path.subList(0, k));
            without.addAll(keep.subList(a.start(), a.end()));
            without.addAll(path.subList(k + 1, path.size()));
            out.add(new Arc(a.start(), a.end(), a.replacement(), a.entry(), a.lmIds(), full - decoder.pathLogProb(without)));
        }
        return out;
    }

    private void toEdits(String text, Sentence s, List<Arc> path, List<Edit> out) {
        List<Token> toks = s.tokens();
        boolean[] edited = new boolean[toks.size()];
        List<Edit> mine = new ArrayList<>();
        for (Arc a : path) {
            if (a.keeps()) {
                continue;
            }
            // Report the smallest edit: words the entry shares with the text at either end stay out
            // of it ("the corporate" -> "the company" is the edit "corporate" -> "company").
            String[] repl = a.replacement().split(" ");
            int from = a.start();
            int to = a.end();
            int rf = 0;
            int rt = repl.length;
            while (to - from > 1 && rt - rf > 1 && toks.get(from).key().equals(Token.normalise(repl[rf]))) {
                from++;
                rf++;
            }
            while (to - from > 1 && rt - rf > 1 && toks.get(to - 1).key().equals(Token.normalise(repl[rt - 1]))) {
                to--;
                rt--;
            }
            int start = toks.get(from).start();
            int end = toks.get(to - 1).end();
            String before = text.substring(start, end);
            String joined = String.join(" ", java.util.Arrays.asList(repl).subList(rf, rt));
            // an exact-case entry's capitals are the spinner's ("Associate in Nursing" for "an"), not the
            // writer's: its original is used as written, capitalised only where a clause starts
            String after = a.entry().exactCase() ? Casing.clauseStart(joined, s.startsClause(from)) : Casing.transfer(before, joined);
            if (after.equals(before)) {
                continue;
            }
            for (int i = from; i < to; i++) {
                edited[i] = true;
            }
            double gain = decoder == null ? Double.NaN : a.cost();
            mine.add(new Edit(start, end, before, after, a.entry().kind(), a.entry().origin(), gain));
            articleAgreement(toks, from, after, a, edited, mine);
        }
        out.addAll(mine);
    }

    /** "a rise" -> "an increase": fixes the article before a replacement when the sound of its first word changed. */
    private static void articleAgreement(List<Token> toks, int firstToken, String after, Arc a, boolean[] edited, List<Edit> out) {
        int p = firstToken - 1;
        if (p < 0 || edited[p]) {
            return;
        }
        Token art = toks.get(p);
        String k = art.key();
        if (!k.equals("a") && !k.equals("an")) {
            return;
        }
        String first = after.split("[\\s-]", 2)[0];
        String want = Articles.wantsAn(first) ? "an" : "a";
        if (!want.equals(k)) {
            edited[p] = true;
            out.add(new Edit(art.start(), art.end(), art.text(), Casing.transfer(art.text(), want), a.entry().kind(),
                    "a/an agreement with '" + first + "'", Double.NaN));
        }
    }

    private static String apply(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(text.length() + 16 * edits.size());
        int at = 0;
        for (Edit e : edits) {
            if (e.start() < at) {
                continue; // overlapping edits cannot arise from one path; guard anyway
            }
            sb.append(text, at, e.start()).append(e.after());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
