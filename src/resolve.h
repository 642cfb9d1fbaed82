/*
 * resolve.h - name resolution: every column reference of a statement
 * bound once to what it reads (SQLite's resolve.c is the model; Spark's
 * Analyzer rules are the reference, cited in resolve.c).
 *
 * What it holds, built from an analysis (analyze.h) and, optionally, the
 * columns the rules declare for tables (rules.h, tables[].columns):
 *   - one rs_binding per ColumnRef of the statement (looked up by the
 *     ColumnRef's fields object with resolve_lookup), saying what the
 *     name reads: a column of a FROM item, a column of an outer query, a
 *     select-list alias, a lambda variable, a struct field of a column,
 *     or that it is UNRESOLVED or AMBIGUOUS, with the reason;
 *   - per FROM item the columns it outputs, when known (declared table
 *     columns, derived table and CTE outputs, alias column lists,
 *     LATERAL VIEW names, VALUES columns);
 *   - per query block its output columns with * expanded, when known,
 *     each with the select-list expression that produces it.
 *
 * Not bound (resolve_lookup answers NULL): * and t.* (their columns are
 * in the block's outputs), the GROUP BY ALL marker, and the names
 * UNPIVOT declares (its value and name columns), which name new
 * columns rather than read any.
 *
 * A binding is never guessed.  Without declared columns sluice does not
 * know which columns a catalog table has: an unqualified name with one
 * FROM item that could own it and no other candidate is bound to that
 * item; with two candidates it is AMBIGUOUS.  See docs/resolution.md.
 *
 * Ownership and staleness.  A resolution borrows the analysis, the
 * rules and the AST; it owns its arrays and strings, freed by
 * resolve_free().  Like the analysis, it describes the tree when it was
 * built: after any edit, every pointer in it may be stale (the rewrite
 * driver drops it together with the analysis; check_resolution() in
 * check.h builds it again on demand).
 */
#ifndef SLUICE_RESOLVE_H
#define SLUICE_RESOLVE_H

#include <jansson.h>
#include <stddef.h>

#include "analyze.h"
#include "rules.h"

/* A position not known (a column behind an undeclared table's *). */
#define RS_NO_POSITION ((size_t)-1)

typedef enum rs_kind {
    RS_UNRESOLVED,  /* no FROM item, alias, outer query or lambda has the name (why says) */
    RS_AMBIGUOUS,   /* more than one could own it; sluice does not choose (why says which) */
    RS_COLUMN,      /* a column of a FROM item of the reference's own block */
    RS_OUTER,       /* a column of a FROM item of an enclosing query (correlated),
                       or of an earlier FROM item for a LATERAL subquery */
    RS_ALIAS,       /* a select-list alias of the block (ORDER BY, GROUP BY / HAVING
                       fallback, lateral column alias, QUALIFY) */
    RS_LAMBDA,      /* a lambda variable (x in x -> x + 1), or its declaration */
    RS_FIELD        /* a struct field of a column of the block's own FROM item:
                       s.f with no item named s (field says "f") */
} rs_kind;

/* Where a reference is: what Spark lets it name depends on it. */
typedef enum rs_clause {
    RS_IN_SELECT,   /* the select list */
    RS_IN_WHERE,
    RS_IN_GROUP,    /* GROUP BY */
    RS_IN_HAVING,
    RS_IN_ORDER,    /* ORDER BY, SORT BY, DISTRIBUTE BY, CLUSTER BY */
    RS_IN_QUALIFY,
    RS_IN_WINDOW,   /* a named WINDOW definition */
    RS_IN_ON,       /* a join's ON condition */
    RS_IN_FROM,     /* arguments of a table function / LATERAL VIEW generator, TABLESAMPLE */
    RS_IN_PIVOT,    /* a PIVOT / UNPIVOT clause */
    RS_IN_EXCEPT,   /* * EXCEPT (...) */
    RS_IN_SETOP_ORDER, /* ORDER BY of a set operation (names its output) */
    RS_IN_OTHER     /* LIMIT, OFFSET, VALUES rows, ... */
} rs_clause;

/* One output column of a FROM item or of a query block. */
typedef struct rs_column {
    const char *name;       /* its name (as declared or written; compare with
                               strcasecmp), NULL when Spark generates one that
                               sluice does not spell (SELECT sum(x)) */
    size_t position;        /* 0-based position in its list */
    const char *type;       /* declared type as written, or NULL */
    json_t *expr;           /* a block output: the select-list expression that
                               produces it (for a derived table or CTE column,
                               that of the leftmost branch; resolve_item_bodies
                               gives every branch); NULL for a * expansion and
                               for columns of catalog tables and functions */
    an_item *from_item;     /* a * expansion: the FROM item the column comes
                               from, and its position there; a derived table or
                               CTE column: NULL */
    size_t from_position;
} rs_column;

typedef struct rs_columns {
    rs_column *v;
    size_t n;
    int complete;           /* 1: v is every column, in order; 0: only the
                               columns listed are known (an undeclared table,
                               a * over one, a generator without names) */
} rs_columns;

typedef struct rs_binding {
    json_t *ref;            /* the ColumnRef's fields object */
    an_block *block;        /* the block whose clause holds it (a set
                               operation's ORDER BY: its leftmost branch) */
    rs_clause clause;       /* which clause */
    rs_kind kind;
    an_item *item;          /* COLUMN, FIELD, OUTER: the FROM item owning the
                               column (a USING / NATURAL merged column: the
                               side whose value Spark outputs, the left one
                               unless RIGHT JOIN) */
    an_item *merged;        /* a USING / NATURAL merged column: the other
                               side's item (FULL JOIN: the value is
                               coalesce(item, merged)); NULL otherwise */
    const char *column;     /* COLUMN, FIELD, OUTER: the column (declared
                               spelling when known, else as written); ALIAS:
                               the alias; LAMBDA: the variable */
    size_t position;        /* COLUMN, FIELD, OUTER: its position in the item's
                               columns (resolve_item_columns), RS_NO_POSITION
                               when not known; ALIAS: the select-list index */
    int level;              /* OUTER: how many queries out (1: the enclosing
                               one, or the FROM of a LATERAL subquery); else 0 */
    an_output *output;      /* ALIAS: the select-list entry */
    const char *field;      /* FIELD, or OUTER / COLUMN reached through a
                               struct: the field path after the column, dotted
                               ("f", "f.g"); else NULL */
    json_t *lambda;         /* LAMBDA: the A_Expr fields of the lambda (x -> ...) */
    const char *why;        /* UNRESOLVED, AMBIGUOUS: the reason, a sentence
                               naming the candidates; else NULL */
} rs_binding;

typedef struct rs_private rs_private;

typedef struct resolution {
    analysis *an;           /* borrowed */
    const rules *rules;     /* borrowed, may be NULL */
    rs_binding *bindings;   /* every binding, in walk order */
    size_t nbindings;
    size_t nunresolved;     /* how many are RS_UNRESOLVED */
    size_t nambiguous;      /* how many are RS_AMBIGUOUS */
    rs_private *priv;       /* item columns, block outputs, the lookup index */
} resolution;

/* Bind every column reference of the analysed statement.  ru may be NULL
 * (no declared columns).  Returns 0; the resolution then needs
 * resolve_free().  What the analysis could not describe
 * (an->incomplete) holds no bindings. */
int resolve_build(resolution *res, analysis *an, const rules *ru);
void resolve_free(resolution *res);

/* The binding of a ColumnRef (its fields object, as ast_unwrap gives it),
 * or NULL for a node that is no bound reference (see above). */
const rs_binding *resolve_lookup(const resolution *res, json_t *columnref_fields);

/* The columns item outputs (never NULL; complete = 0 when not all known). */
const rs_columns *resolve_item_columns(const resolution *res, const an_item *item);

/* The output columns of blk, * expanded where the items' columns are
 * known (never NULL).  For a set-operation branch, the names are the
 * leftmost branch's. */
const rs_columns *resolve_block_outputs(const resolution *res, const an_block *blk);

/* The blocks that compute a derived table's or CTE reference's rows:
 * the branches of its body's set operation, leftmost first (one for a
 * plain SELECT).  Up to cap are stored in out; returns how many there
 * are (0 for catalog tables and functions). */
size_t resolve_item_bodies(const resolution *res, const an_item *item, an_block **out,
                           size_t cap);

/* One FROM item an AMBIGUOUS reference could read (resolve_candidates). */
typedef struct rs_candidate {
    an_item *item;          /* the item (a USING / NATURAL join column: the
                               side whose value Spark outputs) */
    an_item *merged;        /* a USING / NATURAL join column: the other side */
    const char *column;     /* the column as the item spells it; NULL when
                               the item's columns are not declared */
    size_t position;        /* in the item's columns, RS_NO_POSITION if unknown */
    int certain;            /* 1: the item has the column; 0: it may have it
                               (its columns are not all known) */
} rs_candidate;

/* The FROM items an AMBIGUOUS binding is ambiguous between, when they
 * are items of the reference's own query (two or more of them, or one
 * whose columns are not declared beside a select-list alias of that
 * name), in FROM order.  Up to cap are stored in out; returns how many
 * there are: 0 for any other binding, and for an ambiguity sluice does
 * not list (an enclosing query's items, a select-list entry of ORDER BY,
 * a struct field or an enclosing column, more than 16 candidates). */
size_t resolve_candidates(const resolution *res, const rs_binding *b, rs_candidate *out,
                          size_t cap);

/* The binding b would have if item were known to have a column named
 * column, which the rules may say where tables[].columns does not (a
 * partitioned table has its partition column, an aggregate's base table
 * its dimensions).  Spark resolves as it always does; sluice now knows
 * one more column:
 *   - b AMBIGUOUS between FROM items of its own query (resolve_candidates)
 *     naming column, with item among them (or merged into one): when every
 *     other candidate only may have the column (its columns not declared)
 *     and is not the same table or CTE as item (which would surely have
 *     it too), the reference reads item's column if the query runs at
 *     all -- were another to have it as well, Spark would stop with an
 *     ambiguous reference (AttributeSeq.resolve) and read nothing.  A
 *     select-list alias of the name beside it no longer matters in the
 *     select list and GROUP BY (a FROM column comes first); in HAVING and
 *     QUALIFY it still does.  *out is then that COLUMN binding;
 *   - anything else: b itself, unchanged (a certain other owner, a
 *     column named twice, an enclosing query's candidates).
 * Returns b or out. */
const rs_binding *resolve_given(const resolution *res, const rs_binding *b, const an_item *item,
                                const char *column, rs_binding *out);

/* The query block a SelectStmt (its fields object) is, NULL when it is
 * none (a set operation, a node of another tree). */
an_block *resolve_block_of_select(const resolution *res, json_t *select);

/* The blocks that compute a SelectStmt's rows: the block itself for a
 * plain SELECT, every branch for a set operation (nested ones included),
 * leftmost first.  Up to cap are stored in out; returns how many there
 * are (0 for a node of no block). */
size_t resolve_select_blocks(const resolution *res, json_t *select, an_block **out, size_t cap);

/* The printable form of a binding, for tests and --explain:
 *   "column t.a@0"  "column t.a@?"  "column t.k@0 merged u"
 *   "field t.s@1 .f"  "outer(1) t.a@0"  "column cte:c.x@0"  "column sub:d.x@1"
 *   "column fn:e.x@0"  "alias x#2"  "lambda x"
 *   "unresolved: <why>"  "ambiguous: <why>"
 * (item by its alias, ? when it has none, prefixed by its kind unless a
 * catalog table; position after @, ? when unknown).  Writes at most
 * size bytes to buf and returns buf. */
const char *resolve_describe(const rs_binding *b, char *buf, size_t size);

#endif
