# SPDX-License-Identifier: GPL-2.0
# Bad input gets a one-line error naming what is wrong and its exit code.
source "$KRESV_ROOT/tests/lib.sh"
K=$KRESV_ROOT/kresv
make_scratch
tmp=$SCRATCH

expect_error "unknown tree" 2 "unknown tree '9.9'" "$K" parse --tree 9.9 --ram 1G x
expect_error "tree dir missing" 3 "no such directory" "$K" parse --tree /nonexistent/linux --ram 1G x
mkdir -p "$tmp/notakernel"
expect_error "dir not a kernel tree" 3 "not a kernel source tree" "$K" parse --tree "$tmp/notakernel" --ram 1G x
mkdir -p "$tmp/oldkernel/kernel" && echo 'VERSION = 4' > "$tmp/oldkernel/Makefile"
expect_error "tree without the parser" 3 "defining parse_crashkernel" "$K" parse --tree "$tmp/oldkernel" --ram 1G x
expect_error "bad ram size" 2 "--ram 12Q: not a size" "$K" parse --tree 7.3 --ram 12Q crashkernel=1G
expect_error "command line too long" 2 "COMMAND_LINE_SIZE is 2048" "$K" parse --tree 7.3 --ram 1G "$(printf 'a%.0s' $(seq 2048))"
expect_error "control bytes" 2 "not text" "$K" parse --tree 7.3 --ram 1G "$(printf 'crashkernel=1G\001')"
expect_error "not UTF-8" 2 "not UTF-8" "$K" parse --tree 7.3 --ram 1G "$(printf 'crashkernel=1G\377')"
expect_error "unknown command" 2 "unknown command" "$K" frobnicate
expect_error "unknown engine" 2 "unknown engine" "$K" fuzz parse --engine honggfuzz
expect_error "bad seconds" 2 "not a positive number" "$K" fuzz parse --seconds -3
printf 'ab' > "$tmp/short.input"
expect_error "short fuzz input" 2 "too short" "$K" parse --tree 7.3 --input "$tmp/short.input"

# the longest line the kernel keeps is accepted
line="crashkernel=256M $(printf 'a%.0s' $(seq 2030))"
check "2047-byte command line" "$K" parse --tree 7.3 --ram 1G "${line:0:2047}"

# --json is one object with the documented fields
out=$("$K" parse --tree 7.3 --ram 8G --json 'crashkernel=1G,high crashkernel=64M,low')
if python3 -c 'import json,sys; o=json.load(sys.stdin); assert o["high"] and o["low_size"]==64<<20 and o["size"]==1<<30 and isinstance(o["log"],list) and o["findings"]==[]' <<<"$out"; then
	ok "parse --json fields"
else
	notok "parse --json fields" "$out"
fi

# an encoded input replays to the same reading
"$K" parse --tree 6.12 --encode "$tmp/x.input" --ram 4G 'crashkernel=2G-64G:256M'
a=$("$K" parse --tree 6.12 --ram 4G 'crashkernel=2G-64G:256M' | sed 1d)
b=$("$K" parse --tree 6.12 --input "$tmp/x.input" | sed 1d)
if [ "$a" = "$b" ]; then ok "encode/replay round trip"; else notok "encode/replay round trip" "$b"; fi

# a kernel directory works like the default tree of the same version
a=$("$K" parse --tree 7.3 --ram 4G 'crashkernel=1G-4G:192M,4G-:256M' | sed 1d)
b=$("$K" parse --tree "$KRESV_TREES/7.3/src" --ram 4G 'crashkernel=1G-4G:192M,4G-:256M' 2>/dev/null | sed 1d)
if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "--tree DIR"; else notok "--tree DIR" "$b"; fi
