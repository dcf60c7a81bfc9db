package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Inflector;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.text.Sentence;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Known multi-word terms put back word by word: a span of words each of which is the term's word or one of its
 * likely originals (a single-word dictionary entry, or a word table such as PPDB) is offered as the whole term
 * ("arbitrary timberland" -> "random forest", "mean squared botch" -> "mean squared error"). This is how tortured
 * phrases that no list holds become reachable: the spinner swaps the words of a term its thesaurus does not know as a
 * whole, and the term list says which combination a writer meant. The terms are the originals of the dictionary's
 * tortured-phrase entries ({@link Source#TORTURED}, so a held-out fold removed from the dictionary leaves its terms
 * too), with the last word also in the plural.
 */
public final class TermCandidates implements CandidateGenerator {
    /** The longest term matched, in words: the list's terms of five words and more are a few dozen. */
    static final int MAX_WORDS = 4;

    /** The dictionary's terms by first word ({@link PhraseDictionary#derived}: worked out once per dictionary). */
    private record Index(Map<String, List<String[]>> byFirst) {
    }

    /** By first word: the terms, each as its words, normalised. */
    private final Map<String, List<String[]>> byFirst;
    private final PhraseDictionary dictionary;
    private final Inflector inflector = Inflector.english();
    private final List<ReverseThesaurus> tables;
    /**
     * A word's possible originals, worked out once per word (the tables' inflection is the costly part). Only words the
     * language model knows are asked about, so it is bounded by the model's vocabulary; thread-safe.
     */
    private final ConcurrentHashMap<String, Set<String>> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String[][]> firstCache = new ConcurrentHashMap<>();

    /**
     * @param dictionary its tortured-phrase entries give the terms, its single-word entries the word moves
     * @param tables     word tables of likely originals (the standard generators give PPDB), possibly none
     */
    public TermCandidates(PhraseDictionary dictionary, List<ReverseThesaurus> tables) {
        this.dictionary = dictionary;
        this.tables = List.copyOf(tables);
        this.byFirst = dictionary.derived(Index.class, TermCandidates::index).byFirst();
    }

    /**
     * Works out the dictionary's term index now, for a start-up thread that has just loaded it. Only the terms are
     * indexed (a word's moves are looked up in the dictionary when the word is first met); still, that takes about 15 ms,
     * which a shell pipe otherwise spent waiting before its first sentence.
     */
    public static void prepare(PhraseDictionary dictionary) {
        dictionary.derived(Index.class, TermCandidates::index);
    }

    private static Index index(PhraseDictionary dictionary) {
        Inflector inflector = Inflector.english();
        Map<String, List<String[]>> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Entry e : dictionary.entries()) {
            if (Source.of(e) != Source.TORTURED) {
                continue;
            }
            for (String o : e.originals()) {
                String[] words = o.toLowerCase(Locale.ROOT).split(" ");
                if (words.length < 2 || words.length > MAX_WORDS) {
                    continue;
                }
                add(words, seen, out);
                String[] plural = words.clone();
                plural[plural.length - 1] = inflector.plural(words[words.length - 1]);
                add(plural, seen, out);
            }
        }
        return new Index(out);
    }

    private static void add(String[] words, Set<String> seen, Map<String, List<String[]>> byFirst) {
        for (int k = 0; k < words.length; k++) {
            words[k] = Token.normalise(words[k]);
        }
        if (seen.add(String.join(" ", words))) {
            byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
    }

    /** How many terms (with their plurals) the generator knows. */
    public int terms() {
        return byFirst.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void propose(SentenceView v, int i, Consumer<Candidate> out) {
        Sentence s = v.sentence();
        List<Token> toks = s.tokens();
        Token first = toks.get(i);
        if (!first.isWord() || v.guarded(i) || Candidates.looksLikeName(s, i)) {
            return;
        }
        for (String[] term : startingAt(v, i)) {
            int kept = kept(v, i, term);
            if (kept >= 0) {
                String text = String.join(" ", term);
                String spun = spunText(toks, i, i + term.length);
                Entry reason = new Entry(List.of(spun.split(" ")), List.of(text), Kind.THESAURUS, false, "term:" + text);
                // the rank is how many of the term's words the text already has: the channel fits how a match of
                // every word swapped ("arbitrary timberland") compares with one inside a term ("mean squared botch")
                out.accept(new Candidate(i, i + term.length, text, v.idsOf(text), Source.TERM, kept, reason));
            }
        }
    }

    /**
     * When tokens i.. read as the term word by word with at least one word changed, how many of its words they already
     * have; otherwise -1.
     */
    private int kept(SentenceView v, int i, String[] term) {
        List<Token> toks = v.sentence().tokens();
        if (i + term.length > toks.size()) {
            return -1;
        }
        int kept = 0;
        for (int j = 0; j < term.length; j++) {
            Token t = toks.get(i + j);
            if (!t.isWord() || v.guarded(i + j) || (j > 0 && Candidates.looksLikeName(v.sentence(), i + j))) {
                return -1;
            }
            if (t.key().equals(term[j])) {
                kept++;
            } else if (!originals(v, i + j).contains(term[j])) {
                return -1;
            }
        }
        return kept < term.length && !Candidates.doublesANeighbour(toks, i, i + term.length, String.join(" ", term)) ? kept : -1;
    }

    /**
     * The terms whose first word token i's word may stand for, worked out once per word: most words start none, and this
     * runs at every word of every sentence (a lookup per original of the word, each time, cost about a seventh of
     * decoding). Bounded as {@link #cache} is.
     */
    private String[][] startingAt(SentenceView v, int i) {
        String word = v.sentence().tokens().get(i).key();
        String[][] known = firstCache.get(word);
        if (known != null) {
            return known;
        }
        List<String[]> found = new ArrayList<>();
        for (String o : originals(v, i)) {
            found.addAll(byFirst.getOrDefault(o, List.of()));
        }
        String[][] terms = found.toArray(new String[0][]);
        int[] ids = v.ids(i);
        // words the model does not know are not cached (see cache); they start only terms written as they are
        return ids.length == 0 || ids[0] < 0 ? terms : firstCache.computeIfAbsent(word, w -> terms);
    }

    /** Token i's word itself and every original the dictionary's word entries and the tables give for it. */
    private Set<String> originals(SentenceView v, int i) {
        String word = v.sentence().tokens().get(i).key();
        int[] ids = v.ids(i);
        if (ids.length == 0 || ids[0] < 0) {
            return Set.of(word);
        }
        Set<String> known = cache.get(word);
        return known != null ? known : cache.computeIfAbsent(word, w -> {
            Set<String> o = new HashSet<>();
            o.add(w);
            addWordMoves(w, false, o);
            // a plural whose singular has word entries: a term's last word is often plural, and entries name the singular
            int n = w.length();
            for (String base : n < 4 || !w.endsWith("s") ? List.<String>of()
                    : List.of(w.substring(0, n - 1), w.substring(0, n - 2), w.endsWith("ies") ? w.substring(0, n - 3) + "y" : w)) {
                if (!base.equals(w) && inflector.plural(base).equals(w)) {
                    addWordMoves(base, true, o);
                }
            }
            // the tables only for a word rare enough to be a spinner's synonym, the rule their own generators keep (on the
            // lower-case key, so that every occurrence of the word gets the same answer); common words cost start-up time
            boolean ask = ReverseThesaurus.asksAbout(w, true, ids, v.unigram(i));
            for (ReverseThesaurus t : ask ? tables : List.<ReverseThesaurus>of()) {
                for (String c : t.originals(w)) {
                    if (c.indexOf(' ') < 0) {
                        o.add(Token.normalise(c));
                    }
                }
            }
            return Set.copyOf(o);
        });
    }

    /** The one-word originals of the dictionary's entries for this one word, in the plural if asked. */
    private void addWordMoves(String word, boolean plural, Set<String> out) {
        for (Entry e : dictionary.lookup(List.of(word))) {
            for (String o : e.originals()) {
                if (o.indexOf(' ') < 0) {
                    out.add(Token.normalise(plural ? inflector.plural(o) : o));
                }
            }
        }
    }

    private static String spunText(List<Token> toks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                b.append(' ');
            }
            b.append(toks.get(k).text());
        }
        return b.toString();
    }
}
