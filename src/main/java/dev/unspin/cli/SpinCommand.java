package dev.unspin.cli;

import dev.unspin.corpus.Spinner;
import dev.unspin.corpus.TextFiles;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.text.TextAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "spin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Make annotated spun text (.ann) from clean text, as a spinner would: dictionary originals are replaced, "
                + "at the given rate, by spun forms that map back to them. Unlimited evaluation data for `unspin eval`. "
                + "(The spins come from the dictionaries themselves, so recall measured on them is optimistic; precision is not.)",
        footer = {"%nExamples:", "  unspin spin --rate 0.15 --seed 7 clean.txt > spun.ann", "  unspin spin --out-dir synth/ clean/*.txt && unspin eval synth/*.ann"})
final class SpinCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Clean text files or folders.")
    List<Path> inputs;

    @Option(names = "--rate", description = "Share of matching originals to spin (default ${DEFAULT-VALUE}).")
    double rate = 0.3;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--dict", paramLabel = "FILE", description = "Spin with these dictionaries instead of the bundled ones (repeatable).")
    List<Path> dicts = new ArrayList<>();

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Write NAME.ann per input here (else all to standard output).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        TextAnalyzer analyzer = TextAnalyzer.english();
        Spinner spinner = new Spinner(analyzer, new DictionaryLoader(analyzer).load(dicts.isEmpty(), dicts));
        List<Path> files = TextFiles.expand(inputs);
        long k = 0;
        for (Path f : files) {
            String ann = spinner.spin(TextFiles.read(f), rate, seed + k++);
            if (outDir != null) {
                TextFiles.writeAtomically(outDir.resolve(f.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".ann"), ann);
            } else {
                spec.commandLine().getOut().print(ann);
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
