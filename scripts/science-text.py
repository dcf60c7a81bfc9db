#!/usr/bin/env python3
"""Clean science prose for calibration and held-out measurement: the prose paragraphs of the scikit-learn user guide,
tutorials and examples (Debian package python-sklearn-doc, BSD-3-Clause; fetched by scripts/science-text.sh, never
committed). Machine-learning prose holds the terms that tortured-phrase spinners mangle most ("random forest",
"support vector machine", "mean squared error"), which the news and Brown text the restorer is otherwise fitted on
hardly use.

Keeps <p> paragraphs of at least 8 words that end a sentence and hold no mathematics, images, tables or doctest
prompts; a page with under 150 such words is dropped. Pages are split by a hash of their name: one in five
(md5 % 5 == 0) goes to OUT/heldout (never trained on), the rest to OUT/train.
Usage: scripts/science-text.py HTML_ROOT OUT
"""
import glob, hashlib, os, re, sys
from html.parser import HTMLParser


class Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.paras, self.cur, self.bad = [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'p':
            self.cur, self.bad = [], False
        elif self.cur is not None and (tag in ('img', 'table') or (tag == 'span' and 'math' in (a.get('class') or ''))):
            self.bad = True

    def handle_endtag(self, tag):
        if tag == 'p' and self.cur is not None:
            t = re.sub(r'\s+', ' ', ''.join(self.cur)).replace('\u00b6', '').strip()
            if (not self.bad and len(t.split()) >= 8 and t[-1] in '.!?'
                    and not any(m in t for m in ('\\(', '$', '>>>'))
                    and not t.startswith(('Total running time', 'Download', 'Gallery generated', 'Click here', 'Please cite'))):
                self.paras.append(t)
            self.cur = None

    def handle_data(self, d):
        if self.cur is not None:
            self.cur.append(d)


def main(root, out):
    pages = sorted(set(glob.glob(root + '/*.html') + glob.glob(root + '/modules/*.html')
                       + glob.glob(root + '/tutorial/**/*.html', recursive=True)
                       + glob.glob(root + '/auto_examples/**/*.html', recursive=True)))
    counts = {'train': [0, 0], 'heldout': [0, 0]}
    for split in counts:
        os.makedirs(os.path.join(out, split), exist_ok=True)
    for f in pages:
        p = Paragraphs()
        p.feed(open(f, encoding='utf-8', errors='replace').read())
        words = sum(len(x.split()) for x in p.paras)
        if words < 150:
            continue
        name = os.path.relpath(f, root).replace('/', '_')[:-len('.html')] + '.txt'
        split = 'heldout' if int(hashlib.md5(name.encode()).hexdigest(), 16) % 5 == 0 else 'train'
        with open(os.path.join(out, split, name), 'w', encoding='utf-8') as w:
            w.write('\n\n'.join(p.paras) + '\n')
        counts[split][0] += 1
        counts[split][1] += words
    for split, (n, w) in counts.items():
        print(f'{split}: {n} pages, {w} words')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
