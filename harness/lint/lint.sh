#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kresv lint: every Coccinelle rule of semantic-patches/ on a kernel tree.
#
#   lint.sh --tree-dir DIR [--tree-label LABEL] [--format text|json|sarif]
#           [--verbose] [FILE|DIR...]
#   lint.sh --tree 6.1|6.12|7.3|DIR ...          (same, tree by name)
#
# Without FILE/DIR: the boot-path files of the tree, arch/arm64/kernel/setup.c,
# arch/arm64/mm/*.c and kernel/crash_reserve.c (or kernel/crash_core.c where
# there is no crash_reserve.c). A relative FILE/DIR is looked up in the tree,
# then in the current directory; a DIR stands for its *.c files (recursive).
#
# Text output, checkpatch style, one line per site (the rule id is the rule's
# file name in upper case):
#   FILE:LINE: WARNING: RULE_ID: message    a finding
#   FILE:LINE: CHECK: RULE_ID: message      a low-confidence note, not counted
# and a summary line on stderr. --format json prints one object {tree, rules,
# findings, parse_failures, ...}; --format sarif a SARIF 2.1.0 log.
# --verbose adds, on stderr, the files each rule sees and per-file parse
# statistics (spatch --parse-c, and functions found in the text vs. parsed).
#
# Exit: 0 no finding, 1 findings, 2 bad usage or input (unknown format, a
# missing file, a rule that does not compile, spatch missing, or a function
# the rules target that spatch cannot parse), 3 tree missing or not a tree.
#
# Environment: KRESV_RULES_DIR (default semantic-patches/) holds the *.cocci
# rules; SPATCH (default spatch); KRESV_TREES (default build/trees) for
# --tree NAME; KRESV_LINT_PREFILTER=0 hands every file to every rule (same
# result, slower); KRESV_SARIF_SCHEMA overrides the SARIF "$schema" value.
set -uo pipefail

HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RULES_DIR=${KRESV_RULES_DIR:-$ROOT/semantic-patches}
SPATCH=${SPATCH:-spatch}
KRESV_TREES=${KRESV_TREES:-$ROOT/build/trees}
CWD=$PWD

die() { # code message
	echo "kresv lint: $2" >&2
	exit "$1"
}

usage() { # [code]
	sed -n '3,30s/^# \{0,1\}//p' "$0" >&2
	exit "${1:-2}"
}

tree_dir='' label='' format=text verbose=0 args=()
while [ $# -gt 0 ]; do
	case $1 in
	--tree-dir|--tree-label|--tree|--format)
		[ $# -ge 2 ] || die 2 "$1 needs an argument"
		opt=$1 val=$2
		shift 2 ;;
	--tree-dir=*|--tree-label=*|--tree=*|--format=*)
		opt=${1%%=*} val=${1#*=}
		shift ;;
	-v|--verbose) verbose=1; shift; continue ;;
	-h|--help) usage 0 ;;
	--) shift; args+=("$@"); break ;;
	-*) die 2 "unknown option '$1' (--tree, --format, --verbose)" ;;
	*) args+=("$1"); shift; continue ;;
	esac
	case $opt in
	--tree-dir) tree_dir=$val ;;
	--tree-label) label=$val ;;
	--format) format=$val ;;
	--tree)
		case $val in
		6.1|6.12|7.3) tree_dir=$KRESV_TREES/$val/src ;;
		*/*|.|..) tree_dir=$val ;;
		*) die 2 "unknown tree '$val' (6.1, 6.12, 7.3 or a directory)" ;;
		esac
		[ -n "$label" ] || label=$val ;;
	esac
done

case $format in
text|json|sarif) ;;
*) die 2 "unknown format '$format' (text, json or sarif)" ;;
esac

# --- the tree ------------------------------------------------------------------
[ -n "$tree_dir" ] || tree_dir=$KRESV_TREES/7.3/src
[ -d "$tree_dir" ] || die 3 "$tree_dir: no such directory (tree missing)"
tree_dir=$(cd "$tree_dir" && pwd -P)
if [ ! -f "$tree_dir/Makefile" ] || [ ! -d "$tree_dir/kernel" ]; then
	die 3 "$tree_dir: not a kernel source tree (no Makefile and kernel/)"
fi
if [ -z "$label" ]; then
	label="Linux $(awk -F' *= *' '$1=="VERSION"{v=$2}
		$1=="PATCHLEVEL"{p=$2} $1=="SUBLEVEL"{s=$2}
		END{print v "." p "." s}' "$tree_dir/Makefile")"
fi

# --- tools and rules -------------------------------------------------------------
command -v "$SPATCH" >/dev/null 2>&1 ||
	die 2 "$SPATCH not found (install coccinelle 1.1.1)"
command -v python3 >/dev/null 2>&1 || die 2 "python3 not found"
[ -d "$RULES_DIR" ] || die 2 "$RULES_DIR: no such rules directory"
rules=("$RULES_DIR"/*.cocci)
[ -e "${rules[0]}" ] || die 2 "$RULES_DIR: no .cocci rule"

# --- the files -------------------------------------------------------------------
files=()
add_file() { # absolute path
	local p=$1
	case $p in
	"$tree_dir"/*) files+=("${p#"$tree_dir"/}") ;;
	*) files+=("$p") ;;
	esac
}

if [ ${#args[@]} -eq 0 ]; then
	[ -f "$tree_dir/arch/arm64/kernel/setup.c" ] ||
		die 3 "$tree_dir: no arch/arm64/kernel/setup.c (not an arm64 kernel tree)"
	add_file "$tree_dir/arch/arm64/kernel/setup.c"
	for f in "$tree_dir"/arch/arm64/mm/*.c; do
		[ -f "$f" ] && add_file "$f"
	done
	if [ -f "$tree_dir/kernel/crash_reserve.c" ]; then
		add_file "$tree_dir/kernel/crash_reserve.c"
	elif [ -f "$tree_dir/kernel/crash_core.c" ]; then
		add_file "$tree_dir/kernel/crash_core.c"
	fi
fi
for a in "${args[@]}"; do
	if [[ $a = /* ]]; then
		p=$a
	elif [ -e "$tree_dir/$a" ]; then
		p=$tree_dir/$a
	elif [ -e "$CWD/$a" ]; then
		p=$CWD/$a
	else
		die 2 "$a: no such file or directory (in $tree_dir or here)"
	fi
	[ -e "$p" ] || die 2 "$a: no such file or directory"
	[ -r "$p" ] || die 2 "$a: not readable"
	p=$(readlink -f "$p")
	if [ -d "$p" ]; then
		mapfile -t found < <(find "$p" -type f -name '*.c' | LC_ALL=C sort)
		[ ${#found[@]} -gt 0 ] || die 2 "$a: no .c file in this directory"
		for f in "${found[@]}"; do
			add_file "$f"
		done
	elif [ -f "$p" ]; then
		add_file "$p"
	else
		die 2 "$a: not a regular file or directory"
	fi
done

# --- plan: which files each rule must see -----------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/kresv-lint.XXXXXX") ||
	die 2 "cannot create a temporary directory"
declare -A pid_of=()
cleanup() {
	local p
	for p in "${pid_of[@]}"; do
		kill "$p" 2>/dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$tree_dir" || die 3 "$tree_dir: cannot enter"
python3 "$HERE/lint.py" plan --rules-dir "$RULES_DIR" --work "$work" \
	-- "${files[@]}" || die 2 "planning the run failed"

# A long list of files overflows spatch's default stack.
ulimit -s unlimited 2>/dev/null || ulimit -s "$(ulimit -H -s)" 2>/dev/null

# The parse probe: function definitions spatch parsed, to compare with
# those found in the text. It is appended to a copy of one rule (the
# "probe host" chosen by lint.py plan; its rules are independent of the
# rule's), or run alone when no rule has a file to scan.
cat >"$work/probe.cocci" <<'EOF'

@kresv_lint_def@
identifier kresv_lint_f;
position kresv_lint_p;
@@
kresv_lint_f@kresv_lint_p(...) { ... }

@script:python@
kresv_lint_f << kresv_lint_def.kresv_lint_f;
kresv_lint_p << kresv_lint_def.kresv_lint_p;
@@
print("KRESV_LINT_DEF\t%s\t%s\t%s\t%s" % (kresv_lint_p[0].file,
      kresv_lint_f, kresv_lint_p[0].current_element_line,
      kresv_lint_p[0].current_element_line_end))
EOF
host=$(cat "$work/probe_host")

# groups LIST: LIST as a --file-groups file, one file per group. spatch
# then parses and matches file by file and the rules merge their facts in
# their finalizers (as under make coccicheck); one group of all files is
# slower and holds every AST in memory at once.
groups() {
	awk '{ print; print "" }' "$1" >"$1.groups"
}

run() { # name out err cmd...: start in the background (see reap)
	local name=$1 out=$2 err=$3
	shift 3
	"$@" >"$out" 2>"$err" &
	pid_of[$name]=$!
}

reap() { # wait for everything run started; exit statuses in $work/rc.NAME
	local name
	for name in "${!pid_of[@]}"; do
		wait "${pid_of[$name]}"
		echo $? >"$work/rc.$name"
		unset "pid_of[$name]"
	done
}

for rule in "${rules[@]}"; do
	name=$(basename "$rule" .cocci)
	mapfile -t rf <"$work/files.$name"
	mapfile -t ra <"$work/args.$name"
	if [ ${#rf[@]} -eq 0 ]; then
		# nothing to scan: still make sure the rule compiles
		run "$name" /dev/null "$work/err.$name" \
			"$SPATCH" --parse-cocci "$rule"
	else
		sp=$rule
		if [ "$name" = "$host" ]; then
			sp=$work/host.cocci
			cat "$rule" "$work/probe.cocci" >"$sp"
		fi
		groups "$work/files.$name"
		run "$name" "$work/out.$name" "$work/err.$name" \
			"$SPATCH" --very-quiet --no-show-diff "${ra[@]}" \
			--cocci-file "$sp" --file-groups "$work/files.$name.groups"
	fi
done
mapfile -t union <"$work/union"
if [ ${#union[@]} -gt 0 ] && [ -z "$host" ]; then
	groups "$work/union"
	run probe "$work/probe.out" "$work/probe.err" \
		"$SPATCH" --very-quiet --no-show-diff --no-includes \
		--cocci-file "$work/probe.cocci" --file-groups "$work/union.groups"
fi
run defs /dev/null "$work/defs.err" python3 "$HERE/lint.py" defs --work "$work"
if [ "$verbose" = 1 ]; then
	# parse statistics of every scanned file, in one share per core
	n=$(nproc 2>/dev/null || echo 2)
	for ((i = 0; i < n; i++)); do
		share=()
		for ((j = i; j < ${#files[@]}; j += n)); do
			share+=("${files[j]}")
		done
		[ ${#share[@]} -gt 0 ] || continue
		run "parsec$i" "$work/parsec.$i.out" "$work/parsec.$i.out" \
			"$SPATCH" --parse-c --no-includes "${share[@]}"
	done
fi
reap
[ "$(cat "$work/rc.defs" 2>/dev/null)" = 0 ] ||
	die 2 "reading the function definitions failed: $(tail -n 1 "$work/defs.err")"

# spatch's error on one line: "LINE: message", or " message" if no line
spatch_error() { # stderr-file
	local e line msg around
	e=$(grep -v -e '^init_defs_builtins' -e '^Warning: PARSING' \
		-e '^warning:' -e '^ *$' "$1")
	# a Python exception in a script rule
	msg=$(printf '%s\n' "$e" | grep -m 1 -E '^[A-Za-z_.]*(Error|Exception): ')
	if [ -n "$msg" ]; then
		line=$(printf '%s\n' "$e" | sed -n 's/^Error in Python script, line \([0-9]*\),.*/\1/p' | head -n 1)
		printf '%s %s' "${line:+$line:}" "$msg"
		return
	fi
	line=$(printf '%s\n' "$e" | sed -n 's/^ *File ".*", line \([0-9]*\),.*/\1/p' | head -n 1)
	around=$(printf '%s\n' "$e" | sed -n "s/^ *around = '\\(.*\\)',\$/\\1/p" | head -n 1)
	msg=$(printf '%s\n' "$e" | head -n 1 | sed 's/: *$//')
	[ -n "$around" ] && around=" around '$around'"
	printf '%s %s%s' "${line:+$line:}" "$msg" "$around"
}

for rule in "${rules[@]}"; do
	name=$(basename "$rule" .cocci)
	rc=$(cat "$work/rc.$name" 2>/dev/null || echo 1)
	[ "$rc" = 0 ] && continue
	if ! "$SPATCH" --parse-cocci "$rule" >/dev/null 2>"$work/pc.err"; then
		die 2 "$rule:$(spatch_error "$work/pc.err") (the rule does not compile)"
	fi
	die 2 "$rule:$(spatch_error "$work/err.$name") (spatch failed running the rule, exit $rc)"
done
if [ ${#union[@]} -gt 0 ] && [ -z "$host" ] &&
	[ "$(cat "$work/rc.probe" 2>/dev/null)" != 0 ]; then
	die 2 "spatch failed listing the parsed functions:$(spatch_error "$work/probe.err" | sed 's/^[0-9]*://')"
fi

v=()
[ "$verbose" = 1 ] && v=(--verbose)
python3 "$HERE/lint.py" report --work "$work" --format "$format" \
	--label "$label" --tree "$tree_dir" "${v[@]}"
