package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.ModelImport;
import dev.unspin.lm.ModelWriter;
import dev.unspin.lm.NgramModel;
import dev.unspin.lm.UnspinLanguageModel;
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
        description = "Language model tools: statistics, scoring, comparing phrasings, importing and building models, perplexity.",
        subcommands = {LmCommand.Info.class, LmCommand.Vocab.class, LmCommand.Score.class, LmCommand.Compare.class, LmCommand.Import.class, LmCommand.Build.class,
            LmCommand.PerplexityCmd.class, LmCommand.VsOpenNlp.class})
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

    @Command(name = "vocab", mixinStandardHelpOptions = true,
            description = "The model's vocabulary, one word per line with its unigram log10 probability (for scripts that build dictionaries).")
    static final class Vocab implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;

        @Override
        public Integer call() throws Exception {
            NgramModel m = model.open();
            PrintWriter out = spec.commandLine().getOut();
            for (int id = 0; id < m.vocabularySize(); id++) {
                out.printf(Locale.ROOT, "%s\t%.4f%n", m.word(id), m.unigramLogProb(id));
            }
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

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a model from plain text (files or folders): sentences and words as the restorer sees them, counts in "
                    + "bounded memory (chunks sorted and spilled to disk, then merged), interpolated modified Kneser-Ney (default) or stupid "
                    + "back-off. A progress line on a terminal.",
            footer = {"%nExample:", "  unspin lm build --corpus news-archive/ --order 4 -o news.ulm && unspin fix --lm news.ulm article.txt"})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH")
        List<Path> corpus;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL")
        Path target;
        @Option(names = "--order", description = "n-gram order, 1 to 5 (default ${DEFAULT-VALUE}).")
        int order = 3;
        @Option(names = "--smoothing", description = "kn (interpolated modified Kneser-Ney) or stupid (default ${DEFAULT-VALUE}).")
        String smoothing = "kn";
        @Option(names = "--min-count", description = "Prune n-grams of order 2 and up seen fewer times (default ${DEFAULT-VALUE}: keep all).")
        long minCount = 1;
        @Option(names = "--chunk", description = "Distinct n-grams counted in memory before spilling a sorted run to disk (default ${DEFAULT-VALUE}).")
        int chunk = 2_000_000;
        @Option(names = "--tmp", paramLabel = "DIR", description = "Folder for the spilled runs (default: the system's).")
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

        @Override
        public Integer call() throws Exception {
            var sm = switch (smoothing) {
                case "kn" -> dev.unspin.lm.ModelBuilder.Smoothing.KNESER_NEY;
                case "stupid" -> dev.unspin.lm.ModelBuilder.Smoothing.STUPID_BACKOFF;
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--smoothing is kn or stupid");
            };
            if (order < 1 || order > 5) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--order is 1 to 5");
            }
            List<Path> files = TextFiles.expand(corpus);
            for (Path f : corpus) {
                if (!java.nio.file.Files.exists(f)) {
                    throw new dev.unspin.corpus.InputException(f.toString(), "no such file or directory");
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            boolean tty = System.console() != null;
            long t0 = System.nanoTime();
            var trainer = new dev.unspin.corpus.ModelTrainer(TextAnalyzer.english(),
                    new dev.unspin.corpus.ModelTrainer.Settings(order, sm, minCount, chunk, tmp));
            int[] done = {0};
            ModelWriter w = trainer.train(files, words -> {
                done[0]++;
                if (tty) {
                    err.printf(Locale.ROOT, "\rcounting: %d/%d files, %,d words", done[0], files.size(), words);
                    err.flush();
                }
            });
            w.write(target);
            if (tty) {
                err.println();
            }
            StringBuilder counts = new StringBuilder();
            for (int n = 1; n <= order; n++) {
                counts.append(n == 1 ? "" : "/").append(w.count(n));
            }
            err.printf(Locale.ROOT, "built %s: order %d, %s n-grams, %s, %.1f s%n", target, order, counts, smoothing, (System.nanoTime() - t0) / 1e9);
            err.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "perplexity", mixinStandardHelpOptions = true,
            description = "Per-word perplexity of text under a model (</s> included; unknown words counted apart, as SRILM does).")
    static final class PerplexityCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        @Parameters(paramLabel = "PATH", arity = "1..*")
        List<Path> inputs;

        @Override
        public Integer call() throws Exception {
            TextAnalyzer analyzer = TextAnalyzer.english();
            List<List<String>> sents = new java.util.ArrayList<>();
            for (Path f : TextFiles.expand(inputs)) {
                sents.addAll(dev.unspin.corpus.ModelTrainer.sentences(analyzer, TextFiles.read(f)));
            }
            var r = dev.unspin.lm.Perplexity.of(model.open(), sents);
            spec.commandLine().getOut().printf(Locale.ROOT, "perplexity %.1f over %,d words (%,d unknown, %.2f%% OOV) in %,d sentences%n",
                    r.perplexity(), r.words(), r.oov(), 100 * r.oovRate(), sents.size());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "vs-opennlp", mixinStandardHelpOptions = true,
            description = "Side by side on the same training text: OpenNLP's NGramLanguageModel against an unspin Kneser-Ney model "
                    + "(build time, size, load time, perplexity on held-out text, lookups per second).")
    static final class VsOpenNlp implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--train", required = true, arity = "1..*", paramLabel = "PATH")
        List<Path> train;
        @Option(names = "--test", required = true, arity = "1..*", paramLabel = "PATH")
        List<Path> test;
        @Option(names = "--order", description = "(default ${DEFAULT-VALUE})")
        int order = 3;
        @Option(names = "--pairs", paramLabel = "TSV", description = "kind<TAB>original<TAB>spun lines: how often each model prefers the original.")
        Path pairs;

        @Override
        public Integer call() throws Exception {
            Path dir = java.nio.file.Files.createTempDirectory("unspin-vs");
            var settings = new dev.unspin.corpus.ModelTrainer.Settings(order, dev.unspin.lm.ModelBuilder.Smoothing.KNESER_NEY, 1, 2_000_000, dir);
            var r = dev.unspin.corpus.ModelComparison.kneserNey(settings, TextAnalyzer.english())
                    .run(TextFiles.expand(train), TextFiles.expand(test), pairs, dir);
            java.nio.file.Files.deleteIfExists(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "test: %,d sentences, %,d scorable by both (%,d words)%n", r.testSentences(), r.scorable(), r.scorableWords());
            out.printf(Locale.ROOT, "%-28s %8s %12s %9s %11s %13s %10s %6s%n", "model", "build s", "size bytes", "load ms", "perplexity",
                    "probs/s", "mass(of the)", "pairs");
            for (var side : List.of(r.opennlp(), r.unspin())) {
                out.printf(Locale.ROOT, "%-28s %8.1f %,12d %9.1f %11.1f %,13.0f %10.3f %6s%n", side.name(), side.buildSeconds(), side.bytes(),
                        side.loadMillis(), side.perplexity(), side.lookupsPerSecond(), side.massAfterOfThe(),
                        r.pairs() == 0 ? "-" : side.pairsRight() + "/" + r.pairs());
            }
            out.println("(perplexity on the sentences both can score, no sentence markers; mass(of the): the sum over the vocabulary of");
            out.printf(Locale.ROOT, " P(w | of the), 1 for a probability distribution; unspin on all test text with <s>/</s>: perplexity %.1f, %.2f%% OOV)%n",
                    r.fullPerplexity(), 100 * r.oovRate());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
