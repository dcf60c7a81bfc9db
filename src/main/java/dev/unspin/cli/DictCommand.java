package dev.unspin.cli;

import dev.unspin.dictionary.DictionaryChecker;
import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.DictionaryParser;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.text.TextAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "dict", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Dictionary tools: lint (check) and statistics (stats). The generated news-spinner dictionary is rebuilt by scripts/build-news-dictionary.sh.",
        subcommands = {DictCommand.Check.class, DictCommand.Stats.class},
        exitCodeListHeading = DictCommand.EXIT_HEADING,
        exitCodeList = {DictCommand.X0, DictCommand.X1, DictCommand.X2, DictCommand.X3, DictCommand.X4, DictCommand.X70},
        footer = {"%nExamples:", "  unspin dict check", "  unspin dict check my-entries.txt", "  unspin dict stats my-entries.txt"})
final class DictCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // exit codes in every dict command's help (picocli's "code:description" form)
    static final String EXIT_HEADING = "%nExit codes:%n";
    static final String X0 = "0:success (check: no errors; warnings allowed)";
    static final String X1 = "1:check: errors found (each printed as file:line: error: reason)";
    static final String X2 = "2:bad command line";
    static final String X3 = "3:a file is missing, unreadable or a directory";
    static final String X4 = "4:stats: a malformed dictionary line (file:line: reason)";
    static final String X70 = "70:internal error (please report it)";

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lint dictionaries (the bundled ones when no FILE): malformed lines (invalid UTF-8, phrases over "
                    + DictionaryParser.MAX_PHRASE_WORDS + " words, what the loader would refuse), duplicates, conflicting kinds, cycles, "
                    + "originals that are themselves spun forms, identity entries. Exit 1 when there are errors.",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X1, X2, X3, X70},
            footer = {"%nExamples:", "  unspin dict check", "  unspin dict check mine.txt && unspin fix --dict mine.txt article.txt",
                "  generate-entries | unspin dict check -"})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Dictionary files to check (UTF-8, 'spun => original | other ; flags' lines); '-' is standard input. "
                        + "None: the bundled dictionaries.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            DictionaryLoader loader = new DictionaryLoader(TextAnalyzer.english());
            PrintWriter out = spec.commandLine().getOut();
            List<String> problems = new ArrayList<>();
            List<DictionaryParser.Line> lines = new ArrayList<>();
            try {
                if (files.isEmpty()) {
                    lines.addAll(loader.bundledLines());
                }
                for (Path f : files) {
                    lines.addAll(f.toString().equals("-") ? loader.parser().parseBytes("<stdin>", System.in.readAllBytes()) : loader.fileLines(f));
                }
            } catch (DictionaryException e) {
                problems.add(e.file() + ":" + e.line() + ": error: " + e.reason());
            }
            // what the loader does next (tokenise, inflect): a line it would refuse is an error here too
            for (DictionaryParser.Line l : lines) {
                try {
                    loader.expand(List.of(l));
                } catch (DictionaryException e) {
                    problems.add(e.file() + ":" + e.line() + ": error: " + e.reason());
                }
            }
            List<DictionaryChecker.Finding> findings = DictionaryChecker.check(lines);
            int errors = problems.size();
            for (String p : problems) {
                out.println(p);
            }
            for (DictionaryChecker.Finding f : findings) {
                out.println(f);
                errors += f.error() ? 1 : 0;
            }
            out.printf(Locale.ROOT, "%d lines checked, %d errors, %d warnings%n", lines.size(), errors, findings.size() + problems.size() - errors);
            out.flush();
            return errors > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Entries by file, kind and length, and the load time.",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, X4, X70},
            footer = {"%nExamples:", "  unspin dict stats", "  unspin dict stats my-entries.txt"})
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Dictionary files to count, without the bundled ones. None: the bundled dictionaries.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            TextAnalyzer analyzer = TextAnalyzer.english();
            long t0 = System.nanoTime();
            PhraseDictionary d = new DictionaryLoader(analyzer).load(files.isEmpty(), files);
            double ms = (System.nanoTime() - t0) / 1e6;
            Map<String, int[]> byFile = new TreeMap<>();
            Map<Integer, Integer> byLength = new TreeMap<>();
            for (Entry e : d.entries()) {
                String file = e.origin().substring(0, e.origin().lastIndexOf(':'));
                byFile.computeIfAbsent(file, k -> new int[Kind.values().length])[e.kind().ordinal()]++;
                byLength.merge(e.spun().size(), 1, Integer::sum);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s%n", "file (with inflected forms)", "always", "ctx", "guess", "total");
            for (Map.Entry<String, int[]> f : byFile.entrySet()) {
                int[] k = f.getValue();
                out.printf(Locale.ROOT, "%-28s %8d %8d %8d %8d%n", f.getKey(), k[Kind.ALWAYS.ordinal()], k[Kind.CONTEXT.ordinal()],
                        k[Kind.THESAURUS.ordinal()], java.util.Arrays.stream(k).sum());
            }
            out.printf(Locale.ROOT, "entries (with inflected forms): %d%n", d.size());
            for (Map.Entry<Integer, Integer> l : byLength.entrySet()) {
                out.printf(Locale.ROOT, "  %d-token spun phrases: %d%n", l.getKey(), l.getValue());
            }
            out.printf(Locale.ROOT, "load time: %.0f ms%n", ms);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
