package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unspin.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledDictionaryTest {
    @Test
    void theBuildsCompiledFormHoldsExactlyWhatTheTextSays() throws Exception {
        List<Entry> compiled = CompiledDictionary.readBundled();
        assertNotNull(compiled, "the build compiles the bundled dictionaries (pom.xml, process-classes)");
        List<Entry> text = new DictionaryLoader(Fixtures.get().analyzer).parseBundledText();
        assertEquals(text.size(), compiled.size());
        for (int i = 0; i < text.size(); i++) {
            assertEquals(text.get(i), compiled.get(i), "entry " + i);
        }
    }

    @Test
    void aCompiledFormMadeFromOtherTextIsIgnored() throws Exception {
        List<Entry> entries = List.of(new Entry(List.of("corporate"), List.of("company"), Kind.CONTEXT, false, "x.txt:3"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledDictionary.write(entries, 42L, out);
        assertEquals(entries, CompiledDictionary.read(new ByteArrayInputStream(out.toByteArray()), 42L));
        assertNull(CompiledDictionary.read(new ByteArrayInputStream(out.toByteArray()), 43L));
        // packed in a jar with its text by one build: the text is not read again to compare
        assertEquals(entries, CompiledDictionary.read(new ByteArrayInputStream(out.toByteArray()), CompiledDictionary.PACKED));
    }
}
