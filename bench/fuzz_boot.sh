#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The whole-boot fuzz target's speed (by hand, not in make check):
# bench/fuzz_boot.sh [SECONDS] [TREE...] runs both engines on each tree
# (default: 60 s, 6.1 6.12 7.3) from the default seeds in a fresh working
# directory and prints exec/s, the corpus it grew and AFL++'s stability.
# One engine at a time: the machine's two cores are shared.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
seconds=${1:-60}
shift || true
trees=("$@")
[ ${#trees[@]} -gt 0 ] || trees=(6.1 6.12 7.3)
make -s all afl >/dev/null || exit 4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "whole-boot fuzzing, ${seconds} s per run, ASan + UBSan (CmpLog beside AFL++)"
printf '%-6s %-10s %10s %10s %8s %10s %s\n' tree engine inputs exec/s corpus stability findings
for t in "${trees[@]}"; do
	for e in libfuzzer afl; do
		out=$(KRESV_FUZZ_DIR=$tmp/$t-$e ./kresv fuzz boot --tree "$t" \
			--engine "$e" --seconds "$seconds" 2>&1)
		line=$(grep -m1 '^kresv: [0-9]* inputs run' <<<"$out")
		n=$(sed -n 's/^kresv: \([0-9]*\) inputs run.*/\1/p' <<<"$line")
		speed=$(sed -n 's/.*inputs run (\([0-9.]*\)\/s).*/\1/p' <<<"$line")
		sig=$(sed -n 's/.*, \([0-9]*\) finding signatures.*/\1/p' <<<"$line")
		corpus=$(sed -n 's/^kresv: corpus \([0-9]*\) inputs.*/\1/p' <<<"$out")
		stab=$(sed -n 's/^kresv: corpus .*stability \(.*\)$/\1/p' <<<"$out")
		printf '%-6s %-10s %10s %10s %8s %10s %s\n' "$t" "$e" "${n:--}" \
			"${speed:--}" "${corpus:--}" "${stab:--}" "${sig:--}"
	done
done
