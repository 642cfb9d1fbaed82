/*
 * ast_edit.c - node constructors and tree edits (see ast_edit.h for the
 * ownership rules every function here follows).
 */
#include "ast_edit.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"

/* Built directly, member by member in the parser's order: json_pack
 * parses its format string on every call, which costs more than the
 * objects. */
json_t *ast_new_node(const char *kind, json_t *fields)
{
    json_t *node = json_object();
    json_object_set_new(node, kind, fields);
    return node;
}

#define wrap ast_new_node

json_t *ast_new_string(const char *s)
{
    json_t *f = json_object();
    json_object_set_new(f, "sval", json_string(s));
    return wrap("String", f);
}

json_t *ast_new_name(const char *s)
{
    json_t *name = json_array();
    json_array_append_new(name, ast_new_string(s));
    return name;
}

json_t *ast_new_column_ref(const char *qualifier, const char *column)
{
    json_t *parts = json_array();
    if (qualifier)
        json_array_append_new(parts, ast_new_string(qualifier));
    json_array_append_new(parts, ast_new_string(column));
    json_t *f = json_object();
    json_object_set_new(f, "fields", parts);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("ColumnRef", f);
}

json_t *ast_new_func_call(const char *name, json_t *args)
{
    json_t *f = json_object();
    json_t *names = json_array();
    json_array_append_new(names, ast_new_string(name));
    json_object_set_new(f, "funcname", names);
    if (args)
        json_object_set_new(f, "args", args);
    json_object_set_new(f, "funcformat", json_string("COERCE_EXPLICIT_CALL"));
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("FuncCall", f);
}

/* {"A_Const": {key: value, "location": -1}} */
static json_t *new_const(const char *key, json_t *value)
{
    json_t *f = json_object();
    json_object_set_new(f, key, value);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("A_Const", f);
}

json_t *ast_new_int_const(long long v)
{
    /* The parser's JSON leaves a zero value out: {"ival": {}}. */
    json_t *ival = json_object();
    if (v != 0)
        json_object_set_new(ival, "ival", json_integer((json_int_t)v));
    return new_const("ival", ival);
}

json_t *ast_new_string_const(const char *s)
{
    json_t *sval = json_object();
    json_object_set_new(sval, "sval", json_string(s));
    return new_const("sval", sval);
}

json_t *ast_new_typed_literal(const char *type, const char *text)
{
    /* The parser qualifies the built-in types it knows by keyword. */
    int date = strcasecmp(type, "date") == 0;
    json_t *names = json_array();
    if (!date)
        json_array_append_new(names, ast_new_string("pg_catalog"));
    json_array_append_new(names, ast_new_string(date ? "date" : type));
    json_t *tn = json_object();
    json_object_set_new(tn, "names", names);
    json_object_set_new(tn, "typemod", json_integer(-1));
    json_object_set_new(tn, "location", json_integer(-1));
    json_t *f = json_object();
    json_object_set_new(f, "arg", ast_new_string_const(text));
    json_object_set_new(f, "typeName", tn);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("TypeCast", f);
}

json_t *ast_new_current_date(void)
{
    json_t *f = json_object();
    json_object_set_new(f, "op", json_string("SVFOP_CURRENT_DATE"));
    json_object_set_new(f, "typmod", json_integer(-1));
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("SQLValueFunction", f);
}

json_t *ast_new_binary_op(const char *op, json_t *l, json_t *r)
{
    json_t *f = json_object();
    json_object_set_new(f, "kind", json_string("AEXPR_OP"));
    json_object_set_new(f, "name", ast_new_name(op));
    json_object_set_new(f, "lexpr", l);
    json_object_set_new(f, "rexpr", r);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("A_Expr", f);
}

json_t *ast_new_bool_expr(const char *boolop, json_t *args)
{
    json_t *f = json_object();
    json_object_set_new(f, "boolop", json_string(boolop));
    json_object_set_new(f, "args", args);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("BoolExpr", f);
}

json_t *ast_new_coalesce(json_t *args)
{
    json_t *f = json_object();
    json_object_set_new(f, "args", args);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("CoalesceExpr", f);
}

json_t *ast_new_cast(json_t *arg, const char *type)
{
    json_t *tn = json_object();
    json_object_set_new(tn, "names", ast_new_name(type));
    json_object_set_new(tn, "typemod", json_integer(-1));
    json_object_set_new(tn, "location", json_integer(-1));
    json_t *f = json_object();
    json_object_set_new(f, "arg", arg);
    json_object_set_new(f, "typeName", tn);
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("TypeCast", f);
}

json_t *ast_new_res_target(const char *name, json_t *val)
{
    json_t *f = json_object();
    if (name)
        json_object_set_new(f, "name", json_string(name));
    json_object_set_new(f, "val", val);
    return wrap("ResTarget", f);
}

json_t *ast_new_star_target(void)
{
    json_t *fields = json_array();
    json_array_append_new(fields, wrap("A_Star", json_object()));
    json_t *cf = json_object();
    json_object_set_new(cf, "fields", fields);
    return ast_new_res_target(NULL, wrap("ColumnRef", cf));
}

json_t *ast_new_range_var(const char *catalog, const char *schema, const char *relname,
                          const char *alias)
{
    json_t *f = json_object();
    if (catalog)
        json_object_set_new(f, "catalogname", json_string(catalog));
    if (schema)
        json_object_set_new(f, "schemaname", json_string(schema));
    json_object_set_new(f, "relname", json_string(relname));
    json_object_set_new(f, "inh", json_true());
    json_object_set_new(f, "relpersistence", json_string("p"));
    if (alias) {
        json_t *a = json_object();
        json_object_set_new(a, "aliasname", json_string(alias));
        json_object_set_new(f, "alias", a);
    }
    json_object_set_new(f, "location", json_integer(-1));
    return wrap("RangeVar", f);
}

json_t *ast_new_select(json_t *targets, json_t *from)
{
    json_t *f = json_object();
    json_object_set_new(f, "targetList", targets);
    if (from)
        json_object_set_new(f, "fromClause", from);
    json_object_set_new(f, "limitOption", json_string("LIMIT_OPTION_DEFAULT"));
    json_object_set_new(f, "op", json_string("SETOP_NONE"));
    return wrap("SelectStmt", f);
}

/* The fields of a SelectStmt node, taken out of it (a set operation's
 * branches hold their fields without the wrapper). */
static json_t *select_fields(json_t *sel)
{
    json_t *f = json_incref(ast_get(sel, "SelectStmt"));
    json_decref(sel);
    return f;
}

json_t *ast_new_union_all(json_t *l, json_t *r)
{
    json_t *f = json_object();
    json_object_set_new(f, "limitOption", json_string("LIMIT_OPTION_DEFAULT"));
    json_object_set_new(f, "op", json_string("SETOP_UNION"));
    json_object_set_new(f, "all", json_true());
    json_object_set_new(f, "larg", select_fields(l));
    json_object_set_new(f, "rarg", select_fields(r));
    return wrap("SelectStmt", f);
}

json_t *ast_new_derived_table(json_t *subquery, json_t *alias)
{
    json_t *f = json_object();
    json_object_set_new(f, "subquery", subquery);
    if (alias)
        json_object_set_new(f, "alias", alias);
    return wrap("RangeSubselect", f);
}

json_t *ast_new_join(const char *jointype, json_t *l, json_t *r, json_t *on)
{
    json_t *f = json_object();
    json_object_set_new(f, "jointype", json_string(jointype));
    json_object_set_new(f, "larg", l);
    json_object_set_new(f, "rarg", r);
    if (on)
        json_object_set_new(f, "quals", on);
    return wrap("JoinExpr", f);
}

json_t *ast_new_hint(const char *name, size_t n)
{
    json_t *h = json_object();
    json_object_set_new(h, "name", json_stringn(name, n));
    json_object_set_new(h, "args", json_array());
    return h;
}

void ast_and_into(json_t *holder, const char *key, json_t *pred)
{
    json_t *old = ast_get(holder, key), *of;
    if (!old) {
        json_object_set_new(holder, key, pred);
    } else if (ast_unwrap(old, &of, NULL) == AST_BoolExpr &&
               strcmp(ast_str(of, "boolop"), "AND_EXPR") == 0) {
        json_array_append_new(ast_get(of, "args"), pred);
    } else {
        json_t *args = json_array();
        json_array_append(args, old);
        json_array_append_new(args, pred);
        json_object_set_new(holder, key, ast_new_bool_expr("AND_EXPR", args));
    }
}

int ast_scan_qualifier(const an_item *item, const char **qualifier)
{
    *qualifier = item->alias;
    if (item->via_identifier && !ast_get(item->node, "alias")) {
        if (item->block->nitems != 1)
            return -1;
        *qualifier = NULL;
    }
    return 0;
}

int ast_and_at_scan(const an_item *item, json_t *pred)
{
    /* A filter added beside a sampled scan stays above the Sample, and
     * one on a renamed table names another column. */
    if (!an_reach_block_filters(item)) {
        json_decref(pred);
        return -3;
    }
    for (const an_join_step *st = item->join; st; st = st->up) {
        const char *jt = ast_str(st->join, "jointype");
        if ((strcmp(jt, "JOIN_LEFT") == 0 && st->side == 1) ||
            (strcmp(jt, "JOIN_RIGHT") == 0 && st->side == 0) || strcmp(jt, "JOIN_FULL") == 0) {
            /* The ON of a FULL JOIN reaches neither side, and a WHERE
             * would change the join's result. */
            if (!an_reach_join_on(st)) {
                json_decref(pred);
                return -3;
            }
            ast_and_into(st->join, "quals", pred);
            return 0;
        }
    }
    if (!an_block_takes_clauses(item->block)) {
        json_decref(pred);
        return -2;
    }
    /* A WHERE above a non-deterministic LATERAL VIEW does not reach the
     * scan. */
    if (!an_reach_where(item)) {
        json_decref(pred);
        return -3;
    }
    ast_and_into(item->block->select, "whereClause", pred);
    return 0;
}

typedef struct replacing { json_t *old_fields, *replacement; int found; } replacing;

/* The node wrapping old_fields (a wrapper: a struct-typed field has
 * none to replace) takes the replacement's place in its parent; the old
 * one is deferred (ast_defer_delete). */
static ast_walk_rc replace_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    replacing *r = w->ctx;
    (void)kind;
    if (fields != r->old_fields || node == fields || !w->parent)
        return AST_WALK_CONTINUE;
    ast_defer_delete(node);
    if (w->slot_key)
        json_object_set(w->parent, w->slot_key, r->replacement);
    else
        json_array_set(w->parent, w->slot_index, r->replacement);
    r->found = 1;
    return AST_WALK_ABORT;
}

int ast_replace_node(json_t *root, json_t *old_fields, json_t *replacement)
{
    replacing r = {old_fields, replacement, 0};
    ast_walker w = {.fn = replace_visit, .ctx = &r, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, root);
    json_decref(replacement);
    return r.found ? 0 : -1;
}

void ast_replace_target_expr(json_t *rt, json_t *expr)
{
    if (!ast_get(rt, "name")) {
        const char *name = analysis_target_name(rt);
        if (name)
            json_object_set_new(rt, "name", json_string(name));
    }
    ast_defer_delete(ast_get(rt, "val"));
    json_object_set_new(rt, "val", expr);
}

void ast_add_hint(json_t *sel, const char *name, const char *arg)
{
    json_t *hints = ast_get(sel, "sl_hints");
    if (!hints) {
        hints = json_array();
        json_object_set_new(sel, "sl_hints", hints);
    }
    size_t i;
    json_t *h;
    json_array_foreach(hints, i, h) {
        const char *hn = json_string_value(ast_get(h, "name"));
        if (hn && strcasecmp(hn, name) == 0) {
            json_array_append_new(ast_get(h, "args"), json_string(arg));
            return;
        }
    }
    json_t *hint = ast_new_hint(name, strlen(name));
    json_array_append_new(ast_get(hint, "args"), json_string(arg));
    json_array_append_new(hints, hint);
}

void ast_set_limit(json_t *sel, long long n)
{
    ast_defer_delete(ast_get(sel, "limitCount"));
    json_object_set_new(sel, "limitCount", ast_new_int_const(n));
    json_object_set_new(sel, "limitOption", json_string("LIMIT_OPTION_COUNT"));
}

/* ------------------------------------------------------------------ */
/* Deferred delete                                                     */

/* The open deferral's nodes (a JSON array holding a reference to each),
 * or NULL.  Per thread: one engine serves many threads, each running its
 * own request's rules. */
static _Thread_local json_t *deferred;

void ast_defer_open(void)
{
    deferred = json_array();
}

void ast_defer_delete(json_t *node)
{
    if (deferred && node)
        json_array_append(deferred, node);
}

void ast_defer_close(void)
{
    json_decref(deferred);
    deferred = NULL;
}
