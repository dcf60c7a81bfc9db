package dev.unspin.cli;

import dev.unspin.batch.AtomicOutput;
import dev.unspin.batch.Chunker;
import dev.unspin.batch.Messages;
import dev.unspin.batch.StrictUtf8Reader;
import dev.unspin.batch.Walker;
import dev.unspin.corpus.BatchFixer;
import dev.unspin.corpus.InputException;
import dev.unspin.restore.FarmLearner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "learn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Learn a content farm's spinner from many of its articles: the moves it makes (spun phrase => original) "
                + "that recur across the folder, written as a dictionary for --dict. Folders are walked recursively "
                + "(*.txt and *.md by default), files are analysed in parallel and never changed.",
        footer = {"%nExamples:", "  unspin learn farm/ -o farm.dict", "  unspin fix farm/ --out-dir clean/ --dict farm.dict",
            "  unspin fix farm/ --out-dir clean/ --adapt     # both steps in one run", ExitCodes.HELP})
final class LearnCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders (or files) of one farm's articles.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FARM.dict", required = true, description = "Write the learnt moves here (atomically).")
    Path output;

    @Mixin
    Selection selection;

    @Mixin
    Cuts cuts;

    /** The rounds and the thresholds of a learnt move (shared with fix --adapt). */
    static final class Cuts {
        @Option(names = "--rounds", paramLabel = "N", description = "Rounds of estimation, at least 1 (default: ${DEFAULT-VALUE}); each after the first "
                + "reads the folder again with the previous round's moves proposed first (the estimate reads the language model's "
                + "window gains, which that does not change: more rounds cost time, not accuracy).")
        int rounds = 1;

        @Option(names = "--min-count", paramLabel = "N", description = "Keep a move only if it is used at least this often in the folder (expected count). Default: ${DEFAULT-VALUE}.")
        double minCount = FarmLearner.DEFAULT.minCount();

        @Option(names = "--min-per-million", paramLabel = "N", description = "Keep a move only if it is used at least this often per million words "
                + "of the folder (and --min-count times). Default: ${DEFAULT-VALUE}.")
        double minPerMillion = FarmLearner.DEFAULT.minPerMillion();

        @Option(names = "--min-rate", paramLabel = "R", description = "Keep a move only if its spun form stands for it at least this often where it occurs (0-1). Default: ${DEFAULT-VALUE}.")
        double minRate = FarmLearner.DEFAULT.minRate();

        @Option(names = "--min-share", paramLabel = "R", description = "Keep a move only if the farm spun at least this share of its original's uses that way (0-1; lower it for a light spinner). Default: ${DEFAULT-VALUE}.")
        double minShare = FarmLearner.DEFAULT.minShare();

        @Option(names = "--min-spread", paramLabel = "R", description = "Keep a move only if its spun form is spread over the documents at least this evenly "
                + "(1: as if at random; topical words of a few articles score low). Default: ${DEFAULT-VALUE}.")
        double minSpread = FarmLearner.DEFAULT.minSpread();

        @Option(names = "--min-probability", paramLabel = "P", description = "Keep a move only if the restorer alone gave it at least this mean probability (0-1). Default: ${DEFAULT-VALUE}.")
        double minProbability = FarmLearner.DEFAULT.minCalibratedRate();

        @Option(names = "--min-score", paramLabel = "P", description = "Keep a move only if the move model (a logistic model over its count, rate, "
                + "share, context evidence, the spun form's excess over the language model's unigram, the original's deficit, and spread) "
                + "gives it at least this probability of being the farm's (0-1; 0: the other cuts alone). Default: ${DEFAULT-VALUE}.")
        double minScore = FarmLearner.DEFAULT.minScore();

        @Option(names = "--max-originals", paramLabel = "N", description = "Keep at most this many originals per spun form, the strongest first "
                + "(a deterministic spinner writes a spun form for one original). Default: ${DEFAULT-VALUE}.")
        int maxOriginals = FarmLearner.DEFAULT.maxOriginals();

        FarmLearner.Thresholds thresholds() {
            return new FarmLearner.Thresholds(minCount, minPerMillion, minRate, minShare, minSpread, minProbability, maxOriginals,
                    dev.unspin.restore.MoveModel.DEFAULT, minScore);
        }

        /** A problem with the values, or null. */
        String problem() {
            if (rounds < 1) {
                return "--rounds must be at least 1 (got " + rounds + ")";
            }
            if (maxOriginals < 1) {
                return "--max-originals must be at least 1 (got " + maxOriginals + ")";
            }
            for (double r : new double[] {minRate, minShare, minProbability, minScore}) {
                if (!(r >= 0 && r <= 1)) {
                    return "--min-rate, --min-share, --min-probability and --min-score must lie in 0..1";
                }
            }
            if (!(minCount >= 0) || !(minSpread >= 0) || !(minPerMillion >= 0)) {
                return "--min-count, --min-per-million and --min-spread must be at least 0";
            }
            return null;
        }
    }

    /**
     * The file selection and parallelism options of `learn`. fix has the same five with batch-mode wording ("Batch: files
     * restored in parallel"); the globs are matched by the same code (BatchFixer.matchers, {@link #wanted}).
     */
    static final class Selection {
        @Option(names = "--include", paramLabel = "GLOB", description = "Files to take (repeatable; default: *.txt and *.md). A glob with '/' "
                + "matches the path below each input folder, one without matches the name at any depth (as fix's).")
        List<String> include = new ArrayList<>(List.of("*.txt", "*.md"));

        @Option(names = "--exclude", paramLabel = "GLOB", description = "Files or folders to leave out (repeatable; matched like --include, e.g. 'drafts/*').")
        List<String> exclude = new ArrayList<>();

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files analysed in parallel, at least 1 (default: all cores).")
        int jobs = Runtime.getRuntime().availableProcessors();

        @Option(names = {"-q", "--quiet"}, description = "No progress line and no report.")
        boolean quiet;

        @Option(names = "--no-progress", description = "No progress line (drawn only when standard error is a terminal).")
        boolean noProgress;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String bad = selection.jobs < 1 ? "-j/--jobs must be at least 1 (got " + selection.jobs + ")" : cuts.problem();
        if (bad == null && engine.noLm) {
            bad = "learn needs the language model (drop --no-lm)";
        }
        PathMatcher[][] globs;
        try {
            globs = new PathMatcher[][] {BatchFixer.matchers("--include", selection.include), BatchFixer.matchers("--exclude", selection.exclude)};
        } catch (IllegalArgumentException e) {
            globs = null;
            bad = bad == null ? e.getMessage() : bad;
        }
        if (bad != null) {
            err.println("unspin: " + Messages.safe(bad));
            err.flush();
            return ExitCodes.USAGE;
        }
        checkInputs(inputs);
        Path realOut = dev.unspin.batch.PathGuard.real(output);
        for (Path in : inputs) {
            Path realIn = dev.unspin.batch.PathGuard.real(in);
            if (realOut.equals(realIn)) {
                throw new dev.unspin.batch.UnsafeOutputException(output.toString(), "is the input " + in + "; refusing to overwrite it");
            }
            // a dictionary inside the farm would be read as one of its articles by the next learn or fix of that folder
            if (Files.isDirectory(realIn) && dev.unspin.batch.PathGuard.within(realOut, realIn)) {
                throw new dev.unspin.batch.UnsafeOutputException(output.toString(), "lies inside the input folder " + in + "; write it elsewhere");
            }
        }
        // opened before the run, so that an output that cannot be written fails now, not after hours of learning
        try (AtomicOutput out = AtomicOutput.open(output, null, true)) {
            Outcome o = learn(engine.farmEngine(), inputs, globs[0], globs[1], selection.jobs, cuts, err,
                    !selection.noProgress && Progress.wanted(selection.quiet, System.getenv()));
            if (o.learner().documents() == 0) {
                throw new InputException(String.join(", ", inputs.stream().map(Path::toString).toList()),
                        "no files to learn from" + (o.failed() > 0 ? " (" + o.failed() + " failed)" : "") + " (--include "
                                + String.join(", ", selection.include) + ")");
            }
            List<FarmLearner.Move> moves = o.learner().moves(cuts.thresholds());
            out.write(FarmLearner.dictionaryText(moves, header(o.learner(), inputs, cuts)));
            out.commit();
            if (!selection.quiet) {
                report(err, o.learner(), moves, o.failed());
            }
            return o.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** How a dictionary written by learn starts (the first header line, after "# "). */
    static final String HEADER_START = "Moves learnt by `unspin learn` from ";

    /**
     * The farm's estimated spin rate when the file is a dictionary written by learn (its header says so on its first two
     * lines), else NaN. Read from the first 4 KB only, so any --dict file can be asked.
     */
    static double learntRate(Path dict) throws IOException {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(dict)) {
            head = in.readNBytes(4096);
        }
        String[] lines = new String(head, java.nio.charset.StandardCharsets.UTF_8).split("\n", 3);
        if (lines.length < 3 || !lines[0].startsWith("# " + HEADER_START)) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^# estimated spin rate ([0-9.]+);").matcher(lines[1]);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The dictionary's header: where the moves come from, the farm's rate, and what the figures on each line mean. */
    static List<String> header(FarmLearner l, List<Path> inputs, Cuts c) {
        return List.of(HEADER_START + l.documents() + " documents (" + l.words() + " words) in "
                        + String.join(", ", inputs.stream().map(Path::toString).toList()),
                String.format(Locale.ROOT, "estimated spin rate %.4f; %d round(s); kept: count >= %s (and %s per million words), rate >= %s, share >= %s, spread >= %s, p >= %s, q >= %s, %d original(s) per spun form",
                        l.spinRate(), c.rounds, fmt(c.minCount), fmt(c.minPerMillion), fmt(c.minRate), fmt(c.minShare), fmt(c.minSpread), fmt(c.minProbability),
                        fmt(c.minScore), c.maxOriginals),
                "count: expected uses in the folder; rate: count / positions where the spun form was a candidate; share: count / (count +",
                "the original as written); spread: documents holding the spun form / documents its uses would reach at random; p: the",
                "restorer's own mean probability (it judged each document alone); n: the positions; ev: the mean log10 evidence for the",
                "original where the move stood; q: the move model's probability that the move is the farm's.");
    }

    /** Every named input must exist, before the model loads. */
    static void checkInputs(List<Path> inputs) throws InputException {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new InputException(p.toString(), Files.isSymbolicLink(p) ? "dangling symbolic link" : "no such file or directory");
            }
        }
    }

    /** The strongest moves and the farm's spin rate, on stderr. */
    static void report(PrintWriter err, FarmLearner l, List<FarmLearner.Move> moves, long failed) {
        err.printf(Locale.ROOT, "%d documents, %d words%s: estimated spin rate %.4f; %d moves learnt%n", l.documents(), l.words(),
                failed > 0 ? " (" + failed + " files failed)" : "", l.spinRate(), moves.size());
        for (int i = 0; i < Math.min(10, moves.size()); i++) {
            FarmLearner.Move m = moves.get(i);
            err.printf(Locale.ROOT, "  %-24s => %-20s count %7.1f  rate %.3f%n", Messages.safe(m.spun()), Messages.safe(m.original()), m.count(), m.rate());
        }
        err.flush();
    }

    record Outcome(FarmLearner learner, long failed) {
    }

    /**
     * The learning run over the inputs (shared with fix --adapt): each round walks the folders again, files analysed in
     * parallel (at most two per worker in flight, each read block by block), a file that cannot be read is reported on
     * one line and counted as failed. Its blocks before the bad one (1 MiB each) have been learnt from already: the file is
     * not read to its end first, which would hold it in memory.
     */
    static Outcome learn(FarmLearner.Engine eng, List<Path> inputs, PathMatcher[] include, PathMatcher[] exclude, int jobs, Cuts cuts,
                         PrintWriter err, boolean progressOn) throws Exception {
        java.util.function.BiPredicate<Path, Boolean> wanted = (rel, folder) -> wanted(rel, folder, include, exclude);
        long total = 0;
        try (Walker w = new Walker(inputs, wanted)) {
            while (w.hasNext()) {
                total += w.next().isInput() ? 1 : 0;
            }
        }
        long files = total;
        AtomicLong failed = new AtomicLong();
        Progress[] progress = new Progress[1];
        FarmLearner l = FarmLearner.learn(eng, cuts.rounds, cuts.thresholds(), doc -> {
            failed.set(0);
            pass(inputs, wanted, jobs, doc, err, progress[0], failed);
        }, (r, n) -> {
            if (progressOn && n > 1) {
                err.printf(Locale.ROOT, "round %d of %d%n", r, n);
                err.flush();
            }
            progress[0] = new Progress(err, progressOn, files);
        });
        return new Outcome(l, failed.get());
    }

    private static void pass(List<Path> inputs, java.util.function.BiPredicate<Path, Boolean> wanted, int jobs, Consumer<String> doc,
                             PrintWriter err, Progress progress, AtomicLong failed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        Semaphore inFlight = new Semaphore(jobs * 2);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        try (Walker w = new Walker(inputs, wanted)) {
            while (fatal.get() == null && w.hasNext()) {
                Walker.Entry e = w.next();
                if (!e.isInput()) {
                    continue;
                }
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        long words = one(e.path(), doc);
                        synchronized (progress) {
                            progress.step(words);
                        }
                    } catch (IOException ex) {
                        failed.incrementAndGet();
                        synchronized (progress) {
                            progress.clear();
                            err.println("unspin: " + (ex instanceof InputException ? ex.getMessage() : Messages.safe(e.path()) + ": "
                                    + Messages.reason(ex)));
                            err.flush();
                        }
                    } catch (Throwable t) {
                        fatal.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
            progress.clear();
        }
        Throwable t = fatal.get();
        if (t instanceof Exception ex) {
            throw ex;
        }
        if (t instanceof Error er) {
            throw er;
        }
    }

    /** One file, block by block (a block is a document to the restorer); returns its words, roughly (for progress). */
    private static long one(Path p, Consumer<String> doc) throws IOException {
        long words = 0;
        InputStream in;
        try {
            in = Files.newInputStream(p);
        } catch (IOException e) {
            throw new InputException(p.toString(), "cannot read (" + Messages.reason(e) + ")");
        }
        try (Reader r = new StrictUtf8Reader(in, p.toString())) {
            Chunker c = new Chunker(r, Chunker.BLOCK_CHARS);
            for (String block; (block = c.next()) != null; ) {
                if (!block.isBlank()) {
                    words += block.strip().split("\\s+").length;
                    doc.accept(block);
                }
            }
        }
        return words;
    }

    /** As fix's batch mode: globs with a '/' match the path below the input folder, others the name. */
    static boolean wanted(Path rel, boolean folder, PathMatcher[] include, PathMatcher[] exclude) {
        return dev.unspin.corpus.BatchFixer.globsTake(rel, folder, include, exclude);
    }
}
