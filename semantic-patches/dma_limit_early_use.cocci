// SPDX-License-Identifier: GPL-2.0
///
/// Find reads of the arm64 DMA zone limit that can run before the limit is
/// set during boot.
///
/// Why it matters: arm64_dma_phys_limit (and zone_dma_bits / zone_dma_limit
/// behind it) is only known after the firmware tables are parsed, late in
/// setup_arch() -> bootmem_init() -> zone_sizes_init() (up to 6.12) or
/// dma_limits_init() (7.3). Before that it is 0 (or a static default).
/// crashkernel= must be placed below this limit so that the kdump kernel's
/// devices can DMA to it; a reservation that runs earlier (for example
/// moved into arm64_memblock_init() so that map_mem() can carve the region
/// out of the linear map) silently uses the wrong limit: the crash region
/// can land above the DMA zone, or the allocation fails. That ordering
/// conflict is what made 5.11 to 6.1 force the whole linear map to pages.
///
/// Reads: arm64_dma_phys_limit, zone_dma_bits, zone_dma_limit, and the
/// macros that expand to the first (CRASH_ADDR_LOW_MAX,
/// ARCH_LOW_ADDRESS_LIMIT), wherever they appear in a function body. Calls
/// to functions whose body is not among the scanned files but that are
/// known to read the limit count as reads at the call site:
/// reserve_crashkernel_generic() and reserve_crashkernel_low()
/// (kernel/crash_reserve.c, via CRASH_ADDR_LOW_MAX), memblock_alloc_low()
/// (ARCH_LOW_ADDRESS_LIMIT) and swiotlb_init() (zone_dma_limit); add more
/// with -D dma_readers=f1,f2. When their files are scanned as well their
/// bodies are used instead.
///
/// "Before": the rule builds the call graph of every function spatch
/// parsed (across all files of the run, static helpers included) and walks
/// it from setup_arch() in source order, descending into each callee with
/// a body. A write to a limit variable sets that variable; a call to a
/// setter sets all of them. The setters are zone_sizes_init() and
/// dma_limits_init() by default; -D dma_setter=name[,name] replaces them.
/// Any function that assigns arm64_dma_phys_limit is a setter as well, so a
/// renamed setter is found without the option. If setup_arch() is not among
/// the scanned files, the walk assumes its order: arm64_memblock_init(),
/// paging_init(), bootmem_init().
///
/// Guards: a call or read inside `if (!defer_reserve_crashkernel())`, in the
/// else branch of `if (defer_reserve_crashkernel())`, or inside
/// `if (!IS_ENABLED(CONFIG_ZONE_DMA) && !IS_ENABLED(CONFIG_ZONE_DMA32))`
/// only runs when neither DMA zone is configured; the limit is then the
/// static PHYS_MASK + 1 (6.1), not an unset value. Such guarded reads are
/// not errors and are not reported; with -D guarded they are listed as
/// "note: low confidence: guarded ... read ..." lines. Guards written as
/// #if are not recognised.
///
/// Files: those that define a boot-path function (setup_arch,
/// arm64_memblock_init, paging_init, bootmem_init) or a default setter,
/// use a limit name, or call a known reader are analysed; in arch/arm64
/// that is kernel/setup.c, mm/init.c and mm/mmu.c (and smp.c, acpi.c).
/// -D all_files analyses every file given, so that boot helpers in other
/// files are followed too (about twice as slow). A boot-path function that
/// spatch cannot parse is reported as a warning, never dropped silently.
///
/// Limits: the walk is path-insensitive (both branches of an if are taken
/// in source order, a loop body once); calls through function pointers
/// and initcalls are not followed; functions of the same name in two files
/// resolve to the caller's file first. Under make coccicheck M=arch/arm64
/// the walk sees arch/arm64 only; generic code is covered by the
/// known-reader list above.
///
// Confidence: Medium
// Copyright: kresv authors
// Options: --no-includes
// Requires: 1.1.1
// Keywords: arm64_dma_phys_limit, CRASH_ADDR_LOW_MAX, zone_dma_limit,
// Keywords: zone_sizes_init, dma_limits_init, crashkernel
//

virtual report
virtual context
virtual org
virtual guarded
virtual all_files

@initialize:python@
@@
import re

coccinelle.dld_defs = []    # (file, fn, line)
coccinelle.dld_calls = []   # (file, fn, callee, order, line, col, col_end)
coccinelle.dld_reads = []   # (file, fn, name, line, col, col_end)
coccinelle.dld_writes = []  # (file, fn, name, order)
coccinelle.dld_guards = []  # (file, line, col, line_end, col_end, text)

dl_setters = ["zone_sizes_init", "dma_limits_init"]
dl_extra_readers = []
dl_show_guarded = False
dl_org = False

# name seen in the source -> limit variable it stands for
DL_VAR = {
    "arm64_dma_phys_limit": "arm64_dma_phys_limit",
    "CRASH_ADDR_LOW_MAX": "arm64_dma_phys_limit",
    "ARCH_LOW_ADDRESS_LIMIT": "arm64_dma_phys_limit",
    "zone_dma_bits": "zone_dma_bits",
    "zone_dma_limit": "zone_dma_limit",
}
# functions outside arch/arm64 known to read a limit: name -> macro read
DL_EXT = {
    "reserve_crashkernel_generic": "CRASH_ADDR_LOW_MAX",
    "reserve_crashkernel_low": "CRASH_ADDR_LOW_MAX",
    "memblock_alloc_low": "ARCH_LOW_ADDRESS_LIMIT",
    "swiotlb_init": "zone_dma_limit",
}
DL_BOOT = ["setup_arch", "arm64_memblock_init", "paging_init",
           "bootmem_init", "map_mem"]

def dl_o(p):
    return (int(p.line_end), int(p.column_end))

@initialize:python depends on guarded@
@@
dl_show_guarded = True

@initialize:python depends on org@
@@
dl_org = True

@initialize:python@
s << virtual.dma_setter;
@@
dl_setters = [x for x in s.split(",") if x]

@initialize:python@
s << virtual.dma_readers;
@@
dl_extra_readers = [x for x in s.split(",") if x]

// Files are analysed when they define a boot-path function or a default
// setter, use a limit name, or call a known reader; -D all_files analyses
// every file given (slower, follows boot helpers in any file).
@dl_tok_def@
identifier f = {setup_arch, arm64_memblock_init, paging_init, bootmem_init,
                zone_sizes_init, dma_limits_init};
@@
f(...) { ... }

@dl_tok_use@
identifier v = {arm64_dma_phys_limit, CRASH_ADDR_LOW_MAX,
                ARCH_LOW_ADDRESS_LIMIT, zone_dma_bits, zone_dma_limit,
                reserve_crashkernel_generic, reserve_crashkernel_low,
                memblock_alloc_low, swiotlb_init};
@@
v

@dl_def depends on dl_tok_def || dl_tok_use || all_files@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
f << dl_def.f;
p << dl_def.p;
@@
coccinelle.dld_defs.append((p[0].file, str(f), int(p[0].line)))

@dl_call depends on dl_tok_def || dl_tok_use || all_files@
identifier g;
expression list es;
position ps, pe;
@@
g@ps(es)@pe

@script:python@
g << dl_call.g;
ps << dl_call.ps;
pe << dl_call.pe;
@@
q = ps[0]
coccinelle.dld_calls.append((q.file, q.current_element, str(g), dl_o(pe[0]),
                             int(q.line), int(q.column), int(q.column_end)))

@dl_read depends on dl_tok_def || dl_tok_use || all_files@
identifier v =~ "^(arm64_dma_phys_limit|CRASH_ADDR_LOW_MAX|ARCH_LOW_ADDRESS_LIMIT|zone_dma_bits|zone_dma_limit)$";
position p;
@@
v@p

@script:python@
v << dl_read.v;
p << dl_read.p;
@@
q = p[0]
coccinelle.dld_reads.append((q.file, q.current_element, str(v), int(q.line),
                             int(q.column), int(q.column_end)))

@dl_write depends on dl_tok_def || dl_tok_use || all_files@
identifier v =~ "^(arm64_dma_phys_limit|zone_dma_bits|zone_dma_limit)$";
expression E;
assignment operator aop;
position p, pe;
@@
v@p aop E@pe

@script:python@
v << dl_write.v;
p << dl_write.p;
pe << dl_write.pe;
@@
q = p[0]
coccinelle.dld_writes.append((q.file, q.current_element, str(v), dl_o(pe[0]),
                              int(q.line), int(q.column)))

@dl_guard depends on dl_tok_def || dl_tok_use || all_files@
statement S1, S2;
position p;
@@
(
if (!defer_reserve_crashkernel()) S1@p
|
if (!defer_reserve_crashkernel()) S1@p else S2
|
if (defer_reserve_crashkernel()) S2 else S1@p
|
if (!IS_ENABLED(CONFIG_ZONE_DMA) && !IS_ENABLED(CONFIG_ZONE_DMA32)) S1@p
|
if (!IS_ENABLED(CONFIG_ZONE_DMA32) && !IS_ENABLED(CONFIG_ZONE_DMA)) S1@p
)

@script:python@
p << dl_guard.p;
@@
q = p[0]
coccinelle.dld_guards.append((q.file, int(q.line), int(q.column),
                              int(q.line_end), int(q.column_end)))

// context mode: star every read of a limit variable (unordered; use report
// or org mode for the boot-order analysis).
@dl_ctx depends on context@
identifier v =~ "^(arm64_dma_phys_limit|CRASH_ADDR_LOW_MAX|ARCH_LOW_ADDRESS_LIMIT|zone_dma_bits|zone_dma_limit)$";
identifier f;
@@
f(...) { <...
* v
...> }

@finalize:python depends on report || org@
defs << merge.dld_defs;
calls << merge.dld_calls;
reads << merge.dld_reads;
writes << merge.dld_writes;
guards << merge.dld_guards;
@@
import sys

def flat(x):
    return [e for l in x for e in l]

defs, calls, reads = flat(defs), flat(calls), flat(reads)
writes, guards = flat(writes), flat(guards)

VARS = frozenset(DL_VAR.values())
ext = dict(DL_EXT)
for r in dl_extra_readers:
    ext.setdefault(r, "arm64_dma_phys_limit")

bodies = {}                      # name -> [file, ...]
for (f, fn, l) in defs:
    bodies.setdefault(fn, [])
    if f not in bodies[fn]:
        bodies[fn].append(f)
defined = set((f, fn) for (f, fn, l) in defs)

write_pos = set((f, l, c) for (f, fn, v, o, l, c) in writes)
setters = set(dl_setters)
for (f, fn, v, o, l, c) in writes:
    if v == "arm64_dma_phys_limit":
        setters.add(fn)

events = {}
for (f, fn, g, o, l, c, ce) in calls:
    if (f, fn) in defined:
        events.setdefault((f, fn), []).append((o, 2, 'call', g, l, c, ce))
for (f, fn, v, l, c, ce) in reads:
    if (f, fn) in defined and (f, l, c) not in write_pos:
        events.setdefault((f, fn), []).append(((l, c), 1, 'read', v, l, c,
                                               ce))
for (f, fn, v, o, l, c) in writes:
    if (f, fn) in defined:
        events.setdefault((f, fn), []).append((o, 3, 'write', v, l, c, c))
for k in events:
    events[k].sort()

def guarded_at(f, l, c):
    for (gf, l0, c0, l1, c1) in guards:
        if gf == f and (l0, c0) <= (l, c) <= (l1, c1):
            return True
    return False

def resolve(name, file):
    fs = bodies.get(name)
    if not fs:
        return None
    if file in fs:
        return (file, name)
    return (sorted(fs)[0], name)

findings = {}    # key -> [guarded, file, line, col, col_end, text, path, n]
memo = {}
stack = set()

def note(key, g, f, l, c, ce, text, path):
    old = findings.get(key)
    if old is None:
        findings[key] = [g, f, l, c, ce, text, path, 1]
    elif old[0] and not g:
        findings[key] = [g, f, l, c, ce, text, path, old[7] + 1]
    elif old[0] == g:
        old[7] += 1

def walk(key, path, guarded, state, depth):
    mk = (key, guarded, state)
    if mk in memo:
        return memo[mk]
    if key in stack or depth > 64:
        return state
    stack.add(key)
    f, fn = key
    for (o, _, kind, name, l, c, ce) in events.get(key, []):
        if state == VARS:
            break
        g = guarded or guarded_at(f, l, c)
        if kind == 'read':
            var = DL_VAR[name]
            if var not in state and fn not in setters:
                text = name if name == var else "%s (%s)" % (name, var)
                note(('r', f, fn, g), g, f, l, c, ce, text + " read",
                     path)
        elif kind == 'write':
            state = state | frozenset([DL_VAR[name]])
        elif kind == 'call':
            if name in setters:
                if name in dl_setters or not resolve(name, f):
                    state = VARS
                    continue
            tgt = resolve(name, f)
            if tgt:
                state = walk(tgt, path + [name], g, state, depth + 1)
            elif name in ext:
                var = DL_VAR.get(ext[name], ext[name])
                if var not in state:
                    m = ext[name]
                    text = "%s() reads %s" % (name, m if m == var else
                                              "%s (%s)" % (m, var))
                    note(('c', f, l, c, g), g, f, l, c, ce, text,
                         path + [name])
    stack.discard(key)
    memo[mk] = state
    return state

if "setup_arch" in bodies:
    walk(resolve("setup_arch", None), ["setup_arch"], False, frozenset(), 0)
else:
    st = frozenset()
    for r in ("arm64_memblock_init", "paging_init", "bootmem_init"):
        t = resolve(r, None)
        if t:
            st = walk(t, ["setup_arch() order assumed:", r], False, st, 0)

named = [x for x in sorted(setters) if x in bodies or
         any(c[2] == x for c in calls)]
who = "/".join(x + "()" for x in (named or dl_setters))
out = []
for key, (g, f, l, c, ce, text, path, n) in findings.items():
    if g and not dl_show_guarded:
        continue
    more = " (+%d more in this function)" % (n - 1) if n > 1 else ""
    chain = " > ".join(x if x.endswith(":") else x + "()" for x in path)
    chain = chain.replace(": > ", ": ")
    if g:
        msg = ("note: low confidence: guarded %s before %s sets the DMA "
               "limit; only reached when neither ZONE_DMA nor ZONE_DMA32 is "
               "enabled, where the static default applies%s; boot path: %s"
               % (text, who, more, chain))
    else:
        msg = ("%s before %s sets the DMA limit%s; boot path: %s"
               % (text, who, more, chain))
    out.append((f, l, c, ce, msg))

# boot-path functions present in the source but not parsed by spatch
seen_files = sorted(set(f for (f, fn, l) in defs))
for f in seen_files:
    try:
        with open(f, errors='replace') as fh:
            src = fh.read().split('\n')
    except OSError:
        continue
    names = DL_BOOT + list(dl_setters)
    for i, line in enumerate(src):
        m = re.match(r'^[A-Za-z_][^;=()]*\b(%s)\s*\(' % "|".join(names),
                     line)
        if m and not line.rstrip().endswith(';') and \
                (f, m.group(1)) not in defined:
            out.append((f, i + 1, 0, 0, "warning: spatch could not parse "
                        "%s(); the boot path through it is not analysed"
                        % m.group(1)))

for (f, l, c, ce, msg) in sorted(out):
    if dl_org:
        print("* TODO [[view:%s::face=ovl-face1::linb=%s::colb=%s::cole=%s][%s]]"
              % (f, l, c, ce, msg.replace("[", "@(").replace("]", ")")))
    else:
        print("%s:%s:%s-%s: %s" % (f, l, c, ce, msg))
