/*
 * scan_budget.c - rule "scan-budget": an estimate, before the query
 * runs, of the bytes a statement scans, and a limit on it (the rules
 * file's "budget"; docs/budget-and-attribution.md).  Databricks has no
 * maximum_bytes_billed; sluice knows every scan and the window of its
 * partition column, so with the sizes the rules give it can tell.
 *
 * The estimate of a statement is the sum over its scans of catalog
 * tables, each as the rules size it:
 *   - a table with a partition column and "bytes_per_day": the days of
 *     the scan's window times bytes_per_day, at most the table's "bytes"
 *     when the rules give it (no scan reads more than the whole table);
 *   - a scan without a lower bound on that column, or a table without
 *     "bytes_per_day": the table's "bytes", the whole table;
 *   - a table the rules give no size for (or do not name): unsized.  The
 *     policy budget.unsized says what it counts for: "over_budget" (the
 *     default: the estimate is unknown, and a statement that may read
 *     more than the limit is judged over it: a guardrail never fails
 *     open) or "zero".
 * A scan is a place the statement names the table (a self-join is two;
 * a CTE body's scan counts once, however often the CTE is read: Spark
 * may reuse the exchange).  Scans in CTEs nobody reads, and under blocks
 * that read nothing (WHERE false, LIMIT 0), are never run and count 0.
 * Table functions (read_files(...), range(...)) are no tables and count 0.
 * A name that may be several configured tables (rules_resolve) counts as
 * the largest of them.
 *
 * Where it runs: the last row of the rule table (rule_table.c), judging
 * the final tree: after limit-cap, after aggregate-routing (a routed
 * block reads the aggregate, whose own table entry sizes it) and after
 * partition-filter (an injected default window bounds the scan).  The
 * window of each scan is the range analysis's (analyze_range.h:
 * an_ranges, relative bounds read with the request's clock), measured in
 * days by an_window_days as partition-filter measures it.
 *
 * What it leaves: ctx->scan_bytes, the statement's estimate (-1 when
 * unknown), which the engine adds up for the request's result
 * (sl_result_scan_bytes).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analyze_range.h"
#include "check.h"
#include "sbuf.h"

/* a * b, saturating at LLONG_MAX (both >= 0). */
static long long mul_sat(long long a, long long b)
{
    if (a != 0 && b > LLONG_MAX / a)
        return LLONG_MAX;
    return a * b;
}

static long long add_sat(long long a, long long b)
{
    return a > LLONG_MAX - b ? LLONG_MAX : a + b;
}

/* bytes in decimal units as a person reads them: "512 bytes", "3.1 TB",
 * "200 GB" (one decimal below 10 of a unit, none from 10 on). */
void scan_budget_format_bytes(long long bytes, char *buf, size_t size)
{
    static const char *const units[] = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    if (bytes < 1000) {
        snprintf(buf, size, "%lld bytes", bytes);
        return;
    }
    double v = (double)bytes;
    int u = 0;
    while (v >= 1000 && u < 6) {
        v /= 1000;
        u++;
    }
    if (v < 9.95)
        snprintf(buf, size, "%.1f %s", v, units[u]);
    else
        snprintf(buf, size, "%.0f %s", v, units[u]);
}

/* One scan, as the estimate counts it. */
typedef struct sized {
    const an_item *item;
    const rules_table *table;   /* the entry that sized it; NULL: unsized */
    long long bytes;            /* -1: unsized */
    double days;                /* the window in days; -1: the whole table */
    int capped;                 /* days x bytes_per_day passed the table's bytes */
    int unbounded;              /* partitioned, but no lower bound reaches the scan */
    size_t handles[RULES_MAX_CANDIDATES];  /* per entry the name may be: its
                                   window in the range analysis, or -1 */
} sized;

/* The size of a scan of t whose window is `window` (ignored unless t has
 * a partition column and bytes_per_day). */
static void size_by(sized *s, const rules_table *t, an_bound window, int has_window,
                    long now_days)
{
    s->table = t;
    s->days = -1;
    s->capped = s->unbounded = 0;
    s->bytes = t->bytes;
    if (!t->partitioned || t->bytes_per_day < 0)
        return;
    double days = has_window ? an_window_days(window, now_days) : -1;
    if (days < 0) {
        s->unbounded = 1;
        return;
    }
    long long est = mul_sat((long long)days, t->bytes_per_day);
    s->days = days;
    if (t->bytes >= 0 && est > t->bytes) {
        est = t->bytes;
        s->capped = 1;
    }
    s->bytes = est;
}

/* "~3.1 TB over 400 days of main.sales.transactions", "~2.0 GB of
 * main.sales.customers (the whole table)", "main.x.y (size unknown)". */
static void describe(const sized *s, sbuf *out)
{
    char amount[32];
    const char *name = s->table && s->table->exact ? s->table->exact : s->item->qualified;
    if (s->bytes < 0) {
        sbuf_printf(out, "%s (size unknown: the rules give no \"bytes\" for it)",
                    s->item->qualified ? s->item->qualified : "a table");
        return;
    }
    scan_budget_format_bytes(s->bytes, amount, sizeof amount);
    if (s->days >= 0) {
        sbuf_printf(out, "~%s%s over %.0f day%s of %s", amount,
                    s->capped ? " (the whole table)" : "", s->days, s->days == 1 ? "" : "s", name);
    } else if (s->unbounded) {
        sbuf_printf(out, "~%s of %s (the whole table: no lower bound on %s)", amount, name,
                    s->table->column);
    } else {
        sbuf_printf(out, "~%s of %s (the whole table)", amount, name);
    }
}

void check_scan_budget(check_ctx *ctx)
{
    const rules *ru = ctx->rules;
    analysis *an = ctx->an;
    if (!ru->has_budget)
        return;
    size_t n = 0, cap = an->nitems ? an->nitems : 1;
    sized *scans = xcalloc(cap, sizeof *scans);
    an_clock clock = {ctx->now_days, ctx->now_seconds};
    an_ranges *ranges = an_ranges_new(&clock, check_resolution(ctx));
    /* First every scan and the windows to ask for, solved together. */
    for (size_t i = 0; i < an->nitems; i++) {
        an_item *it = an->items[i];
        if (!analysis_item_reads_table(it) || an_block_reads_nothing(it->block))
            continue;
        const rules_table *cand[RULES_MAX_CANDIDATES];
        size_t nc = rules_resolve(ru, it->qualified, it->nparts, cand, RULES_MAX_CANDIDATES);
        sized *s = &scans[n++];
        *s = (sized){.item = it, .bytes = -1, .days = -1};
        for (size_t k = 0; k < RULES_MAX_CANDIDATES; k++)
            s->handles[k] = k < nc && cand[k]->partitioned && cand[k]->bytes_per_day >= 0
                                ? an_ranges_add(ranges, it, cand[k]->column, cand[k]->derived_from)
                                : (size_t)-1;
    }
    an_ranges_solve(ranges);
    long long total = 0;
    int unsized = 0;
    size_t largest = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        sized *s = &scans[i];
        const rules_table *cand[RULES_MAX_CANDIDATES];
        size_t nc = rules_resolve(ru, s->item->qualified, s->item->nparts, cand,
                                  RULES_MAX_CANDIDATES);
        /* The largest of the entries the name may be (a name that may be
         * more than RULES_MAX_CANDIDATES is refused by table-resolution);
         * one of unknown size makes the scan's size unknown.  A window
         * the search gave up measuring lacks the side it did not find,
         * so it only ever counts larger. */
        sized best = *s;
        for (size_t k = 0; k < nc && k < RULES_MAX_CANDIDATES; k++) {
            sized one = *s;
            int measured = s->handles[k] != (size_t)-1;
            an_bound w = measured ? an_ranges_bound(ranges, s->handles[k]) : (an_bound){0, 0, 0, 0};
            size_by(&one, cand[k], w, measured, ctx->now_days);
            if (one.bytes < 0) {
                best = one;
                break;
            }
            if (best.table == NULL || one.bytes > best.bytes)
                best = one;
        }
        *s = best;
        if (s->bytes < 0) {
            unsized++;
            continue;
        }
        total = add_sat(total, s->bytes);
        if (largest == (size_t)-1 || s->bytes > scans[largest].bytes)
            largest = i;
    }
    an_ranges_free(ranges);
    if (an->incomplete.set)
        unsized++;      /* a table sluice cannot see (IDENTIFIER of a non-constant) */
    int unsized_counts = unsized && ru->budget_unsized_reject;
    ctx->scan_bytes = unsized_counts ? -1 : total;

    /* The scans, largest first, then in order; at most 4 named. */
    sbuf what = SBUF_INIT;
    size_t named = 0;
    if (largest != (size_t)-1) {
        describe(&scans[largest], &what);
        named++;
    }
    for (size_t i = 0; i < n; i++) {
        if (i == largest || (scans[i].bytes < 0 && !unsized_counts))
            continue;
        if (named == 4) {
            sbuf_printf(&what, " and more");
            break;
        }
        sbuf_puts(&what, named ? ", " : "");
        describe(&scans[i], &what);
        named++;
    }
    if (an->incomplete.set && unsized_counts)
        sbuf_printf(&what, "%sa table named by a non-constant IDENTIFIER(...)",
                    named ? ", " : "");
    char total_s[32], limit_s[32];
    scan_budget_format_bytes(total, total_s, sizeof total_s);
    scan_budget_format_bytes(ru->budget_max_bytes, limit_s, sizeof limit_s);
    long long at = largest != (size_t)-1 ? scans[largest].item->location : -1;
    int several = named + (an->incomplete.set && unsized_counts) > 1;
    int over = ru->budget_max_bytes >= 0 && (unsized_counts || total > ru->budget_max_bytes);
    if (over) {
        int reject = ru->budget_enforce == RULES_ENFORCE_REJECT;
        const char *fix = unsized_counts
            ? "give each table's entry its \"bytes\" (or set budget.unsized to \"zero\")"
            : largest != (size_t)-1 && scans[largest].days >= 0 ? "narrow the time range"
            : largest != (size_t)-1 && scans[largest].unbounded
                ? "filter on the partition column to narrow the time range"
                : "read less";
        if (reject)
            ctx->rejected = 1;
        if (unsized_counts)
            check_report(ctx, RULE_SCAN_BUDGET, reject ? SL_SEVERITY_ERROR : SL_SEVERITY_WARNING,
                         at, "the bytes scanned cannot be estimated: %s; the limit is %s; %s",
                         sbuf_cstr(&what), limit_s, fix);
        else
            check_report(ctx, RULE_SCAN_BUDGET, reject ? SL_SEVERITY_ERROR : SL_SEVERITY_WARNING,
                         at, "%s%s%s%s; the limit is %s; %s", several ? "~" : "",
                         several ? total_s : "", several ? " in all: " : "", sbuf_cstr(&what),
                         limit_s, fix);
    } else if (ctx->req->explain) {
        if (ctx->scan_bytes < 0)
            check_report(ctx, RULE_SCAN_BUDGET, SL_SEVERITY_INFO, at,
                         "the bytes scanned cannot be estimated: %s", sbuf_cstr(&what));
        else
            check_report(ctx, RULE_SCAN_BUDGET, SL_SEVERITY_INFO, at,
                         "estimated scan ~%s%s%s%s%s%s", total_s, named ? ": " : " (no table "
                         "scans)", sbuf_cstr(&what), ru->budget_max_bytes >= 0 ? "; within the "
                         "limit of " : "", ru->budget_max_bytes >= 0 ? limit_s : "",
                         unsized ? " (tables of unknown size count as 0)" : "");
    }
    sbuf_free(&what);
    free(scans);
}
