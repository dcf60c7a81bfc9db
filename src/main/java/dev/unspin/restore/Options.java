package dev.unspin.restore;

/**
 * What a dictionary-only restorer is asked to do (the constructors that take a {@link dev.unspin.dictionary.PhraseDictionary}).
 * Every number the decision uses lives in {@link Calibration}.
 *
 * @param useLanguageModel false: apply only "always" entries, first original (the --no-lm mode)
 * @param protectQuotes    leave quoted speech to "always" entries (off by default: spinners rewrite quotes too,
 *                         and on our annotated articles protecting them lost a fifth of the repairs)
 */
public record Options(boolean useLanguageModel, boolean protectQuotes) {
    public static Options defaults() {
        return new Options(true, false);
    }

    public Options withLanguageModel(boolean on) {
        return new Options(on, protectQuotes);
    }

    public Options withProtectedQuotes(boolean on) {
        return new Options(useLanguageModel, on);
    }
}
