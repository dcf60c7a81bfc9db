package dev.unspin.restore;

import dev.unspin.dictionary.DictionaryException;
import dev.unspin.dictionary.DictionaryLoader;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.TextAnalyzer;
import dev.unspin.text.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Learns a content farm's spinner from its own output: decipherment, with move rates shared by every document of the
 * farm. A farm's spinner is deterministic per word: the words it replaces thin out, and their one spun form turns up at
 * their frequency, in their places, in every article. Each document is analysed by the restorer (the candidates of the
 * same generators, decoded in context and calibrated); for every candidate move, spun phrase -> replacement (both as
 * normalised tokens), the folder keeps the sum of the calibrated probabilities, the histogram of each position's
 * evidence, and per spun form its candidate positions, its documents and the words as written. {@link #all} then
 * estimates each move over the whole folder (see there) and {@link Thresholds} keeps the farm's moves.
 *
 * <p>Thread-safe accumulation (call {@link #add} from many threads; ask {@link #all} and {@link #moves} once they are
 * done), no I/O: the caller streams the files. Memory is
 * per move, not per document: counters per spun form, per word and per move the decoder did not rule out.
 */
public final class FarmLearner {
    /**
     * One move over the folder: {@code count} its expected uses, {@code occurrences} its spun form's candidate positions
     * (rate = count / occurrences), {@code calibrated} the sum of the restorer's own calibrated probabilities (each document
     * judged alone), {@code excess} the share of the spun form's uses beyond what the language model expects of it,
     * {@code share} the share of the original's uses that the farm spun this way (count / (count + the original as
     * written)), {@code spread} how evenly the spun form is spread over the documents (1: like uses thrown at random).
     */
    public record Move(String spun, String original, double count, long occurrences, double calibrated, double excess, double share,
                       double spread) {
        public double rate() {
            return occurrences == 0 ? 0 : count / occurrences;
        }

        /** The restorer's mean calibrated probability where the spun form stood. */
        public double calibratedRate() {
            return occurrences == 0 ? 0 : calibrated / occurrences;
        }
    }

    /**
     * Which moves are kept: expected uses, rate, the original's spun share, the spun form's spread over documents and the
     * restorer's own mean probability, each at least the given value.
     *
     * <p>How {@link #DEFAULT} was chosen: a synthetic farm (eval/SyntheticFarm: Brown articles of ~300 words spun at rate
     * 0.5 on eligible words by 150 moves of the held-out fold's PPDB and thesaurus families at ranks 1-3, one fixed spun
     * form per original, no bundled dictionary holding the spun form). On one set of 1,000 of its articles (3,442 spun
     * words) a grid over the five cuts (count 2-8, rate 0.5-0.95, share 0.2-0.45, spread 0-0.9, mean probability 0-0.05)
     * gave, for a precision of the kept moves against the table of at least 0.8, at most a recall of 0.31: count 5, rate
     * 0.8, share 0.4, spread 0.7, mean probability 0.03 (at a precision of 0.7: recall 0.37). On 1,000 other articles the
     * same cut keeps 55 moves, precision 0.82, recall 0.30 (figures in the project notes, h6-readme.md). Count and rate
     * alone (the restorer's probabilities summed, or the folder estimate) never reached a precision of 0.12: common words
     * with a synonym the language model prefers ("which" -> "that") have a high rate, and topical words of a few articles
     * ("chlorine" -> "oxygen") a high count; the share and the spread rule those out. The share cut assumes a spinner that
     * replaces at least ~40% of an original's uses, as this one (0.5) does: lower it (--min-share) for a lighter spinner.
     *
     * <p>The count a move needs grows with the folder ({@code minPerMillion} uses per million words, at least
     * {@code minCount}): false moves pass the other cuts at a constant rate, so a fixed count lets more of them in as the
     * folder grows. On the whole synthetic farm (2,858 articles, 1.0M words) a fixed count of 5 kept 86 moves at a
     * precision of 0.66 (recall 0.38); 10 (that is, 10 per million words) kept 69 at 0.81 (recall 0.37).
     */
    public record Thresholds(double minCount, double minPerMillion, double minRate, double minShare, double minSpread, double minCalibratedRate) {
        /** Whether the move is kept in a folder of {@code words} words. */
        public boolean keeps(Move m, long words) {
            return m.count() >= Math.max(minCount, minPerMillion * words / 1e6) && m.rate() >= minRate && m.share() >= minShare
                    && m.spread() >= minSpread && m.calibratedRate() >= minCalibratedRate;
        }
    }

    /** The cut measured to keep a precision of 0.8 on the synthetic farm (see {@link Thresholds}). */
    public static final Thresholds DEFAULT = new Thresholds(5, 10, 0.8, 0.4, 0.7, 0.03);

    /** The restorer's parts, so a restorer with learnt moves can be made from it. */
    public record Engine(TextAnalyzer analyzer, List<CandidateGenerator> generators, LmScorer scorer, Calibration calibration,
                         boolean protectQuotes) {
        public Restorer restorer() {
            return new Restorer(analyzer, generators, scorer, calibration, protectQuotes);
        }

        /**
         * The restorer with the learnt moves asked first, as family {@link Source#USER}: a move already offered by another
         * generator then carries the user family (the first generator to offer a replacement gives its family), so the
         * document's estimate of that family's rate lifts all of the farm's moves together.
         */
        public Restorer restorer(PhraseDictionary learnt) {
            if (learnt == null || learnt.size() == 0) {
                return restorer();
            }
            List<CandidateGenerator> g = new ArrayList<>();
            g.add(new DictionaryCandidates(learnt, Source.USER));
            g.addAll(generators);
            return new Restorer(analyzer, g, scorer, calibration, protectQuotes);
        }

        /** The learnt moves as a dictionary, parsed like a --dict file (so what `learn` writes and what --adapt uses agree). */
        public PhraseDictionary dictionary(List<Move> moves) throws DictionaryException {
            DictionaryLoader loader = new DictionaryLoader(analyzer);
            byte[] text = FarmLearner.dictionaryText(moves, List.of()).getBytes(StandardCharsets.UTF_8);
            return new PhraseDictionary(loader.expand(loader.parser().parseBytes("learnt", text)));
        }
    }

    /** One pass over the farm: hands every document to the consumer, from as many threads as it likes. */
    @FunctionalInterface
    public interface Pass {
        void run(java.util.function.Consumer<String> document) throws Exception;
    }

    /** Called before each pass (round number from 1, and how many there are): for a progress display. */
    @FunctionalInterface
    public interface RoundListener {
        void starting(int round, int rounds);
    }

    /**
     * The rounds of estimation: each but the last keeps its strongest moves ({@code seed}) and the next round restores with
     * them proposed first as family USER, so that every document's estimate of that family's rate rises with the farm's
     * moves and their posteriors with it; the last round's accumulation is returned (cut it with {@link #moves}).
     */
    public static FarmLearner learn(Engine engine, int rounds, Thresholds seed, Pass pass, RoundListener listener) throws Exception {
        PhraseDictionary learnt = null;
        FarmLearner acc = null;
        for (int r = 1; r <= Math.max(1, rounds); r++) {
            listener.starting(r, Math.max(1, rounds));
            FarmLearner a = new FarmLearner(engine.calibration());
            Restorer res = engine.restorer(learnt);
            pass.run(text -> a.add(res, text));
            acc = a;
            if (r < rounds) {
                learnt = engine.dictionary(a.moves(seed));
            }
        }
        return acc;
    }

    private final ConcurrentHashMap<String, MoveStats> stats = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Double> spunUnigram = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> positions = new ConcurrentHashMap<>();
    private final DoubleAdder rateTimesWords = new DoubleAdder();
    private final LongAdder words = new LongAdder();
    private final LongAdder documents = new LongAdder();
    private final Calibration cal;
    private final ChannelModel channel;

    /** @param cal the restorer's calibration (its channel's prior is divided out of each posterior) */
    public FarmLearner(Calibration cal) {
        this.cal = cal;
        this.channel = new ChannelModel(cal);
    }

    /** Analyses one document with the restorer and adds what it shows. */
    public DocumentEm.Analysis add(Restorer restorer, String text) {
        DocumentEm.Analysis a = restorer.analyse(text);
        add(a);
        return a;
    }

    /** Adds one analysed document: each candidate's evidence to its move, each candidate position to its spun form. */
    public void add(DocumentEm.Analysis a) {
        Map<String, double[]> s = new HashMap<>();
        Map<String, Integer> n = new HashMap<>();
        long w = 0;
        double scale = Double.isNaN(a.spinRate()) ? 1 : a.spinRate() / cal.trainingRate();
        for (int li = 0; li < a.lattices().size(); li++) {
            Lattice l = a.lattices().get(li);
            w += l.words();
            double[] p = a.probability().get(li);
            Set<String> here = new HashSet<>();
            for (dev.unspin.text.Token t : l.sentence().tokens()) {
                if (t.isWord()) {
                    n.merge(WORD + t.key(), 1, Integer::sum);
                }
            }
            List<Candidate> cs = l.candidates();
            for (int k = 0; k < cs.size(); k++) {
                Candidate c = cs.get(k);
                String spun = spunKey(l, c);
                if (here.add(c.start() + ":" + spun)) {
                    if (n.merge(spun, 1, Integer::sum) == 1) {
                        n.put(DOCS + spun, 1);
                    }
                    spunUnigram.putIfAbsent(spun, DocumentEm.spunUnigram(l, c));
                }
                if (p[k] <= 0) {
                    continue; // the decoder ruled this reading out here: it adds nothing to the move's estimate
                }
                double g = evidence(p[k], channel.base(c, l.candidateUnigram(k), DocumentEm.spunUnigram(l, c)), scale);
                double[] acc = s.computeIfAbsent(spun + '\t' + Token.normalise(c.replacement()), x -> new double[1 + BINS]);
                acc[0] += p[k];
                acc[1 + bin(g)] += 1;
            }
        }
        // merged per document first: one map operation per move and document, not per candidate
        s.forEach((k, v) -> {
            MoveStats m = stats.computeIfAbsent(k, x -> new MoveStats());
            synchronized (m) {
                m.probability += v[0];
                for (int b = 0; b < BINS; b++) {
                    m.gains[b] += (int) v[1 + b];
                }
            }
        });
        n.forEach((k, v) -> positions.computeIfAbsent(k, x -> new LongAdder()).add(v));  // spun forms, and words as written
        if (!Double.isNaN(a.spinRate())) {
            rateTimesWords.add(a.spinRate() * w);
        }
        words.add(w);
        documents.increment();
    }

    /**
     * The document's evidence for a candidate, as a log10 likelihood ratio: the restorer's calibrated posterior odds over the
     * prior odds it started from (the channel's base odds at the document's rate). The posterior has weighed the context, the
     * other readings of the same words and the language model's known biases; dividing the prior out leaves what this
     * position says, so the folder's own prior for the move can take the channel's place.
     */
    static double evidence(double p, double base, double scale) {
        double q = Math.min(p, 1 - 1e-9);
        return Math.log10(q / (1 - q)) - ChannelModel.priorLog10Odds(base, scale);
    }

    /** Prefix of the word counts kept beside the spun forms' position counts (a tab never occurs in a token key). */
    private static final String WORD = "\t";

    /** Prefix of the spun forms' document counts. */
    private static final String DOCS = "\t\t";

    /** Log10 likelihood ratios are kept as a histogram per move, in bins of {@link #BIN_WIDTH} from {@link #MIN_GAIN}. */
    static final double MIN_GAIN = -4;
    static final double BIN_WIDTH = 0.25;
    static final int BINS = 56;

    static int bin(double g) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor((g - MIN_GAIN) / BIN_WIDTH)));
    }

    static double binCentre(int b) {
        return MIN_GAIN + (b + 0.5) * BIN_WIDTH;
    }

    /** Per move: the restorer's calibrated probabilities summed, and the histogram of its evidence (log10 likelihood ratios). */
    private static final class MoveStats {
        double probability;
        final int[] gains = new int[BINS];
    }

    static String spunKey(Lattice l, Candidate c) {
        StringBuilder sb = new StringBuilder();
        for (int k = c.start(); k < c.end(); k++) {
            sb.append(k > c.start() ? " " : "").append(l.sentence().tokens().get(k).key());
        }
        return sb.toString();
    }

    /**
     * Every move seen, strongest (expected count) first, estimated over the whole folder. A spun form's positions are a
     * mixture: the writer's own uses of the phrase, and the farm's replacements of an original. The phrase's excess: the
     * farm writes it N times where the language model's unigram expects E, so at most 1 - E/N of its positions can be spun.
     * Each original's evidence at each position ({@link #evidence}: the restorer's posterior odds over its prior odds) gives
     * the maximum-likelihood share theta of the phrase's positions that stood for that original (EM over the evidence
     * histogram, the folder's theta in place of the channel's prior). The originals of one phrase compete for its excess:
     * the one the restorer itself believed most (highest summed probability) takes its share first, the next what is left.
     * A move's count is then its expected uses at that share (the posteriors summed), its rate that over the positions,
     * its share that over its uses plus the original's own uses as written, and its spread is its phrase's.
     */
    public List<Move> all() {
        long w = words.sum();
        Map<String, List<Map.Entry<String, MoveStats>>> bySpun = new HashMap<>();
        stats.forEach((k, v) -> bySpun.computeIfAbsent(k.substring(0, k.indexOf('\t')), x -> new ArrayList<>()).add(Map.entry(k, v)));
        double[] lr = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            lr[b] = Math.pow(10, binCentre(b));
        }
        List<Move> out = new ArrayList<>();
        bySpun.forEach((spun, ms) -> {
            LongAdder occ = positions.get(spun);
            long n = occ == null ? 0 : occ.sum();
            if (n == 0) {
                return;
            }
            double expected = w * Math.pow(10, spunUnigram.getOrDefault(spun, -99.0));
            LongAdder dc = positions.get(DOCS + spun);
            long d = documents.sum();
            // how evenly the phrase is spread over the documents: 1 when it turns up in as many documents as n uses thrown
            // at random would reach, low for a topical word that a few articles repeat
            double spread = dc == null || d == 0 ? 0 : dc.sum() / (d * (1 - Math.exp(-(double) n / d)));
            double excess = Math.max(0, 1 - expected / n);
            // the originals of one phrase compete for its excess: the one the restorer itself believed most takes its share
            // first, the next what is left, and so on (a deterministic spinner gives a phrase one original, rarely two)
            ms.sort(Comparator.comparingDouble((Map.Entry<String, MoveStats> e) -> e.getValue().probability).reversed());
            double left = excess;
            for (Map.Entry<String, MoveStats> e : ms) {
                MoveStats m = e.getValue();
                double t = Math.min(share(m.gains, n, lr), left);
                left -= t;
                double count = 0;
                for (int b = 0; b < BINS; b++) {
                    count += m.gains[b] == 0 ? 0 : m.gains[b] * posterior(t, lr[b]);
                }
                String original = e.getKey().substring(e.getKey().indexOf('\t') + 1);
                long seen = Long.MAX_VALUE;
                for (String word : original.split(" ")) {
                    LongAdder c = positions.get(WORD + word);
                    seen = Math.min(seen, c == null ? 0 : c.sum());
                }
                out.add(new Move(spun, original, count, n, m.probability, excess, count + seen == 0 ? 0 : count / (count + seen), spread));
            }
        });
        out.sort(Comparator.comparingDouble(Move::count).reversed().thenComparing(Move::spun).thenComparing(Move::original));
        return out;
    }

    /** The maximum-likelihood share of the phrase's n positions that stood for this original (EM on its gain histogram). */
    static double share(int[] gains, long n, double[] lr) {
        double t = 0.5;
        for (int it = 0; it < 100; it++) {
            double sum = 0;
            for (int b = 0; b < BINS; b++) {
                sum += gains[b] == 0 ? 0 : gains[b] * posterior(t, lr[b]);
            }
            double next = sum / n;
            if (Math.abs(next - t) < 1e-6) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private static double posterior(double theta, double lr) {
        double a = theta * lr;
        return a == 0 ? 0 : a / (a + 1 - theta);
    }

    /** The moves that pass the thresholds, strongest first. */
    public List<Move> moves(Thresholds t) {
        long w = words.sum();
        List<Move> out = new ArrayList<>();
        for (Move m : all()) {
            if (t.keeps(m, w) && writable(m.spun()) && writable(m.original())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether a phrase can stand on a dictionary line: none of the format's own marks, and a word in it. */
    static boolean writable(String phrase) {
        return !phrase.isBlank() && phrase.chars().noneMatch(ch -> ch == '#' || ch == ';' || ch == '|' || ch == '=' || ch == '>')
                && phrase.chars().anyMatch(Character::isLetter);
    }

    /** The farm's spin rate: the documents' estimated rates, weighted by their words. */
    public double spinRate() {
        long w = words.sum();
        return w == 0 ? Double.NaN : rateTimesWords.sum() / w;
    }

    public long words() {
        return words.sum();
    }

    public long documents() {
        return documents.sum();
    }

    /**
     * The moves as a dictionary that --dict reads: one line per spun form, its originals best first, each line a context
     * entry with its figures in a trailing comment; {@code header} lines become comments at the top.
     */
    public static String dictionaryText(List<Move> moves, List<String> header) {
        Map<String, List<Move>> bySpun = new LinkedHashMap<>();
        for (Move m : moves) {
            bySpun.computeIfAbsent(m.spun(), k -> new ArrayList<>()).add(m);
        }
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        for (Map.Entry<String, List<Move>> e : bySpun.entrySet()) {
            List<Move> ms = e.getValue();
            StringBuilder origs = new StringBuilder();
            StringBuilder figures = new StringBuilder();
            for (Move m : ms) {
                origs.append(origs.length() > 0 ? " | " : "").append(m.original());
                figures.append(figures.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "count=%.1f rate=%.3f share=%.3f spread=%.3f p=%.3f n=%d",
                        m.count(), m.rate(), m.share(), m.spread(), m.calibratedRate(), m.occurrences()));
            }
            sb.append(e.getKey()).append(" => ").append(origs).append(" ; ctx    # ").append(figures).append('\n');
        }
        return sb.toString();
    }
}
