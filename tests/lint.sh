#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kresv lint (harness/lint/lint.sh, called directly with --tree-dir): the
# three real trees, the text, JSON and SARIF formats, FILE and DIR
# arguments, --verbose, a mutated tree, and bad input (unknown format,
# missing file, missing tree, a rule that does not compile, a C file that
# spatch cannot parse defining a function the rules target).
: "${KRESV_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
source "$KRESV_ROOT/tests/lib.sh"

LINT=$KRESV_ROOT/harness/lint/lint.sh
SPATCH=${SPATCH:-spatch}
make_scratch
tmp=$SCRATCH
need_command "lint: spatch available" "$SPATCH" "install coccinelle"

# lint VERSION ARGS...: run lint on a tree; stdout in $tmp/out, stderr in
# $tmp/err, exit status in $rc
lint() {
	local v=$1
	shift
	"$LINT" --tree-dir "$KRESV_TREES/$v/src" --tree-label "$v" "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# one_line NAME WANT_RC PATTERN: ok when lint exited WANT_RC and printed
# exactly one line on stderr, matching PATTERN, and nothing on stdout
one_line() {
	local name=$1 want=$2 pat=$3 n
	n=$(wc -l <"$tmp/err")
	if [ "$rc" != "$want" ]; then
		notok "$name" "exit $rc, want $want ($(head -n 1 "$tmp/err"))"
	elif [ "$n" != 1 ]; then
		notok "$name" "$n lines on stderr, want 1"
	elif ! grep -q -- "$pat" "$tmp/err"; then
		notok "$name" "stderr '$(cat "$tmp/err")' lacks '$pat'"
	elif [ -s "$tmp/out" ]; then
		notok "$name" "something on stdout"
	else
		ok "$name"
	fi
}

# warnings: the WARNING lines of $tmp/out
warnings() {
	grep ': WARNING: ' "$tmp/out"
}

# SARIF 2.1.0 shape: required keys and types, ruleIds declared, lines >= 1
cat >"$tmp/sarif.py" <<'EOF'
# SPDX-License-Identifier: GPL-2.0
import json
import sys

def fail(msg):
    print(msg)
    sys.exit(1)

def obj(x, where):
    if not isinstance(x, dict):
        fail("%s: not an object" % where)
    return x

def text(x, where):
    if not isinstance(x, str) or not x:
        fail("%s: not a non-empty string" % where)

def pos_int(x, where):
    if type(x) is not int or x < 1:
        fail("%s: %r is not an integer >= 1" % (where, x))

doc = obj(json.load(open(sys.argv[1])), "log")
text(doc.get("$schema"), "$schema")
if doc.get("version") != "2.1.0":
    fail("version is %r, not 2.1.0" % doc.get("version"))
runs = doc.get("runs")
if not isinstance(runs, list) or not runs:
    fail("runs: not a non-empty list")
levels = {"none", "note", "warning", "error"}
want_warn = int(sys.argv[2]) if len(sys.argv) > 2 else None
nwarn = 0
for i, run in enumerate(runs):
    obj(run, "runs[%d]" % i)
    drv = obj(obj(run.get("tool"), "tool").get("driver"), "tool.driver")
    if drv.get("name") != "kresv":
        fail("tool.driver.name is %r" % drv.get("name"))
    rules = drv.get("rules")
    if not isinstance(rules, list) or not rules:
        fail("tool.driver.rules: not a non-empty list")
    ids = []
    for j, r in enumerate(obj(r, "rules[%d]" % j) for j, r in enumerate(rules)):
        text(r.get("id"), "rules[%d].id" % j)
        text(obj(r.get("shortDescription"), "shortDescription").get("text"),
             "rules[%d].shortDescription.text" % j)
        ids.append(r["id"])
    if len(set(ids)) != len(ids):
        fail("duplicate rule ids %s" % ids)
    results = run.get("results")
    if not isinstance(results, list):
        fail("results: not a list")
    for k, res in enumerate(results):
        w = "results[%d]" % k
        obj(res, w)
        if res.get("ruleId") not in ids:
            fail("%s.ruleId %r not in driver.rules" % (w, res.get("ruleId")))
        if "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
            fail("%s.ruleIndex does not point at its ruleId" % w)
        if res.get("level") not in levels:
            fail("%s.level %r" % (w, res.get("level")))
        nwarn += res["level"] == "warning"
        text(obj(res.get("message"), w + ".message").get("text"),
             w + ".message.text")
        locs = res.get("locations")
        if not isinstance(locs, list) or not locs:
            fail("%s.locations: not a non-empty list" % w)
        for loc in locs:
            pl = obj(obj(loc, w + ".locations[]").get("physicalLocation"),
                     w + ".physicalLocation")
            text(obj(pl.get("artifactLocation"), "artifactLocation").get("uri"),
                 w + ".artifactLocation.uri")
            reg = obj(pl.get("region"), w + ".region")
            pos_int(reg.get("startLine"), w + ".region.startLine")
            pos_int(reg.get("startColumn"), w + ".region.startColumn")
if want_warn is not None and nwarn != want_warn:
    fail("%d results of level warning, want %d" % (nwarn, want_warn))
EOF

# --- the three trees, text output ----------------------------------------------
for v in 6.1 6.12 7.3; do
	if [ ! -f "$KRESV_TREES/$v/src/arch/arm64/mm/mmu.c" ]; then
		notok "lint: Linux $v tree present" "no kernel tree at $KRESV_TREES/$v/src"
		continue
	fi
	lint "$v"
	cp "$tmp/out" "$tmp/text.$v"
	name="lint: Linux $v tree"
	if [ "$v" = 6.1 ]; then
		n=$(warnings | wc -l)
		if [ "$rc" != 1 ]; then
			notok "$name: exit 1" "exit $rc ($(tail -n 1 "$tmp/err"))"
		elif [ "$n" != 1 ] || ! warnings | grep -q \
			'^arch/arm64/mm/mmu.c:[0-9]*: WARNING: LINEAR_MAP_FORCED_PAGES: linear map forced to page granularity'; then
			notok "$name: one LINEAR_MAP_FORCED_PAGES warning in mmu.c" \
				"$n warnings: $(warnings | head -n 1)"
		else
			ok "$name: exactly one LINEAR_MAP_FORCED_PAGES warning in mmu.c, exit 1"
		fi
	else
		if [ "$rc" != 0 ]; then
			notok "$name: exit 0" "exit $rc ($(tail -n 1 "$tmp/err"))"
		elif warnings >/dev/null; then
			notok "$name: no warning" "$(warnings | head -n 1)"
		else
			ok "$name: no warning, exit 0"
		fi
	fi
done

# text lines are checkpatch style; the 6.1 notes are CHECK lines
if [ -f "$tmp/text.6.1" ]; then
	bad=$(grep -v -E '^[^: ]+:[0-9]+: (WARNING|CHECK): [A-Z][A-Z0-9_]*: .+' \
		"$tmp/text.6.1" | head -n 1)
	if [ -n "$bad" ]; then
		notok "lint: text format" "line '$bad'"
	elif ! grep -q '^arch/arm64/mm/init.c:[0-9]*: CHECK: DMA_LIMIT_EARLY_USE: low confidence: guarded' "$tmp/text.6.1"; then
		notok "lint: text format" "no CHECK line for 6.1's guarded DMA read"
	else
		ok "lint: text format (FILE:LINE: WARNING|CHECK: RULE_ID: message)"
	fi
fi

# --- JSON ------------------------------------------------------------------------
if [ -f "$KRESV_TREES/6.1/src/arch/arm64/mm/mmu.c" ]; then
	lint 6.1 --format json
	if [ "$rc" != 1 ]; then
		notok "lint: JSON format" "exit $rc, want 1"
	else
		check "lint: JSON format (keys, one warning, same sites as text)" \
			python3 - "$tmp/out" "$tmp/text.6.1" <<'EOF'
import json, re, sys
d = json.load(open(sys.argv[1]))
for k, t in (("tree", str), ("rules", list), ("findings", list),
             ("parse_failures", list)):
    assert isinstance(d.get(k), t), "key %s missing or not %s" % (k, t.__name__)
assert d["tree"] == "6.1", d["tree"]
ids = set(r["id"] for r in d["rules"])
assert {"LINEAR_MAP_FORCED_PAGES", "DMA_LIMIT_EARLY_USE"} <= ids, ids
for f in d["findings"]:
    assert set(f) >= {"rule", "file", "line", "column", "severity",
                      "message"}, f
    assert type(f["line"]) is int and f["line"] >= 1, f
    assert type(f["column"]) is int and f["column"] >= 1, f
    assert f["severity"] in ("warning", "check"), f
    assert f["rule"] in ids, f
w = [f for f in d["findings"] if f["severity"] == "warning"]
assert len(w) == 1 and w[0]["rule"] == "LINEAR_MAP_FORCED_PAGES" and \
    w[0]["file"] == "arch/arm64/mm/mmu.c", w
text = set()
for line in open(sys.argv[2]):
    m = re.match(r"^([^:]+):(\d+): (WARNING|CHECK): ([A-Z_0-9]+): ", line)
    text.add((m.group(1), int(m.group(2)), m.group(3).lower(), m.group(4)))
js = set((f["file"], f["line"], f["severity"], f["rule"])
         for f in d["findings"])
assert js == text, "JSON and text differ: %s" % (js ^ text)
EOF
	fi
fi

# --- SARIF -----------------------------------------------------------------------
for v in 6.1 6.12; do
	[ -f "$KRESV_TREES/$v/src/arch/arm64/mm/mmu.c" ] || continue
	want_rc=0 want_warn=0
	[ "$v" = 6.1 ] && want_rc=1 want_warn=1
	lint "$v" --format sarif
	if [ "$rc" != "$want_rc" ]; then
		notok "lint: SARIF 2.1.0 on Linux $v" "exit $rc, want $want_rc"
	else
		check "lint: SARIF 2.1.0 on Linux $v (shape, $want_warn warning)" \
			python3 "$tmp/sarif.py" "$tmp/out" "$want_warn"
	fi
done

# --- FILE and DIR arguments ----------------------------------------------------------
src61=$KRESV_TREES/6.1/src
if [ -f "$src61/arch/arm64/mm/mmu.c" ]; then
	lint 6.1 arch/arm64/mm/mmu.c
	if [ "$rc" = 1 ] && [ "$(warnings | wc -l)" = 1 ] &&
		[ "$(grep -c '' "$tmp/out")" = "$(grep -c 'mmu.c' "$tmp/out")" ]; then
		ok "lint: FILE argument (6.1 mmu.c: the warning, nothing else)"
	else
		notok "lint: FILE argument" "exit $rc, $(warnings | wc -l) warnings"
	fi
	lint 6.1 "$src61/arch/arm64/mm/init.c"
	if [ "$rc" = 0 ] && ! warnings >/dev/null; then
		ok "lint: absolute FILE argument without finding (6.1 init.c), exit 0"
	else
		notok "lint: absolute FILE argument" "exit $rc"
	fi
	lint 6.1 --format json arch/arm64/mm
	if [ "$rc" = 1 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert "arch/arm64/mm/mmu.c" in d["files"]["scanned"]
assert not any(f.startswith("arch/arm64/kernel") for f in d["files"]["scanned"])
' "$tmp/out" 2>/dev/null; then
		ok "lint: DIR argument (6.1 arch/arm64/mm)"
	else
		notok "lint: DIR argument" "exit $rc"
	fi

	# --verbose: per-file parse statistics on stderr, stdout unchanged
	lint 6.1 --verbose
	if [ "$rc" = 1 ] && cmp -s "$tmp/out" "$tmp/text.6.1" &&
		grep -q '^  arch/arm64/mm/mmu.c: [0-9]* parse errors\{0,1\}, [0-9]* bad lines\{0,1\}.*; functions [0-9]*/[0-9]*' "$tmp/err" &&
		grep -q '^  arch/arm64/mm/context.c: .*not handed to the rules' "$tmp/err" &&
		grep -q '^  total: ' "$tmp/err"; then
		ok "lint: --verbose prints per-file parse statistics"
	else
		notok "lint: --verbose" "exit $rc; $(grep -m 1 mmu.c "$tmp/err")"
	fi

	# the pre-selection of files by the rules' token gates changes nothing
	lint 6.1 --format json
	cp "$tmp/out" "$tmp/pf.json"
	KRESV_LINT_PREFILTER=0 lint 6.1 --format json
	if [ "$rc" = 1 ] && python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert a["findings"] == b["findings"]
assert len(b["files"]["parsed"]) == len(b["files"]["scanned"])
' "$tmp/pf.json" "$tmp/out" 2>/dev/null; then
		ok "lint: same findings with every file handed to every rule"
	else
		notok "lint: KRESV_LINT_PREFILTER=0" "findings differ or exit $rc"
	fi
fi

# --- a mutated tree: the reservation moved into arm64_memblock_init() -------------
src=$KRESV_TREES/6.12/src
patch=$KRESV_ROOT/tests/cocci/patches/6.12-reserve-in-memblock-init.patch
if [ -f "$src/arch/arm64/mm/init.c" ] && [ -f "$patch" ]; then
	m=$tmp/mut
	mkdir -p "$m/arch/arm64/kernel" "$m/arch/arm64/mm" "$m/kernel"
	cp "$src/Makefile" "$m/"
	cp "$src/arch/arm64/kernel/setup.c" "$m/arch/arm64/kernel/"
	cp "$src"/arch/arm64/mm/*.c "$m/arch/arm64/mm/"
	cp "$src/kernel/crash_reserve.c" "$m/kernel/"
	if (cd "$m" && patch -p1 -s --no-backup-if-mismatch <"$patch") \
		>/dev/null 2>&1; then
		"$LINT" --tree-dir "$m" --tree-label 6.12-mutated >"$tmp/out" 2>"$tmp/err"
		rc=$?
		# kernel/crash_reserve.c is scanned: the reads are reported in
		# reserve_crashkernel_generic()'s own body
		if [ "$rc" = 1 ] && warnings | grep -q \
			'^kernel/crash_reserve.c:[0-9]*: WARNING: DMA_LIMIT_EARLY_USE: .*before zone_sizes_init() sets the DMA limit.*; boot path: setup_arch() > arm64_memblock_init() > arch_reserve_crashkernel() > reserve_crashkernel_generic()$'; then
			ok "lint: 6.12 with the reservation in arm64_memblock_init(): DMA_LIMIT_EARLY_USE, exit 1"
		else
			notok "lint: mutated 6.12" "exit $rc; $(head -n 1 "$tmp/out")"
		fi
	else
		notok "lint: mutated 6.12" "patch does not apply"
	fi
fi

# --- bad input -------------------------------------------------------------------------
lint 6.12 --format yaml
one_line "lint: unknown format: exit 2, one line" 2 "unknown format 'yaml'"

lint 6.12 arch/arm64/mm/no-such-file.c
one_line "lint: missing file: exit 2, one line naming it" 2 \
	"arch/arm64/mm/no-such-file.c: no such file"

"$LINT" --tree-dir "$tmp/no-tree/src" --tree-label x >"$tmp/out" 2>"$tmp/err"
rc=$?
one_line "lint: missing tree: exit 3, one line" 3 "$tmp/no-tree/src"

mkdir -p "$tmp/not-a-tree"
"$LINT" --tree-dir "$tmp/not-a-tree" >"$tmp/out" 2>"$tmp/err"
rc=$?
one_line "lint: directory that is not a kernel tree: exit 3" 3 "not a kernel source tree"

mkdir -p "$tmp/rules"
cp "$KRESV_ROOT"/semantic-patches/*.cocci "$tmp/rules/"
cat >"$tmp/rules/broken.cocci" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/// A rule with a syntax error (missing ';' and '@@').
virtual report
@r@
expression E
- foo(E);
EOF
KRESV_RULES_DIR=$tmp/rules lint 6.12
one_line "lint: rule that does not compile: exit 2, one line naming it" 2 \
	"$tmp/rules/broken.cocci:[0-9]*: .*does not compile"

# a C file spatch cannot parse, defining paging_init() (a target function)
cat >"$tmp/unparsable.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
static int helper(void)
{
	return 1;
}

void __init paging_init(void)
{
	int a = 1 +* / 2;

	map_mem(swapper_pg_dir);
}
EOF
lint 6.12 "$tmp/unparsable.c"
one_line "lint: unparsable target function: exit 2, one line naming file and function" \
	2 "$tmp/unparsable.c:7: spatch could not parse paging_init()"
lint 6.12 --format json "$tmp/unparsable.c"
if [ "$rc" = 2 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [(p["function"], p["fatal"]) for p in d["parse_failures"]] == \
    [("paging_init", True)], d["parse_failures"]
' "$tmp/out" 2>/dev/null; then
	ok "lint: unparsable target function listed in JSON parse_failures"
else
	notok "lint: unparsable target function in JSON" "exit $rc"
fi

# a target function in a file that no rule reads (no word of a rule) is
# still checked: map_mem() alone, unparsable, then parsable
printf '// SPDX-License-Identifier: GPL-2.0\nstatic void __init map_mem(pgd_t *pgdp)\n{\n\tint a = 1 %s;\n}\n' \
	'+* / 2' >"$tmp/map_mem.c"
lint 6.12 "$tmp/map_mem.c"
one_line "lint: unparsable map_mem() alone: exit 2" 2 \
	"$tmp/map_mem.c:2: spatch could not parse map_mem()"
sed -i 's|+\* / 2|+ 2|' "$tmp/map_mem.c"
lint 6.12 "$tmp/map_mem.c"
if [ "$rc" = 0 ] && [ ! -s "$tmp/out" ]; then
	ok "lint: parsable map_mem() alone: exit 0"
else
	notok "lint: parsable map_mem() alone" "exit $rc ($(head -n 1 "$tmp/err"))"
fi
