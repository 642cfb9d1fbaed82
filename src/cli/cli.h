/*
 * cli.h - shared pieces of the sluice command-line front end: input
 * reading and compiler-style rendering of diagnostics.  Each
 * sub-command lives in its own file and reaches the engine only through
 * the public API (sluice.h: sl_engine_*, sl_process, sl_result_*).
 * Besides it they use a few internal utilities that are no part of the
 * engine: sbuf (strings), textpos (line and column), and for lint the
 * source map and arena_json_free (lint reads its result documents with
 * jansson, as the engine allocates them).
 */
#ifndef SLUICE_CLI_H
#define SLUICE_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "sbuf.h"
#include "sluice.h"

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* Read a file ("-" = stdin) into b.  Returns 0, or -1 after printing
 * an error naming the file. */
int cli_read_file(const char *path, sbuf *b);

/* The entries of a directory, without dot files, sorted by name; NULL
 * with errno set if it cannot be read.  Free with cli_free_names(). */
char **cli_list_dir(const char *path, size_t *n);
void cli_free_names(char **names, size_t n);

/* Does a file name end in ".sql" (and has something before it)? */
int cli_is_sql_file(const char *name);

/* How every text form writes a diagnostic's id and message: the tag is
 * "rule", or "rule/code" when the diagnostic has a reason code
 * (sl_diagnostic.code); the message is followed by " (estimated rows
 * saved: N)" when it carries an estimate (sl_diagnostic.rows_saved).
 * Each appends to out. */
void cli_diagnostic_tag(const sl_diagnostic *d, sbuf *out);
void cli_diagnostic_message(const sl_diagnostic *d, sbuf *out);

/* Print "name:line:col: severity: message [tag]", the source line and a
 * caret under the column. */
void cli_print_diagnostic(FILE *out, const char *name, const char *text,
                          size_t len, const sl_diagnostic *d);

/* Every diagnostic of a result, as cli_print_diagnostic() prints one. */
void cli_print_diagnostics(FILE *out, const char *name, const char *text,
                           size_t len, const sl_result *res);

/* --context '{"catalog": ..., "schema": ..., "user": ..., "now": ...,
 * "groups": [...], "dashboard_id": ..., "chart_id": ..., "source": ...}':
 * the object in *out (a new reference), or -1 after printing the problem
 * ("sluice CMD: --context: ...").  Unknown keys, values that are not
 * strings and groups that are not an array of strings are errors. */
int cli_parse_context(const char *cmd, const char *text, json_t **out);
/* Set req's catalog, schema, user, now, groups, dashboard_id, chart_id
 * and source from a context object
 * (the strings borrowed from it).  Returns the groups array, which the
 * caller frees after the request. */
const char **cli_apply_context(json_t *ctx, sl_request *req);

/* The engine for a rules file (NULL path: the empty rule set), or NULL
 * after printing "sluice CMD: <the error>". */
sl_engine *cli_load_rules(const char *cmd, const char *path);

int cmd_fmt(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_corpus(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_rewrite(int argc, char **argv);
int cmd_lineage(int argc, char **argv);
int cmd_advise(int argc, char **argv);      /* advise.c */

/* Process req (sql, catalog, schema, user, now; the mode and the
 * lineage flag are set here) and append to out one line per statement:
 * its lineage document, or {"statement": i, "error": {"rule", "message",
 * "line", "column"}} when it has none.  *unreadable receives how many
 * statements had none.  Returns the result (free it), whose diagnostics
 * the caller may print. */
sl_result *cli_lineage_lines(const sl_engine *eng, const sl_request *req, sbuf *out,
                             size_t *unreadable);

/* The expected-result text of one corpus case (see docs/testing.md, "Corpus"). */
int cli_render_case(const sl_engine *eng, json_t *context, const char *sql, size_t len,
                    sbuf *out);

#endif
