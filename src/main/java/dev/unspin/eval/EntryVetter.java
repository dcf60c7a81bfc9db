package dev.unspin.eval;

import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Calibration;
import dev.unspin.restore.Edit;
import dev.unspin.restore.Generators;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A build aid for {@code scripts/build-news-dictionary.py} (not part of the tool): asks the restorer itself whether proposed
 * dictionary entries would fire, so that the build's check is the restorer's calibrated decision rather than a copy of numbers
 * it once decided by. Each sentence is restored as a document of its own by the restorer {@code fix} builds, with the bundled
 * dictionaries except the file being rebuilt, and the proposed entries in its place.
 *
 * <pre>java -cp unspin.jar dev.unspin.eval.EntryVetter MODEL PROPOSED [THREADS] &lt; key-TAB-sentence lines</pre>
 *
 * PROPOSED's file name says which bundled file it stands for ({@code news-spinner.txt} or {@code wordnet-artefacts.txt}), so its
 * entries get that file's family and calibrated weight. For every input line, in input order, it prints one line per edit,
 * {@code key TAB before TAB after}, or {@code key} alone when the sentence comes back unchanged.
 */
public final class EntryVetter {
    private final Restorer restorer;

    public EntryVetter(Restorer restorer) {
        this.restorer = restorer;
    }

    /** The bundled restorer with the entries of {@code proposed} in place of the bundled file of the same name. */
    public static EntryVetter bundled(Path model, Path proposed) throws IOException, DictionaryException {
        TextAnalyzer analyzer = TextAnalyzer.english();
        DictionaryLoader loader = new DictionaryLoader(analyzer);
        String replaced = proposed.getFileName().toString();
        List<Entry> entries = new ArrayList<>();
        for (Entry e : loader.load(true, List.of()).entries()) {
            if (!fileOf(e).equals(replaced)) {
                entries.add(e);
            }
        }
        entries.addAll(loader.load(false, List.of(proposed)).entries());
        LmScorer scorer = new LmScorer(NgramModel.open(model));
        return new EntryVetter(new Restorer(analyzer, Generators.standard(new PhraseDictionary(entries), true, true), scorer,
                Calibration.bundled(), false));
    }

    Restorer restorer() {
        return restorer;
    }

    /** The file name of an entry's origin ("dir/news-spinner.txt:12" gives "news-spinner.txt"). */
    static String fileOf(Entry e) {
        String o = e.origin();
        int colon = o.lastIndexOf(':');
        String file = colon > 0 ? o.substring(0, colon) : o;
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }

    /** The edits the restorer makes in one sentence restored alone: "before TAB after" each. */
    public List<String> edits(String sentence) {
        List<String> out = new ArrayList<>();
        for (Edit e : restorer.restore(sentence).edits()) {
            out.add(e.before() + "\t" + e.after());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EntryVetter MODEL PROPOSED [THREADS] < key-TAB-sentence lines");
            System.exit(2);
        }
        EntryVetter v = bundled(Path.of(args[0]), Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        List<String[]> in = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    System.err.println("EntryVetter: line " + (in.size() + 1) + ": no TAB between key and sentence");
                    System.exit(3);
                }
                in.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
            }
        }
        List<String>[] out = new List[in.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, in.size()).parallel().forEach(i -> out[i] = v.edits(in.get(i)[1]))).get();
        } finally {
            pool.shutdown();
        }
        PrintStream p = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        for (int i = 0; i < out.length; i++) {
            if (out[i].isEmpty()) {
                p.println(in.get(i)[0]);
            }
            for (String e : out[i]) {
                p.println(in.get(i)[0] + "\t" + e);
            }
        }
        p.flush();
    }
}
