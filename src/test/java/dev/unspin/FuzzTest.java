package dev.unspin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.restore.Edit;
import dev.unspin.restore.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random inputs through the real components, each run bounded by a time budget (a few seconds in
 * all) and seeded, so a failure names the seed that reproduces it. The properties: the restorer
 * throws nothing and changes no character outside its edits; the dictionary parser and loader throw
 * nothing but DictionaryException. Corrupt models are fuzzed in dev.unspin.lm.ModelFuzzTest.
 */
class FuzzTest {
    @TempDir
    Path tmp;

    private static final long SEED = Long.getLong("unspin.fuzz.seed", 20261201L);
    private static final long BUDGET_NANOS = Duration.ofMillis(Long.getLong("unspin.fuzz.millis", 2500)).toNanos();

    private static final String[] PIECES = {" ", " ", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u202f", "\ufeff", ".", ",", ";", ":",
        "!", "?", "'", "\"", "\u201c", "\u201d", "\u2019", "(", ")", "-", "--", "\u2014", "...", "/", "#", "@", "http://example.com/a?b=c",
        "user@example.org", "`code`", "2,000", "12.5", "3rd", "1990s", "$5", "50%", "U.S.", "e.g.", "Dr.", "don't", "it's", "\ud83d\ude00",
        "caf\u00e9", "na\u00efve", "\u00c5ngstr\u00f6m", "\u0416\u0438\u0437\u043d\u044c", "\u4e2d\u6587", "A", "I", "The", "the", "a", "an",
        "said", "company", "new", "system", "security", "researchers", "according", "to", "is", "was", "of", "in"};

    private static void assumeModel() {
        assumeTrue(Files.isRegularFile(Path.of(System.getProperty("unspin.model", "target/models/en-us.ulm"))), "no language model");
    }

    /** Random text mixing spun phrases from the real dictionary (so that edits happen) with every kind of odd character. */
    private static String randomText(Random r, List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 40);
        for (int i = 0; i < parts; i++) {
            int k = r.nextInt(10);
            if (k < 3) {
                Entry e = entries.get(r.nextInt(entries.size()));
                String spun = e.spunText();
                b.append(r.nextBoolean() ? spun : Character.toUpperCase(spun.charAt(0)) + spun.substring(1));
            } else if (k < 8) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            } else if (k < 9) {
                b.append((char) r.nextInt(0x3000)); // any BMP char, controls and lone marks included
            } else if (r.nextInt(8) == 0) {
                String run = "QUJD+/=.-_:!?".substring(r.nextInt(12));
                b.append(run.repeat(2 + r.nextInt(30))); // sometimes longer than an opaque run
            } else {
                b.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate now and then
            }
            if (r.nextInt(3) > 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    @Test
    void theRestorerNeverThrowsAndChangesNothingOutsideItsEdits() {
        assumeModel();
        Fixtures f = Fixtures.get();
        List<Entry> entries = f.dictionary.entries();
        Random r = new Random(SEED);
        long end = System.nanoTime() + BUDGET_NANOS;
        int runs = 0;
        int edited = 0;
        while (System.nanoTime() < end || runs < 20) {
            long seed = r.nextLong();
            String text = randomText(new Random(seed), entries);
            Result res;
            try {
                res = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> f.restorer.restore(text), "hang, seed " + seed);
            } catch (RuntimeException e) {
                throw new AssertionError("restore threw on seed " + seed + ": " + e, e);
            }
            StringBuilder rebuilt = new StringBuilder();
            int at = 0;
            for (Edit e : res.edits()) {
                assertTrue(e.start() >= at && e.end() >= e.start() && e.end() <= text.length(), "edits out of order, seed " + seed + ": " + e);
                assertEquals(text.substring(e.start(), e.end()), e.before(), "edit's before text, seed " + seed);
                rebuilt.append(text, at, e.start()).append(e.after());
                at = e.end();
            }
            rebuilt.append(text, at, text.length());
            assertEquals(rebuilt.toString(), res.text(), "output is the input with the edits applied, seed " + seed);
            edited += res.edits().isEmpty() ? 0 : 1;
            runs++;
        }
        assertTrue(edited > 0, "the generator should produce some repairable text (" + runs + " runs)");
    }

    private static final String[] LINE_PIECES = {"=>", "=>", "|", ";", " ", "  ", "\t", "#", " #", "\t#", "always", "ctx", "guess", "verb", "noun",
        "case", "sometimes", "working system", "operating system", "said", "mentioned", "'s", "don't", "2,000", "\u00a0", "\ufeff", "\u200b",
        "caf\u00e9", ",", "=", ">", "\\", "\"", "x"};

    private static byte[] randomDictionary(Random r) {
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(6);
        for (int l = 0; l < lines; l++) {
            int parts = r.nextInt(r.nextInt(20) == 0 ? 2000 : 12);
            for (int i = 0; i < parts; i++) {
                b.append(r.nextInt(12) == 0 ? String.valueOf((char) r.nextInt(0x3000)) : LINE_PIECES[r.nextInt(LINE_PIECES.length)]);
            }
            b.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(6) == 0 && bytes.length > 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80)); // likely invalid UTF-8
        }
        return bytes;
    }

    @Test
    void dictionaryAndThesaurusFilesFailOnlyAsDictionaryExceptions() throws Exception {
        DictionaryLoader loader = new DictionaryLoader(Fixtures.get().analyzer);
        Random r = new Random(SEED + 1);
        Path file = tmp.resolve("random.txt");
        long end = System.nanoTime() + BUDGET_NANOS / 2;
        int runs = 0;
        int refused = 0;
        int loaded = 0;
        while (System.nanoTime() < end || runs < 50) {
            long seed = r.nextLong();
            Files.write(file, randomDictionary(new Random(seed)));
            // assertTimeoutPreemptively rethrows what the call threw, checked or not, hence the instanceof
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> loader.load(false, List.of(file)), "hang, seed " + seed);
                loaded++;
            } catch (Throwable t) {
                if (!(t instanceof DictionaryException e)) {
                    throw new AssertionError("dictionary seed " + seed + " threw " + t, t);
                }
                assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": ") && e.line() >= 1, e.getMessage());
                refused++;
            }
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ReverseThesaurus.read(file, w -> w.length() > 3 ? -4 : Double.NaN, 8),
                        "hang, seed " + seed);
            } catch (Throwable t) {
                if (!(t instanceof DictionaryException e)) {
                    throw new AssertionError("thesaurus seed " + seed + " threw " + t, t);
                }
                assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
            }
            runs++;
        }
        assertTrue(refused > 0 && loaded > 0, "the generator should make good and bad files: " + loaded + " loaded, " + refused + " refused");
    }
}
