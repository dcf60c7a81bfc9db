package dev.unspin.corpus;

import dev.unspin.batch.Messages;
import java.io.IOException;

/**
 * Bad input the user can fix: missing, unreadable, a directory, not UTF-8. Message: "path: reason", one
 * line: control characters in either part (a file name may hold a newline or an escape code) are escaped.
 */
public class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    public InputException(String where, String reason) {
        super(Messages.safe(where) + ": " + Messages.safe(reason));
    }
}
