#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tree/fetch.sh [--force] [6.1|6.12|7.3|all]...      (default: all)
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
# Environment:
#   KRESV_CACHE   downloaded .debs and the private apt state
#                 (default <repo>/build/cache); only the .debs of the
#                 current version of each package are kept
#   KRESV_TREES   unpacked trees (default <repo>/build/trees)
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
#      Makefile is not version V (or the config is not an arm64 one)
#   6  unpack failed, including a full disk
#   interrupted: 130 (INT) or 143 (TERM), temporaries removed
# On failure no half-written tree or .deb is left behind: downloads go to
# a temporary directory in $KRESV_CACHE and trees are unpacked into
# $KRESV_TREES/.V.tmp.PID, then moved into place.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ALL_VERSIONS=(6.1 6.12 7.3)
PATHS_FILE=$ROOT/tree/paths
KRESV_CACHE=${KRESV_CACHE:-$ROOT/build/cache}
KRESV_TREES=${KRESV_TREES:-$ROOT/build/trees}
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
	if [ -e "$dest" ] || [ -L "$dest" ]; then
		OLD_DEST=$dest
		OLD_TREE=$KRESV_TREES/.$v.old.$$
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

# ---- main -------------------------------------------------------------------

usage() {
	sed -n '4,5s/^# \{0,1\}//p' "$0"
}

FORCE=0
PRINT=0
VERSIONS=()
for arg in "$@"; do
	case $arg in
	all) VERSIONS+=("${ALL_VERSIONS[@]}") ;;
	-f|--force) FORCE=1 ;;
	--print-sources) PRINT=1 ;;
	-h|--help) usage; exit 0 ;;
	-*) die 2 "unknown option '$arg' (usage: tree/fetch.sh [--force] [$(IFS='|'; echo "${ALL_VERSIONS[*]}")|all]...)" ;;
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

for tool in apt-get apt-cache dpkg-deb tar xz; do
	command -v "$tool" >/dev/null || die 1 "$tool not found"
done

mkdir -p "$KRESV_CACHE" "$KRESV_TREES" || die 1 "cannot create $KRESV_CACHE or $KRESV_TREES"
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
	fetch_version "$v"
done
