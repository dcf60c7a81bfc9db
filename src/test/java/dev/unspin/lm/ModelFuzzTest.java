package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt model files, at random: bytes changed at random offsets, truncation, tables filled up,
 * header fields forged with the checksums recomputed. Opening gives a ModelFormatException or a
 * model whose every lookup answers; never another exception, never a hang (the timeout is only
 * the hang guard, generous on purpose).
 */
class ModelFuzzTest {
    @TempDir
    Path tmp;

    private static final long SEED = Long.getLong("unspin.fuzz.seed", 20261201L);
    private static final long BUDGET_NANOS = Duration.ofMillis(Long.getLong("unspin.fuzz.millis", 2500)).toNanos();

    /** A model of 40 words with a few hundred bigrams and trigrams, so every table has some size. */
    private byte[] model() throws Exception {
        Random r = new Random(5);
        int v = 40;
        StringBuilder uni = new StringBuilder();
        for (int i = 0; i < v; i++) {
            uni.append(-1 - r.nextFloat() * 4).append(" w").append(i).append(' ').append(-r.nextFloat()).append('\n');
        }
        java.util.Set<String> bi = new java.util.LinkedHashSet<>();
        java.util.Set<String> tri = new java.util.LinkedHashSet<>();
        while (bi.size() < 300) {
            bi.add("w" + r.nextInt(v) + " w" + r.nextInt(v));
        }
        while (tri.size() < 200) {
            tri.add("w" + r.nextInt(v) + " w" + r.nextInt(v) + " w" + r.nextInt(v));
        }
        StringBuilder a = new StringBuilder("\\data\\\nngram 1=" + v + "\nngram 2=" + bi.size() + "\nngram 3=" + tri.size() + "\n\n\\1-grams:\n");
        a.append(uni).append("\n\\2-grams:\n");
        for (String b : bi) {
            a.append(-r.nextFloat() * 2).append(' ').append(b).append(' ').append(-r.nextFloat()).append('\n');
        }
        a.append("\n\\3-grams:\n");
        for (String t : tri) {
            a.append(-r.nextFloat() * 2).append(' ').append(t).append('\n');
        }
        a.append("\n\\end\\\n");
        Path arpa = tmp.resolve("m.arpa");
        Files.writeString(arpa, a);
        Path out = tmp.resolve("m.ulm");
        ModelImport.read(arpa).write(out);
        return Files.readAllBytes(out);
    }

    /** Opens the bytes; if they open, asks the model about every word and many random n-grams. */
    private void openAndUse(byte[] b, long seed, String what) throws Exception {
        Path p = tmp.resolve("fuzz.ulm");
        Files.write(p, b);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            NgramModel m;
            try {
                m = NgramModel.open(p);
            } catch (ModelFormatException expected) {
                assertTrue(expected.getMessage().startsWith(p + ": "), expected.getMessage());
                return;
            }
            Random r = new Random(seed);
            for (int i = 0; i < 60; i++) {
                m.id("w" + i);
            }
            int[] ids = new int[m.order()];
            for (int k = 0; k < 500; k++) {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = r.nextInt(8) == 0 ? -1 : r.nextInt(m.vocabularySize());
                }
                m.logProb(ids, 0, ids.length);
                m.contains(ids, 0, ids.length);
                m.word(ids[0] < 0 ? 0 : ids[0]);
                m.unigramLogProb(ids[0]);
            }
        }, what + ", seed " + seed);
    }

    @Test
    void corruptModelsAreRefusedOrReadNeverAnythingElse() throws Exception {
        byte[] good = model();
        Random r = new Random(SEED);
        long end = System.nanoTime() + BUDGET_NANOS;
        int runs = 0;
        while (System.nanoTime() < end || runs < 200) {
            long seed = r.nextLong();
            Random c = new Random(seed);
            byte[] b = good.clone();
            String what;
            switch (runs % 5) {
                case 0 -> { // random bytes at random offsets
                    for (int k = 1 + c.nextInt(8); k > 0; k--) {
                        b[c.nextInt(b.length)] = (byte) c.nextInt();
                    }
                    what = "random bytes";
                }
                case 1 -> { // truncated, or padded
                    b = Arrays.copyOf(b, c.nextBoolean() ? c.nextInt(b.length) : b.length + 1 + c.nextInt(64));
                    what = "truncated or padded";
                }
                case 2 -> { // a table filled with random keys, checksums recomputed
                    var m = ModelIntegrityTest.le(b);
                    int n = 2 + c.nextInt(2);
                    long cap = m.getLong(80 + 24 * (n - 2) + 8);
                    long off = m.getLong(80 + 24 * (n - 2) + 16);
                    for (int s = 0; s < cap; s++) {
                        m.putLong((int) (off + 8L * s), c.nextInt(4) == 0 ? 0 : c.nextLong() | 1);
                    }
                    ModelIntegrityTest.reseal(b);
                    what = "random table";
                }
                case 3 -> { // a forged header field, checksums recomputed
                    var m = ModelIntegrityTest.le(b);
                    int at = 12 + 4 * c.nextInt((ModelLayout.HEADER_CRC_AT - 12) / 4);
                    int v = switch (c.nextInt(4)) {
                        case 0 -> c.nextInt();
                        case 1 -> c.nextInt(64) - 8;
                        case 2 -> m.getInt(at) + c.nextInt(17) - 8;
                        default -> Integer.MAX_VALUE - c.nextInt(4);
                    };
                    m.putInt(at, v);
                    ModelIntegrityTest.reseal(b);
                    what = "forged header int at " + at;
                }
                default -> { // random bytes anywhere past the header, checksums recomputed: only the invariants stand
                    for (int k = 1 + c.nextInt(32); k > 0; k--) {
                        b[ModelLayout.HEADER_BYTES + c.nextInt(b.length - ModelLayout.HEADER_BYTES)] = (byte) c.nextInt();
                    }
                    ModelIntegrityTest.reseal(b);
                    what = "forged sections";
                }
            }
            openAndUse(b, seed, what);
            runs++;
        }
    }
}
