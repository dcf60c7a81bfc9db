package dev.unspin.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFixerTest {
    @TempDir
    Path tmp;

    private final String spun = readSample();

    private static String readSample() {
        try {
            return Files.readString(Fixtures.project().resolve("samples/security-update.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BatchFixer fixer(Path in, Path out, boolean inPlace, boolean skip, int jobs) throws Exception {
        return new BatchFixer(Fixtures.get().restorer, new BatchFixer.Settings(List.of(in), out, inPlace, ".orig",
                List.of("*.txt", "*.md"), List.of(), jobs, skip));
    }

    @Test
    void mirrorsTheTreeLeavesInputsAndReportsBadFiles() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("a/b"));
        Files.writeString(in.resolve("a/one.txt"), spun);
        Files.writeString(in.resolve("a/b/two.md"), spun);
        Files.writeString(in.resolve("a/b/data.csv"), spun);
        Files.write(in.resolve("a/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Path out = tmp.resolve("out");
        List<BatchFixer.FileResult> results = new ArrayList<>();
        BatchFixer.Summary sum = fixer(in, out, false, false, 2).run(results::add);
        assertEquals(3, sum.files());
        assertEquals(1, sum.failed());
        String expected = Fixtures.get().restorer.restore(spun).text();
        assertEquals(expected, Files.readString(out.resolve("a/one.txt")));
        assertEquals(expected, Files.readString(out.resolve("a/b/two.md")));
        assertFalse(Files.exists(out.resolve("a/b/data.csv")), "not included by the default globs");
        assertFalse(Files.exists(out.resolve("a/latin1.txt")));
        assertEquals(spun, Files.readString(in.resolve("a/one.txt")), "inputs untouched");
        BatchFixer.FileResult bad = results.stream().filter(r -> r.status().equals("failed")).findFirst().orElseThrow();
        assertTrue(bad.reason().contains("latin1.txt: line 1: invalid UTF-8"), bad.reason());
        assertTrue(bad.json().contains("\"status\":\"failed\""), bad.json());
    }

    @Test
    void refusesAnOutputFolderInsideOrEqualToTheInput() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        assertTrue(assertThrowsInput(() -> fixer(in, in.resolve("out"), false, false, 1)).contains("inside the input folder"));
        assertTrue(assertThrowsInput(() -> fixer(in, in, false, false, 1)).contains("is the input folder"));
    }

    private static String assertThrowsInput(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(InputException.class, e).getMessage();
    }

    @Test
    void inPlaceKeepsABackup() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("x.txt"), spun);
        BatchFixer.Summary sum = fixer(in, null, true, false, 1).run(r -> { });
        assertEquals(0, sum.failed());
        assertEquals(spun, Files.readString(in.resolve("x.txt.orig")));
        assertEquals(Fixtures.get().restorer.restore(spun).text(), Files.readString(in.resolve("x.txt")));
        // a second run does not treat the backup as an input
        assertEquals(1, fixer(in, null, true, false, 1).run(r -> { }).files());
    }

    @Test
    void largeFilesAreRestoredBlockByBlockWithTrueOffsets() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < BatchFixer.BLOCK_CHARS * 2 + 1000) {
            big.append(spun).append("\n\n");
        }
        Files.createDirectories(tmp.resolve("in"));
        BatchFixer f = fixer(tmp.resolve("in"), tmp.resolve("o"), false, false, 1);
        var r = f.restoreInBlocks(big.toString());
        String text = big.toString();
        for (var e : r.edits()) {
            assertEquals(e.before(), text.substring(e.start(), e.end()));
        }
        assertFalse(r.text().contains("working system"));
    }

    /** Kills a real batch process half way; no output may be partial, and --skip-existing finishes the job. */
    @Test
    void killedBatchLeavesNoPartialFileAndResumes() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        int n = 400;
        for (int i = 0; i < n; i++) {
            Files.writeString(in.resolve(String.format("art%04d.txt", i)), spun + "\nArticle " + i + ".\n");
        }
        Path out = tmp.resolve("out");
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "-Dunspin.model=" + Fixtures.modelPath().toAbsolutePath(),
                "dev.unspin.cli.Main", "fix", in.toString(), "--out-dir", out.toString(), "-j", "1", "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(out) < 20 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        long done = count(out);
        assertTrue(done >= 20 && done < n, "killed after " + done + " files: " + Files.readString(tmp.resolve("log.txt")));
        try (Stream<Path> s = Files.list(out)) {
            for (Path o : s.filter(x -> !x.getFileName().toString().startsWith(".")).toList()) {
                String input = Files.readString(in.resolve(o.getFileName().toString()), StandardCharsets.UTF_8);
                assertEquals(Fixtures.get().restorer.restore(input).text(), Files.readString(o), "partial output " + o);
            }
        }
        BatchFixer.Summary sum = fixer(in, out, false, true, 2).run(r -> { });
        assertEquals(n, sum.files());
        assertTrue(sum.skipped() >= done - 1, "skipped " + sum.skipped() + " of " + done + " already written");
        assertEquals(n, count(out));
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(x -> x.getFileName().toString().endsWith(".txt") && !x.getFileName().toString().startsWith(".")).count();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
