package dev.unspin.cli;

import dev.unspin.batch.AtomicOutput;
import dev.unspin.batch.Chunker;
import dev.unspin.batch.Messages;
import dev.unspin.batch.OutputException;
import dev.unspin.batch.PathGuard;
import dev.unspin.batch.StreamRestorer;
import dev.unspin.batch.StrictUtf8Reader;
import dev.unspin.batch.UnsafeOutputException;
import dev.unspin.corpus.BatchFixer;
import dev.unspin.corpus.InputException;
import dev.unspin.restore.Edit;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = FixCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Restore spun text. Reads FILEs (standard input when none, or '-') and writes the restored text; "
                + "everything not repaired is copied byte for byte. Any size is streamed in blocks cut at paragraph breaks "
                + "(a text up to 1 MiB is restored whole). With folders, --out-dir or --in-place: batch mode "
                + "(recursive, parallel, atomic writes, a summary at the end; failed files are reported and skipped). "
                + "No output may be an input or lie inside an input folder (checked after following links, before writing).",
        footer = {"%nExamples:", "  unspin fix < spun.txt > clean.txt", "  unspin fix article.txt -o article.clean.txt",
            "  unspin fix --explain article.txt > /dev/null     # list each change and why", "  unspin fix --diff article.txt | less -R",
            "  unspin fix --json article.txt | jq .edits",
            "  echo 'The corporate said it would close the plant.' | unspin fix --assume-spun     # a known-spun snippet",
            "  unspin fix farm/ --out-dir clean/ --adapt     # many articles of one content farm: learn its spinner first",
            "  unspin fix archive/ --out-dir clean/ --report report.jsonl     # mirror the tree, inputs untouched",
            "  unspin fix archive/ --in-place --backup .orig -j 4", ExitCodes.HELP})
final class FixCommand implements Callable<Integer> {
    /** The command's name (Main starts its loading by this name, before picocli reads any annotation). */
    static final String NAME = "fix";

    /** When --diff colours its output. */
    enum ColorWhen { auto, always, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files; '-' or none for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the restored text here (atomically, only if the run succeeds; "
            + "a symbolic link stays a link and its target is replaced; a device or FIFO is written straight through) instead of standard output.")
    Path output;

    @Option(names = "--explain", description = "Print each change on standard error: file:line:column, spun words, replacement, entry and score gain.")
    boolean explain;

    @Option(names = "--diff", description = "Show the changes inline: [-spun-]{+restored+}, coloured on a terminal.")
    boolean diff;

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour for --diff: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
            + "auto: only on a terminal, and not with NO_COLOR set or TERM=dumb).")
    ColorWhen color = ColorWhen.auto;

    @Option(names = "--json", description = "Write one JSON line per input with its edits (offsets in the input, before, after, source, entry, gain, probability) "
            + "and the document's estimated spin_rate (substitutions per word) instead of the text.")
    boolean json;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Batch: write each restored file under DIR, mirroring the input tree (DIR may not be, contain or lie inside an input folder).")
    Path outDir;

    @Option(names = "--in-place", description = "Batch: overwrite the inputs, keeping their mode (each changed original kept with the --backup suffix; an existing backup is never overwritten: that file fails).")
    boolean inPlace;

    @Option(names = "--backup", paramLabel = "SUFFIX", description = "Backup suffix for --in-place (default: ${DEFAULT-VALUE}; '' for none).")
    String backup = ".orig";

    @Option(names = "--include", paramLabel = "GLOB", description = "Batch: files to take (repeatable; default: *.txt and *.md). A glob with '/' matches the path below each input folder, one without matches the name at any depth.")
    List<String> include = new ArrayList<>(List.of("*.txt", "*.md"));

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Batch: files or folders to leave out (repeatable; matched like --include, e.g. 'drafts/*' or '*.bak').")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Batch: files restored in parallel, at least 1 (default: all cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--skip-existing", description = "Batch: skip files whose output is already newer than the input (resume an interrupted run).")
    boolean skipExisting;

    @Option(names = "--report", paramLabel = "FILE.jsonl", description = "Batch: one JSON line per file (fixed, skipped or failed) with its status, counts and edits, flushed line by line.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Batch: no progress line, no summary and no notes about skipped entries.")
    boolean quiet;

    @Option(names = "--no-progress", description = "Batch: no progress line (also: environment variable UNSPIN_NO_PROGRESS=1). It is drawn only when standard error is a terminal.")
    boolean noProgress;

    @Option(names = "--adapt", description = "Batch: first learn the farm's spinner from the inputs (as `unspin learn` does, with its default thresholds), "
            + "then restore every file with the learnt moves added as a dictionary. For many articles from one source.")
    boolean adapt;

    /** Block size of the streaming restorer (chars); tests set a small one to cover the multi-block paths. */
    int blockChars = Chunker.BLOCK_CHARS;

    /** A command-line mistake found after parsing: one line on stderr, exit 2 (picocli's own handler would add the whole usage). */
    private static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String m) {
            super(m);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run();
        } catch (UsageError e) {
            err.println("unspin: " + Messages.safe(e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        } catch (OutOfMemoryError e) {
            err.println("unspin: out of memory (blocks of " + blockChars + " chars); give Java a larger heap, e.g. UNSPIN_JAVA_OPTS=-Xmx2g, or fewer jobs (-j)");
            err.flush();
            return ExitCodes.INPUT;
        }
    }

    private Integer run() throws Exception {
        if (jobs < 1) {
            throw new UsageError("-j/--jobs must be at least 1 (got " + jobs + ")");
        }
        try {
            BatchFixer.matchers("--include", include);
            BatchFixer.matchers("--exclude", exclude);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        boolean batch = outDir != null || inPlace || files.stream().anyMatch(f -> !f.equals("-") && Files.isDirectory(Path.of(f)));
        if (batch) {
            return batch();
        }
        if (report != null) {
            throw new UsageError("--report is for batch mode (folders, --out-dir or --in-place); for single files use --json");
        }
        if (adapt) {
            throw new UsageError("--adapt is for batch mode (folders, --out-dir or --in-place): it learns from many files");
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        if (output != null && files.size() > 1) {
            throw new UsageError("-o takes one input; for many files use --out-dir DIR");
        }
        return single();
    }

    /** Files and standard input to stdout or -o, streamed block by block. */
    private Integer single() throws Exception {
        // Check every named file first (and decode it, which streams), so a bad file fails before any output.
        List<Path> realInputs = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        Set<PosixFilePermission> mode = null;
        for (String f : files) {
            if (f.equals("-")) {
                Path in = stdinPath();
                if (in != null) {
                    realInputs.add(in);
                    inputNames.add("on standard input (" + in + ")");
                }
                continue;
            }
            inputNames.add(f);
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                throw new InputException(f, "is a directory (use --out-dir to fix a folder)");
            }
            if (!Files.exists(p)) {
                throw new InputException(f, Files.isSymbolicLink(p) ? "dangling symbolic link" : "no such file");
            }
            try {
                realInputs.add(p.toRealPath());
            } catch (IOException e) {
                // a pipe such as <(cmd) has no real path; nothing could overwrite it
                realInputs.add(p.toAbsolutePath().normalize());
            }
            if (mode == null) {
                mode = AtomicOutput.modeOf(p);
            }
            if (Files.isRegularFile(p)) {
                try (Reader r = reader(f)) {
                    char[] sink = new char[1 << 16];
                    while (r.read(sink) >= 0) {
                        // decoding is the check
                    }
                }
            }
        }
        TextSink sink;
        if (output != null) {
            Path real = PathGuard.real(output);
            for (int i = 0; i < realInputs.size(); i++) {
                if (real.equals(realInputs.get(i))) {
                    throw new UnsafeOutputException(output.toString(), "is the input " + inputNames.get(i)
                            + "; refusing to overwrite it (write elsewhere and rename)");
                }
            }
            AtomicOutput.removeStale(real.getParent(), false);
            sink = new FileSink(AtomicOutput.open(output, mode, true));
        } else {
            sink = new StdoutSink(spec.commandLine().getOut());
        }
        PrintWriter err = spec.commandLine().getErr();
        TextSink out = sink;
        boolean finished = false;
        // Long inputs: blocks are restored in parallel (-j, capped by the heap), written in order.
        int ahead = StreamRestorer.parallelBlocks(jobs, blockChars);
        java.util.concurrent.ExecutorService pool = ahead > 1 ? java.util.concurrent.Executors.newFixedThreadPool(ahead, daemon()) : null;
        try {
            StreamRestorer restorer = new StreamRestorer(engine.restorer()::restore, blockChars);
            boolean colour = diff && useColor(color, output == null && Progress.isTerminal(1), System.getenv());
            for (String f : files) {
                String name = f.equals("-") ? "<stdin>" : f;
                if (json) {
                    out.write("{\"file\":" + EditJson.quote(name) + ",\"edits\":[");
                }
                boolean[] anyEdit = {false};
                StreamRestorer.Totals totals;
                try (Reader r = reader(f)) {
                    totals = restorer.restore(r, b -> {
                        if (explain) {
                            err.print(StreamRestorer.explain(name, b));
                            err.flush();
                        }
                        if (json) {
                            String j = StreamRestorer.editsJson(b);
                            if (!j.isEmpty()) {
                                out.write(anyEdit[0] ? "," + j : j);
                                anyEdit[0] = true;
                            }
                        } else if (diff) {
                            out.write(diff(b.text(), b.result().edits(), colour));
                        } else {
                            out.write(b.result().text());
                        }
                        out.check();
                    }, pool, ahead - 1);
                }
                if (json) {
                    // the document's estimated spin rate comes after its edits: a long input is restored block by block
                    out.write("]" + (Double.isNaN(totals.spinRate()) ? "" : String.format(Locale.ROOT, ",\"spin_rate\":%.4f", totals.spinRate())) + "}\n");
                }
            }
            out.finish();
            finished = true;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (!finished) {
                out.abort();
            }
        }
        return ExitCodes.OK;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "unspin-block");
            t.setDaemon(true);
            return t;
        };
    }

    private static Reader reader(String f) throws IOException {
        if (f.equals("-")) {
            return new StrictUtf8Reader(new NonClosing(System.in), stdinName());
        }
        InputStream in;
        try {
            in = Files.newInputStream(Path.of(f));
        } catch (IOException e) {
            throw new InputException(f, "cannot read (" + Messages.reason(e) + ")");
        }
        return new StrictUtf8Reader(in, f);
    }

    /** Standard input's file when it is redirected from one (Linux), for messages and the overwrite check; else null. */
    private static Path stdinPath() {
        try {
            Path t = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
            return t.isAbsolute() && Files.exists(t) ? t.toRealPath() : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static String stdinName() {
        Path p = stdinPath();
        return p == null ? "standard input" : "standard input (" + p + ")";
    }

    /** Where the restored text goes; every write error becomes one line naming the stream or file. */
    private interface TextSink {
        void write(String s) throws IOException;

        /** Throws if a write has failed so far (PrintWriter and PrintStream keep errors to themselves). */
        void check() throws IOException;

        void finish() throws IOException;

        void abort();
    }

    private record FileSink(AtomicOutput out) implements TextSink {
        @Override
        public void write(String s) throws IOException {
            out.write(s);
        }

        @Override
        public void check() {
            // AtomicOutput throws on the failing write itself
        }

        @Override
        public void finish() throws IOException {
            out.commit();
        }

        @Override
        public void abort() {
            out.abort();
        }
    }

    private record StdoutSink(PrintWriter out) implements TextSink {
        @Override
        public void write(String s) {
            out.print(s);
        }

        @Override
        public void check() throws IOException {
            // The writer Main sets up wraps System.out, a PrintStream that swallows write errors: ask both.
            if (out.checkError() || System.out.checkError()) {
                throw new OutputException("standard output", "write failed (disk full, or the pipe or file was closed); the output is incomplete");
            }
        }

        @Override
        public void finish() throws IOException {
            out.flush();
            check();
        }

        @Override
        public void abort() {
            out.flush();
        }
    }

    /** System.in must stay open for a second "-" and for the tests that run commands in-process. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // leave standard input open
        }
    }

    private Integer batch() throws Exception {
        if (files.isEmpty() || files.contains("-")) {
            throw new UsageError("batch mode takes files or folders, not standard input");
        }
        if (output != null || json || diff) {
            throw new UsageError("-o, --json and --diff are for single inputs; in batch mode use --out-dir and --report");
        }
        var settings = new BatchFixer.Settings(files.stream().map(Path::of).toList(), outDir, inPlace,
                backup.isEmpty() ? null : backup, include, exclude, jobs, skipExisting, report != null || explain, blockChars);
        // The restorer loads after the path checks, so a refused command line fails at once.
        Restorer[] restorer = new Restorer[1];
        var fixer = new BatchFixer(text -> restorer[0].restore(text), settings);
        if (report != null) {
            fixer.alsoWrites(report);
        }
        long total = fixer.count();
        PrintWriter err = spec.commandLine().getErr();
        restorer[0] = adapt ? adapted(err) : engine.restorer();
        Progress progress = new Progress(err, !noProgress && Progress.wanted(quiet, System.getenv()), total);
        Writer rep = report == null ? null : openReport(report);
        BatchFixer.Summary sum;
        try {
            sum = fixer.run(r -> {
                if (r.status().equals("failed") || r.status().equals("skipped") && !quiet && r.output() == null) {
                    progress.clear();
                    err.println("unspin: " + Messages.safe(r.status().equals("failed") ? r.reason() : r.input() + ": skipped: " + r.reason()));
                    err.flush();
                }
                try {
                    if (explain && r.explain() != null) {
                        r.explain().writeTo(err);
                        err.flush();
                    }
                    if (rep != null) {
                        try {
                            r.writeJson(rep);
                            rep.write('\n');
                            // line by line: after a kill the report ends with a whole line
                            rep.flush();
                        } catch (IOException e) {
                            throw new OutputException(report.toString(), "write failed (" + Messages.reason(e) + ")");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.step(r.words());
            });
        } finally {
            progress.clear();
            if (rep != null) {
                try {
                    rep.close();
                } catch (IOException e) {
                    throw new OutputException(report.toString(), "write failed (" + Messages.reason(e) + ")");
                }
            }
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "%d files, %d words, %d changes, %d skipped, %d failed in %.1f s (%.0f words/s)%n", sum.files(), sum.words(),
                    sum.changes(), sum.skipped(), sum.failed(), sum.seconds(), sum.words() / Math.max(sum.seconds(), 1e-9));
            err.flush();
        }
        return sum.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** --adapt: learns on the inputs (the files the batch will take), then a restorer with the learnt moves as family LEARNT. */
    private Restorer adapted(PrintWriter err) throws Exception {
        if (engine.noLm) {
            throw new UsageError("--adapt needs the language model (drop --no-lm)");
        }
        List<String> skip = new ArrayList<>(exclude);
        if (inPlace && !backup.isEmpty()) {
            skip.add("*" + backup); // the batch leaves backups alone, so learning does too
        }
        dev.unspin.restore.FarmLearner.Engine eng = engine.farmEngine();
        LearnCommand.Cuts cuts = new LearnCommand.Cuts();
        LearnCommand.Outcome o = LearnCommand.learn(eng, files.stream().map(Path::of).toList(), BatchFixer.matchers("--include", include),
                BatchFixer.matchers("--exclude", skip), jobs, cuts, err, !noProgress && Progress.wanted(quiet, System.getenv()));
        List<dev.unspin.restore.FarmLearner.Move> moves = o.learner().moves(cuts.thresholds());
        if (!quiet) {
            LearnCommand.report(err, o.learner(), moves, o.failed());
        }
        // the learnt moves trusted at the farm's own spin rate (on the synthetic farm: F0.5 0.821 at the prior's mean, 0.841 so)
        return eng.restorer(eng.dictionary(moves), o.learner().spinRate());
    }

    /** The report is written as the run goes (not atomically), so a killed run still says what it did. */
    private static Writer openReport(Path report) throws IOException {
        try {
            Path dir = report.toAbsolutePath().getParent();
            if (dir != null && !Files.exists(report)) {
                Files.createDirectories(dir);
            }
            return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(report.toFile()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputException(report.toString(), "cannot open the report (" + Messages.reason(e) + ")");
        }
    }

    /** Colour for --diff: always, never, or (auto) on a terminal unless NO_COLOR is set (https://no-color.org) or TERM=dumb. */
    static boolean useColor(ColorWhen when, boolean toTerminal, Map<String, String> env) {
        return switch (when) {
            case always -> true;
            case never -> false;
            case auto -> toTerminal && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty()) && !"dumb".equals(env.get("TERM"));
        };
    }

    static String diff(String text, List<Edit> edits, boolean color) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Edit e : edits) {
            sb.append(text, at, e.start());
            if (color) {
                sb.append("\u001b[9;31m").append(e.before()).append("\u001b[0m\u001b[32m").append(e.after()).append("\u001b[0m");
            } else {
                sb.append("[-").append(e.before()).append("-]{+").append(e.after()).append("+}");
            }
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
