#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# What the parser oracles cost in the libFuzzer target (by hand; prints
# figures, asserts nothing). bench/run's 20-second runs from the seeds move
# by a third between runs on a shared machine; this one takes the noise of
# the corpus out: per tree it grows a corpus for GROW seconds once, then
# runs RUNS inputs from it (libFuzzer -seed=1, new inputs thrown away)
# with the oracles, without them, and with the baseline binary if one is
# given, round after round, and prints the wall time of each.
# usage: bench/parse_oracles.sh [--rounds N] [--runs N] [--grow S] [--baseline DIR]
#   --baseline DIR: DIR/T/fuzz-parse-libfuzzer (e.g. a copy of an earlier build)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
rounds=3 runs=1000000 grow=20 baseline=
usage() {
	echo "usage: bench/parse_oracles.sh [--rounds N] [--runs N] [--grow S] [--baseline DIR]" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case $1 in
	--rounds) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
	--runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
	--grow) [ $# -ge 2 ] || usage; grow=$2; shift 2 ;;
	--baseline) [ $# -ge 2 ] || usage; baseline=$(cd "$2" && pwd) || exit 2; shift 2 ;;
	*) usage ;;
	esac
done
make -s all >/dev/null || exit 4
tmp=$(mktemp -d "$PWD/build/bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# make_seeds: the seeds ./kresv fuzz parse starts from
die() { echo "bench: $2" >&2; exit "$1"; }
# shellcheck source=../front/fuzz.sh
. front/fuzz.sh
export KRESV_FINDINGS_DIR=$tmp/findings
mkdir -p "$KRESV_FINDINGS_DIR"

run() { # binary [env...]: seconds for $runs inputs from the grown corpus
	local bin=$1 t0 t1
	shift
	# new inputs go to the first directory, emptied each time: every
	# build starts from the same corpus
	rm -rf "$tmp/new" && mkdir -p "$tmp/new"
	t0=$(date +%s%N)
	env "$@" taskset -c 0 "$bin" -seed=1 -runs="$runs" \
		-dict=corpus/parse/parse.dict "$tmp/new" "$tmp/grown" >/dev/null 2>&1 </dev/null
	t1=$(date +%s%N)
	echo "($t1 - $t0) / 1000000000" | bc -l
}

echo "# $runs inputs from a corpus grown for ${grow}s, libFuzzer on core 0, $rounds rounds"
printf '%-6s %-26s %s\n' tree build "seconds (exec/s) per round"
for t in 6.1 6.12 7.3; do
	b=build/t/$t
	rm -rf "$tmp/seeds" "$tmp/grown" && mkdir -p "$tmp/grown"
	make_seeds "$b/kresv-parse" "$tmp/seeds"
	taskset -c 0 "$b/fuzz-parse-libfuzzer" -seed=1 -max_total_time="$grow" \
		-dict=corpus/parse/parse.dict "$tmp/grown" "$tmp/seeds" >/dev/null 2>&1 </dev/null
	labels=("oracles" "parser only")
	cmds=("$b/fuzz-parse-libfuzzer KRESV_ORACLES=on" "$b/fuzz-parse-libfuzzer KRESV_ORACLES=off")
	if [ -n "$baseline" ]; then
		labels+=("oracles, baseline")
		cmds+=("$baseline/$t/fuzz-parse-libfuzzer KRESV_ORACLES=on")
	fi
	declare -A out=()
	for r in $(seq "$rounds"); do
		for k in "${!cmds[@]}"; do
			# shellcheck disable=SC2086
			s=$(run ${cmds[$k]})
			out[$k]+=$(printf ' %5.2f (%6.0f)' "$s" "$(echo "$runs / $s" | bc -l)")
		done
	done
	for k in "${!cmds[@]}"; do
		printf '%-6s %-26s%s\n' "$t" "${labels[$k]}" "${out[$k]}"
	done
	unset out
done
