#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Turns a kernel .config into the autoconf.h that Kconfig would generate.
# usage: config-h.sh CONFIG > autoconf.h
set -e
[ -r "$1" ] || { echo "kresv: $1: kernel config not readable" >&2; exit 2; }
awk '
/^CONFIG_[A-Za-z0-9_]+=/ {
	i = index($0, "=")
	name = substr($0, 1, i - 1)
	val = substr($0, i + 1)
	if (val == "y")
		print "#define " name " 1"
	else if (val == "m")
		print "#define " name "_MODULE 1"
	else if (val != "n")
		print "#define " name " " val
}' "$1"
