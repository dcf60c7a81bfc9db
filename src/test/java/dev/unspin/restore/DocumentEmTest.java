package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.Sentence;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentEmTest {
    private final FakeLanguageModel lm = StageFixtures.model();
    private final LmScorer scorer = new LmScorer(lm);
    /** The bundled calibration's settings, with a decision that reads the posterior alone. */
    private final Calibration cal = posteriorOnly(Calibration.bundled());

    static Calibration posteriorOnly(Calibration c) {
        double[] d = new double[Features.DECISION];
        d[1] = Math.log(10); // log-odds of the decision = log-odds of the posterior
        return c.withModels(c.channel(), d, List.of());
    }

    private DocumentEm.Analysis run(String text) {
        List<Lattice> ls = new ArrayList<>();
        for (Sentence s : StageFixtures.ANALYZER.sentences(text)) {
            ls.add(Lattice.build(s, List.of(new DictionaryCandidates(StageFixtures.dictionary())), scorer, new BitSet()));
        }
        return new DocumentEm(cal, new ForwardBackward(lm, cal.beam())).run(ls);
    }

    @Test
    void aSpunDocumentReadsAsMoreSpunThanCleanProseAndItsRepairsGainFromIt() {
        String spun = "the corporate mentioned it will fix a safety flaw. the corporate mentioned it. the corporate mentioned it will fix a safety flaw.";
        String clean = "the company said it will fix a security flaw. the company said it. the company said it will fix a security hole today.";
        DocumentEm.Analysis s = run(spun);
        DocumentEm.Analysis c = run(clean);
        assertTrue(s.spinRate() > 2 * c.spinRate(), s.spinRate() + " vs " + c.spinRate());
        assertTrue(c.spinRate() < cal.ratePriorMean(), "clean text settles below the prior: " + c.spinRate());
        // one repair alone in a short text, against the same repair in the spun document
        DocumentEm.Analysis alone = run("it will fix a safety flaw.");
        double inSpun = s.probability().get(0)[ForwardBackwardTest.indexOf(s.lattices().get(0), "security")];
        double single = alone.probability().get(0)[0];
        assertTrue(inSpun > single, inSpun + " vs " + single);
    }

    @Test
    void evidenceCountsRepeatsOfTheSpunFormAndUnspunUsesOfTheOriginal() {
        DocumentEm.Analysis a = run("the corporate mentioned it. the corporate mentioned it. the company said it.");
        Lattice first = a.lattices().get(0);
        Features.Evidence e = a.evidence().get(0)[ForwardBackwardTest.indexOf(first, "company")];
        assertEquals(1, e.spunRepeats());
        assertEquals(1, e.originalSeen());
        assertEquals(Source.CURATED, e.source());
    }
}
