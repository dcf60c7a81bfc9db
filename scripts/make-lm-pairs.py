#!/usr/bin/env python3
"""Makes src/test/resources/lm-pairs.tsv: (kind, original sentence, spun twin) pairs for the
language-model preference test. Each pair takes a sentence of samples/heldout/spin-source and
applies one substitution from dictionaries/news-core.txt in reverse (original -> spun form),
the way a spinner does. Kinds: single (one word for one word), multi (several words on either
side, same length), length (the spun form has another number of words). Fixed seed."""
import glob, random, re
entries = []
for line in open('dictionaries/news-core.txt', encoding='utf-8'):
    line = line.split('#')[0].strip()
    if '=>' not in line:
        continue
    body = line.split(';')[0]
    spun, origs = body.split('=>')
    for o in origs.split('|'):
        entries.append((o.strip().lower(), spun.strip().lower()))
sentences = []
for f in sorted(glob.glob('samples/heldout/spin-source/*.txt')):
    for s in re.split(r'(?<=[.!?])\s+', open(f, encoding='utf-8').read()):
        s = ' '.join(s.split())
        if 8 <= len(s.split()) <= 30:
            sentences.append(s)
rnd = random.Random(7)
rnd.shuffle(sentences)
pairs, used = [], set()
want = {'single': 110, 'multi': 50, 'length': 80}
count = {k: 0 for k in want}
for s in sentences:
    low = ' ' + s.lower() + ' '
    rnd.shuffle(entries)
    for o, sp in entries:
        ow, sw = o.split(), sp.split()
        kind = 'single' if len(ow) == len(sw) == 1 else ('multi' if len(ow) == len(sw) else 'length')
        if count[kind] >= want[kind] or (o, sp) in used:
            continue
        m = re.search(r'(?<![\w-])' + re.escape(o) + r'(?![\w-])', s.lower())
        if not m or s[m.start()].isupper() and m.start() > 0:
            continue
        spun = s[:m.start()] + sp + s[m.end():]
        pairs.append((kind, s, spun)); used.add((o, sp)); count[kind] += 1
        break
    if all(count[k] >= want[k] for k in want):
        break
with open('src/test/resources/lm-pairs.tsv', 'w', encoding='utf-8') as out:
    out.write('# kind\toriginal\tspun (made by scripts/make-lm-pairs.py)\n')
    for p in pairs:
        out.write('\t'.join(p) + '\n')
print(count)
