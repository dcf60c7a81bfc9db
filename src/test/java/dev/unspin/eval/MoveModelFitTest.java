package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.restore.FarmLearner;
import dev.unspin.restore.MoveModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting the move model: FarmGrid's table of moves reads back, and the fit learns which way a figure points. */
class MoveModelFitTest {
    @TempDir
    Path tmp;

    static FarmLearner.Move move(String spun, double count, double evidence) {
        return new FarmLearner.Move(spun, "can", count, (long) Math.ceil(count / 0.8), 0, 0.9, 0.45, 0.9, evidence, 0.5, 40, 45);
    }

    @Test
    void theFitLearnsThatEvidenceMarksTheFarmsMoves() {
        List<MoveModelFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // the same counts either way; the farm's moves have the context's evidence, the others (mostly) not
            boolean farm = i % 2 == 0;
            double evidence = farm ? 1.0 + (i % 7) * 0.1 : 0.2 + (i % 5) * 0.1 + (i % 10 == 1 ? 0.9 : 0);
            rows.add(new MoveModelFit.Row(move("s" + i, 3 + i % 6, evidence), farm));
        }
        MoveModel m = new MoveModel(MoveModelFit.fit(rows, 1.0));
        assertTrue(m.weights()[1 + MoveModel.NAMES.indexOf("evidence")] > 1, m.toString());
        assertTrue(m.probability(move("x", 5, 1.5)) > 0.8, m.toString());
        assertTrue(m.probability(move("x", 5, 0.2)) < 0.2, m.toString());
        // one original per spun form, the most used first
        List<MoveModelFit.Row> two = List.of(new MoveModelFit.Row(move("tank", 4, 1.5), true), new MoveModelFit.Row(move("tank", 9, 1.5), false));
        assertEquals(List.of(two.get(1)), MoveModelFit.choose(two, m, 0.5));
    }

    @Test
    void readsFarmGridsTableOfMoves() throws Exception {
        Path tsv = tmp.resolve("all.tsv");
        Files.writeString(tsv, "spun\toriginal\tcount\tn\trate\tshare\tspread\texcess\ttable\twords\tevidence\tspun_expected\toriginal_expected\toriginal_written\tq\n"
                + "tank\tcan\t40.000\t42\t0.9524\t0.5000\t0.900\t0.9000\t1\t350000\t1.2000\t0.5\t80\t40\t0.9\n"
                + "fig\tshit\t3.000\t5\t0.6\t0.3\t1.0\t0.5\t0\t350000\tNaN\t2\t9\t7\tNaN\n");
        List<MoveModelFit.Row> rows = MoveModelFit.read(tsv);
        assertEquals(2, rows.size());
        FarmLearner.Move tank = rows.get(0).move();
        assertTrue(rows.get(0).farm() && !rows.get(1).farm());
        assertEquals(40, tank.count(), 1e-9);
        assertEquals(42, tank.occurrences());
        assertEquals(1.2, tank.evidence(), 1e-9);
        assertEquals(40, tank.originalWritten(), 1e-9);
        assertEquals(null, MoveModel.figures(rows.get(1).move()), "a move without its evidence is not fitted on");
    }
}
