package dev.unspin.dictionary;

/** How much an entry is trusted. */
public enum Kind {
    /** The spun phrase is never good prose: always repaired (the model only picks among several originals). */
    ALWAYS,
    /** The spun phrase is often fine ("safety", "mentioned"): repaired only when the language model prefers the original in context. */
    CONTEXT,
    /** Not from a dictionary: a reverse-thesaurus guess, held to a stricter margin. */
    THESAURUS
}
