package dev.unspin.cli;

import dev.unspin.ModelPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's view of {@link ModelPaths} (the library's model lookup, free of picocli): kept so callers
 * of the old package-private API keep working.
 */
final class ModelLocator {
    static final String FILE = ModelPaths.FILE;

    private ModelLocator() {
    }

    static List<Path> candidates() {
        return ModelPaths.system().candidates().stream().map(ModelPaths.Candidate::path).toList();
    }

    /** The first default model that exists, or null (a wrong $UNSPIN_LM is reported by EngineOptions). */
    static Path find() {
        try {
            return ModelPaths.system().find();
        } catch (dev.unspin.ModelNotFoundException e) {
            return null;
        }
    }
}
