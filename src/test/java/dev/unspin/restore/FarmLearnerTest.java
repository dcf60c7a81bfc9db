package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.dictionary.PhraseDictionary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Learning a tiny farm's spinner with the real model and the real restorer. */
class FarmLearnerTest {
    static Fixtures f;
    static FarmLearner.Engine engine;
    static FarmLearner learnt;

    @BeforeAll
    static void learn() {
        f = Fixtures.get();
        engine = new FarmLearner.Engine(f.analyzer, f.restorer.generators(), f.scorer, f.restorer.calibration(), false);
        learnt = new FarmLearner();
        // from many threads at once, as the CLI does
        IntStream.range(0, TinyFarm.articles().size()).parallel().forEach(i -> learnt.add(f.restorer, TinyFarm.articles().get(i)));
    }

    static Set<String> pairs(List<FarmLearner.Move> moves) {
        Set<String> out = new HashSet<>();
        for (FarmLearner.Move m : moves) {
            out.add(m.spun() + "=>" + m.original());
        }
        return out;
    }

    @Test
    void recoversTheThreeMovesAndNothingElse() {
        Set<String> got = pairs(learnt.moves(FarmLearner.DEFAULT));
        assertEquals(Set.of("tank=>can", "olden=>then", "confess=>own"), got, "learnt: " + got);
    }

    @Test
    void countsEveryDocumentAndEstimatesASpunFarm() {
        assertEquals(12, learnt.documents());
        assertTrue(learnt.words() > 250, "words " + learnt.words());
        assertTrue(learnt.spinRate() > 0, "spin rate " + learnt.spinRate());
        FarmLearner.Move tank = learnt.all().stream().filter(m -> m.spun().equals("tank") && m.original().equals("can")).findFirst().orElseThrow();
        // "tank" stands for "can" in every one of its places, and the farm spun 10 of the 12 articles' "can"
        assertTrue(tank.rate() > 0.8, tank.toString());
        assertTrue(tank.share() > 0.6 && tank.share() < 0.95, tank.toString());
        assertEquals(10, tank.occurrences(), tank.toString());
    }

    @Test
    void theFolderMeasuresTheMoveModelsFigures() {
        FarmLearner.Move tank = learnt.all().stream().filter(m -> m.spun().equals("tank") && m.original().equals("can")).findFirst().orElseThrow();
        // "can" stands as written in the two articles the farm left alone; "tank" is written far more often than its unigram
        // expects in 300 words, and the context asks for "can" where it stands
        assertEquals(2, tank.originalWritten(), tank.toString());
        assertTrue(tank.spunExpected() > 0 && tank.spunExpected() < 1, tank.toString());
        assertTrue(tank.originalExpected() > tank.spunExpected(), tank.toString());
        assertTrue(tank.evidence() > 0, tank.toString());
        assertTrue(MoveModel.DEFAULT.probability(tank) > FarmLearner.DEFAULT.minScore(), tank.toString());
    }

    @Test
    void cleanTextTeachesNothing() {
        FarmLearner clean = new FarmLearner();
        for (String t : TinyFarm.CLEAN) {
            clean.add(f.restorer, t);
        }
        assertEquals(List.of(), clean.moves(FarmLearner.DEFAULT));
    }

    @Test
    void theLearntDictionaryReadsBackAndRestoresTheFarm() throws Exception {
        List<FarmLearner.Move> moves = learnt.moves(FarmLearner.DEFAULT);
        String text = FarmLearner.dictionaryText(moves, List.of("a header"));
        assertTrue(text.startsWith("# a header\n"), text);
        assertTrue(text.matches("(?s).*\ntank => can ; ctx    # count=\\d+\\.\\d rate=\\d\\.\\d{3} .*"), text);
        PhraseDictionary d = engine.dictionary(moves);
        assertEquals(3, d.size());
        String spun = TinyFarm.articles().get(0);
        assertFalse(f.restorer.restore(spun).text().contains("Anyone can see"), "the plain restorer is not expected to know this farm");
        String fixed = engine.restorer(d).restore(spun).text();
        assertEquals(TinyFarm.CLEAN.get(0), fixed);
    }

    @Test
    void moreRoundsKeepTheMoves() throws Exception {
        FarmLearner two = FarmLearner.learn(engine, 2, FarmLearner.DEFAULT, doc -> TinyFarm.articles().forEach(doc), (r, n) -> { });
        assertEquals(Set.of("tank=>can", "olden=>then", "confess=>own"), pairs(two.moves(FarmLearner.DEFAULT)));
    }

    @Test
    void aSampledSpunFormGivesTheSameEstimateInAnyOrder() {
        // three positions kept per spun form: "tank" (10 positions) is estimated from a sample, the same one either way
        FarmLearner forward = new FarmLearner(3);
        FarmLearner backward = new FarmLearner(3);
        List<String> arts = TinyFarm.articles();
        for (int i = 0; i < arts.size(); i++) {
            forward.add(f.restorer, arts.get(i));
            backward.add(f.restorer, arts.get(arts.size() - 1 - i));
        }
        List<FarmLearner.Move> a = forward.all();
        List<FarmLearner.Move> b = backward.all();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).spun() + "=>" + a.get(i).original(), b.get(i).spun() + "=>" + b.get(i).original());
            assertEquals(a.get(i).count(), b.get(i).count(), 1e-9, a.get(i).toString());
            assertEquals(a.get(i).occurrences(), b.get(i).occurrences());
        }
        FarmLearner.Move tank = a.stream().filter(m -> m.spun().equals("tank") && m.original().equals("can")).findFirst().orElseThrow();
        // counted over all ten positions, its share estimated from the three kept
        assertEquals(10, tank.occurrences());
        assertTrue(tank.rate() > 0.8, tank.toString());
        assertEquals(Set.of("tank=>can", "olden=>then", "confess=>own"), pairs(forward.moves(FarmLearner.DEFAULT)));
    }

    @Test
    void aSpunFormKeepsItsStrongestOriginalUnlessMoreAreAllowed() {
        FarmLearner empty = new FarmLearner();
        FarmLearner.Move strong = new FarmLearner.Move("tank", "can", 40, 42, 0, 0.9, 0.5, 0.9);
        FarmLearner.Move weak = new FarmLearner.Move("tank", "container", 9, 42, 0, 0.9, 0.5, 0.9);
        FarmLearner.Move other = new FarmLearner.Move("olden", "then", 20, 20, 0, 0.9, 0.5, 0.9);
        List<FarmLearner.Move> all = List.of(strong, other, weak);
        assertEquals(List.of(strong, other), empty.moves(FarmLearner.DEFAULT, all));
        FarmLearner.Thresholds any = new FarmLearner.Thresholds(5, 10, 0.2, 0.25, 0.5, 0);
        assertEquals(List.of(strong, other, weak), empty.moves(any, all));
        // a move below a cut is not kept, and does not use up its spun form's place
        FarmLearner.Move sparse = new FarmLearner.Move("tank", "can", 40, 42, 0, 0.9, 0.5, 0.2);
        assertEquals(List.of(other, weak), empty.moves(FarmLearner.DEFAULT, List.of(sparse, other, weak)));
    }

    @Test
    void evidenceTakesOutTheModelsPreferenceForFrequentWords() {
        // the same window gain says less for an original far more frequent than the spun word than for one as frequent
        double common = FarmLearner.evidence(2, -2, -4);
        double equal = FarmLearner.evidence(2, -4, -4);
        assertTrue(common < equal, common + " vs " + equal);
        assertEquals(FarmLearner.evidence(FarmLearner.GAIN_CAP, -4, -4), FarmLearner.evidence(50, -4, -4), 1e-12);
    }

    @Test
    void learntMovesAreTrustedAsTheFarmsNotByTheirDocumentsRate() {
        Calibration c = engine.calibration();
        List<String> names = Features.decisionNames();
        int user = names.indexOf("source_learnt");
        double rateWeight = c.decision()[names.indexOf("log10_capped_spin_rate")];
        Calibration light = FarmLearner.trusting(c, 0.006);
        for (int k = 0; k < names.size(); k++) {
            double want = c.decision()[k] + (k == user ? rateWeight * Math.log10(Features.RATE_CAP / 0.006) : 0);
            assertEquals(want, light.decision()[k], 1e-9, names.get(k));
        }
        assertTrue(light.decision()[user] > c.decision()[user] + 1, "a farm spinning 0.6% of its words: " + light.decision()[user]);
        // a farm spun at or above the term's cap, and the channel, are left as they were
        assertEquals(c.decision()[user], FarmLearner.trusting(c, 0.2).decision()[user], 1e-12);
        assertEquals(java.util.Arrays.toString(c.channel()), java.util.Arrays.toString(light.channel()));
        // without the farm's rate, the rate prior's mean stands in for it
        assertEquals(FarmLearner.trusting(c, c.ratePriorMean()).decision()[user], FarmLearner.trusting(c, Double.NaN).decision()[user], 1e-12);
    }
}
