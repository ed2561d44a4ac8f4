# SPDX-License-Identifier: GPL-2.0
# Short runs of both engines on every default tree: each must run real
# inputs through the tree's parser, and findings must come with reproducers
# that replay to the same finding.
source "$KRESV_ROOT/tests/lib.sh"
export KRESV_FUZZ_DIR
make_scratch
KRESV_FUZZ_DIR=$SCRATCH

for t in 6.1 6.12 7.3; do
	for e in libfuzzer afl; do
		out=$("$KRESV_ROOT/kresv" fuzz parse --tree "$t" --engine "$e" \
			--seconds "${KRESV_TEST_FUZZ_SECONDS:-5}" 2>&1)
		rc=$?
		execs=$(sed -n 's/^kresv: \([0-9]*\) inputs run.*/\1/p' <<<"$out")
		if [ "$rc" -gt 1 ] || [ -z "$execs" ] || [ "$execs" -lt 100 ]; then
			notok "fuzz $t $e" "rc $rc, ${execs:-no} inputs run: $(tail -n1 <<<"$out")"
			continue
		fi
		ok "fuzz $t $e ($execs inputs)"
	done
	# every recorded finding replays to the same finding ID
	bad=0 n=0
	for f in "$KRESV_FUZZ_DIR/$t/parse/findings"/*.input; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		id=$(basename "$f" | sed 's/-[0-9a-f]*\.input$//')
		"$KRESV_ROOT/build/t/$t/kresv-parse" --input "$f" 2>/dev/null |
			grep -q "WARNING: $id:" || bad=$((bad + 1))
	done
	if [ "$n" -eq 0 ]; then
		notok "fuzz $t reproducers" "no finding recorded (the seeds hold known ones)"
	elif [ "$bad" -gt 0 ]; then
		notok "fuzz $t reproducers" "$bad of $n do not replay"
	else
		ok "fuzz $t reproducers ($n replay)"
	fi
done
