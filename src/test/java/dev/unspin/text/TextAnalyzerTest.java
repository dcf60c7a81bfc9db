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
    void sentencesNeverCrossLineBreaks() {
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
}
