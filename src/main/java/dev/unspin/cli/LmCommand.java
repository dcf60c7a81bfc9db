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
        exitCodeListHeading = LmCommand.EXIT_HEADING, exitCodeList = {LmCommand.X0, LmCommand.X2, LmCommand.X3, LmCommand.X5,
            LmCommand.X70},
        footer = {"%nExamples:", "  unspin lm info", "  unspin lm compare \"the operating system\" \"the working system\"",
            "  echo \"the new operating system\" | unspin lm score -", "  unspin lm import model.arpa.gz -o news.ulm"},
        subcommands = {LmCommand.Info.class, LmCommand.Vocab.class, LmCommand.Score.class, LmCommand.Compare.class, LmCommand.Import.class, LmCommand.Build.class,
            LmCommand.PerplexityCmd.class, LmCommand.VsOpenNlp.class})
final class LmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // exit codes in every lm command's help (picocli's "code:description" form)
    static final String EXIT_HEADING = "%nExit codes:%n";
    static final String X0 = "0:success";
    static final String X2 = "2:bad command line (unknown option, value out of range)";
    static final String X3 = "3:bad input: missing, unreadable, a directory, not UTF-8";
    static final String X5 = "5:language model missing or corrupt (checksum, truncation, bad tables), or a malformed model to import";
    static final String X70 = "70:internal error (please report it)";

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** "-" (or no file) is standard input. */
    static String readInput(Path file) throws java.io.IOException {
        return file == null || file.toString().equals("-") ? TextFiles.read(System.in, "<stdin>") : TextFiles.read(file);
    }

    static void check(CommandLine.Model.CommandSpec spec, boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
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

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Model statistics: order, n-gram counts, size, open time, and what opening verified (a CRC-32C checksum per "
                    + "section and the tables' consistency; a corrupt model exits 5 naming the file).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X5, X70},
            footer = {"%nExamples:", "  unspin lm info", "  unspin lm info --lm news.ulm"})
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
            NgramModel.Verification v = m.verification();
            out.printf(Locale.ROOT, "verified    %d CRC-32C checksums over %,d bytes, offsets and ids in range (%.1f ms of the open)%n",
                    v.checksums(), v.bytes(), v.millis());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "vocab", mixinStandardHelpOptions = true,
            description = "The model's vocabulary, one word per line with its unigram log10 probability (for scripts that build dictionaries).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X5, X70},
            footer = {"%nExample:", "  unspin lm vocab | sort -t$'\\t' -k2 -g -r | head"})
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
            description = "Per-token log10 probabilities of a text, or with --format tsv one line per input line: total log10 probability (sentence start and end included), a tab, the line.",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, X5, X70},
            footer = {"%nExamples:", "  echo \"the new operating system\" | unspin lm score", "  unspin lm score --format tsv candidates.txt | sort -g -r"})
    static final class Score implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        /** Output forms; lower case because picocli matches and completes values by the constant's name. */
        enum Format { text, tsv }

        @Option(names = "--format", paramLabel = "FMT", description = "${COMPLETION-CANDIDATES}: text per token, tsv per line. Default: ${DEFAULT-VALUE}.")
        Format format = Format.text;
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Text to score (UTF-8); '-' or none: standard input.")
        Path file;

        @Override
        public Integer call() throws Exception {
            String text = readInput(file);
            LmScorer scorer = new LmScorer(model.open());
            TextAnalyzer analyzer = TextAnalyzer.english();
            PrintWriter out = spec.commandLine().getOut();
            for (String line : text.split("\r?\n", -1)) {
                if (line.isEmpty() && format != Format.tsv) {
                    continue;
                }
                List<String> toks = analyzer.tokens(line, 0, line.length()).stream().map(Token::text).toList();
                if (format == Format.tsv) {
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
            description = "Which of two phrasings the model prefers, and by how much (log10 of the probability ratio).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X5, X70},
            footer = {"%nExample:", "  unspin lm compare \"follow suit\" \"comply with swimsuit\""})
    static final class Compare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        @Parameters(index = "0", paramLabel = "A", description = "First phrasing, scored as one sentence (quote it).")
        String a;
        @Parameters(index = "1", paramLabel = "B", description = "Second phrasing, scored the same way.")
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
            description = "Convert an ARPA model (.arpa, .arpa.gz), a Sphinx trie binary (.lm.bin) or the sphinx4-data jar into unspin's memory-mapped, "
                    + "checksummed format. The output is written to a temporary file and renamed, readable by all (0644).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, "5:the source is not a model this can read (names the file and line)", X70},
            footer = {"%nExamples:", "  unspin lm import kenlm-news.arpa.gz -o news.ulm", "  unspin lm import sphinx4-data.jar -o ~/.cache/unspin/en-us.ulm"})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SOURCE", description = "Model to convert: ARPA text (gzipped or not, found by its bytes), "
                + "a Sphinx 'Trie Language Model' binary, or a jar/zip holding " + dev.unspin.lm.ModelImport.SPHINX_JAR_ENTRY + ".")
        Path source;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL", description = "unspin model file to write (.ulm); replaced atomically.")
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
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, X70},
            footer = {"%nExamples:", "  unspin lm build --corpus news-archive/ --order 4 -o news.ulm",
                "  unspin fix --lm news.ulm article.txt", "  unspin lm build --corpus a.txt b.txt --smoothing stupid -o small.ulm"})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH", description = "Training text: UTF-8 files, or folders read recursively.")
        List<Path> corpus;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL", description = "Model file to write (.ulm); replaced atomically.")
        Path target;
        @Option(names = "--order", paramLabel = "N", description = "n-gram order, 1 to 5 (default ${DEFAULT-VALUE}).")
        int order = 3;

        /** Lower case because picocli matches and completes values by the constant's name. */
        enum Smoothing {
            kn(dev.unspin.lm.ModelBuilder.Smoothing.KNESER_NEY), stupid(dev.unspin.lm.ModelBuilder.Smoothing.STUPID_BACKOFF);

            final dev.unspin.lm.ModelBuilder.Smoothing value;

            Smoothing(dev.unspin.lm.ModelBuilder.Smoothing value) {
                this.value = value;
            }
        }

        @Option(names = "--smoothing", paramLabel = "METHOD",
                description = "${COMPLETION-CANDIDATES}: kn is interpolated modified Kneser-Ney, stupid is stupid back-off (default ${DEFAULT-VALUE}).")
        Smoothing smoothing = Smoothing.kn;
        @Option(names = "--min-count", paramLabel = "N", description = "Prune n-grams of order 2 and up seen fewer than N times, N >= 1 (default ${DEFAULT-VALUE}: keep all).")
        long minCount = 1;
        @Option(names = "--chunk", paramLabel = "N", description = "Distinct n-grams counted in memory before spilling a sorted run to disk, N >= 1000 (default ${DEFAULT-VALUE}).")
        int chunk = 2_000_000;
        @Option(names = "--tmp", paramLabel = "DIR", description = "Folder for the spilled runs (default: the system's).")
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

        @Override
        public Integer call() throws Exception {
            var sm = smoothing.value;
            check(spec, order >= 1 && order <= 5, "--order must be 1 to 5, not " + order);
            check(spec, minCount >= 1, "--min-count must be at least 1, not " + minCount);
            check(spec, chunk >= 1000, "--chunk must be at least 1000, not " + chunk);
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
            description = "Per-word perplexity of text under a model (</s> included; unknown words counted apart, as SRILM does).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, X5, X70},
            footer = {"%nExamples:", "  unspin lm perplexity held-out/", "  zcat news.txt.gz | unspin lm perplexity --lm news.ulm -"})
    static final class PerplexityCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ModelOption model;
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Text files or folders (read recursively); '-' is standard input.")
        List<Path> inputs;

        @Override
        public Integer call() throws Exception {
            TextAnalyzer analyzer = TextAnalyzer.english();
            List<List<String>> sents = new java.util.ArrayList<>();
            for (Path in : inputs) {
                if (in.toString().equals("-")) {
                    sents.addAll(dev.unspin.corpus.ModelTrainer.sentences(analyzer, readInput(in)));
                    continue;
                }
                for (Path f : TextFiles.expand(List.of(in))) {
                    sents.addAll(dev.unspin.corpus.ModelTrainer.sentences(analyzer, TextFiles.read(f)));
                }
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
                    + "(build time, size, load time, perplexity on held-out text, lookups per second).",
            exitCodeListHeading = EXIT_HEADING, exitCodeList = {X0, X2, X3, X70},
            footer = {"%nExample:", "  unspin lm vs-opennlp --train corpus/train/ --test corpus/test/ --pairs pairs.tsv"})
    static final class VsOpenNlp implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--train", required = true, arity = "1..*", paramLabel = "PATH", description = "Training text: files or folders.")
        List<Path> train;
        @Option(names = "--test", required = true, arity = "1..*", paramLabel = "PATH", description = "Held-out text: files or folders.")
        List<Path> test;
        @Option(names = "--order", paramLabel = "N", description = "n-gram order of both models, 1 to 5 (default ${DEFAULT-VALUE}).")
        int order = 3;
        @Option(names = "--pairs", paramLabel = "TSV", description = "kind<TAB>original<TAB>spun lines: how often each model prefers the original.")
        Path pairs;

        @Override
        public Integer call() throws Exception {
            check(spec, order >= 1 && order <= 5, "--order must be 1 to 5, not " + order);
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
