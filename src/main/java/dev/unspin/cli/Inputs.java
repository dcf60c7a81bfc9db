package dev.unspin.cli;

import dev.unspin.corpus.InputException;
import dev.unspin.corpus.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of eval, coverage, spin and bench: files, folders (expanded recursively) and '-' for
 * standard input (read once, named &lt;stdin&gt; in messages).
 */
final class Inputs {
    static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";

    /** One input: its display name, the file (null for standard input), and whether a folder held it. */
    record Input(String name, Path file, boolean inFolder) {
        boolean isStdin() {
            return file == null;
        }

        /** File name without folder, for outputs named after the input ("stdin" for standard input). */
        String baseName() {
            return file == null ? "stdin" : file.getFileName().toString();
        }

        boolean hasExtension(String ext) {
            return file != null && file.getFileName().toString().endsWith(ext);
        }

        String read() throws IOException {
            return file == null ? TextFiles.read(System.in, STDIN_NAME) : TextFiles.read(file);
        }
    }

    private Inputs() {
    }

    /** Expands folders; '-' may appear once. */
    static List<Input> expand(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Input> out = new ArrayList<>();
        boolean stdin = false;
        for (String a : args) {
            if (a.equals(STDIN)) {
                if (stdin) {
                    throw new InputException(STDIN_NAME, "'-' given twice (standard input can be read once)");
                }
                stdin = true;
                flush(files, out);
                out.add(new Input(STDIN_NAME, null, false));
            } else {
                files.add(Path.of(a));
            }
        }
        flush(files, out);
        return out;
    }

    private static void flush(List<Path> files, List<Input> out) throws IOException {
        for (Path arg : files) {
            boolean folder = java.nio.file.Files.isDirectory(arg);
            for (Path p : TextFiles.expand(List.of(arg))) {
                out.add(new Input(p.toString(), p, folder));
            }
        }
        files.clear();
    }
}
