package dev.unspin.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.batch.StreamRestorer;
import dev.unspin.batch.UnsafeOutputException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

    private String fixed(String text) {
        return Fixtures.get().restorer.restore(text).text();
    }

    private BatchFixer fixer(Path in, Path out, boolean inPlace, boolean skip, int jobs) throws Exception {
        return fixer(List.of(in), out, inPlace, skip, jobs, List.of(), BatchFixer.BLOCK_CHARS);
    }

    private BatchFixer fixer(List<Path> in, Path out, boolean inPlace, boolean skip, int jobs, List<String> exclude, int block) throws Exception {
        return new BatchFixer(Fixtures.get().restorer, new BatchFixer.Settings(in, out, inPlace, ".orig",
                List.of("*.txt", "*.md"), exclude, jobs, skip, true, block));
    }

    private static List<BatchFixer.FileResult> results(BatchFixer f, List<String> json) throws Exception {
        List<BatchFixer.FileResult> out = new ArrayList<>();
        f.run(r -> {
            out.add(r);
            json.add(r.json());
        });
        return out;
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
        List<String> json = new ArrayList<>();
        List<BatchFixer.FileResult> results = results(fixer(in, out, false, false, 2), json);
        assertEquals(3, results.size());
        assertEquals(1, results.stream().filter(r -> r.status().equals("failed")).count());
        String expected = fixed(spun);
        assertEquals(expected, Files.readString(out.resolve("a/one.txt")));
        assertEquals(expected, Files.readString(out.resolve("a/b/two.md")));
        assertFalse(Files.exists(out.resolve("a/b/data.csv")), "not included by the default globs");
        assertFalse(Files.exists(out.resolve("a/latin1.txt")));
        assertEquals(spun, Files.readString(in.resolve("a/one.txt")), "inputs untouched");
        BatchFixer.FileResult bad = results.stream().filter(r -> r.status().equals("failed")).findFirst().orElseThrow();
        assertTrue(bad.reason().contains("latin1.txt: line 1: invalid UTF-8"), bad.reason());
        assertTrue(json.stream().anyMatch(j -> j.contains("\"status\":\"failed\"")), json.toString());
    }

    @Test
    void refusesAnOutputFolderInsideEqualToOrContainingTheInputAndLinksToIt() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("data/raw/raw"));
        Files.writeString(in.resolve("a.txt"), spun);
        Path raw = tmp.resolve("data/raw");
        assertTrue(refusal(() -> fixer(raw, raw.resolve("out"), false, false, 1)).contains("inside the input folder"));
        assertTrue(refusal(() -> fixer(raw, raw, false, false, 1)).contains("is the input folder"));
        // fix data/raw --out-dir data would write data/raw/a.txt over the input data/raw/raw/a.txt
        assertTrue(refusal(() -> fixer(raw, tmp.resolve("data"), false, false, 1)).contains("contains the input folder"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), raw);
        String m = refusal(() -> fixer(raw, link, false, false, 1));
        assertTrue(m.contains(link.toString()) && m.contains(raw.toString()), "names both paths: " + m);
    }

    @Test
    void refusesAnOutputThatIsAnInputFileOrALinkIntoTheInputTreeBeforeWritingAnything() throws Exception {
        Path article = tmp.resolve("article.txt");
        Files.writeString(article, spun);
        // fix article.txt --out-dir .
        String m = refusal(() -> fixer(article, tmp, false, false, 1).count());
        assertTrue(m.contains("article.txt") && m.contains("is the input itself"), m);
        assertEquals(spun, Files.readString(article));
        // out/x.txt is a link to in/x.txt
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), spun);
        Files.writeString(in.resolve("x.txt"), spun);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("x.txt"), in.resolve("x.txt"));
        String l = refusal(() -> fixer(in, out, false, false, 1).run(r -> { }));
        assertTrue(l.contains(out.resolve("x.txt").toString()) && l.contains(in.toString()), l);
        assertEquals(spun, Files.readString(in.resolve("x.txt")));
        assertFalse(Files.exists(out.resolve("a.txt")), "refused before anything was written");
    }

    @Test
    void twoInputsWithTheSameNameAreRefusedNotOverwritten() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")).resolve("same.txt");
        Path b = Files.createDirectories(tmp.resolve("b")).resolve("same.txt");
        Files.writeString(a, spun);
        Files.writeString(b, "The new working system ships.\n");
        Path out = tmp.resolve("out");
        String m = refusal(() -> fixer(List.of(a, b), out, false, false, 1, List.of(), BatchFixer.BLOCK_CHARS).count());
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()), m);
        assertFalse(Files.exists(out.resolve("same.txt")));
        // two folders holding the same relative path collide too
        assertTrue(refusal(() -> fixer(List.of(a.getParent(), b.getParent()), out, false, false, 1, List.of(), BatchFixer.BLOCK_CHARS).count())
                .contains("would both be written"));
    }

    @Test
    void aReportNamingAnInputOrAnOutputIsRefused() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), spun);
        Path out = tmp.resolve("out");
        assertTrue(refusal(() -> fixer(in, out, false, false, 1).alsoWrites(in.resolve("a.txt"))).contains("inside the input folder"));
        BatchFixer f = fixer(in, out, false, false, 1);
        f.alsoWrites(out.resolve("a.txt"));
        assertTrue(refusal(f::count).contains("is also the output of"));
        assertEquals(spun, Files.readString(in.resolve("a.txt")));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InputException.class, e).getMessage();
    }

    @Test
    void inPlaceKeepsABackupAndTheModeAndNeverOverwritesAnOlderBackup() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path x = in.resolve("x.txt");
        Files.writeString(x, spun);
        Files.setPosixFilePermissions(x, PosixFilePermissions.fromString("rw-r-----"));
        BatchFixer.Summary sum = fixer(in, null, true, false, 1).run(r -> { });
        assertEquals(0, sum.failed());
        assertEquals(spun, Files.readString(in.resolve("x.txt.orig")));
        assertEquals(fixed(spun), Files.readString(x));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(x)), "the input's mode, like sed -i");
        // a second run does not treat the backup as an input
        assertEquals(1, fixer(in, null, true, false, 1).run(r -> { }).files());
        // new spun text in x: the backup holding the true original is kept, and x is left alone
        String second = "The new working system ships.\n";
        Files.writeString(x, second);
        List<BatchFixer.FileResult> rs = results(fixer(in, null, true, false, 1), new ArrayList<>());
        assertEquals("failed", rs.get(0).status());
        assertTrue(rs.get(0).reason().contains("x.txt.orig exists already"), rs.get(0).reason());
        assertEquals(spun, Files.readString(in.resolve("x.txt.orig")));
        assertEquals(second, Files.readString(x));
    }

    @Test
    void outputsKeepTheInputsMode() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("private.txt"), spun);
        Files.setPosixFilePermissions(in.resolve("private.txt"), PosixFilePermissions.fromString("rw-------"));
        Path out = tmp.resolve("out");
        fixer(in, out, false, false, 1).run(r -> { });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("private.txt"))));
    }

    @Test
    void fifosDanglingLinksAndLoopsAreReportedAsSkippedAndALinkedInputFolderIsFollowed() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good.txt"), spun);
        Process mk = new ProcessBuilder("mkfifo", in.resolve("pipe.txt").toString()).start();
        assertEquals(0, mk.waitFor());
        Files.createSymbolicLink(in.resolve("dangling.txt"), tmp.resolve("nowhere.txt"));
        Files.createSymbolicLink(in.resolve("loop.txt"), in.resolve("loop.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("linked"), in);
        Path out = tmp.resolve("out");
        List<String> json = new ArrayList<>();
        List<BatchFixer.FileResult> rs = results(fixer(link, out, false, false, 1), json);
        Map<String, String> status = rs.stream().collect(Collectors.toMap(r -> r.input().getFileName().toString(), r -> r.status() + ": " + r.reason()));
        assertEquals("fixed: null", status.get("good.txt"));
        assertEquals("skipped: not a regular file (a FIFO)", status.get("pipe.txt"));
        assertEquals("skipped: dangling symbolic link", status.get("dangling.txt"));
        assertEquals("skipped: symbolic link loop", status.get("loop.txt"));
        assertEquals(fixed(spun), Files.readString(out.resolve("good.txt")));
        assertTrue(json.stream().anyMatch(j -> j.contains("pipe.txt") && j.contains("\"status\":\"skipped\"")), json.toString());
    }

    @Test
    void globsWithASlashMatchBelowEachInputRootBareOnesAtAnyDepth() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("x/a.txt", "y/a.txt", "y/z/notes.md", "top.txt")) {
            Files.createDirectories(in.resolve(f).getParent());
            Files.writeString(in.resolve(f), "The new working system ships.\n");
        }
        Path out = tmp.resolve("out");
        fixer(List.of(in), out, false, false, 1, List.of("x/*", "*.md"), BatchFixer.BLOCK_CHARS).run(r -> { });
        assertFalse(Files.exists(out.resolve("x/a.txt")), "--exclude 'x/*' matches below the input root");
        assertFalse(Files.exists(out.resolve("y/z/notes.md")), "a bare pattern matches at any depth");
        assertTrue(Files.exists(out.resolve("y/a.txt")));
        assertTrue(Files.exists(out.resolve("top.txt")));
    }

    @Test
    void largeFilesAreStreamedInBlocksExactlyAsSingleFileModeWithTrueOffsets() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 5000) {
            big.append(spun.replace("\n\n", " ")).append(' ');
        }
        String text = big.toString();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("big.txt"), text);
        Path out = tmp.resolve("out");
        List<String> json = new ArrayList<>();
        results(fixer(List.of(in), out, false, false, 1, List.of(), 700), json);
        StringBuilder single = new StringBuilder();
        new StreamRestorer(Fixtures.get().restorer::restore, 700).restore(new StringReader(text), b -> single.append(b.result().text()));
        assertEquals(single.toString(), Files.readString(out.resolve("big.txt")), "batch and single mode cut the same way");
        assertFalse(single.toString().contains("working system"), single.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"start\":(\\d+),\"end\":(\\d+),\"line\":\\d+,\"column\":\\d+,\"before\":\"([^\"]*)\"")
                .matcher(json.get(0));
        int n = 0;
        while (m.find()) {
            assertEquals(m.group(3), text.substring(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            n++;
        }
        assertTrue(n > 20, json.get(0));
    }

    @Test
    void aFailedWriteNamesTheOutputFile() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(in.resolve("a.txt"), spun);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("sub"), "a file where the folder should be");
        List<BatchFixer.FileResult> rs = results(fixer(tmp.resolve("in"), out, false, false, 1), new ArrayList<>());
        assertEquals("failed", rs.get(0).status());
        assertTrue(rs.get(0).reason().startsWith(out.resolve("sub/a.txt").toString() + ": "), rs.get(0).reason());
    }

    @Test
    void staleTemporaryFilesOfKilledRunsAreRemovedAndLongNamesWork() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String longName = "n".repeat(240) + ".txt";
        Files.writeString(in.resolve(longName), spun);
        Path out = Files.createDirectories(tmp.resolve("out/deep"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = out.resolve(".unspin-" + dead.pid() + "-abcdefgh.tmp");
        Path notOurs = out.resolve(".unspin-notes.tmp");
        Files.writeString(stale, "half a file");
        Files.writeString(notOurs, "someone else's");
        List<BatchFixer.FileResult> rs = results(fixer(in, tmp.resolve("out"), false, false, 1), new ArrayList<>());
        assertEquals("fixed", rs.get(0).status(), String.valueOf(rs.get(0).reason()));
        assertEquals(fixed(spun), Files.readString(tmp.resolve("out").resolve(longName)));
        assertFalse(Files.exists(stale), "a dead run's temporary file is removed");
        assertTrue(Files.exists(notOurs), "only our own naming pattern");
    }

    /** Kills a real batch process half way; no output may be partial, the report ends with a whole line, and --skip-existing finishes the job. */
    @Test
    void killedBatchLeavesNoPartialFileAndResumes() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        int n = 400;
        for (int i = 0; i < n; i++) {
            Files.writeString(in.resolve(String.format("art%04d.txt", i)), spun + "\nArticle " + i + ".\n");
        }
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.jsonl");
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "-Dunspin.model=" + Fixtures.modelPath().toAbsolutePath(),
                "dev.unspin.cli.Main", "fix", in.toString(), "--out-dir", out.toString(), "-j", "1", "-q", "--report", report.toString())
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
                assertEquals(fixed(input), Files.readString(o), "partial output " + o);
            }
        }
        String rep = Files.readString(report);
        assertTrue(rep.length() > 0 && rep.endsWith("}\n"), "the report is flushed line by line: ..." + rep.substring(Math.max(0, rep.length() - 80)));
        assertTrue(rep.lines().count() >= done - 1, rep.lines().count() + " lines for " + done + " files");
        BatchFixer.Summary sum = fixer(in, out, false, true, 2).run(r -> { });
        assertEquals(n, sum.files());
        assertTrue(sum.skipped() >= done - 1, "skipped " + sum.skipped() + " of " + done + " already written");
        assertEquals(n, count(out));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.filter(x -> x.getFileName().toString().startsWith(".")).toList(), "no temporary file left after the rerun");
        }
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
