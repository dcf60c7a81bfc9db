package dev.unspin.cli;

import dev.unspin.corpus.Coverage;
import dev.unspin.corpus.TextFiles;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.eval.Annotation;
import dev.unspin.lm.LmScorer;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
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

@Command(name = "coverage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What the dictionaries explain and what they miss. For .ann files: the share of required gold edits whose spun "
                + "words some entry or the number rule (with --thesaurus, also the reverse thesaurus) offers the right original for, and the list of those it does not. For raw spun text: how often "
                + "each entry fired, how many never did, and the suspicious words no entry explains (improbable in context), ranked by "
                + "the number of documents showing them; with --thesaurus, as ready-to-paste dictionary lines.",
        footer = {"%nExamples:", "  unspin coverage samples/*.ann", "  unspin coverage scraped/ --thesaurus bundled --top 50",
            "  unspin coverage scraped/ --format tsv > suspects.tsv"})
final class CoverageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".ann files, or spun text files and folders.")
    List<Path> inputs;

    @Option(names = "--threshold", description = "log10 trigram probability below which an unexplained word is suspicious (default ${DEFAULT-VALUE}).")
    double threshold = -4.5;

    @Option(names = "--top", description = "How many suspicious words to list (default ${DEFAULT-VALUE}).")
    int top = 30;

    @Option(names = "--format", description = "text, tsv or json (default ${DEFAULT-VALUE}).")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        List<Path> files = TextFiles.expand(inputs);
        TextAnalyzer analyzer = TextAnalyzer.english();
        PhraseDictionary dict = new DictionaryLoader(analyzer).load(!engine.noBundled, engine.dicts);
        LmScorer scorer = new LmScorer(engine.openModel());
        Coverage cov = new Coverage(analyzer, dict, scorer);
        ReverseThesaurus th = engine.reverseThesaurus(scorer.model()); // one load serves gold files and raw text
        PrintWriter out = spec.commandLine().getOut();
        List<Path> anns = files.stream().filter(f -> f.toString().endsWith(".ann")).toList();
        List<Path> raws = files.stream().filter(f -> !f.toString().endsWith(".ann")).toList();
        if (!anns.isEmpty()) {
            int req = 0;
            int covered = 0;
            List<String> missing = new ArrayList<>();
            for (Path f : anns) {
                Coverage.GoldCoverage g = cov.gold(Annotation.parse(TextFiles.read(f)), th == null ? null : th::originals);
                req += g.required();
                covered += g.covered();
                for (Annotation.GoldEdit e : g.missing()) {
                    missing.add(e.spun() + " => " + String.join(" | ", e.alternatives()) + "\t" + f.getFileName());
                }
            }
            out.printf(Locale.ROOT, "gold coverage: %d of %d required edits (%.1f%%) have the right original among the candidates%n",
                    covered, req, 100.0 * covered / Math.max(req, 1));
            for (String m : missing) {
                out.println("  missing: " + m);
            }
        }
        if (!raws.isEmpty()) {
            Restorer restorer = new Restorer(analyzer, dict, scorer, Options.defaults().withContextMargin(engine.margin));
            java.util.function.Function<String, List<String>> reverse = th == null ? w -> List.of() : th::originals;
            Map<String, Integer> firings = new HashMap<>();
            Map<String, Coverage.Suspect> suspects = new HashMap<>();
            int doc = 0;
            for (Path f : raws) {
                String text = TextFiles.read(f);
                Coverage.countFirings(restorer.restore(text).edits(), firings);
                cov.suspects(doc++, text, threshold, reverse, suspects);
            }
            Set<String> origins = new HashSet<>();
            for (Entry e : dict.entries()) {
                origins.add(e.origin());
            }
            List<Coverage.Suspect> ranked = new ArrayList<>(suspects.values());
            ranked.sort((a, b) -> a.docs.size() != b.docs.size() ? b.docs.size() - a.docs.size() : a.word.compareTo(b.word));
            ranked = ranked.subList(0, Math.min(top, ranked.size()));
            print(out, raws.size(), firings, origins.size() - firings.size(), ranked);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, int docs, Map<String, Integer> firings, int unused, List<Coverage.Suspect> ranked) {
        List<Map.Entry<String, Integer>> fired = new ArrayList<>(firings.entrySet());
        fired.sort((a, b) -> b.getValue() - a.getValue());
        switch (format) {
            case "tsv" -> {
                out.println("word\tdocuments\tbest_original\tgain\texample");
                for (Coverage.Suspect s : ranked) {
                    String best = s.bestOriginal();
                    out.printf(Locale.ROOT, "%s\t%d\t%s\t%s\t%s%n", s.word, s.docs.size(), best == null ? "" : best,
                            best == null ? "" : String.format(Locale.ROOT, "%.2f", s.gains.get(best)), s.example);
                }
            }
            case "json" -> {
                StringBuilder sb = new StringBuilder("{\"documents\":").append(docs).append(",\"unused_entries\":").append(unused).append(",\"fired\":{");
                for (int i = 0; i < fired.size(); i++) {
                    sb.append(i > 0 ? "," : "").append(EditJson.quote(fired.get(i).getKey())).append(':').append(fired.get(i).getValue());
                }
                sb.append("},\"suspects\":[");
                for (int i = 0; i < ranked.size(); i++) {
                    Coverage.Suspect s = ranked.get(i);
                    sb.append(i > 0 ? "," : "").append("{\"word\":").append(EditJson.quote(s.word)).append(",\"documents\":").append(s.docs.size())
                            .append(",\"best_original\":").append(s.bestOriginal() == null ? "null" : EditJson.quote(s.bestOriginal()))
                            .append(",\"example\":").append(EditJson.quote(s.example)).append('}');
                }
                out.println(sb.append("]}"));
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
