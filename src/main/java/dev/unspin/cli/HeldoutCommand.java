package dev.unspin.cli;

import dev.unspin.corpus.InputException;
import dev.unspin.corpus.TextFiles;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.HeldOutProtocol;
import dev.unspin.eval.Pieces;
import dev.unspin.eval.MoveTable;
import dev.unspin.eval.SpinnerProfiles;
import dev.unspin.eval.TrainingSpinner;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Calibration;
import dev.unspin.restore.Generators;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "heldout", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure generalisation: spin clean text the restorer was not trained on with the held-out fold of moves, by each "
                + "spinner profile, restore it with that fold removed from the dictionaries, and score it; count changes on clean text; "
                + "score annotated files (.ann) with the full dictionaries.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5, ExitCodes.L70},
        footer = {"", "Examples:", "  unspin heldout --spin-source samples/heldout/spin-source --clean samples/heldout/clean --ann samples",
                "  unspin heldout --pieces 3 --spin-source samples/heldout/spin-source --clean samples/heldout/clean   # as short texts"})
final class HeldoutCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--spin-source", paramLabel = "PATH", description = "Clean text to spin with held-out moves (files or folders).")
    List<Path> spinSource = new ArrayList<>();

    @Option(names = "--clean", paramLabel = "PATH", description = "Clean text: every change is a false alarm.")
    List<Path> clean = new ArrayList<>();

    @Option(names = "--ann", paramLabel = "PATH", description = "Annotated spun text (.ann files or folders), scored with the full dictionaries.")
    List<Path> ann = new ArrayList<>();

    @Option(names = "--save", paramLabel = "DIR", description = "Write the held-out spun .ann files here.")
    Path save;

    @Option(names = "--seed", description = "Seed of the held-out spins. Default: ${DEFAULT-VALUE}.")
    long seed = 11;

    @Option(names = "--calibration", paramLabel = "FILE", description = "A calibration written by unspin calibrate, instead of the bundled one.")
    Path calibration;

    @Option(names = "--confidence", paramLabel = "P", converter = Values.Share.class, description = "Confidence threshold (0-1) instead of the calibration's.")
    Double confidence;

    @Option(names = "--lm", paramLabel = "MODEL", description = "Language model (.ulm); default as for fix.")
    Path lm;

    @Option(names = "--pieces", paramLabel = "N", description = "Score every text cut into short documents of N sentences each "
            + "(a paragraph in a pipe, a snippet of a page) instead of whole.")
    Integer pieces;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (pieces != null && pieces < 1) {
            spec.commandLine().getErr().println("unspin: --pieces must be at least 1 (got " + pieces + ")");
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
        Calibration cal = calibration == null ? Calibration.bundled() : readCalibration(calibration);
        TextAnalyzer analyzer = TextAnalyzer.english();
        LmScorer scorer = new LmScorer(NgramModel.open(lm != null ? lm : ModelLocator.find()));
        PhraseDictionary all = new DictionaryLoader(analyzer).load(true, List.of());
        Generators.Tables tables = Generators.Tables.bundled(); // one load serves every restorer and the moves below
        if (confidence != null) {
            cal = cal.withConfidence(confidence);
        }
        Pieces cutter = new Pieces(analyzer);
        java.util.function.UnaryOperator<List<String>> cut = texts -> pieces == null ? texts : cutter.cutAll(texts, pieces);
        if (!spinSource.isEmpty()) {
            PhraseDictionary without = SpinnerProfiles.filter(all, f -> f != SpinnerProfiles.HELD_OUT);
            Restorer r = new Restorer(analyzer, SpinnerProfiles.withoutHeldOut(without, tables), scorer, cal, false);
            MoveTable moves = SpinnerProfiles.moves(all, tables, scorer, f -> f == SpinnerProfiles.HELD_OUT);
            List<String> texts = read(spinSource);
            out.println("held-out moves (fold " + SpinnerProfiles.HELD_OUT + "): " + moves.size() + "; restorer without them");
            HeldOutProtocol h = new HeldOutProtocol(r);
            for (TrainingSpinner.Profile p : SpinnerProfiles.profiles()) {
                if (p.rate() == 0 || out.checkError()) {
                    continue;
                }
                List<String> spun = cut.apply(HeldOutProtocol.spinAll(analyzer, moves, p, texts, seed));
                if (save != null) {
                    Files.createDirectories(save);
                    for (int i = 0; i < spun.size(); i++) {
                        Files.writeString(save.resolve(p.name() + "-" + i + ".ann"), spun.get(i), StandardCharsets.UTF_8);
                    }
                }
                out.println(h.score("spun:" + p.name(), spun).format());
                out.flush();
            }
        }
        Restorer full = new Restorer(analyzer, Generators.standard(all, tables, true, true), scorer, cal, false);
        HeldOutProtocol h = new HeldOutProtocol(full);
        if (!clean.isEmpty()) {
            out.println(h.score("clean", cut.apply(read(clean))).format());
        }
        if (!ann.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (Path f : CalibrateCommand.annFiles(ann)) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            out.println(h.score("annotated", cut.apply(texts)).format());
        }
        out.flush();
        return 0;
    }

    /** A calibration file written by `unspin calibrate`; a missing, unreadable or malformed one is bad input (exit 3). */
    static Calibration readCalibration(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), Files.isDirectory(file) ? "is a directory" : "no such file");
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Calibration.read(in);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), "not a calibration: " + e.getMessage());
        }
    }

    private static List<String> read(List<Path> paths) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path p : TextFiles.expand(paths)) {
            texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
