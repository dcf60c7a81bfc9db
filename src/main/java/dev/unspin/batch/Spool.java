package dev.unspin.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text collected while a batch worker restores a file (its report edits, its --explain lines) and
 * printed later, in one piece, by the thread that owns the report. Small text stays in memory; past
 * {@code memoryChars} it moves to a temporary file, so a huge file with millions of edits does not
 * need them all on the heap.
 */
public final class Spool implements AutoCloseable {
    public static final int MEMORY_CHARS = 1 << 18;

    private final int memoryChars;
    private StringBuilder mem = new StringBuilder();
    private Path file;
    private Writer out;
    private long length;

    public Spool() {
        this(MEMORY_CHARS);
    }

    public Spool(int memoryChars) {
        this.memoryChars = memoryChars;
    }

    public void append(CharSequence s) throws IOException {
        length += s.length();
        if (out == null && mem.length() + s.length() <= memoryChars) {
            mem.append(s);
            return;
        }
        if (out == null) {
            file = Files.createTempFile("unspin-", ".spool");
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.append(mem);
            mem = null;
        }
        out.append(s);
    }

    public long length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Copies everything to w. */
    public void writeTo(Writer w) throws IOException {
        if (out == null) {
            w.append(mem);
            return;
        }
        out.flush();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[1 << 16];
            for (int n; (n = r.read(buf)) > 0; ) {
                w.write(buf, 0, n);
            }
        }
    }

    @Override
    public String toString() {
        if (out == null) {
            return mem.toString();
        }
        StringBuilder sb = new StringBuilder();
        try {
            writeTo(new java.io.StringWriter() {
                @Override
                public void write(char[] c, int off, int len) {
                    sb.append(c, off, len);
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a spool file in the temporary folder is harmless
            }
            out = null;
        }
        mem = new StringBuilder();
    }
}
