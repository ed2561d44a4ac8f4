# SPDX-License-Identifier: GPL-2.0
# The parser oracles on the real trees: quiet on well-formed lines, firing on
# the kernel behaviours they exist for.
source "$KRESV_ROOT/tests/lib.sh"

# finding TREE RAM CMDLINE ID: ID is reported (ID "-": nothing is)
finding() {
	local t=$1 ram=$2 line=$3 id=$4 out
	out=$("$KRESV_ROOT/build/t/$t/kresv-parse" --ram "$ram" "$line" 2>&1)
	if [ "$id" = - ]; then
		if grep -q 'WARNING:' <<<"$out"; then
			notok "no finding $t '$line'" "$(grep -m1 WARNING: <<<"$out")"
		else
			ok "no finding $t '$line'"
		fi
	elif grep -q "^[a-z/_]*\.c:[0-9]*: WARNING: $id: " <<<"$out"; then
		ok "$id $t '$line'"
	else
		notok "$id $t '$line'" "not reported"
	fi
}

for t in 6.1 6.12 7.3; do
	for line in 'console=ttyAMA0 crashkernel=2G-4G:256M,4G-64G:320M,64G-:576M' \
		    'crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M quiet' \
		    'crashkernel=512M,high crashkernel=128M,low' \
		    'crashkernel=64M@16M' 'crashkernel=256Q' 'root=/dev/vda1'; do
		finding $t 8G "$line" -
	done
	# trailing text after the offset is taken silently (all trees)
	finding $t 8G 'crashkernel=64M@16Mjunk' PARSE_GRAMMAR_MISMATCH
	# strstr() finds crashkernel= inside another parameter
	finding $t 8G 'crashkernel=256M xcrashkernel=64M' PARSE_CONTEXT_DEPENDENT
	finding $t 8G 'crashkernel=256M xcrashkernel=64M' PARSE_GRAMMAR_MISMATCH
done
# memparse() wraps past 64 bits in 6.1 and 6.12 (17179869185G = 2^64 + 1G)
finding 6.1 8G 'crashkernel=17179869185G' PARSE_SIZE_OVERFLOW
finding 6.12 8G 'crashkernel=17179869185G' PARSE_SIZE_OVERFLOW
finding 7.3 8G 'crashkernel=17179869185G' -
# 6.1's memparse() takes a suffix without a number ("M" is 0)


finding 6.1 1G 'crashkernel=M-2G:64M' PARSE_GRAMMAR_MISMATCH
finding 7.3 1G 'crashkernel=M-2G:64M' -
