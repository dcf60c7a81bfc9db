package dev.unspin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.unspin.corpus.InputException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void controlAndFormatCharactersBecomeVisibleEscapesOthersStay() {
        assertEquals("a\\nb\\u001b[31mc\\td\\u202e.txt", Messages.safe("a\nb\u001b[31mc\td\u202e.txt"));
        String plain = "caf\u00e9 r\u00e9sum\u00e9/\u65e5\u672c.txt";
        assertSame(plain, Messages.safe(plain), "nothing to escape: the same string");
        assertEquals("x\\ny: line 1: bad", new InputException("x\ny", "line 1: bad").getMessage());
    }
}
