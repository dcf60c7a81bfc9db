package dev.unspin.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that reject out-of-range numbers while the command line is parsed, so a bad value is a
 * usage error (exit 2, one line) instead of an exception deep in a run or a silently odd result
 * (a NaN margin used to be accepted and rewrote text).
 */
final class Values {
    private Values() {
    }

    static double finite(String s) {
        double d;
        try {
            d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new TypeConversionException("'" + s + "' is not a finite number");
        }
        return d;
    }

    static int integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not a whole number");
        }
    }

    /** Any finite number (log10 thresholds may be negative). */
    static final class Finite implements ITypeConverter<Double> {
        @Override
        public Double convert(String s) {
            return finite(s);
        }
    }

    /** A share from 0 to 1. */
    static final class Share implements ITypeConverter<Double> {
        @Override
        public Double convert(String s) {
            double d = finite(s);
            if (d < 0 || d > 1) {
                throw new TypeConversionException("'" + s + "' is not between 0 and 1");
            }
            return d;
        }
    }

    /** A whole number at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String s) {
            int n = integer(s);
            if (n < 1) {
                throw new TypeConversionException("'" + s + "' must be 1 or more");
            }
            return n;
        }
    }

    /** A whole number at least 0. */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String s) {
            int n = integer(s);
            if (n < 0) {
                throw new TypeConversionException("'" + s + "' must be 0 or more");
            }
            return n;
        }
    }
}
