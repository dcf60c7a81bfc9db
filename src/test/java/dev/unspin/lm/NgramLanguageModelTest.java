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
}
