package dev.unspin.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the default language model is looked for, first hit wins: $UNSPIN_LM, the system property
 * unspin.model, models/en-us.ulm beside the running jar (the build puts it in target/models), and
 * ~/.cache/unspin/en-us.ulm.
 */
final class ModelLocator {
    static final String FILE = "en-us.ulm";

    private ModelLocator() {
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String env = System.getenv("UNSPIN_LM");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
        }
        String prop = System.getProperty("unspin.model");
        if (prop != null && !prop.isBlank()) {
            out.add(Path.of(prop));
        }
        try {
            Path code = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code.getParent() : code.getParent(); // target/classes or target/unspin.jar
            out.add(dir.resolve("models").resolve(FILE));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source (unusual class loader): rely on the other places
        }
        out.add(Path.of(System.getProperty("user.home"), ".cache", "unspin", FILE));
        return out;
    }

    static Path find() {
        for (Path p : candidates()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
