package dev.unspin;

import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Calibration;
import dev.unspin.restore.Generators;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The library's front door: a ready {@link Restorer} with the bundled dictionaries, the OpenNLP
 * English models and the US-English language model, configured as {@code unspin fix} is by default.
 * Building one takes a fraction of a second and some 100 MB; it is thread-safe and free of I/O, so
 * build one and share it.
 *
 * <pre>{@code
 * Restorer restorer = Unspin.english();
 * Result r = restorer.restore(article);   // r.text(): the article restored; r.edits(): each repair, its reason and probability
 * }</pre>
 */
public final class Unspin {
    private Unspin() {
    }

    /**
     * A restorer with the model found as {@link ModelPaths} describes ($UNSPIN_LM, beside the jar, the
     * user cache), imported into the user cache on first use from a copy on this machine.
     *
     * @throws ModelNotFoundException if there is no model and nothing to import one from
     * @throws IOException            if the model cannot be read (a corrupt one is named in the message)
     */
    public static Restorer english() throws IOException {
        return english(ModelPaths.system().findOrInstall());
    }

    /**
     * A restorer with the given model file (.ulm; 'unspin lm import' converts ARPA and Sphinx models).
     *
     * @throws IOException if the model is missing, unreadable or corrupt (the message names the file)
     */
    public static Restorer english(Path model) throws IOException {
        ModelPaths.checkNamed(model, null);
        try {
            TextAnalyzer analyzer = TextAnalyzer.english();
            PhraseDictionary dict = new DictionaryLoader(analyzer).load(true, List.of());
            LmScorer scorer = new LmScorer(NgramModel.open(model));
            return new Restorer(analyzer, Generators.standard(dict, true, true), scorer, Calibration.bundled(), false);
        } catch (DictionaryException e) {
            // the bundled dictionaries are checked at build time; a failure here is a broken jar
            throw new IllegalStateException("bundled dictionaries unreadable: " + e.getMessage(), e);
        }
    }
}
