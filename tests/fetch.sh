# SPDX-License-Identifier: GPL-2.0
# Tests of tree/fetch.sh.
#
# Most tests need no network: apt-get and apt-cache are replaced through
# PATH by small fakes that serve .debs built here, and the apt sources are
# fixture files (KRESV_APT_SOURCES_LIST / KRESV_APT_SOURCES_DIR).  One test
# fetches 6.1 for real from Debian's package archive into a scratch
# directory (about 140 MB, ~30 s); KRESV_TEST_OFFLINE=1 skips it.
# The disk-full test mounts a 1 MiB tmpfs when run as root, and also
# simulates ENOSPC with a fake tar (no root needed).
# The trees in $KRESV_TREES are only read.

source "$KRESV_ROOT/tests/lib.sh"

FETCH=$KRESV_ROOT/tree/fetch.sh

# Own scratch directory: a tmpfs may be mounted inside, which must be
# unmounted before removal.
S=$(mktemp -d "${TMPDIR:-/tmp}/kresv-test.XXXXXX")
TINY=''
cleanup_scratch() {
	[ -n "$TINY" ] && umount "$TINY" 2>/dev/null
	rm -rf "$S"
}
trap cleanup_scratch EXIT
# KRESV_TEST_KEEP=1 keeps the scratch directory for a look afterwards
[ -z "${KRESV_TEST_KEEP:-}" ] ||
	trap '[ -n "$TINY" ] && umount "$TINY"; echo "# scratch kept: $S"' EXIT

NATIVE=$(dpkg --print-architecture 2>/dev/null || echo amd64)
if [ "$NATIVE" = arm64 ]; then ARCHOPT=arch=arm64; else ARCHOPT=arch=$NATIVE,arm64; fi

# run_fetch OUTFILE ENV... -- ARGS...: runs tree/fetch.sh with no system
# apt sources; sets RC, output (stdout+stderr) in OUTFILE.
run_fetch() {
	local out=$1 envs=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	env KRESV_APT_SOURCES_LIST="$S/none" KRESV_APT_SOURCES_DIR="$S/none.d" \
		"${envs[@]}" bash "$FETCH" "$@" >"$out" 2>&1
	RC=$?
}

# no_temps DIR...: none of the DIRs holds a fetch temporary
no_temps() {
	local d left
	for d in "$@"; do
		left=$(find "$d" -maxdepth 1 \( -name '.*.tmp.*' -o -name '.*.old.*' \
			-o -name '.download.*' \) 2>/dev/null)
		[ -z "$left" ] || { echo "left behind: $left"; return 1; }
	done
}

# expect NAME RC PATTERN OUTFILE: exit code RC and a line matching PATTERN
expect() {
	local name=$1 rc=$2 pat=$3 out=$4
	if [ "$RC" -ne "$rc" ]; then
		notok "$name" "exit $RC, expected $rc: $(tail -n 1 "$out")"
	elif ! grep -q -- "$pat" "$out"; then
		notok "$name" "no '$pat' in: $(tail -n 1 "$out")"
	else
		ok "$name"
	fi
}

# ---- usage and sources --------------------------------------------------

run_fetch "$S/out" KRESV_CACHE="$S/u/cache" KRESV_TREES="$S/u/trees" -- 6.1 5.4
expect "unknown version exits 2 with a message" 2 \
	"^kresv fetch: unknown version '5.4'" "$S/out"
check "unknown version creates nothing" test ! -e "$S/u"

run_fetch "$S/out" KRESV_CACHE="$S/u/cache" KRESV_TREES="$S/u/trees" -- --frobnicate
expect "unknown option exits 2" 2 "^kresv fetch: unknown option" "$S/out"

# sources without Debian's package archive: a third-party repository
# whose suite is a Debian code name but component is not main, a deb-src
# line, a comment, a disabled deb822 entry, and a file whose name does not
# end in .list/.sources
mkdir -p "$S/nodeb.d"
cat >"$S/nodeb.list" <<'EOF'
# deb http://mirror.example/debian bookworm main
deb-src http://mirror.example/debian bookworm main
deb [arch=amd64] https://repo.example/linux/debian bookworm stable
EOF
cat >"$S/nodeb.d/vendor.sources" <<'EOF'
Types: deb
URIs: https://vendor.example/node
Suites: nodistro
Components: main

Types: deb
URIs: http://mirror.example/debian
Suites: bookworm
Components: main
Enabled: no
EOF
echo 'deb http://mirror.example/debian bookworm main' >"$S/nodeb.d/old.list.disabled"
run_fetch "$S/out" KRESV_APT_SOURCES_LIST="$S/nodeb.list" \
	KRESV_APT_SOURCES_DIR="$S/nodeb.d" KRESV_CACHE="$S/n/cache" \
	KRESV_TREES="$S/n/trees" -- 6.1
expect "no apt source with Debian's package archive exits 3" 3 \
	"^kresv fetch: no apt source carrying Debian's package archive" "$S/out"

# one-line sources.list plus deb822 security entry (with an embedded key,
# which is not carried over) and distractors
mkdir -p "$S/src1.d"
cat >"$S/src1.list" <<'EOF'
# local mirror
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main contrib  # trailing comment
deb http://mirror.example/debian bookworm-updates main
deb-src http://mirror.example/debian bookworm main
EOF
cat >"$S/src1.d/docker.list" <<'EOF'
deb [ arch=amd64 ] https://repo.example/linux/debian bookworm stable
EOF
cat >"$S/src1.d/debian.sources" <<'EOF'
Types: deb deb-src
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main non-free-firmware
Signed-By:
 -----BEGIN PGP PUBLIC KEY BLOCK-----
 .
 mQINBGPL0BUBEADmW5NdOcHwPIJlgPu6JGLOTW3ws9Jt1/bKXdMf2XD5NfDmBd0H
 -----END PGP PUBLIC KEY BLOCK-----
EOF
echo 'deb http://wrong.example/debian bookworm main' >"$S/src1.d/z.list.save"
cat >"$S/src1.expect" <<EOF
deb [$ARCHOPT signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main
deb [$ARCHOPT signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm-updates main
deb [$ARCHOPT signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm-backports main
deb [$ARCHOPT signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian trixie-backports main
deb [$ARCHOPT] http://mirror.example/debian-security bookworm-security main
EOF
run_fetch "$S/src1.out" KRESV_APT_SOURCES_LIST="$S/src1.list" \
	KRESV_APT_SOURCES_DIR="$S/src1.d" -- --print-sources
if [ "$RC" -eq 0 ] && cmp -s "$S/src1.out" "$S/src1.expect"; then
	ok "private sources from one-line and deb822 files (local mirror)"
else
	notok "private sources from one-line and deb822 files (local mirror)" \
		"exit $RC: $(diff "$S/src1.expect" "$S/src1.out" | grep '^[<>]' | head -n 1)"
fi

# deb822 only, several URIs and suites, a disabled entry first, no
# security archive: no bookworm-security line
mkdir -p "$S/src2.d"
cat >"$S/src2.d/debian.sources" <<'EOF'
# disabled
Types: deb
URIs: http://old.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb
URIs: http://mirror.example/debian
  http://mirror2.example/debian
Suites: trixie
 trixie-updates
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
run_fetch "$S/src2.out" KRESV_APT_SOURCES_LIST="$S/none" \
	KRESV_APT_SOURCES_DIR="$S/src2.d" -- --print-sources
if [ "$RC" -eq 0 ] && [ "$(wc -l <"$S/src2.out")" -eq 4 ] &&
	grep -qxF "deb [$ARCHOPT signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian trixie-backports main" "$S/src2.out" &&
	! grep -q -e old.example -e mirror2 -e security "$S/src2.out"; then
	ok "private sources from deb822 only (first URI, no security archive)"
else
	notok "private sources from deb822 only (first URI, no security archive)" \
		"exit $RC: $(head -n 1 "$S/src2.out")"
fi

# ---- fake archive ---------------------------------------------------------

# The fake apt serves the .debs in $FAKE_DEBS; candidates come from
# FAKE_SRC_VER / FAKE_CFG_VER; every call is logged in $FAKE_LOG.
mkdir -p "$S/bin" "$S/debs"
cat >"$S/bin/apt-get" <<'EOF'
#!/bin/bash
echo "apt-get $*" >>"$FAKE_LOG"
for a in "$@"; do
	case $a in
	update)
		[ -z "${FAKE_UPDATE_FAIL:-}" ] && exit 0
		echo "E: Failed to fetch http://mirror.example/debian/dists/bookworm/InRelease"
		exit 100 ;;
	download) want=1 ;;
	*=*) if [ -n "${want:-}" ]; then
		name=${a%%=*} name=${name%%:*} ver=${a#*=}
		for f in "$FAKE_DEBS/${name}_${ver}_"*.deb; do
			[ -f "$f" ] && cp "$f" . && exit 0
		done
		echo "E: Failed to fetch $name $ver"
		exit 100
	fi ;;
	esac
done
exit 0
EOF
cat >"$S/bin/apt-cache" <<'EOF'
#!/bin/bash
echo "apt-cache $*" >>"$FAKE_LOG"
pkg=${!#}
case $pkg in
linux-source-*) v=$FAKE_SRC_VER ;;
linux-config-*) v=$FAKE_CFG_VER ;;
*) exit 0 ;;
esac
printf '%s:\n  Installed: (none)\n  Candidate: %s\n' "$pkg" "$v"
EOF
chmod +x "$S/bin/apt-get" "$S/bin/apt-cache"

# make_debs V DEBVER PATCHLEVEL SUBLEVEL [PKGVERSION]: fixture
# linux-source-V and linux-config-V .debs named for DEBVER; the tree has
# a 4 MiB file (for the disk-full test) and lacks most of tree/paths.
make_debs() {
	local v=$1 dv=$2 pl=$3 sl=$4 pv=${5:-$2} d t
	d=$S/build.$v.$dv
	t=$d/tree/linux-source-$v
	mkdir -p "$t/mm" "$t/include/linux" "$t/arch/arm64" "$t/arch/x86" \
		"$t/Documentation" "$d/src/DEBIAN" "$d/src/usr/src" \
		"$d/cfg/DEBIAN" "$d/cfg/usr/src/linux-config-$v"
	printf 'VERSION = %s\nPATCHLEVEL = %s\nSUBLEVEL = %s\nEXTRAVERSION =\n' \
		"${v%%.*}" "$pl" "$sl" >"$t/Makefile"
	echo 'source "mm/Kconfig"' >"$t/Kconfig"
	echo '/* memblock */' >"$t/mm/memblock.c"
	head -c 4194304 /dev/zero >"$t/mm/big"
	echo '/* header */' >"$t/include/linux/memblock.h"
	echo 'config ARM64' >"$t/arch/arm64/Kconfig"
	echo 'config X86' >"$t/arch/x86/Kconfig"
	echo other >"$t/Documentation/other.rst"
	tar -C "$d/tree" -cJf "$d/src/usr/src/linux-source-$v.tar.xz" "linux-source-$v"
	printf 'CONFIG_ARM64=y\nCONFIG_HAVE_MEMBLOCK=y\n' |
		xz >"$d/cfg/usr/src/linux-config-$v/config.arm64_none_arm64.xz"
	printf 'Package: linux-source-%s\nVersion: %s\nArchitecture: all\nMaintainer: kresv tests <tests@invalid>\nDescription: fixture\n' \
		"$v" "$pv" >"$d/src/DEBIAN/control"
	printf 'Package: linux-config-%s\nVersion: %s\nArchitecture: arm64\nMaintainer: kresv tests <tests@invalid>\nDescription: fixture\n' \
		"$v" "$pv" >"$d/cfg/DEBIAN/control"
	dpkg-deb --root-owner-group -b "$d/src" "$S/debs/linux-source-${v}_${dv}_all.deb" >/dev/null &&
		dpkg-deb --root-owner-group -b "$d/cfg" "$S/debs/linux-config-${v}_${dv}_arm64.deb" >/dev/null
}

echo 'deb http://mirror.example/debian bookworm main' >"$S/fake.list"
FAKE_ENV=(PATH="$S/bin:$PATH" FAKE_DEBS="$S/debs" FAKE_LOG="$S/fake.log"
	KRESV_APT_SOURCES_LIST="$S/fake.list" KRESV_APT_SOURCES_DIR="$S/none.d")

if ! make_debs 6.1 6.1.99-1 1 99 || ! make_debs 6.1 6.1.100-1 2 0 ||
	! make_debs 6.1 6.1.101-1 1 101 6.1.77-1; then
	notok "fixture .debs" "dpkg-deb -b failed"
fi

F=$S/f
run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.99-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
if [ "$RC" -ne 0 ]; then
	notok "fetch from a (fake) archive" "exit $RC: $(tail -n 1 "$S/out")"
elif [ "$(cat "$F/trees/6.1/VERSION" 2>/dev/null)" != "$(printf 'linux-source-6.1 6.1.99-1\nlinux-config-6.1 6.1.99-1\nkernelversion 6.1.99')" ]; then
	notok "fetch from a (fake) archive" "VERSION: $(tr '\n' ' ' <"$F/trees/6.1/VERSION" 2>&1)"
elif ! grep -qx 'CONFIG_ARM64=y' "$F/trees/6.1/config"; then
	notok "fetch from a (fake) archive" "config not decompressed"
else
	ok "fetch from a (fake) archive"
fi
if [ -f "$F/trees/6.1/src/mm/memblock.c" ] && [ -f "$F/trees/6.1/src/arch/arm64/Kconfig" ] &&
	[ ! -e "$F/trees/6.1/src/arch/x86" ] && [ ! -e "$F/trees/6.1/src/Documentation/other.rst" ]; then
	ok "only tree/paths are unpacked"
else
	notok "only tree/paths are unpacked" "$(cd "$F/trees/6.1/src" 2>/dev/null && find . -type f | sort | tr '\n' ' ')"
fi
if [ "$RC" -eq 0 ] && grep -q 'tools is not in this tree' "$S/out"; then
	ok "paths missing from the tarball are reported, not fatal"
else
	notok "paths missing from the tarball are reported, not fatal" "exit $RC: $(tail -n 1 "$S/out")"
fi
check "no temporaries after a fetch" no_temps "$F/trees" "$F/cache"

: >"$S/fake.log"
run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.99-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
if [ "$RC" -eq 0 ] && grep -qx 'kresv: tree 6.1 up to date (6.1.99)' "$S/out" &&
	! grep -q -e ' download ' -e ' update' "$S/fake.log"; then
	ok "an up-to-date tree is not fetched again (nor the lists updated within the hour)"
else
	notok "an up-to-date tree is not fetched again (nor the lists updated within the hour)" \
		"exit $RC: $(tail -n 1 "$S/out"); $(grep -e download -e update "$S/fake.log" | head -n 1)"
fi

run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.98-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
expect "linux-source and linux-config of different upstream versions exit 5" 5 \
	"^kresv fetch: .*not the same upstream version" "$S/out"

# the candidate is 6.1.100-1, but its tree's Makefile says 6.2: the old
# tree stays, nothing half-written is left
run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.100-1 FAKE_CFG_VER=6.1.100-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
expect "a tree whose Makefile is not version V exits 5" 5 \
	"^kresv fetch: tree in .* is version 6.2 (Makefile), expected 6.1" "$S/out"
if grep -qx 'linux-source-6.1 6.1.99-1' "$F/trees/6.1/VERSION" 2>/dev/null &&
	[ -f "$F/trees/6.1/src/Makefile" ] && no_temps "$F/trees" "$F/cache" >/dev/null; then
	ok "a failed fetch keeps the old tree and leaves no temporaries"
else
	notok "a failed fetch keeps the old tree and leaves no temporaries" \
		"$(ls -a "$F/trees" "$F/trees/6.1" 2>&1 | tr '\n' ' ')"
fi

# the archive hands out a .deb that is not the candidate version
run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.101-1 FAKE_CFG_VER=6.1.101-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
expect "a downloaded .deb that is not the candidate exits 5" 5 \
	"^kresv fetch: downloaded .* has version 6.1.77-1, apt's candidate is 6.1.101-1" "$S/out"
if ! compgen -G "$F/cache/*6.1.101*" >/dev/null && no_temps "$F/cache" >/dev/null; then
	ok "a rejected download leaves no .deb in the cache"
else
	notok "a rejected download leaves no .deb in the cache" "$(ls -a "$F/cache" | tr '\n' ' ')"
fi

run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.102-1 FAKE_CFG_VER=6.1.102-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
expect "a failed download exits 4" 4 "^kresv fetch: download of linux-source-6.1 6.1.102-1 failed" "$S/out"
check "no temporaries after a failed download" no_temps "$F/trees" "$F/cache"

run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_UPDATE_FAIL=1 FAKE_SRC_VER=6.1.99-1 \
	FAKE_CFG_VER=6.1.99-1 KRESV_CACHE="$S/g/cache" KRESV_TREES="$S/g/trees" -- 6.1
expect "an unreachable archive (apt-get update fails) exits 4" 4 \
	"^kresv fetch: apt-get update failed: E: Failed to fetch" "$S/out"

# a newer candidate replaces the tree and the cache keeps only its .debs
make_debs 6.1 6.1.103-1 1 103 >/dev/null
run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.103-1 FAKE_CFG_VER=6.1.103-1 \
	KRESV_CACHE="$F/cache" KRESV_TREES="$F/trees" -- 6.1
if [ "$RC" -eq 0 ] && grep -qx 'kernelversion 6.1.103' "$F/trees/6.1/VERSION" &&
	[ "$(cd "$F/cache" && ls ./*.deb | tr '\n' ' ')" = "./linux-config-6.1_6.1.103-1_arm64.deb ./linux-source-6.1_6.1.103-1_all.deb " ] &&
	no_temps "$F/trees" "$F/cache" >/dev/null; then
	ok "a new version replaces the tree; the cache keeps only its .debs"
else
	notok "a new version replaces the tree; the cache keeps only its .debs" \
		"exit $RC: $(tail -n 1 "$S/out"); cache: $(ls "$F/cache" | tr '\n' ' ')"
fi

# ---- disk full --------------------------------------------------------------

# real: a 1 MiB tmpfs for the trees (root only)
mkdir -p "$S/tiny"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m kresv-test "$S/tiny" 2>/dev/null; then
	TINY=$S/tiny
	run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.99-1 \
		KRESV_CACHE="$S/t/cache" KRESV_TREES="$TINY" -- 6.1
	expect "disk full while unpacking exits 6 (1 MiB tmpfs)" 6 \
		"^kresv fetch: disk full while unpacking linux-source-6.1_6.1.99-1_all.deb into $TINY/6.1\$" "$S/out"
	if no_temps "$TINY" >/dev/null && [ -z "$(ls -A "$TINY")" ]; then
		ok "nothing left on the full disk"
	else
		notok "nothing left on the full disk" "$(ls -A "$TINY" | tr '\n' ' ')"
	fi
	umount "$TINY" && TINY=''
else
	skip "disk full while unpacking exits 6 (1 MiB tmpfs)" "needs root and mount -t tmpfs"
fi

# simulated: a tar that reports ENOSPC on the final extraction
mkdir -p "$S/bin-full"
cat >"$S/bin-full/tar" <<EOF
#!/bin/bash
case " \$* " in
*" --wildcards "*)
	cat >/dev/null
	echo "tar: linux-source-6.1/mm/big: Cannot write: No space left on device" >&2
	echo "tar: Exiting with failure status due to previous errors" >&2
	exit 2 ;;
esac
exec $(command -v tar) "\$@"
EOF
chmod +x "$S/bin-full/tar"
run_fetch "$S/out" "${FAKE_ENV[@]}" PATH="$S/bin-full:$S/bin:$PATH" \
	FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.99-1 \
	KRESV_CACHE="$S/t2/cache" KRESV_TREES="$S/t2/trees" -- 6.1
expect "disk full while unpacking exits 6 (tar reporting ENOSPC)" 6 \
	"^kresv fetch: disk full while unpacking .* into $S/t2/trees/6.1\$" "$S/out"
if no_temps "$S/t2/trees" "$S/t2/cache" >/dev/null && [ ! -e "$S/t2/trees/6.1" ]; then
	ok "no half-written tree after a failed unpack"
else
	notok "no half-written tree after a failed unpack" "$(ls -A "$S/t2/trees" | tr '\n' ' ')"
fi

# interrupted while unpacking: a slow xz, TERM once the temporary exists
mkdir -p "$S/bin-slow"
cat >"$S/bin-slow/xz" <<EOF
#!/bin/bash
sleep 2
exec $(command -v xz) "\$@"
EOF
chmod +x "$S/bin-slow/xz"
env KRESV_APT_SOURCES_LIST="$S/fake.list" KRESV_APT_SOURCES_DIR="$S/none.d" \
	PATH="$S/bin-slow:$S/bin:$PATH" FAKE_DEBS="$S/debs" FAKE_LOG="$S/fake.log" \
	FAKE_SRC_VER=6.1.99-1 FAKE_CFG_VER=6.1.99-1 \
	KRESV_CACHE="$S/i/cache" KRESV_TREES="$S/i/trees" \
	bash "$FETCH" 6.1 >"$S/out" 2>&1 &
pid=$!
for _ in $(seq 100); do
	compgen -G "$S/i/trees/.6.1.tmp.*" >/dev/null && break
	sleep 0.1
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
RC=$?
if [ "$RC" -eq 143 ] && no_temps "$S/i/trees" "$S/i/cache" >/dev/null &&
	[ ! -e "$S/i/trees/6.1" ]; then
	ok "an interrupted fetch leaves no temporaries"
else
	notok "an interrupted fetch leaves no temporaries" \
		"exit $RC; $(ls -A "$S/i/trees" "$S/i/cache" 2>&1 | tr '\n' ' ')"
fi

# ---- tree/paths ---------------------------------------------------------------

missing=''
for p in Makefile Kconfig Documentation/admin-guide/kdump arch/arm64 arch/Kconfig \
	include init kernel lib mm scripts tools; do
	grep -qx "$p" "$KRESV_ROOT/tree/paths" || missing="$missing $p"
done
if [ -z "$missing" ]; then ok "tree/paths lists the needed paths"
else notok "tree/paths lists the needed paths" "missing:$missing"; fi

# ---- trees in $KRESV_TREES (read only) ------------------------------------------

for v in 6.1 6.12 7.3; do
	t=$KRESV_TREES/$v
	name="$v tree in \$KRESV_TREES matches its VERSION"
	if [ ! -f "$t/VERSION" ]; then
		skip "$name" "no $t/VERSION (not fetched by tree/fetch.sh)"
		continue
	fi
	mk=$(awk -F= '/^(VERSION|PATCHLEVEL|SUBLEVEL)[ \t]*=/ { gsub(/[ \t]/, "", $2); printf "%s%s", sep, $2; sep = "." }' "$t/src/Makefile" 2>/dev/null)
	sv=$(awk -v p="linux-source-$v" '$1 == p { print $2 }' "$t/VERSION")
	cv=$(awk -v p="linux-config-$v" '$1 == p { print $2 }' "$t/VERSION")
	kv=$(awk '$1 == "kernelversion" { print $2 }' "$t/VERSION")
	if [ -n "$sv" ] && [ -n "$cv" ] && [ "$kv" = "$mk" ] && [ "${mk%.*}" = "$v" ] &&
		[ -f "$t/config" ]; then
		ok "$name"
	else
		notok "$name" "VERSION: $(tr '\n' ' ' <"$t/VERSION"); Makefile: $mk"
	fi
done

# ---- real archive ---------------------------------------------------------------

name="fetch 6.1 from Debian's package archive"
if [ -n "${KRESV_TEST_OFFLINE:-}" ]; then
	skip "$name" "KRESV_TEST_OFFLINE is set"
	skip "a second fetch of 6.1 finds it up to date" "KRESV_TEST_OFFLINE is set"
else
	R=$S/real
	start=$SECONDS
	KRESV_CACHE=$R/cache KRESV_TREES=$R/trees bash "$FETCH" 6.1 >"$S/real.out" 2>&1
	RC=$?
	if [ "$RC" -eq 3 ] || [ "$RC" -eq 4 ]; then
		skip "$name" "$(tail -n 1 "$S/real.out")"
		skip "a second fetch of 6.1 finds it up to date" "no first fetch"
	else
		sv=$(awk '$1 == "linux-source-6.1" { print $2 }' "$R/trees/6.1/VERSION" 2>/dev/null)
		if [ "$RC" -eq 0 ] && [ -n "$sv" ] &&
			grep -qx "linux-config-6.1 $sv" "$R/trees/6.1/VERSION" &&
			grep -qx 'kernelversion 6\.1\.[0-9]*' "$R/trees/6.1/VERSION" &&
			[ -f "$R/trees/6.1/src/mm/memblock.c" ] &&
			[ -f "$R/trees/6.1/src/arch/arm64/mm/init.c" ] &&
			grep -qx 'CONFIG_ARM64=y' "$R/trees/6.1/config" &&
			[ "$(ls "$R/cache"/*.deb | wc -l)" -eq 2 ] &&
			no_temps "$R/trees" "$R/cache" >/dev/null; then
			ok "$name ($((SECONDS - start))s)"
		else
			notok "$name" "exit $RC: $(tail -n 1 "$S/real.out")"
		fi
		before=$(stat -c %i.%Y "$R/cache"/*.deb 2>/dev/null)
		KRESV_CACHE=$R/cache KRESV_TREES=$R/trees bash "$FETCH" 6.1 >"$S/real2.out" 2>&1
		RC=$?
		if [ "$RC" -eq 0 ] && grep -qx "kresv: tree 6.1 up to date (${sv%-*})" "$S/real2.out" &&
			[ "$(stat -c %i.%Y "$R/cache"/*.deb 2>/dev/null)" = "$before" ]; then
			ok "a second fetch of 6.1 finds it up to date"
		else
			notok "a second fetch of 6.1 finds it up to date" "exit $RC: $(tail -n 1 "$S/real2.out")"
		fi
	fi
fi
