# SPDX-License-Identifier: GPL-2.0
# The nightly job runs both engines on every tree and writes one report.
source "$KRESV_ROOT/tests/lib.sh"
make_scratch
export KRESV_FUZZ_DIR=$SCRATCH/fuzz
"$KRESV_ROOT/ci/nightly.sh" --seconds 2 --report "$SCRATCH/report.txt" >/dev/null 2>&1
rc=$?
runs=$(grep -c '^kresv: [1-9][0-9]* inputs run' "$SCRATCH/report.txt" 2>/dev/null)
if [ "$rc" -le 1 ] && [ "$runs" = 6 ]; then
	ok "nightly: 3 trees x 2 engines in one report"
else
	notok "nightly" "rc $rc, ${runs:-0} of 6 runs reported"
fi
