package dev.unspin.restore;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.unspin.text.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of edits shared by `fix --json`, batch reports and the other commands' JSON output,
 * written by jackson-jr (no string building). One edit is an object with these keys, in this order:
 * <ul>
 * <li>{@code start}, {@code end}: the replaced span of the input in UTF-16 code units (Java and
 *     JavaScript string indices),</li>
 * <li>{@code line}, {@code column}: 1-based, of {@code start} (column in UTF-16 code units),</li>
 * <li>{@code before}, {@code after}, {@code source} (the entry kind or rule), {@code entry} (file:line),
 *     {@code gain} (log10, 3 decimals; null without a language model),
 *     {@code probability} (the calibrated probability that the edit restores the original; null for rules and --no-lm),</li>
 * <li>{@code cp_start}, {@code cp_end}: the same span in Unicode code points (Python string indices:
 *     {@code text[cp_start:cp_end] == before}).</li>
 * </ul>
 * Maps keep their insertion order, so the output is stable.
 */
public final class EditJson {
    /** Compact JSON that keeps null values (a missing gain is null, not an absent key). */
    private static final JSON COMPACT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    /** Python's json.dumps layout: ", " between items and ": " after keys, on one line. */
    private static final JSON PYTHON = COMPACT.with(new PythonStyle());

    private EditJson() {
    }

    /** The edits as a JSON array (see the class comment for the keys). */
    public static String edits(String input, List<Edit> edits) {
        return write(editList(input, edits));
    }

    /** The edits as maps, to embed in a larger document written by {@link #write}. */
    public static List<Map<String, Object>> editList(String input, List<Edit> edits) {
        LineIndex lines = new LineIndex(input);
        List<Map<String, Object>> out = new ArrayList<>(edits.size());
        int cu = 0; // code points are counted incrementally: edits come in input order
        int cp = 0;
        for (Edit e : edits) {
            if (e.start() < cu) {
                cu = 0;
                cp = 0;
            }
            int cpStart = cp + input.codePointCount(cu, e.start());
            int cpEnd = cpStart + input.codePointCount(e.start(), e.end());
            cu = e.start();
            cp = cpStart;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", e.start());
            m.put("end", e.end());
            m.put("line", lines.line(e.start()));
            m.put("column", lines.column(e.start()));
            m.put("before", e.before());
            m.put("after", e.after());
            m.put("source", e.source().name().toLowerCase(Locale.ROOT));
            m.put("entry", e.entry());
            m.put("gain", Double.isFinite(e.gain()) ? BigDecimal.valueOf(e.gain()).setScale(3, RoundingMode.HALF_UP) : null);
            m.put("probability", Double.isFinite(e.probability()) ? BigDecimal.valueOf(e.probability()).setScale(3, RoundingMode.HALF_UP) : null);
            m.put("cp_start", cpStart);
            m.put("cp_end", cpEnd);
            out.add(m);
        }
        return out;
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        return write(s);
    }

    /** Any tree of maps, lists, strings, numbers, booleans and nulls as compact JSON on one line. */
    public static String write(Object value) {
        try {
            return COMPACT.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e); // in-memory: only on unsupported types
        }
    }

    /** As {@link #write}, laid out like Python's json.dumps (for output that must match score.py's). */
    public static String writePythonStyle(Object value) {
        try {
            return PYTHON.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** ", " and ": " separators, no line breaks. */
    private static final class PythonStyle extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
