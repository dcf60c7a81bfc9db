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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Learns a content farm's spinner from its own output: decipherment, with move rates shared by every document of the
 * farm. A farm's spinner is deterministic per word: the words it replaces thin out, and their one spun form turns up at
 * their frequency, in their places, in every article. Each document is analysed by the restorer (the candidates of the
 * same generators); for every candidate position the folder keeps the originals proposed there with the language model's
 * window gain for each (not the decoder's verdict: measured on the synthetic farm, the restorer's calibrated probability
 * of a farm move whose spun form is an ordinary word is a few thousandths even where the window gain is 4-5 log10 units,
 * and its pruning drops some of them outright), and per spun form its positions, its documents, and the words as
 * written. {@link #all} then estimates every move's share of its spun form's positions over the whole folder (EM, see
 * there) and {@link Thresholds} keeps the farm's moves.
 *
 * <p>Thread-safe accumulation (call {@link #add} from many threads; ask {@link #all} and {@link #moves} once they are
 * done), no I/O: the caller streams the files. Memory is per spun form, not per document: counters, and a sample of at
 * most {@link #SAMPLE} of its positions (each a few originals and their gains), chosen by a hash of the document and the
 * position so that the same positions are kept whatever order the threads add the documents in.
 */
public final class FarmLearner {
    /**
     * One move over the folder: {@code count} its expected uses, {@code occurrences} its spun form's candidate positions
     * (rate = count / occurrences), {@code calibrated} the sum of the restorer's own calibrated probabilities (each document
     * judged alone), {@code excess} the share of the spun form's uses beyond what the language model expects of it,
     * {@code share} the share of the original's uses that the farm spun this way (count / (count + the original as
     * written)), {@code spread} how evenly the spun form is spread over the documents (1: like uses thrown at random),
     * {@code evidence} the mean log10 evidence for the original where the folder's estimate gives the move its positions
     * (weighted by each position's posterior), {@code spunExpected} and {@code originalExpected} how often the language
     * model's unigrams expect the spun form and the original in a folder of this size, {@code originalWritten} how often the
     * original stands as written. The last four are NaN for a move made with the eight-argument constructor (figures
     * not measured on a folder): {@link MoveModel} then does not judge it.
     */
    public record Move(String spun, String original, double count, long occurrences, double calibrated, double excess, double share,
                       double spread, double evidence, double spunExpected, double originalExpected, double originalWritten) {
        /** A move without the folder's decipherment figures (evidence, expected and written counts unknown). */
        public Move(String spun, String original, double count, long occurrences, double calibrated, double excess, double share, double spread) {
            this(spun, original, count, occurrences, calibrated, excess, share, spread, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

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
     * restorer's own mean probability, each at least the given value (the hand cuts), then, when a {@link MoveModel} is
     * given, its probability at least {@code minScore}.
     *
     * <p>How the hand cuts were chosen (l1): a synthetic farm (eval/SyntheticFarm: Brown articles of ~300 words spun at rate
     * 0.5 on eligible words by 150 moves of the held-out fold's PPDB and thesaurus families at ranks 1-3, one fixed spun
     * form per original, no bundled dictionary holding the spun form). On one set of 1,000 of its articles (A: 3,510 spun
     * words) a grid over the cuts (count 3-8, rate 0.05-0.5, share 0.1-0.4, spread 0-0.7, one or any originals per spun
     * form; eval/FarmGrid) gave, for a precision of the kept moves against the table of at least 0.8, at most a recall of
     * 0.53: count 5, rate 0.2, share 0.25, spread 0.5, one original per spun form (precision 0.85; {@link #HAND}). Count and
     * rate alone never reach a useful precision: common words with a synonym the language model prefers ("must" ->
     * "should") have a high rate, and topical words of a few articles a high count; the share and the spread rule those out.
     * The share cut assumes a spinner that replaces at least ~30% of an original's uses, as this one (0.5) does: lower it
     * (--min-share) for a lighter spinner. The restorer's mean probability (minCalibratedRate) is no longer cut on (0).
     *
     * <p>{@link #DEFAULT} (l2) lowers the count to 3 and lets {@link MoveModel#DEFAULT} judge what the hand cuts pass (moves
     * used 3-4 times with strong evidence in, weak moves used more often out): on set A precision 0.87, recall 0.57 (the
     * model's cross-validated figures on A: 0.84 and 0.565). Figures on other sets: README, "Learning a farm's spinner".
     *
     * <p>The count a move needs grows with the folder ({@code minPerMillion} uses per million words, at least
     * {@code minCount}): false moves pass the other cuts at a constant rate, so a fixed count lets more of them in as the
     * folder grows. The model was fitted on folders of 350,000 words; its count weight is not scaled with the folder.
     */
    public record Thresholds(double minCount, double minPerMillion, double minRate, double minShare, double minSpread, double minCalibratedRate,
                             int maxOriginals, MoveModel model, double minScore) {
        /** The hand cuts alone (no {@link MoveModel}). */
        public Thresholds(double minCount, double minPerMillion, double minRate, double minShare, double minSpread, double minCalibratedRate,
                          int maxOriginals) {
            this(minCount, minPerMillion, minRate, minShare, minSpread, minCalibratedRate, maxOriginals, null, 0);
        }

        /** Any number of originals per spun form, the hand cuts alone. */
        public Thresholds(double minCount, double minPerMillion, double minRate, double minShare, double minSpread, double minCalibratedRate) {
            this(minCount, minPerMillion, minRate, minShare, minSpread, minCalibratedRate, Integer.MAX_VALUE);
        }

        /**
         * Whether the move is kept in a folder of {@code words} words: every hand cut, then the model's probability (when there
         * is a model and {@code minScore} > 0; a move without the folder's figures is judged by the hand cuts alone).
         */
        public boolean keeps(Move m, long words) {
            return m.count() >= Math.max(minCount, minPerMillion * words / 1e6) && m.rate() >= minRate && m.share() >= minShare
                    && m.spread() >= minSpread && m.calibratedRate() >= minCalibratedRate
                    && (model == null || minScore <= 0 || !(model.probability(m) < minScore));
        }
    }

    /**
     * The cut chosen on the synthetic farm's set A: the hand cuts at count 3 (and 8 per million words), rate 0.2, share 0.25,
     * spread 0.5, then {@link MoveModel#DEFAULT} at a probability of 0.4 (see there), one original per spun form. The hand
     * cuts alone, as l1 chose them (count 5, 10 per million), are {@link #HAND}.
     */
    public static final Thresholds DEFAULT = new Thresholds(3, 8, 0.2, 0.25, 0.5, 0, 1, MoveModel.DEFAULT, 0.4);

    /** The hand cuts alone, the default before {@link MoveModel}: precision 0.85, recall 0.53 on set A. */
    public static final Thresholds HAND = new Thresholds(5, 10, 0.2, 0.25, 0.5, 0, 1);

    /** The restorer's parts, so a restorer with learnt moves can be made from it. */
    public record Engine(TextAnalyzer analyzer, List<CandidateGenerator> generators, LmScorer scorer, Calibration calibration,
                         boolean protectQuotes) {
        public Restorer restorer() {
            return new Restorer(analyzer, generators, scorer, calibration, protectQuotes);
        }

        /**
         * The restorer with the learnt moves asked first, as family {@link Source#LEARNT}, trusted as moves of a farm whose
         * documents are spun at the rate prior's mean ({@link #restorer(PhraseDictionary, double)}; the farm's own rate, when
         * the caller has it, does better).
         */
        public Restorer restorer(PhraseDictionary learnt) {
            return restorer(learnt, calibration.ratePriorMean());
        }

        /**
         * The restorer with the learnt moves asked first, as family {@link Source#LEARNT}: a move already offered by another
         * generator then carries the learnt family (the first generator to offer a replacement gives its family), so the
         * document's estimate of that family's rate lifts all of the farm's moves together. The decision is told the folder's
         * word for them ({@link #trusting}): with {@code farmRate} the farm's spin rate (substitutions per word, e.g.
         * {@link FarmLearner#spinRate}).
         */
        public Restorer restorer(PhraseDictionary learnt, double farmRate) {
            if (learnt == null || learnt.size() == 0) {
                return restorer();
            }
            List<CandidateGenerator> g = new ArrayList<>();
            g.add(new DictionaryCandidates(learnt, Source.LEARNT));
            g.addAll(generators);
            return new Restorer(analyzer, g, scorer, trusting(calibration, farmRate), protectQuotes);
        }

        /** The learnt moves as a dictionary, parsed like a --dict file (so what `learn` writes and what --adapt uses agree). */
        public PhraseDictionary dictionary(List<Move> moves) throws DictionaryException {
            DictionaryLoader loader = new DictionaryLoader(analyzer);
            byte[] text = FarmLearner.dictionaryText(moves, List.of()).getBytes(StandardCharsets.UTF_8);
            return new PhraseDictionary(loader.expand(loader.parser().parseBytes("learnt", text)));
        }
    }

    /**
     * The calibration that trusts learnt moves: the decision's weight of the family {@link Source#LEARNT} raised by what its
     * spin-rate term costs a document spun at {@code farmRate} against one at the term's cap ({@link Features#RATE_CAP}). The
     * decision was fitted on documents spun at 0.1-0.3 substitutions per word, and a document's own low rate tells it that
     * the document is probably clean; a farm that spins 1% of its words loses almost every repair that way (synthetic farm,
     * set A: `fix --adapt` recall 0.17). For a move the folder has shown to be the farm's, the document's rate is no longer
     * the evidence: at the farm's own rate the term is cancelled for the farm's documents, and the context still decides
     * (set A: recall 0.78 at a precision of 0.87; with the rate prior's mean in place of the farm's rate 0.65 at 0.90).
     */
    public static Calibration trusting(Calibration c, double farmRate) {
        List<String> names = Features.decisionNames();
        int rate = names.indexOf("log10_capped_spin_rate");
        int learnt = names.indexOf("source_learnt");
        double r = Double.isNaN(farmRate) || farmRate <= 0 ? c.ratePriorMean() : farmRate;
        double[] d = c.decision(); // a copy (Calibration hands out copies)
        d[learnt] += Math.max(0, d[rate]) * Math.max(0, Math.log10(Features.RATE_CAP) - Math.log10(Math.max(r, 1e-4)));
        return c.withModels(c.channel(), d, c.notes());
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
     * them proposed first as family LEARNT, so that every document's estimate of that family's rate rises with the farm's
     * moves and their posteriors with it; the last round's accumulation is returned (cut it with {@link #moves}).
     */
    public static FarmLearner learn(Engine engine, int rounds, Thresholds seed, Pass pass, RoundListener listener) throws Exception {
        PhraseDictionary learnt = null;
        FarmLearner acc = null;
        for (int r = 1; r <= Math.max(1, rounds); r++) {
            listener.starting(r, Math.max(1, rounds));
            FarmLearner a = new FarmLearner();
            Restorer res = engine.restorer(learnt);
            pass.run(text -> a.add(res, text));
            acc = a;
            if (r < rounds) {
                learnt = engine.dictionary(a.moves(seed));
            }
        }
        return acc;
    }

    private final ConcurrentHashMap<String, SpunForm> forms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> written = new ConcurrentHashMap<>();
    private final DoubleAdder rateTimesWords = new DoubleAdder();
    private final LongAdder words = new LongAdder();
    private final LongAdder documents = new LongAdder();

    private final int sample;

    public FarmLearner() {
        this(SAMPLE);
    }

    /** With another sample size per spun form (tests take a small one to exercise the sampling on a small farm). */
    FarmLearner(int sample) {
        this.sample = Math.max(1, sample);
    }

    /** Analyses one document with the restorer and adds what it shows. */
    public DocumentEm.Analysis add(Restorer restorer, String text) {
        DocumentEm.Analysis a = restorer.analyse(text);
        add(a, text.hashCode());
        return a;
    }

    /** Adds one analysed document (its positions sampled as if its text hashed to 0: see {@link #add(DocumentEm.Analysis, int)}). */
    public void add(DocumentEm.Analysis a) {
        add(a, 0);
    }

    /**
     * Adds one analysed document: every candidate position to its spun form, with each original's window gain there (the
     * decoder's verdict is not asked: a move it pruned in a document still shows its context's evidence), and the words as
     * written. {@code documentHash} (the text's hash) picks which positions a very common spun form keeps as its sample,
     * the same ones whatever order the documents come in.
     */
    public void add(DocumentEm.Analysis a, int documentHash) {
        Map<String, List<Position>> here = new HashMap<>();
        Map<String, Integer> n = new HashMap<>();
        long w = 0;
        for (int li = 0; li < a.lattices().size(); li++) {
            Lattice l = a.lattices().get(li);
            w += l.words();
            double[] p = a.probability().get(li);
            List<Token> toks = l.sentence().tokens();
            for (Token t : toks) {
                if (t.isWord()) {
                    n.merge(t.key(), 1, Integer::sum);
                }
            }
            Map<String, Position> at = new HashMap<>();
            List<Candidate> cs = l.candidates();
            for (int k = 0; k < cs.size(); k++) {
                Candidate c = cs.get(k);
                String spun = DocumentEm.spunKey(l, c);
                Position pos = at.computeIfAbsent(c.start() + ":" + spun, x -> {
                    Position q = new Position(mix(documentHash, toks.get(c.start()).start()), DocumentEm.spunUnigram(l, c));
                    here.computeIfAbsent(spun, y -> new ArrayList<>()).add(q);
                    return q;
                });
                pos.originals.add(Token.normalise(c.replacement()));
                pos.gains.add(l.localGain(k));
                pos.unigrams.add(l.candidateUnigram(k));
                pos.probabilities.add(p[k]);
            }
        }
        // merged per document first: one lock per spun form and document, not per candidate
        here.forEach((spun, ps) -> {
            SpunForm f = forms.computeIfAbsent(spun, x -> new SpunForm(ps.get(0).spunUnigram, sample));
            synchronized (f) {
                f.add(ps);
            }
        });
        n.forEach((k, v) -> written.computeIfAbsent(k, x -> new LongAdder()).add(v));
        if (!Double.isNaN(a.spinRate())) {
            rateTimesWords.add(a.spinRate() * w);
        }
        words.add(w);
        documents.increment();
    }

    /** One candidate position of a document: the originals proposed there, with their window gains and unigrams. */
    private static final class Position {
        final long hash;
        final double spunUnigram;
        final List<String> originals = new ArrayList<>(4);
        final List<Double> gains = new ArrayList<>(4);
        final List<Double> unigrams = new ArrayList<>(4);
        final List<Double> probabilities = new ArrayList<>(4);

        Position(long hash, double spunUnigram) {
            this.hash = hash;
            this.spunUnigram = spunUnigram;
        }
    }

    /** A position's sampling key: a 64-bit mix of the document's hash and the word's offset in it (splitmix64). */
    static long mix(int documentHash, int offset) {
        long z = ((long) documentHash << 32 | (offset & 0xffffffffL)) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * How many positions of one spun form are kept for the folder's estimate: all of them for all but the commonest forms;
     * beyond that the positions with the smallest sampling keys (a uniform sample, the same in any order of the documents),
     * so that memory stays bounded by the vocabulary, not the folder. Set by hand, not measured: on the synthetic farm's
     * sets (1,000 articles) few forms reach it.
     */
    static final int SAMPLE = 512;

    /**
     * Per spun form: its positions and documents, its originals (with their unigram and the restorer's summed probability),
     * and a sample of its positions, each as the originals proposed there and their window gains.
     */
    private static final class SpunForm {
        final double unigram;
        long positions;
        long documents;
        final Map<String, Integer> index = new HashMap<>();
        final List<String> originals = new ArrayList<>();
        final List<Double> originalUnigram = new ArrayList<>();
        double[] probability = new double[4];
        long[] hash = new long[8];
        int[][] readings = new int[8][];
        float[][] gains = new float[8][];
        int size;
        long limit = Long.MAX_VALUE;
        final int sample;

        SpunForm(double unigram, int sample) {
            this.unigram = unigram;
            this.sample = sample;
        }

        void add(List<Position> ps) {
            documents++;
            positions += ps.size();
            for (Position p : ps) {
                int[] r = new int[p.originals.size()];
                float[] g = new float[r.length];
                for (int j = 0; j < r.length; j++) {
                    String o = p.originals.get(j);
                    Integer ix = index.get(o);
                    if (ix == null) {
                        ix = originals.size();
                        index.put(o, ix);
                        originals.add(o);
                        originalUnigram.add(p.unigrams.get(j));
                        if (ix >= probability.length) {
                            probability = java.util.Arrays.copyOf(probability, 2 * probability.length);
                        }
                    }
                    r[j] = ix;
                    g[j] = (float) (double) p.gains.get(j);
                    probability[ix] += p.probabilities.get(j);
                }
                if (p.hash >= limit) {
                    continue;
                }
                if (size == hash.length) {
                    hash = java.util.Arrays.copyOf(hash, 2 * size);
                    readings = java.util.Arrays.copyOf(readings, 2 * size);
                    gains = java.util.Arrays.copyOf(gains, 2 * size);
                }
                hash[size] = p.hash;
                readings[size] = r;
                gains[size] = g;
                size++;
                if (size >= 2 * sample) {
                    shrink();
                }
            }
        }

        /**
         * Orders the kept positions by key and keeps the {@code sample} smallest; later positions above the largest kept are
         * not stored. In key order the estimate sums the same numbers in the same order however the documents came.
         */
        void shrink() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingLong(i -> hash[i]));
            int keep = Math.min(size, sample);
            long[] h = new long[hash.length];
            int[][] r = new int[hash.length][];
            float[][] g = new float[hash.length][];
            for (int i = 0; i < keep; i++) {
                h[i] = hash[order[i]];
                r[i] = readings[order[i]];
                g[i] = gains[order[i]];
            }
            hash = h;
            readings = r;
            gains = g;
            if (size > sample) {
                limit = h[sample - 1];
            }
            size = keep;
        }
    }

    /**
     * The weight of a log10 window gain in a position's evidence: the language model's word against the words as written,
     * with {@link #UNIGRAM_WEIGHT} of the two words' unigram difference taken out (the model favours a frequent word
     * anywhere: "people" over "men", "should" over "must"; what is left is how much better the original fits this context
     * than its frequency alone says), less {@link #OFFSET} (a position must show some evidence before it counts for a move).
     * Chosen on set A of the synthetic farm (README, "Learning a farm's spinner"; eval/FarmDump's candidates, analysed offline): among weights
     * 0.3-1.2, unigram weights 0-1 and offsets 0-1.5 the one with the most recall at a precision of 0.8.
     */
    static final double GAIN_WEIGHT = 0.6;
    static final double UNIGRAM_WEIGHT = 0.6;
    static final double OFFSET = 0.6;
    /**
     * Gains are capped here (log10): one position's extreme score cannot outweigh the rest of the folder. Set by hand, not
     * measured: the decision's own window-gain feature is clamped at 10, and a gain of 6 already makes a position's
     * likelihood ratio a million.
     */
    static final double GAIN_CAP = 6;
    /**
     * Rounds of each spun form's mixture EM. A fixed number rather than a tolerance, so that the estimate does not depend on
     * the order documents arrive in; set by hand, not measured.
     */
    static final int EM_ROUNDS = 50;

    /** A position's log10 likelihood ratio for an original (see {@link #GAIN_WEIGHT}). */
    static double evidence(double gain, double originalUnigram, double spunUnigram) {
        return GAIN_WEIGHT * (Math.min(gain, GAIN_CAP) - UNIGRAM_WEIGHT * (originalUnigram - spunUnigram)) - OFFSET;
    }

    /**
     * Every move seen, strongest (expected count) first, estimated over the whole folder: decipherment with the move rates
     * shared by every document. A spun form's positions are a mixture: the writer's own uses of the phrase (share 1 - Σθ)
     * and, for each original o, the farm's replacements of o (share θ_o). At each position each original proposed there has
     * a likelihood ratio against the words as written ({@link #evidence}); EM over the form's positions (or its sample)
     * estimates the θ together, so that the originals of one phrase compete for its positions. A move's count is then
     * θ_o N (N the form's positions), its rate θ_o, its share count / (count + the original as written), and its spread
     * and excess are its phrase's. The excess (the farm writes the phrase N times where the language model's unigram
     * expects E: 1 - E/N) is reported but does not cap Σθ: the model's unigrams come from other genres ("yes" is common in
     * its speech, rare in Brown prose), and on set A a cap at 1 - E/N, or at 1 - E/(2N), lost recall at the same precision.
     */
    public List<Move> all() {
        long w = words.sum();
        long d = documents.sum();
        List<Move> out = new ArrayList<>();
        forms.forEach((spun, f) -> {
            synchronized (f) {
                f.shrink();
                long n = f.positions;
                if (n == 0 || f.size == 0) {
                    return;
                }
                double expected = w * Math.pow(10, f.unigram);
                double excess = Math.max(0, 1 - expected / n);
                // how evenly the phrase is spread over the documents: 1 when it turns up in as many documents as n uses thrown
                // at random would reach, low for a topical word that a few articles repeat
                double spread = d == 0 ? 0 : f.documents / (d * (1 - Math.exp(-(double) n / d)));
                double[][] est = shares(f, 1);
                double[] theta = est[0];
                for (int j = 0; j < f.originals.size(); j++) {
                    String original = f.originals.get(j);
                    double count = theta[j] * n;
                    long seen = Long.MAX_VALUE;
                    for (String word : original.split(" ")) {
                        LongAdder c = written.get(word);
                        seen = Math.min(seen, c == null ? 0 : c.sum());
                    }
                    out.add(new Move(spun, original, count, n, f.probability[j], excess, count + seen == 0 ? 0 : count / (count + seen), spread,
                            est[1][j], expected, w * Math.pow(10, f.originalUnigram.get(j)), seen));
                }
            }
        });
        out.sort(Comparator.comparingDouble(Move::count).reversed().thenComparing(Move::spun).thenComparing(Move::original));
        return out;
    }

    /**
     * The maximum-likelihood shares θ of the form's originals over its sampled positions, their sum capped at {@code cap}
     * (row 0), and each original's mean evidence over the positions, weighted by their posterior for it under the final θ
     * (row 1; NaN for an original no position gives weight).
     */
    private static double[][] shares(SpunForm f, double cap) {
        int k = f.originals.size();
        double[][] ev = new double[f.size][];
        double[][] lr = new double[f.size][];
        for (int i = 0; i < f.size; i++) {
            int[] r = f.readings[i];
            ev[i] = new double[r.length];
            lr[i] = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                ev[i][j] = evidence(f.gains[i][j], f.originalUnigram.get(r[j]), f.unigram);
                lr[i][j] = Math.pow(10, Math.max(-30, Math.min(30, ev[i][j])));
            }
        }
        double[] theta = new double[k];
        java.util.Arrays.fill(theta, Math.min(cap, 0.05) / k);
        double[] acc = new double[k];
        double[] evAcc = new double[k];
        for (int it = 0; it <= EM_ROUNDS; it++) {
            double sum = 0;
            for (double t : theta) {
                sum += t;
            }
            java.util.Arrays.fill(acc, 0);
            java.util.Arrays.fill(evAcc, 0);
            for (int i = 0; i < f.size; i++) {
                int[] r = f.readings[i];
                double z = 1 - sum;
                for (int j = 0; j < r.length; j++) {
                    z += theta[r[j]] * lr[i][j];
                }
                for (int j = 0; j < r.length; j++) {
                    double post = theta[r[j]] * lr[i][j] / z;
                    acc[r[j]] += post;
                    evAcc[r[j]] += post * ev[i][j];
                }
            }
            if (it == EM_ROUNDS) {
                break; // the last pass only weighs the evidence under the final θ
            }
            double total = 0;
            for (int j = 0; j < k; j++) {
                theta[j] = acc[j] / f.size;
                total += theta[j];
            }
            if (total > cap) {
                for (int j = 0; j < k; j++) {
                    theta[j] *= cap / total;
                }
            }
        }
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = acc[j] > 0 ? evAcc[j] / acc[j] : Double.NaN;
        }
        return new double[][] {theta, mean};
    }

    /** The moves that pass the thresholds, strongest first. */
    public List<Move> moves(Thresholds t) {
        return moves(t, all());
    }

    /** The moves of {@code all} (as {@link #all} returned them) that pass the thresholds: several cuts of one estimate. */
    public List<Move> moves(Thresholds t, List<Move> all) {
        long w = words.sum();
        List<Move> out = new ArrayList<>();
        for (Move m : all) {
            if (t.keeps(m, w) && writable(m.spun()) && writable(m.original())) {
                out.add(m);
            }
        }
        // a deterministic spinner writes each spun form for one original: the strongest of a form's originals (all() sorts by
        // count) are kept, the others are most often the same positions read as another sense
        Map<String, Integer> perSpun = new HashMap<>();
        out.removeIf(m -> perSpun.merge(m.spun(), 1, Integer::sum) > t.maxOriginals());
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
                double q = MoveModel.DEFAULT.probability(m);
                if (!Double.isNaN(q)) {
                    figures.append(String.format(Locale.ROOT, " ev=%.2f q=%.3f", m.evidence(), q));
                }
            }
            sb.append(e.getKey()).append(" => ").append(origs).append(" ; ctx    # ").append(figures).append('\n');
        }
        return sb.toString();
    }
}
