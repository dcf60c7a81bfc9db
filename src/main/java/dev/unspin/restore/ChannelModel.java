package dev.unspin.restore;

/**
 * What a spinner writes for an original: the prior odds that a candidate is the original, before the
 * language model has looked at its context. Fitted (unspin calibrate) as a logistic model of a candidate's
 * family, rank and word frequencies together with its window gain over training spins: the gain's weight
 * is how far the language model is to be trusted (its weight in the decoder), and the frequency terms
 * absorb its bias toward common words. A document then scales each family's odds by how much more (or
 * less) it shows that family's moves than the training documents did ({@link DocumentEm}).
 */
public final class ChannelModel {
    private final double[] w;

    public ChannelModel(Calibration cal) {
        this.w = cal.channel();
    }

    /** Probability that the candidate is the original at the training spin rate, before its context is read. */
    public double base(Candidate c, double originalUnigram, double spunUnigram) {
        // a calibration always holds Features.CHANNEL weights (its constructor checks), so the vector's logit without the vector
        return Logistic.sigmoid(Features.channelLogit(w, c, originalUnigram, spunUnigram));
    }

    /** The language model's weight in the decoder: the fitted weight of a log10 gain, in log10 odds per log10 unit. */
    public double lmWeight() {
        return Math.max(0.05, Math.min(1.5, w[Features.CHANNEL_GAIN] / Math.log(10)));
    }

    /**
     * log10 prior odds of the candidate when its family's moves are {@code multiplier} times as frequent as in training.
     * The spin rate scales the odds, not the probability: P(original | spun form) = λq / (λq + (1 - λ)n), where n is how often
     * writers use the spun form themselves, so the odds grow with λ for every move, and a move whose spun form no writer
     * uses ("working system", n near 0) stays near certain however low the document's rate.
     */
    public static double priorLog10Odds(double base, double multiplier) {
        if (base <= 0 || multiplier <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return baseLog10Odds(base) + Math.log10(multiplier);
    }

    /** log10 odds of a base probability (capped just below 1): the part of {@link #priorLog10Odds} no multiplier changes. */
    public static double baseLog10Odds(double base) {
        double b = Math.min(base, 1 - 1e-9);
        return Math.log10(b / (1 - b));
    }
}
