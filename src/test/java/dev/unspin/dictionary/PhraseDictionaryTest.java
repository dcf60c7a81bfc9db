package dev.unspin.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhraseDictionaryTest {
    private record Count(int entries) {
    }

    @Test
    void aDerivedIndexIsMadeOnceAndSharedByEveryCaller() {
        PhraseDictionary d = new PhraseDictionary(List.of(new Entry(List.of("working", "system"), List.of("operating system"), Kind.ALWAYS, false, "x:1")));
        AtomicInteger made = new AtomicInteger();
        List<Count> got = IntStream.range(0, 16).parallel().mapToObj(i -> d.derived(Count.class, x -> {
            made.incrementAndGet();
            return new Count(x.size());
        })).toList();
        assertEquals(1, made.get());
        for (Count c : got) {
            assertSame(got.get(0), c);
        }
        assertEquals(1, got.get(0).entries());
        // another dictionary has its own
        PhraseDictionary other = new PhraseDictionary(List.of());
        assertEquals(0, other.derived(Count.class, x -> new Count(x.size())).entries());
    }
}
