package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `unspin fix` never loses a file: the data-loss, write-error and message cases of issue 13, as a user runs them. */
class FixSafetyTest {
    @TempDir
    Path tmp;

    private final String spun = sample();

    private static String sample() {
        try {
            return Files.readString(Fixtures.project().resolve("samples/security-update.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliTest.Run fix(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "fix";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run("", all);
    }

    private static void assertOneLine(CliTest.Run r, String... mentions) {
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("unspin: "), r.err());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "names " + m + ": " + r.err());
        }
    }

    private Path write(String rel, String text) throws Exception {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void outDirDotWouldReplaceTheInputAndIsRefused() throws Exception {
        Path article = write("article.txt", spun);
        CliTest.Run r = fix(article.toString(), "--out-dir", tmp.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, article.toString(), tmp.resolve("article.txt").toString());
        assertEquals(spun, Files.readString(article));
    }

    @Test
    void anOutputFolderContainingTheInputFolderIsRefused() throws Exception {
        Path a = write("data/raw/a.txt", spun);
        Path deeper = write("data/raw/raw/a.txt", "The new working system ships.\n");
        CliTest.Run r = fix(tmp.resolve("data/raw").toString(), "--out-dir", tmp.resolve("data").toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, tmp.resolve("data/raw").toString());
        assertEquals(spun, Files.readString(a));
        assertEquals("The new working system ships.\n", Files.readString(deeper));
        assertFalse(Files.exists(tmp.resolve("data/a.txt")), "nothing written");
    }

    @Test
    void anOutputFolderThatIsALinkToTheInputFolderIsRefused() throws Exception {
        Path a = write("in/a.txt", spun);
        Path link = Files.createSymbolicLink(tmp.resolve("out"), tmp.resolve("in"));
        CliTest.Run r = fix(tmp.resolve("in").toString(), "--out-dir", link.toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, link.toString(), tmp.resolve("in").toString());
        assertEquals(spun, Files.readString(a));
    }

    @Test
    void anOutputLinkIntoTheInputTreeIsRefused() throws Exception {
        Path a = write("in/a.txt", spun);
        Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(tmp.resolve("out/a.txt"), a);
        CliTest.Run r = fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, tmp.resolve("out/a.txt").toString());
        assertEquals(spun, Files.readString(a));
        assertTrue(Files.isSymbolicLink(tmp.resolve("out/a.txt")));
    }

    @Test
    void twoInputsWithOneNameAreRefusedInsteadOfKeepingOne() throws Exception {
        Path a = write("a/same.txt", spun);
        Path b = write("b/same.txt", "The new working system ships.\n");
        CliTest.Run r = fix(a.toString(), b.toString(), "--out-dir", tmp.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, a.toString(), b.toString());
        assertFalse(Files.exists(tmp.resolve("out/same.txt")));
    }

    @Test
    void aReportNamingAnInputIsRefusedAndTheInputKept() throws Exception {
        Path a = write("in/a.txt", spun);
        Path single = write("b.txt", spun);
        CliTest.Run r = fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "--report", a.toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, a.toString());
        assertEquals(spun, Files.readString(a));
        CliTest.Run s = fix(single.toString(), "--out-dir", tmp.resolve("out").toString(), "--report", single.toString(), "-q");
        assertEquals(ExitCodes.INPUT, s.code(), s.err());
        assertEquals(spun, Files.readString(single));
    }

    @Test
    void dashOOntoAFifoWritesThroughAndOntoALinkKeepsTheLink() throws Exception {
        Path in = write("in.txt", "The new working system ships.\n");
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                return "read failed: " + e;
            }
        });
        CliTest.Run r = fix(in.toString(), "-o", fifo.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("The new operating system ships.\n", reader.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the FIFO is still a FIFO");

        Path target = write("target.txt", "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), target);
        CliTest.Run l = fix(in.toString(), "-o", link.toString());
        assertEquals(0, l.code(), l.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("The new operating system ships.\n", Files.readString(target));
    }

    @Test
    void dashONamingTheInputIsRefused() throws Exception {
        Path in = write("in.txt", spun);
        CliTest.Run r = fix(in.toString(), "-o", in.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, in.toString());
        assertEquals(spun, Files.readString(in));
    }

    @Test
    void outputsAndInPlaceKeepTheInputsModeAndASecondInPlaceKeepsTheFirstBackup() throws Exception {
        Path a = write("in/a.txt", spun);
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "-q").code());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("out/a.txt"))));
        Path o = tmp.resolve("single.txt");
        assertEquals(0, fix(a.toString(), "-o", o.toString()).code());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(o)), "a new -o file takes the input's mode");

        CliTest.Run first = fix(tmp.resolve("in").toString(), "--in-place", "-q");
        assertEquals(0, first.code(), first.err());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        assertEquals(spun, Files.readString(tmp.resolve("in/a.txt.orig")));
        Files.writeString(a, "The new working system ships.\n");
        CliTest.Run second = fix(tmp.resolve("in").toString(), "--in-place", "-q");
        assertEquals(ExitCodes.SOME_FAILED, second.code(), second.err());
        assertOneLine(second, "a.txt.orig");
        assertEquals(spun, Files.readString(tmp.resolve("in/a.txt.orig")), "the original is never overwritten");
    }

    @Test
    void aFullStandardOutputIsAnErrorNotASilentCut() throws Exception {
        Path in = write("in.txt", spun);
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "-Dunspin.model=" + Fixtures.modelPath().toAbsolutePath(),
                "dev.unspin.cli.Main", "fix", in.toString()).redirectOutput(new File("/dev/full")).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(ExitCodes.INPUT, p.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("unspin: standard output: write failed"), err);
    }

    @Test
    void standardInputFromAFolderIsOneLineNamingIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("adir"));
        String cmd = "exec '" + java() + "' -cp '" + System.getProperty("java.class.path") + "' '-Dunspin.model=" + Fixtures.modelPath().toAbsolutePath()
                + "' dev.unspin.cli.Main fix < '" + dir + "'";
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCodes.INPUT, p.exitValue(), out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.contains(dir.toString()) && out.contains("Is a directory"), out);
    }

    @Test
    void badJobsGlobsAndAReportOutsideBatchModeAreOneLineUsageErrors() throws Exception {
        Path in = write("in/a.txt", spun);
        for (List<String> args : List.of(List.of("-j", "0"), List.of("-j", "-5"), List.of("--include", "["))) {
            String[] a = new String[args.size() + 4];
            a[0] = in.getParent().toString();
            a[1] = "--out-dir";
            a[2] = tmp.resolve("out").toString();
            a[3] = "-q";
            for (int i = 0; i < args.size(); i++) {
                a[4 + i] = args.get(i);
            }
            CliTest.Run r = fix(a);
            assertEquals(ExitCodes.USAGE, r.code(), args + ": " + r.err());
            assertOneLine(r, args.get(1));
        }
        CliTest.Run rep = fix(in.toString(), "--report", tmp.resolve("r.jsonl").toString());
        assertEquals(ExitCodes.USAGE, rep.code(), rep.err());
        assertOneLine(rep, "--report");
        assertFalse(Files.exists(tmp.resolve("r.jsonl")));
        assertEquals("", rep.out());
    }

    @Test
    void fileNamesWithNewlinesAndEscapeCodesArePrintedEscaped() throws Exception {
        Path bad = tmp.resolve("in/bad\nname\u001b[2J.txt");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        CliTest.Run single = fix(bad.toString());
        assertEquals(ExitCodes.INPUT, single.code());
        assertOneLine(single, "bad\\nname\\u001b[2J.txt: line 1: invalid UTF-8");
        CliTest.Run batch = fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.SOME_FAILED, batch.code());
        assertOneLine(batch, "bad\\nname\\u001b[2J.txt");
        assertFalse(batch.err().contains("\u001b"), batch.err());
    }

    @Test
    void skippedEntriesAreCountedInTheSummaryAndTheReport() throws Exception {
        write("in/a.txt", spun);
        assertEquals(0, new ProcessBuilder("mkfifo", tmp.resolve("in/pipe.txt").toString()).start().waitFor());
        Files.createSymbolicLink(tmp.resolve("in/gone.txt"), tmp.resolve("nowhere"));
        Path report = tmp.resolve("report.jsonl");
        CliTest.Run r = fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3 files") && r.err().contains("2 skipped"), r.err());
        String rep = Files.readString(report);
        assertTrue(rep.contains("pipe.txt\",\"status\":\"skipped\",\"reason\":\"not a regular file (a FIFO)\""), rep);
        assertTrue(rep.contains("gone.txt\",\"status\":\"skipped\",\"reason\":\"dangling symbolic link\""), rep);
    }

    @Test
    void longFileNamesWorkAndADeadRunsTemporaryFileIsRemoved() throws Exception {
        String name = "n".repeat(240) + ".txt";
        write("in/" + name, spun);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = out.resolve(".unspin-" + dead.pid() + "-abcdefgh.tmp");
        Files.writeString(stale, "half a file");
        CliTest.Run r = fix(tmp.resolve("in").toString(), "--out-dir", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve(name)), "a 244-byte name still fits its temporary name");
        assertFalse(Files.exists(stale), "the killed run's leftover is removed");
    }

    /** A phrase across the 1 MiB mark of a file without newlines: the old batch mode cut it, single mode did not. */
    @Test
    void batchAndSingleModeAgreeOnAPhraseAtTheBlockLimit() throws Exception {
        // spun filler, as a farm's long page is: a document the restorer reads as spun throughout
        String filler = "The corporate mentioned on Tuesday that the brand new update ships in March. ";
        StringBuilder sb = new StringBuilder();
        String prefix = "Other vendors are expected to ";
        int start = (1 << 20) - 8 - prefix.length();
        while (sb.length() < start - filler.length()) {
            sb.append(filler);
        }
        while (sb.length() < start) {
            sb.append(' ');
        }
        // the 1 MiB mark falls inside "comply with swimsuit"
        sb.append(prefix).append("comply with swimsuit. ").append(filler.repeat(20));
        assertEquals("comply w", sb.substring((1 << 20) - 8, 1 << 20));
        Path in = write("in/long.txt", sb.toString());
        CliTest.Run single = fix(in.toString());
        CliTest.Run batch = fix(tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "-q");
        assertEquals(0, single.code(), single.err());
        assertEquals(0, batch.code(), batch.err());
        String b = Files.readString(tmp.resolve("out/long.txt"));
        assertTrue(b.contains("expected to follow suit"), "batch keeps the repair at the limit");
        assertEquals(single.out(), b);
    }

    @Test
    void anOutDirThatIsARegularFileIsNamed() throws Exception {
        Path in = write("in/a.txt", spun);
        Path file = write("notadir", "x");
        CliTest.Run r = fix(in.getParent().toString(), "--out-dir", file.toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertOneLine(r, file.toString() + ": --out-dir is not a folder");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
