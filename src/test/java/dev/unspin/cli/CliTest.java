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
import java.util.List;
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
        Files.writeString(in, "They will comply with swimsuit.\r\n");
        Path out = tmp.resolve("out.txt");
        Run bad = run("", "fix", in.toString(), "-o", out.toString(), "--dict", tmp.resolve("missing.txt").toString());
        assertEquals(ExitCodes.INPUT, bad.code());
        assertFalse(Files.exists(out));
        Run good = run("", "fix", in.toString(), "-o", out.toString());
        assertEquals(0, good.code(), good.err());
        assertEquals("They will follow suit.\r\n", Files.readString(out));
        assertEquals("They will comply with swimsuit.\r\n", Files.readString(in), "the input is never touched");
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
        String spun = README_PARAGRAPH;
        Run ex = run(spun, "fix", "--explain");
        assertTrue(ex.err().contains("<stdin>:1:13: \"mentioned\" -> \"said\" (context news-core.txt:"), ex.err());
        assertTrue(ex.err().contains("\"working\" -> \"operating\" (always"), ex.err());
        assertTrue(ex.err().matches("(?s).*gain \\+\\d\\.\\d\\d, p 0\\.\\d\\d\\).*"), "each change shows its calibrated probability: " + ex.err());
        Run js = run(spun, "fix", "--json");
        assertTrue(js.out().startsWith("{\"file\":\"<stdin>\",\"edits\":[{\"start\":12,\"end\":21,\"line\":1,\"column\":13,\"before\":\"mentioned\",\"after\":\"said\",\"source\":\"context\""), js.out());
        assertTrue(js.out().matches("(?s).*\"probability\":0\\.\\d+.*\\],\"spin_rate\":0\\.\\d{4}\\}\n"), js.out());
        Run diff = run(spun, "fix", "--diff");
        assertTrue(diff.out().contains("[-working-]{+operating+} system"), diff.out());
    }

    /** The README's example paragraph: spun enough for the default decision to repair all six spins. */
    static final String README_PARAGRAPH = "The company mentioned on Tuesday that the brand new update closes a safety hole in its working system, "
            + "in keeping with researchers. Other vendors are expected to comply with swimsuit.\n";

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
        Run r = run("", "coverage", dir.toString());
        assertEquals(0, r.code(), r.err());
        // no entry knows "augment"; the model finds it improbable where the ranked thesaurus offers "increase"
        assertTrue(r.out().contains("augment => increase ; ctx") && r.out().contains("# 2 docs"), r.out());
        Run tsv = run("", "coverage", "--format", "tsv", dir.toString());
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

    @Test
    void usageErrorIsOneLineAndAHint() {
        Run r = run("", "fix", "--jsn");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(List.of("unspin fix: Unknown option: '--jsn' (did you mean --json?)", "Try 'unspin fix --help' for more information."),
                r.err().lines().toList());
        assertEquals("", r.out());
    }

    @Test
    void aCommandGroupWithoutItsCommandIsAUsageError() {
        for (String[] args : new String[][] {{}, {"lm"}, {"dict"}}) {
            Run r = run("", args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("unspin" + (args.length > 0 ? " " + args[0] : "") + ": missing command: one of "), r.err());
            assertEquals(2, r.err().lines().count(), r.err());
        }
        assertEquals(0, run("", "--help").code());
        assertEquals(0, run("", "lm", "--help").code());
    }

    @Test
    void nestedHelpShowsTheInnermostCommand() {
        Run r = run("", "help", "lm", "build");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: unspin lm build"), r.out());
        Run bad = run("", "help", "lm", "nope");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().startsWith("unspin lm: no such command: 'nope'"), bad.err());
    }

    @Test
    void helpOfOwnCommandsListsExitCodesAndExamples() {
        for (String cmd : List.of("eval", "coverage", "spin", "bench", "setup")) {
            Run r = run("", cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Exit codes:") && r.out().contains("Examples:"), cmd + ": " + r.out());
            assertFalse(r.out().contains("../shared"), cmd + " sends users to a folder they do not have");
        }
        Run cov = run("", "coverage", "--help");
        assertTrue(cov.out().contains("text, tsv, json"), "completion candidates are listed: " + cov.out());
        Run setup = run("", "setup", "--help");
        assertTrue(setup.out().contains("  ~/.m2/repository/net/sf/phat/sphinx4-data/5prealpha/sphinx4-data-5prealpha.jar\n"),
                "paths stay whole on an 80-column help: " + setup.out());
    }

    @Test
    void setupReplacesAModelItCannotOpen(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // an earlier version's model (another format) in the cache: setup installs again instead of "already installed"
        Path model = dir.resolve("en-us.ulm");
        byte[] old = Files.readAllBytes(dev.unspin.Fixtures.modelPath());
        java.nio.ByteBuffer.wrap(old).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 3); // the format version field
        Files.write(model, old);
        Run r = run("", "setup", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("replacing " + model + ": model format version 3, this unspin reads version "), r.out());
        assertTrue(r.out().contains("installed " + model), r.out());
        dev.unspin.lm.NgramModel.open(model); // opens now
        Run again = run("", "setup", "-o", model.toString());
        assertTrue(again.out().startsWith("already installed: " + model), again.out());
    }

    @Test
    void completionScriptIsGenerated() {
        Run r = run("", "generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F") && r.out().contains("coverage"), r.out().substring(0, Math.min(300, r.out().length())));
    }

    @Test
    void outOfRangeNumbersAreUsageErrors() throws Exception {
        Path f = tmp.resolve("a.txt");
        Files.writeString(f, "The corporate mentioned it.\n");
        String[][] bad = {
            {"spin", "--rate", "2", f.toString()}, {"spin", "--rate", "NaN", f.toString()}, {"bench", "--runs", "0", f.toString()},
            {"coverage", "--top", "-5", f.toString()}, {"coverage", "--threshold", "Infinity", f.toString()},
            {"fix", "--confidence", "NaN", f.toString()}, {"fix", "--confidence", "1.5", f.toString()}, {"eval", "--confidence", "-0.1", f.toString()},
            {"check", "--confidence", "inf", f.toString()},
            {"coverage", "--format", "xml", f.toString()},
        };
        for (String[] args : bad) {
            Run r = run("", args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("unspin " + args[0] + ": Invalid value for option '" + args[1] + "'"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void missingOrUnreadableModelIsExit5AndAWrongUnspinLmIsNotIgnored() throws Exception {
        Run r = run("text", "fix", "--lm", tmp.resolve("none.ulm").toString());
        assertEquals(ExitCodes.MODEL, r.code());
        assertEquals("unspin: " + tmp.resolve("none.ulm") + ": no such language model (from --lm)", r.err().strip());
        Run dir = run("text", "lm", "info", "--lm", tmp.toString());
        assertEquals(ExitCodes.MODEL, dir.code());
        dev.unspin.ModelPaths wrongEnv = new dev.unspin.ModelPaths(java.util.Map.of("UNSPIN_LM", tmp.resolve("gone.ulm").toString()), null, tmp, null);
        dev.unspin.ModelNotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(dev.unspin.ModelNotFoundException.class, wrongEnv::find);
        assertTrue(e.getMessage().contains("$UNSPIN_LM"), e.getMessage());
        assertEquals(ExitCodes.MODEL, Main.exitCode(e));
    }

    @Test
    void evalRefusesTextThatIsNotAnAnnotationUnlessToldItIsClean() throws Exception {
        Path plain = tmp.resolve("article.ann");
        Files.writeString(plain, "The company said on Tuesday that the new update closes a security hole.\n");
        Run r = run("", "eval", plain.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertEquals("unspin: " + plain + ": not an annotation: no [[spun=>original]] marks; pass --clean to score clean text", r.err().strip());
        Run txt = run("", "eval", Fixtures.project().resolve("samples/security-update.txt").toString());
        assertEquals(ExitCodes.INPUT, txt.code());
        assertTrue(txt.err().contains("not an annotation (.ann) file"), txt.err());
        Run clean = run("", "eval", "--clean", "--json", plain.toString());
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.out().contains("\"fp\": 0") && clean.out().contains("\"required\": 0"), "clean prose comes back unchanged: " + clean.out());
    }

    @Test
    void dashReadsStandardInputInEvalCoverageSpinAndBench() throws Exception {
        String ann = Files.readString(Fixtures.project().resolve("samples/security-update.ann"));
        Run file = run("", "eval", "--json", Fixtures.project().resolve("samples/security-update.ann").toString());
        Run stdin = run(ann, "eval", "--json", "-");
        assertEquals(0, stdin.code(), stdin.err());
        assertEquals(file.out(), stdin.out());
        Run cov = run(ann, "coverage", "--format", "json", "-");
        assertEquals(0, cov.code(), cov.err());
        assertTrue(cov.out().startsWith("{\"gold\":{\"required\":20,"), cov.out());
        Run spin = run("The company said it would follow suit.\n", "spin", "--rate", "1", "-");
        assertEquals(0, spin.code(), spin.err());
        assertTrue(spin.out().contains("=>said]]") || spin.out().contains("=>company]]"), spin.out());
        Path out = Files.createDirectories(tmp.resolve("spun"));
        assertEquals(0, run("The company said it.\n", "spin", "--out-dir", out.toString(), "-").code());
        assertTrue(Files.isRegularFile(out.resolve("stdin.ann")));
        Run bench = run(README_PARAGRAPH, "bench", "--runs", "1", "--lm", Fixtures.modelPath().toString(), "-");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("fix (lm)     30 words, 6 changes"), bench.out());
        assertEquals(ExitCodes.INPUT, run("x", "eval", "-", "-").code(), "standard input can be read once");
    }

    @Test
    void coverageJsonCoversAnnotationsAndRawTextAndTsvEscapes() throws Exception {
        Path ann = Fixtures.project().resolve("samples/security-update.ann");
        Path raw = tmp.resolve("raw.txt");
        Files.writeString(raw, "The company will augment its workforce this year.\n");
        Run r = run("", "coverage", "--format", "json", ann.toString(), raw.toString());
        assertEquals(0, r.code(), r.err());
        var doc = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(r.out());
        @SuppressWarnings("unchecked")
        var gold = (java.util.Map<String, Object>) doc.get("gold");
        assertEquals(20, ((Number) gold.get("required")).intValue());
        assertTrue(((Number) gold.get("covered")).intValue() > 10, r.out());
        assertEquals(1, ((Number) doc.get("documents")).intValue());
        Run mixed = run("", "coverage", "--format", "tsv", ann.toString(), raw.toString());
        assertEquals(ExitCodes.USAGE, mixed.code(), mixed.err());
        assertEquals("a\\tb\\nc\\\\d", Tsv.field("a\tb\nc\\d"));
        assertEquals("x\t\t3", Tsv.row("x", null, 3));
    }

    @Test
    void spinUsesTheCuratedMovesByDefault() throws Exception {
        // function words the WordNet-artefact dictionary would replace: 'in', 'a', 'an', 'are', 'more'
        String clean = "There are more people in a city than in an old village, and they are said to be happier.\n".repeat(20);
        Run r = run(clean, "spin", "--rate", "1", "-");
        assertEquals(0, r.code(), r.err());
        for (String artefact : List.of("atomic number", "Associate in Nursing", "area unit", "to a greater extent", "deoxyadenosine")) {
            assertFalse(r.out().contains(artefact), artefact + " in " + r.out());
        }
        assertTrue(r.out().contains("[["), "something is spun: " + r.out());
    }

    @Test
    void theStartUpPathBuildsOnlyTheCommandGivenAndBehavesTheSame() throws Exception {
        Path dict = tmp.resolve("mine.txt");
        Files.writeString(dict, "corporate => corporation ; always\n");
        assertEquals(java.util.Set.of("fix"), Main.commandLine("fix", "-").getSubcommands().keySet());
        assertTrue(Main.commandLine("--help").getSubcommands().size() > 8, "help needs the whole tree");
        assertTrue(Main.commandLine("help", "fix").getSubcommands().size() > 8);
        assertTrue(Main.commandLine("fixx").getSubcommands().size() > 8, "an unknown name gets the full message");
        String d = dict.toString();
        for (String[] args : new String[][] {{"fix", "--jsn"}, {"fix", "-"}, {"lm"}, {"eval", "--confidence", "NaN", "x.ann"},
            {"fix", "--json", "--dict", d, "-"}, {"fix", "--json", "--no-bundled-dicts", "--dict", d, "-"}, {"coverage", "--format", "json", "-"}}) {
            CommandLine lean = Main.commandLine(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            lean.setOut(new PrintWriter(out));
            lean.setErr(new PrintWriter(err));
            InputStream oldIn = System.in;
            int code;
            try {
                System.setIn(new ByteArrayInputStream("The corporate mentioned it.".getBytes(StandardCharsets.UTF_8)));
                code = lean.execute(args);
            } finally {
                System.setIn(oldIn);
            }
            Run full = run("The corporate mentioned it.", args);
            assertEquals(full, new Run(code, out.toString(), err.toString()), String.join(" ", args));
        }
    }

    @Test
    void manPagesAreRoffWithEveryOptionAndTheExitCodes() {
        CommandLine eval = Main.commandLine().getSubcommands().get("eval");
        String page = ManPages.page(eval, "unspin-eval", "unspin 0.1.0");
        assertTrue(page.startsWith(".TH \"UNSPIN-EVAL\" \"1\""), page);
        for (String part : List.of(".SH SYNOPSIS", ".SH OPTIONS", "\\fB\\-\\-clean\\fR", ".SH \"EXIT STATUS\"", "not an annotation")) {
            assertTrue(page.contains(part), part + " missing from\n" + page);
        }
        assertFalse(page.lines().anyMatch(l -> l.startsWith(".") && !l.matches("\\.(TH|SH|TP|PP|nf|fi)\\b.*")), "a text line reads as a roff request:\n" + page);
        assertEquals("\\&.hidden \\e \\-x", ManPages.esc(".hidden \\ -x"));
    }
}
