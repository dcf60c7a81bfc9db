package dev.unspin.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every number the restorer decides with, in one place: the fitted channel and decision models and
 * the few settings that remain, each written with the data and the measurement that chose it
 * ({@code notes}). {@code unspin calibrate} fits them and writes this record's file; the bundled one
 * is {@code /dev/unspin/restore/calibration.txt}.
 *
 * @param channel          weights of the channel model over {@link Features#channel} (natural log-odds that a
 *                         candidate of this family and rank is the original, at the training spin rate)
 * @param decision         weights of the calibrated decision over {@link Features#decision}
 * @param trainingRate     spin rate (substitutions per word) of the training documents: the channel's odds are relative to it
 * @param confidence       default --confidence: an edit is applied when its calibrated probability reaches it
 * @param ratePriorMean    prior mean of a document's spin rate
 * @param ratePriorWords   the prior's weight, in words: a document shorter than this leans on the prior
 * @param familyPriorWeight pseudo-candidates per family that tie a document's family rates to the global ones
 * @param emIterations     rounds of per-document re-estimation
 * @param beam             decoder nodes kept per token position (8: with the same weights, `unspin heldout --calibration`
 *                         at beam 6 lost 0.001-0.003 F0.5 per held-out style and the real pages fell from 0.270 to 0.264; at
 *                         beam 4 up to 0.008, and 0.237; light spins gained at both, 2026-12-01)
 * @param pruneLogOdds     candidates whose prior odds times their window likelihood ratio fall below this (log10) are not decoded
 * @param spunRate         `unspin check` calls a document spun above this estimated spin rate
 * @param notes            provenance: data, commands and figures behind the values
 */
public record Calibration(double[] channel, double[] decision, double trainingRate, double confidence, double ratePriorMean,
                          double ratePriorWords, double familyPriorWeight, int emIterations, int beam, double pruneLogOdds,
                          double spunRate, List<String> notes) {
    public static final String BUNDLED = "/dev/unspin/restore/calibration.txt";

    public Calibration {
        if (channel.length != Features.CHANNEL || decision.length != Features.DECISION) {
            throw new IllegalArgumentException("calibration has " + channel.length + "/" + decision.length + " weights, the features need "
                    + Features.CHANNEL + "/" + Features.DECISION + ": refit it with unspin calibrate");
        }
        notes = List.copyOf(notes);
        // copied in and out: restorers on many threads share one calibration, and a caller's write must not reach them
        channel = channel.clone();
        decision = decision.clone();
    }

    @Override
    public double[] channel() {
        return channel.clone();
    }

    @Override
    public double[] decision() {
        return decision.clone();
    }

    public static Calibration bundled() {
        InputStream in = Calibration.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("bundled resource " + BUNDLED + " is missing from the build");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Calibration withConfidence(double c) {
        return new Calibration(channel, decision, trainingRate, c, ratePriorMean, ratePriorWords, familyPriorWeight, emIterations, beam,
                pruneLogOdds, spunRate, notes);
    }

    public Calibration withModels(double[] ch, double[] dec, List<String> newNotes) {
        return new Calibration(ch, dec, trainingRate, confidence, ratePriorMean, ratePriorWords, familyPriorWeight, emIterations, beam,
                pruneLogOdds, spunRate, newNotes);
    }

    /**
     * The calibration for text known to be spun ({@code --assume-spun}): the decision reads every document's spin rate as the
     * term's cap ({@link Features#RATE_CAP}), where the rate no longer discounts a repair. A short text holds too few words for
     * its own rate to say anything, and the rate prior then reads it as clean: a spun sentence alone ("The corporate said it
     * would close the plant.") gets a probability of 0.025 for a repair whose language-model gain is 3.3 log10, and nothing
     * changes. The user who knows the text is spun can say so; the context still decides each repair.
     */
    public Calibration assumingSpun() {
        List<String> names = Features.decisionNames();
        int rate = names.indexOf("log10_capped_spin_rate");
        int alwaysRate = names.indexOf("log10_capped_spin_rate_always");
        double[] d = decision.clone();
        d[names.indexOf("bias")] += d[rate] * Math.log10(Features.RATE_CAP);
        d[rate] = 0;
        // an always entry's own slope over the rate, likewise read at the cap into its own term
        d[names.indexOf("always")] += d[alwaysRate] * Math.log10(Features.RATE_CAP);
        d[alwaysRate] = 0;
        return withModels(channel, d, notes);
    }

    public Calibration withSettings(double trainRate, double conf, double spun) {
        return new Calibration(channel, decision, trainRate, conf, ratePriorMean, ratePriorWords, familyPriorWeight, emIterations, beam,
                pruneLogOdds, spun, notes);
    }

    public static Calibration read(InputStream in) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("#")) {
                notes.add(line.length() > 1 ? line.substring(2) : "");
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new Calibration(weights(kv, "channel", Features.channelNames()), weights(kv, "decision", Features.decisionNames()),
                num(kv, "training_rate"), num(kv, "confidence"), num(kv, "rate_prior_mean"), num(kv, "rate_prior_words"),
                num(kv, "family_prior_weight"), (int) num(kv, "em_iterations"), (int) num(kv, "beam"), num(kv, "prune_log_odds"),
                num(kv, "spun_rate"), notes);
    }

    private static double num(Map<String, String> kv, String k) {
        String v = kv.get(k);
        if (v == null) {
            throw new IllegalArgumentException("calibration lacks '" + k + "' (written by another version of unspin? refit it with unspin calibrate)");
        }
        return Double.parseDouble(v);
    }

    /** Weights are written one per line as "channel.NAME = value", so a reader sees what each one weighs. */
    private static double[] weights(Map<String, String> kv, String prefix, List<String> names) {
        double[] w = new double[names.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = num(kv, prefix + "." + names.get(i));
        }
        return w;
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) {
            sb.append(n.isEmpty() ? "#" : "# " + n).append('\n');
        }
        line(sb, "training_rate", trainingRate);
        line(sb, "confidence", confidence);
        line(sb, "rate_prior_mean", ratePriorMean);
        line(sb, "rate_prior_words", ratePriorWords);
        line(sb, "family_prior_weight", familyPriorWeight);
        line(sb, "em_iterations", emIterations);
        line(sb, "beam", beam);
        line(sb, "prune_log_odds", pruneLogOdds);
        line(sb, "spun_rate", spunRate);
        List<String> cn = Features.channelNames();
        for (int i = 0; i < channel.length; i++) {
            line(sb, "channel." + cn.get(i), channel[i]);
        }
        List<String> dn = Features.decisionNames();
        for (int i = 0; i < decision.length; i++) {
            line(sb, "decision." + dn.get(i), decision[i]);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String k, double v) {
        sb.append(k).append(" = ").append(v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)).append('\n');
    }
}
