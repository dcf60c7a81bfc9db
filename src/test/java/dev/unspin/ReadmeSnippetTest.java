package dev.unspin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles exactly as printed, with nothing but the library on the class path, and does what it says. */
class ReadmeSnippetTest {
    @TempDir
    Path tmp;

    /** A java block and the paragraph after it, which names printed lines in backticks. */
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```\\n\\n(.*?)\\n\\n", Pattern.DOTALL);
    private static final Pattern EDIT_LINE = Pattern.compile("`(\\d+-\\d+ [^`]+)`");
    private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");

    static List<String[]> javaBlocks() throws Exception {
        String readme = Files.readString(Fixtures.project().resolve("README.md"));
        List<String[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void theJavaExampleCompilesAndRuns() throws Exception {
        List<String[]> blocks = javaBlocks();
        assertFalse(blocks.isEmpty(), "README.md has no ```java block");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String[] block : blocks) {
            String code = block[0];
            Matcher c = CLASS.matcher(code);
            assertTrue(c.find(), "the example is a whole class with its imports:\n" + code);
            Path src = tmp.resolve(c.group(1) + ".java");
            Files.writeString(src, code);
            StringWriter diagnostics = new StringWriter();
            // the library's classes and dependencies only: target/classes plus the test class path
            boolean ok = javac.getTask(diagnostics, null, null,
                    List.of("-d", tmp.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Werror"), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src)).call();
            assertTrue(ok, "README example does not compile:\n" + diagnostics);

            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream old = System.out;
            try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
                Method main = loader.loadClass(c.group(1)).getMethod("main", String[].class);
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                main.invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(old);
            }
            String printed = captured.toString(StandardCharsets.UTF_8);
            // what the README says it prints: "// prints: LINE" comments and `START-END before -> after` after the block
            List<String> claims = new ArrayList<>();
            Matcher says = Pattern.compile("//\\s*prints:\\s*(.+)").matcher(code);
            while (says.find()) {
                claims.add(says.group(1).strip());
            }
            Matcher edits = EDIT_LINE.matcher(block[1].replaceAll("\\s+", " "));
            while (edits.find()) {
                claims.add(edits.group(1));
            }
            assertTrue(claims.size() >= 2, "the README says what the example prints");
            assertEquals(claims, printed.lines().toList(), "README's claims against the printed lines");
        }
    }
}
