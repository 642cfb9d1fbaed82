/*
 * layout.h - laying out a rewritten statement: pretty (a clause per line)
 * or keep (the user's own text wherever the rewrite kept a token).  Both
 * change only whitespace and comments; the caller re-parses the result
 * and falls back to the emitter's compact text if it means anything else.
 */
#ifndef SLUICE_LAYOUT_H
#define SLUICE_LAYOUT_H

#include <stddef.h>

#include "sbuf.h"

/* Append to out the emitted statement laid out over the original
 * statement's text (both NUL-terminated at their length).  With
 * keep_noise, words the emitter adds or drops without changing the tree
 * (AS, OUTER, INNER) are kept as the user wrote them where they stand
 * between kept tokens; the caller verifies, and retries without.  -1 when
 * either does not lex or the statements are too long to match; out may
 * then hold partial text. */
int layout_keep(const char *orig, size_t orig_len, const char *emitted, size_t emitted_len,
                int keep_noise, sbuf *out);

/* Append to out the emitted statement with one clause per line and
 * subqueries indented.  -1 when it does not lex. */
int layout_pretty(const char *emitted, size_t emitted_len, sbuf *out);

#endif
