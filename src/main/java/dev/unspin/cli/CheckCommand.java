package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.restore.Restorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Estimate how spun each file is, without changing it: prints the estimated spin rate (substitutions per word)",
                "and whether the file reads as spun, and exits 1 when any file does (like `black --check`)."},
        footer = {"", "Examples:", "  unspin check article.txt", "  unspin check --threshold 0.05 site/*.txt && echo all clean",
                "  unspin check - < page.txt"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file reads as clean", "1:some file reads as spun", "2:bad command line", "3:bad input (file named)",
                "4:malformed dictionary line", "5:language model missing or corrupt"})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check; - for standard input.")
    List<String> files;

    @Option(names = "--threshold", paramLabel = "RATE",
            description = "Spin rate above which a file reads as spun. Default: the calibration's (chosen between clean and spun validation documents).")
    Double threshold;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be between 0 and 1, not " + threshold);
        }
        Restorer r = engine.restorer();
        if (!r.usesLanguageModel()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "check needs the language model (drop --no-lm)");
        }
        double limit = threshold != null ? threshold : r.calibration().spunRate();
        PrintWriter out = spec.commandLine().getOut();
        boolean anySpun = false;
        for (String f : files) {
            String text = f.equals("-") ? TextFiles.read(System.in, "<stdin>") : TextFiles.read(Path.of(f));
            double rate = r.analyse(text).spinRate();
            boolean spun = rate > limit;
            anySpun |= spun;
            out.printf(Locale.ROOT, "%s\t%.4f\t%s%n", dev.unspin.batch.Messages.safe(f), rate, spun ? "spun" : "clean");
        }
        out.flush();
        if (out.checkError()) {
            throw new java.io.IOException("standard output: write error");
        }
        return anySpun ? 1 : 0;
    }
}
