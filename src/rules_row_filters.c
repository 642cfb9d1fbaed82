/*
 * rules_row_filters.c - the "row_filters" section of a rules document:
 * row-level security policies, compiled once at load (the rule that
 * applies them is src/rewrite/row_filter.c; docs/row-level-security.md
 * is the user's description).
 *
 *   "row_filters": {
 *     "default": "allow" | "deny",       a user no filter of a filtered
 *                                        table names: all rows, or none
 *     "bypass": ["admin", ...],          groups exempt from every filter
 *     "filters": [{
 *       "table": "main.sales.transactions" | "/pattern/",
 *       "predicate": "region = 'EU' OR owner = {{user}}",
 *       "users": ["alice", "*"], "groups": ["eu_sales"],
 *       "group_key": "region",           optional (Superset's group_key)
 *       "description": "..."}]}
 *
 * The predicate is Databricks SQL over the table's columns, named
 * unqualified.  It is parsed here, once, as the WHERE of a SELECT over
 * the table; {{user}} becomes a parameter marker of the same length
 * (RULES_USER_PARAM), so that the request's user is put into the tree
 * as a string constant, never spliced into text.  Refused at load: a
 * predicate that does not parse, a subquery (it would read other
 * tables, unfiltered), an aggregate, window or generator call, a
 * qualified column name, a {{user}} inside a string literal (it would
 * not be substituted), any other {{...}}, a column the table's declared
 * columns do not have.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "dialect.h"
#include "parse.h"
#include "rules_load.h"
#include "sbuf.h"

#define USER_PLACEHOLDER "{{user}}"
_Static_assert(sizeof USER_PLACEHOLDER == sizeof RULES_USER_PARAM,
               "the marker keeps the predicate's offsets, so errors point into it");

/* The SELECT a predicate is parsed in; errors are moved back by its length. */
#define PREFIX "SELECT * FROM sluice_row_filter WHERE "

/* A list of strings (users, groups, bypass): each a non-empty string. */
static int load_names(loader *ld, json_t *obj, const char *path, const char *key, char ***out,
                      size_t *n)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    char *p = ld_path_join(path, key);
    int rc = 0;
    if (!json_is_array(v)) {
        rc = ld_fail_at(ld, p, "must be an array of names");
    } else {
        *n = json_array_size(v);
        *out = xcalloc(*n ? *n : 1, sizeof **out);
        for (size_t i = 0; i < *n && rc == 0; i++) {
            const char *s = json_string_value(json_array_get(v, i));
            if (!s || !*s)
                rc = ld_fail_at(ld, p, "entry %zu must be a non-empty string", i);
            else
                (*out)[i] = xstrdup(s);
        }
    }
    free(p);
    return rc;
}

typedef struct pred_check {
    loader *ld;
    const char *path;
    const char *why;        /* the first problem, or NULL */
    long long location;
    size_t params;          /* ParamRef markers of {{user}} */
    const rules_table *declared;    /* the table's declared columns, or NULL */
} pred_check;

static ast_walk_rc check_node(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    pred_check *pc = w->ctx;
    (void)node;
    const char *why = NULL;
    if (kind == AST_SubLink) {
        why = "a subquery is not allowed in a row filter (it would read other tables)";
    } else if (kind == AST_FuncCall) {
        const char *name = an_func_name(fields);
        unsigned c = name ? an_function_classes(name) : 0;
        if (ast_get(fields, "over") || (c & AN_FN_WINDOW))
            why = "a window function is not allowed in a row filter";
        else if (c & AN_FN_AGGREGATE)
            why = "an aggregate function is not allowed in a row filter";
        else if (c & AN_FN_GENERATOR)
            why = "a generator is not allowed in a row filter";
    } else if (kind == AST_ParamRef) {
        const char *p = ast_str(fields, "sl_param");
        if (!p || strcmp(p, RULES_USER_PARAM) != 0)
            why = "a parameter marker is not allowed in a row filter (write {{user}} for the user)";
        else
            pc->params++;
    } else if (kind == AST_ColumnRef) {
        json_t *parts = ast_get(fields, "fields");
        const char *col = ast_string_value(json_array_get(parts, 0));
        if (json_array_size(parts) != 1 || !col) {
            why = "name the table's columns unqualified in a row filter";
        } else if (pc->declared && pc->declared->has_columns) {
            size_t k = 0;
            while (k < pc->declared->ncolumns && strcasecmp(pc->declared->columns[k].name, col))
                k++;
            if (k == pc->declared->ncolumns)
                why = "names a column the table's declared columns do not have";
        }
    }
    if (why && !pc->why) {
        pc->why = why;
        pc->location = ast_int(fields, "location");
    }
    return why ? AST_WALK_ABORT : AST_WALK_CONTINUE;
}

/* Every "location" of the tree becomes -1: the predicate is no text of
 * the query it is put into. */
static ast_walk_rc unlocate(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    (void)w; (void)node; (void)kind;
    if (json_object_get(fields, "location"))
        json_object_set_new(fields, "location", json_integer(-1));
    return AST_WALK_CONTINUE;
}

/* Parse text (a condition, {{user}} already replaced) into *out (a new
 * reference), or report why not at path. */
static int parse_condition(loader *ld, const char *path, const char *text,
                           const rules_table *declared, json_t **out, int *uses_user,
                           size_t placeholders)
{
    sbuf sql = SBUF_INIT;
    sbuf_puts(&sql, PREFIX);
    sbuf_puts(&sql, text);
    size_t skip = strlen(PREFIX);
    dialect_source src;
    dialect_error err;
    parsed_stmt ps;
    memset(&ps, 0, sizeof ps);
    dialect_stmt *st = NULL;
    int rc = -1;
    if (dialect_lex(&src, sbuf_cstr(&sql), sql.len, &err) < 0) {
        ld_fail_in_string(ld, path, err.offset > skip ? err.offset - skip : 0, "%s", err.message);
        goto out_sql;
    }
    size_t n = dialect_statements(&src, &st);
    if (n != 1) {
        ld_fail_in_string(ld, path, n && st[1].start > skip ? st[1].start - skip : 0, "%s",
                          "must be one condition");
        goto out;
    }
    if (parse_stmt(&src, &st[0], &ps, &err) < 0) {
        ld_fail_in_string(ld, path, err.offset > skip ? err.offset - skip : 0, "%s", err.message);
        goto out;
    }
    json_t *sel = json_object_get(ps.node, "SelectStmt");
    json_t *where = sel ? json_object_get(sel, "whereClause") : NULL;
    static const char *const other[] = {"groupClause", "havingClause", "sortClause",
                                        "limitCount", "limitOffset", "sl_qualify",
                                        "windowClause", "larg", NULL};
    int extra = !where;
    for (size_t i = 0; !extra && other[i]; i++)
        extra = json_object_get(sel, other[i]) != NULL;
    if (extra) {
        ld_fail_in_string(ld, path, 0, "%s", "must be one condition (what a WHERE holds)");
        goto out;
    }
    pred_check pc = {ld, path, NULL, -1, 0, declared};
    ast_walker w = {.fn = check_node, .ctx = &pc, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, where);
    if (!pc.why && w.too_deep)
        pc.why = "is nested too deeply";
    if (!pc.why && pc.params != placeholders)
        pc.why = "{{user}} inside a string literal is not substituted: write it unquoted "
                 "(owner = {{user}}); the user is put in as a quoted string";
    if (pc.why) {
        size_t at = pc.location > (long long)skip ? (size_t)pc.location - skip : 0;
        ld_fail_in_string(ld, path, at, "%s", pc.why);
        goto out;
    }
    *out = json_deep_copy(where);
    ast_walker u = {.fn = unlocate, .max_depth = AST_WALK_UNLIMITED, .all_objects = 1};
    ast_walk(&u, *out);
    *uses_user = placeholders > 0;
    rc = 0;
out:
    parsed_stmt_free(&ps);
    free(st);
    dialect_source_free(&src);
out_sql:
    sbuf_free(&sql);
    return rc;
}

static int load_filter(loader *ld, json_t *obj, const char *path, rules *r, rules_row_filter *f)
{
    static const char *const keys[] = {"table", "predicate", "users", "groups", "group_key",
                                       "description", NULL};
    char *description = NULL;
    if (!json_is_object(obj))
        return ld_fail_at(ld, path, "must be an object");
    if (ld_check_keys(ld, obj, path, keys) < 0 ||
        ld_get_string(ld, obj, path, "table", &f->table) < 0 ||
        ld_get_string(ld, obj, path, "predicate", &f->predicate_text) < 0 ||
        ld_get_string(ld, obj, path, "group_key", &f->group_key) < 0 ||
        ld_get_string(ld, obj, path, "description", &description) < 0 ||
        load_names(ld, obj, path, "users", &f->users, &f->nusers) < 0 ||
        load_names(ld, obj, path, "groups", &f->groups, &f->ngroups) < 0) {
        free(description);
        return -1;
    }
    free(description);
    if (!f->table)
        return ld_fail_at(ld, path, "needs \"table\"");
    if (!f->predicate_text)
        return ld_fail_at(ld, path, "needs \"predicate\"");
    if (!f->nusers && !f->ngroups)
        return ld_fail_at(ld, path, "needs \"users\" or \"groups\" (who the filter applies to)");
    for (size_t i = 0; i < f->nusers; i++)
        f->all_users |= strcmp(f->users[i], "*") == 0;
    char *tp = ld_path_join(path, "table");
    int rc = ld_compile_match(ld, tp, f->table, &f->exact, &f->pattern);
    free(tp);
    if (rc < 0)
        return -1;
    /* {{user}} becomes the marker, of the same length; any other {{ is
     * an error. */
    char *text = xstrdup(f->predicate_text);
    size_t placeholders = 0;
    char *pp = ld_path_join(path, "predicate");
    for (char *p = strstr(text, "{{"); p; p = strstr(p, "{{")) {
        if (strncmp(p, USER_PLACEHOLDER, strlen(USER_PLACEHOLDER)) != 0) {
            rc = ld_fail_in_string(ld, pp, (size_t)(p - text), "%s",
                                   "unknown placeholder (the one placeholder is {{user}})");
            break;
        }
        memcpy(p, RULES_USER_PARAM, strlen(RULES_USER_PARAM));
        placeholders++;
    }
    const rules_table *declared = f->exact ? rules_find_table(r, f->exact) : NULL;
    if (rc == 0)
        rc = parse_condition(ld, pp, text, declared, &f->predicate, &f->uses_user, placeholders);
    free(pp);
    free(text);
    return rc;
}

int rules_load_row_filters(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"default", "bypass", "filters", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "row_filters", "must be an object");
    if (ld_check_keys(ld, v, "row_filters", keys) < 0 ||
        load_names(ld, v, "row_filters", "bypass", &r->row_filters_bypass,
                   &r->nrow_filters_bypass) < 0)
        return -1;
    json_t *d = json_object_get(v, "default");
    const char *ds = json_string_value(d);
    if (d && !(ds && (strcmp(ds, "allow") == 0 || strcmp(ds, "deny") == 0)))
        return ld_fail_at(ld, "row_filters/default", "must be \"allow\" or \"deny\"");
    r->row_filters_deny = ds && strcmp(ds, "deny") == 0;
    json_t *fs = json_object_get(v, "filters");
    if (!json_is_array(fs))
        return ld_fail_at(ld, "row_filters", "needs \"filters\", an array");
    r->nrow_filters = json_array_size(fs);
    r->row_filters = xcalloc(r->nrow_filters ? r->nrow_filters : 1, sizeof *r->row_filters);
    for (size_t i = 0; i < r->nrow_filters; i++) {
        char p[48];
        snprintf(p, sizeof p, "row_filters/filters/%zu", i);
        if (load_filter(ld, json_array_get(fs, i), p, r, &r->row_filters[i]) < 0)
            return -1;
    }
    int dummy;
    return parse_condition(ld, "row_filters", "FALSE", NULL, &r->row_filter_false, &dummy, 0);
}

static void free_names(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void rules_row_filters_free(rules *r)
{
    for (size_t i = 0; i < r->nrow_filters; i++) {
        rules_row_filter *f = &r->row_filters[i];
        free(f->table);
        free(f->exact);
        if (f->pattern)
            pcre2_code_free(f->pattern);
        free(f->predicate_text);
        json_decref(f->predicate);
        free_names(f->users, f->nusers);
        free_names(f->groups, f->ngroups);
        free(f->group_key);
    }
    free(r->row_filters);
    free_names(r->row_filters_bypass, r->nrow_filters_bypass);
    json_decref(r->row_filter_false);
}

int rules_row_filter_matches(const rules_row_filter *f, const char *qualified, int nparts)
{
    if (f->exact) {
        if (strcmp(f->exact, qualified) == 0)
            return 1;
        if (nparts >= 3)
            return 0;
        /* The written parts: what follows the first 3 - nparts dots. */
        const char *w = qualified;
        for (int dots = 0; dots < 3 - nparts && w; dots++)
            if ((w = strchr(w, '.')))
                w++;
        size_t el = strlen(f->exact), wl = w ? strlen(w) : 0;
        return w && el > wl && f->exact[el - wl - 1] == '.' && strcmp(f->exact + el - wl, w) == 0;
    }
    return rules_pattern_match(f->pattern, qualified);
}
