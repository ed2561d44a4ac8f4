# SPDX-License-Identifier: GPL-2.0
# The boot model's fuzz target (harness/fuzz/, docs/fuzz-boot.md): short
# runs of both engines on every default tree that execute real inputs,
# reproducers that replay to the same finding, the --dump-scenario round
# trip, deduplication to the smallest reproducer, known findings reached,
# and bad input to --from-fuzz-input.
source "$KRESV_ROOT/tests/lib.sh"
need_command "fuzz boot" afl-fuzz "AFL++ (make deps)"
make_scratch
export KRESV_FUZZ_DIR=$SCRATCH/fuzz
K=$KRESV_ROOT/kresv
SECONDS_EACH=${KRESV_TEST_FUZZ_SECONDS:-5}

# text_input SCENARIO OUT: a scenario file as a fuzz input (#scn form)
text_input() {
	{ printf '#scn\n'; grep -v '^[[:space:]]*\(expect\|config\)[[:space:]]' "$1"; } > "$2"
}

# finding IDs of one replay of a fuzz input, sorted, one line
replay_ids() { # tree input
	"$K" replay --tree "$1" --from-fuzz-input "$2" 2>/dev/null |
		sed -n 's/^[^ ]*: WARNING: \([A-Z_0-9]*\):.*/\1/p' | sort -u | xargs
}

# finding IDs the fuzz target saves for one input, sorted, one line
fuzz_ids() { # tree input
	local d
	d=$(mktemp -d "$SCRATCH/ids.XXXXXX")
	KRESV_FINDINGS_DIR=$d "$KRESV_ROOT/build/t/$1/fuzz-boot/libfuzzer/fuzz-boot" \
		"$2" >/dev/null 2>&1
	for f in "$d"/*.input; do
		[ -f "$f" ] && basename "$f" | sed 's/-[0-9a-f]*\.input$//'
	done | sort -u | xargs
}

# small seeds: a zero byte, one random machine, and the tree's known
# finding (6.1: ,high without ,low above a 30-bit DMA limit; 7.3: the
# memmap panic after crashkernel=900M on 1 GiB)
declare -A known_id known_in
text_input "$KRESV_ROOT/corpus/layouts/rpi4-8g-high.scn" "$SCRATCH/known-6.1"
known_id[6.1]=CRASH_ABOVE_DMA_LIMIT known_in[6.1]=$SCRATCH/known-6.1
known_id[7.3]=KERNEL_PANIC
known_in[7.3]=$KRESV_ROOT/corpus/boot-seeds/virt-1g-almost-all.scn

for t in 6.1 6.12 7.3; do
	seeds=$SCRATCH/seeds-$t
	mkdir -p "$seeds"
	cp "$KRESV_ROOT/corpus/boot-seeds/zero.bin" \
	   "$KRESV_ROOT/corpus/boot-seeds/random-1.bin" "$seeds/"
	[ -n "${known_in[$t]:-}" ] && cp "${known_in[$t]}" "$seeds/known"
	for e in libfuzzer afl; do
		out=$(KRESV_BOOT_SEEDS=$seeds "$K" fuzz boot --tree "$t" \
			--engine "$e" --seconds "$SECONDS_EACH" 2>&1)
		rc=$?
		execs=$(sed -n 's/^kresv: \([0-9]*\) inputs run.*/\1/p' <<<"$out")
		corpus=$(sed -n 's/^kresv: corpus \([0-9]*\) inputs.*/\1/p' <<<"$out")
		stab=$(sed -n 's/^kresv: corpus .*stability \(.*\)$/\1/p' <<<"$out")
		if [ "$rc" -gt 1 ] || [ -z "$execs" ] || [ "$execs" -lt 1 ]; then
			notok "fuzz boot $t $e" "rc $rc, ${execs:-no} inputs run: $(tail -n1 <<<"$out")"
		elif [ "${corpus:-0}" -lt 1 ]; then
			notok "fuzz boot $t $e" "$execs inputs run, but no corpus"
		elif [ "$e" = afl ] &&
		     [ ! -s "$KRESV_FUZZ_DIR/$t/boot/afl/default/fuzzer_stats" ]; then
			notok "fuzz boot $t $e" "no fuzzer_stats"
		else
			ok "fuzz boot $t $e ($execs inputs, corpus $corpus${stab:+, stability $stab})"
		fi
	done
	# nothing of the AFL++ run is left running (or stopped, on a core)
	left=$(grep -lz "^KRESV_FUZZ_RUN=$KRESV_FUZZ_DIR/" /proc/[0-9]*/environ 2>/dev/null)
	if [ -z "$left" ]; then
		ok "fuzz boot $t afl leaves no process behind"
	else
		notok "fuzz boot $t afl leaves no process behind" "$(tr '\n' ' ' <<<"$left")"
	fi

	# every recorded finding replays to the same finding ID
	bad=0 n=0
	for f in "$KRESV_FUZZ_DIR/$t/boot/findings"/*.input; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		id=$(basename "$f" | sed 's/-[0-9a-f]*\.input$//')
		"$KRESV_ROOT/build/t/$t/kresv-fuzz-decode" "$f" > "$SCRATCH/r.scn" &&
		"$KRESV_ROOT/build/t/$t/kresv-replay" --tree-name "$t" \
			"$SCRATCH/r.scn" 2>/dev/null | grep -q "WARNING: $id:" ||
			bad=$((bad + 1))
	done
	if [ "$bad" -gt 0 ]; then
		notok "fuzz boot $t reproducers" "$bad of $n do not replay"
	else
		ok "fuzz boot $t reproducers ($n replay)"
	fi

	# the known finding of the tree, reached by the fuzz runs
	if [ -n "${known_id[$t]:-}" ]; then
		if ls "$KRESV_FUZZ_DIR/$t/boot/findings/${known_id[$t]}"-*.input >/dev/null 2>&1; then
			ok "fuzz boot $t reaches ${known_id[$t]}"
		else
			notok "fuzz boot $t reaches ${known_id[$t]}" "not among $(ls "$KRESV_FUZZ_DIR/$t/boot/findings" | grep -c '\.input$') saved findings"
		fi
	fi

	# round trip: decode -> scenario file that checks -> same findings
	for in in "$KRESV_ROOT/corpus/boot-seeds/random-1.bin" ${known_in[$t]:+"${known_in[$t]}"}; do
		name="fuzz boot $t round trip $(basename "$in")"
		if ! "$K" replay --tree "$t" --from-fuzz-input "$in" \
			--dump-scenario > "$SCRATCH/dump.scn" 2>"$SCRATCH/err"; then
			notok "$name" "--dump-scenario: $(tail -n1 "$SCRATCH/err")"
			continue
		fi
		if ! "$KRESV_ROOT/build/bin/kresv-scenario" "$SCRATCH/dump.scn" >/dev/null 2>"$SCRATCH/err"; then
			notok "$name" "kresv-scenario: $(tail -n1 "$SCRATCH/err")"
			continue
		fi
		a=$(fuzz_ids "$t" "$in") b=$(replay_ids "$t" "$in")
		c=$("$KRESV_ROOT/build/t/$t/kresv-replay" "$SCRATCH/dump.scn" |
			sed -n 's/^[^ ]*: WARNING: \([A-Z_0-9]*\):.*/\1/p' | sort -u | xargs)
		if [ "$a" != "$b" ] || [ "$b" != "$c" ]; then
			notok "$name" "fuzz target '$a', --from-fuzz-input '$b', dumped scenario '$c'"
		else
			ok "$name (findings: ${a:-none})"
		fi
	done
done

# the decoder: random inputs give scenarios the parser takes, already in
# canonical form (kresv-scenario --write leaves them as they are)
bad=0
for i in $(seq 100); do
	head -c $((i * 5)) /dev/urandom > "$SCRATCH/rand"
	if ! "$KRESV_ROOT/build/t/6.1/kresv-fuzz-decode" "$SCRATCH/rand" > "$SCRATCH/rand.scn" 2>"$SCRATCH/err" ||
	   ! "$KRESV_ROOT/build/bin/kresv-scenario" --write "$SCRATCH/rand.scn" 2>/dev/null |
		cmp -s - "$SCRATCH/rand.scn"; then
		bad=$((bad + 1))
		cp "$SCRATCH/rand" "$SCRATCH/bad-input"
	fi
done
if [ "$bad" -eq 0 ]; then
	ok "fuzz boot decoder (100 random inputs, valid and canonical)"
else
	notok "fuzz boot decoder" "$bad of 100 random inputs do not decode to a canonical scenario"
fi

# split lines: 7.3's decoder writes them (valid, canonical), 6.1's reads
# the same choices and leaves them out, the rest of the machine the same
bad=0 with=0
for i in $(seq 60); do
	head -c 2000 /dev/urandom > "$SCRATCH/rand"
	"$KRESV_ROOT/build/t/7.3/kresv-fuzz-decode" "$SCRATCH/rand" > "$SCRATCH/r73.scn" 2>/dev/null &&
	"$KRESV_ROOT/build/t/6.1/kresv-fuzz-decode" "$SCRATCH/rand" > "$SCRATCH/r61.scn" 2>/dev/null ||
		{ bad=$((bad + 1)); continue; }
	grep -q '^split ' "$SCRATCH/r73.scn" && with=$((with + 1))
	if grep -q '^split ' "$SCRATCH/r61.scn" ||
	   ! grep -v '^split ' "$SCRATCH/r73.scn" | cmp -s - "$SCRATCH/r61.scn" ||
	   ! "$KRESV_ROOT/build/bin/kresv-scenario" --write "$SCRATCH/r73.scn" 2>/dev/null |
		cmp -s - "$SCRATCH/r73.scn"; then
		bad=$((bad + 1))
		cp "$SCRATCH/rand" "$SCRATCH/bad-split-input"
	fi
done
if [ "$bad" -eq 0 ] && [ "$with" -gt 0 ]; then
	ok "fuzz boot decoder: split lines on 7.3 only ($with of 60 random inputs)"
else
	notok "fuzz boot decoder: split lines" "$bad of 60 inputs wrong, $with with split lines on 7.3"
fi

# dedup: fifty inputs with one finding, larger ones first -> one saved
# reproducer, the smallest
d=$SCRATCH/dedup
mkdir -p "$d/in" "$d/findings"
files=()
for i in $(seq 50 -1 1); do
	{ cat "${known_in[6.1]}"; printf '# padding %*s\n' "$((i * 7))" x; } > "$d/in/$i"
	files+=("$d/in/$i")
done
text_input "$KRESV_ROOT/corpus/layouts/rpi4-8g-high.scn" "$d/in/0"
files+=("$d/in/0")
KRESV_FINDINGS_DIR=$d/findings \
	"$KRESV_ROOT/build/t/6.1/fuzz-boot/libfuzzer/fuzz-boot" "${files[@]}" \
	> "$d/log" 2>&1
saved=$(find "$d/findings" -name 'CRASH_ABOVE_DMA_LIMIT-*.input')
if [ "$(grep -c . <<<"$saved")" -ne 1 ]; then
	notok "fuzz boot dedup" "$(grep -c . <<<"$saved") reproducers of CRASH_ABOVE_DMA_LIMIT for 51 inputs"
elif ! cmp -s "$saved" "$d/in/0"; then
	notok "fuzz boot dedup" "the saved reproducer ($(wc -c <"$saved") bytes) is not the smallest input ($(wc -c <"$d/in/0") bytes)"
elif [ "$(find "$d/findings" -name '*.tmp.*' | wc -l)" -ne 0 ]; then
	notok "fuzz boot dedup" "temporary files left behind"
else
	ok "fuzz boot dedup (51 inputs, one reproducer, the smallest, $(find "$d/findings" -name '*.input' | wc -l) signatures)"
fi

# KRESV_ABORT_ON_FINDING=1: a finding aborts (for minimisers)
out=$(KRESV_ABORT_ON_FINDING=1 \
	"$KRESV_ROOT/build/t/6.1/fuzz-boot/libfuzzer/fuzz-boot" "$d/in/0" 2>&1)
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'WARNING: CRASH_ABOVE_DMA_LIMIT:' <<<"$out"; then
	ok "fuzz boot KRESV_ABORT_ON_FINDING=1 aborts"
else
	notok "fuzz boot KRESV_ABORT_ON_FINDING=1 aborts" "exit $rc"
fi

# Above the fuzz-mode cap on page-granular maps (16 GiB of RAM), the
# decision to skip asks the mmu unit what the tree decided; 6.1 has no
# force_pte_mapping(), whose answer was stack garbage (a UBSan report in a
# 6.1 fuzz run: a bool of value 230). Every tree, both engines' builds.
printf '#scn\narch arm64\nmemory 0xc0c0c0c000 2T\nmemory 0x2c0d0c0c000 2T\ncmdline "mem=128M rodata=off"\n' \
	>"$SCRATCH/above-cap"
for t in 6.1 6.12 7.3; do
	bad=''
	for e in libfuzzer afl; do
		out=$(ASAN_OPTIONS=detect_leaks=0 \
			"$KRESV_ROOT/build/t/$t/fuzz-boot/$e/fuzz-boot" \
			"$SCRATCH/above-cap" 2>&1 <"$SCRATCH/above-cap")
		rc=$?
		{ [ $rc -le 1 ] && ! grep -q 'runtime error\|Sanitizer' <<<"$out"; } ||
			bad+=" $e: rc $rc $(grep -m1 'runtime error\|Sanitizer' <<<"$out")"
	done
	if [ -z "$bad" ]; then
		ok "fuzz boot $t: a machine above the page-map cap, no sanitizer report"
	else
		notok "fuzz boot $t: above the page-map cap" "$bad"
	fi
done

expect_error "replay --from-fuzz-input missing file" 2 "no such file" \
	"$K" replay --tree 6.1 --from-fuzz-input "$SCRATCH/no-such-input"
expect_error "replay --dump-scenario alone" 2 "goes with --from-fuzz-input" \
	"$K" replay --tree 6.1 --dump-scenario
expect_error "fuzz boot unknown engine" 2 "unknown engine" \
	"$K" fuzz boot --tree 6.1 --engine honggfuzz
