package dev.unspin.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.eval.Annotation;
import dev.unspin.restore.CandidateGenerator;
import dev.unspin.restore.DictionaryCandidates;
import dev.unspin.restore.Source;
import dev.unspin.restore.ThesaurusCandidates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {
    private final Coverage coverage = new Coverage(Fixtures.get().analyzer, Fixtures.get().dictionary, Fixtures.get().scorer);
    /** The dictionary's candidates alone, as the restorer asks them. */
    private final List<CandidateGenerator> entries = List.of(new DictionaryCandidates(Fixtures.get().dictionary));

    @TempDir
    Path tmp;

    /** The entries, then a word table in the ranked form (word TAB originals), as the restorer asks them. */
    private List<CandidateGenerator> withTable(String table) throws Exception {
        Path f = tmp.resolve("table.txt");
        Files.writeString(f, table);
        ReverseThesaurus th = ReverseThesaurus.load(f, w -> 0, 8);
        return List.of(new DictionaryCandidates(Fixtures.get().dictionary), new ThesaurusCandidates(th, Source.THESAURUS));
    }

    @Test
    void goldCoverageCountsEditsSomeEntryRestores() {
        Annotation a = Annotation.parse("The [[corporate=>company]] [[mentioned=>said]] it would [[glimmer=>hint]] at the "
                + "[[working system=>operating system]] and [[frobnicate=>update|?]] it.");
        Coverage.GoldCoverage g = coverage.gold(a, entries);
        assertEquals(4, g.required(), "the optional edit does not count");
        assertEquals(3, g.covered());
        assertEquals("glimmer", g.missing().get(0).spun());
    }

    @Test
    void withAWordTableItsCandidatesCountWordByWord() throws Exception {
        Annotation a = Annotation.parse("They [[glimmer=>hint]] at [[glimmer the=>hint the]] cuts, the [[corporate=>firm]] said.");
        assertEquals(0, coverage.gold(a, entries).covered());
        Coverage.GoldCoverage g = coverage.gold(a, withTable("glimmer\tshine,hint\ncorporate\tfirm\n"));
        // the restorer asks every generator about every word, so the table's "firm" counts beside the entry's "company"
        assertEquals(3, g.covered(), "glimmer twice, and corporate");
        assertTrue(g.missing().isEmpty(), g.missing().toString());
    }

    @Test
    void theNumberRulesRepairsCount() {
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("It passed by seven votes to [[2=>two]] and rose [[a pair of=>2]].16%, "
                + "then [[3=>three]] more."), entries);
        assertEquals(2, g.covered());
        assertEquals("3", g.missing().get(0).spun(), "a lone digit with no number in words beside it stays");
    }

    @Test
    void sentenceInitialCapitalsAreAskedOfTheThesaurusButNamesInsideASentenceAreNot() throws Exception {
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("[[Glimmer=>Hint]] at cuts. \u201c[[Glimmer=>Hint]] more,\u201d they said of [[Glimmer=>Hint]]."),
                withTable("glimmer\thint\n"));
        assertEquals(3, g.required());
        assertEquals(2, g.covered(), "sentence start and quotation start; the third is inside a sentence, so a name");
    }

    @Test
    void anArticleThatOnlyFollowsTheNounIsNotAskedOfTheDictionary() {
        // the restorer turns "an" into "a" itself once "obligation" becomes "duty"
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("It is [[an obligation=>a duty]] and [[a sliver=>an end]]."), entries);
        assertEquals(1, g.covered());
        assertEquals("a sliver", g.missing().get(0).spun());
    }

    @Test
    void aLongerEntryCoveringTheGoldWordsCounts() {
        // "officers mentioned" => "officials said" covers the gold edit "mentioned" => "said" inside it
        Coverage.GoldCoverage g = coverage.gold(Annotation.parse("Local [[officers=>officials]] [[mentioned=>said]] on Monday."), entries);
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
