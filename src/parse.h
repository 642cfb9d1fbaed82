/*
 * parse.h - one bridged statement -> PostgreSQL's parser -> jansson AST.
 *
 * Owns the statement's way through the parser (pgtree.h builds the
 * tree), the conversion of the parser's error position
 * (characters in the bridged text) into a byte offset in the ORIGINAL
 * text, and the post-parse fix-ups that turn the bridge's stand-ins
 * back into Spark meaning (see ast.h for the sl_ fields they add).
 */
#ifndef SLUICE_PARSE_H
#define SLUICE_PARSE_H

#include <jansson.h>

#include "dialect.h"

typedef struct parsed_stmt {
    dialect_stmt    span;   /* where the statement is in the original */
    dialect_bridged br;     /* bridged text, source map, marks, hints */
    json_t         *node;   /* owned reference: {"SelectStmt": {...}} etc. */
} parsed_stmt;

/* Bridge and parse statement st of src.  Returns 0, or -1 with *err set
 * (offset in the original text).  out must be freed either way. */
int parse_stmt(const dialect_source *src, const dialect_stmt *st,
               parsed_stmt *out, dialect_error *err);
void parsed_stmt_free(parsed_stmt *p);

/* Tests set this to walk every tree for fix-ups, proving that skipping
 * the walk (a statement without their traces) never changes a tree. */
extern int parse_fixups_always;

/* Lex, split and parse a whole text (NUL-terminated at len): a new
 * array of its statement nodes, or NULL with *err set at the first
 * failure. */
json_t *parse_text(const char *text, size_t len, dialect_error *err);

/* Is text one statement whose parse_text() tree would equal expected,
 * locations aside (ast_equal_ignoring_locations)?  Answered from the
 * parser's nodes without building the tree when parse_stmt() would take
 * that tree as built (no fix-up, PIVOT or long name in it): 1 equal, 0
 * not; -1 otherwise, and then only parse_text() and a comparison can
 * tell. */
int parse_text_matches(const char *text, size_t len, json_t *expected);

/* Read the JSON text libpg_query produces into jansson values (a new
 * reference), or NULL with *error set. */
json_t *parse_tree_from_json(const char *text, size_t len, const char **error);

/* Parse a Spark hint body ("BROADCAST(t), MERGE(a, b)") and append its
 * sl_hints entries to list ({"name", "args"} each; list owns them).
 * Returns 0, or -1 with nothing appended for a body Spark's hint rule
 * does not read (the bridge refuses those before a parse). */
int parse_hint_text(const char *text, json_t *list);

/* Placeholders the tree keeps (ast.h lists them).  parse.c decodes every
 * placeholder the bridge writes: most become sl_ fields in the fix-ups,
 * and these four are read where they stand, through these functions. */

/* Is this ColumnRef (its fields) GROUP BY ALL's placeholder column? */
int parse_is_group_by_all(json_t *colref_fields);
/* Is alias (an Alias fields object, or NULL) the one the bridge gives a
 * FROM item Spark allows without a name? */
int parse_is_anonymous_alias(json_t *alias);
/* The suffix ("l", "bd", ...) of a suffixed numeric literal (10L,
 * 1.5BD), which travels as a cast of the number to a placeholder type;
 * typecast_fields are a TypeCast's fields.  NULL for any other cast. */
const char *parse_literal_suffix(json_t *typecast_fields);
/* Is name the function placeholder of a JSON path (raw:a.b[0])? */
int parse_is_json_path(const char *name);
/* Does name start with the bridge's reserved prefix, so that it is a
 * placeholder and never a name the user wrote? */
int parse_is_placeholder(const char *name);

#endif
