/*
 * analyze.h - the analysis of one statement, built once and shared by
 * every rule.
 *
 * What it holds:
 *   - query blocks (one per simple SELECT: the statement, each
 *     set-operation branch, CTE bodies, derived tables, subqueries in
 *     expressions), each with
 *       its FROM items and the joins above each item,
 *       its WHERE and HAVING conjuncts (AND lists flattened),
 *       its GROUP BY keys (ordinals and select-list aliases resolved to
 *       the expressions they name), whether it groups by GROUPING SETS,
 *       ROLLUP or CUBE,
 *       its aggregate calls (function, DISTINCT, FILTER, arguments),
 *       whether it has window functions, generators (explode, ...) in
 *       its select list, or non-deterministic calls,
 *       its output columns: the expression and the output name of each;
 *   - FROM items: catalog tables (resolved to lower-case
 *     catalog.schema.table against the request's defaults, including
 *     Databricks' IDENTIFIER('name') clause), CTE references, derived
 *     tables and table functions;
 *   - CTEs, which shadow catalog tables of the same name, with every
 *     reference to them;
 *   - for each branch of a set operation, the set operations above it
 *     (an_setop_step), and for each block the OVER clause of each of
 *     its window calls: what filter reach (analyze_range.c) reads.
 *
 * Ownership and staleness.  Everything points into the statement's AST
 * (borrowed); the analysis owns only its own arrays and strings, and is
 * freed with analysis_free().  An analysis describes the tree as it was
 * when analysis_build() ran.  After an edit of the tree (ast_edit.h)
 * the analysis describes the tree before it: a block may list a
 * conjunct, key or output the tree no longer holds.  The nodes an edit
 * replaces are not freed while the rule that made it runs (the rule
 * driver's deferral, ast_edit.h), so the pointers stay valid until the
 * rule returns, but a rule reads the analysis only for the parts of the
 * tree it has not changed; the driver (rule_driver.c, reanalyse())
 * rebuilds it before the next rule runs.
 *
 * Limits.  The analysis never drops part of a statement silently.  When
 * it cannot describe something it must not guess about (a table named by
 * a non-constant IDENTIFIER(...), nesting beyond AN_MAX_DEPTH) it
 * records the first such problem in analysis.incomplete, with a
 * position, and rules that depend on seeing every scan refuse the
 * statement (fail closed).
 */
#ifndef SLUICE_ANALYZE_H
#define SLUICE_ANALYZE_H

#include <jansson.h>
#include <stddef.h>

/* Deeper nesting of FROM items or query blocks than this is refused.
 * The parse stage already refuses trees deeper than 2048 levels. */
#define AN_MAX_DEPTH 1024

typedef enum an_item_kind {
    AN_TABLE,       /* a catalog table (RangeVar not naming a CTE, or IDENTIFIER('...')) */
    AN_CTE_REF,     /* a reference to a CTE */
    AN_SUBQUERY,    /* a derived table: (query) AS alias */
    AN_FUNCTION     /* a table function or LATERAL VIEW */
} an_item_kind;

typedef struct an_block an_block;
typedef struct an_cte an_cte;

/* One side of a JoinExpr.  Items point at the innermost join above
 * them; ->up leads outwards to the FROM entry. */
typedef struct an_join_step {
    json_t *join;               /* JoinExpr fields */
    int side;                   /* 0: under larg, 1: under rarg */
    struct an_join_step *up;    /* the join step above, NULL at the FROM entry */
} an_join_step;

/* One side of a set operation (UNION, INTERSECT, EXCEPT) above a
 * branch block.  Branches point at the innermost set operation above
 * them; ->up leads outwards to the query's root. */
typedef struct an_setop_step {
    json_t *setop;              /* SelectStmt fields of the set operation */
    int side;                   /* 0: under larg, 1: under rarg */
    struct an_setop_step *up;   /* the set operation above, NULL at the root */
    int reach;                  /* analyze_range.c's answer for this step and
                                   those above: 0 until asked, 1 reaches, 2 not */
} an_setop_step;

typedef struct an_item {
    an_item_kind kind;
    char *alias;            /* lower case: the alias, else the table name */
    char *qualified;        /* AN_TABLE: lower-case catalog.schema.table */
    int nparts;             /* AN_TABLE: how many parts of it were written (1-3);
                               the defaults stand in for the others */
    int via_identifier;     /* AN_TABLE named by IDENTIFIER('...') */
    int sampled;            /* under TABLESAMPLE: the rows are a sample */
    int historical;         /* time travel: an older version of the table */
    json_t *node;           /* the RangeVar / RangeSubselect / RangeFunction fields */
    an_block *block;        /* the block whose FROM holds this item */
    an_cte *cte;            /* AN_CTE_REF */
    an_join_step *join;     /* innermost join above the item, NULL if none */
    long long location;     /* bridged-text location, -1 if none */
} an_item;

/* A GROUP BY key.  expr is what the key means: for "GROUP BY 2" the
 * second select-list expression, for "GROUP BY alias" the aliased
 * expression; written is the key as written. */
typedef struct an_group_key {
    json_t *expr;
    json_t *written;
    int via_alias;          /* resolved through a select-list alias: Spark
                               prefers a FROM column of that name, which
                               sluice cannot rule out without schemas */
} an_group_key;

typedef struct an_aggregate {
    json_t *call;           /* FuncCall fields */
    const char *name;       /* the function name as written (any case) */
    int distinct;
    int star;               /* count(*) */
    json_t *args;           /* the argument array, NULL for none */
    json_t *filter;         /* the FILTER (WHERE ...) condition, or NULL */
} an_aggregate;

typedef struct an_output {
    const char *name;       /* output name as written (set-operation
                               branches: the leftmost branch's), or NULL */
    json_t *expr;           /* the select-list expression */
    json_t *target;         /* ResTarget fields */
    int star;               /* * or alias.*: stands for several columns */
} an_output;

struct an_block {
    json_t *select;         /* SelectStmt fields of a simple SELECT (op NONE) */
    an_item **items;
    size_t nitems;
    /* How this block is reached from outside; at most one is set. */
    an_item *derived;       /* the derived-table item (in another block) wrapping it */
    an_cte *cte;            /* the CTE whose body it is (or a branch of) */
    int in_expression;      /* an IN / EXISTS / scalar subquery */
    json_t *first_branch;   /* targetList of the leftmost branch of its set operation */
    an_setop_step *setop;   /* innermost set operation above this branch, NULL if none */
    int depth;              /* query nesting level, 0 for the statement's own */

    json_t **where;  size_t nwhere;     /* WHERE conjuncts */
    json_t **having; size_t nhaving;    /* HAVING conjuncts */
    an_group_key *group; size_t ngroup; /* GROUP BY keys (plain keys; see grouping_sets) */
    int grouping_sets;      /* GROUPING SETS / ROLLUP / CUBE in GROUP BY */
    an_aggregate *aggs; size_t naggs;   /* this level's aggregate calls */
    int has_window;         /* a window function (OVER) at this level */
    json_t **windows; size_t nwindows;  /* the OVER WindowDef of each window call at
                                           this level (select list, QUALIFY, ORDER BY) */
    int has_generator;      /* explode, posexplode, inline, stack, ... in the select
                               list, or a select item that is a call of a function
                               not in Spark's registry (it may be a UDTF) */
    int nondeterministic;   /* rand(), uuid(), shuffle(), ... or a function
                               not in Spark's registry, at this level */
    int nondeterministic_subquery; /* a subquery in an expression at this level
                               has a non-deterministic call (filter reach) */
    const char *unknown_function; /* the first function at this level not in
                               Spark's registry (an_is_unknown_function_name),
                               as written, or NULL */
    int time_dependent;     /* current_date(), now(), ... at this level */
    an_output *outputs; size_t noutputs;
};

struct an_cte {
    char *name;             /* lower case */
    json_t *query;          /* SelectStmt fields, NULL for a data-modifying CTE */
    json_t *colnames;       /* WITH name (a, b, ...): the alias list, NULL if none */
    const char *statement_kind; /* node name of a CTE body that is not a SELECT */
    long long location;
    an_item **refs;
    size_t nrefs;
};

typedef struct analysis {
    an_block **blocks;      /* in walk order; CTE bodies before their query */
    size_t nblocks;
    an_block *top;          /* the statement's own block, NULL for a set operation */
    an_item **items;
    size_t nitems;
    an_cte **ctes;
    size_t nctes;
    an_join_step **steps;   /* owned join steps */
    size_t nsteps;
    an_setop_step **setops; /* owned set-operation steps */
    size_t nsetops;
    struct {
        int set;
        long long location;     /* bridged-text location, -1 if unknown */
        char message[200];
    } incomplete;
} analysis;

/* Analyse a statement node ({"SelectStmt": ...}); catalog and schema
 * qualify unqualified table names (either may be NULL).  Statements of
 * other kinds get an empty analysis. */
void analysis_build(analysis *an, json_t *stmt, const char *catalog, const char *schema);
void analysis_free(analysis *an);

/* An AN_TABLE item's name as the author wrote it: the last nparts parts
 * of qualified (lower case). */
const char *analysis_written_name(const an_item *it);

/* Is it a catalog table the statement reads: an AN_TABLE with a
 * resolved name, not in the body of a CTE that no reference runs?  The
 * engine's table lists and lineage's both ask this. */
int analysis_item_reads_table(const an_item *it);

/* The output name of a select-list entry (its alias, else the last part
 * of a column reference, else NULL). */
const char *analysis_target_name(json_t *restarget_fields);

/* The column name an IN value of PIVOT gets (a ResTarget of the clause's
 * "in" list): its alias, or the text of a plain string or integer (an
 * integer is written into buf, of size bytes); NULL when sluice cannot
 * tell. */
const char *analysis_pivot_value_name(json_t *item, char *buf, size_t size);

/* ---- analyze_pred.c: names, columns and predicates ---------------- */

/* The classes of a function name (any case), as a bit mask of the
 * AN_FN_* bits below; one table for the whole program, built from
 * Spark's FunctionRegistry (analyze_pred.c).  A name not in it is
 * AN_FN_UNKNOWN (and nothing else): a UDF, or a built-in of a Spark or
 * Databricks release the table does not list. */
#define AN_FN_AGGREGATE 1u
#define AN_FN_GENERATOR 2u
#define AN_FN_NONDETERMINISTIC 4u
#define AN_FN_CLOCK 8u
#define AN_FN_WINDOW 16u
#define AN_FN_SCALAR 32u
#define AN_FN_UNKNOWN 64u
unsigned an_function_classes(const char *name);

/* Is name (any case) an aggregate function? */
int an_is_aggregate_name(const char *name);
/* Is name a generator (a function that returns several rows per row)? */
int an_is_generator_name(const char *name);
/* Is name a function whose result may differ between calls on the same
 * input (rand, uuid, shuffle, first, ...)?  Also for every unknown name:
 * a UDF may be non-deterministic. */
int an_is_nondeterministic_name(const char *name);
/* Is name not in Spark's function registry (AN_FN_UNKNOWN)? */
int an_is_unknown_function_name(const char *name);
/* Is name a function of the clock (current_date, now, ...)? */
int an_is_time_function_name(const char *name);
/* Is name (any case) one of Spark's built-in table-valued functions
 * (TableFunctionRegistry: range, the generators, sql_keywords,
 * collations)?  Each computes its rows from its arguments alone: it reads
 * no stored data and is deterministic when its arguments are.  Any other
 * name in FROM (read_files, read_kafka, a UDTF, a function newer than
 * the list) may read anything and may be non-deterministic. */
int an_is_table_function_name(const char *name);

/* The last part of a FuncCall's name, NULL if none. */
const char *an_func_name(json_t *funccall_fields);

/* Does the expression contain an aggregate call of its own query level
 * (subqueries and window calls excluded)? */
int an_has_aggregate(json_t *expr);

/* Is this groupClause GROUP BY ALL (dialect.c, w_all_group)?  Its keys
 * are the select items without an aggregate. */
int an_is_group_by_all(json_t *group_clause);

/* Append node to a list built only by an_push_node (and an_conjuncts),
 * growing it geometrically.  Free the list with free(). */
void an_push_node(json_t ***list, size_t *n, json_t *node);

/* Append the conjuncts of cond (AND lists flattened, at any nesting) to
 * *list, a list built by an_push_node.  Stops at depth AN_MAX_DEPTH; returns -1 then. */
int an_conjuncts(json_t *cond, json_t ***list, size_t *n);

/* For a block that carries PIVOT / UNPIVOT (its SelectStmt has
 * "sl_pivot", see parse.c): does source column col leave it unchanged
 * under its own name?  Only a column the clause does not use and that
 * no column it generates could be named like; a filter on it outside
 * filters the rows going in.  Other blocks: 1. */
int an_pivot_passes(const an_block *blk, const char *col);

/* Can a rule add a WHERE condition or a hint to this block?  Always,
 * unless it carries PIVOT / UNPIVOT whose clause names columns by their
 * table (sum(t.x)): the emitter prints such a block's source as
 * (SELECT * FROM src WHERE ...), where t no longer names anything. */
int an_block_takes_clauses(const an_block *blk);

/* Is e (an expression of blk) equal to one of blk's plain GROUP BY
 * keys?  Locations are ignored. */
int an_is_group_key(const an_block *blk, json_t *e);

/* Does every column reference in e name a GROUP BY key of blk, with no
 * aggregate, window or subquery in e?  (A HAVING conjunct of that shape
 * filters groups by their keys, so it filters the rows below.) */
int an_refers_to_keys_only(const an_block *blk, json_t *e);

/* ---- analyze_norm.c: the same expression, spelled differently ----- */

/* Truncation levels of DateTimeUtils (TRUNC_TO_*), finest first. */
enum {
    AN_TRUNC_INVALID = -1, AN_TRUNC_MICROSECOND = 0, AN_TRUNC_MILLISECOND, AN_TRUNC_SECOND,
    AN_TRUNC_MINUTE, AN_TRUNC_HOUR, AN_TRUNC_DAY, AN_TRUNC_WEEK, AN_TRUNC_MONTH,
    AN_TRUNC_QUARTER, AN_TRUNC_YEAR
};

/* The level a date_trunc / trunc unit names ('MONTH', 'mon', 'MM', ...),
 * AN_TRUNC_INVALID for anything else (NULL included). */
int an_trunc_level(const char *unit);

/* Is e date_trunc(unit, x) (AN_TRUNC_DATE_TRUNC: a TIMESTAMP) or
 * trunc(x, unit) (AN_TRUNC_TRUNC: a DATE) with a constant unit naming a
 * level it truncates to?  Sets *level and *arg (x); either may be NULL. */
enum { AN_TRUNC_NONE = 0, AN_TRUNC_DATE_TRUNC = 1, AN_TRUNC_TRUNC = 2 };
int an_trunc_call(json_t *e, int *level, json_t **arg);

/* Is the FuncCall (fields) a COUNT of every row: count(*), or COUNT of
 * one non-NULL literal, without DISTINCT, FILTER or OVER? */
int an_counts_rows(json_t *funccall_fields);

/* Type classes of a column, as a literal compared with it needs them. */
enum { AN_CLASS_UNKNOWN = 0, AN_CLASS_STRING, AN_CLASS_NUMERIC, AN_CLASS_DATE,
       AN_CLASS_TIMESTAMP_NTZ, AN_CLASS_OTHER };

/* How the caller compares what it knows better: column references (a's
 * and b's ColumnRef fields; 1 same, 0 not) and the declared type class
 * of a column (AN_CLASS_*).  Either may be NULL: columns are then
 * compared as written, and no type is known. */
typedef struct an_norm {
    int (*column)(json_t *a_fields, json_t *b_fields, void *ctx);
    int (*type_class)(json_t *colref_fields, void *ctx);
    void *ctx;
    const struct an_clock *clock; /* the request's (implication of ranges); may be NULL */
} an_norm;

/* Are a and b the same expression to Spark, up to the spellings
 * analyze_norm.c lists (locations ignored)? */
int an_norm_equal(const an_norm *n, json_t *a, json_t *b);

/* Does the conjunction of q[0..nq) imply a, every row it keeps also
 * kept by a?  One q[i] equal to a (an_norm_equal); x IS NOT NULL by a
 * comparison, IN, BETWEEN or LIKE of x; x IN (v...) or x = v by an IN or
 * = whose values are all among them (every value a literal of the class
 * of x's declared type, STRING or numeric); x op v / x BETWEEN v AND w
 * on a column declared DATE or TIMESTAMP_NTZ, v literals, by the window
 * the q[i] together allow x (analyze_range.c's bounds; none may read the
 * clock).  Anything else: 0. */
int an_norm_implies(const an_norm *n, json_t **q, size_t nq, json_t *a);

/* ---- analyze_range.c: filter reach --------------------------------- */
/* Which filters reach the scan of an item, the way Spark's
 * PushDownPredicates moves them (the tables and the rules they follow
 * are in analyze_range.c; docs/filter-reach.md).  Every answer errs
 * towards "does not reach".  The bounds these filters put on a column
 * at a scan: analyze_range.h. */

/* Can any filter of item's own block (WHERE, ON) reach its scan?  Not
 * under TABLESAMPLE, nor for a table whose columns an alias list
 * renames.  The WHERE also needs an_reach_where(). */
int an_reach_block_filters(const an_item *item);
/* Do the WHERE conjuncts of item's own block reach it?  Also needs the
 * item visible (an_reach_visible) and the block's LATERAL VIEW
 * generators deterministic. */
int an_reach_where(const an_item *item);
/* Do the HAVING conjuncts on GROUP BY keys of item's block reach it? */
int an_reach_having(const an_item *item);
/* Does the ON condition of join step st reach the side st is on (the
 * item's, for a step of item->join)?  By join type. */
int an_reach_join_on(const an_join_step *st);
/* Does no filter above join step st name the columns of st's side?
 * 1 for the right side of a LEFT SEMI / LEFT ANTI join, which outputs
 * the left side's columns only (and for a join sluice does not know). */
int an_reach_join_hides(const an_join_step *st);
/* Are item's columns visible outside the ON of every join above it? */
int an_reach_visible(const an_item *item);
/* Can item's columns be named by a filter?  0 for a catalog table under
 * an alias column list (FROM t AS x (a, b)), whose columns sluice cannot
 * tell apart without the table's schema. */
int an_reach_names_known(const an_item *item);
/* The name under which a filter outside item's block -- on the derived
 * table or on a reference of the CTE whose body the block is -- names
 * item's column cols[0] (cols: NULL-terminated, the column and what it
 * is generated from), or NULL when such a filter does not reach the
 * scan: every operator of the block and every set operation above it
 * must let it through, and the name follows the derived table's or the
 * CTE's alias list by position.  *pos receives the output position,
 * (size_t)-1 when a * hides it.  Which select-list entry and which keys
 * are item's column is read from the statement's bindings, res
 * (resolve.h; NULL: none is). */
struct resolution;
const char *an_reach_exit(const struct resolution *res, const an_item *item,
                          const char *const *cols, size_t *pos);
/* For a CTE reference: the name the reference gives the CTE's column
 * name at position pos (its own alias list: FROM d AS x (a, b)), or
 * NULL when pos is unknown and the reference renames by position. */
const char *an_reach_ref_name(const an_item *ref, size_t pos, const char *name);
/* The name at position pos of an Alias with a column list (AS x (a, b)),
 * name itself when alias has no list, NULL when pos is past its end. */
const char *an_alias_column(json_t *alias, size_t pos, const char *name);

#endif
