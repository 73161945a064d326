#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "connect_alarm.h"

static char text[512];
static size_t text_len;
static int exit_status;

static void
on_alarm(int sig)
{
	(void)sig;
	if (write(STDERR_FILENO, text, text_len) < 0)
		_exit(exit_status);
	_exit(exit_status);
}

/* A SIGALRM the caller left pending (blocked) would fire the moment it is
 * unblocked: take it now, to give it back at disarm. */
static bool
take_pending(const sigset_t *alrm)
{
	static const struct timespec at_once = {0, 0};
	sigset_t waiting;

	return sigpending(&waiting) == 0 &&
	       sigismember(&waiting, SIGALRM) == 1 &&
	       sigtimedwait(alrm, NULL, &at_once) == SIGALRM;
}

void
connect_alarm_arm(
    struct connect_alarm *a, unsigned seconds, const char *message, int status)
{
	struct sigaction action = {0};
	sigset_t alrm;

	snprintf(text, sizeof(text), "%s", message);
	text_len = strlen(text);
	exit_status = status;
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	a->caller_pending = take_pending(&alrm);
	action.sa_handler = on_alarm;
	sigemptyset(&action.sa_mask);
	sigaction(SIGALRM, &action, &a->action);
	sigprocmask(SIG_UNBLOCK, &alrm, &a->mask);
	clock_gettime(CLOCK_MONOTONIC, &a->caller_end);
	a->caller_alarm = alarm(seconds);
	a->caller_end.tv_sec += a->caller_alarm;
}

void
connect_alarm_disarm(const struct connect_alarm *a)
{
	struct timespec now;
	long long left_ms;

	alarm(0);
	sigaction(SIGALRM, &a->action, NULL);
	sigprocmask(SIG_SETMASK, &a->mask, NULL);
	if (a->caller_alarm) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left_ms =
		    (long long)(a->caller_end.tv_sec - now.tv_sec) * 1000 +
		    (a->caller_end.tv_nsec - now.tv_nsec) / 1000000;
		if (left_ms > 0)
			alarm((unsigned)((left_ms + 999) / 1000));
		else /* it fell due while its timer was ours */
			raise(SIGALRM);
	}
	if (a->caller_pending)
		raise(SIGALRM);
}
