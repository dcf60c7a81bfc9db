package dev.unspin.dictionary;

import dev.unspin.text.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All entries in a token trie keyed by normalised token text, so finding every entry that starts
 * at a token is one walk down the trie. Immutable once built; safe to share between threads.
 */
public final class PhraseDictionary {
    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        List<Entry> entries = List.of();
    }

    /**
     * Entries whose spun phrase covers tokens [start, end). suffix is a possessive ending ("'s" as
     * written) that the last token carries beyond the spun phrase: "corporate's" matches the entry
     * for "corporate", and the replacement gets the ending back ("company's").
     */
    public record Match(int start, int end, List<Entry> entries, String suffix) {
        public Match(int start, int end, List<Entry> entries) {
            this(start, end, entries, "");
        }
    }

    private final Node root = new Node();
    private final List<Entry> all;
    private final int maxLength;

    public PhraseDictionary(List<Entry> entries) {
        this.all = List.copyOf(entries);
        int max = 0;
        for (Entry e : all) {
            Node n = root;
            for (String k : e.spun()) {
                n = n.next.computeIfAbsent(Token.normalise(k), x -> new Node());
            }
            if (n.entries.isEmpty()) {
                n.entries = new ArrayList<>(1);
            }
            n.entries.add(e);
            max = Math.max(max, e.spun().size());
        }
        this.maxLength = max;
    }

    public List<Entry> entries() {
        return all;
    }

    /** Indexes other stages derive from this (immutable) dictionary, each worked out once, by whoever asks first. */
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An index derived from these entries, of the given type, made by make on the first call and shared afterwards: the
     * bundled dictionary is loaded on a start-up thread, which can also work out what the restorer will ask of it.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<PhraseDictionary, T> make) {
        return type.cast(derived.computeIfAbsent(type, k -> make.apply(this)));
    }

    public int size() {
        return all.size();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Every match starting at token i, shortest first. Case-sensitive entries must match the text exactly. */
    public List<Match> matchesAt(List<Token> tokens, int i) {
        List<Match> out = null;
        Node n = root;
        for (int j = i; j < tokens.size(); j++) {
            String key = tokens.get(j).key();
            Node possessive = key.length() > 2 && key.endsWith("'s") ? n.next.get(key.substring(0, key.length() - 2)) : null;
            if (possessive != null && !possessive.entries.isEmpty()) {
                String text = tokens.get(j).text();
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                List<Entry> ok = possessive.entries.stream().filter(e -> !e.exactCase()).toList();
                if (!ok.isEmpty()) {
                    out.add(new Match(i, j + 1, ok, text.substring(text.length() - 2)));
                }
            }
            n = n.next.get(key);
            if (n == null) {
                break;
            }
            if (!n.entries.isEmpty()) {
                List<Entry> ok = new ArrayList<>(n.entries.size());
                for (Entry e : n.entries) {
                    if (!e.exactCase() || exactMatch(e, tokens, i)) {
                        ok.add(e);
                    }
                }
                if (!ok.isEmpty()) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new Match(i, j + 1, ok));
                }
            }
        }
        return out == null ? Collections.emptyList() : out;
    }

    private static boolean exactMatch(Entry e, List<Token> tokens, int i) {
        for (int k = 0; k < e.spun().size(); k++) {
            if (!tokens.get(i + k).text().equals(e.spun().get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Entries whose spun phrase is exactly these normalised tokens (for checks and coverage). */
    public List<Entry> lookup(List<String> keys) {
        Node n = root;
        for (String k : keys) {
            n = n.next.get(Token.normalise(k));
            if (n == null) {
                return List.of();
            }
        }
        return Collections.unmodifiableList(n.entries);
    }
}
