package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.unspin.dictionary.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edit JSON: real JSON (parsed back), both offset conventions, keys in a stable order. */
class EditJsonTest {
    @Test
    void offsetsInUtf16AndInCodePointsBothPointAtTheSpunWords() throws Exception {
        // an emoji (two UTF-16 units, one code point) and a line break before the edits
        String input = "Big 🎉 news\nThe corporate mentioned \"it\".";
        int c = input.indexOf("corporate");
        int m = input.indexOf("mentioned");
        List<Edit> edits = List.of(new Edit(c, c + 9, "corporate", "company", Kind.CONTEXT, "news-core.txt:1", 3.26849),
                new Edit(m, m + 9, "mentioned", "said", Kind.CONTEXT, "news-core.txt:2", Double.NaN));
        List<Object> parsed = JSON.std.listFrom(EditJson.edits(input, edits));
        assertEquals(2, parsed.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) parsed.get(0);
        assertEquals(List.of("start", "end", "line", "column", "before", "after", "source", "entry", "gain", "probability", "cp_start", "cp_end"),
                List.copyOf(first.keySet()));
        int start = ((Number) first.get("start")).intValue();
        int cpStart = ((Number) first.get("cp_start")).intValue();
        int cpEnd = ((Number) first.get("cp_end")).intValue();
        assertEquals("corporate", input.substring(start, ((Number) first.get("end")).intValue()));
        assertEquals(start - 1, cpStart, "the emoji is one code point");
        // what Python's text[cp_start:cp_end] returns
        int[] cps = input.codePoints().toArray();
        assertEquals("corporate", new String(cps, cpStart, cpEnd - cpStart));
        assertEquals(2, ((Number) first.get("line")).intValue());
        assertEquals(5, ((Number) first.get("column")).intValue());
        assertEquals(3.268, ((Number) first.get("gain")).doubleValue(), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) parsed.get(1);
        assertNull(second.get("gain"), "no model: null, present");
        assertEquals(true, second.containsKey("gain"));
        assertEquals("mentioned", new String(cps, ((Number) second.get("cp_start")).intValue(), 9));
    }

    @Test
    void quoteEscapesWhatJsonRequires() throws Exception {
        String s = "tab\there \"quoted\" back\\slash\nline \u0001 é";
        assertEquals(s, JSON.std.anyFrom(EditJson.quote(s)));
        assertEquals("\"a/b\"", EditJson.quote("a/b"));
    }

    @Test
    void pythonStyleLayoutMatchesJsonDumps() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("P", new java.math.BigDecimal("0.9697"));
        m.put("tp", 32);
        m.put("layout_ok", true);
        m.put("xs", List.of(1, 2));
        assertEquals("{\"P\": 0.9697, \"tp\": 32, \"layout_ok\": true, \"xs\": [1, 2]}", EditJson.writePythonStyle(m));
    }
}
