#!/usr/bin/env python3
"""Imports the Problematic Paper Screener's tortured phrases (../shared/data/pps-tortured-phrases.csv,
MIT licence, from hahuyhoang411/tortured-phrase) into dictionaries/science-tortured.txt.

Cleaning: the screener's queries combine quoted phrases with AND / NOT / ~N; only the first quoted
phrase is the tortured phrase. Expected phrases lose notes such as "(?)" and acronyms in brackets
("back propagation (BP)" -> "back propagation"). Rows mapping a phrase to itself, single-word
phrases (often OCR noise) and phrases with characters the dictionary format reserves are dropped.
A fixed-seed fifth of the phrases is held out (dictionaries/science-tortured.heldout.tsv) to
measure, without these entries, how much the restorer recovers unaided.
Usage: scripts/import-tortured.py ../shared/data/pps-tortured-phrases.csv
"""
import csv, random, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/pps-tortured-phrases.csv'
rows = []
with open(src, encoding='utf-8') as f:
    for r in csv.DictReader(f):
        q = re.findall(r'"([^"]+)"', r['tortured_phrase'])
        if not q:
            continue
        spun = q[0].strip().lower()
        orig = re.sub(r'\s*\([^)]*\)', '', r['expected_phrase']).strip()
        orig = re.sub(r'\s+', ' ', orig)
        if (not orig or spun == orig.lower() or ' ' not in spun or any(c in spun + orig for c in '|;#=>[]?')
                or not re.fullmatch(r"[a-z0-9' -]+", spun)):
            continue
        rows.append((spun, orig, int(r['num_papers'].replace(',', '') or 0)))
by_spun = {}
for spun, orig, n in rows:
    by_spun.setdefault(spun, []).append((n, orig))
phrases = sorted(by_spun)
rnd = random.Random(20261129)
held = set(rnd.sample(phrases, len(phrases) // 5))
# What the curated news dictionary already says is left to it (no duplicates across files). Filters
# below apply when writing, after the split, so the held-out fifth never depends on them.
curated = {}  # spun -> originals (lower case) in news-core.txt
for l in open('dictionaries/news-core.txt', encoding='utf-8'):
    if '=>' in l and not l.startswith('#'):
        spun_side, rest = l.split('=>', 1)
        curated.setdefault(spun_side.strip().lower(), set()).update(o.strip().lower() for o in rest.split(';')[0].split('|'))


def resolve(orig, spun):
    """An original that is itself a listed tortured phrase is replaced by that phrase's original
    (one hop); notes in quotes ("paraphrased versions of the words 'an' and 'are'") are dropped."""
    if any(q in orig for q in '\u2018\u2019"'):
        return None
    key = orig.lower()
    if key in by_spun and key not in held and key != spun:
        orig = sorted(by_spun[key], key=lambda x: -x[0])[0][1]
    return None if orig.lower() == spun else orig
with open('dictionaries/science-tortured.txt', 'w', encoding='utf-8') as out:
    out.write('# Tortured phrases from scientific papers, imported by scripts/import-tortured.py from the Problematic\n'
              '# Paper Screener list (Cabanac, Labbe, Magazinov; arXiv:2107.06751), as published in the GitHub\n'
              '# repository hahuyhoang411/tortured-phrase (data/tortured.csv) under the MIT licence; see NOTICE.\n'
              '# "always": these phrases are what no fluent scientific writer would write. A fifth is held out\n'
              '# (science-tortured.heldout.tsv) for measuring unaided restoration.\n')
    written = 0
    for spun in phrases:
        if spun in held:
            continue
        origs = []
        for n, o in sorted(by_spun[spun], key=lambda x: -x[0]):
            o = resolve(o, spun)
            if o is None:
                continue
            if o.lower() not in [x.lower() for x in origs] and o.lower() not in curated.get(spun, ()):
                origs.append(o)
        if origs:
            out.write(f"{spun} => {' | '.join(origs[:3])}\n")
            written += 1
with open('dictionaries/science-tortured.heldout.tsv', 'w', encoding='utf-8') as out:
    out.write('# held-out tortured phrases (spun<TAB>original), not in science-tortured.txt\n')
    for spun in sorted(held):
        out.write(f"{spun}\t{sorted(by_spun[spun], key=lambda x: -x[0])[0][1]}\n")
print(written, 'entries,', len(held), 'held out')

# The spinner's word-level moves: where a tortured phrase and its original have the same length,
# the words that differ are the spinner's substitutions ("huge information" -> "big data" gives
# huge -> big and information -> data). Taken from the imported phrases only (never the held-out
# fifth), kept when two or more phrases show them, and never for words so common in ordinary prose
# (the 500 most frequent words of samples/heldout/spin-source) that a context entry would be
# considered everywhere.
import collections, glob
MIN_SUPPORT = int(sys.argv[2]) if len(sys.argv) > 2 else 2
common = collections.Counter()
for f in glob.glob('samples/heldout/spin-source/*.txt'):
    common.update(re.findall(r"[a-z]+", open(f, encoding='utf-8').read().lower()))
too_common = {w for w, _ in common.most_common(500)}
moves = collections.Counter()
for spun in phrases:
    if spun in held:
        continue
    for n, orig in by_spun[spun]:
        a, b = spun.split(), orig.lower().split()
        if len(a) != len(b):
            continue
        for x, y in zip(a, b):
            if (x != y and x.isalpha() and y.isalpha() and x not in too_common and y not in curated.get(x, ())
                    and not x.startswith(y) and not y.startswith(x)):
                moves[(x, y)] += 1
by_word = {}
for (x, y), c in moves.items():
    if c >= MIN_SUPPORT:
        by_word.setdefault(x, []).append((c, y))
with open('dictionaries/spinner-words.txt', 'w', encoding='utf-8') as out:
    out.write('# Word-level spinner substitutions, mined by scripts/import-tortured.py from the tortured-phrase list\n'
              '# (Problematic Paper Screener; MIT, see NOTICE): same-length phrase pairs, the words that differ.\n'
              '# Never from the held-out fifth. Pairs shown by two or more phrases are context entries, pairs shown\n'
              '# by one are guesses; the language model decides in context either way.\n'
              '# Trailing comment: how many phrases show the pair.\n')
    for x in sorted(by_word):
        ys = sorted(by_word[x], key=lambda t: (-t[0], t[1]))[:3]
        # two or more phrases: a context entry; a single phrase: a guess
        kind = 'ctx' if ys[0][0] >= 2 else 'guess'
        out.write(f"{x} => {' | '.join(y for _, y in ys)} ; {kind}    # {ys[0][0]}\n")
print(len(by_word), 'spinner word entries')
