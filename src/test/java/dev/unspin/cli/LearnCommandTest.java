package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.restore.TinyFarm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `unspin learn` and `unspin fix --adapt` on a tiny farm written to real files. */
class LearnCommandTest {
    @TempDir
    Path tmp;

    private Path farm() throws Exception {
        Path farm = tmp.resolve("farm");
        Files.createDirectories(farm.resolve("2024"));
        List<String> arts = TinyFarm.articles();
        for (int i = 0; i < arts.size(); i++) {
            // half of them one folder down: the walk is recursive
            Path dir = i % 2 == 0 ? farm : farm.resolve("2024");
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "a%02d.txt", i)), arts.get(i) + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(farm.resolve("logo.png"), "not an article");
        return farm;
    }

    @Test
    void learnWritesADictionaryThatFixReads() throws Exception {
        Path farm = farm();
        Path dict = tmp.resolve("farm.dict");
        CliTest.Run r = CliTest.run("", "learn", farm.toString(), "-o", dict.toString(), "-j", "2");
        assertEquals(0, r.code(), r.err());
        String d = Files.readString(dict);
        assertTrue(d.startsWith("# Moves learnt by `unspin learn` from 12 documents"), d);
        assertTrue(d.contains("\ntank => can ; ctx    # count="), d);
        assertTrue(d.contains(", q >= 0.4, 1 original(s) per spun form\n"), "the header names the move model's cut: " + d);
        assertTrue(d.matches("(?s).*\ntank => can ; ctx    # count=[^\n]* ev=-?\\d+\\.\\d{2} q=\\d\\.\\d{3}\n.*"), d);
        assertTrue(d.contains("\nolden => then ; ctx    # count="), d);
        assertTrue(d.contains("\nconfess => own ; ctx    # count="), d);
        assertEquals(3, d.lines().filter(l -> !l.startsWith("#")).count(), d);
        assertTrue(r.err().contains("12 documents") && r.err().contains("estimated spin rate") && r.err().contains("3 moves learnt"), r.err());
        assertEquals("", r.out());
        // the inputs are untouched, and no temporary file is left beside the output
        assertEquals(TinyFarm.articles().get(0) + "\n", Files.readString(farm.resolve("a00.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("farm", "farm.dict"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }

        CliTest.Run fixed = CliTest.run("", "fix", farm.resolve("a00.txt").toString(), "--dict", dict.toString());
        assertEquals(0, fixed.code(), fixed.err());
        assertEquals(TinyFarm.CLEAN.get(0) + "\n", fixed.out());

        // the learnt file carries the farm's rate, and a restorer given it trusts its moves as --adapt does
        double rate = LearnCommand.learntRate(dict);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("estimated spin rate ([0-9.]+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(Double.parseDouble(m.group(1)), rate, 1e-4);
        Path mine = tmp.resolve("mine.dict");
        Files.writeString(mine, "# my own entries\ntank => can ; ctx\n");
        assertTrue(Double.isNaN(LearnCommand.learntRate(mine)));
        // a light farm's file (1% of words spun, under the decision's rate cap): its moves are trusted
        Path light = tmp.resolve("light.dict");
        Files.writeString(light, "# " + LearnCommand.HEADER_START + "900 documents (300000 words) in farm\n"
                + "# estimated spin rate 0.0100; 1 round(s); kept: ...\ntank => can ; ctx    # count=40\n");
        assertEquals(0.01, LearnCommand.learntRate(light), 1e-12);
        EngineOptions learnt = new EngineOptions();
        learnt.dicts = List.of(light);
        EngineOptions plain = new EngineOptions();
        plain.dicts = List.of(mine);
        dev.unspin.restore.Calibration bundled = dev.unspin.restore.Calibration.bundled();
        double[] trusted = dev.unspin.restore.FarmLearner.trusting(bundled, 0.01).decision();
        assertFalse(java.util.Arrays.equals(bundled.decision(), trusted), "a light farm's moves are trusted more");
        assertArrayEquals(trusted, learnt.restorer().calibration().decision());
        assertArrayEquals(bundled.decision(), plain.restorer().calibration().decision());

        // with both, the learnt moves are a family of their own, asked first; the user's entries stay with the bundled ones
        EngineOptions both = new EngineOptions();
        both.dicts = List.of(mine, light);
        dev.unspin.restore.Restorer r2 = both.restorer();
        assertArrayEquals(trusted, r2.calibration().decision());
        var first = (dev.unspin.restore.DictionaryCandidates) r2.generators().get(0);
        assertEquals(List.of("light.dict"), origins(first.dictionary()));
        var second = (dev.unspin.restore.DictionaryCandidates) r2.generators().get(1);
        assertEquals(List.of("mine.dict"), origins(second.dictionary()).stream().filter(o -> o.endsWith(".dict")).toList());
    }

    /** The files (not the lines) the entries of a dictionary come from, once each, in order. */
    private static List<String> origins(dev.unspin.dictionary.PhraseDictionary d) {
        return d.entries().stream().map(e -> e.origin().replaceAll(":\\d+$", ""))
                .map(o -> o.substring(o.lastIndexOf('/') + 1)).distinct().toList();
    }

    @Test
    void fixAdaptLearnsFirstThenRestoresEveryFile() throws Exception {
        Path farm = farm();
        CliTest.Run plain = CliTest.run("", "fix", farm.toString(), "--out-dir", tmp.resolve("plain").toString(), "-q");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(Files.readString(tmp.resolve("plain/a00.txt")).contains("Anyone tank see"), "the plain restorer does not know this farm");

        CliTest.Run r = CliTest.run("", "fix", farm.toString(), "--out-dir", tmp.resolve("out").toString(), "--adapt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3 moves learnt"), r.err());
        assertTrue(r.err().contains("12 files"), r.err());
        assertEquals(TinyFarm.CLEAN.get(0) + "\n", Files.readString(tmp.resolve("out/a00.txt")));
        assertEquals(TinyFarm.CLEAN.get(3) + "\n", Files.readString(tmp.resolve("out/2024/a03.txt")));
        // the two articles the farm left alone come back unchanged
        assertEquals(TinyFarm.CLEAN.get(11) + "\n", Files.readString(tmp.resolve("out/2024/a11.txt")));
        // the decision's options reach the adapted restorer too
        CliTest.Run strict = CliTest.run("", "fix", farm.toString(), "--out-dir", tmp.resolve("strict").toString(), "--adapt", "-q",
                "--confidence", "0.9999");
        assertEquals(0, strict.code(), strict.err());
        assertTrue(Files.readString(tmp.resolve("strict/a00.txt")).contains("Anyone tank see"), "--confidence 0.9999 keeps the learnt repairs out");
    }

    @Test
    void aBadFileIsReportedAndLeftOut() throws Exception {
        Path farm = farm();
        Files.write(farm.resolve("broken.txt"), new byte[] {'a', ' ', (byte) 0xff, '\n'});
        Path dict = tmp.resolve("farm.dict");
        CliTest.Run r = CliTest.run("", "learn", farm.toString(), "-o", dict.toString(), "-q");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("unspin: ") && r.err().contains("broken.txt"), r.err());
        assertTrue(Files.readString(dict).contains("tank => can"), "the other files are still learnt from");
    }

    @Test
    void mistakesAreOneLineWithTheirExitCode() throws Exception {
        CliTest.Run missing = CliTest.run("", "learn", tmp.resolve("nope").toString(), "-o", tmp.resolve("x.dict").toString());
        assertEquals(3, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope") && missing.err().contains("no such file"), missing.err());

        CliTest.Run rounds = CliTest.run("", "learn", tmp.toString(), "-o", tmp.resolve("x.dict").toString(), "--rounds", "0");
        assertEquals(2, rounds.code());
        assertEquals("unspin: --rounds must be at least 1 (got 0)\n", rounds.err());
        CliTest.Run originals = CliTest.run("", "learn", tmp.toString(), "-o", tmp.resolve("x.dict").toString(), "--max-originals", "0");
        assertEquals(2, originals.code());
        assertEquals("unspin: --max-originals must be at least 1 (got 0)\n", originals.err());
        CliTest.Run score = CliTest.run("", "learn", tmp.toString(), "-o", tmp.resolve("x.dict").toString(), "--min-score", "1.5");
        assertEquals(2, score.code());
        assertEquals("unspin: --min-rate, --min-share, --min-probability and --min-score must lie in 0..1\n", score.err());

        CliTest.Run noLm = CliTest.run("", "learn", tmp.toString(), "-o", tmp.resolve("x.dict").toString(), "--no-lm");
        assertEquals(2, noLm.code());

        CliTest.Run noOut = CliTest.run("", "learn", tmp.toString());
        assertEquals(2, noOut.code());

        Path f = tmp.resolve("one.txt");
        Files.writeString(f, "Anyone tank see the river.\n");
        CliTest.Run self = CliTest.run("", "learn", f.toString(), "-o", f.toString());
        assertEquals(3, self.code());
        assertTrue(self.err().contains("refusing to overwrite it"), self.err());
        assertEquals("Anyone tank see the river.\n", Files.readString(f));
        // the output may not lie inside the farm (the next run would read it as an article), and nothing is written there
        Path farm = farm();
        CliTest.Run inside = CliTest.run("", "learn", farm.toString(), "-o", farm.resolve("2024/farm.dict").toString());
        assertEquals(3, inside.code(), inside.err());
        assertTrue(inside.err().contains("lies inside the input folder"), inside.err());
        assertFalse(Files.exists(farm.resolve("2024/farm.dict")));
        // an output that cannot be written fails before the run: a folder, here
        CliTest.Run folder = CliTest.run("", "learn", farm.toString(), "-o", tmp.toString(), "-q");
        assertEquals(3, folder.code(), folder.err());
        assertEquals(1, folder.err().lines().count(), folder.err());
        // a folder without articles is an error, and no dictionary is written
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.csv"), "a,b\n");
        CliTest.Run none = CliTest.run("", "learn", empty.toString(), "-o", tmp.resolve("none.dict").toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("no files to learn from"), none.err());
        assertEquals(1, none.err().lines().count(), none.err());
        assertFalse(Files.exists(tmp.resolve("none.dict")));

        CliTest.Run single = CliTest.run("", "fix", f.toString(), "--adapt");
        assertEquals(2, single.code());
        assertTrue(single.err().contains("--adapt is for batch mode"), single.err());
        assertFalse(Files.exists(tmp.resolve("x.dict")));
    }
}
