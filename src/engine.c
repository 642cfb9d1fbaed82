/*
 * engine.c - the one entry point.  sl_process() runs the stages in order
 * (bridge, parse, check, rewrite, emit) for every front end: library,
 * CLI and bindings alike.
 *
 * A result owns everything it points to: diagnostics (with their
 * messages in one string pool) and the output text.
 */
#include "sluice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "rules.h"
#include "sbuf.h"

/* Requests larger than this are refused before any work is done. */
#define SL_MAX_QUERY_BYTES (4u << 20)

struct sl_engine {
    rules rules;
};

struct sl_result {
    sl_action action;
    char *sql;
    size_t sql_len;
    size_t nstatements;
    sl_diagnostic *diags;
    size_t ndiags, capdiags;
    char **owned;           /* message strings */
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
    return e;
}

SL_API sl_engine *sl_engine_new_from_file(const char *path, char **error)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (error) {
            sbuf b = SBUF_INIT;
            sbuf_printf(&b, "%s: cannot open rules file", path);
            *error = sbuf_detach(&b);
        }
        return NULL;
    }
    sbuf b = SBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_putn(&b, buf, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sbuf_free(&b);
        if (error) {
            sbuf m = SBUF_INIT;
            sbuf_printf(&m, "%s: read error", path);
            *error = sbuf_detach(&m);
        }
        return NULL;
    }
    sl_engine *e = sl_engine_new(sbuf_cstr(&b), b.len, path, error);
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

/* Line and column (1-based, column in characters) of a byte offset. */
static void line_col(const char *text, size_t len, size_t off,
                     unsigned *line, unsigned *col)
{
    unsigned l = 1, c = 1;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static void add_diag(sl_result *r, const sl_request *req, const char *rule,
                     sl_severity sev, size_t offset, unsigned stmt, const char *msg)
{
    if (r->ndiags == r->capdiags) {
        r->capdiags = r->capdiags ? r->capdiags * 2 : 4;
        r->diags = xrealloc(r->diags, r->capdiags * sizeof *r->diags);
        r->owned = xrealloc(r->owned, r->capdiags * sizeof *r->owned);
    }
    char *m = xstrdup(msg);
    r->owned[r->ndiags] = m;
    sl_diagnostic *d = &r->diags[r->ndiags++];
    d->rule = rule;
    d->severity = sev;
    d->message = m;
    d->offset = offset;
    d->statement = stmt;
    line_col(req->sql, req->sql_len, offset, &d->line, &d->column);
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
    if (req->mode == SL_MODE_ENFORCE &&
        eng->rules.on_unparseable == RULES_UNPARSEABLE_PASS) {
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

SL_API sl_result *sl_process(const sl_engine *eng, const sl_request *req)
{
    sl_result *r = xcalloc(1, sizeof *r);
    r->action = SL_ACTION_PASS;
    if (!req->sql) {
        sl_request empty = *req;
        empty.sql = "";
        empty.sql_len = 0;
        add_diag(r, &empty, "syntax", SL_SEVERITY_ERROR, 0, 0, "no query text");
        r->action = SL_ACTION_REJECT;
        return r;
    }
    if (req->sql_len > SL_MAX_QUERY_BYTES) {
        char msg[128];
        snprintf(msg, sizeof msg, "query is %zu bytes; the limit is %u",
                 req->sql_len, SL_MAX_QUERY_BYTES);
        add_diag(r, req, "limits", SL_SEVERITY_ERROR, 0, 0, msg);
        reject_or_pass_unparseable(eng, r, req);
        return r;
    }
    /* The lexer needs a NUL-terminated copy. */
    char *text = xstrndup(req->sql, req->sql_len);
    dialect_source src;
    dialect_error derr;
    if (dialect_lex(&src, text, req->sql_len, &derr) < 0) {
        add_diag(r, req, "syntax", SL_SEVERITY_ERROR, derr.offset, 0, derr.message);
        reject_or_pass_unparseable(eng, r, req);
        free(text);
        return r;
    }
    dialect_stmt *stmts;
    size_t n = dialect_statements(&src, &stmts);
    r->nstatements = n;
    if (n == 0) {
        add_diag(r, req, "syntax", SL_SEVERITY_ERROR, 0, 0, "no SQL statement in the request");
        reject_or_pass_unparseable(eng, r, req);
        goto out;
    }

    sbuf outb = SBUF_INIT;
    json_t *asts = req->mode == SL_MODE_PARSE ? json_array() : NULL;
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        parsed_stmt ps;
        if (parse_stmt(&src, &stmts[i], &ps, &derr) < 0) {
            add_diag(r, req, "syntax", SL_SEVERITY_ERROR, derr.offset, (unsigned)i, derr.message);
            failed = 1;
            parsed_stmt_free(&ps);
            continue;
        }
        if (req->mode == SL_MODE_PARSE) {
            json_array_append(asts, ps.node);
        } else if (req->mode == SL_MODE_FORMAT || req->mode == SL_MODE_FORMAT_POSTGRES) {
            emit_error eerr;
            if (i)
                sbuf_puts(&outb, ";\n");
            emit_target t = req->mode == SL_MODE_FORMAT ? EMIT_DATABRICKS : EMIT_POSTGRES;
            if (emit_statement(ps.node, t, &outb, &eerr) < 0) {
                size_t off = eerr.location >= 0 ? dialect_to_orig(&ps.br, (size_t)eerr.location)
                                                : stmts[i].start;
                add_diag(r, req, "emit", SL_SEVERITY_ERROR, off, (unsigned)i, eerr.message);
                failed = 1;
            }
        }
        parsed_stmt_free(&ps);
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
        free(s);
    } else if (req->mode == SL_MODE_ENFORCE) {
        /* No rule changed anything: hand back the input, byte for byte. */
        sbuf_putn(&outb, req->sql, req->sql_len);
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

SL_API void sl_result_free(sl_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ndiags; i++)
        free(r->owned[i]);
    free(r->owned);
    free(r->diags);
    free(r->sql);
    free(r);
}
