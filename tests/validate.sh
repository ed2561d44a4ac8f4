#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kresv validate: real boots under qemu against the replay, on a few small
# corpus/validate scenarios per tree (the whole corpus is `make validate`),
# the comparison on made-up logs, and the ways a validation cannot happen.
. "$(dirname "$0")/lib.sh"

K=$KRESV_ROOT/kresv
V=$KRESV_ROOT/harness/validate
C=$KRESV_ROOT/corpus/validate
make_scratch

# ---- the comparison ---------------------------------------------------------

cat >"$SCRATCH/real.log" <<'LOG'
[    0.000000] Zone ranges:
[    0.000000]   DMA      [mem 0x0000000040000000-0x000000007fffffff]
[    0.000000]   DMA32    empty
[    0.000000]   Normal   empty
[    0.000000] Movable zone start for each node
[    0.000000] cma: Reserved 64 MiB at 0x000000007ac00000
[    0.000000] crashkernel reserved: 0x000000006ac00000 - 0x000000007ac00000 (256 MB)
[    0.000000] Kernel command line: console=ttyAMA0 crashkernel=256M
LOG
sed -e 's/^\[[^]]*\] //' -e '/^Kernel command line/d' -e '/^cma:/d' \
	"$SCRATCH/real.log" >"$SCRATCH/same.log"
out=$("$V/compare.sh" "$SCRATCH/real.log" "$SCRATCH/same.log")
rc=$?
if [ $rc -eq 0 ] && [ "$out" = "zones 3/3 crash 1/1" ]; then
	ok "compare: the same lines agree; command line and unmodelled cma left out"
else
	notok "compare: same lines" "rc $rc: $out"
fi
sed 's/0x000000006ac00000 - 0x000000007ac00000/0x0000000070000000 - 0x0000000080000000/' \
	"$SCRATCH/same.log" >"$SCRATCH/moved.log"
out=$("$V/compare.sh" "$SCRATCH/real.log" "$SCRATCH/moved.log")
rc=$?
if [ $rc -eq 1 ] && grep -q '^zones 3/3 crash 0/1$' <<<"$out" &&
	grep -q 'real : crashkernel reserved: 0x000000006ac00000' <<<"$out" &&
	grep -q 'kresv: crashkernel reserved: 0x0000000070000000' <<<"$out"; then
	ok "compare: a moved crash region disagrees, both lines shown"
else
	notok "compare: moved crash region" "rc $rc: $out"
fi
grep -v DMA32 "$SCRATCH/same.log" >"$SCRATCH/nozone.log"
out=$("$V/compare.sh" "$SCRATCH/real.log" "$SCRATCH/nozone.log")
if [ $? -eq 1 ] && grep -q '^zones 1/3 crash 1/1$' <<<"$out"; then
	ok "compare: a missing zone line disagrees"
else
	notok "compare: missing zone line" "$out"
fi
{ cat "$SCRATCH/same.log"; echo "cma: Reserved 64 MiB at 0x000000007b000000"; } >"$SCRATCH/cma.log"
out=$("$V/compare.sh" "$SCRATCH/real.log" "$SCRATCH/cma.log")
if [ $? -eq 1 ] && grep -q '^zones 3/3 crash 1/1 cma 0/1$' <<<"$out"; then
	ok "compare: a modelled cma line is compared; a different one disagrees"
else
	notok "compare: cma line" "$out"
fi

{ cat "$SCRATCH/same.log"; echo "Kernel panic - not syncing: Failed to allocate memmap for section 9"; } >"$SCRATCH/panic.log"
{ cat "$SCRATCH/real.log"; echo "[    0.000000] Kernel panic - not syncing: Failed to allocate memmap for section 11"; } >"$SCRATCH/realpanic.log"
out=$("$V/compare.sh" "$SCRATCH/realpanic.log" "$SCRATCH/panic.log")
if [ $? -eq 1 ] && grep -q '^zones 3/3 crash 1/1 panic 0/1$' <<<"$out" &&
	grep -q 'kresv: Kernel panic - not syncing: Failed to allocate memmap for section 9' <<<"$out"; then
	ok "compare: panics are compared, a different one disagrees"
else
	notok "compare: panic line" "$out"
fi
out=$("$V/compare.sh" "$SCRATCH/realpanic.log" "$SCRATCH/same.log")
if [ $? -eq 1 ] && grep -q 'panic 0/1' <<<"$out"; then
	ok "compare: a real panic the model does not have disagrees"
else
	notok "compare: missing panic" "$out"
fi

# ---- usage and missing pieces -------------------------------------------------

expect_error "validate: unknown tree refused" 2 "validate: --tree must be" \
	"$K" validate --tree 5.10 "$C/virt-1g-256m.scn"
expect_error "validate: no scenario" 2 "no scenario given" \
	"$V/validate.sh" --tree 6.1
expect_error "validate: missing image named" 3 "no kernel image for 6.1" \
	env KRESV_IMAGES="$SCRATCH/none" "$V/validate.sh" --tree 6.1 "$C/virt-1g-256m.scn"

if ! command -v qemu-system-aarch64 >/dev/null; then
	skip "validate: real boots" "qemu-system-aarch64 is not installed (make deps installs it)"
	exit 0
fi

# ---- real boots ---------------------------------------------------------------

# scenarios qemu virt cannot be: one line each, exit 2
out=$("$K" validate --tree 6.1 "$KRESV_ROOT/corpus/layouts/rpi4-4g.scn" 2>&1)
rc=$?
if [ $rc -eq 2 ] && grep -q "cannot validate: .*below qemu virt's RAM base" <<<"$out"; then
	ok "validate: RAM below 0x40000000 cannot be validated, and says why"
else
	notok "validate: RAM at 0" "rc $rc: $out"
fi

# a boot that does not get to its Memory: line in time: verdict, VM stopped
out=$(TMPDIR=$SCRATCH "$V/validate.sh" --tree 6.1 --timeout 1 "$C/virt-64g-256m.scn" 2>&1)
rc=$?
sleep 0.2
if [ $rc -eq 2 ] && grep -q "printed no 'Memory:' line in 1s" <<<"$out" &&
	! pgrep -f "$SCRATCH/kresv-validate" >/dev/null &&
	! ls -d "$SCRATCH"/kresv-validate.* >/dev/null 2>&1; then
	ok "validate: a timeout is a verdict and the VM is stopped"
else
	notok "validate: timeout" "rc $rc: $out; qemu left: $(pgrep -af "$SCRATCH/kresv-validate" | head -n1)"
fi

# validate killed while two boots run: both VMs stopped, nothing left
mkdir -p "$SCRATCH/kill"
TMPDIR=$SCRATCH/kill "$V/validate.sh" --tree 6.1 "$C/virt-64g-256m.scn" "$C/virt-32g-256m.scn" >/dev/null 2>&1 &
vp=$!
for _ in $(seq 50); do
	[ "$(pgrep -f "$SCRATCH/kill/kresv-validate.*machine.dtb" | wc -l)" -ge 2 ] && break
	sleep 0.1
done
running=$(pgrep -f "$SCRATCH/kill/kresv-validate.*machine.dtb" | wc -l)
kill $vp
wait $vp 2>/dev/null
sleep 0.5
left=$(pgrep -af "$SCRATCH/kill/kresv-validate" | head -n1)
if [ "$running" -ge 1 ] && [ -z "$left" ] && [ -z "$(ls "$SCRATCH/kill")" ]; then
	ok "validate: killed mid-boot, every VM is stopped and nothing is left"
else
	notok "validate: killed mid-boot" "running $running, left: ${left:-none}, $(ls "$SCRATCH/kill")"
fi

# a few small machines per tree: the zones always agree, the rest is shown
SMALL=(virt-2g-offset virt-1g-parse-junk virt-1g-dma-3fffffff virt-2g-256m)
for t in 6.1 6.12 7.3; do
	files=()
	for s in "${SMALL[@]}"; do files+=("$C/$s.scn"); done
	out=$("$K" validate --tree "$t" --summary --keep "$SCRATCH/keep-$t" "${files[@]}" 2>&1)
	rc=$?
	n=$(grep -c "^$C/.* ($t): \(agree\|DISAGREE\):" <<<"$out")
	if [ $rc -le 1 ] && [ "$n" -eq ${#SMALL[@]} ] &&
		grep -q "^$t: zones ${#SMALL[@]}/${#SMALL[@]}," <<<"$out"; then
		ok "validate $t: ${#SMALL[@]} real boots compared, zone lines agree"
	else
		notok "validate $t: small machines" "rc $rc: $out"
	fi
	# an explicit offset leaves nothing to the allocator: the crash line agrees
	if grep -q "virt-2g-offset.scn ($t): agree:" <<<"$out"; then
		ok "validate $t: crashkernel=256M@0x60000000 agrees with the real kernel"
	else
		notok "validate $t: offset" "$(grep -A3 virt-2g-offset <<<"$out")"
	fi
	k=$SCRATCH/keep-$t/virt-2g-256m
	if grep -q '\] Memory: ' "$k/console.log" 2>/dev/null &&
		grep -q 'bootargs = "console=ttyAMA0 crashkernel=256M earlycon"' "$k/machine.dts" &&
		[ -s "$k/replay.out" ]; then
		ok "validate $t: --keep keeps the console log, DTS and replay"
	else
		notok "validate $t: --keep" "$(ls "$k" 2>&1 | tr '\n' ' ')"
	fi
done

# a real kernel that panics: 7.3 with a crash kernel that leaves no room for
# the memmap panics, and the replay panics with the same line
out=$("$K" validate --tree 7.3 "$C/virt-1g-almost-all.scn" 2>&1)
rc=$?
if [ $rc -eq 0 ] && grep -q '(7.3): agree: .* panic 1/1$' <<<"$out"; then
	ok "validate 7.3: the real kernel's memmap panic agrees with KERNEL_PANIC"
else
	notok "validate 7.3: panic" "rc $rc: $out"
fi

# an image whose config is not the tree's is refused: the replay would not
# be the kernel that boots
mkdir -p "$SCRATCH/img/6.1"
cp "$KRESV_ROOT/build/images/6.1/Image" "$KRESV_ROOT/build/images/6.1/VERSION" "$SCRATCH/img/6.1/"
sed 's/^CONFIG_ZONE_DMA=y/# CONFIG_ZONE_DMA is not set/' "$KRESV_ROOT/build/images/6.1/config" >"$SCRATCH/img/6.1/config"
expect_error "validate: image config differing from the tree's refused" 3 \
	"the config of image 6.1 .* differs from the tree's" \
	env KRESV_IMAGES="$SCRATCH/img" "$V/validate.sh" --tree 6.1 "$C/virt-1g-256m.scn"
