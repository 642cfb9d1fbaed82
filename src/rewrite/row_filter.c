/*
 * row_filter.c - rule "row-filter": row-level security.  Every scan of a
 * table the rules' row_filters name (rules_row_filters.c) reads only the
 * rows the request's user may see.
 *
 *   SELECT r.region, sum(amount) FROM main.sales.transactions AS r
 *   JOIN main.sales.stores s ON r.store_id = s.id GROUP BY 1
 * for a user whose filter on transactions is region = 'EU' becomes
 *   SELECT r.region, sum(amount) FROM (SELECT * FROM main.sales.transactions
 *   WHERE region = 'EU') AS r JOIN main.sales.stores s ON ... GROUP BY 1
 *
 * The scan, wherever it is (the statement's FROM, a CTE body, a derived
 * table, a subquery in any clause, a branch of a set operation, either
 * side of any join), is replaced by a derived table of its own that
 * keeps its alias (an unaliased scan gets its table's name), so that
 * every reference to it reads the same columns, and no join above it
 * can undo the filter (an outer join's ON or a WHERE elsewhere could).
 * The scans are the analysis' catalog-table items (analyze.h): a CTE
 * named like the table is no scan of it, IDENTIFIER('...') and
 * three-part names are resolved, and time travel (VERSION / TIMESTAMP AS
 * OF) and TABLESAMPLE stay on the inner scan.
 *
 * The rewrite returns exactly the rows the user may see, because:
 *   1. the inner block is SELECT * over the one scan: its columns are the
 *      table's, in order, under the scan's alias (the alias and its column
 *      list move to the derived table);
 *   2. the predicate is the rules' tree (parsed at load) with {{user}}
 *      replaced by a string constant: no text of the request or the user
 *      name is parsed as SQL;
 *   3. its column names are unqualified and the inner block has one FROM
 *      item, so they name the table's columns;
 *   4. a column reference that names the table by two or three parts
 *      (main.sales.transactions.amount) is rewritten to the alias, which
 *      now names the derived table; one sluice cannot bind is refused.
 * A scan is left as it is when it already reads only allowed rows: its
 * block has it as the only FROM item, without PIVOT and without an alias
 * column list (which would rename the columns the predicate names), and
 * every conjunct of the predicate is a conjunct of the block's WHERE
 * (what this rule writes, also after partition-filter adds its window
 * there).  So the rewrite of a rewritten query changes nothing, and the
 * rule is a guard: the final tree is judged again.
 *
 * Refused (fail closed), when the rules filter rows:
 *   - a statement sluice cannot parse (judge_unparsed), or whose tables
 *     it could not all see (analysis.incomplete);
 *   - a statement other than a query (UPDATE, MERGE, ...) naming a
 *     filtered table, and the query of CREATE ... AS / INSERT that reads
 *     one (it is not re-emitted);
 *   - a table function whose string argument names a filtered table
 *     (table_changes('main.sales.transactions', 0)): it reads the rows
 *     without a scan;
 *   - any other table function than range and the generators
 *     (read_files, read_kafka, a UDTF: an_is_table_function_name), and files read by
 *     path (parquet.`/mnt/x`, delta.`/mnt/x`: reads_files): either may
 *     read a filtered table's rows without a scan;
 *   - a {{user}} filter for a request without a user;
 *   - two FROM items of one block that would have the same name.
 * Routing (aggregate-routing, after this rule) does not route a block
 * over the derived table: see docs/row-level-security.md.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "rewrite.h"
#include "sbuf.h"

/* ---- who the request is ---------------------------------------------- */

static int in_list(char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return 1;
    return 0;
}

/* The request's first group in names (n of them), or NULL. */
static const char *group_in(const sl_request *req, char *const *names, size_t n)
{
    for (size_t i = 0; req->groups && i < req->ngroups; i++)
        if (in_list(names, n, req->groups[i]))
            return req->groups[i];
    return NULL;
}

static int applies_to(const rules_row_filter *f, const sl_request *req)
{
    return f->all_users || in_list(f->users, f->nusers, req->user) ||
           group_in(req, f->groups, f->ngroups) != NULL;
}

/* ---- the predicate for one table ------------------------------------- */

/* A copy of the rules' tree v with every {{user}} marker replaced by the
 * string constant user (a new reference). */
static json_t *substitute(json_t *v, const char *user)
{
    if (json_is_object(v)) {
        json_t *p = ast_get(v, "ParamRef");
        if (p && json_object_size(v) == 1)
            return ast_new_string_const(user);
        json_t *o = json_object();
        const char *k;
        json_t *c;
        json_object_foreach(v, k, c)
            json_object_set_new(o, k, substitute(c, user));
        return o;
    }
    if (json_is_array(v)) {
        json_t *a = json_array();
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            json_array_append_new(a, substitute(c, user));
        return a;
    }
    return json_deep_copy(v);
}

/* Append e (stolen) to list, its arguments instead when it is itself a
 * boolop chain: the parser flattens AND and OR lists, and the tree must
 * be the one the emitted text parses to. */
static void push_flat(json_t *list, json_t *e, const char *boolop)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) == AST_BoolExpr && strcmp(ast_str(f, "boolop"), boolop) == 0) {
        json_array_extend(list, ast_get(f, "args"));
        json_decref(e);
    } else {
        json_array_append_new(list, e);
    }
}

/* list (stolen) as one condition: its only element, or their chain. */
static json_t *chain(json_t *list, const char *boolop)
{
    if (json_array_size(list) == 1) {
        json_t *e = json_incref(json_array_get(list, 0));
        json_decref(list);
        return e;
    }
    return ast_new_bool_expr(boolop, list);
}

/* What the rules say about one table for this request. */
typedef enum verdict {
    V_NONE,         /* no filter names the table */
    V_BYPASS,       /* the user is in a bypass group */
    V_ALLOW,        /* filters, none for the user, default allow */
    V_FILTER,       /* *pred: the rows the user may see */
    V_NO_USER       /* a {{user}} filter applies and the request has no user */
} verdict;

typedef struct table_policy {
    verdict v;
    json_t *pred;           /* V_FILTER: a new reference */
    const char *bypass;     /* V_BYPASS: the group */
    sbuf which;             /* V_FILTER: the filters' predicates as written */
} table_policy;

/* Superset's rule (security_manager.get_rls_filters, group_key): filters
 * with the same group_key are ORed, the groups and filters without a key
 * are ANDed. */
static void decide(const check_ctx *ctx, const an_item *it, table_policy *tp)
{
    const rules *r = ctx->rules;
    const sl_request *req = ctx->req;
    memset(tp, 0, sizeof *tp);
    int named = 0;
    for (size_t i = 0; i < r->nrow_filters; i++)
        named |= rules_row_filter_matches(&r->row_filters[i], it->qualified, it->nparts);
    if (!named)
        return;
    if ((tp->bypass = group_in(req, r->row_filters_bypass, r->nrow_filters_bypass))) {
        tp->v = V_BYPASS;
        return;
    }
    json_t *ands = json_array();
    char *done = xcalloc(r->nrow_filters ? r->nrow_filters : 1, 1);
    for (size_t i = 0; i < r->nrow_filters; i++) {
        const rules_row_filter *f = &r->row_filters[i];
        if (done[i] || !rules_row_filter_matches(f, it->qualified, it->nparts) ||
            !applies_to(f, req))
            continue;
        json_t *ors = json_array();
        for (size_t k = i; k < r->nrow_filters; k++) {
            const rules_row_filter *g = &r->row_filters[k];
            if (done[k] || (k != i && (!f->group_key || !g->group_key ||
                                       strcmp(f->group_key, g->group_key) != 0)) ||
                !rules_row_filter_matches(g, it->qualified, it->nparts) || !applies_to(g, req))
                continue;
            done[k] = 1;
            if (g->uses_user && !req->user)
                tp->v = V_NO_USER;
            sbuf_printf(&tp->which, "%s%s", tp->which.len ? "; " : "", g->predicate_text);
            push_flat(ors, substitute(g->predicate, req->user ? req->user : ""), "OR_EXPR");
        }
        push_flat(ands, chain(ors, "OR_EXPR"), "AND_EXPR");
    }
    free(done);
    if (tp->v == V_NO_USER) {
        json_decref(ands);
    } else if (json_array_size(ands) == 0) {
        json_decref(ands);
        if (r->row_filters_deny) {
            tp->v = V_FILTER;
            tp->pred = json_deep_copy(r->row_filter_false);
            sbuf_puts(&tp->which, "FALSE (no filter names the user: the default is deny)");
        } else {
            tp->v = V_ALLOW;
        }
    } else {
        tp->v = V_FILTER;
        tp->pred = chain(ands, "AND_EXPR");
    }
}

/* ---- scans ----------------------------------------------------------- */

/* The scan's alias object (RangeVar or IDENTIFIER's RangeFunction), or NULL. */
static json_t *scan_alias(const an_item *it)
{
    return ast_get(it->node, "alias");
}

/* Does the scan already read only allowed rows (the comment at the top)? */
static int already_filtered(const an_item *it, json_t *pred)
{
    const an_block *b = it->block;
    if (b->nitems != 1 || it->join || ast_get(b->select, "sl_pivot") ||
        ast_get(scan_alias(it), "colnames"))
        return 0;
    json_t **conj = NULL;
    size_t n = 0;
    if (an_conjuncts(pred, &conj, &n) < 0) {
        free(conj);
        return 0;
    }
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < b->nwhere && !ast_equal_ignoring_locations(conj[i], b->where[k]))
            k++;
        found += k < b->nwhere;
    }
    free(conj);
    return found == n;
}

/* The FROM-list node of the scan: its TABLESAMPLE / time-travel wrapper
 * (RangeTableSample) when it has one, else its own node.  *wrapper
 * receives the node ({"Kind": fields}); returns its fields. */
typedef struct find_scan { json_t *target, *wrapper, *fields; } find_scan;

static ast_walk_rc find_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    find_scan *fs = w->ctx;
    json_t *rel = kind == AST_RangeTableSample ? ast_get(fields, "relation") : NULL;
    json_t *rf = NULL;
    if (rel)
        ast_unwrap(rel, &rf, NULL);
    if (fields == fs->target || (rf && rf == fs->target)) {
        fs->wrapper = node;
        fs->fields = fields;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

/* The name the derived table gets: the scan's alias, else its table's
 * name as written (IDENTIFIER's: the analysis' lower-case one). */
static const char *scan_name(const an_item *it)
{
    const char *a = ast_str(scan_alias(it), "aliasname");
    if (a && *a)
        return a;
    const char *rel = ast_str(it->node, "relname");
    return rel && *rel ? rel : it->alias;
}

/* Replace the scan by (SELECT * FROM scan WHERE pred) AS name; steals
 * pred.  Returns 0, -1 if the scan was not found. */
static int wrap_scan(check_ctx *ctx, const an_item *it, json_t *pred)
{
    find_scan fs = {it->node, NULL, NULL};
    ast_walker w = {.fn = find_visit, .ctx = &fs, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, ctx->query);
    if (!fs.wrapper) {
        json_decref(pred);
        return -1;
    }
    json_t *inner = json_deep_copy(fs.wrapper);
    /* The alias (and its column list) moves out to the derived table. */
    json_t *inner_fields;
    ast_unwrap(inner, &inner_fields, NULL);
    json_t *rel = ast_get(inner_fields, "relation");
    json_t *scan_fields = inner_fields;
    if (rel && fs.fields != it->node)
        ast_unwrap(rel, &scan_fields, NULL);
    json_t *alias = json_incref(ast_get(scan_fields, "alias"));
    if (alias)
        json_object_del(scan_fields, "alias");
    else {
        alias = json_object();
        json_object_set_new(alias, "aliasname", json_string(scan_name(it)));
    }
    json_t *from = json_array();
    json_array_append_new(from, inner);
    json_t *targets = json_array();
    json_array_append_new(targets, ast_new_star_target());
    json_t *sel = ast_new_select(targets, from);
    ast_and_into(ast_get(sel, "SelectStmt"), "whereClause", pred);
    return ast_replace_node(ctx->query, fs.fields, ast_new_derived_table(sel, alias));
}

/* ---- qualified references -------------------------------------------- */

/* How many leading parts of a ColumnRef's fields (n of them) spell the
 * last parts of it's table name: 3 (catalog.schema.table) or 2
 * (schema.table), else 0.  Only more than one part needs a rewrite: the
 * derived table is named by one. */
static int qualifier_parts(json_t *parts, size_t n, const an_item *it)
{
    for (int k = 3; k >= 2; k--) {
        if (n <= (size_t)k)
            continue;
        sbuf s = SBUF_INIT;
        int ok = 1;
        for (int i = 0; i < k && ok; i++) {
            const char *p = ast_string_value(json_array_get(parts, (size_t)i));
            if (!p)
                ok = 0;
            else
                sbuf_printf(&s, "%s%s", i ? "." : "", p);
        }
        if (ok) {
            for (size_t i = 0; i < s.len; i++)
                s.data[i] = (char)tolower((unsigned char)s.data[i]);
            const char *q = it->qualified;
            size_t ql = strlen(q);
            ok = ql >= s.len && strcmp(q + ql - s.len, sbuf_cstr(&s)) == 0 &&
                 (ql == s.len || q[ql - s.len - 1] == '.');
        }
        sbuf_free(&s);
        if (ok)
            return k;
    }
    return 0;
}

typedef struct refs_walk {
    check_ctx *ctx;
    const resolution *res;
    an_item **wrapped;
    size_t nwrapped;
    const char *refused;    /* the first reference sluice cannot place */
    long long location;
} refs_walk;

static ast_walk_rc refs_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    refs_walk *rw = w->ctx;
    (void)node;
    if (kind != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *parts = ast_get(fields, "fields");
    size_t n = json_array_size(parts);
    if (n < 3)
        return AST_WALK_CONTINUE;
    const rs_binding *b = resolve_lookup(rw->res, fields);
    for (size_t i = 0; i < rw->nwrapped; i++) {
        const an_item *it = rw->wrapped[i];
        int k = qualifier_parts(parts, n, it);
        if (!k)
            continue;
        if (!b || b->item != it ||
            (b->kind != RS_COLUMN && b->kind != RS_OUTER && b->kind != RS_FIELD)) {
            if (!rw->refused) {
                rw->refused = it->qualified;
                rw->location = ast_int(fields, "location");
            }
            return AST_WALK_ABORT;
        }
        /* name.col...: the derived table's name, then what followed. */
        json_t *np = json_array();
        json_array_append_new(np, ast_new_string(scan_name(it)));
        for (size_t j = (size_t)k; j < n; j++)
            json_array_append(np, json_array_get(parts, j));
        ast_defer_delete(parts);
        json_object_set_new(fields, "fields", np);
        return AST_WALK_CONTINUE;
    }
    return AST_WALK_CONTINUE;
}

/* ---- statements that are no query ------------------------------------ */

typedef struct names_walk { check_ctx *ctx; const char *hit; long long location; char buf[400]; } names_walk;

static ast_walk_rc names_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    names_walk *nw = w->ctx;
    (void)node;
    if (kind != AST_RangeVar)
        return AST_WALK_CONTINUE;
    const char *c = ast_str(fields, "catalogname"), *s = ast_str(fields, "schemaname");
    const char *t = ast_str(fields, "relname");
    int nparts = 1 + (s && *s) + (c && *c);
    snprintf(nw->buf, sizeof nw->buf, "%s.%s.%s",
             c && *c ? c : nw->ctx->catalog ? nw->ctx->catalog : "",
             s && *s ? s : nw->ctx->schema ? nw->ctx->schema : "", t ? t : "");
    for (char *p = nw->buf; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    for (size_t i = 0; i < nw->ctx->rules->nrow_filters; i++)
        if (rules_row_filter_matches(&nw->ctx->rules->row_filters[i], nw->buf, nparts)) {
            nw->hit = nw->buf;
            nw->location = ast_int(fields, "location");
            return AST_WALK_ABORT;
        }
    return AST_WALK_CONTINUE;
}

/* ---- table functions ------------------------------------------------- */

/* Does a string argument of a table function (table_changes('t', 0))
 * name a filtered table?  Such a function reads the table's rows
 * without a scan a filter could be put on.  Sets nw->hit. */
static ast_walk_rc function_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    names_walk *nw = w->ctx;
    (void)node;
    const char *sv = kind == AST_A_Const ? ast_str(ast_get(fields, "sval"), "sval") : NULL;
    if (!sv || !*sv || strlen(sv) > 300)
        return AST_WALK_CONTINUE;
    char parts[3][128];
    int n = 0;
    const char *p = sv;
    while (n < 3) {
        size_t k = 0;
        while (*p && *p != '.' && k < sizeof parts[0] - 1) {
            if (*p != '`')
                parts[n][k++] = (char)tolower((unsigned char)*p);
            p++;
        }
        parts[n++][k] = '\0';
        if (*p != '.')
            break;
        p++;
    }
    if (*p)
        return AST_WALK_CONTINUE;       /* more than three parts: no table name */
    const char *cat = n == 3 ? parts[0] : nw->ctx->catalog ? nw->ctx->catalog : "";
    const char *sch = n >= 2 ? parts[n - 2] : nw->ctx->schema ? nw->ctx->schema : "";
    snprintf(nw->buf, sizeof nw->buf, "%s.%s.%s", cat, sch, parts[n - 1]);
    for (char *q = nw->buf; *q; q++)
        *q = (char)tolower((unsigned char)*q);
    for (size_t i = 0; i < nw->ctx->rules->nrow_filters; i++)
        if (rules_row_filter_matches(&nw->ctx->rules->row_filters[i], nw->buf, n)) {
            nw->hit = nw->buf;
            nw->location = ast_int(fields, "location");
            return AST_WALK_ABORT;
        }
    return AST_WALK_CONTINUE;
}

/* ---- reads that are no scan ------------------------------------------ */


/* The function a table-function item calls, or NULL when it is not one
 * plain call. */
static const char *item_function(const an_item *it, long long *location)
{
    json_t *cf;
    if (!ast_range_function_call(it->node, 0, &cf) || !cf)
        return NULL;
    *location = ast_int(cf, "location");
    return json_array_size(ast_get(cf, "funcname")) == 1 ? an_func_name(cf) : NULL;
}

/* A two-part name whose first part is a data source reads files, not a
 * table: parquet.`/mnt/x` (Spark's ResolveSQLOnFile, on by default with
 * spark.sql.runSQLOnFiles).  Those files may be a filtered table's. */
static int reads_files(const an_item *it)
{
    static const char *const formats[] = {"delta", "parquet", "orc", "json", "csv", "text",
                                          "avro", "binaryfile", "xml", "jdbc", "libsvm",
                                          "image", "cloudfiles"};
    const char *s = ast_str(it->node, "schemaname");
    if (it->nparts != 2 || !s)
        return 0;
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcasecmp(s, formats[i]) == 0)
            return 1;
    return 0;
}

/* ---- the rule -------------------------------------------------------- */

static void refuse(check_ctx *ctx, long long location, const char *fmt, const char *a,
                   const char *b)
{
    ctx->rejected = 1;
    check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_ERROR, location, fmt, a, b);
}

void rewrite_row_filter(check_ctx *ctx)
{
    const rules *r = ctx->rules;
    if (!r->nrow_filters)
        return;
    const analysis *an = ctx->an;
    if (!ast_get(ctx->query, "SelectStmt")) {
        names_walk nw = {ctx, NULL, -1, ""};
        ast_walker w = {.fn = names_visit, .ctx = &nw, .max_depth = AST_WALK_UNLIMITED};
        ast_walk(&w, ctx->query);
        if (nw.hit)
            refuse(ctx, nw.location, "%s has row filters, and sluice applies them only to "
                   "queries: refused%s", nw.hit, "");
        return;
    }
    if (an->incomplete.set) {
        refuse(ctx, an->incomplete.location, "the rules filter rows, and sluice cannot see "
               "every table this statement reads (%s): refused%s", an->incomplete.message, "");
        return;
    }
    for (size_t i = 0; i < an->nitems; i++) {
        if (an->items[i]->kind != AN_FUNCTION)
            continue;
        names_walk nw = {ctx, NULL, -1, ""};
        ast_walker w = {.fn = function_visit, .ctx = &nw, .max_depth = AST_WALK_UNLIMITED};
        ast_walk(&w, an->items[i]->node);
        if (nw.hit) {
            refuse(ctx, nw.location, "a table function reads %s, which has row filters sluice "
                   "cannot apply to it: refused%s", nw.hit, "");
            return;
        }
    }
    for (size_t i = 0; i < an->nitems; i++) {
        const an_item *it = an->items[i];
        long long loc = it->location;
        const char *fn = it->kind == AN_FUNCTION && !it->via_identifier
                         ? item_function(it, &loc) : NULL;
        if (it->kind == AN_FUNCTION && !it->via_identifier && !an_is_table_function_name(fn)) {
            refuse(ctx, loc, "the rules filter rows, and the table function %s may read "
                   "rows of a filtered table without a scan sluice can filter: refused%s",
                   fn ? fn : "(not a plain call)", "");
            return;
        }
        if (it->kind == AN_TABLE && reads_files(it)) {
            refuse(ctx, it->location, "the rules filter rows, and %s.`...` reads files "
                   "directly, which may be a filtered table's: refused%s",
                   ast_str(it->node, "schemaname"), "");
            return;
        }
    }
    const sl_request *req = ctx->req;
    /* The user, quoted as a message names it. */
    sbuf uq = SBUF_INIT;
    if (req->user)
        sbuf_printf(&uq, "'%s'", req->user);
    else
        sbuf_puts(&uq, "(none)");
    const char *user = sbuf_cstr(&uq);
    an_item **wrap = xcalloc(an->nitems ? an->nitems : 1, sizeof *wrap);
    json_t **preds = xcalloc(an->nitems ? an->nitems : 1, sizeof *preds);
    size_t nwrap = 0;
    /* One finding per table: the tables in first-scan order. */
    const char **seen = xcalloc(an->nitems ? an->nitems : 1, sizeof *seen);
    size_t nseen = 0;
    int failed = 0;
    /* Offline lint names no user: it says which tables have filters and
     * that their scans are rewritten at run time, and edits nothing (a
     * fix for no user in particular would be no fix). */
    int offline = req->mode == SL_MODE_LINT && !req->user && !req->ngroups;
    for (size_t i = 0; i < an->nitems && !failed; i++) {
        an_item *it = an->items[i];
        if (it->kind != AN_TABLE || !it->qualified)
            continue;
        int first = 1;
        for (size_t k = 0; k < nseen; k++)
            first &= strcmp(seen[k], it->qualified) != 0;
        if (offline) {
            size_t nf = 0;
            for (size_t k = 0; k < r->nrow_filters; k++)
                nf += (size_t)rules_row_filter_matches(&r->row_filters[k], it->qualified,
                                                      it->nparts);
            if (nf && first) {
                seen[nseen++] = it->qualified;
                check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_INFO, it->location,
                             "%s has %zu row filter%s: at run time every scan of it reads "
                             "only the rows of the request's user and groups (default %s), "
                             "so this query is changed", it->qualified, nf, nf == 1 ? "" : "s",
                             r->row_filters_deny ? "deny" : "allow");
            }
            continue;
        }
        table_policy tp;
        decide(ctx, it, &tp);
        if (tp.v != V_NONE && first)
            seen[nseen++] = it->qualified;
        switch (tp.v) {
        case V_NONE:
            break;
        case V_BYPASS:
            if (first)
                check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_INFO, it->location,
                             "%s has row filters; user %s is exempt (group '%s' bypasses them)",
                             it->qualified, user, tp.bypass);
            break;
        case V_ALLOW:
            if (first)
                check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_INFO, it->location,
                             "%s has row filters; none names user %s or their groups, and "
                             "the default is allow: every row", it->qualified, user);
            break;
        case V_NO_USER:
            refuse(ctx, it->location, "%s has a row filter on {{user}} for this request, "
                   "and the request names no user: refused%s", it->qualified, "");
            failed = 1;
            break;
        case V_FILTER:
            if (already_filtered(it, tp.pred)) {
                json_decref(tp.pred);
                break;
            }
            if (ctx->judge_only) {
                check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_ERROR, it->location,
                             "%s has row filters for user %s (%s), and sluice does not "
                             "rewrite the query of %s: refused", it->qualified, user,
                             sbuf_cstr(&tp.which), ctx->judge_only);
                ctx->rejected = 1;
                json_decref(tp.pred);
                failed = 1;
                break;
            }
            if (first)
                check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_INFO, it->location,
                             "row filter on %s for user %s: %s", it->qualified, user,
                             sbuf_cstr(&tp.which));
            wrap[nwrap] = it;
            preds[nwrap++] = tp.pred;
            break;
        }
        sbuf_free(&tp.which);
    }
    /* Two FROM items of one block named alike after the rewrite: the
     * references to them would be ambiguous. */
    for (size_t i = 0; i < nwrap && !failed; i++)
        for (size_t k = 0; k < wrap[i]->block->nitems; k++) {
            const an_item *o = wrap[i]->block->items[k];
            if (o != wrap[i] && o->alias && strcasecmp(o->alias, scan_name(wrap[i])) == 0) {
                refuse(ctx, wrap[i]->location, "%s has row filters, and another FROM item "
                       "of its query is also named %s: give the tables aliases", 
                       wrap[i]->qualified, scan_name(wrap[i]));
                failed = 1;
                break;
            }
        }
    if (!failed && nwrap) {
        refs_walk rw = {ctx, check_resolution(ctx), wrap, nwrap, NULL, -1};
        ast_walker w = {.fn = refs_visit, .ctx = &rw, .max_depth = AST_WALK_UNLIMITED};
        ast_walk(&w, ctx->query);
        if (rw.refused) {
            refuse(ctx, rw.location, "a column reference names %s by its qualified name, and "
                   "sluice cannot tell which scan it reads; %s has row filters: use the "
                   "table's alias", rw.refused, rw.refused);
            failed = 1;
        }
    }
    for (size_t i = 0; i < nwrap; i++) {
        if (failed) {
            json_decref(preds[i]);
            continue;
        }
        if (wrap_scan(ctx, wrap[i], preds[i]) < 0) {
            refuse(ctx, wrap[i]->location, "internal error: the scan of %s was not found in "
                   "the tree%s; refused", wrap[i]->qualified, "");
            failed = 1;
            continue;
        }
        ctx->modified = 1;
    }
    free(wrap);
    free(preds);
    free(seen);
    sbuf_free(&uq);
}

int row_filter_applies(check_ctx *ctx, const an_item *it)
{
    if (!ctx->rules->nrow_filters || it->kind != AN_TABLE || !it->qualified)
        return 0;
    table_policy tp;
    decide(ctx, it, &tp);
    json_decref(tp.pred);
    sbuf_free(&tp.which);
    return tp.v == V_FILTER || tp.v == V_NO_USER;
}

/* A statement the parser could not read may read any table. */
void row_filter_unparsed(check_ctx *ctx)
{
    if (!ctx->rules->nrow_filters)
        return;
    ctx->rejected = 1;
    check_report(ctx, RULE_ROW_FILTER, SL_SEVERITY_ERROR, -1,
                 "the rules filter rows, and sluice cannot read this statement: refused");
}
