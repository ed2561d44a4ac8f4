# SPDX-License-Identifier: GPL-2.0
# Scenario files (docs/scenario.md): the parser in harness/scenario/ and
# its checker kresv-scenario. Fixtures: tests/scenario/good/*.scn load,
# tests/scenario/bad/*.scn fail with the error named in their first line
# ("# error: SUBSTRING") at the line named in their second ("# line: N");
# tests/scenario/canonical/*.scn are the canonical forms of good fixtures.
# KRESV_SCENARIO_MUTATIONS (2000) and KRESV_SCENARIO_SEED (1) set the
# robustness run.
source "$KRESV_ROOT/tests/lib.sh"
make_scratch
D=$KRESV_ROOT/tests/scenario
SRC=$KRESV_ROOT/harness/scenario
BIN=$SCRATCH/kresv-scenario
SAN=(-std=gnu11 -Wall -Wextra -Werror -g -O1 -fno-omit-frame-pointer
	-fsanitize=address,undefined -fno-sanitize-recover=all)
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

if ! command -v clang-14 >/dev/null; then
	skip "scenario parser" "clang-14 is not installed (make deps)"
	exit 0
fi

# --- builds ----------------------------------------------------------------

if out=$(clang-14 "${SAN[@]}" "$SRC/scenario.c" "$SRC/check.c" -o "$BIN" 2>&1); then
	ok "kresv-scenario builds with clang-14, ASan+UBSan, no warning"
else
	notok "kresv-scenario builds with clang-14, ASan+UBSan, no warning" "$(tail -n 1 <<<"$out")"
	exit 0
fi

for cc in gcc-12 clang-14; do
	if ! command -v $cc >/dev/null; then
		skip "$cc -Wall -Wextra" "$cc is not installed"
		continue
	fi
	for opt in -O0 -O2; do
		check "$cc $opt -Wall -Wextra: no warning" \
			$cc -std=gnu11 -Wall -Wextra -Werror $opt -o "$SCRATCH/w-$cc" \
			"$SRC/scenario.c" "$SRC/check.c"
	done
done

# gcc's sanitizers too, over every fixture: error lines, no report
if command -v gcc-12 >/dev/null &&
   gcc-12 -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-o "$SCRATCH/gcc-san" "$SRC/scenario.c" "$SRC/check.c" 2>/dev/null; then
	out=$("$SCRATCH/gcc-san" "$D"/good/*.scn "$D"/bad/*.scn 2>&1)
	rc=$?
	if [ $rc -eq 2 ] && ! grep -qE 'runtime error|Sanitizer' <<<"$out"; then
		ok "gcc-12 ASan+UBSan build: every fixture, no report"
	else
		notok "gcc-12 ASan+UBSan build: every fixture, no report" "exit $rc: $(grep -m1 -E 'runtime error|Sanitizer' <<<"$out")"
	fi
else
	skip "gcc-12 ASan+UBSan build" "gcc-12 or its sanitizer runtimes are not installed"
fi

# the make fragment: the rule, its flags, and the includer's default goal
mf=$(make -s -B -n -C "$KRESV_ROOT" -f harness/scenario/Makefile.inc build/bin/kresv-scenario 2>&1)
if grep -q '^clang-14 .*-g -O1 .*-fsanitize=address,undefined .*scenario\.c .*check\.c -o build/bin/kresv-scenario$' <<<"$mf"; then
	ok "Makefile.inc: build/bin/kresv-scenario with clang-14 -g -O1 ASan+UBSan"
else
	notok "Makefile.inc: build/bin/kresv-scenario with clang-14 -g -O1 ASan+UBSan" "$(tail -n 1 <<<"$mf")"
fi
printf 'include harness/scenario/Makefile.inc\nall:\n\t@echo top-default\n' >"$SCRATCH/top.mk"
mf=$(make -s -n -C "$KRESV_ROOT" -f "$SCRATCH/top.mk" 2>&1)
if [ "$mf" = "echo top-default" ]; then
	ok "Makefile.inc leaves the includer's default goal alone"
else
	notok "Makefile.inc leaves the includer's default goal alone" "$(tail -n 1 <<<"$mf")"
fi
mkdir -p "$SCRATCH/tree/harness"
cp -r "$SRC" "$SCRATCH/tree/harness/"
if out=$(make -s -C "$SCRATCH/tree" -f harness/scenario/Makefile.inc build/bin/kresv-scenario 2>&1) &&
   [ "$("$SCRATCH/tree/build/bin/kresv-scenario" "$D/good/minimal.scn" 2>&1)" = "$D/good/minimal.scn: ok" ]; then
	ok "Makefile.inc builds a working checker"
else
	notok "Makefile.inc builds a working checker" "$(tail -n 1 <<<"$out")"
fi

# --- fixtures ----------------------------------------------------------------

# run FILE...: sets rc, out (stdout) and err (stderr) of the checker
run() {
	out=$("$BIN" "$@" 2>"$SCRATCH/stderr")
	rc=$?
	err=$(cat "$SCRATCH/stderr")
}

ngood=0
for f in "$D"/good/*.scn; do
	name="good/$(basename "$f")"
	ngood=$((ngood + 1))
	run "$f"
	if [ $rc -eq 0 ] && [ "$out" = "$f: ok" ] && [ -z "$err" ]; then
		ok "$name loads"
	else
		notok "$name loads" "exit $rc: ${err:-$out}"
	fi
done
[ $ngood -ge 6 ] || notok "at least 6 good fixtures" "only $ngood"

for f in "$D"/bad/*.scn; do
	name="bad/$(basename "$f")"
	want=$(sed -n '1s/^# error: //p' "$f")
	line=$(sed -n '2s/^# line: //p' "$f")
	if [ -z "$want" ] || [ -z "$line" ]; then
		notok "$name" "no '# error: ' first line or '# line: ' second line"
		continue
	fi
	run "$f"
	if [ $rc -ne 2 ]; then
		notok "$name" "exit $rc, want 2 (${err:-$out})"
	elif [ -n "$out" ] || [ "$(grep -c . <<<"$err")" -ne 1 ]; then
		notok "$name" "not one error line: $err"
	elif [[ "$err" != "$f:$line: "* ]]; then
		notok "$name" "'$err' does not start with '$f:$line: '"
	elif ! grep -qF -- "$want" <<<"$err"; then
		notok "$name" "'$err' does not say '$want'"
	else
		ok "$name: $want"
	fi
done

# errors that need bytes a text fixture should not hold
# bad_text NAME LINE SUBSTRING PRINTF-FORMAT
bad_text() {
	local name=$1 line=$2 want=$3 f=$SCRATCH/gen.scn
	printf "$4" >"$f"
	run "$f"
	if [ $rc -eq 2 ] && [ -z "$out" ] && [ "$(grep -c . <<<"$err")" -eq 1 ] &&
	   [[ "$err" == "$f:$line: "* ]] && grep -qF -- "$want" <<<"$err"; then
		ok "$name"
	else
		notok "$name" "exit $rc: $err"
	fi
}
bad_text "control byte in the command line" 2 "control byte 0x01 at column 12" \
	'memory 0 1G\ncmdline "ab\001c"\n'
bad_text "escape byte in the command line" 2 "control byte 0x1b" \
	'memory 0 1G\ncmdline "\033[0m"\n'
bad_text "DEL in the command line" 2 "control byte 0x7f" \
	'memory 0 1G\ncmdline "a\177"\n'
bad_text "CR inside a line" 1 "control byte 0x0d at column 9" \
	'memory 0\r 1G\n'
bad_text "NUL byte" 2 "NUL byte at column 1" \
	'memory 0 1G\n\000\n'
bad_text "not UTF-8 in the command line" 2 "bytes that are not UTF-8 text at column 13" \
	'memory 0 1G\ncmdline "caf\351"\n'
bad_text "truncated UTF-8 sequence" 1 "not UTF-8" \
	'memory 0 1G # \342\202\n'
bad_text "non-ASCII label" 1 "label '\\xc3\\xa9' may hold printable ASCII only" \
	'nomap 0 1G \303\251\nmemory 0 1G\n'
bad_text "no memory line in an empty file" 1 "no memory line" ''
head -c $((4 << 20)) /dev/zero | tr '\0' '#' >"$SCRATCH/big.scn"
printf '\nmemory 0 1G\n' >>"$SCRATCH/big.scn"
run "$SCRATCH/big.scn"
if [ $rc -eq 2 ] && [ "$err" = "$SCRATCH/big.scn: larger than 4194304 bytes (not a scenario file)" ]; then
	ok "a file over 4 MiB is refused"
else
	notok "a file over 4 MiB is refused" "exit $rc: $err"
fi

# good_text NAME CANONICAL-LINES PRINTF-FORMAT [ARG...]: the file loads and
# its canonical form holds each of the lines
good_text() {
	local name=$1 want=$2 f=$SCRATCH/gen.scn l=
	shift 2
	printf "$@" >"$f"
	run --write "$f"
	if [ $rc -ne 0 ]; then
		notok "$name" "exit $rc: $err"
	else
		while IFS= read -r l; do
			[ -z "$l" ] || grep -qxF -- "$l" <<<"$out" || break
		done <<<"$want"
		if [ -n "$l" ] && ! grep -qxF -- "$l" <<<"$out"; then
			notok "$name" "no line '$l' in: $(tr '\n' '|' <<<"$out")"
		else
			ok "$name"
		fi
	fi
}
cl=$(printf 'a%.0s' $(seq 2047))
good_text "2047-byte command line" "cmdline \"$cl\"" 'memory 0 1G\ncmdline "%s"\n' "$cl"
cl=$(printf '\\\\%.0s' $(seq 2047))
good_text "2047 escaped backslashes are 2047 bytes" "cmdline \"$cl\"" 'memory 0 1G\ncmdline "%s"\n' "$cl"
good_text "empty command line is kept" 'cmdline ""' 'memory 0 1G\ncmdline ""\n'
good_text "UTF-8 in comments and the command line" "$(printf 'cmdline "x=\342\202\254"')" \
	'# caf\303\251\nmemory 0 1G\ncmdline "x=\342\202\254"\n'
good_text "adjacent banks" 'memory 0x0 1G' 'memory 0x40000000 1G\nmemory 0x80000000 1G\nmemory 0 1G\n'
good_text "bank ending at 2^64 - 1" 'memory 0x0 0xffffffffffffffff' 'memory 0 0xffffffffffffffff\n'
good_text "largest suffixed size" 'memory 0x0 16383P' 'memory 0 16383P\n'
good_text "kernel, initrd, reserved and nomap outside RAM" 'kernel 0x1000000000 32M' \
	'memory 0x40000000 1G\nkernel 0x1000000000 32M\ninitrd 0 1M\nreserved 0 4K\nnomap 0xffff0000 64K\nreserved 0 8K\n'
good_text "dma-max 0 is an address" 'dma-max 0x0' 'memory 0 1G\ndma-max 0\n'
good_text "no newline at the end" 'cmdline "a"' 'memory 0 1G\ncmdline "a"'
good_text "'#' in the command line is not a comment" 'cmdline "a#b \"#\""' \
	'memory 0 1G\ncmdline "a#b \\"#\\"" # comment\n'
good_text "expect keeps '#', inner blanks and indentation" 'expect 7.3   DMA  [mem] # x' \
	'memory 0 1G\nexpect 7.3   DMA  [mem] # x \t \n'
good_text "config string with escapes and blanks" 'config CONFIG_CMDLINE="a \"b\" c\\"' \
	'memory 0 1G\nconfig CONFIG_CMDLINE="a \\"b\\" c\\\\"\nconfig CONFIG_X=-12\nconfig CONFIG_Y=0xFf\n'
good_text "cpu features in table order" 'cpu lpa2 bbml2 bbml3' 'memory 0 1G\ncpu bbml3 lpa2 bbml3\ncpu bbml2\n'
good_text "sizes: whole MiB with a suffix below 1024, the rest in hex" \
	"$(printf 'memory 0x0 0xbc000000\nmemory 0x400000000 1M\nmemory 0x800000000 0x180000\nmemory 0x1000000000 64T')" \
	'memory 0 3008M\nmemory 16G 0x100000\nmemory 32G 1536k\nmemory 64G 0x400000000000\n'

# the limits themselves are fine (one more of each: bad/too-many-*.scn)
lim=$SCRATCH/limits.scn
{
	for i in $(seq 0 63); do printf 'memory 0x%x 1G\n' $(((i + 1) << 31)); done
	for i in $(seq 0 63); do printf 'reserved 0x%x 4K r%d\n' $((i << 12)) $i; done
	for i in $(seq 0 62); do printf 'nomap 0x%x 4K\n' $((i << 12)); done
	for i in $(seq 0 125); do printf 'config CONFIG_T%d=y\n' $i; done
	printf 'config CONFIG_%s=y\n' "$(printf 'A%.0s' $(seq 88))"
	printf 'config CONFIG_S="%s"\n' "$(printf 's%.0s' $(seq 253))"
	for i in $(seq 0 255); do printf 'expect %s %s\n' "$(printf "k%030d" $i)" "$(printf 'x%.0s' $(seq 255))"; done
	for i in $(seq 0 255); do printf 'split 0x%x 4K\n' $((i << 12)); done
	printf 'nomap 0 4K %s\n' "$(printf 'l%.0s' $(seq 63))"
} >"$lim"
run "$lim"
if [ $rc -eq 0 ]; then
	ok "at the limits: 64 banks, reserved, nomap; 128 config; 256 expect, split; longest names"
else
	notok "at the limits: 64 banks, reserved, nomap; 128 config; 256 expect, split; longest names" "$err"
fi

# --- canonical form and round trip -------------------------------------------

for f in "$D"/good/*.scn "$lim"; do
	name=$(basename "$f")
	"$BIN" --write "$f" >"$SCRATCH/a.scn" 2>/dev/null &&
		"$BIN" --write "$SCRATCH/a.scn" >"$SCRATCH/b.scn" 2>/dev/null
	rc=$?
	if [ $rc -ne 0 ]; then
		notok "round trip $name" "exit $rc"
	elif ! cmp -s "$SCRATCH/a.scn" "$SCRATCH/b.scn"; then
		notok "round trip $name" "$(diff "$SCRATCH/a.scn" "$SCRATCH/b.scn" | head -n 2 | tr '\n' ' ')"
	else
		ok "round trip $name: write, load, write gives the same text"
	fi
done

for f in "$D"/canonical/*.scn; do
	name=$(basename "$f")
	"$BIN" --write "$D/good/$name" >"$SCRATCH/c.scn" 2>/dev/null
	if cmp -s "$f" "$SCRATCH/c.scn"; then
		ok "canonical form of good/$name"
	else
		notok "canonical form of good/$name" "$(diff "$f" "$SCRATCH/c.scn" | head -n 3 | tr '\n' ' ')"
	fi
done

sed 's/$/\r/' "$D/good/qemu-virt-1g.scn" >"$SCRATCH/crlf.scn"
"$BIN" --write "$SCRATCH/crlf.scn" >"$SCRATCH/crlf.out" 2>/dev/null
"$BIN" --write "$D/good/qemu-virt-1g.scn" >"$SCRATCH/lf.out" 2>/dev/null
if cmp -s "$SCRATCH/crlf.out" "$SCRATCH/lf.out"; then
	ok "CRLF line ends read like LF"
else
	notok "CRLF line ends read like LF" "$(head -n 1 "$SCRATCH/crlf.out")"
fi

# --- the checker's command line ------------------------------------------------

run
[ $rc -eq 2 ] && grep -q '^usage: kresv-scenario' <<<"$err" &&
	ok "no file: usage, exit 2" || notok "no file: usage, exit 2" "exit $rc: $err"
run --frobnicate "$D/good/minimal.scn"
[ $rc -eq 2 ] && grep -q "unknown option '--frobnicate'" <<<"$err" &&
	ok "unknown option: exit 2" || notok "unknown option: exit 2" "exit $rc: $err"
run --help
[ $rc -eq 0 ] && grep -q '^usage:' <<<"$out" &&
	ok "--help: exit 0" || notok "--help: exit 0" "exit $rc"
run "$SCRATCH/nonexistent.scn"
[ $rc -eq 2 ] && [ "$err" = "$SCRATCH/nonexistent.scn: cannot open: No such file or directory" ] &&
	ok "missing file: one line, exit 2" || notok "missing file: one line, exit 2" "exit $rc: $err"
run "$SCRATCH"
[ $rc -eq 2 ] && [ "$err" = "$SCRATCH: cannot read: Is a directory" ] &&
	ok "a directory: one line, exit 2" || notok "a directory: one line, exit 2" "exit $rc: $err"
run "$D/good/minimal.scn" "$D/bad/overlap.scn" "$D/good/rpi4-4g.scn"
if [ $rc -eq 2 ] && [ "$(grep -c ': ok$' <<<"$out")" -eq 2 ] &&
   [ "$(grep -c . <<<"$err")" -eq 1 ] && grep -q '/bad/overlap.scn:4: ' <<<"$err"; then
	ok "good and bad files: each reported, exit 2"
else
	notok "good and bad files: each reported, exit 2" "exit $rc: $err"
fi
run --write "$D/good/minimal.scn" "$D/good/rpi4-4g.scn"
if [ $rc -eq 0 ] && [ "$(grep -c '^# .*\.scn$' <<<"$out")" -eq 2 ] &&
   [ "$(grep -c ': ok$' <<<"$err")" -eq 2 ]; then
	ok "--write with several files: a '# FILE' line before each, ok lines on stderr"
else
	notok "--write with several files" "exit $rc: $err"
fi
run -- "$D/good/minimal.scn"
[ $rc -eq 0 ] && ok "-- ends the options" || notok "-- ends the options" "exit $rc: $err"

# --- robustness ----------------------------------------------------------------

n=${KRESV_SCENARIO_MUTATIONS:-2000}
seed=${KRESV_SCENARIO_SEED:-1}
if ! out=$(clang-14 "${SAN[@]}" -I"$SRC" "$SRC/scenario.c" "$D/mutate.c" -o "$SCRATCH/mutate" 2>&1); then
	notok "mutation driver builds" "$(tail -n 1 <<<"$out")"
else
	out=$(cd "$SCRATCH" && ./mutate "$seed" "$n" "$D"/good/*.scn 2>&1)
	rc=$?
	if [ $rc -ne 0 ]; then
		cp "$SCRATCH/mutate-failure.scn" "${TMPDIR:-/tmp}/kresv-scenario-failure.scn" 2>/dev/null
		notok "$n mutations of the good fixtures (seed $seed)" \
			"exit $rc, input kept in ${TMPDIR:-/tmp}/kresv-scenario-failure.scn: $(grep -m1 -E 'ERROR|runtime error|mutate:' <<<"$out")"
	elif ! grep -qE "^$n inputs: [1-9][0-9]* accepted, [1-9][0-9]* rejected$" <<<"$out"; then
		notok "$n mutations of the good fixtures (seed $seed)" "$out"
	else
		ok "$n mutations of the good fixtures (seed $seed) under ASan+UBSan: one error line or a round trip, no crash ($(sed 's/^[0-9]* inputs: //' <<<"$out"))"
	fi
fi
