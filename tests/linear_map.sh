# SPDX-License-Identifier: GPL-2.0
# The linear map the trees' own map_mem() builds (kresv-linear-map), the
# seeds' headline: with Debian's configs (ZONE_DMA and ZONE_DMA32 on) and
# `rodata=on crashkernel=256M`, 6.1 maps the whole linear map with 4K pages
# because of crashkernel= (LINEAR_MAP_FORCED_PAGES); 6.12 and 7.3 do not
# force pages for crashkernel=, but
#   - Debian's 6.12 and 7.3 configs have KFENCE with sample_interval 0, so
#     KFENCE may start late and can_set_direct_map() asks for pages anyway,
#     unless kfence.sample_interval= gives it an early pool;
#   - in 7.3, rodata=on means rodata_full (asm/setup.h: "on" is full,
#     "noalias" is the old "on"), so force_pte_mapping() asks for pages
#     unless the CPU has BBML3.
# Each line: TREE SCENARIO (tests/linear_map/) WHAT
#   forced  LINEAR_MAP_FORCED_PAGES, and no PUD block or contiguous group
#   pages   no block outside the kernel image's alias, no finding
#   blocks  PUD blocks, no finding
#   none    no finding
#   ID      exactly that finding (on a clean tree)
# The counts are printed as comments: they are the figures of the README.
source "$KRESV_ROOT/tests/lib.sh"
need_command linear-map jq "reads kresv-linear-map --json"

table="
6.1  virt-8g-rodata-on-crash                forced
6.12 virt-8g-rodata-on-crash                pages
6.12 virt-8g-rodata-on-crash-kfence         blocks
7.3  virt-8g-rodata-on-crash                pages
7.3  virt-8g-rodata-on-crash-kfence         pages
7.3  virt-8g-rodata-on-crash-bbml3          blocks
6.1  server-256g-rodata-on-crash            forced
6.1  server-256g-rodata-on-crash-kfence     forced
6.12 server-256g-rodata-on-crash            pages
6.12 server-256g-rodata-on-crash-kfence     blocks
7.3  server-256g-rodata-on-crash            pages
7.3  server-256g-rodata-on-crash-bbml3      blocks
6.12 virt-8g-lpa2                           blocks
7.3  virt-8g-lpa2                           blocks
6.1  virt-1g-nomap-unaligned                NOMAP_MAPPED
6.12 virt-1g-nomap-unaligned                none
7.3  virt-1g-nomap-unaligned                none
6.1  virt-1536m-rodata-on                   none
6.12 virt-1536m-rodata-on                   none
7.3  virt-1536m-rodata-on                   none
6.1  virt-1536m-image-high                  none
6.12 virt-1536m-image-high                  none
7.3  virt-1536m-image-high                  none
6.1  virt-1g-32k-rodata-on                  none
6.12 virt-1g-32k-rodata-on                  none
7.3  virt-1g-32k-rodata-on                  none
"

while read -r tree scn what; do
	[ -n "$tree" ] || continue
	bin=$KRESV_ROOT/build/t/$tree/kresv-linear-map
	name="linear-map $tree $scn: $what"
	if [ ! -x "$bin" ]; then
		skip "$name" "build/t/$tree/kresv-linear-map not built (make)"
		continue
	fi
	json=$("$bin" --json --label "$tree" "$KRESV_ROOT/tests/linear_map/$scn.scn")
	rc=$?
	if [ $rc -gt 1 ]; then
		notok "$name" "kresv-linear-map exited $rc"
		continue
	fi
	read -r pud pmd cpmd cpte ptes tp bytes ids <<<"$(jq -r '[.linear_map.pud_blocks,
		.linear_map.pmd_blocks, .linear_map.cont_pmd, .linear_map.cont_pte,
		.linear_map.ptes, .linear_map.table_pages.total,
		.linear_map.table_pages.bytes,
		([.findings[].id] | join(",") | if . == "" then "-" else . end)]
		| @tsv' <<<"$json")"
	alt=$(jq -r 'if .without_crashkernel then
		"without crashkernel=: \(.without_crashkernel.pud_blocks) pud, \(.without_crashkernel.pmd_blocks) pmd, \(.without_crashkernel.ptes) ptes, \(.without_crashkernel.table_pages.total) table pages"
		else "" end' <<<"$json")
	echo "# $tree $scn: pud_blocks $pud pmd_blocks $pmd cont_pmd $cpmd cont_pte $cpte ptes $ptes table_pages $tp ($((bytes / 1024)) KiB) findings $ids${alt:+; $alt}"
	pages_only=$(jq -r '[.linear_map.ranges[] | select(.granularity != "pte")
		| select(.end - .start > 64 * 1048576)] | length' <<<"$json")
	case $what in
	forced)
		if [ "$ids" != LINEAR_MAP_FORCED_PAGES ]; then
			notok "$name" "findings: $ids"
		elif [ "$pud" -ne 0 ] || [ "$cpmd" -ne 0 ] || [ "$cpte" -ne 0 ]; then
			notok "$name" "blocks left: $pud pud, $cpmd cont pmd, $cpte cont pte"
		else
			ok "$name"
		fi
		;;
	pages)
		if [ "$ids" != - ]; then
			notok "$name" "findings: $ids"
		elif [ "$pud" -ne 0 ] || [ "$pages_only" -ne 0 ]; then
			notok "$name" "blocks beyond the kernel image's alias"
		else
			ok "$name"
		fi
		;;
	blocks)
		if [ "$ids" != - ]; then
			notok "$name" "findings: $ids"
		elif [ "$pud" -eq 0 ]; then
			notok "$name" "no PUD block"
		else
			ok "$name"
		fi
		;;
	none)
		if [ "$ids" != - ]; then
			notok "$name" "findings: $ids"
		else
			ok "$name"
		fi
		;;
	*)
		if [ "$ids" != "$what" ]; then
			notok "$name" "findings: $ids"
		else
			ok "$name"
		fi
		;;
	esac
done <<<"$table"

# five levels with LPA2 on the 52-bit trees, four (folded) without
for tree in 6.12 7.3; do
	bin=$KRESV_ROOT/build/t/$tree/kresv-linear-map
	[ -x "$bin" ] || continue
	l5=$("$bin" --json "$KRESV_ROOT/tests/linear_map/virt-8g-lpa2.scn" | jq .levels)
	l4=$("$bin" --json "$KRESV_ROOT/tests/linear_map/virt-8g-rodata-on-crash-bbml3.scn" | jq .levels)
	if [ "$l5" = 5 ] && [ "$l4" = 4 ]; then
		ok "linear-map $tree: 5 levels with cpu lpa2, 4 without"
	else
		notok "linear-map $tree: levels" "$l5 with lpa2, $l4 without"
	fi
done

# silent on the corpus: no finding but LINEAR_MAP_FORCED_PAGES and the
# boot findings tests/replay/findings.txt lists for the layout, no crash
# (layouts above 16 GiB are left to the table above: page-granular maps of
# them take seconds each under ASan)
for tree in 6.1 6.12 7.3; do
	bin=$KRESV_ROOT/build/t/$tree/kresv-linear-map
	[ -x "$bin" ] || continue
	bad= n=0
	for l in "$KRESV_ROOT"/corpus/layouts/*.scn; do
		ram=$(awk '$1 == "memory" { print $3 }' "$l" |
			numfmt --from=iec 2>/dev/null | awk '{ s += $1 } END { printf "%.0f\n", s }')
		[ "$ram" -gt $((16 << 30)) ] && continue
		out=$("$bin" "$l" 2>&1)
		rc=$?
		[ $rc -eq 2 ] && continue	# config lines: not this build
		n=$((n + 1))
		known=$(awk -v n="$(basename "$l" .scn)" -v t="$tree" \
			'$1 == n && $2 == t { printf "|%s", $3 }' \
			"$KRESV_ROOT/tests/replay/findings.txt")
		if [ $rc -gt 1 ] || grep -q Sanitizer <<<"$out" ||
		   grep 'WARNING:' <<<"$out" |
		   grep -Evq "WARNING: (LINEAR_MAP_FORCED_PAGES$known):"; then
			bad="$bad $(basename "$l")"
		fi
	done
	if [ -z "$bad" ]; then
		ok "linear-map $tree: silent on $n corpus layouts"
	else
		notok "linear-map $tree: corpus" "findings or failures on$bad"
	fi
done

# the front command: ./kresv linear-map
make_scratch
printf 'memory 0x40000000 2G\ncmdline "rodata=on crashkernel=256M"\n' >"$SCRATCH/front.scn"
out=$("$KRESV_ROOT/kresv" linear-map --tree 6.1 "$SCRATCH/front.scn" 2>&1)
rc=$?
if [ $rc -eq 1 ] && grep -q '^tree:      6.1 (Linux ' <<<"$out" &&
	grep -q '^linear_map:' <<<"$out" &&
	grep -q 'WARNING: LINEAR_MAP_FORCED_PAGES:' <<<"$out"; then
	ok "kresv linear-map: 6.1's forced pages through the front command, exit 1"
else
	notok "kresv linear-map: front" "rc $rc: $(tail -n 3 <<<"$out")"
fi
expect_error "kresv linear-map: unknown option" 2 "linear-map: unknown option --bogus" \
	"$KRESV_ROOT/kresv" linear-map --bogus "$SCRATCH/front.scn"
expect_error "kresv linear-map: no scenario" 2 "linear-map: no scenario given" \
	"$KRESV_ROOT/kresv" linear-map --tree 6.1

# config lines and --page-size: ./kresv linear-map builds the tree for that
# configuration as the replay does, and shows the replay's linear map
printf 'memory 0x40000000 8G\ncmdline "console=ttyAMA0 rodata=on cma=64M"\n' >"$SCRATCH/64k.scn"
lm=$("$KRESV_ROOT/kresv" linear-map --tree 6.1 --page-size 64K --json "$SCRATCH/64k.scn" 2>"$SCRATCH/lm.err")
rp=$("$KRESV_ROOT/kresv" replay --tree 6.1 --page-size 64K --json "$SCRATCH/64k.scn" 2>"$SCRATCH/rp.err")
a=$(jq -c '.linear_map | del(.ranges) ' <<<"$lm" 2>/dev/null)
b=$(jq -c '.linear_map | del(.ranges)' <<<"$rp" 2>/dev/null)
if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$(jq .linear_map.pmd_blocks <<<"$lm")" -gt 0 ] &&
	jq -e '.linear_map.ranges[] | select(.granularity == "pmd-block") | select(.end - .start >= 536870912)' <<<"$lm" >/dev/null; then
	ok "kresv linear-map 6.1 --page-size 64K: 512 MiB blocks, the replay's map ($(jq -c '{pmd_blocks: .linear_map.pmd_blocks, ptes: .linear_map.ptes}' <<<"$lm"))"
else
	notok "kresv linear-map --page-size 64K" "linear-map '$a' replay '$b' $(tail -n 2 "$SCRATCH/lm.err" "$SCRATCH/rp.err")"
fi
{ cat "$SCRATCH/64k.scn"; awk '$1 == "crash_core" && $2 == "64K" {
	for (i = 3; i <= NF; i++) print "config " $i }' "$KRESV_ROOT/tree/page-sizes"; } >"$SCRATCH/64k-config.scn"
out=$("$KRESV_ROOT/kresv" linear-map --tree 6.1 --json "$SCRATCH/64k-config.scn" 2>"$SCRATCH/cfg.err")
if [ "$(jq -c '.linear_map | del(.ranges)' <<<"$out" 2>/dev/null)" = "$a" ]; then
	ok "kresv linear-map 6.1: config lines of a 64K build give the --page-size 64K map"
else
	notok "kresv linear-map: config lines" "$(tail -n 2 "$SCRATCH/cfg.err")"
fi
expect_error "kresv-linear-map: the tree's own build refuses config lines" 2 \
	"config lines need a build for that configuration: run it with ./kresv replay or ./kresv linear-map" \
	"$KRESV_ROOT/build/t/6.1/kresv-linear-map" "$SCRATCH/64k-config.scn"

# The kernel image's own mapping (6.1's map_kernel(), the pi code of 6.12
# and 7.3): reported whole, text read-only and executable, data writable
# and not executable; rodata=off (the pi code reads it from the command
# line itself) makes the text writable. The image's span from the
# replay's reservation of it; 6.1's map_kernel() takes its table pages
# from memblock, and the idmap the rest of the measured count.
printf 'memory 0x40000000 1G\ncmdline "console=ttyAMA0"\n' > "$SCRATCH/img.scn"
printf 'memory 0x40000000 1G\ncmdline "rodata=off"\n' > "$SCRATCH/img-rodata-off.scn"
for tree in 6.1 6.12 7.3; do
	j=$("$KRESV_ROOT/kresv" replay --tree "$tree" --json "$SCRATCH/img.scn" 2>&1)
	got=$(jq -r '[.kernel_image.complete,
		([.kernel_image.ranges[].perm] | unique | join(",")),
		([.kernel_image.ranges[] | .end - .start] | add),
		(.reservations[] | select(.name == "kernel") | .end - .start),
		(.kernel_image.ranges | map(.va - .start) | unique | length),
		.kernel_image.pmd_blocks, .kernel_image.table_pages.total] | @tsv' <<<"$j" 2>/dev/null)
	read -r complete perms mapped size deltas pmd tables <<<"$got"
	# [_text, _stext) is 64 KiB: mapped by 6.12 and 7.3, not by 6.1
	if [ "$complete" = true ] && [ "$perms" = "r-x,rw-" ] &&
	   [ "$deltas" = 1 ] && [ "$pmd" -gt 0 ] && [ "$tables" -gt 0 ] &&
	   [ $((size - mapped)) -ge 0 ] && [ $((size - mapped)) -le 65536 ]; then
		ok "kernel image $tree: mapped whole, text r-x, data rw- ($mapped of $size bytes, $pmd PMD blocks, $tables table pages)"
	else
		notok "kernel image $tree" "complete=$complete perms=$perms mapped=$mapped size=$size deltas=$deltas pmd=$pmd tables=$tables"
	fi
	perms=$("$KRESV_ROOT/kresv" replay --tree "$tree" --json "$SCRATCH/img-rodata-off.scn" 2>&1 |
		jq -r '[.kernel_image.ranges[].perm] | unique | join(",")' 2>/dev/null)
	if [ "$perms" = "rw-,rwx" ]; then
		ok "kernel image $tree: rodata=off maps the text writable"
	else
		notok "kernel image $tree: rodata=off" "permissions $perms"
	fi
done
j=$("$KRESV_ROOT/kresv" replay --tree 6.1 "$SCRATCH/img.scn" 2>&1)
read -r idmap taken <<<"$(sed -n 's/.*idmap early_pgtable_alloc \([0-9]*\) pages.*(model: 11 measured with map_kernel().s \([0-9]*\))$/\1 \2/p' <<<"$j")"
tables=$("$KRESV_ROOT/kresv" replay --tree 6.1 --json "$SCRATCH/img.scn" | jq .kernel_image.table_pages.total)
if [ -n "$taken" ] && [ "$taken" = "$tables" ] && [ $((idmap + taken)) -eq 11 ]; then
	ok "kernel image 6.1: map_kernel() takes $taken table pages from memblock, the idmap the other $idmap of 11"
else
	notok "kernel image 6.1: table pages" "idmap '$idmap' map_kernel '$taken' walk '$tables'"
fi
