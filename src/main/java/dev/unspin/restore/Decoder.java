package dev.unspin.restore;

import dev.unspin.lm.IdsKey;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the best path through a sentence lattice: beam search over the language model's context
 * (the last N-1 word ids), so neighbouring repairs inform each other ("safety dangers" -> "security
 * risks" is judged as a whole). Paths that reach a position with the same context are recombined:
 * the future cannot tell them apart, so only the better one is kept (Viterbi).
 */
final class Decoder {
    private final LmScorer scorer;
    private final NgramModel model;
    private final int ctxLen;
    private final int beam;

    Decoder(LmScorer scorer, int beam) {
        this.scorer = scorer;
        this.model = scorer.model();
        this.ctxLen = model.order() - 1;
        this.beam = beam;
    }

    private record State(int[] ctx, double score, State prev, Arc arc) {
    }

    /** arcsFrom.get(i): arcs starting at token i (always including the keep arc). Returns the chosen arcs in order. */
    List<Arc> decode(List<List<Arc>> arcsFrom) {
        int n = arcsFrom.size();
        List<Map<IdsKey, State>> at = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            at.add(new HashMap<>());
        }
        int[] start = new int[ctxLen];
        Arrays.fill(start, Integer.MIN_VALUE);
        if (ctxLen > 0) {
            start[ctxLen - 1] = scorer.bos();
        }
        at.get(0).put(new IdsKey(start), new State(start, 0, null, null));
        int[] window = new int[ctxLen + 1];
        for (int i = 0; i < n; i++) {
            List<State> states = new ArrayList<>(at.get(i).values());
            if (states.size() > beam) {
                states.sort(Comparator.comparingDouble(State::score).reversed());
                states = states.subList(0, beam);
            }
            for (State s : states) {
                for (Arc a : arcsFrom.get(i)) {
                    int[] ctx = s.ctx.clone();
                    double score = s.score - a.cost() + emit(ctx, a.lmIds(), window);
                    offer(at.get(a.end()), new State(ctx, score, s, a));
                }
            }
        }
        State best = null;
        for (State s : at.get(n).values()) {
            int[] ctx = s.ctx.clone();
            double score = s.score + emit(ctx, new int[] {scorer.eos()}, window);
            if (best == null || score > best.score) {
                best = new State(ctx, score, s.prev, s.arc);
            }
        }
        List<Arc> path = new ArrayList<>();
        for (State s = best; s != null && s.arc != null; s = s.prev) {
            path.add(s.arc);
        }
        java.util.Collections.reverse(path);
        return path;
    }

    /** Log10 probability of the whole path, sentence markers included (for the gain of each edit). */
    double pathLogProb(List<Arc> path) {
        int[] ctx = new int[ctxLen];
        Arrays.fill(ctx, Integer.MIN_VALUE);
        if (ctxLen > 0) {
            ctx[ctxLen - 1] = scorer.bos();
        }
        int[] window = new int[ctxLen + 1];
        double sum = 0;
        for (Arc a : path) {
            sum += emit(ctx, a.lmIds(), window);
        }
        return sum + emit(ctx, new int[] {scorer.eos()}, window);
    }

    /** Scores ids after ctx, shifting them into ctx. MIN_VALUE marks "before the sentence start". */
    private double emit(int[] ctx, int[] ids, int[] window) {
        double sum = 0;
        for (int id : ids) {
            int from = 0;
            for (int k = 0; k < ctxLen; k++) {
                window[k] = ctx[k];
                if (ctx[k] == Integer.MIN_VALUE) {
                    from = k + 1;
                }
            }
            window[ctxLen] = id;
            sum += model.logProb(window, from, ctxLen + 1);
            if (ctxLen > 0) {
                System.arraycopy(ctx, 1, ctx, 0, ctxLen - 1);
                ctx[ctxLen - 1] = id;
            }
        }
        return sum;
    }

    private static void offer(Map<IdsKey, State> states, State s) {
        IdsKey k = new IdsKey(s.ctx);
        State old = states.get(k);
        if (old == null || s.score > old.score) {
            states.put(k, s);
        }
    }
}
