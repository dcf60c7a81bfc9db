package dev.unspin.dictionary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file's bytes into lines (ended by \n, \r\n or \r, as BufferedReader.readLine does) and
 * decodes each as strict UTF-8. Decoding line by line is what lets a bad byte be reported as
 * "file:line: invalid UTF-8": a decoding reader fails somewhere in its read-ahead buffer and cannot
 * say which line the byte was on.
 */
final class Utf8Lines {
    private Utf8Lines() {
    }

    static List<String> split(String file, byte[] bytes) throws DictionaryException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = bytes.length;
        while (start < n) {
            int end = start;
            while (end < n && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            try {
                out.add(dec.reset().decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
            } catch (CharacterCodingException e) {
                throw new DictionaryException(file, out.size() + 1, "invalid UTF-8");
            }
            start = end < n && bytes[end] == '\r' && end + 1 < n && bytes[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return out;
    }
}
