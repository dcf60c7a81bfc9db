package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed dictionary and thesaurus files are one DictionaryException naming file and line, whatever is wrong. */
class DictionaryRobustnessTest {
    @TempDir
    Path tmp;

    private final DictionaryLoader loader = new DictionaryLoader(Fixtures.get().analyzer);

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void invalidUtf8NamesItsLine() throws Exception {
        byte[] head = "# mine\r\nworking system => operating system\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'c', 'a', 'f', (byte) 0xe9, ' ', '=', '>', ' ', 'x', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path d = file("latin1.txt", all);
        DictionaryException e = assertThrows(DictionaryException.class, () -> loader.load(false, List.of(d)));
        assertEquals(d + ":3: invalid UTF-8", e.getMessage());
        assertEquals(d + ":3: invalid UTF-8", assertThrows(DictionaryException.class, () -> loader.fileLines(d)).getMessage());
        // line endings as readLine counts them: \n, \r\n and a lone \r
        assertEquals(List.of("a", "b", "", "c"), Utf8Lines.split("f", "a\r\nb\r\rc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPastedParagraphIsAMalformedLineForTheLoaderAndTheChecker() throws Exception {
        String paragraph = "word ".repeat(1400).strip();
        Path d = file("long.txt", ("ok => fine\n" + paragraph + " => short\n").getBytes(StandardCharsets.UTF_8));
        DictionaryException e = assertThrows(DictionaryException.class, () -> loader.load(false, List.of(d)));
        assertEquals(d + ":2: spun phrase of 1400 words (at most 20)", e.getMessage());
        assertEquals(e.getMessage(), assertThrows(DictionaryException.class, () -> loader.fileLines(d)).getMessage());
        // long originals too; twenty words are still fine
        String twenty = "word ".repeat(20).strip();
        assertEquals(twenty, loader.parser().parseLine("f", 1, twenty + " => x").spun());
        assertTrue(assertThrows(DictionaryException.class, () -> loader.parser().parseLine("f", 1, "x => " + twenty + " more"))
                .getMessage().contains("original of 21 words"));
    }

    @Test
    void plainWordsIsALoopThatAgreesWithTheRegexItReplaced() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("\\p{L}+( \\p{L}+)*");
        for (String s : List.of("", "a", "in keeping with", " a", "a ", "a  b", "a-b", "don't", "caf\u00e9 noir", "x1", "\uD835\uDC00bc", "a\tb")) {
            assertEquals(regex.matcher(s).matches(), DictionaryLoader.plainWords(s), "'" + s + "'");
        }
        assertTrue(DictionaryLoader.plainWords("word ".repeat(5000).strip()), "no stack overflow on long input");
    }

    @Test
    void aThesaurusLineWithoutAHeadIsFileLine() throws Exception {
        Path t = file("th.txt", "say,mention,state\n,\n".getBytes(StandardCharsets.UTF_8));
        DictionaryException e = assertThrows(DictionaryException.class, () -> ReverseThesaurus.read(t, w -> -5, 5));
        assertEquals(t + ":2: no head word before the first ','", e.getMessage());
        // the IOException-declaring form lets the same exception through (the command line maps it to exit 4)
        Throwable viaLoad = assertThrows(Exception.class, () -> ReverseThesaurus.load(t, w -> -5, 5));
        assertTrue(viaLoad instanceof DictionaryException, viaLoad.toString());
        Path tab = file("tab.txt", "said\tsay\n\tsay\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(tab + ":2: no word before the tab", assertThrows(DictionaryException.class, () -> ReverseThesaurus.read(tab, w -> -5, 5)).getMessage());
        Path latin1 = file("l1.txt", new byte[] {'s', 'a', 'y', ',', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ":1: invalid UTF-8", assertThrows(DictionaryException.class, () -> ReverseThesaurus.read(latin1, w -> -5, 5)).getMessage());
        // blank lines and comments are fine
        assertEquals(List.of("say"), ReverseThesaurus.read(file("ok.txt", "# c\n\nsay,mention\n".getBytes(StandardCharsets.UTF_8)), w -> -5, 5)
                .originals("mention"));
    }

    @Test
    void aDirectoryIsRefusedByName() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> loader.load(false, List.of(tmp)));
        assertEquals(tmp + ": is a directory, not a dictionary file", e.getMessage());
        assertEquals(tmp + ": is a directory, not a thesaurus file",
                assertThrows(FileSystemException.class, () -> ReverseThesaurus.read(tmp, w -> -5, 5)).getMessage());
    }
}
