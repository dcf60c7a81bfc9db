package dev.unspin.lm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns merged n-gram counts into a back-off model with ARPA semantics, so the same scorer reads
 * built, imported and Sphinx models alike.
 *
 * <p>Interpolated modified Kneser-Ney (Chen and Goodman): the highest order uses raw counts, lower
 * orders use continuation counts (how many distinct words precede the n-gram; raw counts for
 * n-grams that start at &lt;s&gt;, which nothing precedes); three discounts per order from the counts
 * of counts; p(w|h) = max(a(hw) - D, 0) / a(h.) + gamma(h) p(w|h'), with gamma(h) the discounted
 * mass, and gamma(h) written as h's back-off weight, so an unseen w gets gamma(h) p(w|h'). Unigrams
 * interpolate with the uniform distribution, which is also the unknown word's probability.
 *
 * <p>Stupid back-off (Brants et al. 2007): relative frequencies, back-off factor 0.4, not normalised.
 */
public final class ModelBuilder {
    public enum Smoothing { KNESER_NEY, STUPID_BACKOFF }

    private final int order;
    private final List<String> vocab;
    /** per order n: ids packed n per entry, and counts; both in sorted order */
    private final int[][] grams;
    private final long[][] counts;
    private final int[] sizes;

    public ModelBuilder(int order, List<String> vocab) {
        this.order = order;
        this.vocab = vocab;
        this.grams = new int[order + 1][];
        this.counts = new long[order + 1][];
        this.sizes = new int[order + 1];
        for (int n = 1; n <= order; n++) {
            grams[n] = new int[1024 * n];
            counts[n] = new long[1024];
        }
    }

    /** Adds counts in sorted order, as {@link NgramCounter#merge} streams them. minCount prunes orders >= 2. */
    public void add(NgramCounter.Counted c) {
        int n = c.ids().length;
        int i = sizes[n];
        if (i == counts[n].length) {
            counts[n] = Arrays.copyOf(counts[n], i * 2);
            grams[n] = Arrays.copyOf(grams[n], i * 2 * n);
        }
        System.arraycopy(c.ids(), 0, grams[n], i * n, n);
        counts[n][i] = c.count();
        sizes[n] = i + 1;
    }

    private long key(int n, int i, int from, int to) {
        return NgramHash.ngram(grams[n], i * n + from, i * n + to);
    }

    private Map<Long, Integer> index(int n) {
        Map<Long, Integer> m = new HashMap<>(sizes[n] * 2);
        for (int i = 0; i < sizes[n]; i++) {
            m.put(key(n, i, 0, n), i);
        }
        return m;
    }

    public ModelWriter build(Smoothing smoothing, int bos, long minCount) throws IOException {
        return smoothing == Smoothing.STUPID_BACKOFF ? stupid(bos) : kneserNey(bos, minCount);
    }

    private ModelWriter stupid(int bos) {
        float unk = (float) Math.log10(1.0 / Math.max(1, total(1)) / 10);
        ModelWriter w = new ModelWriter(order, vocab, unk);
        float bo = (float) Math.log10(0.4);
        long total = total(1);
        Map<Long, Long> ctxCount = new HashMap<>();
        for (int n = 1; n < order; n++) {
            for (int i = 0; i < sizes[n]; i++) {
                ctxCount.put(key(n, i, 0, n), counts[n][i]);
            }
        }
        // <s> is never counted as a unigram, but it is a context: its count is the number of sentences
        long sentences = 0;
        for (int i = 0; i < sizes[2]; i++) {
            sentences += grams[2][i * 2] == bos ? counts[2][i] : 0;
        }
        ctxCount.put(NgramHash.ngram(new int[] {bos}, 0, 1), sentences);
        for (int i = 0; i < sizes[1]; i++) {
            w.unigram(grams[1][i], (float) Math.log10((double) counts[1][i] / total), bo);
        }
        w.unigram(bos, -99f, bo);
        int[] tmp = new int[order];
        for (int n = 2; n <= order; n++) {
            for (int i = 0; i < sizes[n]; i++) {
                Long c = ctxCount.get(key(n, i, 0, n - 1));
                System.arraycopy(grams[n], i * n, tmp, 0, n);
                w.ngram(tmp, n, (float) Math.log10((double) counts[n][i] / Math.max(1, c == null ? 1 : c)), n < order ? bo : 0f);
            }
        }
        return w;
    }

    private long total(int n) {
        long t = 0;
        for (int i = 0; i < sizes[n]; i++) {
            t += counts[n][i];
        }
        return t;
    }

    private ModelWriter kneserNey(int bos, long minCount) {
        // adjusted counts: raw at the highest order and for n-grams starting at <s>, else continuation counts
        long[][] adj = new long[order + 1][];
        adj[order] = counts[order].clone();
        for (int n = order - 1; n >= 1; n--) {
            adj[n] = new long[sizes[n]];
            Map<Long, Integer> idx = index(n);
            for (int i = 0; i < sizes[n + 1]; i++) {
                Integer j = idx.get(key(n + 1, i, 1, n + 1));
                if (j != null) {
                    adj[n][j]++;
                }
            }
            for (int i = 0; i < sizes[n]; i++) {
                if (grams[n][i * n] == bos) {
                    adj[n][i] = counts[n][i];
                }
            }
        }
        double[][] prob = new double[order + 1][];
        double[][] gammaOf = new double[order + 1][];
        int v = vocab.size();
        // unigrams: interpolate with uniform over the vocabulary (less <s>)
        double[] d1 = discounts(adj[1]);
        long tot = 0;
        long[] nk = new long[3];
        for (int i = 0; i < sizes[1]; i++) {
            tot += adj[1][i];
            nk[(int) Math.min(adj[1][i], 3) - 1]++;
        }
        double gamma0 = (d1[0] * nk[0] + d1[1] * nk[1] + d1[2] * nk[2]) / Math.max(1, tot);
        double uniform = 1.0 / Math.max(1, v - 1);
        prob[1] = new double[sizes[1]];
        for (int i = 0; i < sizes[1]; i++) {
            prob[1][i] = Math.max(adj[1][i] - d(d1, adj[1][i]), 0) / Math.max(1, tot) + gamma0 * uniform;
        }
        Map<Long, Integer> lowerIdx = index(1);
        double bosGamma = 1.0; // <s> is a context but never a counted unigram, so it has no slot in gammaOf[1]
        for (int n = 2; n <= order; n++) {
            double[] dn = discounts(adj[n]);
            prob[n] = new double[sizes[n]];
            gammaOf[n - 1] = new double[sizes[n - 1]];
            Arrays.fill(gammaOf[n - 1], 1.0);
            Map<Long, Integer> ctxIdx = index(n - 1);
            int i = 0;
            while (i < sizes[n]) {
                int j = i;
                long total = 0;
                long[] k = new long[3];
                while (j < sizes[n] && sameContext(n, i, j)) {
                    total += adj[n][j];
                    k[(int) Math.min(adj[n][j], 3) - 1]++;
                    j++;
                }
                double gamma = (dn[0] * k[0] + dn[1] * k[1] + dn[2] * k[2]) / total;
                Integer ctx = ctxIdx.get(key(n, i, 0, n - 1));
                if (ctx != null) {
                    gammaOf[n - 1][ctx] = gamma;
                } else if (n == 2 && grams[2][i * 2] == bos) {
                    bosGamma = gamma;
                }
                for (int x = i; x < j; x++) {
                    Integer low = lowerIdx.get(key(n, x, 1, n));
                    double lower = low == null ? gamma0 * uniform : prob[n - 1][low];
                    prob[n][x] = Math.max(adj[n][x] - d(dn, adj[n][x]), 0) / total + gamma * lower;
                }
                i = j;
            }
            lowerIdx = index(n);
        }
        ModelWriter w = new ModelWriter(order, vocab, (float) Math.log10(gamma0 * uniform));
        for (int i = 0; i < sizes[1]; i++) {
            w.unigram(grams[1][i], (float) Math.log10(prob[1][i]), order > 1 ? (float) Math.log10(gammaOf[1][i]) : 0f);
        }
        w.unigram(bos, -99f, (float) Math.log10(bosGamma));
        int[] tmp = new int[order];
        for (int n = 2; n <= order; n++) {
            for (int i = 0; i < sizes[n]; i++) {
                if (counts[n][i] < minCount && grams[n][i * n] != bos) {
                    continue; // pruned: it falls back to gamma(h) p(w|h')
                }
                System.arraycopy(grams[n], i * n, tmp, 0, n);
                float bo = n < order ? (float) Math.log10(gammaOf[n][i]) : 0f;
                w.ngram(tmp, n, (float) Math.log10(prob[n][i]), bo);
            }
        }
        return w;
    }

    private boolean sameContext(int n, int a, int b) {
        for (int k = 0; k < n - 1; k++) {
            if (grams[n][a * n + k] != grams[n][b * n + k]) {
                return false;
            }
        }
        return true;
    }

    private static double d(double[] ds, long c) {
        return c == 0 ? 0 : ds[(int) Math.min(c, 3) - 1];
    }

    /** Modified Kneser-Ney discounts D1, D2, D3+ from the counts of counts (Chen and Goodman 1998). */
    static double[] discounts(long[] adjusted) {
        long[] t = new long[5];
        for (long c : adjusted) {
            if (c >= 1 && c <= 4) {
                t[(int) c]++;
            }
        }
        if (t[1] == 0 || t[2] == 0 || t[3] == 0 || t[4] == 0) {
            return new double[] {0.5, 1.0, 1.5}; // too little data for the estimate: conventional values
        }
        double y = (double) t[1] / (t[1] + 2.0 * t[2]);
        double[] d = {1 - 2 * y * t[2] / t[1], 2 - 3 * y * t[3] / t[2], 3 - 4 * y * t[4] / t[3]};
        for (int i = 0; i < 3; i++) {
            d[i] = Math.max(0.01, Math.min(i + 1, d[i]));
        }
        return d;
    }

    public static List<String> vocabList(Map<String, Integer> ids) {
        List<String> v = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            v.add(null);
        }
        ids.forEach((w, i) -> v.set(i, w));
        return v;
    }
}
