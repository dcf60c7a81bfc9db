package dev.unspin.batch;

import dev.unspin.restore.Edit;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import dev.unspin.text.LineIndex;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Restores a text stream block by block (see {@link Chunker}) in bounded memory and hands each restored
 * block, with its position in the whole document, to a sink that writes text, diff, JSON or explanations.
 * Single-file mode and batch mode both go through here.
 */
public final class StreamRestorer {
    /**
     * One restored block. {@code result}'s edit offsets are relative to {@code text}; {@code offset} (chars),
     * {@code line} and {@code column} (1-based) place the block's first char in the whole document.
     */
    public record Block(String text, Result result, long offset, long line, long column, boolean first, boolean last) {
        /** Whether this block is the whole document (then offsets in the block are offsets in the document). */
        public boolean whole() {
            return first && last;
        }

        /** Line of a block offset in the whole document. */
        long line(LineIndex local, int at) {
            return line + local.line(at) - 1;
        }

        long column(LineIndex local, int at) {
            int l = local.line(at);
            return l == 1 ? column + local.column(at) - 1 : local.column(at);
        }
    }

    /** Receives the blocks of one document in order. */
    public interface Sink {
        void accept(Block b) throws IOException;
    }

    /** Figures for the whole document. */
    public record Totals(long chars, long words, long changes) {
    }

    private final Function<String, Result> restorer;
    private final int blockChars;

    public StreamRestorer(Restorer restorer) {
        this(restorer::restore, Chunker.BLOCK_CHARS);
    }

    public StreamRestorer(Function<String, Result> restorer, int blockChars) {
        this.restorer = restorer;
        this.blockChars = blockChars;
    }

    public int blockChars() {
        return blockChars;
    }

    public Totals restore(Reader in, Sink sink) throws IOException {
        Chunker chunks = new Chunker(in, blockChars);
        long offset = 0;
        long line = 1;
        long column = 1;
        long words = 0;
        long changes = 0;
        boolean inWord = false;
        boolean first = true;
        for (String text = chunks.next(); text != null; text = chunks.next()) {
            Result r = restorer.apply(text);
            sink.accept(new Block(text, r, offset, line, column, first, chunks.atEnd()));
            first = false;
            changes += r.edits().size();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean w = !Character.isWhitespace(c);
                if (w && !inWord) {
                    words++;
                }
                inWord = w;
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            offset += text.length();
        }
        return new Totals(offset, words, changes);
    }

    /**
     * The block's edits as JSON objects with offsets, lines and columns in the whole document, comma
     * separated, in the format of {@link EditJson#edits} (which a whole-document block uses directly).
     */
    public static String editsJson(Block b) {
        if (b.whole()) {
            String all = EditJson.edits(b.text(), b.result().edits());
            return all.substring(1, all.length() - 1);
        }
        List<Edit> edits = b.result().edits();
        if (edits.isEmpty()) {
            return "";
        }
        LineIndex lines = new LineIndex(b.text());
        StringBuilder sb = new StringBuilder();
        for (Edit e : edits) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("{\"start\":").append(b.offset() + e.start()).append(",\"end\":").append(b.offset() + e.end())
                    .append(",\"line\":").append(b.line(lines, e.start())).append(",\"column\":").append(b.column(lines, e.start()))
                    .append(",\"before\":").append(EditJson.quote(e.before()))
                    .append(",\"after\":").append(EditJson.quote(e.after()))
                    .append(",\"source\":").append(EditJson.quote(e.source().name().toLowerCase(Locale.ROOT)))
                    .append(",\"entry\":").append(EditJson.quote(e.entry())).append(",\"gain\":")
                    .append(Double.isNaN(e.gain()) ? "null" : String.format(Locale.ROOT, "%.3f", e.gain())).append('}');
        }
        return sb.toString();
    }

    /** --explain lines for the block: name:line:column: "spun" -> "restored" (source entry, gain), control chars escaped. */
    public static String explain(String name, Block b) {
        List<Edit> edits = b.result().edits();
        if (edits.isEmpty()) {
            return "";
        }
        LineIndex lines = new LineIndex(b.text());
        StringBuilder sb = new StringBuilder();
        String safeName = Messages.safe(name);
        for (Edit e : edits) {
            sb.append(String.format(Locale.ROOT, "%s:%d:%d: \"%s\" -> \"%s\" (%s %s%s)%n", safeName, b.line(lines, e.start()), b.column(lines, e.start()),
                    Messages.safe(e.before()), Messages.safe(e.after()), e.source().name().toLowerCase(Locale.ROOT), Messages.safe(e.entry()),
                    Double.isNaN(e.gain()) ? "" : String.format(Locale.ROOT, ", gain %+.2f", e.gain())));
        }
        return sb.toString();
    }
}
