# SPDX-License-Identifier: GPL-2.0
# kresv: tree -> extract -> units -> harness -> reports.
#
#   make deps            Debian packages kresv needs (as root; else prints)
#   make fetch           the default kernel trees from Debian's archive
#   make                 extractor, units and binaries for every tree
#   make KSRC=DIR        the same for any kernel checkout
#   make afl             AFL++ builds (plain and CmpLog) too
#   make job             kresv's main job on the default tree (./kresv job)
#   make check           the test suite (fetches and builds what it needs)
#   make bench           the benchmarks (by hand; prints figures)
#   make validate        real boots under qemu vs the replay, corpus/validate

TREES ?= 6.1 6.12 7.3
KRESV_TREES ?= $(CURDIR)/build/trees
export KRESV_TREES

LLVM_INC := /usr/lib/llvm-14/include
LLVM_LIB := /usr/lib/llvm-14/lib
KRESV_BUILD ?= build
EXTRACT := build/bin/kresv-extract

DEB_PACKAGES := clang-14 llvm-14 lld-14 libclang-14-dev libclang-rt-14-dev \
	libfuzzer-14-dev afl++ coccinelle libjson-c-dev liburcu-dev \
	bubblewrap xz-utils ca-certificates make gcc python3 bc patch \
	qemu-system-arm device-tree-compiler jq

# One sub-make per tree: build/t/<name>/ holds its units and binaries.
ifdef KSRC
KSRC_ABS := $(abspath $(KSRC))
TREE_NAMES := ksrc-$(shell printf %s '$(KSRC_ABS)' | md5sum | cut -c1-8)
tree_src = $(KSRC_ABS)
tree_config = $(or $(KCONFIG),$(wildcard $(KSRC_ABS)/.config),$(KRESV_TREES)/$(if $(findstring crash_core,$(shell extract/family.sh $(KSRC_ABS))),6.1,7.3)/config)
else
TREE_NAMES := $(TREES)
tree_src = $(KRESV_TREES)/$(1)/src
tree_config = $(or $(KCONFIG),$(KRESV_TREES)/$(1)/config)
endif

tree_make = $(MAKE) -f harness/tree.mk TREE=$(call tree_src,$(1)) \
	CONFIG=$(call tree_config,$(1)) OUT=$(KRESV_BUILD)/t/$(1) \
	MANIFEST=$$(extract/family.sh $(call tree_src,$(1)))

all: $(EXTRACT) build/bin/kresv-scenario $(addprefix tree-,$(TREE_NAMES))

afl: $(addprefix afl-,$(TREE_NAMES))

tree-%: $(EXTRACT)
	@test -d $(call tree_src,$*) || { echo "kresv: tree $* missing at $(call tree_src,$*) (run: ./kresv fetch $*)" >&2; exit 3; }
	+@$(call tree_make,$*) all

afl-%: $(EXTRACT)
	+@$(call tree_make,$*) afl

# the replay alone, both builds (./kresv replay builds them per scenario
# configuration)
replay-%: $(EXTRACT)
	+@$(call tree_make,$*) $(KRESV_BUILD)/t/$*/kresv-replay replay-fast

# the linear map alone (./kresv linear-map builds one per configuration)
linear-map-%: $(EXTRACT)
	+@$(call tree_make,$*) $(KRESV_BUILD)/t/$*/kresv-linear-map

include harness/scenario/Makefile.inc

$(EXTRACT): extract/kresv-extract.c
	@mkdir -p $(dir $@)
	clang-14 -std=gnu11 -Wall -Wextra -O2 -g -I$(LLVM_INC) $< -o $@ \
		-L$(LLVM_LIB) -Wl,-rpath,$(LLVM_LIB) -lclang

fetch:
	tree/fetch.sh $(TREES)
	tree/fetch.sh --image $(TREES)

deps:
	@if [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEB_PACKAGES); \
	else \
		echo "run as root: apt-get install -y $(DEB_PACKAGES)"; \
	fi

check: fetch all afl
	tests/run

# findings (exit 1) are the job's result, not a failure of make
job:
	./kresv job || [ $$? -eq 1 ]

# every corpus/validate scenario booted for real on every tree; prints the
# agreement per tree (disagreements are results, not a failure of make)
VALIDATE_TREES := $(filter 6.1 6.12 7.3,$(TREES))
validate: fetch all
	@for t in $(VALIDATE_TREES); do \
		harness/validate/validate.sh --tree $$t --summary corpus/validate/*.scn \
			>$(KRESV_BUILD)/validate-$$t.txt; \
		[ $$? -le 2 ] || exit 1; \
		tail -n 1 $(KRESV_BUILD)/validate-$$t.txt; \
	done; echo "details: $(addprefix $(KRESV_BUILD)/validate-,$(addsuffix .txt,$(VALIDATE_TREES)))"

bench: fetch all afl
	bench/run

clean:
	rm -rf build/t build/bin

.PHONY: all afl fetch deps check job bench validate clean
