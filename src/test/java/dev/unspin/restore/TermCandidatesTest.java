package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermCandidatesTest {
    @TempDir
    Path dir;

    /** Two tortured-phrase entries give the terms; one word entry and a three-line table give the word moves. */
    private TermCandidates generator() throws Exception {
        Path t = dir.resolve("reverse.tsv");
        Files.writeString(t, "arbitrary\trandom,optional\nbotch\tmistake,error\nhuge\tbig\n");
        PhraseDictionary dict = new PhraseDictionary(List.of(
                new Entry(List.of("irregular", "woodland"), List.of("random forest"), Kind.CONTEXT, false, "science-tortured.txt:1"),
                new Entry(List.of("mean", "square", "blunder"), List.of("mean squared error"), Kind.CONTEXT, false, "science-tortured.txt:2"),
                new Entry(List.of("huge", "information"), List.of("big data"), Kind.ALWAYS, false, "science-tortured.txt:3"),
                new Entry(List.of("timberland"), List.of("forest"), Kind.CONTEXT, false, "spinner-words.txt:1"),
                // a news entry's original is no term: "operating system" is not offered from words
                new Entry(List.of("working", "system"), List.of("operating system"), Kind.ALWAYS, false, "news-core.txt:1")));
        return new TermCandidates(dict, List.of(ReverseThesaurus.read(t, w -> 0, 6)));
    }

    private static LmScorer scorer() {
        FakeLanguageModel m = StageFixtures.model();
        for (String w : List.of("random", "forest", "forests", "arbitrary", "timberland", "timberlands", "mean", "squared", "error", "botch",
                "we", "use", "an", "and", "big", "data", "huge", "information", "Arbitrary")) {
            m.word(w, -5);
        }
        return new LmScorer(m);
    }

    private List<String> proposed(String text) throws Exception {
        var s = StageFixtures.ANALYZER.sentences(text).get(0);
        Lattice l = Lattice.build(s, List.of(generator()), scorer(), new BitSet());
        return l.candidates().stream().map(c -> c.start() + "-" + c.end() + ":" + c.replacement() + ":" + c.source()).toList();
    }

    @Test
    void aTermWhoseWordsWereEachSwappedComesBackWhole() throws Exception {
        // arbitrary -> random (the table), timberland -> forest (a word entry): "random forest" is a known term
        assertEquals(List.of("3-5:random forest:TERM"), proposed("we use an arbitrary timberland"));
        // the plural of the term's last word is a term too
        assertEquals(List.of("2-4:random forests:TERM"), proposed("we use arbitrary timberlands ."));
    }

    @Test
    void wordsTheTermSharesAreTrimmedToTheChange() throws Exception {
        // "mean squared botch": only botch changes; the lattice keeps the change itself
        assertEquals(List.of("5-6:error:TERM"), proposed("we use a mean squared botch"));
    }

    @Test
    void onlyTorturedOriginalsAreTermsAndEveryWordMustBridge() throws Exception {
        assertTrue(proposed("we use a working system").isEmpty());
        // "arbitrary data": no term starts random ... data
        assertTrue(proposed("we use arbitrary data").isEmpty());
        // the term written as it is stays
        assertTrue(proposed("we use a random forest").isEmpty());
    }

    @Test
    void aCapitalisedWordInsideTheSentenceIsAName() throws Exception {
        assertTrue(proposed("we use Arbitrary timberland").isEmpty());
        assertEquals(List.of("0-2:random forest:TERM"), proposed("Arbitrary timberland and data"));
    }

    @Test
    void termsAreReadFromTheDictionaryGiven() throws Exception {
        // three tortured originals, each also in the plural
        assertEquals(6, generator().terms());
        assertTrue(new TermCandidates(new PhraseDictionary(List.of()), List.of()).terms() == 0);
    }
}
