package dev.unspin.restore;

import dev.unspin.lm.LanguageModel;
import java.util.Arrays;

/**
 * The noisy-channel decoder: forward-backward over a sentence lattice and the language model's state,
 * giving every candidate its posterior probability of being the original. A path's weight is the
 * language model's probability of what it reads (raised to the fitted language-model weight) times the
 * channel's prior odds of each substitution it makes (a kept word costs nothing: the channel's odds are
 * relative to keeping). Nodes are (token position, model state); paths reaching the same node are summed
 * and the future cannot tell them apart.
 *
 * <p>The graph and its language-model scores are built once per sentence ({@link #graph}); each round of
 * the document's re-estimation only re-weights the substitutions' priors and sums again, without asking
 * the model anything. Positions with more than {@code beam} nodes keep the most probable under the priors
 * the graph was built with. All in log10. Stateless apart from its settings: one instance serves every thread.
 */
public final class ForwardBackward {
    private final LanguageModel lm;
    private final int beam;

    public ForwardBackward(LanguageModel lm, int beam) {
        this.lm = lm;
        this.beam = beam;
    }

    /** One sentence's decoding graph: nodes in topological order, edges with their language-model log10 scores. */
    public static final class Graph {
        int nodes;
        int[] pos;
        long[] state;
        double[] alpha;
        /** log10 probability of the sentence end after the node, for nodes at the last position */
        double[] end;
        int[] next;
        final int[] head;
        int edges;
        int[] from;
        int[] to;
        double[] lmScore;
        int[] arc;
        final int candidates;
        /** {@link #posteriors}' sums, kept for the document's next round over the same graph (one thread uses a graph) */
        double[] alphaSums;
        double[] betaSums;
        double[] weights;

        Graph(int n, int candidates) {
            this(n, candidates, 32, 64);
        }

        /** With room for about this many nodes and edges, so that a sentence's graph is not copied as it grows. */
        Graph(int n, int candidates, int nodeHint, int edgeHint) {
            pos = new int[nodeHint];
            state = new long[nodeHint];
            alpha = new double[nodeHint];
            end = new double[nodeHint];
            next = new int[nodeHint];
            from = new int[edgeHint];
            to = new int[edgeHint];
            lmScore = new double[edgeHint];
            arc = new int[edgeHint];
            head = new int[n + 1];
            Arrays.fill(head, -1);
            this.candidates = candidates;
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
                end = Arrays.copyOf(end, c);
                next = Arrays.copyOf(next, c);
            }
            int v = nodes++;
            pos[v] = p;
            state[v] = st;
            alpha[v] = a;
            end[v] = Double.NEGATIVE_INFINITY;
            next[v] = head[p];
            head[p] = v;
            return v;
        }

        void edge(int v, int u, double score, int k) {
            if (edges == from.length) {
                int c = edges * 2;
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
                lmScore = Arrays.copyOf(lmScore, c);
                arc = Arrays.copyOf(arc, c);
            }
            from[edges] = v;
            to[edges] = u;
            lmScore[edges] = score;
            arc[edges] = k;
            edges++;
        }

        /** The nodes at position p, the beam best by forward score when there are more (ties in list order). */
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
            // a stable insertion sort, best first, on primitives: crowded positions hold tens of nodes, not thousands,
            // and the order is the one a stable sort of the boxed nodes gave (edges are made, and summed, in this order)
            for (int k = 1; k < out.length; k++) {
                int v = out[k];
                double a = alpha[v];
                int j = k - 1;
                while (j >= 0 && Double.compare(a, alpha[out[j]]) > 0) {
                    out[j + 1] = out[j];
                    j--;
                }
                out[j + 1] = v;
            }
            return Arrays.copyOf(out, beam);
        }
    }

    /**
     * Builds the decoding graph of a lattice: candidates whose prior is -infinity are left out, and the
     * priors and language-model weight given here choose which nodes a crowded position keeps.
     */
    public Graph graph(Lattice lat, double[] priorLogOdds, double lmWeight) {
        int n = lat.size();
        int[][] byStart = byStart(lat, priorLogOdds);
        int active = 0;
        for (int[] b : byStart) {
            active += b.length;
        }
        // a few nodes per position (the words as written, and the states after nearby candidates), each with its edges
        Graph g = new Graph(n, lat.candidates().size(), 4 * (n + 1) + 2 * active, 4 * (n + active) + 16);
        // the lattice's windows asked most of these questions already: read their answers (exact, the model's own). (Asking
        // each position's new questions as one batch, as the windows do, measured no faster: the batches are small.)
        ScoreCache cache = lat.scores(lm);
        // each position's questions, listed before any is answered (a path's states do not depend on its scores) and
        // answered together, in the order the edges below read them
        Questions q = new Questions();
        g.node(0, lm.begin(), 0);
        for (int i = 0; i <= n; i++) {
            int[] at = g.nodesAt(i, beam);
            if (i == n) {
                q.clear();
                for (int v : at) {
                    q.add(g.state[v], lm.eos());
                }
                q.answer(cache, lm);
                for (int j = 0; j < at.length; j++) {
                    g.end[at[j]] = q.answers[j];
                }
                break;
            }
            int[] keep = lat.keepIds(i);
            q.clear();
            for (int v : at) {
                long st = g.state[v];
                long s = st;
                for (int id : keep) {
                    q.add(s, id);
                    s = lm.next(s, id);
                }
                for (int k : byStart[i]) {
                    s = st;
                    for (int id : lat.candidates().get(k).ids()) {
                        q.add(s, id);
                        s = lm.next(s, id);
                    }
                }
            }
            q.answer(cache, lm);
            double[] a = q.answers;
            int j = 0;
            for (int v : at) {
                long st = g.state[v];
                long s = st;
                double w = 0;
                for (int id : keep) {
                    w += a[j++];
                    s = lm.next(s, id);
                }
                g.edge(v, g.node(i + 1, s, g.alpha[v] + lmWeight * w), w, -1);
                for (int k : byStart[i]) {
                    Candidate c = lat.candidates().get(k);
                    s = st;
                    w = 0;
                    for (int id : c.ids()) {
                        w += a[j++];
                        s = lm.next(s, id);
                    }
                    g.edge(v, g.node(c.end(), s, g.alpha[v] + lmWeight * w + priorLogOdds[k]), w, k);
                }
            }
        }
        return g;
    }

    /** One position's questions to the model, (state, word) in the order they were listed, and then their answers. */
    private static final class Questions {
        long[] states = new long[32];
        int[] words = new int[32];
        double[] answers = new double[32];
        long[] home = new long[32];
        int[] found = new int[32];
        int n;

        void clear() {
            n = 0;
        }

        void add(long state, int word) {
            if (n == states.length) {
                int c = 2 * n;
                states = Arrays.copyOf(states, c);
                words = Arrays.copyOf(words, c);
                answers = new double[c];
                home = new long[c];
                found = new int[c];
            }
            states[n] = state;
            words[n++] = word;
        }

        /** The lattice's answers where it has them ({@link ScoreCache#readAll}), else the model's, asked together. */
        void answer(ScoreCache cache, LanguageModel lm) {
            if (cache != null) {
                cache.readAll(states, words, n, answers, home, found);
            } else {
                lm.scores(states, words, n, answers);
            }
        }
    }

    /** Posterior probability of each candidate, summing over the graph's paths under these priors and language-model weight. */
    public double[] posteriors(Graph g, double[] priorLogOdds, double lmWeight) {
        if (g.alphaSums == null) {
            g.alphaSums = new double[g.nodes];
            g.betaSums = new double[g.nodes];
            g.weights = new double[g.edges];
        }
        double[] alpha = g.alphaSums;
        double[] beta = g.betaSums;
        Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
        Arrays.fill(beta, Double.NEGATIVE_INFINITY);
        if (g.nodes > 0) {
            alpha[0] = 0;
        }
        double[] w = g.weights; // every edge's weight is set below before it is read
        // edges were made in order of their source's position, and every edge leads forward
        for (int e = 0; e < g.edges; e++) {
            w[e] = lmWeight * g.lmScore[e] + (g.arc[e] >= 0 ? priorLogOdds[g.arc[e]] : 0);
            alpha[g.to[e]] = logAdd(alpha[g.to[e]], alpha[g.from[e]] + w[e]);
        }
        double logZ = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < g.nodes; v++) {
            if (g.end[v] != Double.NEGATIVE_INFINITY) {
                beta[v] = lmWeight * g.end[v];
                logZ = logAdd(logZ, alpha[v] + beta[v]);
            }
        }
        double[] post = new double[g.candidates];
        Arrays.fill(post, Double.NEGATIVE_INFINITY);
        for (int e = g.edges - 1; e >= 0; e--) {
            double through = w[e] + beta[g.to[e]];
            beta[g.from[e]] = logAdd(beta[g.from[e]], through);
            if (g.arc[e] >= 0) {
                post[g.arc[e]] = logAdd(post[g.arc[e]], alpha[g.from[e]] + through);
            }
        }
        for (int k = 0; k < post.length; k++) {
            post[k] = post[k] == Double.NEGATIVE_INFINITY || logZ == Double.NEGATIVE_INFINITY ? 0 : Math.min(1, Math.pow(10, post[k] - logZ));
        }
        return post;
    }

    /** Builds the graph and sums over it: for one decoding under fixed priors. */
    public double[] posteriors(Lattice lat, double[] priorLogOdds, double lmWeight) {
        return posteriors(graph(lat, priorLogOdds, lmWeight), priorLogOdds, lmWeight);
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
        double d = Math.min(a, b) - hi;
        if (d <= -16) {
            // 10^d is below half an ulp of 1, so 1 + 10^d rounds to 1 and its log to 0: the same double, without the two calls
            return hi + 0.0;
        }
        return hi + Math.log10(1 + Math.pow(10, d));
    }
}
