package dev.unspin.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny bigram model for unit tests of one stage: every word has a unigram log10 probability, and
 * chosen bigrams a better one. Unknown bigrams back off to the unigram with no penalty, so a test can
 * compute every score by hand.
 */
public final class FakeLanguageModel implements LanguageModel {
    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, Double> unigram = new HashMap<>();
    private final Map<Long, Double> bigram = new HashMap<>();
    private final double unknown;

    public FakeLanguageModel(double unknown) {
        this.unknown = unknown;
        word("<s>", -99);
        word("</s>", -1);
    }

    public FakeLanguageModel word(String w, double logProb) {
        int id = ids.computeIfAbsent(w, k -> {
            words.add(k);
            return words.size() - 1;
        });
        unigram.put(id, logProb);
        return this;
    }

    public FakeLanguageModel bigram(String a, String b, double logProb) {
        bigram.put(key(index(a), index(b)), logProb);
        return this;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public int index(String word) {
        return ids.getOrDefault(word, -1);
    }

    @Override
    public int bos() {
        return 0;
    }

    @Override
    public int eos() {
        return 1;
    }

    @Override
    public long begin() {
        return 0;
    }

    @Override
    public double score(long state, int word) {
        Double b = bigram.get(key((int) state, word));
        return b != null ? b : unigram(word);
    }

    @Override
    public long next(long state, int word) {
        return word;
    }

    @Override
    public double unigram(int word) {
        return word < 0 ? unknown : unigram.getOrDefault(word, unknown);
    }
}
