package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Short and wrapped inputs: `fix --assume-spun` repairs a short spun text, which alone reads as clean; clean text still comes back unchanged; a phrase across a wrapped line is found. */
class AssumeSpunTest {
    private static final String SPUN = "The corporate said it would close the plant.\n";

    @Test
    void aSpunSentenceAloneIsLeftByDefaultAndRepairedWhenTheUserSaysItIsSpun() {
        CliTest.Run plain = CliTest.run(SPUN, "fix");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(SPUN, plain.out(), "one sentence holds too few words for its own spin rate: read as clean");

        CliTest.Run told = CliTest.run(SPUN, "fix", "--assume-spun");
        assertEquals(0, told.code(), told.err());
        assertEquals("The company said it would close the plant.\n", told.out());
    }

    @Test
    void aSpunPhraseAcrossAWrappedLineIsRepairedAndTheLineBreakKept() {
        String spun = "The company mentioned on Tuesday that the brand new update closes a safety hole in its working\n"
                + "system, in keeping with researchers. Other vendors are expected to comply with swimsuit.\n";
        CliTest.Run r = CliTest.run(spun, "fix");
        assertEquals(0, r.code(), r.err());
        assertEquals("The company said on Tuesday that the new update closes a security hole in its operating\n"
                + "system, according to researchers. Other vendors are expected to follow suit.\n", r.out());
    }

    @Test
    void cleanSentencesStayAsTheyWereEvenWhenAssumedSpun() {
        String clean = "The company said it would close the plant. Officials expect the new rules to take effect next year.\n";
        CliTest.Run r = CliTest.run(clean, "fix", "--assume-spun");
        assertEquals(0, r.code(), r.err());
        assertEquals(clean, r.out());
    }
}
