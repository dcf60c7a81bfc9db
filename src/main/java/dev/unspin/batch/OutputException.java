package dev.unspin.batch;

import java.io.IOException;

/** An output (standard output, -o, --report, a batch output file) cannot be written. Message: "where: reason", one line. */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputException(String where, String reason) {
        super(Messages.safe(where) + ": " + Messages.safe(reason));
    }
}
