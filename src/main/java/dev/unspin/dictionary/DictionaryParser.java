package dev.unspin.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the dictionary format, one entry a line:
 *
 * <pre>
 * # comment
 * spun phrase => original | another original ; flag flag   # comment
 * </pre>
 *
 * Flags: {@code always} (default: the spun phrase is never right, always repair), {@code ctx} (the
 * language model decides in context), {@code guess} (a mined or generated pair: the model decides in context, and
 * the calibrated decision weighs the pair by the family of the file it comes from), {@code verb} / {@code noun} (also match the inflected forms:
 * both sides are given as base forms), {@code case} (match the spun phrase case-sensitively, for names).
 * Phrases are tokenised with the text tokenizer so they match exactly what the restorer sees.
 */
public final class DictionaryParser {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern BAR = java.util.regex.Pattern.compile("\\|");

    private final Function<String, List<String>> tokenizer;
    private final Inflector inflector;

    public DictionaryParser(Function<String, List<String>> tokenizer, Inflector inflector) {
        this.tokenizer = tokenizer;
        this.inflector = inflector;
    }

    /** One parsed line before inflection, kept for `dict check`. */
    public record Line(String file, int line, String spun, List<String> originals, Kind kind, boolean verb, boolean noun, boolean exactCase) {
    }

    /**
     * Longest phrase accepted, in words, on either side. Real entries have at most a dozen; a line of
     * a thousand words is a pasted paragraph, and would cost the matcher and the tokenizer for nothing.
     */
    public static final int MAX_PHRASE_WORDS = 20;

    public List<Line> parseLines(String file, BufferedReader in) throws IOException, DictionaryException {
        List<Line> out = new ArrayList<>();
        String raw;
        int no = 0;
        try {
            while ((raw = in.readLine()) != null) {
                no++;
                Line l = parseLine(file, no, raw);
                if (l != null) {
                    out.add(l);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // a decoding reader fails in its read-ahead, at or after this line: parseBytes names the exact line
            throw new DictionaryException(file, no + 1, "invalid UTF-8");
        }
        return out;
    }

    /** Parses a whole file's bytes, strict UTF-8 checked line by line ("file:line: invalid UTF-8"). */
    public List<Line> parseBytes(String file, byte[] bytes) throws DictionaryException {
        List<Line> out = new ArrayList<>();
        int no = 0;
        for (String raw : Utf8Lines.split(file, bytes)) {
            Line l = parseLine(file, ++no, raw);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private static void checkLength(String file, int no, String what, String phrase) throws DictionaryException {
        int words = 0;
        for (int i = 0; i < phrase.length(); i++) {
            if (phrase.charAt(i) != ' ' && (i == 0 || phrase.charAt(i - 1) == ' ')) {
                words++;
            }
        }
        if (words > MAX_PHRASE_WORDS) {
            throw new DictionaryException(file, no, what + " of " + words + " words (at most " + MAX_PHRASE_WORDS + ")");
        }
    }

    /** Parses one line; null for blank and comment lines. */
    public Line parseLine(String file, int no, String raw) throws DictionaryException {
        String s = stripComment(raw).strip();
        if (s.isEmpty()) {
            return null;
        }
        int arrow = s.indexOf("=>");
        if (arrow < 0) {
            throw new DictionaryException(file, no, "no '=>' between spun phrase and original");
        }
        String spun = s.substring(0, arrow).strip();
        String rest = s.substring(arrow + 2);
        if (rest.contains("=>")) {
            throw new DictionaryException(file, no, "more than one '=>'");
        }
        String flags = "";
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            flags = rest.substring(semi + 1).strip();
            rest = rest.substring(0, semi);
        }
        if (spun.isEmpty()) {
            throw new DictionaryException(file, no, "empty spun phrase");
        }
        if (spun.indexOf('|') >= 0) {
            throw new DictionaryException(file, no, "'|' in the spun phrase (alternatives go on the right)");
        }
        String spunWords = SPACES.matcher(spun).replaceAll(" ");
        checkLength(file, no, "spun phrase", spunWords);
        Set<String> originals = new LinkedHashSet<>();
        for (String alt : BAR.split(rest, -1)) {
            String a = SPACES.matcher(alt.strip()).replaceAll(" ");
            if (a.isEmpty()) {
                throw new DictionaryException(file, no, "empty original (check the '|' separators)");
            }
            if (a.equalsIgnoreCase(spunWords)) {
                throw new DictionaryException(file, no, "original equals the spun phrase");
            }
            checkLength(file, no, "original", a);
            originals.add(a);
        }
        Kind kind = Kind.ALWAYS;
        boolean verb = false;
        boolean noun = false;
        boolean exact = false;
        for (String f : flags.isEmpty() ? new String[0] : SPACES.split(flags)) {
            switch (f) {
                case "always" -> kind = Kind.ALWAYS;
                case "ctx" -> kind = Kind.CONTEXT;
                case "guess" -> kind = Kind.THESAURUS;
                case "verb" -> verb = true;
                case "noun" -> noun = true;
                case "case" -> exact = true;
                default -> throw new DictionaryException(file, no, "unknown flag '" + f + "' (known: always ctx guess verb noun case)");
            }
        }
        if (verb && noun) {
            throw new DictionaryException(file, no, "an entry is either verb or noun, not both");
        }
        return new Line(file, no, spunWords, List.copyOf(originals), kind, verb, noun, exact);
    }

    private static String stripComment(String raw) {
        if (raw.startsWith("#")) {
            return "";
        }
        int h = raw.indexOf(" #");
        int t = raw.indexOf("\t#");
        int cut = h < 0 ? t : (t < 0 ? h : Math.min(h, t));
        return cut < 0 ? raw : raw.substring(0, cut);
    }

    /** The entries a line stands for: itself, plus its inflected forms when flagged verb or noun. */
    public List<Entry> expand(Line l) throws DictionaryException {
        String origin = l.file() + ":" + l.line();
        List<Entry> out = new ArrayList<>();
        out.add(entry(l, l.spun(), l.originals(), origin));
        if (l.verb()) {
            String[] spun = inflector.verbPhraseForms(l.spun());
            List<String[]> origs = l.originals().stream().map(inflector::verbPhraseForms).toList();
            for (int form = Inflector.THIRD; form <= Inflector.GERUND; form++) {
                final int f = form;
                out.add(entry(l, spun[f], origs.stream().map(o -> o[f]).distinct().toList(), origin));
            }
        } else if (l.noun()) {
            out.add(entry(l, inflector.nounPhrase(l.spun()), l.originals().stream().map(inflector::nounPhrase).toList(), origin));
        }
        return out;
    }

    private Entry entry(Line l, String spun, List<String> originals, String origin) throws DictionaryException {
        List<String> keys = tokenizer.apply(spun);
        if (keys.isEmpty()) {
            throw new DictionaryException(l.file(), l.line(), "spun phrase has no tokens");
        }
        return new Entry(keys, originals, l.kind(), l.exactCase(), origin);
    }
}
