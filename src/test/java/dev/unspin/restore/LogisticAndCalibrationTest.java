package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void spinRateScalesTheOddsSoNearCertainMovesStayNearCertain() {
        double rare = ChannelModel.priorLog10Odds(0.01, 0.1);
        double sure = ChannelModel.priorLog10Odds(0.999, 0.1);
        assertEquals(Math.log10(0.01 / 0.99) - 1, rare, 1e-9);
        assertEquals(Math.log10(0.999 / 0.001) - 1, sure, 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, ChannelModel.priorLog10Odds(0.5, 0));
    }
}
