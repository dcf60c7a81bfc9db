package dev.unspin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static List<String> blocks(String text, int limit) throws Exception {
        Chunker c = new Chunker(new StringReader(text), limit);
        List<String> out = new ArrayList<>();
        for (String b = c.next(); b != null; b = c.next()) {
            out.add(b);
            assertTrue(b.length() <= limit, "block of " + b.length() + " > " + limit);
        }
        assertEquals(text, String.join("", out), "blocks put together are the text");
        return out;
    }

    @Test
    void aTextUpToTheLimitIsOneBlockAndEmptyIsOneEmptyBlock() throws Exception {
        assertEquals(List.of("abc def.\n\nghi"), blocks("abc def.\n\nghi", 13));
        assertEquals(List.of(""), blocks("", 8));
        Chunker c = new Chunker(new StringReader("x"), 4);
        assertEquals("x", c.next());
        assertTrue(c.atEnd());
        assertNull(c.next());
    }

    @Test
    void cutsAtTheLastBlankLineBeforeTheLimit() throws Exception {
        List<String> b = blocks("One. Two.\n\nThree four.\n \nFive six seven eight.", 25);
        assertEquals("One. Two.\n\nThree four.\n \n", b.get(0));
    }

    @Test
    void withoutParagraphsCutsAfterASentenceEndThenWhitespaceNeverInsideAPhrase() throws Exception {
        String text = "Others will comply with swimsuit. Then \"they said.\" more words here";
        List<String> b = blocks(text, 40);
        assertEquals("Others will comply with swimsuit. ", b.get(0));
        List<String> q = blocks("aaa bbb \"they said.\" ccc ddd eee fff", 28);
        assertEquals("aaa bbb \"they said.\" ", q.get(0), "closing quote after the full stop");
        List<String> w = blocks("aaaa bbbb cccc dddd", 12);
        assertEquals("aaaa bbbb ", w.get(0), "no sentence end: the last whitespace");
    }

    @Test
    void aHardCutNeverSplitsASurrogatePairOrCrLf() throws Exception {
        String emoji = "\uD83D\uDE00";
        List<String> b = blocks("abc" + emoji + "defgh", 4);
        assertEquals("abc", b.get(0));
        assertEquals(emoji + "de", b.get(1));
        List<String> crlf = blocks("abc\r\ndefgh", 4);
        assertEquals("abc", crlf.get(0), "not between CR and LF");
    }

    @Test
    void readsInPiecesLikeAFileAndStillCutsTheSame() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("Sentence number ").append(i).append(" is here. ");
            if (i % 7 == 6) {
                sb.append("\n\n");
            }
        }
        String text = sb.toString();
        List<String> whole = blocks(text, 300);
        // a reader that returns one char at a time must give the same blocks
        Chunker c = new Chunker(new java.io.Reader() {
            int at;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (at == text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(at++);
                return 1;
            }

            @Override
            public void close() {
            }
        }, 300);
        List<String> slow = new ArrayList<>();
        for (String x = c.next(); x != null; x = c.next()) {
            slow.add(x);
        }
        assertEquals(whole, slow);
        for (String x : whole.subList(0, whole.size() - 1)) {
            assertTrue(x.endsWith("\n\n"), "paragraph cut: " + x);
        }
    }
}
