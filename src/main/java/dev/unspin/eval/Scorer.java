package dev.unspin.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edit-level scoring of a restored text against its annotation, following the rules of
 * annotation-format.md exactly as the reference score.py applies them (same tokens, same
 * alignment, same split of merged regions), so the two always report the same figures.
 */
public final class Scorer {
    private static final Pattern TOK = Pattern.compile("\\w+(?:[-'\u2019]\\w+)*|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

    /** One scoring error for --errors: the spun words, what the system wrote, what was wanted. */
    public record Error(String spun, String got, String want) {
    }

    private record Tok(String text, int start, int end) {
    }

    private Scorer() {
    }

    static String norm(String t) {
        return t.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
    }

    /**
     * Where the words that hold text[start, end) begin and end, as this scorer tokenises (letters and digits with inner
     * hyphens or apostrophes): a span inside a word ("long" in "long-term") widens to the whole word. Tokens never
     * cross white space, so only the run of text around the span is read.
     */
    static int[] wordBounds(String text, int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        int lo = start;
        int hi = end;
        Matcher m = TOK.matcher(text).region(from, to);
        while (m.find()) {
            if (m.start() < start && m.end() > start) {
                lo = m.start();
            }
            if (m.start() < end && m.end() > end) {
                hi = m.end();
            }
        }
        return new int[] {lo, hi};
    }

    private static List<Tok> toks(String s) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOK.matcher(s);
        while (m.find()) {
            out.add(new Tok(m.group(), m.start(), m.end()));
        }
        return out;
    }

    private static List<String> norms(List<Tok> ts) {
        List<String> out = new ArrayList<>(ts.size());
        for (Tok t : ts) {
            out.add(norm(t.text()));
        }
        return out;
    }

    private static final class Gold {
        final Annotation.GoldEdit edit;
        final int lo;
        final int hi;
        final List<List<String>> altToks = new ArrayList<>();

        Gold(Annotation.GoldEdit edit, int lo, int hi) {
            this.edit = edit;
            this.lo = lo;
            this.hi = hi;
            for (String a : edit.alternatives()) {
                altToks.add(norms(toks(a)));
            }
        }
    }

    public static Counts score(Annotation ann, String output, List<Error> errors) {
        String spun = ann.spun();
        List<Tok> st = toks(spun);
        List<Tok> ot = toks(output);
        List<String> sn = norms(st);
        List<String> on = norms(ot);
        List<Gold> golds = new ArrayList<>();
        for (Annotation.GoldEdit e : ann.edits()) {
            int lo = -1;
            int hi = -1;
            for (int k = 0; k < st.size(); k++) {
                if (st.get(k).start() >= e.start() && st.get(k).end() <= e.end()) {
                    if (lo < 0) {
                        lo = k;
                    }
                    hi = k + 1;
                }
            }
            if (lo >= 0) {
                golds.add(new Gold(e, lo, hi));
            }
        }
        List<SequenceMatcher.Opcode> ops = new SequenceMatcher(sn, on).opcodes();
        int[] align = new int[sn.size()];
        java.util.Arrays.fill(align, -1);
        for (SequenceMatcher.Opcode op : ops) {
            if (op.tag() == SequenceMatcher.Tag.EQUAL) {
                for (int k = 0; k < op.i2() - op.i1(); k++) {
                    align[op.i1() + k] = op.j1() + k;
                }
            }
        }
        Map<Integer, Integer> inv = new java.util.HashMap<>();
        for (int k = 0; k < align.length; k++) {
            if (align[k] >= 0) {
                inv.put(align[k], k);
            }
        }
        record Region(int lo, int hi, List<Gold> golds) {
        }
        List<Region> regions = new ArrayList<>();
        for (Gold g : golds) {
            int lo = g.lo;
            int hi = g.hi;
            while (lo > 0 && align[lo - 1] < 0) {
                lo--;
            }
            while (hi < sn.size() && align[hi] < 0) {
                hi++;
            }
            regions.add(new Region(lo, hi, new ArrayList<>(List.of(g))));
        }
        regions.sort(Comparator.comparingInt(Region::lo)); // stable, as Python's sort
        List<Region> clusters = new ArrayList<>();
        for (Region r : regions) {
            if (!clusters.isEmpty() && r.lo() < clusters.get(clusters.size() - 1).hi()) {
                Region last = clusters.remove(clusters.size() - 1);
                List<Gold> gs = last.golds();
                gs.addAll(r.golds());
                clusters.add(new Region(last.lo(), Math.max(last.hi(), r.hi()), gs));
            } else {
                clusters.add(r);
            }
        }
        int tp = 0;
        int tpReq = 0;
        int fn = 0;
        int fp = 0;
        int req = 0;
        for (Gold g : golds) {
            req += g.edit.optional() ? 0 : 1;
        }
        List<int[]> covered = new ArrayList<>();
        for (Region c : clusters) {
            c.golds().sort(Comparator.comparingInt(g -> g.lo));
            int a = 0;
            for (int k = 0; k < c.lo(); k++) {
                a = Math.max(a, align[k] + 1);
            }
            int b = on.size();
            for (int k = c.hi(); k < sn.size(); k++) {
                if (align[k] >= 0) {
                    b = Math.min(b, align[k]);
                }
            }
            covered.add(new int[] {c.lo(), c.hi()});
            Integer[] src = new Integer[Math.max(0, b - a)];
            for (int j = a; j < b; j++) {
                src[j - a] = inv.get(j);
            }
            int[] r = bestReading(slice(sn, c.lo(), c.hi()), c.lo(), c.golds(), slice(on, a, b), src);
            tp += r[0];
            tpReq += r[1];
            fn += r[2];
            fp += r[3];
            if ((r[3] != 0 || r[2] != 0) && errors != null) {
                StringBuilder want = new StringBuilder();
                for (Gold g : c.golds()) {
                    if (want.length() > 0) {
                        want.append(" / ");
                    }
                    want.append(String.join("|", g.edit.alternatives())).append(g.edit.optional() ? "|?" : "");
                }
                errors.add(new Error(join(st, c.lo(), c.hi()), join(ot, a, b), want.toString()));
            }
        }
        for (SequenceMatcher.Opcode op : ops) {
            if (op.tag() == SequenceMatcher.Tag.EQUAL) {
                continue;
            }
            boolean inside = false;
            for (int[] cv : covered) {
                int lo = cv[0];
                int hi = cv[1];
                if (op.i2() > op.i1() ? (op.i1() < hi && op.i2() > lo) : (lo <= op.i1() && op.i1() <= hi)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                fp++;
                if (errors != null) {
                    errors.add(new Error(join(st, Math.max(0, op.i1() - 2), op.i2() + 2), join(ot, Math.max(0, op.j1() - 2), op.j2() + 2),
                            "(unchanged)"));
                }
            }
        }
        boolean layout = newlines(spun) == newlines(output);
        return new Counts(tp, tpReq, fn, fp, req, golds.size(), layout);
    }

    private static int newlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String join(List<Tok> ts, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < Math.min(to, ts.size()); k++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ts.get(k).text());
        }
        return sb.toString();
    }

    /** Python slice semantics: an empty list where to <= from. */
    private static List<String> slice(List<String> l, int from, int to) {
        from = Math.max(0, Math.min(from, l.size()));
        to = Math.max(0, Math.min(to, l.size()));
        return to <= from ? List.of() : l.subList(from, to);
    }

    /** {tp, tpRequired, fn, fp} of the reading of one region that credits the most; see score.py's best_reading. */
    private static int[] bestReading(List<String> region, int lo, List<Gold> golds, List<String> got, Integer[] src) {
        record Seg(boolean gap, int s0, int s1, Gold g) {
        }
        List<Seg> segs = new ArrayList<>();
        int p = lo;
        for (Gold g : golds) {
            segs.add(new Seg(true, p, g.lo, null));
            segs.add(new Seg(false, g.lo, g.hi, g));
            p = g.hi;
        }
        segs.add(new Seg(true, p, lo + region.size(), null));
        int m = got.size();
        Map<Integer, int[]> best = new LinkedHashMap<>();
        best.put(0, new int[4]);
        for (Seg seg : segs) {
            List<String> spunToks = slice(region, seg.s0() - lo, seg.s1() - lo);
            Map<Integer, int[]> next = new LinkedHashMap<>();
            for (Map.Entry<Integer, int[]> en : best.entrySet()) {
                int p0 = en.getKey();
                int[] c = en.getValue();
                for (int p1 = p0; p1 <= m; p1++) {
                    if (p1 > p0 && src[p1 - 1] != null && !(seg.s0() <= src[p1 - 1] && src[p1 - 1] < seg.s1())) {
                        break;
                    }
                    List<String> chunk = got.subList(p0, p1);
                    int[] d = c.clone();
                    if (seg.gap()) {
                        d[3] += chunk.equals(spunToks) ? 0 : 1;
                    } else if (!chunk.equals(spunToks) && seg.g().altToks.contains(chunk)) {
                        d[0]++;
                        d[1] += seg.g().edit.optional() ? 0 : 1;
                    } else if (chunk.equals(spunToks)) {
                        d[2] += seg.g().edit.optional() ? 0 : 1;
                    } else {
                        d[3]++;
                        d[2] += seg.g().edit.optional() ? 0 : 1;
                    }
                    int[] old = next.get(p1);
                    if (old == null || better(d, old)) {
                        next.put(p1, d);
                    }
                }
            }
            best = next;
        }
        int[] r = best.get(m);
        return r == null ? new int[4] : r;
    }

    /** Python's key (tp - fp - fn, tp, -fp), compared as a tuple. */
    private static boolean better(int[] x, int[] y) {
        int kx = x[0] - x[3] - x[2];
        int ky = y[0] - y[3] - y[2];
        if (kx != ky) {
            return kx > ky;
        }
        if (x[0] != y[0]) {
            return x[0] > y[0];
        }
        return -x[3] > -y[3];
    }
}
