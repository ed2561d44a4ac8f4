# SPDX-License-Identifier: GPL-2.0
# Table of ./kresv parse results on every default tree (tests/parse/table.txt).
source "$KRESV_ROOT/tests/lib.sh"

# run_table BUILD_DIR TREE: one result line per row that applies to TREE
run_table() {
	local bin=$1/kresv-parse tree=$2 trees ram line expect out kv k v f n=0
	while IFS=$'\t' read -r trees ram line expect; do
		case $trees in ''|'#'*) continue ;; esac
		[ "$trees" = all ] && trees="6.1 6.12 7.3"
		[[ " $trees " == *" $tree "* ]] || continue
		n=$((n + 1))
		out=$("$bin" --ram "$ram" "$line" 2>&1)
		f=
		for kv in $expect; do
			k=${kv%%=*} v=${kv#*=}
			case $k in
			log)	grep -qE "^  <[0-7]>" <<<"$out" &&
				sed 's/^  <[0-7]>//' <<<"$out" | grep -qxF "${v//_/ }" ||
				f="$f no log line '${v//_/ }';" ;;
			nolog)	[ "$(sed -n '/^log:/,/^findings:/p' <<<"$out" | grep -c '^  <')" = 0 ] ||
				f="$f log not empty;" ;;
			*)	got=$(sed -n "s/^$k: *\([^ ]*\).*/\1/p" <<<"$out")
				[ "$got" = "$v" ] || f="$f $k=$got, want $v;" ;;
			esac
		done
		if [ -z "$f" ]; then
			ok "parse $tree $ram '$line'"
		else
			notok "parse $tree $ram '$line'" "$f"
		fi
	done < "$KRESV_ROOT/tests/parse/table.txt"
	[ $n -gt 0 ] || notok "parse table $tree" "no row applies"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	for t in 6.1 6.12 7.3; do
		if [ ! -x "$KRESV_ROOT/build/t/$t/kresv-parse" ]; then
			notok "parse table $t" "build/t/$t/kresv-parse not built (make)"
			continue
		fi
		run_table "$KRESV_ROOT/build/t/$t" "$t"
	done
fi
