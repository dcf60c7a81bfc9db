package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.dictionary.ReverseThesaurus;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.ProtectedSpans;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Restores spun text as a noisy channel: text -> sentences and tokens -> candidate originals from
 * every generator (a {@link Lattice} per sentence) -> the channel's prior odds of each move and the
 * language model's judgement in context, summed over all readings of the sentence
 * ({@link ForwardBackward}) and re-estimated for the document's own spinner ({@link DocumentEm}) ->
 * a calibrated probability per candidate ({@link Decision}) -> the edits at or above the confidence
 * threshold ({@link EditBuilder}) -> output. Everything not repaired is copied byte for byte.
 * Thread-safe and free of I/O: build one and share it.
 */
public final class Restorer {
    private final TextAnalyzer analyzer;
    private final List<CandidateGenerator> generators;
    private final LmScorer scorer;
    private final Calibration calibration;
    private final boolean protectQuotes;
    private final DocumentEm em;
    private final PhraseDictionary dictionary;

    /**
     * @param generators  candidate sources, asked in this order (the first to offer a replacement gives its reason)
     * @param scorer      the language model, or null to apply only entries whose spun form is never prose
     * @param calibration the fitted models and settings ({@link Calibration#bundled()})
     */
    public Restorer(TextAnalyzer analyzer, List<CandidateGenerator> generators, LmScorer scorer, Calibration calibration, boolean protectQuotes) {
        this.analyzer = Objects.requireNonNull(analyzer);
        this.generators = List.copyOf(generators);
        this.scorer = scorer;
        this.calibration = Objects.requireNonNull(calibration);
        this.protectQuotes = protectQuotes;
        this.em = scorer == null ? null : new DocumentEm(calibration, new ForwardBackward(scorer.lm(), calibration.beam()));
        PhraseDictionary d = null;
        for (CandidateGenerator g : generators) {
            if (g instanceof DictionaryCandidates dc && d == null) {
                d = dc.dictionary();
            }
        }
        this.dictionary = d == null ? new PhraseDictionary(List.of()) : d;
    }

    /** Dictionary candidates only, with the bundled calibration. */
    public Restorer(TextAnalyzer analyzer, PhraseDictionary dictionary, LmScorer scorer, Options options) {
        this(analyzer, dictionary, scorer, options, null);
    }

    /** Dictionary candidates and, if not null, a reverse thesaurus's, with the bundled calibration. */
    public Restorer(TextAnalyzer analyzer, PhraseDictionary dictionary, LmScorer scorer, Options options, ReverseThesaurus thesaurus) {
        this(analyzer, thesaurus == null ? List.of(new DictionaryCandidates(dictionary))
                        : List.of(new DictionaryCandidates(dictionary), new ThesaurusCandidates(thesaurus, Source.THESAURUS)),
                options.useLanguageModel() ? scorer : null, Calibration.bundled(), options.protectQuotes());
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    public Calibration calibration() {
        return calibration;
    }

    public List<CandidateGenerator> generators() {
        return generators;
    }

    /** The language model's scorer, or null for a restorer without one. */
    public LmScorer scorer() {
        return scorer;
    }

    public boolean usesLanguageModel() {
        return em != null;
    }

    /** A restorer deciding with another calibration (e.g. another --confidence), sharing everything else. */
    public Restorer with(Calibration c) {
        return new Restorer(analyzer, generators, scorer, c, protectQuotes);
    }

    /** The document's lattices, decoded: every candidate with its evidence and calibrated probability, and the spin rate. */
    public DocumentEm.Analysis analyse(String text) {
        if (em == null) {
            throw new IllegalStateException("analysis needs a language model");
        }
        List<Sentence> sentences = analyzer.sentences(text);
        BitSet guarded = ProtectedSpans.of(text, protectQuotes);
        List<Lattice> lattices = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            lattices.add(Lattice.build(s, generators, scorer, guarded));
        }
        return em.run(lattices);
    }

    public Result restore(String text) {
        if (em == null) {
            return restoreWithoutModel(text);
        }
        DocumentEm.Analysis a = analyse(text);
        List<Edit> fromLattice = new ArrayList<>();
        for (int k = 0; k < a.lattices().size(); k++) {
            Lattice l = a.lattices().get(k);
            fromLattice.addAll(EditBuilder.edits(text, l.sentence(), EditBuilder.choose(l, a.probability().get(k), calibration.confidence())));
        }
        List<Edit> edits = EditBuilder.merge(text, fromLattice);
        return new Result(EditBuilder.apply(text, edits), edits, a.spinRate());
    }

    /** Without a model only entries whose spun form is never prose apply, the longest match first, its first original. */
    private Result restoreWithoutModel(String text) {
        BitSet guarded = ProtectedSpans.of(text, protectQuotes);
        DictionaryCandidates dc = new DictionaryCandidates(dictionary);
        List<Edit> fromLattice = new ArrayList<>();
        for (Sentence s : analyzer.sentences(text)) {
            List<EditBuilder.Choice> chosen = new ArrayList<>();
            int i = 0;
            int n = s.tokens().size();
            while (i < n) {
                Candidate[] best = new Candidate[1];
                int at = i;
                dc.propose(new PlainView(s, guarded), i, c -> {
                    Entry e = c.entry();
                    if (e.kind() == Kind.ALWAYS && c.rank() == 0 && c.start() == at && (best[0] == null || c.end() > best[0].end())) {
                        best[0] = c;
                    }
                });
                if (best[0] != null) {
                    chosen.add(new EditBuilder.Choice(best[0], Double.NaN, Double.NaN));
                    i = best[0].end();
                } else {
                    i++;
                }
            }
            fromLattice.addAll(EditBuilder.edits(text, s, chosen));
        }
        List<Edit> edits = EditBuilder.merge(text, fromLattice);
        return new Result(EditBuilder.apply(text, edits), edits);
    }

    /** A sentence view without model ids, for the dictionary lookups of --no-lm. */
    private record PlainView(Sentence sentence, BitSet guardedSpans) implements CandidateGenerator.SentenceView {
        @Override
        public int[] ids(int i) {
            return LmScorer.NONE;
        }

        @Override
        public double unigram(int i) {
            return 0;
        }

        @Override
        public boolean guarded(int i) {
            return ProtectedSpans.guarded(guardedSpans, sentence.tokens().get(i));
        }

        @Override
        public int[] idsOf(String phrase) {
            return LmScorer.NONE;
        }
    }
}
