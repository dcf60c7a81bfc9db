#!/usr/bin/env python3
"""Builds dictionaries/news-spinner.txt (the spinner's likely moves on the frequent words of news prose),
dictionaries/wordnet-artefacts.txt (function words swapped for WordNet synonyms of a same-spelt
abbreviation, "Associate in Nursing" for "an") and dictionaries/reverse-thesaurus.txt (for each word,
the originals a spinner most likely started from).

Method (each step measured; see the README, "How the news-spinner dictionary is built"):
 1. What a spinner does, learnt from real spinner output. The tortured-phrase list shows thousands of
    word-level substitutions (same-length phrase pairs, the words that differ: "huge information" ->
    "big data" gives big -> huge). Only the imported phrases are used (dictionaries/science-tortured.txt),
    never the held-out fifth. About 40% of these moves are Moby synonyms, and WordNet adds almost none,
    so the candidate moves are Moby's synonyms of a word; what must be learnt is which of a word's
    hundreds of Moby synonyms a spinner actually writes.
 2. Logistic models rank candidates from features of the pair: how common both words are (unigram log10
    probabilities of the language model), whether the link is reciprocal, whether WordNet puts both in
    one synset, how many Moby neighbours they share, list sizes, parts of speech and lengths. Forward: of
    a word's synonyms, which a spinner writes; reverse: of the heads listing a word, which it started
    from. Trained on the attested moves against the other candidates; checked on the held-out fifth's
    moves (recall at k, printed).
 3. Applied to the frequent words of English prose (the model's vocabulary by unigram probability, with a
    WordNet entry): the best-ranked synonyms that WordNet also puts in a synset with the word become
    entries "s => o". Verbs and nouns (by WordNet, both words) get the verb/noun flag so inflected forms
    are matched too. Words the curated dictionaries cover are left to them.
 4. Each pair is checked in real sentences (Brown corpus, non-press sections): kept when the language
    model reads the original better than the synonym in most of the original's contexts (the spinner's
    output is worse), and the restorer itself (dev.unspin.eval.EntryVetter: its calibrated decision, so
    no number of the restorer's is copied here) would change the synonym into the original in at most
    MAX_ALARMS of the synonym's own, clean, contexts.
Entries are 'guess' kind (family GENERATED in the restorer's calibration). The WordNet artefacts (see
their section below) go through the same check and are 'ctx'. The output is deterministic.

Usage: scripts/build-news-dictionary.sh (fetches the inputs and runs this).
  build-news-dictionary.py MOBY_WORDS WORDNET_DIR VOCAB_TSV CONTEXT_DIR UNSPIN OUT
Tuning knobs (environment, defaults as measured): ORIGINALS, PER_ORIGINAL, MIN_PROB, CONTEXTS_PER_WORD,
MAX_ALARMS, REQUIRE (wordnet|none).
"""
import collections, glob, math, os, re, subprocess, sys

import numpy as np

MOBY, WORDNET, VOCAB, CONTEXTS, UNSPIN, OUT = sys.argv[1:7]
ORIGINALS = int(os.environ.get('ORIGINALS', 6000))         # frequent words of prose considered as originals
MIN_SPUN_LOGP = -6.0      # spinners write real, reasonably common words
PER_ORIGINAL = int(os.environ.get('PER_ORIGINAL', 6))  # synonyms kept per original at most
MIN_PROB = float(os.environ.get('MIN_PROB', 0.04))          # logistic score a move needs (see the printed held-out figures)
CONTEXTS_PER_WORD = int(os.environ.get('CONTEXTS_PER_WORD', 16))
MAX_ALARMS = float(os.environ.get('MAX_ALARMS', 0.0625))  # share of the synonym's own contexts where the entry may fire
MAX_ORIGINALS = 5          # candidate originals per spun word
VETTER = os.environ['VETTER']  # the restorer as a build aid (set by build-news-dictionary.sh): see restorer_edits

# ---- inputs -------------------------------------------------------------------------------------
logp = {}
for line in open(VOCAB, encoding='utf-8'):
    w, p = line.rstrip('\n').split('\t')
    logp[w] = float(p)

moby = collections.defaultdict(list)
for line in open(MOBY, encoding='utf-8', errors='replace'):
    f = [x.strip().lower() for x in line.split(',')]
    moby[f[0]].extend(s for s in f[1:] if s and s != f[0])
moby_set = {h: set(v) for h, v in moby.items()}

synsets = collections.defaultdict(set)   # word -> synset ids
pos_of = collections.defaultdict(set)    # word -> WordNet parts of speech
members = {}                             # synset id -> its words, as WordNet spells them
hypernyms = {}                           # synset id -> hypernym synset ids
POS_OF_POINTER = {'n': 'noun', 'v': 'verb', 'a': 'adj', 's': 'adj', 'r': 'adv'}
for pos in ('noun', 'verb', 'adj', 'adv'):
    for line in open(os.path.join(WORDNET, 'data.' + pos), encoding='utf-8', errors='replace'):
        if line.startswith('  '):
            continue
        f = line.split()
        n = int(f[3], 16)
        members[pos + f[0]] = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ') for i in range(n)]
        p = 4 + 2 * n
        hypernyms[pos + f[0]] = [POS_OF_POINTER[f[p + 3 + 4 * j]] + f[p + 2 + 4 * j]
                                 for j in range(int(f[p])) if f[p + 1 + 4 * j] in ('@', '@i')]
        for w in members[pos + f[0]]:
            synsets[w.lower()].add(pos + f[0])
            pos_of[w.lower()].add(pos)
in_wordnet = frozenset(pos_of)  # fixed here: pos_of is a defaultdict, and lookups below add keys


def word_moves(pairs):
    """(original word, spun word) pairs from same-length phrase pairs."""
    out = collections.Counter()
    for spun, orig in pairs:
        a, b = spun.lower().split(), orig.lower().split()
        if len(a) == len(b):
            for x, y in zip(a, b):
                if x != y and x.isalpha() and y.isalpha():
                    out[(y, x)] += 1
    return out


def tortured(path, sep):
    pairs = []
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or sep not in line:
            continue
        spun, orig = line.split(sep, 1)
        pairs.append((spun.strip(), orig.split('|')[0].split(';')[0].strip()))
    return pairs


train_moves = word_moves(tortured('dictionaries/science-tortured.txt', '=>'))
test_moves = word_moves(tortured('dictionaries/science-tortured.heldout.tsv', '\t'))


# ---- features ------------------------------------------------------------------------------------
def features(o, s):
    mo, ms = moby_set.get(o, set()), moby_set.get(s, set())
    union = len(mo | ms) or 1
    fo, fs = logp.get(o, -8.0), logp.get(s, -8.0)
    return [1.0, fs, fo, fs - fo, (fs - fo) ** 2,
            1.0 if o in ms else 0.0,
            1.0 if synsets[o] & synsets[s] else 0.0,
            len(mo & ms) / union,
            math.log(1 + len(mo)), math.log(1 + len(ms)),
            1.0 if pos_of[o] & pos_of[s] else 0.0,
            abs(len(o) - len(s)) / 10.0]


def candidates(o):
    """A word's Moby synonyms a spinner could write: single, known words, not the word's own forms."""
    return [s for s in dict.fromkeys(moby.get(o, ())) if ' ' not in s and '-' not in s and s.isalpha()
            and logp.get(s, -99) >= MIN_SPUN_LOGP and not s.startswith(o[:4]) and not o.startswith(s[:4])]


# Two rankings are learnt the same way. Forward: of a word's Moby synonyms, which does a spinner write
# (for building entries from frequent originals). Reverse: of the Moby heads that list a word, which
# did the spinner start from (the reverse thesaurus for words no entry covers).
reverse_heads = collections.defaultdict(list)
for o, syns in moby.items():
    if ' ' not in o and o.isalpha() and logp.get(o, -99) >= MIN_SPUN_LOGP - 0.5:
        for s in dict.fromkeys(syns):
            if ' ' not in s and s.isalpha():
                reverse_heads[s].append(o)


def groups(moves, reverse):
    """(original, spun) candidate pairs grouped by the word ranked from, with the attested ones."""
    out = []
    for key in sorted({m[1] if reverse else m[0] for m in moves}):
        if reverse:
            cands = [(o, key) for o in reverse_heads.get(key, ())]
            pos = {(o, s) for (o, s) in moves if s == key}
        else:
            cands = [(key, s) for s in candidates(key)]
            pos = {(o, s) for (o, s) in moves if o == key}
        if pos & set(cands):
            out.append((cands, pos))
    return out


def train(moves, reverse):
    """Logistic regression (L2, plain gradient descent: a tiny problem) on the attested pairs."""
    pairs = [(c, c in pos) for cands, pos in groups(moves, reverse) for c in cands]
    X = np.array([features(o, s) for (o, s), _ in pairs])
    y = np.array([1.0 if hit else 0.0 for _, hit in pairs])
    mu, sd = X[:, 1:].mean(0), X[:, 1:].std(0) + 1e-9
    norm = lambda A: np.hstack([A[:, :1], (A[:, 1:] - mu) / sd])
    Xn, w = norm(X), np.zeros(X.shape[1])
    for _ in range(3000):
        p = 1 / (1 + np.exp(-Xn @ w))
        w -= 0.5 * (Xn.T @ (p - y) / len(y) + 1e-3 * np.r_[0, w[1:]])
    print(f'{"reverse" if reverse else "forward"}: {int(y.sum())} attested moves among {len(y)} candidates; '
          f'weights {np.round(w, 2).tolist()}', file=sys.stderr)
    return lambda o, s: float(1 / (1 + np.exp(-norm(np.array([features(o, s)])) @ w))[0])


def recall_at(moves, reverse, rank, ks=(1, 3, 5, 8)):
    hits, n = collections.Counter(), 0
    for cands, pos in groups(moves, reverse):
        ranked = sorted(cands, key=lambda c: -rank(*c))
        for c in pos & set(cands):
            n += 1
            for k in ks:
                hits[k] += ranked.index(c) < k
    return f'{n} moves, ' + ' '.join(f'@{k} {hits[k] / max(n, 1):.3f}' for k in ks)


score = train(train_moves, False)
reverse_score = train(train_moves, True)
print("held-out fifth's moves, recall at k:", file=sys.stderr)
for reverse, sc in ((False, score), (True, reverse_score)):
    print(f'  {"reverse" if reverse else "forward"}  learnt    ', recall_at(test_moves, reverse, sc), file=sys.stderr)
    print(f'  {"reverse" if reverse else "forward"}  frequency ',
          recall_at(test_moves, reverse, lambda o, s: logp.get(o if reverse else s, -99)), file=sys.stderr)

# ---- apply to frequent words ----------------------------------------------------------------------
stop = set('a an the of to in on at by for with from and or but not no as is are was were be been being '
           'it its this that these those he she they we you i me him her them us my your our their his '
           'there here than then so if do does did have has had will would can could shall should may might '
           'must what which who whom whose when where why how all any some each every'.split())
originals = [o for o, p in sorted(logp.items(), key=lambda t: -t[1])
             if o.isalpha() and len(o) > 2 and o not in stop and o in moby and o in in_wordnet][:ORIGINALS]
def forms(w):
    """A word and its plausible inflections, and what it could be an inflection of (to find collisions)."""
    out = {w, w + 's', w + 'es', w + 'd', w + 'ed', w + 'ing', w[:-1] + 'ies', w[:-1] + 'ied', w[:-1] + 'ing'}
    for suffix in ('s', 'es', 'd', 'ed', 'ing'):
        if w.endswith(suffix):
            out |= {w[:-len(suffix)], w[:-len(suffix)] + 'e'}
    return out


# curated entries take precedence: a spun word they already cover is left to them
curated = set()
for name in ('news-core.txt', 'spinner-words.txt'):
    for line in open(os.path.join('dictionaries', name), encoding='utf-8'):
        if '=>' in line and not line.startswith('#'):
            curated |= forms(line.split('=>')[0].strip().lower())
# Moby's lists are broad (bike under bus, both vehicles); a pair WordNet also puts in one synset is a
# synonym in some sense. Measured (README): same repairs on held-out tortured phrases and the dev
# article, 5% fewer wrong changes on synthetic news, half the entries. REQUIRE=none turns it off.
REQUIRE = os.environ.get('REQUIRE', 'wordnet')


def agrees(o, s):
    return REQUIRE == 'none' or bool(synsets[o] & synsets[s])


proposed = []   # (spun, original, score)
for o in originals:
    ranked = sorted(((score(o, s), s) for s in candidates(o)), reverse=True)
    for sc, s in ranked[:PER_ORIGINAL]:
        if sc >= MIN_PROB and not forms(s) & curated and agrees(o, s):
            proposed.append((s, o, sc))
print(f'{len(proposed)} proposed moves over {len(originals)} originals', file=sys.stderr)

# ---- language-model check in real sentences ----------------------------------------------------------
def contexts(wanted):
    """Up to CONTEXTS_PER_WORD Brown sentences showing each wanted word or phrase (lower case)."""
    found = collections.defaultdict(list)
    phrases = [w for w in wanted if ' ' in w]
    for path in sorted(glob.glob(os.path.join(CONTEXTS, '*.txt'))):
        text = open(path, encoding='utf-8').read()
        for sent in re.split(r'(?<=[.!?])\s+', re.sub(r'\s+', ' ', text)):
            words = sent.split()
            if not 6 <= len(words) <= 40:
                continue
            low = ' ' + ' '.join(words).lower() + ' '
            for wd in set(x.lower() for x in words) | {ph for ph in phrases if ' ' + ph + ' ' in low}:
                if wd in wanted and len(found[wd]) < CONTEXTS_PER_WORD:
                    found[wd].append(sent)
    return found


def swap(sent, a, b):
    return re.sub(r'\b' + re.escape(a) + r'\b', b, sent, count=1, flags=re.I)


def unigram(phrase):
    return sum(logp.get(w, -8) for w in phrase.lower().split())


def lm_check(proposed, replaces, kind):
    """The moves (spun, original, score) that pass two checks. (1) The language model: the original reads better than
    the spun form in at least 3 and 75% of the original's own contexts (the spinner's output reads worse there).
    (2) The restorer itself, as `unspin fix` runs it (its calibrated decision: no margin is copied here), with the
    moves passing (1) in place of the bundled file `replaces` (so they get its family): it changes the spun form
    into the original in at most MAX_ALARMS of the spun form's own, clean, contexts, each restored as a document of
    its own. Spun -> [(score, original, worse, n_o, alarms, n_s)]."""
    sentences = contexts({s.lower() for s, _, _ in proposed} | {o.lower() for _, o, _ in proposed})
    lines = []
    for s, o, _ in proposed:
        for ctx in sentences[o.lower()]:
            lines += [ctx, swap(ctx, o, s)]
    res = subprocess.run([UNSPIN, 'lm', 'score', '--format', 'tsv'], input='\n'.join(lines) + '\n',
                         capture_output=True, text=True, check=True).stdout.splitlines()
    scores = [float(r.split('\t', 1)[0]) for r in res]
    passed = collections.defaultdict(list)   # spun -> [(score, original, worse, n_o)]
    i = 0
    for s, o, sc in proposed:
        worse, n_o = 0, len(sentences[o.lower()])
        for _ in range(n_o):
            worse += scores[i] > scores[i + 1]   # the original's context reads better than with the spun form
            i += 2
        if n_o >= 3 and worse / n_o >= 0.75:
            passed[s].append((sc, o, worse, n_o))
    fired = restorer_edits(passed, replaces, kind, sentences)
    kept = collections.defaultdict(list)
    for s, cands in passed.items():
        n_s = len(sentences[s.lower()])
        for sc, o, worse, n_o in cands:
            alarms = sum(1 for k in range(n_s) if (s.lower(), 'an' if o.lower() == 'a' else o.lower()) in fired.get((s.lower(), k), ()))
            if n_s == 0 or alarms / n_s <= MAX_ALARMS:
                kept[s].append((sc, o, worse, n_o, alarms, n_s))
    return kept


def restorer_edits(passed, replaces, kind, sentences):
    """Restores every clean context of the spun forms in `passed` with the restorer (dev.unspin.eval.EntryVetter), the
    passed moves written as the bundled file `replaces` would hold them. (spun, context index) -> {(before, after)}."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, replaces)
        with open(path, 'w', encoding='utf-8') as f:
            for s in sorted(passed):
                origs = [o for _, o, _, _ in sorted(passed[s], reverse=True)]
                fl = flag(s, origs[0]) if kind == 'guess' else ''
                f.write(f"{s} => {' | '.join(origs)} ; {kind}{fl}\n")
        keys, text = [], []
        for s in sorted(passed):
            for k, ctx in enumerate(sentences[s.lower()]):
                keys.append((s.lower(), k))
                text.append(f'{len(keys) - 1}\t{ctx}')
        out = subprocess.run(VETTER.split() + [path], input='\n'.join(text) + '\n', capture_output=True, text=True,
                             check=True).stdout.splitlines()
    fired = collections.defaultdict(set)
    for line in out:
        f = line.split('\t')
        if len(f) == 3:
            after = f[2].lower()
            fired[keys[int(f[0])]].add((f[1].lower(), 'an' if after == 'a' else after))  # the article rule's a/an
    return fired


def flag(s, o):
    """verb when both words are verbs (its forms include the noun plural's -s), else noun when both are nouns."""
    both = pos_of[s] & pos_of[o]
    return ' verb' if 'verb' in both else ' noun' if 'noun' in both else ''


kept = lm_check(proposed, 'news-spinner.txt', 'guess')


with open(OUT, 'w', encoding='utf-8') as out:
    out.write('# unspin news-spinner dictionary: generated by scripts/build-news-dictionary.sh; do not edit by hand\n'
              '# (fix the method, or add a curated entry to news-core.txt, which takes precedence).\n'
              '# Moby thesaurus synonyms (public domain) of frequent words, ranked by a model of real spinner moves\n'
              '# learnt from the tortured-phrase list (MIT), WordNet 3.1 parts of speech (WordNet licence), checked\n'
              '# by the language model in Brown corpus sentences. Trailing comment: learnt score, the share of the\n'
              "# original's contexts where it reads better, and of the synonym's own where the entry would fire.\n")
    n = 0
    for s in sorted(kept):
        best = sorted(kept[s], reverse=True)[:MAX_ORIGINALS]
        # one flag for the line: the best original's parts of speech decide
        fl = flag(s, best[0][1])
        origs = [b[1] for b in best if flag(s, b[1]) == fl]
        sc, o, worse, n_o, alarms, n_s = best[0]
        out.write(f"{s} => {' | '.join(origs)} ; guess{fl}    # {sc:.2f} {worse}/{n_o} {alarms}/{n_s}\n")
        n += 1
print(f'{n} entries written to {OUT}', file=sys.stderr)

# ---- the reverse thesaurus: for each word, the Moby heads that list it, best-ranked first -----------
REVERSE_OUT = os.path.join(os.path.dirname(OUT), 'reverse-thesaurus.txt')
with open(REVERSE_OUT, 'w', encoding='utf-8') as out:
    out.write('# unspin reverse thesaurus (--thesaurus): generated by scripts/build-news-dictionary.sh; do not edit.\n'
              '# word<TAB>candidate originals, best first: the Moby thesaurus heads (public domain) listing the word,\n'
              '# ranked by a model of real spinner moves learnt from the tortured-phrase list (MIT), with WordNet 3.1\n'
              '# features (WordNet licence). See NOTICE.\n')
    m = 0
    for s in sorted(reverse_heads):
        if s.isalpha() and logp.get(s, -99) >= MIN_SPUN_LOGP - 1.5:
            ranked = sorted(dict.fromkeys(reverse_heads[s]), key=lambda o: -reverse_score(o, s))[:8]
            out.write(s + '\t' + ','.join(ranked) + '\n')
            m += 1
print(f'{m} words written to {REVERSE_OUT}', file=sys.stderr)

# ---- WordNet artefacts: function words swapped for a "synonym" of their abbreviation sense ----------
# Spinners that look words up in WordNet without regard to sense turn "an" into "Associate in Nursing"
# (AN), "are" into "area unit" (are: a unit of area), "in" into "atomic number 49" (In, indium), "who"
# into "World Health Organization". The tortured-phrase list documents the two commonest (982 and 526
# papers). Candidates: the multi-word WordNet synonyms of each function word (and, where the word's
# synset holds only abbreviations, its hypernym's words), that do not contain the word itself; kept
# when the language model check above passes them. WordNet's capitals are kept (exact-case entries,
# which may fire inside a sentence) beside a lower-case entry.
ARTEFACTS_OUT = os.path.join(os.path.dirname(OUT), 'wordnet-artefacts.txt')
function_words = sorted(stop | set('also about after before more most only just over one'.split()))
artefacts = []
for w in function_words:
    cands = set()
    for sid in sorted(synsets[w]):
        group = members[sid]
        if all(len(x) <= 3 for x in group):
            group = group + [m for h in hypernyms[sid] for m in members[h]]
        cands |= {m for m in group if ' ' in m and w not in m.lower().split() and m.lower() not in curated}
    artefacts += [(m, w, 1.0) for m in sorted(cands)]
checked = lm_check(artefacts, 'wordnet-artefacts.txt', 'ctx')
# A phrase that writers commonly use ("United States", "more or less", "information technology") is a
# name or an idiom more often than an artefact, and a few Brown sentences cannot show that for news:
# only phrases the model itself finds rare on their own (log10 below RARE_PHRASE) are kept.
RARE_PHRASE = -9.0
phrases = sorted(checked)
res = subprocess.run([UNSPIN, 'lm', 'score', '--format', 'tsv'], input='\n'.join(p.lower() for p in phrases) + '\n',
                     capture_output=True, text=True, check=True).stdout.splitlines()
for phrase, r in zip(phrases, res):
    if float(r.split('\t', 1)[0]) >= RARE_PHRASE:
        del checked[phrase]
with open(ARTEFACTS_OUT, 'w', encoding='utf-8') as out:
    out.write('# unspin WordNet artefacts: generated by scripts/build-news-dictionary.sh; do not edit by hand.\n'
              '# Function words a sense-blind spinner replaced by a WordNet synonym of an abbreviation that\n'
              '# shares their spelling (WordNet 3.1, WordNet licence; see NOTICE), checked by the language model\n'
              "# in Brown corpus sentences. Trailing comment: the share of the original's contexts where it reads\n"
              "# better, and of the phrase's own where the entry would fire.\n")
    m = 0
    for s in sorted(checked, key=str.lower):
        best = sorted(checked[s], key=lambda k: (-k[2], k[1]))
        origs = [b[1] for b in best][:MAX_ORIGINALS]
        _, _, worse, n_o, alarms, n_s = best[0]
        note = f'    # {worse}/{n_o} {alarms}/{n_s}\n'
        if s != s.lower():
            out.write(f"{s} => {' | '.join(origs)} ; ctx case" + note)
            m += 1
        out.write(f"{s.lower()} => {' | '.join(origs)} ; ctx" + note)
        m += 1
print(f'{m} entries written to {ARTEFACTS_OUT}', file=sys.stderr)
