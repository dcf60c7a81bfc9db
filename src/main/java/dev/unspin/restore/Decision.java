package dev.unspin.restore;

/** The calibrated decision: the probability that a candidate is the original, from its evidence in context. */
public final class Decision {
    private final Logistic model;

    public Decision(Calibration cal) {
        this.model = new Logistic(cal.decision());
    }

    public double probability(Features.Evidence e) {
        return model.probability(Features.decision(e));
    }

    /** {@link #probability(Features.Evidence)} with x as the features' room (of {@link Features#DECISION}), overwritten. */
    public double probability(Features.Evidence e, double[] x) {
        return model.probability(Features.decision(e, x));
    }
}
