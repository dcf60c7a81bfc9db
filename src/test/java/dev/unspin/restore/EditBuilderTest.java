package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.lm.LmScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditBuilderTest {
    private final LmScorer scorer = new LmScorer(StageFixtures.model());

    @Test
    void theMostProbableOfOverlappingCandidatesWinsAndOthersNeedTheThreshold() {
        Lattice l = StageFixtures.lattice("the corporate mentioned it", scorer);
        double[] p = new double[l.candidates().size()];
        p[ForwardBackwardTest.indexOf(l, "company")] = 0.9;
        p[ForwardBackwardTest.indexOf(l, "said")] = 0.4;
        List<EditBuilder.Choice> chosen = EditBuilder.choose(l, p, 0.5);
        assertEquals(1, chosen.size());
        assertEquals("company", chosen.get(0).candidate().replacement());
        assertEquals(2, EditBuilder.choose(l, p, 0.3).size());
    }

    @Test
    void casingCarriesOverAndTheArticleAgrees() {
        String text = "A safety flaw.";
        var s = StageFixtures.ANALYZER.sentences(text).get(0);
        Entry e = new Entry(List.of("safety"), List.of("insecurity"), Kind.CONTEXT, false, "test:1");
        Candidate c = new Candidate(1, 2, "insecurity", new int[] {-1}, Source.CURATED, 0, e);
        List<Edit> edits = EditBuilder.edits(text, s, List.of(new EditBuilder.Choice(c, 0.9, 1.0)));
        assertEquals("An insecurity flaw.", EditBuilder.apply(text, edits));
        assertEquals(0.9, edits.get(1).probability()); // edits[0] is the article
        String upper = "SAFETY first.";
        var s2 = StageFixtures.ANALYZER.sentences(upper).get(0);
        Candidate c2 = new Candidate(0, 1, "security", new int[] {-1}, Source.CURATED, 0, e);
        assertEquals("SECURITY first.", EditBuilder.apply(upper, EditBuilder.edits(upper, s2, List.of(new EditBuilder.Choice(c2, 0.9, 1.0)))));
    }

    @Test
    void theNumberRuleWinsWhereBothTouchTheSameCharacters() {
        String text = "up a pair of.16% today";
        Edit lattice = new Edit(3, 12, "a pair of", "two", Kind.CONTEXT, "test:1", 1.0, 0.9);
        List<Edit> merged = EditBuilder.merge(text, List.of(lattice));
        assertEquals("up 2.16% today", EditBuilder.apply(text, merged));
    }
}
