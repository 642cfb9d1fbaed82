/*
 * pgtree.c - the jansson tree of a parse, built from PostgreSQL's nodes.
 *
 * Owns the one call into libpg_query's parser.  pg_query_raw_parse()
 * returns PostgreSQL's own node structs (declared by the server headers
 * of the same major version, postgresql-server-dev-15); this file turns
 * them into exactly the jansson values libpg_query's JSON writer and
 * parse.c's reader would have produced: the same keys in the same order,
 * integers and booleans left out when zero or false, strings when NULL,
 * enums by name, struct-typed fields (alias, typeName, over, larg, ...)
 * without their kind wrapper, a NULL list element as {}.
 *
 * Only the node kinds a query is made of are built here.  On any other
 * kind, an enum value out of range, or a tree deeper than the JSON reader
 * accepts, the statement is built again from libpg_query's JSON: one
 * result whichever path built it, and the JSON path's messages for the
 * errors.
 */
#include "postgres.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "nodes/value.h"
#include "utils/memutils.h"

#include <jansson.h>
#include <pg_query.h>
#include <pthread.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"
#include "pgtree.h"

/* libpg_query's entry points below pg_query_parse() (its internal
 * header, pg_query/pg_query_internal.h, declares them the same way). */
typedef struct {
    List *tree;
    char *stderr_buffer;
    PgQueryError *error;
} raw_result;
extern raw_result pg_query_raw_parse(const char *input);
extern MemoryContext pg_query_enter_memory_context(void);
extern void pg_query_exit_memory_context(MemoryContext ctx);

#define MAX_DEPTH JSON_PARSER_MAX_DEPTH     /* the JSON reader's limit */

/* One walk, two uses.  Building, every field goes into a new jansson
 * object.  Comparing (pgtree_matches), every field is matched against an
 * object of an expected tree instead, as ast_equal_ignoring_locations()
 * would match the built object against it, and nothing is allocated. */
typedef struct builder {
    int failed;             /* a node this file does not build, or too deep */
    int too_deep;           /* failed: the tree is deeper than MAX_DEPTH */
    int comparing;          /* matching an expected tree, not building */
    int differs;            /* comparing: a field that does not match */
} builder;

/* Where a node's fields go: the object being built, or the expected
 * object being matched, taken key by key in its own order while that
 * order is the walk's (the usual case), by lookup after. */
typedef struct sink {
    json_t *obj;
    void *next;             /* comparing, in step: obj's next key */
    size_t taken;           /* comparing: obj's keys matched, locations aside */
    int in_step;
} sink;

static int halted(const builder *b)
{
    return b->failed | b->differs;
}

/* Nesting level lvl, as the JSON reader counts levels: past its limit the
 * walk has failed, whichever way it runs. */
static int depth_ok(builder *b, int lvl)
{
    if (b->failed || lvl > MAX_DEPTH) {
        b->too_deep |= !b->failed;
        b->failed = 1;
        return 0;
    }
    return 1;
}

static void sink_on(builder *b, sink *o, json_t *obj)
{
    o->obj = obj;
    o->taken = 0;
    o->in_step = b->comparing;
    o->next = b->comparing ? json_object_iter(obj) : NULL;
}

/* Comparing: the expected value of field k, which the walk has a value
 * for; NULL (and the comparison fails) when the object has none. */
static json_t *take(builder *b, sink *o, const char *k, size_t kn)
{
    json_t *v = NULL;
    if (o->in_step) {
        while (o->next && ast_is_location_key(json_object_iter_key(o->next)))
            o->next = json_object_iter_next(o->obj, o->next);
        if (o->next && ast_streq(json_object_iter_key(o->next), k)) {
            v = json_object_iter_value(o->next);
            o->next = json_object_iter_next(o->obj, o->next);
        } else {
            o->in_step = 0;
        }
    }
    if (!v && !o->in_step)
        v = json_object_getn(o->obj, k, kn);
    if (v)
        o->taken++;
    else
        b->differs = 1;
    return v;
}

/* Comparing: the expected object has no field the walk did not take. */
static void sink_close(builder *b, sink *o)
{
    if (!b->comparing || halted(b))
        return;
    if (o->in_step) {
        while (o->next && ast_is_location_key(json_object_iter_key(o->next)))
            o->next = json_object_iter_next(o->obj, o->next);
        b->differs |= o->next != NULL;
        return;
    }
    size_t n = 0;
    for (void *it = json_object_iter(o->obj); it; it = json_object_iter_next(o->obj, it))
        n += !ast_is_location_key(json_object_iter_key(it));
    b->differs |= n != o->taken;
}

/* Field k holding value v (a new reference), built; v is NULL when
 * comparing. */
static void set_field(sink *o, const char *k, size_t kn, json_t *v)
{
    json_object_setn_new_nocheck(o->obj, k, kn, v);
}

static json_t *wrap(builder *b, const void *node, int lvl, json_t *expect);

static void put_int(builder *b, sink *o, const char *k, size_t kn, long v)
{
    if (v == 0 || halted(b))
        return;
    if (!b->comparing) {
        set_field(o, k, kn, json_integer(v));
    } else if (!ast_is_location_key(k)) {
        json_t *e = take(b, o, k, kn);
        if (e && !(json_is_integer(e) && json_integer_value(e) == v))
            b->differs = 1;
    }
}
#define INT(o, k, v) put_int(b, (o), (k), sizeof(k) - 1, (long)(v))

static void put_bool(builder *b, sink *o, const char *k, size_t kn, bool v)
{
    if (!v || halted(b))
        return;
    if (!b->comparing) {
        set_field(o, k, kn, json_true());
    } else {
        json_t *e = take(b, o, k, kn);
        if (e && !json_is_true(e))
            b->differs = 1;
    }
}
#define BOOL(o, k, v) put_bool(b, (o), (k), sizeof(k) - 1, (v))

static void put_strn(builder *b, sink *o, const char *k, size_t kn, const char *v, size_t n)
{
    if (halted(b))
        return;
    if (!b->comparing) {
        set_field(o, k, kn, json_stringn_nocheck(v, n));
    } else {
        json_t *e = take(b, o, k, kn);
        if (e && !(json_is_string(e) && json_string_length(e) == n &&
                   memcmp(json_string_value(e), v, n) == 0))
            b->differs = 1;
    }
}

static void put_str(builder *b, sink *o, const char *k, size_t kn, const char *v)
{
    if (v)
        put_strn(b, o, k, kn, v, strlen(v));
}
#define STR(o, k, v) put_str(b, (o), (k), sizeof(k) - 1, (v))

static void put_enum(builder *b, sink *o, const char *k, size_t kn, int v,
                     const char *const *names, int n)
{
    if (v < 0 || v >= n) {
        b->failed = 1;
        return;
    }
    put_str(b, o, k, kn, names[v]);
}
#define ENUM(o, k, v, names) \
    put_enum(b, (o), (k), sizeof(k) - 1, (int)(v), (names), (int)(sizeof(names) / sizeof *(names)))

/* Field k about to be walked: when comparing, *e is its expected value;
 * 0 when there is none (the comparison has failed) or the walk has
 * stopped. */
static int field_walk(builder *b, sink *o, const char *k, size_t kn, json_t **e)
{
    *e = NULL;
    if (halted(b))
        return 0;
    if (!b->comparing)
        return 1;
    *e = take(b, o, k, kn);
    return *e != NULL;
}

/* A Node * field: {"Kind":{...}} one level down. */
static void put_node(builder *b, sink *o, const char *k, size_t kn, const void *v, int lvl)
{
    json_t *e;
    if (!v || !field_walk(b, o, k, kn, &e))
        return;
    json_t *w = wrap(b, v, lvl + 1, e);
    if (w)
        set_field(o, k, kn, w);
}
#define NODE(o, k, v, lvl) put_node(b, (o), (k), sizeof(k) - 1, (v), (lvl))

/* The elements of a List: an array at level lvl, a NULL element as {}.
 * Comparing, matched against the array expect (returns NULL). */
static json_t *items(builder *b, const List *l, int lvl, json_t *expect)
{
    if (l->type != T_List) {
        b->failed = 1;
        return NULL;
    }
    if (!depth_ok(b, lvl))
        return NULL;
    if (b->comparing) {
        if (!json_is_array(expect) || json_array_size(expect) != (size_t)list_length(l)) {
            b->differs = 1;
            return NULL;
        }
        size_t i = 0;
        ListCell *lc;
        foreach(lc, l) {
            json_t *e = json_array_get(expect, i++);
            if (lfirst(lc)) {
                wrap(b, lfirst(lc), lvl + 1, e);
            } else if (depth_ok(b, lvl + 1)) {
                sink empty;
                if (!json_is_object(e)) {
                    b->differs = 1;
                } else {
                    sink_on(b, &empty, e);
                    sink_close(b, &empty);
                }
            }
            if (halted(b))
                break;
        }
        return NULL;
    }
    json_t *a = json_array();
    ListCell *lc;
    foreach(lc, l) {
        const void *e = lfirst(lc);
        json_t *v = e ? wrap(b, e, lvl + 1, NULL) : depth_ok(b, lvl + 1) ? json_object() : NULL;
        if (!v)
            break;
        json_array_append_new(a, v);
    }
    if (b->failed) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* A List * field: an array one level down; NIL is left out. */
static void put_list(builder *b, sink *o, const char *k, size_t kn, const List *l, int lvl)
{
    json_t *e;
    if (!l || !field_walk(b, o, k, kn, &e))
        return;
    json_t *a = items(b, l, lvl + 1, e);
    if (a)
        set_field(o, k, kn, a);
}
#define LIST(o, k, v, lvl) put_list(b, (o), (k), sizeof(k) - 1, (v), (lvl))

/* An object-valued field k at level lvl + 1: open_field() readies sub
 * (a new object, or the expected one) and returns 0 when there is
 * nothing to fill; close_field() adds or checks it. */
static int open_field(builder *b, sink *o, const char *k, size_t kn, int lvl, sink *sub)
{
    json_t *e;
    if (halted(b) || !depth_ok(b, lvl + 1) || !field_walk(b, o, k, kn, &e))
        return 0;
    if (!b->comparing) {
        sink_on(b, sub, json_object());
        return 1;
    }
    if (!json_is_object(e)) {
        b->differs = 1;
        return 0;
    }
    sink_on(b, sub, e);
    return 1;
}

static void close_field(builder *b, sink *o, const char *k, size_t kn, sink *sub)
{
    if (b->comparing)
        sink_close(b, sub);
    else if (b->failed)
        json_decref(sub->obj);
    else
        set_field(o, k, kn, sub->obj);
}

/* A struct-typed field: its fields object one level down, no wrapper. */
typedef void fields_fn(builder *b, const void *node, sink *o, int lvl);

static void put_struct(builder *b, sink *o, const char *k, size_t kn, const void *v,
                       fields_fn *fn, int lvl)
{
    sink f;
    if (!v || !open_field(b, o, k, kn, lvl, &f))
        return;
    fn(b, v, &f, lvl + 1);
    close_field(b, o, k, kn, &f);
}
#define STRUCT(o, k, v, fn, lvl) put_struct(b, (o), (k), sizeof(k) - 1, (v), (fn), (lvl))

/* ------------------------------------------------------------------ */
/* Enum names, in each enum's order (PostgreSQL 15)                    */

static const char *const a_expr_kinds[] = {
    "AEXPR_OP", "AEXPR_OP_ANY", "AEXPR_OP_ALL", "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT",
    "AEXPR_NULLIF", "AEXPR_IN", "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR",
    "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM"};
static const char *const set_operations[] = {
    "SETOP_NONE", "SETOP_UNION", "SETOP_INTERSECT", "SETOP_EXCEPT"};
/* The order of libpg_query's own copy of PostgreSQL, not of the server
 * headers: they moved LIMIT_OPTION_DEFAULT from first to last. */
static const char *const limit_options[] = {
    "LIMIT_OPTION_DEFAULT", "LIMIT_OPTION_COUNT", "LIMIT_OPTION_WITH_TIES"};
static const char *const join_types[] = {
    "JOIN_INNER", "JOIN_LEFT", "JOIN_FULL", "JOIN_RIGHT", "JOIN_SEMI", "JOIN_ANTI",
    "JOIN_UNIQUE_OUTER", "JOIN_UNIQUE_INNER"};
static const char *const bool_expr_types[] = {"AND_EXPR", "OR_EXPR", "NOT_EXPR"};
static const char *const sortby_dirs[] = {
    "SORTBY_DEFAULT", "SORTBY_ASC", "SORTBY_DESC", "SORTBY_USING"};
static const char *const sortby_nulls[] = {
    "SORTBY_NULLS_DEFAULT", "SORTBY_NULLS_FIRST", "SORTBY_NULLS_LAST"};
static const char *const coercion_forms[] = {
    "COERCE_EXPLICIT_CALL", "COERCE_EXPLICIT_CAST", "COERCE_IMPLICIT_CAST",
    "COERCE_SQL_SYNTAX"};
static const char *const sql_value_function_ops[] = {
    "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N",
    "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIME",
    "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
    "SVFOP_CURRENT_ROLE", "SVFOP_CURRENT_USER", "SVFOP_USER", "SVFOP_SESSION_USER",
    "SVFOP_CURRENT_CATALOG", "SVFOP_CURRENT_SCHEMA"};
static const char *const null_test_types[] = {"IS_NULL", "IS_NOT_NULL"};
static const char *const sublink_types[] = {
    "EXISTS_SUBLINK", "ALL_SUBLINK", "ANY_SUBLINK", "ROWCOMPARE_SUBLINK", "EXPR_SUBLINK",
    "MULTIEXPR_SUBLINK", "ARRAY_SUBLINK", "CTE_SUBLINK"};
static const char *const grouping_set_kinds[] = {
    "GROUPING_SET_EMPTY", "GROUPING_SET_SIMPLE", "GROUPING_SET_ROLLUP", "GROUPING_SET_CUBE",
    "GROUPING_SET_SETS"};
static const char *const bool_test_types[] = {
    "IS_TRUE", "IS_NOT_TRUE", "IS_FALSE", "IS_NOT_FALSE", "IS_UNKNOWN", "IS_NOT_UNKNOWN"};
static const char *const min_max_ops[] = {"IS_GREATEST", "IS_LEAST"};
static const char *const cte_materialize[] = {
    "CTEMaterializeDefault", "CTEMaterializeAlways", "CTEMaterializeNever"};

/* ------------------------------------------------------------------ */
/* Node kinds, fields in struct order                                  */

static void alias_fields(builder *b, const void *node, sink *o, int lvl)
{
    const Alias *n = node;
    STR(o, "aliasname", n->aliasname);
    LIST(o, "colnames", n->colnames, lvl);
}

static void type_name_fields(builder *b, const void *node, sink *o, int lvl)
{
    const TypeName *n = node;
    LIST(o, "names", n->names, lvl);
    INT(o, "typeOid", n->typeOid);
    BOOL(o, "setof", n->setof);
    BOOL(o, "pct_type", n->pct_type);
    LIST(o, "typmods", n->typmods, lvl);
    INT(o, "typemod", n->typemod);
    LIST(o, "arrayBounds", n->arrayBounds, lvl);
    INT(o, "location", n->location);
}

static void window_def_fields(builder *b, const void *node, sink *o, int lvl)
{
    const WindowDef *n = node;
    STR(o, "name", n->name);
    STR(o, "refname", n->refname);
    LIST(o, "partitionClause", n->partitionClause, lvl);
    LIST(o, "orderClause", n->orderClause, lvl);
    INT(o, "frameOptions", n->frameOptions);
    NODE(o, "startOffset", n->startOffset, lvl);
    NODE(o, "endOffset", n->endOffset, lvl);
    INT(o, "location", n->location);
}

static void with_clause_fields(builder *b, const void *node, sink *o, int lvl)
{
    const WithClause *n = node;
    LIST(o, "ctes", n->ctes, lvl);
    BOOL(o, "recursive", n->recursive);
    INT(o, "location", n->location);
}

static void select_fields(builder *b, const void *node, sink *o, int lvl)
{
    const SelectStmt *n = node;
    if (n->intoClause) {
        b->failed = 1;
        return;
    }
    LIST(o, "distinctClause", n->distinctClause, lvl);
    LIST(o, "targetList", n->targetList, lvl);
    LIST(o, "fromClause", n->fromClause, lvl);
    NODE(o, "whereClause", n->whereClause, lvl);
    LIST(o, "groupClause", n->groupClause, lvl);
    BOOL(o, "groupDistinct", n->groupDistinct);
    NODE(o, "havingClause", n->havingClause, lvl);
    LIST(o, "windowClause", n->windowClause, lvl);
    LIST(o, "valuesLists", n->valuesLists, lvl);
    LIST(o, "sortClause", n->sortClause, lvl);
    NODE(o, "limitOffset", n->limitOffset, lvl);
    NODE(o, "limitCount", n->limitCount, lvl);
    ENUM(o, "limitOption", n->limitOption, limit_options);
    LIST(o, "lockingClause", n->lockingClause, lvl);
    STRUCT(o, "withClause", n->withClause, with_clause_fields, lvl);
    ENUM(o, "op", n->op, set_operations);
    BOOL(o, "all", n->all);
    STRUCT(o, "larg", n->larg, select_fields, lvl);
    STRUCT(o, "rarg", n->rarg, select_fields, lvl);
}

static void a_const_fields(builder *b, const void *node, sink *o, int lvl)
{
    const A_Const *n = node;
    if (n->isnull) {
        BOOL(o, "isnull", true);
    } else {
        /* The value in an object of its own: {"ival":{"ival":2}}. */
        const char *k;
        switch ((int)nodeTag(&n->val)) {   /* a few of NodeTag's hundreds */
        case T_Integer: k = "ival"; break;
        case T_Float: k = "fval"; break;
        case T_Boolean: k = "boolval"; break;
        case T_String: k = "sval"; break;
        case T_BitString: k = "bsval"; break;
        default:
            b->failed = 1;
            return;
        }
        sink v;
        if (!open_field(b, o, k, strlen(k), lvl, &v))
            return;
        switch ((int)nodeTag(&n->val)) {
        case T_Integer:
            /* libpg_query 15-4.0.0 writes a negative value as {}, like
             * zero (parse.c's fix-ups read it back from the text). */
            if (n->val.ival.ival > 0)
                INT(&v, "ival", n->val.ival.ival);
            break;
        case T_Float:
            STR(&v, "fval", n->val.fval.fval);
            break;
        case T_Boolean:
            BOOL(&v, "boolval", n->val.boolval.boolval);
            break;
        case T_String:
            STR(&v, "sval", n->val.sval.sval);
            break;
        default:
            STR(&v, "bsval", n->val.bsval.bsval);
            break;
        }
        close_field(b, o, k, strlen(k), &v);
    }
    INT(o, "location", n->location);
}

/* The fields of node into o (its kind's name in *kind); b->failed: not
 * a kind built here. */
static void fields_of(builder *b, const Node *node, const char **kind, size_t *kn, int lvl,
                      sink *o)
{
#define KIND(s) (*kind = (s), *kn = sizeof(s) - 1)
    switch ((int)nodeTag(node)) {      /* a few of NodeTag's hundreds */
    case T_String: {
        KIND("String");
        STR(o, "sval", ((const String *)node)->sval);
        break;
    }
    case T_Integer:
        KIND("Integer");
        if (((const Integer *)node)->ival > 0)      /* as in A_Const */
            INT(o, "ival", ((const Integer *)node)->ival);
        break;
    case T_Float:
        KIND("Float");
        STR(o, "fval", ((const Float *)node)->fval);
        break;
    case T_Boolean:
        KIND("Boolean");
        BOOL(o, "boolval", ((const Boolean *)node)->boolval);
        break;
    case T_List:
        KIND("List");
        LIST(o, "items", (const List *)node, lvl);
        break;
    case T_ColumnRef: {
        const ColumnRef *n = (const ColumnRef *)node;
        KIND("ColumnRef");
        LIST(o, "fields", n->fields, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_ResTarget: {
        const ResTarget *n = (const ResTarget *)node;
        KIND("ResTarget");
        STR(o, "name", n->name);
        LIST(o, "indirection", n->indirection, lvl);
        NODE(o, "val", n->val, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_A_Const:
        KIND("A_Const");
        a_const_fields(b, node, o, lvl);
        break;
    case T_A_Expr: {
        const A_Expr *n = (const A_Expr *)node;
        KIND("A_Expr");
        ENUM(o, "kind", n->kind, a_expr_kinds);
        LIST(o, "name", n->name, lvl);
        NODE(o, "lexpr", n->lexpr, lvl);
        NODE(o, "rexpr", n->rexpr, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_RangeVar: {
        const RangeVar *n = (const RangeVar *)node;
        KIND("RangeVar");
        STR(o, "catalogname", n->catalogname);
        STR(o, "schemaname", n->schemaname);
        STR(o, "relname", n->relname);
        BOOL(o, "inh", n->inh);
        if (n->relpersistence)
            put_strn(b, o, "relpersistence", 14, &n->relpersistence, 1);
        STRUCT(o, "alias", n->alias, alias_fields, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_FuncCall: {
        const FuncCall *n = (const FuncCall *)node;
        KIND("FuncCall");
        LIST(o, "funcname", n->funcname, lvl);
        LIST(o, "args", n->args, lvl);
        LIST(o, "agg_order", n->agg_order, lvl);
        NODE(o, "agg_filter", n->agg_filter, lvl);
        STRUCT(o, "over", n->over, window_def_fields, lvl);
        BOOL(o, "agg_within_group", n->agg_within_group);
        BOOL(o, "agg_star", n->agg_star);
        BOOL(o, "agg_distinct", n->agg_distinct);
        BOOL(o, "func_variadic", n->func_variadic);
        ENUM(o, "funcformat", n->funcformat, coercion_forms);
        INT(o, "location", n->location);
        break;
    }
    case T_SelectStmt:
        KIND("SelectStmt");
        select_fields(b, node, o, lvl);
        break;
    case T_JoinExpr: {
        const JoinExpr *n = (const JoinExpr *)node;
        KIND("JoinExpr");
        ENUM(o, "jointype", n->jointype, join_types);
        BOOL(o, "isNatural", n->isNatural);
        NODE(o, "larg", n->larg, lvl);
        NODE(o, "rarg", n->rarg, lvl);
        LIST(o, "usingClause", n->usingClause, lvl);
        STRUCT(o, "join_using_alias", n->join_using_alias, alias_fields, lvl);
        NODE(o, "quals", n->quals, lvl);
        STRUCT(o, "alias", n->alias, alias_fields, lvl);
        INT(o, "rtindex", n->rtindex);
        break;
    }
    case T_TypeCast: {
        const TypeCast *n = (const TypeCast *)node;
        KIND("TypeCast");
        NODE(o, "arg", n->arg, lvl);
        STRUCT(o, "typeName", n->typeName, type_name_fields, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_TypeName:
        KIND("TypeName");
        type_name_fields(b, node, o, lvl);
        break;
    case T_BoolExpr: {
        const BoolExpr *n = (const BoolExpr *)node;
        KIND("BoolExpr");
        ENUM(o, "boolop", n->boolop, bool_expr_types);
        LIST(o, "args", n->args, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_SortBy: {
        const SortBy *n = (const SortBy *)node;
        KIND("SortBy");
        NODE(o, "node", n->node, lvl);
        ENUM(o, "sortby_dir", n->sortby_dir, sortby_dirs);
        ENUM(o, "sortby_nulls", n->sortby_nulls, sortby_nulls);
        LIST(o, "useOp", n->useOp, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_A_Star:
        KIND("A_Star");
        break;
    case T_RangeSubselect: {
        const RangeSubselect *n = (const RangeSubselect *)node;
        KIND("RangeSubselect");
        BOOL(o, "lateral", n->lateral);
        NODE(o, "subquery", n->subquery, lvl);
        STRUCT(o, "alias", n->alias, alias_fields, lvl);
        break;
    }
    case T_CommonTableExpr: {
        const CommonTableExpr *n = (const CommonTableExpr *)node;
        KIND("CommonTableExpr");
        if (n->search_clause || n->cycle_clause || n->ctecolnames || n->ctecoltypes ||
            n->ctecoltypmods || n->ctecolcollations) {
            b->failed = 1;
            break;
        }
        STR(o, "ctename", n->ctename);
        LIST(o, "aliascolnames", n->aliascolnames, lvl);
        ENUM(o, "ctematerialized", n->ctematerialized, cte_materialize);
        NODE(o, "ctequery", n->ctequery, lvl);
        INT(o, "location", n->location);
        BOOL(o, "cterecursive", n->cterecursive);
        INT(o, "cterefcount", n->cterefcount);
        break;
    }
    case T_WithClause:
        KIND("WithClause");
        with_clause_fields(b, node, o, lvl);
        break;
    case T_Alias:
        KIND("Alias");
        alias_fields(b, node, o, lvl);
        break;
    case T_SQLValueFunction: {
        const SQLValueFunction *n = (const SQLValueFunction *)node;
        KIND("SQLValueFunction");
        ENUM(o, "op", n->op, sql_value_function_ops);
        INT(o, "type", n->type);
        INT(o, "typmod", n->typmod);
        INT(o, "location", n->location);
        break;
    }
    case T_NullTest: {
        const NullTest *n = (const NullTest *)node;
        KIND("NullTest");
        NODE(o, "arg", n->arg, lvl);
        ENUM(o, "nulltesttype", n->nulltesttype, null_test_types);
        BOOL(o, "argisrow", n->argisrow);
        INT(o, "location", n->location);
        break;
    }
    case T_RowExpr: {
        const RowExpr *n = (const RowExpr *)node;
        KIND("RowExpr");
        LIST(o, "args", n->args, lvl);
        INT(o, "row_typeid", n->row_typeid);
        ENUM(o, "row_format", n->row_format, coercion_forms);
        LIST(o, "colnames", n->colnames, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_A_Indirection: {
        const A_Indirection *n = (const A_Indirection *)node;
        KIND("A_Indirection");
        NODE(o, "arg", n->arg, lvl);
        LIST(o, "indirection", n->indirection, lvl);
        break;
    }
    case T_A_Indices: {
        const A_Indices *n = (const A_Indices *)node;
        KIND("A_Indices");
        BOOL(o, "is_slice", n->is_slice);
        NODE(o, "lidx", n->lidx, lvl);
        NODE(o, "uidx", n->uidx, lvl);
        break;
    }
    case T_SubLink: {
        const SubLink *n = (const SubLink *)node;
        KIND("SubLink");
        ENUM(o, "subLinkType", n->subLinkType, sublink_types);
        INT(o, "subLinkId", n->subLinkId);
        NODE(o, "testexpr", n->testexpr, lvl);
        LIST(o, "operName", n->operName, lvl);
        NODE(o, "subselect", n->subselect, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_RangeFunction: {
        const RangeFunction *n = (const RangeFunction *)node;
        KIND("RangeFunction");
        if (n->coldeflist) {
            b->failed = 1;
            break;
        }
        BOOL(o, "lateral", n->lateral);
        BOOL(o, "ordinality", n->ordinality);
        BOOL(o, "is_rowsfrom", n->is_rowsfrom);
        LIST(o, "functions", n->functions, lvl);
        STRUCT(o, "alias", n->alias, alias_fields, lvl);
        break;
    }
    case T_CaseWhen: {
        const CaseWhen *n = (const CaseWhen *)node;
        KIND("CaseWhen");
        NODE(o, "expr", n->expr, lvl);
        NODE(o, "result", n->result, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_CaseExpr: {
        const CaseExpr *n = (const CaseExpr *)node;
        KIND("CaseExpr");
        INT(o, "casetype", n->casetype);
        INT(o, "casecollid", n->casecollid);
        NODE(o, "arg", n->arg, lvl);
        LIST(o, "args", n->args, lvl);
        NODE(o, "defresult", n->defresult, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_GroupingSet: {
        const GroupingSet *n = (const GroupingSet *)node;
        KIND("GroupingSet");
        ENUM(o, "kind", n->kind, grouping_set_kinds);
        LIST(o, "content", n->content, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_RangeTableSample: {
        const RangeTableSample *n = (const RangeTableSample *)node;
        KIND("RangeTableSample");
        NODE(o, "relation", n->relation, lvl);
        LIST(o, "method", n->method, lvl);
        LIST(o, "args", n->args, lvl);
        NODE(o, "repeatable", n->repeatable, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_CoalesceExpr: {
        const CoalesceExpr *n = (const CoalesceExpr *)node;
        KIND("CoalesceExpr");
        INT(o, "coalescetype", n->coalescetype);
        INT(o, "coalescecollid", n->coalescecollid);
        LIST(o, "args", n->args, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_ParamRef: {
        const ParamRef *n = (const ParamRef *)node;
        KIND("ParamRef");
        INT(o, "number", n->number);
        INT(o, "location", n->location);
        break;
    }
    case T_BooleanTest: {
        const BooleanTest *n = (const BooleanTest *)node;
        KIND("BooleanTest");
        NODE(o, "arg", n->arg, lvl);
        ENUM(o, "booltesttype", n->booltesttype, bool_test_types);
        INT(o, "location", n->location);
        break;
    }
    case T_WindowDef:
        KIND("WindowDef");
        window_def_fields(b, node, o, lvl);
        break;
    case T_A_ArrayExpr: {
        const A_ArrayExpr *n = (const A_ArrayExpr *)node;
        KIND("A_ArrayExpr");
        LIST(o, "elements", n->elements, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_GroupingFunc: {
        const GroupingFunc *n = (const GroupingFunc *)node;
        KIND("GroupingFunc");
        if (n->refs || n->cols) {
            b->failed = 1;
            break;
        }
        LIST(o, "args", n->args, lvl);
        INT(o, "agglevelsup", n->agglevelsup);
        INT(o, "location", n->location);
        break;
    }
    case T_MinMaxExpr: {
        const MinMaxExpr *n = (const MinMaxExpr *)node;
        KIND("MinMaxExpr");
        INT(o, "minmaxtype", n->minmaxtype);
        INT(o, "minmaxcollid", n->minmaxcollid);
        INT(o, "inputcollid", n->inputcollid);
        ENUM(o, "op", n->op, min_max_ops);
        LIST(o, "args", n->args, lvl);
        INT(o, "location", n->location);
        break;
    }
    case T_NamedArgExpr: {
        const NamedArgExpr *n = (const NamedArgExpr *)node;
        KIND("NamedArgExpr");
        NODE(o, "arg", n->arg, lvl);
        STR(o, "name", n->name);
        INT(o, "argnumber", n->argnumber);
        INT(o, "location", n->location);
        break;
    }
    default:
        b->failed = 1;
        break;
    }
#undef KIND
}

/* {"Kind":{fields}} at level lvl (the wrapper's own nesting depth; its
 * fields, one deeper, are where the depth limit bites first).  Comparing,
 * matched against expect (and NULL returned). */
static json_t *wrap(builder *b, const void *node, int lvl, json_t *expect)
{
    const char *kind = NULL;
    size_t kn = 0;
    sink f;
    if (halted(b) || !depth_ok(b, lvl + 1))
        return NULL;
    if (!b->comparing) {
        sink_on(b, &f, json_object());
        fields_of(b, node, &kind, &kn, lvl + 1, &f);
        if (b->failed) {
            json_decref(f.obj);
            return NULL;
        }
        json_t *w = json_object();
        json_object_setn_new_nocheck(w, kind, kn, f.obj);
        return w;
    }
    /* One key besides locations, the kind's name, holding an object. */
    void *it = json_is_object(expect) ? json_object_iter(expect) : NULL;
    while (it && ast_is_location_key(json_object_iter_key(it)))
        it = json_object_iter_next(expect, it);
    if (!it || !json_is_object(json_object_iter_value(it))) {
        b->differs = 1;
        return NULL;
    }
    const char *expect_kind = json_object_iter_key(it);
    sink_on(b, &f, json_object_iter_value(it));
    fields_of(b, node, &kind, &kn, lvl + 1, &f);
    sink_close(b, &f);
    if (halted(b))
        return NULL;
    if (!ast_streq(kind, expect_kind))
        b->differs = 1;
    for (it = json_object_iter_next(expect, it); it; it = json_object_iter_next(expect, it))
        if (!ast_is_location_key(json_object_iter_key(it)))
            b->differs = 1;
    return NULL;
}

/* The statements array: [{"stmt":..,"stmt_location":..,"stmt_len":..}],
 * at level 2 under the JSON's root object. */
static json_t *build_stmts(const List *tree, int *too_deep)
{
    builder bb = {0}, *b = &bb;
    json_t *a = json_array();
    ListCell *lc;
    foreach(lc, tree) {
        const RawStmt *rs = lfirst(lc);
        if (nodeTag(rs) != T_RawStmt) {
            b->failed = 1;
            break;
        }
        sink o;
        sink_on(b, &o, json_object());
        json_array_append_new(a, o.obj);
        NODE(&o, "stmt", rs->stmt, 3);
        if (b->failed)
            break;
        INT(&o, "stmt_location", rs->stmt_location);
        INT(&o, "stmt_len", rs->stmt_len);
    }
    if (b->failed) {
        *too_deep = b->too_deep;
        json_decref(a);
        return NULL;
    }
    return a;
}

static void from_json(const char *sql, pgtree *out)
{
    PgQueryParseResult r = pg_query_parse(sql);
    if (r.error) {
        out->error = r.error;
        r.error = NULL;
    } else {
        json_t *root = parse_tree_from_json(r.parse_tree, strlen(r.parse_tree),
                                            &out->read_error);
        if (root) {
            out->stmts = json_incref(json_object_get(root, "stmts"));
            if (!out->stmts)
                out->stmts = json_array();
            json_decref(root);
        }
    }
    pg_query_free_parse_result(r);
}

static void pgtree_parse_with(const char *sql, int force_json, pgtree *out);

int pgtree_identical(json_t *a, json_t *b)
{
    if (!a || !b)
        return a == b;
    if (json_typeof(a) != json_typeof(b))
        return 0;
    if (json_is_object(a)) {
        if (json_object_size(a) != json_object_size(b))
            return 0;
        void *i = json_object_iter(a), *j = json_object_iter(b);
        for (; i && j; i = json_object_iter_next(a, i), j = json_object_iter_next(b, j))
            if (strcmp(json_object_iter_key(i), json_object_iter_key(j)) != 0 ||
                !pgtree_identical(json_object_iter_value(i), json_object_iter_value(j)))
                return 0;
        return 1;
    }
    if (json_is_array(a)) {
        size_t n = json_array_size(a);
        if (n != json_array_size(b))
            return 0;
        for (size_t k = 0; k < n; k++)
            if (!pgtree_identical(json_array_get(a, k), json_array_get(b, k)))
                return 0;
        return 1;
    }
    return json_equal(a, b);
}

/* Statements that between them hold the node kinds pgtree.c builds, with
 * their fields and enum values.  Built both ways once per process: if the
 * results differ (a libpg_query whose nodes differ from the headers this
 * was compiled with), every parse takes the JSON path. */
static const char *const canary[] = {
    "WITH RECURSIVE c(x) AS MATERIALIZED (SELECT 1), d AS NOT MATERIALIZED (SELECT 2) "
    "SELECT DISTINCT ON (a) a.b[1], a.c[1:2], -1, 0, 1.5, true, false, NULL, 'x', "
    "CAST(a AS numeric(10, 2)), CAST(b AS int[3]), ARRAY[1, 2], ROW(1, 2), (1, 2), "
    "f(a ORDER BY b) FILTER (WHERE c) OVER w, count(*) OVER (PARTITION BY a ORDER BY b "
    "DESC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), g(VARIADIC a), h(x => 1), "
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY a ASC NULLS LAST), CASE a WHEN 1 THEN 2 "
    "ELSE 3 END, CASE WHEN a IS NULL THEN 1 END, a IS NOT NULL, coalesce(a, b), "
    "greatest(a, b), least(a, b), nullif(a, b), a IS TRUE, a IS NOT TRUE, a IS FALSE, "
    "a IS NOT FALSE, a IS UNKNOWN, a IS NOT UNKNOWN, a IS DISTINCT FROM b, "
    "a IS NOT DISTINCT FROM b, a IN (1, 2), a LIKE 'x', a ILIKE 'x', a SIMILAR TO 'x', "
    "a BETWEEN 1 AND 2, a NOT BETWEEN 1 AND 2, a BETWEEN SYMMETRIC 1 AND 2, "
    "a NOT BETWEEN SYMMETRIC 1 AND 2, a = ANY(b), a = ALL(b), a = ANY(SELECT 1), "
    "a = ALL(SELECT 1), EXISTS (SELECT 1), (SELECT 1), ARRAY(SELECT 1), (1, 2) < (SELECT 1, 2), "
    "current_date, current_time, current_time(1), current_timestamp, current_timestamp(1), "
    "localtime, localtime(1), localtimestamp, localtimestamp(1), current_role, current_user, "
    "user, session_user, current_catalog, current_schema, $1, NOT a AND b OR c, "
    "GROUPING(a), B'101', x'1F' AS y "
    "FROM s.t AS a(k) NATURAL JOIN c.s.u LEFT JOIN v USING (k) AS j RIGHT JOIN w ON true "
    "FULL JOIN x AS x1 ON true CROSS JOIN LATERAL (SELECT 1) AS l, "
    "ROWS FROM (f(1), g(2)) WITH ORDINALITY AS r, LATERAL h(1) AS z, "
    "y TABLESAMPLE bernoulli (10) REPEATABLE (1), ONLY o "
    "WHERE a GROUP BY DISTINCT ROLLUP (a), CUBE (b), GROUPING SETS ((a), ()), c "
    "HAVING b WINDOW w AS (ORDER BY a) ORDER BY a USING <, 1 OFFSET 1 FETCH FIRST 2 ROWS WITH TIES",
    "SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4 LIMIT 1",
    "VALUES (1, 2), (2, 3)",
};

static pthread_once_t canary_once = PTHREAD_ONCE_INIT;
static int direct_ok;

static void check_canary(void)
{
    direct_ok = 1;
    for (size_t i = 0; i < sizeof canary / sizeof *canary; i++) {
        pgtree a, b;
        pgtree_parse_with(canary[i], 0, &a);
        pgtree_parse_with(canary[i], 1, &b);
        if (!a.direct || !b.stmts || !pgtree_identical(a.stmts, b.stmts))
            direct_ok = 0;
        pgtree_free(&a);
        pgtree_free(&b);
    }
}

int pgtree_direct_enabled(void)
{
    pthread_once(&canary_once, check_canary);
    return direct_ok;
}

static void pgtree_parse_with(const char *sql, int force_json, pgtree *out)
{
    memset(out, 0, sizeof *out);
    if (!force_json) {
        MemoryContext ctx = pg_query_enter_memory_context();
        raw_result r = pg_query_raw_parse(sql);
        free(r.stderr_buffer);
        int too_deep = 0;
        if (r.error) {
            out->error = r.error;
        } else {
            out->stmts = build_stmts(r.tree, &too_deep);
            out->direct = out->stmts != NULL;
        }
        pg_query_exit_memory_context(ctx);
        if (out->error || out->stmts)
            return;
        /* The JSON path would refuse the depth too, after libpg_query's
         * JSON writer recursed once per level without a stack check:
         * 120,000 levels ("1 + 1 + ...", 480 KB) overflowed the stack. */
        if (too_deep) {
            out->read_error = JSON_DEPTH_ERROR;
            return;
        }
        /* A kind this file does not build: how deep it goes is not known
         * here, and the JSON writer's recursion is only safe for a text
         * too short to nest that far. */
        if (strlen(sql) > PGTREE_JSON_MAX_BYTES) {
            out->limit_error = "statements other than queries longer than "
                               PGTREE_JSON_MAX_BYTES_TEXT " bytes are not read";
            return;
        }
    }
    from_json(sql, out);
}

void pgtree_parse(const char *sql, int force_json, pgtree *out)
{
    pgtree_parse_with(sql, force_json || !pgtree_direct_enabled(), out);
}

int pgtree_matches(const char *sql, json_t *expected)
{
    if (!pgtree_direct_enabled())
        return -1;
    int verdict = -1;
    MemoryContext ctx = pg_query_enter_memory_context();
    raw_result r = pg_query_raw_parse(sql);
    free(r.stderr_buffer);
    if (r.error) {
        PgQueryParseResult pr = {0};
        pr.error = r.error;
        pg_query_free_parse_result(pr);
    } else if (list_length(r.tree) == 1 && nodeTag(linitial(r.tree)) == T_RawStmt &&
               ((const RawStmt *)linitial(r.tree))->stmt) {
        builder b = {0};
        b.comparing = 1;
        /* The level build_stmts() gives a statement's wrapper. */
        wrap(&b, ((const RawStmt *)linitial(r.tree))->stmt, 4, expected);
        verdict = b.failed ? -1 : !b.differs;
    }
    pg_query_exit_memory_context(ctx);
    return verdict;
}

void pgtree_free(pgtree *t)
{
    arena_json_release(t->stmts);
    if (t->error) {
        PgQueryParseResult r = {0};
        r.error = t->error;
        pg_query_free_parse_result(r);
    }
    memset(t, 0, sizeof *t);
}
