package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReverseThesaurusTest {
    @TempDir
    Path tmp;

    private ReverseThesaurus load() throws Exception {
        return load("say,mention,state,remark\nsecurity,safety,protection\nartificial,counterfeit,synthetic\nintelligence,consciousness\nsnark,mention\n", 5);
    }

    /** A thesaurus file with this text, loaded with the real model's unigram frequencies. */
    private ReverseThesaurus load(String text, int maxCandidates) throws Exception {
        Path f = Files.createTempFile(tmp, "thesaurus", ".txt");
        Files.writeString(f, text);
        return ReverseThesaurus.load(f, ReverseThesaurusTest::unigram, maxCandidates);
    }

    private static double unigram(String w) {
        var m = Fixtures.get().model;
        return m.id(w) < 0 ? Double.NaN : m.unigramLogProb(m.id(w));
    }

    @Test
    void headsListingTheWordAreItsOriginalsInflectedAlike() throws Exception {
        ReverseThesaurus t = load();
        assertEquals(List.of("say"), t.originals("mention"), "'snark' is not a word the model knows, so it is dropped");
        assertEquals(List.of("said"), t.originals("mentioned"));
        assertEquals(List.of("says"), t.originals("mentions"));
        assertEquals(List.of("saying"), t.originals("mentioning"));
        assertEquals(List.of("security"), t.originals("safety"));
        assertTrue(t.originals("unrelated").isEmpty());
    }

    @Test
    void aWordThatIsBothAHeadAndAnInflectionGetsCandidatesFromBothReadings() throws Exception {
        ReverseThesaurus t = load("accomplished\tskilled,expert,able\naccomplish\tcomplete,achieve\n", 4);
        // adjective and past participle in turn, best first, up to the limit
        assertEquals(List.of("skilled", "completed", "expert", "achieved"), t.originals("accomplished"));
    }

    @Test
    void onlyRareLowerCaseWordsAndClauseInitialCapitalsAreAskedAbout() {
        int[] one = {7};
        assertTrue(ReverseThesaurus.asksAbout("biking", false, one, -5.3));
        assertTrue(ReverseThesaurus.asksAbout("Biking", true, one, -5.3), "first word of a sentence");
        assertFalse(ReverseThesaurus.asksAbout("Biking", false, one, -5.3), "a capital inside a sentence: a name");
        assertFalse(ReverseThesaurus.asksAbout("BIKING", true, one, -5.3));
        assertFalse(ReverseThesaurus.asksAbout("within", false, one, -2.0), "too common to be a spinner's synonym");
        assertFalse(ReverseThesaurus.asksAbout("biking", false, new int[] {-1}, -5.3), "unknown to the model");
        assertFalse(ReverseThesaurus.asksAbout("e-bikes", false, one, -5.3));
    }

    @Test
    void jointDecodingRepairsCompoundsWordByWord() throws Exception {
        Fixtures f = Fixtures.get();
        String spun = "Researchers use counterfeit consciousness to sort the images.";
        // "intelligence" for "consciousness" is far likelier when "artificial" may stand before it: the decoder reads the pair together
        Restorer joint = new Restorer(f.analyzer, new PhraseDictionary(List.of()), f.scorer, Options.defaults(), load());
        Restorer alone = new Restorer(f.analyzer, new PhraseDictionary(List.of()), f.scorer, Options.defaults(),
                load("intelligence,consciousness\n", 5));
        double withPair = posterior(joint.analyse(spun), "intelligence");
        double withoutPair = posterior(alone.analyse(spun), "intelligence");
        assertTrue(withPair > 1.2 * withoutPair, withPair + " vs " + withoutPair); // measured: 0.0058 against 0.0034
        // and at a low enough confidence the compound is repaired word by word (a one-sentence text with thesaurus links
        // only; measured with the calibration of 2026-12-02: 2.0e-4 for "artificial", 4.9e-5 for "intelligence")
        assertEquals("Researchers use artificial intelligence to sort the images.",
                joint.with(joint.calibration().withConfidence(1e-5)).restore(spun).text());
    }

    private static double posterior(dev.unspin.restore.DocumentEm.Analysis a, String replacement) {
        var l = a.lattices().get(0);
        for (int k = 0; k < l.candidates().size(); k++) {
            if (l.candidates().get(k).replacement().equals(replacement)) {
                return a.evidence().get(0)[k].posterior();
            }
        }
        throw new AssertionError("no candidate " + replacement);
    }

    @Test
    void rankedFormKeepsItsOrderAndTheBundledOneLoads() throws Exception {
        ReverseThesaurus t = load("# comment\nsafety\tprotection,security,snark\n", 5);
        // "security" is the more frequent word, but the file's order stands; the unknown word goes
        assertEquals(List.of("protection", "security"), t.originals("safety"));
        assertEquals(List.of("protections", "securities"), t.originals("safeties"));

        ReverseThesaurus bundled = ReverseThesaurus.bundled(ReverseThesaurusTest::unigram, 8);
        assertTrue(bundled.originals("broaden").contains("expand"), bundled.originals("broaden").toString());
        assertTrue(bundled.originals("broadened").contains("expanded"), bundled.originals("broadened").toString());
        assertTrue(bundled.originals("consciousness").contains("intelligence"), bundled.originals("consciousness").toString());
    }

    /**
     * The bundled tables are searched in their sorted bytes, not parsed: for every word of both
     * tables, its inflected forms and words they lack, the search gives what the full parse gives.
     * An unsorted line, a stray comment or a key that is not lower case would make some differ.
     */
    @Test
    void sortedSearchOfTheBundledTablesAgreesWithTheFullParse() throws Exception {
        java.util.function.ToDoubleFunction<String> rank = w -> w.startsWith("q") ? Double.NaN : 0; // drops some, as the model would
        Inflector inf = Inflector.english();
        for (String table : List.of(ReverseThesaurus.PPDB, ReverseThesaurus.BUNDLED)) {
            ReverseThesaurus searched = ReverseThesaurus.resource(table, rank, 6);
            ReverseThesaurus parsed = ReverseThesaurus.parsedResource(table, rank, 6);
            int words = 0;
            try (var in = ReverseThesaurus.class.getResourceAsStream(table)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int tab = line.indexOf('\t');
                    if (line.startsWith("#") || tab < 0) {
                        continue;
                    }
                    String w = line.substring(0, tab);
                    for (String form : List.of(w, inf.plural(w), inf.verbForms(w)[Inflector.PAST], w + "zz", "a" + w)) {
                        assertEquals(parsed.originals(form), searched.originals(form), table + ": " + form);
                    }
                    words++;
                }
            }
            assertTrue(words > 20_000, table + " has " + words + " words");
            assertEquals(List.of(), searched.originals("zzzzqx"));
            assertEquals(List.of(), searched.originals(""));
        }
    }
}
