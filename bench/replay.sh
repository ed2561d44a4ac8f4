#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Replay speed (by hand; prints figures). The binaries are the ASan/UBSan
# builds that kresv runs; every boot runs the tree's map_mem().
#  1. One 8 GiB boot with block mappings per tree (the issue's target:
#     <= 2 ms in-process, <= 20 ms as a whole ./kresv replay): in-process
#     (--bench), as a kresv-replay process (with and without the exit-time
#     leak check, which ./kresv replay leaves out), through ./kresv, and
#     the floor: an empty program built with the same sanitizers.
#  2. How the replay's time grows with RAM, 1 to 256 GiB, for a linear map
#     of blocks and one of 4 KiB pages (6.1: rodata=on, with and without
#     crashkernel=256M, which forces pages), in-process.
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
# the floor of any process built as the replay is: an empty main() with
# ASan and UBSan, exit-time leak check off as ./kresv replay runs it
printf 'int main(void) { return 0; }\n' >"$tmp/empty.c"
clang-14 -fsanitize=address,undefined "$tmp/empty.c" -o "$tmp/empty" || exit 4
ms_per_run() { # N COMMAND...: mean wall time of N runs, in ms
	local n=$1 t0 t1 i
	shift
	t0=$(date +%s%N)
	for i in $(seq "$n"); do "$@" >/dev/null; done
	t1=$(date +%s%N)
	echo "($t1 - $t0) / $n / 1000000" | bc -l
}

echo "8 GiB, block mappings (mean of $n runs; in-process: 200 boots)"
printf '%-6s %12s %14s %14s %16s %12s %10s\n' tree in-process kresv-replay "(no LSan)" \
	"./kresv replay" "empty ASan" "PUD blocks"
for t in 6.1 6.12 7.3; do
	b=build/t/$t/kresv-replay l=$tmp/$t.scn
	inproc=$(us_per_boot "$b" "$l" 200)
	proc=$(ms_per_run "$n" "$b" "$l")
	noleak=$(ASAN_OPTIONS=detect_leaks=0 ms_per_run "$n" "$b" "$l")
	front=$(ms_per_run "$n" ./kresv replay --tree "$t" "$l")
	empty=$(ASAN_OPTIONS=detect_leaks=0 ms_per_run "$n" "$tmp/empty")
	pud=$("$b" "$l" | sed -n 's/^  pud_blocks: *//p')
	printf '%-6s %9.3f ms %11.1f ms %11.1f ms %13.1f ms %9.1f ms %10s\n' "$t" \
		"$(echo "$inproc / 1000" | bc -l)" "$proc" "$noleak" "$front" \
		"$empty" "$pud"
done

echo
echo "6.1, in-process time of one boot by RAM size (ms)"
printf '%-8s %12s %12s %12s %14s\n' RAM blocks pages "pages/blocks" "table pages"
for g in 1 8 64 256; do
	printf 'memory 0x800000000 %sG\ncmdline "rodata=on"\n' "$g" >"$tmp/b$g.scn"
	printf 'memory 0x800000000 %sG\ncmdline "rodata=on crashkernel=256M"\n' "$g" >"$tmp/p$g.scn"
	reps=$((g >= 64 ? 2 : 20))
	b=$(us_per_boot build/t/6.1/kresv-replay "$tmp/b$g.scn" 20)
	p=$(us_per_boot build/t/6.1/kresv-replay "$tmp/p$g.scn" "$reps")
	tp=$(build/t/6.1/kresv-replay "$tmp/p$g.scn" | sed -n 's/^  table_pages: \([0-9]*\).*/\1/p')
	printf '%-8s %12.2f %12.1f %12.0fx %14s\n' "${g}G" \
		"$(echo "$b / 1000" | bc -l)" "$(echo "$p / 1000" | bc -l)" \
		"$(echo "$p / $b" | bc -l)" "$tp"
done
