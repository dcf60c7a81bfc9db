package dev.unspin.corpus;

import java.io.IOException;

/** Bad input the user can fix: missing, unreadable, a directory, not UTF-8, too large. Message: "path: reason". */
public final class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    public InputException(String where, String reason) {
        super(where + ": " + reason);
    }
}
