#!/usr/bin/env bash
# Fetches the scikit-learn documentation from Debian (python-sklearn-doc, BSD-3-Clause) into target/data and writes
# its prose as clean science text: target/data/science/train (calibration) and target/data/science/heldout (never
# trained on: the science held-out protocol and clean false alarms). See scripts/science-text.py.
set -euo pipefail
cd "$(dirname "$0")/.."
data=target/data
mkdir -p "$data/deb"
if [ ! -d "$data/deb/sklearn-doc" ]; then
  (cd "$data/deb" && apt-get download python-sklearn-doc 2>/dev/null && dpkg-deb -x python-sklearn-doc_*.deb sklearn-doc)
fi
rm -rf "$data/science"
python3 scripts/science-text.py "$data/deb/sklearn-doc/usr/share/doc/python-sklearn-doc/html" "$data/science"
