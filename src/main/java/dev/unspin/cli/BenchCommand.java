package dev.unspin.cli;

import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure speed on your text: start-up parts, restoration words per second on one thread with and without the "
                + "language model (median of --runs after a warm-up), model lookups per second, and peak resident memory.",
        footer = {"%nExamples:", "  unspin bench samples/ --runs 5", "  unspin bench --lm my.ulm big-article.txt", "  unspin spin clean.txt | unspin bench -"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5, ExitCodes.L70})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Text files or folders to restore (.ann files: their spun text); '-' reads standard input.")
    List<String> inputs;

    @Option(names = "--runs", paramLabel = "N", converter = Values.Positive.class, description = "Timed runs per setting, 1 or more (default ${DEFAULT-VALUE}).")
    int runs = 5;

    @CommandLine.Mixin
    LmCommand.ModelOption model;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        TextAnalyzer analyzer = TextAnalyzer.english();
        long t1 = System.nanoTime();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(true, List.of());
        long t2 = System.nanoTime();
        NgramModel m = model.open();
        long t3 = System.nanoTime();
        out.printf(Locale.ROOT, "start-up: OpenNLP models %.0f ms, dictionaries %.0f ms (%d entries), language model open %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, dict.size(), (t3 - t2) / 1e6);

        List<String> texts = new ArrayList<>();
        for (Inputs.Input f : Inputs.expand(inputs)) {
            String t = f.read();
            // annotated files are benchmarked on their spun text (marks are recognised on standard input too)
            texts.add(f.hasExtension(".ann") || f.isStdin() ? dev.unspin.eval.Annotation.parse(t).spun() : t);
        }
        long words = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
        LmScorer scorer = new LmScorer(m);
        for (boolean lm : new boolean[] {true, false}) {
            // the restorer `fix` builds by default: every candidate generator, the bundled calibration
            Restorer r = lm ? new Restorer(analyzer, dev.unspin.restore.Generators.standard(dict, true, true), scorer,
                    dev.unspin.restore.Calibration.bundled(), false) : new Restorer(analyzer, dict, null, Options.defaults().withLanguageModel(false));
            double[] wps = new double[runs];
            // the thread's own CPU time as well: on a shared machine the wall clock also counts other processes' turns
            double[] cpu = new double[runs];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
            long changes = 0;
            texts.forEach(r::restore); // warm-up
            for (int k = 0; k < runs; k++) {
                long c = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
                long s = System.nanoTime();
                changes = 0;
                for (String t : texts) {
                    changes += r.restore(t).edits().size();
                }
                wps[k] = words / ((System.nanoTime() - s) / 1e9);
                cpu[k] = cpuTime ? words / (Math.max(1, mx.getCurrentThreadCpuTime() - c) / 1e9) : Double.NaN;
            }
            Arrays.sort(wps);
            Arrays.sort(cpu);
            out.printf(Locale.ROOT, "fix %-8s %,d words, %d changes: median %,.0f words/s (min %,.0f, max %,.0f) over %d runs, one thread%s%n",
                    lm ? "(lm)" : "(--no-lm)", words, changes, wps[runs / 2], wps[0], wps[runs - 1], runs,
                    cpuTime ? String.format(Locale.ROOT, "; %,.0f words per CPU second (median)", cpu[runs / 2]) : "");
        }
        // Lookups: trigram windows of the input text's own words.
        List<String> toks = new ArrayList<>();
        for (String t : texts) {
            for (var s : analyzer.sentences(t)) {
                s.tokens().stream().map(Token::text).forEach(toks::add);
            }
        }
        int[] ids = scorer.idsOf(toks);
        double best = 0;
        double sink = 0;
        for (int k = 0; k < runs; k++) {
            long s = System.nanoTime();
            for (int i = 3; i <= ids.length; i++) {
                sink += m.logProb(ids, i - 3, i);
            }
            best = Math.max(best, (ids.length - 2) / ((System.nanoTime() - s) / 1e9));
        }
        out.printf(Locale.ROOT, "lm lookups: %,.0f trigram probabilities/s on one core (checksum %.1f)%n", best, sink);
        out.printf(Locale.ROOT, "memory: peak resident %s, model file %,d bytes (mapped)%n", peakRss(), Files.size(m.file()));
        out.flush();
        return ExitCodes.OK;
    }

    /** VmHWM from /proc (Linux); "n/a" elsewhere. */
    static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return l.substring(6).strip();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }
}
