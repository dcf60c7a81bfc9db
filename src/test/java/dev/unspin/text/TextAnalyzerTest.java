package dev.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = Fixtures.get().analyzer;

    @Test
    void tokenSpansPointAtTheirText() {
        String text = "Dr. Smith said: \u201cIt\u2019s done.\u201d\r\nThe U.S. firm didn't wait.\tIt rose 2.16% in 2024.";
        for (Sentence s : analyzer.sentences(text)) {
            for (Token t : s.tokens()) {
                assertEquals(t.text(), text.substring(t.start(), t.end()));
            }
        }
    }

    @Test
    void wrappedProseIsOneSentenceButTitlesAndListItemsStayApart() {
        String text = "The company said on Tuesday that its working\nsystem, in keeping\r\nwith the plan, was safe.\n"
                + "A Title Line\nThe body begins. It ends\n- an item\n\nnext paragraph";
        List<Sentence> ss = analyzer.sentences(text);
        String first = text.substring(ss.get(0).start(), ss.get(0).end());
        assertEquals("The company said on Tuesday that its working\nsystem, in keeping\r\nwith the plan, was safe.", first);
        List<String> words = ss.get(0).tokens().stream().map(Token::text).toList();
        assertTrue(words.containsAll(List.of("working", "system", "keeping", "with")), words.toString());
        assertEquals("A Title Line", text.substring(ss.get(1).start(), ss.get(1).end()));
        assertEquals("It ends", text.substring(ss.get(3).start(), ss.get(3).end()), "a line before a list item ends its unit");
        assertEquals("- an item", text.substring(ss.get(4).start(), ss.get(4).end()));
        assertEquals(6, ss.size(), "a blank line ends the paragraph even before lower case");
        // a corpus of one sentence per line keeps every line apart
        assertEquals(2, analyzer.sentences("a b a c\na b\n", false).size());
        assertEquals(1, analyzer.sentences("a b a c\na b\n").size());
    }

    @Test
    void sentencesNeverCrossLineBreaksBeforeACapital() {
        String text = "A headline without a period\nThe body starts here. It goes on.\r\n\r\nAnother paragraph";
        List<Sentence> ss = analyzer.sentences(text);
        for (Sentence s : ss) {
            assertTrue(text.substring(s.start(), s.end()).indexOf('\n') < 0, "sentence crosses a line: " + s);
        }
        assertEquals("headline", ss.get(0).tokens().get(1).text());
        assertTrue(ss.size() >= 4, "expected at least 4 sentences, got " + ss.size());
    }

    @Test
    void finalPeriodIsItsOwnToken() {
        String text = "They met last week.";
        List<Token> toks = analyzer.sentences(text).get(0).tokens();
        assertEquals("week", toks.get(toks.size() - 2).text());
        assertEquals(".", toks.get(toks.size() - 1).text());
    }

    @Test
    void lineIndexCountsFromOne() {
        LineIndex li = new LineIndex("ab\ncd\r\nef");
        assertEquals(1, li.line(0));
        assertEquals(2, li.line(3));
        assertEquals(2, li.column(4));
        assertEquals(3, li.line(7));
    }

    @Test
    void fastPathsGiveTheModelsTokens() throws Exception {
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        try (var st = java.nio.file.Files.list(Fixtures.project().resolve("samples/heldout/clean"))) {
            st.sorted().forEach(files::add);
        }
        files.add(Fixtures.project().resolve("samples/security-update.txt"));
        int lines = 0; // tokens compared
        for (var f : files) {
            for (String line : java.nio.file.Files.readAllLines(f)) {
                if (line.isBlank()) {
                    continue;
                }
                List<Token> fast = analyzer.tokens(line, 0, line.length());
                assertEquals(analyzer.modelTokensOf(line, 0, line.length()), fast, line);
                lines += fast.size();
            }
        }
        assertTrue(lines > 20_000, "tokens compared: " + lines);
    }

    /** Long non-space runs (base64, URLs, lines of punctuation) are single opaque tokens with exact offsets. */
    @Test
    void longRunsWithoutSpacesAreOpaqueTokens() {
        java.util.Random r = new java.util.Random(3);
        byte[] raw = new byte[3000];
        r.nextBytes(raw);
        String blob = java.util.Base64.getEncoder().encodeToString(raw);
        String dots = ".".repeat(5000);
        String punct = "!?.,;:-".repeat(100);
        String text = "The new working system ships. " + blob + " See " + dots + " and " + punct + ". Done.";
        List<Token> all = new java.util.ArrayList<>();
        for (Sentence s : analyzer.sentences(text)) {
            for (Token t : s.tokens()) {
                assertEquals(t.text(), text.substring(t.start(), t.end()));
                // a token longer than the opaque bound is one of the three runs, whole
                assertTrue(t.end() - t.start() <= TextAnalyzer.OPAQUE_RUN || t.text().equals(blob) || t.text().equals(dots)
                        || t.text().equals(punct + "."), t.text());
                all.add(t);
            }
        }
        List<String> texts = all.stream().map(Token::text).toList();
        assertTrue(texts.contains(blob), "the base64 blob is one token");
        assertTrue(texts.contains(dots), "the dots are one token");
        assertTrue(texts.contains(punct + "."), "the punctuation run is one token");
        int at = text.indexOf(blob);
        Token b = all.get(texts.indexOf(blob));
        assertEquals(at, b.start());
        assertEquals(at + blob.length(), b.end());
        // the ordinary words around them are tokenised as before
        assertEquals(List.of("The", "new", "working", "system", "ships", "."), texts.subList(0, 6));
        assertEquals(List.of("Done", "."), texts.subList(texts.size() - 2, texts.size()));
        // no sentence boundary falls inside a run
        for (Sentence s : analyzer.sentences(text)) {
            for (String run : List.of(blob, dots, punct)) {
                int from = text.indexOf(run);
                assertTrue(s.end() <= from + 1 || s.start() >= from + run.length() - 1 || (s.start() <= from && s.end() >= from + run.length() - 1),
                        "sentence " + s.start() + ".." + s.end() + " cuts a run at " + from);
            }
        }
    }

    @Test
    void maskingKeepsLengthAndTheRunsEnds() {
        String run = "a" + ".".repeat(100) + "Z";
        String masked = TextAnalyzer.maskOpaqueRuns("Hi. " + run + " ok " + "b.c");
        assertEquals(("Hi. " + run + " ok b.c").length(), masked.length());
        assertEquals("Hi. a" + "x".repeat(100) + "Z ok b.c", masked);
        assertEquals("short. runs! stay?", TextAnalyzer.maskOpaqueRuns("short. runs! stay?"));
    }

    /** The whole restorer leaves such text byte for byte as it was, and repairs the prose around it. */
    @Test
    void restoringTextWithLongRunsKeepsThemByteForByte() {
        String blob = "QUJD".repeat(2000) + "+/==";
        String text = "The new working system ships.\n" + blob + "\n" + "-=".repeat(3000) + "\nThe new working system ships.\n";
        var result = Fixtures.get().restorer.restore(text);
        assertEquals(text.replace("working system", "operating system"), result.text());
    }
}
