package dev.unspin.batch;

import dev.unspin.corpus.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream strictly as UTF-8 in bounded memory, with the same refusals as
 * {@link dev.unspin.corpus.TextFiles#decode}: a NUL byte is a binary file, an invalid sequence is
 * named by line and byte offset. InputStreamReader would replace bad bytes or lose their position.
 */
public final class StrictUtf8Reader extends Reader {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String name;
    private final CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    /** Bytes and newlines already dropped from the front of the buffer, for error positions. */
    private long bytesBefore;
    private long linesBefore;
    private boolean eof;
    private boolean flushed;
    /** A low surrogate left over when the caller asked for one char and the next one is a pair. */
    private int pending = -1;

    public StrictUtf8Reader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending >= 0) {
            cbuf[off] = (char) pending;
            pending = -1;
            return 1;
        }
        if (len == 1) {
            char[] two = new char[2];
            int n = read(two, 0, 2);
            if (n == 2) {
                pending = two[1];
            }
            if (n > 0) {
                cbuf[off] = two[0];
                return 1;
            }
            return n;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            if (flushed) {
                return -1;
            }
            CoderResult r = dec.decode(bytes, out, eof);
            if (r.isError()) {
                throw error(bytes.position());
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            if (eof) {
                dec.flush(out);
                flushed = true;
                return out.position() > off ? out.position() - off : -1;
            }
            refill();
        }
    }

    private void refill() throws IOException {
        byte[] a = bytes.array();
        for (int i = 0; i < bytes.position(); i++) {
            if (a[i] == '\n') {
                linesBefore++;
            }
        }
        bytesBefore += bytes.position();
        bytes.compact();
        int start = bytes.position();
        int n;
        try {
            n = in.read(a, start, bytes.remaining());
        } catch (IOException e) {
            throw new InputException(name, "cannot read (" + Messages.reason(e) + ")");
        }
        if (n < 0) {
            eof = true;
        } else {
            for (int i = start; i < start + n; i++) {
                if (a[i] == 0) {
                    throw new InputException(name, "binary file (contains NUL bytes)");
                }
            }
            bytes.position(start + n);
        }
        bytes.flip();
    }

    private InputException error(int at) {
        long line = linesBefore + 1;
        byte[] a = bytes.array();
        for (int i = 0; i < at; i++) {
            if (a[i] == '\n') {
                line++;
            }
        }
        return new InputException(name, "line " + line + ": invalid UTF-8 at byte " + (bytesBefore + at));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
