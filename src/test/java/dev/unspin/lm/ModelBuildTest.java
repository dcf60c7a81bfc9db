package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.corpus.InputException;
import dev.unspin.corpus.ModelTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBuildTest {
    @TempDir
    Path tmp;

    private List<Path> corpus() throws Exception {
        try (Stream<Path> s = Files.list(Fixtures.project().resolve("samples/heldout/spin-source"))) {
            return s.sorted().limit(3).toList();
        }
    }

    private NgramModel build(List<Path> files, ModelBuilder.Smoothing sm, int chunk, String name) throws Exception {
        ModelTrainer t = new ModelTrainer(Fixtures.get().analyzer, new ModelTrainer.Settings(3, sm, 1, chunk, tmp));
        Path out = tmp.resolve(name);
        t.train(files, w -> { }).write(out);
        return NgramModel.open(out);
    }

    /** In every context, seen or not, the probabilities of all words (less <s>) sum to one. */
    @Test
    void kneserNeyIsNormalised() throws Exception {
        NgramModel m = build(corpus(), ModelBuilder.Smoothing.KNESER_NEY, 2_000_000, "kn.ulm");
        String[][] contexts = {{"<s>"}, {"the"}, {"of", "the"}, {"we", "must"}, {"zebra", "quietly"}};
        for (String[] ctx : contexts) {
            int[] ids = new int[ctx.length + 1];
            for (int i = 0; i < ctx.length; i++) {
                ids[i] = m.id(ctx[i]);
            }
            double sum = 0;
            for (int w = 0; w < m.vocabularySize(); w++) {
                if (m.word(w).equals("<s>")) {
                    continue;
                }
                ids[ctx.length] = w;
                sum += Math.pow(10, m.logProb(ids, 0, ids.length));
            }
            assertEquals(1.0, sum, 0.02, "context " + String.join(" ", ctx));
        }
    }

    @Test
    void spillingAndMergingGivesTheSameModel() throws Exception {
        List<Path> files = corpus().subList(0, 1);
        NgramModel one = build(files, ModelBuilder.Smoothing.KNESER_NEY, 10_000_000, "one.ulm");
        NgramModel many = build(files, ModelBuilder.Smoothing.KNESER_NEY, 500, "many.ulm");
        assertEquals(one.vocabularySize(), many.vocabularySize());
        for (int n = 1; n <= 3; n++) {
            assertEquals(one.count(n), many.count(n));
        }
        String text = "we must work together to make our nation stronger and safer for our children";
        int[] a = List.of(text.split(" ")).stream().mapToInt(one::id).toArray();
        int[] b = List.of(text.split(" ")).stream().mapToInt(many::id).toArray();
        for (int i = 1; i <= a.length; i++) {
            assertEquals(one.logProb(a, Math.max(0, i - 3), i), many.logProb(b, Math.max(0, i - 3), i), 1e-6);
        }
    }

    @Test
    void stupidBackoffIsRelativeFrequency() throws Exception {
        Path f = tmp.resolve("toy.txt");
        Files.writeString(f, "a b a c\na b\n");
        NgramModel m = build(List.of(f), ModelBuilder.Smoothing.STUPID_BACKOFF, 1000, "sb.ulm");
        int a = m.id("a");
        int b = m.id("b");
        int c = m.id("c");
        // unigrams: a 3, b 2, c 1, </s> 2 of 8
        assertEquals(Math.log10(3 / 8.0), m.logProb(new int[] {a}, 0, 1), 1e-3);
        // P(b | a) = c(a b) / c(a) = 2/3
        assertEquals(Math.log10(2 / 3.0), m.logProb(new int[] {a, b}, 0, 2), 1e-3);
        // unseen bigram "c a": 0.4 * P(a)
        assertEquals(Math.log10(0.4 * 3 / 8.0), m.logProb(new int[] {c, a}, 0, 2), 1e-3);
    }

    @Test
    void emptyAndNonUtf8CorporaAreReported() throws Exception {
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, " \n\n.,;\n");
        ModelTrainer t = new ModelTrainer(Fixtures.get().analyzer, new ModelTrainer.Settings(3, ModelBuilder.Smoothing.KNESER_NEY, 1, 1000, tmp));
        assertTrue(assertThrows(InputException.class, () -> t.train(List.of(empty), w -> { })).getMessage().contains("corpus is empty"));
        Path bad = tmp.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', ' ', (byte) 0xFF});
        assertTrue(assertThrows(InputException.class, () -> t.train(List.of(bad), w -> { })).getMessage().startsWith(bad + ": line 1: invalid UTF-8"));
    }

    @Test
    void aBuiltModelJudgesSpinLikeTheBundledOne() throws Exception {
        NgramModel m = build(corpus(), ModelBuilder.Smoothing.KNESER_NEY, 2_000_000, "j.ulm");
        LmScorer s = new LmScorer(m);
        assertTrue(s.sentenceLogProb(List.of("the", "american", "people")) > s.sentenceLogProb(List.of("the", "american", "folks")));
    }
}
