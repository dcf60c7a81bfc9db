#!/usr/bin/env python3
"""Held-out tortured phrases in real science prose: every occurrence of an original of
dictionaries/science-tortured.heldout.tsv (a fifth of the tortured-phrase list that no dictionary holds) in the
given text is replaced by one of its tortured forms and marked [[tortured=>original]]. The text may already be
annotated (.ann from `unspin spin`): phrases are only put in unmarked stretches. Single-word originals are left
alone (the list's word pairs are mined into spinner-words.txt from the other four fifths). Marks already in the
input become optional (`|?`), so that recall counts the held-out tortured phrases alone.
Usage: scripts/tortured-context.py IN_DIR OUT_DIR
"""
import glob, hashlib, os, re, sys

def main(src, out):
    moves = {}
    for line in open('dictionaries/science-tortured.heldout.tsv', encoding='utf-8'):
        if line.startswith('#'):
            continue
        spun, orig = line.rstrip('\n').split('\t')
        if len(orig.split()) >= 2 and '[' not in spun and '|' not in spun:
            moves.setdefault(orig.lower(), []).append(spun)
    # longest originals first, so "stochastic gradient descent" wins over "gradient descent"
    pattern = re.compile(r'(?<![\w-])(' + '|'.join(re.escape(o) for o in sorted(moves, key=len, reverse=True)) + r')(?![\w-])', re.I)
    os.makedirs(out, exist_ok=True)
    docs = marks = 0
    for f in sorted(glob.glob(os.path.join(src, '*'))):
        text = open(f, encoding='utf-8').read()
        parts = re.split(r'(\[\[.*?\]\])', text, flags=re.S)
        n = 0
        for k in range(1, len(parts), 2):
            if '|?]]' not in parts[k]:
                parts[k] = parts[k][:-2] + '|?]]'
        for k in range(0, len(parts), 2):
            def put(m):
                nonlocal n
                o = m.group(1)
                forms = moves[o.lower()]
                spun = forms[int(hashlib.md5(o.lower().encode()).hexdigest(), 16) % len(forms)]
                if o[0].isupper():
                    spun = spun[0].upper() + spun[1:]
                n += 1
                return f'[[{spun}=>{o}]]'
            parts[k] = pattern.sub(put, parts[k])
        if n:
            name = os.path.splitext(os.path.basename(f))[0] + '.ann'
            open(os.path.join(out, name), 'w', encoding='utf-8').write(''.join(parts))
            docs += 1
            marks += n
    print(f'{docs} documents, {marks} held-out tortured phrases', file=sys.stderr)

if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
