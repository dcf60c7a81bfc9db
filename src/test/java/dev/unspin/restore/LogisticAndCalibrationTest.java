package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticAndCalibrationTest {
    @Test
    void newtonRecoversTheWeightsThatGeneratedTheLabels() {
        Random rnd = new Random(3);
        int n = 20000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, rnd.nextGaussian(), rnd.nextGaussian()};
            double z = -1 + 2 * x[i][1] - 0.5 * x[i][2];
            y[i] = rnd.nextDouble() < Logistic.sigmoid(z);
            w[i] = 1;
        }
        double[] fit = Logistic.fit(x, y, w, 1e-3, 30).weights();
        assertEquals(-1, fit[0], 0.08);
        assertEquals(2, fit[1], 0.1);
        assertEquals(-0.5, fit[2], 0.06);
    }

    @Test
    void theCalibrationFileRoundTripsAndRejectsAMismatchedLayout() throws Exception {
        Calibration c = Calibration.bundled();
        Calibration again = Calibration.read(new ByteArrayInputStream(c.format().getBytes(StandardCharsets.UTF_8)));
        assertEquals(c.format(), again.format());
        assertEquals(c.confidence(), again.confidence());
        assertThrows(IllegalArgumentException.class, () -> c.withModels(new double[3], c.decision(), List.of()));
    }

    @Test
    void assumingSpunReadsEveryDocumentAtTheRateCap() {
        Calibration c = Calibration.bundled();
        Calibration spun = c.assumingSpun();
        double[] w = c.decision();
        double[] v = spun.decision();
        // a document at the cap and one read as clean (rate 0.005) now weigh the same: the cap's term, as before
        for (double rate : new double[] {0.005, 0.02, Features.RATE_CAP, 0.3}) {
            for (boolean always : new boolean[] {false, true}) {
                double[] x = Features.decision(new Features.Evidence(0.3, 2.5, -1.0, 0, 1, -4.5, 0, 0, rate, false, Source.CURATED, always));
                double[] atCap = Features.decision(new Features.Evidence(0.3, 2.5, -1.0, 0, 1, -4.5, 0, 0, Features.RATE_CAP, false, Source.CURATED, always));
                assertEquals(dot(w, atCap), dot(v, x), 1e-9, "rate " + rate + ", always " + always);
            }
        }
        // an always entry has its own slope over the rate: the calibration gives it one, and it is not the general one
        int slope = Features.decisionNames().indexOf("log10_capped_spin_rate_always");
        assertTrue(w[slope] != 0, "always slope " + w[slope]);
        double[] plain = Features.decision(new Features.Evidence(0.3, 2.5, -1.0, 0, 1, -4.5, 0, 0, 0.01, false, Source.CURATED, false));
        double[] always = Features.decision(new Features.Evidence(0.3, 2.5, -1.0, 0, 1, -4.5, 0, 0, 0.01, false, Source.CURATED, true));
        assertEquals(plain[9], always[slope], 0);
        assertEquals(0, plain[slope], 0);
        // nothing else moves: the channel, the confidence and the settings
        assertEquals(java.util.Arrays.toString(c.channel()), java.util.Arrays.toString(spun.channel()));
        assertEquals(c.confidence(), spun.confidence(), 0);
        assertEquals(c.beam(), spun.beam());
    }

    private static double dot(double[] w, double[] x) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            s += w[k] * x[k];
        }
        return s;
    }

    @Test
    void spinRateScalesTheOddsSoNearCertainMovesStayNearCertain() {
        double rare = ChannelModel.priorLog10Odds(0.01, 0.1);
        double sure = ChannelModel.priorLog10Odds(0.999, 0.1);
        assertEquals(Math.log10(0.01 / 0.99) - 1, rare, 1e-9);
        assertEquals(Math.log10(0.999 / 0.001) - 1, sure, 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, ChannelModel.priorLog10Odds(0.5, 0));
    }
}
