/*
 * analyze_range.c - filter reach: which filters of a statement reach the
 * scan of a FROM item, the way Spark's optimizer pushes them down.
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
 * The questions, each answered from one table below whose rows cite the
 * Spark rule they follow:
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
 * The range analysis (src/check/partition_filter.c) combines the
 * answers into windows; routing can ask the same questions.
 *
 * Every answer errs towards "does not reach": a filter that does not
 * reach leaves a scan unbounded, which a guard refuses; a filter wrongly
 * believed to reach would let a full scan through.
 */
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"

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

/* Are the block's LATERAL VIEW generators deterministic?  Spark applies
 * them (Generate) between the FROM and the WHERE, and pushes a filter
 * through a Generate only if its expressions are deterministic
 * (PushPredicateThroughNonJoin: u.expressions.forall(_.deterministic)). */
static int generators_deterministic(const an_block *blk)
{
    int found = 0;
    for (size_t i = 0; i < blk->nitems && !found; i++)
        if (blk->items[i]->kind == AN_FUNCTION)
            found = has_nondeterministic(ast_get(blk->items[i]->node, "functions"));
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
        if (an_is_item_column(c->blk->group[i].expr, c->item, c->cols))
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
            ok |= an_is_item_column(pe, c->item, c->cols);
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
static const an_output *leaving_output(const an_item *item, const char *const *cols,
                                       size_t *i, const char **col)
{
    const an_block *blk = item->block;
    for (*i = 0; *i < blk->noutputs; (*i)++) {
        const an_output *o = &blk->outputs[*i];
        json_t *vf;
        if (an_is_item_column(o->expr, item, cols) &&
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

const char *an_reach_exit(const an_item *item, const char *const *cols, size_t *pos)
{
    const an_block *blk = item->block;
    if (blk->in_expression || (!blk->derived && !blk->cte) || !an_reach_where(item))
        return NULL;
    size_t i;
    const char *col;
    const an_output *o = leaving_output(item, cols, &i, &col);
    if (!o)
        return NULL;
    /* The operators must let a filter on that one column through. */
    const char *leaving[] = {col, NULL};
    reach_ctx c = {item, leaving, blk};
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
