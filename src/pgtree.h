/*
 * pgtree.h - PostgreSQL's parse of a bridged statement, as a jansson tree.
 *
 * libpg_query's pg_query_parse() prints the parser's nodes as JSON text,
 * which sluice then reads back into jansson values: two thirds of the
 * parse's cost went into that round trip.  pgtree builds the same jansson
 * tree straight from the parser's node structs (pgtree.c).  It covers the
 * node kinds of queries; a statement holding any other kind is built from
 * libpg_query's JSON, as before, so the result never depends on which
 * path built it (tests/unit compares the two on every corpus statement).
 */
#ifndef SLUICE_PGTREE_H
#define SLUICE_PGTREE_H

#include <jansson.h>
#include <pg_query.h>
#include <stddef.h>

typedef struct pgtree {
    json_t *stmts;          /* [{"stmt":{..}, "stmt_len":..}, ...] as in the JSON */
    PgQueryError *error;    /* the parser's error, or NULL */
    const char *read_error; /* the JSON path's reader error, or NULL */
    const char *limit_error;    /* refused by a limit (pgtree.h): why, or NULL */
    int direct;             /* 1: built from the nodes; 0: from the JSON */
} pgtree;

/* The JSON path takes a statement pgtree.c does not build (anything but
 * a query, or a query with a node kind it does not know) only up to
 * this size: libpg_query's JSON writer recurses once per level of the
 * tree without a stack check, about 100 bytes of stack a level, and
 * "1+1+..." nests a level every 2 bytes.  32,000 bytes are at most
 * 16,000 levels, 1.6 MB of stack; a 1 MB stack overflowed at 12,000
 * levels, the 8 MB main stack at 120,000. */
#define PGTREE_JSON_MAX_BYTES 32000
#define PGTREE_JSON_MAX_BYTES_TEXT "32,000"

/* The reader's error for a tree deeper than it reads. */
#define JSON_DEPTH_ERROR "maximum parsing depth reached"

/* Parse sql (NUL-terminated).  On return exactly one of stmts, error,
 * read_error and limit_error is set.  force_json takes the JSON path
 * (for tests). */
void pgtree_parse(const char *sql, int force_json, pgtree *out);
void pgtree_free(pgtree *t);

/* 1 if this libpg_query's nodes read as the headers say (checked once
 * per process on statements using the node kinds pgtree.c builds); 0
 * sends every parse down the JSON path. */
int pgtree_direct_enabled(void);

/* Does sql (NUL-terminated, bridged) parse to one statement equal to
 * expected, locations aside, as ast_equal_ignoring_locations() compares?
 * Walks the parser's nodes against expected without building a tree.
 * 1: equal; 0: not; -1: cannot tell here (a parse error, several
 * statements, a node kind pgtree.c does not build, too deep, or the
 * direct path switched off): build the tree and compare it. */
int pgtree_matches(const char *sql, json_t *expected);

/* Same keys in the same order, same values, all the way down. */
int pgtree_identical(json_t *a, json_t *b);

#endif
