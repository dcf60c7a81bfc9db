package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import dev.unspin.restore.Candidate;
import dev.unspin.restore.DictionaryCandidates;
import dev.unspin.restore.Lattice;
import dev.unspin.restore.Source;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSpinnerTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.english();

    private static PhraseDictionary dict() {
        return new PhraseDictionary(List.of(
                new Entry(List.of("corporate"), List.of("company"), Kind.CONTEXT, false, "news-core.txt:1"),
                new Entry(List.of("working", "system"), List.of("operating system"), Kind.ALWAYS, false, "news-core.txt:2"),
                new Entry(List.of("mentioned"), List.of("said"), Kind.CONTEXT, false, "news-core.txt:3")));
    }

    @Test
    void foldsAreStableAndSplitTheMoves() {
        assertEquals(MoveTable.fold("mentioned", "said"), MoveTable.fold("Mentioned", "SAID"));
        int[] seen = new int[MoveTable.FOLDS];
        String[] words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon".split(" ");
        for (String a : words) {
            for (String b : words) {
                seen[MoveTable.fold(a, b)]++;
            }
        }
        for (int n : seen) {
            assertTrue(n > 40, java.util.Arrays.toString(seen));
        }
    }

    @Test
    void aMoveInsideAWordIsMarkedOverTheScorersWholeWord() {
        MoveTable moves = new MoveTable();
        moves.addDictionary(new PhraseDictionary(List.of(
                new Entry(List.of("langen"), List.of("long"), Kind.CONTEXT, false, "news-core.txt:1"),
                new Entry(List.of("country"), List.of("nation"), Kind.CONTEXT, false, "news-core.txt:2"))), m -> true);
        TrainingSpinner sp = new TrainingSpinner(ANALYZER, moves);
        String clean = "We need long-term plans, a long wait and the nation trust.";
        String ann = sp.spin(clean, new TrainingSpinner.Profile("all", 1.0, Map.of(Source.CURATED, 1.0)), 3);
        assertEquals("We need [[langen-term=>long-term]] plans, a [[langen=>long]] wait and the [[country=>nation]] trust.", ann);
        // every mark is whole scorer tokens, so restoring it scores as a repair
        assertEquals(3, Scorer.score(Annotation.parse(ann), clean, null).tp(), ann);
    }

    @Test
    void spunTextIsAnAnnotationWhoseEveryMoveTheRestorersGeneratorsCanUndo() {
        MoveTable moves = new MoveTable();
        moves.addDictionary(dict(), m -> true);
        TrainingSpinner sp = new TrainingSpinner(ANALYZER, moves);
        String clean = "The company said its operating system is safe. The company said so again, and the company said it twice.";
        String ann = sp.spin(clean, new TrainingSpinner.Profile("all", 1.0, Map.of(Source.CURATED, 1.0, Source.CURATED_ALWAYS, 1.0)), 7);
        Annotation a = Annotation.parse(ann);
        assertEquals(7, a.edits().size(), ann);
        assertTrue(a.spun().startsWith("The corporate mentioned its working system is safe."), a.spun());
        // the labels the trainer gives: trimmed candidates restore their gold edits, others do not
        LmScorer scorer = new LmScorer(new FakeLanguageModel(-5).word("corporate", -4).word("company", -3));
        int right = 0;
        int all = 0;
        for (Sentence s : ANALYZER.sentences(a.spun())) {
            Lattice l = Lattice.build(s, List.of(new DictionaryCandidates(dict())), scorer, new BitSet());
            for (Candidate c : l.candidates()) {
                all++;
                right += CalibrationTrainer.isRight(a, l, c) ? 1 : 0;
            }
        }
        assertEquals(all, right, "every candidate here restores its gold edit ('working' -> 'operating' included)");
        assertEquals(7, all);
        // and a clean document is left alone by a spinner of rate 0
        assertFalse(Annotation.parse(sp.spin(clean, new TrainingSpinner.Profile("clean", 0, Map.of()), 7)).edits().size() > 0);
    }
}
