package dev.unspin.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * The two feature layouts the restorer's fitted models read. The channel model's features say how
 * likely a spinner's move of this kind is (its family, and its rank among the family's proposals);
 * the decision's features are the evidence in context. Values are clamped so that one extreme
 * language-model score cannot dominate a fitted weight.
 */
public final class Features {
    private Features() {
    }

    private static final Source[] SOURCES = Source.values();
    public static final int CHANNEL = 2 * SOURCES.length + 3;
    /** Index of the window gain among the channel features: its weight is the language model's weight in the decoder. */
    public static final int CHANNEL_GAIN = CHANNEL - 1;

    /**
     * One-hot family, the family's slope over log2(1 + rank), how common the original and the spun words
     * are (the model favours frequent words anywhere: fitted here, not corrected by hand), and the window
     * gain, whose fitted weight scales the language model in the decoder.
     */
    public static double[] channel(Candidate c, double originalUnigram, double spunUnigram, double windowGain) {
        double[] x = new double[CHANNEL];
        int f = c.source().ordinal();
        x[f] = 1;
        x[SOURCES.length + f] = log2(1 + c.rank());
        x[2 * SOURCES.length] = clamp(originalUnigram + 4, 6);
        x[2 * SOURCES.length + 1] = clamp(spunUnigram + 4, 6);
        x[CHANNEL_GAIN] = clamp(windowGain, 10);
        return x;
    }

    /**
     * The channel model's logit w · {@link #channel}(c, originalUnigram, spunUnigram, 0) without the vector: the same
     * non-zero terms added in the same order (the zero terms add nothing), so the same double, for every candidate of
     * every document without an array each.
     */
    static double channelLogit(double[] w, Candidate c, double originalUnigram, double spunUnigram) {
        int f = c.source().ordinal();
        double z = 0;
        z += w[f];
        z += w[SOURCES.length + f] * log2(1 + c.rank());
        z += w[2 * SOURCES.length] * clamp(originalUnigram + 4, 6);
        z += w[2 * SOURCES.length + 1] * clamp(spunUnigram + 4, 6);
        return z;
    }

    public static List<String> channelNames() {
        List<String> n = new ArrayList<>();
        for (Source s : SOURCES) {
            n.add("family_" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Source s : SOURCES) {
            n.add("rank_" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
        n.add("original_unigram");
        n.add("spun_unigram");
        n.add("window_gain");
        return n;
    }

    /**
     * The decision's evidence for one candidate, in the order of {@link #decisionNames()}; always: the candidate comes from
     * an entry whose spun form is never good prose ({@code Kind.ALWAYS}).
     */
    public record Evidence(double posterior, double windowGain, double unigramDiff, int lengthDiff, int rank, double spunUnigram,
                           int spunRepeats, int originalSeen, double spinRate, boolean unknownWord, Source source, boolean always) {
    }

    /**
     * The document's spin rate enters the decision saturated at this rate: it tells clean documents (estimated rates up
     * to 0.023 on the calibration's validation) from spun ones (their tenth percentile: 0.065), and nothing more. Unsaturated,
     * it learnt the synthetic documents' rates (0.2-0.35 substitutions per word) and cost real-style articles, spun at about
     * 0.1, two thirds of their recall; left out, clean validation text took 20 changes per 10,000 words at the same
     * precision on spun text (unspin calibrate --validate samples, 2026-12-01).
     */
    public static final double RATE_CAP = 0.06;

    private static final int FIXED = 13;
    public static final int DECISION = FIXED + SOURCES.length;

    public static double[] decision(Evidence e) {
        return decision(e, new double[DECISION]);
    }

    /** {@link #decision(Evidence)} into x, of {@link #DECISION} values, every one set: for a caller that decides many in turn. */
    public static double[] decision(Evidence e, double[] x) {
        java.util.Arrays.fill(x, FIXED, DECISION, 0);
        double p = Math.min(Math.max(e.posterior(), 1e-6), 1 - 1e-6);
        x[0] = 1;
        x[1] = Math.log10(p / (1 - p));
        x[2] = clamp(e.windowGain(), 10);
        x[3] = clamp(e.unigramDiff(), 6);
        x[4] = Math.max(-4, Math.min(4, e.lengthDiff()));
        x[5] = log2(1 + e.rank());
        x[6] = clamp(e.spunUnigram() + 4, 4);
        x[7] = log2(1 + e.spunRepeats());
        x[8] = log2(1 + e.originalSeen());
        x[9] = Math.log10(Math.max(Math.min(e.spinRate(), RATE_CAP), 1e-4));
        x[10] = e.unknownWord() ? 1 : 0;
        // An entry whose spun form no writer uses ("working system") is evidence that the text is spun by itself: its own
        // term and its own slope over the rate, so a sentence alone (whose rate stays near the prior's mean) is still
        // repaired, while every other candidate keeps asking for a spun document. Without them the rate's weight, fitted on
        // whole documents, left one-sentence texts such as "The new working system ships." unchanged.
        x[11] = e.always() ? 1 : 0;
        x[12] = e.always() ? x[9] : 0;
        x[FIXED + e.source().ordinal()] = 1;
        return x;
    }

    public static List<String> decisionNames() {
        List<String> n = new ArrayList<>(List.of("bias", "posterior_log10_odds", "window_gain", "unigram_diff", "length_diff", "log2_rank",
                "spun_unigram", "log2_spun_repeats", "log2_original_seen", "log10_capped_spin_rate", "unknown_word", "always", "log10_capped_spin_rate_always"));
        for (Source s : SOURCES) {
            n.add("source_" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
        return n;
    }

    private static double clamp(double v, double lim) {
        return Double.isNaN(v) ? 0 : Math.max(-lim, Math.min(lim, v));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
