/*
 * aggregate_joins.h - the join part of the rule "aggregate-routing"
 * (src/rewrite/aggregate_routing.c): when a query block that joins the
 * fact table to one dimension table may be answered by joining an
 * aggregate of the fact to the same dimension.  Its conditions, numbered
 * J1-J9, are at the top of src/rewrite/aggregate_joins.c; the per-row
 * mapping of expressions stays in aggregate_routing.c, which calls these
 * functions at the points its own conditions name.
 *
 * (The header lives in src/ rather than next to its file: a file under
 * src/rewrite/ includes no header of that folder but rewrite.h.)
 */
#ifndef SLUICE_AGGREGATE_JOINS_H
#define SLUICE_AGGREGATE_JOINS_H

#include <jansson.h>

#include "analyze.h"
#include "resolve.h"
#include "rewrite/route_reasons.h"
#include "rules.h"

/* A block that reads the fact through a join, as agj_shape() found it. */
typedef struct agj_join {
    an_item *fact;              /* the aggregate's source, as the block reads it */
    an_item *dim;               /* the other side: the dimension */
    json_t *join;               /* the JoinExpr fields joining them */
    int fact_side;              /* 0: the fact is larg, 1: rarg */
    const rules_table *dim_table;   /* the dimension's tables[] entry */
    const char *why;            /* NULL: J1-J3 hold; else why not */
    route_reason code;          /* and its reason code */
    char whybuf[240];
} agj_join;

/* Conditions J1-J3, which no aggregate changes: fills *j; j->why says
 * why the block is no join-back candidate (NULL when it is one). */
void agj_shape(const rules *ru, an_block *blk, an_item *fact, agj_join *j);

/* Is the column reference (ColumnRef fields) a column of the dimension,
 * by its binding (never by its written qualifier alone)? */
int agj_is_dimension_column(const resolution *res, const agj_join *j, json_t *colref_fields);

/* The dimension column reference as the routed block writes it:
 * qualified with the dimension's alias (or name).  A new tree. */
json_t *agj_dimension_column(const resolution *res, const agj_join *j, json_t *colref_fields);

/* Is expression e (a column reference of the fact) stored by the
 * aggregate as a dimension that is exactly that column?  The routing
 * file answers, for the aggregate being tried. */
typedef int (*agj_stored_key_fn)(void *route, json_t *e);

/* Conditions J4 and J5 for one aggregate: the ON condition equates a
 * declared unique key of the dimension, column by column, with fact
 * columns the aggregate stores as they are, and holds no
 * non-deterministic call.  Returns 0, or -1 with the reason's code in
 * *code and its text in why[0..size). */
int agj_check_on(const resolution *res, const agj_join *j, agj_stored_key_fn stored,
                 void *route, route_reason *code, char *why, size_t size);

/* An aggregate over a join (rules_aggregate.c, a->dim set): is the
 * block's column reference qf the definition's column reference df?  The
 * definition names its table by its qualifier, the block by its binding
 * (the fact item, or j's dimension when it reads the same table), and
 * the column names match.  j may be NULL (the block reads the fact
 * alone). */
int agj_same_column(const resolution *res, const agj_join *j, const rules_aggregate *a,
                    const an_item *fact, json_t *qf, json_t *df);

/* Is the block's expression q the definition's d (the routing's
 * comparison, with agj_same_column for column references)? */
typedef int (*agj_equiv_fn)(void *route, json_t *q, json_t *d);

/* Conditions J7 and J8 for an aggregate over a join: the block reads the
 * same join (j) or the fact alone (j NULL) and the aggregate's join
 * cannot change its rows (J9: a lossless join, by ru's declarations).
 * Returns 0, or -1 with *code and why. */
int agj_same_graph(const rules *ru, const agj_join *j, const rules_aggregate *a,
                   agj_equiv_fn eq, void *route, route_reason *code, char *why, size_t size);

/* The ON condition (NULL for none). */
json_t *agj_on(const agj_join *j);

/* The routed FROM clause: the join with the fact replaced by the
 * aggregate's RangeVar (taken) and its ON condition by on (borrowed). */
json_t *agj_from_clause(const agj_join *j, json_t *aggregate, json_t *on);

#endif
