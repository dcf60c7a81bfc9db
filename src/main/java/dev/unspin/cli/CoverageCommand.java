package dev.unspin.cli;

import dev.unspin.corpus.Coverage;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.Annotation;
import dev.unspin.lm.LmScorer;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = CoverageCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What the candidate generators explain and what they miss. For .ann files: the share of required gold edits "
                + "the restorer's own generators (dictionaries, harvested moves, PPDB, the reverse thesaurus, and --thesaurus FILE) or the "
                + "number rule can restore, and the list of those they cannot. For raw spun text: how often each entry fired, how many "
                + "never did, and the suspicious words no entry explains (improbable in context), ranked by the number of documents "
                + "showing them, with the bundled reverse thesaurus's best proposal as ready-to-paste dictionary lines.",
        footer = {"%nExamples:", "  unspin coverage samples/*.ann", "  unspin coverage scraped/ --top 50",
            "  unspin coverage scraped/ --format tsv > suspects.tsv",
            "  unspin coverage --format json samples/*.ann | jq .gold.share", "  curl -s URL | unspin coverage -"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5, ExitCodes.L70})
final class CoverageCommand implements Callable<Integer> {
    /** The command's name (Main starts its loading by this name, before picocli reads any annotation). */
    static final String NAME = "coverage";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = ".ann files, or spun text files and folders; '-' reads standard input (an annotation if it holds [[spun=>original]] marks).")
    List<String> inputs;

    @Option(names = "--threshold", paramLabel = "LOG10", converter = Values.Finite.class,
            description = "log10 trigram probability below which an unexplained word is suspicious (default ${DEFAULT-VALUE}).")
    double threshold = -4.5;

    @Option(names = "--top", paramLabel = "N", converter = Values.NonNegativeInt.class,
            description = "How many suspicious words to list (default ${DEFAULT-VALUE}).")
    int top = 30;

    /** Output formats; lower case because picocli shows and completes the names as written. */
    enum Format { text, tsv, json }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}). tsv: one row per suspect (raw text) or per "
                    + "missing edit (.ann), tabs and newlines in fields escaped as \\t and \\n; json: one object, keys 'gold' and/or "
                    + "'documents', 'unused_entries', 'fired', 'suspects'.")
    Format format = Format.text;

    @Override
    public Integer call() throws Exception {
        List<Inputs.Input> anns = new ArrayList<>();
        List<Inputs.Input> raws = new ArrayList<>();
        Map<Inputs.Input, String> texts = new HashMap<>();
        for (Inputs.Input in : Inputs.expand(inputs)) {
            if (in.isStdin()) {
                String t = in.read();
                texts.put(in, t);
                (Annotation.parse(t).edits().isEmpty() ? raws : anns).add(in);
            } else {
                (in.hasExtension(".ann") ? anns : raws).add(in);
            }
        }
        if (format == Format.tsv && !anns.isEmpty() && !raws.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format tsv takes either .ann files or raw text, not both (their rows differ); run it twice or use --format json");
        }
        TextAnalyzer analyzer = engine.analyzer();
        PhraseDictionary dict = engine.dictionary(analyzer);
        Restorer restorer = engine.restorer();
        // the restorer's own model, opened (and verified) once; --no-lm still needs one for the suspects
        LmScorer scorer = restorer.scorer() != null ? restorer.scorer() : new LmScorer(engine.openModel());
        Coverage cov = new Coverage(analyzer, dict, scorer);
        ReverseThesaurus th = ReverseThesaurus.resource(ReverseThesaurus.BUNDLED, w -> {
            int[] ids = scorer.ids(w);
            return ids.length == 1 && ids[0] >= 0 ? scorer.unigramLogProb(ids) : Double.NaN;
        }, 20); // proposals for suspects in raw text: the best of a longer list than the restorer decodes
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> doc = new LinkedHashMap<>();
        if (!anns.isEmpty()) {
            int req = 0;
            int covered = 0;
            List<Map<String, Object>> missing = new ArrayList<>();
            for (Inputs.Input in : anns) {
                String t = texts.containsKey(in) ? texts.get(in) : in.read();
                Coverage.GoldCoverage g = cov.gold(Annotation.parse(t), restorer.generators());
                req += g.required();
                covered += g.covered();
                for (Annotation.GoldEdit e : g.missing()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", in.name());
                    m.put("spun", e.spun());
                    m.put("originals", e.alternatives());
                    missing.add(m);
                }
            }
            Map<String, Object> gold = new LinkedHashMap<>();
            gold.put("required", req);
            gold.put("covered", covered);
            gold.put("share", req == 0 ? null : new java.math.BigDecimal(covered / (double) req).setScale(4, java.math.RoundingMode.HALF_EVEN));
            gold.put("missing", missing);
            doc.put("gold", gold);
            printGold(out, req, covered, missing);
        }
        if (!raws.isEmpty()) {
            java.util.function.Function<String, List<String>> reverse = th::originals;
            Map<String, Integer> firings = new HashMap<>();
            Map<String, Coverage.Suspect> suspects = new HashMap<>();
            int n = 0;
            for (Inputs.Input in : raws) {
                String text = texts.containsKey(in) ? texts.get(in) : in.read();
                Coverage.countFirings(restorer.restore(text).edits(), firings);
                cov.suspects(n++, text, threshold, reverse, suspects);
            }
            Set<String> origins = new HashSet<>();
            for (Entry e : dict.entries()) {
                origins.add(e.origin());
            }
            List<Coverage.Suspect> ranked = new ArrayList<>(suspects.values());
            ranked.sort((a, b) -> a.docs.size() != b.docs.size() ? b.docs.size() - a.docs.size() : a.word.compareTo(b.word));
            ranked = ranked.subList(0, Math.min(top, ranked.size()));
            printRaw(out, raws.size(), firings, origins.size() - firings.size(), ranked, doc);
        }
        if (format == Format.json) {
            out.println(EditJson.write(doc));
        }
        out.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private void printGold(PrintWriter out, int req, int covered, List<Map<String, Object>> missing) {
        switch (format) {
            case tsv -> {
                out.println(Tsv.row("file", "spun", "originals"));
                for (Map<String, Object> m : missing) {
                    out.println(Tsv.row(m.get("file"), m.get("spun"), String.join(" | ", (List<String>) m.get("originals"))));
                }
            }
            case json -> {
                // written with the rest of the document
            }
            default -> {
                out.printf(Locale.ROOT, "gold coverage: %d of %d required edits (%.1f%%) have the right original among the candidates%n",
                        covered, req, 100.0 * covered / Math.max(req, 1));
                for (Map<String, Object> m : missing) {
                    out.println("  missing: " + m.get("spun") + " => " + String.join(" | ", (List<String>) m.get("originals"))
                            + "\t" + java.nio.file.Path.of(m.get("file").toString()).getFileName());
                }
            }
        }
    }

    private void printRaw(PrintWriter out, int docs, Map<String, Integer> firings, int unused, List<Coverage.Suspect> ranked, Map<String, Object> doc) {
        List<Map.Entry<String, Integer>> fired = new ArrayList<>(firings.entrySet());
        fired.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        switch (format) {
            case tsv -> {
                out.println(Tsv.row("word", "documents", "best_original", "gain", "example"));
                for (Coverage.Suspect s : ranked) {
                    String best = s.bestOriginal();
                    out.println(Tsv.row(s.word, s.docs.size(), best, best == null ? null : String.format(Locale.ROOT, "%.2f", s.gains.get(best)), s.example));
                }
            }
            case json -> {
                doc.put("documents", docs);
                doc.put("unused_entries", unused);
                Map<String, Object> f = new LinkedHashMap<>();
                fired.forEach(e -> f.put(e.getKey(), e.getValue()));
                doc.put("fired", f);
                List<Map<String, Object>> list = new ArrayList<>();
                for (Coverage.Suspect s : ranked) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    String best = s.bestOriginal();
                    m.put("word", s.word);
                    m.put("documents", s.docs.size());
                    m.put("best_original", best);
                    m.put("gain", best == null ? null : java.math.BigDecimal.valueOf(s.gains.get(best)).setScale(3, java.math.RoundingMode.HALF_UP));
                    m.put("example", s.example);
                    list.add(m);
                }
                doc.put("suspects", list);
            }
            default -> {
                out.printf(Locale.ROOT, "%d documents; %d entries fired, %d never did%n", docs, firings.size(), unused);
                for (Map.Entry<String, Integer> e : fired.subList(0, Math.min(15, fired.size()))) {
                    out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey());
                }
                out.println("suspicious words no entry explains (documents, proposal, example):");
                for (Coverage.Suspect s : ranked) {
                    String best = s.bestOriginal();
                    String line = best != null && s.gains.get(best) > 1.0 ? s.word + " => " + best + " ; ctx" : "# " + s.word + " => ?";
                    out.printf(Locale.ROOT, "  %-36s # %d docs, e.g. \"%s\"%n", line, s.docs.size(), s.example);
                }
            }
        }
    }
}
