package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The channel model's logit without its feature vector must be the vector form's double, bit for bit. */
class ChannelLogitTest {
    @Test
    void logitWithoutTheVectorIsTheSameDouble() {
        Random r = new Random(5);
        double[] w = new double[Features.CHANNEL];
        for (int trial = 0; trial < 200; trial++) {
            for (int j = 0; j < w.length; j++) {
                w[j] = (r.nextDouble() - 0.5) * 8;
            }
            for (Source s : Source.values()) {
                for (int rank = 0; rank < 12; rank++) {
                    // unigrams inside and outside the clamp of +-6 around -4
                    double orig = -14 * r.nextDouble();
                    double spun = -14 * r.nextDouble();
                    Candidate c = new Candidate(0, 1, "x", new int[] {1}, s, rank, null);
                    double[] x = Features.channel(c, orig, spun, 0);
                    double want = 0;
                    for (int j = 0; j < w.length; j++) {
                        want += w[j] * x[j];
                    }
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(Features.channelLogit(w, c, orig, spun)),
                            s + " rank " + rank);
                }
            }
        }
    }
}
