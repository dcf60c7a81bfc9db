package dev.unspin.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a text stream into blocks of at most {@code limit} chars for the restorer, so any input size
 * fits a fixed heap. A text that fits in one block is returned whole, so normal articles are restored
 * exactly as a whole-string restore would (and a per-document estimate sees the whole document). A longer
 * text is cut, in order of preference, after the last paragraph break (a blank line) before the limit,
 * else after the last sentence end (., ! or ?, closing quotes or brackets, then whitespace), else after
 * the last whitespace, and only as a last resort at the limit itself (never inside a surrogate pair or a
 * CRLF). A repair spans words inside one sentence, so these cuts do not split one. Single-file mode and
 * batch mode both use this class, so they agree on every input.
 */
public final class Chunker {
    /** The default block size: large enough for any normal article, small enough for a fixed heap. */
    public static final int BLOCK_CHARS = 1 << 20;

    private final Reader in;
    private final int limit;
    private final char[] buf;
    private int len;
    private boolean eof;
    private boolean started;

    public Chunker(Reader in, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("block size " + limit);
        }
        this.in = in;
        this.limit = limit;
        this.buf = new char[limit + 2];
    }

    /** The next block, or null at the end; an empty input gives one empty block. */
    public String next() throws IOException {
        while (!eof && len <= limit) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
        if (len == 0) {
            if (started) {
                return null;
            }
            started = true;
            return "";
        }
        started = true;
        int cut = len <= limit ? len : cut(buf, limit);
        String block = new String(buf, 0, cut);
        System.arraycopy(buf, cut, buf, 0, len - cut);
        len -= cut;
        return block;
    }

    /** Whether the last block has been returned. */
    public boolean atEnd() {
        return eof && len == 0;
    }

    /** Where to end a block of buf that holds more than limit chars: 0 < cut <= limit. */
    static int cut(char[] buf, int limit) {
        // a blank line: a newline, then only spaces, tabs or CRs back to the previous newline
        for (int i = limit - 1; i > 0; i--) {
            if (buf[i] == '\n') {
                int j = i - 1;
                while (j >= 0 && (buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\r')) {
                    j--;
                }
                if (j >= 0 && buf[j] == '\n') {
                    return i + 1;
                }
            }
        }
        for (int i = limit - 1; i > 0; i--) {
            if (whitespaceCut(buf, i, limit)) {
                int k = i - 1;
                while (k > 0 && isCloser(buf[k])) {
                    k--;
                }
                if (buf[k] == '.' || buf[k] == '!' || buf[k] == '?') {
                    return i + 1;
                }
            }
        }
        for (int i = limit - 1; i >= 0; i--) {
            if (whitespaceCut(buf, i, limit)) {
                return i + 1;
            }
        }
        boolean split = Character.isHighSurrogate(buf[limit - 1]) || buf[limit - 1] == '\r' && buf[limit] == '\n';
        return split ? limit - 1 : limit;
    }

    /** Whether a cut just after buf[i] falls after whitespace and not between CR and LF. */
    private static boolean whitespaceCut(char[] buf, int i, int limit) {
        char c = buf[i];
        if (!Character.isWhitespace(c)) {
            return false;
        }
        return !(c == '\r' && buf[i + 1] == '\n');
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' || c == '\u00bb';
    }
}
