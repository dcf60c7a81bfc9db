package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lm and dict commands as a user runs them: exit codes, one-line errors, '-' for standard input, help. */
class LmDictCommandTest {
    @TempDir
    Path tmp;

    private static CliTest.Run run(String stdin, String... args) {
        return CliTest.run(stdin, args);
    }

    private static void oneLine(CliTest.Run r, int code, String startsWith) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("unspin: " + startsWith), r.err());
    }

    @Test
    void aCorruptModelIsExit5NamingTheFileAndInfoReportsTheVerification() throws Exception {
        Path model = Fixtures.modelPath();
        CliTest.Run ok = run("", "lm", "info", "--lm", model.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("verified    7 CRC-32C checksums"), ok.out());

        byte[] b = Files.readAllBytes(model);
        for (int k = 0; k < 64; k++) {
            b[b.length / 2 + k] ^= (byte) (31 * k + 7);
        }
        Path bad = tmp.resolve("bad.ulm");
        Files.write(bad, b);
        oneLine(run("", "lm", "info", "--lm", bad.toString()), ExitCodes.MODEL, bad + ": corrupt model: checksum mismatch");
        oneLine(run("the new operating system ships.", "fix", "--lm", bad.toString()), ExitCodes.MODEL, bad + ": corrupt model");
        // offsets past the end with a header that still checks out are refused as well, never exit 70
        Path cut = tmp.resolve("cut.ulm");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(model), 4096));
        oneLine(run("", "lm", "info", "--lm", cut.toString()), ExitCodes.MODEL, cut + ": truncated");
        oneLine(run("", "lm", "info", "--lm", tmp.toString()), ExitCodes.MODEL, tmp + ": is a directory");
        oneLine(run("", "lm", "info", "--lm", tmp.resolve("none.ulm").toString()), ExitCodes.MODEL, tmp.resolve("none.ulm") + ": no such language model");
    }

    @Test
    void importReadsAGzippedArpa() throws Exception {
        String arpa = String.join("\n", "\\data\\", "ngram 1=4", "ngram 2=2", "", "\\1-grams:", "-1.0 <s> -0.5", "-2.0 </s>", "-1.5 the -0.3",
                "-2.5 cat", "", "\\2-grams:", "-0.4 <s> the", "-0.7 the cat", "", "\\end\\", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(arpa.getBytes(StandardCharsets.UTF_8));
        }
        Path src = tmp.resolve("model.arpa.gz");
        Files.write(src, bytes.toByteArray());
        Path out = tmp.resolve("m.ulm");
        CliTest.Run r = run("", "lm", "import", src.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        CliTest.Run s = run("the cat\n", "lm", "score", "--lm", out.toString(), "--format", "tsv", "-");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().endsWith("\tthe cat\n"), s.out());
        Path broken = tmp.resolve("broken.arpa");
        Files.writeString(broken, arpa.replace("ngram 2=2", "ngram 2=two"));
        oneLine(run("", "lm", "import", broken.toString(), "-o", out.toString()), ExitCodes.MODEL, broken + ": line 3: bad count");
    }

    @Test
    void dashIsStandardInput() throws Exception {
        CliTest.Run score = run("the operating system\n", "lm", "score", "-");
        assertEquals(0, score.code(), score.err());
        assertTrue(score.out().contains("operating") && score.out().contains("total"), score.out());
        CliTest.Run ppl = run("The company said the new operating system fixes a flaw.\n", "lm", "perplexity", "-");
        assertEquals(0, ppl.code(), ppl.err());
        assertTrue(ppl.out().startsWith("perplexity ") && ppl.out().contains("in 1 sentences"), ppl.out());
        CliTest.Run check = run("safety => security ; ctx\nsafety => security\n", "dict", "check", "-");
        assertEquals(ExitCodes.SOME_FAILED, check.code(), check.out());
        assertTrue(check.out().contains("<stdin>:2: error:"), check.out());
        assertEquals(0, run("working system => operating system\n", "dict", "check", "-").code());
    }

    @Test
    void outOfRangeAndUnknownValuesAreUsageErrors() throws Exception {
        Path corpus = tmp.resolve("c.txt");
        Files.writeString(corpus, "The cat sat. The dog sat.\n");
        String o = tmp.resolve("o.ulm").toString();
        for (String[] bad : List.of(new String[] {"--order", "0"}, new String[] {"--order", "6"}, new String[] {"--min-count", "-1"},
                new String[] {"--chunk", "0"}, new String[] {"--smoothing", "laplace"})) {
            List<String> args = new ArrayList<>(List.of("lm", "build", "--corpus", corpus.toString(), "-o", o));
            args.addAll(List.of(bad));
            CliTest.Run r = run("", args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains(bad[0]), r.err());
        }
        assertFalse(Files.exists(Path.of(o)));
        assertEquals(ExitCodes.USAGE, run("x", "lm", "score", "--format", "json", "-").code());
        assertEquals(0, run("", "lm", "build", "--corpus", corpus.toString(), "-o", o, "--smoothing", "stupid").code());
        assertTrue(Files.exists(Path.of(o)));
    }

    @Test
    void malformedDictionariesAndThesauriAreOneLineAndExit4() throws Exception {
        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'o', 'k', ' ', '=', '>', ' ', 'f', 'i', 'n', 'e', '\n', 'c', 'a', 'f', (byte) 0xe9, ' ', '=', '>', ' ', 'x', '\n'});
        oneLine(run("text", "fix", "--dict", latin1.toString()), ExitCodes.DICTIONARY, latin1 + ":2: invalid UTF-8");

        Path longLine = tmp.resolve("long.txt");
        Files.writeString(longLine, "word ".repeat(1400) + "=> short\n");
        oneLine(run("text", "fix", "--dict", longLine.toString()), ExitCodes.DICTIONARY, longLine + ":1: spun phrase of 1400 words");
        CliTest.Run check = run("", "dict", "check", longLine.toString());
        assertEquals(ExitCodes.SOME_FAILED, check.code(), check.out());
        assertTrue(check.out().contains(longLine + ":1: error: spun phrase of 1400 words"), check.out());

        Path comma = tmp.resolve("th.txt");
        Files.writeString(comma, ",\n");
        oneLine(run("The new working system ships.", "fix", "--thesaurus", comma.toString()), ExitCodes.DICTIONARY, comma + ":1: no head word");

        oneLine(run("text", "fix", "--dict", tmp.toString()), ExitCodes.INPUT, tmp + ": is a directory");
        oneLine(run("", "dict", "check", tmp.toString()), ExitCodes.INPUT, tmp + ": is a directory");
    }

    /** What `dict check` calls clean, the loader loads: a spun phrase of no tokens (a no-break space) is an error in both. */
    @Test
    void dictCheckAgreesWithTheLoader() throws Exception {
        Path d = tmp.resolve("d.txt");
        Files.writeString(d, "working system => operating system\n\u00a0 => nothing\n");
        oneLine(run("text", "fix", "--dict", d.toString()), ExitCodes.DICTIONARY, d + ":2: spun phrase has no tokens");
        CliTest.Run check = run("", "dict", "check", d.toString());
        assertEquals(ExitCodes.SOME_FAILED, check.code(), check.out());
        assertTrue(check.out().contains(d + ":2: error: spun phrase has no tokens"), check.out());
    }

    @Test
    void everyParameterIsDescribedAndHelpListsExamplesAndExitCodes() {
        CommandLine root = Main.commandLine();
        // every command, picocli's generate-completion included, and every nested one
        for (CommandLine top : root.getSubcommands().values()) {
            List<CommandLine> all = new ArrayList<>(List.of(top));
            all.addAll(top.getSubcommands().values());
            for (CommandLine c : all) {
                CommandLine.Model.CommandSpec spec = c.getCommandSpec();
                for (CommandLine.Model.ArgSpec a : spec.args()) {
                    String d = String.join(" ", a.description()).strip();
                    assertFalse(d.isEmpty(), spec.qualifiedName() + " " + a.paramLabel() + " has no description");
                }
                String help = c.getUsageMessage();
                assertTrue(help.contains("Exit codes:"), spec.qualifiedName() + ":\n" + help);
                assertTrue(help.contains("Example"), spec.qualifiedName() + ":\n" + help);
            }
        }
        String build = root.getSubcommands().get("lm").getSubcommands().get("build").getUsageMessage();
        assertTrue(build.contains("kn, stupid"), build);
    }
}
