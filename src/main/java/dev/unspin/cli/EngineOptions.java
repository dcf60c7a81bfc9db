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
    private final Preloaded preloaded;

    /**
     * What every restoring run needs whatever its options, each loading on a thread of its own while
     * picocli parses the command line: the OpenNLP models, the bundled dictionaries, the word tables
     * and (unless --lm or --no-lm is given) the default language model. A small article's run is
     * mostly this loading, and the parts are independent, so a pipe's start-up is the longest of
     * them instead of their sum. tables and model are null when they are not preloaded.
     */
    record Preloaded(Future<TextAnalyzer> analyzer, Future<PhraseDictionary> bundled,
                     Future<dev.unspin.restore.Generators.Tables> tables, Future<OpenedModel> model) {
    }

    /** A model opened early, and the file it came from (used only if the options name the same file). */
    record OpenedModel(Path path, NgramModel model) {
    }

    EngineOptions() {
        this(null);
    }

    EngineOptions(Preloaded preloaded) {
        this.preloaded = preloaded;
    }

    /**
     * Starts the loading on daemon threads (they never hold up the JVM's exit). withModel: also open
     * the default model (ModelPaths' lookup, without the first run's import, which stays on the main
     * thread); withTables: also load the word tables (a run without the model does not use them).
     */
    static Preloaded preload(boolean withModel, boolean withTables) {
        FutureTask<opennlp.tools.sentdetect.SentenceModel> sentences = new FutureTask<>(TextAnalyzer::sentenceModel);
        FutureTask<TextAnalyzer> analyzer = new FutureTask<>(() -> {
            opennlp.tools.tokenize.TokenizerModel tokens = TextAnalyzer.tokenizerModel();
            TextAnalyzer a = TextAnalyzer.of(get(sentences, "the OpenNLP sentence model"), tokens);
            // Analyse one line here, while the other parts load: the first analysis loads, links and runs cold
            // the whole sentence and token path (35 ms), which was otherwise the first thing a pipe's restore did.
            a.sentences(WARM_UP);
            return a;
        });
        FutureTask<PhraseDictionary> bundled = new FutureTask<>(() -> {
            PhraseDictionary compiled = DictionaryLoader.compiledBundled();
            return compiled != null ? compiled : new DictionaryLoader(analyzer.get()).load(true, List.of());
        });
        FutureTask<dev.unspin.restore.Generators.Tables> tables = withTables ? new FutureTask<>(dev.unspin.restore.Generators.Tables::bundled) : null;
        FutureTask<OpenedModel> model = withModel ? new FutureTask<>(() -> {
            Path p = ModelPaths.system().find();
            return p == null ? null : new OpenedModel(p, NgramModel.open(p));
        }) : null;
        // the known-term index of the bundled dictionary, worked out while the model opens rather than before the first
        // sentence (only the model's generators ask for it; TermCandidates waits for it if it is still being made)
        Runnable terms = withModel ? () -> {
            try {
                dev.unspin.restore.TermCandidates.prepare(bundled.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the dictionary's own error reaches whoever loads it
            }
        } : null;
        for (Runnable r : new Runnable[] {analyzer, sentences, bundled, tables, model, terms}) {
            if (r != null) {
                Thread t = new Thread(r, "unspin-preload");
                t.setDaemon(true);
                t.start();
            }
        }
        return new Preloaded(analyzer, bundled, tables, model);
    }

    /** A line with what the analyzer meets in prose: a title case word, a comma, an apostrophe, a figure, an abbreviation. */
    private static final String WARM_UP = "Mr. Smith's company said on Tuesday that sales rose 2.5%, to $3 billion.";

    /** A preloaded part, with the loader's own exception as the caller would have met it loading it itself. */
    private static <T> T get(Future<T> f, String what) throws IOException, DictionaryException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while loading " + what);
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

    /** The bundled word tables: the preloaded ones, or loaded now. */
    private dev.unspin.restore.Generators.Tables tables() throws IOException {
        if (preloaded == null || preloaded.tables() == null) {
            return dev.unspin.restore.Generators.Tables.bundled();
        }
        try {
            return get(preloaded.tables(), "the word tables");
        } catch (DictionaryException e) {
            throw new IOException(e.getMessage(), e); // not thrown: the tables are bundled resources
        }
    }

    /** The OpenNLP analyzer: the preloaded one, or loaded now. */
    TextAnalyzer analyzer() throws IOException {
        if (preloaded == null) {
            return TextAnalyzer.english();
        }
        try {
            return get(preloaded.analyzer(), "the OpenNLP models");
        } catch (DictionaryException e) {
            throw new IOException(e.getMessage(), e); // not thrown: the analyzer reads no dictionary
        }
    }

    /** The bundled dictionaries (unless --no-bundled-dicts) and the --dict files, as DictionaryLoader.load gives them. */
    PhraseDictionary dictionary(TextAnalyzer analyzer) throws IOException, DictionaryException {
        return dictionary(analyzer, dicts);
    }

    /** The bundled dictionaries (unless --no-bundled-dicts) and these of the --dict files. */
    private PhraseDictionary dictionary(TextAnalyzer analyzer, List<Path> files) throws IOException, DictionaryException {
        if (preloaded == null || noBundled) {
            return new DictionaryLoader(analyzer).load(!noBundled, files);
        }
        PhraseDictionary bundled = get(preloaded.bundled(), "the bundled dictionaries");
        if (files.isEmpty()) {
            return bundled;
        }
        // the same entries in the same order as load(true, files): bundled first, then each file
        List<Entry> all = new ArrayList<>(bundled.entries());
        all.addAll(new DictionaryLoader(analyzer).load(false, files).entries());
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

    @Option(names = "--assume-spun", description = "The text is known to be spun: its own spin rate does not argue that it is clean. "
            + "For short texts (a sentence or a paragraph), which otherwise read as clean and come back almost unchanged; the context "
            + "still decides each repair. Do not use it on text that may be clean.")
    boolean assumeSpun;

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
        Path p = modelPath();
        if (lm == null && preloaded != null && preloaded.model() != null) {
            OpenedModel early;
            try {
                early = get(preloaded.model(), "the language model");
            } catch (IOException | DictionaryException | RuntimeException e) {
                early = null; // opened again below, where the error is reported as for any run
            }
            if (early != null && early.path().equals(p)) {
                return early.model();
            }
        }
        return NgramModel.open(p);
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
        LmScorer scorer = noLm ? null : new LmScorer(openModel());
        if (scorer == null) {
            return new Restorer(analyzer, dictionary(analyzer), null, Options.defaults().withProtectedQuotes(protectQuotes));
        }
        Learnt learnt = learnt();
        PhraseDictionary dict = dictionary(analyzer, learnt.others()); // every --dict file when none is learnt
        List<dev.unspin.restore.CandidateGenerator> gens = new ArrayList<>();
        dev.unspin.restore.Calibration cal = dev.unspin.restore.Calibration.bundled();
        if (!learnt.files().isEmpty()) {
            // asked first, like fix --adapt's learnt moves: a move another generator also offers carries the farm's family
            gens.add(new dev.unspin.restore.DictionaryCandidates(new DictionaryLoader(analyzer).load(false, learnt.files()),
                    dev.unspin.restore.Source.LEARNT));
            cal = dev.unspin.restore.FarmLearner.trusting(cal, learnt.rate());
        }
        gens.addAll(generators(dict, scorer));
        return new Restorer(analyzer, gens, scorer, decision(cal), protectQuotes);
    }

    /** The standard generators over the dictionary (broad ones unless --no-broad), then --thesaurus's, if given. */
    private List<dev.unspin.restore.CandidateGenerator> generators(PhraseDictionary dict, LmScorer scorer) throws IOException, DictionaryException {
        List<dev.unspin.restore.CandidateGenerator> gens = new ArrayList<>(dev.unspin.restore.Generators.standard(dict, tables(), !noBroad, !noBroad));
        ReverseThesaurus extra = reverseThesaurus(scorer.model());
        if (extra != null) {
            gens.add(new dev.unspin.restore.ThesaurusCandidates(extra, dev.unspin.restore.Source.USER));
        }
        return gens;
    }

    /** The calibration as the decision options say: --assume-spun, then --confidence. */
    private dev.unspin.restore.Calibration decision(dev.unspin.restore.Calibration cal) {
        cal = assumeSpun ? cal.assumingSpun() : cal;
        return confidence == null ? cal : cal.withConfidence(confidence);
    }

    /** The --dict files `unspin learn` wrote (family LEARNT, trusted at the farm's rate of the first), and the user's own. */
    record Learnt(List<Path> files, List<Path> others, double rate) {
    }

    /** Sorts the --dict files by their header: a file `unspin learn` wrote starts with its header and the farm's rate. */
    Learnt learnt() throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        double rate = Double.NaN;
        for (Path d : dicts) {
            // a missing or unreadable file is the loader's to report, with its own message
            double r = java.nio.file.Files.isRegularFile(d) && java.nio.file.Files.isReadable(d) ? LearnCommand.learntRate(d) : Double.NaN;
            if (Double.isNaN(r)) {
                others.add(d);
            } else {
                files.add(d);
                rate = Double.isNaN(rate) ? r : rate;
            }
        }
        return new Learnt(files, others, rate);
    }

    /**
     * For `learn` and `fix --adapt`: the restorer's parts, so that a restorer with the learnt moves proposed first (family
     * LEARNT) can be made from them, with the same generators and decision options as {@link #restorer()}. Needs the
     * language model.
     */
    dev.unspin.restore.FarmLearner.Engine farmEngine() throws IOException, DictionaryException {
        TextAnalyzer analyzer = analyzer();
        LmScorer scorer = new LmScorer(openModel());
        return new dev.unspin.restore.FarmLearner.Engine(analyzer, generators(dictionary(analyzer), scorer), scorer,
                decision(dev.unspin.restore.Calibration.bundled()), protectQuotes);
    }

    /** The model cannot be found: exit code MODEL, like a corrupt one. */
    static final class ModelMissingException extends IOException {
        private static final long serialVersionUID = 1L;

        ModelMissingException(String m) {
            super(m);
        }
    }
}
