/*
 * Process hardening, done first thing in main(): nothing this process
 * holds may end up in a core file, in a same-user debugger, or on an fd
 * that was meant to be stdout.
 */
#ifndef HELPER_HYGIENE_H
#define HELPER_HYGIENE_H

void hygiene_init(void);

/* Put back the signal dispositions hygiene_init() (and libdbus, which
 * ignores SIGPIPE too) changed, before exec'ing a command. */
void hygiene_restore_signals(void);

#endif
