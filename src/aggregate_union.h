/*
 * aggregate_union.h - aggregate routing past fresh_through: the block
 * answered from a stale aggregate's whole buckets up to its
 * fresh_through and from the source's rows after it (aggregate_union.c,
 * conditions U1-U6).  aggregate_routing.c decides the rest of the route
 * and calls these two functions only.
 */
#ifndef SLUICE_AGGREGATE_UNION_H
#define SLUICE_AGGREGATE_UNION_H

#include <jansson.h>

#include "analyze.h"
#include "check/check.h"
#include "rewrite/route_reasons.h"
#include "rules.h"

/* The declared type of a source column, as aggregate_routing.c reads
 * tables[].columns. */
enum { AGU_TYPE_OTHER = 0, AGU_TYPE_DATE, AGU_TYPE_TIMESTAMP_NTZ, AGU_TYPE_TIMESTAMP_LTZ };

/* The request's time zone against the aggregate's (condition 10 of
 * aggregate_routing.c): the same zone, none given, or another. */
enum { AGU_ZONE_SAME = 0, AGU_ZONE_UNKNOWN, AGU_ZONE_OTHER };

/* The block and the aggregate routing looks at (borrowed). */
typedef struct agu_block {
    check_ctx *ctx;
    const rules_aggregate *agg;
    an_block *blk;
    an_item *item;              /* the block's scan of the source */
    int joined;                 /* the block joins the source to a dimension */
    long fresh_through;         /* the day in force: the rules' or the request's */
    int zone;                   /* AGU_ZONE_*: the request's time zone is the
                                   aggregate's, is not given, or is another */
    /* aggregate_routing.c's readings, with rt as their first argument:
     * is the block's expression q the aggregate's d (condition 11), and
     * the declared type of a source column (AGU_TYPE_*). */
    int (*equiv)(void *rt, json_t *q, json_t *d);
    int (*column_type)(void *rt, const char *column);
    void *rt;
} agu_block;

/* Where the union splits the rows: the aggregate answers the time
 * dimension's buckets before split_us, the source the rows from it on. */
typedef struct agu_split {
    int on;                     /* the block is answered by a union */
    long long split_us;         /* microseconds since 1970-01-01, a midnight */
} agu_split;

/* The fresh_through in force for aggregate a: the request's
 * (ctx->fresh_through, the request context's "fresh_through"), else the
 * rules'.  Returns 1 with *day set, or 0 when it has none. */
int agu_fresh_through(const check_ctx *ctx, const rules_aggregate *a, long *day);

/* Conditions U2-U6 for a block that reads past fresh_through of an
 * aggregate with "stale": "union" (U1, the caller's).  Returns 0 with
 * *out set, or -1 with *code and why[0..n) the reason. */
int agu_decide(const agu_block *b, agu_split *out, route_reason *code, char *why, size_t n);

/* The FROM item that replaces the source's scan: the derived table
 *     (SELECT <the aggregate's columns> FROM <aggregate>
 *      WHERE <where> AND <time dimension> < split
 *      UNION ALL
 *      SELECT <the aggregate's query's select list> FROM <the block's scan>
 *      WHERE <the block's WHERE> AND <raw time column> >= split
 *      GROUP BY <the aggregate's query's GROUP BY>) AS alias
 * where (borrowed; json_null() or NULL for none) is the block's WHERE
 * mapped onto the aggregate's columns, block_where (borrowed, NULL for
 * none) the block's WHERE as written.  A new tree, the caller's. */
json_t *agu_union_item(const agu_block *b, const agu_split *s, json_t *where,
                       json_t *block_where, const char *alias);

/* " and from <source> after <day>" for the routed message: into buf. */
void agu_describe(const agu_block *b, const agu_split *s, char *buf, size_t n);

#endif
