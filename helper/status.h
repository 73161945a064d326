/*
 * One error convention for the whole helper: functions return an enum
 * ac_status, AC_OK on success.  The values are the documented exit codes,
 * so main() returns what the command returned.  A failure is reported once,
 * where its cause is known (see msg.h), and passed up unchanged.
 */
#ifndef HELPER_STATUS_H
#define HELPER_STATUS_H

enum ac_status {
	AC_OK = 0,
	AC_NOTFOUND = 1,  /* no credential for the profile */
	AC_USAGE = 2,     /* bad command line */
	AC_INVALID = 3,   /* a token, org id or other value was refused */
	AC_KEYRING = 4,   /* no session bus, no Secret Service, or timeout */
	AC_LOCKED = 5,    /* the keyring collection is locked */
	AC_EXPIRED = 6,   /* the stored credential has expired */
	AC_REJECTED = 7,  /* the API rejected the credential (401) */
	AC_FORBIDDEN = 8, /* the API refused the action (403) */
	AC_NETWORK = 9,   /* network or TLS failure talking to the API */
	AC_FAILURE = 10,  /* anything else: I/O error, out of memory */
	AC_TLS = 11,      /* the API's TLS certificate or handshake failed */
	AC_SERVER = 12,   /* the API failed, redirected or made no sense */
};

#endif
