package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.dictionary.Entry;
import dev.unspin.restore.DictionaryCandidates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary build's check asks the real restorer, with the proposed file in place of the bundled one of its name. */
class EntryVetterTest {
    @TempDir
    Path tmp;

    @Test
    void theProposedFileTakesThePlaceOfTheBundledFileOfItsName() throws Exception {
        Path proposed = tmp.resolve("news-spinner.txt");
        Files.writeString(proposed, "# two proposed moves\nabruptly => suddenly ; guess\nvalue => cost ; guess verb\n");
        EntryVetter v = EntryVetter.bundled(Fixtures.modelPath(), proposed);
        var dict = ((DictionaryCandidates) v.restorer().generators().get(0)).dictionary();
        List<Entry> spinner = dict.entries().stream().filter(e -> EntryVetter.fileOf(e).equals("news-spinner.txt")).toList();
        assertTrue(spinner.size() >= 2, "the proposed entries and their inflected forms: " + spinner.size());
        for (Entry e : spinner) {
            assertTrue(e.origin().startsWith(proposed.toString()), e.origin());
        }
        // the other bundled files stay
        assertTrue(dict.entries().stream().anyMatch(e -> EntryVetter.fileOf(e).equals("news-core.txt")));

        // the restorer decides as fix does: a spun article is repaired, its clean counterpart is left alone
        String spun = Files.readString(Fixtures.project().resolve("samples/security-update.txt"));
        assertTrue(v.edits(spun).contains("in keeping with\taccording to"), String.valueOf(v.edits(spun)));
        assertEquals(List.of(), v.edits("The company said on Tuesday that the update closes a security hole, according to researchers."));
    }

    @Test
    void anEntrysFileIsTheLastPartOfItsOrigin() {
        Entry e = new Entry(List.of("a"), List.of("b"), dev.unspin.dictionary.Kind.CONTEXT, false, "/tmp/x/news-spinner.txt:12");
        assertEquals("news-spinner.txt", EntryVetter.fileOf(e));
        assertEquals("news-core.txt", EntryVetter.fileOf(new Entry(List.of("a"), List.of("b"), dev.unspin.dictionary.Kind.CONTEXT, false, "news-core.txt:3")));
    }
}
