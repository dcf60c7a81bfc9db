package dev.unspin.cli;

import java.util.Map;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.LookupTranslator;

/**
 * Tab-separated output that stays one record a line whatever the text holds: backslash, tab, newline
 * and carriage return inside a field are written as \\, \t, \n and \r (the "linear TSV" convention that
 * PostgreSQL's COPY and most TSV readers understand), so `cut -f` and `sort -t$'\t'` keep working.
 */
final class Tsv {
    private static final CharSequenceTranslator ESCAPE = new LookupTranslator(Map.of("\\", "\\\\", "\t", "\\t", "\n", "\\n", "\r", "\\r"));

    private Tsv() {
    }

    static String field(Object value) {
        return value == null ? "" : ESCAPE.translate(value.toString());
    }

    /** One record: the fields escaped and joined by tabs (no line end). */
    static String row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(field(fields[i]));
        }
        return sb.toString();
    }
}
