package dev.unspin.corpus;

import dev.unspin.lm.NgramModel;
import dev.unspin.lm.Perplexity;
import dev.unspin.lm.UnspinLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.languagemodel.NGramLanguageModel;

/**
 * OpenNLP's NGramLanguageModel and an unspin Kneser-Ney model trained on the same sentences,
 * measured side by side: build time, file size, load time, perplexity on held-out text, lookups
 * per second, the probability mass each puts on the vocabulary after a context (1 for a true
 * distribution, without which perplexity means nothing), and how often each prefers the original
 * of an (original, spun) pair.
 */
public final class ModelComparison {
    public record Side(String name, double buildSeconds, long bytes, double loadMillis, double perplexity, double lookupsPerSecond,
                       double massAfterOfThe, int pairsRight) {
    }

    public record Report(int testSentences, int scorable, long scorableWords, double fullPerplexity, double oovRate, int pairs,
                         Side opennlp, Side unspin) {
    }

    private final ModelTrainer trainer;
    private final int order;

    public ModelComparison(ModelTrainer trainer, int order) {
        this.trainer = trainer;
        this.order = order;
    }

    /** pairs: lines "kind TAB original TAB spun" (may be null). */
    public Report run(List<Path> train, List<Path> test, Path pairs, Path workDir) throws IOException {
        List<List<String>> testSents = new ArrayList<>();
        for (Path f : test) {
            testSents.addAll(trainer.sentences(TextFiles.read(f)));
        }
        long t0 = System.nanoTime();
        Path ulm = workDir.resolve("train.ulm");
        trainer.train(train, w -> { }).write(ulm);
        double oursBuild = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        NgramModel ours = NgramModel.open(ulm);
        double oursLoad = (System.nanoTime() - t0) / 1e6;
        UnspinLanguageModel oursLm = new UnspinLanguageModel(ours);

        t0 = System.nanoTime();
        NGramLanguageModel onlp = new NGramLanguageModel(order);
        for (Path f : train) {
            for (List<String> s : trainer.sentences(TextFiles.read(f))) {
                onlp.add(s.toArray(String[]::new));
            }
        }
        double onlpBuild = (System.nanoTime() - t0) / 1e9;
        Path xml = workDir.resolve("opennlp.xml");
        try (OutputStream os = Files.newOutputStream(xml)) {
            onlp.serialize(os);
        }
        t0 = System.nanoTime();
        try (InputStream is = Files.newInputStream(xml)) {
            onlp = new NGramLanguageModel(is, order);
        }
        double onlpLoad = (System.nanoTime() - t0) / 1e6;

        // perplexity on the sentences both can score: OpenNLP gives 0 to a sentence ending in an unseen word
        List<String[]> scorable = new ArrayList<>();
        double onlpSum = 0;
        long words = 0;
        for (List<String> s : testSents) {
            String[] w = s.toArray(String[]::new);
            double p = onlp.calculateProbability(w);
            if (p > 0 && s.stream().allMatch(x -> ours.id(x) >= 0)) {
                scorable.add(w);
                onlpSum += Math.log10(p);
                words += w.length;
            }
        }
        double oursSum = 0;
        for (String[] s : scorable) {
            oursSum += oursLm.log10Probability(s);
        }
        Perplexity.Result full = Perplexity.of(ours, testSents);
        double onlpRate = lookups(scorable, onlp::calculateProbability);
        double oursRate = lookups(scorable, oursLm::log10Probability);

        double onlpMass = 0;
        double oursMass = 0;
        double ofThe = onlp.calculateProbability("of", "the");
        int[] ctx = {ours.id("of"), ours.id("the"), 0};
        for (int id = 0; id < ours.vocabularySize(); id++) {
            String w = ours.word(id);
            if (!w.equals("<s>") && !w.equals("</s>")) {
                onlpMass += onlp.calculateProbability("of", "the", w) / Math.max(1e-300, ofThe);
                ctx[2] = id;
                oursMass += Math.pow(10, ours.logProb(ctx, 0, 3));
            }
        }
        int[] right = new int[2];
        int n = 0;
        if (pairs != null) {
            for (String line : Files.readAllLines(pairs)) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String[] a = words(f[1]);
                String[] b = words(f[2]);
                n++;
                right[0] += onlp.calculateProbability(a) > onlp.calculateProbability(b) ? 1 : 0;
                right[1] += oursLm.log10Probability(a) > oursLm.log10Probability(b) ? 1 : 0;
            }
        }
        Side o = new Side("OpenNLP NGramLanguageModel", onlpBuild, Files.size(xml), onlpLoad, Math.pow(10, -onlpSum / Math.max(1, words)),
                onlpRate, onlpMass, right[0]);
        Side u = new Side("unspin Kneser-Ney", oursBuild, Files.size(ulm), oursLoad, Math.pow(10, -oursSum / Math.max(1, words)), oursRate,
                oursMass, right[1]);
        try (Stream<Path> s = Files.list(workDir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        return new Report(testSents.size(), scorable.size(), words, full.perplexity(), full.oovRate(), n, o, u);
    }

    private String[] words(String sentence) {
        return trainer.sentences(sentence).stream().flatMap(List::stream).toArray(String[]::new);
    }

    /** n-gram probabilities per second over every order-length window of the text. */
    private double lookups(List<String[]> sentences, java.util.function.ToDoubleFunction<String[]> score) {
        long t = System.nanoTime();
        long count = 0;
        double sink = 0;
        for (String[] s : sentences) {
            for (int i = Math.min(order, s.length); i <= s.length; i++) {
                sink += score.applyAsDouble(java.util.Arrays.copyOfRange(s, Math.max(0, i - order), i));
                count++;
            }
        }
        double rate = count / ((System.nanoTime() - t) / 1e9);
        // the sink is used so the JIT cannot drop the calls being timed
        return sink == Double.POSITIVE_INFINITY ? -rate : rate;
    }

    public static ModelComparison kneserNey(ModelTrainer.Settings base, dev.unspin.text.TextAnalyzer analyzer) {
        return new ModelComparison(new ModelTrainer(analyzer, base), base.order());
    }
}
