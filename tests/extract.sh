# SPDX-License-Identifier: GPL-2.0
# Extraction: units are the kernel's own text, line for line, with #line
# directives into the tree; a missing root is a clear error.
source "$KRESV_ROOT/tests/lib.sh"
make_scratch
tmp=$SCRATCH

# every line after '#line N "FILE"' equals line N, N+1, ... of FILE
verbatim() {
	awk '
	/^#line [0-9]+ "/ { n = $2; f = $3; gsub(/"/, "", f); next }
	/^#undef / { f = ""; next }
	/^#define [A-Za-z0-9_]+ KRESV_WATCHED_/ { f = ""; next }	# a watch, ours
	/^$/ { if (f != "") n++; next }
	f != "" {
		line = $0
		if (line ~ /^#define /)
			sub(/^#define /, "", line)
		cmd = "sed -n " n "p \"" f "\""
		want = ""
		cmd | getline want
		close(cmd)
		sub(/^#[ \t]*define[ \t]+/, "", want)
		# a declaration ends at its ";", before a trailing comment
		if (line != want && index(want, line) != 1) {
			print f ":" n ": differs"
			exit 1
		}
		n++
	}' "$1"
}

for t in 6.1 6.12 7.3; do
	units=("$KRESV_ROOT/build/t/$t/units"/*.c)
	if [ ! -f "${units[0]}" ]; then
		notok "units $t" "not built (make)"
		continue
	fi
	bad=
	for u in "${units[@]}"; do
		grep -q "^#line [0-9]* \"$KRESV_TREES/$t/src/" "$u" || bad="$bad $(basename "$u"):no-#line"
		out=$(verbatim "$u") || bad="$bad $(basename "$u"):$out"
	done
	if [ -z "$bad" ]; then
		ok "units $t are the tree's text (${#units[@]} units)"
	else
		notok "units $t are the tree's text" "$bad"
	fi
done

out=$("$KRESV_ROOT/build/bin/kresv-extract" --tree "$KRESV_TREES/7.3/src" \
	--file kernel/crash_reserve.c \
	--config-h "$KRESV_ROOT/build/t/7.3/include/generated/autoconf.h" \
	-o "$tmp/x.c" no_such_function 2>&1)
rc=$?
if [ $rc -eq 3 ] && grep -q "'no_such_function' is not defined" <<<"$out" && [ ! -e "$tmp/x.c" ]; then
	ok "missing root: exit 3, message, no output"
else
	notok "missing root" "rc $rc: $out"
fi
out=$("$KRESV_ROOT/build/bin/kresv-extract" --tree "$KRESV_TREES/7.3/src" \
	--file kernel/no_such_file.c \
	--config-h "$KRESV_ROOT/build/t/7.3/include/generated/autoconf.h" \
	-o "$tmp/x.c" f 2>&1)
rc=$?
if [ $rc -eq 2 ] && grep -q "no_such_file.c: No such file" <<<"$out"; then
	ok "missing file: exit 2 with its name"
else
	notok "missing file" "rc $rc: $out"
fi
