package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.text.LineIndex;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** fix's streaming paths with a small block size (no 100 MB files in unit tests), and the terminal decisions. */
class FixStreamingTest {
    @TempDir
    Path tmp;

    private static CliTest.Run run(int block, String stdin, String... args) {
        CommandLine cl = Main.commandLine();
        FixCommand fix = cl.getSubcommands().get("fix").getCommand();
        fix.blockChars = block;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            String[] all = new String[args.length + 1];
            all[0] = "fix";
            System.arraycopy(args, 0, all, 1, args.length);
            return new CliTest.Run(cl.execute(all), out.toString(), err.toString());
        } finally {
            System.setIn(old);
        }
    }

    /** One long line, no paragraph breaks: single-file mode, standard input and batch mode give the same text. */
    @Test
    void singleFileStdinAndBatchModeAgreeOnALongLineCutIntoBlocks() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("Item ").append(i).append(": the new working system ships and others will comply with swimsuit. ");
        }
        String text = sb.toString();
        Path in = Files.createDirectories(tmp.resolve("in")).resolve("long.txt");
        Files.writeString(in, text);
        CliTest.Run file = run(500, "", in.toString());
        CliTest.Run stdin = run(500, text);
        CliTest.Run batch = run(500, "", tmp.resolve("in").toString(), "--out-dir", tmp.resolve("out").toString(), "-q");
        assertEquals(0, file.code(), file.err());
        assertEquals(0, batch.code(), batch.err());
        assertEquals(file.out(), stdin.out());
        assertEquals(file.out(), Files.readString(tmp.resolve("out/long.txt")));
        assertFalse(file.out().contains("swimsuit"), file.out());
        assertEquals(40, file.out().split("will follow suit", -1).length - 1, file.out());
    }

    @Test
    void aDocumentThatFitsInABlockIsRestoredWholeAsBefore() throws Exception {
        String spun = Files.readString(Fixtures.project().resolve("samples/security-update.txt"));
        CliTest.Run r = run(spun.length(), spun);
        assertEquals(Fixtures.get().restorer.restore(spun).text(), r.out());
    }

    @Test
    void jsonDiffAndExplainOfLaterBlocksUseOffsetsLinesAndColumnsOfTheWholeInput() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("Line ").append(i).append(": the new working system ships.\n");
        }
        String text = sb.toString();
        CliTest.Run js = run(200, text, "--json");
        assertEquals(0, js.code(), js.err());
        assertEquals(1, js.out().lines().count(), js.out());
        assertTrue(js.out().startsWith("{\"file\":\"<stdin>\",\"edits\":[{"), js.out());
        LineIndex lines = new LineIndex(text);
        Matcher m = Pattern.compile("\"start\":(\\d+),\"end\":(\\d+),\"line\":(\\d+),\"column\":(\\d+),\"before\":\"working\"").matcher(js.out());
        int n = 0;
        while (m.find()) {
            int start = Integer.parseInt(m.group(1));
            assertEquals("working", text.substring(start, Integer.parseInt(m.group(2))));
            assertEquals(lines.line(start), Integer.parseInt(m.group(3)));
            assertEquals(lines.column(start), Integer.parseInt(m.group(4)));
            n++;
        }
        assertEquals(30, n, js.out());
        CliTest.Run ex = run(200, text, "--explain");
        assertTrue(ex.err().contains("<stdin>:30:18: \"working\" -> \"operating\""), ex.err());
        CliTest.Run diff = run(200, text, "--diff", "--color=never");
        assertEquals(30, diff.out().split("\\[-working-\\]\\{\\+operating\\+\\}", -1).length - 1, diff.out());
    }

    @Test
    void colourFollowsTheOptionNoColorAndTermDumb() {
        assertTrue(FixCommand.useColor(FixCommand.ColorWhen.auto, true, Map.of("TERM", "xterm")));
        assertFalse(FixCommand.useColor(FixCommand.ColorWhen.auto, false, Map.of()), "not a terminal");
        assertFalse(FixCommand.useColor(FixCommand.ColorWhen.auto, true, Map.of("NO_COLOR", "1")));
        assertFalse(FixCommand.useColor(FixCommand.ColorWhen.auto, true, Map.of("TERM", "dumb")));
        assertTrue(FixCommand.useColor(FixCommand.ColorWhen.always, false, Map.of("NO_COLOR", "1")), "--color=always wins");
        assertFalse(FixCommand.useColor(FixCommand.ColorWhen.never, true, Map.of()));
        CliTest.Run always = run(1 << 20, "They will comply with swimsuit.", "--diff", "--color=always");
        assertTrue(always.out().contains("\u001b[9;31mcomply with swimsuit\u001b[0m"), always.out());
        assertEquals(2, run(1 << 20, "x", "--diff", "--color=sometimes").code());
    }

    @Test
    void progressLooksAtStandardErrorOnly() throws Exception {
        Path pts = Files.createSymbolicLink(tmp.resolve("fd2"), Path.of("/dev/pts/3"));
        Path file = Files.createSymbolicLink(tmp.resolve("fd2-log"), tmp.resolve("log.txt"));
        Path pipe = Files.createSymbolicLink(tmp.resolve("fd2-pipe"), Path.of("pipe:[12345]"));
        assertTrue(Progress.isTerminalLink(pts));
        assertFalse(Progress.isTerminalLink(file), "2> log: no frames in the log");
        assertFalse(Progress.isTerminalLink(pipe));
        assertFalse(Progress.isTerminalLink(tmp.resolve("missing")));
        // under the test runner fd 2 is a pipe or file, so no progress whatever the options
        assertFalse(Progress.wanted(false, Map.of()));
        assertFalse(Progress.wanted(true, Map.of()));
    }
}
