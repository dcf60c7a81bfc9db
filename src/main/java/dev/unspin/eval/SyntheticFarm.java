package dev.unspin.eval;

import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Source;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A synthetic content farm for measuring {@code unspin learn}: clean prose cut into short articles, all spun by one
 * deterministic spinner (each of its originals has ONE fixed spun form) whose moves no dictionary holds. The moves are the
 * held-out fold's PPDB and reverse-thesaurus moves at ranks 1-3: the restorer proposes them as candidates, but not as its
 * first choice, so a restorer that does not learn the farm's spinner undoes few of them.
 *
 * <pre>
 * make  MODEL CLEAN_DIR OUT_DIR [ORIGINALS=150] [RATE=0.5] [WORDS=300] [SEED=42] [EXCLUDE_TABLE.tsv]
 *                                                                        writes OUT/farm/*.txt, OUT/ann/*.ann, OUT/table.tsv;
 *                                                                        no word of EXCLUDE's moves is an original or spun form
 *                                                                        of the new table (a second farm, disjoint from the first)
 * moves TABLE.tsv FARM.dict                                              precision and recall of learnt moves against the table
 * score ANN_DIR OUTPUT_DIR                                               edit-level P, R, F0.5 of restored files against their .ann
 * split FARM_DIR OUT_DIR [SIZE=1000] [NAMES=AB]                          two disjoint sets: OUT/A, OUT/annA (tuning), OUT/B, OUT/annB
 *                                                                        (NAMES=CD: OUT/C, OUT/annC, OUT/D, OUT/annD)
 * </pre>
 */
public final class SyntheticFarm {
    private SyntheticFarm() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "make" -> make(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 150,
                    args.length > 5 ? Double.parseDouble(args[5]) : 0.5, args.length > 6 ? Integer.parseInt(args[6]) : 300,
                    args.length > 7 ? Long.parseLong(args[7]) : 42, args.length > 8 ? Path.of(args[8]) : null);
            case "moves" -> System.out.println(compareMoves(Path.of(args[1]), Path.of(args[2])));
            case "score" -> System.out.println(score(Path.of(args[1]), Path.of(args[2])));
            case "split" -> split(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 1000,
                    args.length > 4 ? args[4] : "AB");
            default -> {
                System.err.println("usage: SyntheticFarm make MODEL CLEAN_DIR OUT_DIR [ORIGINALS] [RATE] [WORDS] [SEED] [EXCLUDE_TABLE.tsv]"
                        + " | moves TABLE.tsv FARM.dict | score ANN_DIR OUTPUT_DIR | split FARM_DIR OUT_DIR [SIZE] [NAMES]");
                System.exit(2);
            }
        }
    }

    /** Clean texts cut at paragraph breaks into articles of about {@code words} words. */
    public static List<String> articles(List<String> texts, int words) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            StringBuilder cur = new StringBuilder();
            int n = 0;
            for (String para : t.split("\n\\s*\n")) {
                String p = para.strip();
                if (p.isEmpty()) {
                    continue;
                }
                cur.append(cur.length() > 0 ? "\n\n" : "").append(p);
                n += p.split("\\s+").length;
                if (n >= words) {
                    out.add(cur.append('\n').toString());
                    cur.setLength(0);
                    n = 0;
                }
            }
            if (n >= words / 2) {
                out.add(cur.append('\n').toString());
            }
        }
        return out;
    }

    /**
     * The farm's move table: among originals that occur at least {@code minCount} times in the clean texts, {@code size} drawn
     * at random (fixed seed), each given one spun form drawn among its held-out-fold PPDB and thesaurus moves at ranks 1-3
     * whose spun form no bundled dictionary entry holds.
     */
    public static MoveTable table(MoveTable heldOut, PhraseDictionary dict, Map<String, Integer> counts, int size, int minCount, long seed,
                                  List<MoveTable.Move> chosen) {
        return table(heldOut, dict, counts, size, minCount, seed, Set.of(), chosen);
    }

    /**
     * As {@link #table(MoveTable, PhraseDictionary, Map, int, int, long, List)}, with no word of {@code exclude} taken as an
     * original or a spun form: a second farm whose moves share nothing with the first's, so that a learner tuned on the
     * first is measured on moves it has never seen.
     */
    public static MoveTable table(MoveTable heldOut, PhraseDictionary dict, Map<String, Integer> counts, int size, int minCount, long seed,
                                  Set<String> exclude, List<MoveTable.Move> chosen) {
        List<String> originals = new ArrayList<>(new TreeMap<>(counts).keySet());
        Random rnd = new Random(seed);
        Collections.shuffle(originals, rnd);
        MoveTable t = new MoveTable();
        Set<String> spunUsed = new HashSet<>();
        for (String o : originals) {
            if (chosen.size() >= size) {
                break;
            }
            if (counts.get(o) < minCount || !o.matches("[a-z]+") || exclude.contains(o)) {
                continue;
            }
            List<MoveTable.Move> options = new ArrayList<>();
            for (MoveTable.Move m : heldOut.movesFor(o)) {
                boolean family = m.source() == Source.PPDB || m.source() == Source.THESAURUS;
                String spun = Token.normalise(m.spun());
                if (family && m.rank() >= 1 && m.rank() <= 3 && spun.matches("[a-z]+") && !spunUsed.contains(spun) && !exclude.contains(spun)
                        && dict.lookup(List.of(spun)).isEmpty()) {
                    options.add(m);
                }
            }
            if (options.isEmpty()) {
                continue;
            }
            MoveTable.Move m = options.get(rnd.nextInt(options.size()));
            spunUsed.add(Token.normalise(m.spun()));
            chosen.add(m);
            t.add(m, x -> true);
        }
        return t;
    }

    static void make(Path model, Path cleanDir, Path out, int size, double rate, int words, long seed, Path excludeTable) throws Exception {
        Set<String> exclude = new HashSet<>();
        if (excludeTable != null) {
            for (String m : moves(excludeTable)) {
                exclude.addAll(List.of(m.split("=>|\\s+")));
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(true, List.of());
        LmScorer scorer = new LmScorer(NgramModel.open(model));
        List<String> clean = new ArrayList<>();
        try (Stream<Path> s = Files.list(cleanDir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                clean.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        List<String> arts = articles(clean, words);
        Map<String, Integer> counts = new HashMap<>();
        for (String a : arts) {
            for (Sentence s : analyzer.sentences(a)) {
                for (Token t : s.tokens()) {
                    if (t.isWord()) {
                        counts.merge(t.key(), 1, Integer::sum);
                    }
                }
            }
        }
        MoveTable heldOut = SpinnerProfiles.moves(dict, dev.unspin.restore.Generators.Tables.bundled(), scorer, f -> f == SpinnerProfiles.HELD_OUT);
        List<MoveTable.Move> chosen = new ArrayList<>();
        // originals seen at least 20 times in the clean articles: a move the farm makes a handful of times cannot be learnt
        // by anyone. The spun form may occur in clean prose too: real spinners pick ordinary words, which is what makes learning hard.
        MoveTable table = table(heldOut, dict, counts, size, 20, seed, exclude, chosen);
        TrainingSpinner spinner = new TrainingSpinner(analyzer, table);
        TrainingSpinner.Profile p = new TrainingSpinner.Profile("farm", rate, Map.of(Source.PPDB, 1.0, Source.THESAURUS, 1.0));
        Files.createDirectories(out.resolve("farm"));
        Files.createDirectories(out.resolve("ann"));
        StringBuilder tsv = new StringBuilder("# spun\toriginal\tfamily\trank\n");
        for (MoveTable.Move m : chosen) {
            tsv.append(Token.normalise(m.spun())).append('\t').append(Token.normalise(m.original())).append('\t').append(m.source()).append('\t')
                    .append(m.rank()).append('\n');
        }
        Files.writeString(out.resolve("table.tsv"), tsv.toString(), StandardCharsets.UTF_8);
        int edits = 0;
        for (int i = 0; i < arts.size(); i++) {
            String ann = spinner.spin(arts.get(i), p, 1000L + i);
            Annotation a = Annotation.parse(ann);
            edits += a.edits().size();
            String name = String.format(Locale.ROOT, "a%04d", i);
            Files.writeString(out.resolve("farm").resolve(name + ".txt"), a.spun(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("ann").resolve(name + ".ann"), ann, StandardCharsets.UTF_8);
        }
        System.err.printf(Locale.ROOT, "%d articles, %d moves in the table, %d spun words%n", arts.size(), chosen.size(), edits);
    }

    /**
     * The two disjoint sets of {@code size} articles each out of {@code n}: A the articles floor(j n / size), j < size (every
     * weight and threshold is chosen on it), B {@code size} of the others, evenly spaced (the reported figures). Indices.
     */
    static int[][] sets(int n, int size) {
        if (2 * size > n) {
            throw new IllegalArgumentException("the farm has " + n + " articles, fewer than two sets of " + size);
        }
        Set<Integer> a = new java.util.TreeSet<>();
        for (int j = 0; j < size; j++) {
            a.add((int) ((long) j * n / size));
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!a.contains(i)) {
                rest.add(i);
            }
        }
        int[] b = new int[size];
        for (int j = 0; j < size; j++) {
            b[j] = rest.get((int) ((long) j * rest.size() / size));
        }
        return new int[][] {a.stream().mapToInt(Integer::intValue).toArray(), b};
    }

    /** Copies the farm's articles (FARM/farm/aNNNN.txt) and annotations (FARM/ann) of {@link #sets} into OUT/A, OUT/annA, OUT/B, OUT/annB. */
    static void split(Path farm, Path out, int size) throws IOException {
        split(farm, out, size, "AB");
    }

    /** As {@link #split(Path, Path, int)}, the two sets named by the two letters of {@code names} ("CD": OUT/C, OUT/annC, OUT/D, OUT/annD). */
    static void split(Path farm, Path out, int size, String names) throws IOException {
        if (names.length() != 2) {
            throw new IllegalArgumentException("two set names expected, not " + names);
        }
        int n;
        try (Stream<Path> s = Files.list(farm.resolve("farm"))) {
            n = (int) s.filter(p -> p.getFileName().toString().matches("a\\d{4}\\.txt")).count();
        }
        int[][] sets = sets(n, size);
        String[] set = {names.substring(0, 1), names.substring(1)};
        for (int k = 0; k < 2; k++) {
            Files.createDirectories(out.resolve(set[k]));
            Files.createDirectories(out.resolve("ann" + set[k]));
            for (int i : sets[k]) {
                String name = String.format(Locale.ROOT, "a%04d", i);
                Files.copy(farm.resolve("farm").resolve(name + ".txt"), out.resolve(set[k]).resolve(name + ".txt"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(farm.resolve("ann").resolve(name + ".ann"), out.resolve("ann" + set[k]).resolve(name + ".ann"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.err.printf(Locale.ROOT, "%d articles: %s and %s of %d each in %s%n", n, set[0], set[1], size, out);
    }

    /** Moves of a table file (spun TAB original) or a dictionary ("spun => original | ... ; flags # comment"), as "spun=>original". */
    static Set<String> moves(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.replaceAll("#.*", "").strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.contains("=>")) {
                String spun = Token.normalise(l.substring(0, l.indexOf("=>")).strip());
                String rest = l.substring(l.indexOf("=>") + 2).replaceAll(";.*", "");
                for (String o : rest.split("\\|")) {
                    out.add(spun + "=>" + Token.normalise(o.strip()));
                }
            } else {
                String[] f = l.split("\t");
                out.add(f[0] + "=>" + f[1]);
            }
        }
        return out;
    }

    static String compareMoves(Path table, Path learnt) throws IOException {
        Set<String> want = moves(table);
        Set<String> got = moves(learnt);
        int tp = 0;
        for (String m : got) {
            tp += want.contains(m) ? 1 : 0;
        }
        List<String> wrong = new ArrayList<>();
        for (String m : got) {
            if (!want.contains(m)) {
                wrong.add(m);
            }
        }
        Collections.sort(wrong);
        return String.format(Locale.ROOT, "learnt %d, table %d, correct %d: precision %.3f recall %.3f%nnot in the table: %s", got.size(), want.size(),
                tp, got.isEmpty() ? 0 : (double) tp / got.size(), (double) tp / want.size(), wrong);
    }

    static String score(Path annDir, Path outDir) throws IOException {
        Counts total = Counts.ZERO;
        int files = 0;
        try (Stream<Path> s = Files.list(annDir)) {
            for (Path a : s.filter(p -> p.toString().endsWith(".ann")).sorted().toList()) {
                String name = a.getFileName().toString().replaceAll("\\.ann$", ".txt");
                Path o = outDir.resolve(name);
                if (!Files.exists(o)) {
                    continue;
                }
                total = total.plus(Scorer.score(Annotation.parse(Files.readString(a, StandardCharsets.UTF_8)), Files.readString(o, StandardCharsets.UTF_8), null));
                files++;
            }
        }
        return String.format(Locale.ROOT, "%d files  P %.3f  R %.3f  F0.5 %.3f  (TP %d FP %d FN %d)", files, total.precision(), total.recall(),
                total.f05(), total.tp(), total.fp(), total.fn());
    }
}
