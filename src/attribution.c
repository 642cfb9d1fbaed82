/*
 * attribution.c - the attribution comment at the head of each statement
 * (attribution.h says what it holds and what it guarantees): writing it,
 * escaping its values, finding the tables routing read instead, and
 * laying it into the SQL to run.
 *
 * Why percent-encoding rather than Spark's own escapes: inside a block
 * comment nothing is an escape.  Spark's lexer (SqlBaseLexer.g4,
 * BRACKETED_COMMENT: '/' '*' ( BRACKETED_COMMENT | . )*? '*' '/') ends
 * the comment at the first star-slash that closes every slash-star
 * opened inside it, so a value holding either pair could end the comment
 * early or swallow the statement; sqlglot, Superset's parser, rewrites
 * them to "* /" and "/ *" when it re-generates the query.  Writing
 * neither '*' nor '/' makes both pairs impossible; no newline, quote or
 * backslash is written either, so whatever reads the comment back (a
 * log parser, query history) sees one line of key=value pairs.
 */
#include "attribution.h"

#include <string.h>

/* A byte written as itself: nothing that can start or end a comment, a
 * string or a line, and no separator of the comment's own syntax (',',
 * '=', ' ', '+', '%'). */
static int plain_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '@' || c == ':' || c == '-';
}

static void put_value(sbuf *out, const char *v, size_t n)
{
    size_t take = n > ATTRIBUTION_MAX_VALUE ? ATTRIBUTION_MAX_VALUE : n;
    for (size_t i = 0; i < take; i++) {
        unsigned char c = (unsigned char)v[i];
        if (plain_byte(c))
            sbuf_putc(out, (char)c);
        else
            sbuf_printf(out, "%%%02X", c);
    }
    if (take < n)
        sbuf_puts(out, "...");
}

static void put_field(sbuf *out, int *first, const char *key, const char *v)
{
    if (!v || !*v)
        return;
    sbuf_printf(out, "%s%s=", *first ? "" : ", ", key);
    put_value(out, v, strlen(v));
    *first = 0;
}

void attribution_comment(sbuf *out, const sl_request *req, const char *digest,
                         const char *routed)
{
    int first = 1;
    sbuf_puts(out, "/* sluice: ");
    put_field(out, &first, "user", req->user);
    put_field(out, &first, "dashboard", req->dashboard_id);
    put_field(out, &first, "chart", req->chart_id);
    put_field(out, &first, "source", req->source);
    if (digest && *digest) {
        sbuf_printf(out, "%srules=%.16s", first ? "" : ", ", digest);
        first = 0;
    }
    if (routed && *routed)      /* escaped already (attribution_routed) */
        sbuf_printf(out, "%srouted=%s", first ? "" : ", ", routed);
    sbuf_puts(out, " */");
}

char *attribution_routed(const rules *ru, const analysis *after)
{
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < after->nitems; i++) {
        const an_item *it = after->items[i];
        if (!analysis_item_reads_table(it))
            continue;
        int aggregate = 0;
        for (size_t k = 0; k < ru->naggregates && !aggregate; k++)
            aggregate = strcmp(ru->aggregates[k].table, it->qualified) == 0;
        if (!aggregate)
            continue;
        /* Each table once: the names before it, escaped as they are. */
        sbuf name = SBUF_INIT;
        put_value(&name, it->qualified, strlen(it->qualified));
        const char *s = sbuf_cstr(&b), *hit = s;
        int seen = 0;
        while (!seen && (hit = strstr(hit, sbuf_cstr(&name))) != NULL) {
            seen = (hit == s || hit[-1] == '+') && (hit[name.len] == '\0' || hit[name.len] == '+');
            hit += name.len;
        }
        if (!seen) {
            /* '+' separates: inside a name it is escaped (%2B). */
            if (b.len)
                sbuf_putc(&b, '+');
            sbuf_putn(&b, name.data, name.len);
        }
        sbuf_free(&name);
    }
    if (b.len)
        return sbuf_detach(&b);
    sbuf_free(&b);
    return NULL;
}

/* Is token t a block comment whose text starts "sluice:" (after the
 * slash-star and any spaces)? */
static int sluice_comment(const dialect_source *src, const dtok *t)
{
    if (t->kind != TK_BLOCK_COMMENT)
        return 0;
    const char *p = src->text + t->start + 2, *end = src->text + t->end;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return (size_t)(end - p) >= 7 && memcmp(p, "sluice:", 7) == 0;
}

void attribution_output(sbuf *out, const dialect_source *src, const dialect_stmt *stmts,
                        size_t n, char *const *rewritten, char *const *routed,
                        const sl_request *req, const char *digest)
{
    const char *text = req->sql;
    int modified = 0;
    for (size_t i = 0; i < n; i++)
        modified |= rewritten[i] != NULL;
    if (modified) {
        for (size_t i = 0; i < n; i++) {
            if (i)
                sbuf_puts(out, ";\n");
            attribution_comment(out, req, digest, routed[i]);
            sbuf_putc(out, ' ');
            if (rewritten[i])
                sbuf_puts(out, rewritten[i]);
            else
                sbuf_putn(out, text + stmts[i].start, stmts[i].end - stmts[i].start);
        }
        return;
    }
    /* The request's bytes with the comments laid in: the first at the
     * very start of the text, so the query text sluice hands out always
     * begins with it (a reader of query history needs look nowhere else:
     * no comment the author wrote can stand before it); each later one
     * just before its statement.  The comments and spaces around a
     * statement are kept, except a "sluice:" block comment (and the space
     * after it) before it, which the new comment replaces: the output run
     * again is unchanged, and no such comment the author wrote survives
     * in front of the statement. */
    size_t at = 0, tok = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0) {
            attribution_comment(out, req, digest, routed[i]);
            sbuf_putc(out, ' ');
        }
        for (; tok < stmts[i].tok_begin; tok++) {
            const dtok *t = &src->toks[tok];
            if (!sluice_comment(src, t))
                continue;
            sbuf_putn(out, text + at, t->start - at);
            at = t->end;
            if (tok + 1 < stmts[i].tok_begin && src->toks[tok + 1].kind == TK_SPACE &&
                text[at] == ' ') {
                at++;
                if (src->toks[tok + 1].end == at)
                    tok++;      /* the space was one byte: its token is used up */
            }
        }
        sbuf_putn(out, text + at, stmts[i].start - at);
        if (i > 0) {
            attribution_comment(out, req, digest, routed[i]);
            sbuf_putc(out, ' ');
        }
        at = stmts[i].start;
        tok = stmts[i].tok_end;
    }
    sbuf_putn(out, text + at, req->sql_len - at);
}
