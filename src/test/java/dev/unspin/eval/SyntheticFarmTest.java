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

    @Test
    void splitCopiesEachSetsArticlesWithTheirAnnotations() throws Exception {
        Path farm = tmp.resolve("farm");
        Files.createDirectories(farm.resolve("farm"));
        Files.createDirectories(farm.resolve("ann"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(farm.resolve("farm").resolve(String.format("a%04d.txt", i)), "text " + i);
            Files.writeString(farm.resolve("ann").resolve(String.format("a%04d.ann", i)), "ann " + i);
        }
        SyntheticFarm.split(farm, tmp.resolve("out"), 2);
        try (var a = Files.list(tmp.resolve("out/A")); var b = Files.list(tmp.resolve("out/annB"))) {
            assertEquals(List.of("a0000.txt", "a0002.txt"), a.map(p -> p.getFileName().toString()).sorted().toList());
            assertEquals(List.of("a0001.ann", "a0003.ann"), b.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("text 3", Files.readString(tmp.resolve("out/B/a0003.txt")));
        assertEquals("ann 2", Files.readString(tmp.resolve("out/annA/a0002.ann")));
    }
}
