package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void readingManyAtOnceGivesTheModelsAnswersBitForBitAndKeepsNone() {
        NgramLanguageModel real = new NgramLanguageModel(Fixtures.get().model);
        Counting lm = new Counting(real);
        ScoreCache cache = new ScoreCache(lm, 4); // grown: the reads probe past full home slots
        Random r = new Random(7);
        int vocab = Fixtures.get().model.vocabularySize();
        int n = 500;
        long[] states = new long[n];
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            states[i] = i % 5 == 0 ? real.begin() : real.next(real.next(real.begin(), r.nextInt(vocab)), r.nextInt(vocab));
            words[i] = i % 13 == 0 ? -1 : i % 17 == 0 ? -2 : r.nextInt(vocab); // unknown words, and words no model has
            if (i % 2 == 0) {
                cache.score(states[i], words[i]); // every other question known before the read
            }
        }
        int kept = cache.size();
        int asked = lm.asked;
        double[] out = new double[n];
        cache.readAll(states, words, n, out, new long[n], new int[n]);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(real.score(states[i], words[i])), Double.doubleToRawLongBits(out[i]), "question " + i);
        }
        assertEquals(kept, cache.size(), "a read keeps nothing");
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int i = 0; i < n; i += 2) {
            if (words[i] >= -1) {
                known.add(states[i] + ":" + words[i]);
            }
        }
        int unknownToCache = 0;
        for (int i = 0; i < n; i++) {
            unknownToCache += known.contains(states[i] + ":" + words[i]) ? 0 : 1; // asked each time, repeats too
        }
        assertEquals(asked + unknownToCache, lm.asked, "only what the cache lacks reaches the model");
    }

    @Test
    void plannedQuestionsAreAskedTogetherOnceAndReplayedInOrderBitForBit() {
        NgramLanguageModel real = new NgramLanguageModel(Fixtures.get().model);
        Counting lm = new Counting(real);
        ScoreCache cache = new ScoreCache(lm, 4); // it grows while planning, and the replay must still find every answer
        Random r = new Random(5);
        int vocab = Fixtures.get().model.vocabularySize();
        long[] states = new long[2000];
        int[] words = new int[states.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = i % 5 == 0 ? real.begin() : real.next(real.next(real.begin(), r.nextInt(vocab)), r.nextInt(vocab));
            words[i] = i % 13 == 0 ? -1 : r.nextInt(vocab);
            if (i % 3 == 0 && i > 0) { // repeats within the plan
                states[i] = states[i / 2];
                words[i] = words[i / 2];
            }
        }
        double known = cache.score(states[0], words[0]); // asked before the plan: kept, not asked again
        assertEquals(1, lm.asked);
        cache.plan();
        for (int i = 0; i < states.length; i++) {
            boolean before = states[i] == states[0] && words[i] == words[0];
            assertEquals(before ? known : 0.0, cache.score(states[i], words[i]), "a new planned question reads 0 until answered");
        }
        assertEquals(1, lm.asked, "nothing is asked while planning");
        cache.answer();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < states.length; i++) {
            distinct.add(states[i] + ":" + words[i]);
        }
        assertEquals(distinct.size(), lm.asked, "each distinct question asked once, the one known before not again");
        for (int i = 0; i < states.length; i++) {
            double got = i % 2 == 0 ? cache.score(states[i], words[i]) : cache.scoreRead(states[i], words[i]);
            assertEquals(Double.doubleToRawLongBits(real.score(states[i], words[i])), Double.doubleToRawLongBits(got), "question " + i);
        }
        cache.done();
        assertEquals(Double.doubleToRawLongBits(known), Double.doubleToRawLongBits(cache.score(states[0], words[0])));
        assertEquals(distinct.size(), lm.asked, "after the replay, answers are looked up again");
    }

    @Test
    void aReplayThatStraysFromThePlanIsABug() {
        NgramLanguageModel real = new NgramLanguageModel(Fixtures.get().model);
        ScoreCache cache = new ScoreCache(real, 16);
        long s = real.next(real.begin(), real.index("the"));
        int company = real.index("company");
        int said = real.index("said");
        cache.plan();
        cache.score(s, company);
        cache.score(s, said);
        cache.answer();
        cache.score(s, company);
        assertThrows(IllegalStateException.class, () -> cache.score(s, company), "asked out of order");
        ScoreCache short_ = new ScoreCache(real, 16);
        short_.plan();
        short_.score(s, company);
        short_.score(s, said);
        short_.answer();
        short_.score(s, company);
        assertThrows(IllegalStateException.class, short_::done, "a planned question never read");
    }
}
