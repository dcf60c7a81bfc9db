package dev.unspin.cli;

import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that restores text: dictionaries and language model. */
final class EngineOptions {
    @Option(names = "--dict", paramLabel = "FILE", description = "Extra dictionary file, on top of the bundled ones (repeatable).")
    List<Path> dicts = new ArrayList<>();

    @Option(names = "--no-bundled-dicts", description = "Use only the --dict files.")
    boolean noBundled;

    @Option(names = "--lm", paramLabel = "MODEL", description = "Language model (.ulm). Default: $UNSPIN_LM, else models/en-us.ulm beside the jar, else ~/.cache/unspin/en-us.ulm.")
    Path lm;

    @Option(names = "--no-lm", description = "No language model: apply only 'always' entries (fast, conservative).")
    boolean noLm;

    @Option(names = "--margin", paramLabel = "LOG10", description = "Context entries fire only when the sentence becomes this much more probable (log10). Default: ${DEFAULT-VALUE}.")
    double margin = Options.defaults().contextMargin();

    @Option(names = "--protect-quotes", description = "Leave quoted speech to unambiguous entries only (spinners rewrite quotes too, so off by default).")
    boolean protectQuotes;

    @Option(names = "--guess-margin", paramLabel = "LOG10", description = "Extra margin for thesaurus guesses and 'guess' entries, on top of --margin. Default: ${DEFAULT-VALUE}.")
    double guessMargin = Options.defaults().guessMargin();

    @Option(names = "--thesaurus", paramLabel = "bundled|FILE",
            description = "Reverse thesaurus for words no entry covers: their likely originals become candidates, at the stricter 'guess' margin "
                    + "plus 0.3 for each better-ranked candidate. "
                    + "'bundled': Moby heads ranked by a model of real spinner moves; or a Moby-format file (head,syn,...), "
                    + "or word<TAB>original,... lines, best first. Off by default (it costs precision).")
    String thesaurus;

    static final String BUNDLED_THESAURUS = "bundled";

    /** The reverse thesaurus asked for, or null; candidates the model does not know are dropped. */
    ReverseThesaurus reverseThesaurus(NgramModel m) throws IOException {
        if (thesaurus == null) {
            return null;
        }
        java.util.function.ToDoubleFunction<String> rank = w -> {
            int id = m.id(w);
            return id < 0 ? Double.NaN : m.unigramLogProb(id);
        };
        return thesaurus.equals(BUNDLED_THESAURUS) ? ReverseThesaurus.bundled(rank, MAX_GUESSES)
                : ReverseThesaurus.load(Path.of(thesaurus), rank, MAX_GUESSES);
    }

    /** Candidate originals per guessed word: the ranked file holds 8; Moby's, ranked by frequency, are cut at 20. */
    private static final int MAX_GUESSES = 20;

    NgramModel openModel() throws IOException {
        Path p = lm != null ? lm : ModelLocator.find();
        if (p == null) {
            throw new ModelMissingException("no language model found (looked in " + ModelLocator.candidates()
                    + "); run the setup command from the README, or pass --lm MODEL or --no-lm");
        }
        return NgramModel.open(p);
    }

    Restorer restorer() throws IOException, DictionaryException {
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(!noBundled, dicts);
        LmScorer scorer = noLm ? null : new LmScorer(openModel());
        if (scorer == null) {
            return new Restorer(analyzer, dict, null, Options.defaults().withProtectedQuotes(protectQuotes));
        }
        return new Restorer(analyzer, dev.unspin.restore.Generators.standard(dict, scorer, true, true), scorer,
                dev.unspin.restore.Calibration.bundled(), protectQuotes);
    }

    /**
     * For `learn` and `fix --adapt` (kept apart from {@link #restorer()}): the restorer's parts, so that a restorer with the
     * learnt moves proposed first (family USER) can be made from them. Needs the language model.
     */
    dev.unspin.restore.FarmLearner.Engine farmEngine() throws IOException, DictionaryException {
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(!noBundled, dicts);
        LmScorer scorer = new LmScorer(openModel());
        return new dev.unspin.restore.FarmLearner.Engine(analyzer, dev.unspin.restore.Generators.standard(dict, scorer, true, true), scorer,
                dev.unspin.restore.Calibration.bundled(), protectQuotes);
    }

    /** The model cannot be found: exit code MODEL, like a corrupt one. */
    static final class ModelMissingException extends IOException {
        private static final long serialVersionUID = 1L;

        ModelMissingException(String m) {
            super(m);
        }
    }
}
