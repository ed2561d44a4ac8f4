// SPDX-License-Identifier: GPL-2.0
/*
 * printk capture: every line the kernel code prints is kept, with its log
 * level, in the outcome's log, verbatim as the kernel would have printed it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printk_log.h"

struct printk_log kresv_log;

void kresv_log_reset(void)
{
	kresv_log.nlines = 0;
	kresv_log.truncated = 0;
}

/* snprintf(to, room, "%s", from), without the formatting machinery */
static void copy_text(char *to, size_t room, const char *from)
{
	size_t n = strnlen(from, room - 1);

	memcpy(to, from, n);
	to[n] = '\0';
}

static void append(char level, const char *text)
{
	struct printk_line *l;

	if (kresv_log.nlines == KRESV_LOG_LINES) {
		kresv_log.truncated = 1;
		return;
	}
	l = &kresv_log.lines[kresv_log.nlines++];
	l->level = level;
	copy_text(l->text, sizeof(l->text), text);
}

int kresv_printk(const char *level, const char *fmt, ...)
{
	char buf[KRESV_LOG_LINE_MAX];
	char lvl = '4';	/* printk's default loglevel */
	va_list ap;
	char *line, *nl;
	int n;

	/* a level can come as argument or as the "\001N" prefix of fmt */
	if (level[0])
		lvl = level[0];
	if (fmt[0] == '\001' && fmt[1]) {
		lvl = fmt[1];
		fmt += 2;
	}
	if (!strchr(fmt, '%')) {	/* nothing to format: the text as is */
		n = (int)strlen(fmt);
		copy_text(buf, sizeof(buf), fmt);
	} else {
		va_start(ap, fmt);
		n = vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
	}

	for (line = buf; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (lvl == 'c' && kresv_log.nlines) {
			struct printk_line *l =
				&kresv_log.lines[kresv_log.nlines - 1];
			size_t used = strlen(l->text);

			copy_text(l->text + used, sizeof(l->text) - used,
				  line);
		} else {
			append(lvl, line);
		}
		if (!nl)
			break;
		lvl = '4';
	}
	return n;
}

void (*kresv_panic_hook)(const char *file, int line, const char *msg);
const char *kresv_tree_root;

/* the units' #line names are absolute: findings name the tree's path */
const char *kresv_tree_path(const char *file)
{
	size_t n = kresv_tree_root ? strlen(kresv_tree_root) : 0;

	if (n && !strncmp(file, kresv_tree_root, n) && file[n] == '/')
		return file + n + 1;
	return file;
}

void kresv_bug(const char *file, int line, const char *cond)
{
	char msg[KRESV_LOG_LINE_MAX];

	file = kresv_tree_path(file);
	snprintf(msg, sizeof(msg), "kernel BUG: %s", cond);
	if (kresv_panic_hook)
		kresv_panic_hook(file, line, msg);
	fprintf(stderr, "%s:%d: %s\n", file, line, msg);
	abort();
}

void kresv_panic(const char *file, int line, const char *fmt, ...)
{
	char msg[KRESV_LOG_LINE_MAX];
	va_list ap;

	file = kresv_tree_path(file);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	msg[strcspn(msg, "\n")] = 0;
	kresv_printk("0", "Kernel panic - not syncing: %s\n", msg); /* KERN_EMERG */
	if (kresv_panic_hook)
		kresv_panic_hook(file, line, msg);
	fprintf(stderr, "%s:%d: kernel panic: %s\n", file, line, msg);
	abort();
}

void kresv_warn(const char *file, int line, const char *cond)
{
	char msg[KRESV_LOG_LINE_MAX];

	snprintf(msg, sizeof(msg), "WARNING: %s:%d: %s", kresv_tree_path(file), line,
		 cond);
	append('4', msg);
}
