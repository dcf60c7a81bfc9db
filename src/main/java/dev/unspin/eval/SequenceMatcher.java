package dev.unspin.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The opcodes of Python's difflib.SequenceMatcher(None, a, b, autojunk=False), reproduced step
 * for step: the scorer's figures must equal the reference score.py, and a different (even
 * equally good) alignment would credit edits differently.
 */
final class SequenceMatcher {
    enum Tag { EQUAL, REPLACE, DELETE, INSERT }

    record Opcode(Tag tag, int i1, int i2, int j1, int j2) {
    }

    private record Block(int a, int b, int size) {
    }

    private final List<String> a;
    private final List<String> b;
    private final Map<String, List<Integer>> b2j = new HashMap<>();

    SequenceMatcher(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
        for (int j = 0; j < b.size(); j++) {
            b2j.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
        }
    }

    private Block longestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            for (int j : b2j.getOrDefault(a.get(i), List.of())) {
                if (j < blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = j2len.getOrDefault(j - 1, 0) + 1;
                newj2len.put(j, k);
                if (k > bestsize) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    bestsize = k;
                }
            }
            j2len = newj2len;
        }
        while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a.get(besti + bestsize).equals(b.get(bestj + bestsize))) {
            bestsize++;
        }
        return new Block(besti, bestj, bestsize);
    }

    private List<Block> matchingBlocks() {
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {0, a.size(), 0, b.size()});
        List<Block> blocks = new ArrayList<>();
        while (!queue.isEmpty()) {
            // Python pops from the end of its list; the order does not matter after the sort below
            int[] q = queue.pollLast();
            Block m = longestMatch(q[0], q[1], q[2], q[3]);
            if (m.size() > 0) {
                blocks.add(m);
                if (q[0] < m.a() && q[2] < m.b()) {
                    queue.add(new int[] {q[0], m.a(), q[2], m.b()});
                }
                if (m.a() + m.size() < q[1] && m.b() + m.size() < q[3]) {
                    queue.add(new int[] {m.a() + m.size(), q[1], m.b() + m.size(), q[3]});
                }
            }
        }
        blocks.sort(Comparator.comparingInt(Block::a).thenComparingInt(Block::b).thenComparingInt(Block::size));
        List<Block> merged = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Block x : blocks) {
            if (i1 + k1 == x.a() && j1 + k1 == x.b()) {
                k1 += x.size();
            } else {
                if (k1 > 0) {
                    merged.add(new Block(i1, j1, k1));
                }
                i1 = x.a();
                j1 = x.b();
                k1 = x.size();
            }
        }
        if (k1 > 0) {
            merged.add(new Block(i1, j1, k1));
        }
        merged.add(new Block(a.size(), b.size(), 0));
        return merged;
    }

    List<Opcode> opcodes() {
        int i = 0;
        int j = 0;
        List<Opcode> out = new ArrayList<>();
        for (Block m : matchingBlocks()) {
            Tag tag = null;
            if (i < m.a() && j < m.b()) {
                tag = Tag.REPLACE;
            } else if (i < m.a()) {
                tag = Tag.DELETE;
            } else if (j < m.b()) {
                tag = Tag.INSERT;
            }
            if (tag != null) {
                out.add(new Opcode(tag, i, m.a(), j, m.b()));
            }
            i = m.a() + m.size();
            j = m.b() + m.size();
            if (m.size() > 0) {
                out.add(new Opcode(Tag.EQUAL, m.a(), i, m.b(), j));
            }
        }
        return out;
    }
}
