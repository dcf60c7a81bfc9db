package dev.unspin.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores text tokens with an {@link NgramModel}, bridging the model's conventions in the scorer
 * rather than in the text: tokens are lower-cased, curly apostrophes straightened, numbers spelled
 * out, punctuation dropped (the Sphinx model has none) and the sentence wrapped in &lt;s&gt; ... &lt;/s&gt;.
 * Thread-safe: it holds only the immutable model.
 */
public final class LmScorer {
    /** Marks a token that the model does not see at all (punctuation). */
    public static final int[] NONE = new int[0];

    private final NgramModel model;
    private final LanguageModel lm;
    private final int bos;
    private final int eos;

    public LmScorer(NgramModel model) {
        this(new NgramLanguageModel(model), model);
    }

    /** A scorer over any model, e.g. a small fake one in unit tests. */
    public LmScorer(LanguageModel lm) {
        this(lm, lm instanceof NgramLanguageModel n ? n.ngramModel() : null);
    }

    private LmScorer(LanguageModel lm, NgramModel model) {
        this.lm = lm;
        this.model = model;
        this.bos = lm.bos();
        this.eos = lm.eos();
    }

    /** The n-gram model behind this scorer, or null when it scores with another {@link LanguageModel}. */
    public NgramModel model() {
        return model;
    }

    /** The stateful query interface the decoder walks lattices with. */
    public LanguageModel lm() {
        return lm;
    }

    public int bos() {
        return bos;
    }

    public int eos() {
        return eos;
    }

    /** Model ids for one text token: usually one id, several for a spelled-out number, none for punctuation. */
    public int[] ids(String token) {
        if (isPunctuation(token)) {
            return NONE;
        }
        String t = LmTokens.normalise(token);
        int id = lm.index(t);
        if (id < 0 && t.length() > 2 && t.endsWith("'s")) {
            // a possessive the vocabulary lacks ("conflict's") is scored as its word, so a replacement
            // the vocabulary happens to list with 's ("war's") gains nothing from that alone
            id = lm.index(t.substring(0, t.length() - 2));
        }
        if (id >= 0 || !Character.isDigit(t.charAt(0))) {
            return new int[] {id};
        }
        // not in the vocabulary as written: the shared rules may spell it out (numbers)
        List<String> words = new ArrayList<>(4);
        LmTokens.words(token, words);
        int[] r = new int[words.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = lm.index(words.get(i));
        }
        return r;
    }

    static boolean isPunctuation(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Ids of a whole token sequence, without sentence markers. */
    public int[] idsOf(List<String> tokens) {
        int[] buf = new int[tokens.size() + 8];
        int n = 0;
        for (String t : tokens) {
            for (int id : ids(t)) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                }
                buf[n++] = id;
            }
        }
        return Arrays.copyOf(buf, n);
    }

    /** Summed unigram log10 probabilities of ids: how common a phrase's words are, whatever their context. */
    public double unigramLogProb(int[] ids) {
        double sum = 0;
        for (int id : ids) {
            sum += lm.unigram(id);
        }
        return sum;
    }

    /** log10 probability of a sentence, &lt;s&gt; and &lt;/s&gt; included. */
    public double sentenceLogProb(List<String> tokens) {
        long state = lm.begin();
        double sum = 0;
        for (int id : idsOf(tokens)) {
            sum += lm.score(state, id);
            state = lm.next(state, id);
        }
        return sum + lm.score(state, eos);
    }

}
