package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.english();
    private static final String DOC = "The [[corporate=>company]] [[mentioned=>said]] on Monday that it would close the plant. "
            + "Workers were told in the morning. The union [[in keeping with=>according to]] its leader will fight it. "
            + "Talks begin next week. Nobody expects a deal [[quickly=>soon|?]].\n";

    @Test
    void piecesKeepTheirMarksAndTogetherGiveTheDocumentBack() {
        Pieces p = new Pieces(ANALYZER);
        List<String> two = p.cut(DOC, 2);
        assertEquals(3, two.size(), two.toString());
        assertTrue(two.get(0).startsWith("The [[corporate=>company]] [[mentioned=>said]]"), two.get(0));
        assertTrue(two.get(1).contains("[[in keeping with=>according to]]"), two.get(1));
        assertEquals("Nobody expects a deal [[quickly=>soon|?]].\n", two.get(2).substring(two.get(2).indexOf("Nobody")));
        // the marks and the words are all there, in order: only the white space between pieces differs
        List<Annotation.GoldEdit> edits = new ArrayList<>();
        StringBuilder spun = new StringBuilder();
        for (String piece : two) {
            Annotation a = Annotation.parse(piece);
            edits.addAll(a.edits());
            spun.append(a.spun().strip()).append(' ');
            for (Annotation.GoldEdit e : a.edits()) {
                assertEquals(e.spun(), a.spun().substring(e.start(), e.end()), "offsets moved with the piece");
            }
        }
        Annotation whole = Annotation.parse(DOC);
        assertEquals(whole.edits().size(), edits.size());
        assertEquals(whole.spun().strip(), spun.toString().strip());
        assertEquals(5, p.cut(DOC, 1).size());
        assertEquals(1, p.cut(DOC, 9).size());
        assertThrows(IllegalArgumentException.class, () -> p.cut(DOC, 0));
    }

    @Test
    void aCutNeverFallsInsideAMark() {
        // the sentence splitter sees two sentences, but the second starts inside a marked edit that spans the full stop
        String doc = "He left at noon. [[Soon after. The=>Then the]] rain came. It was cold.\n";
        Pieces p = new Pieces(ANALYZER);
        for (String piece : p.cut(doc, 1)) {
            Annotation.parse(piece); // every piece parses
            assertEquals(piece.indexOf("[["), piece.indexOf("[[Soon"), piece);
        }
        String joined = String.join(" ", p.cut(doc, 1));
        assertTrue(joined.contains("[[Soon after. The=>Then the]]"), joined);
    }
}
