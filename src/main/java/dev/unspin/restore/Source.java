package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import java.util.Locale;

/**
 * Where a candidate original comes from: the family of spinner moves it belongs to. The channel
 * model keeps one weight per family (re-estimated per document), and the calibrated decision learns
 * how far each family's candidates can be trusted.
 */
public enum Source {
    /** Curated entries whose spun form is never good prose ("working system"). */
    CURATED_ALWAYS,
    /** Curated entries whose spun form is good English somewhere ("mentioned"). */
    CURATED,
    /** Word moves mined from the tortured-phrase list. */
    SPINNER_WORDS,
    /** Generated news-spinner pairs (Moby ranked by the spinner-move model). */
    GENERATED,
    /** Sense-blind WordNet artefacts ("Associate in Nursing" for "an"). */
    ARTEFACT,
    /** Tortured science phrases. */
    TORTURED,
    /** Moves aligned from real spun pages and their originals. */
    HARVESTED,
    /** Multi-word padding of phrase spinners ("ended up being" for "was"). */
    PHRASE_SPINNER,
    /** Dictionaries the user passed with --dict (their own entries; a file `unspin learn` wrote is {@link #LEARNT}). */
    USER,
    /** PPDB word-level paraphrases. */
    PPDB,
    /** The ranked reverse thesaurus (Moby heads). */
    THESAURUS,
    /**
     * Moves learnt from a farm's own output (`unspin learn`, `fix --adapt`). Apart from {@link #USER} because they are
     * trusted at the farm's spin rate ({@code FarmLearner.trusting}), which a user's own entries are not. Like USER, no
     * training spin uses them: the bundled calibration gives both the weights 0.
     */
    LEARNT,
    /** Known multi-word terms put back word by word ({@link TermCandidates}: "arbitrary timberland" -> "random forest"). */
    TERM;

    /** The family of a dictionary entry, from the bundled file it was read from (its origin "file:line"). */
    public static Source of(Entry e) {
        String o = e.origin().toLowerCase(Locale.ROOT);
        int colon = o.lastIndexOf(':');
        String file = colon > 0 ? o.substring(0, colon) : o;
        file = file.substring(file.lastIndexOf('/') + 1);
        return switch (file) {
            case "news-core.txt" -> e.kind() == Kind.ALWAYS ? CURATED_ALWAYS : CURATED;
            case "spinner-words.txt" -> SPINNER_WORDS;
            case "news-spinner.txt" -> GENERATED;
            case "wordnet-artefacts.txt" -> ARTEFACT;
            case "science-tortured.txt" -> TORTURED;
            case "harvested-moves.txt" -> HARVESTED;
            case "phrase-spinner.txt" -> PHRASE_SPINNER;
            default -> e.kind() == Kind.THESAURUS ? THESAURUS : USER;
        };
    }
}
