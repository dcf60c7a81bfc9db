package dev.unspin.corpus;

import dev.unspin.restore.Edit;
import dev.unspin.restore.EditJson;
import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Restores whole folders: walks the inputs lazily, restores files in parallel with one shared
 * restorer, and writes each output atomically (temporary file, then rename), so an interrupted run
 * never leaves a half-written article. A bad file is reported and skipped; it never stops the batch.
 * Memory stays bounded: the file list is streamed, at most a few files per worker are in flight,
 * and a large file is restored paragraph block by block.
 */
public final class BatchFixer {
    /** Files larger than this are restored in blocks that end at a paragraph break. */
    static final int BLOCK_CHARS = 1 << 20;

    public record Settings(List<Path> inputs, Path outDir, boolean inPlace, String backupSuffix, List<String> include,
                           List<String> exclude, int jobs, boolean skipExisting) {
    }

    /** What happened to one file; the report line and the summary are made from these. */
    public record FileResult(Path input, Path output, String status, String reason, long words, List<Edit> edits, String text) {
        public String json() {
            StringBuilder sb = new StringBuilder("{\"file\":").append(EditJson.quote(input.toString()));
            if (output != null) {
                sb.append(",\"output\":").append(EditJson.quote(output.toString()));
            }
            sb.append(",\"status\":\"").append(status).append('"');
            if (reason != null) {
                sb.append(",\"reason\":").append(EditJson.quote(reason));
            }
            sb.append(",\"words\":").append(words).append(",\"changes\":").append(edits.size());
            if (text != null) {
                sb.append(",\"edits\":").append(EditJson.edits(text, edits));
            }
            return sb.append('}').toString();
        }
    }

    public record Summary(long files, long words, long changes, long skipped, long failed, double seconds) {
    }

    private final Restorer restorer;
    private final Settings s;
    private final PathMatcher[] include;
    private final PathMatcher[] exclude;

    public BatchFixer(Restorer restorer, Settings settings) throws InputException {
        this.restorer = restorer;
        this.s = settings;
        this.include = matchers(settings.include());
        this.exclude = matchers(settings.exclude());
        validate();
    }

    private static PathMatcher[] matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toArray(PathMatcher[]::new);
    }

    private void validate() throws InputException {
        if (s.inPlace() && s.outDir() != null) {
            throw new InputException("batch", "give either --out-dir DIR or --in-place, not both");
        }
        if (!s.inPlace() && s.outDir() == null) {
            Path dir = s.inputs().stream().filter(Files::isDirectory).findFirst().orElse(s.inputs().get(0));
            throw new InputException(dir.toString(), "is a directory; to fix a folder give --out-dir DIR or --in-place");
        }
        for (Path in : s.inputs()) {
            if (!Files.exists(in)) {
                throw new InputException(in.toString(), "no such file or directory");
            }
            if (s.outDir() != null && Files.isDirectory(in)) {
                Path a = in.toAbsolutePath().normalize();
                Path o = s.outDir().toAbsolutePath().normalize();
                if (o.equals(a)) {
                    throw new InputException(s.outDir().toString(), "the output folder is the input folder; use --in-place to overwrite inputs");
                }
                if (o.startsWith(a)) {
                    throw new InputException(s.outDir().toString(), "the output folder is inside the input folder " + in + "; choose one outside it");
                }
            }
        }
    }

    boolean wanted(Path file) {
        Path name = file.getFileName();
        boolean in = include.length == 0;
        for (PathMatcher m : include) {
            in |= m.matches(name);
        }
        for (PathMatcher m : exclude) {
            in &= !m.matches(name) && !m.matches(file);
        }
        return in && !(s.inPlace() && s.backupSuffix() != null && name.toString().endsWith(s.backupSuffix()));
    }

    /** Pairs of (input file, the root it was found under) in walk order, streamed. */
    private Stream<Path[]> files() {
        return s.inputs().stream().flatMap(root -> {
            if (!Files.isDirectory(root)) {
                return Stream.<Path[]>of(new Path[] {root, root.getParent() == null ? Path.of("") : root.getParent()});
            }
            try {
                return Files.walk(root).filter(Files::isRegularFile).filter(this::wanted).map(p -> new Path[] {p, root});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many files the run will look at (a cheap walk, for the progress bar's total). */
    public long count() {
        try (Stream<Path[]> f = files()) {
            return f.count();
        }
    }

    public Summary run(Consumer<FileResult> onFile) throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicLong files = new AtomicLong();
        AtomicLong words = new AtomicLong();
        AtomicLong changes = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.jobs()));
        Semaphore inFlight = new Semaphore(Math.max(1, s.jobs()) * 2);
        try (Stream<Path[]> f = files()) {
            for (Path[] pr : (Iterable<Path[]>) f::iterator) {
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        FileResult r = one(pr[0], pr[1]);
                        files.incrementAndGet();
                        words.addAndGet(r.words());
                        changes.addAndGet(r.edits().size());
                        if (r.status().equals("skipped")) {
                            skipped.incrementAndGet();
                        } else if (r.status().equals("failed")) {
                            failed.incrementAndGet();
                        }
                        synchronized (onFile) {
                            onFile.accept(r);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        }
        return new Summary(files.get(), words.get(), changes.get(), skipped.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
    }

    Path target(Path input, Path root) {
        if (s.inPlace()) {
            return input;
        }
        Path rel = Files.isDirectory(root) ? root.relativize(input) : input.getFileName();
        return s.outDir().resolve(rel.toString());
    }

    private FileResult one(Path input, Path root) {
        Path out = target(input, root);
        try {
            if (s.skipExisting() && !s.inPlace() && Files.exists(out)
                    && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(input)) >= 0) {
                return new FileResult(input, out, "skipped", "output is newer than input", 0, List.of(), null);
            }
            String text = TextFiles.read(input);
            Result r = restoreInBlocks(text);
            if (s.inPlace()) {
                if (!r.edits().isEmpty()) {
                    if (s.backupSuffix() != null && !s.backupSuffix().isEmpty()) {
                        Path backup = input.resolveSibling(input.getFileName() + s.backupSuffix());
                        Path tmp = Files.createTempFile(input.toAbsolutePath().getParent(), "." + input.getFileName(), ".bak.tmp");
                        Files.copy(input, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        Files.move(tmp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    TextFiles.writeAtomically(input, r.text());
                }
            } else {
                TextFiles.writeAtomically(out, r.text());
            }
            return new FileResult(input, out, "fixed", null, countWords(text), r.edits(), text);
        } catch (IOException e) {
            return new FileResult(input, out, "failed", e.getMessage(), 0, List.of(), null);
        } catch (RuntimeException e) {
            return new FileResult(input, out, "failed", "internal error: " + e, 0, List.of(), null);
        }
    }

    /** Restores a long text block by block at paragraph breaks; offsets of the edits are shifted back to the whole text. */
    Result restoreInBlocks(String text) {
        if (text.length() <= BLOCK_CHARS) {
            return restorer.restore(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Edit> edits = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + BLOCK_CHARS);
            if (end < text.length()) {
                int para = text.lastIndexOf("\n\n", end);
                int line = text.lastIndexOf('\n', end);
                end = para > at ? para + 2 : line > at ? line + 1 : end;
            }
            Result r = restorer.restore(text.substring(at, end));
            for (Edit e : r.edits()) {
                edits.add(new Edit(e.start() + at, e.end() + at, e.before(), e.after(), e.source(), e.entry(), e.gain()));
            }
            out.append(r.text());
            at = end;
        }
        return new Result(out.toString(), edits);
    }

    static long countWords(String text) {
        long n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
