package dev.unspin.eval;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.LmScorer;
import dev.unspin.restore.CandidateGenerator;
import dev.unspin.restore.Generators;
import dev.unspin.restore.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The spinners of the training and held-out protocol, and the move folds they draw on. Held-out
 * evaluation spins with fold {@link #HELD_OUT} only and restores with that fold's dictionary
 * entries removed; training never spins with it.
 */
public final class SpinnerProfiles {
    private SpinnerProfiles() {
    }

    public static final int HELD_OUT = 0;

    /**
     * Spinner styles, each drawing on some families of moves: curated news moves, broad word spinners
     * (PPDB, thesaurus), generated pairs, science tortured phrases, phrase padding, and clean text. A rate
     * is the share of the words the spinner has a move for that it replaces: real word spinners replace
     * much of what their table knows, at 0.1-0.25 substitutions per word overall.
     */
    public static List<TrainingSpinner.Profile> profiles() {
        return List.of(
                new TrainingSpinner.Profile("clean", 0, Map.of()),
                new TrainingSpinner.Profile("curated", 0.5, Map.of(Source.CURATED, 1.0, Source.SPINNER_WORDS, 0.5, Source.CURATED_ALWAYS, 0.3,
                        Source.HARVESTED, 0.5, Source.PHRASE_SPINNER, 0.3)),
                new TrainingSpinner.Profile("ppdb", 0.3, Map.of(Source.PPDB, 1.0, Source.CURATED, 0.3)),
                new TrainingSpinner.Profile("clean", 0, Map.of()),
                new TrainingSpinner.Profile("thesaurus", 0.25, Map.of(Source.THESAURUS, 1.0, Source.GENERATED, 1.0, Source.PPDB, 0.3)),
                new TrainingSpinner.Profile("mixed", 0.4, Map.of(Source.CURATED, 1.0, Source.SPINNER_WORDS, 1.0, Source.GENERATED, 1.0,
                        Source.PPDB, 1.0, Source.THESAURUS, 1.0, Source.HARVESTED, 1.0, Source.PHRASE_SPINNER, 1.0, Source.ARTEFACT, 0.1,
                        Source.CURATED_ALWAYS, 0.3)),
                new TrainingSpinner.Profile("light", 0.08, Map.of(Source.CURATED, 1.0, Source.PPDB, 1.0, Source.THESAURUS, 0.5)),
                new TrainingSpinner.Profile("science", 0.4, Map.of(Source.TORTURED, 1.0, Source.SPINNER_WORDS, 1.0, Source.PPDB, 0.3)));
    }

    /** The tables with their harvested moves filtered to the folds keepFold accepts. */
    public static Generators.Tables withoutFolds(Generators.Tables t, IntPredicate keepFold) {
        return t.withHarvested(new PhraseDictionary[] {filter(t.harvested()[0], keepFold), filter(t.harvested()[1], keepFold)});
    }

    /**
     * The fold of the tortured-phrase list that the calibration's restorer lacks while its training spins still use it.
     * Tortured phrases that no list holds are what users meet (the list only ever names yesterday's), and they are
     * repaired from word moves and known terms ({@code TermCandidates}); with every spun tortured phrase listed, the
     * calibration would only ever see those candidates shadowed by a listed entry, and learn nothing of how far they hold.
     */
    public static final int UNLISTED_TORTURED = 1;

    /** The dictionary the calibration restores with: without the held-out fold, and without the tortured phrases of {@link #UNLISTED_TORTURED}. */
    public static PhraseDictionary forCalibration(PhraseDictionary all) {
        return filter(all, (e, fold) -> fold != HELD_OUT && !(fold == UNLISTED_TORTURED && Source.of(e) == Source.TORTURED));
    }

    /**
     * The standard generators without the held-out fold's moves: the dictionary's entries of it (the caller's dictionary,
     * {@link #filter}ed or {@link #forCalibration}) and the harvested moves'. What `unspin heldout` restores with, and the
     * calibration.
     */
    public static List<CandidateGenerator> withoutHeldOut(PhraseDictionary dict, Generators.Tables tables) {
        return Generators.standard(dict, withoutFolds(tables, f -> f != HELD_OUT), true, true);
    }

    /** The dictionary without the entries (originals) of the folds that keep rejects. */
    public static PhraseDictionary filter(PhraseDictionary d, IntPredicate keepFold) {
        return filter(d, (e, fold) -> keepFold.test(fold));
    }

    private static PhraseDictionary filter(PhraseDictionary d, java.util.function.BiPredicate<Entry, Integer> keep) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : d.entries()) {
            List<String> origs = new ArrayList<>();
            for (String o : e.originals()) {
                if (keep.test(e, MoveTable.fold(e.spunText(), o))) {
                    origs.add(o);
                }
            }
            if (!origs.isEmpty()) {
                out.add(new Entry(e.spun(), origs, e.kind(), e.exactCase(), e.origin()));
            }
        }
        return new PhraseDictionary(out);
    }

    /** The moves of the given folds: the dictionary's, the harvested moves', and the ranked tables' as the restorer would map them back. */
    public static MoveTable moves(PhraseDictionary dict, Generators.Tables tables, LmScorer scorer, IntPredicate folds) throws IOException {
        MoveTable t = new MoveTable();
        t.addDictionary(dict, m -> folds.test(m.fold()));
        t.addDictionary(tables.harvested()[0], Source.PHRASE_SPINNER, m -> folds.test(m.fold()));
        t.addDictionary(tables.harvested()[1], Source.HARVESTED, m -> folds.test(m.fold()));
        java.util.function.Predicate<String> asked = w -> {
            int[] ids = scorer.ids(w);
            return ReverseThesaurus.asksAbout(w, false, ids, scorer.unigramLogProb(ids));
        };
        t.addRanked(ReverseThesaurus.PPDB, Source.PPDB, tables.ppdb(), asked, m -> folds.test(m.fold()));
        t.addRanked(ReverseThesaurus.BUNDLED, Source.THESAURUS, tables.thesaurus(), asked, m -> folds.test(m.fold()));
        return t;
    }
}
