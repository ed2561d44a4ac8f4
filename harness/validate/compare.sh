#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# harness/validate/compare.sh CONSOLE_LOG MODEL_LOG
#
# Holds the lines a real boot printed (CONSOLE_LOG, the serial console)
# against the lines kresv's replay printed for the same machine
# (MODEL_LOG, one kernel log line per line), in three groups:
#   zones  the "Zone ranges:" block (one line per zone)
#   crash  every line that names the crashkernel (reservations, the low
#          region, parse errors, failures), not the command line echo
#   cma    "cma: Reserved ..." lines, compared only when the model printed
#          one
#   panic  "Kernel panic - not syncing: ..." (the boot's end, if it panicked)
# Prints "zones A/B crash C/D [cma E/F] [panic G/H]" on the first line
# (lines that agree / lines in the larger of the two logs), then one
# "GROUP real|kresv: LINE" pair for each line that differs.  Exit 0 when
# every compared group agrees, 1 when not.
set -uo pipefail

extract() { # LOG GROUP: that group's lines, log prefix stripped
	sed -e 's/^\[ *[0-9.]*\] //' -e 's/\r$//' "$1" | awk -v g="$2" '
		/^Zone ranges:/ { inzones = 1; next }
		inzones && /^  [A-Za-z0-9]+ +(\[mem|empty)/ {
			if (g == "zones") print
			next
		}
		{ inzones = 0 }
		g == "crash" && tolower($0) ~ /crash ?kernel/ &&
			!/^Kernel command line:/ &&
			!/^Unknown kernel command line parameters/ { print }
		g == "cma" && /^cma: Reserved / { print }
		g == "panic" && /^Kernel panic - not syncing: / { print }'
}

summary=''
detail=''
rc=0
for g in zones crash cma panic; do
	mapfile -t real < <(extract "$1" "$g")
	mapfile -t model < <(extract "$2" "$g")
	if { [ "$g" = cma ] && [ ${#model[@]} -eq 0 ]; } ||
		{ [ "$g" = panic ] && [ ${#real[@]} -eq 0 ] && [ ${#model[@]} -eq 0 ]; }; then
		continue
	fi
	n=${#real[@]}
	[ ${#model[@]} -gt "$n" ] && n=${#model[@]}
	same=0
	for ((i = 0; i < n; i++)); do
		if [ "${real[i]-}" = "${model[i]-}" ] && [ $i -lt ${#real[@]} ] &&
			[ $i -lt ${#model[@]} ]; then
			same=$((same + 1))
		else
			detail+=$(printf '    %-5s real : %s\n          kresv: %s' "$g" \
				"${real[i]-(nothing)}" "${model[i]-(nothing)}")$'\n'
		fi
	done
	summary+="$g $same/$n "
	[ "$same" -ne "$n" ] && rc=1
done
printf '%s\n' "${summary% }"
printf '%s' "$detail"
exit $rc
