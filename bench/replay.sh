#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Replay speed (by hand; prints figures). Two builds of the replay run the
# same tree code (docs/boot-model.md): fast/kresv-replay without
# sanitizers, ./kresv replay's default, and kresv-replay with ASan and
# UBSan (--sanitize, the tests). Every boot runs the tree's map_mem().
#  1. One 8 GiB boot with block mappings per tree (the issue's target:
#     <= 2 ms in-process, <= 20 ms as a whole ./kresv replay): in-process
#     (--bench) for both builds, as a process, through ./kresv (default and
#     --sanitize), and the floor of a ./kresv call on this machine: a bash
#     that does nothing plus an empty C program.
#  2. How the replay's time grows with RAM, 1 to 256 GiB, for a linear map
#     of blocks and one of 4 KiB pages (6.1: rodata=on, with and without
#     crashkernel=256M, which forces pages): in-process for both builds,
#     and the whole ./kresv replay of the page-mapped machine (the issue's
#     target: 256 GiB <= 1 s).
# usage: bench/replay.sh [N]   (N process runs per figure, default 50)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
make -s all >/dev/null || exit 4
n=${1:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

us_per_boot() { # BIN SCENARIO REPEAT
	"$1" --bench "$3" "$2" 2>&1 >/dev/null |
		sed -n 's/.*: \([0-9.]*\) us per boot.*/\1/p'
}

# block-mapped 8 GiB machines: 6.1 keeps blocks without crashkernel= (it
# forces pages for it), 6.12 with an early KFENCE pool, 7.3 on a BBML3 CPU
printf 'memory 0x40000000 8G\ncmdline "rodata=on cma=64M"\n' >"$tmp/6.1.scn"
printf 'memory 0x40000000 8G\ncmdline "rodata=on kfence.sample_interval=100 crashkernel=256M"\n' >"$tmp/6.12.scn"
printf 'memory 0x40000000 8G\ncpu bbml3\ncmdline "rodata=on crashkernel=256M"\n' >"$tmp/7.3.scn"
# the floor of a ./kresv call: bash starting and a C program starting
printf 'int main(void) { return 0; }\n' >"$tmp/empty.c"
clang-14 -O2 "$tmp/empty.c" -o "$tmp/empty" || exit 4
ms_per_run() { # N COMMAND...: mean wall time of N runs, in ms
	local n=$1 t0 t1 i
	shift
	t0=$(date +%s%N)
	for i in $(seq "$n"); do "$@" >/dev/null; done
	t1=$(date +%s%N)
	echo "($t1 - $t0) / $n / 1000000" | bc -l
}
floor() { bash -c : && "$tmp/empty"; }

echo "8 GiB, block mappings (mean of $n runs; in-process: 200 boots)"
printf '%-6s %10s %10s %9s %14s %14s %8s %6s\n' tree "in-process" "(ASan)" process \
	"./kresv replay" "(--sanitize)" floor PUD
for t in 6.1 6.12 7.3; do
	b=build/t/$t/fast/kresv-replay a=build/t/$t/kresv-replay l=$tmp/$t.scn
	inproc=$(us_per_boot "$b" "$l" 200)
	inasan=$(us_per_boot "$a" "$l" 200)
	proc=$(ms_per_run "$n" "$b" "$l")
	front=$(ms_per_run "$n" ./kresv replay --tree "$t" "$l")
	fronts=$(ms_per_run "$n" ./kresv replay --sanitize --tree "$t" "$l")
	fl=$(ms_per_run "$n" floor)
	# the linear map's (the kernel image's mapping comes after it)
	pud=$("$b" "$l" | sed -n 's/^  pud_blocks: *//p' | head -n 1)
	printf '%-6s %7.3f ms %7.3f ms %6.1f ms %11.1f ms %11.1f ms %5.1f ms %6s\n' "$t" \
		"$(echo "$inproc / 1000" | bc -l)" "$(echo "$inasan / 1000" | bc -l)" \
		"$proc" "$front" "$fronts" "$fl" "$pud"
done

echo
echo "6.1, in-process time of one boot by RAM size (ms); ./kresv replay of the pages (s)"
printf '%-6s %9s %9s %10s %10s %13s %12s\n' RAM blocks pages "(ASan)" "pages/blocks" \
	"./kresv (s)" "table pages"
for g in 1 8 64 256; do
	printf 'memory 0x800000000 %sG\ncmdline "rodata=on"\n' "$g" >"$tmp/b$g.scn"
	printf 'memory 0x800000000 %sG\ncmdline "rodata=on crashkernel=256M"\n' "$g" >"$tmp/p$g.scn"
	reps=$((g >= 64 ? 2 : 20))
	b=$(us_per_boot build/t/6.1/fast/kresv-replay "$tmp/b$g.scn" 20)
	p=$(us_per_boot build/t/6.1/fast/kresv-replay "$tmp/p$g.scn" "$reps")
	pa=$(us_per_boot build/t/6.1/kresv-replay "$tmp/p$g.scn" "$reps")
	front=$(ms_per_run "$((g >= 64 ? 3 : 10))" ./kresv replay --tree 6.1 "$tmp/p$g.scn")
	tp=$(build/t/6.1/fast/kresv-replay "$tmp/p$g.scn" | sed -n 's/^  table_pages: \([0-9]*\).*/\1/p' | head -n 1)
	printf '%-6s %9.2f %9.1f %10.1f %11.0fx %13.2f %12s\n' "${g}G" \
		"$(echo "$b / 1000" | bc -l)" "$(echo "$p / 1000" | bc -l)" \
		"$(echo "$pa / 1000" | bc -l)" "$(echo "$p / $b" | bc -l)" \
		"$(echo "$front / 1000" | bc -l)" "$tp"
done
