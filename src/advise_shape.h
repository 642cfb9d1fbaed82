/*
 * advise_shape.h - what `sluice advise` needs to know of a query: for
 * each aggregate query block over a fact table (a rules "tables" entry
 * with a partition), the columns it groups and filters by and the
 * aggregates it computes, read from the same analysis (analyze.h) and
 * column bindings (resolve.h) the router reads.  Whether an aggregate
 * built from this answers the block is not decided here: `sluice advise`
 * asks the router itself (src/cli/advise.c).
 */
#ifndef SLUICE_ADVISE_SHAPE_H
#define SLUICE_ADVISE_SHAPE_H

#include <stddef.h>

#include "rules.h"

/* How a block uses a column of the fact outside aggregate calls. */
enum {
    ADV_USE_FILTER = -1,    /* only in WHERE, and it is the partition column
                               (or the column it is derived from): any grain
                               whose buckets the bounds fall on serves */
    ADV_USE_RAW = 0         /* the column itself (any other use) */
    /* > 0: only as date_trunc(unit, column), RULES_GRAIN_* of the finest
       unit the block needs (a week and a coarser unit need days) */
};

typedef struct adv_dim {
    char *column;           /* lower case, as the binding names it */
    int use;                /* ADV_USE_* or a grain */
} adv_dim;

typedef struct adv_measure {
    char *func;             /* lower case: sum, count, min, max */
    char *arg;              /* the argument as Databricks SQL over unqualified
                               columns of the fact; NULL for COUNT(*) */
} adv_measure;

typedef struct adv_block {
    char *fact;             /* lower-case catalog.schema.table */
    unsigned statement;     /* 0-based statement of the request */
    size_t offset;          /* the fact's scan in the original text: where the
                               router reports on the block */
    adv_dim *dims;  size_t ndims;                /* sorted by column */
    adv_measure *measures; size_t nmeasures;     /* sorted by (func, arg) */
    const char *unanswerable;   /* NULL, or why no aggregate of the fact can
                                   store what the block computes (a static
                                   string): it gets no proposal of its own */
} adv_block;

/* The blocks of every statement of sql (NUL-terminated at len) that read
 * a partitioned table of ru and aggregate, in statement and analysis
 * order.  catalog and schema (either may be NULL) are the request's
 * defaults.  Statements that do not parse hold none.  Returns how many
 * (*out is malloc'd; free with adv_blocks_free). */
size_t adv_read_blocks(const rules *ru, const char *sql, size_t len, const char *catalog,
                       const char *schema, adv_block **out);
void adv_blocks_free(adv_block *b, size_t n);

#endif
