package dev.unspin.cli;

/** Exit codes, documented in the README and in --help. */
final class ExitCodes {
    static final int OK = 0;
    /** Batch runs: some files failed; dict check: errors found; eval: below a --min-f05 bar. */
    static final int SOME_FAILED = 1;
    /** Bad command line (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** An input file is missing, unreadable, a directory, not UTF-8 or too large. */
    static final int INPUT = 3;
    /** A dictionary line is malformed. */
    static final int DICTIONARY = 4;
    /** The language model is missing or corrupt. */
    static final int MODEL = 5;
    /** A bug: please report it. */
    static final int INTERNAL = 70;

    static final String HELP = "%nExit codes:%n"
            + "  0   success%n"
            + "  1   some files failed (batch), dictionary errors (dict check)%n"
            + "  2   bad command line%n"
            + "  3   bad input: missing, unreadable, a directory, not UTF-8, too large%n"
            + "  4   malformed dictionary line%n"
            + "  5   language model missing or corrupt%n"
            + "  70  internal error%n";

    // One line each, for picocli's exitCodeList (annotation values must be constants, so not an array).
    static final String HEADING = "%nExit codes:%n";
    static final String L0 = "0:success";
    static final String L1 = "1:some files failed (batch), dictionary errors (dict check)";
    static final String L2 = "2:bad command line (unknown option, bad value, missing command)";
    static final String L3 = "3:bad input: missing, unreadable, a directory, not UTF-8, too large, not an annotation";
    static final String L4 = "4:malformed dictionary line";
    static final String L5 = "5:language model missing, unreadable or corrupt";
    static final String L70 = "70:internal error (a bug: please report it)";

    private ExitCodes() {
    }
}
