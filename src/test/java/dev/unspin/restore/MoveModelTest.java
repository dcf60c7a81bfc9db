package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The move model: what its figures are, which way they push, and how the cut uses it. */
class MoveModelTest {
    /** A move of a 350,000-word folder with the given count, evidence and spun form's positions. */
    static FarmLearner.Move move(String spun, double count, long n, double evidence, double spunExpected) {
        return new FarmLearner.Move(spun, "can", count, n, 0, 1 - spunExpected / n, 0.45, 0.9, evidence, spunExpected, 40, 45);
    }

    @Test
    void moreUsesAndMoreEvidenceMakeAMoveMoreLikely() {
        MoveModel m = MoveModel.DEFAULT;
        double base = m.probability(move("tank", 4, 5, 0.5, 0.5));
        assertTrue(m.probability(move("tank", 12, 15, 0.5, 0.5)) > base);
        assertTrue(m.probability(move("tank", 4, 5, 1.5, 0.5)) > base);
        // a spun form the language model expects as often as the folder writes it is an ordinary word, not the farm's
        assertTrue(m.probability(move("tank", 4, 5, 0.5, 5)) < base);
        // the figures are clamped to the range the model was fitted on
        assertEquals(m.probability(move("tank", 4, 5, 4, 0.5)), m.probability(move("tank", 4, 5, 40, 0.5)), 1e-12);
    }

    @Test
    void aMoveWithoutTheFoldersFiguresIsNotJudged() {
        FarmLearner.Move bare = new FarmLearner.Move("tank", "can", 40, 42, 0, 0.9, 0.5, 0.9);
        assertNull(MoveModel.figures(bare));
        assertTrue(Double.isNaN(MoveModel.DEFAULT.probability(bare)));
        assertTrue(FarmLearner.DEFAULT.keeps(bare, 350_000), "the hand cuts alone judge it");
    }

    @Test
    void theDefaultCutAsksTheModelAfterTheHandCuts() {
        FarmLearner.Move weak = move("tank", 4, 6, -0.5, 3);
        FarmLearner.Move strong = move("olden", 4, 5, 1.5, 0.05);
        assertTrue(MoveModel.DEFAULT.probability(weak) < FarmLearner.DEFAULT.minScore(), "" + MoveModel.DEFAULT.probability(weak));
        assertTrue(MoveModel.DEFAULT.probability(strong) >= FarmLearner.DEFAULT.minScore(), "" + MoveModel.DEFAULT.probability(strong));
        FarmLearner empty = new FarmLearner();
        assertEquals(List.of(strong), empty.moves(FarmLearner.DEFAULT, List.of(weak, strong)));
        // with --min-score 0 the model is off: both pass the hand cuts at count 3
        FarmLearner.Thresholds off = new FarmLearner.Thresholds(3, 8, 0.2, 0.25, 0.5, 0, 1, MoveModel.DEFAULT, 0);
        assertEquals(List.of(weak, strong), empty.moves(off, List.of(weak, strong)));
        // l1's hand cuts want 5 uses
        assertEquals(List.of(), empty.moves(FarmLearner.HAND, List.of(weak, strong)));
    }

    @Test
    void aModelHasOneWeightPerFigureAndAnIntercept() {
        assertThrows(IllegalArgumentException.class, () -> new MoveModel(new double[3]));
        double[] w = new double[MoveModel.NAMES.size() + 1];
        MoveModel zero = new MoveModel(w);
        w[0] = 5; // the model keeps its own copy
        assertEquals(0.5, zero.probability(move("tank", 4, 5, 0.5, 0.5)), 1e-12);
        assertEquals(new MoveModel(new double[MoveModel.NAMES.size() + 1]), zero);
    }
}
