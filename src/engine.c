/*
 * engine.c - the one entry point.  sl_process() runs the stages in order
 * (bridge, parse, the rules, verify, emit) for every front end: library,
 * CLI and bindings alike.  It names no rule: the rule driver
 * (rule_table.h) analyses each statement and runs the rule table on it.
 *
 * A result owns everything it points to: diagnostics (each message a
 * string of its own, listed in result->owned) and the output text.
 */
#include "sluice.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>

#include "analyze.h"
#include "arena.h"
#include "attribution.h"
#include "ast.h"
#include "check/check.h"
#include "dates.h"
#include "dialect.h"
#include "emit.h"
#include "layout.h"
#include "lineage.h"
#include "parse.h"
#include "rule_table.h"
#include "rules.h"
#include "sbuf.h"
#include "textpos.h"
#include "zones.h"

/* Requests larger than this are refused before any work is done. */
#define SL_MAX_QUERY_BYTES (4u << 20)

struct sl_engine {
    rules rules;
    const rule_def *rows;   /* the rule table (rule_rows; another only in tests) */
    size_t nrows;
};

struct sl_result {
    sl_action action;
    char *sql;
    size_t sql_len;
    size_t nstatements;
    char **tables;          /* what the SQL to run reads */
    size_t ntables;
    char **source_tables;   /* what the request's SQL reads, before any rewrite */
    size_t nsource_tables;
    char **lineage;         /* per statement: its lineage document, or NULL;
                               nlineage is 0 unless the request asked */
    size_t nlineage;
    sl_diagnostic *diags;
    size_t ndiags, capdiags;
    char **owned;           /* message strings */
    long long scan_bytes;   /* the request's estimated bytes scanned, -1: none */
};

SL_API const char *sl_version(void)
{
    return SLUICE_VERSION;
}

SL_API void sl_free(void *p)
{
    free(p);
}

SL_API const char *sl_action_name(sl_action a)
{
    switch (a) {
    case SL_ACTION_PASS: return "pass";
    case SL_ACTION_REWRITE: return "rewrite";
    case SL_ACTION_REJECT: return "reject";
    }
    return "?";
}

SL_API const char *sl_severity_name(sl_severity s)
{
    switch (s) {
    case SL_SEVERITY_ERROR: return "error";
    case SL_SEVERITY_WARNING: return "warning";
    case SL_SEVERITY_INFO: return "info";
    }
    return "?";
}

SL_API sl_engine *sl_engine_new(const char *text, size_t len, const char *source,
                                char **error)
{
    sl_engine *e = xcalloc(1, sizeof *e);
    char *err = NULL;
    if (rules_compile(text, len, source ? source : "<rules>", &e->rules, &err) < 0) {
        free(e);
        if (error)
            *error = err;
        else
            free(err);
        return NULL;
    }
    e->rows = rule_rows;
    e->nrows = rule_nrows;
    return e;
}

void engine_use_rule_rows(sl_engine *e, const rule_def *rows, size_t n)
{
    e->rows = rows;
    e->nrows = n;
}

SL_API sl_engine *sl_engine_new_from_file(const char *path, char **error)
{
    FILE *f = fopen(path, "rb");
    sbuf b = SBUF_INIT;
    const char *problem = !f ? "cannot open rules file"
                        : sbuf_read_stream(&b, f) < 0 ? "read error" : NULL;
    if (f)
        fclose(f);
    if (problem) {
        sbuf_free(&b);
        if (error) {
            sbuf m = SBUF_INIT;
            sbuf_printf(&m, "%s: %s", path, problem);
            *error = sbuf_detach(&m);
        }
        return NULL;
    }
    sl_engine *e = sl_engine_new(b.data, b.len, path, error);
    sbuf_free(&b);
    return e;
}

SL_API void sl_engine_free(sl_engine *e)
{
    if (!e)
        return;
    rules_free(&e->rules);
    free(e);
}

/* A diagnostic with a reason code (a static string, or NULL) and an
 * estimate of rows saved (-1: none). */
static void add_diag_code(sl_result *r, const sl_request *req, rule_id rule, sl_severity sev,
                          size_t offset, unsigned stmt, const char *code, long long rows_saved,
                          const char *msg)
{
    if (r->ndiags == r->capdiags) {
        r->capdiags = r->capdiags ? r->capdiags * 2 : 4;
        r->diags = xrealloc(r->diags, r->capdiags * sizeof *r->diags);
        r->owned = xrealloc(r->owned, r->capdiags * sizeof *r->owned);
    }
    char *m = xstrdup(msg);
    r->owned[r->ndiags] = m;
    sl_diagnostic *d = &r->diags[r->ndiags++];
    d->size = sizeof *d;
    d->rule = rule_name(rule);
    d->severity = sev;
    d->message = m;
    d->offset = offset;
    d->statement = stmt;
    d->code = code;
    d->rows_saved = rows_saved;
    text_line_column(req->sql, req->sql_len, offset, &d->line, &d->column);
}

static void add_diag(sl_result *r, const sl_request *req, rule_id rule,
                     sl_severity sev, size_t offset, unsigned stmt, const char *msg)
{
    add_diag_code(r, req, rule, sev, offset, stmt, NULL, -1, msg);
}

static void set_sql(sl_result *r, sbuf *b)
{
    free(r->sql);
    r->sql_len = b->len;
    r->sql = sbuf_detach(b);
}

static void reject_or_pass_unparseable(const sl_engine *eng, sl_result *r,
                                       const sl_request *req)
{
    /* Never with row filters: a statement sluice cannot read may read
     * a filtered table (row_filter.c). */
    if ((req->mode == SL_MODE_ENFORCE || req->mode == SL_MODE_LINT) &&
        eng->rules.on_unparseable == RULES_UNPARSEABLE_PASS && !eng->rules.nrow_filters) {
        r->action = SL_ACTION_PASS;
        sbuf b = SBUF_INIT;
        sbuf_putn(&b, req->sql, req->sql_len);
        set_sql(r, &b);
        /* The syntax diagnostics stay, downgraded: the policy let it pass. */
        for (size_t i = 0; i < r->ndiags; i++)
            r->diags[i].severity = SL_SEVERITY_WARNING;
    } else {
        r->action = SL_ACTION_REJECT;
    }
}

/* ------------------------------------------------------------------ */
/* Enforcement: the rules                                              */

/* Receives each diagnostic a rule reports: a location in the bridged
 * text of the statement, or -1 for the start of ctx->span. */
static void report_to_result(check_ctx *ctx, rule_id rule, sl_severity sev,
                             long long location, const char *code, long long rows_saved,
                             const char *message)
{
    size_t off = location >= 0 && ctx->stmt
                     ? dialect_to_orig(&ctx->stmt->br, (size_t)location)
                     : ctx->span->start;
    add_diag_code(ctx->engine_data, ctx->req, rule, sev, off, ctx->index, code, rows_saved,
                  message);
}

/* The rules switched off by "sluice: allow id, id" comments in tokens
 * [from, to), as a bit mask over rule_id.  An id that names no rule
 * that can be switched off gets a warning: a misspelt id must not look
 * like a working suppression. */
static unsigned collect_suppressions(const dialect_source *src, size_t from, size_t to,
                                     sl_result *r, const sl_request *req, unsigned stmt)
{
    static const char marker[] = "sluice: allow";
    const size_t mlen = sizeof marker - 1;
    unsigned mask = 0;
    for (size_t i = from; i < to && i < src->ntoks; i++) {
        const dtok *t = &src->toks[i];
        if (t->kind != TK_LINE_COMMENT && t->kind != TK_BLOCK_COMMENT)
            continue;
        const char *p = src->text + t->start, *end = src->text + t->end;
        const char *hit = NULL;
        for (const char *q = p; q + mlen <= end; q++)
            if (memcmp(q, marker, mlen) == 0) {
                hit = q + mlen;
                break;
            }
        while (hit && hit < end) {
            while (hit < end && (*hit == ' ' || *hit == ','))
                hit++;
            const char *w = hit;
            while (hit < end && (isalnum((unsigned char)*hit) || *hit == '-'))
                hit++;
            if (hit == w)
                break;
            int id = rule_lookup_suppressible(w, (size_t)(hit - w));
            if (id >= 0) {
                mask |= 1u << id;
            } else {
                char msg[300], list[200];
                rule_suppressible_list(list, sizeof list);
                snprintf(msg, sizeof msg, "'%.*s' in \"sluice: allow\" names no rule that can be "
                         "switched off (%s); it has no effect",
                         (int)(hit - w > 60 ? 60 : hit - w), w, list);
                add_diag(r, req, RULE_SUPPRESSION, SL_SEVERITY_WARNING,
                         (size_t)(w - src->text), stmt, msg);
            }
        }
    }
    return mask;
}

/* The end of statement i's suppression range: its tokens, then the
 * comments on the rest of its last line (after an optional ';'), so
 * "SELECT ... -- sluice: allow limit-cap" applies to that SELECT.  The
 * next statement's range starts where this one ends. */
static size_t suppression_end(const dialect_source *src, const dialect_stmt *st)
{
    size_t end = st->tok_end;
    int semicolon = 0;
    for (size_t i = st->tok_end; i < src->ntoks; i++) {
        const dtok *t = &src->toks[i];
        if (t->kind == TK_LINE_COMMENT) {
            end = i + 1;
            break;
        }
        if (t->kind == TK_BLOCK_COMMENT) {
            end = i + 1;
        } else if (t->kind == TK_OP && src->text[t->start] == ';' && !semicolon) {
            semicolon = 1;
        } else if (t->kind != TK_SPACE || memchr(src->text + t->start, '\n', t->end - t->start) ||
                   memchr(src->text + t->start, '\r', t->end - t->start)) {
            break;
        }
    }
    return end;
}

/* Record, in *list, the catalog tables the analysed statement reads
 * (CTE bodies that no reference runs are not read), each once. */
static void note_tables(char ***list, size_t *n, const analysis *an)
{
    for (size_t i = 0; i < an->nitems; i++) {
        const an_item *it = an->items[i];
        if (!analysis_item_reads_table(it))
            continue;
        size_t k;
        for (k = 0; k < *n && strcmp((*list)[k], it->qualified) != 0; k++)
            ;
        if (k < *n)
            continue;
        *list = xrealloc(*list, (*n + 1) * sizeof **list);
        (*list)[(*n)++] = xstrdup(it->qualified);
    }
}

/* Re-parse emitted text and compare with the AST it came from: a
 * rewrite is only handed out when it means what the rules built.  The
 * parser's nodes are matched against the AST directly where they can be;
 * any other answer, a mismatch included, builds the tree and compares. */
static int verify_rewrite(const char *sql, size_t len, json_t *expected)
{
    if (parse_text_matches(sql, len, expected) == 1)
        return 0;
    dialect_error err;
    json_t *nodes = parse_text(sql, len, &err);
    int ok = nodes && json_array_size(nodes) == 1 &&
             ast_equal_ignoring_locations(json_array_get(nodes, 0), expected);
    arena_json_release(nodes);
    return ok ? 0 : -1;
}

/* Replace the verified compact text in *out by the request's layout of
 * it, when that layout re-parses to the same tree (layout.c); otherwise
 * *out stays compact.  orig is the statement as the user wrote it. */
static void lay_out(const sl_request *req, const char *orig, size_t orig_len, sbuf *out,
                    json_t *tree)
{
    if (req->layout != SL_LAYOUT_KEEP && req->layout != SL_LAYOUT_PRETTY)
        return;
    /* keep: first with the user's noise words (AS, OUTER), then without. */
    for (int attempt = 0; attempt < 2; attempt++) {
        sbuf laid = SBUF_INIT;
        int rc;
        if (req->layout == SL_LAYOUT_KEEP) {
            char *o = xstrndup(orig, orig_len);
            rc = layout_keep(o, orig_len, sbuf_cstr(out), out->len, attempt == 0, &laid);
            free(o);
        } else {
            rc = attempt == 0 ? layout_pretty(sbuf_cstr(out), out->len, &laid) : -1;
        }
        if (rc == 0 && verify_rewrite(sbuf_cstr(&laid), laid.len, tree) == 0) {
            sbuf_free(out);
            *out = laid;
            return;
        }
        sbuf_free(&laid);
    }
}

/* What enforcing the rules on one request shares across its statements. */
typedef struct enforce_run {
    const sl_engine *eng;
    sl_result *r;
    const sl_request *req;
    const dialect_source *src;
    const dialect_stmt *stmts;
    size_t n;
    long now_days, now_secs;
    int clock_unknown;
    long *fresh_through;        /* per aggregate: the request's, or
                                   CHECK_NO_FRESH_THROUGH (NULL: none given) */
    int rejected, unparseable, modified;
    char **rewritten;           /* per statement: its new text, or NULL */
    char **routed;              /* with the attribution comment, per statement: the
                                   aggregate tables it reads, or NULL */
} enforce_run;

/* What every rule sees of statement i (check.h); the caller sets stmt. */
static void statement_ctx(const enforce_run *run, size_t i, check_ctx *ctx)
{
    const rules *ru = &run->eng->rules;
    const sl_request *req = run->req;
    memset(ctx, 0, sizeof *ctx);
    ctx->rows = run->eng->rows;
    ctx->nrows = run->eng->nrows;
    ctx->rules = ru;
    ctx->req = req;
    ctx->text = run->src->text;
    ctx->src = run->src;
    ctx->span = &run->stmts[i];
    ctx->stmts = run->stmts;
    ctx->nstmts = run->n;
    ctx->index = (unsigned)i;
    ctx->now_days = run->now_days;
    ctx->now_seconds = run->now_secs;
    ctx->clock_unknown = run->clock_unknown;
    ctx->fresh_through = run->fresh_through;
    ctx->catalog = req->catalog ? req->catalog : ru->default_catalog;
    ctx->schema = req->schema ? req->schema : ru->default_schema;
    ctx->report = report_to_result;
    ctx->engine_data = run->r;
    ctx->scan_bytes = -1;
}

/* Add a statement's estimated bytes scanned (-1: unknown) to the
 * request's: unknown when any statement's is (the result never shows a
 * part as the whole). */
static void add_scan_bytes(sl_result *r, long long statement)
{
    if (r->scan_bytes < 0 || statement < 0)
        r->scan_bytes = -1;
    else
        r->scan_bytes = statement > LLONG_MAX - r->scan_bytes ? LLONG_MAX
                                                               : r->scan_bytes + statement;
}

/* Parse statement i of the request and run the rules on it. */
static void enforce_statement(enforce_run *run, size_t i)
{
    const rules *ru = &run->eng->rules;
    const sl_request *req = run->req;
    const dialect_stmt *st = &run->stmts[i];
    sl_result *r = run->r;
    check_ctx ctx;
    statement_ctx(run, i, &ctx);
    parsed_stmt ps;
    dialect_error derr;
    if (parse_stmt(run->src, st, &ps, &derr) < 0) {
        parsed_stmt_free(&ps);
        add_scan_bytes(r, -1);
        if (!rule_read_unparsed(&ctx)) {
            add_diag(r, req, RULE_SYNTAX, SL_SEVERITY_ERROR, derr.offset, (unsigned)i,
                     derr.message);
            run->unparseable = 1;
            rule_judge_unparsed(&ctx);
        } else if (req->lineage) {
            json_t *doc = lineage_no_rows((unsigned)i, ctx.rejected);
            r->lineage[i] = lineage_dump(doc);
            json_decref(doc);
        }
        run->rejected |= ctx.rejected;
        return;
    }
    if (req->mode == SL_MODE_LINT || ru->inline_suppressions) {
        size_t from = i == 0 ? 0 : suppression_end(run->src, &run->stmts[i - 1]);
        ctx.suppressed = collect_suppressions(run->src, from, suppression_end(run->src, st), r,
                                              req, (unsigned)i);
    }
    analysis an;
    ctx.stmt = &ps;
    ctx.an = &an;
    rule_begin(&ctx);
    note_tables(&r->source_tables, &r->nsource_tables, &an);
    /* Lineage of the statement as written, before any rule edits it;
     * the binding it reads is the one the rules share. */
    json_t *lineage = req->lineage ? lineage_statement(&an, check_resolution(&ctx), (unsigned)i)
                                   : NULL;
    rule_run(&ctx);
    add_scan_bytes(r, ctx.scan_bytes);
    if (!ctx.rejected && run->routed)
        run->routed[i] = attribution_routed(ru, &an);
    if (!ctx.rejected) {
        note_tables(&r->tables, &r->ntables, &an);  /* the tables of the final tree */
        if (lineage)
            lineage_set_after(lineage, &an);
    }
    if (lineage) {
        r->lineage[i] = lineage_dump(lineage);
        json_decref(lineage);
    }
    rule_end(&ctx);
    run->rejected |= ctx.rejected;
    if (ctx.modified && !ctx.rejected) {
        sbuf out = SBUF_INIT;
        sbuf_grow(&out, st->end - st->start + 64);    /* the rewrite is about as long */
        emit_error eerr;
        if (emit_statement(ps.node, EMIT_DATABRICKS, &out, &eerr) < 0 ||
            verify_rewrite(sbuf_cstr(&out), out.len, ps.node) < 0) {
            add_diag(r, req, RULE_REWRITE_VERIFY, SL_SEVERITY_ERROR, st->start, (unsigned)i,
                     "internal error: the rewritten statement does not re-parse to the "
                     "intended query; refusing it");
            run->rejected = 1;
            sbuf_free(&out);
        } else {
            lay_out(req, run->src->text + st->start, st->end - st->start, &out, ps.node);
            run->rewritten[i] = sbuf_detach(&out);
            run->modified = 1;
        }
    }
    parsed_stmt_free(&ps);
}

/* The request's fresh_through pairs (sl_request.fresh_through) as a day
 * per aggregate, in *out (malloc'd).  Returns 0, or -1 with the request
 * rejected: a table that is no aggregate of the rules, a day that is not
 * YYYY-MM-DD. */
static int request_fresh_through(const sl_engine *eng, sl_result *r, const sl_request *req,
                                 long **out)
{
    const rules *ru = &eng->rules;
    long *days = xcalloc(ru->naggregates ? ru->naggregates : 1, sizeof *days);
    for (size_t k = 0; k < ru->naggregates; k++)
        days[k] = CHECK_NO_FRESH_THROUGH;
    for (size_t i = 0; i < req->nfresh_through; i++) {
        const char *table = req->fresh_through ? req->fresh_through[2 * i] : NULL;
        const char *day = req->fresh_through ? req->fresh_through[2 * i + 1] : NULL;
        size_t k = 0;
        while (table && k < ru->naggregates && strcasecmp(ru->aggregates[k].table, table) != 0)
            k++;
        long d = 0, secs = 0;
        char msg[200];
        msg[0] = '\0';
        if (!table || k == ru->naggregates)
            snprintf(msg, sizeof msg, "\"fresh_through\" names '%.80s', which the rules do not "
                     "declare as an aggregate", table ? table : "(null)");
        else if (!day || dates_parse(day, &d, &secs) < 0 || secs != 0 || strlen(day) != 10)
            snprintf(msg, sizeof msg, "\"fresh_through\" of %.80s: '%.40s' is not a date "
                     "YYYY-MM-DD", table, day ? day : "(null)");
        else if (ru->aggregates[k].time_dim < 0)
            snprintf(msg, sizeof msg, "\"fresh_through\" of %.80s: the aggregate has no time "
                     "dimension", table);
        if (msg[0]) {
            add_diag(r, req, RULE_REQUEST, SL_SEVERITY_ERROR, 0, 0, msg);
            r->action = SL_ACTION_REJECT;
            free(days);
            return -1;
        }
        days[k] = d;
    }
    *out = days;
    return 0;
}

static void enforce(const sl_engine *eng, sl_result *r, const sl_request *req,
                    const dialect_source *src, const dialect_stmt *stmts, size_t n)
{
    enforce_run run = {eng, r, req, src, stmts, n, 0, 0, 0, NULL, 0, 0, 0, NULL, NULL};
    if (req->now) {
        if (dates_parse(req->now, &run.now_days, &run.now_secs) < 0) {
            char msg[160];
            snprintf(msg, sizeof msg, "invalid \"now\" '%.60s': expected YYYY-MM-DD[ HH:MM:SS]",
                     req->now);
            add_diag(r, req, RULE_REQUEST, SL_SEVERITY_ERROR, 0, 0, msg);
            r->action = SL_ACTION_REJECT;
            return;
        }
    } else {
        time_t t = time(NULL);
        run.now_days = (long)(t / 86400);
        run.now_secs = (long)(t % 86400);
    }
    /* Spark reads current_date() and current_timestamp() on the session's
     * wall clock (spark.sql.session.timeZone); "now" is UTC's. */
    long offset = 0;
    long long utc = (long long)run.now_days * 86400 + run.now_secs;
    if (req->time_zone && zone_offset_at(req->time_zone, utc, &offset) < 0)
        run.clock_unknown = 1;
    else if (offset != 0) {
        long long local = utc + offset;
        run.now_days = dates_day_of_us(local * DATES_US_PER_SECOND);
        run.now_secs = (long)(local - (long long)run.now_days * 86400);
    }
    if (req->nfresh_through && request_fresh_through(eng, r, req, &run.fresh_through) < 0)
        return;
    r->scan_bytes = eng->rules.has_budget ? 0 : -1;
    check_ctx whole;
    statement_ctx(&run, 0, &whole);
    rule_judge_request(&whole);
    run.rejected = whole.rejected;
    run.rewritten = xcalloc(n, sizeof *run.rewritten);
    int attribute = eng->rules.attribution_comment && req->mode == SL_MODE_ENFORCE;
    if (attribute)
        run.routed = xcalloc(n, sizeof *run.routed);
    if (req->lineage) {
        r->lineage = xcalloc(n, sizeof *r->lineage);
        r->nlineage = n;
    }
    for (size_t i = 0; i < n; i++) {
        /* A statement's trees go when it is done: what it leaves for the
         * result (diagnostics, tables, its new text) is malloc'd. */
        arena_mark m = arena_mark_now();
        enforce_statement(&run, i);
        arena_release_to(m);
    }
    if (run.unparseable && !run.rejected) {
        reject_or_pass_unparseable(eng, r, req);
    } else if (run.rejected) {
        r->action = SL_ACTION_REJECT;
    } else {
        sbuf out = SBUF_INIT;
        if (attribute) {
            /* The attribution comment before each statement: the SQL is
             * the input only when it already carried the same comments. */
            attribution_output(&out, src, stmts, n, run.rewritten, run.routed, req,
                               eng->rules.digest);
            r->action = out.len == req->sql_len && memcmp(out.data, req->sql, out.len) == 0
                            ? SL_ACTION_PASS : SL_ACTION_REWRITE;
        } else if (run.modified) {
            for (size_t i = 0; i < n; i++) {
                if (i)
                    sbuf_puts(&out, ";\n");
                if (run.rewritten[i])
                    sbuf_puts(&out, run.rewritten[i]);
                else
                    sbuf_putn(&out, req->sql + stmts[i].start, stmts[i].end - stmts[i].start);
            }
            r->action = SL_ACTION_REWRITE;
        } else {
            /* No rule changed anything: hand back the input, byte for byte. */
            sbuf_putn(&out, req->sql, req->sql_len);
            r->action = SL_ACTION_PASS;
        }
        set_sql(r, &out);
    }
    for (size_t i = 0; i < n; i++) {
        free(run.rewritten[i]);
        if (run.routed)
            free(run.routed[i]);
    }
    free(run.rewritten);
    free(run.routed);
    free(run.fresh_through);
}

SL_API size_t sl_request_size(void)
{
    return sizeof(sl_request);
}

SL_API size_t sl_diagnostic_size(void)
{
    return sizeof(sl_diagnostic);
}

static sl_result *process(const sl_engine *eng, const sl_request *caller_req);

/* Every jansson value the request builds comes from the thread's arena
 * (arena.h) and is gone when it returns; the result is malloc'd.  Never
 * inlined, even into a program linked statically with link-time
 * optimisation: it is the one frame profiles and benchmarks measure, as
 * a host calling the shared library sees it. */
SL_API __attribute__((noinline)) sl_result *sl_process(const sl_engine *eng, const sl_request *caller_req)
{
    arena_request_begin();
    sl_result *r = process(eng, caller_req);
    arena_request_end();
    return r;
}

static sl_result *process(const sl_engine *eng, const sl_request *caller_req)
{
    sl_result *r = xcalloc(1, sizeof *r);
    r->action = SL_ACTION_PASS;
    r->scan_bytes = -1;
    /* The caller's request, as far as its size says; the rest zero. */
    sl_request full;
    memset(&full, 0, sizeof full);
    size_t given = caller_req->size < sizeof full ? caller_req->size : sizeof full;
    memcpy(&full, caller_req, given);
    const sl_request *req = &full;
    if (given < offsetof(sl_request, mode) + sizeof full.mode) {
        sl_request empty = full;
        empty.sql = "";
        empty.sql_len = 0;
        add_diag(r, &empty, RULE_REQUEST, SL_SEVERITY_ERROR, 0, 0,
                 "the request's size field is not set: start from SL_REQUEST_INIT");
        r->action = SL_ACTION_REJECT;
        return r;
    }
    if (!req->sql) {
        sl_request empty = *req;
        empty.sql = "";
        empty.sql_len = 0;
        add_diag(r, &empty, RULE_SYNTAX, SL_SEVERITY_ERROR, 0, 0, "no query text");
        r->action = SL_ACTION_REJECT;
        return r;
    }
    if (req->sql_len > SL_MAX_QUERY_BYTES) {
        char msg[128];
        snprintf(msg, sizeof msg, "query is %zu bytes; the limit is %u",
                 req->sql_len, SL_MAX_QUERY_BYTES);
        add_diag(r, req, RULE_LIMITS, SL_SEVERITY_ERROR, 0, 0, msg);
        reject_or_pass_unparseable(eng, r, req);
        return r;
    }
    /* The lexer needs a NUL-terminated copy. */
    char *text = xstrndup(req->sql, req->sql_len);
    dialect_source src;
    dialect_error derr;
    if (dialect_lex(&src, text, req->sql_len, &derr) < 0) {
        add_diag(r, req, RULE_SYNTAX, SL_SEVERITY_ERROR, derr.offset, 0, derr.message);
        reject_or_pass_unparseable(eng, r, req);
        free(text);
        return r;
    }
    dialect_stmt *stmts;
    size_t n = dialect_statements(&src, &stmts);
    r->nstatements = n;
    if (n == 0) {
        add_diag(r, req, RULE_SYNTAX, SL_SEVERITY_ERROR, 0, 0, "no SQL statement in the request");
        reject_or_pass_unparseable(eng, r, req);
        goto out;
    }

    if (req->mode == SL_MODE_ENFORCE || req->mode == SL_MODE_LINT) {
        enforce(eng, r, req, &src, stmts, n);
        goto out;
    }
    sbuf outb = SBUF_INIT;
    json_t *asts = req->mode == SL_MODE_PARSE ? json_array() : NULL;
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        /* Formatting, a statement's trees go when its text is out; the
         * AST output holds every tree to the end. */
        arena_mark m = arena_mark_now();
        parsed_stmt ps;
        if (parse_stmt(&src, &stmts[i], &ps, &derr) < 0) {
            add_diag(r, req, RULE_SYNTAX, SL_SEVERITY_ERROR, derr.offset, (unsigned)i, derr.message);
            failed = 1;
            parsed_stmt_free(&ps);
            if (!asts)
                arena_release_to(m);
            continue;
        }
        if (req->mode == SL_MODE_PARSE) {
            json_array_append(asts, ps.node);
        } else if (req->mode == SL_MODE_FORMAT || req->mode == SL_MODE_FORMAT_POSTGRES) {
            emit_error eerr;
            if (i)
                sbuf_puts(&outb, ";\n");
            emit_target t = req->mode == SL_MODE_FORMAT ? EMIT_DATABRICKS : EMIT_POSTGRES;
            sbuf one = SBUF_INIT;
            int emitted = emit_statement(ps.node, t, &one, &eerr);
            if (emitted == 0 && t == EMIT_DATABRICKS && req->layout == SL_LAYOUT_PRETTY)
                lay_out(req, NULL, 0, &one, ps.node);
            sbuf_putn(&outb, one.data ? one.data : "", one.len);
            sbuf_free(&one);
            if (emitted < 0) {
                size_t off = eerr.location >= 0 ? dialect_to_orig(&ps.br, (size_t)eerr.location)
                                                : stmts[i].start;
                add_diag(r, req, RULE_EMIT, SL_SEVERITY_ERROR, off, (unsigned)i, eerr.message);
                failed = 1;
            }
        }
        parsed_stmt_free(&ps);
        if (!asts)
            arena_release_to(m);
    }
    if (failed) {
        sbuf_free(&outb);
        json_decref(asts);
        reject_or_pass_unparseable(eng, r, req);
        goto out;
    }
    if (req->mode == SL_MODE_PARSE) {
        json_t *doc = json_pack("{s:o}", "statements", asts);
        char *s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(doc);
        sbuf_puts(&outb, s);
        arena_json_free(s);
    }
    set_sql(r, &outb);
out:
    free(stmts);
    dialect_source_free(&src);
    free(text);
    return r;
}

SL_API sl_action sl_result_action(const sl_result *r)
{
    return r->action;
}

SL_API const char *sl_result_sql(const sl_result *r, size_t *len)
{
    if (len)
        *len = r->sql ? r->sql_len : 0;
    return r->sql;
}

SL_API size_t sl_result_diagnostic_count(const sl_result *r)
{
    return r->ndiags;
}

SL_API const sl_diagnostic *sl_result_diagnostic(const sl_result *r, size_t i)
{
    return i < r->ndiags ? &r->diags[i] : NULL;
}

SL_API size_t sl_result_statement_count(const sl_result *r)
{
    return r->nstatements;
}

SL_API size_t sl_result_table_count(const sl_result *r)
{
    return r->action == SL_ACTION_REJECT ? 0 : r->ntables;
}

SL_API const char *sl_result_table(const sl_result *r, size_t i)
{
    return i < sl_result_table_count(r) ? r->tables[i] : NULL;
}

SL_API long long sl_result_scan_bytes(const sl_result *r)
{
    return r->scan_bytes;
}

SL_API void sl_result_free(sl_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ndiags; i++)
        free(r->owned[i]);
    free(r->owned);
    for (size_t i = 0; i < r->ntables; i++)
        free(r->tables[i]);
    free(r->tables);
    for (size_t i = 0; i < r->nsource_tables; i++)
        free(r->source_tables[i]);
    free(r->source_tables);
    for (size_t i = 0; i < r->nlineage; i++)
        free(r->lineage[i]);
    free(r->lineage);
    free(r->diags);
    free(r->sql);
    free(r);
}

SL_API size_t sl_result_source_table_count(const sl_result *r)
{
    return r->nsource_tables;
}

SL_API const char *sl_result_source_table(const sl_result *r, size_t i)
{
    return i < r->nsource_tables ? r->source_tables[i] : NULL;
}

SL_API const char *sl_result_lineage_json(const sl_result *r, size_t i, size_t *len)
{
    const char *doc = i < r->nlineage ? r->lineage[i] : NULL;
    if (len)
        *len = doc ? strlen(doc) : 0;
    return doc;
}

/* ------------------------------------------------------------------ */
/* One call for a binding: sl_process() and every accessor, packed     */

/* Appends to a packed result while it fits; counts the size always. */
typedef struct packer {
    unsigned char *buf;
    size_t cap, len;
} packer;

static void pack_bytes(packer *p, const void *data, size_t n)
{
    if (p->len + n <= p->cap && n)
        memcpy(p->buf + p->len, data, n);
    p->len += n;
}

static void pack_u32(packer *p, size_t v)
{
    uint32_t u = (uint32_t)v;
    pack_bytes(p, &u, sizeof u);
}

static void pack_tables(packer *p, const sl_engine *eng, char **tables, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const rules_table *t = rules_find_table(&eng->rules, tables[i]);
        int64_t rows = t ? (int64_t)t->rows : -1;
        size_t len = strlen(tables[i]);
        pack_u32(p, len);
        pack_bytes(p, &rows, sizeof rows);
        pack_bytes(p, tables[i], len);
    }
}

SL_API size_t sl_process_packed(const sl_engine *eng, const sl_request *req, void *buf,
                                size_t cap)
{
    sl_result *r = sl_process(eng, req);
    if (!r)
        return 0;
    packer p = {buf, cap, 0};
    size_t ntables = sl_result_table_count(r);
    pack_u32(&p, SL_PACKED_VERSION);
    pack_u32(&p, r->action);
    pack_u32(&p, r->nstatements);
    pack_u32(&p, r->ndiags);
    pack_u32(&p, ntables);
    pack_u32(&p, r->nsource_tables);
    pack_u32(&p, r->sql ? r->sql_len : UINT32_MAX);
    pack_u32(&p, r->nlineage);
    if (r->sql)
        pack_bytes(&p, r->sql, r->sql_len);
    for (size_t i = 0; i < r->ndiags; i++) {
        const sl_diagnostic *d = &r->diags[i];
        size_t rl = strlen(d->rule), ml = strlen(d->message);
        pack_u32(&p, d->severity);
        pack_u32(&p, d->line);
        pack_u32(&p, d->column);
        pack_u32(&p, d->offset);
        pack_u32(&p, d->statement);
        pack_u32(&p, rl);
        pack_u32(&p, ml);
        pack_bytes(&p, d->rule, rl);
        pack_bytes(&p, d->message, ml);
        size_t cl = d->code ? strlen(d->code) : 0;
        int64_t saved = d->rows_saved;
        pack_u32(&p, d->code ? cl : UINT32_MAX);
        pack_bytes(&p, &saved, sizeof saved);
        pack_bytes(&p, d->code, cl);
    }
    pack_tables(&p, eng, r->tables, ntables);
    pack_tables(&p, eng, r->source_tables, r->nsource_tables);
    for (size_t i = 0; i < r->nlineage; i++) {
        size_t len = r->lineage[i] ? strlen(r->lineage[i]) : 0;
        pack_u32(&p, r->lineage[i] ? len : UINT32_MAX);
        pack_bytes(&p, r->lineage[i], len);
    }
    int64_t scan = r->scan_bytes;
    pack_bytes(&p, &scan, sizeof scan);
    sl_result_free(r);
    return p.len;
}
