package dev.unspin.text;

import java.util.List;

/** A sentence: its span in the text and its tokens. */
public record Sentence(int start, int end, List<Token> tokens) {
    public Sentence {
        tokens = List.copyOf(tokens);
    }
}
