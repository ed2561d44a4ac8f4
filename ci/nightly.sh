#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Nightly fuzz job: refresh the default trees, then fuzz the crashkernel=
# parser of each with both engines and collect the findings in one report.
# The corpora in build/fuzz persist between nights.
# usage: ci/nightly.sh [--seconds N] [--report FILE]   (N per tree and engine)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
secs=600 report=build/nightly-report.txt
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) secs=$2; shift 2 ;;
	--report) report=$2; shift 2 ;;
	*) echo "usage: ci/nightly.sh [--seconds N] [--report FILE]" >&2; exit 2 ;;
	esac
done
tree/fetch.sh all || exit $?
tmp=$report.tmp.$$
trap 'rm -f "$tmp"' EXIT
worst=0
for t in 6.1 6.12 7.3; do
	for e in libfuzzer afl; do
		echo "## $t $e" >> "$tmp"
		./kresv fuzz parse --tree "$t" --engine "$e" --seconds "$secs" >> "$tmp" 2>&1
		rc=$?
		[ $rc -gt $worst ] && worst=$rc
	done
done
mv "$tmp" "$report"
trap - EXIT
echo "kresv nightly: report in $report"
exit $worst
