package dev.unspin.corpus;

import dev.unspin.batch.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading text strictly as UTF-8 and writing it atomically. */
public final class TextFiles {
    /**
     * Largest input {@link #read} loads whole (for the commands that need the whole text at once);
     * {@code fix} streams its inputs block by block instead and has no limit.
     */
    public static final long MAX_BYTES = 256L << 20;

    private TextFiles() {
    }

    public static String read(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory (use --out-dir to fix a folder)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "no such file");
        }
        if (size > MAX_BYTES) {
            throw new InputException(name, "too large (" + (size >> 20) + " MiB; the limit for one file is " + (MAX_BYTES >> 20) + " MiB)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, "cannot read (" + e.getMessage() + ")");
        }
        return decode(name, bytes);
    }

    public static String read(InputStream in, String name) throws IOException {
        return decode(name, in.readAllBytes());
    }

    /** Decodes strictly; an invalid byte sequence is reported with its line and byte offset. */
    public static String decode(String name, byte[] bytes) throws InputException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new InputException(name, "binary file (contains NUL bytes)");
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(name, "line " + line + ": invalid UTF-8 at byte " + at);
        }
        dec.flush(out);
        return out.flip().toString();
    }

    /** The regular files named, with folders expanded recursively, in path order. */
    public static java.util.List<Path> expand(java.util.List<Path> inputs) throws IOException {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (java.util.stream.Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Writes text to target via a temporary file in the same folder and an atomic rename (see
     * {@link AtomicOutput}: a symbolic link keeps pointing at the new file, a device or FIFO is written
     * through, an existing file keeps its mode, a new one gets the umask default).
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        try (AtomicOutput out = AtomicOutput.open(target, null, true)) {
            out.write(text);
            out.commit();
        }
    }
}
