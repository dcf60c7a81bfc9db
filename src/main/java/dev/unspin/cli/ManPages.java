package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build-time step: a roff man page per command (unspin.1, unspin-fix.1, unspin-lm-build.1, ...) from
 * the same picocli model as --help, so `man -l target/man/unspin-fix.1` works without asciidoctor
 * (picocli-codegen's generator, also run by the build, writes AsciiDoc sources beside them).
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/man");
        String version = args.length > 1 ? "unspin " + args[1] : new Main.Version().getVersion()[0];
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine cl : all) {
            CommandSpec spec = cl.getCommandSpec();
            String name = spec.qualifiedName("-");
            TextFiles.writeAtomically(dir.resolve(name + ".1"), page(cl, name, version));
        }
        System.err.printf("[unspin] %d man pages in %s%n", all.size(), dir);
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        if (cl.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        out.add(cl);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) { // not an alias
                collect(e.getValue(), out);
            }
        }
    }

    static String page(CommandLine cl, String name, String version) {
        CommandSpec spec = cl.getCommandSpec();
        CommandLine.Help help = cl.getHelp();
        StringBuilder sb = new StringBuilder();
        sb.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"").append(esc(version)).append("\" \"unspin manual\"\n");
        sb.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(firstSentence(String.join(" ", spec.usageMessage().description())))).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n").append(literal(help.synopsis(0).strip())).append("\n.fi\n");
        sb.append(".SH DESCRIPTION\n");
        for (String d : spec.usageMessage().description()) {
            sb.append(d.isBlank() ? ".PP\n" : d.startsWith("  ") ? ".nf\n" + literal(d) + "\n.fi\n" : esc(fmt(d)) + "\n");
        }
        if (!spec.subcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
                CommandSpec sub = e.getValue().getCommandSpec();
                if (e.getKey().equals(sub.name()) && !sub.usageMessage().hidden()) {
                    sb.append(".TP\n\\fB").append(esc(e.getKey())).append("\\fR\n")
                            .append(esc(fmt(firstSentence(String.join(" ", sub.usageMessage().description()))))).append('\n');
                }
            }
        }
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n").append(esc(fmt(describe(p.description(), p)))).append('\n');
                }
            }
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    String names = String.join(", ", o.names());
                    String label = o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel();
                    sb.append(".TP\n\\fB").append(esc(names)).append("\\fR").append(esc(label)).append('\n')
                            .append(esc(fmt(describe(o.description(), o)))).append('\n');
                }
            }
        }
        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (!codes.isEmpty()) {
            sb.append(".SH \"EXIT STATUS\"\n");
            codes.forEach((k, v) -> sb.append(".TP\n\\fB").append(esc(k.strip())).append("\\fR\n").append(esc(v)).append('\n'));
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            sb.append(".SH NOTES\n.nf\n");
            for (String f : footer) {
                sb.append(literal(fmt(f).replaceAll("\\R+$", ""))).append('\n');
            }
            sb.append(".fi\n");
        }
        return sb.toString();
    }

    /** Description lines with picocli's ${DEFAULT-VALUE} and ${COMPLETION-CANDIDATES} filled in. */
    private static String describe(String[] lines, CommandLine.Model.ArgSpec arg) {
        String d = String.join(" ", lines);
        String def = arg.defaultValueString();
        d = d.replace("${DEFAULT-VALUE}", def == null ? "" : def);
        Iterable<String> cands = arg.completionCandidates();
        if (cands != null) {
            d = d.replace("${COMPLETION-CANDIDATES}", String.join(", ", cands));
        }
        return d;
    }

    private static String fmt(String s) {
        return s.replace("%n", "\n").replace("%%", "%");
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return (dot > 0 ? s.substring(0, dot + 1) : s).strip();
    }

    /** Escapes roff: backslashes, and a leading dot or quote that would read as a request. */
    static String esc(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder sb = new StringBuilder();
        for (String line : e.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return sb.toString();
    }

    /** Verbatim text for .nf blocks. */
    private static String literal(String s) {
        return esc(s);
    }
}
