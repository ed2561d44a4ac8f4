#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# harness/validate/boot_qemu.sh DIR
# harness/validate/boot_qemu.sh --dump-dtb DIR
#
# Boots Debian's real arm64 kernel under qemu-system-aarch64 -M virt (TCG)
# for the machine kresv validate prepared in DIR, and stops it as soon as
# the boot has printed what validate compares.  DIR holds:
#   machine.env  shell assignments: image, image_base, dtb_base, ram_size,
#                cpu, timeout, and initrd_base/initrd_size when there is one
#   machine.dtb  the device tree handed to the kernel
# and receives:
#   entry.bin    the reset code: x0 = DTB address, x1-x3 = 0, jump to Image
#   console.log  the serial console (earlycon output from the first line)
#   initrd.bin   a zero-filled initrd when the machine has one
#
# --dump-dtb writes DIR/base.dtb: the device tree qemu makes for this
# machine (the same options as the boot), which validate edits.
#
# The Image and DTB are loaded raw at fixed addresses instead of with
# -kernel, because -kernel makes qemu replace the DTB's /memory nodes and
# /chosen/bootargs; the CPU starts in entry.bin (the loader's cpu-num sets
# its PC) and enters the Image as the arm64 boot protocol asks.
#
# Exit: 0 the kernel printed its "Memory:" line, 3 it panicked, 4 it printed
# neither within the timeout, 1 qemu failed to start (its error on stderr).
# The VM is always stopped, by PID, before this script exits.
set -uo pipefail

dump=0
if [ "$1" = --dump-dtb ]; then
	dump=1
	shift
fi
dir=$1
# shellcheck source=/dev/null
. "$dir/machine.env" || exit 1

le32() {
	local v=$1
	printf "\\x$(printf %02x $((v & 255)))\\x$(printf %02x $(((v >> 8) & 255)))\\x$(printf %02x $(((v >> 16) & 255)))\\x$(printf %02x $(((v >> 24) & 255)))"
}
le64() { le32 $(($1 & 0xffffffff)); le32 $((($1 >> 32) & 0xffffffff)); }

args=(
	-M virt,highmem=on,memory-backend=ram0
	-cpu "$cpu"
	-m "$((ram_size >> 20))M"
	# RAM the host only backs where the guest writes: 64 GiB machines
	# boot on a smaller host
	-object "memory-backend-ram,id=ram0,size=$((ram_size >> 20))M,reserve=off"
	-display none -monitor none -no-reboot -nodefaults
	-serial "file:$dir/console.log"
)
if [ $dump = 1 ]; then
	qemu-system-aarch64 "${args[@]}" -machine "dumpdtb=$dir/base.dtb" \
		>/dev/null 2>"$dir/qemu.err" && exit 0
	sed 's/^/qemu: /' "$dir/qemu.err" >&2
	exit 1
fi
# ldr x0, 24f; mov x1..x3, xzr; ldr x4, 32f; br x4; .quad dtb, image
{
	le32 0x580000c0; le32 0xaa1f03e1; le32 0xaa1f03e2; le32 0xaa1f03e3
	le32 0x58000084; le32 0xd61f0080
	le64 "$dtb_base"; le64 "$image_base"
} >"$dir/entry.bin"
args+=(
	-device "loader,file=$image,addr=$image_base,force-raw=on"
	-device "loader,file=$dir/machine.dtb,addr=$dtb_base,force-raw=on"
	-device "loader,file=$dir/entry.bin,addr=0x0,force-raw=on,cpu-num=0"
)
if [ -n "${initrd_size:-}" ]; then
	truncate -s "$((initrd_size))" "$dir/initrd.bin" || exit 1
	args+=(-device "loader,file=$dir/initrd.bin,addr=$initrd_base,force-raw=on")
fi

: >"$dir/console.log"
qemu-system-aarch64 "${args[@]}" 2>"$dir/qemu.err" &
pid=$!
stop() {
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

rc=4
deadline=$((SECONDS + timeout))
while [ $SECONDS -lt "$deadline" ]; do
	if grep -q '\] Memory: ' "$dir/console.log"; then
		rc=0
		break
	fi
	if grep -q 'Kernel panic - not syncing' "$dir/console.log"; then
		rc=3
		break
	fi
	if ! kill -0 "$pid" 2>/dev/null; then
		wait "$pid"
		[ -s "$dir/qemu.err" ] && sed 's/^/qemu: /' "$dir/qemu.err" >&2
		grep -q 'Kernel panic' "$dir/console.log" && exit 3
		exit 1
	fi
	sleep 0.05
done
stop
exit $rc
