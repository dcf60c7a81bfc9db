package dev.unspin;

import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real components, loaded once per test JVM: the OpenNLP models, the bundled dictionaries and
 * the language model that the build imported from Sphinx (path in the unspin.model property).
 */
public final class Fixtures {
    private static volatile Fixtures instance;

    public final TextAnalyzer analyzer;
    public final PhraseDictionary dictionary;
    public final NgramModel model;
    public final LmScorer scorer;
    public final Restorer restorer;

    private Fixtures() throws Exception {
        analyzer = TextAnalyzer.english();
        dictionary = new DictionaryLoader(analyzer).load(true, java.util.List.of());
        model = NgramModel.open(modelPath());
        scorer = new LmScorer(model);
        restorer = new Restorer(analyzer, dev.unspin.restore.Generators.standard(dictionary, true, true), scorer,
                dev.unspin.restore.Calibration.bundled(), false);
    }

    public static Fixtures get() {
        if (instance == null) {
            synchronized (Fixtures.class) {
                if (instance == null) {
                    try {
                        instance = new Fixtures();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot load the real components", e);
                    }
                }
            }
        }
        return instance;
    }

    public static Path modelPath() {
        String p = System.getProperty("unspin.model", "target/models/en-us.ulm");
        Path path = Path.of(p);
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("language model missing at " + path + ": the build's import step did not run"));
        }
        return path;
    }

    public static Path shared() {
        return Path.of(System.getProperty("unspin.shared", "../shared"));
    }

    public static Path project() {
        return Path.of("").toAbsolutePath();
    }
}
