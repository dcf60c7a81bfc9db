package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.restore.Edit;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import dev.unspin.text.LineIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Restore spun text. Reads FILEs (standard input when none, or '-') and writes the restored text; "
                + "everything not repaired is copied byte for byte. With folders, --out-dir or --in-place: batch mode "
                + "(recursive, parallel, atomic writes, a summary at the end; failed files are reported and skipped).",
        footer = {"%nExamples:", "  unspin fix < spun.txt > clean.txt", "  unspin fix article.txt -o article.clean.txt",
            "  unspin fix --explain article.txt > /dev/null     # list each change and why", "  unspin fix --diff article.txt | less -R",
            "  unspin fix --json article.txt | jq .edits",
            "  unspin fix archive/ --out-dir clean/ --report report.jsonl     # mirror the tree, inputs untouched",
            "  unspin fix archive/ --in-place --backup .orig -j 4", ExitCodes.HELP})
final class FixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files; '-' or none for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the restored text here (atomically, only if the run succeeds) instead of standard output.")
    Path output;

    @Option(names = "--explain", description = "Print each change on standard error: file:line:column, spun words, replacement, entry and score gain.")
    boolean explain;

    @Option(names = "--diff", description = "Show the changes inline: [-spun-]{+restored+}, coloured on a terminal.")
    boolean diff;

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour for --diff: auto, always, never (default: ${DEFAULT-VALUE}).")
    String color = "auto";

    @Option(names = "--json", description = "Write one JSON line per input with its edits (offsets in the input, before, after, source, entry, gain) instead of the text.")
    boolean json;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Batch: write each restored file under DIR, mirroring the input tree.")
    Path outDir;

    @Option(names = "--in-place", description = "Batch: overwrite the inputs (each original kept with the --backup suffix).")
    boolean inPlace;

    @Option(names = "--backup", paramLabel = "SUFFIX", description = "Backup suffix for --in-place (default: ${DEFAULT-VALUE}; '' for none).")
    String backup = ".orig";

    @Option(names = "--include", paramLabel = "GLOB", description = "Batch: file names to take (repeatable; default: *.txt and *.md).")
    List<String> include = new ArrayList<>(List.of("*.txt", "*.md"));

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Batch: file names or paths to leave out (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Batch: files restored in parallel (default: all cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--skip-existing", description = "Batch: skip files whose output is already newer than the input (resume an interrupted run).")
    boolean skipExisting;

    @Option(names = "--report", paramLabel = "FILE.jsonl", description = "Batch: one JSON line per file with its status, counts and edits.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Batch: no progress line and no summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        boolean batch = outDir != null || inPlace || files.stream().anyMatch(f -> !f.equals("-") && java.nio.file.Files.isDirectory(Path.of(f)));
        if (batch) {
            return batch();
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        if (output != null && files.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o takes one input; for many files use a loop or (soon) --out-dir");
        }
        // Read every input before any work, so a bad file fails fast and -o is never half-written.
        List<String> texts = new ArrayList<>();
        for (String f : files) {
            texts.add(f.equals("-") ? TextFiles.read(System.in, "<stdin>") : TextFiles.read(Path.of(f)));
        }
        Restorer restorer = engine.restorer();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String name = files.get(i).equals("-") ? "<stdin>" : files.get(i);
            String text = texts.get(i);
            Result r = restorer.restore(text);
            if (explain) {
                explain(err, name, text, r.edits());
            }
            if (json) {
                all.append("{\"file\":").append(EditJson.quote(name)).append(",\"edits\":").append(EditJson.edits(text, r.edits())).append("}\n");
            } else if (diff) {
                all.append(diff(text, r.edits(), useColor()));
            } else {
                all.append(r.text());
            }
        }
        if (output != null) {
            TextFiles.writeAtomically(output, all.toString());
        } else {
            out.print(all);
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Integer batch() throws Exception {
        if (files.isEmpty() || files.contains("-")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "batch mode takes files or folders, not standard input");
        }
        if (output != null || json || diff) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o, --json and --diff are for single inputs; in batch mode use --out-dir and --report");
        }
        var settings = new dev.unspin.corpus.BatchFixer.Settings(files.stream().map(Path::of).toList(), outDir, inPlace,
                backup.isEmpty() ? null : backup, include, exclude, jobs, skipExisting);
        var fixer = new dev.unspin.corpus.BatchFixer(engine.restorer(), settings);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, !quiet && System.console() != null, fixer.count());
        java.io.Writer rep = report == null ? null : java.nio.file.Files.newBufferedWriter(report, java.nio.charset.StandardCharsets.UTF_8);
        dev.unspin.corpus.BatchFixer.Summary sum;
        try {
            sum = fixer.run(r -> {
                if (r.status().equals("failed")) {
                    progress.clear();
                    err.println("unspin: " + r.reason());
                    err.flush();
                }
                if (explain && r.text() != null) {
                    explain(err, r.input().toString(), r.text(), r.edits());
                }
                if (rep != null) {
                    try {
                        rep.write(r.json());
                        rep.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                progress.step(r.words());
            });
        } finally {
            if (rep != null) {
                rep.close();
            }
        }
        progress.clear();
        if (!quiet) {
            err.printf(Locale.ROOT, "%d files, %d words, %d changes, %d skipped, %d failed in %.1f s (%.0f words/s)%n", sum.files(), sum.words(),
                    sum.changes(), sum.skipped(), sum.failed(), sum.seconds(), sum.words() / Math.max(sum.seconds(), 1e-9));
            err.flush();
        }
        return sum.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && output == null;
        };
    }

    static void explain(PrintWriter err, String name, String text, List<Edit> edits) {
        LineIndex lines = new LineIndex(text);
        for (Edit e : edits) {
            err.printf(Locale.ROOT, "%s:%d:%d: \"%s\" -> \"%s\" (%s %s%s)%n", name, lines.line(e.start()), lines.column(e.start()), e.before(), e.after(),
                    e.source().name().toLowerCase(Locale.ROOT), e.entry(), Double.isNaN(e.gain()) ? "" : String.format(Locale.ROOT, ", gain %+.2f", e.gain()));
        }
        err.flush();
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
