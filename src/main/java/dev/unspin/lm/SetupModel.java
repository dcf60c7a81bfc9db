package dev.unspin.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time step (run by Maven in process-classes): imports the Sphinx US-English model into
 * unspin's format unless an up-to-date copy already exists. Kept separate from the CLI so the
 * build does not need the shaded jar.
 */
public final class SetupModel {
    private SetupModel() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        if (Files.exists(target) && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            try {
                NgramModel.open(target);
                return; // cached and readable
            } catch (ModelFormatException stale) {
                System.err.println("[unspin] re-importing " + target + ": " + stale.getMessage());
            }
        }
        long t0 = System.nanoTime();
        ModelWriter w = ModelImport.read(source);
        w.write(target);
        System.err.printf("[unspin] imported %s -> %s (order %d, %d/%d/%d n-grams) in %.1f s%n", source.getFileName(), target,
                w.order(), w.count(1), w.order() > 1 ? w.count(2) : 0, w.order() > 2 ? w.count(3) : 0, (System.nanoTime() - t0) / 1e9);
    }
}
