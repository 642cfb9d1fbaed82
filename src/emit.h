/*
 * emit.h - serialise an AST statement as Databricks SQL (or as
 * PostgreSQL, for proving rewrites on a real database).
 *
 * One switch dispatch per context (expressions, FROM items) with a
 * function per non-trivial node kind, one function per part of a query,
 * and one precedence table: the emitter decides every parenthesis from
 * the tree, never from the original text.  An unsupported node or a construct the target cannot
 * express is an error naming it, never a silent drop.
 */
#ifndef SLUICE_EMIT_H
#define SLUICE_EMIT_H

#include <jansson.h>

#include "sbuf.h"

typedef enum emit_target {
    EMIT_DATABRICKS = 0,
    EMIT_POSTGRES = 1
} emit_target;

typedef struct emit_error {
    long long location;     /* bridged-text location of the node, or -1 */
    char      message[240];
} emit_error;

/* Append the statement node (a {"SelectStmt": ...} wrapper) to out.
 * Returns 0, or -1 with *err set (out then holds partial text). */
int emit_statement(json_t *node, emit_target target, sbuf *out, emit_error *err);

/* Append one expression node (diagnostics, tests and rewrites that
 * quote an expression).  Returns 0, or -1 with *err set. */
int emit_expression(json_t *node, emit_target target, sbuf *out, emit_error *err);

/* Append one identifier, quoted as the target requires. */
void emit_identifier(sbuf *out, const char *name, emit_target target);

#endif
