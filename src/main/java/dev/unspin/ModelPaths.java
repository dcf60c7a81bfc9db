package dev.unspin;

import dev.unspin.lm.NgramModel;
import dev.unspin.lm.SetupModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the default language model lives, and how it gets there on a machine that only has the jar.
 *
 * <p>Lookup, first hit wins: {@code $UNSPIN_LM}, the system property {@code unspin.model}, {@code
 * models/en-us.ulm} beside the jar (the build's {@code target/models}), and the user cache
 * ({@code $XDG_CACHE_HOME/unspin/en-us.ulm}, else {@code ~/.cache/unspin/en-us.ulm}). A location the user
 * named ($UNSPIN_LM, unspin.model) that holds no model is an error, not a reason to fall back silently.
 *
 * <p>When nothing is found, {@link #findOrInstall} imports the model into the user cache from a copy
 * already on this machine: the build's own import beside the jar, the sphinx4-data jar the build
 * fetched ({@code third-party/} beside the jar) or the one in the local Maven repository. Nothing is
 * downloaded: without any of these the caller gets a {@link ModelNotFoundException} that says how to
 * get one. The environment is read through the given map so tests need not change the process's.
 */
public final class ModelPaths {
    /** File name of the bundled model. */
    public static final String FILE = "en-us.ulm";
    /** Environment variable naming a model file. */
    public static final String ENV = "UNSPIN_LM";
    /** System property naming a model file (the tests use it). */
    public static final String PROPERTY = "unspin.model";
    /** Where Maven puts the CMU Sphinx model's artifact, relative to the local repository. */
    public static final String SPHINX_ARTIFACT = "net/sf/phat/sphinx4-data/5prealpha/sphinx4-data-5prealpha.jar";
    /** The coordinates to fetch it with, for error messages. */
    public static final String SPHINX_COORDINATES = "net.sf.phat:sphinx4-data:5prealpha";

    /** A place a model may be: the path, what it is (for messages), and whether the user named it. */
    public record Candidate(Path path, String origin, boolean explicit) {
    }

    /** A model installed into the cache: where from, where to, and how long the import took. */
    public record Installed(Path source, Path target, double seconds) {
    }

    private final Map<String, String> env;
    private final String property;
    private final Path home;
    private final Path codeDir;

    /**
     * @param env      the environment (UNSPIN_LM, XDG_CACHE_HOME)
     * @param property the value of the unspin.model property, or null
     * @param home     the user's home folder
     * @param codeDir  the folder holding the running jar (or the classes folder's parent), or null
     */
    public ModelPaths(Map<String, String> env, String property, Path home, Path codeDir) {
        this.env = Map.copyOf(env);
        this.property = property;
        this.home = home;
        this.codeDir = codeDir;
    }

    /** This process's environment, properties, home and jar location. */
    public static ModelPaths system() {
        return new ModelPaths(System.getenv(), System.getProperty(PROPERTY), Path.of(System.getProperty("user.home")), codeDir());
    }

    /** The folder of the running jar (target/ for target/unspin.jar and for target/classes), or null. */
    static Path codeDir() {
        try {
            Path code = Path.of(ModelPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null; // an unusual class loader: the other places still apply
        }
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The user cache's model file: $XDG_CACHE_HOME/unspin/en-us.ulm, else ~/.cache/unspin/en-us.ulm. */
    public Path userCache() {
        String xdg = env("XDG_CACHE_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("unspin").resolve(FILE);
    }

    /** The lookup order (see the class comment). */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        if (env(ENV) != null) {
            out.add(new Candidate(Path.of(env(ENV)), "$" + ENV, true));
        }
        if (property != null && !property.isBlank()) {
            out.add(new Candidate(Path.of(property), "-D" + PROPERTY, true));
        }
        if (codeDir != null) {
            out.add(new Candidate(codeDir.resolve("models").resolve(FILE), "beside the jar", false));
        }
        out.add(new Candidate(userCache(), "user cache", false));
        return out;
    }

    /**
     * The model to use, or null when none of the default places has one.
     *
     * @throws ModelNotFoundException if $UNSPIN_LM or unspin.model names something that is not a readable file
     */
    public Path find() throws ModelNotFoundException {
        for (Candidate c : candidates()) {
            if (c.explicit()) {
                return checkNamed(c.path(), c.origin());
            }
            if (Files.isRegularFile(c.path()) && Files.isReadable(c.path())) {
                return c.path();
            }
        }
        return null;
    }

    /** A model file the user named (--lm, $UNSPIN_LM): it must exist and be readable. */
    public static Path checkNamed(Path p, String origin) throws ModelNotFoundException {
        String from = origin == null ? "" : " (from " + origin + ")";
        if (Files.isDirectory(p)) {
            throw new ModelNotFoundException(p + ": is a directory, not a language model" + from);
        }
        if (!Files.exists(p)) {
            throw new ModelNotFoundException(p + ": no such language model" + from);
        }
        if (!Files.isReadable(p)) {
            throw new ModelNotFoundException(p + ": language model not readable (permission denied)" + from);
        }
        return p;
    }

    /** Copies of the model already on this machine that {@link #install} can import, best first. */
    public List<Path> importSources() {
        return importSourcesAll().stream().filter(p -> Files.isRegularFile(p) && Files.isReadable(p)).toList();
    }

    /** Every place {@link #importSources} looks, whether something is there or not. */
    public List<Path> importSourcesAll() {
        List<Path> out = new ArrayList<>();
        if (codeDir != null) {
            out.add(codeDir.resolve("models").resolve(FILE));
            out.add(codeDir.resolve("third-party").resolve("sphinx4-data.jar"));
        }
        out.add(home.resolve(".m2").resolve("repository").resolve(SPHINX_ARTIFACT));
        return out;
    }

    /** {@link #find}, else the first {@link #importSources} imported into the user cache. */
    public Path findOrInstall() throws IOException {
        Path p = find();
        if (p != null) {
            return p;
        }
        List<Path> sources = importSources();
        if (sources.isEmpty()) {
            throw new ModelNotFoundException(notFoundMessage());
        }
        return install(sources.get(0), userCache()).target();
    }

    /** Why nothing was found, and the two ways out. */
    public String notFoundMessage() {
        return "no language model found (looked in " + candidates().stream().map(c -> c.path().toString()).toList()
                + "); fetch the CMU Sphinx model with 'mvn dependency:get -Dartifact=" + SPHINX_COORDINATES
                + "' and run 'unspin setup', or pass --lm MODEL (or --no-lm)";
    }

    /**
     * Puts a model at target, atomically and readable by everyone: an unspin model (.ulm) is checked and
     * copied; anything else (the sphinx4-data jar, a Sphinx binary, ARPA) goes through the build's own
     * import step, SetupModel. A reader never sees a half-written file, and two first runs at once
     * simply both succeed.
     */
    public static Installed install(Path source, Path target) throws IOException {
        long t0 = System.nanoTime();
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new ModelNotFoundException(dir + ": cannot create the model folder (permission denied)");
        }
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            if (source.getFileName().toString().endsWith(".ulm")) {
                NgramModel.open(source); // refuse to copy a file that is not a model
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                SetupModel.main(new String[] {source.toString(), tmp.toString()});
            }
            NgramModel.open(tmp); // never install a file that does not open (the mapping is dropped with the object)
            readableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new ModelNotFoundException(dir + ": cannot write the model there (permission denied)");
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Installed(source, target, (System.nanoTime() - t0) / 1e9);
    }

    private static void readableByAll(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            // file systems without POSIX modes keep their defaults
        }
    }
}
