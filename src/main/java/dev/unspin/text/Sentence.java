package dev.unspin.text;

import java.util.List;

/** A sentence: its span in the text and its tokens. */
public record Sentence(int start, int end, List<Token> tokens) {
    public Sentence {
        tokens = List.copyOf(tokens);
    }

    /**
     * Whether token i is the first word of the sentence, of a quotation, of a parenthesis or after a
     * colon: where a capital letter says nothing about the word being a name.
     */
    public boolean startsClause(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.isWord()) {
                return false;
            }
            if (t.text().length() == 1 && OPENERS.indexOf(t.text().charAt(0)) >= 0) {
                return true;
            }
        }
        return true;
    }

    private static final String OPENERS = ":\"\u201c('\u2018";
}
