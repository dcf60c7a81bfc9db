package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.LemmaTable;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Candidates from a {@link LemmaTable} (WordNet synset co-members, a word's own Moby list): at a word, or a phrase of up
 * to the table's longest lemma, the originals the table lists for its lemma, inflected like it, best first. A single word
 * is asked about under the reverse thesaurus's rule ({@link ReverseThesaurus#asksAbout}: rare enough to be a spinner's
 * synonym, not a name); a phrase's words must each be plain lower-case words (the first may be capitalised where a
 * clause starts), outside protected spans.
 */
public final class LemmaCandidates implements CandidateGenerator {
    private final LemmaTable table;
    private final Source source;
    private final int perSpan;
    private final boolean commonWordsToo;

    /**
     * @param perSpan        candidates per word or phrase at most
     * @param commonWordsToo ask about single words however common (a measuring aid: the restorer does not guess at "the")
     */
    public LemmaCandidates(LemmaTable table, Source source, int perSpan, boolean commonWordsToo) {
        this.table = table;
        this.source = source;
        this.perSpan = perSpan;
        this.commonWordsToo = commonWordsToo;
    }

    @Override
    public void propose(SentenceView v, int i, Consumer<Candidate> out) {
        Sentence s = v.sentence();
        List<Token> toks = s.tokens();
        if (v.guarded(i) || Candidates.looksLikeName(s, i)) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (int end = i + 1; end <= Math.min(toks.size(), i + table.maxWords()); end++) {
            int k = end - 1;
            Token t = toks.get(k);
            if (!t.isWord() || v.guarded(k) || !plain(t.text(), k == i && s.startsClause(i))) {
                return;
            }
            if (k > i) {
                key.append(' ');
            }
            key.append(t.key());
            if (end == i + 1 && !(commonWordsToo ? v.ids(i).length == 1 && v.ids(i)[0] >= 0
                    : ReverseThesaurus.asksAbout(t.text(), s.startsClause(i), v.ids(i), v.unigram(i)))) {
                continue; // a common single word: perhaps the start of a phrase
            }
            String spun = key.toString();
            List<String> originals = table.originals(spun, perSpan);
            if (originals.isEmpty()) {
                continue;
            }
            Entry entry = new Entry(List.of(spun.split(" ")), originals, Kind.THESAURUS, false,
                    source.name().toLowerCase(Locale.ROOT) + ":" + spun);
            for (int rank = 0; rank < originals.size(); rank++) {
                String o = originals.get(rank);
                int[] ids = v.idsOf(o);
                if (known(ids) && !Candidates.doublesANeighbour(toks, i, end, o)) {
                    out.accept(new Candidate(i, end, o, ids, source, rank, entry));
                }
            }
        }
    }

    private static boolean known(int[] ids) {
        if (ids.length == 0) {
            return false;
        }
        for (int id : ids) {
            if (id < 0) {
                return false;
            }
        }
        return true;
    }

    /** Letters with inner hyphens or apostrophes, lower case but for a capital opening a clause. */
    private static boolean plain(String text, boolean mayCapitalise) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isUpperCase(c) ? k > 0 || !mayCapitalise : !Character.isLetter(c) && !((c == '-' || c == '\'' || c == '’') && k > 0)) {
                return false;
            }
        }
        return true;
    }
}
