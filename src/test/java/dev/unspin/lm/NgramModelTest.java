package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramModelTest {
    @TempDir
    Path tmp;

    private static final String ARPA = String.join("\n",
            "\\data\\", "ngram 1=5", "ngram 2=3", "ngram 3=1", "",
            "\\1-grams:", "-1.0 <s> -0.5", "-2.0 </s>", "-1.5 the -0.3", "-2.5 cat -0.2", "-3.0 sat", "",
            "\\2-grams:", "-0.4 <s> the -0.1", "-0.7 the cat -0.05", "-0.9 cat sat", "",
            "\\3-grams:", "-0.2 <s> the cat", "", "\\end\\", "");

    private NgramModel tiny() throws Exception {
        Path arpa = tmp.resolve("tiny.arpa");
        Files.writeString(arpa, ARPA);
        Path model = tmp.resolve("tiny.ulm");
        ModelImport.read(arpa).write(model);
        return NgramModel.open(model);
    }

    private static int[] ids(NgramModel m, String... words) {
        return Arrays.stream(words).mapToInt(m::id).toArray();
    }

    @Test
    void arpaBackoffArithmetic() throws Exception {
        NgramModel m = tiny();
        assertEquals(3, m.order());
        assertEquals(5, m.vocabularySize());
        // stored trigram
        assertEquals(-0.2, m.logProb(ids(m, "<s>", "the", "cat"), 0, 3), 1e-3);
        // "the cat sat": trigram missing -> bo(the cat) + P(sat | cat) = -0.05 + -0.9
        assertEquals(-0.95, m.logProb(ids(m, "the", "cat", "sat"), 0, 3), 1e-3);
        // "cat the": bigram missing -> bo(cat) + P(the) = -0.2 + -1.5
        assertEquals(-1.7, m.logProb(ids(m, "cat", "the"), 0, 2), 1e-3);
        // "sat cat the": no trigram, no bigram "cat the"; history "sat cat" unknown (bo 0), then bo(cat) + P(the)
        assertEquals(-1.7, m.logProb(ids(m, "sat", "cat", "the"), 0, 3), 1e-3);
        // unknown word: one decade below the rarest unigram
        assertEquals(-4.0, m.logProb(new int[] {m.id("the"), -1}, 0, 2), 1e-3);
        assertEquals(-1, m.id("dog"));
        assertEquals("cat", m.word(m.id("cat")));
    }

    @Test
    void openNlpInterfaceScoresAndPredicts() throws Exception {
        UnspinLanguageModel lm = new UnspinLanguageModel(tiny());
        assertEquals(-1.5 - 0.7, lm.log10Probability("the", "cat"), 1e-3);
        assertEquals(Math.pow(10, lm.log10Probability("the", "cat")), lm.calculateProbability("the", "cat"), 1e-12);
        assertEquals(List.of("cat"), List.of(lm.predictNextTokens("<s>", "the")));
    }

    @Test
    void corruptFilesAreRejectedWithTheirName() throws Exception {
        Path good = tmp.resolve("good.ulm");
        Files.writeString(tmp.resolve("t.arpa"), ARPA);
        ModelImport.read(tmp.resolve("t.arpa")).write(good);
        byte[] bytes = Files.readAllBytes(good);

        Path magic = tmp.resolve("magic.ulm");
        byte[] m = bytes.clone();
        m[0] = 'X';
        Files.write(magic, m);
        ModelFormatException e1 = assertThrows(ModelFormatException.class, () -> NgramModel.open(magic));
        assertTrue(e1.getMessage().startsWith(magic.toString()) && e1.getMessage().contains("magic"), e1.getMessage());

        Path truncated = tmp.resolve("truncated.ulm");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        assertTrue(assertThrows(ModelFormatException.class, () -> NgramModel.open(truncated)).getMessage().contains("truncated"));

        Path version = tmp.resolve("version.ulm");
        byte[] v = bytes.clone();
        v[8] = 99;
        Files.write(version, v);
        assertTrue(assertThrows(ModelFormatException.class, () -> NgramModel.open(version)).getMessage().contains("version 99"));

        Path tiny = tmp.resolve("empty.ulm");
        Files.write(tiny, new byte[10]);
        assertThrows(ModelFormatException.class, () -> NgramModel.open(tiny));
    }

    @Test
    void malformedArpaIsReportedWithItsLine() {
        String bad = ARPA.replace("-0.7 the cat -0.05", "-0.7 the dog -0.05");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ArpaImporter.read(Path.of("bad.arpa"), new BufferedReader(new StringReader(bad))));
        assertTrue(e.getMessage().contains("line 15") && e.getMessage().contains("dog"), e.getMessage());
    }

    @Test
    void bundledModelIsTheSphinxTrigramModel() {
        NgramModel m = Fixtures.get().model;
        assertEquals(3, m.order());
        assertEquals(72_547, m.vocabularySize());
        assertEquals(2_051_541, m.count(2));
        assertEquals(1_669_625, m.count(3));
        // one decade below the rarest real word, not below the -99 placeholder of <s>
        assertTrue(m.unknownLogProb() > -12 && m.unknownLogProb() < -6, "unknown " + m.unknownLogProb());
    }

    @Test
    void bundledModelPrefersOriginalsOverSpunTwins() {
        LmScorer s = Fixtures.get().scorer;
        double orig = s.sentenceLogProb(List.of("the company said the new operating system fixes a security flaw according to researchers".split(" ")));
        double spun = s.sentenceLogProb(List.of("the corporate mentioned the brand new working system fixes a safety flaw in keeping with researchers".split(" ")));
        // figures of the data survey: -35.1 against -48.9 (ours quantises to 1/1024 log10)
        assertEquals(-35.1, orig, 0.05);
        assertTrue(orig - spun > 10, "original " + orig + " vs spun " + spun);
    }

    @Test
    void numbersArePronouncedForTheModel() {
        LmScorer s = Fixtures.get().scorer;
        NgramModel m = s.model();
        assertEquals(List.of("twelve", "point", "five"), Arrays.stream(s.ids("12.5")).mapToObj(m::word).toList());
        assertEquals(List.of("two", "thousand"), Arrays.stream(s.ids("2,000")).mapToObj(m::word).toList());
        assertEquals(0, s.ids(",").length);
        assertEquals(m.id("don't"), s.ids("Don\u2019t")[0]);
        assertEquals(-1, m.id("conflict's"));
        assertEquals(m.id("conflict"), s.ids("conflict\u2019s")[0], "an unknown possessive is scored as its word");
    }
}
