#!/usr/bin/env python3
"""poset.py PO MAP.py — set translations in a po file.
MAP.py defines T = {msgid or (ctxt, msgid): msgstr or [forms...]}.
Removes fuzzy flag and #| previous lines of entries it sets."""
import sys, re

def unq(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')

def q(s):
    s = s.replace('\\', '\\\\').replace('"', '\\"').replace('\t', '\\t')
    parts = s.split('\n')
    if len(parts) == 1:
        return '"%s"' % s
    out = []
    for i, p in enumerate(parts):
        if i < len(parts) - 1:
            out.append(p + '\\n')
        elif p:
            out.append(p)
    if len(out) == 1:
        return '"%s"' % out[0]
    return '""\n' + '\n'.join('"%s"' % o for o in out)

def parse_block(lines):
    fields = {}
    cur = None
    comments = []
    for l in lines:
        if l.startswith('#'):
            comments.append(l); continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', l)
        if m:
            cur = m.group(1); fields[cur] = unq(m.group(2))
        elif l.startswith('"') and cur:
            fields[cur] += unq(l)
    return comments, fields

po, mp = sys.argv[1], sys.argv[2]
ns = {}
exec(open(mp, encoding='utf-8').read(), ns)
T = ns['T']
text = open(po, encoding='utf-8').read()
blocks = text.split('\n\n')
used = set()
out = []
for b in blocks:
    lines = b.strip('\n').split('\n')
    comments, f = parse_block(lines)
    if 'msgid' not in f or f['msgid'] == '':
        out.append(b.strip('\n')); continue
    key = (f.get('msgctxt'), f['msgid'])
    val = T.get(key) if key in T else (T.get(f['msgid']) if f.get('msgctxt') is None else None)
    if val is None:
        out.append(b.strip('\n')); continue
    used.add(key if key in T else f['msgid'])
    nc = []
    for c in comments:
        if c.startswith('#|'): continue
        if c.startswith('#,'):
            flags = [x.strip() for x in c[2:].split(',') if x.strip() and x.strip() != 'fuzzy']
            if not flags: continue
            c = '#, ' + ', '.join(flags)
        nc.append(c)
    res = nc[:]
    if 'msgctxt' in f: res.append('msgctxt ' + q(f['msgctxt']))
    res.append('msgid ' + q(f['msgid']))
    if 'msgid_plural' in f:
        res.append('msgid_plural ' + q(f['msgid_plural']))
        assert isinstance(val, list), f['msgid']
        for i, v in enumerate(val):
            res.append('msgstr[%d] %s' % (i, q(v)))
    else:
        res.append('msgstr ' + q(val))
    out.append('\n'.join(res))
open(po, 'w', encoding='utf-8').write('\n\n'.join(out).rstrip('\n') + '\n')
missing = [k for k in T if k not in used]
for k in missing:
    print('not in po:', k, file=sys.stderr)
