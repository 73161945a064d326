/*
 * A deadline for a blocking call that has none of its own: libdbus's
 * connect(), which waits for good on a socket whose listener has stopped
 * accepting.  SIGALRM's handler writes a message made beforehand (it may
 * do no more) and exits.  Whatever the caller had set up for SIGALRM is
 * put back after, as exec's command inherits it: the action, the mask
 * (SIGALRM is unblocked for the while), a running alarm (less the time
 * spent) and a pending SIGALRM.
 */
#ifndef HELPER_CONNECT_ALARM_H
#define HELPER_CONNECT_ALARM_H

#include <signal.h>
#include <stdbool.h>
#include <time.h>

struct connect_alarm {
	struct sigaction action;
	sigset_t mask;
	unsigned caller_alarm;      /* seconds the caller's alarm had left */
	struct timespec caller_end; /* when it was due */
	bool caller_pending;        /* a blocked SIGALRM was waiting */
};

/* Until disarmed: after seconds, write message to stderr, exit(status). */
void connect_alarm_arm(
    struct connect_alarm *a, unsigned seconds, const char *message, int status);
void connect_alarm_disarm(const struct connect_alarm *a);

#endif
