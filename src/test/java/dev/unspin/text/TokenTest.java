package dev.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Token keeps what it derives from its text, and stays the value the record was. */
class TokenTest {
    @Test
    void keyAndWordAreWorkedOutFromTheText() {
        Token t = new Token(3, 10, "Company\u2019s");
        assertEquals("company's", t.key());
        assertSame(t.key(), t.key(), "worked out once");
        assertTrue(t.isWord());
        assertFalse(new Token(0, 2, "--").isWord());
        assertTrue(new Token(0, 4, "1999").isWord());
        Token lower = new Token(0, 3, "the");
        assertSame(lower.text(), lower.key(), "a key that is the text already is the same string");
    }

    @Test
    void equalTokensHaveEqualSpansAndText() {
        Token a = new Token(1, 4, "The");
        assertEquals(a, new Token(1, 4, "The"));
        assertEquals(a.hashCode(), new Token(1, 4, "The").hashCode());
        assertNotEquals(a, new Token(1, 4, "the"));
        assertNotEquals(a, new Token(2, 4, "The"));
        assertNotEquals(a, new Token(1, 5, "The"));
        assertEquals("Token[start=1, end=4, text=The]", a.toString());
    }
}
