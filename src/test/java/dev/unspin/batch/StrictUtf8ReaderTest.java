package dev.unspin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unspin.corpus.InputException;
import dev.unspin.corpus.TextFiles;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {
    private static String read(byte[] bytes, int chunk) throws Exception {
        StringWriter w = new StringWriter();
        try (Reader r = new StrictUtf8Reader(new ByteArrayInputStream(bytes), "f.txt")) {
            char[] buf = new char[chunk];
            for (int n; (n = r.read(buf, 0, chunk)) >= 0; ) {
                w.write(buf, 0, n);
            }
        }
        return w.toString();
    }

    @Test
    void decodesLikeTheWholeFileDecoderIncludingPairsSplitAcrossReads() throws Exception {
        String text = "caf\u00e9 \uD83D\uDE00 na\u00efve\r\n".repeat(20000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, read(bytes, 1));
        assertEquals(text, read(bytes, 7));
        assertEquals(TextFiles.decode("f.txt", bytes), read(bytes, 1 << 16));
    }

    @Test
    void namesTheLineAndByteOfAnInvalidSequenceFarIntoTheStream() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = 'c';
        bad[good.length + 1] = (byte) 0xE9;
        bad[good.length + 2] = 'x';
        String whole = assertThrows(InputException.class, () -> TextFiles.decode("f.txt", bad)).getMessage();
        String streamed = assertThrows(InputException.class, () -> read(bad, 4096)).getMessage();
        assertEquals(whole, streamed);
        assertEquals("f.txt: line 30001: invalid UTF-8 at byte " + (good.length + 1), streamed);
        byte[] cut = {'a', (byte) 0xE2, (byte) 0x82};
        assertEquals("f.txt: line 1: invalid UTF-8 at byte 1", assertThrows(InputException.class, () -> read(cut, 16)).getMessage());
    }

    @Test
    void aNulByteIsABinaryFile() {
        byte[] b = {'a', 'b', 0, 'c'};
        assertEquals("f.txt: binary file (contains NUL bytes)", assertThrows(InputException.class, () -> read(b, 16)).getMessage());
    }
}
