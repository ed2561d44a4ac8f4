// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "oracles.h"
#include "printk_log.h"
#include "reference.h"

#ifndef KRESV_LOC_parse_crashkernel_simple
#define KRESV_LOC_parse_crashkernel_simple KRESV_LOC_parse_crashkernel
#endif
#ifndef KRESV_LOC_parse_crashkernel_mem
#define KRESV_LOC_parse_crashkernel_mem KRESV_LOC_parse_crashkernel
#endif
#ifndef KRESV_LOC_parse_crashkernel_suffix
#define KRESV_LOC_parse_crashkernel_suffix KRESV_LOC_parse_crashkernel
#endif
#ifndef KRESV_LOC_get_last_crashkernel
#define KRESV_LOC_get_last_crashkernel KRESV_LOC_parse_crashkernel
#endif

/* what the documented grammar says the arm64 parse sequence yields */
struct expectation {
	bool reserves, high, low_known, overflow;
	unsigned __int128 size, base, low, cma;
	enum ref_form form;
	const char *why;
};

static const char *const suffixes_hl[] = { ",high", ",low", NULL };
static const char *const suffixes_hlc[] = { ",high", ",low", ",cma", NULL };
static const char *const suffixes_none[] = { NULL };

static void expect(const char *cmdline, unsigned long long ram,
		   struct expectation *e)
{
	const char *const *sfx = !ck_tree_has_suffixes() ? suffixes_none :
				 ck_tree_has_cma() ? suffixes_hlc : suffixes_hl;
	struct ref_reading plain, h, l, c;
	struct ref_scan scan;

	memset(e, 0, sizeof(*e));
	ref_scan(cmdline, ram, sfx, &scan);	/* one pass for every kind */
	ref_scan_read(&scan, NULL, &plain);
	if (plain.found || !ck_tree_has_suffixes()) {
		e->form = plain.form;
		e->overflow = plain.overflow;
		e->why = plain.found ? plain.why : "no crashkernel= parameter";
		e->reserves = plain.found && plain.valid && plain.size > 0;
		e->size = plain.size;
		e->base = plain.base;
	} else {
		ref_scan_read(&scan, ",high", &h);
		e->form = h.found ? REF_SUFFIX : REF_NONE;
		e->overflow = h.overflow;
		e->why = h.found ? h.why : "no crashkernel= parameter";
		if (h.found && h.valid && h.size > 0) {
			ref_scan_read(&scan, ",low", &l);
			e->overflow |= l.overflow;
			if (l.found && !l.valid) {
				e->why = l.why;
			} else {
				e->reserves = e->high = true;
				e->size = h.size;
				e->low_known = l.found;
				e->low = l.size;
			}
		}
	}
	if (e->reserves && ck_tree_has_cma()) {
		ref_scan_read(&scan, ",cma", &c);
		if (c.found) {
			e->overflow |= c.overflow;
			e->cma = c.valid ? c.size : 0;
		}
	}
}

static const char *form_where(enum ref_form f)
{
	switch (f) {
	case REF_SIMPLE:
		return KRESV_LOC_parse_crashkernel_simple;
	case REF_RANGE:
		return KRESV_LOC_parse_crashkernel_mem;
	case REF_SUFFIX:
		return KRESV_LOC_parse_crashkernel_suffix;
	default:
		return KRESV_LOC_get_last_crashkernel;
	}
}

static void describe(const struct ck_reading *k, char *buf, size_t n)
{
	if (!ck_reserves(k)) {
		snprintf(buf, n, "no reservation (ret %d)", k->ret);
		return;
	}
	snprintf(buf, n, "size 0x%llx base 0x%llx%s", k->size, k->base,
		 k->high ? " ,high" : "");
	if (k->low_set)
		snprintf(buf + strlen(buf), n - strlen(buf), " low 0x%llx",
			 k->low);
	if (k->cma)
		snprintf(buf + strlen(buf), n - strlen(buf), " cma 0x%llx",
			 k->cma);
}

static void describe_expected(const struct expectation *e, char *buf,
			      size_t n)
{
	if (!e->reserves) {
		snprintf(buf, n, "no reservation (%s)", e->why ? e->why :
			 "size is zero");
		return;
	}
	snprintf(buf, n, "size 0x%llx base 0x%llx%s",
		 (unsigned long long)e->size, (unsigned long long)e->base,
		 e->high ? " ,high" : "");
	if (e->low_known)
		snprintf(buf + strlen(buf), n - strlen(buf), " low 0x%llx",
			 (unsigned long long)e->low);
	if (e->cma)
		snprintf(buf + strlen(buf), n - strlen(buf), " cma 0x%llx",
			 (unsigned long long)e->cma);
}

/* the first field in which the tree's reading departs from the grammar's */
static const char *differs(const struct ck_reading *k,
			   const struct expectation *e)
{
	if (ck_reserves(k) != e->reserves)
		return ck_reserves(k) ? "accepts" : "rejects";
	if (!e->reserves)
		return NULL;
	if (k->size != e->size)
		return "size";
	if (k->base != e->base)
		return "base";
	if (k->high != e->high)
		return "high";
	if (e->low_known && k->low != e->low)
		return "low";
	if (ck_tree_has_cma() && k->cma != e->cma)
		return "cma";
	return NULL;
}

static void grammar_oracles(const char *cmdline, unsigned long long ram,
			    const struct ck_reading *k, struct findings *fs)
{
	struct expectation e;
	char got[160], want[200], sig[160];
	const char *field;

	expect(cmdline, ram, &e);
	if (e.overflow) {
		if (ck_reserves(k)) {
			describe(k, got, sizeof(got));
			snprintf(sig, sizeof(sig), "overflow|%s", ref_form_name(e.form));
			findings_add(fs, "PARSE_SIZE_OVERFLOW", KRESV_LOC_memparse,
				     sig, "a number in '%s' does not fit 64 bits, yet the tree took %s",
				     ref_form_name(e.form), got);
		}
		return;
	}
#ifdef KRESV_PROMISE_size_below_ram
	if (ck_reserves(k) && k->size >= ram) {
		findings_add(fs, "PARSE_PROMISE_BROKEN",
			     KRESV_LOC_parse_crashkernel, "promise|size_below_ram",
			     "size 0x%llx accepted although RAM is only 0x%llx (the tree rejects a size not below RAM)",
			     k->size, ram);
		return;
	}
	if (e.reserves && e.size >= ram) {
		e.reserves = false;
		e.why = "size not below RAM, which the tree rejects";
	}
#endif
	field = differs(k, &e);
	if (!field)
		return;
	describe(k, got, sizeof(got));
	describe_expected(&e, want, sizeof(want));
	snprintf(sig, sizeof(sig), "mismatch|%s|%s|%s", ref_form_name(e.form),
		 field, e.reserves ? "" : e.why ? e.why : "");
	findings_add(fs, "PARSE_GRAMMAR_MISMATCH", form_where(e.form), sig,
		     "%s: tree gives %s, documented grammar gives %s",
		     ref_form_name(e.form), got, want);
}

static bool same_reading(const struct ck_reading *a, const struct ck_reading *b)
{
	return ck_reserves(a) == ck_reserves(b) &&
	       (!ck_reserves(a) ||
		(a->size == b->size && a->base == b->base &&
		 a->high == b->high && a->low == b->low && a->cma == b->cma));
}

static bool same_log(const struct printk_log *a, const struct printk_log *b)
{
	int i;

	if (a->nlines != b->nlines)
		return false;
	for (i = 0; i < a->nlines; i++)
		if (a->lines[i].level != b->lines[i].level ||
		    strcmp(a->lines[i].text, b->lines[i].text))
			return false;
	return true;
}

static void copy_log(struct printk_log *to, const struct printk_log *from)
{
	to->nlines = from->nlines;
	to->truncated = from->truncated;
	memcpy(to->lines, from->lines, sizeof(from->lines[0]) * (size_t)from->nlines);
}

/* crashkernel= parameters first kept in order, others moved to the front */
static void reorder(const char *cmdline, char *out, size_t n)
{
	size_t used = 0;
	int pass;

	out[0] = '\0';
	for (pass = 0; pass < 2; pass++) {
		const char *p = cmdline;

		while (*p) {
			const char *tok;
			size_t len;
			bool ck;

			while (*p == ' ')
				p++;
			tok = p;
			while (*p && *p != ' ')
				p++;
			len = (size_t)(p - tok);
			if (!len)
				continue;
			ck = len >= 12 && same_bytes(tok, "crashkernel=", 12);
			if (ck != (pass == 1))
				continue;
			if (used + len + 2 > n)
				return;
			if (used)
				out[used++] = ' ';
			memcpy(out + used, tok, len);
			used += len;
			out[used] = '\0';
		}
	}
}

static void context_oracle(const char *cmdline, unsigned long long ram,
			   const struct ck_reading *k, struct findings *fs)
{
	static const char prefix[] =
		"ip=10.0.0.2::10.0.0.1:255.255.255.0:kdump:eth0:off ";
	static const char suffix[] = " console=ttyS0,115200n8";
	static struct printk_log base_log;
	static char variant[KRESV_COMMAND_LINE_SIZE * 2];
	static const char *const what[3] = {
		"a parameter added before", "a parameter added after",
		"the other parameters moved before crashkernel="
	};
	size_t len = strlen(cmdline);
	int v;

	if (len >= KRESV_COMMAND_LINE_SIZE)
		return;
	copy_log(&base_log, &kresv_log);
	for (v = 0; v < 3; v++) {
		struct ck_reading r;
		char a[160], b[160], sig[96];

		/* a variant the kernel would cut is not the same line */
		if (v < 2 && len + (v ? sizeof(suffix) : sizeof(prefix)) - 1 >=
			     KRESV_COMMAND_LINE_SIZE)
			continue;
		if (v == 0) {
			memcpy(variant, prefix, sizeof(prefix) - 1);
			memcpy(variant + sizeof(prefix) - 1, cmdline, len + 1);
		} else if (v == 1) {
			memcpy(variant, cmdline, len);
			memcpy(variant + len, suffix, sizeof(suffix));
		} else {
			reorder(cmdline, variant, KRESV_COMMAND_LINE_SIZE);
			/* the same line again: the parser is a function of it */
			if (!strcmp(variant, cmdline))
				continue;
		}
		kresv_log_reset();
		ck_read(variant, ram, &r);
		if (same_reading(k, &r) && same_log(&base_log, &kresv_log))
			continue;
		describe(k, a, sizeof(a));
		describe(&r, b, sizeof(b));
		snprintf(sig, sizeof(sig), "context|%d|%s", v,
			 same_reading(k, &r) ? "log" : "reading");
		findings_add(fs, "PARSE_CONTEXT_DEPENDENT",
			     KRESV_LOC_get_last_crashkernel, sig,
			     "%s changes the result: %s, then %s%s", what[v], a, b,
			     same_reading(k, &r) ? " (log lines differ)" : "");
	}
	copy_log(&kresv_log, &base_log);
}

void parse_oracles_some(const char *cmdline, unsigned long long system_ram,
			const struct ck_reading *k, unsigned which,
			struct findings *fs)
{
	if (which & ORACLE_READING)
		grammar_oracles(cmdline, system_ram, k, fs);
	if (which & ORACLE_CONTEXT)
		context_oracle(cmdline, system_ram, k, fs);
}

void parse_oracles(const char *cmdline, unsigned long long system_ram,
		   const struct ck_reading *k, struct findings *fs)
{
	parse_oracles_some(cmdline, system_ram, k,
			   ORACLE_READING | ORACLE_CONTEXT, fs);
}
