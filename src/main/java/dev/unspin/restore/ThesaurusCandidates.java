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
    /**
     * A word's proposals, once worked out (inflection, entry): words repeat, and the table lookups with their
     * inflections were a fifth of decoding time. Bounded by the vocabulary the table knows; thread-safe.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Proposals> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** firsts and lasts: each original's first and last word, normalised, for the stutter check at every sighting */
    private record Proposals(Entry entry, List<String> originals, int[][] ids, String[] firsts, String[] lasts) {
    }

    private static final Proposals NONE = new Proposals(null, List.of(), new int[0][], new String[0], new String[0]);

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
        String key = t.key();
        // get first: computeIfAbsent locks the bin of a key that is not its first node, even when the key is there
        Proposals known = cache.get(key);
        Proposals p = known != null ? known : cache.computeIfAbsent(key, w -> {
            List<String> cands = table.originals(w);
            if (cands.isEmpty()) {
                return NONE;
            }
            int[][] ids = new int[cands.size()][];
            String[] firsts = new String[ids.length];
            String[] lasts = new String[ids.length];
            for (int k = 0; k < ids.length; k++) {
                String c = cands.get(k);
                ids[k] = v.idsOf(c);
                firsts[k] = Candidates.firstKey(c);
                lasts[k] = Candidates.lastKey(c);
            }
            return new Proposals(new Entry(List.of(w), cands, Kind.THESAURUS, false, source.name().toLowerCase(java.util.Locale.ROOT) + ":" + w),
                    cands, ids, firsts, lasts);
        });
        if (p.originals().isEmpty()) {
            return;
        }
        // Candidates.doublesANeighbour for the one-word span i, with the neighbours' keys worked out once
        List<Token> toks = s.tokens();
        String left = i > 0 ? toks.get(i - 1).key() : null;
        String here = key;
        String right = i + 1 < toks.size() ? toks.get(i + 1).key() : null;
        for (int rank = 0; rank < p.originals().size(); rank++) {
            String c = p.originals().get(rank);
            int[] ids = p.ids()[rank];
            if (ids.length > 0 && ids[0] >= 0 && !Candidates.doublesANeighbour(left, here, here, right, p.firsts()[rank], p.lasts()[rank])) {
                out.accept(new Candidate(i, i + 1, c, ids, source, rank, p.entry()));
            }
        }
    }
}
