package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorer on fixtures of its own (src/test/resources/scorer): small annotations, outputs that stress
 * the alignment (untouched, perfect, wrong fixes, insertions, deletions, case damage, a lost blank line),
 * and the counts the reference score.py gave for each when the fixtures were made. Needs nothing outside
 * the project, unlike ScorerParityTest, which runs score.py itself when it is there.
 */
class ScorerFixturesTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ScorerFixturesTest.class.getResourceAsStream("/scorer/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /scorer/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void countsMatchWhatScorePyReported() throws IOException {
        List<String> rows = resource("expected.tsv").lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertTrue(rows.size() >= 20, "expected.tsv lost its rows");
        int mistakes = 0;
        StringBuilder report = new StringBuilder();
        for (String row : rows) {
            String[] f = row.split("\t");
            String output = f[0];
            Annotation ann = Annotation.parse(resource(output.substring(0, output.indexOf('.')) + ".ann"));
            Counts c = Scorer.score(ann, resource(output), null);
            String got = String.join("\t", output, "" + c.tp(), "" + c.tpRequired(), "" + c.fp(), "" + c.fn(), "" + c.required(), "" + c.edits(),
                    "" + c.layoutOk());
            if (!got.equals(row)) {
                mistakes++;
                report.append("\n want ").append(row).append("\n  got ").append(got);
            }
        }
        assertEquals(0, mistakes, report.toString());
    }

    @Test
    void perfectOutputScoresOne() throws IOException {
        Counts c = Scorer.score(Annotation.parse(resource("news.ann")), resource("news.1.txt"), null);
        assertEquals(1.0, c.precision(), 1e-12);
        assertEquals(1.0, c.recall(), 1e-12);
        assertEquals(1.0, c.f05(), 1e-12);
    }
}
