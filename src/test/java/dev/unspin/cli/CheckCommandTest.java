package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.eval.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `unspin check`: each file's estimated spin rate, exit 1 when any reads as spun; files are never changed. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void spunArticlesReadAsSpunAndCleanProseAsClean() throws Exception {
        Path spun = tmp.resolve("spun.txt");
        Files.writeString(spun, Annotation.parse(Files.readString(Fixtures.project().resolve("samples/security-update.ann"))).spun());
        Path clean = Fixtures.project().resolve("samples/heldout/clean/sotu-2010_barack_obama_d.txt");
        String before = Files.readString(spun);

        CliTest.Run both = CliTest.run("", "check", clean.toString(), spun.toString());
        assertEquals(ExitCodes.SOME_FAILED, both.code(), both.err());
        String[] lines = both.out().split("\n");
        assertEquals(2, lines.length, both.out());
        assertTrue(lines[0].startsWith(clean + "\t0.0") && lines[0].endsWith("\tclean"), lines[0]);
        assertTrue(lines[1].startsWith(spun + "\t") && lines[1].endsWith("\tspun"), lines[1]);
        double cleanRate = Double.parseDouble(lines[0].split("\t")[1]);
        double spunRate = Double.parseDouble(lines[1].split("\t")[1]);
        assertTrue(spunRate > 3 * cleanRate, both.out());
        assertEquals(before, Files.readString(spun), "check never changes a file");

        assertEquals(0, CliTest.run("", "check", clean.toString()).code());
        // a threshold above the spun file's rate lets it pass; an impossible one is a usage error
        assertEquals(0, CliTest.run("", "check", "--threshold", "0.9", spun.toString()).code());
        assertEquals(ExitCodes.USAGE, CliTest.run("", "check", "--threshold", "2", spun.toString()).code());
        // standard input, and a missing file named in one line
        CliTest.Run stdin = CliTest.run(before, "check", "-");
        assertTrue(stdin.out().startsWith("-\t") && stdin.out().strip().endsWith("spun"), stdin.out());
        CliTest.Run missing = CliTest.run("", "check", tmp.resolve("none.txt").toString());
        assertEquals(ExitCodes.INPUT, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
