package dev.unspin.eval;

import dev.unspin.restore.Restorer;
import dev.unspin.restore.Result;
import dev.unspin.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The measurement that says something about spinners the restorer has not seen: clean documents it
 * was not trained on, spun by each held-out spinner profile with only the held-out fold of moves, and
 * restored by a restorer whose dictionaries lack that fold. Scored at edit level like score.py.
 */
public final class HeldOutProtocol {
    public record Row(String name, int documents, int words, Counts counts, double changesPer10k) {
        public String format() {
            return String.format(Locale.ROOT, "%-22s %5d %8d  P %.3f  R %.3f  F0.5 %.3f  (TP %d FP %d FN %d)%s", name, documents, words,
                    counts.precision(), counts.recall(), counts.f05(), counts.tp(), counts.fp(), counts.fn(),
                    Double.isNaN(changesPer10k) ? "" : String.format(Locale.ROOT, "  %.2f changes per 10k words", changesPer10k));
        }
    }

    private final Restorer restorer;

    public HeldOutProtocol(Restorer restorer) {
        this.restorer = restorer;
    }

    /** Spins each clean text with the profile (held-out moves) and scores the restorer on it. */
    public static List<String> spinAll(TextAnalyzer analyzer, MoveTable heldOutMoves, TrainingSpinner.Profile p, List<String> clean, long seed) {
        TrainingSpinner sp = new TrainingSpinner(analyzer, heldOutMoves);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            out.add(sp.spin(clean.get(i), p, seed * 7919 + i));
        }
        return out;
    }

    /** Scores the restorer on annotated texts (clean ones have no marks: every change is a false alarm). */
    public Row score(String name, List<String> annotated) {
        List<Annotation> anns = annotated.stream().map(Annotation::parse).toList();
        List<Result> results = IntStream.range(0, anns.size()).parallel().mapToObj(i -> restorer.restore(anns.get(i).spun())).toList();
        Counts total = Counts.ZERO;
        int words = 0;
        boolean clean = true;
        for (int i = 0; i < anns.size(); i++) {
            total = total.plus(Scorer.score(anns.get(i), results.get(i).text(), null));
            words += anns.get(i).spun().split("\\s+").length;
            clean &= anns.get(i).edits().isEmpty();
        }
        return new Row(name, anns.size(), words, total, clean ? 1e4 * total.fp() / Math.max(1, words) : Double.NaN);
    }
}
