# SPDX-License-Identifier: GPL-2.0
# kresv-scenario --machine and --dts-fragment (harness/scenario/dts.c): a
# scenario as a qemu-system-aarch64 -M virt machine. For every layout in
# corpus/layouts/, corpus/validate/ and tests/scenario/good/, the values are worked out here
# from the canonical form (--write), not taken from the tool: --machine
# prints them, or refuses with exit 2 and one line exactly when qemu virt
# cannot be that machine; the fragment, appended to qemu's own DTS (or to
# tests/scenario/dts/base.dts without qemu, and always as a second base),
# compiles with dtc without a new warning, survives a decompile, and the
# DTB holds the scenario's banks, reservations, DMA limit, command line and
# initrd.
source "$KRESV_ROOT/tests/lib.sh"
make_scratch
need_command "scenario dts" dtc "device-tree-compiler: the fragment is checked by compiling it"
need_command "scenario dts" fdtget "device-tree-compiler: values are read back from the DTB"
if ! command -v clang-14 >/dev/null; then
	skip "scenario dts" "clang-14 is not installed (make deps)"
	exit 0
fi
# a private build, as build/bin/kresv-scenario would be (with -Werror), so
# that a concurrent make cannot swap the binary under the test
SRC=$KRESV_ROOT/harness/scenario
BIN=$SCRATCH/kresv-scenario
if ! out=$(clang-14 -std=gnu11 -Wall -Wextra -Werror -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	"$SRC/scenario.c" "$SRC/check.c" -o "$BIN" 2>&1); then
	notok "kresv-scenario builds with clang-14, ASan+UBSan, no warning" "$(tail -n 1 <<<"$out")"
	exit 0
fi
BASE_DTS=$KRESV_ROOT/tests/scenario/dts/base.dts
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
QEMU=qemu-system-aarch64
if ! command -v $QEMU >/dev/null; then
	skip "fragments on qemu's own DTS" "$QEMU is not installed (only tests/scenario/dts/base.dts)"
	QEMU=
fi

RAM_BASE=$((0x40000000)) RAM_LIMIT=$((0x10000000000)) TWO_MB=$((2 << 20))
MIN=$((1 << 63))

# unsigned 64-bit a < b in bash's signed arithmetic
ult() { (( ($1 ^ MIN) < ($2 ^ MIN) )); }
# a canonical number (0x hex, or decimal with an M/G/T/P suffix) in bash
num() {
	case $1 in
	0x*) echo $(($1)) ;;
	*M) echo $((${1%M} << 20)) ;;
	*G) echo $((${1%G} << 30)) ;;
	*T) echo $((${1%T} << 40)) ;;
	*P) echo $((${1%P} << 50)) ;;
	*) echo $(($1)) ;;
	esac
}
hex() { printf '0x%x' "$1"; }
# a 64-bit value as fdtget -t x prints two cells
cells() { printf '%x %x' $((($1 >> 32) & 0xffffffff)) $(($1 & 0xffffffff)); }

# load NAME FILE: the scenario's canonical form into arrays and variables
load() {
	local kind rest a b
	MEM=() RES=() NOMAP=() CONFIG=() CPU='' KERNEL='' INITRD='' DMA='' CMDLINE=''
	"$BIN" --write "$2" >"$SCRATCH/canon" 2>/dev/null || return 1
	while read -r kind rest; do
		read -r a b _ <<<"$rest"
		case $kind in
		memory) MEM+=("$(num "$a") $(num "$b")") ;;
		reserved) RES+=("$(num "$a") $(num "$b")") ;;
		nomap) NOMAP+=("$(num "$a") $(num "$b")") ;;
		kernel) KERNEL="$(num "$a") $(num "$b")" ;;
		initrd) INITRD="$(num "$a") $(num "$b")" ;;
		dma-max) DMA=$(num "$a") ;;
		cpu) CPU=$(tr ' ' , <<<"$rest") ;;
		config) CONFIG+=("$a") ;;
		esac
	done <"$SCRATCH/canon"
	# the text inside the quotes; only \" and \\ are escapes
	CMDLINE=$(sed -n 's/^cmdline "\(.*\)"$/\1/p' "$SCRATCH/canon" | sed 's/\\\(.\)/\1/g')
}

# expect: EXPR_OK=1 and RAM_SIZE, or EXPR_OK=0 and REASON (a pattern)
expect() {
	local r base size last top=0 end
	EXPR_OK=0
	for r in "${MEM[@]}"; do
		read -r base size <<<"$r"
		last=$((base + size - 1))
		if ult "$base" $RAM_BASE; then
			REASON="RAM at $(hex "$base") below qemu virt's RAM base 0x40000000"
			return
		fi
		if ! ult "$last" $RAM_LIMIT; then
			REASON="RAM \[$(hex "$base")-$(hex "$last")\] beyond qemu virt's RAM limit"
			return
		fi
		ult "$top" "$last" && top=$last
	done
	RAM_SIZE=$(((top + 1 - RAM_BASE + TWO_MB - 1) / TWO_MB * TWO_MB))
	end=$((RAM_BASE + RAM_SIZE))
	if [ ${#CONFIG[@]} -gt 0 ]; then
		REASON="config ${CONFIG[0]} (the real kernel's config is fixed)"
		return
	fi
	if [ -n "$KERNEL" ]; then
		read -r base size <<<"$KERNEL"
		if [ $((base % TWO_MB)) -ne 0 ]; then
			REASON="kernel at $(hex "$base") is not 2 MiB aligned"
			return
		fi
		if ult "$base" $RAM_BASE || ! ult $((base + size - 1)) $end; then
			REASON="kernel \[.*\] outside qemu virt's RAM"
			return
		fi
	fi
	if [ -n "$INITRD" ]; then
		read -r base size <<<"$INITRD"
		if ult "$base" $RAM_BASE || ! ult $((base + size - 1)) $end; then
			REASON="initrd \[.*\] outside qemu virt's RAM"
			return
		fi
	fi
	EXPR_OK=1
}

# the --machine output the scenario calls for
machine_text() {
	echo "ram_size=$(hex "$RAM_SIZE")"
	echo "ram_end=$(hex $((RAM_BASE + RAM_SIZE)))"
	echo "cpu=$CPU"
	if [ -n "$KERNEL" ]; then
		read -r base size <<<"$KERNEL"
		echo "kernel_base=$(hex "$base")"
		echo "kernel_size=$(hex "$size")"
	fi
	if [ -n "$INITRD" ]; then
		read -r base size <<<"$INITRD"
		echo "initrd_base=$(hex "$base")"
		echo "initrd_size=$(hex "$size")"
	fi
	if [ -n "$DMA" ]; then
		echo "has_dma_max=1"
		echo "dma_max=$(hex "$DMA")"
	else
		echo "has_dma_max=0"
		echo "dma_max=0xffffffffffffffff"
	fi
	printf 'cmdline=%s\n' "$CMDLINE"
}

# qemu_dts RAM_SIZE OUT: qemu's own DTS for that much RAM (the RAM is not
# reserved on the host, so a few hundred GiB work anywhere)
qemu_dts() {
	local mib=$(($1 >> 20))
	rm -f "$SCRATCH/qemu.dtb"
	$QEMU -M virt,highmem=on,memory-backend=ram -cpu max -m ${mib}M \
		-object memory-backend-ram,id=ram,size=${mib}M,reserve=off \
		-machine dumpdtb="$SCRATCH/qemu.dtb" -display none >/dev/null 2>&1 ||
		$QEMU -M virt,highmem=on -cpu max -m ${mib}M \
			-machine dumpdtb="$SCRATCH/qemu.dtb" -display none >/dev/null 2>&1
	[ -s "$SCRATCH/qemu.dtb" ] && dtc -q -I dtb -O dts -o "$2" "$SCRATCH/qemu.dtb"
}

# dtc's warnings without the file:line prefix, sorted
warnings() { sed 's/^[^:]*:[0-9.-]*: //; s/^<stdout>: //' "$1" | sort; }

# verify_dtb DTB APPEND: the DTB describes the loaded scenario; prints what
# is wrong, nothing when all is right
verify_dtb() {
	local dtb=$1 append=$2 r base size want got n name path kids
	# memory: exactly one node per bank, named by its base, with its reg
	want=$(for r in "${MEM[@]}"; do
		read -r base size <<<"$r"
		printf 'memory@%x %s %s\n' "$base" "$(cells "$base")" "$(cells "$size")"
	done | sort)
	got=$(fdtget -l "$dtb" / | grep '^memory' | while read -r n; do
		printf '%s %s\n' "$n" "$(fdtget -t x "$dtb" "/$n" reg)"
		[ "$(fdtget -t s "$dtb" "/$n" device_type)" = memory ] || echo "$n: device_type"
	done | sort)
	[ "$want" = "$got" ] || { echo "memory nodes: '$got', want '$want'"; return; }

	# reserved-memory: one child per range, reg and no-map as the scenario
	# says, the unit address its base, a node name of DT characters
	want=$({ for r in "${RES[@]}"; do
		read -r base size <<<"$r"
		printf '%s %s map\n' "$(cells "$base")" "$(cells "$size")"
	done
	for r in "${NOMAP[@]}"; do
		read -r base size <<<"$r"
		printf '%s %s no-map\n' "$(cells "$base")" "$(cells "$size")"
	done; } | sort)
	if kids=$(fdtget -l "$dtb" /reserved-memory 2>/dev/null); then
		[ "$(fdtget -t x "$dtb" /reserved-memory '#address-cells')" = 2 ] &&
		[ "$(fdtget -t x "$dtb" /reserved-memory '#size-cells')" = 2 ] &&
		fdtget -p "$dtb" /reserved-memory | grep -qx ranges ||
			{ echo "/reserved-memory: cells or ranges"; return; }
	fi
	got=$(while read -r n; do
		[ -n "$n" ] || continue
		path=/reserved-memory/$n
		r=$(fdtget -t x "$dtb" "$path" reg)
		if fdtget -p "$dtb" "$path" | grep -qx no-map; then
			echo "$r no-map"
		else
			echo "$r map"
		fi
		read -r a b _ <<<"$r"
		base=$(printf '%x' $(((0x$a << 32) | 0x$b)))
		[[ $n =~ ^[a-zA-Z0-9,._+-]+@$base$ ]] || echo "bad name $n"
	done <<<"$kids" | sort)
	[ "$want" = "$got" ] || { echo "reserved-memory: '$got', want '$want'"; return; }

	# the DMA limit: of_dma_get_max_cpu_address() takes the minimum over
	# every dma-ranges in the tree; the only one must end at dma-max
	got=$(dtc -q -I dtb -O dts "$dtb" | grep -c 'dma-ranges')
	if [ -z "$DMA" ] || [ "$DMA" = -1 ]; then
		[ "$got" = 0 ] || { echo "dma-ranges without a DMA limit"; return; }
	else
		[ "$got" = 1 ] || { echo "$got dma-ranges properties, want 1"; return; }
		got=$(fdtget -t x "$dtb" /dma-limit-bus dma-ranges)
		want="0 0 0 0 $(cells $((DMA + 1)))"
		[ "$got" = "$want" ] || { echo "dma-ranges <$got>, want <$want>"; return; }
		[ "$(fdtget -t x "$dtb" /dma-limit-bus '#address-cells') $(fdtget -t x "$dtb" /dma-limit-bus '#size-cells')" = "2 2" ] ||
			{ echo "/dma-limit-bus cells"; return; }
	fi

	# the command line, then the appended text after one blank
	want=$CMDLINE
	[ -n "$append" ] && want="$want${want:+ }$append"
	got=$(fdtget -t s "$dtb" /chosen bootargs)
	[ "$got" = "$want" ] || { echo "bootargs '$got', want '$want'"; return; }

	# the initrd, [start, end)
	if [ -n "$INITRD" ]; then
		read -r base size <<<"$INITRD"
		got="$(fdtget -t x "$dtb" /chosen linux,initrd-start) $(fdtget -t x "$dtb" /chosen linux,initrd-end)"
		want="$(cells "$base") $(cells $((base + size)))"
		[ "$got" = "$want" ] || { echo "initrd <$got>, want <$want>"; return; }
	elif fdtget -p "$dtb" /chosen | grep -q initrd; then
		echo "initrd properties without an initrd"
		return
	fi
	fdtget -p "$dtb" /chosen | grep -qx stdout-path || echo "/chosen lost stdout-path"
}

# check_fragment NAME SCN BASE_DTS ALLOW [APPEND]: base + fragment compile
# with no warning the base alone does not give (but ALLOW, a pattern), the
# DTB decompiles and compiles again, and describes the scenario
check_fragment() {
	local name=$1 scn=$2 base=$3 allow=$4 app=("${@:5}") why
	if ! "$BIN" --dts-fragment ${app:+--append-bootargs "${app[0]}"} "$scn" >"$SCRATCH/frag.dtsi" 2>"$SCRATCH/frag.err"; then
		notok "$name" "--dts-fragment: $(head -n 1 "$SCRATCH/frag.err")"
		return
	fi
	cat "$base" "$SCRATCH/frag.dtsi" >"$SCRATCH/full.dts"
	if ! dtc -I dts -O dtb -o "$SCRATCH/base.dtb" "$base" 2>"$SCRATCH/w0"; then
		notok "$name" "the base DTS alone does not compile: $(head -n 1 "$SCRATCH/w0")"
		return
	fi
	if ! dtc -I dts -O dtb -o "$SCRATCH/full.dtb" "$SCRATCH/full.dts" 2>"$SCRATCH/w1"; then
		notok "$name" "dtc: $(grep -m1 -i error "$SCRATCH/w1")"
		return
	fi
	why=$(comm -13 <(warnings "$SCRATCH/w0") <(warnings "$SCRATCH/w1") | grep -v -e '^$' ${allow:+-e "$allow"})
	if [ -n "$why" ]; then
		notok "$name" "new dtc warning: $(head -n 1 <<<"$why")"
		return
	fi
	if ! dtc -q -I dtb -O dts -o "$SCRATCH/back.dts" "$SCRATCH/full.dtb" ||
	   ! dtc -q -I dts -O dtb -o "$SCRATCH/back.dtb" "$SCRATCH/back.dts"; then
		notok "$name" "the DTB does not decompile and compile again"
		return
	fi
	why=$(verify_dtb "$SCRATCH/back.dtb" "${app[0]}")
	if [ -n "$why" ]; then
		notok "$name" "$(head -n 1 <<<"$why")"
	else
		ok "$name"
	fi
}

# the unit addresses repeat (and dtc says so) when ranges share a base
shared_base_allowance() {
	local all=() r
	for r in "${RES[@]}" "${NOMAP[@]}"; do all+=("${r%% *}"); done
	[ ${#all[@]} -eq "$(printf '%s\n' "${all[@]}" | sort -u | grep -c .)" ] ||
		echo 'unique_unit_address.*/reserved-memory/'
}

# check_scenario NAME FILE: the whole set for one scenario
check_scenario() {
	local name=$1 f=$2 out err rc
	if ! load "$name" "$f"; then
		notok "$name: loads" "$("$BIN" "$f" 2>&1)"
		return
	fi
	expect
	out=$("$BIN" --machine "$f" 2>"$SCRATCH/err")
	rc=$?
	err=$(cat "$SCRATCH/err")
	if [ $EXPR_OK = 0 ]; then
		if [ $rc -eq 2 ] && [ -z "$out" ] && [ "$(grep -c . <<<"$err")" = 1 ] &&
		   grep -q "^$f: cannot express on qemu virt: $REASON" <<<"$err"; then
			ok "$name: --machine cannot express it (exit 2, one line)"
		else
			notok "$name: --machine cannot express it" "exit $rc, '$err', want '$REASON'"
		fi
		out=$("$BIN" --dts-fragment "$f" 2>"$SCRATCH/err")
		rc=$?
		if [ $rc -eq 2 ] && [ -z "$out" ] && [ "$(cat "$SCRATCH/err")" = "$err" ]; then
			ok "$name: --dts-fragment refuses it the same way"
		else
			notok "$name: --dts-fragment refuses it the same way" "exit $rc: $(head -n 1 "$SCRATCH/err")"
		fi
		return
	fi
	if [ $rc -eq 0 ] && [ -z "$err" ] && [ "$out" = "$(machine_text)" ]; then
		ok "$name: --machine"
	else
		notok "$name: --machine" "exit $rc $err: $(diff <(machine_text) <(printf '%s\n' "$out") | grep -m1 '^[<>]')"
	fi
	local allow
	allow=$(shared_base_allowance)
	if [ -n "$QEMU" ]; then
		if qemu_dts "$RAM_SIZE" "$SCRATCH/qemu.dts"; then
			check_fragment "$name: --dts-fragment on qemu's own DTS" "$f" "$SCRATCH/qemu.dts" "$allow" "${@:3}"
		else
			notok "$name: --dts-fragment on qemu's own DTS" "$QEMU -m $((RAM_SIZE >> 20))M would not dump its DTB"
		fi
	fi
	check_fragment "$name: --dts-fragment on tests/scenario/dts/base.dts" "$f" "$BASE_DTS" "$allow" "${@:3}"
}

# --- every layout and good fixture --------------------------------------------

cd "$KRESV_ROOT" || exit 2
for f in corpus/layouts/*.scn corpus/validate/*.scn tests/scenario/good/*.scn; do
	check_scenario "$f" "$f"
done

# --- machines made for the corners ----------------------------------------------

S=$SCRATCH/scn
mkdir -p "$S"
cat >"$S/corners.scn" <<'EOF'
memory 0x80000000 1G
memory 0x40000000 512M
memory 0x100000000 0x1234000
reserved 0x40000000 1M fw
reserved 0x40000000 1M fw
nomap 0x40000000 1M fw
reserved 0x50000000 4K
reserved 0x50001000 4K
nomap 0x8c000000 0x400000 secure/monitor-1.2
reserved 0x80000000 4k linux,cma@80000000
reserved 0x0 4K below-ram
kernel 0x40400000 0x2000000
initrd 0x60000000 0x1234567
dma-max 0
cpu bbml3 lpa2
cmdline "a \"quoted\" back\\slash	tab # é"
EOF
check_scenario "corners" "$S/corners.scn" 'earlycon "x" \y'
# the names dtc sees: nomap ranges first, repeats of a name at one base
# numbered, labels made node names, a range without a label "reserved"
"$BIN" --dts-fragment "$S/corners.scn" >"$SCRATCH/c.dtsi" 2>&1
want='fw@40000000 secure_monitor-1.2@8c000000 fw-1@40000000 fw-2@40000000 reserved@50000000 reserved@50001000 linux,cma@80000000 below-ram@0'
cat "$BASE_DTS" "$SCRATCH/c.dtsi" | dtc -q -I dts -O dtb -o "$SCRATCH/c.dtb"
got=$(fdtget -l "$SCRATCH/c.dtb" /reserved-memory 2>&1 | tr '\n' ' ')
[ "$got" = "$want " ] && ok "reserved-memory node names" ||
	notok "reserved-memory node names" "'$got', want '$want'"
out=$("$BIN" --machine "$S/corners.scn" 2>&1)
grep -qx 'cpu=lpa2,bbml3' <<<"$out" && grep -qx 'ram_size=0xc1400000' <<<"$out" &&
	ok "--machine: cpu features in table order, RAM size rounded up to 2 MiB" ||
	notok "--machine: cpu features, RAM size" "$out"

printf 'memory 0x40000000 0xffc0000000\ndma-max 0xffffffffffffffff\n' >"$S/top-1tib.scn"
check_scenario "RAM up to 1 TiB, dma-max all ones" "$S/top-1tib.scn"
grep -q 'ram_end=0x10000000000$' <<<"$("$BIN" --machine "$S/top-1tib.scn")" &&
	ok "RAM may end at 1 TiB exactly" || notok "RAM may end at 1 TiB exactly" "$("$BIN" --machine "$S/top-1tib.scn" 2>&1)"
printf 'memory 0x40000000 1G\n' >"$S/no-cmdline.scn"
check_scenario "no cmdline line, appended text alone" "$S/no-cmdline.scn" "console=ttyAMA0"
printf 'memory 0x40000000 1G\ncmdline ""\ndma-max 0xfffffffffffffffe\n' >"$S/empty-cmdline.scn"
check_scenario "empty cmdline, dma-max 2^64 - 2" "$S/empty-cmdline.scn"

# --- what qemu virt cannot be ---------------------------------------------------

expect_error "RAM at 0: cannot express" 2 \
	"^corpus/layouts/rpi4-4g.scn: cannot express on qemu virt: RAM at 0x0 below qemu virt's RAM base 0x40000000$" \
	"$BIN" --machine corpus/layouts/rpi4-4g.scn
expect_error "config line: cannot express" 2 \
	"^tests/scenario/good/config-cpu.scn: cannot express on qemu virt: config CONFIG_ARM64_VA_BITS_52=y (the real kernel's config is fixed)$" \
	"$BIN" --machine tests/scenario/good/config-cpu.scn
printf 'memory 0x40000000 1G\nkernel 0x40201000 32M\n' >"$S/kernel-misaligned.scn"
expect_error "kernel not 2 MiB aligned: cannot express" 2 \
	": cannot express on qemu virt: kernel at 0x40201000 is not 2 MiB aligned (arm64 boot protocol)$" \
	"$BIN" --machine "$S/kernel-misaligned.scn"
expect_error "kernel not 2 MiB aligned: no fragment either" 2 \
	": cannot express on qemu virt: kernel at 0x40201000 is not 2 MiB aligned" \
	"$BIN" --dts-fragment "$S/kernel-misaligned.scn"
printf 'memory 0x40000000 1G\nkernel 0x7fe00000 4M\n' >"$S/kernel-past-ram.scn"
expect_error "kernel past qemu's RAM: cannot express" 2 \
	": cannot express on qemu virt: kernel \[0x7fe00000-0x801fffff\] outside qemu virt's RAM \[0x40000000-0x7fffffff\]$" \
	"$BIN" --machine "$S/kernel-past-ram.scn"
printf 'memory 0x40000000 1G\ninitrd 0x3ff00000 2M\n' >"$S/initrd-below.scn"
expect_error "initrd below qemu's RAM: cannot express" 2 \
	": cannot express on qemu virt: initrd \[0x3ff00000-0x400fffff\] outside" \
	"$BIN" --machine "$S/initrd-below.scn"
printf 'memory 0x40000000 0xffc0000001\n' >"$S/past-1tib.scn"
expect_error "RAM past 1 TiB: cannot express" 2 \
	": cannot express on qemu virt: RAM \[0x40000000-0x10000000000\] beyond qemu virt's RAM limit 0x10000000000 (1 TiB)$" \
	"$BIN" --machine "$S/past-1tib.scn"
long=$(printf 'a%.0s' $(seq 2000))
printf 'memory 0x40000000 1G\ncmdline "%s"\n' "$long" >"$S/long.scn"
expect_error "command line and appended text too long" 2 \
	"cannot express on qemu virt: command line and --append-bootargs are 2048 bytes, longer than the kernel keeps (at most 2047)$" \
	"$BIN" --dts-fragment --append-bootargs "$(printf 'b%.0s' $(seq 47))" "$S/long.scn"
check "command line and appended text of 2047 bytes" \
	"$BIN" --dts-fragment --append-bootargs "$(printf 'b%.0s' $(seq 46))" "$S/long.scn"

# --- bad input and usage ------------------------------------------------------------

expect_error "--machine: missing file" 2 "^$SCRATCH/nonexistent.scn: cannot open: No such file or directory$" \
	"$BIN" --machine "$SCRATCH/nonexistent.scn"
expect_error "--dts-fragment: missing file" 2 "^$SCRATCH/nonexistent.scn: cannot open: No such file or directory$" \
	"$BIN" --dts-fragment "$SCRATCH/nonexistent.scn"
expect_error "--machine: a bad file" 2 "^tests/scenario/bad/overlap.scn:4: memory: " \
	"$BIN" --machine tests/scenario/bad/overlap.scn
usage_error() {
	local name=$1 pat=$2 err rc
	shift 2
	err=$("$BIN" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 2 ] && grep -q -- "$pat" <<<"$err" && grep -q '^usage: kresv-scenario' <<<"$err" &&
		ok "$name" || notok "$name" "exit $rc: $(head -n 1 <<<"$err")"
}
usage_error "--machine with two files" "--machine takes exactly one FILE" \
	--machine corpus/layouts/qemu-virt-1g.scn corpus/layouts/qemu-virt-2g.scn
usage_error "--dts-fragment without a file" "^usage:" --dts-fragment
usage_error "--machine with --dts-fragment" "exclude each other" \
	--machine --dts-fragment corpus/layouts/qemu-virt-1g.scn
usage_error "--write with --machine" "exclude each other" \
	--write --machine corpus/layouts/qemu-virt-1g.scn
usage_error "--append-bootargs without --dts-fragment" "goes with --dts-fragment only" \
	--append-bootargs x --machine corpus/layouts/qemu-virt-1g.scn
usage_error "--append-bootargs without TEXT" "needs TEXT" --dts-fragment --append-bootargs
out=$("$BIN" --append-bootargs "x y" --dts-fragment corpus/layouts/qemu-virt-1g.scn 2>&1) &&
	grep -q 'bootargs = "console=ttyAMA0 crashkernel=256M x y";' <<<"$out" &&
	ok "--append-bootargs before --dts-fragment" ||
	notok "--append-bootargs before --dts-fragment" "$(head -n 1 <<<"$out")"
