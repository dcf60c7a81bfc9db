package dev.unspin.restore;

/**
 * Decoder settings, in log10 units of language-model probability.
 *
 * @param useLanguageModel  false: apply only "always" entries, first original (the --no-lm mode)
 * @param contextMargin     how much more probable a sentence must become for a context entry to fire
 * @param cleanTextMargin   added to contextMargin when a document reads as clean prose (fewer than
 *                          spunDensity repairs per word at the base margin): there the prior that
 *                          any word was substituted is near zero
 * @param spunDensity       repairs per word below which a document counts as clean
 * @param frequencyWeight   share of the unigram (frequency) difference between original and spun words
 *                          subtracted from a change's gain: an n-gram model favours frequent and fewer
 *                          words anywhere, and only the context's support should count (as in SLOR)
 * @param guessMargin       added to the margin for "guess" entries (mined thesaurus pairs, less certain than curated ones)
 * @param alwaysBonus       credit for applying an "always" entry (large: they are repaired whatever the model says)
 * @param beam              states kept per token position
 * @param protectQuotes     leave quoted speech to "always" entries (off by default: spinners rewrite quotes too,
 *                          and on our annotated articles protecting them lost a fifth of the repairs)
 */
public record Options(boolean useLanguageModel, double contextMargin, double cleanTextMargin, double spunDensity, double frequencyWeight, double guessMargin, double alwaysBonus, int beam, boolean protectQuotes) {
    public static Options defaults() {
        return new Options(true, 1.0, 4.0, 0.04, 0.5, 2.0, 8.0, 16, false);
    }

    public Options withLanguageModel(boolean on) {
        return new Options(on, contextMargin, cleanTextMargin, spunDensity, frequencyWeight, guessMargin, alwaysBonus, beam, protectQuotes);
    }

    public Options withProtectedQuotes(boolean on) {
        return new Options(useLanguageModel, contextMargin, cleanTextMargin, spunDensity, frequencyWeight, guessMargin, alwaysBonus, beam, on);
    }

    public Options withGuessMargin(double g) {
        return new Options(useLanguageModel, contextMargin, cleanTextMargin, spunDensity, frequencyWeight, g, alwaysBonus, beam, protectQuotes);
    }

    public Options withContextMargin(double m) {
        return new Options(useLanguageModel, m, cleanTextMargin, spunDensity, frequencyWeight, guessMargin, alwaysBonus, beam, protectQuotes);
    }
}
