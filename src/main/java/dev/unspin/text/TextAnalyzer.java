package dev.unspin.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits text into sentences and tokens with character spans, using Apache OpenNLP's English UD EWT
 * models. Sentences cross a line break only inside wrapped prose, where the next line goes on with a
 * lower-case word ({@link #softBreak}): titles, list items and paragraphs are separate units even
 * without final punctuation. Thread-safe (OpenNLP's ThreadSafe* wrappers keep one decoder per thread).
 */
public final class TextAnalyzer {
    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    /**
     * Runs of non-space characters longer than this are opaque: one token, never looked into by the
     * OpenNLP models, whose features take the whole run at every character (quadratic: 200 KB of
     * base64 on one line took a minute). Such a run is a URL, a base64 blob, a hash or a line of
     * punctuation, none of which a spinner rewrote or the language model knows; a word is far shorter.
     */
    public static final int OPAQUE_RUN = 64;

    private final SentenceDetector sentences;
    private final Tokenizer tokenizer;

    private TextAnalyzer(SentenceDetector sentences, Tokenizer tokenizer) {
        this.sentences = sentences;
        this.tokenizer = tokenizer;
    }

    /** Loads the bundled models from the classpath (not by language code: that would try to download them). */
    public static TextAnalyzer english() {
        return of(sentenceModel(), tokenizerModel());
    }

    /** An analyzer over models already loaded (a command line loads the two on separate threads). */
    public static TextAnalyzer of(SentenceModel sentences, TokenizerModel tokens) {
        return new TextAnalyzer(new ThreadSafeSentenceDetectorME(sentences), new ThreadSafeTokenizerME(tokens));
    }

    /** The bundled English sentence model. */
    public static SentenceModel sentenceModel() {
        try (InputStream s = resource(SENTENCE_MODEL)) {
            return new SentenceModel(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP English sentence model", e);
        }
    }

    /** The bundled English tokenizer model (the larger of the two: about three quarters of the loading). */
    public static TokenizerModel tokenizerModel() {
        try (InputStream t = resource(TOKEN_MODEL)) {
            return new TokenizerModel(t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP English tokenizer model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TextAnalyzer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    /** The sentences of a text, joined across the soft line breaks of wrapped prose ({@link #softBreak}). */
    public List<Sentence> sentences(String text) {
        return sentences(text, true);
    }

    /**
     * The sentences of a text; with {@code acrossWrappedLines} false, every line is a unit of its own (a training corpus
     * of one sentence per line, where a next line in lower case is still another sentence).
     */
    public List<Sentence> sentences(String text, boolean acrossWrappedLines) {
        List<Sentence> out = new ArrayList<>();
        int runStart = 0;
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (lineEnd == n || !acrossWrappedLines || !softBreak(text, lineStart, lineEnd)) {
                if (lineEnd > runStart) {
                    sentencesOfLines(text, runStart, lineEnd, out);
                }
                runStart = lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /**
     * Whether the line break at {@code lineEnd} is inside wrapped prose: the line holds words and the next line goes
     * on with a lower-case letter ("in its working\nsystem, in keeping\nwith"). Hard-wrapped text breaks phrases and
     * sentences anywhere, and a spun phrase across the break must still be found and scored in its sentence. A
     * title, a list item or a line that ends its sentence is followed by a capital, a mark, a digit or a blank line, and
     * stays a unit of its own. A wrapped line that happens to break before a capital stays apart: a missed repair at
     * worst, where joining a title to the next line would put words in one sentence that never were.
     */
    static boolean softBreak(String text, int lineStart, int lineEnd) {
        int n = text.length();
        int j = lineEnd + 1;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j < n && Character.isLowerCase(text.charAt(j)) && !text.substring(lineStart, lineEnd).isBlank();
    }

    /** The sentences of text[from, to): lines joined by soft breaks, which the detector sees as spaces (offsets hold). */
    private void sentencesOfLines(String text, int from, int to, List<Sentence> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        line = line.replace('\n', ' ').replace('\r', ' ');
        for (Span s : sentences.sentPosDetect(maskOpaqueRuns(line))) {
            int ss = from + s.getStart();
            int se = from + s.getEnd();
            List<Token> toks = tokens(text, ss, se);
            if (!toks.isEmpty()) {
                out.add(new Sentence(ss, se, toks));
            }
        }
    }

    /**
     * The line as the sentence detector should see it: the inside of every opaque run replaced by
     * 'x', same length, so offsets hold. The detector weighs each '.', '!' and '?' with features of
     * the whole run around it (quadratic: 200 KB of dots took 20 s); masked, a run offers no
     * sentence end inside, and its first and last characters still tell whether one ends after it.
     */
    static String maskOpaqueRuns(String line) {
        char[] c = null;
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && separator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !separator(line.charAt(i))) {
                i++;
            }
            if (i - start > OPAQUE_RUN) {
                if (c == null) {
                    c = line.toCharArray();
                }
                java.util.Arrays.fill(c, start + 1, i - 1, 'x');
            }
        }
        return c == null ? line : new String(c);
    }

    /**
     * Tokens of text[from, to). OpenNLP's tokenizer decides each whitespace-separated chunk on its own
     * and never splits a run of letters, so such chunks (most words) are taken as they are and only
     * chunks with digits, punctuation or apostrophes go through its maxent model: the same tokens,
     * without the model's per-character evaluations that dominated the profile.
     */
    public List<Token> tokens(String text, int from, int to) {
        return tokens(text, from, to, true);
    }

    private List<Token> tokens(String text, int from, int to, boolean fastPaths) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && separator(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean letters = true;
            while (i < to && !separator(text.charAt(i))) {
                letters &= Character.isLetter(text.charAt(i));
                i++;
            }
            if (start == i) {
                break;
            }
            if (fastPaths && letters) {
                out.add(new Token(start, i, text.substring(start, i)));
            } else if (fastPaths && i - start > 2 && lettersThenMark(text, start, i)) {
                // "said," "week." "now;": the word and its mark, as the model splits them
                out.add(new Token(start, i - 1, text.substring(start, i - 1)));
                out.add(new Token(i - 1, i, text.substring(i - 1, i)));
            } else if (i - start > OPAQUE_RUN) {
                // not a guess about speed but a guard: the model would take time quadratic in the run
                out.add(new Token(start, i, text.substring(start, i)));
            } else {
                modelTokens(text, start, i, out);
            }
        }
        return out;
    }

    /** Two or more letters followed by one closing mark (.,;:!?). */
    private static boolean lettersThenMark(String text, int from, int to) {
        if (".,;:!?".indexOf(text.charAt(to - 1)) < 0) {
            return false;
        }
        for (int k = from; k < to - 1; k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The model's tokens of text[from, to), without the fast paths (for tests that check them). */
    List<Token> modelTokensOf(String text, int from, int to) {
        return tokens(text, from, to, false);
    }

    /**
     * Whitespace, plus what Java does not count as such but scraped text is full of: no-break spaces
     * (U+00A0, U+2007, U+202F) between words and a byte-order mark (U+FEFF) at the start of a file.
     */
    static boolean separator(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    private void modelTokens(String text, int from, int to, List<Token> out) {
        String part = text.substring(from, to);
        for (Span sp : tokenizer.tokenizePos(part)) {
            int s = from + sp.getStart();
            int e = from + sp.getEnd();
            String t = text.substring(s, e);
            // The UD EWT tokenizer now and then leaves a sentence-final period on a word ("week.");
            // split it off unless the token is an abbreviation with inner periods ("U.S.") or one letter.
            if (t.length() > 2 && t.endsWith(".") && t.indexOf('.') == t.length() - 1 && Character.isLetterOrDigit(t.charAt(t.length() - 2))) {
                out.add(new Token(s, e - 1, t.substring(0, t.length() - 1)));
                out.add(new Token(e - 1, e, "."));
            } else {
                out.add(new Token(s, e, t));
            }
        }
    }
}
