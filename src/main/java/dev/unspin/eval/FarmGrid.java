package dev.unspin.eval;

import dev.unspin.restore.FarmLearner;
import dev.unspin.restore.MoveModel;
import dev.unspin.restore.Restorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A measuring aid for choosing {@link FarmLearner#DEFAULT} (not part of the tool): learns once from a synthetic farm's
 * articles, then prints the precision and recall against the farm's table of every cut in a grid, best recall at a
 * precision of at least 0.8 first.
 *
 * <pre>grid MODEL FARM_DIR TABLE.tsv [THREADS [ALL_MOVES.tsv]]</pre>
 */
public final class FarmGrid {
    private FarmGrid() {
    }

    public static void main(String[] args) throws Exception {
        Restorer r = dev.unspin.Unspin.english(Path.of(args[0])); // the restorer fix builds by default
        FarmLearner l = new FarmLearner();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        new java.util.concurrent.ForkJoinPool(threads).submit(() -> files.parallelStream().forEach(p -> {
            try {
                l.add(r, Files.readString(p, StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).get();
        Set<String> table = SyntheticFarm.moves(Path.of(args[2]));
        List<String> rows = new ArrayList<>();
        List<FarmLearner.Move> all = l.all();
        if (args.length > 4) { // every move's estimate, for analysis elsewhere
            StringBuilder sb = new StringBuilder("spun\toriginal\tcount\tn\trate\tshare\tspread\texcess\ttable\twords\tevidence\tspun_expected"
                    + "\toriginal_expected\toriginal_written\tq\n");
            for (FarmLearner.Move m : all) {
                sb.append(String.format(Locale.ROOT, "%s\t%s\t%.3f\t%d\t%.4f\t%.4f\t%.3f\t%.4f\t%d\t%d\t%.4f\t%.4g\t%.4g\t%.0f\t%.4f%n", m.spun(), m.original(),
                        m.count(), m.occurrences(), m.rate(), m.share(), m.spread(), m.excess(), table.contains(m.spun() + "=>" + m.original()) ? 1 : 0,
                        l.words(), m.evidence(), m.spunExpected(), m.originalExpected(), m.originalWritten(), MoveModel.DEFAULT.probability(m)));
            }
            Files.writeString(Path.of(args[4]), sb.toString(), StandardCharsets.UTF_8);
        }
        for (String name : new String[] {"default", "hand cuts (l1)"}) {
            FarmLearner.Thresholds t = name.equals("default") ? FarmLearner.DEFAULT : FarmLearner.HAND;
            List<FarmLearner.Move> ms = l.moves(t, all);
            int tp = 0;
            for (FarmLearner.Move m : ms) {
                tp += table.contains(m.spun() + "=>" + m.original()) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%s: %d learnt, %d in the table: precision %.3f recall %.3f%n", name, ms.size(), tp,
                    ms.isEmpty() ? 0 : (double) tp / ms.size(), (double) tp / table.size());
        }
        for (double count : new double[] {3, 5, 8}) {
            for (double rate : new double[] {0.05, 0.1, 0.2, 0.3, 0.5}) {
                for (double share : new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.4}) {
                    for (double spread : new double[] {0, 0.3, 0.5, 0.7}) {
                        for (int orig : new int[] {1, Integer.MAX_VALUE}) {
                            List<FarmLearner.Move> ms = l.moves(new FarmLearner.Thresholds(count, 10, rate, share, spread, 0, orig), all);
                            int tp = 0;
                            for (FarmLearner.Move m : ms) {
                                tp += table.contains(m.spun() + "=>" + m.original()) ? 1 : 0;
                            }
                            double p = ms.isEmpty() ? 0 : (double) tp / ms.size();
                            rows.add(String.format(Locale.ROOT, "%d %.3f %.3f %4d  count %.0f rate %.2f share %.2f spread %.1f originals %s",
                                    p >= 0.8 ? 1 : 0, (double) tp / table.size(), p, ms.size(), count, rate, share, spread, orig == 1 ? "1" : "any"));
                        }
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.reverseOrder());
        rows.stream().limit(25).forEach(System.out::println);
        System.out.println("default: " + FarmLearner.DEFAULT);
        // why each table move the default cut misses is missed: its folder estimate and the cuts it fails
        java.util.Map<String, FarmLearner.Move> est = new java.util.HashMap<>();
        for (FarmLearner.Move m : all) {
            est.put(m.spun() + "=>" + m.original(), m);
        }
        Set<String> kept = new java.util.HashSet<>();
        for (FarmLearner.Move m : l.moves(FarmLearner.DEFAULT, all)) {
            kept.add(m.spun() + "=>" + m.original());
        }
        FarmLearner.Thresholds t = FarmLearner.DEFAULT;
        java.util.Map<String, Integer> why = new java.util.TreeMap<>();
        for (String mv : new java.util.TreeSet<>(table)) {
            if (kept.contains(mv)) {
                continue;
            }
            FarmLearner.Move m = est.get(mv);
            double q = m == null || t.model() == null ? Double.NaN : t.model().probability(m);
            String reasons;
            if (m == null) {
                reasons = "never proposed";
            } else {
                List<String> rs = new ArrayList<>();
                if (m.count() < Math.max(t.minCount(), t.minPerMillion() * l.words() / 1e6)) {
                    rs.add("count");
                }
                if (m.rate() < t.minRate()) {
                    rs.add("rate");
                }
                if (m.share() < t.minShare()) {
                    rs.add("share");
                }
                if (m.spread() < t.minSpread()) {
                    rs.add("spread");
                }
                if (q < t.minScore()) {
                    rs.add("model");
                }
                reasons = rs.isEmpty() ? "another original of the spun form" : String.join("+", rs);
            }
            why.merge(reasons, 1, Integer::sum);
            System.out.println("missed " + mv + ": " + reasons + (m == null ? "" : String.format(Locale.ROOT,
                    "  count %.1f n %d rate %.3f share %.3f spread %.2f excess %.3f evidence %.2f q %.3f", m.count(), m.occurrences(), m.rate(), m.share(),
                    m.spread(), m.excess(), m.evidence(), q)));
        }
        System.out.println("missed, by reason: " + why);
    }
}
