#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prints the manifest that fits a kernel tree: the one whose DETECT file
# defines parse_crashkernel(). Exit 3 when the tree has none.
# usage: family.sh TREE_DIR
dir=$(dirname "$0")/manifests
for m in "$dir"/*.mk; do
	f=$(sed -n 's/^DETECT := //p' "$m")
	if grep -qs '^int __init parse_crashkernel(' "$1/$f"; then
		echo "$m"
		exit 0
	fi
done
echo "kresv: $1: no kernel/crash_reserve.c or kernel/crash_core.c defining parse_crashkernel()" >&2
exit 3
