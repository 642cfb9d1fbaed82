/*
 * parse.c - a bridged statement through the parser (pgtree.c), error
 * positions, post-parse fix-ups, and the reader of libpg_query's JSON.
 */
#include "parse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "ast.h"
#include "ast_edit.h"
#include "pgtree.h"

/* libpg_query reports cursorpos as a 1-based CHARACTER index into the
 * text it parsed; node locations are byte offsets.  This is the one
 * place the first is turned into the second. */
static size_t cursor_to_byte(const char *text, size_t len, int cursorpos)
{
    size_t chars = cursorpos > 0 ? (size_t)cursorpos - 1 : 0, i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* Reading libpg_query's JSON                                          */

/*
 * pg_query_parse() hands the tree over as JSON text; pgtree.c builds most
 * trees from the parser's nodes instead and comes here for the rest (and
 * the tests compare the two).  jansson's json_loads() reads any JSON
 * through a character stream with full validation, and took twice as long
 * as the parse itself.  This reader knows the input:
 * UTF-8 already validated by the lexer, no whitespace, few escapes.  It
 * builds the same jansson values (the unit tests compare it with
 * json_loads() on every corpus statement) and refuses anything else.
 */
typedef struct jreader {
    const char *p, *end;
    int depth;
    const char *error;
    sbuf buf;
} jreader;

#define JREADER_MAX_DEPTH JSON_PARSER_MAX_DEPTH

static json_t *jr_value(jreader *r);

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

/* A string at r->p (after the quote): returns its bytes in *s, *n. */
static int jr_string(jreader *r, const char **s, size_t *n)
{
    const char *start = r->p, *q = start;
    while (q < r->end && *q != '"' && *q != '\\')
        q++;
    if (q < r->end && *q == '"') {
        *s = start;
        *n = (size_t)(q - start);
        r->p = q + 1;
        return 0;
    }
    sbuf_truncate(&r->buf, 0);
    sbuf_putn(&r->buf, start, (size_t)(q - start));
    while (q < r->end && *q != '"') {
        if (*q != '\\') {
            sbuf_putc(&r->buf, *q++);
            continue;
        }
        if (q + 1 >= r->end)
            break;
        char e = q[1];
        q += 2;
        switch (e) {
        case '"': sbuf_putc(&r->buf, '"'); break;
        case '\\': sbuf_putc(&r->buf, '\\'); break;
        case '/': sbuf_putc(&r->buf, '/'); break;
        case 'b': sbuf_putc(&r->buf, '\b'); break;
        case 'f': sbuf_putc(&r->buf, '\f'); break;
        case 'n': sbuf_putc(&r->buf, '\n'); break;
        case 'r': sbuf_putc(&r->buf, '\r'); break;
        case 't': sbuf_putc(&r->buf, '\t'); break;
        case 'u': {
            unsigned cp, lo;
            if (q + 4 > r->end || hex4(q, &cp) < 0)
                return -1;
            q += 4;
            if (cp >= 0xD800 && cp < 0xDC00) {
                if (q + 6 > r->end || q[0] != '\\' || q[1] != 'u' || hex4(q + 2, &lo) < 0 ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                q += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp == 0)
                return -1;      /* jansson would refuse a NUL inside a string */
            char u[4];
            size_t k;
            if (cp < 0x80) { u[0] = (char)cp; k = 1; }
            else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); k = 2; }
            else if (cp < 0x10000) { u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); k = 3; }
            else { u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); k = 4; }
            sbuf_putn(&r->buf, u, k);
            break;
        }
        default:
            return -1;
        }
    }
    if (q >= r->end)
        return -1;
    r->p = q + 1;
    *s = sbuf_cstr(&r->buf);
    *n = r->buf.len;
    return 0;
}

static json_t *jr_fail(jreader *r, const char *msg)
{
    if (!r->error)
        r->error = msg;
    return NULL;
}

static json_t *jr_value(jreader *r)
{
    if (r->p >= r->end)
        return jr_fail(r, "unexpected end");
    char c = *r->p;
    if (c == '{' || c == '[') {
        if (++r->depth > JREADER_MAX_DEPTH)
            return jr_fail(r, JSON_DEPTH_ERROR);
        r->p++;
        int obj = c == '{';
        json_t *v = obj ? json_object() : json_array();
        char close = obj ? '}' : ']';
        if (r->p < r->end && *r->p == close) {
            r->p++;
            r->depth--;
            return v;
        }
        for (;;) {
            char key[128];
            size_t kn = 0;
            if (obj) {
                const char *k;
                if (r->p >= r->end || *r->p != '"')
                    goto bad;
                r->p++;
                if (jr_string(r, &k, &kn) < 0 || kn >= sizeof key || r->p >= r->end || *r->p != ':')
                    goto bad;
                memcpy(key, k, kn);
                key[kn] = '\0';
                r->p++;
            }
            json_t *child = jr_value(r);
            if (!child)
                goto bad;
            if (obj)
                json_object_setn_new_nocheck(v, key, kn, child);
            else
                json_array_append_new(v, child);
            if (r->p < r->end && *r->p == ',') {
                r->p++;
                continue;
            }
            if (r->p < r->end && *r->p == close) {
                r->p++;
                r->depth--;
                return v;
            }
            goto bad;
        }
    bad:
        json_decref(v);
        return jr_fail(r, "malformed parse tree");
    }
    if (c == '"') {
        const char *s;
        size_t n;
        r->p++;
        if (jr_string(r, &s, &n) < 0)
            return jr_fail(r, "malformed string");
        return json_stringn_nocheck(s, n);
    }
    if (c == 't' && r->end - r->p >= 4 && memcmp(r->p, "true", 4) == 0) {
        r->p += 4;
        return json_true();
    }
    if (c == 'f' && r->end - r->p >= 5 && memcmp(r->p, "false", 5) == 0) {
        r->p += 5;
        return json_false();
    }
    if (c == 'n' && r->end - r->p >= 4 && memcmp(r->p, "null", 4) == 0) {
        r->p += 4;
        return json_null();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        const char *q = r->p + (c == '-');
        int real = 0;
        while (q < r->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' ||
                              *q == 'E' || *q == '+' || *q == '-')) {
            real |= *q == '.' || *q == 'e' || *q == 'E';
            q++;
        }
        char *endp;
        json_t *v = real ? json_real(strtod(r->p, &endp))
                         : json_integer((json_int_t)strtoll(r->p, &endp, 10));
        if (endp != q) {
            json_decref(v);
            return jr_fail(r, "malformed number");
        }
        r->p = q;
        return v;
    }
    return jr_fail(r, "unexpected character");
}

/* Read libpg_query's JSON; NULL with *error set on failure. */
json_t *parse_tree_from_json(const char *text, size_t len, const char **error)
{
    jreader r = {text, text + len, 0, NULL, SBUF_INIT};
    json_t *v = jr_value(&r);
    if (v && r.p != r.end) {
        json_decref(v);
        v = NULL;
        r.error = "trailing data";
    }
    sbuf_free(&r.buf);
    *error = r.error;
    return v;
}

typedef struct fixup_ctx {
    const dialect_bridged *br;
    const dialect_source *src;
    const char *error;      /* why the tree cannot be trusted, if it cannot */
    size_t marks_taken;     /* DM_*NULLS* and DM_PARAM marks a node took */
} fixup_ctx;

/* Marks that must each be taken by a node; one left over would be a
 * construct dropped on the way (see parse_stmt). */
static int mark_must_be_taken(int kind)
{
    return kind == DM_IGNORE_NULLS || kind == DM_RESPECT_NULLS || kind == DM_IGNORE_NULLS_IN ||
           kind == DM_RESPECT_NULLS_IN || kind == DM_PARAM || kind == DM_NATURAL_SEMI ||
           kind == DM_NATURAL_ANTI;
}

/* libpg_query 15-4.0.0 writes a negative integer constant as "ival": {}
 * (the same as zero); the bridged text at the node's location still
 * holds the number, so read it back from there. */
static void fix_negative_integer(json_t *fields, const dialect_bridged *br)
{
    json_t *ival = ast_get(fields, "ival");
    if (!json_is_object(ival) || ast_get(ival, "ival"))
        return;
    json_int_t loc = json_integer_value(ast_get(fields, "location"));
    if (loc < 0 || (size_t)loc >= br->pg.len)
        return;
    const char *p = br->pg.data + loc;
    if (*p != '-')
        return;
    p++;
    while (isspace((unsigned char)*p) || *p == '(')
        p++;
    long long v = strtoll(p, NULL, 10);
    if (v != 0)     /* "-0" is zero, which the JSON writes as {} too */
        json_object_set_new(ival, "ival", json_integer(-v));
}

/* Put back identifiers longer than PostgreSQL's limit. */
static ast_walk_rc restore_long_idents(ast_walker *w, json_t *node, ast_kind kind, json_t *obj)
{
    const dialect_bridged *br = w->ctx;
    size_t plen = strlen(DIALECT_LONG_IDENT);
    (void)node, (void)kind;
    for (void *it = json_object_iter(obj); it; it = json_object_iter_next(obj, it)) {
        const char *v = json_string_value(json_object_iter_value(it));
        if (v && strncmp(v, DIALECT_LONG_IDENT, plen) == 0) {
            unsigned long k = strtoul(v + plen, NULL, 10);
            if (k < br->nlong)
                json_object_iter_set_new(obj, it, json_string(br->long_idents[k]));
        }
    }
    return AST_WALK_CONTINUE;
}

static const char *reserved_call(json_t *node, json_t **fields);

static void fixup_node(fixup_ctx *ctx, ast_kind kind, json_t *obj)
{
    json_int_t loc = -1;
    if (kind == AST_A_Const || kind == AST_A_Expr || kind == AST_TypeCast ||
        kind == AST_FuncCall || kind == AST_ParamRef)
        loc = json_integer_value(ast_get(obj, "location"));
    if (kind == AST_FuncCall) {
        static const struct { int mark; const char *nulls; int inside; } treat[] = {
            {DM_IGNORE_NULLS, "ignore", 0}, {DM_RESPECT_NULLS, "respect", 0},
            {DM_IGNORE_NULLS_IN, "ignore", 1}, {DM_RESPECT_NULLS_IN, "respect", 1}};
        int mark = dialect_mark_at(ctx->br, (size_t)loc);
        /* Only a plain call f(...) prints back with the words in place
         * (TRIM(BOTH ...) and the like are SQL syntax, not calls). */
        if (strcmp(ast_str(obj, "funcformat"), "COERCE_EXPLICIT_CALL") != 0)
            mark = DM_NONE;
        for (size_t k = 0; k < sizeof treat / sizeof *treat; k++) {
            if (treat[k].mark != mark)
                continue;
            json_object_set_new(obj, "sl_nulls", json_string(treat[k].nulls));
            if (treat[k].inside)
                json_object_set_new(obj, "sl_nulls_inside", json_true());
            ctx->marks_taken++;
        }
    } else if (kind == AST_ParamRef) {
        if (dialect_mark_at(ctx->br, (size_t)loc) != DM_PARAM)
            return;
        size_t at = dialect_to_orig(ctx->br, (size_t)loc);
        for (size_t i = 0; i < ctx->src->ntoks; i++) {
            const dtok *t = &ctx->src->toks[i];
            if (t->start == at && t->kind == TK_PARAM) {
                json_object_set_new(obj, "sl_param",
                                    json_stringn(ctx->src->text + t->start, t->end - t->start));
                json_object_set_new(obj, "number", json_integer(0));
                ctx->marks_taken++;
                break;
            }
        }
    } else if (kind == AST_A_Const) {
        fix_negative_integer(obj, ctx->br);
    } else if (kind == AST_A_Expr) {
        int mark = dialect_mark_at(ctx->br, (size_t)loc);
        if (mark == DM_DIV) {
            json_object_set_new(obj, "name", ast_new_name("div"));
        } else if (mark == DM_RLIKE) {
            const char *op = ast_string_value(json_array_get(ast_get(obj, "name"), 0));
            int neg = op && op[0] == '!';
            json_object_set_new(obj, "name", ast_new_name(neg ? "!rlike" : "rlike"));
        }
    } else if (kind == AST_JoinExpr) {
        /* "sluice:semi"(c) / "sluice:anti"(c) around a LEFT JOIN's
         * condition: a SEMI or ANTI join (dialect.c, w_semi_anti). */
        json_t *q = ast_get(obj, "quals"), *qf, *rf;
        if (json_is_true(ast_get(obj, "isNatural")) &&
            ast_unwrap(ast_get(obj, "rarg"), &rf, NULL) == AST_RangeVar) {
            /* NATURAL [LEFT] SEMI / ANTI JOIN t (w_semi_anti). */
            int mark = dialect_mark_at(ctx->br, (size_t)ast_int(rf, "location"));
            if (mark == DM_NATURAL_SEMI || mark == DM_NATURAL_ANTI) {
                json_object_set_new(obj, "sl_join",
                                    json_string(mark == DM_NATURAL_SEMI ? "semi" : "anti"));
                ctx->marks_taken++;
            }
            return;
        }
        const char *fn = reserved_call(q, &qf);
        if (!fn || (strcmp(fn, "semi") != 0 && strcmp(fn, "anti") != 0) ||
            json_array_size(ast_get(qf, "args")) != 1)
            return;
        json_object_set_new(obj, "sl_join", json_string(fn));
        json_object_set(obj, "quals", json_array_get(ast_get(qf, "args"), 0));
    } else if (kind == AST_TypeCast) {
        if (dialect_mark_at(ctx->br, (size_t)loc) == DM_TRY_CAST)
            json_object_set_new(obj, "sl_try_cast", json_true());
        /* CAST('1 2' AS INTERVAL DAY TO HOUR) and the literal
         * INTERVAL '1 2' DAY TO HOUR give PostgreSQL the same tree, but
         * Spark parses the literal's text strictly: keep them apart. */
        json_t *names = ast_get(ast_get(ast_get(obj, "typeName"),
                                                        "TypeName") ?
                                        ast_get(ast_get(obj, "typeName"),
                                                        "TypeName") :
                                        ast_get(obj, "typeName"), "names");
        const char *last = ast_string_value(json_array_get(names, json_array_size(names) - 1));
        if (last && strcmp(last, "interval") == 0 && loc >= 0 &&
            !((size_t)loc + 8 <= ctx->br->pg.len &&
              strncasecmp(ctx->br->pg.data + loc, "interval", 8) == 0))
            json_object_set_new(obj, "sl_cast", json_true());
    } else if (kind == AST_RangeFunction) {
        json_t *fcf;
        if (!ast_range_function_call(obj, 0, &fcf) || !fcf)
            return;
        int mark = dialect_mark_at(ctx->br, (size_t)ast_int(fcf, "location"));
        if (mark == DM_LATERAL_VIEW)
            json_object_set_new(obj, "sl_lateral_view", json_string("inner"));
        else if (mark == DM_LATERAL_VIEW_OUTER)
            json_object_set_new(obj, "sl_lateral_view", json_string("outer"));
    } else if (kind == AST_SelectStmt) {
        /* Synthetic WINDOW entries carry QUALIFY, SORT BY, DISTRIBUTE BY
         * and CLUSTER BY; move each into its own SelectStmt field. */
        static const struct { const char *marker, *field, *list; int first_only; } carried[] = {
            {DIALECT_QUALIFY_MARKER, "sl_qualify", "partitionClause", 1},
            {DIALECT_SORT_BY_MARKER, "sl_sort_by", "orderClause", 0},
            {DIALECT_DISTRIBUTE_BY_MARKER, "sl_distribute_by", "partitionClause", 0},
            {DIALECT_CLUSTER_BY_MARKER, "sl_cluster_by", "partitionClause", 0}};
        json_t *wc = ast_get(obj, "windowClause");
        for (size_t i = 0; i < json_array_size(wc);) {
            json_t *wf;
            int moved = 0;
            if (ast_unwrap(json_array_get(wc, i), &wf, NULL) == AST_WindowDef) {
                for (size_t k = 0; k < sizeof carried / sizeof *carried; k++) {
                    if (strcmp(ast_str(wf, "name"), carried[k].marker) != 0)
                        continue;
                    json_t *v = ast_get(wf, carried[k].list);
                    if (carried[k].first_only)
                        v = json_array_get(v, 0);
                    json_object_set(obj, carried[k].field, v);
                    json_array_remove(wc, i);
                    moved = 1;
                    break;
                }
            }
            if (!moved)
                i++;
        }
        if (wc && json_array_size(wc) == 0)
            json_object_del(obj, "windowClause");
        /* *, "sluice:except"(cols): * EXCEPT (cols) (dialect.c). */
        json_t *tl = ast_get(obj, "targetList");
        for (size_t i = 1; i < json_array_size(tl); i++) {
            json_t *rt, *ef, *pf, *cf;
            if (ast_unwrap(json_array_get(tl, i), &rt, NULL) != AST_ResTarget)
                continue;
            const char *fn = reserved_call(ast_get(rt, "val"), &ef);
            if (!fn || strcmp(fn, "except") != 0)
                continue;
            if (ast_unwrap(json_array_get(tl, i - 1), &pf, NULL) != AST_ResTarget ||
                ast_unwrap(ast_get(pf, "val"), &cf, NULL) != AST_ColumnRef) {
                ctx->error = "internal error: a bridged * EXCEPT did not parse as expected";
                continue;
            }
            json_object_set(pf, "sl_except", ast_get(ef, "args"));
            json_array_remove(tl, i);
            i--;
        }
        json_t *first = json_array_get(ast_get(obj, "targetList"), 0);
        json_t *rf;
        if (ast_unwrap(first, &rf, NULL) == AST_ResTarget) {
            size_t at = (size_t)ast_int(rf, "location");
            json_t *hints = NULL;
            for (size_t h = 0; h < ctx->br->nhints; h++) {
                if (ctx->br->hints[h].anchor != at)
                    continue;
                if (!hints)
                    hints = json_array();
                if (parse_hint_text(ctx->br->hints[h].text, hints) < 0)
                    ctx->error = "internal error: a hint the bridge read did not read again";
            }
            if (hints)
                json_object_set_new(obj, "sl_hints", hints);
        }
    }
}

/* The walk of the fix-ups: every node, with larg / rarg as SELECTs. */
static ast_walk_rc fixup_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    (void)node;
    fixup_node(w->ctx, kind, fields);
    return AST_WALK_CONTINUE;
}

/* dialect_hint_read's callback: one hint statement or argument. */
static void add_hint_part(void *ctx, int is_arg, const char *text, size_t len)
{
    json_t *list = ctx;
    if (!is_arg) {
        json_array_append_new(list, ast_new_hint(text, len));
        return;
    }
    json_t *h = json_array_get(list, json_array_size(list) - 1);
    json_array_append_new(json_object_get(h, "args"), json_stringn(text, len));
}

/* A hint's body, read with the SQL lexer as Spark reads it: its
 * statements, each {"name", "args"}, appended to list.  The bridge has
 * read the same body with the same reader and refused the statement if
 * it did not follow Spark's hint rule, so -1 (nothing appended) means a
 * bridge and a parse that disagree. */
int parse_hint_text(const char *text, json_t *list)
{
    json_t *parsed = json_array();
    size_t bad;
    int rc = dialect_hint_read(text, strlen(text), add_hint_part, parsed, &bad);
    if (rc == 0)
        json_array_extend(list, parsed);
    json_decref(parsed);
    return rc < 0 ? -1 : 0;
}

/* ---- PIVOT / UNPIVOT -------------------------------------------------- */

/* The name after the reserved prefix of a one-part call, or NULL. */
static const char *reserved_call(json_t *node, json_t **fields)
{
    if (ast_unwrap(node, fields, NULL) != AST_FuncCall)
        return NULL;
    json_t *names = ast_get(*fields, "funcname");
    const char *fn = json_array_size(names) == 1 ? ast_string_value(json_array_get(names, 0))
                                                 : NULL;
    size_t plen = strlen(DIALECT_RESERVED_PREFIX);
    return fn && strncmp(fn, DIALECT_RESERVED_PREFIX, plen) == 0 ? fn + plen : NULL;
}

/* An argument of the bridged call as a select item: "x" => e is e AS x. */
static json_t *pivot_item(json_t *arg)
{
    json_t *f;
    if (ast_unwrap(arg, &f, NULL) == AST_NamedArgExpr)
        return ast_new_res_target(ast_str(f, "name"), json_incref(ast_get(f, "arg")));
    return ast_new_res_target(NULL, json_incref(arg));
}

/* Is this FROM item a derived table that only wraps a FROM list, with
 * at most a WHERE and hints ((SELECT * FROM src WHERE c) with no name)?
 * Its SelectStmt fields, or NULL. */
static json_t *plain_wrapper(json_t *src)
{
    json_t *f, *sf, *tf, *cf;
    if (ast_unwrap(src, &f, NULL) != AST_RangeSubselect || ast_bool(f, "lateral"))
        return NULL;
    json_t *alias = ast_get(f, "alias");
    if ((ast_get(alias, "aliasname") && !parse_is_anonymous_alias(alias)) ||
        ast_get(alias, "colnames"))
        return NULL;
    if (ast_unwrap(ast_get(f, "subquery"), &sf, NULL) != AST_SelectStmt)
        return NULL;
    for (void *it = json_object_iter(sf); it; it = json_object_iter_next(sf, it)) {
        const char *k = json_object_iter_key(it);
        if (strcmp(k, "targetList") && strcmp(k, "fromClause") && strcmp(k, "whereClause") &&
            strcmp(k, "sl_hints") && strcmp(k, "limitOption") && strcmp(k, "op"))
            return NULL;
    }
    json_t *tl = ast_get(sf, "targetList");
    if (strcmp(ast_str(sf, "op"), "SETOP_NONE") != 0 || json_array_size(tl) != 1 ||
        ast_unwrap(json_array_get(tl, 0), &tf, NULL) != AST_ResTarget ||
        ast_get(tf, "name") ||
        ast_unwrap(ast_get(tf, "val"), &cf, NULL) != AST_ColumnRef ||
        json_array_size(ast_get(cf, "fields")) != 1 ||
        ast_unwrap(json_array_get(ast_get(cf, "fields"), 0), NULL, NULL) != AST_A_Star ||
        ast_get(sf, "sl_pivot"))
        return NULL;
    return sf;
}

/*
 * The bridge (dialect.c, w_pivot) writes  src PIVOT (...) [AS p]  as
 *   JoinExpr{larg: src, rarg: RangeFunction{lateral, "sluice:pivot"(items...,
 *            "sluice:for"(col), "sluice:in"(values...)), alias: p}}
 * Here it becomes what it means, a derived table over src that carries
 * the clause:
 *   RangeSubselect{subquery: SelectStmt{targetList: [*], fromClause: [src],
 *                  sl_pivot: {kind, [nulls], values, for, in}}, alias: p}
 * so the analysis sees src as it sees any derived table's FROM.  A src
 * that is itself such a plain wrapper, (SELECT * FROM t WHERE c), is
 * merged in: written either way (or injected into by a rule) the clause
 * has one tree, which the emitter prints back.  Returns the new node,
 * or NULL when the join is not a bridged PIVOT / UNPIVOT.
 */
static json_t *pivot_from_join(json_t *jf, int *bad)
{
    json_t *rf, *call, *cf;
    if (ast_unwrap(ast_get(jf, "rarg"), &rf, NULL) != AST_RangeFunction ||
        ast_get(jf, "quals") || ast_get(jf, "usingClause"))
        return NULL;
    call = ast_range_function_call(rf, 0, &cf);
    const char *kind = reserved_call(call, &cf);
    if (!kind || (strcmp(kind, "pivot") && strncmp(kind, "unpivot", 7)))
        return NULL;
    int unpivot = kind[0] == 'u';
    json_t *args = ast_get(cf, "args");
    size_t n = json_array_size(args);
    json_t *ff, *inf;
    if (n < 3 || !reserved_call(json_array_get(args, n - 2), &ff) ||
        strcmp(reserved_call(json_array_get(args, n - 2), &ff), "for") ||
        !reserved_call(json_array_get(args, n - 1), &inf) ||
        strcmp(reserved_call(json_array_get(args, n - 1), &inf), "in") ||
        (unpivot && n != 3)) {
        *bad = 1;
        return NULL;
    }
    json_t *spec = json_object();
    json_object_set_new(spec, "kind", json_string(unpivot ? "unpivot" : "pivot"));
    if (unpivot && kind[7] == '_')
        json_object_set_new(spec, "nulls", json_string(kind + 8));
    json_t *values = json_array();
    for (size_t i = 0; i + 2 < n; i++) {
        if (unpivot && ast_unwrap(json_array_get(args, i), NULL, NULL) == AST_NamedArgExpr)
            *bad = 1;
        json_array_append_new(values, pivot_item(json_array_get(args, i)));
    }
    json_object_set_new(spec, "values", values);
    json_object_set(spec, "for", ast_get(ff, "args"));
    json_t *in = json_array();
    size_t i;
    json_t *a;
    json_array_foreach(ast_get(inf, "args"), i, a)
        json_array_append_new(in, pivot_item(a));
    json_object_set_new(spec, "in", in);

    json_t *src = ast_get(jf, "larg");
    json_t *sel = plain_wrapper(src);
    json_t *sub;
    if (sel) {
        sub = ast_new_node("SelectStmt", json_incref(sel));
    } else {
        json_t *targets = json_array(), *from = json_array();
        json_array_append_new(targets, ast_new_star_target());
        json_array_append(from, src);
        sub = ast_new_select(targets, from);
    }
    sel = ast_get(sub, "SelectStmt");
    json_object_set_new(sel, "sl_pivot", spec);
    json_t *alias = ast_get(rf, "alias");
    return ast_new_derived_table(sub, alias ? json_incref(alias) : NULL);
}

/* Replace every bridged PIVOT / UNPIVOT join below the root (see
 * above): the wrapper keeps its place and takes the new node's contents,
 * which are then walked in turn. */
static ast_walk_rc restructure_pivot(ast_walker *w, json_t *node, ast_kind kind, json_t *jf)
{
    json_t *p;
    if (kind != AST_JoinExpr || w->depth == 0 ||
        (p = pivot_from_join(jf, w->ctx)) == NULL)
        return AST_WALK_CONTINUE;
    json_object_clear(node);        /* frees jf: pivot_from_join kept what it uses */
    json_object_update(node, p);
    json_decref(p);
    ast_walker inner = *w;
    ast_walk(&inner, node);
    return AST_WALK_PRUNE;
}

static void restructure_pivots(json_t *root, int *bad)
{
    ast_walker w = {.fn = restructure_pivot, .ctx = bad, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, root);
}

int parse_fixups_always;

/* Can fixup_visit change anything in this statement's tree?  Each of its
 * cases leaves a trace: a mark or a hint, a reserved "sluice:" name in
 * the bridged text, or in the statement's tokens a minus sign (negative
 * integers) or INTERVAL (casts to interval types).  Most dashboard
 * queries have none, and the walk over the whole tree is skipped. */
static int needs_fixup(const dialect_source *src, const dialect_stmt *st,
                       const dialect_bridged *br)
{
    if (br->nmarks || br->nhints || strstr(br->pg.data, DIALECT_RESERVED_PREFIX))
        return 1;
    /* The statement's own tokens, not the bridged text: a '-' or the word
     * inside a string literal (a date, say) is no reason to walk.  Nor is
     * a minus that no number follows (a - b), which cannot make a negative
     * constant, or the word INTERVAL that starts a literal (INTERVAL 30
     * DAYS): only a cast to an interval type, after AS or ::, is marked. */
    const size_t none = (size_t)-1;
    for (size_t i = st->tok_begin; i < st->tok_end; i++) {
        if (dialect_tok_is_word(src, i, "interval")) {
            size_t prev = dialect_sig_token(src, st, i, -1);
            if (prev == none || dialect_tok_is_word(src, prev, "as") ||
                dialect_tok_is_op(src, prev, "::"))
                return 1;
        }
        if (dialect_tok_is_op(src, i, "-")) {
            size_t next = dialect_sig_token(src, st, i, +1);
            if (next == none || src->toks[next].kind == TK_NUMBER ||
                dialect_tok_is_op(src, next, "("))
                return 1;
        }
    }
    return 0;
}

/* Does parse_stmt() take this statement's tree as the parser built it?
 * Without a fix-up trace, a PIVOT or a long name none of its steps after
 * the parse changes the tree; parse_text_matches() relies on the same
 * answer. */
static int taken_as_built(const dialect_source *src, const dialect_stmt *st,
                          const dialect_bridged *br)
{
    return !needs_fixup(src, st, br) && !br->has_pivot && !br->nlong;
}

/* A statement parsed, but its tree cannot be trusted: free it, report
 * message at offset, return -1. */
static int refuse_parsed(parsed_stmt *out, dialect_error *err, size_t offset, const char *message)
{
    err->offset = offset;
    snprintf(err->message, sizeof err->message, "%s", message);
    parsed_stmt_free(out);
    memset(out, 0, sizeof *out);
    return -1;
}

int parse_stmt(const dialect_source *src, const dialect_stmt *st,
               parsed_stmt *out, dialect_error *err)
{
    memset(out, 0, sizeof *out);
    out->span = *st;
    if (dialect_bridge(src, st, &out->br, err) < 0)
        return -1;

    pgtree r;
    pgtree_parse(out->br.pg.data, 0, &r);
    if (r.error) {
        size_t b = cursor_to_byte(out->br.pg.data, out->br.pg.len, r.error->cursorpos);
        err->offset = r.error->cursorpos > 0 ? dialect_to_orig(&out->br, b) : st->start;
        const char *m = r.error->message;
        const char *near = "syntax error at or near ";
        const dtok *t = NULL;
        for (size_t i = st->tok_begin; i < st->tok_end && r.error->cursorpos > 0; i++)
            if (src->toks[i].start == err->offset)
                t = &src->toks[i];
        if (t && strncmp(m, near, strlen(near)) == 0) {
            /* Quote the token as the user wrote it, not its stand-in. */
            int n = (int)(t->end - t->start);
            if (n > 60)
                n = 60;
            snprintf(err->message, sizeof err->message, "%s\"%.*s\"", near, n,
                     src->text + t->start);
        } else {
            snprintf(err->message, sizeof err->message, "%s", m);
        }
        pgtree_free(&r);
        return -1;
    }
    if (!r.stmts) {
        err->offset = st->start;
        if (r.limit_error)
            snprintf(err->message, sizeof err->message, "%s", r.limit_error);
        else if (strstr(r.read_error, "depth"))
            snprintf(err->message, sizeof err->message,
                     "query nested too deeply to analyse (its parse tree exceeds %d levels)",
                     JSON_PARSER_MAX_DEPTH);
        else
            snprintf(err->message, sizeof err->message,
                     "internal error: parse tree is not valid JSON (%s)", r.read_error);
        pgtree_free(&r);
        return -1;
    }
    if (json_array_size(r.stmts) != 1) {
        err->offset = st->start;
        snprintf(err->message, sizeof err->message,
                 "expected one statement, the parser found %zu", json_array_size(r.stmts));
        pgtree_free(&r);
        return -1;
    }
    out->node = json_incref(ast_get(json_array_get(r.stmts, 0), "stmt"));
    pgtree_free(&r);

    if (!parse_fixups_always && taken_as_built(src, st, &out->br))
        return 0;
    fixup_ctx ctx = {&out->br, src, NULL, 0};
    ast_walker fw = {.fn = fixup_visit, .ctx = &ctx, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&fw, out->node);
    if (ctx.error)
        return refuse_parsed(out, err, st->start, ctx.error);
    int bad_pivot = 0;
    if (out->br.has_pivot)
        restructure_pivots(out->node, &bad_pivot);
    if (bad_pivot)
        return refuse_parsed(out, err, st->start, "internal error: a bridged PIVOT / UNPIVOT "
                                                  "did not parse as expected");
    size_t must = 0, first_left = 0;
    for (size_t i = 0; i < out->br.nmarks; i++)
        if (mark_must_be_taken(out->br.marks[i].kind) && must++ == 0)
            first_left = out->br.marks[i].out;
    if (ctx.marks_taken != must)
        return refuse_parsed(out, err, dialect_to_orig(&out->br, first_left),
                             "IGNORE / RESPECT NULLS, a parameter marker or a NATURAL SEMI / "
                             "ANTI JOIN is in a place sluice cannot represent faithfully");
    if (out->br.nlong) {
        ast_walker lw = {.fn = restore_long_idents, .ctx = &out->br,
                         .max_depth = AST_WALK_UNLIMITED, .all_objects = 1};
        ast_walk(&lw, out->node);
    }
    return 0;
}

void parsed_stmt_free(parsed_stmt *p)
{
    dialect_bridged_free(&p->br);
    arena_json_release(p->node);
    p->node = NULL;
}

json_t *parse_text(const char *text, size_t len, dialect_error *err)
{
    dialect_source src;
    if (dialect_lex(&src, text, len, err) < 0)
        return NULL;
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    json_t *nodes = json_array();
    for (size_t i = 0; i < n && nodes; i++) {
        parsed_stmt ps;
        if (parse_stmt(&src, &st[i], &ps, err) == 0) {
            json_array_append(nodes, ps.node);
        } else {
            json_decref(nodes);
            nodes = NULL;
        }
        parsed_stmt_free(&ps);
    }
    free(st);
    dialect_source_free(&src);
    return nodes;
}

int parse_text_matches(const char *text, size_t len, json_t *expected)
{
    dialect_source src;
    dialect_error err;
    if (dialect_lex(&src, text, len, &err) < 0)
        return -1;
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    dialect_bridged br;
    int verdict = -1;
    if (n == 1 && dialect_bridge(&src, &st[0], &br, &err) == 0) {
        if (taken_as_built(&src, &st[0], &br))
            verdict = pgtree_matches(br.pg.data, expected);
        dialect_bridged_free(&br);
    }
    free(st);
    dialect_source_free(&src);
    return verdict;
}

/* ---- Placeholders the tree keeps (parse.h) ---------------------------- */

int parse_is_placeholder(const char *name)
{
    return name && strncmp(name, DIALECT_RESERVED_PREFIX, strlen(DIALECT_RESERVED_PREFIX)) == 0;
}

int parse_is_group_by_all(json_t *colref_fields)
{
    json_t *fields = ast_get(colref_fields, "fields");
    const char *name = json_array_size(fields) == 1 ?
                       ast_string_value(json_array_get(fields, 0)) : NULL;
    return name && strcmp(name, DIALECT_GROUP_BY_ALL) == 0;
}

int parse_is_anonymous_alias(json_t *alias)
{
    const char *name = json_string_value(ast_get(alias, "aliasname"));
    return name && strcmp(name, DIALECT_ANON_ALIAS) == 0;
}

const char *parse_literal_suffix(json_t *f)
{
    json_t *names = ast_get(ast_get(f, "typeName"), "names");
    const char *tn = json_array_size(names) == 1 ? ast_string_value(json_array_get(names, 0))
                                                 : NULL;
    size_t plen = strlen(DIALECT_LITERAL_TYPE);
    if (!tn || strncmp(tn, DIALECT_LITERAL_TYPE, plen) != 0 ||
        ast_unwrap(ast_get(f, "arg"), NULL, NULL) != AST_A_Const)
        return NULL;
    return tn + plen;
}

int parse_is_json_path(const char *name)
{
    return name && strcmp(name, DIALECT_RESERVED_PREFIX "json_path") == 0;
}
