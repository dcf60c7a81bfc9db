package dev.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.Fixtures;
import dev.unspin.dictionary.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestorerTest {
    private final Restorer restorer = Fixtures.get().restorer;
    /** A spun paragraph, and what the restorer makes of it. */
    private static final String SPUN = "The company mentioned on Tuesday that the brand new update closes a safety hole in its working system, "
            + "in keeping with researchers. Other vendors are expected to comply with swimsuit.\n\n";
    private static final String FIXED = "The company said on Tuesday that the new update closes a security hole in its operating system, "
            + "according to researchers. Other vendors are expected to follow suit.\n\n";

    /**
     * The tests of what a repair looks like (casing, possessives, byte preservation, reasons) put their sentence after a
     * spun paragraph: one sentence alone gives the decision little evidence of spinning, a spun document gives plenty.
     * Returns the sentence's part of the result, offsets relative to it.
     */
    private static Result afterSpun(Restorer r, String s) {
        Result all = r.restore(SPUN + s);
        assertTrue(all.text().startsWith(FIXED), all.text());
        int shift = SPUN.length();
        List<Edit> mine = all.edits().stream().filter(e -> e.start() >= shift)
                .map(e -> new Edit(e.start() - shift, e.end() - shift, e.before(), e.after(), e.source(), e.entry(), e.gain(), e.probability())).toList();
        return new Result(all.text().substring(FIXED.length()), mine, all.spinRate());
    }

    private Result afterSpun(String s) {
        return afterSpun(restorer, s);
    }

    @Test
    void cleanTextWithCrlfTabsCurlyQuotesAndNumbersComesBackByteForByte() {
        String clean = "Council approves the plan\r\n\r\n\tThe city council voted on Monday to approve a plan that will add 40 kilometres "
                + "of bike lanes, officials said.\r\n\u201cCycling has grown faster than anyone predicted,\u201d said deputy mayor Elena Ruiz "
                + "\u2014 the plan costs $12.5 million (about 2.16% of the budget).  Two spaces stay.\r\nLast line without newline";
        Result r = restorer.restore(clean);
        assertArrayEquals(clean.getBytes(StandardCharsets.UTF_8), r.text().getBytes(StandardCharsets.UTF_8), () -> "edits: " + r.edits());
        assertTrue(r.edits().isEmpty());
    }

    @Test
    void thePhraseSpinnersPaddingIsUndone() {
        // the second spinner style of issue 11: padded phrases for function words, and "purchase" for "order"
        Result r = afterSpun("The firm hired 40 people in purchase to keep up with demand. Sales rose sharply when you look at the first "
                + "quarter. The growth ended up being faster than expected.");
        assertEquals("The firm hired 40 people in order to keep up with demand. Sales rose sharply in the first quarter. "
                + "The growth was faster than expected.", r.text(), r.edits().toString());
    }

    @Test
    void onlyRepairedSpansChangeAroundThem() {
        String spun = "Line one\r\n\tThe new working system ships today.\r\n\u201cQuote\u201d stays.";
        Result r = afterSpun(spun);
        assertEquals("Line one\r\n\tThe new operating system ships today.\r\n\u201cQuote\u201d stays.", r.text());
        assertEquals(1, r.edits().size());
        Edit e = r.edits().get(0);
        // the smallest edit: the shared word "system" stays out of it
        assertEquals("working", spun.substring(e.start(), e.end()));
        assertEquals("operating", e.after());
        assertEquals(Kind.ALWAYS, e.source());
    }

    @Test
    void generatedNewsSpinnerGuessesNeedTheContextToAgree() {
        // "handed" -> "passed" comes from the generated news-spinner dictionary (a guess, weighed as
        // its family GENERATED): a bill is passed, but keys are handed over, and that use stays
        Result r = afterSpun("The bill was handed by the Senate on Tuesday and signed by the governor.\nShe handed him the keys and left.");
        assertEquals("The bill was passed by the Senate on Tuesday and signed by the governor.\nShe handed him the keys and left.", r.text());
        assertEquals(Kind.THESAURUS, r.edits().get(0).source());
        assertTrue(r.edits().get(0).entry().startsWith("news-spinner.txt:"), r.edits().get(0).entry());
    }

    @Test
    void caseOfTheSpunWordsCarriesOver() {
        assertEquals("Operating system updates arrive.", afterSpun("Working system updates arrive.").text());
        assertEquals("THE OPERATING SYSTEM IS OLD.", afterSpun("THE WORKING SYSTEM IS OLD.").text());
        assertEquals("Said", Casing.transfer("Mentioned", "said"));
        assertEquals("SAID", Casing.transfer("MENTIONED", "said"));
        assertEquals("said", Casing.transfer("mentioned", "said"));
        assertEquals("Chief Executive", Casing.transfer("main govt", "Chief Executive"));
    }

    @Test
    void multiWordAndLengthChangingEntries() {
        String spun = "Rival firms will comply with swimsuit, the corporate mentioned on Friday, in keeping with a report.";
        String out = afterSpun(spun).text();
        assertEquals("Rival firms will follow suit, the company said on Friday, according to a report.", out);
    }

    @Test
    void contextEntriesNeedTheModelsAgreement() {
        // "mentioned" is spun for "said" in news copy, but not in "as mentioned above"
        String spun = "The new working system is faster. As mentioned above, the update is free.";
        assertEquals("The new operating system is faster. As mentioned above, the update is free.", afterSpun(spun).text());
        String spun2 = "The new working system is faster, the company mentioned on Friday.";
        assertEquals("The new operating system is faster, the company said on Friday.", afterSpun(spun2).text());
    }

    @Test
    void articleAgreesWithTheReplacement(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        Fixtures f = Fixtures.get();
        java.nio.file.Path extra = tmp.resolve("extra.txt");
        java.nio.file.Files.writeString(extra, "upward hike => increase\n");
        dev.unspin.dictionary.PhraseDictionary d = new dev.unspin.dictionary.DictionaryLoader(f.analyzer).load(true, java.util.List.of(extra));
        Restorer r = new Restorer(f.analyzer, d, f.scorer, Options.defaults());
        assertEquals("Analysts expect an increase in rates. A increase", r.restore("Analysts expect a upward hike in rates. A increase").text());
        assertEquals("AN increase", Casing.transfer("A", "an").toUpperCase() + " increase");
        assertTrue(Articles.wantsAn("increase"));
        assertTrue(Articles.wantsAn("hour"));
        assertTrue(!Articles.wantsAn("university"));
        assertTrue(!Articles.wantsAn("security"));
    }

    @Test
    void withoutTheModelOnlyAlwaysEntriesApply() throws Exception {
        Fixtures f = Fixtures.get();
        Restorer noLm = new Restorer(f.analyzer, f.dictionary, null, Options.defaults());
        Result r = noLm.restore("The corporate mentioned that the working system is old.");
        assertEquals("The corporate mentioned that the operating system is old.", r.text());
        assertTrue(Double.isNaN(r.edits().get(0).gain()));
    }

    @Test
    void emptyAndBlankInputComeBackUnchanged() {
        assertEquals("", restorer.restore("").text());
        assertEquals(" \n\r\n\t", restorer.restore(" \n\r\n\t").text());
    }

    @Test
    void editsCarryTheirReason() {
        Result r = afterSpun("The corporate mentioned on Friday that the working system was patched.");
        assertTrue(r.edits().size() >= 2, r.edits().toString());
        for (Edit e : r.edits()) {
            assertTrue(e.entry().startsWith("news-core.txt:"), e.entry());
            assertTrue(e.gain() > 0, "a chosen edit must raise the sentence probability: " + e);
            assertTrue(e.probability() >= 0.05 && e.probability() <= 1, "each edit carries its calibrated probability: " + e);
        }
    }

    @Test
    void urlsEmailsCodeAndNumbersAreOnlyChangedByAlwaysEntries() {
        String text = "The corporate mentioned on Friday that https://example.com/the-corporate-mentioned and "
                + "press@corporate.example stay, `corporate mentioned` stays, and the working system ships.";
        Result r = afterSpun(text);
        assertTrue(r.text().contains("https://example.com/the-corporate-mentioned"), r.text());
        assertTrue(r.text().contains("press@corporate.example"), r.text());
        assertTrue(r.text().contains("`corporate mentioned`"), r.text());
        assertTrue(r.text().startsWith("The company said on Friday"), r.text());
        assertTrue(r.text().endsWith("the operating system ships."), r.text());
    }

    @Test
    void quotedSpeechCanBeProtected() {
        Fixtures f = Fixtures.get();
        String text = "The corporate mentioned on Friday: \u201cThe corporate mentioned that the brand new update is safe.\u201d";
        Restorer guarded = new Restorer(f.analyzer, restorer.generators(), f.scorer, restorer.calibration(), true);
        assertEquals("The company said on Friday: \u201cThe corporate mentioned that the brand new update is safe.\u201d", afterSpun(guarded, text).text());
        assertTrue(afterSpun(text).text().contains("the new update is safe.\u201d"), "quotes are repaired by default");
    }

    @Test
    void possessivesKeepTheirEnding() {
        assertEquals("The operating system\u2019s successor ships.", afterSpun("The working system\u2019s successor ships.").text());
        assertEquals("The working system's successor ships.".replace("working", "operating"),
                afterSpun("The working system's successor ships.").text());
    }

    @Test
    void numbersMangledIntoWordsAreRestored() {
        assertEquals("Shares rose 2.16% on Friday, to 3,400 points.", restorer.restore("Shares rose a pair of.16% on Friday, to three,400 points.").text());
        assertEquals("Two of them left. A pair of shoes.", restorer.restore("Two of them left. A pair of shoes.").text());
    }

    @Test
    void wordNetArtefactsKeepTheirCapitalsOutOfTheRepair() {
        // a sense-blind spinner wrote WordNet's "Associate in Nursing" (AN) for "an" and "area unit" for "are"
        assertEquals("It is an example of what the rules are meant to do. An official said so.",
                restorer.restore("It is Associate in Nursing example of what the rules area unit meant to do. "
                        + "Associate in Nursing official said so.").text());
        String keep = "The World Health Organization said the United States will send an associate in nursing to the operating room.";
        assertEquals(keep, restorer.restore(keep).text());
    }

    @Test
    void aDigitPairedWithANumberInWordsTakesItsStyle() {
        assertEquals("The measure passed by seven votes to two, and sales rose two or three times.",
                restorer.restore("The measure passed by seven votes to 2, and sales rose 2 or three times.").text());
        // digits that are the style whatever the partner: times, decimals, percentages, names and labels
        String keep = "Open from nine to 5 p.m. It rose three to 2.5% on Windows 7 and eight, five to 2030 and 10 or three.";
        assertEquals(keep, restorer.restore(keep).text());
    }

    @Test
    void byteOrderMarkAndNoBreakSpacesSeparateWordsAndStay() {
        assertEquals("\uFEFFOperating system updates arrive.\r\n", afterSpun("\uFEFFWorking system updates arrive.\r\n").text());
        assertEquals("The new\u00A0operating\u00A0system ships.", afterSpun("The new\u00A0working\u00A0system ships.").text());
    }

    @Test
    void oneRestorerServesManyThreadsWithTheSameResults() throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (var s = java.nio.file.Files.list(Fixtures.project().resolve("samples"))) {
            for (var p : s.filter(x -> x.toString().endsWith(".ann")).sorted().toList()) {
                texts.add(dev.unspin.eval.Annotation.parse(java.nio.file.Files.readString(p)).spun());
            }
        }
        java.util.List<String> expected = texts.stream().map(t -> restorer.restore(t).text()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 40; k++) {
                int i = k % texts.size();
                runs.add(pool.submit(() -> restorer.restore(texts.get(i)).text().equals(expected.get(i))));
            }
            for (var f : runs) {
                assertTrue(f.get(), "a concurrent restore differed from the sequential one");
            }
        } finally {
            pool.shutdown();
        }
    }
}
