package dev.unspin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import dev.unspin.text.LineIndex;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StreamRestorerTest {
    private final Restorer restorer = Fixtures.get().restorer;

    private record Run(String text, String json, int blocks) {
    }

    private Run run(String input, int limit) throws Exception {
        StringBuilder out = new StringBuilder();
        List<String> json = new ArrayList<>();
        int[] blocks = {0};
        new StreamRestorer(restorer::restore, limit).restore(new StringReader(input), b -> {
            blocks[0]++;
            out.append(b.result().text());
            String j = StreamRestorer.editsJson(b);
            if (!j.isEmpty()) {
                json.add(j);
            }
        });
        return new Run(out.toString(), "[" + String.join(",", json) + "]", blocks[0]);
    }

    @Test
    void aDocumentUpToTheBlockSizeIsRestoredWholeExactlyAsTheRestorerDoes() throws Exception {
        String spun = "The corporate mentioned on Friday that the working system was patched.\n\nOthers will comply with swimsuit.\n";
        Result whole = restorer.restore(spun);
        Run r = run(spun, spun.length());
        assertEquals(1, r.blocks());
        assertEquals(whole.text(), r.text());
        assertEquals(EditJson.edits(spun, whole.edits()), r.json(), "a whole-document block uses EditJson itself");
    }

    @Test
    void aLongLineWithoutBreaksKeepsARepairThatStraddlesEveryPossibleCut() throws Exception {
        // one line, no newline: wherever the limit falls, the cut moves back to a sentence end
        String line = "The company said on Tuesday that the update ships in March. Other vendors are expected to comply with swimsuit. "
                + "Analysts said the move was an early sign.";
        String target = "comply with swimsuit";
        int at = line.indexOf(target);
        for (int limit = at + 2; limit < at + target.length() + 3; limit += 3) {
            Run r = run(line, limit);
            assertTrue(r.blocks() > 1, "limit " + limit);
            assertTrue(r.text().contains("expected to follow suit"), "limit " + limit + ": " + r.text());
        }
    }

    @Test
    void editsOfLaterBlocksHaveOffsetsLinesAndColumnsInTheWholeDocument() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append("Paragraph ").append(i).append(": the new working system ships. Others will comply with swimsuit.\n");
            if (i % 3 == 2) {
                sb.append('\n');
            }
        }
        String text = sb.toString();
        Run r = run(text, 300);
        assertTrue(r.blocks() >= 3, "blocks: " + r.blocks());
        LineIndex lines = new LineIndex(text);
        Matcher m = Pattern.compile("\\{\"start\":(\\d+),\"end\":(\\d+),\"line\":(\\d+),\"column\":(\\d+),\"before\":\"([^\"]*)\"").matcher(r.json());
        int n = 0;
        while (m.find()) {
            int start = Integer.parseInt(m.group(1));
            int end = Integer.parseInt(m.group(2));
            assertEquals(m.group(5), text.substring(start, end), "offsets point at the spun words");
            assertEquals(lines.line(start), Integer.parseInt(m.group(3)));
            assertEquals(lines.column(start), Integer.parseInt(m.group(4)));
            n++;
        }
        assertTrue(n >= 24, "edits found: " + n + " in " + r.json());
        assertTrue(r.text().contains("Paragraph 11: the new operating system ships. Others will follow suit."), r.text());
    }
    @Test
    void blocksRestoredInParallelComeOutInOrderAndEqualTheSequentialRun() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("Paragraph ").append(i).append(": the new working system ships. Others will comply with swimsuit.\n\n");
        }
        String text = sb.toString();
        Run seq = run(text, 250);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            StringBuilder out = new StringBuilder();
            List<String> json = new ArrayList<>();
            StreamRestorer.Totals t = new StreamRestorer(restorer::restore, 250).restore(new StringReader(text), b -> {
                out.append(b.result().text());
                String j = StreamRestorer.editsJson(b);
                if (!j.isEmpty()) {
                    json.add(j);
                }
            }, pool, 3);
            assertEquals(seq.text(), out.toString());
            assertEquals(seq.json(), "[" + String.join(",", json) + "]");
            assertEquals(text.length(), t.chars());
            assertEquals(120, t.changes());
        } finally {
            pool.shutdownNow();
        }
    }
}
