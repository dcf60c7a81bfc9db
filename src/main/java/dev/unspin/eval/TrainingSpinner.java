package dev.unspin.eval;

import dev.unspin.restore.Source;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Spins clean text as one spinner would, for training and held-out evaluation: a spinner is a rate
 * (the share of words it tries to replace) and a profile (how much it draws on each family of moves).
 * At each word it picks, among the moves whose original starts there (phrases before words), one with
 * probability proportional to its family's weight and falling with each rank, and marks it
 * [[spun=>original]]. Like real spinners, it mostly sticks to its first choice for an original within a
 * document (four times in five), so its moves repeat. Names (capitalised words inside a sentence) are
 * left alone. Deterministic per seed.
 */
public final class TrainingSpinner {
    public record Profile(String name, double rate, Map<Source, Double> weights) {
        public Profile {
            EnumMap<Source, Double> m = new EnumMap<>(Source.class);
            m.putAll(weights);
            weights = m;
        }
    }

    private final TextAnalyzer analyzer;
    private final MoveTable moves;

    public TrainingSpinner(TextAnalyzer analyzer, MoveTable moves) {
        this.analyzer = analyzer;
        this.moves = moves;
    }

    /** The annotated spun text. */
    public String spin(String text, Profile p, long seed) {
        Random rnd = new Random(seed);
        StringBuilder out = new StringBuilder(text.length() + 64);
        List<Annotation.GoldEdit> edits = new ArrayList<>();
        java.util.Map<String, MoveTable.Move> chosen = new java.util.HashMap<>();
        int at = 0;
        for (Sentence s : analyzer.sentences(text)) {
            List<Token> toks = s.tokens();
            int i = 0;
            while (i < toks.size()) {
                Token t = toks.get(i);
                if (!t.isWord() || (i > 0 && !s.startsClause(i) && Character.isUpperCase(t.text().charAt(0))) || rnd.nextDouble() >= p.rate()) {
                    i++;
                    continue;
                }
                List<MoveTable.Move> options = new ArrayList<>();
                List<Integer> lengths = new ArrayList<>();
                StringBuilder key = new StringBuilder();
                for (int len = 1; len <= Math.min(moves.maxLength(), toks.size() - i); len++) {
                    key.append(len > 1 ? " " : "").append(toks.get(i + len - 1).key());
                    for (MoveTable.Move m : moves.movesFor(key.toString())) {
                        options.add(m);
                        lengths.add(len);
                    }
                }
                double total = 0;
                double[] w = new double[options.size()];
                for (int k = 0; k < w.length; k++) {
                    MoveTable.Move m = options.get(k);
                    w[k] = p.weights().getOrDefault(m.source(), 0.0) * Math.pow(RANK_DECAY, m.rank());
                    total += w[k];
                }
                if (total <= 0) {
                    i++;
                    continue;
                }
                double u = rnd.nextDouble() * total;
                int pick = 0;
                while (pick < w.length - 1 && (u -= w[pick]) > 0) {
                    pick++;
                }
                MoveTable.Move before = chosen.get(options.get(pick).original().toLowerCase(java.util.Locale.ROOT));
                if (before != null && rnd.nextDouble() < STICK && options.contains(before)) {
                    pick = options.indexOf(before);
                } else {
                    chosen.put(options.get(pick).original().toLowerCase(java.util.Locale.ROOT), options.get(pick));
                }
                int len = lengths.get(pick);
                int start = t.start();
                int end = toks.get(i + len - 1).end();
                // The scorer's tokens are whole words with their inner hyphens and apostrophes: a move inside "long-term" is
                // marked over the whole word ([[langen-term=>long-term]]), or its restoration scores as a wrong change
                // and a miss (about 1% of held-out marks did, 2026-12-01). A word glued to the previous mark is left alone.
                int[] mark = Scorer.wordBounds(text, start, end);
                int markStart = mark[0];
                int markEnd = mark[1];
                if (markStart < at) {
                    i++;
                    continue;
                }
                String original = text.substring(start, end);
                String spun = matchCase(original, options.get(pick).spun());
                out.append(text, at, markStart);
                int spunStart = out.length();
                out.append(text, markStart, start).append(spun).append(text, end, markEnd);
                edits.add(new Annotation.GoldEdit(spunStart, out.length(), out.substring(spunStart), List.of(text.substring(markStart, markEnd)), false));
                at = markEnd;
                i += len;
                while (i < toks.size() && toks.get(i).start() < markEnd) {
                    i++;
                }
            }
        }
        out.append(text, at, text.length());
        return Annotation.format(out.toString(), edits);
    }

    /**
     * How much less likely each further rank of a family's moves is: spinners draw mostly on the common
     * synonyms (PPDB's and the thesaurus's first proposals), rarely on the tail.
     */
    private static final double RANK_DECAY = 0.3;

    /** How often the spinner reuses its first move for an original within a document. */
    private static final double STICK = 0.8;

    private static String matchCase(String original, String spun) {
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0)) && !spun.isEmpty()) {
            return Character.toUpperCase(spun.charAt(0)) + spun.substring(1);
        }
        return spun;
    }
}
