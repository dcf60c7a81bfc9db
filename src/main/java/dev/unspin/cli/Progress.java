package dev.unspin.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress display on a terminal (files done, words per second, ETA); silent elsewhere. */
final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long total;
    private final long t0 = System.nanoTime();
    private long done;
    private long words;
    private long lastDraw;

    Progress(PrintWriter err, boolean on, long total) {
        this.err = err;
        this.on = on;
        this.total = total;
    }

    /** Called with the batch's lock held: one file finished. */
    void step(long fileWords) {
        done++;
        words += fileWords;
        long now = System.nanoTime();
        if (!on || (now - lastDraw < 200_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        double secs = (now - t0) / 1e9;
        double eta = done == 0 ? 0 : secs / done * (total - done);
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d files  %,.0f words/s  ETA %d:%02d ", "#".repeat(filled), " ".repeat(width - filled), done, total,
                words / Math.max(secs, 1e-9), (long) eta / 60, (long) eta % 60);
        err.flush();
    }

    void clear() {
        if (on) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
