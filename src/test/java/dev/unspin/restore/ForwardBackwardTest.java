package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import org.junit.jupiter.api.Test;

class ForwardBackwardTest {
    private final FakeLanguageModel lm = StageFixtures.model();
    private final LmScorer scorer = new LmScorer(lm);

    @Test
    void anIsolatedCandidatesPosteriorIsBayesRuleOverItsPriorAndWindowGain() {
        Lattice l = StageFixtures.lattice("it will fix a safety flaw", scorer);
        assertEquals(1, l.candidates().size());
        Candidate c = l.candidates().get(0);
        assertEquals("security", c.replacement());
        // by hand: with "security" the bigrams a->security (-1.5) and security->flaw (-1) replace a->safety (-3) and safety->flaw (-3)
        assertEquals(3.5, l.localGain(0), 1e-9);
        ForwardBackward fb = new ForwardBackward(lm, 16);
        for (double prior : new double[] {-3, -1, 0, 2}) {
            for (double weight : new double[] {1, 0.5}) {
                double post = fb.posteriors(l, new double[] {prior}, weight)[0];
                double expected = 1 / (1 + Math.pow(10, -(prior + weight * 3.5)));
                assertEquals(expected, post, 1e-9, "prior " + prior + " weight " + weight);
            }
        }
    }

    @Test
    void competingReadingsOfOneSpanShareOneProbabilityMass() {
        Lattice l = StageFixtures.lattice("the corporate mentioned it", scorer);
        ForwardBackward fb = new ForwardBackward(lm, 16);
        double[] prior = new double[l.candidates().size()];
        double[] post = fb.posteriors(l, prior, 1);
        for (int k = 0; k < post.length; k++) {
            assertTrue(post[k] > 0 && post[k] < 1);
        }
        // neighbours inform each other: "company said" is a known bigram, so each repair is likelier with the other
        double alone = fb.posteriors(StageFixtures.lattice("the corporate it", scorer), new double[] {0}, 1)[0];
        int company = indexOf(l, "company");
        assertTrue(post[company] > alone, post[company] + " vs " + alone);
    }

    @Test
    void aCandidateLeftOutByItsPriorGetsNoMass() {
        Lattice l = StageFixtures.lattice("it will fix a safety flaw", scorer);
        double[] post = new ForwardBackward(lm, 16).posteriors(l, new double[] {Double.NEGATIVE_INFINITY}, 1);
        assertEquals(0, post[0]);
    }

    @Test
    void theGraphReadingTheWindowsAnswersDecodesExactlyAsOneAskingTheModel() {
        // the real model, a crowded sentence (candidates side by side) and a beam that must choose
        dev.unspin.Fixtures f = dev.unspin.Fixtures.get();
        LmScorer real = f.scorer;
        String text = "the corporate mentioned it will fix a safety flaw in the brand new working system today";
        Lattice cached = StageFixtures.lattice(text, real);
        Lattice asked = StageFixtures.lattice(text, real);
        assertTrue(cached.candidates().size() >= 5, cached.candidates().toString());
        assertTrue(cached.scores(real.lm()) != null, "a lattice keeps its windows' answers for the graph");
        asked.dropScores();
        assertEquals(null, asked.scores(real.lm()));
        for (int beam : new int[] {1, 2, 8}) {
            ForwardBackward fb = new ForwardBackward(real.lm(), beam);
            double[] prior = new double[cached.candidates().size()];
            for (int k = 0; k < prior.length; k++) {
                prior[k] = -1 + 0.25 * k;
            }
            double[] a = fb.posteriors(cached, prior, 0.8);
            double[] b = fb.posteriors(asked, prior, 0.8);
            for (int k = 0; k < a.length; k++) {
                assertEquals(Double.doubleToRawLongBits(b[k]), Double.doubleToRawLongBits(a[k]), "beam " + beam + " candidate " + k);
            }
        }
    }

    @Test
    void aCrowdedPositionKeepsTheBestNodesAndTiesInListOrder() {
        ForwardBackward.Graph g = new ForwardBackward.Graph(1, 0);
        // nodes are listed newest first: ids 4, 3, 2, 1, 0 for these forward scores
        double[] alpha = {-2, -1, -3, -1, -0.5};
        for (int v = 0; v < alpha.length; v++) {
            g.node(0, v + 10, alpha[v]);
        }
        assertEquals(java.util.List.of(4, 3, 1), boxed(g.nodesAt(0, 3)), "best first; of the tied -1s, the later node (listed first) first");
        assertEquals(java.util.List.of(4, 3, 2, 1, 0), boxed(g.nodesAt(0, 5)), "room for all: list order");
        assertEquals(java.util.List.of(4), boxed(g.nodesAt(0, 1)));
    }

    private static java.util.List<Integer> boxed(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    static int indexOf(Lattice l, String replacement) {
        for (int k = 0; k < l.candidates().size(); k++) {
            if (l.candidates().get(k).replacement().equals(replacement)) {
                return k;
            }
        }
        throw new AssertionError("no candidate " + replacement + " in " + l.candidates());
    }
}
