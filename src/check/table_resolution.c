/*
 * table_resolution.c - rule "table-resolution": the rules file's policy
 * for table names that do not say which configured table they are
 * (docs/superset-resolution.md).  A name written without its catalog or
 * schema is completed with the request's defaults, but the defaults a
 * caller knows may not be the ones the query runs under (Superset's SQL
 * Lab schema dropdown, a dataset's catalog, an earlier USE), so every
 * configured table the written parts may name counts (rules_resolve).
 * This rule refuses, where the rules say so, a bare name that may be a
 * configured table (resolution.unqualified: "reject") and a name that
 * may be several (resolution.ambiguous: "reject"); otherwise the table
 * rules judge the scan against each (partition_filter.c).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

void check_table_resolution(check_ctx *ctx)
{
    const rules *ru = ctx->rules;
    const analysis *an = ctx->an;
    if (ru->ntables == 0)
        return;
    for (size_t i = 0; i < an->nitems; i++) {
        const an_item *it = an->items[i];
        if (it->kind != AN_TABLE || !it->qualified || it->nparts >= 3)
            continue;
        const rules_table *cand[RULES_MAX_CANDIDATES];
        size_t n = rules_resolve(ru, it->qualified, it->nparts, cand, RULES_MAX_CANDIDATES);
        if (n == 0)
            continue;
        char list[400] = "";
        size_t used = 0;
        for (size_t k = 0; k < n && k < RULES_MAX_CANDIDATES && used < sizeof list; k++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "",
                                     cand[k]->exact ? cand[k]->exact : cand[k]->match);
        if (n > RULES_MAX_CANDIDATES) {
            check_report(ctx, RULE_TABLE_RESOLUTION, SL_SEVERITY_ERROR, it->location,
                         "%s may be any of %zu configured tables, more than sluice checks "
                         "one scan against (%d): write it as catalog.schema.table",
                         analysis_written_name(it), n, RULES_MAX_CANDIDATES);
        } else if (ru->unqualified_reject && it->nparts == 1) {
            check_report(ctx, RULE_TABLE_RESOLUTION, SL_SEVERITY_ERROR, it->location,
                         "%s names a configured table (%s) without its schema; the rules ask "
                         "for such names in full: write it as catalog.schema.table",
                         analysis_written_name(it), list);
        } else if (ru->ambiguous == RULES_AMBIGUOUS_REJECT && n > 1) {
            check_report(ctx, RULE_TABLE_RESOLUTION, SL_SEVERITY_ERROR, it->location,
                         "%s may be any of the configured tables %s; write it as "
                         "catalog.schema.table", analysis_written_name(it), list);
        } else {
            continue;
        }
        ctx->rejected = 1;
    }
}
