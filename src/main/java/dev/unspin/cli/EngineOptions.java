package dev.unspin.cli;

import dev.unspin.ModelNotFoundException;
import dev.unspin.ModelPaths;
import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by every command that restores text: dictionaries and language model. */
final class EngineOptions {
    /** What Main started loading early for a restoring command (null: load it when needed). */
    private final Future<Preloaded> preloaded;

    /** The OpenNLP models and the bundled dictionaries, which every restoring run needs whatever its options. */
    record Preloaded(TextAnalyzer analyzer, PhraseDictionary bundled, Future<dev.unspin.restore.Generators.Tables> tables) {
    }

    EngineOptions() {
        this(null);
    }

    EngineOptions(Future<Preloaded> preloaded) {
        this.preloaded = preloaded;
    }

    /**
     * Starts loading the OpenNLP models and the bundled dictionaries on a daemon thread (it never
     * holds up the JVM's exit), while picocli parses the command line on the main thread.
     */
    static Future<Preloaded> preload() {
        // the word tables (PPDB, thesaurus, harvested moves) on a thread of their own: a --no-lm run never waits for them
        FutureTask<dev.unspin.restore.Generators.Tables> tables = new FutureTask<>(dev.unspin.restore.Generators.Tables::bundled);
        FutureTask<Preloaded> task = new FutureTask<>(() -> {
            TextAnalyzer a = TextAnalyzer.english();
            return new Preloaded(a, new DictionaryLoader(a).load(true, List.of()), tables);
        });
        for (Runnable r : List.<Runnable>of(task, tables)) {
            Thread t = new Thread(r, "unspin-preload");
            t.setDaemon(true);
            t.start();
        }
        return task;
    }

    private static dev.unspin.restore.Generators.Tables tables(Future<dev.unspin.restore.Generators.Tables> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while loading the word tables");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Preloaded preloaded() throws IOException, DictionaryException {
        try {
            return preloaded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while loading the OpenNLP models and dictionaries");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof DictionaryException d) {
                throw d;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c.getMessage(), c);
        }
    }

    /** The OpenNLP analyzer: the preloaded one, or loaded now. */
    TextAnalyzer analyzer() throws IOException {
        if (preloaded == null) {
            return TextAnalyzer.english();
        }
        try {
            return preloaded().analyzer();
        } catch (DictionaryException e) {
            // the bundled dictionaries failed on the preload thread; the analyzer alone is still wanted
            return TextAnalyzer.english();
        }
    }

    /** The bundled dictionaries (unless --no-bundled-dicts) and the --dict files, as DictionaryLoader.load gives them. */
    PhraseDictionary dictionary(TextAnalyzer analyzer) throws IOException, DictionaryException {
        if (preloaded == null || noBundled) {
            return new DictionaryLoader(analyzer).load(!noBundled, dicts);
        }
        PhraseDictionary bundled = preloaded().bundled();
        if (dicts.isEmpty()) {
            return bundled;
        }
        // the same entries in the same order as load(true, dicts): bundled first, then each file
        List<Entry> all = new ArrayList<>(bundled.entries());
        all.addAll(new DictionaryLoader(analyzer).load(false, dicts).entries());
        return new PhraseDictionary(all);
    }

    /** The command this mixin belongs to (null when constructed directly): where notices go. */
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--dict", paramLabel = "FILE", description = "Extra dictionary file, on top of the bundled ones (repeatable).")
    List<Path> dicts = new ArrayList<>();

    @Option(names = "--no-bundled-dicts", description = "Use only the --dict files.")
    boolean noBundled;

    @Option(names = "--lm", paramLabel = "MODEL", description = "Language model (.ulm). Default: $UNSPIN_LM, else models/en-us.ulm beside the jar, else the user cache "
                    + "(~/.cache/unspin/en-us.ulm), which the first run fills from a copy on this machine (see 'unspin setup').")
    Path lm;

    @Option(names = "--no-lm", description = "No language model: apply only 'always' entries (fast, conservative).")
    boolean noLm;

    @Option(names = "--confidence", paramLabel = "P", converter = Values.Share.class,
            description = "Apply a repair when its calibrated probability of restoring the original is at least P (0-1): higher is more "
                    + "precise, lower finds more. Default: the bundled calibration's, chosen for precision 0.95 on held-out spins.")
    Double confidence;

    @Option(names = "--protect-quotes", description = "Leave quoted speech to unambiguous entries only (spinners rewrite quotes too, so off by default).")
    boolean protectQuotes;

    @Option(names = "--no-broad", description = "Candidates from the dictionaries only: no PPDB paraphrases and no reverse-thesaurus guesses "
            + "(faster; misses spins no dictionary lists).")
    boolean noBroad;

    @Option(names = "--thesaurus", paramLabel = "FILE",
            description = "An extra thesaurus whose likely originals become candidates for single words: a Moby-format file (head,syn,...), "
                    + "or word<TAB>original,... lines, best first. The bundled ranked reverse thesaurus and PPDB are on by default.")
    String thesaurus;

    /** The extra thesaurus asked for, or null; candidates the model does not know are dropped. */
    ReverseThesaurus reverseThesaurus(NgramModel m) throws IOException {
        if (thesaurus == null) {
            return null;
        }
        java.util.function.ToDoubleFunction<String> rank = w -> {
            int id = m.id(w);
            return id < 0 ? Double.NaN : m.unigramLogProb(id);
        };
        return ReverseThesaurus.load(Path.of(thesaurus), rank, MAX_GUESSES);
    }

    /** Candidate originals per guessed word: the ranked file holds 8; Moby's, ranked by frequency, are cut at 20. */
    private static final int MAX_GUESSES = 20;

    NgramModel openModel() throws IOException {
        return NgramModel.open(modelPath());
    }

    /**
     * The model file: --lm (which must exist), else the default lookup (a wrong $UNSPIN_LM is an error),
     * else the first run's import into the user cache, announced in one line on stderr.
     */
    Path modelPath() throws IOException {
        if (lm != null) {
            return ModelPaths.checkNamed(lm, "--lm");
        }
        ModelPaths paths = ModelPaths.system();
        Path p = paths.find();
        if (p != null) {
            return p;
        }
        List<Path> sources = paths.importSources();
        if (sources.isEmpty()) {
            throw new ModelNotFoundException(paths.notFoundMessage());
        }
        ModelPaths.Installed done = ModelPaths.install(sources.get(0), paths.userCache());
        PrintWriter err = mixee != null ? mixee.commandLine().getErr() : new PrintWriter(System.err, true);
        err.printf(Locale.ROOT, "unspin: first run: installed the language model %s from %s (%.1f s, once)%n", done.target(), done.source(), done.seconds());
        err.flush();
        return done.target();
    }

    Restorer restorer() throws IOException, DictionaryException {
        TextAnalyzer analyzer = analyzer();
        PhraseDictionary dict = dictionary(analyzer);
        LmScorer scorer = noLm ? null : new LmScorer(openModel());
        if (scorer == null) {
            return new Restorer(analyzer, dict, null, Options.defaults().withProtectedQuotes(protectQuotes));
        }
        dev.unspin.restore.Generators.Tables tables = preloaded != null ? tables(preloaded().tables()) : dev.unspin.restore.Generators.Tables.bundled();
        List<dev.unspin.restore.CandidateGenerator> gens = new ArrayList<>(dev.unspin.restore.Generators.standard(dict, tables, !noBroad, !noBroad));
        ReverseThesaurus extra = reverseThesaurus(scorer.model());
        if (extra != null) {
            gens.add(new dev.unspin.restore.ThesaurusCandidates(extra, dev.unspin.restore.Source.USER));
        }
        dev.unspin.restore.Calibration cal = dev.unspin.restore.Calibration.bundled();
        return new Restorer(analyzer, gens, scorer, confidence == null ? cal : cal.withConfidence(confidence), protectQuotes);
    }

    /**
     * For `learn` and `fix --adapt` (kept apart from {@link #restorer()}): the restorer's parts, so that a restorer with the
     * learnt moves proposed first (family USER) can be made from them. Needs the language model.
     */
    dev.unspin.restore.FarmLearner.Engine farmEngine() throws IOException, DictionaryException {
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(!noBundled, dicts);
        LmScorer scorer = new LmScorer(openModel());
        return new dev.unspin.restore.FarmLearner.Engine(analyzer, dev.unspin.restore.Generators.standard(dict, true, true), scorer,
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
