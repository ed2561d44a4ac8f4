#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Validation speed (by hand; prints figures): per tree and machine size, the
# seconds one `kresv validate` of a scenario takes (one boot at a time), the
# real boot alone (qemu start to the "Memory:" line), and the replay of the
# same machine as a process and in-process, with the boot/replay ratios.
# usage: bench/validate.sh [SCENARIO...]   (default: 1, 8 and 32 GiB virt)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
make -s all >/dev/null || exit 4
scns=("$@")
[ ${#scns[@]} -gt 0 ] || scns=(corpus/validate/virt-1g-256m.scn
	corpus/validate/virt-8g-256m.scn corpus/validate/virt-32g-256m.scn)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kresv-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ms() { echo "($2 - $1) / 1000000" | bc -l; }

printf '%-5s %-22s %10s %10s %12s %12s %12s %12s\n' tree scenario \
	"validate" "boot" "replay proc" "in-process" "boot/proc" "boot/inproc"
for t in 6.1 6.12 7.3; do
	for s in "${scns[@]}"; do
		name=$(basename "$s" .scn)
		t0=$(date +%s%N)
		harness/validate/validate.sh --tree "$t" --jobs 1 --keep "$tmp/$t" "$s" >/dev/null
		t1=$(date +%s%N)
		k=$tmp/$t/$name
		# the real boot again, alone
		b0=$(date +%s%N)
		harness/validate/boot_qemu.sh "$k" 2>/dev/null
		b1=$(date +%s%N)
		n=10
		p0=$(date +%s%N)
		for i in $(seq $n); do build/t/$t/kresv-replay "$k/replayed.scn" >/dev/null; done
		p1=$(date +%s%N)
		inproc=$(build/t/$t/kresv-replay --bench 20 "$k/replayed.scn" 2>&1 >/dev/null |
			sed -n 's/.*: \([0-9.]*\) us per boot.*/\1/p')
		boot=$(ms "$b0" "$b1")
		proc=$(echo "$(ms "$p0" "$p1") / $n" | bc -l)
		printf '%-5s %-22s %8.2f s %8.2f s %9.1f ms %9.1f us %11.0fx %11.0fx\n' \
			"$t" "$name" "$(echo "$(ms "$t0" "$t1") / 1000" | bc -l)" \
			"$(echo "$boot / 1000" | bc -l)" "$proc" "$inproc" \
			"$(echo "$boot / $proc" | bc -l)" \
			"$(echo "$boot * 1000 / $inproc" | bc -l)"
	done
done
