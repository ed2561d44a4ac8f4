# SPDX-License-Identifier: GPL-2.0
# ./kresv replay and ./kresv linear-map, sourced by ./kresv (which defines
# die, usage, resolve_tree, build_tree, tree_config and the rest it uses).
# Apart from the other commands: a replay is a few milliseconds, and bash
# parses only what a command sources.

cmd_replay() {
	local trees=() args=() files=() rc=0 worst=0 f fuzz_input='' dump=''
	local page_size='' sanitize='' nth=0
	while [ $# -gt 0 ]; do
		case $1 in
		--tree) [ $# -ge 2 ] || usage; trees+=("$2"); shift 2 ;;
		--page-size) [ $# -ge 2 ] || usage; page_size=$2; shift 2 ;;
		--sanitize) sanitize=1; shift ;;
		--json) args+=("$1"); shift ;;
		--from-fuzz-input)
			[ $# -ge 2 ] || die 2 "replay: --from-fuzz-input needs a FILE"
			[ -z "$fuzz_input" ] || die 2 "replay: one --from-fuzz-input at a time"
			fuzz_input=$2; shift 2 ;;
		--dump-scenario) dump=1; shift ;;
		-*) die 2 "replay: unknown option $1" ;;
		*) files+=("$1"); shift ;;
		esac
	done
	[ ${#trees[@]} -gt 0 ] || trees=("$DEFAULT_TREE")
	[ ${#trees[@]} -le 2 ] || die 2 "replay: one tree, or two to compare"
	if [ -n "$fuzz_input" ]; then
		from_fuzz_input "$fuzz_input" "$dump" || return $?
		[ -n "$dump" ] && return 0
		files+=("$FUZZ_SCENARIO")
		sanitize=1	# a fuzz finding may be a sanitizer's report
	elif [ -n "$dump" ]; then
		die 2 "replay: --dump-scenario goes with --from-fuzz-input FILE"
	fi
	[ ${#files[@]} -gt 0 ] || die 2 "replay: no scenario given"
	case $page_size in
	''|4K) page_size='' ;;
	16K|64K) [ ${#trees[@]} -eq 1 ] || die 2 "replay: --page-size goes with one tree" ;;
	*) die 2 "replay: --page-size $page_size: 4K, 16K or 64K" ;;
	esac
	# Two builds of the replay (docs/boot-model.md): without sanitizers by
	# default, a few times faster; with ASan and UBSan on --sanitize.
	local bins=() labels=() names=() tnames=() configs=() makeargs=() rbin
	rbin=${sanitize:+kresv-replay}
	rbin=${rbin:-fast/kresv-replay}
	for t in "${trees[@]}"; do
		resolve_tree "$t"
		build_tree --need "$rbin"
		bins+=("$ROOT/build/t/$TREE_NAME/$rbin")
		labels+=("$TREE_LABEL")
		names+=("$t")
		tnames+=("$TREE_NAME")
		tree_config
		configs+=("$TREE_CONFIG")
		makeargs+=("${MAKE_ARGS[*]}")
	done
	[ -z "$page_size" ] || with_page_size "$page_size"
	# One short process: LeakSanitizer's scan of the heap at exit costs
	# more than a block-mapped boot (35 of 65 ms for 8 GiB). The tests run
	# the replay with it (tests/replay.sh); ASAN_OPTIONS of the caller wins.
	export ASAN_OPTIONS=${ASAN_OPTIONS-detect_leaks=0}
	for f in "${files[@]}"; do
		local run=() built=() i
		for i in "${!bins[@]}"; do
			replay_bin "$f" "$i"
			run[i]=$RUN_BIN built[i]=$RUN_BUILT
		done
		if [ ${#trees[@]} -eq 1 ]; then
			# without sanitizers, a replay that dies (a signal, a
			# wild write of kernel code) replays again with them,
			# which say where (harness/boot/rerun.c); the last
			# scenario replaces this shell: one process less
			local rerun=()
			[ -n "$sanitize" ] || rerun=(--rerun-sanitized
				"${run[0]%/fast/kresv-replay}/kresv-replay")
			[ $((++nth)) -lt ${#files[@]} ] || [ $worst -ne 0 ] ||
				[ -n "$fuzz_input" ] || exec "${run[0]}" "${rerun[@]}" \
				${built[0]:+--built-with "${built[0]}"} \
				--label "${labels[0]}" --tree-name "${names[0]}" \
				"${args[@]}" "$f"
			"${run[0]}" "${rerun[@]}" \
				${built[0]:+--built-with "${built[0]}"} \
				--label "${labels[0]}" --tree-name "${names[0]}" \
				"${args[@]}" "$f"
			rc=$?
		else
			replay_diff "$f"
			rc=$?
		fi
		[ $rc -gt $worst ] && worst=$rc
	done
	return $worst
}

# from_fuzz_input FILE DUMP: the scenario a fuzz input of the boot target
# stands for (harness/fuzz/decode.h, the same on every tree), printed
# (DUMP) or written to a temporary file named in FUZZ_SCENARIO, removed
# when kresv exits.
from_fuzz_input() {
	local in=$1 dump=$2 dir
	[ -f "$in" ] && [ -r "$in" ] ||
		die 2 "replay: --from-fuzz-input $in: no such file"
	resolve_tree "${trees[0]}"
	build_tree
	tree_make "build/t/$TREE_NAME/kresv-fuzz-decode" ||
		die 4 "build of kresv-fuzz-decode failed"
	if [ -n "$dump" ]; then
		"$ROOT/build/t/$TREE_NAME/kresv-fuzz-decode" "$in"
		return
	fi
	dir=$(mktemp -d "${TMPDIR:-/tmp}/kresv-fuzz-input.XXXXXX") ||
		die 1 "cannot make a temporary directory"
	# shellcheck disable=SC2064
	trap "rm -rf '$dir'" EXIT
	FUZZ_SCENARIO=$dir/$(basename "$in" .scn).scn
	"$ROOT/build/t/$TREE_NAME/kresv-fuzz-decode" "$in" > "$FUZZ_SCENARIO"
}

# with_page_size SIZE: each of files[] replaced by a copy with the config
# lines of a SIZE-page build of the tree (tree/page-sizes, by family), in
# a directory removed when kresv exits; a scenario that sets one of those
# symbols itself is refused.
with_page_size() {
	local size=$1 family lines dir f n out
	family=$(basename "$("$ROOT/extract/family.sh" "$TREE_SRC")" .mk)
	lines=$(awk -v f="$family" -v s="$size" '$1 == f && $2 == s {
		for (i = 3; i <= NF; i++) print $i }' "$ROOT/tree/page-sizes")
	[ -n "$lines" ] || die 2 "$cmd: no $size page build known for the $family family (tree/page-sizes)"
	dir=$(mktemp -d "${TMPDIR:-/tmp}/kresv-page-size.XXXXXX") ||
		die 1 "cannot make a temporary directory"
	# shellcheck disable=SC2064
	trap "rm -rf '$dir'" EXIT
	for n in "${!files[@]}"; do
		f=${files[n]}
		[ -r "$f" ] || die 2 "$cmd: $f: cannot read"
		while IFS= read -r l; do
			grep -Eq "^[[:space:]]*config[[:space:]]+${l%%=*}=" "$f" &&
				die 2 "$cmd: $f: sets ${l%%=*} itself; --page-size $size sets it too"
		done <<<"$lines"
		out=$dir/$n-$(basename "$f")
		{ cat "$f"; echo; sed 's/^/config /' <<<"$lines"; } >"$out"
		files[n]=$out
	done
}

# replay_bin SCENARIO I: sets RUN_BIN to the replay of tree I for SCENARIO
# and RUN_BUILT to the config it was built with when that is not the
# tree's: for a scenario with `config` lines, a build of the tree with its
# config plus those lines (build/cfg/NAME-HASH/, made once; kresv does not
# run Kconfig: the lines are applied as written). The caller's bins,
# tnames, configs, makeargs and rbin name the builds; cfg_goal the make
# goal of a config's build (replay-NAME by default, linear-map-NAME).
replay_bin() {
	local scn=$1 i=$2 lines dir cfg name text
	RUN_BIN=${bins[i]} RUN_BUILT=''
	# most scenarios have no config line: no process to find that out
	text=$(<"$scn") 2>/dev/null || return 0
	[[ $text =~ (^|$'\n')[[:space:]]*config[[:space:]] ]] || return 0
	fresh "$ROOT/build/bin/kresv-scenario" "$ROOT/harness/scenario" \
		"$ROOT/harness/report" "$ROOT/Makefile" ||
		make -s -C "$ROOT" build/bin/kresv-scenario >&2 ||
		die 4 "build of kresv-scenario failed"
	lines=$("$ROOT/build/bin/kresv-scenario" --write "$scn" 2>/dev/null |
		sed -n 's/^config //p')
	[ -n "$lines" ] || return 0
	name=${tnames[i]}
	cfg=$(mktemp "$ROOT/build/.config.XXXXXX") || die 1 "cannot write in $ROOT/build"
	printf '%s\n' "$lines" | awk -v base="${configs[i]}" '
		{ i = index($0, "="); n = substr($0, 1, i - 1); v = substr($0, i + 1)
		  want[n] = v; order[++k] = n }
		END {
			while ((getline l < base) > 0) {
				m = l
				if (m ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) { sub(/^# /, "", m); sub(/ is not set$/, "", m) }
				else sub(/=.*/, "", m)
				if (!(m in want)) print l
			}
			for (j = 1; j <= k; j++)
				if (want[order[j]] == "n") print "# " order[j] " is not set"
				else print order[j] "=" want[order[j]]
		}' >"$cfg"
	dir=$ROOT/build/cfg/$name-$(md5sum <"$cfg" | cut -c1-8)
	mkdir -p "$dir" && mv "$cfg" "$dir/config"
	# shellcheck disable=SC2086
	make -s -C "$ROOT" ${makeargs[i]} KCONFIG="$dir/config" \
		KRESV_BUILD="$dir" "${cfg_goal:-replay}-$name" >&2 ||
		die 4 "build of $name with the config lines of $scn failed (kresv applies them as written, without Kconfig; see $dir/config)"
	RUN_BIN=$dir/t/$name/${rbin:-kresv-replay} RUN_BUILT=$dir/config
}

# the replay of one scenario on two trees: only the lines that differ
replay_diff() { # scenario
	local a b rc
	a=$("${run[0]}" ${built[0]:+--built-with "${built[0]}"} \
		--tree-name "${names[0]}" "$1" 2>&1)
	rc=$?
	[ $rc -ge 2 ] && { printf '%s\n' "$a" >&2; return $rc; }
	b=$("${run[1]}" ${built[1]:+--built-with "${built[1]}"} \
		--tree-name "${names[1]}" "$1" 2>&1)
	rc=$?
	[ $rc -ge 2 ] && { printf '%s\n' "$b" >&2; return $rc; }
	echo "scenario: $1"
	if diff <(sed 1d <<<"$a") <(sed 1d <<<"$b") > /dev/null; then
		echo "  same on ${labels[0]} and ${labels[1]}"
		return 0
	fi
	# each run of changed lines under the heading of its section (the
	# report's unindented lines: "linear map:" and "kernel image:" have
	# the same fields), printed once, as context
	diff --label "${labels[0]}" --label "${labels[1]}" -U0 -F '^[^ ]' \
		<(sed 1d <<<"$a") <(sed 1d <<<"$b") | awk '
		/^@@ / { sub(/^@@ [^@]* @@ ?/, ""); heading = $0; pending = 1; next }
		pending && /^[-+][^ ]/ { pending = 0 }	# the change is a heading
		pending { if (heading != "" && heading != shown) print heading
			  shown = heading; pending = 0 }
		/^[-+][^ ]/ { shown = "" }
		{ print }'
	return 1
}

# The linear map the tree's map_mem() builds for each scenario, over
# simulated page tables, with its oracles (harness/mmu/).
cmd_linear_map() {
	local tree=$DEFAULT_TREE args=() files=() rc=0 worst=0 f page_size=''
	while [ $# -gt 0 ]; do
		case $1 in
		--tree) [ $# -ge 2 ] || usage; tree=$2; shift 2 ;;
		--page-size) [ $# -ge 2 ] || usage; page_size=$2; shift 2 ;;
		--json) args+=("$1"); shift ;;
		-*) die 2 "linear-map: unknown option $1" ;;
		*) files+=("$1"); shift ;;
		esac
	done
	[ ${#files[@]} -gt 0 ] || die 2 "linear-map: no scenario given"
	case $page_size in
	''|4K) page_size='' ;;
	16K|64K) ;;
	*) die 2 "linear-map: --page-size $page_size: 4K, 16K or 64K" ;;
	esac
	resolve_tree "$tree"
	build_tree
	# config lines and --page-size: a build per configuration, as the
	# replay makes them (replay_bin)
	local rbin=kresv-linear-map cfg_goal=linear-map
	local bins=("$ROOT/build/t/$TREE_NAME/kresv-linear-map")
	local tnames=("$TREE_NAME") makeargs=("${MAKE_ARGS[*]}") configs
	tree_config
	configs=("$TREE_CONFIG")
	[ -z "$page_size" ] || with_page_size "$page_size"
	for f in "${files[@]}"; do
		replay_bin "$f" 0
		"$RUN_BIN" ${RUN_BUILT:+--built-with "$RUN_BUILT"} \
			--label "$TREE_LABEL" "${args[@]}" "$f"
		rc=$?
		[ $rc -gt $worst ] && worst=$rc
	done
	return $worst
}
