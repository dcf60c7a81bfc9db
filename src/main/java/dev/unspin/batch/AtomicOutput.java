package dev.unspin.batch;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output file, written so that a reader never sees half of it. A regular file (or a new one) is
 * written to a temporary file in the same folder and renamed over the target on {@link #commit}; until
 * then the target is untouched, and {@link #abort} leaves it as it was. A symbolic link is resolved and
 * its final target replaced, so the link stays a link. What is not a regular file (a device such as
 * /dev/null, a FIFO) is written straight through, since renaming over it would replace it.
 *
 * <p>Temporary names are short ({@code .unspin-<pid>-<8 chars>.tmp}), so a 255-byte file name still
 * works, and carry the writer's process id, so a later run can remove the leftovers of a killed one
 * (see {@link #removeStale}) without touching the temporary files of a run still going.
 *
 * <p>Every write error becomes an {@link OutputException} naming the target.
 */
public final class AtomicOutput implements AutoCloseable {
    private static final Pattern TEMP = Pattern.compile("\\.unspin-(\\d{1,10})-[0-9a-z]{8}\\.tmp");

    private final String name;
    private final Path target;
    private final Path tmp;
    private final Set<PosixFilePermission> mode;
    private final OutputStream stream;
    private final Writer writer;
    private boolean done;
    private Path ownerFrom;

    private AtomicOutput(String name, Path target, Path tmp, Set<PosixFilePermission> mode, OutputStream stream) {
        this.name = name;
        this.target = target;
        this.tmp = tmp;
        this.mode = mode;
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens an output for target. The file gets {@code modeForNew} (null: the umask default) unless it
     * exists and {@code keepExistingMode} holds, in which case it keeps its own mode.
     */
    public static AtomicOutput open(Path target, Set<PosixFilePermission> modeForNew, boolean keepExistingMode) throws IOException {
        String name = target.toString();
        Path t;
        try {
            t = PathGuard.real(target);
        } catch (IOException e) {
            throw new OutputException(name, Messages.reason(e));
        }
        if (Files.isDirectory(t)) {
            throw new OutputException(name, "is a directory");
        }
        if (Files.exists(t) && !Files.isRegularFile(t)) {
            try {
                return new AtomicOutput(name, t, null, null, new FileOutputStream(t.toFile()));
            } catch (IOException e) {
                throw new OutputException(name, "cannot open (" + Messages.reason(e) + ")");
            }
        }
        Set<PosixFilePermission> mode = modeForNew;
        if (keepExistingMode && Files.exists(t)) {
            mode = modeOf(t);
        }
        Path dir = t.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(name, "cannot create its folder " + dir + " (" + Messages.reason(e) + ")");
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(tempName());
            try {
                // CREATE_NEW without attributes: mode 0666 less the umask, like a shell redirection
                OutputStream s = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicOutput(name, t, tmp, mode, s);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw new OutputException(name, "cannot create a temporary file in " + dir);
                }
            } catch (IOException e) {
                throw new OutputException(name, "cannot create a temporary file in " + dir + " (" + Messages.reason(e) + ")");
            }
        }
    }

    /** A fresh temporary file name of ours: short, and marked with this process's id. */
    public static String tempName() {
        StringBuilder sb = new StringBuilder(".unspin-").append(ProcessHandle.current().pid()).append('-');
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append(Character.forDigit(r.nextInt(36), 36));
        }
        return sb.append(".tmp").toString();
    }

    /** Whether a file name is one of our temporary files. */
    public static boolean isTempName(String fileName) {
        return TEMP.matcher(fileName).matches();
    }

    /** The POSIX mode of a file, or null where the file system has none. */
    public static Set<PosixFilePermission> modeOf(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** Give the new file the owner and group of src too, where allowed (in-place edits as root keep files their owners'). */
    public void ownerFrom(Path src) {
        this.ownerFrom = src;
    }

    public Writer writer() {
        return writer;
    }

    /** The file finally written (a symbolic link's target). */
    public Path target() {
        return target;
    }

    public void write(String s) throws IOException {
        try {
            writer.write(s);
        } catch (IOException e) {
            throw new OutputException(name, "write failed (" + Messages.reason(e) + ")");
        }
    }

    /** Flushes, closes and renames the temporary file over the target. */
    public void commit() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } catch (IOException e) {
            deleteTemp();
            throw new OutputException(name, "write failed (" + Messages.reason(e) + ")");
        }
        if (tmp == null) {
            return;
        }
        try {
            if (ownerFrom != null) {
                copyOwner(ownerFrom, tmp);
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, mode);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTemp();
            throw new OutputException(name, "cannot replace (" + Messages.reason(e) + ")");
        }
    }

    /** Drops what was written: the target stays as it was (a device or FIFO has had the bytes already). */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the output is dropped anyway
        }
        deleteTemp();
    }

    private static void copyOwner(Path from, Path to) {
        try {
            var src = Files.readAttributes(from, java.nio.file.attribute.PosixFileAttributes.class);
            var view = Files.getFileAttributeView(to, java.nio.file.attribute.PosixFileAttributeView.class);
            if (!src.owner().equals(Files.getOwner(to))) {
                view.setOwner(src.owner());
            }
            view.setGroup(src.group());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // only root may give a file away; everybody else keeps their own files, as sed -i does
        }
    }

    private void deleteTemp() {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is removed by the next run's removeStale
            }
        }
    }

    /** Same as {@link #abort} unless committed: try-with-resources never publishes a half-written file. */
    @Override
    public void close() {
        abort();
    }

    /**
     * Deletes our temporary files left in folder (and below it when recursive) by runs that were killed:
     * those whose process id is not a running process. Returns how many were removed.
     */
    public static int removeStale(Path folder, boolean recursive) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String fn = p.getFileName().toString();
                if (recursive && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    n += removeStale(p, true);
                } else if (isStale(fn)) {
                    try {
                        Files.deleteIfExists(p);
                        n++;
                    } catch (IOException ignored) {
                        // not ours to insist on
                    }
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            // an unreadable folder holds nothing we wrote
        }
        return n;
    }

    static boolean isStale(String fileName) {
        Matcher m = TEMP.matcher(fileName);
        if (!m.matches()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        return pid != ProcessHandle.current().pid() && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AtomicOutput[%s]", name);
    }
}
