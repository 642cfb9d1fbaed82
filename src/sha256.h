/*
 * sha256.h - SHA-256 (FIPS 180-4) of a byte string, for the rules
 * file's digest (rules.h: rules.digest): the attribution comment names
 * the rules a query ran under by it, and it is the same digest the
 * Python binding logs as rules_sha256, so query history and the audit
 * log can be joined.  Not for anything secret: no constant-time care.
 */
#ifndef SLUICE_SHA256_H
#define SLUICE_SHA256_H

#include <stddef.h>

/* The digest of data[0..len) as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
