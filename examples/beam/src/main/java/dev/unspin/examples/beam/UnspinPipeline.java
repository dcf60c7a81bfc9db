package dev.unspin.examples.beam;

import dev.unspin.Unspin;
import dev.unspin.restore.Restorer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;

/**
 * unspin inside an Apache Beam job: each worker builds one Restorer in {@code @Setup} (the model is
 * memory-mapped, so workers on one machine share its pages) and restores whole articles, one element
 * each; every output file has its input's name and exactly the bytes `unspin fix` writes for it.
 *
 * <pre>
 * mvn -Pbeam verify      # runs it on the DirectRunner over samples/ and checks it against `unspin fix`
 * java -cp CLASSPATH dev.unspin.examples.beam.UnspinPipeline --input='archive/*.txt' --output=clean/ [--model=en-us.ulm] [--runner=...]
 * </pre>
 *
 * Input names must be unique across the patterns: outputs are named after the input file alone.
 */
public final class UnspinPipeline {
    private UnspinPipeline() {
    }

    /** The job's options, given as --name=value like every Beam option. */
    public interface UnspinOptions extends PipelineOptions {
        @Description("Input file patterns, comma-separated (e.g. 'archive/*.txt,more/*.md')")
        @Validation.Required
        String getInput();

        void setInput(String value);

        @Description("Output folder: one restored file per input, under the input's file name")
        @Validation.Required
        String getOutput();

        void setOutput(String value);

        @Description("Language model (.ulm); empty: found as the CLI finds it ($UNSPIN_LM, beside the jar, the user cache)")
        @Default.String("")
        String getModel();

        void setModel(String value);
    }

    /** Restores one article per element: (file name, spun text) -> (file name, restored text). */
    public static final class RestoreFn extends DoFn<KV<String, String>, KV<String, String>> {
        private static final long serialVersionUID = 1L;
        private final String modelPath;
        private transient Restorer restorer;

        public RestoreFn(String modelPath) {
            this.modelPath = modelPath;
        }

        @Setup
        public void setup() throws IOException {
            restorer = modelPath.isEmpty() ? Unspin.english() : Unspin.english(Path.of(modelPath));
        }

        @ProcessElement
        public void process(@Element KV<String, String> article, OutputReceiver<KV<String, String>> out) {
            out.output(KV.of(article.getKey(), restorer.restore(article.getValue()).text()));
        }
    }

    /** Reads each matched file whole: (file name, text). */
    static final class ReadFn extends DoFn<FileIO.ReadableFile, KV<String, String>> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void read(@Element FileIO.ReadableFile f, OutputReceiver<KV<String, String>> out) throws IOException {
            out.output(KV.of(f.getMetadata().resourceId().getFilename(), f.readFullyAsUTF8String()));
        }
    }

    /**
     * Writes an element's text as it is: TextIO's sink would add a newline after every element and
     * lose the file names, so the restored article would differ from its input by more than the repairs.
     */
    static final class RawTextSink implements FileIO.Sink<String> {
        private static final long serialVersionUID = 1L;
        private transient OutputStream out;

        @Override
        public void open(WritableByteChannel channel) {
            out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /** Builds the pipeline: match, read whole files, restore, write each under its own name. */
    public static Pipeline build(UnspinOptions options) {
        List<String> patterns = Arrays.stream(options.getInput().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Pipeline p = Pipeline.create(options);
        p.apply("Patterns", Create.of(patterns))
                .apply(FileIO.matchAll())
                .apply(FileIO.readMatches())
                .apply("Read", ParDo.of(new ReadFn()))
                .apply("Restore", ParDo.of(new RestoreFn(options.getModel())))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
                .apply("Write", FileIO.<String, KV<String, String>>writeDynamic()
                        .by(KV::getKey)
                        .withDestinationCoder(StringUtf8Coder.of())
                        .via(org.apache.beam.sdk.transforms.Contextful.fn(KV::getValue), new RawTextSink())
                        .to(options.getOutput())
                        .withNumShards(1)
                        .withNaming(name -> (window, pane, numShards, shardIndex, compression) -> name));
        return p;
    }

    /** Runs the pipeline to its end; on a local disk, removes the (then empty) folder Beam stages files in. */
    public static PipelineResult.State run(UnspinOptions options) {
        PipelineResult.State state = build(options).run().waitUntilFinish();
        try {
            java.nio.file.Files.deleteIfExists(Path.of(options.getOutput(), ".temp-beam"));
        } catch (IOException | RuntimeException notLocalOrNotEmpty) {
            // a remote file system, or a failed run that left files to look at: keep it
        }
        return state;
    }

    public static void main(String[] args) {
        UnspinOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(UnspinOptions.class);
        PipelineResult.State state = run(options);
        if (state != PipelineResult.State.DONE) {
            System.err.println("unspin beam: pipeline ended " + state);
            System.exit(1);
        }
    }
}
