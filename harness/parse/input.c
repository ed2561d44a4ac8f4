// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

void input_decode(const unsigned char *data, size_t len,
		  struct parse_input *in)
{
	unsigned long long pages = 0;
	size_t i, n;

	for (i = 0; i < 4 && i < len; i++)
		pages |= (unsigned long long)data[i] << (8 * i);
	in->ram = (pages + 1) << 12;
	data += i;
	len -= i;
	n = strnlen((const char *)data, len);
	in->cut = 0;
	if (n >= sizeof(in->cmdline)) {
		in->cut = n - (sizeof(in->cmdline) - 1);
		n = sizeof(in->cmdline) - 1;
	}
	memcpy(in->cmdline, data, n);
	in->cmdline[n] = '\0';
}

size_t input_encode(unsigned long long ram, const char *cmdline,
		    unsigned char *out)
{
	unsigned long long pages = ram >> 12 ? (ram >> 12) - 1 : 0;
	size_t n = strlen(cmdline);
	int i;

	for (i = 0; i < 4; i++)
		out[i] = (unsigned char)(pages >> (8 * i));
	memcpy(out + 4, cmdline, n);
	return n + 4;
}

bool parse_size_arg(const char *s, unsigned long long *out)
{
	unsigned long long v;
	unsigned shift = 0;
	char *end;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return false;
	switch (*end) {
	case 'T': case 't': shift += 10; /* fall through */
	case 'G': case 'g': shift += 10; /* fall through */
	case 'M': case 'm': shift += 10; /* fall through */
	case 'K': case 'k': shift += 10;
		end++;
		break;
	default:
		break;
	}
	if (*end || (shift && v > (~0ULL >> shift)))
		return false;
	*out = v << shift;
	return true;
}

const char *cmdline_problem(const char *s, size_t len)
{
	size_t i;

	if (len >= KRESV_COMMAND_LINE_SIZE)
		return "longer than the kernel keeps (COMMAND_LINE_SIZE is 2048 on arm64: at most 2047 bytes)";
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\0')
			return "contains a NUL byte";
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return "contains control bytes (not text)";
		if (c >= 0x80) {	/* a UTF-8 sequence, or not text */
			size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;

			if (!k || c > 0xf4 || i + k >= len)
				return "contains bytes that are not UTF-8 text";
			while (k--)
				if (((unsigned char)s[++i] & 0xc0) != 0x80)
					return "contains bytes that are not UTF-8 text";
		}
	}
	return NULL;
}
