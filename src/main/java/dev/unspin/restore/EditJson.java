package dev.unspin.restore;

import dev.unspin.text.LineIndex;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/** The JSON form of edits shared by `fix --json` and batch reports: offsets in the input, before, after, source, gain. */
public final class EditJson {
    private EditJson() {
    }

    public static String edits(String input, List<Edit> edits) {
        LineIndex lines = new LineIndex(input);
        StringBuilder sb = new StringBuilder("[");
        for (Edit e : edits) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"start\":").append(e.start()).append(",\"end\":").append(e.end())
                    .append(",\"line\":").append(lines.line(e.start())).append(",\"column\":").append(lines.column(e.start()))
                    .append(",\"before\":\"").append(StringEscapeUtils.escapeJson(e.before()))
                    .append("\",\"after\":\"").append(StringEscapeUtils.escapeJson(e.after()))
                    .append("\",\"source\":\"").append(e.source().name().toLowerCase(Locale.ROOT))
                    .append("\",\"entry\":\"").append(StringEscapeUtils.escapeJson(e.entry())).append("\",\"gain\":")
                    .append(Double.isNaN(e.gain()) ? "null" : String.format(Locale.ROOT, "%.3f", e.gain())).append('}');
        }
        return sb.append(']').toString();
    }

    public static String quote(String s) {
        return "\"" + StringEscapeUtils.escapeJson(s) + "\"";
    }
}
