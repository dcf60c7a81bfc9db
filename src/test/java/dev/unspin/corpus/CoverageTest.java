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
        Annotation a = Annotation.parse("The [[corporate=>company]] [[mentioned=>said]] it would [[broaden=>expand]] the "
                + "[[working system=>operating system]] and [[frobnicate=>update|?]] it.");
        Coverage.GoldCoverage g = coverage.gold(a);
        assertEquals(4, g.required(), "the optional edit does not count");
        assertEquals(3, g.covered());
        assertEquals("broaden", g.missing().get(0).spun());
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
        Map<String, List<String>> reverse = Map.of("fracture", List.of("break", "crack"));
        coverage.suspects(0, "After the long meeting the lawmakers took a short fracture before the vote.", -4.0, reverse, out);
        coverage.suspects(1, "The players needed a fracture after the first half.", -4.0, reverse, out);
        Coverage.Suspect s = out.get("fracture");
        assertNotNull(s, out.keySet().toString());
        assertEquals(2, s.docs.size());
        assertEquals("break", s.bestOriginal());
        assertTrue(s.example.contains("short fracture"), s.example);
    }
}
