package dev.unspin.lm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CMU Sphinx "Trie Language Model" binary (as written by sphinx_lm_convert) and feeds its
 * n-grams to a {@link ModelWriter}.
 *
 * <p>The format: the 19-byte header, the order (one byte), the n-gram counts (int32 LE each), the
 * quantisation type and, for QUANT_16, one 65,536-entry float table per probability and per back-off
 * of orders 2..N; then V+1 unigrams (float prob, float back-off, int32 index of the first bigram);
 * then a bit-packed trie of orders 2..N stored in reverse (the entry for "v u" hangs under u);
 * then the NUL-separated vocabulary. Weights are natural logs in base 1.0001 (Sphinx LogMath);
 * they are converted to log10. The header of the bundled en-us model overstates the bigram count
 * by six; the trie layout follows the header, so it is read with the header's counts.
 */
public final class SphinxImporter {
    private static final String HEADER = "Trie Language Model";
    /** log10(1.0001): one Sphinx LogMath unit in log10. */
    private static final double LOGMATH_TO_LOG10 = Math.log10(1.0001);

    private final Path source;
    private final ByteBuffer in;

    private SphinxImporter(Path source, byte[] data) {
        this.source = source;
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Parses the model read from the stream; source names it in error messages. */
    public static ModelWriter read(Path source, InputStream stream) throws IOException {
        return new SphinxImporter(source, stream.readAllBytes()).parse();
    }

    private ModelFormatException bad(String why) {
        return new ModelFormatException(source, why);
    }

    private ModelWriter parse() throws IOException {
        try {
            return parseUnchecked();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw bad("truncated Sphinx trie model");
        }
    }

    private ModelWriter parseUnchecked() throws IOException {
        byte[] head = new byte[HEADER.length()];
        in.get(head);
        if (!HEADER.equals(new String(head, StandardCharsets.US_ASCII))) {
            throw bad("not a Sphinx trie language model (header '" + new String(head, StandardCharsets.ISO_8859_1) + "')");
        }
        int order = in.get();
        if (order < 1 || order > ModelLayout.MAX_ORDER) {
            throw bad("unsupported order " + order);
        }
        int[] counts = new int[order];
        for (int i = 0; i < order; i++) {
            counts[i] = in.getInt();
        }
        float[][] probTables = new float[order + 1][];
        float[][] boTables = new float[order + 1][];
        int quantType = in.getInt();
        if (order > 1) {
            if (quantType != 1) {
                throw bad("only 16-bit quantised Sphinx models are supported (type " + quantType + ")");
            }
            for (int n = 2; n <= order; n++) {
                probTables[n] = floats(1 << 16);
                if (n < order) {
                    boTables[n] = floats(1 << 16);
                }
            }
        }
        int v = counts[0];
        float[] uniProb = new float[v + 1];
        float[] uniBo = new float[v + 1];
        int[] uniNext = new int[v + 1];
        for (int i = 0; i <= v; i++) {
            uniProb[i] = in.getFloat();
            uniBo[i] = in.getFloat();
            uniNext[i] = in.getInt();
        }
        // Bit-packed trie: per order, entries of [word | (backoff, prob) | next] or [word | prob].
        int wordBits = bits(v);
        int[] entryBits = new int[order + 1];
        int[] nextBits = new int[order + 1];
        int[] memPtr = new int[order + 1];
        int mem = 0;
        for (int n = 2; n <= order; n++) {
            nextBits[n] = n < order ? bits(counts[n]) : 0;
            entryBits[n] = wordBits + (n < order ? 32 + nextBits[n] : 16);
            memPtr[n] = mem;
            mem += (int) (((1L + counts[n - 1]) * entryBits[n] + 7) / 8 + 8);
        }
        byte[] trie = new byte[mem];
        in.get(trie);
        int wordsLen = in.getInt();
        byte[] wordBytes = new byte[wordsLen];
        in.get(wordBytes);
        List<String> vocab = new ArrayList<>(v);
        int start = 0;
        for (int i = 0; i < wordsLen && vocab.size() < v; i++) {
            if (wordBytes[i] == 0) {
                vocab.add(new String(wordBytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (vocab.size() != v) {
            throw bad("vocabulary has " + vocab.size() + " words, header says " + v);
        }

        float minUni = 0;
        for (int i = 0; i < v; i++) {
            float p = (float) (uniProb[i] * LOGMATH_TO_LOG10);
            if (p > ModelLayout.PLACEHOLDER) { // <s> carries a -99 placeholder, not a probability
                minUni = Math.min(minUni, p);
            }
        }
        // Unknown words: one order of magnitude below the rarest known word.
        ModelWriter out = new ModelWriter(order, vocab, minUni - 1f);
        for (int i = 0; i < v; i++) {
            out.unigram(i, (float) (uniProb[i] * LOGMATH_TO_LOG10), (float) (uniBo[i] * LOGMATH_TO_LOG10));
        }
        if (order > 1) {
            int[] ids = new int[order];
            // ids holds the n-gram in text order; the trie walks it from the last word backwards.
            for (int u = 0; u < v; u++) {
                ids[order - 1] = u;
                walk(trie, 2, order, uniNext[u], uniNext[u + 1], ids, wordBits, entryBits, nextBits, memPtr, probTables, boTables, out);
            }
        }
        return out;
    }

    private void walk(byte[] trie, int n, int order, int begin, int end, int[] ids, int wordBits, int[] entryBits,
                      int[] nextBits, int[] memPtr, float[][] probTables, float[][] boTables, ModelWriter out) {
        int[] gram = new int[n];
        for (int e = begin; e < end; e++) {
            long bit = (long) e * entryBits[n];
            int w = read(trie, memPtr[n], bit, wordBits);
            ids[order - n] = w;
            System.arraycopy(ids, order - n, gram, 0, n);
            if (n < order) {
                int bo = read(trie, memPtr[n], bit + wordBits, 16);
                int pr = read(trie, memPtr[n], bit + wordBits + 16, 16);
                out.ngram(gram, n, (float) (probTables[n][pr] * LOGMATH_TO_LOG10), (float) (boTables[n][bo] * LOGMATH_TO_LOG10));
                long nextAt = bit + wordBits + 32;
                int nb = read(trie, memPtr[n], nextAt, nextBits[n]);
                int ne = read(trie, memPtr[n], nextAt + entryBits[n], nextBits[n]);
                walk(trie, n + 1, order, nb, ne, ids, wordBits, entryBits, nextBits, memPtr, probTables, boTables, out);
            } else {
                int pr = read(trie, memPtr[n], bit + wordBits, 16);
                out.ngram(gram, n, (float) (probTables[n][pr] * LOGMATH_TO_LOG10), 0f);
            }
        }
    }

    /** Reads width (<= 25) bits at bit offset off from base, least significant bit first. */
    private static int read(byte[] mem, int base, long off, int width) {
        int idx = base + (int) (off >>> 3);
        long value = (mem[idx] & 0xFFL) | (mem[idx + 1] & 0xFFL) << 8 | (mem[idx + 2] & 0xFFL) << 16
                | (mem[idx + 3] & 0xFFL) << 24 | (mem[idx + 4] & 0xFFL) << 32;
        return (int) ((value >>> (off & 7)) & ((1L << width) - 1));
    }

    private float[] floats(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = in.getFloat();
        }
        return f;
    }

    private static int bits(int maxValue) {
        return maxValue == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(maxValue);
    }
}
