package dev.unspin.lm;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: missing, wrong magic, wrong version, truncated, a checksum mismatch, inconsistent tables. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
