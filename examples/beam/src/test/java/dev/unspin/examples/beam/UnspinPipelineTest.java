package dev.unspin.examples.beam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Beam example on the DirectRunner over the project's samples (run by mvn -Pbeam verify): every
 * input comes out under its own name with exactly the bytes `unspin fix` writes for it.
 */
class UnspinPipelineTest {
    @TempDir
    Path tmp;

    @Test
    void eachOutputIsWhatUnspinFixWritesForItsInput() throws Exception {
        Path samples = Path.of("samples").toAbsolutePath();
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(samples), Files.list(samples.resolve("heldout/clean")))) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(inputs::add);
        }
        assertTrue(inputs.size() >= 5, "samples/ is missing its texts: " + inputs);
        Path out = tmp.resolve("out");
        UnspinPipeline.UnspinOptions options = PipelineOptionsFactory.fromArgs(
                "--runner=DirectRunner", "--input=" + samples + "/*.txt," + samples + "/heldout/clean/*.txt", "--output=" + out,
                "--model=" + System.getProperty("unspin.model", "target/models/en-us.ulm")).withValidation().as(UnspinPipeline.UnspinOptions.class);
        assertEquals(PipelineResult.State.DONE, UnspinPipeline.run(options));

        try (Stream<Path> written = Files.list(out)) {
            assertEquals(inputs.stream().map(p -> p.getFileName().toString()).sorted().toList(),
                    written.map(p -> p.getFileName().toString()).sorted().toList(), "one output per input, under its name");
        }
        CommandLine cli = Main.commandLine();
        for (Path in : inputs) {
            StringWriter fixed = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(fixed));
            cli.setErr(new PrintWriter(err));
            assertEquals(0, cli.execute("fix", "--lm", System.getProperty("unspin.model", "target/models/en-us.ulm"), in.toString()), err.toString());
            assertArrayEquals(fixed.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve(in.getFileName().toString())),
                    in.getFileName() + " differs from `unspin fix`");
        }
    }
}
