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
    void aRepairAcrossAWrappedLineKeepsTheLineBreak() {
        assertEquals("operating\nsystem", EditBuilder.keepLineBreaks("working\nsystem", "operating system"));
        assertEquals("according\r\n  to", EditBuilder.keepLineBreaks("in keeping\r\n  with", "according to"));
        assertEquals("new", EditBuilder.keepLineBreaks("brand\nnew", "new"), "one word has no gap to keep it in");
        assertEquals("\n", EditBuilder.unplacedBreak("brand\nnew", "new"), "...so the edit takes the space after it");
        assertEquals(null, EditBuilder.unplacedBreak("working\nsystem", "operating\nsystem"));
        assertEquals("follow suit", EditBuilder.keepLineBreaks("comply with swimsuit", "follow suit"));
        assertEquals("a\nb c", EditBuilder.keepLineBreaks("x\ny\nz w", "a b c"), "gaps counted from the end: the first break has no gap left");
    }

    @Test
    void aShorterRepairAcrossALineBreakKeepsTheTextsLines() {
        String text = "It ships the brand\nnew update, in its working\nsystem.";
        var s = StageFixtures.ANALYZER.sentences(text).get(0);
        Entry brand = new Entry(List.of("brand", "new"), List.of("new"), Kind.CONTEXT, false, "test:1");
        Entry working = new Entry(List.of("working", "system"), List.of("operating system"), Kind.ALWAYS, false, "test:2");
        Candidate c1 = new Candidate(3, 5, "new", new int[] {-1}, Source.CURATED, 0, brand);
        Candidate c2 = new Candidate(9, 11, "operating system", new int[] {-1}, Source.CURATED_ALWAYS, 0, working);
        List<Edit> edits = EditBuilder.edits(text, s, List.of(new EditBuilder.Choice(c1, 0.9, 1.0), new EditBuilder.Choice(c2, 0.9, 1.0)));
        assertEquals("It ships the new\nupdate, in its operating\nsystem.", EditBuilder.apply(text, edits));
        // punctuation after the repair: the space before it takes the break
        String wrapped = "We saw a cerebral\ntorment. It hurt.";
        var w = StageFixtures.ANALYZER.sentences(wrapped).get(0);
        Entry tortured = new Entry(List.of("cerebral", "torment"), List.of("migraine"), Kind.CONTEXT, false, "test:3");
        Candidate c3 = new Candidate(3, 5, "migraine", new int[] {-1}, Source.TORTURED, 0, tortured);
        assertEquals("We saw a\nmigraine. It hurt.", EditBuilder.apply(wrapped, EditBuilder.edits(wrapped, w, List.of(new EditBuilder.Choice(c3, 0.9, 1.0)))));
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
