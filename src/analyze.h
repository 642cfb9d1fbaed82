/*
 * analyze.h - the reusable analysis of one statement: its query blocks,
 * the FROM items of each block with their resolved tables and join
 * positions, CTEs (which shadow real tables of the same name) with
 * their references, derived tables, set-operation branches and
 * subqueries in expressions, and where each block's output columns
 * come from.
 *
 * Everything points into the statement's AST (borrowed); the analysis
 * owns only its own arrays and strings.  Free with analysis_free().
 */
#ifndef SLUICE_ANALYZE_H
#define SLUICE_ANALYZE_H

#include <jansson.h>
#include <stddef.h>

#define AN_MAX_JOIN_DEPTH 32

typedef enum an_item_kind {
    AN_TABLE,       /* a catalog table (RangeVar not naming a CTE) */
    AN_CTE_REF,     /* a reference to a CTE */
    AN_SUBQUERY,    /* a derived table: (query) AS alias */
    AN_FUNCTION     /* a table function or LATERAL VIEW */
} an_item_kind;

typedef struct an_block an_block;
typedef struct an_cte an_cte;

typedef struct an_join_step {
    json_t *join;   /* JoinExpr fields */
    int side;       /* 0: the item is under larg, 1: under rarg */
} an_join_step;

typedef struct an_item {
    an_item_kind kind;
    char *alias;            /* lower case: the alias, else the table name */
    char *qualified;        /* AN_TABLE: lower-case catalog.schema.table */
    json_t *node;           /* the RangeVar / RangeSubselect / RangeFunction fields */
    an_block *block;        /* the block whose FROM holds this item */
    an_cte *cte;            /* AN_CTE_REF */
    an_join_step path[AN_MAX_JOIN_DEPTH];
    int npath;              /* JoinExprs from the FROM entry down to the item */
    long long location;     /* bridged-text location, -1 if none */
} an_item;

struct an_block {
    json_t *select;         /* SelectStmt fields of a simple SELECT (op NONE) */
    an_item **items;
    size_t nitems;
    /* How this block is reached from outside; at most one is set. */
    an_item *derived;       /* the derived-table item (in another block) wrapping it */
    an_cte *cte;            /* the CTE whose body it is (or a branch of) */
    int in_expression;      /* an IN / EXISTS / scalar subquery */
    json_t *first_branch;   /* targetList of the leftmost branch of its set operation */
};

struct an_cte {
    char *name;             /* lower case */
    json_t *query;          /* SelectStmt fields */
    an_item **refs;
    size_t nrefs;
};

typedef struct analysis {
    an_block **blocks;
    size_t nblocks;
    an_item **items;
    size_t nitems;
    an_cte **ctes;
    size_t nctes;
} analysis;

/* Analyse a statement node ({"SelectStmt": ...}); catalog and schema
 * qualify unqualified table names (either may be NULL). */
void analysis_build(analysis *an, json_t *stmt, const char *catalog, const char *schema);
void analysis_free(analysis *an);

/* The output name of a select-list entry (its alias, else the last part
 * of a column reference, else NULL). */
const char *analysis_target_name(json_t *restarget_fields);

#endif
