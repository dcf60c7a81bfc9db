package dev.unspin.eval;

/**
 * Edit-level counts and the figures derived from them, as in grammatical error correction.
 * tpRequired counts the true positives on required (non-optional) gold edits.
 */
public record Counts(int tp, int tpRequired, int fn, int fp, int required, int edits, boolean layoutOk) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, true);

    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, tpRequired + o.tpRequired, fn + o.fn, fp + o.fp, required + o.required, edits + o.edits,
                layoutOk && o.layoutOk);
    }

    public double precision() {
        return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    /** Recall on required edits: the R the targets speak of. */
    public double recall() {
        return required == 0 ? 0.0 : (double) tpRequired / required;
    }

    public double recallAll() {
        return edits == 0 ? 0.0 : (double) tp / edits;
    }

    public double f05() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 1.25 * p * r / (0.25 * p + r);
    }
}
