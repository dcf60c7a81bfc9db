package dev.unspin.examples.beam;

import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.lm.LmScorer;
import dev.unspin.lm.NgramModel;
import dev.unspin.restore.Options;
import dev.unspin.restore.Restorer;
import dev.unspin.text.TextAnalyzer;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;

/**
 * The same restorer inside an Apache Beam job: each worker builds one Restorer in {@code @Setup}
 * (the model is memory-mapped, so workers on one machine share its pages) and restores whole
 * articles, one element each. Built only with {@code mvn -Pbeam compile}; the CLI never depends on Beam.
 *
 * <pre>
 * java -cp ... dev.unspin.examples.beam.UnspinPipeline 'archive/*.txt' out/clean /path/to/en-us.ulm
 * </pre>
 */
public final class UnspinPipeline {
    private UnspinPipeline() {
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
        public void setup() throws Exception {
            TextAnalyzer analyzer = TextAnalyzer.english();
            restorer = new Restorer(analyzer, new DictionaryLoader(analyzer).load(true, List.of()),
                    new LmScorer(NgramModel.open(Path.of(modelPath))), Options.defaults());
        }

        @ProcessElement
        public void process(@Element KV<String, String> article, OutputReceiver<KV<String, String>> out) {
            out.output(KV.of(article.getKey(), restorer.restore(article.getValue()).text()));
        }
    }

    public static void main(String[] args) {
        Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
        p.apply(FileIO.match().filepattern(args[0]))
                .apply(FileIO.readMatches())
                .apply(ParDo.of(new DoFn<FileIO.ReadableFile, KV<String, String>>() {
                    private static final long serialVersionUID = 1L;

                    @ProcessElement
                    public void read(@Element FileIO.ReadableFile f, OutputReceiver<KV<String, String>> out) throws java.io.IOException {
                        out.output(KV.of(f.getMetadata().resourceId().getFilename(), f.readFullyAsUTF8String()));
                    }
                }))
                .apply(ParDo.of(new RestoreFn(args[2])))
                .apply(ParDo.of(new DoFn<KV<String, String>, String>() {
                    private static final long serialVersionUID = 1L;

                    @ProcessElement
                    public void write(@Element KV<String, String> kv, OutputReceiver<String> out) {
                        out.output(kv.getValue());
                    }
                }))
                .apply(TextIO.write().to(args[1]));
        p.run().waitUntilFinish();
    }
}
