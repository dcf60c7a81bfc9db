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
        description = "Dictionary tools: lint (check) and statistics (stats). The generated news-spinner dictionary is rebuilt by scripts/build-news-dictionary.sh.", subcommands = {DictCommand.Check.class, DictCommand.Stats.class})
final class DictCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lint dictionaries (the bundled ones when no FILE): malformed lines, duplicates, conflicting kinds, cycles, "
                    + "originals that are themselves spun forms, identity entries. Exit 1 when there are errors.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", arity = "0..*")
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
                    lines.addAll(loader.fileLines(f));
                }
            } catch (DictionaryException e) {
                problems.add("error: " + e.getMessage());
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

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Entries by file, kind and length, and the load time.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", arity = "0..*")
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
