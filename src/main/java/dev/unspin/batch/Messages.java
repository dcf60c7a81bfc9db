package dev.unspin.batch;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.util.Locale;

/**
 * Makes text safe for a one-line message on a terminal. File names may hold newlines, escape codes or
 * bidirectional overrides; printed raw they break the one-line promise and let a file name rewrite the
 * terminal. Every control, format and line-separator character becomes a visible escape (a newline becomes backslash-n, ESC backslash-u001b);
 * other characters, accents included, stay as they are so ordinary names read normally.
 */
public final class Messages {
    private Messages() {
    }

    public static String safe(Object o) {
        String s = String.valueOf(o);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = escape(c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int t = Character.getType(c);
        if (t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR) {
            return String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }

    /** "reason" of an I/O error without repeating the file name the caller already prints. */
    public static String reason(java.io.IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
