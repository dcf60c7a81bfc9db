package dev.unspin.dictionary;

import dev.unspin.text.TextAnalyzer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bundled dictionaries parsed, tokenised and inflected once, at build time, into a compact
 * binary resource. Parsing 20,000 entries from text costs half a second of a cold JVM, most of a
 * shell pipe's start-up; reading them back from this form costs a few tens of milliseconds.
 *
 * <p>Format: magic, version, CRC-32 of the text sources (index and files, so a resource that does
 * not match the text it came from is ignored), a string table, then per entry: spun token ids,
 * original ids, kind, exact-case flag, file id and line (the origin "file:line").
 */
public final class CompiledDictionary {
    static final String RESOURCE = "/dictionaries/bundled.bin";
    private static final int MAGIC = 0x554e5344; // "UNSD"
    private static final int VERSION = 1;

    private CompiledDictionary() {
    }

    /** CRC-32 over the bundled index and each file it names, in order. */
    static long sourceChecksum() throws IOException {
        CRC32 crc = new CRC32();
        crc.update(resourceBytes(DictionaryLoader.BUNDLED_INDEX));
        for (String name : DictionaryLoader.bundledNames()) {
            crc.update(resourceBytes("/dictionaries/" + name));
        }
        return crc.getValue();
    }

    private static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = CompiledDictionary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("bundled resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    /** The compiled bundled entries, or null when the resource is absent or was built from other text. */
    static List<Entry> readBundled() throws IOException {
        java.net.URL url = CompiledDictionary.class.getResource(RESOURCE);
        if (url == null) {
            return null;
        }
        // A classes folder can hold text edited since the last build, so there the text is checked
        // against the form. A jar was packed from one build's folder, where the form was made from
        // that very text; checking it again would read all the text on every start (20 ms of 0.3 s).
        long expected = "jar".equals(url.getProtocol()) ? PACKED : sourceChecksum();
        try (InputStream raw = url.openStream()) {
            return read(raw, expected);
        }
    }

    /** The expected checksum that means "packed with its text by one build: do not compare". */
    static final long PACKED = -1;

    static List<Entry> read(InputStream raw, long expectedChecksum) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            return null;
        }
        long checksum = in.readLong();
        if (expectedChecksum != PACKED && checksum != expectedChecksum) {
            return null;
        }
        String[] strings = new String[in.readInt()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        Kind[] kinds = Kind.values();
        int n = in.readInt();
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] spun = new String[in.readUnsignedByte()];
            for (int k = 0; k < spun.length; k++) {
                spun[k] = strings[in.readInt()];
            }
            String[] originals = new String[in.readUnsignedByte()];
            for (int k = 0; k < originals.length; k++) {
                originals[k] = strings[in.readInt()];
            }
            Kind kind = kinds[in.readUnsignedByte()];
            boolean exact = in.readBoolean();
            String origin = strings[in.readInt()] + ":" + in.readInt();
            out.add(new Entry(List.of(spun), List.of(originals), kind, exact, origin));
        }
        return out;
    }

    static void write(List<Entry> entries, long checksum, OutputStream raw) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (Entry e : entries) {
            e.spun().forEach(s -> intern(s, ids, table));
            e.originals().forEach(s -> intern(s, ids, table));
            intern(file(e), ids, table);
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(checksum);
        out.writeInt(table.size());
        for (String s : table) {
            out.writeUTF(s);
        }
        out.writeInt(entries.size());
        for (Entry e : entries) {
            if (e.spun().size() > 255 || e.originals().size() > 255) {
                throw new IOException("entry too long to compile: " + e.origin());
            }
            out.writeByte(e.spun().size());
            for (String s : e.spun()) {
                out.writeInt(ids.get(s));
            }
            out.writeByte(e.originals().size());
            for (String s : e.originals()) {
                out.writeInt(ids.get(s));
            }
            out.writeByte(e.kind().ordinal());
            out.writeBoolean(e.exactCase());
            out.writeInt(ids.get(file(e)));
            out.writeInt(Integer.parseInt(e.origin().substring(e.origin().lastIndexOf(':') + 1)));
        }
        out.flush();
    }

    private static String file(Entry e) {
        return e.origin().substring(0, e.origin().lastIndexOf(':'));
    }

    private static void intern(String s, Map<String, Integer> ids, List<String> table) {
        if (ids.putIfAbsent(s, table.size()) == null) {
            table.add(s);
        }
    }

    /**
     * Build step (see pom.xml): compiles the bundled text dictionaries on the class path into
     * CLASSES_DIR/dictionaries/bundled.bin, written to a temporary file and renamed.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CompiledDictionary CLASSES_DIR");
            System.exit(2);
        }
        DictionaryLoader loader = new DictionaryLoader(TextAnalyzer.english());
        List<Entry> entries = loader.parseBundledText();
        Path target = Path.of(args[0], "dictionaries", "bundled.bin");
        Path tmp = Files.createTempFile(target.getParent(), "bundled", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(entries, sourceChecksum(), out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("unspin: compiled %d dictionary entries into %s%n", entries.size(), target);
    }
}
