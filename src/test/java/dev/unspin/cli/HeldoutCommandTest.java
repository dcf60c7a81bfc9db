package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import org.junit.jupiter.api.Test;

/** `unspin heldout --pieces`: the same annotated text scored as short documents, on the real model and dictionaries. */
class HeldoutCommandTest {
    @Test
    void piecesScoreTheSameWordsAsShorterDocuments() {
        String ann = Fixtures.project().resolve("samples/security-update.ann").toString();
        String[] whole = row(CliTest.run("", "heldout", "--ann", ann));
        String[] pieces = row(CliTest.run("", "heldout", "--pieces", "2", "--ann", ann));
        assertEquals("1", whole[1], String.join(" ", whole));
        assertTrue(Integer.parseInt(pieces[1]) > 2, String.join(" ", pieces));
        assertEquals(whole[2], pieces[2], "the pieces hold the same words");
        // every gold edit is still scored: TP + FN over the required edits is the same
        assertEquals(field(whole, "TP") + field(whole, "FN"), field(pieces, "TP") + field(pieces, "FN"));
    }

    @Test
    void badValuesAreOneLineErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String samples = Fixtures.project().resolve("samples").toString();
        CliTest.Run r = CliTest.run("", "heldout", "--pieces", "0", "--ann", samples);
        assertEquals(2, r.code(), r.err());
        assertEquals("unspin: --pieces must be at least 1 (got 0)\n", r.err());
        CliTest.Run conf = CliTest.run("", "heldout", "--confidence", "5", "--ann", samples);
        assertEquals(2, conf.code(), conf.err());
        // a calibration file that is not one is bad input, not an internal error
        java.nio.file.Path bad = tmp.resolve("bad.cal");
        java.nio.file.Files.writeString(bad, "# not fitted\nconfidence = 0.4\n");
        CliTest.Run cal = CliTest.run("", "heldout", "--calibration", bad.toString(), "--ann", samples);
        assertEquals(3, cal.code(), cal.err());
        assertEquals(1, cal.err().lines().count(), cal.err());
        assertTrue(cal.err().contains("bad.cal: not a calibration: calibration lacks"), cal.err());
        CliTest.Run missing = CliTest.run("", "heldout", "--calibration", tmp.resolve("none.cal").toString(), "--ann", samples);
        assertEquals(3, missing.code(), missing.err());
        assertTrue(missing.err().contains("none.cal: no such file"), missing.err());
    }

    private static String[] row(CliTest.Run r) {
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().split("\n")) {
            if (line.startsWith("annotated")) {
                return line.trim().split("\\s+");
            }
        }
        throw new AssertionError("no annotated row in " + r.out());
    }

    private static int field(String[] row, String name) {
        for (int i = 0; i + 1 < row.length; i++) {
            if (row[i].replace("(", "").equals(name)) {
                return Integer.parseInt(row[i + 1].replace(")", ""));
            }
        }
        throw new AssertionError(name + " not in " + String.join(" ", row));
    }
}
