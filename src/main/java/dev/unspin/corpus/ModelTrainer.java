package dev.unspin.corpus;

import dev.unspin.lm.LmTokens;
import dev.unspin.lm.ModelBuilder;
import dev.unspin.lm.ModelWriter;
import dev.unspin.lm.NgramCounter;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Builds a language model from plain text files: sentences and tokens as the restorer sees them,
 * words as the scorer maps them ({@link LmTokens}), counts in bounded memory ({@link NgramCounter}),
 * then smoothing ({@link ModelBuilder}).
 */
public final class ModelTrainer {
    public record Settings(int order, ModelBuilder.Smoothing smoothing, long minCount, int chunk, Path tmpDir) {
    }

    private final TextAnalyzer analyzer;
    private final Settings s;

    public ModelTrainer(TextAnalyzer analyzer, Settings settings) {
        if (settings.order() < 1 || settings.order() > 5) {
            throw new IllegalArgumentException("order must be 1 to 5");
        }
        this.analyzer = analyzer;
        this.s = settings;
    }

    /** Sentences of a text as model words (punctuation dropped, numbers spelled out). */
    public List<List<String>> sentences(String text) {
        return sentences(analyzer, text);
    }

    /** Sentences of a text as model words, the way models are built and scored. */
    public static List<List<String>> sentences(TextAnalyzer analyzer, String text) {
        List<List<String>> out = new ArrayList<>();
        for (Sentence sent : analyzer.sentences(text, false)) { // a line is a sentence at most: corpora are one per line, and `lm score` answers per line
            List<String> words = LmTokens.words(sent.tokens().stream().map(Token::text).toList());
            if (!words.isEmpty()) {
                out.add(words);
            }
        }
        return out;
    }

    /** Reads, counts and smooths; progress gets the number of words counted so far after each file. */
    public ModelWriter train(List<Path> files, LongConsumer progress) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        ids.put("<s>", 0);
        ids.put("</s>", 1);
        try (NgramCounter counter = new NgramCounter(s.order(), s.chunk(), s.tmpDir())) {
            for (Path f : files) {
                String text = TextFiles.read(f); // strict UTF-8: a bad file stops the build, named
                for (List<String> words : sentences(text)) {
                    int[] sent = new int[words.size() + 2];
                    sent[0] = 0;
                    for (int i = 0; i < words.size(); i++) {
                        sent[i + 1] = ids.computeIfAbsent(words.get(i), k -> ids.size());
                    }
                    sent[sent.length - 1] = 1;
                    counter.add(sent);
                }
                progress.accept(counter.tokens());
            }
            if (counter.tokens() == 0) {
                throw new InputException(files.isEmpty() ? "corpus" : files.get(0).toString() + (files.size() > 1 ? " and others" : ""),
                        "the corpus is empty: no words to count");
            }
            ModelBuilder b = new ModelBuilder(s.order(), ModelBuilder.vocabList(ids));
            counter.merge(b::add);
            return b.build(s.smoothing(), 0, s.minCount());
        }
    }
}
