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
    void aPieceNeedsASentence() {
        CliTest.Run r = CliTest.run("", "heldout", "--pieces", "0", "--ann", Fixtures.project().resolve("samples").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--pieces must be at least 1"), r.err());
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
