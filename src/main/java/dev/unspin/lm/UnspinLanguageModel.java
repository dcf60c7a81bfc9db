package dev.unspin.lm;

import java.util.Arrays;
import opennlp.tools.languagemodel.LanguageModel;

/**
 * The unspin model seen through OpenNLP's {@link LanguageModel} interface, so OpenNLP code can use
 * it. Tokens are scored as a sentence fragment (no sentence markers), words as the model spells
 * them. The restorer itself uses {@link LmScorer}, which avoids the strings and the exponent.
 */
public final class UnspinLanguageModel implements LanguageModel {
    private final NgramModel model;

    public UnspinLanguageModel(NgramModel model) {
        this.model = model;
    }

    /** log10 probability of the token sequence, each token given the ones before it. */
    public double log10Probability(String... tokens) {
        int[] ids = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            ids[i] = model.id(tokens[i]);
        }
        double sum = 0;
        for (int i = 1; i <= ids.length; i++) {
            sum += model.logProb(ids, 0, i);
        }
        return sum;
    }

    /**
     * Probability of the sequence. Long sequences underflow a double (below about 1e-308); use
     * {@link #log10Probability} for those.
     */
    @Override
    public double calculateProbability(String... tokens) {
        return Math.pow(10, log10Probability(tokens));
    }

    /** The single most probable next word after the given context, by a scan of the vocabulary. */
    @Override
    public String[] predictNextTokens(String... tokens) {
        int keep = Math.min(tokens.length, model.order() - 1);
        int[] ids = new int[keep + 1];
        for (int i = 0; i < keep; i++) {
            ids[i] = model.id(tokens[tokens.length - keep + i]);
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestId = -1;
        for (int w = 0; w < model.vocabularySize(); w++) {
            ids[keep] = w;
            double p = model.logProb(ids, 0, keep + 1);
            if (p > best) {
                best = p;
                bestId = w;
            }
        }
        return bestId < 0 ? new String[0] : new String[] {model.word(bestId)};
    }

    @Override
    public String toString() {
        return "UnspinLanguageModel" + Arrays.asList(model.file().getFileName(), model.order());
    }
}
