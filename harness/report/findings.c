// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "findings.h"

void findings_reset(struct findings *fs)
{
	fs->n = 0;
	fs->skip = NULL;
}

void findings_add(struct findings *fs, const char *id, const char *where,
		  const char *signature, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	if (fs->n == KRESV_FINDINGS_MAX)
		return;
	if (fs->skip && fs->skip(id, signature))
		return;
	f = &fs->f[fs->n++];
	f->id = id;
	snprintf(f->where, sizeof(f->where), "%s", where);
	snprintf(f->signature, sizeof(f->signature), "%s", signature);
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
}

void findings_print(const struct findings *fs, FILE *out)
{
	int i;

	for (i = 0; i < fs->n; i++)
		fprintf(out, "%s: WARNING: %s: %s\n", fs->f[i].where,
			fs->f[i].id, fs->f[i].message);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

unsigned long long findings_key(const char *id, const char *signature)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *s;

	for (s = id; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	h = (h ^ '|') * 0x100000001b3ULL;
	for (s = signature; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int findings_save_file(const char *path, const void *buf, size_t len)
{
	char tmp[4200];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	if (write_all(fd, buf, len) || fsync(fd) || close(fd)) {
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int findings_save(const struct findings *fs, const char *dir,
		  const void *input, size_t len)
{
	int i, fresh = 0;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->f[i];
		char base[4096], path[4200], text[1024];
		struct stat st;
		int n;

		snprintf(base, sizeof(base), "%s/%s-%016llx", dir, f->id,
			 (unsigned long long)fnv1a(f->signature));
		snprintf(path, sizeof(path), "%s.input", base);
		if (!stat(path, &st))
			continue;
		n = snprintf(text, sizeof(text), "%s: WARNING: %s: %s\n",
			     f->where, f->id, f->message);
		if (n >= (int)sizeof(text))
			n = (int)sizeof(text) - 1;
		snprintf(path, sizeof(path), "%s.txt", base);
		if (findings_save_file(path, text, (size_t)n))
			continue;
		snprintf(path, sizeof(path), "%s.input", base);
		if (!findings_save_file(path, input, len))
			fresh = 1;
	}
	return fresh;
}
