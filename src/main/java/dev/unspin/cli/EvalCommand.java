package dev.unspin.cli;

import dev.unspin.corpus.InputException;
import dev.unspin.corpus.TextFiles;
import dev.unspin.eval.Annotation;
import dev.unspin.eval.Counts;
import dev.unspin.eval.Scorer;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = EvalCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Restore the spun text of annotated files (.ann) and score the result: edit-level precision, "
                + "recall on required edits, F0.5, TP/FP/FN, per file and in total (the scoring rules of the .ann format, "
                + "counted exactly as its reference scorer score.py counts them).",
            "",
            "A file without a single [[spun=>original]] mark, or not named .ann, is refused (exit 3): scoring it would "
                + "silently report P 0. Pass --clean to score clean text, where every change counts as a wrong one."},
        footer = {"%nExamples:", "  unspin eval samples/*.ann", "  unspin eval --errors samples/*.ann",
            "  unspin eval --save out/ samples/*.ann          # the outputs, as NAME.txt",
            "  unspin eval --json samples/*.ann | jq .P", "  unspin spin clean.txt | unspin eval -",
            "  unspin eval --clean samples/heldout/clean/    # any change is an FP"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5, ExitCodes.L70})
final class EvalCommand implements Callable<Integer> {
    /** The command's name (Main starts its loading by this name, before picocli reads any annotation). */
    static final String NAME = "eval";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE.ann", arity = "1..*",
            description = "Annotated spun texts, or folders (their .ann files); '-' reads one from standard input.")
    List<String> files;

    @Option(names = "--errors", description = "List each miss and each wrong change under its file.")
    boolean errors;

    @Option(names = "--save", paramLabel = "DIR", description = "Also write each restored text to DIR/NAME.txt (written atomically; for score.py --dir).")
    Path save;

    @Option(names = "--json", description = "Print the totals as one JSON object: the keys, order and rounding of the reference scorer (score.py).")
    boolean json;

    @Option(names = "--clean", description = "The inputs may be clean text without marks (or not named .ann): score them as text that must come back unchanged.")
    boolean clean;

    @Override
    public Integer call() throws Exception {
        // in folders only the .ann files count, unless clean text is asked for
        List<Inputs.Input> inputs = Inputs.expand(files).stream().filter(in -> clean || !in.inFolder() || in.hasExtension(".ann")).toList();
        if (inputs.isEmpty()) {
            throw new InputException(String.join(" ", files), "no .ann files there");
        }
        List<Annotation> anns = new ArrayList<>();
        for (Inputs.Input in : inputs) {
            if (!clean && !in.isStdin() && !in.hasExtension(".ann")) {
                throw new InputException(in.name(), "not an annotation (.ann) file; pass --clean to score clean text");
            }
            Annotation ann = Annotation.parse(in.read());
            if (!clean && ann.edits().isEmpty()) {
                throw new InputException(in.name(), "not an annotation: no [[spun=>original]] marks; pass --clean to score clean text");
            }
            anns.add(ann);
        }
        Restorer restorer = engine.restorer();
        PrintWriter out = spec.commandLine().getOut();
        Counts total = Counts.ZERO;
        if (!json) {
            out.printf(Locale.ROOT, "%-32s %6s %6s %6s %5s %5s %5s%n", "file", "P", "R", "F0.5", "TP", "FP", "FN");
        }
        for (int i = 0; i < inputs.size(); i++) {
            Annotation ann = anns.get(i);
            String restored = restorer.restore(ann.spun()).text();
            if (save != null) {
                String name = inputs.get(i).baseName().replaceFirst("\\.ann$", "") + ".txt";
                TextFiles.writeAtomically(save.resolve(name), restored);
            }
            List<Scorer.Error> errs = new ArrayList<>();
            Counts c = Scorer.score(ann, restored, errs);
            total = total.plus(c);
            if (!json) {
                row(out, inputs.get(i).baseName(), c);
            }
            if (errors) {
                for (Scorer.Error e : errs) {
                    out.printf(Locale.ROOT, "   %-40s -> %-40s want %s%n", e.spun(), e.got(), e.want());
                }
            }
        }
        if (json) {
            out.println(json(total));
        } else {
            row(out, "TOTAL", total);
            if (!total.layoutOk()) {
                out.println("warning: the output has a different number of lines than the input");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String name, Counts c) {
        out.printf(Locale.ROOT, "%-32s %6.4f %6.4f %6.4f %5d %5d %5d%n", name, c.precision(), c.recall(), c.f05(), c.tp(), c.fp(), c.fn());
    }

    /** The same keys, order, rounding and layout as score.py's summary line. */
    static String json(Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("P", r4(c.precision()));
        m.put("R_required", r4(c.recall()));
        m.put("R_all", r4(c.recallAll()));
        m.put("F0.5", r4(c.f05()));
        m.put("tp", c.tp());
        m.put("tp_req", c.tpRequired());
        m.put("fn", c.fn());
        m.put("fp", c.fp());
        m.put("required", c.required());
        m.put("edits", c.edits());
        m.put("layout_ok", c.layoutOk());
        return EditJson.writePythonStyle(m);
    }

    /** Python's round(x, 4) as json.dumps prints it: correctly rounded, half to even, at least one decimal. */
    static BigDecimal r4(double x) {
        BigDecimal d = new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1) : d;
    }
}
