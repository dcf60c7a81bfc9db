package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.List;
import java.util.function.Consumer;

/**
 * Word-level candidates from a ranked table of likely originals (the reverse thesaurus, PPDB):
 * for a single word that could be a spinner's synonym ({@link ReverseThesaurus#asksAbout}), each
 * original the table lists, inflected like the word, in the table's order. Compounds are repaired
 * word by word: the lattice lets the language model judge neighbouring guesses together.
 */
public final class ThesaurusCandidates implements CandidateGenerator {
    private final ReverseThesaurus table;
    private final Source source;

    public ThesaurusCandidates(ReverseThesaurus table, Source source) {
        this.table = table;
        this.source = source;
    }

    public Source source() {
        return source;
    }

    @Override
    public void propose(SentenceView v, int i, Consumer<Candidate> out) {
        Sentence s = v.sentence();
        Token t = s.tokens().get(i);
        if (v.guarded(i) || !ReverseThesaurus.asksAbout(t.text(), s.startsClause(i), v.ids(i), v.unigram(i))) {
            return;
        }
        List<String> cands = table.originals(t.key());
        if (cands.isEmpty()) {
            return;
        }
        Entry e = new Entry(List.of(t.key()), cands, Kind.THESAURUS, false, source.name().toLowerCase(java.util.Locale.ROOT) + ":" + t.key());
        int rank = 0;
        for (String c : cands) {
            int[] ids = v.idsOf(c);
            if (ids.length > 0 && ids[0] >= 0 && !Candidates.doublesANeighbour(s.tokens(), i, i + 1, c)) {
                out.accept(new Candidate(i, i + 1, c, ids, source, rank, e));
            }
            rank++;
        }
    }
}
