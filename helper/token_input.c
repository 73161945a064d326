#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "msg.h"
#include "token_input.h"

static struct termios saved_tty, quiet_tty;

/* Read until EOF, a newline (at a prompt) or a full buffer. */
static enum ac_status
read_fd(int fd, char *buf, size_t *len, bool line)
{
	*len = 0;
	while (*len < TOKEN_INPUT_SIZE) {
		ssize_t n =
		    read(fd, buf + *len, line ? 1 : TOKEN_INPUT_SIZE - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(AC_FAILURE, "cannot read the token: %s",
			    strerror(errno));
		if (n == 0)
			break;
		*len += (size_t)n;
		if (line && buf[*len - 1] == '\n')
			break;
	}
	return AC_OK;
}

/* A signal while echo is off: give the terminal back, take the signal's
 * default action, and if that was a stop, quiet the terminal again on
 * the way back in (as readpassphrase(3) does). */
static void
on_signal(int sig)
{
	sigset_t self;

	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	signal(sig, SIG_DFL);
	sigemptyset(&self);
	sigaddset(&self, sig);
	sigprocmask(SIG_UNBLOCK, &self, NULL);
	raise(sig);
	signal(sig, on_signal);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet_tty);
}

static enum ac_status
read_prompt(char *buf, size_t *len)
{
	static const int sigs[] = {
	    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU};
	enum ac_status st;

	if (tcgetattr(STDIN_FILENO, &saved_tty) < 0)
		return fail(AC_FAILURE, "cannot set up the terminal prompt");
	quiet_tty = saved_tty;
	quiet_tty.c_lflag &= ~(tcflag_t)ECHO;
	quiet_tty.c_lflag |= ECHONL;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet_tty) < 0)
		return fail(AC_FAILURE, "cannot turn off echo on the terminal");
	/* Only now: what is typed after the prompt is never echoed. */
	fputs("Anyreach token (ak_... or pat_..., input hidden): ", stderr);
	st = read_fd(STDIN_FILENO, buf, len, true);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	return st;
}

/* One trailing newline is the writer's (echo, a text editor), not the
 * token's; anything else stays and the grammar judges it. */
static enum ac_status
finish(const char *what, char *buf, size_t *len)
{
	if (*len > 0 && buf[*len - 1] == '\n')
		(*len)--;
	if (*len > GRAMMAR_TOKEN_MAX)
		return fail(AC_INVALID,
		    "token from %s refused: longer than "
		    "4096 bytes",
		    what);
	if (*len == 0)
		return fail(AC_INVALID, "no token given on %s", what);
	return AC_OK;
}

enum ac_status
token_input_read(char *buf, size_t *len)
{
	enum ac_status st = isatty(STDIN_FILENO)
	                        ? read_prompt(buf, len)
	                        : read_fd(STDIN_FILENO, buf, len, false);

	return st == AC_OK ? finish("standard input", buf, len) : st;
}

enum ac_status
token_input_file(const char *path, const char *what, char *buf, size_t *len)
{
	struct stat st;
	enum ac_status rc;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer before the
	 * check below refuses it. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0)
		return fail(
		    AC_INVALID, "cannot open %s: %s", what, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    fcntl(fd, F_SETFL, 0) < 0) {
		close(fd);
		return fail(AC_INVALID, "%s is not a regular file", what);
	}
	rc = read_fd(fd, buf, len, false);
	close(fd);
	return rc == AC_OK ? finish(what, buf, len) : rc;
}
