package dev.unspin;

import java.io.IOException;

/** No usable language model: none where one is looked for, or the one named is missing or unreadable. */
public final class ModelNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }
}
