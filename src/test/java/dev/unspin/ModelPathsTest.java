package dev.unspin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.lm.NgramModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the model is looked for, and the first run's install into the user cache, on a fake home. */
class ModelPathsTest {
    @TempDir
    Path tmp;

    @Test
    void lookupOrderAndTheXdgCache() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path code = Files.createDirectories(tmp.resolve("app"));
        ModelPaths plain = new ModelPaths(Map.of(), null, home, code);
        assertEquals(List.of(code.resolve("models/en-us.ulm"), home.resolve(".cache/unspin/en-us.ulm")),
                plain.candidates().stream().map(ModelPaths.Candidate::path).toList());
        assertNull(plain.find(), "nothing there yet");
        ModelPaths xdg = new ModelPaths(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString()), null, home, code);
        assertEquals(tmp.resolve("xdg/unspin/en-us.ulm"), xdg.userCache());
        ModelPaths relative = new ModelPaths(Map.of("XDG_CACHE_HOME", "rel"), null, home, code);
        assertEquals(home.resolve(".cache/unspin/en-us.ulm"), relative.userCache(), "a relative XDG_CACHE_HOME is ignored, as the spec says");
        Files.createDirectories(home.resolve(".cache/unspin"));
        Files.writeString(home.resolve(".cache/unspin/en-us.ulm"), "x");
        assertEquals(home.resolve(".cache/unspin/en-us.ulm"), plain.find());
    }

    @Test
    void aNamedModelThatIsNotThereIsAnErrorNotAFallback() throws Exception {
        Path cached = Files.createDirectories(tmp.resolve("home/.cache/unspin")).resolve("en-us.ulm");
        Files.writeString(cached, "a model would be here");
        ModelPaths env = new ModelPaths(Map.of("UNSPIN_LM", tmp.resolve("typo.ulm").toString()), null, tmp.resolve("home"), null);
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, env::find);
        assertEquals(tmp.resolve("typo.ulm") + ": no such language model (from $UNSPIN_LM)", e.getMessage());
        ModelPaths prop = new ModelPaths(Map.of(), tmp.toString(), tmp.resolve("home"), null);
        assertTrue(assertThrows(ModelNotFoundException.class, prop::find).getMessage().contains("is a directory"));
    }

    @Test
    void withNothingToImportTheMessageSaysHowToGetTheModel() {
        ModelPaths none = new ModelPaths(Map.of(), null, tmp, tmp.resolve("app"));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, none::findOrInstall);
        assertTrue(e.getMessage().contains("mvn dependency:get -Dartifact=net.sf.phat:sphinx4-data:5prealpha"), e.getMessage());
        assertTrue(e.getMessage().contains("unspin setup"), e.getMessage());
    }

    @Test
    void firstRunCopiesTheBuildsModelIntoTheCacheAtomicallyAndReadableByAll() throws Exception {
        // a jar copied out of target/ next to the build's model folder (here: a link to it)
        Path code = Files.createDirectories(tmp.resolve("app"));
        Files.createSymbolicLink(code.resolve("models"), Fixtures.modelPath().toAbsolutePath().getParent());
        Path home = Files.createDirectories(tmp.resolve("home"));
        ModelPaths paths = new ModelPaths(Map.of(), null, home, code);
        assertEquals(code.resolve("models/en-us.ulm"), paths.find(), "found beside the jar: nothing to install");
        ModelPaths.Installed done = ModelPaths.install(paths.importSources().get(0), paths.userCache());
        Path cached = home.resolve(".cache/unspin/en-us.ulm");
        assertEquals(cached, done.target());
        assertEquals(Files.size(Fixtures.modelPath()), Files.size(cached));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cached)));
        assertEquals(72547, NgramModel.open(cached).vocabularySize());
        try (var s = Files.list(cached.getParent())) {
            assertEquals(List.of(cached), s.toList(), "no temporary file left behind");
        }
        // the jar alone (no models folder): the cache serves it
        ModelPaths alone = new ModelPaths(Map.of(), null, home, Files.createDirectories(tmp.resolve("elsewhere")));
        assertEquals(cached, alone.findOrInstall());
    }

    @Test
    void firstRunImportsTheSphinxJarFromTheLocalMavenRepository() throws Exception {
        Path sphinx = Path.of("target/third-party/sphinx4-data.jar").toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sphinx), "the build's copy of sphinx4-data is missing");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path repo = home.resolve(".m2/repository").resolve(ModelPaths.SPHINX_ARTIFACT);
        Files.createDirectories(repo.getParent());
        Files.createSymbolicLink(repo, sphinx);
        ModelPaths paths = new ModelPaths(Map.of(), null, home, Files.createDirectories(tmp.resolve("app")));
        Path model = paths.findOrInstall();
        assertEquals(paths.userCache(), model);
        assertEquals(NgramModel.open(Fixtures.modelPath()).count(3), NgramModel.open(model).count(3));
    }

    @Test
    void aFileThatIsNotAModelIsNeverInstalled() throws Exception {
        Path bad = tmp.resolve("bad.ulm");
        Files.writeString(bad, "not a model at all".repeat(50));
        Path target = tmp.resolve("cache/unspin/en-us.ulm");
        assertThrows(java.io.IOException.class, () -> ModelPaths.install(bad, target));
        assertTrue(Files.notExists(target));
        try (var s = Files.list(target.getParent())) {
            assertEquals(0, s.count(), "no temporary file left behind");
        }
    }
}
