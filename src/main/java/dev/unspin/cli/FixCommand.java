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
                + "everything not repaired is copied byte for byte.",
        footer = {"%nExamples:", "  unspin fix < spun.txt > clean.txt", "  unspin fix article.txt -o article.clean.txt",
            "  unspin fix --explain article.txt > /dev/null     # list each change and why", "  unspin fix --diff article.txt | less -R",
            "  unspin fix --json article.txt | jq .edits", ExitCodes.HELP})
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

    @Override
    public Integer call() throws Exception {
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
