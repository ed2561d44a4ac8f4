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
		# a declaration ends at its ";", before a trailing comment;
		# a --stub function is its head as a declaration, not static
		bare = want
		while (sub(/^(static|inline|__always_inline)[ \t]+/, "", bare))
			;
		if (line != want && index(want, line) != 1 && line != bare &&
		    line != want ";" && line != bare ";") {
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

# --stub: setup_arch() whole, the file's setup_machine_fdt() declared in
# its place (not static, no body) for the harness to define
for t in 6.1 6.12 7.3; do
	u=$KRESV_ROOT/build/t/$t/units/setup.c
	if grep -q '^void __init __no_sanitize_address setup_arch(char \*\*cmdline_p)$' "$u" &&
	   grep -q '^void __init setup_machine_fdt(phys_addr_t dt_phys);$' "$u" &&
	   ! grep -q 'early_init_dt_scan\|static void __init setup_machine_fdt' "$u"; then
		ok "setup unit $t: setup_arch() whole, setup_machine_fdt() a declaration"
	else
		notok "setup unit $t" "setup_arch() or the stubbed setup_machine_fdt() not as expected in $u"
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
