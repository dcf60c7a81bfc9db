package dev.unspin.lm;

import java.util.List;

/**
 * Per-word perplexity of sentences under a model, &lt;/s&gt; included. Words the model does not know
 * are counted apart and left out of the figure (as SRILM does), so models with different
 * vocabularies are compared on what they can score, and the OOV rate is reported beside it.
 */
public final class Perplexity {
    public record Result(double perplexity, long words, long oov, double log10Sum) {
        public double oovRate() {
            return words + oov == 0 ? 0 : (double) oov / (words + oov);
        }
    }

    private Perplexity() {
    }

    public static Result of(NgramModel m, List<List<String>> sentences) {
        int bos = m.id("<s>");
        int eos = m.id("</s>");
        double sum = 0;
        long n = 0;
        long oov = 0;
        for (List<String> s : sentences) {
            int[] ids = new int[s.size() + 2];
            ids[0] = bos;
            for (int i = 0; i < s.size(); i++) {
                ids[i + 1] = m.id(s.get(i));
            }
            ids[ids.length - 1] = eos;
            for (int i = 1; i < ids.length; i++) {
                if (ids[i] < 0) {
                    oov++;
                    continue;
                }
                sum += m.logProb(ids, 0, i + 1);
                n++;
            }
        }
        return new Result(Math.pow(10, -sum / Math.max(1, n)), n, oov, sum);
    }
}
