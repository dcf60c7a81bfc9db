package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt and forged model files are refused at open with the file's name, never misread, never a hang. */
class ModelIntegrityTest {
    @TempDir
    Path tmp;

    static final String ARPA = String.join("\n",
            "\\data\\", "ngram 1=6", "ngram 2=4", "ngram 3=2", "",
            "\\1-grams:", "-1.0 <s> -0.5", "-2.0 </s>", "-1.5 the -0.3", "-2.5 cat -0.2", "-3.0 sat -0.1", "-2.2 mat", "",
            "\\2-grams:", "-0.4 <s> the -0.1", "-0.7 the cat -0.05", "-0.9 cat sat -0.02", "-0.3 sat </s>", "",
            "\\3-grams:", "-0.2 <s> the cat", "-0.25 the cat sat", "", "\\end\\", "");

    /** A small valid model file (order 3), as bytes. */
    static byte[] tinyModel(Path dir) throws Exception {
        Path arpa = dir.resolve("tiny.arpa");
        Files.writeString(arpa, ARPA);
        Path model = dir.resolve("tiny.ulm");
        ModelImport.read(arpa).write(model);
        return Files.readAllBytes(model);
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Recomputes every checksum, as a forger (or a buggy writer) would: only the invariants remain to catch it. */
    static void reseal(byte[] b) {
        ByteBuffer m = le(b);
        int order = m.getInt(12);
        int v = m.getInt(16);
        long vocabCap = m.getLong(32);
        long[][] sections = new long[ModelLayout.SECTIONS][];
        sections[0] = new long[] {m.getLong(40), vocabCap * 12};
        sections[1] = new long[] {m.getLong(48), 4L * (v + 1)};
        sections[2] = new long[] {m.getLong(56), m.getLong(64)};
        sections[3] = new long[] {m.getLong(72), 8L * v};
        for (int n = 2; n <= Math.min(order, ModelLayout.MAX_ORDER); n++) {
            int h = 80 + 24 * (n - 2);
            long cap = m.getLong(h + 8);
            sections[2 + n] = new long[] {m.getLong(h + 16), cap >= 0 && cap < b.length ? ModelLayout.tableBytes(n, order, cap) : -1};
        }
        for (int i = 0; i < sections.length; i++) {
            // forged values may point anywhere: reseal only what lies inside the file
            if (sections[i] != null && sections[i][0] >= 0 && sections[i][1] >= 0 && sections[i][0] <= b.length
                    && sections[i][1] <= b.length - sections[i][0]) {
                CRC32C c = new CRC32C();
                c.update(b, (int) sections[i][0], (int) sections[i][1]);
                m.putInt(ModelLayout.CRC_AT + 4 * i, (int) c.getValue());
            }
        }
        CRC32C h = new CRC32C();
        h.update(b, 0, ModelLayout.HEADER_CRC_AT);
        m.putInt(ModelLayout.HEADER_CRC_AT, (int) h.getValue());
    }

    private Path write(String name, byte[] b) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    private ModelFormatException refused(String name, byte[] b) throws Exception {
        Path p = write(name, b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NgramModel.open(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e;
    }

    @Test
    void aFlippedByteInAnySectionIsACorruptModel() throws Exception {
        byte[] good = tinyModel(tmp);
        NgramModel ok = NgramModel.open(tmp.resolve("tiny.ulm"));
        assertEquals(ModelLayout.SECTIONS - (ModelLayout.MAX_ORDER - 3) + 1, ok.verification().checksums());
        ByteBuffer m = le(good);
        long[] starts = {m.getLong(40), m.getLong(48), m.getLong(56), m.getLong(72), m.getLong(80 + 16), m.getLong(104 + 16)};
        for (long at : starts) {
            for (long d : new long[] {0, 3, 9}) {
                byte[] b = good.clone();
                b[(int) (at + d)] ^= 0x5a;
                assertTrue(refused("flip.ulm", b).getMessage().contains("checksum mismatch"), "byte " + (at + d));
            }
        }
        // the header too: an offset changed in place
        byte[] b = good.clone();
        b[48] ^= 0x01;
        assertTrue(refused("header.ulm", b).getMessage().contains("header checksum"));
    }

    @Test
    void randomBytesInTheMiddleOfTheRealModelAreCaught() throws Exception {
        Path real = Path.of(System.getProperty("unspin.model", "target/models/en-us.ulm"));
        assumeTrue(Files.isRegularFile(real), "no bundled model");
        byte[] b = Files.readAllBytes(real);
        java.util.Random r = new java.util.Random(7);
        for (int k = 0; k < 16; k++) {
            b[b.length / 2 + k] = (byte) r.nextInt();
        }
        assertTrue(refused("real.ulm", b).getMessage().contains("checksum mismatch"));
    }

    @Test
    void aForgedFullHashTableNeitherHangsNorMisleads() throws Exception {
        byte[] b = tinyModel(tmp);
        ByteBuffer m = le(b);
        long cap = m.getLong(80 + 8);
        long off = m.getLong(80 + 16);
        for (int s = 0; s < cap; s++) {
            if (m.getLong((int) (off + 8L * s)) == 0) {
                m.putLong((int) (off + 8L * s), 0x1234_5678L + s); // no empty slot left
            }
        }
        // also the vocabulary: every slot taken
        long vcap = m.getLong(32);
        long voff = m.getLong(40);
        for (int s = 0; s < vcap; s++) {
            if (m.getLong((int) (voff + 8L * s)) == 0) {
                m.putLong((int) (voff + 8L * s), 0x7777_0000L + s);
            }
        }
        reseal(b);
        Path p = write("full.ulm", b);
        NgramModel model = NgramModel.open(p); // probe runs are bounded by the header, so this opens
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(-1, model.id("dog"));
            int[] ids = {model.id("cat"), model.id("the")};
            assertEquals(-1.7, model.logProb(ids, 0, 2), 1e-3); // the bigram is absent: back-off as before
        });

        // a probe limit as long as the table would let a lookup walk it all: refused
        byte[] longRun = tinyModel(tmp);
        le(longRun).putInt(ModelLayout.PROBE_AT + 4, (int) le(longRun).getLong(80 + 8));
        reseal(longRun);
        assertTrue(refused("run.ulm", longRun).getMessage().contains("probe run"));
    }

    @Test
    void forgedOffsetsAndIdsAreRefusedAtOpen() throws Exception {
        byte[] good = tinyModel(tmp);
        long[][] forgeries = {{40, Long.MAX_VALUE / 2}, {48, -8}, {56, good.length - 2}, {64, 1L << 40}, {72, good.length},
            {80 + 8, Long.MAX_VALUE}, {80 + 16, good.length - 16}, {32, 1L << 33}, {32, 3}};
        for (long[] f : forgeries) {
            byte[] b = good.clone();
            le(b).putLong((int) f[0], f[1]);
            reseal(b);
            String msg = refused("offset.ulm", b).getMessage();
            assertTrue(msg.contains("corrupt"), msg);
        }
        // a vocabulary slot pointing at word 1000 of 6
        byte[] b = good.clone();
        ByteBuffer m = le(b);
        long vcap = m.getLong(32);
        m.putInt((int) (m.getLong(40) + 8 * vcap), 1000);
        reseal(b);
        assertTrue(refused("id.ulm", b).getMessage().contains("word id 1000"));
        // word offsets going backwards
        byte[] o = good.clone();
        ByteBuffer mo = le(o);
        mo.putInt((int) mo.getLong(48) + 8, 1 << 20);
        reseal(o);
        assertTrue(refused("offsets.ulm", o).getMessage().contains("vocabulary offsets"));
    }

    @Test
    void aMissingFileOrADirectoryIsAModelErrorNamingIt() {
        Path missing = tmp.resolve("missing.ulm");
        assertEquals(missing + ": language model not found", assertThrows(ModelFormatException.class, () -> NgramModel.open(missing)).getMessage());
        assertEquals(tmp + ": is a directory, not a model file", assertThrows(ModelFormatException.class, () -> NgramModel.open(tmp)).getMessage());
    }

    @Test
    void modelFilesAreReadableByEveryoneAndReplacedAtomically() throws Exception {
        tinyModel(tmp);
        Path model = tmp.resolve("tiny.ulm");
        assumeTrue(Files.getFileStore(model).supportsFileAttributeView("posix"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".tmp")).count(), "no temporary file left behind");
        }
    }

    @Test
    void gzippedArpaImportsLikeThePlainFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(ARPA.getBytes(StandardCharsets.UTF_8));
        }
        Path gz = write("model.arpa.gz", bytes.toByteArray());
        Path plain = write("model.arpa", ARPA.getBytes(StandardCharsets.UTF_8));
        ModelImport.read(gz).write(tmp.resolve("gz.ulm"));
        ModelImport.read(plain).write(tmp.resolve("plain.ulm"));
        NgramModel a = NgramModel.open(tmp.resolve("gz.ulm"));
        assertEquals(3, a.order());
        assertEquals(-0.25, a.logProb(new int[] {a.id("the"), a.id("cat"), a.id("sat")}, 0, 3), 1e-3);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("plain.ulm")), Files.readAllBytes(tmp.resolve("gz.ulm"))));
        // gzip found by its magic bytes whatever the name; a broken stream is a model error naming the file
        Path renamed = write("renamed.arpa", bytes.toByteArray());
        assertEquals(3, ModelImport.read(renamed).order());
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), 30);
        Path broken = write("broken.arpa.gz", cut);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ModelImport.read(broken));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }
}
