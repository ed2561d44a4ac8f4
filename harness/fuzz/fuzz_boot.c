// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the whole boot model (docs/fuzz-boot.md). One source for
 * libFuzzer and AFL++ (persistent mode, afl_main.c): the input decodes
 * into a scenario (decode.h), which boots through kresv_boot_run() as
 * `kresv replay` boots it, with every oracle.
 *
 * Inputs that make no scenario, or one this build cannot boot
 * (kresv_boot_check()), are bad input, not findings: they are skipped and
 * rejected from the libFuzzer corpus (return -1). So are the boots that
 * fuzz mode leaves out as too slow (kresv_boot_fuzz_mode: page-granular
 * linear maps of very large machines).
 *
 * A finding is a result, not a crash: findings are keyed by oracle ID and
 * the kernel FILE:LINE where they fire; the first input of a key is
 * written to $KRESV_FINDINGS_DIR as ID-HASH.input (+ .txt, the finding;
 * + .scn, the decoded scenario), and a later input of the same key that
 * is smaller replaces the three (under a lock on the directory, each file
 * by temporary file + rename). Fuzzing goes on. KRESV_ABORT_ON_FINDING=1
 * aborts on a finding instead (minimisers). Sanitizer errors crash.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boot_run.h"
#include "decode.h"
#include "findings.h"

#define INPUT_NAME "fuzz input"

static const char *findings_dir;
static int abort_on_finding;

/*
 * Keys (ID + FILE:LINE) this process knows a reproducer for, with that
 * reproducer's size: an input no smaller is dropped without touching the
 * directory. Open addressing; when half full, later keys always go to
 * the directory (which has the final word anyway).
 */
#define SEEN_SLOTS 4096
static struct {
	unsigned long long key;		/* 0: free */
	size_t size;
} seen[SEEN_SLOTS];
static int nseen;

static unsigned long long fnv1a(const char *s, unsigned long long h)
{
	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

/* the dedup key of a finding: its ID and where in the kernel it fires */
static unsigned long long finding_key(const struct finding *f)
{
	unsigned long long h = fnv1a(f->id, 0xcbf29ce484222325ULL);

	h = (h ^ '|') * 0x100000001b3ULL;
	return fnv1a(f->where, h) | 1;
}

static int seen_slot(unsigned long long key)
{
	unsigned int i = (unsigned int)(key ^ (key >> 32)) & (SEEN_SLOTS - 1);

	while (seen[i].key && seen[i].key != key)
		i = (i + 1) & (SEEN_SLOTS - 1);
	return (int)i;
}

static void remember(unsigned long long key, size_t size)
{
	int i = seen_slot(key);

	if (seen[i].key) {
		seen[i].size = size;
	} else if (nseen < SEEN_SLOTS / 2) {
		seen[i].key = key;
		seen[i].size = size;
		nseen++;
	}
}

/*
 * Save one finding's reproducer unless DIR has one no larger. 1 when
 * this input became the reproducer, 0 when not, -1 on an I/O error.
 */
static int save_finding(const struct finding *f, unsigned long long key,
			const struct scenario *s, const uint8_t *data,
			size_t size)
{
	char base[4096], path[4200], text[1024];
	char *scn = NULL;
	size_t scnlen = 0;
	struct stat st;
	int lock, n, rc = -1;
	FILE *mem;

	snprintf(base, sizeof(base), "%s/%s-%016llx", findings_dir, f->id,
		 fnv1a(f->where, 0xcbf29ce484222325ULL));
	snprintf(path, sizeof(path), "%s/.lock", findings_dir);
	lock = open(path, O_RDWR | O_CREAT, 0644);
	if (lock < 0 || flock(lock, LOCK_EX)) {
		if (lock >= 0)
			close(lock);
		return -1;
	}
	snprintf(path, sizeof(path), "%s.input", base);
	if (!stat(path, &st) && (size_t)st.st_size <= size) {
		remember(key, (size_t)st.st_size);
		rc = 0;
		goto out;
	}
	n = snprintf(text, sizeof(text), "%s: WARNING: %s: %s\n", f->where,
		     f->id, f->message);
	if (n >= (int)sizeof(text))
		n = (int)sizeof(text) - 1;
	mem = open_memstream(&scn, &scnlen);
	if (!mem)
		goto out;
	fprintf(mem, "# decoded from %s-%016llx.input (kresv replay --from-fuzz-input)\n",
		f->id, fnv1a(f->where, 0xcbf29ce484222325ULL));
	if (scenario_write(s, mem) | fclose(mem))
		goto out;
	snprintf(path, sizeof(path), "%s.txt", base);
	if (findings_save_file(path, text, (size_t)n))
		goto out;
	snprintf(path, sizeof(path), "%s.scn", base);
	if (findings_save_file(path, scn, scnlen))
		goto out;
	snprintf(path, sizeof(path), "%s.input", base);
	if (findings_save_file(path, data, size))
		goto out;
	remember(key, size);
	rc = 1;
out:
	free(scn);
	flock(lock, LOCK_UN);
	close(lock);
	return rc;
}

static void setup(void)
{
	static int done;
	const char *a;

	if (done)
		return;
	done = 1;
	findings_dir = getenv("KRESV_FINDINGS_DIR");
	if (findings_dir && !*findings_dir)
		findings_dir = NULL;
	a = getenv("KRESV_ABORT_ON_FINDING");
	abort_on_finding = a && *a == '1';
	kresv_boot_fuzz_mode = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scenario s;
	static struct boot_run r;
	char err[512];
	bool known;
	int i, j, rc;

	setup();
	if (kresv_fuzz_decode(data, size, &s, err, sizeof(err)) ||
	    kresv_boot_check(&s, INPUT_NAME, err, sizeof(err)))
		return -1;
	r.fs.skip = NULL;
	kresv_boot_run(&s, "", INPUT_NAME, &r);
	if (r.skipped)
		return -1;
	if (!r.fs.n)
		return 0;
	if (abort_on_finding) {
		findings_print(&r.fs, stderr);
		abort();
	}
	if (!findings_dir)
		return 0;
	for (i = 0; i < r.fs.n; i++) {
		const struct finding *f = &r.fs.f[i];
		unsigned long long key = finding_key(f);
		int slot = seen_slot(key);

		/* one save per key and input */
		for (j = 0; j < i && finding_key(&r.fs.f[j]) != key; j++)
			;
		if (j < i)
			continue;
		known = seen[slot].key == key;
		if (known && seen[slot].size <= size)
			continue;
		rc = save_finding(f, key, &s, data, size);
		if (rc == 1)
			fprintf(stderr, "kresv: %s reproducer (%zu bytes): %s: WARNING: %s: %s\n",
				known ? "smaller" : "new", size, f->where,
				f->id, f->message);
	}
	return 0;
}
