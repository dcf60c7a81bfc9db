package dev.unspin.eval;

import dev.unspin.restore.FarmLearner;
import dev.unspin.restore.Logistic;
import dev.unspin.restore.MoveModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A measuring aid for fitting {@link MoveModel#DEFAULT} (not part of the tool): reads every move of a folder's estimate as
 * {@link FarmGrid} writes them (its ALL_MOVES.tsv, labelled by the farm's table), keeps those that pass the hand cuts of
 * {@link FarmLearner#DEFAULT} (count, rate, share, spread), fits the L2-penalised logistic regression of "in the table" on
 * {@link MoveModel#figures}, and prints the weights and, five-fold over spun forms and ten times over, the cross-validated
 * precision and recall of the kept moves (one original per spun form) at several probability cuts.
 *
 * <pre>fit ALL_MOVES.tsv [TABLE_SIZE=150]</pre>
 */
public final class MoveModelFit {
    private MoveModelFit() {
    }

    /** One row: the move and whether the table holds it. */
    record Row(FarmLearner.Move move, boolean farm) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = read(Path.of(args[0]));
        int tableSize = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        FarmLearner.Thresholds t = FarmLearner.DEFAULT;
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
            FarmLearner.Move m = r.move();
            if (m.count() >= t.minCount() && m.rate() >= t.minRate() && m.share() >= t.minShare() && m.spread() >= t.minSpread()
                    && MoveModel.figures(m) != null) {
                kept.add(r);
            }
        }
        long farm = kept.stream().filter(Row::farm).count();
        System.out.printf(Locale.ROOT, "%d moves pass the hand cuts (count >= %s), %d of them the table's%n", kept.size(), t.minCount(), farm);
        double[] w = fit(kept, 1.0);
        System.out.println("weights (intercept, " + String.join(", ", MoveModel.NAMES) + "): " + Arrays.toString(w));
        for (double cut : new double[] {0.3, 0.35, 0.4, 0.45, 0.5}) {
            long n = 0;
            long tp = 0;
            for (int rep = 0; rep < 10; rep++) {
                for (int fold = 0; fold < 5; fold++) {
                    List<Row> train = new ArrayList<>();
                    List<Row> test = new ArrayList<>();
                    for (Row r : kept) {
                        (fold(r.move().spun(), rep) == fold ? test : train).add(r);
                    }
                    List<Row> chosen = choose(test, new MoveModel(fit(train, 1.0)), cut);
                    n += chosen.size();
                    tp += chosen.stream().filter(Row::farm).count();
                }
            }
            System.out.printf(Locale.ROOT, "cut %.2f: cross-validated precision %.3f recall %.3f%n", cut, n == 0 ? 0 : (double) tp / n,
                    tp / 10.0 / tableSize);
        }
    }

    static int fold(String spun, int rep) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update((spun + rep).getBytes(StandardCharsets.UTF_8));
        return (int) (c.getValue() % 5);
    }

    /** The moves the model keeps at {@code cut}, one original per spun form (the most used), as {@link FarmLearner#moves} does. */
    static List<Row> choose(List<Row> rows, MoveModel model, double cut) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((Row r) -> r.move().count()).reversed());
        Set<String> spun = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Row r : sorted) {
            if (model.probability(r.move()) >= cut && spun.add(r.move().spun())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The L2-penalised (not the intercept) logistic regression of the label on the model's figures ({@link Logistic}). */
    static double[] fit(List<Row> rows, double l2) {
        int k = MoveModel.NAMES.size() + 1;
        double[][] x = new double[rows.size()][];
        boolean[] y = new boolean[rows.size()];
        double[] ones = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            double[] f = MoveModel.figures(rows.get(i).move());
            x[i] = new double[k];
            x[i][0] = 1;
            System.arraycopy(f, 0, x[i], 1, f.length);
            y[i] = rows.get(i).farm();
            ones[i] = 1;
        }
        return Logistic.fit(x, y, ones, l2, 30, false).weights();
    }

    /** FarmGrid's ALL_MOVES.tsv: spun, original, count, n, rate, share, spread, excess, table, words, evidence, spun_expected, original_expected, original_written, q. */
    static List<Row> read(Path tsv) throws java.io.IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (line.startsWith("spun\t") || f.length < 14) {
                continue;
            }
            double count = Double.parseDouble(f[2]);
            long n = Long.parseLong(f[3]);
            out.add(new Row(new FarmLearner.Move(f[0], f[1], count, n, 0, Double.parseDouble(f[7]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]), Double.parseDouble(f[13])), f[8].equals("1")));
        }
        return out;
    }
}
