package dev.unspin.corpus;

import dev.unspin.batch.AtomicOutput;
import dev.unspin.batch.Chunker;
import dev.unspin.batch.Messages;
import dev.unspin.batch.OutputException;
import dev.unspin.batch.PathGuard;
import dev.unspin.batch.Spool;
import dev.unspin.batch.StreamRestorer;
import dev.unspin.batch.StrictUtf8Reader;
import dev.unspin.batch.UnsafeOutputException;
import dev.unspin.batch.Walker;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

/**
 * Restores whole folders: walks the inputs lazily, restores files in parallel with one shared
 * restorer, and writes each output atomically (temporary file, then rename), so an interrupted run
 * never leaves a half-written article. A bad file is reported and skipped; it never stops the batch.
 * Memory stays bounded: the file list is streamed, at most a few files per worker are in flight,
 * and every file is read and restored block by block ({@link Chunker}), whatever its size.
 *
 * <p>Safety rules, all checked before anything is written ({@link #count}): no output may be an input
 * or lie inside an input folder, compared by real path after following symbolic links (so an output
 * folder that is a link to the input, or a link inside it pointing into the input tree, is refused);
 * the output folder may not contain an input folder; inputs may not overlap; two inputs may not map to
 * the same output. {@code --in-place} never overwrites an existing backup.
 */
public final class BatchFixer {
    /** Block size for the restorer (chars); see {@link Chunker}. */
    public static final int BLOCK_CHARS = Chunker.BLOCK_CHARS;

    /**
     * What to do. {@code details}: keep each file's edits and --explain lines for the report;
     * {@code blockChars}: the restorer's block size (tests use a small one).
     */
    public record Settings(List<Path> inputs, Path outDir, boolean inPlace, String backupSuffix, List<String> include,
                           List<String> exclude, int jobs, boolean skipExisting, boolean details, int blockChars) {
        public Settings(List<Path> inputs, Path outDir, boolean inPlace, String backupSuffix, List<String> include,
                        List<String> exclude, int jobs, boolean skipExisting) {
            this(inputs, outDir, inPlace, backupSuffix, include, exclude, jobs, skipExisting, true, BLOCK_CHARS);
        }
    }

    /**
     * What happened to one file (or skipped entry); the report line and the summary are made from these.
     * {@code edits} (JSON objects, comma separated) and {@code explain} (lines) are null unless details
     * were asked for; they are only valid inside the {@link #run} callback.
     */
    public record FileResult(Path input, Path output, String status, String reason, long words, long changes, double spinRate, Spool edits,
                             Spool explain) {
        /** The report line, without its newline. */
        public String json() {
            StringWriter w = new StringWriter();
            try {
                writeJson(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w.toString();
        }

        /** Writes the report line (without its newline); the edits are streamed from their spool. */
        public void writeJson(Writer w) throws IOException {
            StringBuilder sb = new StringBuilder("{\"file\":").append(EditJson.quote(input.toString()));
            if (output != null) {
                sb.append(",\"output\":").append(EditJson.quote(output.toString()));
            }
            sb.append(",\"status\":\"").append(status).append('"');
            if (reason != null) {
                sb.append(",\"reason\":").append(EditJson.quote(reason));
            }
            sb.append(",\"words\":").append(words).append(",\"changes\":").append(changes);
            if (!Double.isNaN(spinRate)) {
                sb.append(",\"spin_rate\":").append(String.format(java.util.Locale.ROOT, "%.4f", spinRate));
            }
            if (edits != null) {
                sb.append(",\"edits\":[");
                w.write(sb.toString());
                edits.writeTo(w);
                w.write("]}");
            } else {
                w.write(sb.append('}').toString());
            }
        }
    }

    public record Summary(long files, long words, long changes, long skipped, long failed, double seconds) {
    }

    private final StreamRestorer restorer;
    private final Settings s;
    private final PathMatcher[] include;
    private final PathMatcher[] exclude;
    /** Real paths of the inputs named on the command line, for the overwrite checks. */
    private final List<Path> realRoots = new ArrayList<>();
    private final List<Path> realDirRoots = new ArrayList<>();
    private final List<Path> extraOutputs = new ArrayList<>();
    private final List<Path> realExtraOutputs = new ArrayList<>();
    private Path realOut;
    private long planned = -1;

    public BatchFixer(Restorer restorer, Settings settings) throws InputException {
        this(restorer::restore, settings);
    }

    /** A restorer given as a function, so the caller may check paths before it loads the dictionaries and model. */
    public BatchFixer(Function<String, Result> restorer, Settings settings) throws InputException {
        this.restorer = new StreamRestorer(restorer, settings.blockChars());
        this.s = settings;
        this.include = matchers("--include", settings.include());
        this.exclude = matchers("--exclude", settings.exclude());
        validate();
    }

    /** Compiles globs; a bad one is a usage error the caller reports (IllegalArgumentException naming it). */
    public static PathMatcher[] matchers(String option, List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            try {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + " '" + Messages.safe(g) + "': not a valid glob (" + Messages.safe(e.getDescription()) + ")");
            }
        }
        return out.toArray(PathMatcher[]::new);
    }

    private void validate() throws InputException {
        if (s.inPlace() && s.outDir() != null) {
            throw new InputException("batch", "give either --out-dir DIR or --in-place, not both");
        }
        if (!s.inPlace() && s.outDir() == null) {
            Path dir = s.inputs().stream().filter(Files::isDirectory).findFirst().orElse(s.inputs().get(0));
            throw new InputException(dir.toString(), "is a directory; to fix a folder give --out-dir DIR or --in-place");
        }
        try {
            for (Path in : s.inputs()) {
                if (!Files.exists(in)) {
                    throw new InputException(in.toString(), Files.isSymbolicLink(in) ? "dangling symbolic link" : "no such file or directory");
                }
                Path real = PathGuard.real(in);
                for (int i = 0; i < realRoots.size(); i++) {
                    Path other = realRoots.get(i);
                    if (PathGuard.within(real, other) || PathGuard.within(other, real)) {
                        throw new UnsafeOutputException(in.toString(), "overlaps " + s.inputs().get(i) + ", also named; name each input once");
                    }
                }
                realRoots.add(real);
                if (Files.isDirectory(real)) {
                    realDirRoots.add(real);
                }
            }
            if (s.outDir() != null) {
                if (Files.exists(s.outDir()) && !Files.isDirectory(s.outDir())) {
                    throw new InputException(s.outDir().toString(), "--out-dir is not a folder");
                }
                realOut = PathGuard.real(s.outDir());
                for (int i = 0; i < realRoots.size(); i++) {
                    Path a = realRoots.get(i);
                    String in = s.inputs().get(i).toString();
                    if (!realDirRoots.contains(a)) {
                        continue;
                    }
                    if (realOut.equals(a)) {
                        throw new UnsafeOutputException(s.outDir().toString(), "the output folder is the input folder " + in + "; use --in-place to overwrite inputs");
                    }
                    if (PathGuard.within(realOut, a)) {
                        throw new UnsafeOutputException(s.outDir().toString(), "the output folder is inside the input folder " + in + "; choose one outside it");
                    }
                    if (PathGuard.within(a, realOut)) {
                        throw new UnsafeOutputException(s.outDir().toString(), "the output folder contains the input folder " + in
                                + ", so outputs could overwrite inputs; choose one outside it");
                    }
                }
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(String.valueOf(s.outDir()), Messages.reason(e));
        }
    }

    /**
     * Declares another file the run writes (the report): it is checked like every output, against the
     * inputs and the outputs, by {@link #count}.
     */
    public void alsoWrites(Path output) throws InputException {
        Path real;
        try {
            real = PathGuard.real(output);
        } catch (IOException e) {
            throw new InputException(output.toString(), Messages.reason(e));
        }
        for (int i = 0; i < realRoots.size(); i++) {
            Path a = realRoots.get(i);
            if (real.equals(a)) {
                throw new UnsafeOutputException(output.toString(), "is the input " + s.inputs().get(i) + "; refusing to overwrite it");
            }
            if (realDirRoots.contains(a) && PathGuard.within(real, a)) {
                throw new UnsafeOutputException(output.toString(), "is inside the input folder " + s.inputs().get(i) + "; write it elsewhere");
            }
        }
        extraOutputs.add(output);
        realExtraOutputs.add(real);
        planned = -1;
    }

    /** Whether an entry below a root (relative path rel; a folder or not) is taken: globs with a '/' match rel, others the name. */
    boolean wanted(Path rel, boolean folder) {
        Path name = rel.getFileName() == null ? rel : rel.getFileName();
        return globsTake(rel, folder, include, exclude)
                && !(!folder && s.inPlace() && s.backupSuffix() != null && !s.backupSuffix().isEmpty() && name.toString().endsWith(s.backupSuffix()));
    }

    /**
     * The include/exclude rule every folder walk shares: a glob with a '/' matches the path below the input folder, one
     * without the name at any depth; excludes prune folders too, includes only choose files.
     */
    public static boolean globsTake(Path rel, boolean folder, PathMatcher[] include, PathMatcher[] exclude) {
        Path name = rel.getFileName() == null ? rel : rel.getFileName();
        for (PathMatcher m : exclude) {
            if (m.matches(name) || m.matches(rel)) {
                return false;
            }
        }
        if (folder) {
            return true;
        }
        boolean in = include.length == 0;
        for (PathMatcher m : include) {
            in |= m.matches(name) || m.matches(rel);
        }
        return in;
    }

    private Walker walker() {
        return new Walker(s.inputs(), this::wanted);
    }

    Path target(Walker.Entry e) {
        return s.inPlace() ? e.path() : s.outDir().resolve(e.rel().toString());
    }

    /**
     * Walks the inputs once without writing: checks every output path against the inputs and the other
     * outputs (throwing {@link UnsafeOutputException} naming both), removes temporary files that killed
     * runs left in the output folders, and returns how many entries the run will report.
     */
    public long count() throws IOException {
        if (planned >= 0) {
            return planned;
        }
        long n = 0;
        Map<Path, Path> seen = s.inputs().size() > 1 && !s.inPlace() ? new HashMap<>() : null;
        try (Walker w = walker()) {
            while (w.hasNext()) {
                Walker.Entry e = w.next();
                n++;
                if (!e.isInput()) {
                    continue;
                }
                Path target = target(e);
                Path real = PathGuard.real(target);
                for (int i = 0; i < realExtraOutputs.size(); i++) {
                    if (real.equals(realExtraOutputs.get(i))) {
                        throw new UnsafeOutputException(extraOutputs.get(i).toString(), "is also the output of " + e.path() + "; write it elsewhere");
                    }
                }
                if (s.inPlace()) {
                    continue;
                }
                Path realIn = PathGuard.real(e.path());
                if (real.equals(realIn)) {
                    throw new UnsafeOutputException(e.path().toString(), "its output " + target + " is the input itself; refusing to overwrite it"
                            + " (use --in-place to overwrite inputs)");
                }
                for (int i = 0; i < realRoots.size(); i++) {
                    Path a = realRoots.get(i);
                    if (real.equals(a) || realDirRoots.contains(a) && PathGuard.within(real, a)) {
                        throw new UnsafeOutputException(target.toString(), "output of " + e.path() + ", is (or leads into) the input "
                                + s.inputs().get(i) + "; refusing to overwrite it");
                    }
                }
                if (seen != null) {
                    Path before = seen.putIfAbsent(real, e.path());
                    if (before != null) {
                        throw new UnsafeOutputException(e.path().toString(), "and " + before + " would both be written to " + target
                                + "; fix them in separate runs or separate --out-dir folders");
                    }
                }
            }
        }
        if (s.outDir() != null) {
            AtomicOutput.removeStale(s.outDir(), true);
        } else {
            for (Path root : s.inputs()) {
                AtomicOutput.removeStale(Files.isDirectory(root) ? root : root.toAbsolutePath().getParent(), Files.isDirectory(root));
            }
        }
        planned = n;
        return n;
    }

    /**
     * Restores everything; onFile sees each result (one at a time, never concurrently). A failure of
     * onFile itself (the report cannot be written) stops the run and is rethrown.
     */
    public Summary run(Consumer<FileResult> onFile) throws InterruptedException, IOException {
        count();
        long t0 = System.nanoTime();
        AtomicLong files = new AtomicLong();
        AtomicLong words = new AtomicLong();
        AtomicLong changes = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Consumer<FileResult> deliver = r -> {
            try {
                files.incrementAndGet();
                words.addAndGet(r.words());
                changes.addAndGet(r.changes());
                if (r.status().equals("skipped")) {
                    skipped.incrementAndGet();
                } else if (r.status().equals("failed")) {
                    failed.incrementAndGet();
                }
                synchronized (onFile) {
                    if (fatal.get() == null) {
                        onFile.accept(r);
                    }
                }
            } catch (RuntimeException | Error t) {
                fatal.compareAndSet(null, t);
            } finally {
                close(r);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.jobs()));
        Semaphore inFlight = new Semaphore(Math.max(1, s.jobs()) * 2);
        try (Walker w = walker()) {
            while (fatal.get() == null && w.hasNext()) {
                Walker.Entry e = w.next();
                if (!e.isInput()) {
                    deliver.accept(new FileResult(e.path(), null, e.failed() ? "failed" : "skipped",
                            e.failed() ? e.path() + ": " + e.skip() : e.skip(), 0, 0, Double.NaN, null, null));
                    continue;
                }
                if (s.inPlace() && Files.isSymbolicLink(e.path()) && !s.inputs().contains(e.path())) {
                    // replacing the link's target could change a file outside the tree, or one file twice
                    deliver.accept(new FileResult(e.path(), null, "skipped", "symbolic link: --in-place changes files, not what links point to;"
                            + " name the link on the command line to fix its target", 0, 0, Double.NaN, null, null));
                    continue;
                }
                inFlight.acquire();
                try {
                    pool.execute(() -> {
                        try {
                            deliver.accept(one(e));
                        } catch (Throwable t) {
                            fatal.compareAndSet(null, t);
                        } finally {
                            inFlight.release();
                        }
                    });
                } catch (RuntimeException ex) {
                    inFlight.release();
                    throw ex;
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        }
        Throwable t = fatal.get();
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new Summary(files.get(), words.get(), changes.get(), skipped.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static void close(FileResult r) {
        if (r.edits() != null) {
            r.edits().close();
        }
        if (r.explain() != null) {
            r.explain().close();
        }
    }

    private FileResult one(Walker.Entry e) {
        Path input = e.path();
        Path out = target(e);
        Spool edits = s.details() ? new Spool() : null;
        Spool explain = s.details() ? new Spool() : null;
        try {
            if (s.skipExisting() && !s.inPlace() && Files.exists(out)
                    && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(input)) >= 0) {
                return new FileResult(input, out, "skipped", "output is newer than input", 0, 0, Double.NaN, null, null);
            }
            StreamRestorer.Totals t;
            try (InputStream is = open(input); Reader r = new StrictUtf8Reader(is, input.toString());
                 AtomicOutput o = AtomicOutput.open(out, AtomicOutput.modeOf(input), false)) {
                t = restorer.restore(r, b -> {
                    o.write(b.result().text());
                    if (edits != null) {
                        String j = StreamRestorer.editsJson(b);
                        if (!j.isEmpty()) {
                            if (!edits.isEmpty()) {
                                edits.append(",");
                            }
                            edits.append(j);
                        }
                        explain.append(StreamRestorer.explain(input.toString(), b));
                    }
                });
                if (s.inPlace()) {
                    if (t.changes() > 0) {
                        backup(input);
                        o.ownerFrom(o.target());
                        o.commit();
                    }
                } else {
                    o.commit();
                }
            }
            return new FileResult(input, out, "fixed", null, t.words(), t.changes(), t.spinRate(), edits, explain);
        } catch (InputException | OutputException ex) {
            return failed(input, out, ex.getMessage(), edits, explain);
        } catch (IOException ex) {
            return failed(input, out, Messages.safe(input) + ": " + Messages.reason(ex), edits, explain);
        } catch (OutOfMemoryError ex) {
            return failed(input, out, Messages.safe(input) + ": out of memory (block of " + s.blockChars() + " chars, " + s.jobs()
                    + " jobs); use fewer jobs (-j) or a larger heap (UNSPIN_JAVA_OPTS=-Xmx...)", edits, explain);
        } catch (RuntimeException ex) {
            return failed(input, out, Messages.safe(input) + ": internal error: " + Messages.safe(ex), edits, explain);
        }
    }

    private static FileResult failed(Path input, Path out, String reason, Spool edits, Spool explain) {
        if (edits != null) {
            edits.close();
            explain.close();
        }
        return new FileResult(input, out, "failed", reason, 0, 0, Double.NaN, null, null);
    }

    private static InputStream open(Path input) throws IOException {
        try {
            return Files.newInputStream(input);
        } catch (IOException e) {
            throw new InputException(input.toString(), "cannot read (" + Messages.reason(e) + ")");
        }
    }

    /**
     * Keeps the original next to the input before it is replaced. A hard link costs nothing and keeps the
     * file as it was (mode, times); where links are not possible, a copy. An existing backup is never
     * overwritten: it may be the only original left from an earlier run.
     */
    private void backup(Path input) throws IOException {
        String suffix = s.backupSuffix();
        if (suffix == null || suffix.isEmpty()) {
            return;
        }
        Path backup = input.resolveSibling(input.getFileName() + suffix);
        String exists = "backup " + Messages.safe(backup) + " exists already (from an earlier run?); not overwriting it: move it away or pick another --backup";
        if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(input.toString(), exists);
        }
        Path real = input.toRealPath();
        try {
            Files.createLink(backup, real);
            return;
        } catch (FileAlreadyExistsException ex) {
            throw new InputException(input.toString(), exists);
        } catch (IOException | UnsupportedOperationException ex) {
            // no hard links here (another file system, FAT): copy instead
        }
        Path tmp = real.resolveSibling(AtomicOutput.tempName());
        try {
            Files.copy(real, tmp, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(tmp, backup);
        } catch (FileAlreadyExistsException ex) {
            throw new InputException(input.toString(), exists);
        } catch (IOException ex) {
            throw new OutputException(backup.toString(), "cannot write the backup (" + Messages.reason(ex) + ")");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
