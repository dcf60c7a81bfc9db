package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unspin.Fixtures;
import dev.unspin.lm.LanguageModel;
import dev.unspin.lm.NgramLanguageModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreCacheTest {
    /** Counts the questions that reach the model. */
    private static final class Counting implements LanguageModel {
        final LanguageModel d;
        int asked;

        Counting(LanguageModel d) {
            this.d = d;
        }

        public int order() {
            return d.order();
        }

        public int index(String w) {
            return d.index(w);
        }

        public int bos() {
            return d.bos();
        }

        public int eos() {
            return d.eos();
        }

        public long begin() {
            return d.begin();
        }

        public double score(long state, int word) {
            asked++;
            return d.score(state, word);
        }

        public long next(long state, int word) {
            return d.next(state, word);
        }

        public double unigram(int word) {
            return d.unigram(word);
        }
    }

    @Test
    void answersAreTheModelsOwnBitForBitAndEachQuestionReachesItOnce() {
        NgramLanguageModel real = new NgramLanguageModel(Fixtures.get().model);
        Counting lm = new Counting(real);
        ScoreCache cache = new ScoreCache(lm, 4); // far too small: it must grow, keeping every answer
        Random r = new Random(11);
        int vocab = Fixtures.get().model.vocabularySize();
        long[] states = new long[3000];
        int[] words = new int[states.length];
        for (int i = 0; i < states.length; i++) {
            int a = r.nextInt(vocab);
            int b = r.nextInt(vocab);
            states[i] = i % 7 == 0 ? real.begin() : real.next(real.next(real.begin(), a), b);
            words[i] = i % 11 == 0 ? -1 : r.nextInt(vocab); // unknown words are questions too
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < states.length; i++) {
                double want = real.score(states[i], words[i]);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(cache.score(states[i], words[i])), "question " + i);
            }
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < states.length; i++) {
            distinct.add(states[i] + ":" + words[i]);
        }
        assertEquals(distinct.size(), lm.asked, "each distinct question asked once");
        assertEquals(distinct.size(), cache.size());
    }

    @Test
    void readingAnswersKnownOnesAndAsksTheModelForNewOnesWithoutKeepingThem() {
        NgramLanguageModel real = new NgramLanguageModel(Fixtures.get().model);
        Counting lm = new Counting(real);
        ScoreCache cache = new ScoreCache(lm, 16);
        long s = real.next(real.begin(), real.index("the"));
        int company = real.index("company");
        int said = real.index("said");
        cache.score(s, company);
        assertEquals(1, lm.asked);
        assertEquals(Double.doubleToRawLongBits(real.score(s, company)), Double.doubleToRawLongBits(cache.scoreRead(s, company)));
        assertEquals(1, lm.asked, "a known answer is read");
        for (int k = 0; k < 2; k++) {
            assertEquals(Double.doubleToRawLongBits(real.score(s, said)), Double.doubleToRawLongBits(cache.scoreRead(s, said)));
        }
        assertEquals(3, lm.asked, "a new question goes to the model each time");
        assertEquals(1, cache.size());
    }
}
