package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The moves aligned from real spun pages and their originals (dictionaries/harvested-moves.tsv, built
 * by scripts/harvest-moves.py): spinner-style moves become context candidates of two families, the
 * phrase spinner's padding ("ended up being" for "was") and the word spinners' swaps. Rewrites by
 * paraphrasers and machine translation ("other") are not a spinner's moves and are left out.
 */
public final class HarvestedMoves {
    public static final String BUNDLED = "/dictionaries/harvested-moves.tsv";

    /** Letters, apostrophes, spaces and hyphens: figures and punctuation are the number rule's, or alignment noise. */
    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[\\p{L}'’ -]+");

    private HarvestedMoves() {
    }

    /** The bundled moves as two dictionaries: [0] phrase-spinner moves, [1] the other spinner styles. */
    public static PhraseDictionary[] bundled() throws IOException {
        InputStream in = HarvestedMoves.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IOException("bundled resource " + BUNDLED + " is missing from the build");
        }
        List<Entry> phrase = new ArrayList<>();
        List<Entry> words = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int no = 0;
            for (String line; (line = r.readLine()) != null; ) {
                no++;
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 5 || f[0].equals("spun")) {
                    continue;
                }
                String style = f[4];
                boolean isPhrase = style.contains("phrase-spinner");
                if (!isPhrase && !style.contains("word-spinner") && !style.contains("tortured") && !style.contains("name-mangler")) {
                    continue;
                }
                if (!WORDS.matcher(f[0]).matches() || !WORDS.matcher(f[1]).matches()) {
                    continue;
                }
                Entry e = new Entry(List.of(f[0].toLowerCase(Locale.ROOT).split(" ")), List.of(f[1]), Kind.CONTEXT, false,
                        "harvested-moves.tsv:" + no);
                (isPhrase ? phrase : words).add(e);
            }
        }
        return new PhraseDictionary[] {new PhraseDictionary(phrase), new PhraseDictionary(words)};
    }
}
