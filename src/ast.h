/*
 * ast.h - the AST: libpg_query's JSON parse tree held as jansson values.
 *
 * Shape.  A node is a one-key object {"Kind": {fields...}}; struct-typed
 * fields (alias, typeName, over, withClause, intoClause) hold their
 * fields object directly, without the wrapper.  The bridge adds a few
 * fields, all prefixed "sl_", for Spark constructs PostgreSQL lacks:
 *   SelectStmt.sl_hints      [{"name": "BROADCAST", "args": ["t"]}, ...]
 *                            or [{"raw": "..."}] for text kept verbatim
 *   SelectStmt.sl_qualify    the QUALIFY condition (a node)
 *   TypeCast.sl_try_cast     true for TRY_CAST
 *   RangeFunction.sl_lateral_view   "inner" | "outer"
 *   A_Expr name "div", "rlike", "!rlike" for DIV and [NOT] RLIKE.
 *
 * Ownership (jansson's convention, followed everywhere in sluice):
 * functions named *_new or documented "returns a new reference" hand the
 * caller one reference to json_decref(); every other json_t* argument
 * or result is borrowed and stays owned by its container.
 */
#ifndef SLUICE_AST_H
#define SLUICE_AST_H

#include <jansson.h>
#include <string.h>

#define AST_NODE_KINDS(X) \
    X(A_ArrayExpr) X(A_Const) X(A_Expr) X(A_Indices) X(A_Indirection) \
    X(A_Star) X(Alias) X(BitString) X(BoolExpr) X(Boolean) X(BooleanTest) \
    X(CaseExpr) X(CaseWhen) X(CoalesceExpr) X(CollateClause) X(ColumnRef) \
    X(CommonTableExpr) X(Float) X(FuncCall) X(GroupingFunc) X(GroupingSet) \
    X(Integer) X(IntoClause) X(JoinExpr) X(List) X(LockingClause) \
    X(MinMaxExpr) X(NamedArgExpr) X(NullTest) X(ParamRef) X(RangeFunction) \
    X(RangeSubselect) X(RangeTableSample) X(RangeVar) X(ResTarget) \
    X(RowExpr) X(SQLValueFunction) X(SelectStmt) X(SortBy) X(String) \
    X(SubLink) X(TypeCast) X(TypeName) X(WindowDef) X(WithClause)

typedef enum ast_kind {
    AST_UNKNOWN = 0,
#define AST_ENUM(name) AST_##name,
    AST_NODE_KINDS(AST_ENUM)
#undef AST_ENUM
    AST_KIND_COUNT
} ast_kind;

/* Kind and fields of a wrapped node.  Returns AST_UNKNOWN (and sets
 * *name to the key when there is one) for anything else. */
ast_kind ast_unwrap(json_t *node, json_t **fields, const char **name);

/* Every value of object obj (an expression without side effects), in
 * order: two calls into jansson per step where json_object_foreach makes
 * five. */
#define ast_foreach_value(obj, child)                                        \
    for (void *ast_it_ = json_object_iter(obj);                              \
         ast_it_ && ((child) = json_object_iter_value(ast_it_), 1);          \
         ast_it_ = json_object_iter_next((obj), ast_it_))

/* Are a and b the same string?  Compared inline: keys and kind names
 * are short, and the stages compare them on every node, where a call to
 * strcmp costs more than the comparison. */
static inline int ast_streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* "location", the one key the location-blind comparisons skip; most
 * keys fail on their first byte. */
static inline int ast_is_location_key(const char *k)
{
    return k[0] == 'l' && k[1] == 'o' && ast_streq(k, "location");
}

/* Borrowed field accessors; NULL/0/"" when absent.  ast_get() is the
 * key lookup the stages use for any object (NULL when it is no object):
 * json_object_get() with the key's length known at compile time when
 * the key is a literal (it is inlined, and strlen of a literal folds).
 * (Walking a small object's keys instead of hashing took fewer
 * instructions but more time: jansson's iterator is a call per step.) */
static inline json_t *ast_get(json_t *fields, const char *key)
{
    return json_object_getn(fields, key, strlen(key));
}
const char *ast_str(json_t *fields, const char *key);
json_int_t  ast_int(json_t *fields, const char *key);
int         ast_bool(json_t *fields, const char *key);

/* sval of a {"String": {"sval": ...}} node, NULL if not one. */
const char *ast_string_value(json_t *node);

/* Calls fn on every object in the tree (pre-order), with its key's
 * parent object when it is a node wrapper's fields. */
typedef void (*ast_visit_fn)(json_t *obj, const char *kind, void *ctx);
void ast_walk(json_t *tree, ast_visit_fn fn, void *ctx);

/* Returns a new reference: a deep copy without "location" fields. */
json_t *ast_without_locations(json_t *tree);

/* 1 if the trees are equal ignoring every "location" field. */
int ast_equal_ignoring_locations(json_t *a, json_t *b);

/* The same comparison, but hook(a, b, ctx) is asked first for every pair
 * of values met (both non-NULL): it returns 1 (equal) or 0 (not) to
 * decide, or -1 to let the comparison go on as usual.  A hook that
 * compares children itself calls ast_equal_with() on them. */
typedef int (*ast_equal_hook)(json_t *a, json_t *b, void *ctx);
int ast_equal_with(json_t *a, json_t *b, ast_equal_hook hook, void *ctx);

#endif
