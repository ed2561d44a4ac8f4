# SPDX-License-Identifier: GPL-2.0
# Tests of tree/fetch.sh.
#
# Most tests need no network: apt-get and apt-cache are replaced through
# PATH by small fakes that serve .debs built here, and the apt sources are
# fixture files (KRESV_APT_SOURCES_LIST / KRESV_APT_SOURCES_DIR).  One test
# fetches 6.1 for real from Debian's package archive into a scratch
# directory (about 140 MB, ~30 s), another the 6.1 arm64 kernel image
# (--image) into the project's cache ($KRESV_CACHE or build/cache: ~60 MB
# once, then a few seconds) and a scratch directory; KRESV_TEST_OFFLINE=1
# skips both.
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
# policy, pkgnames and show; kernel image packages come from $FAKE_IMAGES,
# lines "NAME VERSION [DEPENDS]"
echo "apt-cache $*" >>"$FAKE_LOG"
cmd='' args=()
while [ $# -gt 0 ]; do
	case $1 in
	-o) shift 2; continue ;;
	-*) shift; continue ;;
	esac
	if [ -z "$cmd" ]; then cmd=$1; else args+=("$1"); fi
	shift
done
images() { [ -n "${FAKE_IMAGES:-}" ] && [ -f "$FAKE_IMAGES" ] && cat "$FAKE_IMAGES"; }
case $cmd in
pkgnames)
	images | awk -v p="${args[0]}" 'index($1, p) == 1 { print $1 }'
	exit 0 ;;
show)
	a=${args[0]} name=${args[0]%%[:=]*}
	images | awk -v n="$name" -v v="${a#*=}" '$1 == n && $2 == v {
		printf "Package: %s\nVersion: %s\n", $1, $2
		if (NF > 2) { d = $3; for (i = 4; i <= NF; i++) d = d " " $i; print "Depends: " d }
		print "" }'
	exit 0 ;;
esac
for pkg in "${args[@]}"; do
	case $pkg in
	linux-source-*) v=$FAKE_SRC_VER ;;
	linux-config-*) v=$FAKE_CFG_VER ;;
	*) v=$(images | awk -v n="${pkg%:*}" '$1 == n { print $2; exit }') ;;
	esac
	[ -n "$v" ] && printf '%s:\n  Installed: (none)\n  Candidate: %s\n' "$pkg" "$v"
done
exit 0
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

# ---- kernel images (--image) --------------------------------------------------

# le32 N / le64 N: N as little-endian bytes
le32() {
	local n=$1
	printf '%b' "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((n & 255)) \
		$(((n >> 8) & 255)) $(((n >> 16) & 255)) $(((n >> 24) & 255)))"
}
le64() { le32 $(($1 & 0xffffffff)); le32 $(($1 >> 32)); }

# fake_image FILE: a small arm64 Image (text_offset 0x80000, image_size 2 MiB)
fake_image() {
	{
		printf 'MZ\x40\xfa'; le32 0; le64 524288; le64 2097152; le64 10
		le64 0; le64 0; le64 0; printf 'ARMd'; le32 64
		seq 1 3000
	} >"$1"
}
IMG=$S/Image.fixture
fake_image "$IMG"

# zboot COMP FILE: IMG as an EFI zboot image whose payload is COMP
# (gzip, zstd), with the 4 size bytes the kernel appends after it
zboot() {
	local p=$S/payload.$1
	case $1 in
	gzip) gzip -9nc "$IMG" >"$p" ;;
	zstd) zstd -q -19 -c "$IMG" >"$p" ;;
	esac
	{
		printf 'MZ\0\0zimg'; le32 512; le32 "$(stat -c %s "$p")"; le32 0; le32 0
		printf '%s' "$1"; head -c $((512 - 24 - ${#1})) /dev/zero
		cat "$p"; le32 "$(stat -c %s "$IMG")"
	} >"$2"
}

# image_deb NAME VERSION RELEASE FORMAT LAYOUT [DEPENDS]: a fixture image
# .deb in $S/debs, listed in $FAKE_IMAGES.  FORMAT: raw, gzip, zboot-gzip,
# zboot-zstd, junk (not an Image).  LAYOUT: boot (./boot/vmlinuz-R and
# config-R), binary (./usr/lib/modules/R/vmlinuz), base (its config), stub
# (neither).  The config has one line more than the fixture trees'.
image_deb() {
	local name=$1 ver=$2 r=$3 fmt=$4 layout=$5 deps=${6:-} d k c
	d=$S/build.$name.$ver
	mkdir -p "$d/DEBIAN" "$d/usr/share/doc/$name"
	echo fixture >"$d/usr/share/doc/$name/README"
	case $layout in
	boot) mkdir -p "$d/boot"; k=$d/boot/vmlinuz-$r c=$d/boot/config-$r ;;
	binary) mkdir -p "$d/usr/lib/modules/$r"; k=$d/usr/lib/modules/$r/vmlinuz c='' ;;
	base) mkdir -p "$d/usr/lib/modules/$r/dtb"; k='' c=$d/usr/lib/modules/$r/config
		echo 'not this one' >"$d/usr/lib/modules/$r/dtb/config" ;;
	stub) k='' c='' ;;
	esac
	if [ -n "$k" ]; then
		case $fmt in
		raw) cp "$IMG" "$k" ;;
		gzip) gzip -9nc "$IMG" >"$k" ;;
		zboot-*) zboot "${fmt#zboot-}" "$k" ;;
		junk) seq 1 1000 | gzip -c >"$k" ;;
		esac
	fi
	[ -z "$c" ] || printf 'CONFIG_ARM64=y\nCONFIG_HAVE_MEMBLOCK=y\nCONFIG_EFI=y\n' >"$c"
	printf 'Package: %s\nVersion: %s\nArchitecture: arm64\nMaintainer: kresv tests <tests@invalid>\nDescription: fixture\n' \
		"$name" "$ver" >"$d/DEBIAN/control"
	dpkg-deb --root-owner-group -Zgzip -b "$d" "$S/debs/${name}_${ver}_arm64.deb" >/dev/null &&
		echo "$name $ver $deps" >>"$S/images.list"
}

: >"$S/images.list"
{
	# 6.1.99-1: -unsigned (raw) preferred over the signed one (gzip);
	# other ABI numbers and flavours around it
	image_deb linux-image-6.1.0-9-arm64-unsigned 6.1.99-1 6.1.0-9-arm64 raw boot &&
		image_deb linux-image-6.1.0-9-arm64 6.1.99-1 6.1.0-9-arm64 gzip boot &&
		image_deb linux-image-6.1.0-8-arm64-unsigned 6.1.98-1 6.1.0-8-arm64 raw boot &&
		image_deb linux-image-6.1.0-9-cloud-arm64 6.1.99-1 6.1.0-9-cloud-arm64 raw boot &&
		image_deb linux-image-6.1.0-9-arm64-dbg 6.1.99-1 6.1.0-9-arm64 raw boot &&
		# 6.1.100-1: only a signed gzip image; 6.1.101-1, 6.1.102-1: EFI zboot
		image_deb linux-image-6.1.0-10-arm64 6.1.100-1 6.1.0-10-arm64 gzip boot &&
		image_deb linux-image-6.1.0-11-arm64 6.1.101-1 6.1.0-11-arm64 zboot-gzip boot &&
		# 6.1.103-1: not an Image
		image_deb linux-image-6.1.0-13-arm64 6.1.103-1 6.1.0-13-arm64 junk boot &&
		# 7.3: a stub image package; the kernel and config are split off
		image_deb linux-image-7.3.4+deb13-arm64 7.3.4-1 7.3.4+deb13-arm64 raw stub \
			'linux-base (>= 4.17~), linux-base-7.3.4+deb13-arm64 (= 7.3.4-1), linux-binary-7.3.4+deb13-arm64 (= 7.3.4-1), linux-modules-7.3.4+deb13-arm64 (= 7.3.4-1)' &&
		image_deb linux-binary-7.3.4+deb13-arm64 7.3.4-1 7.3.4+deb13-arm64 zboot-gzip binary &&
		image_deb linux-base-7.3.4+deb13-arm64 7.3.4-1 7.3.4+deb13-arm64 raw base
} || notok "fixture image .debs" "dpkg-deb -b failed"
HAVE_ZSTD=''
if command -v zstd >/dev/null; then
	HAVE_ZSTD=1
	image_deb linux-image-6.1.0-12-arm64 6.1.102-1 6.1.0-12-arm64 zboot-zstd boot ||
		notok "fixture image .debs" "dpkg-deb -b failed"
fi
# a tree of an older version whose config lacks CONFIG_EFI
mkdir -p "$S/it/trees/6.1"
printf 'linux-source-6.1 6.1.98-1\nlinux-config-6.1 6.1.98-1\nkernelversion 6.1.98\n' >"$S/it/trees/6.1/VERSION"
printf 'CONFIG_ARM64=y\nCONFIG_HAVE_MEMBLOCK=y\n' >"$S/it/trees/6.1/config"

I=$S/it
IMG_ENV=("${FAKE_ENV[@]}" FAKE_IMAGES="$S/images.list" KRESV_CACHE="$I/cache"
	KRESV_TREES="$I/trees" KRESV_IMAGES="$I/images")

: >"$S/fake.log"
run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.99-1 -- --image 6.1
name="--image 6.1: the -unsigned arm64 image of the linux-source version"
want=$(printf 'linux-image linux-image-6.1.0-9-arm64-unsigned 6.1.99-1\nkernelrelease 6.1.0-9-arm64\nimage_size 2097152\ntext_offset 524288')
if [ "$RC" -ne 0 ]; then
	notok "$name" "exit $RC: $(tail -n 1 "$S/out")"
elif [ "$(cat "$I/images/6.1/VERSION" 2>&1)" != "$want" ]; then
	notok "$name" "VERSION: $(tr '\n' ' ' <"$I/images/6.1/VERSION" 2>&1)"
elif ! cmp -s "$IMG" "$I/images/6.1/Image" || ! grep -qx 'CONFIG_EFI=y' "$I/images/6.1/config"; then
	notok "$name" "Image or config not unpacked"
elif grep ' download ' "$S/fake.log" | grep -qv 'linux-image-6.1.0-9-arm64-unsigned:arm64=6.1.99-1$'; then
	notok "$name" "downloaded $(grep ' download ' "$S/fake.log" | tr '\n' ' ')"
else
	ok "$name"
fi
if grep -qx "kresv: image 6.1: its config differs from $I/trees/6.1/config in 1 lines" "$S/out" &&
	grep -q '^kresv: tree 6.1 is linux-source-6.1 6.1.98-1, the image is 6.1.99-1' "$S/out"; then
	ok "--image notes a tree of another version and a different config"
else
	notok "--image notes a tree of another version and a different config" "$(grep -c . "$S/out") lines: $(tr '\n' '|' <"$S/out")"
fi
check "no temporaries after --image" no_temps "$I/images" "$I/cache"

: >"$S/fake.log"
run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.99-1 -- --image 6.1
if [ "$RC" -eq 0 ] &&
	grep -qx 'kresv: image 6.1 up to date (linux-image-6.1.0-9-arm64-unsigned 6.1.99-1)' "$S/out" &&
	! grep -q ' download ' "$S/fake.log"; then
	ok "an up-to-date image is not fetched again"
else
	notok "an up-to-date image is not fetched again" "exit $RC: $(head -n 1 "$S/out")"
fi

run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.100-1 -- --image 6.1
if [ "$RC" -eq 0 ] && cmp -s "$IMG" "$I/images/6.1/Image" &&
	grep -qx 'linux-image linux-image-6.1.0-10-arm64 6.1.100-1' "$I/images/6.1/VERSION" &&
	[ "$(cd "$I/cache" && ls ./*.deb | tr '\n' ' ')" = "./linux-image-6.1.0-10-arm64_6.1.100-1_arm64.deb " ]; then
	ok "a gzip-compressed image (signed only) replaces the old one; the cache keeps only its .deb"
else
	notok "a gzip-compressed image (signed only) replaces the old one; the cache keeps only its .deb" \
		"exit $RC: $(tail -n 1 "$S/out"); cache: $(ls "$I/cache" | tr '\n' ' ')"
fi

run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.101-1 -- --image 6.1
if [ "$RC" -eq 0 ] && cmp -s "$IMG" "$I/images/6.1/Image" &&
	grep -q '(EFI zboot, gzip)' "$S/out"; then
	ok "an EFI zboot image (gzip payload) is unpacked to the raw Image"
else
	notok "an EFI zboot image (gzip payload) is unpacked to the raw Image" "exit $RC: $(tail -n 1 "$S/out")"
fi

if [ -n "$HAVE_ZSTD" ]; then
	run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.102-1 -- --image 6.1
	if [ "$RC" -eq 0 ] && cmp -s "$IMG" "$I/images/6.1/Image" &&
		grep -q '(EFI zboot, zstd)' "$S/out"; then
		ok "an EFI zboot image (zstd payload) is unpacked to the raw Image"
	else
		notok "an EFI zboot image (zstd payload) is unpacked to the raw Image" "exit $RC: $(tail -n 1 "$S/out")"
	fi
	# the same without a zstd tool: every tool of the PATH but zstd
	mkdir -p "$S/bin-nozstd"
	for d in /usr/local/bin /usr/bin /bin; do
		for f in "$d"/*; do
			[ "${f##*/}" = zstd ] || [ -e "$S/bin-nozstd/${f##*/}" ] ||
				ln -s "$f" "$S/bin-nozstd/${f##*/}"
		done
	done
	run_fetch "$S/out" "${IMG_ENV[@]}" PATH="$S/bin:$S/bin-nozstd" FAKE_SRC_VER=6.1.102-1 \
		KRESV_IMAGES="$S/nz/images" -- --image 6.1
	expect "a zstd EFI zboot image without the zstd tool exits 1 naming it" 1 \
		"^kresv fetch: zstd not found: needed to decompress" "$S/out"
else
	skip "an EFI zboot image (zstd payload) is unpacked to the raw Image" "no zstd here"
	skip "a zstd EFI zboot image without the zstd tool exits 1 naming it" "no zstd here"
fi

run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.103-1 -- --image 6.1
expect "a vmlinuz that is not an arm64 Image exits 5" 5 \
	"^kresv fetch: the vmlinuz of linux-image-6.1.0-13-arm64 6.1.103-1 (gzip) does not hold an arm64 Image" "$S/out"
if grep -qx 'linux-image linux-image-6.1.0-1[12]-arm64 6.1.10[12]-1' "$I/images/6.1/VERSION" &&
	cmp -s "$IMG" "$I/images/6.1/Image" && no_temps "$I/images" "$I/cache" >/dev/null; then
	ok "a failed --image keeps the old image and leaves no temporaries"
else
	notok "a failed --image keeps the old image and leaves no temporaries" "$(ls -A "$I/images" | tr '\n' ' ')"
fi

run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.110-1 -- --image 6.1
expect "no arm64 image of the linux-source version exits 5" 5 \
	"^kresv fetch: .*no arm64 kernel image of version 6.1.110-1 .*offered: linux-image-6.1.0-13-arm64 6.1.103-1, .* and 3 older\$" "$S/out"

# a fake gzip reporting ENOSPC
mkdir -p "$S/bin-gzfull"
cat >"$S/bin-gzfull/gzip" <<'EOF'
#!/bin/bash
cat >/dev/null
echo "gzip: stdout: No space left on device" >&2
exit 1
EOF
chmod +x "$S/bin-gzfull/gzip"
run_fetch "$S/out" "${IMG_ENV[@]}" PATH="$S/bin-gzfull:$S/bin:$PATH" FAKE_SRC_VER=6.1.100-1 \
	KRESV_IMAGES="$S/gf/images" -- --image 6.1
expect "disk full while decompressing the image exits 6" 6 \
	"^kresv fetch: disk full while unpacking the gzip-compressed vmlinuz of linux-image-6.1.0-10-arm64 6.1.100-1 into $S/gf/images/6.1\$" "$S/out"
check "no half-written image after a failed unpack" test ! -e "$S/gf/images/6.1" -a -z "$(ls -A "$S/gf/images")"

: >"$S/fake.log"
run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=7.3.4-1 -- --image 7.3
name="--image 7.3: a kernel and config split off the image package are fetched too"
want=$(printf 'linux-image linux-image-7.3.4+deb13-arm64 7.3.4-1\nlinux-base linux-base-7.3.4+deb13-arm64 7.3.4-1\nlinux-binary linux-binary-7.3.4+deb13-arm64 7.3.4-1\nkernelrelease 7.3.4+deb13-arm64\nimage_size 2097152\ntext_offset 524288')
if [ "$RC" -ne 0 ]; then
	notok "$name" "exit $RC: $(tail -n 1 "$S/out")"
elif [ "$(cat "$I/images/7.3/VERSION" 2>&1)" != "$want" ]; then
	notok "$name" "VERSION: $(tr '\n' ' ' <"$I/images/7.3/VERSION" 2>&1)"
elif ! cmp -s "$IMG" "$I/images/7.3/Image" || ! grep -qx 'CONFIG_EFI=y' "$I/images/7.3/config"; then
	notok "$name" "Image or config not unpacked"
elif grep -q 'download linux-modules' "$S/fake.log"; then
	notok "$name" "the modules were downloaded"
else
	ok "$name"
fi

run_fetch "$S/out" "${IMG_ENV[@]}" FAKE_SRC_VER=6.1.99-1 -- --image 6.1 5.4
expect "--image with an unknown version exits 2" 2 "^kresv fetch: unknown version '5.4'" "$S/out"

run_fetch "$S/out" KRESV_CACHE="$S/u/cache" KRESV_IMAGES="$S/u/images" -- --image 6.1
expect "--image without an apt source for Debian's package archive exits 3" 3 \
	"^kresv fetch: no apt source carrying Debian's package archive" "$S/out"

run_fetch "$S/out" "${FAKE_ENV[@]}" FAKE_UPDATE_FAIL=1 FAKE_SRC_VER=6.1.99-1 \
	FAKE_IMAGES="$S/images.list" KRESV_CACHE="$S/g2/cache" KRESV_IMAGES="$S/g2/images" -- --image 6.1
expect "--image with an unreachable archive exits 4" 4 \
	"^kresv fetch: apt-get update failed: E: Failed to fetch" "$S/out"
check "an unreachable archive leaves no image" test ! -e "$S/g2/images/6.1"

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

# the arm64 image of 6.1, for real: the .debs go to the project's cache
# (downloaded once, ~60 MB; later runs only unpack, a few seconds), the
# image to the scratch directory
name="fetch the 6.1 arm64 image from Debian's package archive"
name2="a second --image 6.1 finds it up to date"
if [ -n "${KRESV_TEST_OFFLINE:-}" ]; then
	skip "$name" "KRESV_TEST_OFFLINE is set"
	skip "$name2" "KRESV_TEST_OFFLINE is set"
else
	RI=$S/real-images
	RC_CACHE=${KRESV_CACHE:-$KRESV_ROOT/build/cache}
	start=$SECONDS
	KRESV_CACHE=$RC_CACHE KRESV_IMAGES=$RI bash "$FETCH" --image 6.1 >"$S/rimg.out" 2>&1
	RC=$?
	if [ "$RC" -eq 3 ] || [ "$RC" -eq 4 ]; then
		skip "$name" "$(tail -n 1 "$S/rimg.out")"
		skip "$name2" "no first fetch"
	else
		V=$RI/6.1/VERSION
		pkg=$(awk '$1 == "linux-image" { print $2 }' "$V" 2>/dev/null)
		pver=$(awk '$1 == "linux-image" { print $3 }' "$V" 2>/dev/null)
		isize=$(awk '$1 == "image_size" { print $2 }' "$V" 2>/dev/null)
		why=''
		if [ "$RC" -ne 0 ]; then
			why="exit $RC: $(tail -n 1 "$S/rimg.out")"
		elif ! [[ $pkg =~ ^linux-image-6\.1\.[^-]*(-[0-9]+)?-arm64(-unsigned)?$ ]] || [ -z "$pver" ]; then
			why="VERSION: $(tr '\n' ' ' <"$V")"
		elif ! grep -qx 'kernelrelease 6\.1\..*-arm64' "$V" ||
			! grep -qx 'text_offset [0-9][0-9]*' "$V" ||
			! [[ $isize =~ ^[0-9]+$ ]] || [ "$isize" -lt "$(stat -c %s "$RI/6.1/Image")" ]; then
			why="VERSION: $(tr '\n' ' ' <"$V")"
		elif [ "$(od -An -tx1 -j56 -N4 "$RI/6.1/Image" | tr -d ' ')" != 41524d64 ]; then
			why="Image has no ARM\\x64 magic"
		elif ! grep -qx 'CONFIG_ARM64=y' "$RI/6.1/config"; then
			why="config has no CONFIG_ARM64=y"
		elif ! [ -f "$RC_CACHE/${pkg}_${pver/:/%3a}_arm64.deb" ]; then
			why="no ${pkg}_${pver}_arm64.deb in $RC_CACHE"
		elif ! no_temps "$RI" "$RC_CACHE" >/dev/null; then
			why="temporaries left"
		fi
		if [ -z "$why" ]; then ok "$name ($((SECONDS - start))s, $pkg $pver)"
		else notok "$name" "$why"; fi
		KRESV_CACHE=$RC_CACHE KRESV_IMAGES=$RI bash "$FETCH" --image 6.1 >"$S/rimg2.out" 2>&1
		RC=$?
		if [ "$RC" -eq 0 ] && grep -qx "kresv: image 6.1 up to date ($pkg $pver)" "$S/rimg2.out"; then
			ok "$name2"
		else
			notok "$name2" "exit $RC: $(tail -n 1 "$S/rimg2.out")"
		fi
	fi
fi
