// SPDX-License-Identifier: GPL-2.0
///
/// Find code that forces the arm64 linear map down to page granularity
/// (NO_BLOCK_MAPPINGS, with or without NO_CONT_MAPPINGS) because of
/// crashkernel, kexec or DMA-zone state.
///
/// Why it matters: the linear map covers all of RAM and is built once,
/// early, by paging_init() -> map_mem(). Block mappings cannot be split
/// safely later on most arm64 CPUs (break-before-make, TLB conflict
/// aborts), so whatever granularity map_mem() picks is kept for the life of
/// the system. Linux 5.11 to 6.1 made all of RAM page-mapped whenever
/// crashkernel= was given and ZONE_DMA/ZONE_DMA32 were enabled, only so that
/// the crash region, whose place is known after the DMA limit is, could
/// later be protected page by page. The cost is a slow boot and TLB
/// pressure on every access for the whole uptime; the upstream fix reserves
/// the region late and keeps block mappings. Page-level mapping of the crash
/// region alone (its range comes from crashk_res) is not this bug and is
/// not reported.
///
/// What counts as a crash condition: an identifier matching crash, kexec or
/// kdump (crash_mem_map, crashk_res, defer_reserve_crashkernel(),
/// CONFIG_KEXEC_CORE, ...), or the DMA-zone state (arm64_dma_phys_limit,
/// zone_dma_bits, zone_dma_limit, CONFIG_ZONE_DMA, CONFIG_ZONE_DMA32), found
/// in an enclosing if or ?: condition, in an enclosing #if/#ifdef/#else, in
/// the flags expression itself, or behind a helper whose return value
/// depends on one (7.3's force_pte_mapping() is such a helper if a crash
/// term is added to it). Reported sites, one line each:
///  - flags = / |= ...NO_BLOCK_MAPPINGS... under a crash condition, unless
///    every mapping call that takes those flags maps the crash region only;
///  - a helper returning NO_BLOCK_MAPPINGS under a crash condition (reported
///    in the helper, not again at its callers);
///  - NO_BLOCK_MAPPINGS passed straight to __map_memblock() or a
///    *create_pgd_mapping*() function under a crash condition.
///
/// Not reported: page forcing for other reasons (rodata_full /
/// can_set_direct_map(), debug_pagealloc, the KFENCE pool, page_mappings_only
/// in create_pgd_mapping(), memory hotplug, 7.3's force_pte_mapping()), and
/// the page-level mapping of the crash region alone. With -D legit these
/// are listed as well, as "note: low confidence: ..." lines, never as the
/// crashkernel finding.
///
/// Files: those using NO_BLOCK_MAPPINGS are analysed (in arch/arm64 that is
/// mm/mmu.c); -D all_files analyses every file given, so that a helper
/// defined in another file (e.g. can_set_direct_map() in pageattr.c) is
/// followed too. Code using NO_BLOCK_MAPPINGS that spatch cannot parse is
/// reported as a warning, never dropped silently.
///
/// Limits: path-insensitive (a crash term anywhere in an enclosing
/// condition counts, in either branch); flags stored in structures or
/// passed through function pointers are not followed; #if conditions are
/// read from the source text.
///
// Confidence: High
// Copyright: kresv authors
// Options: --no-includes
// Requires: 1.1.1
// Keywords: NO_BLOCK_MAPPINGS, NO_CONT_MAPPINGS, map_mem, crashkernel
//

virtual report
virtual context
virtual org
virtual legit
virtual all_files

@initialize:python@
@@
import re

# Facts are gathered per match and decided once in finalize, so that
# helpers defined in one file are seen from every other file.
coccinelle.lmd_ifs = []   # (file, cond, line, col, line_end, col_end)
coccinelle.lmd_asg = []   # (file, fn, lhs, rhs, line, col, col_end)
coccinelle.lmd_ret = []   # (file, fn, expr, line, col, col_end)
coccinelle.lmd_map = []   # (file, fn, mapfn, [args], line, col, col_end)
coccinelle.lmd_def = []   # (file, fn, first line, last line)
lm_show_legit = False
lm_org = False

LM_CRASH_ID = re.compile(r'(?i)crash|kexec|kdump|^(arm64_dma_phys_limit|'
                         r'zone_dma_bits|zone_dma_limit|CONFIG_ZONE_DMA|'
                         r'CONFIG_ZONE_DMA32)$')
LM_REGION_ID = re.compile(r'^(crashk_res|crashk_low_res|crashk_cma_ranges|'
                          r'crash_base|crash_size|crash_start|crash_end|'
                          r'crash_low_base)$')
LM_NB = re.compile(r'\bNO_BLOCK_MAPPINGS\b')
LM_IDENT = re.compile(r'[A-Za-z_]\w*')
LM_CALL = re.compile(r'([A-Za-z_]\w*)\s*\(')
LM_STR = re.compile(r'"(\\.|[^"\\])*"')


def lm_clean(s):
    return LM_STR.sub('""', str(s))


def lm_idents(s):
    return LM_IDENT.findall(lm_clean(s))


def lm_calls(s):
    return LM_CALL.findall(lm_clean(s))


def lm_pretty(s):
    s = re.sub(r'([(\[])\s+', r'\1', ' '.join(str(s).split()))
    return re.sub(r'\s+([()\],])', r'\1', s)


@initialize:python depends on legit@
@@
lm_show_legit = True

@initialize:python depends on org@
@@
lm_org = True

// Files are analysed when they use NO_BLOCK_MAPPINGS (the flags live in
// arch/arm64/mm/mmu.c); -D all_files analyses every file, so that crash
// helpers defined elsewhere are followed too.
@lm_tok@
identifier nb = {NO_BLOCK_MAPPINGS};
@@
nb

@lm_def depends on lm_tok || all_files@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << lm_def.p;
@@
q = p[0]
coccinelle.lmd_def.append((q.file, q.current_element,
                           int(q.current_element_line),
                           int(q.current_element_line_end)))

@lm_if depends on lm_tok || all_files@
expression C;
statement S1;
position p1;
@@
if (C) S1@p1

@script:python@
C << lm_if.C;
p1 << lm_if.p1;
@@
q = p1[0]
coccinelle.lmd_ifs.append((q.file, lm_clean(C), int(q.line), int(q.column),
                          int(q.line_end), int(q.column_end)))

@lm_ifelse depends on lm_tok || all_files@
expression C;
statement S1, S2;
position p1, p2;
@@
if (C) S1@p1 else S2@p2

@script:python@
C << lm_ifelse.C;
p1 << lm_ifelse.p1;
p2 << lm_ifelse.p2;
@@
for q in (p1[0], p2[0]):
    coccinelle.lmd_ifs.append((q.file, lm_clean(C), int(q.line),
                              int(q.column), int(q.line_end),
                              int(q.column_end)))

@lm_tern depends on lm_tok || all_files@
expression C, E1, E2;
position p1, p2;
@@
C ? E1@p1 : E2@p2

@script:python@
C << lm_tern.C;
p1 << lm_tern.p1;
p2 << lm_tern.p2;
@@
for q in (p1[0], p2[0]):
    coccinelle.lmd_ifs.append((q.file, lm_clean(C), int(q.line),
                              int(q.column), int(q.line_end),
                              int(q.column_end)))

@lm_asg depends on lm_tok || all_files@
identifier F;
expression E;
assignment operator aop = {=, |=};
position p;
@@
F@p aop E

@script:python@
F << lm_asg.F;
E << lm_asg.E;
p << lm_asg.p;
@@
q = p[0]
coccinelle.lmd_asg.append((q.file, q.current_element, str(F), lm_clean(E),
                          int(q.line), int(q.column), int(q.column_end)))

@lm_decl depends on lm_tok || all_files@
type T;
identifier F;
expression E;
position p;
@@
T F@p = E;

@script:python@
F << lm_decl.F;
E << lm_decl.E;
p << lm_decl.p;
@@
q = p[0]
coccinelle.lmd_asg.append((q.file, q.current_element, str(F), lm_clean(E),
                          int(q.line), int(q.column), int(q.column_end)))

@lm_ret depends on lm_tok || all_files@
expression E;
position p;
@@
return E@p;

@script:python@
E << lm_ret.E;
p << lm_ret.p;
@@
q = p[0]
coccinelle.lmd_ret.append((q.file, q.current_element, lm_clean(E),
                          int(q.line), int(q.column), int(q.column_end)))

@lm_map depends on lm_tok || all_files@
identifier mf =~ "^(__map_memblock|[a-z_]*create_pgd_mapping[a-z_]*)$";
expression list es;
position p;
@@
mf@p(es)

@script:python@
mf << lm_map.mf;
es << lm_map.es;
p << lm_map.p;
@@
q = p[0]
coccinelle.lmd_map.append((q.file, q.current_element, str(mf),
                          [lm_clean(a) for a in es.elements],
                          int(q.line), int(q.column), int(q.column_end)))

// context mode: star NO_BLOCK_MAPPINGS inside a crash-conditioned branch
// (no helper or #if analysis; use report or org mode for the full rule).
@lm_ctx depends on context@
identifier ct =~ "(?i)crash|kexec|kdump|^(arm64_dma_phys_limit|zone_dma_bits|zone_dma_limit|CONFIG_ZONE_DMA|CONFIG_ZONE_DMA32)$";
@@
if (<+... ct ...+>)
{
<+...
* NO_BLOCK_MAPPINGS
...+>
}

@finalize:python depends on report || org@
ifs << merge.lmd_ifs;
asg << merge.lmd_asg;
ret << merge.lmd_ret;
maps << merge.lmd_map;
defs << merge.lmd_def;
@@
import sys

ifs = [x for l in ifs for x in l]
asg = [x for l in asg for x in l]
ret = [x for l in ret for x in l]
maps = [x for l in maps for x in l]
defs = [x for l in defs for x in l]
show_legit = lm_show_legit
org_mode = lm_org

def crash_terms(s, helpers, exclude=()):
    called = set(lm_calls(s))
    t = set(i + ("()" if i in called else "") for i in lm_idents(s)
            if LM_CRASH_ID.search(i) and i not in exclude)
    t |= set("%s() -> %s" % (c, "/".join(sorted(helpers[c])))
             for c in called if c in helpers and c not in exclude)
    return t

def enclosing(file, line, col):
    for (f, c, l0, c0, l1, c1) in ifs:
        if f != file:
            continue
        if (l0, c0) <= (line, col) <= (l1, c1):
            yield c

_src = {}
def pp_conds(file, line):
    """Texts of the #if/#ifdef/#ifndef/#elif blocks enclosing LINE."""
    if file not in _src:
        try:
            with open(file, errors='replace') as fh:
                _src[file] = fh.read().split('\n')
        except OSError:
            _src[file] = []
    stack = []
    lines = _src[file]
    i = 0
    while i < min(line - 1, len(lines)):
        s = lines[i]
        while s.endswith('\\') and i + 1 < len(lines):
            i += 1
            s = s[:-1] + ' ' + lines[i]
        m = re.match(r'\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)', s)
        if m:
            d, rest = m.group(1), m.group(2)
            if d in ('if', 'ifdef', 'ifndef'):
                stack.append([rest])
            elif d in ('elif', 'else') and stack:
                stack[-1].append(rest)
            elif d == 'endif' and stack:
                stack.pop()
        i += 1
    return [' '.join(x) for x in stack]

# functions whose return value depends on crash state (bool helpers):
# name -> the crash terms behind it
crash_helpers = {}
changed = True
while changed:
    changed = False
    for (f, fn, e, l, c, ce) in ret:
        if fn in crash_helpers:
            continue
        hit = crash_terms(e, crash_helpers)
        for cond in enclosing(f, l, c):
            hit |= crash_terms(cond, crash_helpers)
        if hit:
            crash_helpers[fn] = set(x.split(" -> ")[0] for x in hit)
            changed = True

# functions returning NO_BLOCK_MAPPINGS flags
nb_helpers = set()
changed = True
while changed:
    changed = False
    nbvars = set((f, fn, lhs) for (f, fn, lhs, rhs, l, c, ce) in asg
                 if LM_NB.search(rhs) or set(lm_calls(rhs)) & nb_helpers)
    for (f, fn, e, l, c, ce) in ret:
        if fn in nb_helpers:
            continue
        if (LM_NB.search(e) or set(lm_calls(e)) & nb_helpers or
                (f, fn, e.strip()) in nbvars):
            nb_helpers.add(fn)
            changed = True

def is_nb(s):
    return bool(LM_NB.search(s) or set(lm_calls(s)) & nb_helpers)

def region_only(args):
    return any(LM_REGION_ID.match(i) for a in args for i in lm_idents(a))

sites = {}
for (f, fn, lhs, rhs, l, c, ce) in asg:
    if is_nb(rhs):
        sites[(f, l, c)] = ('assign', f, fn, l, c, ce, rhs, lhs, None)
for (f, fn, e, l, c, ce) in ret:
    if LM_NB.search(e):
        sites[(f, l, c)] = ('return', f, fn, l, c, ce, e, None, None)
for (f, fn, mf, args, l, c, ce) in maps:
    if args and is_nb(args[-1]):
        sites[(f, l, c)] = ('arg', f, fn, l, c, ce, args[-1], None,
                            (mf, args))

out = []
for key in sorted(sites):
    kind, f, fn, l, c, ce, expr, var, call = sites[key]
    conds = list(enclosing(f, l, c))
    terms = set()
    for cond in conds:
        terms |= crash_terms(cond, crash_helpers)
    for pc in pp_conds(f, l):
        terms |= set("#if " + i for i in lm_idents(pc)
                     if LM_CRASH_ID.search(i))
    terms |= crash_terms(expr, crash_helpers, exclude=nb_helpers)
    region = False
    if kind == 'arg':
        region = region_only(call[1][:-1])
    elif kind == 'assign':
        uses = [m for m in maps if m[0] == f and m[1] == fn and m[3] and
                m[3][-1].strip() == var]
        region = bool(uses) and all(region_only(m[3][:-1]) for m in uses)
    if terms and not region:
        what = {'assign': '%s set in %s()' % (var, fn),
                'return': 'returned by helper %s()' % fn,
                'arg': 'passed to %s() in %s()' %
                       (call[0] if call else '', fn)}[kind]
        msg = ("linear map forced to page granularity because of "
               "crashkernel/kexec/DMA-zone state (%s): NO_BLOCK_MAPPINGS %s"
               % (", ".join(sorted(terms)), what))
        out.append((f, l, c, ce, msg))
    elif show_legit:
        if region:
            out.append((f, l, c, ce, "note: low confidence: page-granular "
                        "mapping of the crash region only in %s(), not of "
                        "all of RAM" % fn))
            continue
        if conds:
            why = "condition: " + " / ".join(
                sorted(set(lm_pretty(x) for x in conds)))
        else:
            why = "unconditional " + ("region mapping" if kind == 'arg'
                                      else "flags " + kind)
        msg = ("note: low confidence: page-granular mapping in %s() for a "
               "reason other than crashkernel (%s)" % (fn, why))
        out.append((f, l, c, ce, msg))

# NO_BLOCK_MAPPINGS in code spatch could not parse: say so, never drop it
for f in sorted(set(d[0] for d in defs)):
    pp_conds(f, 1)
    in_comment = False
    for i, text in enumerate(_src.get(f, [])):
        t = text.strip()
        if in_comment:
            in_comment = '*/' not in t
            continue
        if t.startswith('/*') and '*/' not in t:
            in_comment = True
            continue
        if t.startswith(('#', '//', '*', '/*')) or not LM_NB.search(t):
            continue
        if not any(d[0] == f and d[2] <= i + 1 <= d[3] for d in defs):
            out.append((f, i + 1, 0, 0, "warning: spatch could not parse "
                        "the code using NO_BLOCK_MAPPINGS here; it is not "
                        "analysed"))

for (f, l, c, ce, msg) in sorted(out):
    if org_mode:
        print("* TODO [[view:%s::face=ovl-face1::linb=%s::colb=%s::cole=%s][%s]]"
              % (f, l, c, ce, msg.replace("[", "@(").replace("]", ")")))
    else:
        print("%s:%s:%s-%s: %s" % (f, l, c, ce, msg))
