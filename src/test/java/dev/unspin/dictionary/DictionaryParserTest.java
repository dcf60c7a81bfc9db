package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DictionaryParserTest {
    private final DictionaryLoader loader = new DictionaryLoader(Fixtures.get().analyzer);
    private final DictionaryParser parser = loader.parser();

    @Test
    void parsesEntriesFlagsAndComments() throws Exception {
        assertNull(parser.parseLine("f", 1, "# a comment"));
        assertNull(parser.parseLine("f", 2, "   "));
        DictionaryParser.Line l = parser.parseLine("f", 3, "in keeping with  =>  according to | in line with ; ctx   # why");
        assertEquals("in keeping with", l.spun());
        assertEquals(List.of("according to", "in line with"), l.originals());
        assertEquals(Kind.CONTEXT, l.kind());
        assertEquals(Kind.ALWAYS, parser.parseLine("f", 4, "working system => operating system").kind());
    }

    @Test
    void malformedLinesSayFileLineAndWhy() {
        assertEquals("d.txt:7: no '=>' between spun phrase and original",
                assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 7, "mentioned said")).getMessage());
        assertTrue(assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 8, " => said")).getMessage().contains("empty spun"));
        assertTrue(assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 9, "a => b |")).getMessage().contains("empty original"));
        assertTrue(assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 10, "a => b ; sometimes")).getMessage().contains("unknown flag 'sometimes'"));
        assertTrue(assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 11, "said => Said")).getMessage().contains("equals"));
        assertTrue(assertThrows(DictionaryException.class, () -> parser.parseLine("d.txt", 12, "a => b => c")).getMessage().contains("more than one"));
    }

    @Test
    void verbEntriesCoverInflectedForms() throws Exception {
        DictionaryParser.Line l = parser.parseLine("f", 1, "mention => say ; ctx verb");
        var byspun = parser.expand(l).stream().collect(Collectors.toMap(Entry::spunText, e -> e.originals().get(0), (a, b) -> a));
        assertEquals("say", byspun.get("mention"));
        assertEquals("says", byspun.get("mentions"));
        assertEquals("said", byspun.get("mentioned"));
        assertEquals("saying", byspun.get("mentioning"));
        var phrasal = parser.expand(parser.parseLine("f", 2, "cut back => reduce ; ctx verb")).stream().map(Entry::spunText).toList();
        assertTrue(phrasal.containsAll(List.of("cut back", "cuts back", "cutting back")), phrasal.toString());
        var noun = parser.expand(parser.parseLine("f", 3, "working system => operating system ; noun")).get(1);
        assertEquals("working systems", noun.spunText());
        assertEquals("operating systems", noun.originals().get(0));
    }

    @Test
    void inflectorSpelling() {
        Inflector inf = Inflector.english();
        assertEquals(List.of("stop", "stops", "stopped", "stopped", "stopping"), List.of(inf.verbForms("stop")));
        assertEquals(List.of("try", "tries", "tried", "tried", "trying"), List.of(inf.verbForms("try")));
        assertEquals(List.of("open", "opens", "opened", "opened", "opening"), List.of(inf.verbForms("open")));
        assertEquals("begun", inf.verbForms("begin")[Inflector.PARTICIPLE]);
        assertEquals("companies", inf.plural("company"));
        assertEquals("children", inf.plural("child"));
    }

    @Test
    void bundledDictionariesAreClean() throws Exception {
        List<DictionaryParser.Line> lines = loader.bundledLines();
        assertTrue(lines.size() >= 500, "bundled entries: " + lines.size());
        // the issue asks for a clean check: no errors and no warnings either
        assertEquals(List.of(), DictionaryChecker.check(lines));
    }

    @Test
    void checkerFindsConflictsCyclesAndDuplicates() throws Exception {
        List<DictionaryParser.Line> lines = List.of(
                parser.parseLine("x", 1, "safety => security ; ctx"),
                parser.parseLine("x", 2, "safety => security ; always"),
                parser.parseLine("x", 3, "foo bar => baz"),
                parser.parseLine("x", 4, "baz => foo bar"),
                parser.parseLine("x", 5, "need => want ; ctx"),
                parser.parseLine("x", 6, "want => need ; ctx"),
                parser.parseLine("x", 7, "need => want ; ctx"),
                parser.parseLine("x", 8, "fb => Facebook ; case"),
                parser.parseLine("x", 9, "Fb => Facebook ; case"),
                parser.parseLine("x", 10, "fb => Facebook ; case"));
        List<String> found = DictionaryChecker.check(lines).stream().map(Object::toString).toList();
        assertTrue(found.contains("x:2: error: 'safety' is always here but context at x:1"), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("x:3: error: cycle")), found.toString());
        assertTrue(found.stream().noneMatch(s -> s.startsWith("x:5: error") || s.startsWith("x:6: error")), found.toString());
        assertTrue(found.contains("x:7: warning: duplicate of x:5"), found.toString());
        // case-sensitive entries that differ in case are different entries; the same one twice is not
        assertTrue(found.stream().noneMatch(s -> s.startsWith("x:9:")), found.toString());
        assertTrue(found.contains("x:10: warning: duplicate of x:8"), found.toString());
    }
}
