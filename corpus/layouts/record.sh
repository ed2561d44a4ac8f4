#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Records what the boot model prints for each layout on each default tree as
# `expect TREE LINE` lines at the end of the file, after a marker line; the
# lines above the marker (written by hand, e.g. from real boots) are kept.
# Run after a deliberate change of the model or of a tree, then review the
# diff: these expectations are regression data, not ground truth.
# usage: corpus/layouts/record.sh [FILE.scn...]
set -euo pipefail
cd "$(dirname "$0")/../.."
marker='# --- recorded by corpus/layouts/record.sh: the boot model on each tree'
[ $# -gt 0 ] || set -- corpus/layouts/*.scn
tmp=
trap 'rm -f "$tmp"' EXIT
for f in "$@"; do
	tmp=$f.tmp.$$
	awk -v m="$marker" '$0 == m { exit } { print }' "$f" > "$tmp"
	echo "$marker" >> "$tmp"
	for t in 6.1 6.12 7.3; do
		build/t/$t/kresv-replay --tree-name $t "$f" 2>/dev/null |
			sed -n '/^log:/,/^dma limit:/p' | sed '1d;$d' |
			sed "s/^  /expect $t /" >> "$tmp" || true
	done
	mv "$tmp" "$f"
done
