package dev.unspin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `unspin` launcher script, run through a symbolic link from another folder, on a stand-in jar
 * that echoes its arguments: the link is resolved, arguments pass through intact, and a class-data
 * archive that does not fit is ignored without a word on stdout or stderr.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    private Path app;
    private Path link;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void install() throws Exception {
        app = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Fixtures.project().resolve("unspin"), app.resolve("unspin"), StandardCopyOption.COPY_ATTRIBUTES);
        Path src = Files.createDirectories(tmp.resolve("src")).resolve("Echo.java");
        Files.writeString(src, "public class Echo { public static void main(String[] a) { System.out.println(String.join(\"|\", a)); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.getParent().toString(), src.toString()));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
        Path jar = Files.createDirectories(app.resolve("target")).resolve("unspin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new JarEntry("Echo.class"));
            out.write(Files.readAllBytes(src.getParent().resolve("Echo.class")));
            out.closeEntry();
        }
        link = Files.createDirectories(tmp.resolve("bin")).resolve("unspin");
        Files.createSymbolicLink(link, app.resolve("unspin"));
    }

    private Run run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", link.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("UNSPIN_JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void aSymlinkedLauncherFindsItsJarAndPassesArgumentsThrough() throws Exception {
        Run r = run("fix", "two words", "--json");
        assertEquals(new Run(0, "fix|two words|--json\n", ""), r);
    }

    @Test
    void anArchiveThatDoesNotFitIsIgnoredQuietly() throws Exception {
        Path jar = app.resolve("target/unspin.jar");
        Path jsa = app.resolve("target/unspin.jsa");
        // a real archive of this jar, then the jar "rebuilt" (another time stamp): the JVM would warn on stdout
        Process dump = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar.toString(), "x").start();
        dump.getInputStream().readAllBytes();
        assertEquals(0, dump.waitFor());
        assertTrue(Files.isRegularFile(jsa), "the JVM made no archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() - 600_000));
        assertEquals(new Run(0, "x\n", ""), run("x"), "a stale archive, newer than the jar");
        try (OutputStream out = Files.newOutputStream(jsa)) {
            out.write("not a class-data archive".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(new Run(0, "x\n", ""), run("x"), "a file that is no archive at all");
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(0));
        assertEquals(new Run(0, "x\n", ""), run("x"), "an archive older than the jar");
    }

    @Test
    void withoutTheJarItSaysHowToBuildIt() throws Exception {
        Files.delete(app.resolve("target/unspin.jar"));
        Run r = run("fix");
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("unspin: no unspin.jar in " + app.toRealPath() + "/target or "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
