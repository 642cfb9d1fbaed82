/*
 * analyze_range.c - range reasoning as an analysis: which filters of a
 * statement reach the scan of a FROM item, the way Spark's optimizer
 * pushes them down (filter reach, questions in analyze.h), and the
 * window of values those filters allow a column at the scan (bounds,
 * analyze_range.h).
 *
 * A date filter prunes partitions only when it ends up directly above
 * the scan (FileSourceStrategy and PruneFileSourcePartitions read the
 * Filter nodes right above the relation).  It gets there through
 * PushDownPredicates (CombineFilters, PushPredicateThroughNonJoin,
 * PushPredicateThroughJoin in apache/spark sql/catalyst/.../optimizer/
 * Optimizer.scala), which runs after the "Replace Operators" batch has
 * turned INTERSECT and EXCEPT into joins or unions, and next to
 * EliminateOuterJoin and InferFiltersFromConstraints.  What a rule does
 * not push through, it leaves above: the scan below reads everything.
 *
 * The reach questions, each answered from one table below whose rows
 * cite the Spark rule they follow:
 *   - the filters of the item's own block (WHERE, HAVING on GROUP BY
 *     keys): an_reach_block_filters();
 *   - the ON of each join above the item, by join type:
 *     an_reach_join_on();
 *   - a filter outside the block, on the derived table or CTE reference
 *     the block is the body of: an_reach_exit() says whether it passes
 *     every operator of the block and every set operation above it, and
 *     under which name (alias lists rename by position), and
 *     an_reach_ref_name() follows a CTE reference's own alias list;
 *   - whether an item's columns can be named at all:
 *     an_reach_names_known().
 * The bounds (second half of this file) combine the answers into
 * windows, one system of equations per statement (an_ranges), reading
 * constants through analyze_const.c; and an_block_reads_nothing() says
 * which blocks Spark prunes before they read anything.  partition-filter
 * measures windows with them; aggregate-routing reads the upper bound of
 * a time dimension.
 *
 * Every answer errs towards "does not reach" and "no bound": a filter
 * that does not reach leaves a scan unbounded, which a guard refuses; a
 * filter wrongly believed to reach would let a full scan through.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "analyze_range.h"
#include "ast.h"
#include "dates.h"
#include "resolve.h"
#include "sbuf.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* The i-th name of an alias column list (a list of String nodes). */
static const char *colname_at(json_t *colnames, size_t i)
{
    return ast_string_value(json_array_get(colnames, i));
}

const char *an_alias_column(json_t *alias, size_t pos, const char *name)
{
    json_t *colnames = ast_get(alias, "colnames");
    if (!colnames)
        return name;
    return pos < json_array_size(colnames) ? colname_at(colnames, pos) : NULL;
}

int an_reach_names_known(const an_item *item)
{
    /* FROM t AS x (a, b, ...) renames t's columns by position; without
     * the table's schema sluice cannot tell which is the partition
     * column, so no filter names it. */
    return item->kind != AN_TABLE || !ast_get(ast_get(item->node, "alias"), "colnames");
}

/* Is o below the other side of the JoinExpr of join step st (whose
 * side holds the item st was reached from)? */
static int under_other_side(const an_item *o, const an_join_step *st)
{
    for (const an_join_step *s = o->join; s; s = s->up)
        if (s->join == st->join)
            return s->side != st->side;
    return 0;
}

/* A USING / NATURAL join column item shares with other: does a FULL
 * JOIN make it coalesce(item.c, other.c) on the way up to the join that
 * merges the two?  Spark pushes a filter on that to neither side
 * (PushPredicateThroughJoin.canPushThrough(FullOuter) is false, and
 * EliminateOuterJoin finds no conjunct on one side's columns alone).
 * When the merging join is not found: 1 (no bound). */
static int merged_through_full_join(const an_item *item, const an_item *other)
{
    for (const an_join_step *st = item->join; st; st = st->up) {
        if (strcmp(ast_str(st->join, "jointype"), "JOIN_FULL") == 0)
            return 1;
        if (under_other_side(other, st))
            return 0;
    }
    return 1;
}

/*
 * Does e read item's column, one of cols (the column asked about and
 * the column it is generated from)?  By e's binding (resolve.h), read
 * with what the caller knows: item has that column (resolve_given; the
 * rules say a partitioned table has its partition column, an aggregate's
 * base table its dimensions).  A reference sluice cannot bind to item
 * (ambiguous, unresolved, an enclosing query's, a struct field, an
 * alias) is not item's column: the guard never counts a filter it cannot
 * place as a bound.  A USING / NATURAL join column is either side's
 * (InferFiltersFromConstraints carries a filter on one side's to the
 * other through the join's equality), unless a FULL JOIN merged it.
 */
static int reads_item_column(const resolution *res, json_t *e, const an_item *item,
                             const char *const *cols)
{
    json_t *f;
    if (!res || ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    const rs_binding *b = resolve_lookup(res, f);
    json_t *fields = ast_get(f, "fields");
    const char *col = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    const char *asked = NULL;
    for (const char *const *c = cols; col && *c && !asked; c++)
        if (strcasecmp(col, *c) == 0)
            asked = *c;
    if (!b || !asked)
        return 0;
    rs_binding given;
    b = resolve_given(res, b, item, asked, &given);
    if (b->kind != RS_COLUMN || b->field || !b->column || strcasecmp(b->column, asked) != 0)
        return 0;
    if (b->item == item)
        return !b->merged || !merged_through_full_join(item, b->merged);
    if (b->merged == item)
        return !merged_through_full_join(item, b->item);
    return 0;
}

/* Is e a column of another FROM item of self's block, bound exactly
 * (not a USING / NATURAL join column, which is self's too)?  Sets
 * *item_out and *col_out. */
static int reads_other_column(const resolution *res, json_t *e, const an_item *self,
                              an_item **item_out, const char **col_out)
{
    json_t *f;
    if (!res || ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    const rs_binding *b = resolve_lookup(res, f);
    if (!b || b->kind != RS_COLUMN || b->field || b->merged || !b->column || b->item == self ||
        b->item->block != self->block)
        return 0;
    *item_out = b->item;
    *col_out = b->column;
    return 1;
}

/* Is target i a * or alias.*, whose width sluice cannot know? */
static int is_star_target(json_t *targets, size_t i)
{
    json_t *rf, *vf;
    if (ast_unwrap(json_array_get(targets, i), &rf, NULL) != AST_ResTarget)
        return 1;
    if (ast_unwrap(ast_get(rf, "val"), &vf, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(vf, "fields");
    return ast_unwrap(json_array_get(fields, json_array_size(fields) - 1), NULL, NULL) ==
           AST_A_Star;
}

/* Is target i at a known position: no * before it? */
static int position_known(json_t *targets, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (is_star_target(targets, k))
            return 0;
    return 1;
}

/* Is there a call of a non-deterministic function anywhere below
 * (subqueries included)? */
static ast_walk_rc note_nondeterministic(ast_walker *w, json_t *node, ast_kind kind, json_t *f)
{
    (void)node;
    if (kind == AST_FuncCall && an_is_nondeterministic_name(an_func_name(f))) {
        *(int *)w->ctx = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

static int has_nondeterministic(json_t *tree)
{
    int found = 0;
    ast_walker w = {.fn = note_nondeterministic, .ctx = &found, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, tree);
    return found;
}

/* ------------------------------------------------------------------ */
/* Joins                                                               */

/*
 * The ON condition of a join: which sides a conjunct on one side's
 * columns reaches (PushPredicateThroughJoin, second case: "push down the
 * join filter into sub query scanning"), and the same for the filters
 * InferFiltersFromConstraints derives through an equality of the ON.
 * SEMI and ANTI joins travel as LEFT JOIN with "sl_join" (parse.c).
 */
static const struct join_row {
    const char *sql;
    const char *jointype;       /* JoinExpr.jointype */
    const char *kind;           /* JoinExpr.sl_join, NULL for none */
    int left, right;            /* the ON reaches this side */
    int hides_right;            /* the right side's columns are not output */
    const char *rule;
} join_rows[] = {
    {"[INNER] JOIN, CROSS JOIN, comma", "JOIN_INNER", NULL, 1, 1, 0,
     "PushPredicateThroughJoin: InnerLike pushes single-side ON conjuncts to both sides"},
    {"LEFT [OUTER] JOIN", "JOIN_LEFT", NULL, 0, 1, 0,
     "PushPredicateThroughJoin: LeftOuter pushes ON conjuncts to the right side only"},
    {"RIGHT [OUTER] JOIN", "JOIN_RIGHT", NULL, 1, 0, 0,
     "PushPredicateThroughJoin: RightOuter pushes ON conjuncts to the left side only"},
    {"FULL [OUTER] JOIN", "JOIN_FULL", NULL, 0, 0, 0,
     "PushPredicateThroughJoin.canPushThrough(FullOuter) is false"},
    {"LEFT SEMI JOIN", "JOIN_LEFT", "semi", 1, 1, 1,
     "PushPredicateThroughJoin: InnerLike | LeftSemi pushes single-side ON conjuncts to both "
     "sides; a LeftSemi join outputs the left side's columns only"},
    {"LEFT ANTI JOIN", "JOIN_LEFT", "anti", 0, 1, 1,
     "PushPredicateThroughJoin: LeftOuter | LeftAnti pushes ON conjuncts to the right side "
     "only; a LeftAnti join outputs the left side's columns only"},
};

static const struct join_row *join_row_of(const an_join_step *st)
{
    const char *jt = ast_str(st->join, "jointype");
    const char *kind = json_string_value(ast_get(st->join, "sl_join"));
    for (size_t i = 0; i < sizeof join_rows / sizeof *join_rows; i++) {
        const struct join_row *r = &join_rows[i];
        if (strcmp(r->jointype, jt) == 0 &&
            (r->kind ? kind && strcmp(r->kind, kind) == 0 : !kind))
            return r;
    }
    return NULL;
}

int an_reach_join_on(const an_join_step *st)
{
    const struct join_row *r = join_row_of(st);
    if (!r)
        return 0;       /* a join sluice does not know: nothing reaches */
    return st->side ? r->right : r->left;
}

int an_reach_join_hides(const an_join_step *st)
{
    const struct join_row *r = join_row_of(st);
    return st->side == 1 && (!r || r->hides_right);
}

int an_reach_visible(const an_item *item)
{
    for (const an_join_step *st = item->join; st; st = st->up)
        if (an_reach_join_hides(st))
            return 0;
    return 1;
}

/*
 * The filters of the item's own block (the WHERE also needs
 * an_reach_where()).  The WHERE is a Filter above the
 * block's joins: PushPredicateThroughJoin pushes a conjunct on one
 * side's columns into that side for inner joins and into the preserved
 * side of outer, semi and anti joins; on the null-supplying side of an
 * outer join, EliminateOuterJoin first turns the join into an inner (or
 * one-sided) join, since every conjunct sluice reads a bound from (a
 * comparison, BETWEEN, IN, an OR of them) rejects the null rows.  The
 * HAVING conjuncts on GROUP BY keys go below the Aggregate (see
 * block_rows).  Nothing goes below a Sample: PushPredicateThroughNonJoin
 * has no case for it (canPushThrough lists no Sample), so
 * "t TABLESAMPLE (...) WHERE d >= x" reads every partition of t, and so
 * does an ON above it.  And nothing outside the ON of a LEFT SEMI or
 * LEFT ANTI join names its right side, whose columns the join does not
 * output: an unqualified name there is another item's (or an error).
 */
int an_reach_block_filters(const an_item *item)
{
    return !item->sampled && an_reach_names_known(item);
}

/* Are the block's table functions and LATERAL VIEW generators
 * deterministic?  Spark applies a generator (Generate) between the FROM
 * and the WHERE, and pushes a filter through a Generate only if its
 * expressions are deterministic (PushPredicateThroughNonJoin:
 * u.expressions.forall(_.deterministic)); range() is a leaf (Range) that
 * a filter on the other side of its join passes by.  A built-in table
 * function is deterministic when its arguments are; any other (a UDTF,
 * read_files) may not be, so no WHERE reaches across it. */
static int generators_deterministic(const an_block *blk)
{
    int found = 0;
    for (size_t i = 0; i < blk->nitems && !found; i++) {
        const an_item *it = blk->items[i];
        if (it->kind != AN_FUNCTION)
            continue;
        json_t *cf;
        for (size_t k = 0; k < json_array_size(ast_get(it->node, "functions")) && !found; k++) {
            ast_range_function_call(it->node, k, &cf);
            found = cf && json_array_size(ast_get(cf, "funcname")) == 1 &&
                            an_is_table_function_name(an_func_name(cf))
                        ? has_nondeterministic(ast_get(cf, "args"))
                        : 1;
        }
    }
    return !found;
}

int an_reach_where(const an_item *item)
{
    return an_reach_block_filters(item) && an_reach_visible(item) &&
           generators_deterministic(item->block);
}

/* The HAVING conjuncts on GROUP BY keys go below the Aggregate
 * (PushPredicateThroughNonJoin, Aggregate case), which needs every
 * aggregate expression deterministic, and then into the WHERE's Filter,
 * which CombineFilters merges only if it is deterministic too. */
int an_reach_having(const an_item *item)
{
    return an_reach_where(item) && !item->block->nondeterministic &&
           !item->block->nondeterministic_subquery;
}

/* ------------------------------------------------------------------ */
/* The operators of a block                                            */

typedef struct reach_ctx {
    const resolution *res;
    const an_item *item;
    const char *const *cols;
    const an_block *blk;
} reach_ctx;

/* The PARTITION BY list of a window, following a named window
 * (OVER w, OVER (w ORDER BY ...)) through the block's WINDOW clause;
 * NULL when sluice cannot tell. */
static json_t *window_partition(const an_block *blk, json_t *over)
{
    json_t *wc = ast_get(blk->select, "windowClause");
    /* Each step follows one name; a chain longer than the clause is a cycle. */
    for (size_t steps = 0; over && steps <= json_array_size(wc); steps++) {
        json_t *part = ast_get(over, "partitionClause");
        const char *ref = json_string_value(ast_get(over, "refname"));
        if (!ref && !ast_get(over, "orderClause"))
            ref = json_string_value(ast_get(over, "name"));
        if (part || !ref)
            return part;
        json_t *next = NULL, *w, *wf;
        size_t i;
        json_array_foreach(wc, i, w)
            if (ast_unwrap(w, &wf, NULL) == AST_WindowDef &&
                strcmp(ast_str(wf, "name"), ref) == 0 && wf != over)
                next = wf;
        over = next;
    }
    return NULL;
}

static int r_limit(const reach_ctx *c)
{
    return !ast_get(c->blk->select, "limitCount") && !ast_get(c->blk->select, "limitOffset");
}

/* analyze.c (note_call) sets nondeterministic for a call of a function
 * an_is_nondeterministic_name() names anywhere at this level, and
 * nondeterministic_subquery for one in a subquery of its expressions. */
static int r_deterministic(const reach_ctx *c)
{
    return !c->blk->nondeterministic && !c->blk->nondeterministic_subquery;
}

/* The column must be a grouping key: written as itself, as its ordinal
 * (GROUP BY 1), through GROUP BY ALL, or as its select alias (SELECT d
 * AS day ... GROUP BY day; were "day" a column of the FROM instead,
 * Spark would group by that and refuse the select list's d, so a query
 * that runs groups by d). */
static int r_aggregate(const reach_ctx *c)
{
    if (!ast_get(c->blk->select, "groupClause"))
        return 1;
    for (size_t i = 0; i < c->blk->ngroup; i++)
        if (reads_item_column(c->res, c->blk->group[i].expr, c->item, c->cols))
            return 1;
    return 0;
}

static int r_expand(const reach_ctx *c)
{
    return !c->blk->grouping_sets;
}

static int r_window(const reach_ctx *c)
{
    for (size_t i = 0; i < c->blk->nwindows; i++) {
        json_t *part = window_partition(c->blk, c->blk->windows[i]), *pe;
        size_t k;
        int ok = 0;
        json_array_foreach(part, k, pe)
            ok |= reads_item_column(c->res, pe, c->item, c->cols);
        if (!ok)
            return 0;
    }
    return 1;
}

static int r_pivot(const reach_ctx *c)
{
    for (int k = 0; c->cols[k]; k++)
        if (!an_pivot_passes(c->blk, c->cols[k]))
            return 0;
    return 1;
}

/*
 * The operators a simple SELECT puts between its scans and a filter on
 * its output, bottom up: Generate (LATERAL VIEW, a generator in the
 * select list), Filter (WHERE), Expand and Aggregate (GROUP BY,
 * DISTINCT), Filter (HAVING), Window, Filter (QUALIFY), Project, Sort,
 * Limit.  A filter on the block's output reaches its scans only if every
 * row passes.  Pivot and Distinct become an Aggregate in the analyzer
 * and ReplaceDistinctWithAggregate; a Project of only the column passes.
 */
static const struct block_row {
    const char *op;             /* Spark's logical operator */
    const char *sql;            /* what makes it in SQL */
    int (*passes)(const reach_ctx *c);
    const char *rule;
} block_rows[] = {
    {"GlobalLimit / LocalLimit / Offset", "LIMIT, OFFSET", r_limit,
     "no rule pushes a Filter below a Limit (PushPredicateThroughNonJoin has no case for it)"},
    {"Project", "the select list", r_deterministic,
     "PushPredicateThroughNonJoin: Project only if fields.forall(_.deterministic) (SPARK-13473)"},
    {"Sort, Generate, Repartition", "ORDER BY, SORT BY, LATERAL VIEW, explode(), "
     "DISTRIBUTE BY, CLUSTER BY", r_deterministic,
     "PushPredicateThroughNonJoin: canPushThrough(u) && u.expressions.forall(_.deterministic)"},
    {"Filter", "WHERE, HAVING, QUALIFY", r_deterministic,
     "CombineFilters merges the filter from above only into a deterministic one"},
    {"Aggregate", "GROUP BY, GROUP BY ALL, DISTINCT", r_aggregate,
     "PushPredicateThroughNonJoin: Aggregate with deterministic expressions, for conjuncts "
     "on grouping keys only"},
    {"Expand", "GROUPING SETS, ROLLUP, CUBE", r_expand,
     "the Aggregate's keys are Expand's new attributes: no conjunct reaches Expand's child"},
    {"Window", "OVER (...) in the select list, QUALIFY or ORDER BY", r_window,
     "PushPredicateThroughNonJoin: Window only for conjuncts on its PARTITION BY columns"},
    {"Pivot / Unpivot", "PIVOT, UNPIVOT", r_pivot,
     "canPushThrough(Pivot) for columns the clause neither reads nor generates"},
};

/*
 * Set operations above a branch.  The "Replace Operators" batch runs
 * before PushDownPredicates: INTERSECT and EXCEPT (DISTINCT) become a
 * LEFT SEMI / LEFT ANTI join of the branches, where a filter from above
 * reaches the left side only; INTERSECT ALL and EXCEPT ALL become a Union
 * below an Aggregate and a Generate, which it passes to both.
 */
static const struct setop_row {
    const char *sql;
    const char *op;             /* SelectStmt.op */
    int all;
    int left, right;            /* a filter above reaches this side */
    const char *rule;
} setop_rows[] = {
    {"UNION ALL", "SETOP_UNION", 1, 1, 1,
     "PushPredicateThroughNonJoin: Filter over Union, to every child by position"},
    {"UNION", "SETOP_UNION", 0, 1, 1,
     "ReplaceDistinctWithAggregate, then Aggregate and Union as above"},
    {"INTERSECT", "SETOP_INTERSECT", 0, 1, 0,
     "ReplaceIntersectWithSemiJoin, then PushPredicateThroughJoin: LeftSemi, left side only"},
    {"EXCEPT, MINUS", "SETOP_EXCEPT", 0, 1, 0,
     "ReplaceExceptWithAntiJoin, then PushPredicateThroughJoin: LeftAnti, left side only"},
    {"INTERSECT ALL", "SETOP_INTERSECT", 1, 1, 1,
     "RewriteIntersectAll: Generate over Aggregate over Union, all passed"},
    {"EXCEPT ALL", "SETOP_EXCEPT", 1, 1, 1,
     "RewriteExceptAll: Generate over Aggregate over Union, all passed"},
};

static int setop_reaches(const an_setop_step *st)
{
    json_t *sel = st->setop;
    /* A LIMIT or OFFSET on the set operation, or an ORDER BY with a
     * non-deterministic key: as for a block. */
    int nondeterministic = has_nondeterministic(ast_get(sel, "sortClause"));
    if (ast_get(sel, "limitCount") || ast_get(sel, "limitOffset") || nondeterministic)
        return 0;
    const char *op = ast_str(sel, "op");
    int all = json_is_true(ast_get(sel, "all"));
    for (size_t i = 0; i < sizeof setop_rows / sizeof *setop_rows; i++) {
        const struct setop_row *r = &setop_rows[i];
        if (strcmp(r->op, op) == 0 && r->all == all)
            return st->side ? r->right : r->left;
    }
    return 0;
}

/* Does a filter above the outermost set operation reach the branch
 * below st?  Every step up to the root must let it through.  A chain of
 * n set operations has n + 1 branches: each step keeps its answer, so
 * the chain is walked once, not once per branch. */
static int setop_chain_reaches(an_setop_step *st)
{
    an_setop_step *top = st, *blocked = NULL;
    for (; top && !top->reach; top = top->up)
        if (!setop_reaches(top))
            blocked = top;      /* the highest step that stops it */
    int above = !top || top->reach == 1;
    int below_blocked = blocked != NULL;
    for (an_setop_step *s = st; s != top; s = s->up) {
        s->reach = below_blocked || !above ? 2 : 1;
        if (s == blocked)
            below_blocked = 0;
    }
    return st ? st->reach == 1 : 1;
}

/* The alias list a filter on the block's output goes through: the
 * derived table's (AS x (a, b)) or the CTE's (WITH d (a, b) AS ...);
 * NULL for none. */
static json_t *exit_colnames(const an_block *blk)
{
    if (blk->derived)
        return ast_get(ast_get(blk->derived->node, "alias"), "colnames");
    return blk->cte ? blk->cte->colnames : NULL;
}

/* Which output of the block is item's column, and which of cols it
 * is: *col receives it, *i the output's index.  Returns the output, or
 * NULL when the column does not leave the block. */
static const an_output *leaving_output(const resolution *res, const an_item *item,
                                       const char *const *cols, size_t *i, const char **col)
{
    const an_block *blk = item->block;
    for (*i = 0; *i < blk->noutputs; (*i)++) {
        const an_output *o = &blk->outputs[*i];
        json_t *vf;
        if (reads_item_column(res, o->expr, item, cols) &&
            ast_unwrap(o->expr, &vf, NULL) == AST_ColumnRef) {
            json_t *fields = ast_get(vf, "fields");
            *col = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
            return *col ? o : NULL;
        }
        if (o->star) {
            json_t *fields = ast_get(ast_get(o->expr, "ColumnRef"), "fields");
            const char *qual = ast_string_value(json_array_get(fields, 0));
            /* * EXCEPT (col): col does not leave the block. */
            json_t *except = ast_get(o->target, "sl_except");
            int dropped = 0;
            size_t k;
            json_t *ex;
            json_array_foreach(except, k, ex) {
                json_t *ef;
                if (ast_unwrap(ex, &ef, NULL) != AST_ColumnRef)
                    continue;
                json_t *ff = ast_get(ef, "fields");
                const char *name = ast_string_value(json_array_get(ff, json_array_size(ff) - 1));
                dropped |= name && strcasecmp(name, cols[0]) == 0;
            }
            /* SELECT * / alias.*: the column passes under its own name. */
            if (!dropped && (json_array_size(fields) == 1 ||
                             (item->alias && qual && strcasecmp(qual, item->alias) == 0))) {
                *col = cols[0];
                return o;
            }
        }
    }
    return NULL;
}

const char *an_reach_exit(const resolution *res, const an_item *item, const char *const *cols,
                          size_t *pos)
{
    const an_block *blk = item->block;
    if (blk->in_expression || (!blk->derived && !blk->cte) || !an_reach_where(item))
        return NULL;
    size_t i;
    const char *col;
    const an_output *o = leaving_output(res, item, cols, &i, &col);
    if (!o)
        return NULL;
    /* The operators must let a filter on that one column through. */
    const char *leaving[] = {col, NULL};
    reach_ctx c = {res, item, leaving, blk};
    for (size_t r = 0; r < sizeof block_rows / sizeof *block_rows; r++)
        if (!block_rows[r].passes(&c))
            return NULL;
    if (!setop_chain_reaches(blk->setop))
        return NULL;
    /* Its name outside.  A set operation's columns are the leftmost
     * branch's, by position; an alias list renames by position; a * at
     * or before the column hides the position. */
    json_t *targets = ast_get(blk->select, "targetList");
    json_t *colnames = exit_colnames(blk);
    int first_branch = blk->first_branch == targets;
    int known = !o->star && position_known(targets, i) && position_known(blk->first_branch, i);
    if (!known && (!first_branch || colnames))
        return NULL;
    *pos = known ? i : (size_t)-1;
    const char *name = o->star ? col : o->name;
    if (!colnames || !name)
        return name;
    return i < json_array_size(colnames) ? colname_at(colnames, i) : NULL;
}

const char *an_reach_ref_name(const an_item *ref, size_t pos, const char *name)
{
    json_t *alias = ast_get(ref->node, "alias");
    if (!ast_get(alias, "colnames"))
        return name;
    return pos == (size_t)-1 ? NULL : an_alias_column(alias, pos, name);
}

/* ================================================================== */
/* Bounds on a column at a scan (analyze_range.h)                      */
/*
 * The window of a scan's column is the intersection of the bounds of
 * every conjunct that reaches it the way Spark pushes filters down (the
 * reach questions above):
 *   - the WHERE of its own block, and the ON of each join above it that
 *     restricts its side (inner: both sides; outer: the null-supplying
 *     side only; full: neither); JOIN ... USING (col) is the equality
 *     of the two sides' col;
 *   - the HAVING conjuncts of its own block that use GROUP BY keys only
 *     (no aggregate): they keep or drop whole groups by their keys, so
 *     they keep or drop the rows below (Spark pushes them below the
 *     aggregate); not with GROUPING SETS, ROLLUP or CUBE;
 *   - from the block around a derived table, CTE reference or Superset's
 *     virtual_table, when the column passes through unchanged
 *     (an_reach_exit) -- for a CTE, the widest window over all its
 *     references;
 *   - through equalities with another item's column that has a window.
 * An OR bounds a scan only if every branch does (their hull); anything
 * else a conjunct says (NOT, functions around the column, other tables'
 * columns) bounds nothing.  Constants are evaluated against the
 * request's clock by analyze_const.c.
 *
 * A missing side is no bound; a window whose start is after its end is
 * empty.  A window measured in days (an_window_days) is what the rules
 * that read a partition column share: partition-filter against max_days,
 * scan-budget against bytes per day.
 */

an_bound an_bound_intersect(an_bound a, an_bound b)
{
    an_bound r = a;
    if (b.has_lo && (!r.has_lo || b.lo > r.lo)) { r.has_lo = 1; r.lo = b.lo; }
    if (b.has_hi && (!r.has_hi || b.hi < r.hi)) { r.has_hi = 1; r.hi = b.hi; }
    return r;
}

double an_window_days(an_bound b, long now_days)
{
    if (!b.has_lo)
        return -1;
    long long hi = b.has_hi ? b.hi : (long long)now_days * DATES_US_PER_DAY;
    if (hi <= b.lo)
        return 0;
    return (double)(dates_day_of_us(hi - 1) - dates_day_of_us(b.lo) + 1);
}

static const an_bound FULL = {0, 0, 0, 0};

static an_bound hull(an_bound a, an_bound b)
{
    an_bound r;
    r.has_lo = a.has_lo && b.has_lo;
    r.lo = r.has_lo ? (a.lo < b.lo ? a.lo : b.lo) : 0;
    r.has_hi = a.has_hi && b.has_hi;
    r.hi = r.has_hi ? (a.hi > b.hi ? a.hi : b.hi) : 0;
    return r;
}

/* One unknown of the window equations: the window of item's column
 * (cols: the column, and the column it is generated from, if any). */
typedef struct rg_node {
    an_item *item;
    const char *cols[3];
    an_bound value;         /* the current window; starts unbounded */
    int computed;           /* fixed and dynamic below are set */
    an_bound fixed;         /* what the conjuncts that read no other window say */
    json_t **dynamic;       /* conjuncts that read another window */
    size_t ndynamic;
    const char *exit;       /* the name a filter outside the block gives the
                               column (an_reach_exit), NULL if none reaches */
    size_t exit_pos;        /* its output position, (size_t)-1 if unknown */
    int *readers;           /* nodes whose value was computed from this one */
    size_t nreaders;
    int queued;
} rg_node;

struct an_ranges {
    an_clock clock;             /* the request's, copied */
    const resolution *res;      /* the statement's bindings (borrowed) */
    size_t steps;               /* conditions examined in this statement */
    int gave_up;                /* a depth or step limit was hit */
    rg_node *nodes;
    size_t nnodes;
    int *queue;                 /* nodes to (re)compute, first in first out */
    size_t nqueue, qhead;
    int current;                /* the node being computed, -1 if none */
    size_t reads;               /* neighbour() calls so far */
};

an_ranges *an_ranges_new(const an_clock *clock, const resolution *res)
{
    an_ranges *p = xcalloc(1, sizeof *p);
    p->clock = *clock;
    p->res = res;
    p->current = -1;
    return p;
}

void an_ranges_free(an_ranges *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nnodes; i++) {
        free(p->nodes[i].readers);
        free(p->nodes[i].dynamic);
    }
    free(p->nodes);
    free(p->queue);
    free(p);
}

/* Count one step of work at depth; 0 when a limit is hit. */
static int rg_step(an_ranges *p, int depth)
{
    if (depth > AN_RANGE_MAX_DEPTH || ++p->steps > AN_RANGE_MAX_STEPS) {
        p->gave_up = 1;
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Which conjuncts reach an item, and what they say                    */

static an_bound neighbour(an_ranges *p, an_item *item, const char *col);

/* What `col op v` (column_on_left) or `v op col` says about col.  A DATE
 * column is its midnight, so an exclusive upper bound of "at or before
 * v" is v + 1 microsecond, whatever the column's type. */
static an_bound cmp_bound(const char *op, an_time v, int column_on_left)
{
    an_bound b = FULL;
    if (!column_on_left) {   /* const OP col: mirror the operator */
        if (strcmp(op, "<") == 0) op = ">";
        else if (strcmp(op, ">") == 0) op = "<";
        else if (strcmp(op, "<=") == 0) op = ">=";
        else if (strcmp(op, ">=") == 0) op = "<=";
    }
    if (strcmp(op, ">=") == 0) {
        b.has_lo = 1;
        b.lo = v.date_us;
    } else if (strcmp(op, ">") == 0) {
        b.has_lo = 1;
        b.lo = v.date_us + 1;
    } else if (strcmp(op, "<") == 0) {
        b.has_hi = 1;
        b.hi = v.us;
    } else if (strcmp(op, "<=") == 0) {
        b.has_hi = 1;
        b.hi = v.us + 1;
    } else if (strcmp(op, "=") == 0) {
        b.has_lo = b.has_hi = 1;
        b.lo = v.date_us;
        b.hi = v.us + 1;
    }
    return b;
}

/* The window of another item's column, borrowed through an equality. */
static an_bound borrowed_bound(an_ranges *p, an_item *other, const char *col, int depth)
{
    (void)depth;
    return neighbour(p, other, col);
}

/* What conjunct e says about item's cols. */
static an_bound conj_bound(an_ranges *p, json_t *e, an_item *item, const char *const *cols, int depth)
{
    json_t *f;
    if (!rg_step(p, depth))
        return FULL;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        json_t *args = ast_get(f, "args");
        size_t i;
        json_t *a;
        if (strcmp(op, "AND_EXPR") == 0) {
            an_bound r = FULL;
            json_array_foreach(args, i, a)
                r = an_bound_intersect(r, conj_bound(p, a, item, cols, depth + 1));
            return r;
        }
        if (strcmp(op, "OR_EXPR") == 0) {
            an_bound r = FULL;
            json_array_foreach(args, i, a) {
                an_bound x = conj_bound(p, a, item, cols, depth + 1);
                r = i == 0 ? x : hull(r, x);
            }
            return r;
        }
        return FULL;    /* NOT bounds nothing */
    }
    if (k != AST_A_Expr)
        return FULL;
    const char *kind = ast_str(f, "kind");
    const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    an_time v, w;
    if (strcmp(kind, "AEXPR_OP") == 0 && op && l) {
        int l_is_col = reads_item_column(p->res, l, item, cols);
        int r_is_col = reads_item_column(p->res, r, item, cols);
        if (l_is_col && an_eval_date_at(&p->clock, r, &v, depth + 1, &p->gave_up) == 0)
            return cmp_bound(op, v, 1);
        if (r_is_col && an_eval_date_at(&p->clock, l, &v, depth + 1, &p->gave_up) == 0)
            return cmp_bound(op, v, 0);
        /* col = other.col: borrow the other side's window. */
        an_item *other;
        const char *ocol;
        if (strcmp(op, "=") == 0) {
            if (l_is_col && reads_other_column(p->res, r, item, &other, &ocol))
                return borrowed_bound(p, other, ocol, depth);
            if (r_is_col && reads_other_column(p->res, l, item, &other, &ocol))
                return borrowed_bound(p, other, ocol, depth);
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_BETWEEN") == 0 && reads_item_column(p->res, l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? ast_get(lf, "items") : r;
        if (an_eval_date_at(&p->clock, json_array_get(items, 0), &v, depth + 1, &p->gave_up) == 0 &&
            an_eval_date_at(&p->clock, json_array_get(items, 1), &w, depth + 1, &p->gave_up) == 0) {
            an_bound b = {1, 1, v.date_us, w.us + 1};
            return b;
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_IN") == 0 && op && strcmp(op, "=") == 0 &&
        reads_item_column(p->res, l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? ast_get(lf, "items") : r;
        an_bound b = {1, 1, 0, 0};
        size_t i;
        json_t *a;
        json_array_foreach(items, i, a) {
            if (an_eval_date_at(&p->clock, a, &v, depth + 1, &p->gave_up) < 0)
                return FULL;
            if (i == 0 || v.date_us < b.lo) b.lo = v.date_us;
            if (i == 0 || v.us + 1 > b.hi) b.hi = v.us + 1;
        }
        return json_array_size(items) ? b : FULL;
    }
    return FULL;
}

/* Does a FULL JOIN below join step st on item's side merge column name
 * (USING it, or NATURAL)?  Then item's side of st holds
 * coalesce(item.name, ...), not item's own column. */
static int full_merge_below(const an_item *item, const an_join_step *st, const char *name)
{
    for (const an_join_step *s = item->join; s && s != st; s = s->up) {
        if (strcmp(ast_str(s->join, "jointype"), "JOIN_FULL") != 0)
            continue;
        if (json_is_true(ast_get(s->join, "isNatural")))
            return 1;
        size_t i;
        json_t *u;
        json_array_foreach(ast_get(s->join, "usingClause"), i, u)
            if (ast_string_value(u) && strcasecmp(ast_string_value(u), name) == 0)
                return 1;
    }
    return 0;
}

/* JOIN ... USING (c): item.c = other.c for the item on the other side
 * that owns c.  When that side holds several items, the hull of their
 * windows (any of them may be the one).  Not when a FULL JOIN below
 * merged item's c: the equality is then coalesce(item.c, ...) = other.c,
 * which Spark does not push below that FULL JOIN. */
static an_bound using_bound(an_ranges *p, an_item *item, const an_join_step *st,
                         const char *const *cols, int depth)
{
    size_t i;
    json_t *u;
    json_array_foreach(ast_get(st->join, "usingClause"), i, u) {
        const char *name = ast_string_value(u);
        int ours = 0;
        for (const char *const *c = cols; name && *c; c++)
            ours |= strcasecmp(*c, name) == 0;
        if (!ours || full_merge_below(item, st, name))
            continue;
        an_block *blk = item->block;
        an_bound via = FULL;
        int found = 0;
        for (size_t k = 0; k < blk->nitems; k++) {
            an_item *o = blk->items[k];
            if (o == item || o->kind == AN_FUNCTION || !under_other_side(o, st))
                continue;
            an_bound x = borrowed_bound(p, o, name, depth);
            via = found++ ? hull(via, x) : x;
        }
        return via;
    }
    return FULL;
}

/* The conjuncts of the item's block that reach it: WHERE, HAVING on
 * GROUP BY keys, and the ON of each join above it that restricts its
 * side (flattened).  Returns -1 if an ON nests ANDs too deeply. */
static int reaching_conjuncts(const an_item *item, json_t ***list, size_t *n)
{
    an_block *blk = item->block;
    for (size_t i = 0; i < blk->nwhere && an_reach_where(item); i++)
        an_push_node(list, n, blk->where[i]);
    for (size_t i = 0; i < blk->nhaving && an_reach_having(item); i++)
        if (an_refers_to_keys_only(blk, blk->having[i]))
            an_push_node(list, n, blk->having[i]);
    for (const an_join_step *st = item->join; st; st = st->up) {
        if (an_reach_join_on(st) && an_conjuncts(ast_get(st->join, "quals"), list, n) < 0)
            return -1;
        if (an_reach_join_hides(st))
            break;      /* no ON further up names this side's columns */
    }
    return 0;
}

/*
 * The windows of all scans, as one system of equations.
 *
 * A scan's window is what its own block says about the column (WHERE,
 * HAVING, ON) intersected with what reaches it from elsewhere: the
 * window of another item's column it is equal to (a.d = b.d, USING), of
 * the column it leaves its block as (derived tables, CTEs: the widest
 * over all references).  Those windows depend on others in turn, and
 * the dependencies can form cycles (a.d = b.d AND b.d = c.d AND c.d =
 * a.d), so a recursive search is exponential in the worst case.
 *
 * Instead every (item, column) is one unknown, starting unbounded, and a
 * worklist recomputes an unknown whenever one it was computed from has
 * changed.  Recomputing only intersects and takes hulls of current
 * values, so values only shrink, and every value at every moment is a
 * window the actual rows lie in (by induction: the rows lie in the
 * unbounded start, and in local AND neighbours).  Stopping early is
 * therefore never unsafe, only less precise; the final values are the
 * greatest solution, the tightest windows this reasoning gives.  Each
 * value is one of finitely many bounds the query spells out, so the
 * worklist ends; AN_RANGE_MAX_STEPS bounds its work for hostile input.
 */

static int node_for(an_ranges *p, an_item *item, const char *const *cols)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        rg_node *n = &p->nodes[i];
        if (n->item != item)
            continue;
        int same = 1;
        for (int k = 0; k < 3 && same; k++)
            same = (!n->cols[k] && !cols[k]) ||
                   (n->cols[k] && cols[k] && strcasecmp(n->cols[k], cols[k]) == 0);
        if (same)
            return (int)i;
        }
    p->nodes = xrealloc(p->nodes, (p->nnodes + 1) * sizeof *p->nodes);
    rg_node *n = &p->nodes[p->nnodes];
    memset(n, 0, sizeof *n);
    n->item = item;
    for (int k = 0; k < 2 && cols[k]; k++)
        n->cols[k] = cols[k];
    n->value = FULL;
    n->queued = 1;
    p->queue = xrealloc(p->queue, (p->nqueue + 1) * sizeof *p->queue);
    p->queue[p->nqueue++] = (int)p->nnodes;
    return (int)p->nnodes++;
}

/* The current window of item.col, read by the node being computed. */
static an_bound neighbour(an_ranges *p, an_item *item, const char *col)
{
    const char *cols[] = {col, NULL, NULL};
    int n = node_for(p, item, cols);
    p->reads++;
    if (p->current >= 0 && n != p->current) {
        rg_node *nd = &p->nodes[n];
        size_t k;
        for (k = 0; k < nd->nreaders && nd->readers[k] != p->current; k++)
            ;
        if (k == nd->nreaders) {
            nd->readers = xrealloc(nd->readers, (nd->nreaders + 1) * sizeof *nd->readers);
            nd->readers[nd->nreaders++] = p->current;
        }
    }
    return p->nodes[n].value;
}

/* One computation of node i from its block and its neighbours' values.
 * The first computation sorts the reaching conjuncts into those that
 * read no other window (their bound is fixed, kept) and those that do
 * (evaluated again each time, since their neighbours change). */
static an_bound compute(an_ranges *p, int i)
{
    rg_node *nd = &p->nodes[i];
    an_item *item = nd->item;
    const char *cols[3] = {nd->cols[0], nd->cols[1], NULL};
    p->current = i;
    if (!an_reach_block_filters(item)) {
        /* Under TABLESAMPLE, or named through an alias list sluice
         * cannot follow: no filter reaches the scan (analyze_range.c). */
        p->current = -1;
        return FULL;
    }
    if (!p->nodes[i].computed) {
        json_t **conj = NULL, **dyn = NULL;
        size_t nconj = 0, ndyn = 0;
        an_bound fixed = FULL;
        if (reaching_conjuncts(item, &conj, &nconj) < 0)
            p->gave_up = 1;
        for (size_t k = 0; k < nconj; k++) {
            size_t before = p->reads;
            an_bound x = conj_bound(p, conj[k], item, cols, 1);
            if (p->reads != before) {
                an_push_node(&dyn, &ndyn, conj[k]);
            } else {
                fixed = an_bound_intersect(fixed, x);
            }
        }
        free(conj);
        nd = &p->nodes[i];      /* neighbour() may have moved the array */
        nd->fixed = fixed;
        nd->dynamic = dyn;
        nd->ndynamic = ndyn;
        nd->exit = an_reach_exit(p->res, item, cols, &nd->exit_pos);
        nd->computed = 1;
    }
    an_bound b = p->nodes[i].fixed;
    for (size_t k = 0; k < p->nodes[i].ndynamic; k++)
        b = an_bound_intersect(b, conj_bound(p, p->nodes[i].dynamic[k], item, cols, 1));
    for (const an_join_step *st = item->join; st; st = st->up)
        if (an_reach_join_on(st) && ast_get(st->join, "usingClause"))
            b = an_bound_intersect(b, using_bound(p, item, st, cols, 1));
    an_block *blk = item->block;
    const char *out = p->nodes[i].exit;
    size_t pos = p->nodes[i].exit_pos;
    if (out) {
        if (blk->derived) {
            b = an_bound_intersect(b, neighbour(p, blk->derived, out));
        } else if (blk->cte->nrefs) {
            /* A CTE is scanned once per reference: the widest of their
             * windows, each under the name the reference's own alias
             * list gives the column. */
            an_cte *cte = blk->cte;
            an_bound via = FULL;
            for (size_t k = 0; k < cte->nrefs; k++) {
                const char *name = an_reach_ref_name(cte->refs[k], pos, out);
                an_bound x = name ? neighbour(p, cte->refs[k], name) : FULL;
                via = k == 0 ? x : hull(via, x);
            }
            b = an_bound_intersect(b, via);
        }
    }
    p->current = -1;
    return b;
}

static int same_bound(an_bound a, an_bound b)
{
    return a.has_lo == b.has_lo && a.has_hi == b.has_hi && (!a.has_lo || a.lo == b.lo) &&
           (!a.has_hi || a.hi == b.hi);
}

/* Run the worklist until no value changes or the work bound is hit. */
static void solve(an_ranges *p)
{
    /* First in, first out: a change reaches all its readers before any
     * of them is recomputed twice. */
    while (p->qhead < p->nqueue) {
        if (p->steps > AN_RANGE_MAX_STEPS) {
            p->gave_up = 1;
            return;
        }
        int i = p->queue[p->qhead++];
        if (p->qhead == p->nqueue)
            p->qhead = p->nqueue = 0;
        p->nodes[i].queued = 0;
        /* compute() may grow p->nodes: call it before reading the array. */
        an_bound computed = compute(p, i);
        an_bound b = an_bound_intersect(p->nodes[i].value, computed);
        if (same_bound(b, p->nodes[i].value))
            continue;
        p->nodes[i].value = b;
        for (size_t k = 0; k < p->nodes[i].nreaders; k++) {
            int r = p->nodes[i].readers[k];
            if (!p->nodes[r].queued) {
                p->nodes[r].queued = 1;
                p->queue = xrealloc(p->queue, (p->nqueue + 1) * sizeof *p->queue);
                p->queue[p->nqueue++] = r;
            }
        }
    }
}

size_t an_ranges_add(an_ranges *p, an_item *item, const char *column, const char *derived_from)
{
    const char *cols[] = {column, derived_from, NULL};
    return (size_t)node_for(p, item, cols);
}

void an_ranges_solve(an_ranges *p)
{
    solve(p);
}

an_bound an_ranges_bound(const an_ranges *p, size_t handle)
{
    return p->nodes[handle].value;
}

int an_ranges_gave_up(const an_ranges *p)
{
    return p->gave_up;
}

int an_range_bounds(const an_clock *clock, const resolution *res, an_item *item,
                    const char *column, an_bound *out)
{
    an_ranges *p = an_ranges_new(clock, res);
    size_t n = an_ranges_add(p, item, column, NULL);
    solve(p);
    int rc = p->gave_up ? -1 : 0;
    if (rc == 0)
        *out = p->nodes[n].value;
    an_ranges_free(p);
    return rc;
}

int an_comparison_bound(const an_clock *clock, const char *op, json_t *value,
                        int column_on_left, an_bound *out)
{
    an_time v;
    if (an_eval_date(clock, value, &v) < 0)
        return -1;
    *out = cmp_bound(op, v, column_on_left);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Blocks that read nothing                                            */

/* Does the block itself return no rows without reading its FROM?  Its
 * WHERE is constant FALSE or NULL (PruneFilters replaces the filter and
 * everything under it with an empty relation), or its LIMIT is a
 * constant 0 (OptimizeLimitZero).  These are Superset's probes: the
 * custom-SQL x-axis type probe, adhoc filter probes and Explore's
 * expression validation (WHERE false, ... AND false, 1 = 0, LIMIT 0). */
static int block_empty(const an_block *blk)
{
    long n;
    json_t *lim = ast_get(blk->select, "limitCount");
    if (lim && an_eval_int(lim, &n) == 0 && n == 0)
        return 1;
    for (size_t i = 0; i < blk->nwhere; i++) {
        int t = an_const_truth(blk->where[i]);
        if (t == AN_TV_FALSE || t == AN_TV_NULL)
            return 1;
    }
    return 0;
}

/* Is every run of the block inside a block that reads nothing: the
 * block itself, the block around the derived table it is, or, for a CTE
 * body, the blocks of all its references.  A subquery in an expression
 * is judged on its own (its enclosing block is not recorded). */
static int reads_nothing(const an_block *blk, int depth)
{
    if (depth > AN_RANGE_MAX_DEPTH)
        return 0;
    if (block_empty(blk))
        return 1;
    if (blk->in_expression)
        return 0;
    if (blk->derived)
        return reads_nothing(blk->derived->block, depth + 1);
    if (blk->cte && blk->cte->nrefs) {
        for (size_t k = 0; k < blk->cte->nrefs; k++)
            if (!reads_nothing(blk->cte->refs[k]->block, depth + 1))
                return 0;
        return 1;
    }
    return 0;
}

int an_block_reads_nothing(const an_block *blk)
{
    return reads_nothing(blk, 0);
}
