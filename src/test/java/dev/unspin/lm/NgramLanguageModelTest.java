package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unspin.Fixtures;
import org.junit.jupiter.api.Test;

class NgramLanguageModelTest {
    @Test
    void statefulScoresEqualTheModelsHistoryLookups() {
        NgramModel m = Fixtures.get().model;
        NgramLanguageModel lm = new NgramLanguageModel(m);
        String[] words = {"the", "company", "said", "the", "new", "operating", "system", "zzzunknownzzz", "fixes", "a", "security", "flaw"};
        int[] ids = new int[words.length + 1];
        ids[0] = lm.bos();
        for (int i = 0; i < words.length; i++) {
            ids[i + 1] = lm.index(words[i]);
        }
        long state = lm.begin();
        for (int i = 1; i < ids.length; i++) {
            assertEquals(m.logProb(ids, 0, i + 1), lm.score(state, ids[i]), 1e-12, "word " + words[i - 1]);
            state = lm.next(state, ids[i]);
        }
        assertEquals(m.logProb(new int[] {ids[ids.length - 2], ids[ids.length - 1], lm.eos()}, 0, 3), lm.score(state, lm.eos()), 1e-12);
    }

    @Test
    void theMemoAnswersExactlyWhatTheTablesSayForMoreQuestionsThanItHolds() {
        NgramModel m = Fixtures.get().model;
        NgramLanguageModel lm = new NgramLanguageModel(m);
        java.util.Random r = new java.util.Random(5);
        int n = 3 << NgramLanguageModel.MEMO_BITS; // three times the memo's slots: answers are evicted and asked again
        int[][] q = new int[n][];
        for (int i = 0; i < n; i++) {
            // frequent words so that many trigrams and bigrams are stored; some unknown words and sentence starts
            int a = i % 13 == 0 ? lm.bos() : r.nextInt(400);
            int b = i % 17 == 0 ? -1 : r.nextInt(400);
            q[i] = new int[] {a, b, i % 19 == 0 ? -1 : r.nextInt(2000)};
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                int[] g = q[i];
                long state = lm.next(lm.next(lm.begin(), g[0]), g[1]);
                int from = g[1] < 0 ? 2 : 0; // an unknown word cuts the history, as the model's own lookup does
                double want = m.logProb(g, from, 3);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(lm.score(state, g[2])), "question " + i + " round " + round);
            }
        }
    }

    @Test
    void aBatchOfQuestionsGetsTheDoublesAskedOneByOne() {
        NgramModel m = Fixtures.get().model;
        java.util.Random r = new java.util.Random(3);
        NgramLanguageModel one = new NgramLanguageModel(m);
        NgramLanguageModel batch = new NgramLanguageModel(m);
        int n = 3 * (1 << NgramLanguageModel.MEMO_BITS); // more than the memo holds, with repeats it does hold
        long[] states = new long[n];
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int kind = i % 9;
            long st = kind == 0 ? one.begin() : one.next(one.next(one.begin(), r.nextInt(m.vocabularySize())), r.nextInt(m.vocabularySize()));
            states[i] = kind == 1 ? one.next(st, -1) : kind == 2 ? one.next(one.begin(), r.nextInt(m.vocabularySize())) : st;
            words[i] = kind == 3 ? -1 : r.nextInt(m.vocabularySize());
            if (kind == 4 && i > 9) {
                states[i] = states[i - 9];
                words[i] = words[i - 9];
            }
        }
        double[] out = new double[n];
        for (int round = 0; round < 2; round++) { // the second round finds some answers in the memo
            batch.scores(states, words, n, out);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(one.score(states[i], words[i])), Double.doubleToRawLongBits(out[i]), "question " + i);
            }
        }
    }

    @Test
    void packedKeysAreABijectionOfTheIds() {
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < 10000; i++) {
            long x = r.nextLong();
            assertEquals(x, NgramHash.unmix(NgramHash.mix(x)));
            int a = r.nextInt(NgramHash.PACKED_IDS);
            int b = r.nextInt(NgramHash.PACKED_IDS);
            int c = r.nextInt(NgramHash.PACKED_IDS);
            assertEquals(NgramHash.ngram2(a, b), NgramHash.ngram(new int[] {a, b}, 0, 2));
            assertEquals(NgramHash.ngram3(a, b, c), NgramHash.ngram(new int[] {7, a, b, c}, 1, 4));
            assertEquals(NgramHash.pack2(a, b), NgramHash.pack3(a, b, c) >>> 21, "a trigram's history is its top 42 bits");
            org.junit.jupiter.api.Assertions.assertNotEquals(0L, NgramHash.ngram2(a, b));
        }
        assertEquals(NgramHash.ngram2(0, 1) != NgramHash.ngram2(1, 0), true);
    }
}
