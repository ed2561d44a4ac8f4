#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# harness/validate/validate.sh --tree V [--keep DIR] [--jobs N]
#                              [--timeout S] [--summary] SCENARIO...
#
# kresv validate: boots Debian's real arm64 kernel of tree V (6.1, 6.12,
# 7.3) under qemu-system-aarch64 -M virt for each scenario, replays the
# same machine with kresv's boot model, and prints what differs (zone
# ranges, crashkernel lines; harness/validate/compare.sh) with a verdict per
# scenario:
#   agree              every compared line is the same
#   DISAGREE           a zone or crashkernel line differs (listed)
#   cannot validate    qemu virt cannot represent the scenario, the real
#                      kernel hung, or the replay refused it
# A real kernel that panics is compared like any other boot: the model
# must panic with the same message (KERNEL_PANIC) to agree.
# The replay is given the machine the real kernel got: the scenario plus
# the kernel image where it was loaded (its header's image_size) and the
# device tree blob as a reserved range (the kernel reserves both).
#
# --keep DIR keeps, per scenario, DIR/NAME/: the console log, the generated
# DTS and DTB, the replayed scenario and the replay's output.  --jobs N
# boots N scenarios at once (default 2).  --summary ends with one line
# "V: zones A/B, crash lines C/D, agree E/F, cannot validate G".
# Exit: 0 all agree, 1 a disagreement, 2 a scenario could not be validated
# (and none disagreed) or bad usage, 3 image or tree missing.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/harness/validate
SCENARIO_TOOL=$ROOT/build/bin/kresv-scenario
KRESV_IMAGES=${KRESV_IMAGES:-$ROOT/build/images}

die() { # code message
	echo "kresv validate: $2" >&2
	exit "$1"
}

tree='' keep='' jobs=2 timeout=60 summary=0 files=()
while [ $# -gt 0 ]; do
	case $1 in
	--tree) [ $# -ge 2 ] || die 2 "--tree needs a value"; tree=$2; shift 2 ;;
	--keep) [ $# -ge 2 ] || die 2 "--keep needs a directory"; keep=$2; shift 2 ;;
	--jobs) [ $# -ge 2 ] || die 2 "--jobs needs a number"; jobs=$2; shift 2 ;;
	--timeout) [ $# -ge 2 ] || die 2 "--timeout needs seconds"; timeout=$2; shift 2 ;;
	--summary) summary=1; shift ;;
	-*) die 2 "unknown option $1" ;;
	*) files+=("$1"); shift ;;
	esac
done
case $tree in
6.1|6.12|7.3) ;;
*) die 2 "validate needs one of the default trees (6.1, 6.12, 7.3): it boots Debian's kernel of that version" ;;
esac
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die 2 "--jobs: '$jobs' is not a positive number"
[[ $timeout =~ ^[1-9][0-9]*$ ]] || die 2 "--timeout: '$timeout' is not a positive number"
[ ${#files[@]} -gt 0 ] || die 2 "no scenario given"
command -v qemu-system-aarch64 >/dev/null ||
	die 3 "qemu-system-aarch64 not found (Debian package qemu-system-arm; make deps installs it)"
command -v dtc >/dev/null ||
	die 3 "dtc not found (Debian package device-tree-compiler; make deps installs it)"

image=$KRESV_IMAGES/$tree/Image
replay=$ROOT/build/t/$tree/kresv-replay
[ -f "$image" ] || die 3 "no kernel image for $tree (run: ./kresv fetch --image $tree)"
[ -x "$replay" ] || die 3 "no replay built for $tree (run: ./kresv build --tree $tree)"
tree_version=$(sed -n 's/^kernelversion //p' "$ROOT/build/trees/$tree/VERSION" 2>/dev/null)
image_version=$(sed -n 's/^linux-image [^ ]* \([0-9.]*\)-.*/\1/p' "$KRESV_IMAGES/$tree/VERSION")
[ -n "$tree_version" ] && [ "$tree_version" = "$image_version" ] ||
	die 3 "image $image is Linux ${image_version:-?}, tree $tree is ${tree_version:-?}: fetch both again (./kresv fetch $tree; ./kresv fetch --image $tree)"
# the replay is built with the tree's config: it must be the real kernel's
cmp -s "$KRESV_IMAGES/$tree/config" "$ROOT/build/trees/$tree/config" ||
	die 3 "the config of image $tree ($KRESV_IMAGES/$tree/config) differs from the tree's (build/trees/$tree/config): the replay would not be the kernel that boots; fetch both again"
image_size=$(sed -n 's/^image_size //p' "$KRESV_IMAGES/$tree/VERSION")

work=$(mktemp -d "${TMPDIR:-/tmp}/kresv-validate.XXXXXX") || die 1 "cannot make a temporary directory"
cleanup() {
	# a boot still running: its boot_qemu.sh stops the VM on TERM
	local p
	for p in $(jobs -p); do
		pkill -TERM -P "$p" 2>/dev/null
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

align_up() { echo $(((($1) + ($2) - 1) / ($2) * ($2))); }
hex() { printf '0x%x' "$1"; }

# validate_one N SCENARIO: writes $work/N/{verdict,detail,rc}
validate_one() {
	local scn=$2 d=$work/$1 line key val
	mkdir -p "$d"
	verdict() { # rc text
		echo "$1" >"$d/rc"
		printf '%s\n' "$2" >"$d/verdict"
	}
	# what qemu must provide
	if ! "$SCENARIO_TOOL" --machine "$scn" >"$d/machine" 2>"$d/err"; then
		verdict 2 "cannot validate: $(sed 's/^[^:]*: //; q' "$d/err")"
		return
	fi
	local ram_size='' cpu_features='' kernel_base='' initrd_base='' initrd_size=''
	while IFS= read -r line; do
		key=${line%%=*} val=${line#*=}
		case $key in
		ram_size) ram_size=$val ;;
		cpu) cpu_features=$val ;;
		kernel_base) kernel_base=$val ;;
		initrd_base) initrd_base=$val ;;
		initrd_size) initrd_size=$val ;;
		esac
	done <"$d/machine"
	local cpu=cortex-a57
	case $cpu_features in
	'') ;;
	lpa2) cpu=max ;;
	*) verdict 2 "cannot validate: CPU features '$cpu_features': qemu's TCG CPUs cannot be told to have exactly these"; return ;;
	esac
	# the Image where the scenario puts it, else as qemu's -kernel does:
	# 2 MiB above the start of the lowest bank
	"$SCENARIO_TOOL" --write "$scn" >"$d/canonical" 2>"$d/err" || {
		verdict 2 "cannot validate: $(head -n1 "$d/err")"
		return
	}
	if [ -z "$kernel_base" ]; then
		local low
		low=$(awk '$1 == "memory" { print $2 }' "$d/canonical" |
			while read -r b; do printf '%d\n' "$b"; done | sort -n | head -n1)
		kernel_base=$((low + 0x200000))
	fi
	local dtb_base
	dtb_base=$(align_up $((kernel_base + image_size)) 0x200000)
	{
		echo "image=$image"
		echo "image_base=$(hex "$kernel_base")"
		echo "dtb_base=$(hex "$dtb_base")"
		echo "ram_size=$ram_size"
		echo "cpu=$cpu"
		echo "timeout=$timeout"
		[ -n "$initrd_size" ] && echo "initrd_base=$initrd_base" &&
			echo "initrd_size=$initrd_size"
	} >"$d/machine.env"

	# the device tree: qemu's own for this machine, edited by the scenario
	"$HERE/boot_qemu.sh" --dump-dtb "$d" 2>"$d/err" || {
		verdict 2 "cannot validate: qemu: $(grep -m1 . "$d/err")"
		return
	}
	dtc -q -I dtb -O dts -o "$d/base.dts" "$d/base.dtb" 2>"$d/err" &&
		"$SCENARIO_TOOL" --dts-fragment --append-bootargs earlycon "$scn" \
			>"$d/fragment.dts" 2>>"$d/err" &&
		cat "$d/base.dts" "$d/fragment.dts" >"$d/machine.dts" &&
		dtc -q -I dts -O dtb -o "$d/machine.dtb" "$d/machine.dts" 2>>"$d/err" || {
		verdict 2 "cannot validate: device tree: $(grep -m1 . "$d/err")"
		return
	}

	# the real boot
	local brc
	"$HERE/boot_qemu.sh" "$d" 2>"$d/err"
	brc=$?
	case $brc in
	0|3) ;;	# a panic is an outcome to compare too
	4) verdict 2 "cannot validate: the real kernel printed no 'Memory:' line in ${timeout}s (console: $(wc -l <"$d/console.log") lines)"; return ;;
	*) verdict 2 "cannot validate: qemu failed: $(grep -m1 . "$d/err")"; return ;;
	esac

	# the replay of the machine the real kernel got
	{
		grep -v -e '^kernel ' -e '^expect ' "$d/canonical"
		echo "kernel $(hex "$kernel_base") $(hex "$image_size")"
		echo "reserved $(hex "$dtb_base") $(hex "$(stat -c %s "$d/machine.dtb")") dtb"
	} >"$d/replayed.scn"
	"$replay" --tree-name "$tree" "$d/replayed.scn" >"$d/replay.out" 2>"$d/err"
	if [ $? -ge 2 ]; then
		verdict 2 "cannot validate: replay: $(grep -m1 . "$d/err")"
		return
	fi
	sed -n '/^log:$/,/^[^ ]/{/^  /s/^  //p}' "$d/replay.out" >"$d/model.log"

	local cmp
	cmp=$("$HERE/compare.sh" "$d/console.log" "$d/model.log")
	if [ $? -eq 0 ]; then
		verdict 0 "agree: $(head -n1 <<<"$cmp")"
	else
		verdict 1 "DISAGREE: $(head -n1 <<<"$cmp")"
	fi
	tail -n +2 <<<"$cmp" >"$d/detail"
	head -n1 <<<"$cmp" >"$d/counts"
}

report() { # N SCENARIO
	local d=$work/$1
	printf '%s (%s): %s\n' "$2" "$tree" "$(cat "$d/verdict")"
	[ -s "$d/detail" ] && cat "$d/detail"
	if [ -n "$keep" ]; then
		local k
		k=$keep/$(basename "$2" .scn)
		rm -rf "$k"
		mkdir -p "$k" && cp -p "$d"/* "$k"/ 2>/dev/null
		rm -f "$k"/{rc,verdict,detail,counts,err,entry.bin,initrd.bin}
	fi
}

[ -n "$keep" ] && { mkdir -p "$keep" || die 2 "--keep: cannot create $keep"; }
i=0
for f in "${files[@]}"; do
	validate_one "$i" "$f" &
	i=$((i + 1))
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
done
wait

worst=0 agree=0 cannot=0 zones_ok=0 crash_ok=0 booted=0
for ((k = 0; k < i; k++)); do
	report "$k" "${files[k]}"
	rc=$(cat "$work/$k/rc" 2>/dev/null || echo 2)
	case $rc in
	0) agree=$((agree + 1)) ;;
	2) cannot=$((cannot + 1)) ;;
	esac
	if [ -f "$work/$k/counts" ]; then
		booted=$((booted + 1))
		read -r _ z _ c _ <"$work/$k/counts"
		[ "${z%/*}" = "${z#*/}" ] && zones_ok=$((zones_ok + 1))
		[ "${c%/*}" = "${c#*/}" ] && crash_ok=$((crash_ok + 1))
	fi
	if [ "$rc" = 1 ]; then
		worst=1
	elif [ "$rc" = 2 ] && [ $worst = 0 ]; then
		worst=2
	fi
done
[ $summary = 1 ] &&
	echo "$tree: zones $zones_ok/$booted, crash lines $crash_ok/$booted, agree $agree/$i, cannot validate $cannot"
exit $worst
