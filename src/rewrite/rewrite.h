/*
 * rewrite.h - the rewrite stage: the rules that may change a statement,
 * run in one fixed order on one shared analysis.
 *
 * Order (the table in rewrite.c is the one place it is written down):
 *   1. limit-cap: cap the rows the statement returns; first, because it
 *      replaces a LIMIT that is not a constant number, which routing
 *      refuses to route under: run later, a second pass over its output
 *      would route what the first did not
 *   2. aggregate-routing: answer aggregate blocks from pre-computed
 *      tables; a routed block no longer scans the fact table, so it runs
 *      before partition-filter judges scans
 *   3. partition-filter: judge every scan of a partitioned table and
 *      inject the default window where the policy says "inject"
 *   4. broadcast-hint: hint joins with small tables; after routing, which
 *      may remove joins
 *
 * Each rule's rewrite is one the rules before it leave nothing to do
 * for: rewriting sluice's output again changes nothing (the corpus and
 * the mutation test check it).
 *
 * After a rule changes the tree (sets ctx->modified), the driver
 * rebuilds ctx->an before the next rule runs; a rule never sees an
 * analysis of a tree that has since changed.  A rule whose change the
 * analysis cannot see (limit-cap setting a LIMIT that was missing or a
 * constant: the analysis points at nothing it replaces) says so with
 * ctx->analysis_kept, and the rebuild is skipped.  A rejection does not stop
 * the stage: every rule still reports, so one lint run lists every
 * finding; the rejected statement's tree is discarded.
 */
#ifndef SLUICE_REWRITE_H
#define SLUICE_REWRITE_H

#include "check/check.h"

/* Run the rewrite stage on ctx->stmt.  ctx->an must hold the analysis
 * of the current tree.  On return ctx->an is stale if ctx->modified is
 * set (nothing after the stage reads it); it must still be freed. */
void rewrite_statement(check_ctx *ctx);

/* The rules (one file each). */
void rewrite_aggregate_routing(check_ctx *ctx);
void rewrite_broadcast_hints(check_ctx *ctx);
void rewrite_limit_cap(check_ctx *ctx);
/* Judges every scan of a partitioned table and injects the default
 * window where the policy says so; the engine also runs it alone, with
 * ctx->judge_only set, on the query of a CREATE ... AS or INSERT. */
void rewrite_partition_filter(check_ctx *ctx);

#endif
