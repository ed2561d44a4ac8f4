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

# make_scratch: sets SCRATCH to a new directory removed when the script
# exits (not in a subshell: the trap must belong to the script itself)
make_scratch() {
	SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/kresv-test.XXXXXX")
	trap 'rm -rf "$SCRATCH"' EXIT
}
