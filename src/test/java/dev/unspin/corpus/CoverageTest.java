package dev.unspin.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.eval.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {
    private final Coverage coverage = new Coverage(Fixtures.get().analyzer, Fixtures.get().dictionary, Fixtures.get().scorer);

    @Test
    void goldCoverageCountsEditsSomeEntryRestores() {
        Annotation a = Annotation.parse("The [[corporate=>company]] [[mentioned=>said]] it would [[glimmer=>hint]] at the "
                + "[[working system=>operating system]] and [[frobnicate=>update|?]] it.");
        Coverage.GoldCoverage g = coverage.gold(a);
        assertEquals(4, g.required(), "the optional edit does not count");
        assertEquals(3, g.covered());
        assertEquals("glimmer", g.missing().get(0).spun());
    }

    @Test
    void withAThesaurusItsCandidatesForUncoveredWordsCountWordByWord() {
        Annotation a = Annotation.parse("They [[glimmer=>hint]] at [[glimmer the=>hint the]] cuts, the [[corporate=>firm]] said.");
        java.util.function.Function<String, List<String>> th = w -> Map.of("glimmer", List.of("shine", "hint"),
                "corporate", List.of("firm")).getOrDefault(w, List.of());
        assertEquals(0, coverage.gold(a).covered());
        Coverage.GoldCoverage g = coverage.gold(a, th);
        assertEquals(2, g.covered(), "glimmer twice; 'corporate' has entries (company), so the restorer never asks the thesaurus");
        assertEquals("corporate", g.missing().get(0).spun());
    }

    @Test
    void theNumberRulesRepairsCount() {
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("It passed by seven votes to [[2=>two]] and rose [[a pair of=>2]].16%, "
                + "then [[3=>three]] more."));
        assertEquals(2, g.covered());
        assertEquals("3", g.missing().get(0).spun(), "a lone digit with no number in words beside it stays");
    }

    @Test
    void sentenceInitialCapitalsAreAskedOfTheThesaurusButNamesInsideASentenceAreNot() {
        java.util.function.Function<String, List<String>> th = w -> Map.of("glimmer", List.of("hint")).getOrDefault(w, List.of());
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("[[Glimmer=>Hint]] at cuts. \u201c[[Glimmer=>Hint]] more,\u201d they said of [[Glimmer=>Hint]]."), th);
        assertEquals(3, g.required());
        assertEquals(2, g.covered(), "sentence start and quotation start; the third is inside a sentence, so a name");
    }

    @Test
    void anArticleThatOnlyFollowsTheNounIsNotAskedOfTheDictionary() {
        // the restorer turns "an" into "a" itself once "obligation" becomes "duty"
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("It is [[an obligation=>a duty]] and [[a sliver=>an end]]."));
        assertEquals(1, g.covered());
        assertEquals("a sliver", g.missing().get(0).spun());
    }

    @Test
    void aLongerEntryCoveringTheGoldWordsCounts() {
        // "officers mentioned" => "officials said" covers the gold edit "mentioned" => "said" inside it
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("Local [[officers=>officials]] [[mentioned=>said]] on Monday."));
        assertEquals(2, g.covered());
    }

    @Test
    void suspiciousWordsGetThesaurusProposals() {
        Map<String, Coverage.Suspect> out = new HashMap<>();
        Map<String, List<String>> thesaurus = Map.of("rupture", List.of("break", "crack"));
        java.util.function.Function<String, List<String>> reverse = w -> thesaurus.getOrDefault(w, List.of());
        coverage.suspects(0, "After the long meeting the lawmakers took a short rupture before the vote.", -4.0, reverse, out);
        coverage.suspects(1, "The players needed a rupture after the first half.", -4.0, reverse, out);
        Coverage.Suspect s = out.get("rupture");
        assertNotNull(s, out.keySet().toString());
        assertEquals(2, s.docs.size());
        assertEquals("break", s.bestOriginal());
        assertTrue(s.example.contains("short rupture"), s.example);
    }
}
