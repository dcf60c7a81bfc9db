package dev.unspin.batch;

import dev.unspin.corpus.InputException;

/**
 * The command line asks for an output that would overwrite an input, land inside an input folder or
 * collide with another output. Raised before anything is written; the message names both paths.
 */
public final class UnsafeOutputException extends InputException {
    private static final long serialVersionUID = 1L;

    public UnsafeOutputException(String where, String reason) {
        super(where, reason);
    }
}
