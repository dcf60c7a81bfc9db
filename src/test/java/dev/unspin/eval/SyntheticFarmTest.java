package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic farm's two sets: the tuning set A and the reporting set B never share an article. */
class SyntheticFarmTest {
    @TempDir
    Path tmp;

    @Test
    void theSetsAreDisjointEvenlySpreadAndOfTheSize() {
        int[][] s = SyntheticFarm.sets(2858, 1000);
        assertEquals(1000, s[0].length);
        assertEquals(1000, s[1].length);
        Set<Integer> a = new HashSet<>();
        for (int i : s[0]) {
            a.add(i);
        }
        for (int i : s[1]) {
            assertTrue(!a.contains(i) && i >= 0 && i < 2858, "article " + i);
        }
        assertEquals(1000, a.size());
        assertEquals(2855, s[0][999], "A runs evenly to the end: floor(999 * 2858 / 1000)");
        assertArrayEquals(new int[] {0, 2, 4}, SyntheticFarm.sets(7, 3)[0]);
        assertArrayEquals(new int[] {1, 3, 5}, SyntheticFarm.sets(7, 3)[1]);
        assertThrows(IllegalArgumentException.class, () -> SyntheticFarm.sets(5, 3));
    }

    /** A made farm of four articles and their annotations, as SyntheticFarm make leaves it. */
    private Path fourArticles(String name) throws java.io.IOException {
        Path farm = tmp.resolve(name);
        Files.createDirectories(farm.resolve("farm"));
        Files.createDirectories(farm.resolve("ann"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(farm.resolve("farm").resolve(String.format("a%04d.txt", i)), "text " + i);
            Files.writeString(farm.resolve("ann").resolve(String.format("a%04d.ann", i)), "ann " + i);
        }
        return farm;
    }

    @Test
    void splitCopiesEachSetsArticlesWithTheirAnnotations() throws Exception {
        Path farm = fourArticles("farm");
        SyntheticFarm.split(farm, tmp.resolve("out"), 2);
        try (var a = Files.list(tmp.resolve("out/A")); var b = Files.list(tmp.resolve("out/annB"))) {
            assertEquals(List.of("a0000.txt", "a0002.txt"), a.map(p -> p.getFileName().toString()).sorted().toList());
            assertEquals(List.of("a0001.ann", "a0003.ann"), b.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("text 3", Files.readString(tmp.resolve("out/B/a0003.txt")));
        assertEquals("ann 2", Files.readString(tmp.resolve("out/annA/a0002.ann")));
    }

    @Test
    void splitNamesTheSetsAsAsked() throws Exception {
        Path farm = fourArticles("farm2");
        SyntheticFarm.split(farm, tmp.resolve("out2"), 2, "CD");
        assertEquals("text 1", Files.readString(tmp.resolve("out2/D/a0001.txt")));
        assertEquals("ann 0", Files.readString(tmp.resolve("out2/annC/a0000.ann")));
        assertTrue(!Files.exists(tmp.resolve("out2/A")));
        assertThrows(IllegalArgumentException.class, () -> SyntheticFarm.split(farm, tmp.resolve("out3"), 2, "C"));
    }

    @Test
    void aSecondTableSharesNoWordWithTheExcludedOne() {
        MoveTable heldOut = new MoveTable();
        heldOut.add(new MoveTable.Move("tank", "can", dev.unspin.restore.Source.THESAURUS, 1), m -> true);
        heldOut.add(new MoveTable.Move("olden", "then", dev.unspin.restore.Source.THESAURUS, 1), m -> true);
        heldOut.add(new MoveTable.Move("confess", "own", dev.unspin.restore.Source.THESAURUS, 2), m -> true);
        heldOut.add(new MoveTable.Move("canister", "own", dev.unspin.restore.Source.PPDB, 1), m -> true);
        dev.unspin.dictionary.PhraseDictionary none = new dev.unspin.dictionary.PhraseDictionary(List.of());
        java.util.Map<String, Integer> counts = java.util.Map.of("can", 30, "then", 30, "own", 30);
        List<MoveTable.Move> all = new java.util.ArrayList<>();
        SyntheticFarm.table(heldOut, none, counts, 10, 20, 42, all);
        assertEquals(3, all.size(), all.toString());
        // without "can", "tank" or "confess": "then" is not an original, and "own" may only take its other spun form
        List<MoveTable.Move> second = new java.util.ArrayList<>();
        SyntheticFarm.table(heldOut, none, counts, 10, 20, 7, Set.of("can", "then", "confess"), second);
        assertEquals(List.of(new MoveTable.Move("canister", "own", dev.unspin.restore.Source.PPDB, 1)), second);
    }
}
