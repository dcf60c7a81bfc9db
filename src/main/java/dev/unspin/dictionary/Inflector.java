package dev.unspin.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English inflection for dictionary entries marked verb or noun, so that one line
 * "mention => say ; ctx verb" covers mentions/mentioned/mentioning -> says/said/saying.
 * Irregular forms come from the bundled irregular-verbs.txt and irregular-nouns.txt; the rest
 * follows the spelling rules (doubling, -ies, -es). Inflects the last word of a phrase
 * ("cut back" -> "cuts back" is handled by inflecting the first word of a phrasal verb).
 */
public final class Inflector {
    /** Verb forms in a fixed order: base, 3rd person singular, past, past participle, gerund. */
    public static final int BASE = 0;
    public static final int THIRD = 1;
    public static final int PAST = 2;
    public static final int PARTICIPLE = 3;
    public static final int GERUND = 4;


    private final Map<String, String[]> irregularVerbs;
    private final Map<String, String> irregularPlurals;

    private Inflector(Map<String, String[]> verbs, Map<String, String> plurals) {
        this.irregularVerbs = verbs;
        this.irregularPlurals = plurals;
    }

    /**
     * The English inflector. It is immutable, so one instance, read once from the two resource
     * files, serves every caller (each table and parser used to read its own, on every start-up).
     */
    public static Inflector english() {
        return English.INSTANCE;
    }

    /** Loaded on first use only (the holder idiom: the JVM's class initialisation makes it thread-safe). */
    private static final class English {
        static final Inflector INSTANCE = load();
    }

    private static Inflector load() {
        Map<String, String[]> verbs = new HashMap<>();
        for (String[] f : rows("/irregular-verbs.txt")) {
            verbs.put(f[0], new String[] {f[0], f[1], f[2], f[3], f[4]});
        }
        Map<String, String> plurals = new HashMap<>();
        for (String[] f : rows("/irregular-nouns.txt")) {
            plurals.put(f[0], f[1]);
        }
        return new Inflector(java.util.Collections.unmodifiableMap(verbs), java.util.Collections.unmodifiableMap(plurals));
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Inflector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five verb forms of a one-word verb. */
    public String[] verbForms(String verb) {
        String[] irr = irregularVerbs.get(verb);
        if (irr != null) {
            return irr.clone();
        }
        String third;
        if (sibilant(verb) || verb.endsWith("o")) {
            third = verb + "es";
        } else if (consonantY(verb)) {
            third = verb.substring(0, verb.length() - 1) + "ies";
        } else {
            third = verb + "s";
        }
        String past;
        String gerund;
        if (verb.endsWith("e") && !verb.endsWith("ee") && !verb.endsWith("ye") && !verb.endsWith("oe")) {
            past = verb + "d";
            gerund = verb.substring(0, verb.length() - 1) + "ing";
        } else if (verb.endsWith("ee")) {
            past = verb + "d";
            gerund = verb + "ing";
        } else if (consonantY(verb)) {
            past = verb.substring(0, verb.length() - 1) + "ied";
            gerund = verb + "ing";
        } else if (doublesFinal(verb)) {
            char c = verb.charAt(verb.length() - 1);
            past = verb + c + "ed";
            gerund = verb + c + "ing";
        } else {
            past = verb + "ed";
            gerund = verb + "ing";
        }
        return new String[] {verb, third, past, past, gerund};
    }

    /**
     * One-syllable verbs ending consonant-vowel-consonant double the consonant (stop, stopped; plan,
     * planned). Longer verbs depend on stress, which spelling does not show; most common ones do not
     * double (open, opened; offer, offered), and the few that do are in irregular-verbs.txt.
     */
    private static boolean doublesFinal(String v) {
        int n = v.length();
        if (n < 3) {
            return false;
        }
        char a = v.charAt(n - 3);
        char b = v.charAt(n - 2);
        char c = v.charAt(n - 1);
        return syllables(v) == 1 && !vowel(a) && vowel(b) && !vowel(c) && "wxy".indexOf(c) < 0;
    }

    // plain character tests: these run for every dictionary line at start-up
    private static boolean sibilant(String w) {
        return w.endsWith("s") || w.endsWith("sh") || w.endsWith("ch") || w.endsWith("x") || w.endsWith("z");
    }

    private static boolean consonantY(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == 'y' && !vowel(w.charAt(n - 2));
    }

    private static int syllables(String v) {
        int groups = 0;
        boolean in = false;
        for (int i = 0; i < v.length(); i++) {
            boolean x = vowel(v.charAt(i));
            if (x && !in) {
                groups++;
            }
            in = x;
        }
        return groups;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    public String plural(String noun) {
        String irr = irregularPlurals.get(noun);
        if (irr != null) {
            return irr;
        }
        if (sibilant(noun)) {
            return noun + "es";
        }
        if (consonantY(noun)) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    /**
     * The five forms of a phrase: a one-word phrase is inflected, a longer verb phrase inflects its
     * first word (phrasal verbs: "cut back" -> "cutting back"); a longer noun phrase inflects its last
     * word (nounPhrase). The head's forms are computed once for all five.
     */
    public String[] verbPhraseForms(String phrase) {
        int sp = phrase.indexOf(' ');
        String[] f = verbForms(sp < 0 ? phrase : phrase.substring(0, sp));
        if (sp >= 0) {
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] + phrase.substring(sp);
            }
        }
        return f;
    }

    public String nounPhrase(String phrase) {
        int sp = phrase.lastIndexOf(' ');
        return sp < 0 ? plural(phrase) : phrase.substring(0, sp + 1) + plural(phrase.substring(sp + 1));
    }
}
