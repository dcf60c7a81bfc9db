package dev.unspin.restore;

import dev.unspin.lm.LanguageModel;
import java.util.Arrays;

/**
 * The noisy-channel decoder: forward-backward over a sentence lattice and the language model's state,
 * giving every candidate its posterior probability of being the original. A path's weight is the
 * language model's probability of what it reads times the channel's prior odds of each substitution
 * it makes (a kept word costs nothing: the channel's odds are relative to keeping). Nodes are (token
 * position, model state); paths reaching the same node are summed (forward) and the future cannot tell
 * them apart. Positions with more than {@code beam} nodes keep the most probable ones.
 * All in log10. Stateless apart from its settings: one instance serves every thread.
 */
public final class ForwardBackward {
    private final LanguageModel lm;
    private final int beam;

    public ForwardBackward(LanguageModel lm, int beam) {
        this.lm = lm;
        this.beam = beam;
    }

    /**
     * Posterior probability of each candidate of the lattice, given the channel's prior log10 odds of
     * each (same order as {@link Lattice#candidates()}) and the weight of the language model's log10
     * probabilities. Candidates whose prior is -infinity are left out.
     */
    public double[] posteriors(Lattice lat, double[] priorLogOdds, double lmWeight) {
        int n = lat.size();
        int m = lat.candidates().size();
        int[][] byStart = byStart(lat, priorLogOdds);
        Graph g = new Graph(n);
        g.node(0, lm.begin(), 0);
        double logZ = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            int[] at = g.nodesAt(i, beam);
            if (i == n) {
                for (int v : at) {
                    double fin = lmWeight * lm.score(g.state[v], lm.eos());
                    g.beta[v] = fin;
                    logZ = logAdd(logZ, g.alpha[v] + fin);
                }
                break;
            }
            for (int v : at) {
                long st = g.state[v];
                // keep the token as written
                int[] keep = lat.keepIds(i);
                long s = st;
                double w = 0;
                for (int id : keep) {
                    w += lmWeight * lm.score(s, id);
                    s = lm.next(s, id);
                }
                g.edge(v, i + 1, s, w, -1);
                for (int k : byStart[i]) {
                    Candidate c = lat.candidates().get(k);
                    s = st;
                    w = priorLogOdds[k];
                    for (int id : c.ids()) {
                        w += lmWeight * lm.score(s, id);
                        s = lm.next(s, id);
                    }
                    g.edge(v, c.end(), s, w, k);
                }
            }
        }
        double[] post = new double[m];
        Arrays.fill(post, Double.NEGATIVE_INFINITY);
        for (int e = g.edges - 1; e >= 0; e--) {
            int from = g.from[e];
            int to = g.to[e];
            double through = g.w[e] + g.beta[to];
            g.beta[from] = logAdd(g.beta[from], through);
            if (g.arc[e] >= 0) {
                post[g.arc[e]] = logAdd(post[g.arc[e]], g.alpha[from] + through);
            }
        }
        for (int k = 0; k < m; k++) {
            post[k] = post[k] == Double.NEGATIVE_INFINITY || logZ == Double.NEGATIVE_INFINITY ? 0 : Math.min(1, Math.pow(10, post[k] - logZ));
        }
        return post;
    }

    private static int[][] byStart(Lattice lat, double[] prior) {
        int n = lat.size();
        int[] count = new int[n];
        for (int k = 0; k < prior.length; k++) {
            if (prior[k] != Double.NEGATIVE_INFINITY) {
                count[lat.candidates().get(k).start()]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int k = 0; k < prior.length; k++) {
            if (prior[k] != Double.NEGATIVE_INFINITY) {
                int s = lat.candidates().get(k).start();
                out[s][count[s]++] = k;
            }
        }
        return out;
    }

    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double hi = Math.max(a, b);
        return hi + Math.log10(1 + Math.pow(10, Math.min(a, b) - hi));
    }

    /** Nodes and edges in growable primitive arrays: one per sentence, discarded after. */
    private static final class Graph {
        int nodes;
        int[] pos = new int[64];
        long[] state = new long[64];
        double[] alpha = new double[64];
        double[] beta = new double[64];
        int edges;
        int[] from = new int[128];
        int[] to = new int[128];
        double[] w = new double[128];
        int[] arc = new int[128];
        /** nodes of each position, as a linked list through next (positions rarely hold more than a few) */
        final int[] head;
        int[] next = new int[64];

        Graph(int n) {
            head = new int[n + 1];
            Arrays.fill(head, -1);
        }

        int node(int p, long st, double a) {
            for (int v = head[p]; v >= 0; v = next[v]) {
                if (state[v] == st) {
                    alpha[v] = logAdd(alpha[v], a);
                    return v;
                }
            }
            if (nodes == pos.length) {
                int c = nodes * 2;
                pos = Arrays.copyOf(pos, c);
                state = Arrays.copyOf(state, c);
                alpha = Arrays.copyOf(alpha, c);
                beta = Arrays.copyOf(beta, c);
                next = Arrays.copyOf(next, c);
            }
            int v = nodes++;
            pos[v] = p;
            state[v] = st;
            alpha[v] = a;
            beta[v] = Double.NEGATIVE_INFINITY;
            next[v] = head[p];
            head[p] = v;
            return v;
        }

        void edge(int v, int p, long st, double weight, int k) {
            int u = node(p, st, alpha[v] + weight);
            if (edges == from.length) {
                int c = edges * 2;
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
                w = Arrays.copyOf(w, c);
                arc = Arrays.copyOf(arc, c);
            }
            from[edges] = v;
            to[edges] = u;
            w[edges] = weight;
            arc[edges] = k;
            edges++;
        }

        /** The nodes at position p, the beam best by forward score when there are more. */
        int[] nodesAt(int p, int beam) {
            int c = 0;
            for (int v = head[p]; v >= 0; v = next[v]) {
                c++;
            }
            int[] out = new int[c];
            c = 0;
            for (int v = head[p]; v >= 0; v = next[v]) {
                out[c++] = v;
            }
            if (out.length <= beam) {
                return out;
            }
            Integer[] boxed = new Integer[out.length];
            for (int k = 0; k < out.length; k++) {
                boxed[k] = out[k];
            }
            Arrays.sort(boxed, (x, y) -> Double.compare(alpha[y], alpha[x]));
            int[] kept = new int[beam];
            for (int k = 0; k < beam; k++) {
                kept[k] = boxed[k];
            }
            return kept;
        }
    }
}
