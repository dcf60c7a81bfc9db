package dev.unspin.batch;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiPredicate;

/**
 * Walks the batch inputs lazily (one open folder per depth, no file list in memory) and says what each
 * entry is, so that nothing vanishes silently: regular files (and symbolic links to them) are inputs;
 * FIFOs, sockets, devices, dangling links, link loops and links to folders come out as skipped with the
 * reason, and an unreadable folder as failed. A folder named on the command line is followed even when
 * it is a symbolic link; links to folders inside the tree are not followed (they could loop or leave the
 * tree), only reported. Our own temporary files are never inputs.
 */
public final class Walker implements Iterator<Walker.Entry>, AutoCloseable {
    /**
     * One entry: path (as the user would write it), the root it was found under, its path relative to that
     * root (the file name for a file root); skip is null for an input, else why it is not one; failed marks
     * an entry that could not be read at all.
     */
    public record Entry(Path path, Path root, Path rel, String skip, boolean failed) {
        public boolean isInput() {
            return skip == null;
        }
    }

    private record Level(DirectoryStream<Path> stream, Iterator<Path> it, Path root) {
    }

    private final Iterator<Path> roots;
    /** (path relative to root, whether it is a folder) -> wanted. */
    private final BiPredicate<Path, Boolean> wanted;
    private final Deque<Level> stack = new ArrayDeque<>();
    private Entry next;

    public Walker(List<Path> roots, BiPredicate<Path, Boolean> wanted) {
        this.roots = roots.iterator();
        this.wanted = wanted;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (stack.isEmpty()) {
                if (!roots.hasNext()) {
                    return false;
                }
                next = root(roots.next());
                continue;
            }
            Level top = stack.peek();
            Path p;
            try {
                if (!top.it().hasNext()) {
                    closeQuietly(stack.pop());
                    continue;
                }
                p = top.it().next();
            } catch (DirectoryIteratorException e) {
                closeQuietly(stack.pop());
                next = new Entry(top.root(), top.root(), Path.of(""), "cannot read a folder below it (" + Messages.reason(e.getCause()) + ")", true);
                continue;
            }
            next = child(p, top.root());
        }
        return true;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry e = next;
        next = null;
        return e;
    }

    private Entry root(Path root) {
        if (Files.isDirectory(root)) {
            return open(root, root);
        }
        Path rel = root.getFileName() == null ? root : root.getFileName();
        Path parent = root.getParent() == null ? Path.of("") : root.getParent();
        if (Files.isRegularFile(root)) {
            return new Entry(root, parent, rel, null, false);
        }
        return new Entry(root, parent, rel, kind(root), false);
    }

    /** Pushes folder dir; returns a failed entry if it cannot be read, else null. */
    private Entry open(Path dir, Path root) {
        try {
            DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
            stack.push(new Level(ds, ds.iterator(), root));
            return null;
        } catch (IOException e) {
            return new Entry(dir, root, root.relativize(dir), "cannot read folder (" + Messages.reason(e) + ")", true);
        }
    }

    private Entry child(Path p, Path root) {
        Path rel = root.relativize(p);
        if (AtomicOutput.isTempName(p.getFileName().toString())) {
            return null;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return wanted.test(rel, false) ? new Entry(p, root, rel, "cannot read (" + Messages.reason(e) + ")", true) : null;
        }
        if (a.isDirectory()) {
            return wanted.test(rel, true) ? open(p, root) : null;
        }
        if (a.isRegularFile()) {
            return wanted.test(rel, false) ? new Entry(p, root, rel, null, false) : null;
        }
        if (a.isSymbolicLink()) {
            try {
                BasicFileAttributes t = Files.readAttributes(p, BasicFileAttributes.class);
                if (t.isRegularFile()) {
                    return wanted.test(rel, false) ? new Entry(p, root, rel, null, false) : null;
                }
                if (t.isDirectory()) {
                    return wanted.test(rel, true) ? new Entry(p, root, rel, "symbolic link to a folder, not followed (name it on the command line to include it)", false) : null;
                }
            } catch (NoSuchFileException e) {
                return wanted.test(rel, false) ? new Entry(p, root, rel, "dangling symbolic link", false) : null;
            } catch (FileSystemException e) {
                return wanted.test(rel, false) ? new Entry(p, root, rel, "symbolic link loop", false) : null;
            } catch (IOException e) {
                return wanted.test(rel, false) ? new Entry(p, root, rel, "cannot follow symbolic link (" + Messages.reason(e) + ")", false) : null;
            }
        }
        return wanted.test(rel, false) ? new Entry(p, root, rel, kind(p), false) : null;
    }

    /** Why a path that is not a regular file or folder is skipped. */
    static String kind(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file";
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            try {
                p.toRealPath();
                return "dangling symbolic link";
            } catch (NoSuchFileException e) {
                return "dangling symbolic link";
            } catch (IOException e) {
                return "symbolic link loop";
            }
        }
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "not a regular file (a FIFO)";
                case 0140000:
                    return "not a regular file (a socket)";
                case 0020000:
                    return "not a regular file (a character device)";
                case 0060000:
                    return "not a regular file (a block device)";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // fall through to the generic reason
        }
        return "not a regular file";
    }

    private static void closeQuietly(Level l) {
        try {
            l.stream().close();
        } catch (IOException ignored) {
            // read-only folder handle
        }
    }

    @Override
    public void close() {
        while (!stack.isEmpty()) {
            closeQuietly(stack.pop());
        }
    }
}
