package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.ModelImport;
import dev.unspin.lm.ModelWriter;
import dev.unspin.lm.NgramModel;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Language model tools: statistics, scoring, comparing phrasings, importing models.",
        subcommands = {LmCommand.Info.class, LmCommand.Score.class, LmCommand.Compare.class, LmCommand.Import.class})
final class LmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** --lm for the lm subcommands. */
    static class ModelOption {
        @Option(names = "--lm", paramLabel = "MODEL", description = "Model file (default: the bundled model, as for fix).")
        Path lm;

        NgramModel open() throws java.io.IOException {
            EngineOptions e = new EngineOptions();
            e.lm = lm;
            return e.openModel();
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Model statistics: order, n-gram counts, size, load time.")
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            NgramModel m = model.open();
            double ms = (System.nanoTime() - t0) / 1e6;
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "file        %s%n", m.file());
            out.printf(Locale.ROOT, "order       %d%n", m.order());
            for (int n = 1; n <= m.order(); n++) {
                out.printf(Locale.ROOT, "%d-grams     %,d%n", n, m.count(n));
            }
            out.printf(Locale.ROOT, "size        %,d bytes%n", java.nio.file.Files.size(m.file()));
            out.printf(Locale.ROOT, "unknown     log10 %.2f%n", m.unknownLogProb());
            out.printf(Locale.ROOT, "open        %.1f ms%n", ms);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Per-token log10 probabilities of a text, or with --format tsv one line per input line: total log10 probability (sentence start and end included), a tab, the line.")
    static final class Score implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        @Option(names = "--format", paramLabel = "FMT", description = "text (per token) or tsv (per line). Default: ${DEFAULT-VALUE}.")
        String format = "text";
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Input (standard input when none).")
        Path file;

        @Override
        public Integer call() throws Exception {
            String text = file == null ? TextFiles.read(System.in, "<stdin>") : TextFiles.read(file);
            LmScorer scorer = new LmScorer(model.open());
            TextAnalyzer analyzer = TextAnalyzer.english();
            PrintWriter out = spec.commandLine().getOut();
            for (String line : text.split("\r?\n", -1)) {
                if (line.isEmpty() && !format.equals("tsv")) {
                    continue;
                }
                List<String> toks = analyzer.tokens(line, 0, line.length()).stream().map(Token::text).toList();
                if (format.equals("tsv")) {
                    if (!line.isEmpty() || !text.endsWith(line)) {
                        out.printf(Locale.ROOT, "%.4f\t%s%n", scorer.sentenceLogProb(toks), line);
                    }
                    continue;
                }
                perToken(out, scorer, toks);
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void perToken(PrintWriter out, LmScorer scorer, List<String> toks) {
            NgramModel m = scorer.model();
            int[] ids = new int[toks.size() * 4 + 2];
            String[] words = new String[ids.length];
            int n = 0;
            ids[n] = scorer.bos();
            words[n++] = "<s>";
            for (String t : toks) {
                for (int id : scorer.ids(t)) {
                    ids[n] = id;
                    words[n++] = id < 0 ? t + " (unknown)" : m.word(id);
                }
            }
            ids[n] = scorer.eos();
            words[n++] = "</s>";
            double sum = 0;
            for (int i = 1; i < n; i++) {
                double p = m.logProb(ids, 0, i + 1);
                sum += p;
                out.printf(Locale.ROOT, "%8.3f  %s%n", p, words[i]);
            }
            out.printf(Locale.ROOT, "%8.3f  total%n", sum);
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Which of two phrasings the model prefers, and by how much (log10 of the probability ratio).")
    static final class Compare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        @Parameters(index = "0", paramLabel = "A")
        String a;
        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Override
        public Integer call() throws Exception {
            LmScorer scorer = new LmScorer(model.open());
            TextAnalyzer analyzer = TextAnalyzer.english();
            double pa = scorer.sentenceLogProb(analyzer.tokens(a, 0, a.length()).stream().map(Token::text).toList());
            double pb = scorer.sentenceLogProb(analyzer.tokens(b, 0, b.length()).stream().map(Token::text).toList());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%10.3f  A  %s%n%10.3f  B  %s%n", pa, a, pb, b);
            String winner = pa >= pb ? "A" : "B";
            out.printf(Locale.ROOT, "prefers %s by %.3f log10 (%.1fx more probable)%n", winner, Math.abs(pa - pb), Math.pow(10, Math.abs(pa - pb)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Convert an ARPA model (.arpa, .arpa.gz), a Sphinx trie binary (.lm.bin) or the sphinx4-data jar into unspin's memory-mapped format.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SOURCE")
        Path source;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL")
        Path target;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(source)) {
                throw new dev.unspin.corpus.InputException(source.toString(), java.nio.file.Files.isDirectory(source) ? "is a directory" : "no such file");
            }
            long t0 = System.nanoTime();
            ModelWriter w = ModelImport.read(source);
            w.write(target);
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "imported %s -> %s: order %d, %,d unigrams, %.1f s%n", source, target, w.order(), w.count(1), (System.nanoTime() - t0) / 1e9);
            err.flush();
            return ExitCodes.OK;
        }
    }
}
