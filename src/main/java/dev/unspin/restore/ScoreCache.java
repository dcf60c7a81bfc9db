package dev.unspin.restore;

import dev.unspin.lm.LanguageModel;
import java.util.Arrays;

/**
 * One sentence's language-model answers, (state, word) -> log10 probability, exact and never evicted: the decoding
 * graph asks again most of what the lattice's windows asked (each candidate after the words as written, the words as
 * written after it), and by the time the graph is built, every other sentence of the document has asked its own
 * questions, so a shared, bounded memo has long forgotten them. Open addressing over primitive arrays, so a lookup
 * allocates nothing; not thread-safe (a lattice is built and decoded on one thread).
 *
 * <p>Questions can also be planned, for callers that walk the same questions twice: between {@link #plan} and
 * {@link #answer} a question is only noted (its answer reads 0), and {@link #answer} asks the model all the new ones
 * together ({@link LanguageModel#scores}), whose memory reads then overlap. After it, until {@link #done}, the same
 * questions asked again in the same order are answered from the noted sequence, without looking them up.
 */
final class ScoreCache {
    private static final int NORMAL = 0;
    private static final int PLANNING = 1;
    private static final int REPLAYING = 2;

    private final LanguageModel lm;
    /**
     * Slot i at 2i: the question's state, at 2i + 1: its word + 2 (so that 0 marks an empty slot; unknown words are -1)
     * in the high half and its number in the low half (its answer is values[number]): a probe reads one cache line.
     */
    private long[] table;
    private double[] values;
    /** each question by its number, for a replay to check that it is asked what was noted */
    private long[] questionStates;
    private int[] questionWords;
    private int size;
    private int mask;
    private int mode = NORMAL;
    /** the question numbers in the order they were noted since {@link #plan}, and how far a replay has read them */
    private int[] sequence;
    private int noted;
    private int cursor;
    /**
     * The new questions noted since {@link #plan}, to be answered together: while planning every new question takes the
     * next number, so they are the numbers from firstPending up to size, and need no list of their own.
     */
    private int firstPending;
    /** {@link #readAll}'s questions for the model, made on first use (most caches are only planned and replayed) */
    private long[] missStates;
    private int[] missWords;
    private int[] missAt;
    private double[] missAnswers;

    /** @param expected about how many distinct questions the sentence asks: every array starts that large, not growing by steps */
    ScoreCache(LanguageModel lm, int expected) {
        this.lm = lm;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
        int n = Math.max(16, expected);
        values = new double[n];
        questionStates = new long[n];
        questionWords = new int[n];
        sequence = new int[2 * n]; // a walk asks some questions more than once
    }

    private void allocate(int cap) {
        table = new long[2 * cap];
        mask = cap - 1;
    }

    LanguageModel lm() {
        return lm;
    }

    int size() {
        return size;
    }

    private static int hash(long state, int word) {
        long h = state * 0x9E3779B97F4A7C15L + word * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43));
    }

    /** From now until {@link #answer}, questions are noted, not asked, and read 0. */
    void plan() {
        mode = PLANNING;
        noted = 0;
        firstPending = size;
    }

    /**
     * Asks the model every new question noted since {@link #plan}, together, and keeps the answers; until {@link #done},
     * questions are then answered in the order they were noted.
     */
    void answer() {
        int pending = size - firstPending;
        if (pending > 0 && firstPending == 0) {
            lm.scores(questionStates, questionWords, pending, values); // a fresh cache's plan: every question is new
        } else if (pending > 0) {
            int from = firstPending;
            double[] answers = new double[pending];
            lm.scores(Arrays.copyOfRange(questionStates, from, size), Arrays.copyOfRange(questionWords, from, size), pending, answers);
            System.arraycopy(answers, 0, values, from, pending);
        }
        firstPending = size;
        mode = REPLAYING;
        cursor = 0;
    }

    /** Ends a replay: questions are looked up (and asked) one by one again. */
    void done() {
        if (mode == REPLAYING && cursor != noted) {
            throw new IllegalStateException("replayed " + cursor + " of " + noted + " planned questions");
        }
        mode = NORMAL;
    }

    /** The model's log10 P(word | state), asked once per sentence (while planning: noted, and 0). */
    double score(long state, int word) {
        if (word < -1) {
            return mode == PLANNING ? 0 : lm.score(state, word); // not a model word: nothing to keep
        }
        if (mode == REPLAYING) {
            return replay(state, word);
        }
        long[] t = table;
        int s = slot(state, word);
        long x = t[2 * s + 1];
        if (x != 0) {
            int id = (int) x;
            if (mode == PLANNING) {
                note(id);
            }
            return values[id];
        }
        int id = size;
        if (id == values.length) {
            values = Arrays.copyOf(values, 2 * id);
            questionStates = Arrays.copyOf(questionStates, 2 * id);
            questionWords = Arrays.copyOf(questionWords, 2 * id);
        }
        questionStates[id] = state;
        questionWords[id] = word;
        t[2 * s] = state;
        t[2 * s + 1] = (long) (word + 2) << 32 | id;
        double p = 0;
        if (mode == PLANNING) {
            note(id); // answered with the others by its number ({@link #answer})
        } else {
            p = lm.score(state, word);
        }
        values[id] = p;
        if (++size * 2 > mask) {
            grow();
        }
        return p;
    }

    private void note(int id) {
        if (noted == sequence.length) {
            sequence = Arrays.copyOf(sequence, 2 * noted);
        }
        sequence[noted++] = id;
    }

    /** The next noted question's answer; the question must be the one noted there (checked: a wrong walk would be a bug). */
    private double replay(long state, int word) {
        int id = cursor < noted ? sequence[cursor++] : -1;
        if (id < 0 || questionStates[id] != state || questionWords[id] != word) {
            throw new IllegalStateException("replay asked a question that was not planned there (question " + cursor + ")");
        }
        return values[id];
    }

    /**
     * The answer if this sentence asked it already, else the model's, without keeping it: the decoding graph's own
     * questions (a candidate after another) are nearly all new and asked once, so keeping them would only grow the table.
     * While planning or replaying, as {@link #score}.
     */
    double scoreRead(long state, int word) {
        if (mode != NORMAL) {
            return score(state, word);
        }
        if (word >= -1) {
            long x = table[2 * slot(state, word) + 1];
            if (x != 0) {
                return values[(int) x];
            }
        }
        return lm.score(state, word);
    }

    /**
     * {@link #scoreRead} of many questions: out[i] = the answer to (states[i], words[i]) for i below n, the same doubles,
     * nothing kept. The questions' home slots are read first, all of them, then their answers, and the model is asked the
     * missing ones together ({@link LanguageModel#scores}): the decoding graph reads a sentence's table long after its
     * windows filled it, when it has left the caches, and one question at a time each of its misses waited for the last.
     * home and found are scratch of at least n.
     */
    void readAll(long[] states, int[] words, int n, double[] out, long[] home, int[] found) {
        if (mode != NORMAL) {
            for (int i = 0; i < n; i++) {
                out[i] = score(states[i], words[i]);
            }
            return;
        }
        long[] t = table;
        int m = mask;
        for (int i = 0; i < n; i++) {
            home[i] = t[2 * (hash(states[i], words[i]) & m) + 1];
        }
        if (missStates == null || missStates.length < n) {
            int c = Math.max(32, n);
            missStates = new long[c];
            missWords = new int[c];
            missAt = new int[c];
            missAnswers = new double[c];
        }
        int missing = 0;
        for (int i = 0; i < n; i++) {
            int word = words[i];
            long state = states[i];
            int id = -1;
            if (word >= -1) {
                long x = t[2 * slotFrom(state, word, hash(state, word) & m, home[i]) + 1]; // read above: in the cache now
                id = x == 0 ? -1 : (int) x;
            }
            found[i] = id;
            if (id < 0) {
                missStates[missing] = state;
                missWords[missing] = word;
                missAt[missing++] = i;
            }
        }
        double[] v = values;
        for (int i = 0; i < n; i++) {
            int id = found[i];
            if (id >= 0) {
                out[i] = v[id];
            }
        }
        if (missing > 0) {
            lm.scores(missStates, missWords, missing, missAnswers);
            for (int j = 0; j < missing; j++) {
                out[missAt[j]] = missAnswers[j];
            }
        }
    }

    /** The slot that holds the question (state, word), or the empty slot where it would go. */
    private int slot(long state, int word) {
        int s = hash(state, word) & mask;
        return slotFrom(state, word, s, table[2 * s + 1]);
    }

    /** {@link #slot}, probing on from slot s, whose word-and-id half x the caller has read already. */
    private int slotFrom(long state, int word, int s, long x) {
        long w = (long) (word + 2) << 32;
        long[] t = table;
        while (x != 0 && !((x & 0xFFFFFFFF00000000L) == w && t[2 * s] == state)) {
            s = (s + 1) & mask;
            x = t[2 * s + 1];
        }
        return s;
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 2) {
            long x = old[i + 1];
            if (x != 0) {
                int s = hash(old[i], (int) (x >>> 32) - 2) & mask;
                while (table[2 * s + 1] != 0) {
                    s = (s + 1) & mask;
                }
                table[2 * s] = old[i];
                table[2 * s + 1] = x;
            }
        }
    }
}
