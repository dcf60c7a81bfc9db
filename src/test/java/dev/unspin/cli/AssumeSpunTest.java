package dev.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** `fix --assume-spun`: a short spun text, which alone reads as clean, is repaired; clean text still comes back unchanged. */
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
    void cleanSentencesStayAsTheyWereEvenWhenAssumedSpun() {
        String clean = "The company said it would close the plant. Officials expect the new rules to take effect next year.\n";
        CliTest.Run r = CliTest.run(clean, "fix", "--assume-spun");
        assertEquals(0, r.code(), r.err());
        assertEquals(clean, r.out());
    }
}
