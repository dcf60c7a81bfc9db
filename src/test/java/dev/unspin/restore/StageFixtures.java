package dev.unspin.restore;

import dev.unspin.dictionary.Entry;
import dev.unspin.dictionary.Kind;
import dev.unspin.dictionary.PhraseDictionary;
import dev.unspin.lm.FakeLanguageModel;
import dev.unspin.lm.LmScorer;
import dev.unspin.text.Sentence;
import dev.unspin.text.TextAnalyzer;
import java.util.BitSet;
import java.util.List;

/** Small parts for unit tests of one stage: a six-entry dictionary and a fake bigram model that prefers the originals. */
final class StageFixtures {
    static final TextAnalyzer ANALYZER = TextAnalyzer.english();

    static FakeLanguageModel model() {
        FakeLanguageModel m = new FakeLanguageModel(-7);
        for (String w : List.of("the", "company", "corporate", "said", "mentioned", "it", "will", "fix", "a", "security", "safety", "flaw",
                "hole", "operating", "working", "system", "new", "brand", "today")) {
            m.word(w, -3);
        }
        return m.bigram("<s>", "the", -0.5).bigram("the", "company", -1).bigram("company", "said", -1).bigram("said", "it", -1)
                .bigram("security", "flaw", -1).bigram("a", "security", -1.5).bigram("operating", "system", -0.5).bigram("the", "new", -1)
                .bigram("new", "system", -1.5);
    }

    static PhraseDictionary dictionary() {
        return new PhraseDictionary(List.of(
                entry("corporate", "company", Kind.CONTEXT),
                entry("mentioned", "said", Kind.CONTEXT),
                entry("safety", "security", Kind.CONTEXT),
                entry("working system", "operating system", Kind.ALWAYS),
                entry("brand new", "new", Kind.CONTEXT),
                entry("the brand new", "the new", Kind.CONTEXT)));
    }

    static Entry entry(String spun, String original, Kind kind) {
        return new Entry(List.of(spun.split(" ")), List.of(original), kind, false, "news-core.txt:1");
    }

    static Lattice lattice(String sentence, LmScorer scorer) {
        Sentence s = ANALYZER.sentences(sentence).get(0);
        return Lattice.build(s, List.of(new DictionaryCandidates(dictionary())), scorer, new BitSet());
    }
}
