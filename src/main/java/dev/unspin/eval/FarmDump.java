package dev.unspin.eval;

import dev.unspin.restore.Calibration;
import dev.unspin.restore.Candidate;
import dev.unspin.restore.ChannelModel;
import dev.unspin.restore.DocumentEm;
import dev.unspin.restore.Lattice;
import dev.unspin.restore.Restorer;
import dev.unspin.text.Token;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A measuring aid for {@code unspin learn} (not part of the tool): analyses every article of a synthetic farm with the
 * learner's restorer and writes one line per candidate (document, token position, spun form, original, family, rank, the
 * restorer's calibrated probability, the window's log10 gain, the channel's base probability, the unigrams, and whether
 * the farm's annotation says that position was spun from that original), and one line per word as written. Offline
 * analysis of why a move is missed (never proposed, pruned, or cut) reads that file.
 *
 * <pre>dump MODEL FARM_DIR ANN_DIR OUT.tsv</pre>
 */
public final class FarmDump {
    private FarmDump() {
    }

    public static void main(String[] args) throws Exception {
        Restorer r = dev.unspin.Unspin.english(Path.of(args[0])); // the restorer fix builds by default
        Calibration cal = r.calibration();
        ChannelModel ch = new ChannelModel(cal);
        System.err.printf(Locale.ROOT, "lmWeight %.4f trainingRate %.5f%n", ch.lmWeight(), cal.trainingRate());
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            for (Path f : files) {
                String name = f.getFileName().toString().replace(".txt", "");
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Annotation ann = Annotation.parse(Files.readString(Path.of(args[2]).resolve(name + ".ann"), StandardCharsets.UTF_8));
                Map<Integer, String> gold = new HashMap<>();
                for (Annotation.GoldEdit e : ann.edits()) {
                    gold.put(e.start(), Token.normalise(e.alternatives().get(0)));
                }
                DocumentEm.Analysis a = r.analyse(text);
                out.write("D\t" + name + "\t" + String.format(Locale.ROOT, "%.5f", a.spinRate()) + "\n");
                for (int li = 0; li < a.lattices().size(); li++) {
                    Lattice l = a.lattices().get(li);
                    List<Token> toks = l.sentence().tokens();
                    for (int i = 0; i < toks.size(); i++) {
                        Token t = toks.get(i);
                        if (t.isWord()) {
                            String g = gold.get(t.start());
                            out.write("W\t" + t.key() + "\t" + String.format(Locale.ROOT, "%.3f", l.unigram(i)) + "\t" + (g == null ? "" : g) + "\n");
                        }
                    }
                    double[] p = a.probability().get(li);
                    List<Candidate> cs = l.candidates();
                    for (int k = 0; k < cs.size(); k++) {
                        Candidate c = cs.get(k);
                        StringBuilder spun = new StringBuilder();
                        for (int j = c.start(); j < c.end(); j++) {
                            spun.append(j > c.start() ? " " : "").append(toks.get(j).key());
                        }
                        String orig = Token.normalise(c.replacement());
                        String g = gold.get(toks.get(c.start()).start());
                        double spunUni = 0;
                        for (int j = c.start(); j < c.end(); j++) {
                            spunUni += l.unigram(j);
                        }
                        out.write(String.format(Locale.ROOT, "C\t%d:%d\t%s\t%s\t%s\t%d\t%.4g\t%.3f\t%.4g\t%.3f\t%.3f\t%d%n", li, c.start(), spun, orig,
                                c.source(), c.rank(), p[k], l.localGain(k), ch.base(c, l.candidateUnigram(k), spunUni), l.candidateUnigram(k), spunUni,
                                orig.equals(g) ? 1 : 0));
                    }
                }
            }
        }
    }
}
