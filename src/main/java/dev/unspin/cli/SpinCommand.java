package dev.unspin.cli;

import dev.unspin.corpus.Spinner;
import dev.unspin.corpus.TextFiles;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "spin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Make annotated spun text (.ann) from clean text, as a spinner would: dictionary originals are replaced, "
                + "at the given rate, by spun forms that map back to them. Unlimited evaluation data for `unspin eval`. "
                + "(The spins come from the dictionaries themselves, so recall measured on them is optimistic; precision is not.)",
            "",
            "By default only the curated moves spin (the bundled " + SpinCommand.CURATED_HELP + "): the generated dictionaries hold "
                + "hypotheses and WordNet artefacts ('atomic number 49' for 'in') that make implausible spun text."},
        footer = {"%nExamples:", "  unspin spin --rate 0.15 --seed 7 clean.txt > spun.ann", "  unspin spin --out-dir synth/ clean/ && unspin eval synth/",
            "  unspin spin - < clean.txt | unspin eval -", "  unspin spin --dict dictionaries/science-tortured.txt abstract.txt"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L70})
final class SpinCommand implements Callable<Integer> {
    /** The curated bundled dictionaries spun with by default. */
    static final List<String> CURATED = List.of("news-core.txt", "spinner-words.txt");
    static final String CURATED_HELP = "news-core.txt and spinner-words.txt";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Clean text files or folders; '-' reads standard input.")
    List<String> inputs;

    @Option(names = "--rate", paramLabel = "R", converter = Values.Share.class,
            description = "Share of matching originals to spin, 0 to 1 (default ${DEFAULT-VALUE}).")
    double rate = 0.3;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same output (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--dict", paramLabel = "FILE", description = "Spin with these dictionaries instead of the curated bundled ones (repeatable).")
    List<Path> dicts = new ArrayList<>();

    @Option(names = "--all-bundled", description = "Spin with every bundled dictionary, the generated ones too (artefacts included).")
    boolean allBundled;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Write NAME.ann per input here, atomically (else all to standard output).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        List<Inputs.Input> files = Inputs.expand(inputs);
        TextAnalyzer analyzer = TextAnalyzer.english();
        Spinner spinner = new Spinner(analyzer, dictionary(new DictionaryLoader(analyzer)));
        long k = 0;
        for (Inputs.Input f : files) {
            String ann = spinner.spin(f.read(), rate, seed + k++);
            if (outDir != null) {
                TextFiles.writeAtomically(outDir.resolve(f.baseName().replaceFirst("\\.[^.]*$", "") + ".ann"), ann);
            } else {
                spec.commandLine().getOut().print(ann);
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** --dict files, or every bundled file, or (by default) the curated bundled files only. */
    private PhraseDictionary dictionary(DictionaryLoader loader) throws IOException, dev.unspin.dictionary.DictionaryException {
        if (!dicts.isEmpty()) {
            return loader.load(allBundled, dicts);
        }
        PhraseDictionary all = loader.load(true, List.of());
        if (allBundled) {
            return all;
        }
        // entries name their file first (file:line): keep those of the curated files
        List<Entry> curated = all.entries().stream().filter(e -> CURATED.stream().anyMatch(n -> e.origin().startsWith(n + ":"))).toList();
        if (curated.isEmpty()) {
            throw new IllegalStateException("no entries from " + CURATED + " among the bundled dictionaries");
        }
        return new PhraseDictionary(curated);
    }
}
