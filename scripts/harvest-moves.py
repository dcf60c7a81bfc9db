#!/usr/bin/env python3
"""Derives spinner moves from harvested (spun page, original) pairs.

Reads every pair-*.json under the folders given on the command line (format: scripts/harvest-moves.md),
aligns each spun stretch with its original word by word and emits the substitutions the spinner made
("moves": spun phrase -> original phrase, lower case, tokens joined by spaces).

Each pair goes to a split by a stable hash of its spun_url: about one third "heldout", the rest
"train". Only train pairs feed dictionaries/harvested-moves.tsv, so the heldout pages can measure the
tool on real spun text it never learnt from. Both splits are also written as annotated files
(.ann, the project's annotation format) under ANN_ROOT/heldout-ann and ANN_ROOT/train-ann; those hold
page text and stay outside the repository.

The TSV holds derived facts only (short phrases, counts, source URLs), never page text. Rerunning on
the same pairs gives a byte-identical file.

    python3 scripts/harvest-moves.py [FOLDER ...] [--tsv FILE] [--ann-root DIR]

Standard library only. Exit codes: 0 ok, 2 bad command line, 3 unreadable or malformed pair file.
"""
import argparse, difflib, glob, hashlib, json, os, re, sys, tempfile

DEFAULT_FOLDERS = ['/work/harvest/h4', '/work/harvest/h5']
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TSV = os.path.join(REPO, 'dictionaries', 'harvested-moves.tsv')
DEFAULT_ANN_ROOT = '/work/harvest'
STYLES = ('word-spinner', 'phrase-spinner', 'name-mangler', 'tortured', 'other')
MAX_SIDE = 6           # a move longer than this on either side is a rewrite, not a substitution
MAX_PADDING = 2        # pure insertions/deletions kept only when this short and all padding words
MAX_URLS = 5

# Words = letters/digits with inner - or ' (straight or curly); any other non-space is one token.
# The same rule as the project's scorer, so .ann edits fall on the tokens it compares.
TOK = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Function words a spinner adds or drops as padding ("in a very public", "said that").
PADDING = set('a an the that which who of to in on at for by with from as very really just so '
              'then also indeed quite its their his her is are was were be been being it this'.split())
# Punctuation that may sit inside a move ("the u . s ."); any other punctuation in a differing
# block means the sentence was restructured there, which is not a substitution.
INNER_PUNCT = set(".'’-&/")
# Words a copy editor adds or drops ("said Friday that" / "mentioned"): a block that has one of
# these on one side only is an editorial difference between the two copies, not spinning.
EDITORIAL = set('monday tuesday wednesday thursday friday saturday sunday today yesterday tonight '
                'january february march april may june july august september october november december'.split())


NUMBER_WORDS = {w: i for i, w in enumerate(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen '
    'sixteen seventeen eighteen nineteen twenty'.split())}
NUMBER_WORDS.update({'thirty': 30, 'forty': 40, 'fifty': 50, 'sixty': 60, 'seventy': 70, 'eighty': 80,
                     'ninety': 90, 'hundred': 100, 'thousand': 1000, 'million': 10**6, 'billion': 10**9})


def number_values(ws):
    """Numbers a block mentions, as values: "5" and "five" are both 5."""
    out = []
    for w in ws:
        t = norm(w).replace(',', '')
        if t in NUMBER_WORDS:
            out.append(NUMBER_WORDS[t])
        elif re.fullmatch(r'\d+(?:\.\d+)?', t):
            out.append(float(t) if '.' in t else int(t))
    return sorted(out)


def common_words():
    """Ordinary English words (the head words of the project's reverse thesaurus): a capitalised
    spun word that is one of them is a mangled name ("White Home"), not a respelt one."""
    path = os.path.join(REPO, 'dictionaries', 'reverse-thesaurus.txt')
    words = set()
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.startswith('#'):
                    words.add(line.split('\t', 1)[0].strip().lower())
    return frozenset(words)


COMMON = common_words()


def norm(t):
    """Comparison form: lower case, straight quotes (as the scorer compares)."""
    return (t.lower().replace('’', "'").replace('‘', "'")
            .replace('“', '"').replace('”', '"').replace('„', '"'))


def tokens(text):
    return [(m.group(), m.start(), m.end()) for m in TOK.finditer(text)]


def is_word(t):
    return bool(re.match(r'\w', t))


def letters(t):
    return re.sub(r"[\W_]", '', t.lower())


def spelling_variant(a, b):
    """Same word up to hyphenation, apostrophes or British/American spelling: an editorial
    difference between two copies, not a spinner move."""
    x, y = letters(a), letters(b)
    if x == y:
        return True
    def am(w):
        for br, us in (('our', 'or'), ('ise', 'ize'), ('isa', 'iza'), ('yse', 'yze'), ('ence', 'ense'),
                       ('tre', 'ter'), ('ll', 'l'), ('ogue', 'og')):
            w = w.replace(br, us)
        return w
    return am(x) == am(y)


def soft_key(t):
    """Loose key for aligning inside a long differing block: first five letters."""
    w = letters(t)
    return w[:5] if w else t


class Block:
    """One differing region: spun tokens [s0,s1), original tokens [o0,o1)."""
    __slots__ = ('s0', 's1', 'o0', 'o1', 'kind')

    def __init__(self, s0, s1, o0, o1, kind):
        self.s0, self.s1, self.o0, self.o1, self.kind = s0, s1, o0, o1, kind


def differing_blocks(sk, ok):
    """Differing regions between two token key lists. A region longer than MAX_SIDE on a side is
    aligned again inside on loose keys (shared stems anchor it); pieces still too long are
    returned as kind 'long' (rewrites: annotated as optional, never a move)."""
    out = []
    sm = difflib.SequenceMatcher(None, sk, ok, autojunk=False)
    for tag, i0, i1, j0, j1 in sm.get_opcodes():
        if tag == 'equal':
            continue
        if max(i1 - i0, j1 - j0) <= MAX_SIDE or i0 == i1 or j0 == j1:
            out.append(Block(i0, i1, j0, j1, tag))
            continue
        inner = difflib.SequenceMatcher(None, [soft_key(t) for t in sk[i0:i1]],
                                        [soft_key(t) for t in ok[j0:j1]], autojunk=False)
        for t2, a0, a1, b0, b1 in inner.get_opcodes():
            s0, s1, o0, o1 = i0 + a0, i0 + a1, j0 + b0, j0 + b1
            if t2 == 'equal':
                # loose-equal tokens: one block per token pair that differs exactly (spelling
                # variants are filtered later; a shared stem with another ending is a move)
                for k in range(a1 - a0):
                    if sk[s0 + k] != ok[o0 + k]:
                        out.append(Block(s0 + k, s0 + k + 1, o0 + k, o0 + k + 1, 'replace'))
            elif max(s1 - s0, o1 - o0) <= MAX_SIDE or s0 == s1 or o0 == o1:
                out.append(Block(s0, s1, o0, o1, t2))
            else:
                out.append(Block(s0, s1, o0, o1, 'long'))
    return out


def classify(b, st, ot):
    """Why a differing block is or is not a spinner move: returns 'move', 'optional' (annotate as
    optional, no move) or a skip reason."""
    sw = [t for t, _, _ in st[b.s0:b.s1]]
    ow = [t for t, _, _ in ot[b.o0:b.o1]]
    if b.kind == 'long':
        return 'optional'
    if not sw or not ow:
        pad = sw or ow
        if len(pad) <= MAX_PADDING and all(norm(t) in PADDING for t in pad):
            return 'padding'
        return 'skip-insertion'
    if not any(is_word(t) for t in sw) or not any(is_word(t) for t in ow):
        return 'skip-punctuation'
    if any(not is_word(t) and t not in INNER_PUNCT for t in sw + ow):
        return 'skip-punctuation'
    sn, on = number_values(sw), number_values(ow)
    if sn and on and sn != on:
        # a figure changed (four years / 5 years): the copies differ editorially. The same number
        # written another way ("2"/"two") and a number on one side only ("12 months"/"year",
        # "a pair of"/"two") are still moves.
        return 'skip-number'
    if (len(sw) == len(ow) and all(spelling_variant(a, c) for a, c in zip(sw, ow))) \
            or letters(''.join(sw)) == letters(''.join(ow)):
        return 'skip-spelling'   # breast - feeding / breast-feeding, defence / defense
    se, oe = {norm(t) for t in sw} & EDITORIAL, {norm(t) for t in ow} & EDITORIAL
    if se != oe:
        return 'skip-editorial'
    caps = lambda ws: all(w[:1].isupper() for w in ws if is_word(w))
    if (len(sw) == 1 and len(ow) == 1 and caps(sw) and caps(ow) and sw[0].lower() not in COMMON
            and difflib.SequenceMatcher(None, sw[0].lower(), ow[0].lower()).ratio() >= 0.5):
        return 'skip-name'      # Zelensky/Zelenskyy, Kiev/Kyiv: editorial spelling of a name
    return 'move'


def phrase(toks, lo, hi):
    return ' '.join(norm(t) for t, _, _ in toks[lo:hi])


def analyse(spun, orig):
    """Aligns one pair. Returns (edits, skipped): edits are dicts with spun/orig character spans,
    the move (lower-case phrases) and whether the edit is optional."""
    st, ot = tokens(spun), tokens(orig)
    sk, ok = [norm(t) for t, _, _ in st], [norm(t) for t, _, _ in ot]
    edits, skipped, used = [], {}, set()
    for b in differing_blocks(sk, ok):
        why = classify(b, st, ot)
        if why == 'padding':
            # anchor the padding on a neighbouring shared word, so the edit has spun words to mark:
            # spun "a very" -> original "a"; spun "said" -> original "said that"
            s0, s1, o0, o1 = b.s0, b.s1, b.o0, b.o1
            if s0 > 0 and o0 > 0 and is_word(st[s0 - 1][0]) and s0 - 1 not in used:
                s0, o0 = s0 - 1, o0 - 1
            elif s1 < len(st) and o1 < len(ot) and is_word(st[s1][0]) and s1 not in used:
                s1, o1 = s1 + 1, o1 + 1
            else:
                skipped['skip-padding-unanchored'] = skipped.get('skip-padding-unanchored', 0) + 1
                continue
            b = Block(s0, s1, o0, o1, 'replace')
            why = 'move'
        if why not in ('move', 'optional'):
            skipped[why] = skipped.get(why, 0) + 1
            continue
        if b.s0 == b.s1 or any(i in used for i in range(b.s0, b.s1)):
            skipped['skip-overlap'] = skipped.get('skip-overlap', 0) + 1
            continue
        used.update(range(b.s0, b.s1))
        sa, sb = st[b.s0][1], st[b.s1 - 1][2]
        oa = ot[b.o0][1] if b.o1 > b.o0 else None
        ob = ot[b.o1 - 1][2] if b.o1 > b.o0 else None
        edits.append({
            'spun_span': (sa, sb),
            'orig_text': ' '.join(orig[oa:ob].split()) if oa is not None else '',
            'move': (phrase(st, b.s0, b.s1), phrase(ot, b.o0, b.o1)),
            'optional': why == 'optional',
        })
    edits.sort(key=lambda e: e['spun_span'])
    return edits, skipped


def annotate(spun, edits):
    """The spun text with every edit marked [[SPUN=>ORIGINAL]] (optional ones with |?).
    Removing the marks gives the spun text back byte for byte (checked)."""
    out, pos = [], 0
    for e in edits:
        a, b = e['spun_span']
        left, right = spun[a:b], e['orig_text']
        if ']]' in left or '=>' in left or '|' in right or ']]' in right or '[[' in left or '[[' in right:
            continue
        out.append(spun[pos:a])
        out.append('[[' + left + '=>' + right + ('|?' if e['optional'] else '') + ']]')
        pos = b
    out.append(spun[pos:])
    text = ''.join(out)
    restored = re.sub(r'\[\[(.*?)=>(.*?)\]\]', lambda m: m.group(1), text, flags=re.S)
    if restored != spun:
        raise AssertionError('annotation does not give the spun text back')
    return text


def split_of(url):
    """Stable split: sha256 of the spun URL; about one pair in three is heldout."""
    return 'heldout' if int(hashlib.sha256(url.encode('utf-8')).hexdigest(), 16) % 3 == 0 else 'train'


def load_pairs(folders):
    pairs = []
    for folder in folders:
        if not os.path.isdir(folder):
            raise SystemExit(die(2, f'{folder}: not a folder'))
        for path in sorted(glob.glob(os.path.join(folder, 'pair-*.json'))):
            try:
                with open(path, encoding='utf-8') as f:
                    d = json.load(f)
            except (OSError, ValueError) as e:
                raise SystemExit(die(3, f'{path}: cannot read pair: {e}'))
            missing = [k for k in ('spun_url', 'spun_site', 'orig_url', 'style', 'spun', 'orig')
                       if not isinstance(d.get(k), str) or not d.get(k)]
            if missing:
                raise SystemExit(die(3, f'{path}: missing or empty field(s): {", ".join(missing)}'))
            if d['style'] not in STYLES:
                raise SystemExit(die(3, f'{path}: unknown style {d["style"]!r} (one of {", ".join(STYLES)})'))
            d['_id'] = os.path.basename(os.path.normpath(folder)) + '-' + os.path.basename(path)[:-5]
            d['_path'] = path
            pairs.append(d)
    return pairs


def die(code, msg):
    print('harvest-moves: ' + msg, file=sys.stderr)
    return code


def write_atomic(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix='.tmp-', suffix='.part')
    try:
        with os.fdopen(fd, 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def tsv_text(moves, train_pairs, folders_arg):
    n_pages = len({p['spun_url'] for p in train_pairs})
    n_sites = len({p['spun_site'] for p in train_pairs})
    head = [
        '# harvested-moves.tsv: substitutions real spinners made, aligned from real spun web pages',
        '# and the original articles they were spun from (issue 12, item 1).',
        '# Built by: python3 scripts/harvest-moves.py ' + folders_arg,
        '# (pair format and method: scripts/harvest-moves.md). Train split only: a pair is heldout when',
        '# sha256(spun_url) % 3 == 0; heldout pages are kept out of this table to measure the tool on.',
        f'# This build: {len(train_pairs)} train pairs, {n_pages} spun pages, {n_sites} spun sites, {len(moves)} moves.',
        '# Licence note: the pages themselves are third-party text marked not to be copied; this file',
        '# holds only derived facts (short aligned phrases, counts, and the URLs they were observed on),',
        '# never page text. The pages stay outside the repository.',
        '# Not loaded by the tool (not in index.txt): evidence for curating news-core.txt and for tests.',
        '# Columns: spun<TAB>original<TAB>count<TAB>pages<TAB>style<TAB>urls',
        '#   count = times the move was seen, pages = distinct spun pages, style = the pages\' spinner',
        '#   style(s), urls = up to 5 spun-page URLs that show the move, space-separated.',
        'spun\toriginal\tcount\tpages\tstyle\turls',
    ]
    rows = []
    for (s, o), v in moves.items():
        urls = sorted(v['urls'])
        rows.append((-v['count'], -len(urls), s, o, v['count'], len(urls), ','.join(sorted(v['styles'])),
                     ' '.join(urls[:MAX_URLS])))
    rows.sort()
    body = [f'{s}\t{o}\t{c}\t{p}\t{st}\t{u}' for _, _, s, o, c, p, st, u in rows]
    return '\n'.join(head + body) + '\n'


def main(argv):
    ap = argparse.ArgumentParser(description='Aligns harvested spun/original pairs into spinner moves.')
    ap.add_argument('folders', nargs='*', help='folders with pair-*.json (default: %s)' % ' '.join(DEFAULT_FOLDERS))
    ap.add_argument('--tsv', default=DEFAULT_TSV, help='moves table to write (train split)')
    ap.add_argument('--ann-root', default=DEFAULT_ANN_ROOT, help='writes ANN_ROOT/heldout-ann and ANN_ROOT/train-ann')
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    folders = args.folders or DEFAULT_FOLDERS
    try:
        pairs = load_pairs(folders)
    except SystemExit as e:
        return e.code
    if not pairs:
        return die(3, 'no pair-*.json in ' + ' '.join(folders))

    moves, per_style, skipped_all = {}, {}, {}
    split_pairs = {'train': [], 'heldout': []}
    ann = {'train': {}, 'heldout': {}}
    edit_counts = {'train': 0, 'heldout': 0}
    for p in pairs:
        sp = split_of(p['spun_url'])
        split_pairs[sp].append(p)
        try:
            edits, skipped = analyse(p['spun'], p['orig'])
            ann[sp][p['_id']] = annotate(p['spun'], edits)
        except AssertionError as e:
            return die(70, f'{p["_path"]}: {e}')
        for k, v in skipped.items():
            skipped_all[k] = skipped_all.get(k, 0) + v
        edit_counts[sp] += len(edits)
        if sp != 'train':
            continue
        for e in edits:
            if e['optional']:
                continue
            key = e['move']
            v = moves.setdefault(key, {'count': 0, 'urls': set(), 'styles': set()})
            v['count'] += 1
            v['urls'].add(p['spun_url'])
            v['styles'].add(p['style'])
            per_style[p['style']] = per_style.get(p['style'], 0) + 1

    folders_arg = ' '.join(folders)
    write_atomic(args.tsv, tsv_text(moves, split_pairs['train'], folders_arg))
    for sp in ('heldout', 'train'):
        d = os.path.join(args.ann_root, sp + '-ann')
        os.makedirs(d, exist_ok=True)
        for name in os.listdir(d):      # drop annotations of pairs that left this split
            if name.endswith('.ann') and name[:-4] not in ann[sp]:
                os.unlink(os.path.join(d, name))
        for pid, text in sorted(ann[sp].items()):
            write_atomic(os.path.join(d, pid + '.ann'), text)

    print(f'pairs: {len(pairs)} (train {len(split_pairs["train"])}, heldout {len(split_pairs["heldout"])})')
    for sp in ('train', 'heldout'):
        sites = sorted({p['spun_site'] for p in split_pairs[sp]})
        print(f'{sp} spun sites ({len(sites)}): {" ".join(sites)}')
    print(f'spun sites overall: {len({p["spun_site"] for p in pairs})}')
    print(f'edits annotated: train {edit_counts["train"]}, heldout {edit_counts["heldout"]}')
    print(f'train moves: {sum(v["count"] for v in moves.values())} occurrences, {len(moves)} distinct -> {args.tsv}')
    print('train moves per style: ' + ', '.join(f'{s} {per_style.get(s, 0)}' for s in STYLES))
    print('skipped blocks: ' + (', '.join(f'{k} {v}' for k, v in sorted(skipped_all.items())) or 'none'))
    for sp in ('heldout', 'train'):
        print(f'{sp} annotations: {os.path.join(args.ann_root, sp + "-ann")} ({len(ann[sp])} files)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
