package dev.unspin.restore;

/**
 * Decoder settings, in log10 units of language-model probability.
 *
 * @param useLanguageModel  false: apply only "always" entries, first original (the --no-lm mode)
 * @param contextMargin     how much more probable a sentence must become for a context entry to fire
 * @param cleanTextMargin   added to contextMargin in a document where no "always" entry fired: with no
 *                          sign of a spinner the prior that any word was substituted is near zero
 * @param alwaysBonus       credit for applying an "always" entry (large: they are repaired whatever the model says)
 * @param beam              states kept per token position
 */
public record Options(boolean useLanguageModel, double contextMargin, double cleanTextMargin, double alwaysBonus, int beam) {
    public static Options defaults() {
        return new Options(true, 1.0, 2.0, 8.0, 16);
    }

    public Options withLanguageModel(boolean on) {
        return new Options(on, contextMargin, cleanTextMargin, alwaysBonus, beam);
    }

    public Options withContextMargin(double m) {
        return new Options(useLanguageModel, m, cleanTextMargin, alwaysBonus, beam);
    }
}
