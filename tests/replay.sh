# SPDX-License-Identifier: GPL-2.0
# The boot model on the corpus: every layout replays on every default tree
# under ASan/UBSan, meets its recorded expectations, and shows exactly the
# findings listed in tests/replay/findings.txt.
source "$KRESV_ROOT/tests/lib.sh"
need_command replay jq "reads kresv-replay --json"
make_scratch
K=$KRESV_ROOT/kresv

for t in 6.1 6.12 7.3; do
	bin=$KRESV_ROOT/build/t/$t/kresv-replay
	fast=$KRESV_ROOT/build/t/$t/fast/kresv-replay
	if [ ! -x "$bin" ] || [ ! -x "$fast" ]; then
		notok "replay $t" "build/t/$t/kresv-replay or fast/kresv-replay not built (make)"
		continue
	fi
	differ=''
	for l in "$KRESV_ROOT"/corpus/layouts/*.scn; do
		name=$(basename "$l" .scn)
		out=$(ASAN_OPTIONS=detect_leaks=1 "$bin" --tree-name "$t" "$l" 2>&1)
		rc=$?
		# the build without sanitizers (./kresv replay's default)
		# prints the same, exits the same
		fout=$("$fast" --tree-name "$t" "$l" 2>&1)
		[ $? = $rc ] && [ "$fout" = "$out" ] || differ+=" $name"
		want=$(awk -v n="$name" -v t="$t" '$1 == n && $2 == t { print $3 }' \
			"$KRESV_ROOT/tests/replay/findings.txt" | sort)
		got=$(grep -o 'WARNING: [A-Z_]*:' <<<"$out" | cut -d' ' -f2 | tr -d : | sort -u)
		if [ $rc -gt 1 ] || grep -q 'Sanitizer\|runtime error' <<<"$out"; then
			notok "replay $t $name" "rc $rc: $(tail -n1 <<<"$out")"
		elif grep -q EXPECT_NOT_MET <<<"$out"; then
			notok "replay $t $name" "$(grep -m1 EXPECT_NOT_MET <<<"$out")"
		elif [ "$got" != "$want" ]; then
			notok "replay $t $name" "findings '${got//$'\n'/ }', want '${want//$'\n'/ }'"
		else
			ok "replay $t $name${want:+ (${want//$'\n'/ })}"
		fi
	done
	if [ -z "$differ" ]; then
		ok "replay $t: the build without sanitizers prints what the ASan/UBSan build does, corpus-wide"
	else
		notok "replay $t: builds differ" "on$differ"
	fi
done

# without a `kernel` line the image goes to the lowest bank that holds it
# (small-first-bank: 16 MiB, then a bank at 0x840000000)
l=$KRESV_ROOT/corpus/layouts/small-first-bank.scn
for t in 6.1 6.12 7.3; do
	k=$("$KRESV_ROOT/build/t/$t/kresv-replay" --json "$l" 2>/dev/null |
		jq -r '.reservations[] | select(.name == "kernel") | "\(.start) \(.end)"')
	if [ -n "$k" ] && [ "${k% *}" -ge $((0x840000000)) ] &&
		[ "${k#* }" -le $((0x840000000 + (1 << 30))) ]; then
		ok "replay $t: the default image placement skips a bank too small for the image"
	else
		notok "replay $t: default image placement" "kernel at '$k'"
	fi
done

# ... and, as the EFI stub loads it into free memory, past the firmware's
# ranges: a 48 MiB reserved range at the start of the only bank
printf 'memory 0x40000000 1G\nreserved 0x40000000 48M tfa\nnomap 0x43000000 4M\n' \
	> "$SCRATCH/fw-first.scn"
for t in 6.1 6.12 7.3; do
	k=$("$KRESV_ROOT/build/t/$t/kresv-replay" --json "$SCRATCH/fw-first.scn" 2>/dev/null |
		jq -r '.reservations[] | select(.name == "kernel") | .start')
	if [ "$k" = $((0x43400000)) ]; then
		ok "replay $t: the default image goes to the lowest 2 MiB boundary past the reserved and no-map ranges"
	else
		notok "replay $t: default image past firmware ranges" "kernel at '$k', want $((0x43400000))"
	fi
done
# firmware that reserves all of RAM leaves the image no room: bad input
# (a fuzz find: every tree's page-table allocation then BUG()s)
printf 'memory 0x80000000 64M\nreserved 0x80000000 64M tfa\ncmdline "crashkernel=256M"\n' \
	> "$SCRATCH/no-room.scn"
expect_error "replay: a machine whose firmware ranges leave the image no room is refused" 2 \
	"no-room.scn: no room for the kernel image: reserved and no-map ranges cover every place" \
	"$K" replay --tree 6.12 "$SCRATCH/no-room.scn"
# so do banks all smaller than the image: the EFI stub could not load it
# (a fuzz find on 7.3: the model's image laid across the hole after a
# 32 MiB bank and over a no-map range BUG()ed in map_mem())
printf 'memory 0x0 32M\nmemory 0x12000000 32M\nnomap 0x1aff000 2M optee\ncpu bbml3\n' \
	> "$SCRATCH/no-bank.scn"
expect_error "replay: a machine with no bank that holds the image is refused" 2 \
	"no-bank.scn: no room for the kernel image: no bank of RAM holds its 0x2a10000 bytes" \
	"$K" replay --tree 7.3 "$SCRATCH/no-bank.scn"
printf 'memory 0x80000000 64M\nreserved 0x80000000 64M tfa\nkernel 0x80000000 0x2a10000\n' \
	> "$SCRATCH/no-room-kernel.scn"
out=$("$K" replay --tree 6.12 "$SCRATCH/no-room-kernel.scn" 2>&1)
if [ $? -le 1 ] && grep -q 'KERNEL_PANIC' <<<"$out"; then
	ok "replay: with a kernel line the same machine boots, and the tree panics"
else
	notok "replay: kernel line in reserved RAM" "$(tail -n1 <<<"$out")"
fi

# DMA masters that reach no RAM, or a byte of it (dma-max 0, RAM above 0
# or at 0): no crash region could suit them, and CRASH_ABOVE_DMA_LIMIT
# stays silent (fuzz finds on 6.12 and 7.3, where every tree reserves one);
# a limit that leaves RAM below it still fires (tests/replay/findings.txt)
for t in 6.1 6.12 7.3; do
	for ram in 0x80000000 0x0; do
		printf 'memory %s 2G\ndma-max 0\ncmdline "crashkernel=256M"\n' "$ram" \
			> "$SCRATCH/dma-below.scn"
		out=$("$KRESV_ROOT/build/t/$t/kresv-replay" "$SCRATCH/dma-below.scn" 2>&1)
		if [ $? -le 1 ] && ! grep -q CRASH_ABOVE_DMA_LIMIT <<<"$out" &&
			grep -q '^  crashkernel' <<<"$out"; then
			ok "replay $t: dma-max 0, RAM at $ram: a crash region and no CRASH_ABOVE_DMA_LIMIT"
		else
			notok "replay $t: dma-max 0, RAM at $ram" "$(grep -m1 'WARNING\|kresv' <<<"$out")"
		fi
	done
done

# Boots in one process (fuzzing, --bench) leave no state behind: the
# last of four boots prints what a lone boot prints. 7.3 counted its
# crashkernel=,cma ranges on from boot to boot, and after four reserved none.
printf 'memory 0x40000000 8G\ncmdline "crashkernel=256M,cma crashkernel=512M"\n' >"$SCRATCH/cma.scn"
for t in 6.1 6.12 7.3; do
	differ=''
	for l in "$SCRATCH/cma.scn" "$KRESV_ROOT"/corpus/layouts/{qemu-virt-1g,rpi4-8g-high,qemu-virt-8g-high-low,a7-high-crosses-dma-limit,holes}.scn; do
		one=$("$KRESV_ROOT/build/t/$t/fast/kresv-replay" "$l" 2>&1)
		four=$("$KRESV_ROOT/build/t/$t/fast/kresv-replay" --bench 3 "$l" 2>/dev/null)
		[ -n "$one" ] && [ "$one" = "$four" ] || differ+=" $(basename "$l")"
	done
	if [ -z "$differ" ]; then
		ok "replay $t: the fourth boot of a process prints what a lone boot prints"
	else
		notok "replay $t: state left by earlier boots" "differs on$differ"
	fi
done

# ./kresv replay runs the build without sanitizers; --sanitize the other
l=$KRESV_ROOT/corpus/layouts/qemu-virt-1g.scn
a=$("$K" replay --tree 6.1 "$l" 2>&1)
b=$("$K" replay --tree 6.1 --sanitize "$l" 2>&1)
sa=$(ASAN_OPTIONS=detect_leaks=0 "$KRESV_ROOT/build/t/6.1/kresv-replay" --label x "$l" 2>&1 | sed 1d)
if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$(sed 1d <<<"$a")" = "$sa" ] &&
	! nm "$KRESV_ROOT/build/t/6.1/fast/kresv-replay" | grep -q __asan_init &&
	nm "$KRESV_ROOT/build/t/6.1/kresv-replay" | grep -q __asan_init; then
	ok "./kresv replay: without sanitizers by default, ASan/UBSan with --sanitize, the same output"
else
	notok "./kresv replay --sanitize" "default '$(head -3 <<<"$a")' sanitized '$(head -3 <<<"$b")'"
fi
# a replay without sanitizers that dies is run again with them: here both
# are killed by a CPU-time limit of 1 s, a 2 TiB machine mapped with pages
printf 'memory 0x800000000 2T\ncmdline "rodata=on crashkernel=256M"\n' >"$SCRATCH/2t.scn"
err=$( (ulimit -t 1; "$K" replay --tree 6.1 "$SCRATCH/2t.scn" >/dev/null) 2>&1)
rc=$?
# (the first run's death is said by kresv, the second's by bash)
if [ $rc -gt 128 ] &&
	grep -q "^kresv: the replay of $SCRATCH/2t.scn without sanitizers died (exit $rc, Killed); again with ASan and UBSan:\$" <<<"$err" &&
	[ "$(grep -c Killed <<<"$err")" = 2 ]; then
	ok "./kresv replay: a replay without sanitizers that dies (exit $rc) runs again with ASan and UBSan"
else
	notok "./kresv replay: rerun with sanitizers" "rc $rc: $err"
fi

# a corpus that covers what the brief names
n=$(ls "$KRESV_ROOT"/corpus/layouts/*.scn | wc -l)
[ "$n" -ge 20 ] && ok "corpus has $n layouts" || notok "corpus size" "$n layouts"

# bad input: one line naming file and line, exit 2
printf 'arch arm64\nmemory 0x40000000 1G\nmemory 0x40000000 1G\n' > "$SCRATCH/overlap.scn"
expect_error "replay: malformed scenario" 2 "overlap.scn:3:" \
	"$K" replay --tree 7.3 "$SCRATCH/overlap.scn"
# an image off a 2 MiB boundary is no boot loader's (a fuzz find: the
# kernel mapped the block below _text, as asked): bad input
printf 'memory 0x40000000 1G\nkernel 0x40200001 0x2a10000\n' > "$SCRATCH/unaligned.scn"
expect_error "replay: a kernel base off a 2 MiB boundary is refused" 2 \
	"unaligned.scn:2: kernel: base 0x40200001 is not 2 MiB aligned" \
	"$K" replay --tree 6.12 "$SCRATCH/unaligned.scn"
# an image whose end is off a 64 KiB boundary is no linker's (6.1's
# map_kernel() would BUG() on its last segment): bad input
printf 'memory 0x40000000 1G\nkernel 0x40200000 0x2a10800\n' > "$SCRATCH/oddsize.scn"
expect_error "replay: a kernel size off a 64 KiB multiple is refused" 2 \
	"oddsize.scn:2: kernel: size 0x2a10800 is not a multiple of 64 KiB" \
	"$K" replay --tree 6.1 "$SCRATCH/oddsize.scn"
# an image too small for its sections is no boot (map_mem() would be
# asked to map an empty [_stext, __init_begin), a fuzz find): bad input
printf 'memory 0x40000000 1G\nkernel 0x41000000 64K\n' > "$SCRATCH/tiny.scn"
expect_error "replay: a 64 KiB kernel image is refused" 2 \
	"tiny.scn: kernel 0x41000000 0x10000: an image under 512 KiB" \
	"$K" replay --tree 7.3 "$SCRATCH/tiny.scn"
expect_error "linear-map: a 64 KiB kernel image is refused" 2 \
	"tiny.scn: kernel 0x41000000 0x10000: an image under 512 KiB" \
	"$K" linear-map --tree 6.1 "$SCRATCH/tiny.scn"
# config lines: ./kresv replay builds the tree with them (once per
# configuration); the CMA area follows CONFIG_CMA_SIZE_MBYTES
printf 'arch arm64\nmemory 0x40000000 1G\nconfig CONFIG_CMA_SIZE_MBYTES=32\ncmdline "crashkernel=256M"\n' > "$SCRATCH/config.scn"
out=$("$K" replay --tree 6.12 "$SCRATCH/config.scn" 2>&1)
if grep -q '^config:    CONFIG_CMA_SIZE_MBYTES=32 (a build for this configuration)$' <<<"$out" &&
	grep -q '^  cma: Reserved 32 MiB at ' <<<"$out"; then
	ok "replay: a config line is a build with that configuration (CMA 32 MiB)"
else
	notok "replay: config line" "$out"
fi
expect_error "replay: the tree's own build refuses config lines" 2 \
	"config lines need a build for that configuration: run it with ./kresv replay" \
	"$KRESV_ROOT/build/t/6.12/kresv-replay" "$SCRATCH/config.scn"
expect_error "replay: a build from another config refuses them" 2 \
	"does not say CONFIG_CMA_SIZE_MBYTES=32" \
	"$KRESV_ROOT/build/t/6.12/kresv-replay" --built-with "$KRESV_TREES/6.12/config" "$SCRATCH/config.scn"
# crashkernel=,cma (7.3): the tree's reserve_crashkernel_cma() over the
# CMA model, after the default CMA area
printf 'arch arm64\nmemory 0x40000000 1G\ncmdline "crashkernel=256M,high crashkernel=64M,cma"\n' > "$SCRATCH/cma.scn"
out=$("$K" replay --tree 7.3 "$SCRATCH/cma.scn" 2>&1)
if grep -q '^  crashkernel CMA reserved: 64 MB in 1 ranges$' <<<"$out" &&
   grep -q '^  cma crashkernel  *0x0000000067c00000 - 0x000000006bc00000' <<<"$out"; then
	ok "replay: crashkernel=,cma through the CMA model"
else
	notok "replay: crashkernel=,cma" "$out"
fi
# the cma= early parameter goes to the tree's early_cma()
printf 'arch arm64\nmemory 0x40000000 1G\ncmdline "cma=32M crashkernel=256M"\n' > "$SCRATCH/cma32.scn"
out=$("$K" replay --tree 6.1 "$SCRATCH/cma32.scn" 2>&1)
if grep -q '^  cma: Reserved 32 MiB at 0x000000007cc00000$' <<<"$out"; then
	ok "replay: cma= parsed by the tree's early_cma()"
else
	notok "replay: cma=" "$out"
fi

# --json has the documented fields
out=$("$K" replay --tree 6.12 --json "$KRESV_ROOT/corpus/layouts/qemu-virt-8g-high-low.scn")
if python3 -c '
import json, sys
o = json.load(sys.stdin)
names = [r["name"] for r in o["reservations"]]
assert "crashkernel" in names and "crashkernel low" in names, names
assert "cma" in names and "memmap" in names and "pgtables" in names, names
calls = o["stub_calls"]
assert calls.index("paging_init()") < calls.index("create_idmap() (outside scope)"), calls
assert any(l.startswith("cma: Reserved ") for l in o["log"])
assert any(l.startswith("crashkernel reserved:") for l in o["log"])
assert isinstance(o["findings"], list) and isinstance(o["zones"], list)
assert o["dma_limit"] == 1 << 32' <<<"$out"; then
	ok "replay --json fields"
else
	notok "replay --json fields" "$out"
fi

# two trees: only what differs
out=$("$K" replay --tree 6.1 --tree 7.3 "$KRESV_ROOT/corpus/layouts/rpi4-8g-high.scn")
if grep -q '^+.*crashkernel low memory reserved' <<<"$out" &&
   ! grep -q '^[-+].*\(Zone ranges\|dma limit\)' <<<"$out"; then
	ok "replay --tree A --tree B shows the difference"
else
	notok "replay --tree A --tree B" "$out"
fi
# the linear map's and the image's counts have the same names: each run
# of changes is shown under its section's heading
out=$("$K" replay --tree 6.1 --tree 7.3 "$KRESV_ROOT/corpus/layouts/qemu-virt-1g.scn")
sections=$(awk '/^[^-+ ]/ { h = $1 " " $2 } /^[-+]  ptes: / { print h }' <<<"$out" | sort -u | tr '\n' '|')
if [ "$sections" = "kernel image:|linear map:|" ]; then
	ok "replay --tree A --tree B labels the linear map's and the image's changes"
else
	notok "replay --tree A --tree B section headings" "ptes changes under: $sections; $out"
fi

# a panic of the kernel path is the kernel's outcome: 7.3 reserves the
# crash kernel before sparse_init(), so one that leaves no room for the
# memmap panics the boot (6.1 and 6.12 allocate the memmap first and fail
# the reservation instead)
printf 'arch arm64\nmemory 0x40000000 1G\nkernel 0x40200000 0x3240000\ncmdline "crashkernel=900M"\n' >"$SCRATCH/panic.scn"
out=$("$K" replay --tree 7.3 "$SCRATCH/panic.scn" 2>&1)
rc=$?
if [ $rc -eq 1 ] &&
	grep -q '^  Kernel panic - not syncing: Failed to allocate memmap for section [0-9]*$' <<<"$out" &&
	grep -q '^mm/sparse.c:[0-9]*: WARNING: KERNEL_PANIC: the kernel panics: Failed to allocate memmap' <<<"$out"; then
	ok "replay 7.3: a memmap that does not fit after the crash kernel is KERNEL_PANIC"
else
	notok "replay 7.3: KERNEL_PANIC" "rc $rc: $out"
fi
out=$("$K" replay --tree 6.12 "$SCRATCH/panic.scn" 2>&1)
if ! grep -q 'KERNEL_PANIC\|Kernel panic' <<<"$out" &&
	grep -q 'cannot allocate crashkernel' <<<"$out"; then
	ok "replay 6.12: the same machine fails the reservation and boots on"
else
	notok "replay 6.12: no panic" "$out"
fi

# RAM the kernel cannot address is a scenario error, one line, exit 2
printf 'memory 0x1000000000000 1G\ncmdline "crashkernel=256M"\n' >"$SCRATCH/pa.scn"
expect_error "replay 6.1: RAM above 48-bit physical addresses refused" 2 \
	"pa.scn: memory 0x1000000000000-0x100003fffffff lies beyond the 48-bit physical address range of this kernel$" \
	"$K" replay --tree 6.1 "$SCRATCH/pa.scn"
expect_error "replay 7.3: 52-bit RAM without an LPA2 CPU refused" 2 \
	"beyond the 48-bit physical address range of this kernel (52 bits need the scenario's .cpu lpa2.)" \
	"$K" replay --tree 7.3 "$SCRATCH/pa.scn"
printf 'cpu lpa2\nmemory 0x1000000000000 1G\ncmdline "crashkernel=256M"\n' >"$SCRATCH/pa52.scn"
check "replay 7.3: 52-bit RAM on an LPA2 CPU boots" "$K" replay --tree 7.3 "$SCRATCH/pa52.scn"
printf 'memory 0x40000000 1G\nmemory 0x900000000000 1G\n' >"$SCRATCH/va.scn"
expect_error "replay 6.1: RAM wider than the linear map refused" 2 \
	"spans more than the 48-bit linear map of this kernel holds" \
	"$K" replay --tree 6.1 "$SCRATCH/va.scn"

# the linear map in the replay: the tree's map_mem() at paging_init(), the
# same tables kresv-linear-map builds, allocated before the crash region
for t in 6.1 6.12 7.3; do
	for s in virt-8g-rodata-on-crash virt-8g-rodata-on-crash-kfence \
		virt-8g-rodata-on-crash-bbml3 virt-1536m-rodata-on; do
		f=$KRESV_ROOT/tests/linear_map/$s.scn
		a=$("$KRESV_ROOT/build/t/$t/kresv-replay" --json "$f" 2>/dev/null |
			jq -c '.linear_map | del(.ranges_truncated)')
		b=$("$KRESV_ROOT/build/t/$t/kresv-linear-map" --json "$f" 2>/dev/null |
			jq -c '.linear_map | del(.ranges_truncated)')
		if [ -n "$a" ] && [ "$a" != null ] && [ "$a" = "$b" ]; then
			ok "replay $t $s: the linear map of kresv-linear-map"
		else
			notok "replay $t $s: linear map" "replay $a, linear-map $b"
		fi
	done
done
for t in 6.1 6.12 7.3; do
	json=$("$KRESV_ROOT/build/t/$t/kresv-replay" --json \
		"$KRESV_ROOT/tests/linear_map/virt-8g-rodata-on-crash.scn" 2>/dev/null)
	read -r tables pgt crash_end low_pgt <<<"$(jq -r '[.linear_map.table_pages.total,
		([.reservations[] | select(.name == "pgtables") | .end - .start] | add),
		(.reservations[] | select(.name == "crashkernel") | .end),
		([.reservations[] | select(.name == "pgtables") | .start] | min)] | @tsv' <<<"$json")"
	if [ -n "$tables" ] && [ "$pgt" -ge $((tables * 4096)) ] && [ "$crash_end" -le "$low_pgt" ]; then
		ok "replay $t: the map's $tables table pages are allocated, above the crash region"
	else
		notok "replay $t: page tables before the crash region" "tables $tables, pgtables $pgt bytes from $low_pgt, crash end $crash_end"
	fi
done
# what the map costs moves the crash region: 6.12 with an early KFENCE
# pool keeps blocks under rodata=on and maps pages under rodata=full
for r in on full; do
	printf 'memory 0x40000000 1G\ncmdline "rodata=%s kfence.sample_interval=100 crashkernel=256M"\n' \
		$r >"$SCRATCH/rodata-$r.scn"
done
on=$("$K" replay --tree 6.12 "$SCRATCH/rodata-on.scn" | grep '^  crashkernel reserved:')
full=$("$K" replay --tree 6.12 "$SCRATCH/rodata-full.scn" | grep '^  crashkernel reserved:')
if [ -n "$on" ] && [ -n "$full" ] && [ "$on" != "$full" ]; then
	ok "replay 6.12: rodata=full's page tables move the crash region ($full vs $on)"
else
	notok "replay 6.12: rodata= and the crash region" "on '$on', full '$full'"
fi
# a linear-map oracle among the replay's findings
out=$("$KRESV_ROOT/build/t/6.1/kresv-replay" \
	"$KRESV_ROOT/tests/linear_map/virt-1g-nomap-unaligned.scn" 2>&1)
if grep -q 'arch/arm64/mm/mmu.c:[0-9]*: WARNING: NOMAP_MAPPED:' <<<"$out"; then
	ok "replay 6.1: NOMAP_MAPPED of the linear map is a replay finding"
else
	notok "replay 6.1: NOMAP_MAPPED" "$out"
fi
# PGTABLE_OVER_BUDGET: the scenario's pgtable-budget against the tables
# the tree's map_mem() allocates (6.1: crashkernel= forces pages, 16 MiB)
for b in 4M 64M; do
	printf 'memory 0x40000000 8G\npgtable-budget %s\ncmdline "crashkernel=256M"\n' \
		$b >"$SCRATCH/budget-$b.scn"
done
out=$("$K" replay --tree 6.1 "$SCRATCH/budget-4M.scn" 2>&1)
rc=$?
if [ $rc -eq 1 ] && grep -q 'arch/arm64/mm/mmu.c:[0-9]*: WARNING: PGTABLE_OVER_BUDGET: .*, above the scenario.s pgtable-budget of 4096 KiB' <<<"$out"; then
	ok "replay 6.1: PGTABLE_OVER_BUDGET over a 4 MiB budget"
else
	notok "replay 6.1: PGTABLE_OVER_BUDGET" "rc $rc: $(grep WARNING <<<"$out")"
fi
if "$K" replay --tree 6.1 "$SCRATCH/budget-64M.scn" >/dev/null 2>&1; then
	ok "replay 6.1: silent within a 64 MiB budget"
else
	notok "replay 6.1: budget 64M" "findings"
fi

# 16K and 64K pages: --page-size builds the tree with the config lines of
# tree/page-sizes (three levels); the linear map covers RAM with pages of
# that size, or with PMD blocks (32 MiB, 512 MiB) where the tree allows
# blocks (6.1 without crashkernel=), and the crash region is reserved
printf 'arch arm64\nmemory 0x40000000 8G\ncmdline "console=ttyAMA0 rodata=on crashkernel=256M"\n' \
	>"$SCRATCH/8g.scn"
for case in "6.1 64K 65536" "7.3 64K 65536" "6.1 16K 16384"; do
	read -r t size bytes <<<"$case"
	json=$("$K" replay --tree $t --page-size $size --json "$SCRATCH/8g.scn" 2>/dev/null)
	read -r ptes blocks crash <<<"$(jq -r '[.linear_map.ptes, .linear_map.pmd_blocks,
		([.reservations[] | select(.name == "crashkernel")] | length)] | @tsv' <<<"$json")"
	if [ -n "$ptes" ] && [ "$ptes" -gt 0 ] && [ $((ptes * bytes)) -eq $((8 << 30)) ] &&
		[ "$crash" = 1 ] && [ "$(jq '.findings | length' <<<"$json")" = 0 ]; then
		ok "replay $t, $size pages: 8 GiB in $ptes pages, crash region reserved"
	else
		notok "replay $t, $size pages" "ptes '$ptes' blocks '$blocks' crash '$crash': $(jq -c .findings <<<"$json")"
	fi
done
sed 's/ crashkernel=256M"/ cma=64M"/' "$SCRATCH/8g.scn" >"$SCRATCH/8g-blocks.scn"
blocks=$("$K" replay --tree 6.1 --page-size 64K --json "$SCRATCH/8g-blocks.scn" 2>/dev/null |
	jq '[.linear_map.ranges[] | select(.granularity == "pmd-block")
		| select(.start % (512 * 1048576) == 0)] | length')
if [ "${blocks:-0}" -gt 0 ]; then
	ok "replay 6.1, 64K pages, rodata=on without crashkernel=: 512 MiB block ranges"
else
	notok "replay 6.1, 64K pages: blocks" "'$blocks' block ranges"
fi
printf 'arch arm64\nmemory 0x40000000 1G\nconfig CONFIG_PGTABLE_LEVELS=3\n' >"$SCRATCH/levels.scn"
expect_error "replay: --page-size refuses a scenario that sets its symbols" 2 \
	"levels.scn: sets CONFIG_PGTABLE_LEVELS itself; --page-size 64K sets it too" \
	"$K" replay --tree 7.3 --page-size 64K "$SCRATCH/levels.scn"
expect_error "replay: --page-size 32K refused" 2 "page-size 32K: 4K, 16K or 64K" \
	"$K" replay --tree 7.3 --page-size 32K "$SCRATCH/8g.scn"
