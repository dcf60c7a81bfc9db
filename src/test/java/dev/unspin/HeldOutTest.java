package dev.unspin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unspin.restore.Edit;
import dev.unspin.restore.Result;
import dev.unspin.text.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Figures on held-out data that no tuning touched (samples/heldout/README.md). */
class HeldOutTest {
    @Test
    void languageModelPrefersTheOriginalInNineOfTenPairs() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.project().resolve("src/test/resources/lm-pairs.tsv"), StandardCharsets.UTF_8);
        Map<String, int[]> byKind = new TreeMap<>();
        int pairs = 0;
        int right = 0;
        for (String l : lines) {
            if (l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            double orig = score(f[1]);
            double spun = score(f[2]);
            int[] k = byKind.computeIfAbsent(f[0], x -> new int[2]);
            k[1]++;
            pairs++;
            if (orig > spun) {
                k[0]++;
                right++;
            }
        }
        StringBuilder report = new StringBuilder();
        byKind.forEach((kind, k) -> report.append(kind).append(' ').append(k[0]).append('/').append(k[1]).append("  "));
        System.out.println("lm pairs: " + right + "/" + pairs + " original preferred; " + report);
        assertTrue(pairs >= 200, "pairs: " + pairs);
        assertTrue(right >= 0.9 * pairs, report.toString());
    }

    private static double score(String sentence) {
        Fixtures f = Fixtures.get();
        List<String> toks = f.analyzer.tokens(sentence, 0, sentence.length()).stream().map(Token::text).toList();
        return f.scorer.sentenceLogProb(toks);
    }

    @Test
    void cleanProseIsLeftAlone() throws Exception {
        long words = 0;
        List<Edit> alarms = new ArrayList<>();
        try (Stream<Path> s = Files.list(Fixtures.project().resolve("samples/heldout/clean"))) {
            for (Path p : s.sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                words += text.split("\\s+").length;
                Result r = Fixtures.get().restorer.restore(text);
                alarms.addAll(r.edits());
            }
        }
        double per5000 = alarms.size() * 5000.0 / words;
        System.out.printf("clean held-out: %d words, %d changes (%.2f per 5,000 words): %s%n", words, alarms.size(), per5000,
                alarms.stream().map(e -> e.before() + "->" + e.after()).toList());
        assertTrue(words >= 20_000);
        assertTrue(per5000 <= 1.0, alarms.toString());
    }
}
