package dev.unspin.cli;

import dev.unspin.ModelNotFoundException;
import dev.unspin.ModelPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "setup", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Install the language model into the user cache, where every unspin jar finds it, so the jar can be "
                + "copied anywhere and 'mvn clean' loses nothing. The file is written atomically and readable by all. The cache:",
            "  $XDG_CACHE_HOME/unspin/en-us.ulm, else ~/.cache/unspin/en-us.ulm",
            "Without SOURCE, the first of these that exists is imported:",
            "  models/en-us.ulm beside the jar (the build's own import)",
            "  third-party/sphinx4-data.jar beside the jar (fetched by the build)",
            "  ~/.m2/repository/" + ModelPaths.SPHINX_ARTIFACT,
            "Nothing is downloaded. A machine without any of them can fetch the last with:",
            "  mvn dependency:get -Dartifact=" + ModelPaths.SPHINX_COORDINATES,
            "A run that finds no model does the same once, by itself."},
        footer = {"%nExamples:", "  unspin setup", "  mvn dependency:get -Dartifact=" + ModelPaths.SPHINX_COORDINATES + " && unspin setup",
            "  unspin setup ~/Downloads/sphinx4-data-5prealpha.jar", "  unspin setup --show"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L5, ExitCodes.L70})
final class SetupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1",
            description = "Where to import the model from: an unspin model (.ulm), the sphinx4-data jar, a Sphinx trie binary, or an ARPA file (.arpa, .arpa.gz).")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", description = "Install here instead of the user cache.")
    Path output;

    @Option(names = "--force", description = "Install again even if the target already holds a model.")
    boolean force;

    @Option(names = "--show", description = "Only print where models are looked for and imported from; change nothing.")
    boolean show;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ModelPaths paths = ModelPaths.system();
        Path target = output != null ? output : paths.userCache();
        if (show) {
            out.println("model lookup, first hit wins:");
            for (ModelPaths.Candidate c : paths.candidates()) {
                out.printf(Locale.ROOT, "  %-8s %s (%s)%n", Files.isRegularFile(c.path()) ? "found" : "missing", c.path(), c.origin());
            }
            out.println("import sources for setup and the first run:");
            for (Path p : paths.importSourcesAll()) {
                out.printf(Locale.ROOT, "  %-8s %s%n", Files.isRegularFile(p) ? "found" : "missing", p);
            }
            out.flush();
            return ExitCodes.OK;
        }
        Path from = source;
        if (from == null) {
            List<Path> sources = paths.importSources().stream().filter(p -> !p.toAbsolutePath().equals(target.toAbsolutePath())).toList();
            if (sources.isEmpty()) {
                throw new ModelNotFoundException("nothing to import the model from (looked in " + paths.importSourcesAll()
                        + "); fetch it with 'mvn dependency:get -Dartifact=" + ModelPaths.SPHINX_COORDINATES + "' or name a SOURCE");
            }
            from = sources.get(0);
        } else {
            ModelPaths.checkNamed(from, "SOURCE");
        }
        if (!force && Files.isRegularFile(target) && source == null) {
            String unusable = unusable(target);
            if (unusable == null) {
                out.println("already installed: " + target + " (--force installs again)");
                out.flush();
                return ExitCodes.OK;
            }
            // an earlier version's model (another format) or a damaged one: what a user runs setup again for
            out.println("replacing " + target + ": " + unusable);
        }
        ModelPaths.Installed done = ModelPaths.install(from, target);
        out.printf(Locale.ROOT, "installed %s from %s in %.1f s%n", done.target(), done.source(), done.seconds());
        out.flush();
        return ExitCodes.OK;
    }

    /** Why the installed model cannot be used (its format, a checksum), or null when it opens. */
    private static String unusable(Path model) {
        try {
            dev.unspin.lm.NgramModel.open(model);
            return null;
        } catch (java.io.IOException e) { // a ModelFormatException names the format or the damaged section
            String m = String.valueOf(e.getMessage());
            m = m.startsWith(model + ": ") ? m.substring(model.toString().length() + 2) : m;
            int advice = m.indexOf(" (re-create it");
            return advice > 0 ? m.substring(0, advice) : m;
        }
    }
}
