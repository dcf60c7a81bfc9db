package dev.unspin.dictionary;

/** How much an entry is trusted. */
public enum Kind {
    /** The spun phrase is never good prose: always repaired (the model only picks among several originals). */
    ALWAYS,
    /** The spun phrase is often fine ("safety", "mentioned"): repaired only when the language model prefers the original in context. */
    CONTEXT,
    /** A mined or generated pair ({@code guess}) or a reverse-thesaurus candidate: the model decides in context, weighed by the pair's family. */
    THESAURUS
}
