package dev.unspin.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Real paths for the overwrite checks: an output is compared with the inputs after following every
 * symbolic link, so a link (or a folder given twice under two names) cannot smuggle an input in as an
 * output. Works for paths that do not exist yet: the longest existing prefix is resolved and the rest
 * appended.
 */
public final class PathGuard {
    private static final int MAX_LINKS = 40;

    private PathGuard() {
    }

    /** The real, absolute path p names or would name once created, every symbolic link followed, dangling ones included. */
    public static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath();
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            if (Files.exists(abs)) {
                try {
                    return abs.toRealPath();
                } catch (java.nio.file.NoSuchFileException e) {
                    // a /proc magic link to a pipe (bash's <(cmd)): it exists but has no path
                    return abs.normalize();
                }
            }
            if (Files.isSymbolicLink(abs)) {
                Path target = Files.readSymbolicLink(abs);
                Path parent = abs.getParent();
                abs = parent == null ? target.toAbsolutePath() : parent.resolve(target);
                continue;
            }
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                // exists but cannot be followed (a symbolic link loop further down): keep what we have
                return abs.normalize();
            }
            Path parent = abs.getParent();
            Path name = abs.getFileName();
            if (parent == null || name == null) {
                return abs.normalize();
            }
            return real(parent).resolve(name).normalize();
        }
        throw new OutputException(p.toString(), "too many levels of symbolic links");
    }

    /** Whether real path a is b or lies inside folder b (both from {@link #real}). */
    public static boolean within(Path a, Path b) {
        return a.startsWith(b);
    }
}
