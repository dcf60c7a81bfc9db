#!/usr/bin/env bash
# Held-out tortured phrases (dictionaries/science-tortured.heldout.tsv, never imported), each inside a
# neutral sentence, as annotated files; then scores the restorer on them. Extra arguments go to
# `unspin eval` (e.g. --no-bundled-dicts --dict dictionaries/news-core.txt to measure one dictionary).
# Recall is the share of held-out phrases restored exactly; precision counts wrong changes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/data/tortured-heldout
rm -rf "$dir" && mkdir -p "$dir"
python3 - "$dir" <<'PY'
import sys
n = 0
for line in open('dictionaries/science-tortured.heldout.tsv', encoding='utf-8'):
    if line.startswith('#'):
        continue
    spun, orig = line.rstrip('\n').split('\t')
    n += 1
    with open(f'{sys.argv[1]}/t{n:05d}.ann', 'w', encoding='utf-8') as f:
        f.write(f'In this paper, we study [[{spun}=>{orig}]] in detail.\n')
PY
./unspin eval "$@" "$dir"/*.ann | tail -1
