# SPDX-License-Identifier: GPL-2.0
# Builds everything kresv runs for one kernel tree:
#   tree --extract--> units --+ shim + harness--> kresv-parse, fuzz targets
# Called by the top Makefile as
#   make -f harness/tree.mk TREE=/abs/src CONFIG=/abs/config OUT=build/T
#        MANIFEST=extract/manifests/F.mk

include $(MANIFEST)

CLANG ?= clang-14
AFL_CC ?= afl-clang-fast
EXTRACT := build/bin/kresv-extract

INC := $(OUT)/include
U := $(OUT)/units
UNIT_SRCS := $(foreach u,$(UNITS) $(BOOT_UNITS) $(HEADER_UNITS),$(U)/$(u).c)

# Kernel code is compiled as the kernel compiles it (wrapping arithmetic,
# no strict aliasing); its own warnings are the kernel's business.
KCFLAGS := -std=gnu11 -fno-strict-overflow -fno-strict-aliasing \
	-fno-common -w -I$(INC) -Iharness/shim/include \
	-include harness/shim/kernel.h -include $(U)/protos.h
HCFLAGS := -std=gnu11 -Wall -Wextra -I$(INC) -I$(U) -Iharness/shim \
	-Iharness/shim/include -Iharness/parse -Iharness/report
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
PROMISE_FLAGS := $(foreach p,$(PARSE_PROMISES),-DKRESV_PROMISE_$(p)=1)

HARNESS_PARSE := harness/parse/crashkernel.c harness/parse/reference.c \
	harness/parse/oracles.c harness/parse/input.c harness/shim/printk.c \
	harness/report/findings.c harness/report/bad_input.c
HARNESS_HDRS := $(wildcard harness/parse/*.h harness/shim/*.h \
	harness/shim/include/linux/*.h harness/report/*.h)
SHIM_HDRS := harness/shim/kernel.h $(wildcard harness/shim/include/*/*.h)
DEPS := $(UNIT_SRCS) $(U)/facts.h $(U)/protos.h $(HARNESS_PARSE) $(HARNESS_HDRS) \
	$(MANIFEST)

all: $(OUT)/kresv-parse $(OUT)/fuzz-parse-libfuzzer $(OUT)/kresv-replay

afl: $(OUT)/fuzz-parse-afl $(OUT)/fuzz-parse-afl-cmplog

units: $(UNIT_SRCS) $(U)/facts.h

$(INC)/generated/autoconf.h: $(CONFIG) extract/config-h.sh
	@mkdir -p $(dir $@)
	extract/config-h.sh $(CONFIG) > $@.tmp && mv $@.tmp $@

# Tree headers are seen through links, so the units use the tree's own text.
$(INC)/.headers: $(MANIFEST)
	@mkdir -p $(INC)
	@for h in $(HEADERS); do \
		[ -f $(TREE)/$$h ] || continue; \
		case $$h in \
		include/*) d=$(INC)/$${h#include/};; \
		*) d=$(INC)/$${h#arch/arm64/include/};; \
		esac; \
		mkdir -p $$(dirname $$d) && ln -sf $(TREE)/$$h $$d; \
	done
	@touch $@

$(U)/%.c: $(EXTRACT) $(INC)/generated/autoconf.h $(INC)/.headers $(MANIFEST)
	@mkdir -p $(U)
	$(EXTRACT) --tree $(TREE) --file $($*_FILE) \
		--config-h $(INC)/generated/autoconf.h \
		$(foreach i,$($*_UNIT_INCLUDES),--prelude $(abspath $(U)/$(i).c)) \
		$(foreach p,$($*_HARNESS_PRELUDES),--prelude $(abspath $(p))) \
		$(foreach w,$(WATCH),--watch $(w)) \
		$(foreach f,$($*_STUBS),--stub $(f)) \
		$(foreach i,$($*_INCLUDES),--include $(i)) \
		--facts $(U)/$*.facts.h --protos $(U)/$*.protos.h \
		-o $@ $($*_ROOTS)

# a unit that includes a header slice is extracted after it
$(foreach u,$(BOOT_UNITS),$(eval $(U)/$(u).c: $(foreach i,$($(u)_UNIT_INCLUDES),$(U)/$(i).c)))

$(U)/facts.h: $(UNIT_SRCS)
	cat $(foreach u,$(UNITS) $(BOOT_UNITS),$(U)/$(u).facts.h) > $@.tmp && mv $@.tmp $@

# what every unit and the harness may call across units, in the tree's words
$(U)/protos.h: $(UNIT_SRCS)
	cat $(foreach u,$(UNITS) $(BOOT_UNITS),$(U)/$(u).protos.h) > $@.tmp && mv $@.tmp $@

# Every unit is its own translation unit, as in the kernel.
define unit_objs
$(foreach u,$(UNITS),$(OUT)/$(1)/$(u).o)
endef

$(OUT)/asan/%.o: $(U)/%.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) -g -O1 $(SAN) $(KCFLAGS) -c $< -o $@
$(OUT)/fuzz/%.o: $(U)/%.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) -g -O1 $(SAN) -fsanitize=fuzzer-no-link $(KCFLAGS) -c $< -o $@
$(OUT)/afl/%.o: $(U)/%.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	AFL_QUIET=1 $(AFL_CC) -g -O2 $(KCFLAGS) -c $< -o $@
$(OUT)/cmplog/%.o: $(U)/%.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	AFL_QUIET=1 AFL_LLVM_CMPLOG=1 $(AFL_CC) -g -O2 $(KCFLAGS) -c $< -o $@

# The harness (reference, oracles, reports) is not coverage-instrumented:
# the engines' feedback comes from kernel code only.
HARNESS_OBJ = $(patsubst %.c,$(OUT)/$(1)/%.o,$(notdir $(HARNESS_PARSE)))
vpath %.c harness/parse harness/shim harness/report

$(OUT)/h-asan/%.o: %.c $(DEPS)
	@mkdir -p $(dir $@)
	$(CLANG) -g -O1 $(SAN) $(HCFLAGS) $(PROMISE_FLAGS) -c $< -o $@
$(OUT)/h-plain/%.o: %.c $(DEPS)
	@mkdir -p $(dir $@)
	$(CLANG) -g -O2 $(HCFLAGS) $(PROMISE_FLAGS) -c $< -o $@

$(OUT)/kresv-parse: $(call unit_objs,asan) $(call HARNESS_OBJ,h-asan) harness/parse/main.c harness/report/json_out.c
	$(CLANG) -g -O1 $(SAN) $(HCFLAGS) -o $@ harness/parse/main.c \
		harness/report/json_out.c $(call HARNESS_OBJ,h-asan) \
		$(call unit_objs,asan) -ljson-c

# fuzz.c is harness too: built like the objects above, without coverage
# (its per-byte input hash cost a fifth of the time in comparison tracing)
$(OUT)/fuzz-parse-libfuzzer: $(call unit_objs,fuzz) $(call HARNESS_OBJ,h-asan) $(OUT)/h-asan/fuzz.o
	$(CLANG) -g -O1 $(SAN) -fsanitize=fuzzer -o $@ \
		$(OUT)/h-asan/fuzz.o $(call HARNESS_OBJ,h-asan) $(call unit_objs,fuzz)

# AFL++'s persistent loop (harness/fuzz/afl_main.c) is the one file
# afl-clang-fast compiles outside the kernel code
$(OUT)/fuzz-parse-afl: $(call unit_objs,afl) $(call HARNESS_OBJ,h-plain) $(OUT)/h-plain/fuzz.o harness/fuzz/afl_main.c
	AFL_QUIET=1 $(AFL_CC) -g -O2 $(HCFLAGS) -o $@ harness/fuzz/afl_main.c \
		$(OUT)/h-plain/fuzz.o $(call HARNESS_OBJ,h-plain) \
		$(call unit_objs,afl)

$(OUT)/fuzz-parse-afl-cmplog: $(call unit_objs,cmplog) $(call HARNESS_OBJ,h-plain) $(OUT)/h-plain/fuzz.o harness/fuzz/afl_main.c
	AFL_QUIET=1 AFL_LLVM_CMPLOG=1 $(AFL_CC) -g -O2 $(HCFLAGS) -o $@ \
		harness/fuzz/afl_main.c $(OUT)/h-plain/fuzz.o \
		$(call HARNESS_OBJ,h-plain) $(call unit_objs,cmplog)

# --- the boot model --------------------------------------------------------
# mm/memblock.c is built whole, in the kernel's own host environment for it
# (tools/testing/memblock), with the tree's memblock.h.
MB := $(OUT)/memblock
MBT := $(TREE)/tools/testing/memblock
MB_CFLAGS := -std=gnu11 -g -O1 $(SAN) -w -I$(MB)/inc -I$(MBT) \
	-I$(TREE)/tools/include -DCONFIG_PHYS_ADDR_T_64BIT
MB_OBJS := $(MB)/memblock.o $(MB)/mmzone.o $(MB)/slab.o $(MB)/lib_slab.o \
	$(MB)/memblock_view.o

$(MB)/.links:
	@mkdir -p $(MB)/inc/linux $(MB)/inc/asm $(MB)/mm
	ln -sf $(TREE)/include/linux/memblock.h $(MB)/inc/linux/memblock.h
	ln -sf $(TREE)/tools/arch/x86/include/asm/asm.h $(MB)/inc/asm/asm.h
	ln -sf $(TREE)/tools/arch/x86/include/asm/cmpxchg.h $(MB)/inc/asm/cmpxchg.h
	ln -sf $(TREE)/mm/memblock.c $(MB)/mm/memblock.c
	for h in internal.h mm_init.h; do \
		[ ! -f $(MBT)/$$h ] || ln -sf $(MBT)/$$h $(MB)/mm/$$h; done
	@touch $@

$(MB)/memblock.o: $(MB)/.links $(TREE)/mm/memblock.c
	$(CLANG) $(MB_CFLAGS) -c $(MB)/mm/memblock.c -o $@
$(MB)/mmzone.o: $(MB)/.links
	$(CLANG) $(MB_CFLAGS) -c $(MBT)/mmzone.c -o $@
$(MB)/slab.o: $(MB)/.links
	$(CLANG) $(MB_CFLAGS) -c $(TREE)/tools/lib/slab.c -o $@
$(MB)/lib_slab.o: $(MB)/.links
	$(CLANG) $(MB_CFLAGS) -c $(MBT)/lib/slab.c -o $@
$(MB)/memblock_view.o: $(MB)/.links harness/boot/memblock_view.c harness/boot/memblock_view.h harness/shim/include/linux/memblock_api.h
	$(CLANG) $(MB_CFLAGS) -Iharness/boot -c harness/boot/memblock_view.c -o $@

# boot units: a missing declaration would be a silent int in C, so it is
# an error here
$(OUT)/boot/%.o: $(U)/%.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) -g -O1 $(SAN) $(filter-out -w,$(KCFLAGS)) -Wno-everything \
		-Werror=implicit-function-declaration -Werror=int-conversion \
		-Werror=incompatible-pointer-types -c $< -o $@

# kernel/dma/contiguous.c with the table of its early parameters: the
# handlers are static, so the table is compiled in the unit's translation
# unit; the names are the ones the tree registers (checked here).
$(OUT)/boot/contig.o: harness/boot/early_params.c harness/boot/early_params.h $(U)/contig.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	@grep -q 'early_param("cma", early_cma);' $(TREE)/kernel/dma/contiguous.c || \
		{ echo "kresv: $(TREE)/kernel/dma/contiguous.c no longer registers cma= as early_cma()" >&2; exit 1; }
	$(CLANG) -g -O1 $(SAN) $(filter-out -w,$(KCFLAGS)) -Wno-everything \
		-Werror=implicit-function-declaration -Werror=int-conversion \
		-Werror=incompatible-pointer-types -Iharness/boot \
		-DKRESV_UNIT='"$(abspath $(U)/contig.c)"' \
		-DKRESV_UNIT_FACTS='"$(abspath $(U)/contig.facts.h)"' \
		-c harness/boot/early_params.c -o $@

# arch/arm64/mm/init.c with the table of its early parameter (mem=)
$(OUT)/boot/arch.o: harness/boot/arch_params.c harness/boot/early_params.h $(U)/arch.c $(U)/protos.h $(INC)/.headers $(SHIM_HDRS)
	@mkdir -p $(dir $@)
	@grep -q 'early_param("mem", early_mem);' $(TREE)/arch/arm64/mm/init.c || \
		{ echo "kresv: $(TREE)/arch/arm64/mm/init.c no longer registers mem= as early_mem()" >&2; exit 1; }
	$(CLANG) -g -O1 $(SAN) $(filter-out -w,$(KCFLAGS)) -Wno-everything \
		-Werror=implicit-function-declaration -Werror=int-conversion \
		-Werror=incompatible-pointer-types -Iharness/boot \
		-DKRESV_UNIT='"$(abspath $(U)/arch.c)"' \
		-DKRESV_UNIT_FACTS='"$(abspath $(U)/arch.facts.h)"' \
		-c harness/boot/arch_params.c -o $@

BOOT_OBJS := $(foreach u,$(BOOT_UNITS),$(OUT)/boot/$(u).o) \
	$(foreach u,$(PARSE_LIB_UNITS),$(OUT)/asan/$(u).o)
BOOT_HARNESS := harness/boot/replay.c harness/boot/rerun.c \
	harness/boot/boot_run.c \
	harness/boot/setup_callees.c \
	harness/boot/machine.c \
	harness/boot/stubs.c harness/boot/watch.c \
	harness/boot/boot_model.c \
	harness/boot/boot_oracles.c harness/scenario/scenario.c \
	harness/parse/reference.c \
	harness/shim/printk.c harness/report/findings.c \
	harness/report/bad_input.c harness/report/json_out.c
BOOT_HDRS := $(wildcard harness/boot/*.h harness/scenario/*.h)

# what the boot model takes from the tree's text (harness/boot/model_facts.sh)
$(U)/model_facts.h: harness/boot/model_facts.sh $(MANIFEST)
	@mkdir -p $(U)
	harness/boot/model_facts.sh $(TREE) > $@.tmp && mv $@.tmp $@


.PHONY: all afl units
.DELETE_ON_ERROR:

# the linear map (kresv-linear-map)
include harness/mmu/Makefile.inc

# the replay: the boot with the tree's map_mem() (harness/mmu/paging.c)
$(OUT)/kresv-replay: $(BOOT_OBJS) $(MB_OBJS) $(MMU_UNIT_OBJS) $(BOOT_HARNESS) \
		$(PAGING_HARNESS) $(BOOT_HDRS) $(MMU_HDRS) $(U)/facts.h \
		$(U)/model_facts.h $(U)/mmu_facts.h
	$(CLANG) -g -O1 $(SAN) $(HCFLAGS) -Iharness/boot -Iharness/scenario \
		-Iharness/mmu -include $(U)/mmu_facts.h \
		-o $@ $(BOOT_HARNESS) $(PAGING_HARNESS) \
		$(BOOT_OBJS) $(MB_OBJS) $(MMU_UNIT_OBJS) -ljson-c $(REPLAY_LDFLAGS)

# The replay without sanitizers, ./kresv replay's default (docs/boot-model.md,
# "Two builds of the replay"): the same sources and units, a sub-make of
# this file with its own OUT and SAN empty (tree.mk's rules compile every
# object); tests/replay.sh checks it prints what the ASan/UBSan build does.
# KRESV_FAST_REPLAY=no leaves it out of `all` (the mutation tests' trees).
# Linked statically: the dynamic loader was 2 of its 8 ms per process.
KRESV_FAST_REPLAY ?= yes
ifeq ($(KRESV_REPLAY_VARIANT)$(KRESV_FUZZ_VARIANT),)
ifeq ($(KRESV_FAST_REPLAY),yes)
all: replay-fast
endif
replay-fast:
	+@$(MAKE) -f harness/tree.mk U=$(U) INC=$(INC) OUT=$(OUT)/fast \
		KRESV_REPLAY_VARIANT=fast SAN= REPLAY_LDFLAGS=-static \
		$(OUT)/fast/kresv-replay
.PHONY: replay-fast
endif

# the whole boot fuzzed (harness/fuzz/)
-include harness/fuzz/Makefile.inc
