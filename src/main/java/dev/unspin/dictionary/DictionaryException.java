package dev.unspin.dictionary;

/** A malformed dictionary line; the message is "file:line: reason". */
public final class DictionaryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String reason;

    public DictionaryException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
