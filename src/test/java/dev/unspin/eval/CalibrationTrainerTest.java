package dev.unspin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.restore.Calibration;
import dev.unspin.restore.Features;
import dev.unspin.restore.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trainer on a small real run: curated spins of held-out addresses, the real restorer and model. */
class CalibrationTrainerTest {
    @Test
    void noCandidatesIsAClearError() {
        Fixtures f = Fixtures.get();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CalibrationTrainer(f.restorer, x -> { }).fit(List.of(), f.restorer.calibration(), 0.95, List.of()));
        assertTrue(e.getMessage().startsWith("calibration needs right and wrong candidates"), e.getMessage());
    }

    @Test
    void fitsAChannelAndADecisionThatTrustContextAndWritesItsValidation() throws Exception {
        Fixtures f = Fixtures.get();
        MoveTable moves = new MoveTable();
        moves.addDictionary(f.dictionary, m -> m.source() == Source.CURATED || m.source() == Source.CURATED_ALWAYS);
        TrainingSpinner spinner = new TrainingSpinner(f.analyzer, moves);
        String text = Files.readString(Fixtures.project().resolve("samples/heldout/spin-source/sotu-1990_george_bush_r.txt"));
        var sentences = f.analyzer.sentences(text);
        List<String> docs = new ArrayList<>();
        for (int i = 0; i + 8 <= sentences.size() && docs.size() < 20; i += 8) {
            String doc = text.substring(sentences.get(i).start(), sentences.get(i + 7).end());
            double rate = docs.size() % 4 == 3 ? 0 : 0.5; // a clean document in four
            docs.add(spinner.spin(doc, new TrainingSpinner.Profile("curated", rate, Map.of(Source.CURATED, 1.0, Source.CURATED_ALWAYS, 1.0)), i));
        }
        List<String> log = new ArrayList<>();
        Calibration start = f.restorer.calibration();
        Calibration c = new CalibrationTrainer(f.restorer, log::add).fit(docs, start, 0.95, List.of("test run"));
        assertEquals(Features.CHANNEL, c.channel().length);
        // the decision trusts the decoder's posterior, and the channel the language model's window gain
        assertTrue(c.decision()[1] > 0, "posterior weight " + c.decision()[1]);
        assertTrue(c.channel()[Features.CHANNEL_GAIN] > 0, "window gain weight " + c.channel()[Features.CHANNEL_GAIN]);
        assertTrue(c.confidence() >= 0.3 && c.confidence() <= 0.95, "confidence " + c.confidence());
        String notes = String.join("\n", c.notes());
        assertTrue(notes.contains("Reliability on the validation documents") && notes.contains("confidence = "), notes);
        // short pieces of the validation documents are validated apart
        assertTrue(notes.contains("Short validation pieces"), notes);
        // and an opening stretch of one spun training document in fifteen is trained on as a short document of its own
        assertTrue(log.stream().anyMatch(l -> l.matches("training documents: \\d+ \\([1-9]\\d* of them short\\), validation: \\d+ whole and [1-9]\\d* short pieces")),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("round 1:")), log.toString());
        // what it writes reads back to the same record
        Calibration again = Calibration.read(new java.io.ByteArrayInputStream(c.format().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(c.format(), again.format());
    }
}
