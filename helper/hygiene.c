#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hygiene.h"
#include "status.h"

/* SIGPIPE as the caller left it, for exec's command to inherit. */
static struct sigaction caller_sigpipe;

/* If we were started with 0, 1 or 2 closed, the next open() would take
 * that number and a secret meant for stdout could land in a file. */
static void
ensure_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1)
			continue;
		if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			_exit(AC_FAILURE);
	}
}

void
hygiene_init(void)
{
	const struct rlimit none = {0, 0};

	umask(077);
	ensure_std_fds();
	/* No core dumps, no same-user ptrace, root-owned /proc entries. */
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	(void)setrlimit(RLIMIT_CORE, &none);
	/* A reader that goes away is an error we report, not a silent death
	 * half-way through a store. */
	sigaction(SIGPIPE, NULL, &caller_sigpipe);
	signal(SIGPIPE, SIG_IGN);
}

void
hygiene_restore_signals(void)
{
	sigaction(SIGPIPE, &caller_sigpipe, NULL);
}
