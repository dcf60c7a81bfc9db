package dev.unspin.restore;

import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The standard candidate generators: the phrase dictionaries, known terms put back word by word, the harvested moves, then PPDB's and the reverse thesaurus's word-level candidates. */
public final class Generators {
    private Generators() {
    }

    /** Candidates per word from each ranked table (both hold 8, best first): the first six hold most of the right ones, and each costs decoding time. */
    public static final int PER_WORD = 6;

    /**
     * @param ppdb      add PPDB word-level paraphrases (dictionaries/ppdb-reverse.txt)
     * @param thesaurus add the ranked reverse thesaurus (dictionaries/reverse-thesaurus.txt)
     */
    public static List<CandidateGenerator> standard(PhraseDictionary dict, boolean ppdb, boolean thesaurus) throws IOException {
        return standard(dict, Tables.bundled(), ppdb, thesaurus);
    }

    /**
     * The bundled word tables and harvested moves. They need no language model (their build kept only words the bundled
     * model knows, and a candidate the model does not know is dropped when proposed), so they load while the model opens.
     */
    public record Tables(ReverseThesaurus ppdb, ReverseThesaurus thesaurus, PhraseDictionary[] harvested) {
        public static Tables bundled() throws IOException {
            ToDoubleFunction<String> any = w -> 0;
            return new Tables(ReverseThesaurus.resource(ReverseThesaurus.PPDB, any, PER_WORD),
                    ReverseThesaurus.resource(ReverseThesaurus.BUNDLED, any, PER_WORD), HarvestedMoves.bundled());
        }

        /** The same word tables with other harvested moves (phrase, word), e.g. without a held-out fold. */
        public Tables withHarvested(PhraseDictionary[] other) {
            return new Tables(ppdb, thesaurus, other);
        }
    }

    /** The standard generators over tables already loaded. */
    public static List<CandidateGenerator> standard(PhraseDictionary dict, Tables t, boolean ppdb, boolean thesaurus) {
        List<CandidateGenerator> out = new ArrayList<>();
        out.add(new DictionaryCandidates(dict));
        // after the dictionary (a change one of its entries offers keeps that entry's family), before the broad tables. Its
        // words bridge through the word entries and PPDB only: with the reverse thesaurus's looser links (antonyms among
        // them: decrease -> increase) as well, held-out tortured phrases alone restored 47 instead of 50, the science
        // sample 9 of 11 instead of 10, clean pieces 20 changes instead of 24 in 394k words, all else within 0.003
        // (refits of 2026-12-02)
        out.add(new TermCandidates(dict, ppdb ? List.of(t.ppdb()) : List.of()));
        out.add(new DictionaryCandidates(t.harvested()[0], Source.PHRASE_SPINNER));
        out.add(new DictionaryCandidates(t.harvested()[1], Source.HARVESTED));
        if (ppdb) {
            out.add(new ThesaurusCandidates(t.ppdb(), Source.PPDB));
        }
        if (thesaurus) {
            out.add(new ThesaurusCandidates(t.thesaurus(), Source.THESAURUS));
        }
        return out;
    }

}
