# SPDX-License-Identifier: GPL-2.0
# ./kresv fuzz parse|boot and ./kresv job, sourced by ./kresv (which defines
# die, usage, resolve_tree, build_tree, tree_make and the rest it uses).

# Seeds: corpus/parse/seeds.txt lines "RAM<TAB>COMMAND LINE", encoded.
make_seeds() { # bin dir
	local bin=$1 dir=$2 ram line i=0
	mkdir -p "$dir"
	while IFS=$'\t' read -r ram line; do
		case $ram in ''|'#'*) continue ;; esac
		i=$((i + 1))
		"$bin" --encode "$dir/seed-$i" --ram "$ram" "$line" ||
			die 2 "corpus/parse/seeds.txt: bad seed '$ram' '$line'"
	done < "$ROOT/corpus/parse/seeds.txt"
}

cmd_fuzz() {
	local target=${1:-} tree=$DEFAULT_TREE engine=libfuzzer seconds=60
	case $target in
	parse) ;;
	boot) shift; cmd_fuzz_boot "$@"; return ;;
	*) die 2 "fuzz: unknown target '${target}' (parse, boot)" ;;
	esac
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		--tree) [ $# -ge 2 ] || usage; tree=$2; shift 2 ;;
		--engine) [ $# -ge 2 ] || usage; engine=$2; shift 2 ;;
		--seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
		*) usage ;;
		esac
	done
	[[ $seconds =~ ^[1-9][0-9]*$ ]] || die 2 "--seconds $seconds: not a positive number"
	resolve_tree "$tree"
	case $engine in
	libfuzzer) build_tree ;;
	afl) build_tree afl ;;
	*) die 2 "unknown engine '$engine' (libfuzzer or afl)" ;;
	esac

	local b=$ROOT/build/t/$TREE_NAME
	local work=${KRESV_FUZZ_DIR:-$ROOT/build/fuzz}/$TREE_NAME/parse
	local findings=$work/findings log=$work/$engine.log rc
	mkdir -p "$work/corpus" "$work/crashes" "$findings"
	make_seeds "$b/kresv-parse" "$work/seeds"
	export KRESV_FINDINGS_DIR=$findings
	echo "kresv: fuzzing the crashkernel= parser of $TREE_LABEL with $engine for ${seconds}s" >&2
	local execs speed corpus stability
	case $engine in
	libfuzzer)
		run_libfuzzer "$b/fuzz-parse-libfuzzer" "$work" "$log" \
			"$seconds" 2100 "$work/seeds"
		rc=$?
		;;
	afl)
		run_afl "$work" "$log" -i "$work/seeds" -V "$seconds" \
			-c "$b/fuzz-parse-afl-cmplog" -- "$b/fuzz-parse-afl"
		rc=$?
		afl_results "$work"
		;;
	esac
	report_fuzz "$rc" "${execs:-0}" "${speed:-0}" "$work" "$log"
}

# run_libfuzzer BINARY WORK LOG SECONDS MAX_LEN SEEDS: a libFuzzer run into
# WORK/corpus (crashes into WORK/crashes), output in LOG; its exit code.
# Sets execs, speed and corpus (the caller's locals).
run_libfuzzer() {
	local bin=$1 work=$2 log=$3 seconds=$4 max_len=$5 seeds=$6 rc
	"$bin" -max_total_time="$seconds" \
		-dict="$ROOT/corpus/parse/parse.dict" -max_len="$max_len" \
		-artifact_prefix="$work/crashes/" -print_final_stats=1 \
		"$work/corpus" "$seeds" > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	corpus=$(find "$work/corpus" -type f | wc -l)
	return $rc
}

# afl_results WORK: execs, speed, corpus and stability (the caller's
# locals) from the run's fuzzer_stats; its crashes copied to WORK/crashes.
afl_results() {
	local work=$1 st=$1/afl/default/fuzzer_stats c
	execs=$(sed -n 's/^execs_done *: *//p' "$st" 2>/dev/null)
	speed=$(sed -n 's/^execs_per_sec *: *//p' "$st" 2>/dev/null)
	corpus=$(sed -n 's/^corpus_count *: *//p' "$st" 2>/dev/null)
	stability=$(sed -n 's/^stability *: *//p' "$st" 2>/dev/null)
	for c in "$work"/afl/default/crashes/id:*; do
		[ -f "$c" ] && cp -n "$c" "$work/crashes/afl-$(basename "$c" | tr ':,' '__')"
	done
}

# run_afl WORK LOG AFL-FUZZ-ARGS...: afl-fuzz into WORK/afl with the
# grammar's dictionary, quietly, output in LOG; its exit code. Then what
# the run left behind is killed: afl-fuzz 4.04c can exit with its CmpLog
# target stopped in the persistent loop (SIGSTOP, orphaned, in a session
# of its own), still bound to a CPU core, and enough of them leave the
# next afl-fuzz no free core. The run's processes are found by the tag
# KRESV_FUZZ_RUN=WORK in their environment.
run_afl() {
	local work=$1 log=$2 rc p
	shift 2
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	AFL_NO_UI=1 AFL_AUTORESUME=1 AFL_QUIET=1 KRESV_FUZZ_RUN=$work \
		afl-fuzz -o "$work/afl" -x "$ROOT/corpus/parse/parse.dict" "$@" \
		> "$log" 2>&1
	rc=$?
	for p in /proc/[0-9]*; do
		grep -qzx "KRESV_FUZZ_RUN=$work" "$p/environ" 2>/dev/null &&
			kill -KILL "${p#/proc/}" 2>/dev/null
	done
	return $rc
}

report_fuzz() { # rc execs speed work log [replay-how]
	local rc=$1 execs=$2 speed=$3 work=$4 log=$5 n crashes
	local how=${6:-./kresv parse --tree ... --input FILE}
	crashes=$(find "$work/crashes" -type f | wc -l)
	n=$(find "$work/findings" -name '*.txt' | wc -l)
	echo "kresv: $execs inputs run ($speed/s), $n finding signatures, $crashes crash reproducers"
	cat "$work"/findings/*.txt 2>/dev/null | sort
	if [ "$execs" = 0 ]; then
		tail -n 5 "$log" >&2
		die 5 "the fuzzer ran no input (log: $log)"
	fi
	if [ "$crashes" -gt 0 ]; then
		echo "kresv: crash reproducers (replay: $how):"
		find "$work/crashes" -type f | sort
		grep -m1 -A12 'ERROR: \(Address\|Undefined\)Sanitizer\|runtime error' "$log" || true
	fi
	[ "$n" -gt 0 ] || [ "$crashes" -gt 0 ] || [ "$rc" -ne 0 ] && return 1
	return 0
}

# Seeds of the boot target: every layout of corpus/layouts as a text input
# ("#scn" first, without its expect and config lines), and the binary
# inputs of corpus/boot-seeds/.
make_boot_seeds() { # dir
	local dir=$1 f
	mkdir -p "$dir"
	for f in "$ROOT"/corpus/layouts/*.scn; do
		{ printf '#scn\n'; grep -v '^[[:space:]]*\(expect\|config\)[[:space:]]' "$f"; } \
			> "$dir/layout-$(basename "$f" .scn)"
	done
	for f in "$ROOT"/corpus/boot-seeds/*; do
		case $f in */README*) continue ;; esac
		[ -f "$f" ] && cp "$f" "$dir/"
	done
	return 0
}

# The whole boot model fuzzed (harness/fuzz/, docs/fuzz-boot.md).
cmd_fuzz_boot() {
	local tree=$DEFAULT_TREE engine=libfuzzer seconds=60
	while [ $# -gt 0 ]; do
		case $1 in
		--tree) [ $# -ge 2 ] || usage; tree=$2; shift 2 ;;
		--engine) [ $# -ge 2 ] || usage; engine=$2; shift 2 ;;
		--seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
		*) usage ;;
		esac
	done
	[[ $seconds =~ ^[1-9][0-9]*$ ]] || die 2 "--seconds $seconds: not a positive number"
	case $engine in
	libfuzzer|afl) ;;
	*) die 2 "unknown engine '$engine' (libfuzzer or afl)" ;;
	esac
	resolve_tree "$tree"
	build_tree
	tree_make "fuzz-boot-$engine" ||
		die 4 "build of the boot fuzz target ($engine) for tree $TREE_NAME failed"

	local b=$ROOT/build/t/$TREE_NAME/fuzz-boot
	local work=${KRESV_FUZZ_DIR:-$ROOT/build/fuzz}/$TREE_NAME/boot
	local findings=$work/findings log=$work/$engine.log rc
	local execs speed corpus stability=''
	mkdir -p "$work/corpus" "$work/crashes" "$findings"
	local seeds=$work/seeds
	if [ -n "${KRESV_BOOT_SEEDS:-}" ]; then	# a seed directory of one's own
		[ -d "$KRESV_BOOT_SEEDS" ] || die 2 "KRESV_BOOT_SEEDS=$KRESV_BOOT_SEEDS: no such directory"
		seeds=$KRESV_BOOT_SEEDS
	else
		make_boot_seeds "$seeds"
	fi
	export KRESV_FINDINGS_DIR=$findings
	echo "kresv: fuzzing the boot model of $TREE_LABEL with $engine for ${seconds}s" >&2
	case $engine in
	libfuzzer)
		run_libfuzzer "$b/libfuzzer/fuzz-boot" "$work" "$log" \
			"$seconds" 4096 "$seeds"
		rc=$?
		;;
	afl)
		run_afl "$work" "$log" -i "$seeds" -V "$seconds" -t 2000+ \
			-c "$b/cmplog/fuzz-boot" -- "$b/afl/fuzz-boot"
		rc=$?
		afl_results "$work"
		;;
	esac
	echo "kresv: corpus ${corpus:-0} inputs${stability:+, stability $stability}"
	report_fuzz "$rc" "${execs:-0}" "${speed:-0}" "$work" "$log" \
		"./kresv replay --tree $tree --from-fuzz-input FILE"
}

cmd_job() {
	local tree=$DEFAULT_TREE seconds=60
	while [ $# -gt 0 ]; do
		case $1 in
		--tree) [ $# -ge 2 ] || usage; tree=$2; shift 2 ;;
		--seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
		*) usage ;;
		esac
	done
	case $tree in
	6.1|6.12|7.3) "$ROOT/tree/fetch.sh" "$tree" || exit $? ;;
	esac
	cmd_fuzz parse --tree "$tree" --seconds "$seconds"
}
