package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder's log-sum skips its two calls for far-apart operands; the result must be the formula's double. */
class LogAddTest {
    private static double formula(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double hi = Math.max(a, b);
        return hi + Math.log10(1 + Math.pow(10, Math.min(a, b) - hi));
    }

    @Test
    void sameDoubleAsTheFormula() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double a = -200 * r.nextDouble();
            // differences on both sides of the shortcut's bound of 16, and exactly at it
            double b = i % 4 == 0 ? a - 16 : i % 4 == 1 ? a - 16 + 1e-9 * r.nextDouble() : a - 40 * r.nextDouble();
            assertEquals(Double.doubleToRawLongBits(formula(a, b)), Double.doubleToRawLongBits(ForwardBackward.logAdd(a, b)), a + " " + b);
            assertEquals(Double.doubleToRawLongBits(formula(b, a)), Double.doubleToRawLongBits(ForwardBackward.logAdd(b, a)), b + " " + a);
        }
        assertEquals(-3.0, ForwardBackward.logAdd(Double.NEGATIVE_INFINITY, -3.0));
        assertEquals(0.0, ForwardBackward.logAdd(0.0, -20.0));
        assertEquals(Math.log10(2), ForwardBackward.logAdd(0.0, 0.0), 1e-15);
    }
}
