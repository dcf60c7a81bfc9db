package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them, in-process, with the real dictionaries and model. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        InputStream oldIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void fixRepairsTheBundledSample() {
        Run r = run("", "fix", Fixtures.project().resolve("samples/security-update.txt").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("closes a security hole in its operating system"), r.out());
        assertTrue(r.out().contains("Other vendors are expected to follow suit"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void fixReadsStandardInput() {
        Run r = run("The new working system ships.\n", "fix");
        assertEquals(0, r.code());
        assertEquals("The new operating system ships.\n", r.out());
        Run dash = run("Comply with swimsuit.", "fix", "-");
        assertEquals("Follow suit.", dash.out());
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        Run r = run("", "fix");
        assertEquals(0, r.code());
        assertEquals("", r.out());
    }

    @Test
    void missingFileIsOneLineAndExit3() {
        Run r = run("", "fix", tmp.resolve("nope.txt").toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertEquals("unspin: " + tmp.resolve("nope.txt") + ": no such file", r.err().strip());
    }

    @Test
    void directoryIsRefused() {
        Run r = run("", "fix", tmp.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("is a directory"), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void invalidUtf8NamesTheLine() throws Exception {
        Path bad = tmp.resolve("latin1.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Run r = run("", "fix", bad.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertEquals("unspin: " + bad + ": line 2: invalid UTF-8 at byte 6", r.err().strip());
    }

    @Test
    void binaryInputIsRefused() throws Exception {
        Path bin = tmp.resolve("x.bin");
        Files.write(bin, new byte[] {1, 0, 2});
        Run r = run("", "fix", bin.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("binary"), r.err());
    }

    @Test
    void noRepairWritesAWordTwiceInARow() throws Exception {
        // the speech-trained model likes "jobs in in because" better than the name; the restorer refuses stutters
        Path dict = tmp.resolve("names.txt");
        Files.writeString(dict, "Hoosier State => in ; ctx case\n");
        String spun = "The company aforesaid on Tuesday that it'll cut three hundred jobs in Hoosier State because demand "
                + "for its trucks has fallen. \"We tend to area unit disappointed,\" Jane Doe aforesaid. Analysts aforesaid "
                + "the move was Associate in Nursing early sign.";
        Run r = run(spun, "fix", "--dict", dict.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("jobs in Hoosier State because"), r.out());
        assertTrue(r.out().contains("was an early sign"), "the document is repaired elsewhere: " + r.out());
    }

    @Test
    void malformedDictionaryLineGivesFileLineAndExit4() throws Exception {
        Path dict = tmp.resolve("bad.txt");
        Files.writeString(dict, "# mine\nmentioned said\n");
        Run r = run("text", "fix", "--dict", dict.toString());
        assertEquals(ExitCodes.DICTIONARY, r.code());
        assertEquals("unspin: " + dict + ":2: no '=>' between spun phrase and original", r.err().strip());
    }

    @Test
    void outputFileIsWrittenOnlyOnSuccess() throws Exception {
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "The working system.\r\n");
        Path out = tmp.resolve("out.txt");
        Run bad = run("", "fix", in.toString(), "-o", out.toString(), "--dict", tmp.resolve("missing.txt").toString());
        assertEquals(ExitCodes.INPUT, bad.code());
        assertFalse(Files.exists(out));
        Run good = run("", "fix", in.toString(), "-o", out.toString());
        assertEquals(0, good.code(), good.err());
        assertEquals("The operating system.\r\n", Files.readString(out));
        assertEquals("The working system.\r\n", Files.readString(in), "the input is never touched");
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void corruptModelIsExit5() throws Exception {
        Path model = tmp.resolve("bad.ulm");
        Files.writeString(model, "this is not a model, just some text that is long enough to have a header of sorts".repeat(10));
        Run r = run("text", "fix", "--lm", model.toString());
        assertEquals(ExitCodes.MODEL, r.code());
        assertTrue(r.err().startsWith("unspin: " + model + ": not an unspin model"), r.err());
    }

    @Test
    void explainJsonAndDiff() {
        String spun = "The corporate mentioned on Friday that the working system was patched.";
        Run ex = run(spun, "fix", "--explain");
        assertTrue(ex.err().contains("<stdin>:1:5: \"corporate\" -> \"company\" (context news-core.txt:"), ex.err());
        assertTrue(ex.err().contains("\"working\" -> \"operating\" (always"), ex.err());
        Run js = run(spun, "fix", "--json");
        assertTrue(js.out().startsWith("{\"file\":\"<stdin>\",\"edits\":[{\"start\":4,\"end\":13,\"line\":1,\"column\":5,\"before\":\"corporate\",\"after\":\"company\",\"source\":\"context\""), js.out());
        Run diff = run(spun, "fix", "--diff");
        assertTrue(diff.out().contains("[-working-]{+operating+} system"), diff.out());
    }

    @Test
    void evalPrintsTheScorersFigures() {
        Run r = run("", "eval", "--json", Fixtures.project().resolve("samples/security-update.ann").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{\"P\": "), r.out());
        assertTrue(r.out().contains("\"required\": 20"), r.out());
    }

    @Test
    void dictCheckPassesOnBundledAndFailsOnConflicts() throws Exception {
        assertEquals(0, run("", "dict", "check").code());
        Path d = tmp.resolve("c.txt");
        Files.writeString(d, "safety => security ; ctx\nsafety => security\n");
        Run r = run("", "dict", "check", d.toString());
        assertEquals(ExitCodes.SOME_FAILED, r.code());
        assertTrue(r.out().contains(":2: error:"), r.out());
    }

    @Test
    void coverageOnRawTextProposesReadyToPasteLinesFromTheBundledReverseThesaurus() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scraped"));
        Files.writeString(dir.resolve("a.txt"), "The company will augment its workforce this year, executives said.\n"
                + "The plan would augment funding for schools, the governor said.\n");
        Files.writeString(dir.resolve("b.txt"), "Lawmakers voted to augment the budget on Monday.\n");
        Run r = run("", "coverage", "--thesaurus", "bundled", dir.toString());
        assertEquals(0, r.code(), r.err());
        // no entry knows "augment"; the model finds it improbable where the ranked thesaurus offers "increase"
        assertTrue(r.out().contains("augment => increase ; ctx") && r.out().contains("# 2 docs"), r.out());
        Run tsv = run("", "coverage", "--thesaurus", "bundled", "--format", "tsv", dir.toString());
        assertTrue(tsv.out().lines().anyMatch(l -> l.startsWith("augment\t2\tincrease\t")), tsv.out());
    }

    @Test
    void dictStatsCountsTheBundledNewsDictionariesByKind() {
        Run r = run("", "dict", "stats");
        assertEquals(0, r.code(), r.err());
        int news = 0;
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("news-spinner.txt")) {
                assertEquals(f[4], f[3], "generated entries are all guesses: " + line);
            }
            if (f[0].startsWith("news-") || f[0].equals("spinner-words.txt")) {
                news += Integer.parseInt(f[4]);
            }
        }
        assertTrue(news >= 2000, r.out());
        assertTrue(r.out().contains("load time: "), r.out());
    }

    @Test
    void lmVocabListsEveryWordWithItsUnigramProbability() {
        Run r = run("", "lm", "vocab");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(Fixtures.get().scorer.model().vocabularySize(), lines.length);
        double the = Double.NaN;
        double rare = Double.NaN;
        for (String l : lines) {
            String[] f = l.split("\t");
            if (f[0].equals("the")) {
                the = Double.parseDouble(f[1]);
            } else if (f[0].equals("swimsuit")) {
                rare = Double.parseDouble(f[1]);
            }
        }
        assertTrue(the > -2 && rare < the - 3, the + " " + rare);
    }

    @Test
    void lmCompareAndScore() {
        Run c = run("", "lm", "compare", "follow suit", "comply with swimsuit");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("prefers A by"), c.out());
        Run s = run("the company said\nthe corporate mentioned\n", "lm", "score", "--format", "tsv");
        String[] lines = s.out().strip().split("\n");
        assertEquals(2, lines.length, s.out());
        double a = Double.parseDouble(lines[0].split("\t")[0]);
        double b = Double.parseDouble(lines[1].split("\t")[0]);
        assertTrue(a > b + 2, s.out());
        assertEquals("the company said", lines[0].split("\t")[1]);
    }

    @Test
    void usageErrorIsExit2() {
        assertEquals(2, run("", "fix", "--no-such-option").code());
    }
}
