// SPDX-License-Identifier: GPL-2.0
/* A replay that dies is replayed again with ASan and UBSan (rerun.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rerun.h"

void kresv_rerun_on_death(const char *sanitized, const char *scenario,
			  int argc, char **argv)
{
	char **args;
	int status, rc, i, n = 0;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0)
		return;
	if (pid < 0) {
		/* no child: replay here, as the front did before */
		fprintf(stderr, "kresv replay: fork: %s; replaying without the rerun\n",
			strerror(errno));
		return;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			exit(4);
	rc = WIFSIGNALED(status) ? 128 + WTERMSIG(status) :
	     WEXITSTATUS(status);
	if (rc <= 2)
		exit(rc);
	fprintf(stderr, "kresv: the replay of %s without sanitizers died (exit %d%s%s); again with ASan and UBSan:\n",
		scenario, rc, WIFSIGNALED(status) ? ", " : "",
		WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "");
	args = calloc((size_t)argc + 1, sizeof(*args));
	if (!args)
		exit(4);
	args[n++] = (char *)sanitized;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rerun-sanitized")) {
			i++;
			continue;
		}
		args[n++] = argv[i];
	}
	execv(sanitized, args);
	fprintf(stderr, "kresv replay: cannot run %s: %s\n", sanitized,
		strerror(errno));
	exit(4);
}
