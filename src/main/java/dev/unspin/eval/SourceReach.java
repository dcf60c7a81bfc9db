package dev.unspin.eval;

import dev.unspin.corpus.Coverage;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.LemmaTable;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.CandidateGenerator;
import dev.unspin.restore.Generators;
import dev.unspin.restore.LemmaCandidates;
import dev.unspin.restore.Source;
import dev.unspin.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A measuring aid (not part of the tool; scripts/source-reach.sh runs it): how many required gold edits of annotated
 * files the restorer's own candidates can restore ({@link Coverage#gold}, the same generators `unspin coverage` asks),
 * and how many more become reachable when a lemma table's candidates ({@link LemmaCandidates}) are added, per table and
 * per number of candidates a word, then with all tables together. The edits each table adds are written to a TSV for
 * reading, and each table's cost: the candidates it adds to the lattices per 1,000 words (today's line: all of them).
 *
 * <pre>SourceReach MODEL GAINS.tsv CAPS [--common] NAME=TABLE... -- ANN_FILE_OR_DIR...</pre>
 * CAPS: candidates per word or phrase, comma-separated (e.g. 1,3,6,50). --common also asks about single words more
 * common than the reverse thesaurus's cut (log10 unigram above -3).
 */
public final class SourceReach {
    private SourceReach() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path gainsOut = Path.of(args[1]);
        int[] caps = java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        boolean common = false;
        Map<String, LemmaTable> tables = new LinkedHashMap<>();
        List<Path> anns = new ArrayList<>();
        boolean files = false;
        for (int a = 3; a < args.length; a++) {
            if (files) {
                Path p = Path.of(args[a]);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        s.filter(f -> f.toString().endsWith(".ann")).sorted().forEach(anns::add);
                    }
                } else {
                    anns.add(p);
                }
            } else if (args[a].equals("--")) {
                files = true;
            } else if (args[a].equals("--common")) {
                common = true;
            } else {
                int eq = args[a].indexOf('=');
                tables.put(args[a].substring(0, eq), LemmaTable.read(Path.of(args[a].substring(eq + 1))));
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(true, List.of());
        LmScorer scorer = new LmScorer(NgramModel.open(model));
        Coverage cov = new Coverage(analyzer, dict, scorer);
        List<CandidateGenerator> base = Generators.standard(dict, true, true);
        List<Annotation> parsed = new ArrayList<>();
        for (Path p : anns) {
            parsed.add(Annotation.parse(Files.readString(p, StandardCharsets.UTF_8)));
        }
        Set<String> required = new HashSet<>();
        Set<String> baseReached = reached(cov, parsed, anns, base, required);
        StringBuilder gains = new StringBuilder("table\tcap\tfile\tspun\toriginals\n");
        System.out.printf(Locale.ROOT, "files %d, required edits %d, reachable today %d (%.1f%%)%n", anns.size(), required.size(),
                baseReached.size(), 100.0 * baseReached.size() / Math.max(1, required.size()));
        System.out.printf(Locale.ROOT, "%-16s %5s %8s %6s %14s%n", "added", "cap", "reached", "more", "cands/1k words");
        int words = 0;
        for (Annotation a : parsed) {
            for (dev.unspin.text.Sentence s : analyzer.sentences(a.spun())) {
                words += (int) s.tokens().stream().filter(dev.unspin.text.Token::isWord).count();
            }
        }
        Map<Integer, Set<String>> union = new LinkedHashMap<>();
        Map<String, Annotation.GoldEdit> byId = new LinkedHashMap<>();
        for (int f = 0; f < parsed.size(); f++) {
            for (Annotation.GoldEdit g : parsed.get(f).edits()) {
                byId.put(id(anns.get(f), g), g);
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %5s %8d %6s %14.1f%n", "(today)", "", baseReached.size(), "",
                1000.0 * added(analyzer, scorer, parsed, base, true) / Math.max(1, words));
        for (Map.Entry<String, LemmaTable> t : tables.entrySet()) {
            for (int cap : caps) {
                List<CandidateGenerator> gens = new ArrayList<>(base);
                gens.add(new LemmaCandidates(t.getValue(), Source.USER, cap, common));
                Set<String> r = reached(cov, parsed, anns, gens, new HashSet<>());
                r.removeAll(baseReached);
                union.computeIfAbsent(cap, k -> new HashSet<>()).addAll(r);
                System.out.printf(Locale.ROOT, "%-16s %5d %8d %+6d %14.1f%n", t.getKey(), cap, baseReached.size() + r.size(), r.size(),
                        1000.0 * added(analyzer, scorer, parsed, gens, false) / Math.max(1, words));
                for (String e : r.stream().sorted().toList()) {
                    Annotation.GoldEdit g = byId.get(e);
                    gains.append(t.getKey()).append('\t').append(cap).append('\t').append(e, 0, e.lastIndexOf('@')).append('\t')
                            .append(g.spun()).append('\t').append(String.join("|", g.alternatives())).append('\n');
                }
            }
        }
        for (Map.Entry<Integer, Set<String>> u : union.entrySet()) {
            System.out.printf(Locale.ROOT, "%-16s %5d %8d %+6d%n", "any of them", u.getKey(), baseReached.size() + u.getValue().size(), u.getValue().size());
        }
        Files.writeString(gainsOut, gains.toString(), StandardCharsets.UTF_8);
    }

    /** Candidates of the added table (family USER) that the lattices keep: what a new family would cost the decoder. */
    private static int added(TextAnalyzer analyzer, LmScorer scorer, List<Annotation> parsed, List<CandidateGenerator> gens, boolean all) {
        int n = 0;
        for (Annotation a : parsed) {
            java.util.BitSet guarded = dev.unspin.text.ProtectedSpans.of(a.spun(), false);
            for (dev.unspin.text.Sentence s : analyzer.sentences(a.spun())) {
                n += (int) dev.unspin.restore.Lattice.build(s, gens, scorer, guarded).candidates().stream()
                        .filter(c -> all || c.source() == Source.USER).count();
            }
        }
        return n;
    }

    private static String id(Path file, Annotation.GoldEdit g) {
        return file + "@" + g.start();
    }

    /** The required edits the generators reach, as file@offset; required collects every required edit's id. */
    private static Set<String> reached(Coverage cov, List<Annotation> parsed, List<Path> anns, List<CandidateGenerator> gens, Set<String> required) {
        Set<String> out = new HashSet<>();
        for (int f = 0; f < parsed.size(); f++) {
            Annotation a = parsed.get(f);
            Coverage.GoldCoverage g = cov.gold(a, gens);
            Set<String> missing = new HashSet<>();
            for (Annotation.GoldEdit e : g.missing()) {
                missing.add(id(anns.get(f), e));
            }
            for (Annotation.GoldEdit e : a.edits()) {
                if (!e.optional()) {
                    required.add(id(anns.get(f), e));
                    if (!missing.contains(id(anns.get(f), e))) {
                        out.add(id(anns.get(f), e));
                    }
                }
            }
        }
        return out;
    }
}
