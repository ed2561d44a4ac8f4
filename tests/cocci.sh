#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The Coccinelle rules in semantic-patches/: each rule on its fixtures
# (tests/cocci/<rule>/*.c against *.expected), on the three real trees
# (tests/cocci/trees/), on the mutation patches (tests/cocci/patches/), and
# under the kernel's own make coccicheck in a scratch copy of the 6.12 tree.
#
# An *.expected file holds the exact report output. Leading "# " lines are
# comments; "# args: ..." gives extra spatch arguments. NAME.expected
# belongs to NAME.c (fixtures), NAME.VARIANT.expected is a second run of
# the same input with other arguments.
: "${KRESV_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
source "$KRESV_ROOT/tests/lib.sh"

SP=$KRESV_ROOT/semantic-patches
FX=$KRESV_ROOT/tests/cocci
RULES=(linear_map_forced_pages dma_limit_early_use)
VERSIONS=(6.1 6.12 7.3)
SPATCH=${SPATCH:-spatch}
make_scratch
tmp=$SCRATCH
need_command "spatch available" "$SPATCH" "install coccinelle"

# rule_options RULE: the "// Options:" line, as coccicheck reads it
rule_options() {
	grep "Options:" "$SP/$1.cocci" | cut -d: -f2
}

# run_rule RULE ARGS... -- FILES...: report-mode output of RULE on FILES
# (run from the current directory so that paths stay relative)
run_rule() {
	local rule=$1 args=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		args+=("$1")
		shift
	done
	shift
	# shellcheck disable=SC2046
	"$SPATCH" --very-quiet -D report --no-show-diff $(rule_options "$rule") \
		"${args[@]}" --cocci-file "$SP/$rule.cocci" "$@" 2>"$tmp/stderr"
}

# expect_args FILE: extra arguments from the "# args:" line of FILE
expect_args() {
	sed -n 's/^# args://p' "$1" | head -n 1
}

# compare NAME EXPECTED ACTUAL_FILE: ok when ACTUAL equals EXPECTED minus
# its comment lines. On real trees, line and column numbers are compared
# when the tree is the version the expectations were recorded on ("#
# kernelversion" line); on a newer Debian update of the tree only files and
# messages are, since an update moves lines, not what the rule finds.
compare() {
	local name=$1 exp=$2 act=$3 d strip=cat want_kv tree have_kv
	want_kv=$(sed -n 's/^# kernelversion \([^ ]*\).*/\1/p' "$exp")
	if [ -n "$want_kv" ]; then
		tree=$(basename "$exp" | grep -oE '^(6\.12|6\.1|7\.3)')
		have_kv=$(sed -n 's/^kernelversion //p' "$KRESV_TREES/$tree/VERSION" 2>/dev/null)
		if [ "$have_kv" != "$want_kv" ]; then
			strip="sed -E s/^([^:]+):[0-9]+:[0-9]+-[0-9]+:/\1:/"
			name="$name (lines not compared: tree is ${have_kv:-unknown}, expectations are from $want_kv)"
		fi
	fi
	grep -v '^# ' "$exp" | $strip >"$tmp/want"
	$strip "$act" >"$tmp/got"
	if d=$(diff "$tmp/want" "$tmp/got"); then
		rm -f "$tmp/stderr"
		ok "$name"
	else
		local why
		why=$(printf '%s\n' "$d" | grep '^[<>]' | head -n 1)
		if [ -s "$tmp/stderr" ]; then
			why="$why (spatch: $(head -n 1 "$tmp/stderr"))"
		fi
		notok "$name" "$why"
	fi
}

# --- the rules compile -----------------------------------------------------
for rule in "${RULES[@]}"; do
	if "$SPATCH" --parse-cocci "$SP/$rule.cocci" >/dev/null 2>&1; then
		ok "$rule: rule parses"
	else
		notok "$rule: rule parses" "spatch --parse-cocci failed"
	fi
done

# --- fixtures --------------------------------------------------------------
for rule in "${RULES[@]}"; do
	for exp in "$FX/$rule"/*.expected; do
		[ -e "$exp" ] || continue
		base=$(basename "$exp" .expected)
		src=${base%%.*}.c
		read -r -a extra <<<"$(expect_args "$exp")"
		(cd "$FX/$rule" && run_rule "$rule" "${extra[@]}" -- "$src") \
			>"$tmp/out"
		compare "$rule: fixture $base" "$exp" "$tmp/out"
	done
done

# --- the real trees ----------------------------------------------------------
tree_files() {
	(cd "$1" && ls arch/arm64/kernel/setup.c arch/arm64/mm/*.c)
}

for v in "${VERSIONS[@]}"; do
	src=$KRESV_TREES/$v/src
	if [ ! -f "$src/arch/arm64/mm/mmu.c" ]; then
		notok "tree $v present" "no kernel tree at $src"
		continue
	fi
	mapfile -t files < <(tree_files "$src")
	for exp in "$FX/trees/$v".*.expected; do
		[ -e "$exp" ] || continue
		base=$(basename "$exp" .expected)
		rest=${base#"$v".}
		rule=${rest%%.*}
		read -r -a extra <<<"$(expect_args "$exp")"
		(cd "$src" && run_rule "$rule" "${extra[@]}" -- "${files[@]}") \
			>"$tmp/out"
		compare "$rule: Linux $v tree${rest#"$rule"}" "$exp" "$tmp/out"
	done
done

# --- mutation patches --------------------------------------------------------
for p in "$FX/patches"/*.patch; do
	[ -e "$p" ] || continue
	name=$(basename "$p" .patch)
	v=${name%%-*}
	src=$KRESV_TREES/$v/src
	if [ ! -f "$src/arch/arm64/mm/mmu.c" ]; then
		notok "mutation $name" "no kernel tree at $src"
		continue
	fi
	w=$tmp/mut/$name
	mkdir -p "$w/arch/arm64/kernel" "$w/arch/arm64/mm"
	cp "$src/arch/arm64/kernel/setup.c" "$w/arch/arm64/kernel/"
	cp "$src"/arch/arm64/mm/*.c "$w/arch/arm64/mm/"
	if ! out=$(cd "$w" && patch -p1 -s --no-backup-if-mismatch <"$p" 2>&1)
	then
		notok "mutation $name: patch applies" "$(echo "$out" | tail -n 1)"
		continue
	fi
	mapfile -t files < <(tree_files "$w")
	for exp in "$FX/patches/$name".*.expected; do
		[ -e "$exp" ] || continue
		base=$(basename "$exp" .expected)
		rest=${base#"$name".}
		rule=${rest%%.*}
		read -r -a extra <<<"$(expect_args "$exp")"
		(cd "$w" && run_rule "$rule" "${extra[@]}" -- "${files[@]}") \
			>"$tmp/out"
		compare "$rule: mutation $name${rest#"$rule"}" "$exp" "$tmp/out"
	done
done

# --- org and context modes on one fixture each -------------------------------
(cd "$FX/linear_map_forced_pages" &&
	"$SPATCH" --very-quiet -D org --no-show-diff --no-includes \
		--cocci-file "$SP/linear_map_forced_pages.cocci" pos_6_1.c) \
	>"$tmp/out" 2>/dev/null
if grep -q '^\* TODO \[\[view:pos_6_1.c::face=ovl-face1::linb=22::' "$tmp/out"
then
	ok "linear_map_forced_pages: org mode"
else
	notok "linear_map_forced_pages: org mode" "no TODO link for line 22"
fi
(cd "$FX/dma_limit_early_use" &&
	"$SPATCH" --very-quiet -D context --no-includes \
		--cocci-file "$SP/dma_limit_early_use.cocci" pos_renamed_setter.c) \
	>"$tmp/out" 2>/dev/null
if grep -q '^-.*memblock_phys_alloc_range(SZ_64M' "$tmp/out"; then
	ok "dma_limit_early_use: context mode"
else
	notok "dma_limit_early_use: context mode" "read not marked"
fi

# --- make coccicheck in a scratch copy of the 6.12 tree ----------------------
# A copy of Makefile, scripts/, arch/arm64/ and two headers is all that
# make coccicheck needs (no .config, no generated headers); the two 6.12
# mutations give it something to find.
src=$KRESV_TREES/6.12/src
if [ ! -f "$src/Makefile" ]; then
	notok "make coccicheck on 6.12" "no kernel tree at $src"
elif ! command -v make >/dev/null 2>&1; then
	skip "make coccicheck on 6.12" "make not installed"
else
	k=$tmp/kcopy
	mkdir -p "$k/arch" "$k/include/linux"
	cp "$src/Makefile" "$k/"
	cp -r "$src/scripts" "$k/"
	cp -r "$src/arch/arm64" "$k/arch/"
	# coccicheck passes these two with --include even under --no-includes
	cp "$src/include/linux/kconfig.h" "$src/include/linux/compiler-version.h" \
		"$k/include/linux/"
	for p in 6.12-reserve-in-memblock-init 6.12-forced-pages-in-map-mem; do
		(cd "$k" && patch -p1 -s --no-backup-if-mismatch \
			<"$FX/patches/$p.patch") >/dev/null 2>&1
	done
	for rule in "${RULES[@]}"; do
		name="$rule: make coccicheck M=arch/arm64 (6.12 + mutations)"
		if ! make -s -C "$k" coccicheck MODE=report ARCH=arm64 \
			COCCI="$SP/$rule.cocci" M=arch/arm64 J=2 \
			>"$tmp/mk.log" 2>&1; then
			notok "$name" "make failed: $(tail -n 1 "$tmp/mk.log")"
			continue
		fi
		if grep -q -e '^EXN' -e 'coccicheck failed' "$tmp/mk.log"; then
			notok "$name" "$(grep -m 1 -e '^EXN' -e 'failed' "$tmp/mk.log")"
			continue
		fi
		grep '^arch/arm64/' "$tmp/mk.log" >"$tmp/out"
		: >"$tmp/stderr"
		compare "$name" "$FX/coccicheck/6.12.$rule.expected" "$tmp/out"
	done
fi
