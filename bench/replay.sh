#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Replay speed (by hand; prints figures): one 8 GiB boot in-process, as a
# kresv-replay process and through ./kresv, per tree. The binaries are the
# ASan/UBSan builds that kresv runs.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
make -s all >/dev/null || exit 4
l=corpus/layouts/qemu-virt-8g-rodata-on.scn
n=${1:-50}
printf '%-6s %16s %16s %16s\n' tree in-process kresv-replay "./kresv replay"
for t in 6.1 6.12 7.3; do
	b=build/t/$t/kresv-replay
	inproc=$("$b" --bench 2000 "$l" 2>&1 >/dev/null | sed -n 's/.*: \([0-9.]*\) us per boot.*/\1/p')
	t0=$(date +%s%N)
	for i in $(seq "$n"); do "$b" "$l" >/dev/null; done
	t1=$(date +%s%N)
	for i in $(seq "$n"); do ./kresv replay --tree "$t" "$l" >/dev/null; done
	t2=$(date +%s%N)
	printf '%-6s %13s us %13.1f ms %13.1f ms\n' "$t" "$inproc" \
		"$(echo "($t1 - $t0) / $n / 1000000" | bc -l)" \
		"$(echo "($t2 - $t1) / $n / 1000000" | bc -l)"
done
