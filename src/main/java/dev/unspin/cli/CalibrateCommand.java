package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.Annotation;
import dev.unspin.eval.CalibrationTrainer;
import dev.unspin.eval.MoveTable;
import dev.unspin.eval.SpinnerProfiles;
import dev.unspin.eval.TrainingSpinner;
import dev.unspin.lm.LmScorer;
import dev.unspin.restore.Calibration;
import dev.unspin.restore.Generators;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fit the restorer's channel and decision models on synthetic spins of clean text and write the calibration file. "
                + "Training spins use the move folds other than the held-out one (see `unspin heldout`); every fifth document validates.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5, ExitCodes.L70},
        footer = {"", "Example:", "  unspin calibrate target/data/brown-txt --science target/data/science/train --validate samples -o calibration.txt"})
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Clean training text: files or folders (*.txt).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the calibration (atomically).")
    Path output;

    @Option(names = "--seed", description = "Seed of the training spins. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--target-precision", description = "Validation precision the default --confidence must reach. Default: ${DEFAULT-VALUE}.")
    double targetPrecision = 0.95;

    @Option(names = "--science", paramLabel = "PATH", description = "Clean science prose (files or folders): every other document is spun "
            + "by the science (tortured-phrase) profile, the rest stay clean, so the tortured list's terms are met both spun and as written.")
    List<Path> science = new ArrayList<>();

    @Option(names = "--real", paramLabel = "PATH", description = "Annotated real spun text (.ann files or folders) to train on as it is, beside the synthetic spins.")
    List<Path> real = new ArrayList<>();

    @Option(names = "--validate", paramLabel = "PATH", description = "Annotated real-style spun text (.ann files or folders) to choose the confidence threshold on (with the clean-prose bound).")
    List<Path> validate = new ArrayList<>();

    @Option(names = "--lm", paramLabel = "MODEL", description = "Language model (.ulm); default as for fix.")
    Path lm;

    static List<Path> annFiles(List<Path> paths) throws java.io.IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var st = Files.list(p)) {
                    st.filter(f -> f.toString().endsWith(".ann")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        TextAnalyzer analyzer = TextAnalyzer.english();
        LmScorer scorer = new LmScorer(dev.unspin.lm.NgramModel.open(lm != null ? lm : ModelLocator.find()));
        PhraseDictionary all = new DictionaryLoader(analyzer).load(true, List.of());
        PhraseDictionary dict = SpinnerProfiles.forCalibration(all);
        Generators.Tables tables = Generators.Tables.bundled(); // one load serves the training spins and the restorer
        MoveTable moves = SpinnerProfiles.moves(all, tables, scorer, f -> f != SpinnerProfiles.HELD_OUT);
        err.println("moves for training spins: " + moves.size());
        TrainingSpinner spinner = new TrainingSpinner(analyzer, moves);
        List<TrainingSpinner.Profile> profiles = SpinnerProfiles.profiles();
        List<String> docs = new ArrayList<>();
        long edits = 0;
        long words = 0;
        int i = 0;
        TrainingSpinner.Profile scienceProfile = profiles.stream().filter(p -> p.name().equals("science")).findFirst().orElseThrow();
        TrainingSpinner.Profile clean = profiles.stream().filter(p -> p.name().equals("clean")).findFirst().orElseThrow();
        List<Path> general = TextFiles.expand(inputs);
        List<Path> files = new ArrayList<>(general);
        files.addAll(TextFiles.expand(science));
        for (Path p : files) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int s = i - general.size();
            TrainingSpinner.Profile prof = s < 0 ? profiles.get(i % profiles.size()) : s % 2 == 0 ? scienceProfile : clean;
            String ann = spinner.spin(text, prof, seed * 1_000_003L + i);
            docs.add(ann);
            Annotation a = Annotation.parse(ann);
            if (!a.edits().isEmpty()) {
                edits += a.edits().size();
                words += a.spun().split("\\s+").length;
            }
            i++;
        }
        int realDocs = 0;
        for (Path f : annFiles(real)) {
            {
                // real pairs go in among the synthetic ones, so that every fifth of them validates too
                docs.add(Math.min(docs.size(), realDocs * 7), Files.readString(f, StandardCharsets.UTF_8));
                realDocs++;
            }
        }
        double rate = words == 0 ? 0.05 : (double) edits / words;
        err.printf("%d documents, training spin rate %.4f substitutions per word%n", docs.size(), rate);
        Restorer base = new Restorer(analyzer, SpinnerProfiles.withoutHeldOut(dict, tables), scorer, Calibration.bundled(), false);
        Restorer withoutHeldOut = new Restorer(analyzer, SpinnerProfiles.withoutHeldOut(SpinnerProfiles.filter(all, f -> f != SpinnerProfiles.HELD_OUT), tables),
                scorer, Calibration.bundled(), false);
        Calibration start = Calibration.bundled().withSettings(rate, Calibration.bundled().confidence(), Calibration.bundled().spunRate());
        List<String> provenance = List.of("unspin calibration: every number the restorer decides with. Written by `unspin calibrate`; do not edit by hand.",
                "Data: " + (docs.size() - realDocs) + " clean documents (" + String.join(", ", inputs.stream().map(Path::toString).toList())
                        + (science.isEmpty() ? "" : "; science prose, every other one spun by the science profile: " + science) + "), spun by the profiles of "
                        + "SpinnerProfiles with the moves of folds 1-4 (fold 0 held out), seed " + seed + "; the dictionaries without fold 0 (and without the "
                        + "tortured phrases of fold " + SpinnerProfiles.UNLISTED_TORTURED + ", which the spins still use); and "
                        + realDocs + " annotated real spun pages (" + real + ").",
                "Settings not fitted here (rate prior, family prior weight, EM rounds, beam, pruning) are described in Calibration's javadoc.");
        List<String> validation = new ArrayList<>();
        for (Path f : annFiles(validate)) {
            validation.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        List<String> prov = new ArrayList<>(provenance);
        prov.add("Confidence threshold chosen on " + validation.size() + " annotated real-style documents (" + validate + ").");
        Calibration fitted = new CalibrationTrainer(base, withoutHeldOut, err::println).fit(docs, validation, start, targetPrecision, prov);
        Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".calibration", ".tmp");
        Files.writeString(tmp, fitted.format(), StandardCharsets.UTF_8);
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        for (String n : fitted.notes()) {
            err.println(n);
        }
        return 0;
    }
}
