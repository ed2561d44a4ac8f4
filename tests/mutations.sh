# SPDX-License-Identifier: GPL-2.0
# Mutation tests: each tests/mutations/*.patch is a small change of our own
# to a real tree, applied to a copy at test time; kresv must see it. The
# patch header says on which tree ("Tree:") and how it is caught
# ("Caught-by: table" | "Caught-by: ORACLE_ID RAM CMDLINE" |
#  "Caught-by: sanitizer KERNEL_FILE RAM CMDLINE" |
#  "Caught-by: replay ORACLE_ID LAYOUT" | "Caught-by: replay-expectations":
#  the recorded expectations of corpus/layouts no longer all hold |
#  "Caught-by: linear-map ORACLE_ID SCENARIO": kresv-linear-map).
source "$KRESV_ROOT/tests/lib.sh"
source "$KRESV_ROOT/tests/parse_table.sh"

# mutant_tree PATCH TREE: a copy of TREE with PATCH applied, in
# build/mutants/NAME (links for what the patch does not touch)
mutant_tree() {
	local patch=$1 src=$KRESV_TREES/$2/src name dst f top
	name=$(basename "$patch" .patch)
	dst=$KRESV_ROOT/build/mutants/$name
	rm -rf "$dst" && mkdir -p "$dst" || return 1
	for f in "$src"/*; do
		ln -s "$f" "$dst/$(basename "$f")"
	done
	for f in $(sed -n 's|^+++ b/\([^ \t]*\).*|\1|p' "$patch"); do
		top=${f%%/*}
		if [ -L "$dst/$top" ]; then
			rm "$dst/$top" && cp -as "$src/$top" "$dst/$top" || return 1
		fi
		rm -f "$dst/$f" && cp "$src/$f" "$dst/$f" || return 1
	done
	patch -s -p1 -d "$dst" < "$patch" >/dev/null || return 1
	printf '%s\n' "$dst"
}

for p in "$KRESV_ROOT"/tests/mutations/*.patch; do
	name=mutation-$(basename "$p" .patch)
	tree=$(sed -n 's/^Tree: //p' "$p")
	read -r how a b c <<<"$(sed -n 's/^Caught-by: //p' "$p")"
	if ! dst=$(mutant_tree "$p" "$tree"); then
		notok "$name" "patch does not apply to tree $tree"
		continue
	fi
	out=$(make -s -C "$KRESV_ROOT" KSRC="$dst" KRESV_FAST_REPLAY=no \
		KCONFIG="$KRESV_TREES/$tree/config" 2>&1) ||
		{ notok "$name" "mutant does not build: $(tail -n1 <<<"$out")"; continue; }
	bdir=$KRESV_ROOT/build/t/ksrc-$(printf %s "$dst" | md5sum | cut -c1-8)
	orig=$KRESV_ROOT/build/t/$tree
	case $how in
	table)
		fails=$(run_table "$bdir" "$tree" | grep -c '^not ok')
		if [ "$fails" -gt 0 ]; then
			ok "$name (caught by $fails table rows)"
		else
			notok "$name" "no table row sees the mutation"
		fi
		;;
	replay)
		if ! "$bdir/kresv-replay" --tree-name "$tree" "$KRESV_ROOT/$b" |
			grep -q "WARNING: $a:"; then
			notok "$name" "$a not reported on $b"
		elif "$orig/kresv-replay" --tree-name "$tree" "$KRESV_ROOT/$b" |
			grep -q "WARNING: $a:"; then
			notok "$name" "$a is reported on the unpatched tree too"
		else
			ok "$name (caught by $a)"
		fi
		;;
	linear-map)
		if ! "$bdir/kresv-linear-map" "$KRESV_ROOT/$b" |
			grep -q "WARNING: $a:"; then
			notok "$name" "$a not reported on $b"
		elif "$orig/kresv-linear-map" "$KRESV_ROOT/$b" |
			grep -q "WARNING: $a:"; then
			notok "$name" "$a is reported on the unpatched tree too"
		else
			ok "$name (caught by $a)"
		fi
		;;
	replay-expectations)
		n=0
		for l in "$KRESV_ROOT"/corpus/layouts/*.scn; do
			"$bdir/kresv-replay" --tree-name "$tree" "$l" |
				grep -q 'WARNING: EXPECT_NOT_MET:' && n=$((n + 1))
		done
		if [ $n -gt 0 ]; then
			ok "$name (caught by the expectations of $n layouts)"
		else
			notok "$name" "every layout's expectations still hold"
		fi
		;;
	sanitizer)
		out=$("$bdir/kresv-parse" --ram "$b" "$c" 2>&1)
		if grep -q 'Sanitizer' <<<"$out" &&
		   grep -q "$dst/$a:[0-9]" <<<"$out"; then
			ok "$name (report names $a:$(grep -o "$a:[0-9]*" <<<"$out" | head -n1 | cut -d: -f2))"
		else
			notok "$name" "no sanitizer report naming $a"
		fi
		"$orig/kresv-parse" --ram "$b" "$c" >/dev/null 2>&1
		[ $? -le 1 ] || notok "$name (unpatched tree)" "the unpatched tree fails too"
		;;
	*)
		if ! "$bdir/kresv-parse" --ram "$a" "$b" | grep -q "WARNING: $how:"; then
			notok "$name" "$how not reported for $a '$b'"
		elif "$orig/kresv-parse" --ram "$a" "$b" | grep -q "WARNING: $how:"; then
			notok "$name" "$how is reported on the unpatched tree too"
		else
			ok "$name (caught by $how)"
		fi
		;;
	esac
done
