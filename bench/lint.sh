#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Benchmark of kresv lint (run by hand; prints figures, asserts nothing).
# Time of all rules of semantic-patches/ through harness/lint/lint.sh, per
# tree:
#   1. over arch/arm64 + mm + kernel                  (target <= 30 s, 2 cores)
#   2. over one file, arch/arm64/mm/mmu.c             (target <= 2 s)
#   3. over the default boot-path files
#   4. with --no-prefilter: 1. again with every file handed to every rule
#      (KRESV_LINT_PREFILTER=0; spatch parses all ~800 files: minutes)
# Wall-clock time depends on what else runs on the machine; the CPU column
# (user + system time of lint.sh and all it started) does not.
# usage: bench/lint.sh [--runs N] [--no-prefilter] [TREE...]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
: "${KRESV_TREES:=$ROOT/build/trees}"
export KRESV_TREES
LINT=$ROOT/harness/lint/lint.sh
runs=3 full=0 trees=()
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=${2:?}; shift 2 ;;
	--no-prefilter) full=1; shift ;;
	-*) echo "usage: bench/lint.sh [--runs N] [--no-prefilter] [TREE...]" >&2
		exit 2 ;;
	*) trees+=("$1"); shift ;;
	esac
done
[ ${#trees[@]} -gt 0 ] || trees=(6.1 6.12 7.3)

cat >"${TMPDIR:-/tmp}/kresv-bench-lint.$$.py" <<'EOF'
# SPDX-License-Identifier: GPL-2.0
# measure RUNS TREE LABEL LINT TREE_DIR ARGS...: one table line
import json, resource, statistics, subprocess, sys, time
runs, t, label, lint, tree = sys.argv[1:6]
args = sys.argv[6:]
wall, cpu = [], []
for _ in range(int(runs)):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run([lint, "--tree-dir", tree, "--tree-label", t,
                        "--format", "json"] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall.append(time.monotonic() - t0)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
try:
    j = json.loads(p.stdout)
    n, q = len(j["files"]["scanned"]), len(j["files"]["parsed"])
    w = sum(1 for f in j["findings"] if f["severity"] == "warning")
except (ValueError, KeyError):
    n = q = w = "?"
print("%-6s %-40s %6s %6s %4s %4s %7.2f %7.2f %7.2f" % (
    t, label, n, q, w, p.returncode, statistics.median(wall), min(wall),
    statistics.median(cpu)), flush=True)
EOF
trap 'rm -f "${TMPDIR:-/tmp}/kresv-bench-lint.$$.py"' EXIT

measure() { # TREE LABEL ENV ARGS...
	local t=$1 label=$2 env=()
	[ -n "$3" ] && env=("$3")
	shift 3
	env "${env[@]}" python3 "${TMPDIR:-/tmp}/kresv-bench-lint.$$.py" \
		"$runs" "$t" "$label" "$LINT" "$KRESV_TREES/$t/src" "$@"
}

echo "# kresv lint: $(nproc) CPUs, load average" \
	"$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at start," \
	"$("${SPATCH:-spatch}" --version 2>/dev/null | head -n 1 | cut -d' ' -f1-3)"
echo "# seconds: wall-clock median and min of $runs runs, CPU (user+system," \
	"all processes) median; 'parsed': files handed to spatch"
printf '%-6s %-40s %6s %6s %4s %4s %7s %7s %7s\n' tree scope files parsed \
	warn exit wall min cpu
for t in "${trees[@]}"; do
	if [ ! -d "$KRESV_TREES/$t/src" ]; then
		echo "$t: no tree at $KRESV_TREES/$t/src (./kresv fetch $t)"
		continue
	fi
	measure "$t" "arch/arm64 + mm + kernel" "" arch/arm64 mm kernel
	measure "$t" "arch/arm64/mm/mmu.c" "" arch/arm64/mm/mmu.c
	measure "$t" "boot-path files (default)" ""
	if [ "$full" = 1 ]; then
		old=$runs
		runs=1
		measure "$t" "arch/arm64 + mm + kernel, no prefilter" \
			KRESV_LINT_PREFILTER=0 arch/arm64 mm kernel
		runs=$old
	fi
done
echo "# end load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
