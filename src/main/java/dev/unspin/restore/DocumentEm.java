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

    /** What the document's decoding found: per lattice, per candidate, its evidence and calibrated probability. */
    public record Analysis(List<Lattice> lattices, List<Features.Evidence[]> evidence, List<double[]> probability, double spinRate) {
    }

    public Analysis run(List<Lattice> lattices) {
        int words = 0;
        for (Lattice l : lattices) {
            words += l.words();
        }
        Map<String, Integer> spunCounts = new HashMap<>();
        Map<String, Integer> wordCounts = new HashMap<>();
        for (Lattice l : lattices) {
            for (Token t : l.sentence().tokens()) {
                wordCounts.merge(t.key(), 1, Integer::sum);
            }
            java.util.Set<String> here = new java.util.HashSet<>();
            for (Candidate c : l.candidates()) {
                String spun = spunKey(l, c);
                if (here.add(c.start() + ":" + spun)) {
                    spunCounts.merge(spun, 1, Integer::sum);
                }
            }
        }
        int families = Source.values().length;
        List<double[]> base = new ArrayList<>(lattices.size());
        double[] expected = new double[families];
        for (Lattice l : lattices) {
            double[] b = new double[l.candidates().size()];
            for (int k = 0; k < b.length; k++) {
                b[k] = channel.base(l.candidates().get(k), l.candidateUnigram(k), spunUnigram(l, l.candidates().get(k)));
                expected[l.candidates().get(k).source().ordinal()] += b[k];
            }
            base.add(b);
        }
        double a = cal.ratePriorMean() * cal.ratePriorWords();
        double lmWeight = channel.lmWeight();
        double rate = cal.ratePriorMean();
        double[] multiplier = new double[families];
        java.util.Arrays.fill(multiplier, rate / cal.trainingRate());
        List<Features.Evidence[]> evidence = new ArrayList<>();
        List<double[]> prob = new ArrayList<>();
        // A first estimate of the document's rate and families from each candidate alone (its prior odds times its window's
        // likelihood ratio, no decoding): cheap, and it tells a clean document before any graph is built.
        for (int it = 0; it < Math.max(1, cal.emIterations()); it++) {
            double total = 0;
            double[] observed = new double[families];
            for (int li = 0; li < lattices.size(); li++) {
                Lattice l = lattices.get(li);
                for (int k = 0; k < l.candidates().size(); k++) {
                    int f = l.candidates().get(k).source().ordinal();
                    double odds = ChannelModel.priorLog10Odds(base.get(li)[k], multiplier[f]) + lmWeight * l.localGain(k);
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
        List<ForwardBackward.Graph> graphs = new ArrayList<>(lattices.size());
        for (int li = 0; li < lattices.size(); li++) {
            Lattice l = lattices.get(li);
            double[] prior = new double[l.candidates().size()];
            for (int k = 0; k < prior.length; k++) {
                prior[k] = ChannelModel.priorLog10Odds(base.get(li)[k], multiplier[l.candidates().get(k).source().ordinal()]);
                if (prior[k] + lmWeight * l.localGain(k) < cal.pruneLogOdds()) {
                    prior[k] = Double.NEGATIVE_INFINITY; // hopeless even before its neighbours change
                }
            }
            graphs.add(prior.length == 0 ? null : decoder.graph(l, prior, lmWeight));
            l.dropScores(); // the graph has read the windows' answers; a document's lattices live until it is decided
        }
        rate = cal.ratePriorMean();
        java.util.Arrays.fill(multiplier, rate / cal.trainingRate());
        List<double[]> post = new ArrayList<>(lattices.size());
        for (int it = 0; it < Math.max(1, cal.emIterations()); it++) {
            post.clear();
            double total = 0;
            double[] observed = new double[families];
            for (int li = 0; li < lattices.size(); li++) {
                Lattice l = lattices.get(li);
                List<Candidate> cs = l.candidates();
                double[] prior = new double[cs.size()];
                for (int k = 0; k < prior.length; k++) {
                    prior[k] = ChannelModel.priorLog10Odds(base.get(li)[k], multiplier[cs.get(k).source().ordinal()]);
                }
                double[] q = graphs.get(li) == null ? new double[0] : decoder.posteriors(graphs.get(li), prior, lmWeight);
                for (int k = 0; k < q.length; k++) {
                    total += q[k];
                    observed[cs.get(k).source().ordinal()] += q[k];
                }
                post.add(q);
            }
            // M-step: the document's rate, and each family's share against what the channel expected of it at training rates
            rate = (total + a) / (words + cal.ratePriorWords());
            reestimate(multiplier, observed, expected, rate);
        }
        for (int li = 0; li < lattices.size(); li++) {
            Lattice l = lattices.get(li);
            double[] q = post.get(li);
            Features.Evidence[] ev = new Features.Evidence[q.length];
            double[] p = new double[q.length];
            for (int k = 0; k < q.length; k++) {
                ev[k] = evidence(l, k, q[k], spunCounts, wordCounts, rate);
                p[k] = q[k] == 0 ? 0 : decision.probability(ev[k]);
            }
            evidence.add(ev);
            prob.add(p);
        }
        return new Analysis(lattices, evidence, prob, rate);
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

    private static String spunKey(Lattice l, Candidate c) {
        StringBuilder sb = new StringBuilder();
        for (int k = c.start(); k < c.end(); k++) {
            sb.append(k > c.start() ? " " : "").append(l.sentence().tokens().get(k).key());
        }
        return sb.toString();
    }

    private static Features.Evidence evidence(Lattice l, int k0, double posterior, Map<String, Integer> spunCounts,
                                              Map<String, Integer> wordCounts, double rate) {
        Candidate c = l.candidates().get(k0);
        double spunUni = spunUnigram(l, c);
        boolean unknown = false;
        for (int id : c.ids()) {
            unknown |= id < 0;
        }
        String[] words = c.replacement().split(" ");
        int seen = Integer.MAX_VALUE;
        for (String w : words) {
            seen = Math.min(seen, wordCounts.getOrDefault(Token.normalise(w), 0));
        }
        int spunWords = 0;
        for (int k = c.start(); k < c.end(); k++) {
            spunWords += l.sentence().tokens().get(k).isWord() ? 1 : 0;
        }
        return new Features.Evidence(posterior, l.localGain(k0), l.candidateUnigram(k0) - spunUni, words.length - spunWords, c.rank(), spunUni,
                spunCounts.getOrDefault(spunKey(l, c), 1) - 1, seen, rate, unknown, c.source());
    }
}
