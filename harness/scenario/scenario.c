// SPDX-License-Identifier: GPL-2.0
/*
 * Scenario file parser and writer. The format is in docs/scenario.md; the
 * structure in scenario.h. Every error is one line, "FILE:LINE: message".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const cpu_feature_names[] = {
#define SCENARIO_CPU_NAME(e, name)	[SCENARIO_CPU_BIT_##e] = name,
	SCENARIO_CPU_FEATURES(SCENARIO_CPU_NAME)
#undef SCENARIO_CPU_NAME
};

const char *scenario_cpu_feature_name(unsigned int nr)
{
	return nr < SCENARIO_NR_CPU_FEATURES ? cpu_feature_names[nr] : NULL;
}

struct parser {
	const char *name;
	unsigned int line;
	struct scenario *s;
	char *err;
	size_t errlen;
	/* where single-valued directives and list entries came from */
	unsigned int arch_line, kernel_line, initrd_line, dma_max_line;
	unsigned int budget_line;
	unsigned int cmdline_line;
	unsigned int memory_line[SCENARIO_MAX_REGIONS];
	unsigned int config_line[SCENARIO_MAX_CONFIG];
};

/* a span of the line being parsed */
struct token {
	const char *p;
	size_t len;
};

/* the rest of the line after the directive; cur moves, end stays */
struct fields {
	const char *start;	/* the line, for columns */
	const char *cur;
	const char *end;
};

static void put_name(char *buf, size_t size, const char *name)
{
	size_t i;

	/* the file name as given, but never bytes that would break the line */
	for (i = 0; name[i] && i + 1 < size; i++)
		buf[i] = ((unsigned char)name[i] < 0x20 || name[i] == 0x7f) ?
			 '?' : name[i];
	buf[i] = '\0';
}

static __printf(3, 4)
void set_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static __printf(2, 3)
int fail(struct parser *p, const char *fmt, ...)
{
	char name[1024];
	size_t n;
	int r;
	va_list ap;

	if (!p->err || !p->errlen)
		return -1;
	put_name(name, sizeof(name), p->name);
	r = snprintf(p->err, p->errlen, "%s:%u: ", name, p->line ? p->line : 1);
	n = r < 0 ? 0 : (size_t)r;
	if (n < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/*
 * A token for an error message, quoted: at most 40 bytes of it, printable
 * ASCII as is, anything else as \xNN.
 */
#define SHOW_SIZE	(2 + 40 * 4 + 3 + 1)
static const char *show(char *buf, const struct token *t)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, n = 0;

	buf[n++] = '\'';
	for (i = 0; i < t->len && i < 40; i++) {
		unsigned char c = (unsigned char)t->p[i];

		if (c >= 0x20 && c < 0x7f) {
			buf[n++] = (char)c;
		} else {
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = hex[c >> 4];
			buf[n++] = hex[c & 15];
		}
	}
	if (t->len > 40) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n++] = '\'';
	buf[n] = '\0';
	return buf;
}

static bool tok_is(const struct token *t, const char *word)
{
	size_t n = strlen(word);

	return t->len == n && !memcmp(t->p, word, n);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The next whitespace-separated field. Outside double quotes '#' starts a
 * comment; inside them blanks and '#' are literal and '\' takes the next
 * byte with it. 1: a field in *t; 0: end of line; -1: error reported.
 */
static int next_field(struct parser *p, struct fields *f, struct token *t)
{
	const char *c = f->cur, *open = NULL;

	while (c < f->end && is_blank(*c))
		c++;
	if (c == f->end || *c == '#') {
		f->cur = f->end;
		return 0;
	}
	t->p = c;
	while (c < f->end) {
		if (open) {
			if (*c == '\\') {
				if (c + 1 == f->end)
					break;
				c += 2;
				continue;
			}
			if (*c == '"')
				open = NULL;
		} else {
			if (is_blank(*c) || *c == '#')
				break;
			if (*c == '"')
				open = c;
		}
		c++;
	}
	if (open)
		return fail(p, "unterminated quote (the \" at column %zu is never closed)",
			    (size_t)(open - f->start) + 1);
	t->len = (size_t)(c - t->p);
	f->cur = c;
	return 1;
}

/* the next field, which must be there: "memory: missing SIZE (memory BASE SIZE)" */
static int need_field(struct parser *p, struct fields *f, struct token *t,
		      const char *dir, const char *what, const char *usage)
{
	int r = next_field(p, f, t);

	if (r < 0)
		return -1;
	if (!r)
		return fail(p, "%s: missing %s (usage: %s)", dir, what, usage);
	return 0;
}

/* nothing but a comment may follow */
static int no_more(struct parser *p, struct fields *f, const char *dir,
		   const char *usage)
{
	char buf[SHOW_SIZE];
	struct token t;
	int r = next_field(p, f, &t);

	if (r < 0)
		return -1;
	if (r)
		return fail(p, "%s: extra field %s (usage: %s; comments start with #)",
			    dir, show(buf, &t), usage);
	return 0;
}

enum number_problem {
	NUMBER_OK,
	NUMBER_SYNTAX,
	NUMBER_LEADING_ZERO,
	NUMBER_OVERFLOW,
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decimal or 0x hex, then at most one of K M G T P (binary, either case).
 * Decimal numbers have no leading zero: memparse() would read them as
 * octal, a reader of the file as decimal.
 */
static enum number_problem parse_number(const struct token *t, uint64_t *out)
{
	const char *c = t->p, *end = t->p + t->len, *digits;
	unsigned int base = 10, shift = 0;
	uint64_t v = 0;
	int d;

	if (end - c > 2 && c[0] == '0' && (c[1] | 0x20) == 'x') {
		base = 16;
		c += 2;
	}
	digits = c;
	while (c < end && (d = hex_digit(*c)) >= 0 && (unsigned int)d < base)
		c++;
	if (c == digits)
		return NUMBER_SYNTAX;
	if (c < end) {
		switch (*c | 0x20) {
		case 'k':
			shift = 10;
			break;
		case 'm':
			shift = 20;
			break;
		case 'g':
			shift = 30;
			break;
		case 't':
			shift = 40;
			break;
		case 'p':
			shift = 50;
			break;
		default:
			return NUMBER_SYNTAX;
		}
		if (c + 1 != end)
			return NUMBER_SYNTAX;
		end = c;
	}
	if (base == 10 && digits[0] == '0' && end - digits > 1)
		return NUMBER_LEADING_ZERO;
	for (c = digits; c < end; c++) {
		d = hex_digit(*c);
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			return NUMBER_OVERFLOW;
		v = v * base + (uint64_t)d;
	}
	if (v > UINT64_MAX >> shift)
		return NUMBER_OVERFLOW;
	*out = v << shift;
	return NUMBER_OK;
}

static int get_number(struct parser *p, const struct token *t,
		      const char *dir, const char *what, uint64_t *out)
{
	char buf[SHOW_SIZE];

	switch (parse_number(t, out)) {
	case NUMBER_OK:
		return 0;
	case NUMBER_SYNTAX:
		return fail(p, "%s: %s %s is not a number (decimal or 0x hex, optional K/M/G/T/P suffix)",
			    dir, what, show(buf, t));
	case NUMBER_LEADING_ZERO:
		return fail(p, "%s: %s %s has a leading zero (not taken as octal: write it in decimal without the zero, or in 0x hex)",
			    dir, what, show(buf, t));
	case NUMBER_OVERFLOW:
		return fail(p, "%s: %s %s overflows 64 bits", dir, what,
			    show(buf, t));
	}
	return -1;
}

/* labels: printable ASCII words without quotes, short */
static int get_label(struct parser *p, const struct token *t, const char *dir,
		     char *label)
{
	char buf[SHOW_SIZE];
	size_t i;

	if (t->len >= SCENARIO_LABEL_SIZE)
		return fail(p, "%s: label %s is longer than %d bytes", dir,
			    show(buf, t), SCENARIO_LABEL_SIZE - 1);
	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->p[i];

		if (c == '"' || c == '\\' || c <= 0x20 || c >= 0x7f)
			return fail(p, "%s: label %s may hold printable ASCII only, no quotes or backslashes",
				    dir, show(buf, t));
	}
	memcpy(label, t->p, t->len);
	label[t->len] = '\0';
	return 0;
}

/* BASE SIZE [label] into *r; with_label false: no label field */
static int get_region(struct parser *p, struct fields *f, const char *dir,
		      bool with_label, struct scenario_region *r)
{
	char usage[64];
	struct token t;

	snprintf(usage, sizeof(usage), "%s BASE SIZE%s", dir,
		 with_label ? " [label]" : "");
	if (need_field(p, f, &t, dir, "BASE", usage) ||
	    get_number(p, &t, dir, "BASE", &r->base) ||
	    need_field(p, f, &t, dir, "SIZE", usage) ||
	    get_number(p, &t, dir, "SIZE", &r->size))
		return -1;
	if (!r->size)
		return fail(p, "%s: SIZE is zero", dir);
	if (r->base + r->size < r->base)	/* ending at 2^64 wraps to 0 */
		return fail(p, "%s: BASE 0x%" PRIx64 " + SIZE 0x%" PRIx64 " wraps past the top of the 64-bit address space",
			    dir, r->base, r->size);
	if (with_label) {
		int n = next_field(p, f, &t);

		if (n < 0 || (n > 0 && get_label(p, &t, dir, r->label)))
			return -1;
	}
	return no_more(p, f, dir, usage);
}

/* single-valued directives: the second one is an error */
static int once(struct parser *p, unsigned int *seen, const char *dir)
{
	if (*seen)
		return fail(p, "%s: given twice (first at line %u)", dir, *seen);
	*seen = p->line;
	return 0;
}

static int dir_arch(struct parser *p, struct fields *f)
{
	char buf[SHOW_SIZE];
	struct token t;

	if (once(p, &p->arch_line, "arch") ||
	    need_field(p, f, &t, "arch", "ARCH", "arch arm64"))
		return -1;
	if (!tok_is(&t, "arm64"))
		return fail(p, "arch: %s is not supported (only arm64)",
			    show(buf, &t));
	if (no_more(p, f, "arch", "arch arm64"))
		return -1;
	p->s->arch = SCENARIO_ARCH_ARM64;
	return 0;
}

static int dir_memory(struct parser *p, struct fields *f)
{
	struct scenario *s = p->s;
	struct scenario_region *r;
	unsigned int i;

	if (s->nr_memory == SCENARIO_MAX_REGIONS)
		return fail(p, "memory: more than %d banks", SCENARIO_MAX_REGIONS);
	r = &s->memory[s->nr_memory];
	if (get_region(p, f, "memory", false, r))
		return -1;
	for (i = 0; i < s->nr_memory; i++) {
		const struct scenario_region *o = &s->memory[i];

		if (o->base == r->base && o->size == r->size)
			return fail(p, "memory: duplicate of the bank at line %u",
				    p->memory_line[i]);
		if (r->base < o->base + o->size && o->base < r->base + r->size)
			return fail(p, "memory: [0x%" PRIx64 "-0x%" PRIx64 "] overlaps the bank at line %u [0x%" PRIx64 "-0x%" PRIx64 "]",
				    r->base, r->base + r->size - 1,
				    p->memory_line[i], o->base,
				    o->base + o->size - 1);
	}
	p->memory_line[s->nr_memory++] = p->line;
	return 0;
}

static int dir_reserved(struct parser *p, struct fields *f)
{
	struct scenario *s = p->s;

	if (s->nr_reserved == SCENARIO_MAX_REGIONS)
		return fail(p, "reserved: more than %d ranges", SCENARIO_MAX_REGIONS);
	if (get_region(p, f, "reserved", true, &s->reserved[s->nr_reserved]))
		return -1;
	s->nr_reserved++;
	return 0;
}

static int dir_nomap(struct parser *p, struct fields *f)
{
	struct scenario *s = p->s;

	if (s->nr_nomap == SCENARIO_MAX_REGIONS)
		return fail(p, "nomap: more than %d ranges", SCENARIO_MAX_REGIONS);
	if (get_region(p, f, "nomap", true, &s->nomap[s->nr_nomap]))
		return -1;
	s->nr_nomap++;
	return 0;
}

static int dir_kernel(struct parser *p, struct fields *f)
{
	if (once(p, &p->kernel_line, "kernel") ||
	    get_region(p, f, "kernel", false, &p->s->kernel))
		return -1;
	p->s->has_kernel = true;
	return 0;
}

static int dir_initrd(struct parser *p, struct fields *f)
{
	if (once(p, &p->initrd_line, "initrd") ||
	    get_region(p, f, "initrd", false, &p->s->initrd))
		return -1;
	p->s->has_initrd = true;
	return 0;
}

static int dir_dma_max(struct parser *p, struct fields *f)
{
	struct token t;

	if (once(p, &p->dma_max_line, "dma-max") ||
	    need_field(p, f, &t, "dma-max", "ADDR", "dma-max ADDR") ||
	    get_number(p, &t, "dma-max", "ADDR", &p->s->dma_max) ||
	    no_more(p, f, "dma-max", "dma-max ADDR"))
		return -1;
	p->s->has_dma_max = true;
	return 0;
}

static int dir_pgtable_budget(struct parser *p, struct fields *f)
{
	struct token t;

	if (once(p, &p->budget_line, "pgtable-budget") ||
	    need_field(p, f, &t, "pgtable-budget", "SIZE", "pgtable-budget SIZE") ||
	    get_number(p, &t, "pgtable-budget", "SIZE", &p->s->pgtable_budget) ||
	    no_more(p, f, "pgtable-budget", "pgtable-budget SIZE"))
		return -1;
	if (!p->s->pgtable_budget)
		return fail(p, "pgtable-budget: SIZE is zero");
	p->s->has_pgtable_budget = true;
	return 0;
}

/*
 * A double-quoted string, the whole of t: the unescaped length in *len,
 * and the bytes in out when out is not NULL (room for *len + 1 checked by
 * the caller through a first call without out).
 */
static int unquote(struct parser *p, const struct token *t, const char *dir,
		   char *out, size_t *len)
{
	char buf[SHOW_SIZE];
	size_t i, n = 0;

	if (t->len < 2 || t->p[0] != '"')
		return fail(p, "%s: %s is not in double quotes", dir,
			    show(buf, t));
	for (i = 1; i < t->len; i++) {
		char c = t->p[i];

		if (c == '"')
			break;
		if (c == '\\') {
			c = t->p[++i];	/* the tokenizer keeps \ paired */
			if (c != '"' && c != '\\') {
				struct token esc = { t->p + i - 1, 2 };

				return fail(p, "%s: unknown escape %s (inside quotes only \\\" and \\\\ are escapes)",
					    dir, show(buf, &esc));
			}
		}
		if (out)
			out[n] = c;
		n++;
	}
	if (i + 1 != t->len) {
		struct token rest = { t->p + i + 1, t->len - i - 1 };

		return fail(p, "%s: text %s after the closing quote", dir,
			    show(buf, &rest));
	}
	if (out)
		out[n] = '\0';
	*len = n;
	return 0;
}

static int dir_cmdline(struct parser *p, struct fields *f)
{
	static const char usage[] = "cmdline \"TEXT\"";
	struct token t;
	size_t len = 0;

	if (once(p, &p->cmdline_line, "cmdline") ||
	    need_field(p, f, &t, "cmdline", "the quoted command line", usage) ||
	    unquote(p, &t, "cmdline", NULL, &len))
		return -1;
	if (len >= SCENARIO_CMDLINE_SIZE)
		return fail(p, "cmdline: %zu bytes, longer than the kernel keeps (COMMAND_LINE_SIZE is %d on arm64: at most %d bytes)",
			    len, SCENARIO_CMDLINE_SIZE, SCENARIO_CMDLINE_SIZE - 1);
	if (unquote(p, &t, "cmdline", p->s->cmdline, &len) ||
	    no_more(p, f, "cmdline", usage))
		return -1;
	p->s->has_cmdline = true;
	return 0;
}

static bool config_value_ok(struct parser *p, const struct token *v)
{
	size_t i = 0, len = 0;

	if (v->len == 1 && (v->p[0] == 'y' || v->p[0] == 'n' || v->p[0] == 'm'))
		return true;
	if (v->len && v->p[0] == '"') {
		/* quiet check: the caller words the error */
		char *err = p->err;
		bool ok;

		p->err = NULL;
		ok = !unquote(p, v, "config", NULL, &len);
		p->err = err;
		return ok;
	}
	if (v->len > 2 && v->p[0] == '0' && (v->p[1] | 0x20) == 'x') {
		for (i = 2; i < v->len; i++)
			if (hex_digit(v->p[i]) < 0)
				return false;
		return true;
	}
	if (v->len && v->p[0] == '-')
		i = 1;
	if (i == v->len)
		return false;
	for (; i < v->len; i++)
		if (v->p[i] < '0' || v->p[i] > '9')
			return false;
	return true;
}

static int dir_config(struct parser *p, struct fields *f)
{
	static const char usage[] = "config CONFIG_NAME=VALUE";
	struct scenario *s = p->s;
	struct scenario_config *c;
	char buf[SHOW_SIZE];
	struct token t, name, value;
	size_t i;
	unsigned int k;

	if (need_field(p, f, &t, "config", "CONFIG_NAME=VALUE", usage))
		return -1;
	name.p = t.p;
	for (i = 0; i < t.len && t.p[i] != '='; i++)
		;
	name.len = i;
	if (i == t.len || name.len <= 7 || memcmp(name.p, "CONFIG_", 7))
		return fail(p, "config: %s is not CONFIG_NAME=VALUE", show(buf, &t));
	for (i = 7; i < name.len; i++) {
		char ch = name.p[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_'))
			return fail(p, "config: name %s has a byte other than A-Z, 0-9 and _",
				    show(buf, &name));
	}
	if (name.len >= SCENARIO_CONFIG_NAME_SIZE)
		return fail(p, "config: name %s is longer than %d bytes",
			    show(buf, &name), SCENARIO_CONFIG_NAME_SIZE - 1);
	value.p = name.p + name.len + 1;
	value.len = t.len - name.len - 1;
	if (!config_value_ok(p, &value))
		return fail(p, "config: value %s is not y, n, m, a number or a \"string\"",
			    show(buf, &value));
	if (value.len >= SCENARIO_CONFIG_VALUE_SIZE)
		return fail(p, "config: value is %zu bytes, longer than %d",
			    value.len, SCENARIO_CONFIG_VALUE_SIZE - 1);
	if (no_more(p, f, "config", usage))
		return -1;
	for (k = 0; k < s->nr_config; k++)
		if (strlen(s->config[k].name) == name.len &&
		    !memcmp(s->config[k].name, name.p, name.len))
			return fail(p, "config: %s set twice (first at line %u)",
				    s->config[k].name, p->config_line[k]);
	if (s->nr_config == SCENARIO_MAX_CONFIG)
		return fail(p, "config: more than %d lines", SCENARIO_MAX_CONFIG);
	c = &s->config[s->nr_config];
	memset(c, 0, sizeof(*c));	/* not zeroed in advance (clear()) */
	memcpy(c->name, name.p, name.len);
	memcpy(c->value, value.p, value.len);
	p->config_line[s->nr_config++] = p->line;
	return 0;
}

static int dir_cpu(struct parser *p, struct fields *f)
{
	char buf[SHOW_SIZE], known[128];
	struct token t;
	unsigned int nr, count = 0;
	size_t n;
	int r;

	while ((r = next_field(p, f, &t)) > 0) {
		for (nr = 0; nr < SCENARIO_NR_CPU_FEATURES; nr++)
			if (tok_is(&t, cpu_feature_names[nr]))
				break;
		if (nr == SCENARIO_NR_CPU_FEATURES) {
			known[0] = '\0';
			for (nr = 0, n = 0; nr < SCENARIO_NR_CPU_FEATURES; nr++)
				n += (size_t)snprintf(known + n, n < sizeof(known) ? sizeof(known) - n : 0,
						      "%s%s", nr ? " " : "", cpu_feature_names[nr]);
			return fail(p, "cpu: unknown feature %s (known: %s)",
				    show(buf, &t), known);
		}
		p->s->cpu |= 1u << nr;
		count++;
	}
	if (r < 0)
		return -1;
	if (!count)
		return fail(p, "cpu: missing FEATURE (usage: cpu FEATURE...)");
	return 0;
}

/*
 * expect KEY TEXT: TEXT is the rest of the line after the one blank that
 * follows KEY, as is ('#' included), without trailing blanks.
 */
static int dir_expect(struct parser *p, struct fields *f)
{
	static const char usage[] = "expect KEY TEXT";
	struct scenario *s = p->s;
	struct scenario_expect *e;
	char buf[SHOW_SIZE];
	struct token key;
	const char *text, *end = f->end;
	size_t i;

	if (need_field(p, f, &key, "expect", "KEY", usage))
		return -1;
	for (i = 0; i < key.len; i++)
		if (key.p[i] == '"' || key.p[i] == '\\' ||
		    (unsigned char)key.p[i] >= 0x7f)
			return fail(p, "expect: key %s may hold printable ASCII only, no quotes or backslashes",
				    show(buf, &key));
	if (key.len >= SCENARIO_EXPECT_KEY_SIZE)
		return fail(p, "expect: key %s is longer than %d bytes",
			    show(buf, &key), SCENARIO_EXPECT_KEY_SIZE - 1);
	text = key.p + key.len;
	if (text < end && is_blank(*text))
		text++;
	while (end > text && is_blank(end[-1]))
		end--;
	if (text == end)
		return fail(p, "expect: missing TEXT after key %s (usage: %s)",
			    show(buf, &key), usage);
	if ((size_t)(end - text) >= SCENARIO_EXPECT_TEXT_SIZE)
		return fail(p, "expect: text is %zu bytes, longer than %d",
			    (size_t)(end - text), SCENARIO_EXPECT_TEXT_SIZE - 1);
	if (s->nr_expect == SCENARIO_MAX_EXPECT)
		return fail(p, "expect: more than %d lines", SCENARIO_MAX_EXPECT);
	e = &s->expect[s->nr_expect++];
	memset(e, 0, sizeof(*e));	/* not zeroed in advance (clear()) */
	memcpy(e->key, key.p, key.len);
	memcpy(e->text, text, (size_t)(end - text));
	f->cur = f->end;
	return 0;
}

static int dir_split(struct parser *p, struct fields *f)
{
	struct scenario *s = p->s;
	struct scenario_region r;

	if (s->nr_split == SCENARIO_MAX_SPLITS)
		return fail(p, "split: more than %d ranges", SCENARIO_MAX_SPLITS);
	memset(&r, 0, sizeof(r));
	if (get_region(p, f, "split", false, &r))
		return -1;
	s->split[s->nr_split].base = r.base;
	s->split[s->nr_split].size = r.size;
	s->nr_split++;
	return 0;
}

static const struct directive {
	const char *name;
	int (*parse)(struct parser *p, struct fields *f);
} directives[] = {
	{ "arch", dir_arch },
	{ "memory", dir_memory },
	{ "reserved", dir_reserved },
	{ "nomap", dir_nomap },
	{ "kernel", dir_kernel },
	{ "initrd", dir_initrd },
	{ "dma-max", dir_dma_max },
	{ "pgtable-budget", dir_pgtable_budget },
	{ "config", dir_config },
	{ "cpu", dir_cpu },
	{ "cmdline", dir_cmdline },
	{ "split", dir_split },
	{ "expect", dir_expect },
};

static int parse_line(struct parser *p, const char *line, size_t len)
{
	struct fields f = { line, line, line + len };
	char buf[SHOW_SIZE], known[128];
	struct token t;
	size_t i, n;
	int r;

	r = next_field(p, &f, &t);
	if (r <= 0)
		return r;
	for (i = 0; i < ARRAY_SIZE(directives); i++)
		if (tok_is(&t, directives[i].name))
			return directives[i].parse(p, &f);
	known[0] = '\0';
	for (i = 0, n = 0; i < ARRAY_SIZE(directives); i++)
		n += (size_t)snprintf(known + n, n < sizeof(known) ? sizeof(known) - n : 0,
				      "%s%s", i ? " " : "", directives[i].name);
	return fail(p, "unknown directive %s (known: %s)", show(buf, &t), known);
}

/* text: UTF-8, no control bytes but tab */
static int check_text(struct parser *p, const unsigned char *s, size_t len)
{
	size_t i, k;

	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (c == '\0')
			return fail(p, "NUL byte at column %zu (not a text file)", i + 1);
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(p, "control byte 0x%02x at column %zu (only tab is allowed)",
				    c, i + 1);
		if (c < 0x80)
			continue;
		k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
		if (!k || c > 0xf4 || i + k >= len)
			goto bad;
		while (k--)
			if ((s[++i] & 0xc0) != 0x80)
				goto bad;
	}
	return 0;
bad:
	return fail(p, "bytes that are not UTF-8 text at column %zu", i + 1);
}

/*
 * Zero a scenario but its config and expect tables (120 KiB of 140),
 * whose entries are zeroed as lines fill them: a replay is a few
 * milliseconds, and faulting those pages in was a tenth of it.
 */
static void clear(struct scenario *s)
{
	memset(s, 0, offsetof(struct scenario, config));
	memset(&s->has_cmdline, 0, offsetof(struct scenario, expect) -
				   offsetof(struct scenario, has_cmdline));
}

int scenario_parse_buffer(const char *name, const char *text, size_t len,
			  struct scenario *s, char *err, size_t errlen)
{
	static struct parser zero;
	struct parser p = zero;
	const char *cur = text, *end = text ? text + len : text;

	p.name = name ? name : "(buffer)";
	p.s = s;
	p.err = err;
	p.errlen = errlen;
	clear(s);
	if (err && errlen)
		err[0] = '\0';

	while (cur < end) {
		const char *nl = memchr(cur, '\n', (size_t)(end - cur));
		size_t n = (size_t)((nl ? nl : end) - cur);

		p.line++;
		if (n && cur[n - 1] == '\r')	/* CRLF files */
			n--;
		if (check_text(&p, (const unsigned char *)cur, n) ||
		    parse_line(&p, cur, n))
			goto fail;
		cur = nl ? nl + 1 : end;
	}
	if (!s->nr_memory) {
		fail(&p, "no memory line (a scenario needs at least one RAM bank)");
		goto fail;
	}
	return 0;
fail:
	memset(s, 0, sizeof(*s));
	return -1;
}

unsigned int scenario_directive_line(const char *path, const char *directive,
				     unsigned int nth)
{
	size_t n = strlen(directive);
	unsigned int line = 0;
	char buf[4096];
	FILE *in = fopen(path, "rb");
	bool start = true;

	if (!in)
		return 0;
	/* the first field of each line: lines of a file that loaded */
	while (fgets(buf, sizeof(buf), in)) {
		const char *c = buf;

		if (start) {
			line++;
			c += strspn(c, " \t");
			if (!strncmp(c, directive, n) &&
			    strchr(" \t#\r\n", c[n] ? c[n] : '\n') &&
			    nth-- == 0) {
				fclose(in);
				return line;
			}
		}
		start = strchr(buf, '\n') != NULL;	/* else the line goes on */
	}
	fclose(in);
	return 0;
}

int scenario_load(const char *path, struct scenario *s, char *err,
		  size_t errlen)
{
	char name[1024];
	char *buf;
	size_t len = 0, n;
	FILE *in;
	int r;

	clear(s);
	put_name(name, sizeof(name), path);
	in = fopen(path, "rb");
	if (!in) {
		set_error(err, errlen, "%s: cannot open: %s", name, strerror(errno));
		return -1;
	}
	buf = malloc(SCENARIO_MAX_FILE_SIZE + 1);
	if (!buf) {
		fclose(in);
		set_error(err, errlen, "%s: out of memory", name);
		return -1;
	}
	while ((n = fread(buf + len, 1, SCENARIO_MAX_FILE_SIZE + 1 - len, in)) > 0) {
		len += n;
		if (len > SCENARIO_MAX_FILE_SIZE)
			break;
	}
	if (ferror(in)) {
		set_error(err, errlen, "%s: cannot read: %s", name, strerror(errno));
		r = -1;
	} else if (len > SCENARIO_MAX_FILE_SIZE) {
		set_error(err, errlen, "%s: larger than %u bytes (not a scenario file)",
			  name, SCENARIO_MAX_FILE_SIZE);
		r = -1;
	} else {
		r = scenario_parse_buffer(path, buf, len, s, err, errlen);
	}
	free(buf);
	fclose(in);
	return r;
}

/*
 * Sizes: with the largest suffix that divides them (M at least) when that
 * leaves a number below 1024 (1G, 948M), else in hex (0xbc000000).
 */
static void put_size(char *buf, size_t size, uint64_t v)
{
	static const char suffix[] = "PTGM";
	unsigned int i, shift;

	for (i = 0, shift = 50; i < 4; i++, shift -= 10)
		if (!(v & ((1ULL << shift) - 1))) {
			if (i && v >> shift >= 1024)
				break;
			snprintf(buf, size, "%" PRIu64 "%c", v >> shift,
				 suffix[i]);
			return;
		}
	snprintf(buf, size, "0x%" PRIx64, v);
}

static void write_region(FILE *out, const char *dir,
			 const struct scenario_region *r)
{
	char size[32];

	put_size(size, sizeof(size), r->size);
	fprintf(out, "%s 0x%" PRIx64 " %s%s%s\n", dir, r->base, size,
		r->label[0] ? " " : "", r->label);
}

int scenario_write(const struct scenario *s, FILE *out)
{
	unsigned int i;
	const char *c;

	fputs("arch arm64\n", out);
	for (i = 0; i < s->nr_memory; i++)
		write_region(out, "memory", &s->memory[i]);
	for (i = 0; i < s->nr_reserved; i++)
		write_region(out, "reserved", &s->reserved[i]);
	for (i = 0; i < s->nr_nomap; i++)
		write_region(out, "nomap", &s->nomap[i]);
	if (s->has_kernel)
		write_region(out, "kernel", &s->kernel);
	if (s->has_initrd)
		write_region(out, "initrd", &s->initrd);
	if (s->has_dma_max)
		fprintf(out, "dma-max 0x%" PRIx64 "\n", s->dma_max);
	if (s->has_pgtable_budget) {
		char size[32];

		put_size(size, sizeof(size), s->pgtable_budget);
		fprintf(out, "pgtable-budget %s\n", size);
	}
	if (s->cpu) {
		fputs("cpu", out);
		for (i = 0; i < SCENARIO_NR_CPU_FEATURES; i++)
			if (s->cpu & (1u << i))
				fprintf(out, " %s", cpu_feature_names[i]);
		fputc('\n', out);
	}
	for (i = 0; i < s->nr_config; i++)
		fprintf(out, "config %s=%s\n", s->config[i].name,
			s->config[i].value);
	if (s->has_cmdline) {
		fputs("cmdline \"", out);
		for (c = s->cmdline; *c; c++) {
			if (*c == '"' || *c == '\\')
				fputc('\\', out);
			fputc(*c, out);
		}
		fputs("\"\n", out);
	}
	for (i = 0; i < s->nr_split; i++) {
		char size[32];

		put_size(size, sizeof(size), s->split[i].size);
		fprintf(out, "split 0x%" PRIx64 " %s\n", s->split[i].base, size);
	}
	for (i = 0; i < s->nr_expect; i++)
		fprintf(out, "expect %s %s\n", s->expect[i].key,
			s->expect[i].text);
	return ferror(out) ? -1 : 0;
}

static bool region_equal(const struct scenario_region *a,
			 const struct scenario_region *b)
{
	return a->base == b->base && a->size == b->size &&
	       !strcmp(a->label, b->label);
}

static bool regions_equal(unsigned int n, const struct scenario_region *a,
			  const struct scenario_region *b)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!region_equal(&a[i], &b[i]))
			return false;
	return true;
}

bool scenario_equal(const struct scenario *a, const struct scenario *b)
{
	unsigned int i;

	if (a->arch != b->arch || a->nr_memory != b->nr_memory ||
	    a->nr_reserved != b->nr_reserved || a->nr_nomap != b->nr_nomap ||
	    a->has_kernel != b->has_kernel || a->has_initrd != b->has_initrd ||
	    a->has_dma_max != b->has_dma_max || a->cpu != b->cpu ||
	    a->has_pgtable_budget != b->has_pgtable_budget ||
	    a->nr_config != b->nr_config || a->has_cmdline != b->has_cmdline ||
	    a->nr_split != b->nr_split || a->nr_expect != b->nr_expect)
		return false;
	for (i = 0; i < a->nr_split; i++)
		if (a->split[i].base != b->split[i].base ||
		    a->split[i].size != b->split[i].size)
			return false;
	if (!regions_equal(a->nr_memory, a->memory, b->memory) ||
	    !regions_equal(a->nr_reserved, a->reserved, b->reserved) ||
	    !regions_equal(a->nr_nomap, a->nomap, b->nomap) ||
	    (a->has_kernel && !region_equal(&a->kernel, &b->kernel)) ||
	    (a->has_initrd && !region_equal(&a->initrd, &b->initrd)) ||
	    (a->has_dma_max && a->dma_max != b->dma_max) ||
	    (a->has_pgtable_budget &&
	     a->pgtable_budget != b->pgtable_budget) ||
	    (a->has_cmdline && strcmp(a->cmdline, b->cmdline)))
		return false;
	for (i = 0; i < a->nr_config; i++)
		if (strcmp(a->config[i].name, b->config[i].name) ||
		    strcmp(a->config[i].value, b->config[i].value))
			return false;
	for (i = 0; i < a->nr_expect; i++)
		if (strcmp(a->expect[i].key, b->expect[i].key) ||
		    strcmp(a->expect[i].text, b->expect[i].text))
			return false;
	return true;
}

bool scenario_in_ram(const struct scenario *s, unsigned long long start,
		     unsigned long long end)
{
	unsigned long long pos = start;
	bool moved = true;

	/* walk the banks until [start, end) is covered */
	while (pos < end && moved) {
		unsigned int i;

		moved = false;
		for (i = 0; i < s->nr_memory; i++) {
			unsigned long long b = s->memory[i].base;
			unsigned long long e = b + s->memory[i].size;

			if (b <= pos && pos < e) {
				pos = e;
				moved = true;
			}
		}
	}
	return pos >= end;
}
