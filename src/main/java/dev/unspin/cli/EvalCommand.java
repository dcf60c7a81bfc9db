package dev.unspin.cli;

import dev.unspin.corpus.TextFiles;
import dev.unspin.eval.Annotation;
import dev.unspin.eval.Counts;
import dev.unspin.eval.Scorer;
import dev.unspin.restore.Restorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Restore the spun text of annotated files (.ann) and score the result: edit-level precision, "
                + "recall on required edits, F0.5, TP/FP/FN, per file and in total (the rules of annotation-format.md, as score.py counts them).",
        footer = {"%nExamples:", "  unspin eval samples/*.ann", "  unspin eval --errors samples/*.ann", "  unspin eval --save out/ samples/*.ann",
            ExitCodes.HELP})
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE.ann", arity = "1..*", description = "Annotated spun texts.")
    List<Path> files;

    @Option(names = "--errors", description = "List each miss and each wrong change.")
    boolean errors;

    @Option(names = "--save", paramLabel = "DIR", description = "Also write each restored text to DIR/NAME.txt (for score.py --dir).")
    Path save;

    @Option(names = "--json", description = "Print the totals as one JSON object with score.py's keys.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Annotation> anns = new ArrayList<>();
        for (Path f : files) {
            anns.add(Annotation.parse(TextFiles.read(f)));
        }
        Restorer restorer = engine.restorer();
        PrintWriter out = spec.commandLine().getOut();
        Counts total = Counts.ZERO;
        if (!json) {
            out.printf(Locale.ROOT, "%-32s %6s %6s %6s %5s %5s %5s%n", "file", "P", "R", "F0.5", "TP", "FP", "FN");
        }
        for (int i = 0; i < files.size(); i++) {
            Annotation ann = anns.get(i);
            String restored = restorer.restore(ann.spun()).text();
            if (save != null) {
                String name = files.get(i).getFileName().toString().replaceFirst("\\.ann$", "") + ".txt";
                TextFiles.writeAtomically(save.resolve(name), restored);
            }
            List<Scorer.Error> errs = new ArrayList<>();
            Counts c = Scorer.score(ann, restored, errs);
            total = total.plus(c);
            if (!json) {
                row(out, files.get(i).getFileName().toString(), c);
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

    /** The same keys, order and rounding as score.py's summary line. */
    static String json(Counts c) {
        return String.format(Locale.ROOT,
                "{\"P\": %s, \"R_required\": %s, \"R_all\": %s, \"F0.5\": %s, \"tp\": %d, \"tp_req\": %d, \"fn\": %d, \"fp\": %d, \"required\": %d, \"edits\": %d, \"layout_ok\": %s}",
                r4(c.precision()), r4(c.recall()), r4(c.recallAll()), r4(c.f05()), c.tp(), c.tpRequired(), c.fn(), c.fp(), c.required(), c.edits(),
                c.layoutOk() ? "true" : "false");
    }

    private static String r4(double x) {
        return new java.math.BigDecimal(x).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                .replaceFirst("^(\\d+)$", "$1.0");
    }
}
