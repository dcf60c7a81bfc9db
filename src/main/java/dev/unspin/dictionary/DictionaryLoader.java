package dev.unspin.dictionary;

import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads dictionaries: the bundled ones (listed in /dictionaries/index.txt on the classpath,
 * copied from the project's dictionaries/ folder) and any extra files the user names.
 */
public final class DictionaryLoader {
    public static final String BUNDLED_INDEX = "/dictionaries/index.txt";

    private final DictionaryParser parser;

    public DictionaryLoader(TextAnalyzer analyzer) {
        // Plain words split on spaces exactly as the tokenizer splits them; only phrases with
        // punctuation, digits or apostrophes need the (much slower) statistical tokenizer.
        Function<String, List<String>> tok = phrase -> plainWords(phrase)
                ? List.of(phrase.split(" "))
                : analyzer.tokens(phrase, 0, phrase.length()).stream().map(Token::text).toList();
        this.parser = new DictionaryParser(tok, Inflector.english());
    }

    /**
     * Letters in words separated by single spaces. A loop, not the regex "\\p{L}+( \\p{L}+)*": that
     * regex recurses once per word and overflowed the stack on a pasted paragraph.
     */
    static boolean plainWords(String phrase) {
        int n = phrase.length();
        if (n == 0 || phrase.charAt(0) == ' ' || phrase.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; ) {
            int c = phrase.codePointAt(i);
            if (c == ' ' ? phrase.charAt(i - 1) == ' ' : !Character.isLetter(c)) { // \p{L}: letters by code point
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    public DictionaryParser parser() {
        return parser;
    }

    /** Names of the bundled dictionary files, in load order. */
    public static List<String> bundledNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = reader(open(BUNDLED_INDEX))) {
            for (String l; (l = r.readLine()) != null; ) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    names.add(l);
                }
            }
        }
        return names;
    }

    /** A bundled class-path resource, or "bundled resource ... is missing from the build". */
    static InputStream open(String resource) throws IOException {
        InputStream in = DictionaryLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("bundled resource " + resource + " is missing from the build");
        }
        return in;
    }

    /** Strict UTF-8: a malformed byte is an error, not a silent replacement character. */
    public static BufferedReader reader(InputStream in) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, dec));
    }

    public List<DictionaryParser.Line> bundledLines() throws IOException, DictionaryException {
        List<DictionaryParser.Line> out = new ArrayList<>();
        for (String name : bundledNames()) {
            try (InputStream in = open("/dictionaries/" + name)) {
                out.addAll(parser.parseBytes(name, in.readAllBytes()));
            }
        }
        return out;
    }

    /** Parsed lines of a dictionary file. */
    public List<DictionaryParser.Line> fileLines(Path file) throws IOException, DictionaryException {
        if (Files.isDirectory(file)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "is a directory, not a dictionary file");
        }
        return parser.parseBytes(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Every entry the lines stand for, as the loader builds them: what `dict check` runs too, so a line
     * the loader would refuse (a spun phrase with no tokens) is never called clean.
     */
    public List<Entry> expand(List<DictionaryParser.Line> lines) throws DictionaryException {
        return expandAll(lines);
    }

    /** Bundled dictionaries (unless withBundled is false) plus the extra files, as one trie. */
    public PhraseDictionary load(boolean withBundled, List<Path> extra) throws IOException, DictionaryException {
        List<Entry> entries = new ArrayList<>();
        if (withBundled) {
            // compiled at build time (CompiledDictionary); the text is parsed only when that form
            // is missing or was made from other text (an edited checkout run without a rebuild)
            List<Entry> compiled = CompiledDictionary.readBundled();
            entries.addAll(compiled != null ? compiled : parseBundledText());
        }
        for (Path p : extra) {
            entries.addAll(expandAll(fileLines(p)));
        }
        return new PhraseDictionary(entries);
    }

    /**
     * The bundled dictionaries in their compiled form, or null when it is missing or was made from
     * other text (then {@code load(true, ...)} parses the text). Needs no tokenizer, so it can load
     * while the OpenNLP models do.
     */
    public static PhraseDictionary compiledBundled() throws IOException {
        List<Entry> compiled = CompiledDictionary.readBundled();
        return compiled == null ? null : new PhraseDictionary(compiled);
    }

    /** The bundled text dictionaries, parsed and expanded. */
    List<Entry> parseBundledText() throws IOException, DictionaryException {
        return expandAll(bundledLines());
    }

    private List<Entry> expandAll(List<DictionaryParser.Line> lines) throws DictionaryException {
        List<Entry> entries = new ArrayList<>(lines.size() * 2);
        for (DictionaryParser.Line l : lines) {
            entries.addAll(parser.expand(l));
        }
        return entries;
    }
}
