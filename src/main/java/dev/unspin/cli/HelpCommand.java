package dev.unspin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `unspin help [COMMAND...]`: the help of a command at any depth (`unspin help lm build`). picocli's
 * own HelpCommand only looks one level down and shows the parent's help for the rest.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, at any depth: unspin help lm build.",
        footer = {"%nExamples:", "  unspin help fix", "  unspin help lm build"},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, "2:no such command"})
final class HelpCommand implements Callable<Integer>, CommandLine.IHelpCommandInitializable2 {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and subcommands to show the help of (none: the overview).")
    List<String> commands = List.of();

    private CommandLine self;
    private PrintWriter out;
    private PrintWriter err;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
        this.err = errWriter;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                err.println(target.getCommandSpec().qualifiedName() + ": no such command: '" + name + "'; commands: "
                        + String.join(", ", target.getSubcommands().keySet()));
                err.println("Try '" + target.getCommandSpec().qualifiedName() + " --help' for more information.");
                err.flush();
                return ExitCodes.USAGE;
            }
            target = sub;
        }
        target.setUsageHelpAutoWidth(true); // as wide as the terminal (see Main.execute)
        target.usage(out, colors);
        out.flush();
        return ExitCodes.OK;
    }
}
