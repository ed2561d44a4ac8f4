// SPDX-License-Identifier: GPL-2.0
/* The documented crashkernel= grammar, read independently of the kernel. */
#include <string.h>

#include "reference.h"

#define U64_MAX_EXACT ((unsigned __int128)~0ULL)
#define RAM_GRANULE (128ULL << 20)

const char *ref_form_name(enum ref_form f)
{
	switch (f) {
	case REF_SIMPLE:
		return "crashkernel=size[@offset]";
	case REF_RANGE:
		return "crashkernel=range:size[,...][@offset]";
	case REF_SUFFIX:
		return "crashkernel=size,suffix";
	default:
		return "no crashkernel=";
	}
}

struct cursor {
	const char *p, *end;	/* the parameter's value, not NUL-terminated */
	bool overflow;
};

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* a number with optional suffix; false when no digit is there */
static bool number(struct cursor *c, unsigned __int128 *out)
{
	const char *p = c->p;
	unsigned __int128 v = 0;
	unsigned base = 10, shift = 0;
	bool big = false;
	const char *digits;

	if (p < c->end && *p == '0') {
		base = 8;
		if (p + 2 < c->end && (p[1] == 'x' || p[1] == 'X') &&
		    digit_value(p[2]) < 16) {
			base = 16;
			p += 2;
		}
	}
	digits = p;
	while (p < c->end && digit_value(*p) < (int)base) {
		if (v > (U64_MAX_EXACT << 8))	/* far beyond 64 bits */
			big = true;
		else
			v = v * base + (unsigned)digit_value(*p);
		p++;
	}
	if (p == digits)
		return false;
	if (p < c->end) {
		switch (*p) {
		case 'E': case 'e': shift += 10; /* fall through */
		case 'P': case 'p': shift += 10; /* fall through */
		case 'T': case 't': shift += 10; /* fall through */
		case 'G': case 'g': shift += 10; /* fall through */
		case 'M': case 'm': shift += 10; /* fall through */
		case 'K': case 'k': shift += 10;
			p++;
			break;
		default:
			break;
		}
	}
	if (big || (shift && v > (U64_MAX_EXACT << 8) >> shift))
		big = true;
	else
		v <<= shift;
	if (big || v > U64_MAX_EXACT) {
		c->overflow = true;
		if (big)
			v = U64_MAX_EXACT + 1;
	}
	c->p = p;
	*out = v;
	return true;
}

static bool at(struct cursor *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

static bool fail(struct ref_reading *r, const char *why)
{
	r->valid = false;
	r->why = why;
	return false;
}

static bool offset_and_end(struct cursor *c, struct ref_reading *r)
{
	if (at(c, '@') && !number(c, &r->base))
		return fail(r, "number expected after '@'");
	if (c->p != c->end)
		return fail(r, "unexpected text after the value");
	return true;
}

static void read_range(struct cursor *c, unsigned long long ram,
		       struct ref_reading *r)
{
	unsigned __int128 total = ram, start, end, size;
	bool matched = false;

	total = (total + RAM_GRANULE - 1) / RAM_GRANULE * RAM_GRANULE;
	do {
		bool open = true;

		if (!number(c, &start))
			return (void)fail(r, "range start expected");
		if (!at(c, '-'))
			return (void)fail(r, "'-' expected");
		if (c->p < c->end && *c->p != ':') {
			if (!number(c, &end))
				return (void)fail(r, "range end expected");
			if (end <= start)
				return (void)fail(r, "range end not above start");
			open = false;
		}
		if (!at(c, ':'))
			return (void)fail(r, "':' expected");
		if (!number(c, &size))
			return (void)fail(r, "size expected");
		if (!matched && total >= start && (open || total < end)) {
			r->size = size;
			matched = true;
		}
	} while (at(c, ','));
	r->valid = true;
	offset_and_end(c, r);
}

static void read_value(struct cursor *c, unsigned long long ram,
		       const char *suffix, struct ref_reading *r)
{
	const char *colon = memchr(c->p, ':', (size_t)(c->end - c->p));

	r->valid = true;
	if (suffix) {
		r->form = REF_SUFFIX;
		c->end -= strlen(suffix);
		if (!number(c, &r->size))
			fail(r, "size expected");
		else if (c->p != c->end)
			fail(r, "unexpected text before the suffix");
	} else if (colon) {
		r->form = REF_RANGE;
		read_range(c, ram, r);
	} else {
		r->form = REF_SIMPLE;
		if (!number(c, &r->size))
			fail(r, "size expected");
		else
			offset_and_end(c, r);
	}
	r->overflow = c->overflow;
}

static bool ends_with(const char *v, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && same_bytes(v + n - k, s, k);
}

void ref_read(const char *cmdline, unsigned long long system_ram,
	      const char *suffix, const char *const *suffixes,
	      struct ref_reading *r)
{
	static const char name[] = "crashkernel=";
	const char *p = cmdline, *val = NULL;
	size_t vlen = 0;
	struct cursor c = { 0 };

	memset(r, 0, sizeof(*r));
	while (*p) {
		const char *tok = p;
		size_t n;

		while (*p && *p != ' ')
			p++;
		n = (size_t)(p - tok);
		while (*p == ' ')
			p++;
		if (n < sizeof(name) - 1 || !same_bytes(tok, name, sizeof(name) - 1))
			continue;
		tok += sizeof(name) - 1;
		n -= sizeof(name) - 1;
		if (suffix) {
			if (!ends_with(tok, n, suffix))
				continue;
		} else {
			const char *const *s;
			bool suffixed = false;

			for (s = suffixes; *s; s++)
				suffixed |= ends_with(tok, n, *s);
			if (suffixed)
				continue;
		}
		val = tok;
		vlen = n;
	}
	if (!val)
		return;
	r->found = true;
	c.p = val;
	c.end = val + vlen;
	read_value(&c, system_ram, suffix, r);
}

void ref_scan(const char *cmdline, unsigned long long system_ram,
	      const char *const *suffixes, struct ref_scan *s)
{
	static const char name[] = "crashkernel=";
	const char *p = cmdline;

	memset(s, 0, sizeof(*s));
	s->cmdline = cmdline;
	s->ram = system_ram;
	s->suffixes = suffixes;
	while (*p) {
		const char *tok = p;
		bool suffixed = false;
		size_t n;
		int k;

		while (*p && *p != ' ')
			p++;
		n = (size_t)(p - tok);
		while (*p == ' ')
			p++;
		if (n < sizeof(name) - 1 || !same_bytes(tok, name, sizeof(name) - 1))
			continue;
		tok += sizeof(name) - 1;
		n -= sizeof(name) - 1;
		/* the same choices as ref_read(), for every kind at once */
		for (k = 0; suffixes[k]; k++) {
			if (!ends_with(tok, n, suffixes[k]))
				continue;
			suffixed = true;
			if (k < REF_SCAN_SUFFIXES) {
				s->val[k + 1] = tok;
				s->len[k + 1] = n;
			}
		}
		if (!suffixed) {
			s->val[0] = tok;
			s->len[0] = n;
		}
	}
}

void ref_scan_read(const struct ref_scan *s, const char *suffix,
		   struct ref_reading *r)
{
	struct cursor c = { 0 };
	int k = 0;

	if (suffix) {
		while (k < REF_SCAN_SUFFIXES && s->suffixes[k] &&
		       strcmp(s->suffixes[k], suffix))
			k++;
		if (k == REF_SCAN_SUFFIXES || !s->suffixes[k]) {
			/* not one of the scanned suffixes: read it alone */
			ref_read(s->cmdline, s->ram, suffix, s->suffixes, r);
			return;
		}
		k++;
	}
	memset(r, 0, sizeof(*r));
	if (!s->val[k])
		return;
	r->found = true;
	c.p = s->val[k];
	c.end = s->val[k] + s->len[k];
	read_value(&c, s->ram, suffix, r);
}
