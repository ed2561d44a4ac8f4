# SPDX-License-Identifier: GPL-2.0
# 7.3's split_kernel_leaf_mapping() after the boot (docs/linear-map.md,
# "After the boot"): the scenario's `split BASE SIZE` lines, each run over
# the linear-map addresses of a physical range, then the walk and its
# oracles, and break-before-make on every write, with the CPU's BBM level.
#   - on a BBML3 CPU the tree splits live blocks (more PTEs and table pages
#     than the same boot without the lines), no finding, and RAM is still
#     mapped whole at the linear map's addresses;
#   - without BBML3 the tree returns early (linear_map_requires_bbml3 is
#     false): nothing changes;
#   - 200 random page-aligned ranges (a fixed seed, generated here) stay
#     silent;
#   - 6.1 and 6.12 have no such function: a `split` line is bad input.
# The mutations 7.3-split-without-bbml3 and 7.3-split-table-before-fill
# (tests/mutations.sh) are the oracle's side.
source "$KRESV_ROOT/tests/lib.sh"
need_command split jq "reads kresv-linear-map --json"
make_scratch
D=$KRESV_ROOT/tests/split
LM=$KRESV_ROOT/build/t/7.3/kresv-linear-map
RP=$KRESV_ROOT/build/t/7.3/kresv-replay

if [ ! -x "$LM" ] || [ ! -x "$RP" ]; then
	skip "split" "build/t/7.3 not built (make)"
	exit 0
fi

# summary JSON: counts, findings, the split calls' answers, and whether the
# ranges cover RAM at one linear-map offset
summary() {
	jq -r '[.linear_map.ptes, .linear_map.table_pages.total,
		.linear_map.pud_blocks, .linear_map.pmd_blocks,
		([.findings[].id] | join(",") | if . == "" then "-" else . end),
		((.splits // []) | if length == 0 then "-" else
			"\(length) calls, \([.[] | select(.ret != 0)] | length) non-zero" +
			([.[] | select(.ret != 0) | .ret | tostring] | unique |
			 if length > 0 then " (" + join(",") + ")" else "" end) end),
		([.linear_map.ranges[] | .end - .start] | add),
		([.linear_map.ranges[] | .va - .start] | unique | length),
		.linear_map.ranges_truncated] | @tsv'
}

# compare NAME SCENARIO WANT: WANT "split" (more PTEs and table pages than
# without the split lines) or "same" (the same map)
compare() {
	local name=$1 scn=$2 want=$3 a b
	grep -v '^split' "$scn" >"$SCRATCH/nosplit.scn"
	a=$("$LM" --json "$scn" | summary)
	b=$("$LM" --json "$SCRATCH/nosplit.scn" | summary)
	IFS=$'\t' read -r ptes tp pud pmd ids rets bytes offsets trunc <<<"$a"
	IFS=$'\t' read -r ptes0 tp0 pud0 pmd0 ids0 rets0 bytes0 offsets0 trunc0 <<<"$b"
	echo "# $name: ptes $ptes0 -> $ptes, table pages $tp0 -> $tp, pud blocks $pud0 -> $pud, pmd blocks $pmd0 -> $pmd; returns $rets; findings $ids"
	if [ "$ids" != - ] || [ "$ids0" != - ]; then
		notok "$name" "findings: $ids (without the split lines: $ids0)"
	elif [[ "$rets" != *" 0 non-zero" ]]; then
		notok "$name" "split_kernel_leaf_mapping() returned $rets"
	elif [ "$trunc" != false ] || [ "$bytes" != "$bytes0" ] || [ "$offsets" != 1 ]; then
		notok "$name" "RAM not mapped as before: $bytes bytes (before $bytes0) at $offsets offsets"
	elif [ "$want" = split ] &&
	     { [ "$ptes" -le "$ptes0" ] || [ "$tp" -le "$tp0" ]; }; then
		notok "$name" "no split: ptes $ptes0 -> $ptes, table pages $tp0 -> $tp"
	elif [ "$want" = same ] &&
	     [ "$ptes $tp $pud $pmd" != "$ptes0 $tp0 $pud0 $pmd0" ]; then
		notok "$name" "the map changed"
	else
		ok "$name"
	fi
}

compare "split 7.3 virt-8g, cpu bbml3: blocks split, RAM mapped as before, no finding" \
	"$D/virt-8g-bbml3-split.scn" split
compare "split 7.3 virt-1g, cpu bbml3: blocks split, RAM mapped as before, no finding" \
	"$D/virt-1g-bbml3-split.scn" split
compare "split 7.3 virt-8g, no BBML3, blocks (rodata=noalias, early KFENCE): the tree returns early, nothing changes" \
	"$D/virt-8g-noalias-kfence-split.scn" same
sed -e '/^cpu bbml3/d' "$D/virt-8g-bbml3-split.scn" >"$SCRATCH/pages.scn"
compare "split 7.3 virt-8g, no BBML3, rodata=on (pages): nothing to split" \
	"$SCRATCH/pages.scn" same

# which levels split: the granularity at an address of each range
gran_at() {
	jq -r --argjson a $(($2)) '.linear_map.ranges[] |
		select(.start <= $a and $a < .end) | .granularity' <<<"$1"
}
json=$("$LM" --json "$D/virt-8g-bbml3-split.scn")
out=
for a in 0x80123000 0x80000000 0xbfff0000 0x100000000 0x140010000 0x1c0200000 0x1e2000000; do
	out="$out $a:$(gran_at "$json" $a)"
done
want=" 0x80123000:pte 0x80000000:cont-pte 0xbfff0000:cont-pte 0x100000000:pte 0x140010000:cont-pte 0x1c0200000:pmd-block 0x1e2000000:cont-pmd"
if [ "$out" = "$want" ]; then
	ok "split 7.3 virt-8g: pages split to the page, their neighbours to contiguous groups; a 2 MiB range keeps its block, a 32 MiB group its contiguous bit"
else
	notok "split 7.3 virt-8g: granularity after the split" "$out (want$want)"
fi

# the tree's answer to an unaligned range: -EINVAL, nothing split
printf 'memory 0x40000000 8G\ncpu bbml3\ncmdline "rodata=on"\nsplit 0x80123800 0x1000\n' >"$SCRATCH/unaligned.scn"
IFS=$'\t' read -r _ _ _ _ ids rets _ <<<"$("$LM" --json "$SCRATCH/unaligned.scn" | summary)"
if [ "$rets" = "1 calls, 1 non-zero (-22)" ] && [ "$ids" = - ]; then
	ok "split 7.3: an unaligned range is the tree's -EINVAL, no finding"
else
	notok "split 7.3: unaligned range" "returns $rets, findings $ids"
fi

# the replay runs them after the boot and lists the calls
out=$("$RP" "$D/virt-8g-bbml3-split.scn")
n=$(grep -c '^  split_kernel_leaf_mapping(0x[0-9a-f]*, 0x[0-9a-f]*) = 0 (phys ' <<<"$out")
if [ "$n" -eq 6 ] && ! grep -q 'WARNING:' <<<"$out" &&
   grep -q '^  split_kernel_leaf_mapping(0xffff000040123000, 0xffff000040128000) = 0 (phys 0x80123000-0x80127fff)$' <<<"$out"; then
	ok "split 7.3 replay: the six calls in its stub calls, with their answers, no finding"
else
	notok "split 7.3 replay" "$n calls listed: $(grep -m2 'WARNING\|split_kernel' <<<"$out" | tr '\n' ' ')"
fi

# random ranges: page-aligned, inside RAM, sizes from a page to 1 GiB,
# from a fixed seed (a 64-bit LCG in the shell: the same on every host)
# random_splits SEED N RAM_BASE RAM_SIZE
random_splits() {
	local state=$1 n=$2 base=$3 size=$4 pages i r npages start
	pages=$((size >> 12))
	for ((i = 0; i < n; i++)); do
		state=$((state * 6364136223846793005 + 1442695040888963407))
		r=$(((state >> 33) & 0x7fffffff))
		case $((r % 4)) in
		0) npages=$((1 + (r >> 2) % 16)) ;;
		1) npages=$((1 + (r >> 2) % 1024)) ;;
		2) npages=$((1 + (r >> 2) % 32768)) ;;
		*) npages=$((1 + (r >> 2) % 262144)) ;;
		esac
		state=$((state * 6364136223846793005 + 1442695040888963407))
		r=$(((state >> 33) & 0x7fffffff))
		start=$((r % (pages - npages + 1)))
		printf 'split 0x%x 0x%x\n' $((base + (start << 12))) $((npages << 12))
	done
}

seed=${KRESV_SPLIT_SEED:-1}
for m in "8G $((8 << 30))" "1G $((1 << 30))"; do
	read -r label bytes <<<"$m"
	{
		printf 'memory 0x40000000 %s\ncpu bbml3\n' "$label"
		printf 'cmdline "console=ttyAMA0 rodata=on crashkernel=256M"\n'
		random_splits "$seed" 200 $((0x40000000)) "$bytes"
	} >"$SCRATCH/random-$label.scn"
	compare "split 7.3 virt-$label, cpu bbml3: 200 random ranges (seed $seed) split, silent" \
		"$SCRATCH/random-$label.scn" split
	t0=$(date +%s%N)
	"$LM" "$SCRATCH/random-$label.scn" >/dev/null
	t1=$(date +%s%N)
	echo "# kresv-linear-map, $label with 200 random splits: $(( (t1 - t0) / 1000000 )) ms (ASan, UBSan; two boots: crashkernel= makes the counterfactual one)"
done

# the other trees have no split_kernel_leaf_mapping(): bad input
for tree in 6.1 6.12; do
	for tool in kresv-linear-map kresv-replay; do
		bin=$KRESV_ROOT/build/t/$tree/$tool
		[ -x "$bin" ] || { skip "split $tree $tool" "not built"; continue; }
		expect_error "split $tree $tool: a split line is bad input naming its line" 2 \
			": $D/virt-8g-bbml3-split.scn:7: split: this tree has no split_kernel_leaf_mapping()" \
			"$bin" "$D/virt-8g-bbml3-split.scn"
	done
done
