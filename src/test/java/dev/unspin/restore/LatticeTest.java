package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.ProtectedSpans;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatticeTest {
    private final LmScorer scorer = new LmScorer(StageFixtures.model());

    @Test
    void candidatesAreTrimmedOfSharedWordsAndKeptOnce() {
        Lattice l = StageFixtures.lattice("the brand new system", scorer);
        assertEquals(1, l.candidates().size());
        Candidate c = l.candidates().get(0);
        // "the brand new" -> "the new" shares "the" with the text: trimmed, it is the same change as "brand new" -> "new"
        assertEquals("new", c.replacement());
        assertEquals(1, c.start());
        assertEquals(3, c.end());
    }

    @Test
    void anAlwaysEntryKeepsItsChangeWhenAnEarlierGeneratorOffersItToo() {
        // learnt moves are asked first; "working => operating" is the same change as the bundled always-entry trimmed
        PhraseDictionary learnt = new PhraseDictionary(List.of(new Entry(List.of("working"), List.of("operating"), Kind.CONTEXT, false, "farm.dict:3")));
        var s = StageFixtures.ANALYZER.sentences("the working system").get(0);
        Lattice l = Lattice.build(s, List.of(new DictionaryCandidates(learnt, Source.LEARNT), new DictionaryCandidates(StageFixtures.dictionary())),
                scorer, new BitSet());
        List<Candidate> operating = l.candidates().stream().filter(c -> c.replacement().equals("operating")).toList();
        assertEquals(1, operating.size(), l.candidates().toString());
        assertEquals(Kind.ALWAYS, operating.get(0).entry().kind());
        assertEquals(Source.CURATED_ALWAYS, operating.get(0).source());
        // the other way round the first offer stays: a learnt move does not displace a bundled one
        Lattice plain = Lattice.build(s, List.of(new DictionaryCandidates(StageFixtures.dictionary()), new DictionaryCandidates(learnt, Source.LEARNT)),
                scorer, new BitSet());
        assertEquals(Source.CURATED_ALWAYS, plain.candidates().stream().filter(c -> c.replacement().equals("operating")).findFirst().orElseThrow().source());
    }

    @Test
    void windowGainComparesTheCandidateWithTheWordsAsWritten() {
        Lattice l = StageFixtures.lattice("the working system", scorer);
        // trimmed of the shared "system", the candidate is "working" -> "operating"
        int k = ForwardBackwardTest.indexOf(l, "operating");
        // operating->system -0.5 replaces working->system (unigram -3): the rest of the window is the same
        assertEquals(2.5, l.localGain(k), 1e-9);
        assertEquals(3, l.words());
    }

    @Test
    void protectedSpansTakeOnlyEntriesWhoseSpunFormIsNeverProse() {
        String text = "see https://example.com/safety and the working system";
        var s = StageFixtures.ANALYZER.sentences(text).get(0);
        BitSet guarded = ProtectedSpans.of(text, false);
        Lattice l = Lattice.build(s, List.of(new DictionaryCandidates(StageFixtures.dictionary())), scorer, guarded);
        assertTrue(l.candidates().stream().noneMatch(c -> c.replacement().equals("security")));
        assertTrue(l.candidates().stream().anyMatch(c -> c.replacement().equals("operating")));
    }

    @Test
    void namesInsideASentenceAreNotGuessedAt() {
        Lattice l = StageFixtures.lattice("the Corporate team said", scorer);
        assertTrue(l.candidates().isEmpty(), l.candidates().toString());
    }
}
