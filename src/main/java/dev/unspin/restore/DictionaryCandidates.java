package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.List;
import java.util.function.Consumer;

/**
 * Candidates from phrase dictionaries: every entry whose spun phrase matches at a token, each of its
 * originals a candidate (a possessive ending carried over). Rules that are not margins but facts
 * about text: protected spans take only entries whose spun form is never prose; a capitalised word
 * inside a sentence is a name, changed only by such entries or by an exact-case entry naming it.
 */
public final class DictionaryCandidates implements CandidateGenerator {
    private final PhraseDictionary dictionary;
    private final Source family;

    public DictionaryCandidates(PhraseDictionary dictionary) {
        this(dictionary, null);
    }

    /** @param family the family of every candidate, or null to tell it from each entry's file ({@link Source#of}) */
    public DictionaryCandidates(PhraseDictionary dictionary, Source family) {
        this.dictionary = dictionary;
        this.family = family;
    }

    public PhraseDictionary dictionary() {
        return dictionary;
    }

    @Override
    public void propose(SentenceView v, int i, Consumer<Candidate> out) {
        Sentence s = v.sentence();
        List<Token> toks = s.tokens();
        for (PhraseDictionary.Match m : dictionary.matchesAt(toks, i)) {
            boolean guard = false;
            for (int k = m.start(); k < m.end() && !guard; k++) {
                guard = v.guarded(k);
            }
            for (Entry e : m.entries()) {
                if (e.kind() != Kind.ALWAYS && (guard || (!e.exactCase() && Candidates.looksLikeName(s, i)))) {
                    continue;
                }
                Source src = family != null ? family : Source.of(e);
                int rank = 0;
                for (String original : e.originals()) {
                    String repl = original + m.suffix();
                    if (!Candidates.doublesANeighbour(toks, i, m.end(), repl)) {
                        out.accept(new Candidate(i, m.end(), repl, v.idsOf(repl), src, rank, e));
                    }
                    rank++;
                }
            }
        }
    }
}
