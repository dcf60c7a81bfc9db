package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpinnerProfilesTest {
    /** A move (spun, original) of the given fold, found by trying numbered words. */
    private static String[] moveOfFold(String stem, int fold) {
        for (int n = 0; ; n++) {
            String spun = stem + " spun" + n;
            if (MoveTable.fold(spun, stem) == fold) {
                return new String[] {spun, stem};
            }
        }
    }

    private static Entry entry(String[] move, String file) {
        return new Entry(List.of(move[0].split(" ")), List.of(move[1]), Kind.CONTEXT, false, file + ":1");
    }

    @Test
    void theCalibrationsRestorerLacksTheHeldOutFoldAndOneMoreFoldOfTheTorturedPhrasesOnly() {
        List<Entry> entries = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            entries.add(entry(moveOfFold("random forest", fold), "science-tortured.txt"));
            entries.add(entry(moveOfFold("company", fold), "news-core.txt"));
        }
        PhraseDictionary d = SpinnerProfiles.forCalibration(new PhraseDictionary(entries));
        List<String> kept = d.entries().stream().map(e -> e.origin().split(":")[0] + "/" + MoveTable.fold(e.spunText(), e.originals().get(0))).toList();
        // news moves: every fold but the held-out one; tortured phrases: neither the held-out fold nor UNLISTED_TORTURED
        assertEquals(List.of("news-core.txt/1", "science-tortured.txt/2", "news-core.txt/2", "science-tortured.txt/3", "news-core.txt/3",
                "science-tortured.txt/4", "news-core.txt/4"), kept);
        assertTrue(SpinnerProfiles.UNLISTED_TORTURED != SpinnerProfiles.HELD_OUT);
        // the held-out protocol's own filter keeps the tortured phrases of that fold
        assertEquals(8, SpinnerProfiles.filter(new PhraseDictionary(entries), f -> f != SpinnerProfiles.HELD_OUT).size());
    }
}
