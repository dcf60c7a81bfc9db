package dev.unspin.restore;

import dev.unspin.dictionary.Kind;
import dev.unspin.lm.LanguageModel;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.ProtectedSpans;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The candidates of one sentence: for each token its model ids as written (the "keep" reading), and
 * every candidate original the generators proposed, each with the local evidence the decision uses
 * (how much more probable a window of two words each side becomes). Immutable once built, but for the
 * model answers its windows asked, which only the building thread reads (the decoding graph) and then drops.
 */
public final class Lattice {
    private final Sentence sentence;
    private final int[][] keepIds;
    private final double[] unigram;
    private final List<Candidate> candidates;
    private final double[] localGain;
    private final double[] candidateUnigram;
    private final int words;
    /**
     * The language model's answers to the windows' questions, for the decoding graph to read instead of asking again
     * (see {@link ScoreCache}); only the thread that built the lattice uses it, and the graph drops it once built.
     */
    private ScoreCache scores;
    private final Thread builder;

    private Lattice(Sentence sentence, int[][] keepIds, double[] unigram, List<Candidate> candidates, double[] localGain,
                    double[] candidateUnigram, int words, ScoreCache scores) {
        this.scores = scores;
        this.builder = Thread.currentThread();
        this.sentence = sentence;
        this.keepIds = keepIds;
        this.unigram = unigram;
        this.candidates = candidates;
        this.localGain = localGain;
        this.candidateUnigram = candidateUnigram;
        this.words = words;
    }

    /** Asks every generator at every word; the same replacement of the same words is kept once, from the first generator that offered it. */
    public static Lattice build(Sentence s, List<CandidateGenerator> generators, LmScorer scorer, BitSet guarded) {
        List<Token> toks = s.tokens();
        int n = toks.size();
        int[][] keep = new int[n][];
        double[] uni = new double[n];
        int words = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = scorer.ids(toks.get(i).text());
            uni[i] = scorer.unigramLogProb(keep[i]);
            words += toks.get(i).isWord() ? 1 : 0;
        }
        CandidateGenerator.SentenceView view = new CandidateGenerator.SentenceView() {
            @Override
            public Sentence sentence() {
                return s;
            }

            @Override
            public int[] ids(int i) {
                return keep[i];
            }

            @Override
            public double unigram(int i) {
                return uni[i];
            }

            @Override
            public boolean guarded(int i) {
                return ProtectedSpans.guarded(guarded, toks.get(i));
            }

            @Override
            public int[] idsOf(String phrase) {
                return scorer.idsOf(List.of(phrase.split(" ")));
            }
        };
        List<Candidate> cands = new ArrayList<>();
        // the changes offered so far, by the token they start at: a few per word, so a scan beats a hash set's nodes
        List<List<Offered>> seen = new ArrayList<>(java.util.Collections.nCopies(n, null));
        String[] keys = new String[n]; // each token's key, normalised once
        for (int i = 0; i < n; i++) {
            keys[i] = toks.get(i).key();
        }
        // one consumer for the sentence (a lambda made inside the loops would be a new object per word and generator)
        java.util.function.Consumer<Candidate> offer = offered -> {
            // a one-word span has no shared ends to trim
            Candidate c = offered.end() - offered.start() <= 1 ? offered : trimmed(offered, toks, view);
            String repl = Token.normalise(c.replacement());
            if (sameWords(c, keys, repl)) {
                return;
            }
            int at = earlierOffer(seen, c.start(), c.end(), repl, cands.size());
            if (at < 0) {
                cands.add(c);
            } else if (cands.get(at).source() == Source.LEARNT && c.entry().kind() == Kind.ALWAYS) {
                // learnt moves are asked first, so that the farm's moves carry their family; an always-entry keeps its
                // standing all the same: "working system => operating system" is not lost to a learnt "working => operating"
                // (other first offers stay: a tortured entry's family fits its own moves)
                cands.set(at, c);
            }
        };
        for (int i = 0; i < n; i++) {
            if (!toks.get(i).isWord()) {
                continue;
            }
            for (CandidateGenerator g : generators) {
                g.propose(view, i, offer);
            }
        }
        if (cands.isEmpty()) {
            return new Lattice(s, keep, uni, List.of(), new double[0], new double[0], words, null); // nothing to score
        }
        double[] gain = new double[cands.size()];
        double[] cu = new double[cands.size()];
        LanguageModel lm = scorer.lm();
        ScoreCache cache = new ScoreCache(lm, 2 * n + 4 * cands.size()); // about what the windows ask
        long[] before = new long[n]; // the model state before each token, as written: shared by every window starting there
        for (int i = 0; i < n; i++) {
            before[i] = stateBefore(lm, keep, i);
        }
        // twice: first noting every question the windows ask, which the model then answers together (their memory reads
        // overlap), then reading the answers (the same doubles as asking one by one)
        cache.plan();
        windowGains(cands, cache, keep, before, gain);
        cache.answer();
        windowGains(cands, cache, keep, before, gain);
        cache.done();
        for (int k = 0; k < gain.length; k++) {
            cu[k] = scorer.unigramLogProb(cands.get(k).ids());
        }
        return new Lattice(s, keep, uni, List.copyOf(cands), gain, cu, words, cache);
    }

    /** Each candidate's window gain into gain[k] (see {@link #windowGain}), the words as written scored once per span. */
    private static void windowGains(List<Candidate> cands, ScoreCache cache, int[][] keep, long[] before, double[] gain) {
        // the words as written over a span, scored once per span: kept[start][end - start]
        double[][][] kept = new double[keep.length][][];
        for (int k = 0; k < gain.length; k++) {
            Candidate c = cands.get(k);
            double[][] from = kept[c.start()];
            int len = c.end() - c.start();
            if (from == null || from.length <= len) {
                from = kept[c.start()] = from == null ? new double[len + 1][] : java.util.Arrays.copyOf(from, len + 1);
            }
            double[] without = from[len];
            if (without == null) {
                without = from[len] = keptWindow(cache, keep, before[c.start()], c.start(), c.end());
            }
            gain[k] = withWindow(cache, keep, before[c.start()], c, without[1]) - without[0];
        }
    }

    /**
     * Where the candidate that first offered this change stands in the list, or -1 when the change is new (it is then
     * noted as standing at {@code next}).
     */
    private static int earlierOffer(List<List<Offered>> seen, int start, int end, String replacement, int next) {
        List<Offered> here = seen.get(start);
        if (here == null) {
            here = new ArrayList<>(4);
            seen.set(start, here);
        }
        for (Offered x : here) {
            if (x.end() == end && x.replacement().equals(replacement)) {
                return x.at();
            }
        }
        here.add(new Offered(end, replacement, next));
        return -1;
    }

    /**
     * A change offered at a start token: its end, its normalised replacement, and where its candidate stands. Compared
     * field by field: a record's own equals would link method handles on first use (ObjectMethods' bootstrap), which
     * cost a short run through a pipe some 40 ms of start-up (scripts/startup.sh, 2026-12-01).
     */
    private record Offered(int end, String replacement, int at) {
    }

    /** The answers the windows asked, if this thread built the lattice with this model and the graph has not dropped them. */
    ScoreCache scores(LanguageModel lm) {
        ScoreCache c = scores;
        return c != null && c.lm() == lm && Thread.currentThread() == builder ? c : null;
    }

    /** Drops the windows' answers (the graph has read what it needed): a document's lattices live until it is decided. */
    void dropScores() {
        if (Thread.currentThread() == builder) {
            scores = null;
        }
    }

    /**
     * The candidate without the words its replacement shares with the text at either end: "the brand
     * new" -> "the new" is the candidate "brand new" -> "new", the same change as that entry's, so the
     * two share one posterior instead of splitting it.
     */
    private static Candidate trimmed(Candidate c, List<Token> toks, CandidateGenerator.SentenceView view) {
        String[] repl = c.replacement().split(" ");
        int[] t = Candidates.sharedEndsTrimmed(toks, c.start(), c.end(), repl);
        if (t[0] == c.start() && t[1] == c.end()) {
            return c;
        }
        String r = String.join(" ", java.util.Arrays.asList(repl).subList(t[2], t[3]));
        return new Candidate(t[0], t[1], r, view.idsOf(r), c.source(), c.rank(), c.entry());
    }

    /** A replacement that reads like the words it replaces (case aside) changes nothing; repl is the normalised replacement. */
    private static boolean sameWords(Candidate c, String[] keys, String repl) {
        if (c.end() - c.start() == 1) {
            return keys[c.start()].equals(repl);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = c.start(); k < c.end(); k++) {
            sb.append(k > c.start() ? " " : "").append(keys[k]);
        }
        return sb.toString().equals(repl);
    }

    /**
     * log10 gain of reading the candidate instead of the words as written, over the candidate and the
     * two model words after it, with the two model words before it as context (all kept as written).
     */
    static double windowGain(LanguageModel lm, int[][] keep, Candidate c) {
        ScoreCache cache = new ScoreCache(lm, 16);
        long before = stateBefore(lm, keep, c.start());
        double[] without = keptWindow(cache, keep, before, c.start(), c.end());
        return withWindow(cache, keep, before, c, without[1]) - without[0];
    }

    /**
     * {log10 probability of tokens [from, to) as written and the two model words after them, how many words follow (0-2)},
     * from the state before token from.
     */
    private static double[] keptWindow(ScoreCache lm, int[][] keep, long before, int from, int to) {
        LanguageModel m = lm.lm();
        long so = before;
        double without = 0;
        for (int k = from; k < to; k++) {
            for (int id : keep[k]) {
                without += lm.score(so, id);
                so = m.next(so, id);
            }
        }
        int after = 0;
        for (int k = to; k <= keep.length && after < 2; k++) {
            if (k == keep.length) {
                without += lm.score(so, m.eos());
                after++;
                break;
            }
            int[] ids = keep[k];
            for (int j = 0; j < ids.length && after < 2; j++, after++) {
                without += lm.score(so, ids[j]);
                so = m.next(so, ids[j]);
            }
        }
        return new double[] {without, after};
    }

    /** log10 probability of the candidate and the same following words as {@link #keptWindow}. */
    private static double withWindow(ScoreCache lm, int[][] keep, long before, Candidate c, double followers) {
        LanguageModel m = lm.lm();
        long sw = before;
        double with = 0;
        for (int id : c.ids()) {
            with += lm.score(sw, id);
            sw = m.next(sw, id);
        }
        int after = 0;
        for (int k = c.end(); k <= keep.length && after < followers; k++) {
            if (k == keep.length) {
                with += lm.score(sw, m.eos());
                after++;
                break;
            }
            int[] ids = keep[k];
            for (int j = 0; j < ids.length && after < followers; j++, after++) {
                with += lm.score(sw, ids[j]);
                sw = m.next(sw, ids[j]);
            }
        }
        return with;
    }

    /** The model state after the words before token i (sentence start included), as written. */
    static long stateBefore(LanguageModel lm, int[][] keep, int i) {
        int need = lm.order() - 1;
        int[] buf = new int[need];
        int got = 0;
        for (int k = i - 1; k >= 0 && got < need; k--) {
            for (int j = keep[k].length - 1; j >= 0 && got < need; j--) {
                buf[got++] = keep[k][j];
            }
        }
        long state = lm.begin(); // the sentence start shifts out of the state once enough words follow
        for (int g = got - 1; g >= 0; g--) {
            state = lm.next(state, buf[g]);
        }
        return state;
    }

    public Sentence sentence() {
        return sentence;
    }

    public int size() {
        return keepIds.length;
    }

    public int[] keepIds(int i) {
        return keepIds[i];
    }

    public double unigram(int i) {
        return unigram[i];
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    public double localGain(int k) {
        return localGain[k];
    }

    /** Summed unigram log10 probability of candidate k's words. */
    public double candidateUnigram(int k) {
        return candidateUnigram[k];
    }

    /** Word tokens in the sentence (the spin rate's denominator). */
    public int words() {
        return words;
    }
}
