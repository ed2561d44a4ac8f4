#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Linear-map speed (run by hand; prints figures, asserts nothing): the
# seconds one build/t/6.1/kresv-linear-map process (the ASan/UBSan build
# ./kresv linear-map runs, called directly so that ./kresv's build check is
# not timed) takes for machines of 1, 8, 64 and 256 GiB, in both
# granularities of the 6.1 tree:
#   pages   `rodata=on crashkernel=256M`: crashkernel= forces 4 KiB pages
#           (67 M PTEs at 256 GiB), and the boot without it runs beside
#           in a child (LINEAR_MAP_FORCED_PAGES), as it always does
#   blocks  `rodata=on`: PUD and PMD blocks, a few table pages
# 1 and 8 GiB at 0x40000000 (qemu virt), 64 and 256 GiB at 0x800000000 (a
# server), generated into a temporary directory (docs/scenario.md). Each
# line is the median of N runs; then how the time grows with RAM.
# Wall-clock time depends on what else runs on the machine; the CPU column
# (user + system time of the process and its child) depends less on it.
# --baseline DIR: DIR/6.1/kresv-linear-map (e.g. a copy of an earlier
# build) is measured beside, run after run, so that before and after share
# the machine's state.
# usage: bench/linear_map.sh [--runs N] [--baseline DIR] [GIB...]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
runs=5 baseline='' sizes=()
usage() {
	echo "usage: bench/linear_map.sh [--runs N] [--baseline DIR] [GIB...]" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case $1 in
	--runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
	--baseline) [ $# -ge 2 ] || usage
		baseline=$(cd "$2" && pwd)/6.1/kresv-linear-map || exit 2
		shift 2 ;;
	-*) usage ;;
	*) sizes+=("$1"); shift ;;
	esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1 8 64 256)
: "${KRESV_TREES:=$ROOT/build/trees}"
export KRESV_TREES
[ -d "$KRESV_TREES/6.1/src" ] || { echo "no 6.1 tree (./kresv fetch 6.1)" >&2; exit 3; }
# this binary only, as the top Makefile's sub-make for the tree builds it
bin=$ROOT/build/t/6.1/kresv-linear-map
make -s build/bin/kresv-extract >/dev/null &&
	make -s -f harness/tree.mk TREE="$KRESV_TREES/6.1/src" \
		CONFIG="$KRESV_TREES/6.1/config" OUT=build/t/6.1 \
		MANIFEST="$(extract/family.sh "$KRESV_TREES/6.1/src")" \
		build/t/6.1/kresv-linear-map >/dev/null || exit 4
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "no $baseline" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kresv-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# measure RUNS BIN SCENARIO [BIN2]: "wall cpu ptes [wall2 cpu2]", medians;
# with BIN2, the two run alternately
cat >"$tmp/measure.py" <<'EOF'
# SPDX-License-Identifier: GPL-2.0
import re, resource, statistics, subprocess, sys, time
runs, scn, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
wall = [[] for _ in bins]
cpu = [[] for _ in bins]
ptes = "?"
for _ in range(runs):
    for i, b in enumerate(bins):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        p = subprocess.run([b, scn], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        wall[i].append(time.monotonic() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[i].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if i == 0:
            m = re.search(r"^  ptes: *([0-9]+)", p.stdout, re.M)
            ptes = m.group(1) if m and p.returncode <= 1 else "exit %d" % p.returncode
out = [ptes]
for i in range(len(bins)):
    out += ["%.3f" % statistics.median(wall[i]), "%.3f" % statistics.median(cpu[i])]
print(" ".join(out))
EOF

echo "# kresv-linear-map, 6.1 tree (ASan+UBSan): $(nproc) CPUs, load average" \
	"$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at start"
echo "# seconds: wall-clock median of $runs runs, CPU (user+system, with the" \
	"child) median${baseline:+; before: $baseline, run alternately}"
if [ -n "$baseline" ]; then
	printf '%-6s %-6s %10s %9s %9s %9s %9s %8s\n' ram map ptes \
		"wall" "cpu" "wall bef" "cpu bef" "speed-up"
else
	printf '%-6s %-6s %10s %9s %9s\n' ram map ptes wall cpu
fi
declare -A W C
for gib in "${sizes[@]}"; do
	base=0x40000000
	[ "$gib" -gt 8 ] && base=0x800000000
	for map in pages blocks; do
		cmdline="console=ttyAMA0 rodata=on"
		[ $map = pages ] && cmdline="$cmdline crashkernel=256M"
		scn=$tmp/$map-${gib}g.scn
		printf '# %s GiB, %s\nmemory %s %sG\ncmdline "%s"\n' "$gib" "$map" \
			"$base" "$gib" "$cmdline" >"$scn"
		read -r ptes w c wb cb <<<"$(python3 "$tmp/measure.py" "$runs" \
			"$scn" "$bin" ${baseline:+"$baseline"})"
		W[$map.$gib]=$w C[$map.$gib]=$c
		if [ -n "$baseline" ]; then
			printf '%-6s %-6s %10s %9s %9s %9s %9s %7.1fx\n' "${gib}G" \
				$map "$ptes" "$w" "$c" "$wb" "$cb" \
				"$(echo "$wb / ($w + 0.0005)" | bc -l)"
		else
			printf '%-6s %-6s %10s %9s %9s\n' "${gib}G" $map "$ptes" \
				"$w" "$c"
		fi
	done
done

# growth: between two sizes, time ~ RAM^k (a fixed cost of about 0.05 s,
# the process and ASan starting, flattens it at the small end)
echo "# growth with RAM, wall-clock and CPU medians: time ratio for the RAM" \
	"ratio, and k in time ~ RAM^k"
for map in pages blocks; do
	prev=
	for gib in "${sizes[@]}"; do
		if [ -n "$prev" ]; then
			echo "${W[$map.$prev]} ${W[$map.$gib]} ${C[$map.$prev]}" \
				"${C[$map.$gib]} $prev $gib $map" |
				awk '{ rw = $2 / ($1 > 0 ? $1 : 0.0005)
					rc = $4 / ($3 > 0 ? $3 : 0.0005)
					printf "#   %-6s %4dG -> %4dG: wall x%-6.1f (k=%5.2f)  cpu x%-6.1f (k=%5.2f)\n",
						$7, $5, $6, rw, log(rw) / log($6 / $5),
						rc, log(rc) / log($6 / $5) }'
		fi
		prev=$gib
	done
done
echo "# end load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
