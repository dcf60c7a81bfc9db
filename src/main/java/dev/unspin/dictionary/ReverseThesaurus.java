package dev.unspin.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Candidate originals for a word no dictionary entry covers: the thesaurus heads that list the
 * word among their synonyms (a spinner replaced the head by the word). No thesaurus lists inflected
 * forms, so an inflected word is reduced to its base, mapped, and the candidates inflected back
 * alike (mentioned -> mention -> say -> said). Candidates keep the ranked file's order (best first),
 * or for a Moby-format file are ordered by the rank function (e.g. unigram log probability), and are
 * capped, keeping the lattice small.
 */
public final class ReverseThesaurus {
    /** The heads listing a word (the candidate originals, best first), or null when none does. */
    private final java.util.function.Function<String, List<String>> headsOf;
    private final Inflector inflector = Inflector.english();
    private final int maxCandidates;

    private ReverseThesaurus(java.util.function.Function<String, List<String>> headsOf, int maxCandidates) {
        this.headsOf = headsOf;
        this.maxCandidates = maxCandidates;
    }

    /**
     * Reads a Moby-format thesaurus (head,syn,syn,...; single words only), or the ranked reverse form
     * that scripts/build-news-dictionary.sh writes (word TAB original,original,..., best first). For
     * Moby lines, rank orders each word's heads, most plausible first (higher is better); in either
     * form, candidates ranked NaN are dropped (words the model does not know).
     */
    public static ReverseThesaurus load(Path file, ToDoubleFunction<String> rank, int maxCandidates) throws IOException {
        try {
            return read(file, rank, maxCandidates);
        } catch (DictionaryException e) {
            // Kept source-compatible for callers that declare IOException only; the malformed line
            // still reaches them as the DictionaryException it is (exit 4 at the command line).
            // Callers should move to read(), which declares it.
            throw ReverseThesaurus.<RuntimeException>undeclared(e);
        }
    }

    /**
     * As {@link #load(Path, ToDoubleFunction, int)}, declaring the malformed-line error: a line with
     * no head word (",syn"), or an empty word before the tab, or bytes that are not UTF-8, is
     * "file:line: reason".
     */
    public static ReverseThesaurus read(Path file, ToDoubleFunction<String> rank, int maxCandidates) throws IOException, DictionaryException {
        if (Files.isDirectory(file)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "is a directory, not a thesaurus file");
        }
        return parse(file.toString(), Utf8Lines.split(file.toString(), Files.readAllBytes(file)), rank, maxCandidates);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException undeclared(Throwable e) throws E {
        throw (E) e;
    }

    /** The bundled ranked reverse thesaurus (dictionaries/reverse-thesaurus.txt, built by scripts/build-news-dictionary.sh). */
    public static ReverseThesaurus bundled(ToDoubleFunction<String> rank, int maxCandidates) throws IOException {
        InputStream in = DictionaryLoader.open(BUNDLED);
        try (in) {
            return parse(BUNDLED.substring(1), Utf8Lines.split(BUNDLED.substring(1), in.readAllBytes()), rank, maxCandidates);
        } catch (DictionaryException e) {
            throw new IOException("bundled thesaurus is broken: " + e.getMessage(), e); // a build error, not the user's
        }
    }

    public static final String BUNDLED = "/dictionaries/reverse-thesaurus.txt";

    /** The PPDB candidate table (dictionaries/ppdb-reverse.txt, built by scripts/import-ppdb.py), in the ranked form. */
    public static final String PPDB = "/dictionaries/ppdb-reverse.txt";

    /**
     * A ranked table bundled as a class-path resource, such as {@link #BUNDLED} or {@link #PPDB}. Its
     * lines are sorted by word (the scripts that write them sort; a test checks it against a full
     * parse), so it is kept as bytes and searched per word instead of parsed: parsing the two bundled
     * tables took about 150 ms of every start-up, more than the rest of a small article's run.
     */
    public static ReverseThesaurus resource(String name, ToDoubleFunction<String> rank, int maxCandidates) throws IOException {
        InputStream in = DictionaryLoader.open(name);
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        return new ReverseThesaurus(new SortedTable(bytes, rank)::originals, maxCandidates);
    }

    /** A resource table parsed in full, as a user's file is: what the sorted search must agree with (tests). */
    static ReverseThesaurus parsedResource(String name, ToDoubleFunction<String> rank, int maxCandidates) throws IOException {
        InputStream in = DictionaryLoader.open(name);
        try (BufferedReader r = DictionaryLoader.reader(in)) {
            return load(r, rank, maxCandidates);
        }
    }

    static ReverseThesaurus load(BufferedReader r, ToDoubleFunction<String> rank, int maxCandidates) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
        }
        try {
            return parse("<thesaurus>", lines, rank, maxCandidates);
        } catch (DictionaryException e) {
            throw ReverseThesaurus.<RuntimeException>undeclared(e);
        }
    }

    private static ReverseThesaurus parse(String file, List<String> lines, ToDoubleFunction<String> rank, int maxCandidates)
            throws DictionaryException {
        Map<String, List<String>> heads = new HashMap<>();
        Set<String> ranked = new java.util.HashSet<>();
        int no = 0;
        for (String line : lines) {
            no++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                // ranked form "word<TAB>original,original,...": already in order, best first
                String word = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
                if (word.isEmpty()) {
                    throw new DictionaryException(file, no, "no word before the tab");
                }
                List<String> origs = new ArrayList<>();
                for (String o : line.substring(tab + 1).split(",")) {
                    o = o.strip().toLowerCase(Locale.ROOT);
                    if (!o.isEmpty() && !o.equals(word) && !Double.isNaN(rank.applyAsDouble(o))) {
                        origs.add(o);
                    }
                }
                heads.put(word, origs);
                ranked.add(word);
                continue;
            }
            String[] f = line.split(",");
            String head = f.length == 0 ? "" : f[0].strip().toLowerCase(Locale.ROOT);
            if (head.isEmpty()) {
                throw new DictionaryException(file, no, "no head word before the first ','");
            }
            if (head.indexOf(' ') >= 0 || Double.isNaN(rank.applyAsDouble(head))) {
                continue;
            }
            for (int i = 1; i < f.length; i++) {
                String syn = f[i].strip().toLowerCase(Locale.ROOT);
                if (!syn.isEmpty() && syn.indexOf(' ') < 0 && !syn.equals(head)) {
                    heads.computeIfAbsent(syn, k -> new ArrayList<>()).add(head);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : heads.entrySet()) {
            if (!ranked.contains(e.getKey())) {
                e.getValue().sort((a, b) -> Double.compare(rank.applyAsDouble(b), rank.applyAsDouble(a)));
            }
        }
        return new ReverseThesaurus(heads::get, maxCandidates);
    }

    /** Above this unigram log10 probability a word (the, of, said) is too common to guess at. */
    private static final double MAX_UNIGRAM_LOG_PROB = -3.0;

    /**
     * Whether a word no curated entry covers is one to ask the thesaurus about: lower case, or
     * capitalised only where a clause starts ("Biking has grown"; elsewhere a capital means a name),
     * three or more letters, a single word the model knows (its ids), and rare enough to be a
     * spinner's synonym (its unigram log10 probability). The restorer and the coverage report decide
     * with this one rule.
     */
    public static boolean asksAbout(String text, boolean startsClause, int[] ids, double unigramLogProb) {
        if (text.length() < 3 || ids.length != 1 || ids[0] < 0 || unigramLogProb > MAX_UNIGRAM_LOG_PROB) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!Character.isLetter(c) || (Character.isUpperCase(c) && (k > 0 || !startsClause))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Candidate originals for a lower-case word, inflected like it; empty when the thesaurus has none.
     * A word that is both a head and an inflected form ("accomplished": an adjective, and the past of
     * "accomplish") takes its candidates from both readings in turn, best first, so that neither
     * sense crowds the other out of the limit.
     */
    public List<String> originals(String word) {
        List<String> found = headsOf.apply(word);
        List<String> direct = found == null ? List.of() : found;
        List<String> inflected = new ArrayList<>();
        // inflected forms: try each base whose form f is this word, and inflect its heads alike
        List<String> bases = bases(word);
        List<List<String>> headsOfBase = new ArrayList<>(bases.size());
        for (String base : bases) {
            headsOfBase.add(headsOf.apply(base)); // once per base: a lookup is a search of the table
        }
        for (int form = Inflector.THIRD; form <= Inflector.GERUND + 1; form++) {
            for (int b = 0; b < bases.size(); b++) {
                String base = bases.get(b);
                List<String> hs = headsOfBase.get(b);
                if (hs == null) {
                    continue;
                }
                boolean plural = form == Inflector.GERUND + 1;
                if (!(plural ? inflector.plural(base) : inflector.verbForms(base)[form]).equals(word)) {
                    continue;
                }
                for (String h : hs) {
                    inflected.add(plural ? inflector.plural(h) : inflector.verbForms(h)[form]);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; out.size() < maxCandidates && (k < direct.size() || k < inflected.size()); k++) {
            if (k < direct.size() && !direct.get(k).equals(word)) {
                out.add(direct.get(k));
            }
            if (k < inflected.size() && out.size() < maxCandidates && !inflected.get(k).equals(word)) {
                out.add(inflected.get(k));
            }
        }
        return List.copyOf(out);
    }

    /** Plausible base forms of an inflected word, by undoing the spelling rules. */
    private static List<String> bases(String w) {
        List<String> b = new ArrayList<>(6);
        int n = w.length();
        if (n < 4) {
            return b;
        }
        if (w.endsWith("ies")) {
            b.add(w.substring(0, n - 3) + "y");
        }
        if (w.endsWith("es")) {
            b.add(w.substring(0, n - 2));
        }
        if (w.endsWith("s")) {
            b.add(w.substring(0, n - 1));
        }
        if (w.endsWith("ied")) {
            b.add(w.substring(0, n - 3) + "y");
        }
        if (w.endsWith("ed")) {
            b.add(w.substring(0, n - 2));
            b.add(w.substring(0, n - 1));
            if (n > 4 && w.charAt(n - 3) == w.charAt(n - 4)) {
                b.add(w.substring(0, n - 3));
            }
        }
        if (w.endsWith("ing")) {
            b.add(w.substring(0, n - 3));
            b.add(w.substring(0, n - 3) + "e");
            if (n > 5 && w.charAt(n - 4) == w.charAt(n - 5)) {
                b.add(w.substring(0, n - 4));
            }
        }
        return b;
    }
}
