/*
 * attribution.h - the attribution comment (the rules file's
 * "attribution": {"comment": true}; docs/budget-and-attribution.md), a
 * block comment (slash-star, then " sluice: user=alice, dashboard=12,
 * chart=345, source=chart, rules=<digest>, routed=<tables> ", then
 * star-slash) at the head of every statement
 * sluice hands out in SL_MODE_ENFORCE, so Databricks' query history
 * says who and what each query came from.
 *
 * The one guarantee: the comment is a comment.  Every value is written
 * with its bytes outside [A-Za-z0-9._@:-] percent-encoded (%2A for '*',
 * %2F for '/', %0A for a newline, %27 for a quote, ...), so no value can
 * open or close a comment (Spark's block comments nest: SqlBaseLexer's
 * BRACKETED_COMMENT), end the line or start a string; the statement after
 * it is the statement sluice judged, byte for byte where no rule changed
 * it.
 */
#ifndef SLUICE_ATTRIBUTION_H
#define SLUICE_ATTRIBUTION_H

#include <stddef.h>

#include "analyze.h"
#include "dialect.h"
#include "rules.h"
#include "sbuf.h"
#include "sluice.h"

/* Longest value written, in bytes of the request's field; a longer one
 * is cut there and ends in "...". */
#define ATTRIBUTION_MAX_VALUE 128

/* Append the comment for a statement: req's user, dashboard_id, chart_id
 * and source, the rules' digest (its first 16 hex digits), and routed
 * (attribution_routed's, or NULL); absent fields are left out. */
void attribution_comment(sbuf *out, const sl_request *req, const char *digest,
                         const char *routed);

/* The rules' aggregate tables the final tree reads, each once, in order
 * of first appearance, each escaped as a value, joined by '+': "a+b"
 * (malloc'd), or NULL for none.  The
 * aggregates, not "what routing changed": a query that names the
 * aggregate itself says so too, and sluice's output, run again, gets the
 * same comment (the output run again is unchanged). */
char *attribution_routed(const rules *ru, const analysis *after);

/* The SQL to run with every statement attributed, into out: when no
 * statement was rewritten (rewritten[i] all NULL), the request's text
 * with the first statement's comment and a space at its very start and
 * each later one's just before it; a block comment starting "sluice:"
 * among the comments in front of a statement (from an earlier pass, or
 * written to look like one) is replaced, so the output run again is
 * unchanged.  Else each statement's new text (or its own span) after its
 * comment and a space, joined by ";\n" as the engine joins rewritten
 * statements.  routed[i]: statement i's routed tables, or NULL. */
void attribution_output(sbuf *out, const dialect_source *src, const dialect_stmt *stmts,
                        size_t n, char *const *rewritten, char *const *routed,
                        const sl_request *req, const char *digest);

#endif
