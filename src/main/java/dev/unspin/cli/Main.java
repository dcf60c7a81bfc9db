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
        subcommands = {FixCommand.class, CheckCommand.class, LearnCommand.class, EvalCommand.class, SpinCommand.class, CoverageCommand.class,
            LmCommand.class, DictCommand.class, BenchCommand.class, SetupCommand.class, CalibrateCommand.class, HeldoutCommand.class,
            HelpCommand.class, AutoComplete.GenerateCompletion.class},
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
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every command, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * The command line for these arguments. When they start with the name of a command (the usual
     * `unspin fix ...`), only that command is built: picocli otherwise reflects over every command
     * and option of the tool at each start, a tenth of a second of a pipe's start-up. Anything
     * else (options first, help, an unknown name) gets the whole tree, so messages are unchanged.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configure(new CommandLine(new Lean())); // the version needs no command
        }
        // the loading starts before picocli reads a single annotation (30 ms): it is the longest part of a pipe's run
        EngineOptions.Preloaded early = preload(args) ? EngineOptions.preload(preloadModel(args), !List.of(args).contains("--no-lm")) : null;
        Class<?> only = args.length == 0 ? null : command(args[0]);
        if (only == null) {
            return commandLine();
        }
        CommandLine.IFactory factory = new Preloading(early);
        CommandLine cl = new CommandLine(new Lean(), factory);
        cl.addSubcommand(new CommandLine(only, factory));
        return configure(cl);
    }

    /**
     * Whether the arguments name a command whose run starts by loading the OpenNLP models and the rest (fix, eval,
     * coverage), unless only help or the version is asked. By name, so nothing of picocli's is needed to decide.
     */
    static boolean preload(String[] args) {
        if (args.length == 0 || !List.of(FixCommand.NAME, EvalCommand.NAME, CoverageCommand.NAME).contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version") || a.equals("--")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the default model may be opened early: no option names another model or none. */
    static boolean preloadModel(String[] args) {
        for (String a : args) {
            if (a.equals("--lm") || a.startsWith("--lm=") || a.equals("--no-lm")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates commands as picocli's default factory does, but hands the engine options what is being
     * loaded on other threads while picocli parses the command line (see EngineOptions.Preloaded).
     */
    static final class Preloading implements CommandLine.IFactory {
        private final EngineOptions.Preloaded preloaded;

        Preloading(EngineOptions.Preloaded preloaded) {
            this.preloaded = preloaded;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == EngineOptions.class && preloaded != null) {
                return cls.cast(new EngineOptions(preloaded));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The command class named so in Main's subcommand list, or null (help and completion need the whole tree). */
    static Class<?> command(String name) {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command cmd = c.getAnnotation(Command.class);
            if (cmd != null && !cmd.helpCommand() && c != AutoComplete.GenerateCompletion.class
                    && (cmd.name().equals(name) || java.util.Arrays.asList(cmd.aliases()).contains(name))) {
                return c;
            }
        }
        return null;
    }

    /** The top level without its subcommands (one is added): same name, options and version as Main. */
    @Command(name = "unspin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
    static final class Lean implements Runnable {
        @Override
        public void run() {
            // not reached: the one subcommand is always given
        }
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setUsageHelpLongOptionsMaxWidth(32);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("unspin: " + oneLine(ex));
            cmd.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionStrategy(Main::execute);
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            // picocli's own command: given the exit codes and an example like every other command
            Map<String, String> codes = new java.util.LinkedHashMap<>();
            for (String line : new String[] {ExitCodes.L0, ExitCodes.L2, ExitCodes.L70}) {
                codes.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
            completion.getCommandSpec().usageMessage().exitCodeListHeading(ExitCodes.HEADING).exitCodeList(codes)
                    .footer("", "Example:", "  source <(unspin generate-completion)     # in ~/.bashrc or ~/.zshrc");
        }
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
        if (help) {
            // help as wide as the terminal, so paths and option lists wrap less; only now, because
            // picocli asks the terminal's width by running stty in a subprocess
            parsed.commandSpec().commandLine().setUsageHelpAutoWidth(true);
        }
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
