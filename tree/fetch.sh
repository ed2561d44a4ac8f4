#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tree/fetch.sh [--force] [6.1|6.12|7.3|all]...      (default: all)
# tree/fetch.sh [--force] --image [6.1|6.12|7.3|all]...
# tree/fetch.sh --print-sources
#
# Fetches the Debian kernel trees kresv works on.  For each version V:
#   $KRESV_TREES/V/src/     the paths listed in tree/paths, unpacked from
#                           ./usr/src/linux-source-V.tar.xz of Debian's
#                           linux-source-V package (top dir linux-source-V/)
#   $KRESV_TREES/V/config   Debian's arm64 kernel config, from
#                           linux-config-V:arm64 (config.arm64_none_arm64.xz)
#   $KRESV_TREES/V/VERSION  "linux-source-V <debian version>",
#                           "linux-config-V <debian version>",
#                           "kernelversion X.Y.Z" (from the tree's Makefile)
# A tree whose VERSION names the current candidate versions is left alone
# (--force unpacks it again, e.g. after tree/paths changed).
#
# With --image, fetches instead Debian's arm64 kernel image of the same
# Debian version as the linux-source-V candidate (the package among
# linux-image-V.*-arm64-unsigned and linux-image-V.*-arm64 whose arm64
# candidate has exactly that version; -unsigned preferred), for booting
# under qemu-system-aarch64.  Where Debian splits the kernel off the image
# package, the linux-binary-R and linux-base-R packages it depends on at
# that same version are fetched too (the modules are not).
#   $KRESV_IMAGES/V/Image    the raw arm64 Image, from ./boot/vmlinuz-R or
#                            ./usr/lib/modules/R/vmlinuz (raw, gzip or EFI
#                            zboot)
#   $KRESV_IMAGES/V/config   its ./boot/config-R or ./usr/lib/modules/R/config
#   $KRESV_IMAGES/V/VERSION  "linux-image PACKAGE <debian version>" (and
#                            "linux-binary ..."/"linux-base ..." lines for
#                            the split-off parts), "kernelrelease R",
#                            "image_size N", "text_offset N" (Image header)
# A note says when that config differs from $KRESV_TREES/V/config.
#
# Environment:
#   KRESV_CACHE   downloaded .debs and the private apt state
#                 (default <repo>/build/cache); only the .debs of the
#                 current version of each package are kept
#   KRESV_TREES   unpacked trees (default <repo>/build/trees)
#   KRESV_IMAGES  unpacked kernel images (default <repo>/build/images)
#   KRESV_APT_SOURCES_LIST, KRESV_APT_SOURCES_DIR
#                 the apt sources read to find Debian's package archive
#                 (default /etc/apt/sources.list, /etc/apt/sources.list.d);
#                 meant for tests
#
# The system's apt setup is never changed: a private sources.list (main
# archive: bookworm, bookworm-updates, bookworm-backports, trixie-backports;
# security archive: bookworm-security) is built from the URIs the machine's
# own apt sources use for Debian's package archive, so a local mirror is
# honoured.  --print-sources prints that list and exits.  The private lists
# are refreshed at most once an hour.
#
# Exit codes (each failure prints one "kresv fetch: ..." line on stderr):
#   0  success (trees fetched or already up to date)
#   1  internal error (missing tool, unexpected failure)
#   2  usage: unknown version name or option
#   3  no apt source carrying Debian's package archive was found
#   4  archive unreachable or package not offered: update, candidate
#      look-up or download failed
#   5  version check failed: downloaded package is not the candidate,
#      linux-source/linux-config upstream versions differ, or the tree's
#      Makefile is not version V (or the config is not an arm64 one);
#      --image: no arm64 image package of the linux-source-V version, or
#      its vmlinuz is not (a compressed) arm64 Image
#   6  unpack failed, including a full disk
#   interrupted: 130 (INT) or 143 (TERM), temporaries removed
# On failure no half-written tree or .deb is left behind: downloads go to
# a temporary directory in $KRESV_CACHE and trees are unpacked into
# $KRESV_TREES/.V.tmp.PID (images into $KRESV_IMAGES/.V.tmp.PID), then
# moved into place.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ALL_VERSIONS=(6.1 6.12 7.3)
PATHS_FILE=$ROOT/tree/paths
KRESV_CACHE=${KRESV_CACHE:-$ROOT/build/cache}
KRESV_TREES=${KRESV_TREES:-$ROOT/build/trees}
KRESV_IMAGES=${KRESV_IMAGES:-$ROOT/build/images}
SOURCES_LIST=${KRESV_APT_SOURCES_LIST-/etc/apt/sources.list}
SOURCES_DIR=${KRESV_APT_SOURCES_DIR-/etc/apt/sources.list.d}
UPDATE_EVERY_MIN=60

die() {
	local code=$1
	shift
	printf 'kresv fetch: %s\n' "$*" >&2
	exit "$code"
}
say() { printf 'kresv: %s\n' "$*"; }

# ---- temporaries, removed on any exit ---------------------------------

TEMPS=()
OLD_TREE='' OLD_DEST=''
cleanup() {
	local t
	# an old tree moved aside but not yet replaced goes back into place
	if [ -n "$OLD_TREE" ] && [ -d "$OLD_TREE" ] && [ ! -e "$OLD_DEST" ]; then
		mv "$OLD_TREE" "$OLD_DEST" || true
	fi
	for t in "${TEMPS[@]}"; do
		[ -n "$t" ] && rm -rf -- "$t"
	done
	TEMPS=()
}
trap cleanup EXIT
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; exit 143' TERM
trap 'cleanup; exit 129' HUP

add_temp() { TEMPS+=("$1"); }
drop_temp() {
	local i
	for i in "${!TEMPS[@]}"; do
		[ "${TEMPS[$i]}" = "$1" ] && unset 'TEMPS[i]'
	done
	return 0
}

# ---- private apt sources ----------------------------------------------

# Prints "main URI SIGNED-BY" / "security URI SIGNED-BY" for every deb
# entry of the given files that carries Debian's package archive (suite
# bookworm, trixie or sid; or a *-security suite; component main).
# SIGNED-BY is "-" unless the entry names a keyring file.
scan_sources() {
	local f
	for f in "$@"; do
		[ -r "$f" ] || continue
		case $f in
		*.list) awk "$AWK_ONELINE" "$f" ;;
		*.sources) awk "$AWK_DEB822" "$f" ;;
		esac
	done
}

AWK_ONELINE=$(cat <<'AWK'
function classify(uri, suite, comps, sb,   kind) {
	if (comps !~ /(^| )main( |$)/) return
	if (suite ~ /^(bookworm|trixie|sid)$/) kind = "main"
	else if (suite ~ /^[a-z]+-security$/) kind = "security"
	else return
	print kind, uri, sb
}
{
	sub(/#.*/, "")
	if ($1 != "deb") next
	i = 2; sb = "-"
	if ($2 ~ /^\[/) {
		opts = ""
		for (; i <= NF; i++) {
			opts = opts " " $i
			if ($i ~ /\]$/) { i++; break }
		}
		gsub(/[\[\]]/, " ", opts)
		n = split(opts, o, " ")
		for (k = 1; k <= n; k++)
			if (o[k] ~ /^signed-by=\//) sb = substr(o[k], 11)
	}
	if (i + 1 > NF) next
	uri = $i; suite = $(i + 1); comps = ""
	for (k = i + 2; k <= NF; k++) comps = comps " " $k
	classify(uri, suite, comps, sb)
}
AWK
)

AWK_DEB822=$(cat <<'AWK'
function flush(   nt, t, nu, u, ns, s, a, b, c, sb) {
	if (!("types" in F)) { delete F; return }
	if (tolower(F["enabled"]) ~ /^ *no *$/) { delete F; return }
	sb = "-"
	if (F["signed-by"] ~ /^ *\/[^ ]* *$/) { sb = F["signed-by"]; gsub(/ /, "", sb) }
	nt = split(F["types"], t, " ")
	nu = split(F["uris"], u, " ")
	ns = split(F["suites"], s, " ")
	for (a = 1; a <= nt; a++) {
		if (t[a] != "deb") continue
		for (b = 1; b <= nu; b++)
			for (c = 1; c <= ns; c++)
				classify(u[b], s[c], " " F["components"] " ", sb)
	}
	delete F
}
function classify(uri, suite, comps, sb,   kind) {
	if (comps !~ / main /) return
	if (suite ~ /^(bookworm|trixie|sid)$/) kind = "main"
	else if (suite ~ /^[a-z]+-security$/) kind = "security"
	else return
	print kind, uri, sb
}
/^#/ { next }
/^[ \t]*$/ { flush(); key = ""; next }
/^[ \t]/ { if (key != "") F[key] = F[key] " " $0; next }
{
	p = index($0, ":")
	if (!p) next
	key = tolower(substr($0, 1, p - 1))
	F[key] = substr($0, p + 1)
}
END { flush() }
AWK
)

# The private sources.list on stdout; nothing if no Debian archive is found.
build_sources() {
	local files=() f main='' msb='' sec='' ssb='' kind uri sb
	[ -n "$SOURCES_LIST" ] && files+=("$SOURCES_LIST")
	if [ -n "$SOURCES_DIR" ] && [ -d "$SOURCES_DIR" ]; then
		for f in "$SOURCES_DIR"/*; do
			case $f in *.list|*.sources) files+=("$f") ;; esac
		done
	fi
	while read -r kind uri sb; do
		if [ "$kind" = main ] && [ -z "$main" ]; then
			main=$uri msb=$sb
		elif [ "$kind" = security ] && [ -z "$sec" ]; then
			sec=$uri ssb=$sb
		fi
	done < <(scan_sources "${files[@]}")
	[ -n "$main" ] || return 0
	local s
	for s in bookworm bookworm-updates bookworm-backports trixie-backports; do
		source_line "$main" "$msb" "$s"
	done
	[ -z "$sec" ] || source_line "$sec" "$ssb" bookworm-security
}

# source_line URI SIGNED-BY SUITE
source_line() {
	local o
	o="arch=$(IFS=,; echo "${ARCHES[*]}")"
	[ "$2" = - ] || o="$o signed-by=$2"
	printf 'deb [%s] %s %s main\n' "$o" "$1" "$3"
}

# ---- apt ----------------------------------------------------------------

native_arch() {
	dpkg --print-architecture 2>/dev/null || echo amd64
}

setup_apt() {
	APT_DIR=$KRESV_CACHE/apt
	mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/archives/partial" ||
		die 1 "cannot create $APT_DIR"
	[ -e "$APT_DIR/status" ] || : >"$APT_DIR/status"
	# apt reads $APT_CONFIG, then the system's apt.conf.d (proxy and
	# network settings, kept), then Dir::Etc::main: pointing that back at
	# this file drops the system's update hooks (they are about the
	# system's lists, not these) and index targets other than Packages,
	# and keeps apt's binary caches even where the system turns them off.
	local conf=$APT_DIR/apt.conf f
	{
		printf '// written by tree/fetch.sh for its private apt state\n'
		printf 'Dir::Etc::main "%s";\n' "$conf"
		for f in "${APT_CONFIG:-}" /etc/apt/apt.conf; do
			[ -n "$f" ] && [ -f "$f" ] && [ "$f" != "$conf" ] &&
				printf '#include "%s";\n' "$f"
		done
		for f in APT::Update::Pre-Invoke APT::Update::Post-Invoke \
			APT::Update::Post-Invoke-Success DPkg::Pre-Invoke \
			DPkg::Post-Invoke Acquire::IndexTargets::deb::DEP-11 \
			Acquire::IndexTargets::deb::DEP-11-icons \
			Acquire::IndexTargets::deb::DEP-11-icons-small \
			Acquire::IndexTargets::deb::DEP-11-icons-hidpi \
			Acquire::IndexTargets::deb::Contents-deb \
			Acquire::IndexTargets::deb::Contents-udeb; do
			printf '#clear %s;\n' "$f"
		done
		printf 'Acquire::Languages "none";\n'
		printf 'Dir::Cache::pkgcache "pkgcache.bin";\n'
		printf 'Dir::Cache::srcpkgcache "srcpkgcache.bin";\n'
	} >"$conf.tmp.$$" || die 1 "cannot write $conf"
	mv "$conf.tmp.$$" "$conf" || die 1 "cannot write $conf"
	export APT_CONFIG=$conf
	APT_OPTS=(
		-o "Dir::State=$APT_DIR"
		-o "Dir::State::Lists=$APT_DIR/lists"
		-o "Dir::State::status=$APT_DIR/status"
		-o "Dir::Etc::sourcelist=$APT_DIR/sources.list"
		-o "Dir::Etc::sourceparts=-"
		-o "Dir::Etc::preferences=$APT_DIR/preferences"
		-o "Dir::Etc::preferencesparts=$APT_DIR/preferences.d"
		-o "Dir::Cache=$APT_DIR"
		-o "Dir::Cache::archives=$APT_DIR/archives"
		-o "APT::Architectures::="
		-o "Debug::NoLocking=1"
	)
	local a
	for a in "${ARCHES[@]}"; do
		APT_OPTS+=(-o "APT::Architectures::=$a")
	done
	# as root apt drops to the _apt user, which may not write our cache
	[ "$(id -u)" = 0 ] && APT_OPTS+=(-o "APT::Sandbox::User=root")
	return 0
}

# First error line of an apt log (for a one-line message).
apt_error() {
	local line
	line=$(grep -m1 '^E: ' "$1" || grep -m1 '^Err' "$1" || tail -n 1 "$1" || true)
	printf '%s' "${line:-no output}"
}

update_lists() {
	local list new stamp log
	list=$APT_DIR/sources.list
	stamp=$APT_DIR/update.stamp
	new=$PRIVATE_SOURCES
	if [ ! -f "$list" ] || [ "$(cat "$list")" != "$new" ]; then
		printf '%s\n' "$new" >"$list.tmp.$$" && mv "$list.tmp.$$" "$list"
		rm -f "$stamp"
	fi
	if [ -f "$stamp" ] && [ -n "$(find "$stamp" -mmin "-$UPDATE_EVERY_MIN" 2>/dev/null)" ]; then
		return 0
	fi
	log=$(mktemp "${TMPDIR:-/tmp}/kresv-fetch.XXXXXX")
	add_temp "$log"
	say "updating the private package lists from Debian's package archive"
	local t0=$SECONDS
	if ! apt-get -q "${APT_OPTS[@]}" -o APT::Update::Error-Mode=any update >"$log" 2>&1; then
		die 4 "apt-get update failed: $(apt_error "$log")"
	fi
	touch "$stamp"
	say "package lists updated in $((SECONDS - t0))s"
	rm -f "$log"
	drop_temp "$log"
}

# candidate PKG: its candidate version on stdout
candidate() {
	local v
	v=$(apt-cache "${APT_OPTS[@]}" policy "$1" 2>/dev/null |
		awk '$1 == "Candidate:" { print $2; exit }') || true
	if [ -z "$v" ] || [ "$v" = "(none)" ]; then
		die 4 "Debian's package archive offers no $1 (no candidate version in the lists under $APT_DIR)"
	fi
	printf '%s\n' "$v"
}

# upstream part of a Debian version: no epoch, no revision
upstream() {
	local v=${1#*:}
	printf '%s\n' "${v%-*}"
}

# fetch_deb PKG[:ARCH] VERSION: sets DEB to the cached .deb of that version,
# downloading it when needed.
fetch_deb() {
	local pkg=$1 ver=$2 name=${1%%:*} f dl log got
	DEB=''
	for f in "$KRESV_CACHE/${name}_"*.deb; do
		[ -f "$f" ] || continue
		if [ "$(dpkg-deb -f "$f" Version 2>/dev/null)" = "$ver" ] &&
			[ "$(dpkg-deb -f "$f" Package 2>/dev/null)" = "$name" ]; then
			DEB=$f
			say "$name $ver already downloaded"
			return 0
		fi
	done
	dl=$(mktemp -d "$KRESV_CACHE/.download.XXXXXX")
	add_temp "$dl"
	log=$dl/log
	local t0=$SECONDS
	if ! (cd "$dl" && apt-get -q "${APT_OPTS[@]}" download "$pkg=$ver") >"$log" 2>&1; then
		if grep -q 'No space left on device' "$log"; then
			die 4 "disk full while downloading $pkg $ver into $KRESV_CACHE"
		fi
		die 4 "download of $pkg $ver failed: $(apt_error "$log")"
	fi
	local debs=("$dl"/*.deb)
	if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
		die 4 "download of $pkg $ver produced no single .deb"
	fi
	f=${debs[0]}
	got=$(dpkg-deb -f "$f" Version 2>/dev/null) ||
		die 5 "$(basename "$f") is not a valid .deb"
	[ "$got" = "$ver" ] ||
		die 5 "downloaded $(basename "$f") has version $got, apt's candidate is $ver"
	got=$(dpkg-deb -f "$f" Package)
	[ "$got" = "$name" ] ||
		die 5 "downloaded $(basename "$f") is package $got, not $name"
	say "downloaded $name $ver ($(($(stat -c %s "$f") / 1048576)) MiB) in $((SECONDS - t0))s"
	mv "$f" "$KRESV_CACHE/" || die 4 "cannot move $(basename "$f") into $KRESV_CACHE"
	DEB=$KRESV_CACHE/$(basename "$f")
	rm -rf "$dl"
	drop_temp "$dl"
}

# keep_only NAME FILE: remove cached NAME_*.deb other than FILE
keep_only() {
	local f
	for f in "$KRESV_CACHE/$1_"*.deb; do
		[ -f "$f" ] && [ "$f" != "$2" ] && rm -f -- "$f"
	done
	return 0
}

# ---- unpacking ------------------------------------------------------------

# read_paths: tree/paths without comments and blanks
read_paths() {
	[ -r "$PATHS_FILE" ] || die 1 "cannot read $PATHS_FILE"
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' \
		-e 's|/*$||' "$PATHS_FILE" | grep -v '^$' || true
}

# unpack_failed WHAT DEST LOG...: exit 6, naming a full disk when so
unpack_failed() {
	local what=$1 dest=$2 line
	shift 2
	if cat "$@" 2>/dev/null | grep -q 'No space left on device'; then
		die 6 "disk full while unpacking $what into $dest"
	fi
	line=$(cat "$@" 2>/dev/null | grep -v -e 'Exiting with failure status' \
		-e 'Not found in archive' | grep -m1 . || true)
	die 6 "unpacking $what into $dest failed: ${line:-no error message}"
}

# unpack_source V DEB DIR LOGDIR
unpack_source() {
	local v=$1 deb=$2 dir=$3 logs=$4 top=linux-source-$1 p st
	local pats=()
	while IFS= read -r p; do
		pats+=("$top/$p")
	done < <(read_paths)
	[ ${#pats[@]} -gt 0 ] || die 1 "$PATHS_FILE lists no path"
	mkdir -p "$dir/src" 2>"$logs/0" ||
		unpack_failed "$(basename "$deb")" "$KRESV_TREES/$v" "$logs/0"
	set +e
	dpkg-deb --fsys-tarfile "$deb" 2>"$logs/1" |
		tar -xOf - "./usr/src/$top.tar.xz" 2>"$logs/2" |
		xz -dc 2>"$logs/3" |
		tar -x -C "$dir/src" --strip-components=1 --no-same-owner \
			--wildcards "${pats[@]}" 2>"$logs/4"
	st=("${PIPESTATUS[@]}")
	set -e
	local what
	what="$(basename "$deb")"
	if [ "${st[0]}${st[1]}${st[2]}" != 000 ] || [ "${st[3]}" -gt 2 ] ||
		grep -q 'No space left on device' "$logs"/[1-4]; then
		unpack_failed "$what" "$KRESV_TREES/$v" "$logs"/[1-4]
	fi
	if [ "${st[3]}" -ne 0 ]; then
		# tar exits 2 when a pattern matched nothing (and keeps going);
		# that is fine for a path this kernel version does not have,
		# anything else is a failure.
		if grep -v -e ': Not found in archive$' \
			-e 'Exiting with failure status due to previous errors' \
			"$logs/4" | grep -q .; then
			unpack_failed "$what" "$KRESV_TREES/$v" "$logs/4"
		fi
		sed -n "s|^tar: $top/\(.*\): Not found in archive\$|\1|p" "$logs/4" |
			while IFS= read -r p; do
				say "$v: $p is not in this tree (listed in tree/paths), skipped"
			done
	fi
}

# unpack_config V DEB DIR LOGDIR
unpack_config() {
	local v=$1 deb=$2 dir=$3 logs=$4 st
	set +e
	dpkg-deb --fsys-tarfile "$deb" 2>"$logs/5" |
		tar -xOf - "./usr/src/linux-config-$v/config.arm64_none_arm64.xz" 2>"$logs/6" |
		xz -dc >"$dir/config" 2>"$logs/7"
	st=("${PIPESTATUS[@]}")
	set -e
	if [ "${st[*]}" != "0 0 0" ] || grep -q 'No space left on device' "$logs"/[5-7]; then
		unpack_failed "$(basename "$deb")" "$KRESV_TREES/$v" "$logs"/[5-7]
	fi
}

# makefile_version MAKEFILE: "X Y Z"
makefile_version() {
	awk -F'=' '
		/^VERSION[ \t]*=/    { gsub(/[ \t]/, "", $2); v = $2 }
		/^PATCHLEVEL[ \t]*=/ { gsub(/[ \t]/, "", $2); p = $2 }
		/^SUBLEVEL[ \t]*=/   { gsub(/[ \t]/, "", $2); s = $2 }
		END { print v, p, s }' "$1"
}

# swap_in TMP DEST OLD: replace DEST by the complete directory TMP; the
# previous DEST is moved to OLD meanwhile (put back by cleanup if need be)
swap_in() {
	local tmp=$1 dest=$2
	if [ -e "$dest" ] || [ -L "$dest" ]; then
		OLD_DEST=$dest
		OLD_TREE=$3
		rm -rf "$OLD_TREE"
		mv "$dest" "$OLD_TREE"
	fi
	mv "$tmp" "$dest"
	drop_temp "$tmp"
	if [ -n "$OLD_TREE" ]; then
		add_temp "$OLD_TREE"
		rm -rf "$OLD_TREE"
		drop_temp "$OLD_TREE"
		OLD_TREE='' OLD_DEST=''
	fi
}

# ---- one version ------------------------------------------------------------

fetch_version() {
	local v=$1 src_pkg=linux-source-$1 cfg_pkg=linux-config-$1
	local sver cver dest tmp logs t0 ks kv kp kl
	dest=$KRESV_TREES/$v
	sver=$(candidate "$src_pkg")
	cver=$(candidate "$cfg_pkg:arm64")
	if [ "$(upstream "$sver")" != "$(upstream "$cver")" ]; then
		die 5 "$src_pkg $sver and $cfg_pkg $cver are not the same upstream version"
	fi
	if [ "$FORCE" = 0 ] && [ -f "$dest/VERSION" ] && [ -f "$dest/config" ] &&
		[ -f "$dest/src/Makefile" ] &&
		grep -qxF "$src_pkg $sver" "$dest/VERSION" &&
		grep -qxF "$cfg_pkg $cver" "$dest/VERSION"; then
		keep_only "$src_pkg" "$KRESV_CACHE/${src_pkg}_$(deb_ver "$sver")_all.deb"
		keep_only "$cfg_pkg" "$KRESV_CACHE/${cfg_pkg}_$(deb_ver "$cver")_arm64.deb"
		say "tree $v up to date ($(upstream "$sver"))"
		return 0
	fi

	fetch_deb "$src_pkg" "$sver"
	local sdeb=$DEB
	fetch_deb "$cfg_pkg:arm64" "$cver"
	local cdeb=$DEB

	tmp=$KRESV_TREES/.$v.tmp.$$
	rm -rf "$tmp"
	add_temp "$tmp"
	logs=$(mktemp -d "${TMPDIR:-/tmp}/kresv-fetch.XXXXXX")
	add_temp "$logs"
	mkdir -p "$tmp" 2>"$logs/0" || unpack_failed "$(basename "$sdeb")" "$dest" "$logs/0"

	t0=$SECONDS
	unpack_source "$v" "$sdeb" "$tmp" "$logs"
	[ -f "$tmp/src/Makefile" ] ||
		die 5 "$(basename "$sdeb") has no $src_pkg/Makefile: not the expected kernel tree"
	read -r kv kp kl < <(makefile_version "$tmp/src/Makefile")
	[ "$kv.$kp" = "$v" ] ||
		die 5 "tree in $(basename "$sdeb") is version $kv.$kp (Makefile), expected $v"
	ks=$kv.$kp.$kl
	case $(upstream "$sver") in
	*[!0-9.]*) ;;
	"$ks") ;;
	*) die 5 "tree in $(basename "$sdeb") is kernel $ks (Makefile), package says $(upstream "$sver")" ;;
	esac
	say "unpacked $src_pkg $sver in $((SECONDS - t0))s ($(du -sm "$tmp/src" | cut -f1) MiB)"

	unpack_config "$v" "$cdeb" "$tmp" "$logs"
	grep -q '^CONFIG_ARM64=y' "$tmp/config" ||
		die 5 "config from $(basename "$cdeb") is not an arm64 kernel config"
	printf '%s %s\n%s %s\nkernelversion %s\n' "$src_pkg" "$sver" \
		"$cfg_pkg" "$cver" "$ks" >"$tmp/VERSION" 2>"$logs/8" ||
		unpack_failed "$(basename "$sdeb")" "$dest" "$logs/8"

	# the new tree is complete: swap it in
	swap_in "$tmp" "$dest" "$KRESV_TREES/.$v.old.$$"
	rm -rf "$logs"
	drop_temp "$logs"
	keep_only "$src_pkg" "$sdeb"
	keep_only "$cfg_pkg" "$cdeb"
	say "tree $v ready: $dest ($ks, $src_pkg $sver)"
}

# file-name form of a Debian version, as apt-get download writes it
deb_ver() {
	printf '%s\n' "${1/:/%3a}"
}

# ---- kernel images (--image) ---------------------------------------------------

# le_uint NBYTES OFFSET FILE: the little-endian unsigned integer there
le_uint() {
	od -An -t "u$1" -j "$2" -N "$1" --endian=little "$3" | tr -d ' \n'
}

# hex_at OFFSET COUNT FILE: those bytes in hex, no spaces
hex_at() {
	od -An -t x1 -j "$1" -N "$2" "$3" | tr -d ' \n'
}

ARM64_MAGIC=41524d64	# "ARM\x64" at offset 56 of an arm64 Image

# pick_image V VERSION: sets IMG_PKG to the plain arm64 image package of V
# (linux-image-V.*-arm64-unsigned or linux-image-V.*-arm64, not cloud, rt,
# 16k or dbg) whose arm64 candidate is VERSION; -unsigned is preferred
pick_image() {
	local v=$1 want=$2 re pkg ver unsigned='' signed='' list n
	local names=() offered=()
	re="^linux-image-${v//./[.]}[.][^-]*(-[0-9]+)?-arm64(-unsigned)?\$"
	mapfile -t names < <(apt-cache "${APT_OPTS[@]}" pkgnames "linux-image-$v." 2>/dev/null |
		grep -E "$re" | sort -V -u)
	if [ ${#names[@]} -gt 0 ]; then
		while read -r pkg ver; do
			offered+=("$pkg $ver")
			[ "$ver" = "$want" ] || continue
			case $pkg in
			*-unsigned) unsigned=$pkg ;;
			*) signed=$pkg ;;
			esac
		done < <(apt-cache "${APT_OPTS[@]}" policy "${names[@]/%/:arm64}" 2>/dev/null |
			awk '/^[^ \t]/ { name = $0; sub(/:$/, "", name); sub(/:arm64$/, "", name); next }
				$1 == "Candidate:" && name != "" && $2 != "(none)" { print name, $2; name = "" }')
	fi
	IMG_PKG=${unsigned:-$signed}
	[ -z "$IMG_PKG" ] || return 0
	n=${#offered[@]}
	if [ "$n" -eq 0 ]; then
		list=none
	else
		list=$(printf '%s\n' "${offered[@]}" | sort -k2,2V | tail -n 4 | tac |
			paste -sd, - | sed 's/,/, /g')
		[ "$n" -le 4 ] || list="$list and $((n - 4)) older"
	fi
	die 5 "Debian's package archive offers no arm64 kernel image of version $want (linux-source-$v's) as linux-image-$v.*-arm64[-unsigned]; offered: $list"
}

# image_parts V PKG VERSION: sets IMG_PARTS to PKG and the packages of
# the kernel and its config that PKG depends on at exactly VERSION, where
# Debian splits them off the image package (linux-binary-R, linux-base-R;
# the modules are not needed)
image_parts() {
	local v=$1 pkg=$2 ver=$3 name dver
	IMG_PARTS=("$pkg")
	while read -r name dver; do
		[ "$dver" = "$ver" ] && IMG_PARTS+=("$name")
	done < <(apt-cache "${APT_OPTS[@]}" show "$pkg:arm64=$ver" 2>/dev/null |
		awk -v re="^linux-(binary|base)-${v//./[.]}[.]" '
		/^$/ { exit }
		/^Depends:/ {
			sub(/^Depends:/, "")
			n = split($0, d, ",")
			for (i = 1; i <= n; i++) {
				if (d[i] ~ /\|/ || !match(d[i], /\(= [^)]*\)/)) continue
				dv = substr(d[i], RSTART + 3, RLENGTH - 4)
				nm = d[i]
				sub(/\(.*/, "", nm); gsub(/[ \t]/, "", nm); sub(/:.*/, "", nm)
				if (nm ~ re) print nm, dv
			}
		}')
	return 0
}

# part_kind PKG: "linux-image" for linux-image-6.1.0-56-arm64 and the like
part_kind() {
	printf '%s\n' "${1%%-[0-9]*}"
}

# unpack_image V DIR LOGDIR DEB...: the kernel and its config from the
# DEBs into DIR/deb: ./boot/vmlinuz-R and ./boot/config-R, or
# ./usr/lib/modules/R/vmlinuz and ./usr/lib/modules/R/config; sets
# IMG_VMLINUZ, IMG_CONFIG and IMG_RELEASE (R)
unpack_image() {
	local v=$1 dir=$2 logs=$3 deb what st f
	local vm=()
	shift 3
	mkdir -p "$dir/deb" 2>"$logs/i0" ||
		unpack_failed "$(basename "$1")" "$KRESV_IMAGES/$v" "$logs/i0"
	for deb in "$@"; do
		what=$(basename "$deb")
		set +e
		dpkg-deb --fsys-tarfile "$deb" 2>"$logs/i1" |
			tar -x -C "$dir/deb" --no-same-owner --wildcards \
				--no-wildcards-match-slash \
				'./boot/vmlinuz-*' './boot/config-*' \
				'./usr/lib/modules/*/vmlinuz' './usr/lib/modules/*/config' \
				2>"$logs/i2"
		st=("${PIPESTATUS[@]}")
		set -e
		if [ "${st[0]}" != 0 ] || [ "${st[1]}" -gt 2 ] ||
			grep -q 'No space left on device' "$logs"/i[12]; then
			unpack_failed "$what" "$KRESV_IMAGES/$v" "$logs"/i[12]
		fi
		# tar exits 2 for the patterns this package has no match for
		if [ "${st[1]}" != 0 ] && grep -v -e ': Not found in archive$' \
			-e 'Exiting with failure status due to previous errors' \
			"$logs/i2" | grep -q .; then
			unpack_failed "$what" "$KRESV_IMAGES/$v" "$logs/i2"
		fi
	done
	for f in "$dir/deb/boot/vmlinuz-"* "$dir/deb/usr/lib/modules/"*/vmlinuz; do
		[ -f "$f" ] && vm+=("$f")
	done
	what=$(basename -a "$@" | paste -sd' ' -)
	[ ${#vm[@]} -eq 1 ] ||
		die 5 "$what: ${#vm[@]} kernels (./boot/vmlinuz-R or ./usr/lib/modules/R/vmlinuz), expected one"
	IMG_VMLINUZ=${vm[0]}
	case $IMG_VMLINUZ in
	*/vmlinuz)
		IMG_RELEASE=${IMG_VMLINUZ%/vmlinuz}
		IMG_RELEASE=${IMG_RELEASE##*/}
		IMG_CONFIG=$dir/deb/usr/lib/modules/$IMG_RELEASE/config
		;;
	*)
		IMG_RELEASE=${IMG_VMLINUZ##*/vmlinuz-}
		IMG_CONFIG=$dir/deb/boot/config-$IMG_RELEASE
		;;
	esac
	case $IMG_RELEASE in
	"$v".*) ;;
	*) die 5 "$what: kernel release $IMG_RELEASE, expected $v.*" ;;
	esac
	[ -f "$IMG_CONFIG" ] || [ ! -f "$dir/deb/boot/config-$IMG_RELEASE" ] ||
		IMG_CONFIG=$dir/deb/boot/config-$IMG_RELEASE
	[ -f "$IMG_CONFIG" ] ||
		die 5 "$what: no config of kernel release $IMG_RELEASE (./boot/config-$IMG_RELEASE or ./usr/lib/modules/$IMG_RELEASE/config)"
}

# decompress_image VMLINUZ OUT WHAT DEST LOGDIR: the raw arm64 Image of
# VMLINUZ (gzip, EFI zboot or already raw) into OUT; IMG_FORMAT says which
decompress_image() {
	local f=$1 out=$2 what=$3 dest=$4 logs=$5 off size total comp rc
	local tool=()
	case $(hex_at 0 8 "$f") in
	1f8b*)
		IMG_FORMAT=gzip
		set +e
		gzip -dc <"$f" >"$out" 2>"$logs/d1"
		rc=$?
		set -e
		# 2 is gzip's warning status (e.g. trailing zeros)
		if [ "$rc" -ne 0 ] && { [ "$rc" -ne 2 ] ||
			grep -q 'No space left on device' "$logs/d1"; }; then
			unpack_failed "the gzip-compressed vmlinuz of $what" "$dest" "$logs/d1"
		fi
		;;
	4d5a????7a696d67)	# "MZ", 2 bytes, "zimg": EFI zboot
		off=$(le_uint 4 8 "$f")
		size=$(le_uint 4 12 "$f")
		total=$(stat -c %s "$f")
		comp=$(dd if="$f" bs=1 skip=24 count=32 status=none | tr '\0' '\n' | head -n 1)
		IMG_FORMAT="EFI zboot, $comp"
		if [ "$size" -eq 0 ] || [ $((off + size)) -gt "$total" ]; then
			die 5 "the EFI zboot vmlinuz of $what is damaged: payload $off+$size beyond its $total bytes"
		fi
		case $comp in
		gzip) tool=(gzip -dc) ;;
		zstd|zstd22) tool=(zstd -dcq) ;;
		xzkern|xz) tool=(xz -dc) ;;
		lzma) tool=(xz --format=lzma -dc) ;;
		lz4) tool=(lz4 -dcq) ;;
		lzo) tool=(lzop -dc) ;;
		*) die 5 "the EFI zboot vmlinuz of $what uses compression '$comp', which is not known here" ;;
		esac
		command -v "${tool[0]}" >/dev/null ||
			die 1 "${tool[0]} not found: needed to decompress the $comp payload of the EFI zboot vmlinuz in $what (install ${tool[0]})"
		set +e
		dd if="$f" iflag=skip_bytes,count_bytes skip="$off" count="$size" \
			bs=1M status=none 2>"$logs/d1" | "${tool[@]}" >"$out" 2>"$logs/d2"
		rc=("${PIPESTATUS[@]}")
		set -e
		if [ "${rc[*]}" != "0 0" ]; then
			unpack_failed "the $comp payload of the EFI zboot vmlinuz in $what" "$dest" "$logs"/d[12]
		fi
		;;
	*)
		[ "$(hex_at 56 4 "$f")" = "$ARM64_MAGIC" ] ||
			die 5 "the vmlinuz of $what is neither gzip-compressed, an EFI zboot image nor an arm64 Image"
		IMG_FORMAT=raw
		cp "$f" "$out" 2>"$logs/d1" || unpack_failed "the vmlinuz of $what" "$dest" "$logs/d1"
		;;
	esac
	if [ "$(stat -c %s "$out")" -lt 64 ] || [ "$(hex_at 56 4 "$out")" != "$ARM64_MAGIC" ]; then
		die 5 "the vmlinuz of $what ($IMG_FORMAT) does not hold an arm64 Image (no ARM\\x64 magic at offset 56)"
	fi
}

# image_notes V SOURCE-VERSION: notes when the tree of V is not the same
# version, or its config differs from the image's
image_notes() {
	local v=$1 sver=$2 t=$KRESV_TREES/$1 tv n
	if [ -f "$t/VERSION" ]; then
		tv=$(awk -v p="linux-source-$v" '$1 == p { print $2 }' "$t/VERSION")
		[ "$tv" = "$sver" ] ||
			say "tree $v is linux-source-$v ${tv:-(unknown)}, the image is $sver (tree/fetch.sh $v updates the tree)"
	fi
	if [ -f "$t/config" ] && [ -f "$KRESV_IMAGES/$v/config" ]; then
		n=$(diff "$t/config" "$KRESV_IMAGES/$v/config" | grep -c '^[<>]' || true)
		[ "$n" -eq 0 ] ||
			say "image $v: its config differs from $t/config in $n lines"
	fi
	return 0
}

# keep_images V DEB...: remove cached image .debs of V other than DEBs
keep_images() {
	local v=$1 f d keep
	shift
	for f in "$KRESV_CACHE/linux-image-$v."*_*.deb \
		"$KRESV_CACHE/linux-binary-$v."*_*.deb \
		"$KRESV_CACHE/linux-base-$v."*_*.deb; do
		[ -f "$f" ] || continue
		keep=0
		for d in "$@"; do
			[ "$f" = "$d" ] && keep=1
		done
		[ "$keep" = 1 ] || rm -f -- "$f"
	done
	return 0
}

fetch_image() {
	local v=$1 src_pkg=linux-source-$1 sver pkg dest tmp logs t0 what p
	local isize tofs uptodate debs=() lines=''
	dest=$KRESV_IMAGES/$v
	sver=$(candidate "$src_pkg")
	pick_image "$v" "$sver"
	pkg=$IMG_PKG
	image_parts "$v" "$pkg" "$sver"
	for p in "${IMG_PARTS[@]}"; do
		lines="$lines$(part_kind "$p") $p $sver"$'\n'
	done
	uptodate=0
	if [ "$FORCE" = 0 ] && [ -f "$dest/VERSION" ] && [ -f "$dest/Image" ] &&
		[ -f "$dest/config" ]; then
		uptodate=1
		for p in "${IMG_PARTS[@]}"; do
			grep -qxF "$(part_kind "$p") $p $sver" "$dest/VERSION" || uptodate=0
		done
	fi
	if [ "$uptodate" = 1 ]; then
		for p in "${IMG_PARTS[@]}"; do
			debs+=("$KRESV_CACHE/${p}_$(deb_ver "$sver")_arm64.deb")
		done
		keep_images "$v" "${debs[@]}"
		say "image $v up to date ($(IFS=' '; echo "${IMG_PARTS[*]}") $sver)"
		image_notes "$v" "$sver"
		return 0
	fi

	for p in "${IMG_PARTS[@]}"; do
		fetch_deb "$p:arm64" "$sver"
		debs+=("$DEB")
	done
	what="$pkg $sver"

	tmp=$KRESV_IMAGES/.$v.tmp.$$
	rm -rf "$tmp"
	add_temp "$tmp"
	logs=$(mktemp -d "${TMPDIR:-/tmp}/kresv-fetch.XXXXXX")
	add_temp "$logs"
	mkdir -p "$tmp" 2>"$logs/0" || unpack_failed "$(basename "${debs[0]}")" "$dest" "$logs/0"

	t0=$SECONDS
	unpack_image "$v" "$tmp" "$logs" "${debs[@]}"
	decompress_image "$IMG_VMLINUZ" "$tmp/Image" "$what" "$dest" "$logs"
	mv "$IMG_CONFIG" "$tmp/config" 2>"$logs/c" || unpack_failed "$what" "$dest" "$logs/c"
	grep -q '^CONFIG_ARM64=y' "$tmp/config" ||
		die 5 "the config of $IMG_RELEASE in $what is not an arm64 kernel config"
	rm -rf "$tmp/deb"
	isize=$(le_uint 8 16 "$tmp/Image")
	tofs=$(le_uint 8 8 "$tmp/Image")
	printf '%skernelrelease %s\nimage_size %s\ntext_offset %s\n' \
		"$lines" "$IMG_RELEASE" "$isize" "$tofs" >"$tmp/VERSION" 2>"$logs/v" ||
		unpack_failed "$what" "$dest" "$logs/v"
	say "unpacked the Image of $what ($IMG_FORMAT) in $((SECONDS - t0))s ($(($(stat -c %s "$tmp/Image") / 1048576)) MiB, image_size $isize)"

	swap_in "$tmp" "$dest" "$KRESV_IMAGES/.$v.old.$$"
	rm -rf "$logs"
	drop_temp "$logs"
	keep_images "$v" "${debs[@]}"
	say "image $v ready: $dest ($IMG_RELEASE, $what)"
	image_notes "$v" "$sver"
}

# ---- main -------------------------------------------------------------------

usage() {
	sed -n '4,6s/^# \{0,1\}//p' "$0"
}

FORCE=0
PRINT=0
IMAGE=0
VERSIONS=()
for arg in "$@"; do
	case $arg in
	all) VERSIONS+=("${ALL_VERSIONS[@]}") ;;
	-f|--force) FORCE=1 ;;
	--print-sources) PRINT=1 ;;
	--image) IMAGE=1 ;;
	-h|--help) usage; exit 0 ;;
	-*) die 2 "unknown option '$arg' (usage: tree/fetch.sh [--force] [--image] [$(IFS='|'; echo "${ALL_VERSIONS[*]}")|all]...)" ;;
	*)
		known=0
		for k in "${ALL_VERSIONS[@]}"; do
			[ "$arg" = "$k" ] && known=1
		done
		[ "$known" = 1 ] ||
			die 2 "unknown version '$arg' (known: $(IFS='|'; echo "${ALL_VERSIONS[*]}")|all)"
		VERSIONS+=("$arg")
		;;
	esac
done
[ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=("${ALL_VERSIONS[@]}")

ARCHES=("$(native_arch)")
[ "${ARCHES[0]}" = arm64 ] || ARCHES+=(arm64)

PRIVATE_SOURCES=$(build_sources)
[ -n "$PRIVATE_SOURCES" ] || die 3 "no apt source carrying Debian's package archive found in ${SOURCES_LIST:-(none)} or ${SOURCES_DIR:-(none)}/*.list|*.sources"
if [ "$PRINT" = 1 ]; then
	printf '%s\n' "$PRIVATE_SOURCES"
	exit 0
fi

TOOLS=(apt-get apt-cache dpkg-deb tar xz)
[ "$IMAGE" = 0 ] || TOOLS+=(gzip od dd diff)
for tool in "${TOOLS[@]}"; do
	command -v "$tool" >/dev/null || die 1 "$tool not found"
done

OUT_DIR=$KRESV_TREES
[ "$IMAGE" = 0 ] || OUT_DIR=$KRESV_IMAGES
mkdir -p "$KRESV_CACHE" "$OUT_DIR" || die 1 "cannot create $KRESV_CACHE or $OUT_DIR"
# one fetch at a time per cache (apt runs with locking off)
if command -v flock >/dev/null; then
	exec 9>"$KRESV_CACHE/.lock"
	if ! flock -n 9; then
		say "waiting for another tree/fetch.sh using $KRESV_CACHE"
		flock 9
	fi
fi

setup_apt
update_lists

declare -A done_v=()
for v in "${VERSIONS[@]}"; do
	[ -n "${done_v[$v]:-}" ] && continue
	done_v[$v]=1
	if [ "$IMAGE" = 1 ]; then
		fetch_image "$v"
	else
		fetch_version "$v"
	fi
done
