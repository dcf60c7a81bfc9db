#!/usr/bin/env python3
"""Writes lemma tables of candidate originals from WordNet 3.1 and the Moby thesaurus, for measuring what
these sources would add to the restorer's candidates (scripts/source-reach.sh) and for building a bundled
table from them.

A lemma table has one line per spun lemma and part of speech:

    LEMMA<TAB>POS<TAB>ORIGINAL,ORIGINAL,...      (best first; POS n, v, a or r)

A spun word in the text is lemmatised by the reader (dev.unspin.dictionary.LemmaTable): it matches a line
when it is one of the line's lemma's inflected forms for that part of speech (verbs: the five verb forms,
a phrase inflecting its first word; nouns: singular and plural, a phrase inflecting its last word; a and r:
the lemma only), and every original is then inflected into the same form ("mentioned": lemma "mention",
verb, past -> "say" -> "said").

Tables written into OUT_DIR (all lower case, every word known to the language model's vocabulary):
  wn-syn.tsv     WordNet synset co-members of a one-word lemma, one-word originals only
  wn-mwo.tsv     the same keys, multi-word originals only ("lender" for "loaner" is not; "bring up" for "mention" is)
  wn-mws.tsv     multi-word spun lemmas ("financial institution", "in keeping with" if WordNet had it), any original
  moby-fwd.tsv   the spun word's own Moby list (the forward direction; the bundled reverse thesaurus holds the heads
                 that list it), one-word originals; POS from WordNet (n/v lines inflect, otherwise the word as is),
                 ordered by the model's unigram probability of the original
  moby-fwd.learnt.tsv  the same lists in a learnt order (a logistic model of the pair, trained on the imported
                 tortured phrases' word moves, as build-news-dictionary.py trains its reverse ranking)
Each WordNet table comes in two orders: by the model's unigram probability of the original (NAME.tsv) and by
WordNet's sense-tagged counts of the original in the synsets it shares with the spun word (NAME.tag.tsv).

Usage: lemma-tables.py WORDNET_DIR MOBY_WORDS VOCAB_TSV OUT_DIR
The output is deterministic (sorted keys, ties broken by the word).
"""
import collections, os, re, sys

WORDNET, MOBY, VOCAB, OUT = sys.argv[1:5]
os.makedirs(OUT, exist_ok=True)

logp = {}
for line in open(VOCAB, encoding='utf-8'):
    w, p = line.rstrip('\n').split('\t')
    logp[w] = float(p)


def known(phrase):
    return all(w in logp for w in phrase.split(' '))


def plain(phrase):
    # lower-case letters, inner hyphens or apostrophes, single spaces: what a spinner writes as prose
    return re.fullmatch(r"[a-z]+(?:[-'][a-z]+)*(?: [a-z]+(?:[-'][a-z]+)*)*", phrase) is not None


def uni(phrase):
    return sum(logp[w] for w in phrase.split(' '))


POS = {'noun': 'n', 'verb': 'v', 'adj': 'a', 'adv': 'r'}
SS_POS = {'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}
members = {}                             # (pos, offset) -> lemmas
synsets = collections.defaultdict(list)  # (lemma, pos) -> synset keys, in WordNet's sense order
for name, pos in POS.items():
    for line in open(os.path.join(WORDNET, 'data.' + name), encoding='utf-8', errors='replace'):
        if line.startswith('  '):
            continue
        f = line.split()
        n = int(f[3], 16)
        ws = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ') for i in range(n)]
        members[(pos, f[0])] = ws
tags = collections.Counter()             # (lemma, pos, offset) -> sense-tagged count
order = {}                               # (lemma, pos, offset) -> sense number
for line in open(os.path.join(WORDNET, 'index.sense'), encoding='utf-8', errors='replace'):
    f = line.split()
    if len(f) < 4:
        continue
    key, off, num, cnt = f[0], f[1], int(f[2]), int(f[3])
    lemma = key.split('%')[0].replace('_', ' ')
    pos = SS_POS[key.split('%')[1][0]]
    tags[(lemma.lower(), pos, off)] += cnt
    order[(lemma.lower(), pos, off)] = num
for (pos, off), ws in members.items():
    for w in ws:
        synsets[(w.lower(), pos)].append(off)
for k in synsets:
    synsets[k] = sorted(set(synsets[k]), key=lambda off: (order.get((k[0], k[1], off), 99), off))


def wordnet_candidates(lemma, pos):
    """Co-members of the lemma's synsets, with the order keys: unigram and tagged count."""
    score = {}
    for off in synsets[(lemma, pos)]:
        for m in members[(pos, off)]:
            c = m.lower()
            if c == lemma or c != m or not plain(c) or not known(c):  # capitals: names, abbreviations
                continue
            score[c] = score.get(c, 0) + tags[(c, pos, off)]
    return score


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write(f'# {name}: lemma<TAB>pos<TAB>originals, best first (scripts/lemma-tables.py)\n')
        for lemma, pos, cands in sorted(rows):
            if cands:
                f.write(f'{lemma}\t{pos}\t{",".join(cands)}\n')


tables = {'wn-syn': [], 'wn-mwo': [], 'wn-mws': []}
tagged = {'wn-syn': [], 'wn-mwo': [], 'wn-mws': []}
for (lemma, pos) in sorted(synsets):
    if not plain(lemma) or not known(lemma):
        continue
    score = wordnet_candidates(lemma, pos)
    multi_key = ' ' in lemma
    for t in tables:
        if t == 'wn-mws' and not multi_key or t != 'wn-mws' and multi_key:
            continue
        cs = [c for c in score if t != 'wn-syn' or ' ' not in c]
        if t == 'wn-mwo':
            cs = [c for c in cs if ' ' in c]
        by_uni = sorted(cs, key=lambda c: (-uni(c), c))
        by_tag = sorted(cs, key=lambda c: (-score[c], -uni(c), c))
        tables[t].append((lemma, pos, by_uni))
        tagged[t].append((lemma, pos, by_tag))
for t in tables:
    write(t + '.tsv', tables[t])
    write(t + '.tag.tsv', tagged[t])

moby = collections.defaultdict(list)
for line in open(MOBY, encoding='utf-8', errors='replace'):
    f = [x.strip().lower() for x in line.split(',')]
    moby[f[0]].extend(s for s in f[1:] if s and s != f[0])
rows = []
for head in sorted(moby):
    if ' ' in head or not plain(head) or not known(head):
        continue
    cs = sorted({s for s in moby[head] if ' ' not in s and plain(s) and known(s)}, key=lambda c: (-uni(c), c))
    poses = [p for p in ('n', 'v') if synsets.get((head, p))] or ['a']
    for p in poses:
        rows.append((head, p, cs))
write('moby-fwd.tsv', rows)

# The same lists in a learnt order: which of the spun word's own Moby synonyms was the original, learnt (as
# build-news-dictionary.py learns its reverse ranking) from the word moves of the imported tortured phrases
# (science-tortured.txt, never the held-out fifth) with that script's features of a pair.
import math
import numpy as np
moby_set = {h: set(v) for h, v in moby.items()}
word_synsets = collections.defaultdict(set)
for (w, p), offs in synsets.items():
    word_synsets[w] |= {p + o for o in offs}
word_pos = collections.defaultdict(set)
for (w, p) in synsets:
    word_pos[w].add(p)


def features(o, s):
    mo, ms = moby_set.get(o, set()), moby_set.get(s, set())
    union = len(mo | ms) or 1
    fo, fs = logp.get(o, -8.0), logp.get(s, -8.0)
    return [1.0, fs, fo, fs - fo, (fs - fo) ** 2, 1.0 if s in mo else 0.0,
            1.0 if word_synsets.get(o, set()) & word_synsets.get(s, set()) else 0.0,
            len(mo & ms) / union, math.log(1 + len(mo)), math.log(1 + len(ms)),
            1.0 if word_pos.get(o, set()) & word_pos.get(s, set()) else 0.0, abs(len(o) - len(s)) / 10.0,
            1.0 if o in moby else 0.0]


def word_moves(path, sep):
    out = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or sep not in line:
            continue
        spun, orig = line.split(sep, 1)
        a, b = spun.strip().lower().split(), orig.split('|')[0].split(';')[0].strip().lower().split()
        if len(a) == len(b):
            out |= {(y, x) for x, y in zip(a, b) if x != y and x.isalpha() and y.isalpha()}
    return out


def moby_candidates(s):
    return [o for o in dict.fromkeys(moby.get(s, ())) if ' ' not in o and plain(o) and known(o)]


moves = word_moves('dictionaries/science-tortured.txt', '=>')
pairs = []
for s in sorted({m[1] for m in moves}):
    cs = moby_candidates(s)
    if any((o, s) in moves for o in cs):
        pairs += [(features(o, s), 1.0 if (o, s) in moves else 0.0) for o in cs]
X = np.array([f for f, _ in pairs])
y = np.array([t for _, t in pairs])
mu, sd = X[:, 1:].mean(0), X[:, 1:].std(0) + 1e-9
Xn, w = np.hstack([X[:, :1], (X[:, 1:] - mu) / sd]), np.zeros(X.shape[1])
for _ in range(3000):
    p = 1 / (1 + np.exp(-Xn @ w))
    w -= 0.5 * (Xn.T @ (p - y) / len(y) + 1e-3 * np.r_[0, w[1:]])
print(f'moby-fwd.learnt: {int(y.sum())} attested moves among {len(y)} candidates; weights {np.round(w, 2).tolist()}', file=sys.stderr)
learnt = []
for head, p, cs in rows:
    if cs:
        F = np.array([features(o, head) for o in cs])
        sc = np.hstack([F[:, :1], (F[:, 1:] - mu) / sd]) @ w
        cs = [o for _, o in sorted(zip((-sc).round(9).tolist(), cs))]
    learnt.append((head, p, cs))
write('moby-fwd.learnt.tsv', learnt)
for t in list(tables) + ['moby-fwd']:
    n = sum(1 for _ in open(os.path.join(OUT, t + '.tsv'), encoding='utf-8')) - 1
    print(f'{t}: {n} lines', file=sys.stderr)
