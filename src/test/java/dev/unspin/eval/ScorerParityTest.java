package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unspin.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java scorer must report exactly what the reference score.py reports, on easy and tricky outputs.
 * score.py lives in the developers' ../shared folder, which a clone does not have: the comparison is
 * then skipped (ScorerFixturesTest keeps the scorer honest on recorded counts instead).
 */
class ScorerParityTest {
    @TempDir
    Path tmp;

    private static final Pattern NUM = Pattern.compile("\"(\\w+)\": (\\w+)");

    private static List<Path> annotations() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dev = Fixtures.shared().resolve("dev");
        if (Files.isDirectory(dev)) {
            try (var s = Files.list(dev)) {
                s.filter(p -> p.toString().endsWith(".ann")).forEach(out::add);
            }
        }
        try (var s = Files.list(Fixtures.project().resolve("samples"))) {
            s.filter(p -> p.toString().endsWith(".ann")).forEach(out::add);
        }
        assertTrue(out.size() >= 3, "need the samples");
        return out;
    }

    /** Outputs that stress the alignment: perfect, untouched, wrong fixes, merges, insertions, deletions, random damage. */
    private static List<String> outputs(Annotation ann, String restored, long seed) {
        List<String> outs = new ArrayList<>();
        outs.add(ann.spun());
        outs.add(restored);
        StringBuilder perfect = new StringBuilder();
        StringBuilder wrong = new StringBuilder();
        int at = 0;
        int k = 0;
        for (Annotation.GoldEdit e : ann.edits()) {
            perfect.append(ann.spun(), at, e.start()).append(e.alternatives().get(0));
            wrong.append(ann.spun(), at, e.start()).append(k % 3 == 0 ? "banana split" : k % 3 == 1 ? e.spun() : e.alternatives().get(0) + " indeed");
            at = e.end();
            k++;
        }
        outs.add(perfect.append(ann.spun().substring(at)).toString());
        outs.add(wrong.append(ann.spun().substring(at)).toString());
        Random rnd = new Random(seed);
        String[] words = ann.spun().split(" ", -1);
        for (int round = 0; round < 3; round++) {
            StringBuilder sb = new StringBuilder();
            for (String w : words) {
                int r = rnd.nextInt(20);
                if (r == 0) {
                    continue; // deletion
                }
                sb.append(r == 1 ? "inserted " + w : r == 2 ? w.toUpperCase() : r == 3 ? "zzz" : w).append(' ');
            }
            outs.add(sb.toString());
        }
        return outs;
    }

    @Test
    void javaScorerAgreesWithScorePy() throws Exception {
        Path script = Fixtures.shared().resolve("score.py");
        assumeTrue(Files.isRegularFile(script), "score.py not found at " + script + ": comparison skipped");
        assumeTrue(python3(), "python3 not found: comparison skipped");
        int compared = 0;
        for (Path annFile : annotations()) {
            Annotation ann = Annotation.parse(Files.readString(annFile));
            String restored = Fixtures.get().restorer.restore(ann.spun()).text();
            int i = 0;
            for (String out : outputs(ann, restored, annFile.hashCode())) {
                Path outFile = tmp.resolve(annFile.getFileName() + "." + (i++) + ".txt");
                Files.writeString(outFile, out, StandardCharsets.UTF_8);
                Process p = new ProcessBuilder("python3", script.toString(), annFile.toString(), outFile.toString()).redirectErrorStream(true).start();
                String py = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertEquals(0, p.waitFor(), py);
                Counts c = Scorer.score(ann, out, null);
                String context = annFile.getFileName() + " output " + (i - 1) + ": " + py;
                assertEquals(field(py, "tp"), c.tp(), context);
                assertEquals(field(py, "tp_req"), c.tpRequired(), context);
                assertEquals(field(py, "fp"), c.fp(), context);
                assertEquals(field(py, "fn"), c.fn(), context);
                assertEquals(field(py, "required"), c.required(), context);
                assertEquals(field(py, "edits"), c.edits(), context);
                assertTrue(py.contains("\"layout_ok\": " + c.layoutOk()), context);
                compared++;
            }
        }
        assertTrue(compared >= 20);
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int field(String json, String key) {
        Matcher m = NUM.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("no " + key + " in " + json);
    }

    @Test
    void annotationParsingRecoversTheSpunText() {
        Annotation a = Annotation.parse("The [[corporate=>company]] [[mentioned=>said|stated|?]] it.");
        assertEquals("The corporate mentioned it.", a.spun());
        assertEquals(2, a.edits().size());
        assertEquals(List.of("said", "stated"), a.edits().get(1).alternatives());
        assertTrue(a.edits().get(1).optional());
        assertEquals("corporate", a.spun().substring(a.edits().get(0).start(), a.edits().get(0).end()));
        assertEquals("The [[corporate=>company]] [[mentioned=>said|stated|?]] it.", Annotation.format(a.spun(), a.edits()));
    }

    @Test
    void countsByHand() {
        Annotation a = Annotation.parse("The [[corporate=>company]] [[mentioned=>said]] the [[brand new=>new|?]] plan.");
        Counts c = Scorer.score(a, "The company stated the brand new scheme.", null);
        // company: TP; stated: wrong fix (FP + FN); brand new left (optional, no FN); plan->scheme: FP
        assertEquals(1, c.tp());
        assertEquals(2, c.fp());
        assertEquals(1, c.fn());
        assertEquals(2, c.required());
        assertEquals(1.0 / 3, c.precision(), 1e-9);
        assertEquals(0.5, c.recall(), 1e-9);
    }
}
