/*
 * rule_driver.c - runs the rule table (rule_table.h) on one statement:
 * which rows run, the query they judge, the analysis they share, the
 * nodes a rule replaces, and the final guard re-check.  The engine calls
 * it and names no rule; a rule never calls another.
 */
#include "rule_table.h"

#include <stdio.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "check/check.h"

/* The query inside CREATE TABLE ... AS, CREATE VIEW ... AS and INSERT
 * ... query: a statement node ({"SelectStmt": ...}, a new reference) for
 * the rules to judge, or NULL for other statements.  *what names the
 * statement for messages.  An INSERT's own WITH clause (WITH c AS (...)
 * INSERT INTO t SELECT ... FROM c) scopes its query, so it joins the
 * query's, the query's own CTEs innermost. */
static json_t *statement_query(json_t *node, const char **what)
{
    json_t *f;
    const char *name;
    ast_unwrap(node, NULL, &name);
    if (!name || !(f = ast_get(node, name)))
        return NULL;
    if (strcmp(name, "CreateTableAsStmt") == 0 || strcmp(name, "ViewStmt") == 0) {
        *what = name[0] == 'V' ? "CREATE VIEW ... AS" : "CREATE TABLE ... AS";
        json_t *q = ast_get(f, "query");
        return ast_get(q, "SelectStmt") ? json_incref(q) : NULL;
    }
    if (strcmp(name, "InsertStmt") != 0)
        return NULL;
    *what = "INSERT";
    json_t *q = ast_get(f, "selectStmt"), *outer = ast_get(f, "withClause");
    json_t *sel = ast_get(q, "SelectStmt");
    if (!sel)
        return NULL;
    if (!outer)
        return json_incref(q);
    json_t *copy = json_copy(sel), *with = json_copy(outer);
    json_t *ctes = json_copy(ast_get(outer, "ctes"));
    json_t *own = ast_get(sel, "withClause");
    if (own) {
        json_array_extend(ctes, ast_get(own, "ctes"));
        if (ast_get(own, "recursive"))
            json_object_set(with, "recursive", ast_get(own, "recursive"));
    }
    json_object_set_new(with, "ctes", ctes);
    json_object_set_new(copy, "withClause", with);
    return ast_new_node("SelectStmt", copy);
}

/* The one place the rules' view of the tree is built: the analysis of
 * ctx->query (and, beside it, anything else derived from the tree that
 * an edit makes stale, such as a name resolution).  reanalyse() is the
 * one place it is thrown away and rebuilt after an edit. */
static void analyse(check_ctx *ctx)
{
    analysis_build(ctx->an, ctx->query, ctx->catalog, ctx->schema);
    ctx->analysis_stale = 0;
}

static void reanalyse(check_ctx *ctx)
{
    check_resolution_drop(ctx);
    analysis_free(ctx->an);
    analyse(ctx);
}

void rule_begin(check_ctx *ctx)
{
    ctx->container = NULL;
    json_t *inner = statement_query(ctx->stmt->node, &ctx->container);
    if (!inner)
        ctx->container = NULL;
    ctx->query = inner ? inner : json_incref(ctx->stmt->node);
    analyse(ctx);
}

void rule_end(check_ctx *ctx)
{
    check_resolution_drop(ctx);
    analysis_free(ctx->an);
    json_decref(ctx->query);
    ctx->query = NULL;
}

/* ------------------------------------------------------------------ */
/* The final guard re-check                                            */

/* While a guard re-checks the final tree its findings are held, not
 * reported: a statement that passes gets no second diagnostic. */
typedef struct held {
    void (*report)(check_ctx *ctx, rule_id rule, sl_severity sev, long long location,
                   const char *code, long long rows_saved, const char *message);
    void *engine_data;
    int have;
    long long location;
    char message[700];
} held;

static void hold_report(check_ctx *ctx, rule_id rule, sl_severity sev, long long location,
                        const char *code, long long rows_saved, const char *message)
{
    held *h = ctx->engine_data;
    (void)rule;
    (void)code;
    (void)rows_saved;
    if (sev != SL_SEVERITY_ERROR || h->have)
        return;
    h->have = 1;
    h->location = location;
    snprintf(h->message, sizeof h->message, "%s", message);
}

/* Run guard row g on the final tree, judging only.  Returns 1 if it
 * would reject the statement (and has reported why), else 0. */
static int recheck_guard(check_ctx *ctx, const rule_def *g, const rule_def *last)
{
    held h = {ctx->report, ctx->engine_data, 0, -1, ""};
    ctx->report = hold_report;
    ctx->engine_data = &h;
    ctx->judge_only = "the rewritten statement";
    ctx->rejected = 0;
    ctx->modified = 0;
    ast_defer_open();           /* a guard that edits anyway breaks the rule below */
    g->run(ctx);
    ast_defer_close();
    int changed = ctx->modified, broke = ctx->rejected || changed;
    ctx->report = h.report;
    ctx->engine_data = h.engine_data;
    ctx->judge_only = NULL;
    ctx->modified = 1;
    ctx->rejected = broke;
    if (!broke)
        return 0;
    if (!h.have || changed)
        snprintf(h.message, sizeof h.message, "%s would %s", g->name,
                 changed ? "change it again" : "reject it");
    check_report(ctx, g->id, SL_SEVERITY_ERROR, h.location,
                 "internal error: the rewritten statement breaks this rule: %s (the tree "
                 "was last changed by %s); refusing it", h.message, last->name);
    return 1;
}

/* Re-check the final tree with every guard row before the last row that
 * changed it (rows[0..last)): a guard after it, or the last one itself,
 * judged a tree no rule changed since.  Only for a changed tree, so a
 * statement no rule rewrote costs nothing more. */
static void recheck(check_ctx *ctx, unsigned on, size_t last)
{
    for (size_t i = 0; i < last; i++) {
        const rule_def *g = &ctx->rows[i];
        if (g->guard && g->run && (g->on & on) && !check_is_suppressed(ctx, g->id) &&
            recheck_guard(ctx, g, &ctx->rows[last]))
            return;
    }
}

/* ------------------------------------------------------------------ */
/* Running the rows                                                    */

void rule_run(check_ctx *ctx)
{
    unsigned on = ctx->container ? RULE_ON_INSIDE
                : ast_get(ctx->stmt->node, "SelectStmt") ? RULE_ON_SELECT : RULE_ON_OTHER;
    size_t last = 0;            /* 1 + the index of the last row that changed the tree */
    int stale = 0;
    for (size_t i = 0; i < ctx->nrows; i++) {
        const rule_def *r = &ctx->rows[i];
        if (!r->run || !(r->on & on) || check_is_suppressed(ctx, r->id))
            continue;
        if (stale) {
            reanalyse(ctx);     /* every pointer in the old analysis may be stale */
            stale = 0;
        }
        int before = ctx->modified;
        ctx->modified = 0;
        ctx->analysis_kept = 0;
        ctx->judge_only = on == RULE_ON_INSIDE ? ctx->container : NULL;
        ast_defer_open();
        r->run(ctx);
        ast_defer_close();
        if (ctx->modified) {
            last = i + 1;
            stale = !ctx->analysis_kept;
        }
        ctx->modified |= before;
        if (r->stage == RULE_STAGE_JUDGE && ctx->rejected)
            break;
    }
    ctx->judge_only = NULL;
    ctx->analysis_stale = stale;
    if (ctx->rejected)
        return;     /* the tree is discarded; nothing reads the analysis */
    if (stale)
        reanalyse(ctx);
    if (last)
        recheck(ctx, on, last - 1);
}

/* ------------------------------------------------------------------ */
/* Statements the parser does not read, and the request                */

int rule_read_unparsed(check_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nrows; i++)
        if (ctx->rows[i].read_unparsed && ctx->rows[i].read_unparsed(ctx))
            return 1;
    return 0;
}

void rule_judge_unparsed(check_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nrows; i++)
        if (ctx->rows[i].judge_unparsed)
            ctx->rows[i].judge_unparsed(ctx);
}

void rule_judge_request(check_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nrows; i++)
        if (ctx->rows[i].judge_request)
            ctx->rows[i].judge_request(ctx);
}
