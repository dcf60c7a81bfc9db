package dev.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A one-line progress display on a terminal (files done, words per second, ETA); silent elsewhere. */
final class Progress {
    /** Set (to anything but empty) to turn the progress line off without -q, e.g. in CI logs. */
    static final String OFF_ENV = "UNSPIN_NO_PROGRESS";

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

    /**
     * Whether to draw: the progress line goes to standard error, so it is drawn when standard error is a
     * terminal, whatever stdin and stdout are (System.console() looks at those and is wrong both ways:
     * `2> log` would fill the log with frames, `> out` would show none); never with -q, UNSPIN_NO_PROGRESS
     * or TERM=dumb (no carriage returns).
     */
    static boolean wanted(boolean quiet, Map<String, String> env) {
        return !quiet && isEmpty(env.get(OFF_ENV)) && !"dumb".equals(env.get("TERM")) && isTerminal(2);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /**
     * Whether file descriptor fd of this process is a terminal. Java 17 has no isatty; on Linux
     * /proc/self/fd/N is a link to the terminal device. Elsewhere this says no, and there is no progress.
     */
    static boolean isTerminal(int fd) {
        return isTerminalLink(Path.of("/proc/self/fd/" + fd));
    }

    static boolean isTerminalLink(Path fdLink) {
        try {
            String t = Files.readSymbolicLink(fdLink).toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
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
        int filled = total == 0 ? width : (int) (width * Math.min(done, total) / total);
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
