package dev.unspin.restore;

/**
 * Logistic regression, fitted by Newton's method (iteratively reweighted least squares) with a small
 * L2 penalty: a handful of features and up to a few hundred thousand examples fit in seconds and
 * converge in a few iterations. Probabilities in, log-odds (natural) from {@link #logit}.
 */
public record Logistic(double[] weights) {
    public double logit(double[] x) {
        double z = 0;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * x[j];
        }
        return z;
    }

    public double probability(double[] x) {
        return sigmoid(logit(x));
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Fits weights to examples x[i] (first column a constant 1) with labels y[i] and example weights. */
    public static Logistic fit(double[][] x, boolean[] y, double[] weight, double l2, int iterations) {
        return fit(x, y, weight, l2, iterations, true);
    }

    /**
     * Newton's method for the L2-penalised logistic regression; with {@code penaliseIntercept} false the constant
     * column's weight is left free (a small data set whose base rate the fit must not pull towards one half).
     */
    public static Logistic fit(double[][] x, boolean[] y, double[] weight, double l2, int iterations, boolean penaliseIntercept) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double g = weight[i] * ((y[i] ? 1 : 0) - p);
                double h = weight[i] * Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    grad[a] += g * x[i][a];
                    for (int b = a; b < d; b++) {
                        hess[a][b] += h * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = penaliseIntercept ? 0 : 1; a < d; a++) {
                grad[a] -= l2 * w[a];
                hess[a][a] += l2;
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hess[a][b] = hess[b][a];
                }
            }
            double[] step = solve(hess, grad);
            double max = 0;
            for (int a = 0; a < d; a++) {
                w[a] += step[a];
                max = Math.max(max, Math.abs(step[a]));
            }
            if (max < 1e-6) {
                break;
            }
        }
        return new Logistic(w);
    }

    private static double dot(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    /** Solves A s = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            if (Math.abs(a[c][c]) < 1e-12) {
                continue;
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = b[r];
            for (int k = r + 1; k < n; k++) {
                v -= a[r][k] * s[k];
            }
            s[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : v / a[r][r];
        }
        return s;
    }
}
