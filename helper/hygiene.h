/*
 * Process hardening, done first thing in main(): nothing this process
 * holds may end up in a core file, in a same-user debugger, or on an fd
 * that was meant to be stdout.
 */
#ifndef HELPER_HYGIENE_H
#define HELPER_HYGIENE_H

void hygiene_init(void);

/* Put back the caller's SIGPIPE disposition, which hygiene_init() (and
 * libdbus, when it connects) set to ignore, before exec'ing a command. */
void hygiene_restore_signals(void);

#endif
