package dev.unspin.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.eval.Annotation;
import dev.unspin.eval.Counts;
import dev.unspin.eval.Scorer;
import org.junit.jupiter.api.Test;

class SpinnerTest {
    private static final String CLEAN = "The company said on Friday that the new operating system fixes a security flaw, according to researchers. "
            + "Officials said the government would reduce costs and help people find work in the city.";

    @Test
    void spunAnnotationRestoresToTheCleanText() {
        Spinner spinner = new Spinner(Fixtures.get().analyzer, Fixtures.get().dictionary);
        String ann = spinner.spin(CLEAN, 1.0, 42);
        Annotation a = Annotation.parse(ann);
        assertTrue(a.edits().size() >= 6, ann);
        assertNotEquals(CLEAN, a.spun());
        // the gold originals put back give the clean text exactly
        StringBuilder back = new StringBuilder();
        int at = 0;
        for (Annotation.GoldEdit e : a.edits()) {
            back.append(a.spun(), at, e.start()).append(e.alternatives().get(0));
            at = e.end();
        }
        assertEquals(CLEAN, back.append(a.spun().substring(at)).toString());
        assertEquals(ann, spinner.spin(CLEAN, 1.0, 42), "same seed, same spin");
    }

    @Test
    void theRestorerUndoesMostOfASpin() throws Exception {
        // spun with the curated moves, as `unspin spin` does by default (the generated guesses are hypotheses, not moves)
        Spinner spinner = new Spinner(Fixtures.get().analyzer, new dev.unspin.dictionary.DictionaryLoader(Fixtures.get().analyzer).load(false,
                java.util.List.of(Fixtures.project().resolve("dictionaries/news-core.txt"), Fixtures.project().resolve("dictionaries/spinner-words.txt"))));
        Counts total = Counts.ZERO;
        for (long seed = 1; seed <= 5; seed++) {
            Annotation a = Annotation.parse(spinner.spin(CLEAN, 0.5, seed));
            total = total.plus(Scorer.score(a, Fixtures.get().restorer.restore(a.spun()).text(), null));
        }
        assertTrue(total.required() >= 10, total.toString());
        assertTrue(total.precision() >= 0.8 && total.recall() >= 0.5, total.toString());
    }

    @Test
    void rateZeroChangesNothing() {
        Spinner spinner = new Spinner(Fixtures.get().analyzer, Fixtures.get().dictionary);
        assertEquals(CLEAN, spinner.spin(CLEAN, 0.0, 1));
    }
}
