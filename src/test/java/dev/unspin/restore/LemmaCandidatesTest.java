package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.dictionary.LemmaTable;
import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LemmaCandidatesTest {
    @TempDir
    Path dir;

    private LemmaTable table() throws Exception {
        Path t = dir.resolve("t.tsv");
        Files.writeString(t, String.join("\n", "# five lines", "mention\tv\tsay,cite,quux", "bring up\tv\tmention",
                "corporate\ta\tcompany", "safety\tn\tsecurity", "the\ta\ta") + "\n");
        return LemmaTable.read(t);
    }

    private static LmScorer scorer() {
        // the fixtures' words (common: unigram -3), and rarer ones the restorer guesses at; "quux" unknown
        FakeLanguageModel m = StageFixtures.model();
        for (String w : List.of("cite", "cited", "brought", "up", "mention", "mentioned", "bring")) {
            m.word(w, -5);
        }
        m.word("safety", -5).word("mentioned", -5).word("corporate", -5).word("the", -1);
        return new LmScorer(m);
    }

    private static List<String> proposed(Lattice l) {
        return l.candidates().stream().map(c -> c.start() + "-" + c.end() + ":" + c.replacement() + "#" + c.rank()).toList();
    }

    private Lattice lattice(String text, boolean common) throws Exception {
        var s = StageFixtures.ANALYZER.sentences(text).get(0);
        return Lattice.build(s, List.of(new LemmaCandidates(table(), Source.USER, 6, common)), scorer(), new BitSet());
    }

    @Test
    void wordsAndPhrasesGetTheirLemmasOriginalsInflectedAlike() throws Exception {
        // "mentioned" -> said, cited ("quux" is unknown to the model: dropped); "brought up" -> mentioned
        assertEquals(List.of("1-2:said#0", "1-2:cited#1", "4-6:mentioned#0", "7-8:security#0"),
                proposed(lattice("it mentioned a flaw brought up by safety experts", false)));
    }

    @Test
    void namesAndCommonWordsAreNotGuessedAt() throws Exception {
        // a capital inside the sentence is a name; "the" is too common for a guess unless asked
        assertTrue(lattice("it was the Corporate team", false).candidates().isEmpty());
        assertTrue(lattice("the flaw", false).candidates().isEmpty());
        assertEquals(List.of("0-1:a#0"), proposed(lattice("the flaw", true)));
    }

    @Test
    void aCapitalOpeningTheSentenceIsStillAWord() throws Exception {
        // the casing is carried over later, by the edit
        assertEquals(List.of("0-1:security#0"), proposed(lattice("Safety matters", false)));
    }
}
