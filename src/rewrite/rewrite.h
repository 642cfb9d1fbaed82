/*
 * rewrite.h - the entry points of the rules that may change a statement
 * (one file each under src/rewrite/).  Their rows, and the order they run
 * in, are in the rule table (rule_table.c); the driver that runs them is
 * rule_driver.c.
 *
 * A rewrite rule's file starts with a before/after example and the
 * numbered conditions under which the rewrite returns the same result,
 * each with its reason (SQLite's comment above flattenSubquery() is the
 * model).  The rule reads the statement through ctx->an, changes it only
 * through src/ast_edit.c (nodes an edit replaces stay alive until the
 * rule returns: the driver's deferral), sets ctx->modified after an edit,
 * and, when ctx->judge_only is set, edits nothing: a rewrite its policy
 * asks for is then a rejection.  After it returns the driver rebuilds the
 * analysis (unless the rule set ctx->analysis_kept: its change is one the
 * analysis does not describe) before the next rule runs.
 */
#ifndef SLUICE_REWRITE_H
#define SLUICE_REWRITE_H

#include "check/check.h"

void rewrite_aggregate_routing(check_ctx *ctx);
void rewrite_broadcast_hints(check_ctx *ctx);
void rewrite_limit_cap(check_ctx *ctx);
/* Row-level security: every scan of a table the rules filter reads only
 * the rows the request's user may see (row_filter.c); also refuses a
 * statement sluice cannot parse when the rules filter rows. */
void rewrite_row_filter(check_ctx *ctx);
void row_filter_unparsed(check_ctx *ctx);
/* Does a row filter restrict what the request's user reads of the scan
 * it (a catalog table)?  Aggregate routing refuses such a scan. */
int row_filter_applies(check_ctx *ctx, const an_item *it);
/* Judges every scan of a partitioned table and injects the default
 * window where the policy says so; the driver also runs it alone, with
 * ctx->judge_only set, on the query of a CREATE ... AS or INSERT. */
void rewrite_partition_filter(check_ctx *ctx);

#endif
