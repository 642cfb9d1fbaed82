/*
 * partition_filter.c - rule "partition-filter": every scan of a
 * partitioned table must be restricted to a bounded window of its
 * partition column (or of the column it is generated from), no wider
 * than the table's max_days; where the table's policy (or the explore
 * section's, for Superset's Explore shapes) says "rewrite", the default
 * window is injected instead.
 *
 * Where it runs: a row of the rule table (rule_table.c), after
 * aggregate-routing, whose routed blocks no longer scan the fact table;
 * alone, on the query of a CREATE ... AS or INSERT (ctx->judge_only:
 * judged, never re-emitted, so a rewrite its policy asks for becomes a
 * rejection); and, a guard, again judging only on a final tree a rule
 * after it changed (rule_driver.c).
 *
 * What runs here: the judgement (which scans, measured how, which
 * message) and the injection (where the default window's predicate
 * goes).  What it asks: the window of each scan's column is the range
 * analysis's (analyze_range.h: an_ranges over every scan of the
 * statement, solved together), and so are the blocks whose scans never
 * run (an_block_reads_nothing) and a LIMIT's value (an_eval_int); which
 * filters reach a scan is filter reach (analyze.h, an_reach_*).
 *
 * Windows are measured in days: from the lower bound to the upper bound
 * (exclusive), a missing upper bound meaning the start of today, so
 * "col >= current_date() - INTERVAL 30 DAYS" is a 30-day window.  A
 * window whose start is after its end is empty: bounded, 0 days.
 *
 * Fail closed.  The range analysis bounds its search in depth and work
 * (AN_RANGE_MAX_DEPTH, AN_RANGE_MAX_STEPS for the whole statement); a
 * scan whose search hit a bound counts as unbounded, and the message
 * says that sluice gave up, not that the filter is missing.  A statement
 * whose analysis is incomplete (a table named by a non-constant
 * IDENTIFIER(...)) is refused when the rules declare any table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "analyze_range.h"
#include "ast.h"
#include "ast_edit.h"
#include "dates.h"
#include "rewrite.h"

/* ------------------------------------------------------------------ */
/* Superset's Explore shapes                                           */

/* Is e a plain column reference (not a star)? */
static int plain_column(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(f, "fields");
    json_t *last = json_array_get(fields, json_array_size(fields) - 1);
    return ast_string_value(last) != NULL;
}

/* count(*) with nothing else: no DISTINCT, FILTER or OVER. */
static int count_star(json_t *e)
{
    json_t *f;
    const char *fn;
    return ast_unwrap(e, &f, NULL) == AST_FuncCall && (fn = an_func_name(f)) &&
           strcasecmp(fn, "count") == 0 && ast_get(f, "agg_star") && !ast_get(f, "agg_distinct") &&
           !ast_get(f, "agg_filter") && !ast_get(f, "over");
}

/* The Explore shape of the statement (docs/superset-rules.md) whose
 * explore policy is "inject", by its structure, or NULL:
 *   column_discovery  the statement's outermost LIMIT is 1 (Superset
 *                     runs a virtual dataset's SQL with LIMIT 1 to learn
 *                     its columns);
 * and for one simple SELECT (no WITH, set operation, window, HAVING or
 * GROUPING SETS) reading one FROM item, a table or Superset's
 * (...) AS virtual_table:
 *   samples           plain columns or *, no DISTINCT, GROUP BY or
 *                     aggregate, LIMIT at most explore.max_rows (the
 *                     Samples pane, drill to detail);
 *   distinct_values   DISTINCT of one plain column, or plain columns
 *                     grouped by exactly themselves, LIMIT at most
 *                     explore.max_rows (the filter-value picker, native
 *                     filter options);
 *   sample_count      COUNT(*) alone, no GROUP BY (the Samples pane's
 *                     row count). */
static const char *explore_shape(check_ctx *ctx)
{
    const rules_explore *ex = &ctx->rules->explore;
    json_t *sel = ast_get(ctx->stmt->node, "SelectStmt");
    json_t *lc = sel ? ast_get(sel, "limitCount") : NULL;
    long lim = 0;
    int has_lim = lc && an_eval_int(lc, &lim) == 0;
    if (!sel || ctx->judge_only)
        return NULL;
    if (ex->column_discovery && has_lim && lim == 1)
        return "column_discovery";
    const an_block *b = ctx->an->top;
    if (!b || b->nitems != 1 || ast_get(sel, "withClause") || b->has_window || b->nhaving ||
        b->grouping_sets || b->noutputs == 0)
        return NULL;
    const an_item *it = b->items[0];
    if (it->kind != AN_TABLE &&
        !(it->kind == AN_SUBQUERY && it->alias && strcmp(it->alias, "virtual_table") == 0))
        return NULL;
    json_t *distinct = ast_get(sel, "distinctClause");
    int plain = 1, stars = 0;
    for (size_t i = 0; i < b->noutputs; i++) {
        stars += b->outputs[i].star;
        plain &= b->outputs[i].star || plain_column(b->outputs[i].expr);
    }
    int in_rows = has_lim && lim >= 1 && lim <= ex->max_rows;
    if (ex->sample_count && b->noutputs == 1 && b->naggs == 1 && !distinct &&
        !ast_get(sel, "groupClause") && count_star(b->outputs[0].expr))
        return "sample_count";
    if (!plain || b->naggs || !in_rows)
        return NULL;
    if (ex->samples && !distinct && !ast_get(sel, "groupClause"))
        return "samples";
    if (!ex->distinct_values || stars)
        return NULL;
    json_t *d0 = json_array_get(distinct, 0);
    if (distinct && json_array_size(distinct) == 1 && json_object_size(d0) == 0 &&
        b->noutputs == 1 && !ast_get(sel, "groupClause"))
        return "distinct_values";
    if (!distinct && ast_get(sel, "groupClause") && b->ngroup == b->noutputs) {
        for (size_t i = 0; i < b->noutputs; i++)
            if (!an_is_group_key(b, b->outputs[i].expr))
                return NULL;
        return "distinct_values";
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Enforcement                                                         */

/* alias.col >= current_date() - INTERVAL 'n DAYS', as the parser builds it. */
static json_t *window_predicate(const char *qualifier, const char *col, long days)
{
    char iv[32];
    snprintf(iv, sizeof iv, "%ld DAYS", days);
    json_t *since = ast_new_binary_op("-", ast_new_current_date(),
                                      ast_new_typed_literal("interval", iv));
    return ast_new_binary_op(">=", ast_new_column_ref(qualifier, col), since);
}

/* Add the default window to the scan; *qualifier receives the name the
 * column is qualified with ("" for none).  Returns 0, or -1 when there
 * is no name to qualify the column with (IDENTIFIER(...) without an
 * alias beside other FROM items), -2 when the block cannot take a WHERE
 * (an_block_takes_clauses), -3 when no filter sluice could add reaches
 * the scan (TABLESAMPLE, a FULL JOIN, columns renamed by an alias list,
 * a non-deterministic LATERAL VIEW). */
static int inject(an_item *item, const rules_table *t, const char **qualifier_out)
{
    const char *qualifier;
    /* A filter added beside a sampled scan stays above the Sample, and
     * one on a renamed table names another column (analyze_range.c). */
    if (!an_reach_block_filters(item))
        return -3;
    if (ast_scan_qualifier(item, &qualifier) < 0)
        return -1;
    *qualifier_out = qualifier ? qualifier : "";
    return ast_and_at_scan(item, window_predicate(qualifier, t->column, t->default_days));
}

typedef struct scan {
    an_item *item;
    const rules_table *table;
    char name[300];         /* the table as messages name it */
    char note[400];         /* why, for a table the name may be under another
                               catalog or schema ("" otherwise) */
    int alternatives;       /* partitioned tables the name may be, this one included */
    an_bound window;
    size_t node;            /* its handle in the range analysis */
    int gave_up;
    const char *shape;      /* the Explore shape whose policy injects, or NULL */
} scan;

static void check_scan(check_ctx *c, const scan *sc)
{
    an_item *item = sc->item;
    const rules_table *t = sc->table;
    char problem[900];
    double days = an_window_days(sc->window, c->now_days);
    if (days < 0 && sc->gave_up) {
        snprintf(problem, sizeof problem, "sluice gave up measuring the filters on %s (more "
                 "than %d levels of nesting, or %d conditions examined in the statement); it "
                 "counts as unfiltered", sc->name, AN_RANGE_MAX_DEPTH, AN_RANGE_MAX_STEPS);
    } else if (days < 0 && !an_reach_block_filters(item)) {
        snprintf(problem, sizeof problem, "%s is read in full: %s", sc->name,
                 item->sampled ? "Spark pushes no filter through TABLESAMPLE (filter the table "
                                 "in a subquery and sample its rows with rand() instead)"
                               : "an alias column list renames its columns, so no filter "
                                 "can be known to name its partition column");
    } else if (days < 0) {
        snprintf(problem, sizeof problem, "%s is scanned without a lower bound on its "
                 "partition column %s", sc->name, t->column);
    } else {
        if (t->max_days == 0 || days <= (double)t->max_days)
            return;
        snprintf(problem, sizeof problem, "the filter on %s.%s spans %.0f days; the maximum "
                 "is %ld days", sc->name, t->column, days, t->max_days);
    }
    size_t plen = strlen(problem);
    snprintf(problem + plen, sizeof problem - plen, "%s", sc->note);
    rules_enforce enforce = t->enforce;
    if (enforce == RULES_ENFORCE_REJECT && sc->shape)
        enforce = RULES_ENFORCE_REWRITE;    /* the explore section's policy */
    const char *qualifier = "";
    if (enforce == RULES_ENFORCE_REWRITE && c->judge_only) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; sluice does not add the default window inside %s: add a filter "
                     "such as WHERE %s >= current_date() - INTERVAL %ld DAYS to its query",
                     problem, c->judge_only, t->column, t->default_days);
        return;
    }
    if (enforce == RULES_ENFORCE_REWRITE && t->max_days > 0) {
        /* The default window only adds a lower bound: when the window
         * ends after today by too much, it would still be too wide (and
         * checking sluice's output again would inject again). */
        an_bound with = an_bound_intersect(sc->window, (an_bound){1, 0, (long long)(c->now_days - t->default_days) * DATES_US_PER_DAY, 0});
        double after = an_window_days(with, c->now_days);
        if (after > (double)t->max_days) {
            c->rejected = 1;
            check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                         "%s; its upper bound is too far ahead for the default window to "
                         "help (it would still span %.0f days): bound %s on both sides",
                         problem, after, t->column);
            return;
        }
    }
    if (enforce == RULES_ENFORCE_REWRITE && sc->alternatives > 1) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; the name may be %d partitioned tables, so sluice does not add a "
                     "window: write it as catalog.schema.table, or add a filter such as WHERE "
                     "%s >= current_date() - INTERVAL %ld DAYS", problem, sc->alternatives,
                     t->column, t->default_days);
        return;
    }
    int injected = enforce == RULES_ENFORCE_REWRITE ? inject(item, t, &qualifier) : 0;
    if (injected == -3) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; sluice cannot add a filter that reaches this scan: read it through "
                     "a subquery such as (SELECT * FROM %s WHERE %s >= current_date() - "
                     "INTERVAL %ld DAYS)", problem, item->qualified, t->column, t->default_days);
        return;
    }
    if (injected < 0) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; %s add a filter such as WHERE %s >= current_date() - "
                     "INTERVAL %ld DAYS", problem,
                     injected == -1 ? "give IDENTIFIER(...) an alias so a filter can name it, or"
                                    : "sluice cannot add one under a PIVOT / UNPIVOT whose "
                                      "clause names columns by table:",
                     t->column, t->default_days);
        return;
    }
    switch (enforce) {
    case RULES_ENFORCE_REWRITE:
        c->modified = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_INFO, item->location,
                     "%s; added %s%s%s >= current_date() - INTERVAL %ld DAYS%s%s%s", problem,
                     qualifier, *qualifier ? "." : "", t->column, t->default_days,
                     sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? " (the query has the shape of "
                     "explore." : "", sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? sc->shape : "",
                     sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? ", whose policy is inject)" : "");
        break;
    case RULES_ENFORCE_REJECT:
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; add a filter such as WHERE %s >= current_date() - INTERVAL %ld DAYS",
                     problem, t->column, t->default_days);
        break;
    case RULES_ENFORCE_WARN:
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_WARNING, item->location, "%s", problem);
        break;
    case RULES_ENFORCE_OFF:     /* not a mode it takes (rule_table.c) */
        break;
    }
}

void rewrite_partition_filter(check_ctx *ctx)
{
    if (ctx->rules->ntables == 0)
        return;
    analysis *an = ctx->an;
    if (an->incomplete.set) {
        ctx->rejected = 1;
        check_report(ctx, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, an->incomplete.location,
                     "%s; refusing the statement, since a scan sluice cannot see could be "
                     "unbounded", an->incomplete.message);
        return;
    }
    an_clock clock = {ctx->now_days, ctx->now_seconds};
    an_ranges *ranges = an_ranges_new(&clock, check_resolution(ctx));
    /* Every window is measured on the original tree before any filter is
     * injected: an injected filter in one block must not make another
     * scan look bounded. */
    const char *shape = explore_shape(ctx);
    size_t cap = an->nitems ? an->nitems : 1, nscans = 0;
    scan *scans = xcalloc(cap, sizeof *scans);
    for (size_t i = 0; i < an->nitems; i++) {
        an_item *it = an->items[i];
        if (it->kind != AN_TABLE)
            continue;
        /* Scans inside CTEs nobody references are never run, and scans
         * under a block that reads nothing (WHERE false, LIMIT 0) are
         * pruned before they run: no window, nothing injected. */
        if ((it->block->cte && it->block->cte->nrefs == 0) || an_block_reads_nothing(it->block))
            continue;
        /* Every configured table the name may be (resolution, rules.h):
         * the scan answers to each partitioned one. */
        const rules_table *cand[RULES_MAX_CANDIDATES];
        size_t ncand = rules_resolve(ctx->rules, it->qualified, it->nparts, cand,
                                     RULES_MAX_CANDIDATES);
        int parts = 0;
        for (size_t k = 0; k < ncand && k < RULES_MAX_CANDIDATES; k++)
            parts += cand[k]->partitioned;
        for (size_t k = 0; k < ncand && k < RULES_MAX_CANDIDATES; k++) {
            const rules_table *t = cand[k];
            if (!t->partitioned)
                continue;
            if (nscans == cap) {
                cap *= 2;
                scans = xrealloc(scans, cap * sizeof *scans);
            }
            scan *sc = &scans[nscans++];
            *sc = (scan){it, t, "", "", parts, {0, 0, 0, 0},
                          an_ranges_add(ranges, it, t->column, t->derived_from), 0, shape};
            if (t == rules_find_table(ctx->rules, it->qualified)) {
                snprintf(sc->name, sizeof sc->name, "%s", it->qualified);
            } else {
                snprintf(sc->name, sizeof sc->name, "%s", t->exact ? t->exact
                                                                    : analysis_written_name(it));
                snprintf(sc->note, sizeof sc->note, " (%s may be %s%s under another catalog or "
                         "schema than %s)", analysis_written_name(it),
                         t->exact ? "this table" : "a table matching ", t->exact ? "" : t->match,
                         it->qualified);
            }
        }
    }
    an_ranges_solve(ranges);
    for (size_t i = 0; i < nscans; i++) {
        scans[i].window = an_ranges_bound(ranges, scans[i].node);
        scans[i].gave_up = an_ranges_gave_up(ranges);
        check_scan(ctx, &scans[i]);
    }
    free(scans);
    an_ranges_free(ranges);
}
