package dev.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trigram path of {@link NgramModel#logProb} (the filter, then the slots read together) must give exactly the double
 * of the general back-off walk over the tables alone, for every trigram of a vocabulary: stored trigrams, trigrams backing
 * off to a stored bigram with and without a stored history, and down to the unigram, with unknown words anywhere.
 */
class TrigramLookupTest {
    @TempDir
    Path tmp;

    @Test
    void trigramPathAgreesWithTheWalkOnEveryTrigram() throws Exception {
        check(false);
    }

    /**
     * A model whose every trigram's history is a stored bigram (as the Sphinx trie's always are): the bigram slots' follower
     * bits answer most absent trigrams, and must never turn away a stored one.
     */
    @Test
    void followerBitsOfAPrefixClosedModelAgreeWithTheWalk() throws Exception {
        check(true);
    }

    private void check(boolean prefixClosed) throws Exception {
        int v = 40;
        List<String> vocab = new ArrayList<>(List.of("<s>", "</s>"));
        for (int i = 2; i < v; i++) {
            vocab.add("w" + i);
        }
        Random r = new Random(11);
        ModelWriter w = new ModelWriter(3, vocab, -6f);
        for (int i = 0; i < v; i++) {
            w.unigram(i, -1 - 4 * r.nextFloat(), -r.nextFloat());
        }
        Set<Long> bigrams = new HashSet<>();
        Set<Long> trigrams = new HashSet<>();
        // dense enough that the tables have probe runs past the home slot, sparse enough that most questions back off
        for (int k = 0; k < 600; k++) {
            int a = r.nextInt(v);
            int b = r.nextInt(v);
            if (bigrams.add((long) a * v + b)) {
                w.ngram(new int[] {a, b}, 2, -0.1f - 3 * r.nextFloat(), r.nextInt(4) == 0 ? 0f : -r.nextFloat());
            }
        }
        int[] first = null;
        float firstProb = 0;
        for (int k = 0; k < 4000; k++) {
            int a = r.nextInt(v);
            int b = r.nextInt(v);
            int c = r.nextInt(v);
            if (prefixClosed && bigrams.add((long) a * v + b)) {
                w.ngram(new int[] {a, b}, 2, -0.1f - 3 * r.nextFloat(), -r.nextFloat());
            }
            if (trigrams.add(((long) a * v + b) * v + c)) {
                float p = -0.05f - 2 * r.nextFloat();
                w.ngram(new int[] {a, b, c}, 3, p, 0f);
                if (first == null) {
                    first = new int[] {a, b, c};
                    firstProb = p;
                }
            }
        }
        Path file = tmp.resolve("random.ulm");
        w.write(file);
        NgramModel m = NgramModel.open(file);
        assertEquals(prefixClosed, m.followerBits(), "the writer tells a prefix-closed model");
        // every known trigram question at once, in the batch the restorer asks: the same doubles again
        int q = v * v * v;
        int[] us = new int[q];
        int[] vs = new int[q];
        int[] ws = new int[q];
        for (int i = 0; i < q; i++) {
            us[i] = i / (v * v);
            vs[i] = i / v % v;
            ws[i] = i % v;
        }
        double[] batch = new double[q];
        m.logProb3(us, vs, ws, q, batch, new long[q], new long[q], new long[q]);
        for (int i = 0; i < q; i++) {
            int[] t = {us[i], vs[i], ws[i]};
            assertEquals(Double.doubleToRawLongBits(m.logProbByWalk(t, 0, 3, false)), Double.doubleToRawLongBits(batch[i]), "batch " + i);
        }

        int stored = 0;
        int toBigram = 0;
        int toUnigram = 0;
        int falsePass = 0;
        int[] ids = new int[3];
        for (int a = -1; a < v; a++) {
            for (int b = -1; b < v; b++) {
                for (int c = -1; c < v; c++) {
                    ids[0] = a;
                    ids[1] = b;
                    ids[2] = c;
                    double want = m.logProbByWalk(ids, 0, 3, false);
                    double got = m.logProb(ids, 0, 3);
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), a + " " + b + " " + c + ": " + want + " vs " + got);
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(m.logProbByWalk(ids, 0, 3, true)), "filtered walk");
                    for (int to = 2; to <= 3; to++) {
                        // bigrams and unigrams too (shorter windows), with and without the filters
                        assertEquals(Double.doubleToRawLongBits(m.logProbByWalk(ids, 0, to, false)), Double.doubleToRawLongBits(m.logProb(ids, 0, to)));
                    }
                    if (a >= 0 && b >= 0 && c >= 0 && !trigrams.contains(((long) a * v + b) * v + c)
                            && m.mayContain(3, NgramHash.ngram3(a, b, c))) {
                        falsePass++;
                    }
                    if (a >= 0 && b >= 0 && c >= 0) {
                        if (trigrams.contains(((long) a * v + b) * v + c)) {
                            stored++;
                        } else if (bigrams.contains((long) b * v + c)) {
                            toBigram++;
                        } else {
                            toUnigram++;
                        }
                    }
                }
            }
        }
        // every branch of the path was taken many times
        assertTrue(stored > 3000 && toBigram > 10000 && toUnigram > (prefixClosed ? 2000 : 10000), stored + " " + toBigram + " " + toUnigram);
        // the filter turns away nearly every trigram the model lacks (else it saves nothing), and no stored one
        assertTrue(falsePass < 0.03 * (v * v * v - stored), falsePass + " absent trigrams passed the filter");
        // and a stored trigram answers with its own probability (quantised to 1/1024), not the walk's of another
        assertEquals(firstProb, m.logProb(first, 0, 3), 0.5 / 1024);
    }
}
