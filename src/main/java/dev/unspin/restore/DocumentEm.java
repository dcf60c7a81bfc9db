package dev.unspin.restore;

import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-document estimation. A document is spun at its own rate, by its own spinner: the rate λ (substitutions per word) and
 * each family's share are re-estimated from the document's own calibrated posteriors, for a few rounds, under a prior that
 * lets clean text settle near λ = 0 (and so come back unchanged) while a spun document, whose moves of one family repeat,
 * raises that family's odds. The document's own evidence enters the decision too: a spun form that repeats, and an original
 * that also occurs unspun in the same text.
 */
public final class DocumentEm {
    private final ChannelModel channel;
    private final Decision decision;
    private final ForwardBackward decoder;
    private final Calibration cal;

    public DocumentEm(Calibration cal, ForwardBackward decoder) {
        this.cal = cal;
        this.channel = new ChannelModel(cal);
        this.decision = new Decision(cal);
        this.decoder = decoder;
    }

    /**
     * What the document's decoding found: per lattice, per candidate, its evidence and calibrated probability. A candidate
     * with no posterior (pruned, or outweighed to 0) has probability 0 whatever its evidence, which is worked out only when
     * {@code evidence} is read (by calibration; restoring never reads it).
     */
    public record Analysis(List<Lattice> lattices, List<Features.Evidence[]> evidence, List<double[]> probability, double spinRate) {
    }

    public Analysis run(List<Lattice> lattices) {
        int words = 0;
        for (Lattice l : lattices) {
            words += l.words();
        }
        Map<String, Integer> spunCounts = new HashMap<>();
        // how often each word occurs: counters, not boxed sums (this runs for every token of the document)
        Map<String, int[]> wordCounts = new HashMap<>(2 * words + 16);
        // each candidate's spun words, built once per span (a span has several candidates) and read again by its evidence
        List<String[]> spunKeys = new ArrayList<>(lattices.size());
        for (Lattice l : lattices) {
            for (Token t : l.sentence().tokens()) {
                int[] c = wordCounts.get(t.key());
                if (c == null) {
                    wordCounts.put(t.key(), new int[] {1});
                } else {
                    c[0]++;
                }
            }
            // each span's spun words: spans[start][end - start]
            String[][] spans = new String[l.size()][];
            List<Candidate> cs = l.candidates();
            String[] keys = new String[cs.size()];
            for (int k = 0; k < keys.length; k++) {
                Candidate c = cs.get(k);
                int len = c.end() - c.start();
                String[] from = spans[c.start()];
                if (from == null || from.length <= len) {
                    from = spans[c.start()] = from == null ? new String[len + 1] : java.util.Arrays.copyOf(from, len + 1);
                }
                String spun = from[len];
                if (spun == null) {
                    spun = spunKey(l, c);
                    from[len] = spun;
                    // counted once per span of the sentence: spans[start][len] is built once (the same words written
                    // again elsewhere count again)
                    spunCounts.merge(spun, 1, Integer::sum);
                }
                keys[k] = spun;
            }
            spunKeys.add(keys);
        }
        int families = Source.values().length;
        List<double[]> base = new ArrayList<>(lattices.size());
        // per candidate: its family, and log10 of its base odds (the part of its prior that no round changes)
        List<int[]> family = new ArrayList<>(lattices.size());
        List<double[]> baseLogOdds = new ArrayList<>(lattices.size());
        // per candidate: the summed unigram log10 probability of its spun words, for its prior and again for its evidence
        List<double[]> spunUnigrams = new ArrayList<>(lattices.size());
        double[] expected = new double[families];
        for (Lattice l : lattices) {
            List<Candidate> cs = l.candidates();
            double[] b = new double[cs.size()];
            int[] fam = new int[b.length];
            double[] lo = new double[b.length];
            double[] su = new double[b.length];
            for (int k = 0; k < b.length; k++) {
                Candidate c = cs.get(k);
                su[k] = spunUnigram(l, c);
                b[k] = channel.base(c, l.candidateUnigram(k), su[k]);
                fam[k] = c.source().ordinal();
                expected[fam[k]] += b[k];
                lo[k] = ChannelModel.baseLog10Odds(b[k]);
            }
            base.add(b);
            family.add(fam);
            baseLogOdds.add(lo);
            spunUnigrams.add(su);
        }
        double a = cal.ratePriorMean() * cal.ratePriorWords();
        double lmWeight = channel.lmWeight();
        double rate = cal.ratePriorMean();
        double[] multiplier = new double[families];
        java.util.Arrays.fill(multiplier, rate / cal.trainingRate());
        double[] logMultiplier = new double[families];
        List<double[]> prob = new ArrayList<>();
        // A first estimate of the document's rate and families from each candidate alone (its prior odds times its window's
        // likelihood ratio, no decoding): cheap, and it tells a clean document before any graph is built.
        for (int it = 0; it < Math.max(1, cal.emIterations()); it++) {
            logMultipliers(multiplier, logMultiplier);
            double total = 0;
            double[] observed = new double[families];
            for (int li = 0; li < lattices.size(); li++) {
                Lattice l = lattices.get(li);
                int[] fam = family.get(li);
                double[] b = base.get(li);
                double[] lo = baseLogOdds.get(li);
                for (int k = 0; k < fam.length; k++) {
                    int f = fam[k];
                    double odds = prior(b[k], lo[k], multiplier[f], logMultiplier[f]) + lmWeight * l.localGain(k);
                    double q = 1 / (1 + Math.pow(10, -odds));
                    total += q;
                    observed[f] += q;
                }
            }
            rate = (total + a) / (words + cal.ratePriorWords());
            reestimate(multiplier, observed, expected, rate);
        }
        // The graphs are built once, from the candidates that alone reach the pruning bound at that estimate; each round
        // below re-weights them and sums again, starting from the prior: summed over overlapping candidates, the first
        // estimate runs high, which is generous for pruning but would hold a clean document's rate up.
        logMultipliers(multiplier, logMultiplier);
        List<ForwardBackward.Graph> graphs = new ArrayList<>(lattices.size());
        for (int li = 0; li < lattices.size(); li++) {
            Lattice l = lattices.get(li);
            int[] fam = family.get(li);
            double[] b = base.get(li);
            double[] lo = baseLogOdds.get(li);
            double[] prior = new double[fam.length];
            boolean any = false;
            for (int k = 0; k < prior.length; k++) {
                prior[k] = prior(b[k], lo[k], multiplier[fam[k]], logMultiplier[fam[k]]);
                if (prior[k] + lmWeight * l.localGain(k) < cal.pruneLogOdds()) {
                    prior[k] = Double.NEGATIVE_INFINITY; // hopeless even before its neighbours change
                }
                any |= prior[k] != Double.NEGATIVE_INFINITY;
            }
            // a sentence whose every candidate is hopeless gives each a posterior of 0 whatever the graph: none is built
            graphs.add(any ? decoder.graph(l, prior, lmWeight) : null);
            l.dropScores(); // the graph has read the windows' answers; a document's lattices live until it is decided
        }
        rate = cal.ratePriorMean();
        java.util.Arrays.fill(multiplier, rate / cal.trainingRate());
        List<double[]> post = new ArrayList<>(lattices.size());
        for (int it = 0; it < Math.max(1, cal.emIterations()); it++) {
            logMultipliers(multiplier, logMultiplier);
            post.clear();
            double total = 0;
            double[] observed = new double[families];
            for (int li = 0; li < lattices.size(); li++) {
                int[] fam = family.get(li);
                ForwardBackward.Graph g = graphs.get(li);
                double[] q;
                if (g == null) {
                    q = new double[fam.length];
                } else {
                    double[] b = base.get(li);
                    double[] lo = baseLogOdds.get(li);
                    double[] prior = new double[fam.length];
                    for (int k = 0; k < prior.length; k++) {
                        prior[k] = prior(b[k], lo[k], multiplier[fam[k]], logMultiplier[fam[k]]);
                    }
                    q = decoder.posteriors(g, prior, lmWeight);
                }
                for (int k = 0; k < q.length; k++) {
                    total += q[k];
                    observed[fam[k]] += q[k];
                }
                post.add(q);
            }
            // M-step: the document's rate, and each family's share against what the channel expected of it at training rates
            rate = (total + a) / (words + cal.ratePriorWords());
            reestimate(multiplier, observed, expected, rate);
        }
        Evidence ev = new Evidence(lattices, post, spunKeys, spunUnigrams, spunCounts, wordCounts, rate);
        double[] x = new double[Features.DECISION];
        for (int li = 0; li < lattices.size(); li++) {
            double[] q = post.get(li);
            double[] p = new double[q.length];
            for (int k = 0; k < q.length; k++) {
                // only a candidate with a posterior has a probability above 0: the others' evidence waits until it is read
                if (q[k] != 0) {
                    p[k] = decision.probability(ev.of(li, k), x);
                }
            }
            prob.add(p);
        }
        return new Analysis(lattices, ev, prob, rate);
    }

    /**
     * The candidates' evidence, per lattice, each worked out when first asked (the same values whenever: everything it
     * reads is final once the document is decoded). Most candidates are pruned and only calibration reads theirs, and
     * reading a decoded document's candidates again, long out of the caches, was a tenth of restoring spun text.
     * Synchronized: an analysis may be read from another thread than the one that made it.
     */
    private static final class Evidence extends java.util.AbstractList<Features.Evidence[]> {
        private final List<Lattice> lattices;
        private final List<double[]> post;
        private final List<String[]> spunKeys;
        private final List<double[]> spunUnigrams;
        private final Map<String, Integer> spunCounts;
        private final Map<String, int[]> wordCounts;
        private final Map<String, int[]> originals = new HashMap<>(); // replacement -> {words, fewest sightings of one}: replacements repeat
        private final double rate;
        private final Features.Evidence[][] known;
        private final boolean[] complete;

        Evidence(List<Lattice> lattices, List<double[]> post, List<String[]> spunKeys, List<double[]> spunUnigrams,
                 Map<String, Integer> spunCounts, Map<String, int[]> wordCounts, double rate) {
            this.lattices = lattices;
            this.post = post;
            this.spunKeys = spunKeys;
            this.spunUnigrams = spunUnigrams;
            this.spunCounts = spunCounts;
            this.wordCounts = wordCounts;
            this.rate = rate;
            this.known = new Features.Evidence[lattices.size()][];
            this.complete = new boolean[lattices.size()];
        }

        /** Candidate k of lattice li's evidence; unlocked: for the decoding thread before the analysis is out, else under get's lock. */
        Features.Evidence of(int li, int k) {
            Features.Evidence[] ev = known[li];
            if (ev == null) {
                ev = known[li] = new Features.Evidence[post.get(li).length];
            }
            if (ev[k] == null) {
                int repeats = spunCounts.getOrDefault(spunKeys.get(li)[k], 1) - 1;
                ev[k] = evidence(lattices.get(li), k, post.get(li)[k], repeats, spunUnigrams.get(li)[k], wordCounts, originals, rate);
            }
            return ev[k];
        }

        @Override
        public synchronized Features.Evidence[] get(int li) {
            if (!complete[li]) {
                for (int k = 0; k < post.get(li).length; k++) {
                    of(li, k);
                }
                if (known[li] == null) {
                    known[li] = new Features.Evidence[0];
                }
                complete[li] = true;
            }
            return known[li];
        }

        @Override
        public int size() {
            return lattices.size();
        }
    }

    /** {@link ChannelModel#priorLog10Odds} from its two logarithms, each worked out once (the same sum, so the same value). */
    private static double prior(double base, double baseLogOdds, double multiplier, double logMultiplier) {
        if (base <= 0 || multiplier <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return baseLogOdds + logMultiplier;
    }

    private static void logMultipliers(double[] multiplier, double[] out) {
        for (int f = 0; f < multiplier.length; f++) {
            out[f] = Math.log10(multiplier[f]);
        }
    }

    /**
     * The M-step for the families: the maximum-likelihood scale of a family's prior is observed / expected (posterior over
     * prior counts), shrunk toward the document's overall scale (its rate against the training rate) by familyPriorWeight
     * pseudo-counts.
     */
    private void reestimate(double[] multiplier, double[] observed, double[] expected, double rate) {
        double scale = rate / cal.trainingRate();
        for (int f = 0; f < multiplier.length; f++) {
            multiplier[f] = (observed[f] + cal.familyPriorWeight() * scale) / (expected[f] + cal.familyPriorWeight());
        }
    }

    static double spunUnigram(Lattice l, Candidate c) {
        double u = 0;
        for (int k = c.start(); k < c.end(); k++) {
            u += l.unigram(k);
        }
        return u;
    }

    /** The candidate's spun words as written, normalised and joined by spaces (the key a spun form is counted under). */
    static String spunKey(Lattice l, Candidate c) {
        if (c.end() - c.start() == 1) {
            // the token's own key: the same string, whose hash is worked out already (the word counts asked it)
            return l.sentence().tokens().get(c.start()).key();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = c.start(); k < c.end(); k++) {
            sb.append(k > c.start() ? " " : "").append(l.sentence().tokens().get(k).key());
        }
        return sb.toString();
    }

    private static Features.Evidence evidence(Lattice l, int k0, double posterior, int spunRepeats, double spunUni,
                                              Map<String, int[]> wordCounts, Map<String, int[]> originals, double rate) {
        Candidate c = l.candidates().get(k0);
        boolean unknown = false;
        for (int id : c.ids()) {
            unknown |= id < 0;
        }
        int[] orig = originals.get(c.replacement());
        if (orig == null) {
            String r = c.replacement();
            // one word, as most are: itself (what split gives it), whose hash a shared replacement holds already
            String[] words = r.indexOf(' ') < 0 ? new String[] {r} : r.split(" ");
            int seen = Integer.MAX_VALUE;
            for (String w : words) {
                int[] n = wordCounts.get(Token.normalise(w));
                seen = Math.min(seen, n == null ? 0 : n[0]);
            }
            orig = new int[] {words.length, seen};
            originals.put(c.replacement(), orig);
        }
        int spunWords = 0;
        for (int k = c.start(); k < c.end(); k++) {
            spunWords += l.sentence().tokens().get(k).isWord() ? 1 : 0;
        }
        return new Features.Evidence(posterior, l.localGain(k0), l.candidateUnigram(k0) - spunUni, orig[0] - spunWords, c.rank(), spunUni,
                spunRepeats, orig[1], rate, unknown, c.source(), c.entry() != null && c.entry().kind() == dev.unspin.dictionary.Kind.ALWAYS);
    }
}
