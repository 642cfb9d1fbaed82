/*
 * ast.h - the AST: libpg_query's JSON parse tree held as jansson values.
 *
 * Shape.  A node is a one-key object {"Kind": {fields...}}; struct-typed
 * fields (larg, rarg, alias, typeName, over, withClause, intoClause)
 * hold their fields object directly, without the wrapper.
 *
 * Fields sluice adds.  Spark constructs PostgreSQL lacks reach the parser
 * as placeholders the bridge writes (dialect.c) and parse.c turns into
 * fields prefixed "sl_"; these are all of them:
 *   SelectStmt.sl_hints     [{"name": "BROADCAST", "args": ["t", ...]}, ...]:
 *                           the SELECT's hints, each argument as written (an
 *                           identifier, `quoted`, or a 'string')
 *   SelectStmt.sl_qualify   the QUALIFY condition (a node)
 *   SelectStmt.sl_sort_by   SORT BY: a list of SortBy nodes
 *   SelectStmt.sl_distribute_by  DISTRIBUTE BY: a list of expressions
 *   SelectStmt.sl_cluster_by     CLUSTER BY: a list of expressions
 *   SelectStmt.sl_pivot     PIVOT / UNPIVOT over the SELECT's one FROM
 *                           item: {"kind": "pivot" | "unpivot",
 *                           ["nulls": "include" | "exclude"] (UNPIVOT),
 *                           "values": [ResTarget...], "for": [exprs],
 *                           "in": [ResTarget...]}
 *   ResTarget.sl_except     on a * entry: the columns of * EXCEPT (...),
 *                           a list of ColumnRef nodes
 *   FuncCall.sl_nulls       "ignore" | "respect": IGNORE / RESPECT NULLS
 *   FuncCall.sl_nulls_inside  true when written inside the parentheses,
 *                           f(x IGNORE NULLS), not after them
 *   ParamRef.sl_param       the parameter marker as written ("?",
 *                           ":name"); "number" is then 0
 *   JoinExpr.sl_join        "semi" | "anti": a LEFT [NATURAL] JOIN that is
 *                           Spark's LEFT SEMI / LEFT ANTI JOIN
 *   TypeCast.sl_try_cast    true for TRY_CAST
 *   TypeCast.sl_cast        true for CAST(s AS INTERVAL ...), which Spark
 *                           reads differently from the literal INTERVAL s
 *   RangeFunction.sl_lateral_view  "inner" | "outer": LATERAL VIEW [OUTER]
 * and the names PostgreSQL does not have:
 *   A_Expr name "div", "rlike", "!rlike" for DIV and [NOT] RLIKE.
 * Four placeholders stay in the tree, read only through parse.h's
 * accessors (parse.c decodes every placeholder of the bridge):
 *   GROUP BY ALL                a GROUP BY of one placeholder column
 *                               (parse_is_group_by_all)
 *   a FROM item without alias   a placeholder alias (parse_is_anonymous_alias)
 *   10L, 1.5BD (suffixed numbers)  a cast to a placeholder type
 *                               (parse_literal_suffix)
 *   raw:a.b[0] (JSON paths)     a call of a placeholder function
 *                               (parse_is_json_path)
 * Nodes a rule builds (ast_edit.h) carry "location": -1.
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

/* Entry i of a RangeFunction's "functions" (rf its fields): libpg_query
 * wraps each entry as a List of the call and its column definitions.
 * Returns the call node (the entry itself when it is no List; NULL past
 * the end) and sets *call to its FuncCall fields, or NULL when it is
 * not a FuncCall. */
json_t *ast_range_function_call(json_t *rf, size_t i, json_t **call);

/*
 * The one tree walker (SQLite's walker.c is the model).  ast_walk()
 * visits the nodes of a tree in pre-order and calls w->fn on each:
 *   node    the wrapper {"Kind": {fields}}, or, for a struct-typed field
 *           held without its wrapper (larg, rarg, alias, typeName, over,
 *           withClause, intoClause), that fields object itself;
 *   kind    the node's kind (never AST_UNKNOWN for a node);
 *   fields  the node's fields object (borrowed, like everything here).
 * The callback answers
 *   AST_WALK_CONTINUE  go on, into the node's children;
 *   AST_WALK_PRUNE     go on, but not into this node's children (a walk
 *                      that stops at subqueries prunes at SubLink and
 *                      SelectStmt);
 *   AST_WALK_ABORT     stop the whole walk (the answer is known).
 * A callback may change its node's fields (the walk then enters the
 * fields as they are after the call).  It may replace the node in its
 * parent (w->parent, below) or change the wrapper's contents in place,
 * and then returns PRUNE (walking the new node itself with a nested
 * ast_walk() if it must) or ABORT.
 *
 * Depth.  The walker keeps the depth: the root is level w->depth (0,
 * unless the walk goes on from another's node); a node's children, an
 * array's elements and a plain object's members are one level deeper
 * than it (a wrapper and its fields are one level; with w->flat_lists,
 * an array's elements are at the array's level: the analysis counts
 * nested expressions, not the lists that hold them).  A
 * value deeper than w->max_depth is not visited and sets w->too_deep;
 * the walk goes on elsewhere.  A walk that must fail closed on a tree it
 * could not see whole reads w->too_deep afterwards.  max_depth 0 means
 * AST_WALK_MAX_DEPTH; AST_WALK_UNLIMITED leaves the bound to the parser
 * (parse.c refuses a tree deeper than 2048 JSON levels, which is at most
 * 2048 walker levels).
 *
 * Objects that are no node (an A_Const's {"sval": ...}, sl_hints
 * entries, nodes of kinds ast.h does not know) are entered but not
 * reported, unless w->all_objects is set: then fn is also called on each
 * of them, with kind AST_UNKNOWN and node == fields == the object.
 *
 * Returns AST_WALK_ABORT if a callback aborted, else AST_WALK_CONTINUE.
 *
 * A callback that must walk a node's children under other conditions
 * (inside an aggregate call, say) copies its walker, changes the copy's
 * ctx, calls ast_walk_children() on the node's fields with it (one level
 * below w->depth), takes over the copy's too_deep, and returns PRUNE.
 */
typedef enum ast_walk_rc {
    AST_WALK_CONTINUE = 0,
    AST_WALK_PRUNE = 1,
    AST_WALK_ABORT = 2
} ast_walk_rc;

#define AST_WALK_MAX_DEPTH 1024         /* analyze.h's AN_MAX_DEPTH */
#define AST_WALK_UNLIMITED 0x7fffffff

typedef struct ast_walker ast_walker;
typedef ast_walk_rc (*ast_walk_fn)(ast_walker *w, json_t *node, ast_kind kind, json_t *fields);
struct ast_walker {
    ast_walk_fn fn;
    void *ctx;              /* the callback's own state */
    int max_depth;          /* 0: AST_WALK_MAX_DEPTH */
    int all_objects;        /* also report objects that are no node */
    int flat_lists;         /* an array's elements are at its level */
    int depth;              /* in: the root's level; during the walk: the
                               level of the node fn is called on */
    /* During the walk, where the node fn is called on is held: the
     * object (member slot_key) or array (element slot_index) parent;
     * NULL for the root.  (A callback that replaces its node there
     * returns ABORT or PRUNE: its old fields are not walked.) */
    json_t *parent;
    const char *slot_key;
    size_t slot_index;
    int too_deep;           /* out: some value was deeper than max_depth */
};
ast_walk_rc ast_walk(ast_walker *w, json_t *tree);
ast_walk_rc ast_walk_children(ast_walker *w, json_t *fields);

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
