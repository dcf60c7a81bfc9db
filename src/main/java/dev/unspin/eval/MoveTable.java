package dev.unspin.eval;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Inflector;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.restore.Source;
import dev.unspin.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The moves a spinner can make, indexed by the original they replace: the restorer's own candidate
 * space run backwards (dictionary entries, and the ranked word tables with every inflected form the
 * restorer would map back), so that every synthetic spin is one the restorer could in principle undo,
 * and is labelled with the family and rank the restorer will see. Moves are split into five folds by a
 * stable hash of (spun, original): training spins never use the held-out fold, and held-out evaluation
 * spins only with it.
 */
public final class MoveTable {
    public record Move(String spun, String original, Source source, int rank) {
        public int fold() {
            return MoveTable.fold(spun, original);
        }
    }

    public static final int FOLDS = 5;

    private final Map<String, List<Move>> byOriginal = new HashMap<>();
    private int maxLength = 1;

    /** The fold of a move: stable across runs and machines. */
    public static int fold(String spun, String original) {
        String k = Token.normalise(spun) + "=>" + Token.normalise(original);
        int h = 0;
        for (int i = 0; i < k.length(); i++) {
            h = 31 * h + k.charAt(i);
        }
        return Math.floorMod(h ^ (h >>> 16), FOLDS);
    }

    public void add(Move m, Predicate<Move> keep) {
        if (!keep.test(m) || Token.normalise(m.spun()).equals(Token.normalise(m.original()))) {
            return;
        }
        String key = Token.normalise(m.original());
        byOriginal.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        maxLength = Math.max(maxLength, key.split(" ").length);
    }

    /** Every dictionary entry's originals, as moves of the entry's family. */
    public void addDictionary(PhraseDictionary dict, Predicate<Move> keep) {
        addDictionary(dict, null, keep);
    }

    /** As {@link #addDictionary(PhraseDictionary, Predicate)}, every move of the given family (null: the entry's). */
    public void addDictionary(PhraseDictionary dict, Source family, Predicate<Move> keep) {
        for (Entry e : dict.entries()) {
            int r = 0;
            for (String o : e.originals()) {
                add(new Move(e.spunText(), o, family != null ? family : Source.of(e), r++), keep);
            }
        }
    }

    /**
     * A ranked word table (word TAB original,...): for each listed word and each of its inflected forms
     * the model knows, the originals the restorer would propose for that form, at their rank.
     */
    public void addRanked(String resource, Source source, ReverseThesaurus restorerView, Predicate<String> known, Predicate<Move> keep)
            throws IOException {
        Inflector inf = Inflector.english();
        try (InputStream in = MoveTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("bundled resource " + resource + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab <= 0) {
                    continue;
                }
                String w = line.substring(0, tab);
                List<String> forms = new ArrayList<>(List.of(w));
                for (String f : inf.verbForms(w)) {
                    if (!forms.contains(f)) {
                        forms.add(f);
                    }
                }
                String pl = inf.plural(w);
                if (!forms.contains(pl)) {
                    forms.add(pl);
                }
                for (String f : forms) {
                    if (!known.test(f)) {
                        continue;
                    }
                    int rank = 0;
                    for (String o : restorerView.originals(f)) {
                        add(new Move(f, o, source, rank++), keep);
                    }
                }
            }
        }
    }

    public List<Move> movesFor(String normalisedOriginal) {
        return byOriginal.getOrDefault(normalisedOriginal, List.of());
    }

    public int maxLength() {
        return maxLength;
    }

    public int size() {
        int n = 0;
        for (List<Move> l : byOriginal.values()) {
            n += l.size();
        }
        return n;
    }
}
