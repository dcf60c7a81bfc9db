package dev.unspin.cli;

import dev.unspin.corpus.InputException;
import dev.unspin.dictionary.DictionaryException;
import dev.unspin.lm.ModelFormatException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "unspin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Repairs synonym-spun text: a phrase dictionary proposes the originals, a language model picks them in context.",
        subcommands = {FixCommand.class, LearnCommand.class, EvalCommand.class, SpinCommand.class, CheckCommand.class, CalibrateCommand.class, HeldoutCommand.class, CoverageCommand.class, LmCommand.class, DictCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"%nExamples:", "  unspin fix < spun.txt > clean.txt", "  unspin fix --explain article.txt", "  unspin eval samples/*.ann",
            ExitCodes.HELP})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("unspin: " + oneLine(ex));
            cmd.getErr().flush();
            return exitCode(ex);
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof DictionaryException) {
            return ExitCodes.DICTIONARY;
        }
        if (ex instanceof ModelFormatException || ex instanceof EngineOptions.ModelMissingException) {
            return ExitCodes.MODEL;
        }
        if (ex instanceof InputException || ex instanceof NoSuchFileException || ex instanceof AccessDeniedException) {
            return ExitCodes.INPUT;
        }
        if (ex instanceof IOException) {
            return ExitCodes.INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof NoSuchFileException n) {
            return n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
        }
        if (ex instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        String m = ex.getMessage();
        if (ex instanceof IOException || ex instanceof DictionaryException) {
            return m;
        }
        return "internal error: " + ex + " (please report it)";
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"unspin " + (v == null ? "0.1.0-dev" : v)};
        }
    }
}
