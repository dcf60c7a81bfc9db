package dev.unspin.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a standard ARPA back-off model (KenLM, SRILM, Sphinx and others write it) into a
 * {@link ModelWriter}, keeping its own probabilities and back-off weights. Unigrams are read first
 * because the ARPA layout lists them first; that fixes the word ids before any higher n-gram.
 */
public final class ArpaImporter {
    private ArpaImporter() {
    }

    public static ModelWriter read(Path source, BufferedReader in) throws IOException {
        String line;
        int lineNo = 0;
        List<Long> declared = new ArrayList<>();
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.strip().equals("\\data\\")) {
                break;
            }
        }
        if (line == null) {
            throw new ModelFormatException(source, "not an ARPA model (no \\data\\ section)");
        }
        while ((line = in.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty()) {
                break;
            }
            if (!s.startsWith("ngram ") || s.indexOf('=') < 0) {
                throw new ModelFormatException(source, "line " + lineNo + ": expected 'ngram N=COUNT'");
            }
            try {
                declared.add(Long.parseLong(s.substring(s.indexOf('=') + 1).strip()));
            } catch (NumberFormatException e) {
                throw new ModelFormatException(source, "line " + lineNo + ": bad count in '" + s + "'");
            }
        }
        int order = declared.size();
        if (order < 1 || order > ModelLayout.MAX_ORDER) {
            throw new ModelFormatException(source, "unsupported order " + order);
        }
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocab = new ArrayList<>();
        List<float[]> uni = new ArrayList<>();
        ModelWriter out = null;
        int n = 0;
        int[] gram = new int[order];
        float unk = Float.NaN;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("\\")) {
                if (s.equals("\\end\\")) {
                    break;
                }
                if (!s.endsWith("-grams:")) {
                    throw new ModelFormatException(source, "line " + lineNo + ": unexpected section " + s);
                }
                try {
                    n = Integer.parseInt(s.substring(1, s.indexOf('-')));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    n = -1;
                }
                if (n < 1 || n > order) {
                    throw new ModelFormatException(source, "line " + lineNo + ": section " + s + " outside orders 1.." + order);
                }
                if (n == 2 || (n > 1 && out == null)) {
                    out = unigramsDone(vocab, uni, order, Float.isNaN(unk) ? minOf(uni) - 1f : unk);
                }
                continue;
            }
            String[] f = s.split("\\s+");
            if (n < 1 || f.length < n + 1 || f.length > n + 2) {
                throw new ModelFormatException(source, "line " + lineNo + ": malformed " + n + "-gram line");
            }
            float prob;
            float bo;
            try {
                prob = Float.parseFloat(f[0]);
                bo = f.length == n + 2 ? Float.parseFloat(f[n + 1]) : 0f;
            } catch (NumberFormatException e) {
                throw new ModelFormatException(source, "line " + lineNo + ": bad number in '" + s + "'");
            }
            if (n == 1) {
                if (out != null) {
                    throw new ModelFormatException(source, "line " + lineNo + ": unigrams after higher-order n-grams");
                }
                if (f[1].equals("<unk>")) {
                    unk = prob;
                }
                if (ids.putIfAbsent(f[1], vocab.size()) != null) {
                    throw new ModelFormatException(source, "line " + lineNo + ": unigram '" + f[1] + "' listed twice");
                }
                vocab.add(f[1]);
                uni.add(new float[] {prob, bo});
                continue;
            }
            for (int i = 0; i < n; i++) {
                Integer id = ids.get(f[i + 1]);
                if (id == null) {
                    throw new ModelFormatException(source, "line " + lineNo + ": word '" + f[i + 1] + "' has no unigram");
                }
                gram[i] = id;
            }
            out.ngram(gram, n, prob, bo);
        }
        if (out == null) {
            out = unigramsDone(vocab, uni, order, Float.isNaN(unk) ? minOf(uni) - 1f : unk);
        }
        if (vocab.isEmpty()) {
            throw new ModelFormatException(source, "ARPA model has no unigrams");
        }
        return out;
    }

    private static float minOf(List<float[]> uni) {
        float m = 0;
        for (float[] u : uni) {
            if (u[0] > ModelLayout.PLACEHOLDER) { // <s> is usually listed with -99, a placeholder
                m = Math.min(m, u[0]);
            }
        }
        return m;
    }

    private static ModelWriter unigramsDone(List<String> vocab, List<float[]> uni, int order, float unk) {
        ModelWriter w = new ModelWriter(order, vocab, unk);
        for (int i = 0; i < uni.size(); i++) {
            w.unigram(i, uni.get(i)[0], uni.get(i)[1]);
        }
        return w;
    }
}
