// SPDX-License-Identifier: GPL-2.0
/*
 * Robustness check of the scenario parser, without libFuzzer: mutate the
 * given scenario files N times (byte flips, grammar tokens, deleted,
 * repeated and spliced spans, huge numbers, long lines) and feed each
 * result to scenario_parse_buffer() from an exact-size heap copy, so ASan
 * sees any read past its end. Built with -fsanitize=address,undefined.
 *
 * Every input must give either one error line "fuzz:LINE: ..." or a
 * structure that holds the format's promises and survives a round trip:
 * write, parse again, same structure (also byte for byte), same text.
 *
 *   mutate SEED COUNT FILE...     prints "COUNT inputs: A accepted, R rejected"
 *
 * A broken promise writes the input to mutate-failure.scn and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/scenario/scenario.h"

#define MAX_INPUT	(64 * 1024)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static const char *const tokens[] = {
	"0x", "0", "1", "9", "G", "k", "P", "T", "16384P", "17179869184G",
	"18446744073709551615", "18446744073709551616", "0xffffffffffffffff",
	"0xfffffffffffff000", "0x10000000000000000", "007", "-1", "+1",
	"memory ", "memory 0x40000000 1G\n", "reserved ", "nomap ", "kernel ",
	"initrd ", "dma-max ", "config CONFIG_", "config CONFIG_X=\"a b\"\n",
	"cpu ", "lpa2", "bbml2", "bbml3", "cmdline \"", "expect ", "split ",
	"arch arm64\n", "arch ", "\\\"", "\\\\", "\\", "\"", "#", "\n", "\r\n",
	"\r", "\t", " ", "=", "y", "m", "\xc3\xa9", "\xff", "\xe2\x82", "\x01",
	"\0",
};

struct buf {
	unsigned char *p;
	size_t len;
};

static void insert(struct buf *b, size_t at, const void *s, size_t n)
{
	if (b->len + n > MAX_INPUT)
		return;
	memmove(b->p + at + n, b->p + at, b->len - at);
	memcpy(b->p + at, s, n);
	b->len += n;
}

static void mutate_once(struct buf *b, struct buf *files, int nfiles)
{
	size_t at = below(b->len + 1), n, from, i;
	unsigned char span[200], run[3000];
	const char *t;
	unsigned char c;

	switch (below(10)) {
	case 0:		/* flip a bit */
		if (b->len)
			b->p[below(b->len)] ^= (unsigned char)(1u << below(8));
		break;
	case 1:		/* any byte */
		if (b->len)
			b->p[below(b->len)] = (unsigned char)rnd();
		break;
	case 2:		/* a grammar token */
	case 3:
		t = tokens[below(ARRAY_SIZE(tokens))];
		insert(b, at, t, *t ? strlen(t) : 1);
		break;
	case 4:		/* delete a span */
		n = below(b->len - at + 1);
		if (below(4))
			n = n % 16;
		memmove(b->p + at, b->p + at + n, b->len - at - n);
		b->len -= n;
		break;
	case 5:		/* repeat a span (duplicate lines, limits) */
		if (!b->len)
			break;
		from = below(b->len);
		n = below(b->len - from) % 200 + 1;
		memcpy(span, b->p + from, n);
		for (i = below(4) ? 1 : below(80); i > 0; i--)
			insert(b, at, span, n);
		break;
	case 6:		/* splice from another file */
		i = below((size_t)nfiles);
		if (!files[i].len)
			break;
		from = below(files[i].len);
		n = below(files[i].len - from) + 1;
		insert(b, at, files[i].p + from, n);
		break;
	case 7:		/* a long run of one byte */
		c = below(2) ? 'a' : (unsigned char)"\"\\#0 x"[below(6)];
		n = below(3000) + 1;
		memset(run, c, n);
		insert(b, at, run, n);
		break;
	case 8:		/* truncate */
		b->len = at;
		break;
	default:	/* a digit or suffix in place of another byte */
		if (b->len)
			b->p[below(b->len)] = (unsigned char)"0123456789abcdefxKMGTP"[below(22)];
		break;
	}
}

static void fail(const char *why, const unsigned char *p, size_t len,
		 const char *err)
{
	FILE *f = fopen("mutate-failure.scn", "wb");

	if (f) {
		fwrite(p, 1, len, f);
		fclose(f);
	}
	fprintf(stderr, "mutate: %s (input in mutate-failure.scn)%s%s\n", why,
		err ? ": " : "", err ? err : "");
	exit(1);
}

/* the promises scenario.h makes about a parsed structure */
static const char *invariant(const struct scenario *s)
{
	unsigned int i, j;

	if (!s->nr_memory || s->nr_memory > SCENARIO_MAX_REGIONS ||
	    s->nr_reserved > SCENARIO_MAX_REGIONS ||
	    s->nr_nomap > SCENARIO_MAX_REGIONS ||
	    s->nr_config > SCENARIO_MAX_CONFIG ||
	    s->nr_expect > SCENARIO_MAX_EXPECT ||
	    s->nr_split > SCENARIO_MAX_SPLITS)
		return "a count out of range";
	for (i = 0; i < s->nr_memory; i++) {
		const struct scenario_region *a = &s->memory[i];

		if (!a->size || a->base + a->size < a->base)
			return "an empty or wrapping bank";
		for (j = 0; j < i; j++) {
			const struct scenario_region *b = &s->memory[j];

			if (a->base < b->base + b->size && b->base < a->base + a->size)
				return "overlapping banks";
		}
	}
	for (i = 0; i < s->nr_reserved; i++)
		if (!s->reserved[i].size ||
		    s->reserved[i].base + s->reserved[i].size < s->reserved[i].base)
			return "an empty or wrapping reserved range";
	for (i = 0; i < s->nr_nomap; i++)
		if (!s->nomap[i].size ||
		    s->nomap[i].base + s->nomap[i].size < s->nomap[i].base)
			return "an empty or wrapping nomap range";
	for (i = 0; i < s->nr_split; i++)
		if (!s->split[i].size ||
		    s->split[i].base + s->split[i].size < s->split[i].base)
			return "an empty or wrapping split range";
	if (s->cpu >> SCENARIO_NR_CPU_FEATURES)
		return "an unknown cpu bit";
	if (strnlen(s->cmdline, SCENARIO_CMDLINE_SIZE) >= SCENARIO_CMDLINE_SIZE ||
	    (!s->has_cmdline && s->cmdline[0]))
		return "a bad command line";
	for (i = 0; i < s->nr_config; i++)
		if (strncmp(s->config[i].name, "CONFIG_", 7) || !s->config[i].value[0])
			return "a bad config entry";
	for (i = 0; i < s->nr_expect; i++)
		if (!s->expect[i].key[0] || !s->expect[i].text[0])
			return "an empty expectation";
	return NULL;
}

/* "fuzz:LINE: something", one line */
static int error_ok(const char *err)
{
	const char *c = err;

	if (strncmp(c, "fuzz:", 5))
		return 0;
	c += 5;
	if (*c < '1' || *c > '9')
		return 0;
	while (*c >= '0' && *c <= '9')
		c++;
	return c[0] == ':' && c[1] == ' ' && c[2] && !strchr(err, '\n');
}

static char *write_text(const struct scenario *s, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (!f || scenario_write(s, f) || fclose(f)) {
		fprintf(stderr, "mutate: cannot write to memory\n");
		exit(2);
	}
	return text;
}

/*
 * Parse len bytes (from an exact-size heap copy) and check the promises.
 * 1 when the input was accepted, 0 when rejected; exits on a broken one.
 */
static int check_input(const unsigned char *p, size_t len)
{
	static struct scenario s, again;
	unsigned char *copy = malloc(len ? len : 1);
	char err[512], tiny[8];
	char *text, *text2;
	size_t tlen, tlen2;
	int r;

	/* no NUL after it, nothing to read past */
	memcpy(copy, p, len);
	r = scenario_parse_buffer("fuzz", (const char *)copy, len, &s, err,
				  sizeof(err));
	if (r && !error_ok(err))
		fail("an error that is not one 'fuzz:LINE: ...' line", copy,
		     len, err);
	/* short and missing error buffers are fine too */
	if (scenario_parse_buffer("fuzz", (const char *)copy, len, &again,
				  tiny, 1 + below(sizeof(tiny))) != r ||
	    scenario_parse_buffer("fuzz", (const char *)copy, len, &again,
				  NULL, 0) != r)
		fail("a different answer with a short error buffer", copy, len,
		     NULL);
	if (r) {
		free(copy);
		return 0;
	}
	if (invariant(&s))
		fail(invariant(&s), copy, len, NULL);
	text = write_text(&s, &tlen);
	if (scenario_parse_buffer("fuzz", text, tlen, &again, err, sizeof(err)))
		fail("the canonical form does not load", copy, len, err);
	if (!scenario_equal(&s, &again) || memcmp(&s, &again, sizeof(s)))
		fail("the canonical form loads as something else", copy, len,
		     NULL);
	text2 = write_text(&again, &tlen2);
	if (tlen != tlen2 || memcmp(text, text2, tlen))
		fail("the canonical form is not stable", copy, len, NULL);
	free(text);
	free(text2);
	free(copy);
	return 1;
}

int main(int argc, char **argv)
{
	static unsigned char work[MAX_INPUT];
	struct buf *files, b = { work, 0 };
	unsigned long count, k, accepted = 0;
	int nfiles, i, m;

	if (argc < 4) {
		fprintf(stderr, "usage: mutate SEED COUNT FILE...\n");
		return 2;
	}
	rng_state = strtoull(argv[1], NULL, 0) * 2 + 1;
	count = strtoul(argv[2], NULL, 0);
	nfiles = argc - 3;
	files = calloc((size_t)nfiles, sizeof(*files));
	for (i = 0; i < nfiles; i++) {
		FILE *f = fopen(argv[3 + i], "rb");

		files[i].p = malloc(MAX_INPUT);
		if (!f || !files[i].p) {
			fprintf(stderr, "mutate: cannot read %s\n", argv[3 + i]);
			return 2;
		}
		files[i].len = fread(files[i].p, 1, MAX_INPUT, f);
		fclose(f);
		/* the files themselves go through the same checks */
		check_input(files[i].p, files[i].len);
	}

	for (k = 0; k < count; k++) {
		i = (int)below((size_t)nfiles);
		memcpy(work, files[i].p, files[i].len);
		b.len = files[i].len;
		for (m = (int)below(8) + 1; m > 0; m--)
			mutate_once(&b, files, nfiles);
		accepted += (unsigned long)check_input(b.p, b.len);
	}
	printf("%lu inputs: %lu accepted, %lu rejected\n", count, accepted,
	       count - accepted);
	for (i = 0; i < nfiles; i++)
		free(files[i].p);
	free(files);
	return 0;
}
