package dev.unspin.dictionary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Candidate originals by lemma and part of speech ("LEMMA TAB POS TAB ORIGINAL,ORIGINAL,...", best first; POS n, v, a
 * or r), as scripts/lemma-tables.py writes them from WordNet and Moby. A spun word or phrase is lemmatised by
 * matching it against every inflected form of the table's lemmas (verbs: the five verb forms, a phrase inflecting its
 * first word; nouns: singular and plural, a phrase its last word; adjectives and adverbs: as written), and each original
 * is inflected into the form the spun words have: "mentioned" is the past of the verb "mention", whose original
 * "say" becomes "said". Unlike {@link ReverseThesaurus}, which undoes spelling rules blindly, the part of speech
 * decides which forms exist, and multi-word lemmas on either side are inflected as phrases. Immutable once read.
 */
public final class LemmaTable {
    /** One way of reading a surface form: a line of the table and which of its lemma's forms the surface is. */
    private record Reading(String pos, int form, List<String> originals) {
    }

    /** Forms: verb forms 0-4 as {@link Inflector}'s; a noun's plural is 5; the lemma itself is 0. */
    private static final int PLURAL = 5;

    private final Map<String, List<Reading>> readings;
    private final int maxWords;
    private final Inflector inflector = Inflector.english();

    private LemmaTable(Map<String, List<Reading>> readings, int maxWords) {
        this.readings = readings;
        this.maxWords = maxWords;
    }

    /** Reads a lemma table; a line without its three fields, or with another part of speech, is "file:line: reason". */
    public static LemmaTable read(Path file) throws IOException, DictionaryException {
        if (Files.isDirectory(file)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "is a directory, not a lemma table");
        }
        return parse(file.toString(), Utf8Lines.split(file.toString(), Files.readAllBytes(file)));
    }

    static LemmaTable parse(String name, List<String> lines) throws DictionaryException {
        Inflector inf = Inflector.english();
        Map<String, List<Reading>> readings = new HashMap<>();
        int maxWords = 1;
        int no = 0;
        for (String line : lines) {
            no++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[0].isBlank()) {
                throw new DictionaryException(name, no, "expected LEMMA<TAB>POS<TAB>ORIGINAL,...");
            }
            String lemma = f[0].strip().toLowerCase(Locale.ROOT);
            String pos = f[1].strip();
            if (!List.of("n", "v", "a", "r").contains(pos)) {
                throw new DictionaryException(name, no, "part of speech '" + pos + "' is not n, v, a or r");
            }
            List<String> origs = new ArrayList<>();
            for (String o : f[2].split(",")) {
                o = o.strip().toLowerCase(Locale.ROOT);
                if (!o.isEmpty() && !o.equals(lemma)) {
                    origs.add(o);
                }
            }
            if (origs.isEmpty()) {
                continue;
            }
            maxWords = Math.max(maxWords, lemma.split(" ").length);
            List<String> originals = List.copyOf(origs);
            Map<String, Integer> forms = new java.util.LinkedHashMap<>();
            switch (pos) {
                case "v" -> {
                    String[] vf = inf.verbPhraseForms(lemma);
                    for (int k = 0; k < vf.length; k++) {
                        forms.putIfAbsent(vf[k] + "#" + k, k);
                    }
                }
                case "n" -> {
                    forms.put(lemma + "#0", 0);
                    forms.put(inf.nounPhrase(lemma) + "#" + PLURAL, PLURAL);
                }
                default -> forms.put(lemma + "#0", 0);
            }
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                String surface = e.getKey().substring(0, e.getKey().lastIndexOf('#'));
                readings.computeIfAbsent(surface, k -> new ArrayList<>()).add(new Reading(pos, e.getValue(), originals));
            }
        }
        return new LemmaTable(readings, maxWords);
    }

    /** The longest lemma, in words: the longest spun phrase worth looking up. */
    public int maxWords() {
        return maxWords;
    }

    /**
     * The originals for a spun word or phrase (lower case, words separated by single spaces), each inflected into the
     * spun words' form, best first: the readings' lists are interleaved rank by rank, so that no reading crowds another
     * out of the limit. Empty when the table has no lemma with this form.
     */
    public List<String> originals(String spun, int max) {
        List<Reading> rs = readings.get(spun);
        if (rs == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        int longest = 0;
        for (Reading r : rs) {
            longest = Math.max(longest, r.originals().size());
        }
        for (int k = 0; k < longest && out.size() < max; k++) {
            for (Reading r : rs) {
                if (k < r.originals().size() && out.size() < max) {
                    String o = inflect(r.originals().get(k), r.pos(), r.form());
                    if (!o.equals(spun)) {
                        out.add(o);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private String inflect(String lemma, String pos, int form) {
        if (form == 0) {
            return lemma;
        }
        if (form == PLURAL) {
            return inflector.nounPhrase(lemma);
        }
        return inflector.verbPhraseForms(lemma)[form];
    }
}
