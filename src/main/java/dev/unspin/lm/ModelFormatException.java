package dev.unspin.lm;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: wrong magic, wrong version, truncated or inconsistent. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
