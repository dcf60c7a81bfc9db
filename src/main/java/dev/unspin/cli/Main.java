package dev.unspin.cli;

import dev.unspin.ModelNotFoundException;
import dev.unspin.corpus.InputException;
import dev.unspin.dictionary.DictionaryException;
import dev.unspin.lm.ModelFormatException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

@Command(name = "unspin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Repairs synonym-spun text: a phrase dictionary proposes the originals, a language model picks them in context.",
        // New commands go in this list (help and generate-completion last).
        subcommands = {FixCommand.class, EvalCommand.class, SpinCommand.class, CoverageCommand.class, LmCommand.class, DictCommand.class,
            BenchCommand.class, SetupCommand.class, HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"%nExamples:", "  unspin fix < spun.txt > clean.txt", "  unspin fix --explain article.txt", "  unspin eval samples/*.ann",
            "  unspin help lm build", "  source <(unspin generate-completion)     # tab completion in bash or zsh"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5, ExitCodes.L70})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // not reached: a command group without a subcommand is a usage error (see commandLine())
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
        // help as wide as the terminal (picocli asks it), so long paths and option lists wrap less
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpLongOptionsMaxWidth(32);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("unspin: " + oneLine(ex));
            cmd.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionStrategy(Main::execute);
        return cl;
    }

    /** A usage error: one line naming the problem, one pointing at the help, exit 2 (not 88 lines of usage). */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String msg = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> tips = u.getSuggestions();
            if (!tips.isEmpty()) {
                msg += " (did you mean " + String.join(" or ", tips.subList(0, Math.min(3, tips.size()))) + "?)";
            }
        }
        usageHint(cmd, msg);
        return ExitCodes.USAGE;
    }

    private static void usageHint(CommandLine cmd, String msg) {
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + msg);
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
    }

    /**
     * Runs the last command given; a command group (unspin, unspin lm, unspin dict) given without its
     * subcommand is a usage error, whatever its own run() does.
     */
    static int execute(ParseResult parsed) {
        ParseResult last = parsed;
        boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        while (last.hasSubcommand()) {
            last = last.subcommand();
            help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
        }
        CommandLine cmd = last.commandSpec().commandLine();
        Map<String, CommandLine> subs = cmd.getSubcommands();
        if (!help && !subs.isEmpty() && !(cmd.getCommand() instanceof java.util.concurrent.Callable<?>)) {
            String names = subs.entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                    .filter(e -> e.getKey().equals(e.getValue().getCommandName())) // not aliases
                    .map(Map.Entry::getKey).collect(Collectors.joining(", "));
            usageHint(cmd, "missing command: one of " + names);
            return ExitCodes.USAGE;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof DictionaryException) {
            return ExitCodes.DICTIONARY;
        }
        if (ex instanceof ModelFormatException || ex instanceof ModelNotFoundException || ex instanceof EngineOptions.ModelMissingException) {
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
