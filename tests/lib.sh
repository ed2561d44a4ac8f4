# SPDX-License-Identifier: GPL-2.0
# Helpers for test scripts: one line per test, counted by tests/run.
#   ok NAME            the behaviour holds
#   notok NAME WHY     it does not
#   skip NAME WHY      it could not be checked here (always with a reason)
# Test scripts are run with KRESV_ROOT (repository) and KRESV_TREES
# (directory holding <version>/src and <version>/config) in the environment.

: "${KRESV_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${KRESV_TREES:=$KRESV_ROOT/build/trees}"
export KRESV_ROOT KRESV_TREES

ok()    { printf 'ok - %s\n' "$1"; }
notok() { printf 'not ok - %s: %s\n' "$1" "$2"; }
skip()  { printf 'skip - %s: %s\n' "$1" "$2"; }

# check NAME CMD...: ok when CMD succeeds, else not ok with its last line.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$name"
	else
		notok "$name" "$(printf '%s\n' "$out" | tail -n 1)"
	fi
}

# need_command NAME CMD WHY: a test script that cannot run without CMD says
# so as a failure (a missing tool is a set-up fault, not a skip) and stops
need_command() {
	command -v "$2" >/dev/null 2>&1 && return 0
	notok "$1" "$2 not found ($3)"
	exit 0
}

# expect_error NAME RC PATTERN CMD...: CMD exits RC with one stderr line
# matching PATTERN
expect_error() {
	local name=$1 want=$2 pat=$3 err rc
	shift 3
	err=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		notok "$name" "exit $rc, want $want ($err)"
	elif [ "$(printf '%s\n' "$err" | grep -c .)" -ne 1 ] ||
	     ! grep -q -- "$pat" <<<"$err"; then
		notok "$name" "stderr '$err' does not match '$pat' on one line"
	else
		ok "$name"
	fi
}

# make_scratch: sets SCRATCH to a new directory removed when the script
# exits (not in a subshell: the trap must belong to the script itself)
make_scratch() {
	SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/kresv-test.XXXXXX")
	trap 'rm -rf "$SCRATCH"' EXIT
}
