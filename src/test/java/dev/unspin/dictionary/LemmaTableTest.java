package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LemmaTableTest {
    private static final List<String> LINES = List.of(
            "# a five-line lemma table",
            "mention\tv\tsay,bring up,cite",
            "bring up\tv\tmention,raise",
            "loaner\tn\tlender,loan provider",
            "sizable\ta\tlarge,big",
            "record\tn\tbook");

    private static LemmaTable table() throws DictionaryException {
        return LemmaTable.parse("t.tsv", LINES);
    }

    @Test
    void aSpunWordIsLemmatisedAndEveryOriginalInflectedIntoItsForm() throws Exception {
        LemmaTable t = table();
        assertEquals(List.of("said", "brought up", "cited"), t.originals("mentioned", 6));
        assertEquals(List.of("says", "brings up", "cites"), t.originals("mentions", 6));
        assertEquals(List.of("saying", "bringing up", "citing"), t.originals("mentioning", 6));
        assertEquals(List.of("say", "bring up", "cite"), t.originals("mention", 6));
        // a noun phrase inflects its last word
        assertEquals(List.of("lenders", "loan providers"), t.originals("loaners", 6));
    }

    @Test
    void multiWordLemmasMatchAsPhrasesInflectedOnTheirFirstWord() throws Exception {
        LemmaTable t = table();
        assertEquals(2, t.maxWords());
        assertEquals(List.of("mentioned", "raised"), t.originals("brought up", 6));
        assertEquals(List.of("mentioning", "raising"), t.originals("bringing up", 6));
    }

    @Test
    void thePartOfSpeechDecidesWhichFormsExist() throws Exception {
        LemmaTable t = table();
        // adjectives are matched as written only; a noun has no past tense
        assertEquals(List.of("large", "big"), t.originals("sizable", 6));
        assertTrue(t.originals("sizables", 6).isEmpty());
        assertTrue(t.originals("recorded", 6).isEmpty());
        assertEquals(List.of("books"), t.originals("records", 6));
        assertTrue(t.originals("unknown", 6).isEmpty());
    }

    @Test
    void theLimitKeepsTheBestFirst() throws Exception {
        assertEquals(List.of("said"), table().originals("mentioned", 1));
        assertEquals(List.of("lender"), table().originals("loaner", 1));
    }

    @Test
    void aMalformedLineNamesItsFileAndLine() {
        DictionaryException e = assertThrows(DictionaryException.class, () -> LemmaTable.parse("t.tsv", List.of("mention\tv\tsay", "cite\tx\tquote")));
        assertTrue(e.getMessage().startsWith("t.tsv:2:"), e.getMessage());
        DictionaryException f = assertThrows(DictionaryException.class, () -> LemmaTable.parse("t.tsv", List.of("mention say")));
        assertTrue(f.getMessage().startsWith("t.tsv:1:"), f.getMessage());
    }
}
