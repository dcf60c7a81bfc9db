package dev.unspin.restore;

import java.util.List;

/**
 * How likely a move the folder's estimate proposes is one of the farm's: a logistic model over the move's figures, asked
 * after the hand cuts of {@link FarmLearner.Thresholds} (count, rate, share, spread) have let it through.
 *
 * <p>The figures (the last four clamped to the range they were fitted on; rate and share lie in 0..1; the count is not
 * clamped, as a move the folder uses more often is the farm's with more confidence, and a larger folder than set A only
 * lengthens that figure's reach):
 * <ul>
 * <li>{@code log10_count}: the move's expected uses in the folder;
 * <li>{@code rate} and {@code share}, as the hand cuts read them;
 * <li>{@code evidence}: the mean log10 evidence for the original where the estimate gives the move its positions, clamped
 *     to -2..4 (a real move is one the context keeps asking for, not one a few positions carry);
 * <li>{@code log10_spun_over_expected}: how much more often the spun form is written than the language model's unigram
 *     expects in a folder of this size, -2..3 (the farm writes its spun forms at their originals' frequency);
 * <li>{@code log10_original_over_expected}: the original as written against its unigram's expectation, -3..2 (the
 *     farm's originals thin out);
 * <li>{@code spread}, capped at 1.5.
 * </ul>
 *
 * <p>How {@link #DEFAULT} was fitted (eval/MoveModelFit over eval/FarmGrid's estimate of set A; the commands are in the README, "Learning a farm's spinner"):
 * the synthetic farm's set A (eval/SyntheticFarm, 1,000 Brown articles spun at rate 0.5 by a 150-move table), every move of
 * the folder's estimate that passes count 3, rate 0.2, share 0.25 and spread 0.5 (168 moves, 91 of them the table's),
 * labelled by the table; L2-penalised (1.0) logistic regression. Which figures and which probability cut: five-fold
 * cross-validation over spun forms on set A, ten times over (first offline, on l1's candidate dump of set A), the figures
 * and cut with the most recall at a precision of at least 0.8 among figures that do not fall as a spinner spins more of an
 * original's uses (so not the co-occurrence of the original in the spun form's documents, which did as well at rate 0.5
 * and vanishes with the originals of a heavier spinner): these seven at 0.4, cross-validated precision 0.85 and recall
 * 0.56, against 0.85 and 0.527 for the hand cuts alone at count 5 (in-sample). Rate and share weigh little once the hand
 * cuts have passed a move (their weights are slightly negative); count, evidence, the spun form's excess and spread carry
 * the model.
 */
public record MoveModel(double[] weights) {
    /** The figures' names, in the order of {@link #weights} after the intercept. */
    public static final List<String> NAMES = List.of("log10_count", "rate", "share", "evidence", "log10_spun_over_expected",
            "log10_original_over_expected", "spread");

    /** Fitted on the synthetic farm's set A (see the class comment). */
    public static final MoveModel DEFAULT = new MoveModel(new double[] {-5.306436339719916, 3.8127703571785405, -0.8320083619250787,
            -0.23935249950718304, 1.471312471421346, 0.7534908731107939, -0.4283664343993082, 1.116907644300752});

    public MoveModel {
        if (weights.length != NAMES.size() + 1) {
            throw new IllegalArgumentException("a move model has " + (NAMES.size() + 1) + " weights, not " + weights.length);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        return "MoveModel" + java.util.Arrays.toString(weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoveModel m && java.util.Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(weights);
    }

    /** The move's figures as the model reads them, clamped; null when the move lacks the folder's figures. */
    public static double[] figures(FarmLearner.Move m) {
        if (Double.isNaN(m.evidence()) || Double.isNaN(m.spunExpected()) || Double.isNaN(m.originalExpected()) || Double.isNaN(m.originalWritten())
                || m.count() <= 0 || m.spunExpected() <= 0 || m.originalExpected() <= 0) {
            return null;
        }
        return new double[] {Math.log10(m.count()), m.rate(), m.share(), clamp(m.evidence(), -2, 4),
                clamp(Math.log10(m.occurrences() / m.spunExpected()), -2, 3),
                clamp(Math.log10((m.originalWritten() + 0.5) / m.originalExpected()), -3, 2), Math.min(m.spread(), 1.5)};
    }

    /** The probability that the move is the farm's; NaN for a move without the folder's figures. */
    public double probability(FarmLearner.Move m) {
        double[] x = figures(m);
        if (x == null) {
            return Double.NaN;
        }
        double z = weights[0];
        for (int k = 0; k < x.length; k++) {
            z += weights[k + 1] * x[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
