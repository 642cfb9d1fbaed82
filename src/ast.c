/*
 * ast.c - node kinds, field access, the one tree walker, and
 * location-insensitive comparison over the jansson AST.
 */
#include "ast.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[AST_KIND_COUNT] = {
    [AST_UNKNOWN] = "",
#define AST_NAME(name) [AST_##name] = #name,
    AST_NODE_KINDS(AST_NAME)
#undef AST_NAME
};

/* Kinds by a hash of the name's length, first, fourth and last bytes,
 * in an open-addressed table: one probe and one strcmp for most names
 * (ast_unwrap runs on every node a stage looks at).  Built once, read-only
 * after: any number of threads may look kinds up. */
#define KIND_SLOTS 256
static unsigned char kind_slot[KIND_SLOTS];     /* ast_kind, 0: empty */
static unsigned char kind_len[AST_KIND_COUNT];  /* strlen(kind_names[k]) */
static pthread_once_t kind_slot_once = PTHREAD_ONCE_INIT;
static int kind_slots_ready;                    /* set (release) when built */

static unsigned kind_hash(const char *key, size_t n)
{
    return ((unsigned)n * 131u + (unsigned char)key[0] * 31u +
            (unsigned char)key[n > 3 ? 3 : 0] * 7u + (unsigned char)key[n - 1]) % KIND_SLOTS;
}

static void build_kind_slots(void)
{
    for (int k = 1; k < AST_KIND_COUNT; k++) {
        kind_len[k] = (unsigned char)strlen(kind_names[k]);
        unsigned h = kind_hash(kind_names[k], kind_len[k]);
        while (kind_slot[h])
            h = (h + 1) % KIND_SLOTS;
        kind_slot[h] = (unsigned char)k;
    }
    __atomic_store_n(&kind_slots_ready, 1, __ATOMIC_RELEASE);
}

/* The kind named by key (n bytes: jansson keeps a key's length), compared
 * inline: no strlen, no strcmp call. */
static ast_kind kind_of_name(const char *key, size_t n)
{
    if (n == 0)
        return AST_UNKNOWN;
    if (!__atomic_load_n(&kind_slots_ready, __ATOMIC_ACQUIRE))
        pthread_once(&kind_slot_once, build_kind_slots);
    for (unsigned h = kind_hash(key, n); kind_slot[h]; h = (h + 1) % KIND_SLOTS) {
        int k = kind_slot[h];
        if (kind_len[k] == n && ast_streq(kind_names[k], key))
            return (ast_kind)k;
    }
    return AST_UNKNOWN;
}

ast_kind ast_unwrap(json_t *node, json_t **fields, const char **name)
{
    if (fields)
        *fields = NULL;
    if (name)
        *name = NULL;
    if (!json_is_object(node) || json_object_size(node) != 1)
        return AST_UNKNOWN;
    void *it = json_object_iter(node);
    const char *key = json_object_iter_key(it);
    json_t *val = json_object_iter_value(it);
    if (name)
        *name = key;
    if (!json_is_object(val))
        return AST_UNKNOWN;
    ast_kind k = kind_of_name(key, json_object_iter_key_len(it));
    if (k == AST_UNKNOWN)
        return AST_UNKNOWN;
    if (fields)
        *fields = val;
    return k;
}

const char *ast_str(json_t *fields, const char *key)
{
    const char *s = json_string_value(ast_get(fields, key));
    return s ? s : "";
}

json_int_t ast_int(json_t *fields, const char *key)
{
    return json_integer_value(ast_get(fields, key));
}

int ast_bool(json_t *fields, const char *key)
{
    return json_is_true(ast_get(fields, key));
}

/* Read through jansson's iterator, not by hashing "String" and "sval":
 * the stages call this on every name part they compare. */
const char *ast_string_value(json_t *node)
{
    if (!json_is_object(node) || json_object_size(node) != 1)
        return NULL;
    void *it = json_object_iter(node);
    const char *key = json_object_iter_key(it);
    json_t *f = json_object_iter_value(it);
    if (key[0] != 'S' || !ast_streq(key, "String") || !json_is_object(f))
        return NULL;
    const char *s = NULL;
    it = json_object_iter(f);
    if (it && json_object_size(f) == 1 && ast_streq(json_object_iter_key(it), "sval"))
        s = json_string_value(json_object_iter_value(it));
    else if (it)
        s = json_string_value(ast_get(f, "sval"));
    return s ? s : "";
}

json_t *ast_range_function_call(json_t *rf, size_t i, json_t **call)
{
    json_t *entry = json_array_get(ast_get(rf, "functions"), i), *lf;
    json_t *node = ast_unwrap(entry, &lf, NULL) == AST_List ?
                   json_array_get(ast_get(lf, "items"), 0) : entry;
    if (ast_unwrap(node, call, NULL) != AST_FuncCall)
        *call = NULL;
    return node;
}

/* The kind of a struct-typed field held without its wrapper (larg,
 * rarg, alias, typeName, over, withClause, intoClause), else
 * AST_UNKNOWN. */
static ast_kind unwrapped_kind(const char *key)
{
    switch (key[0]) {
    case 'l': return ast_streq(key, "larg") ? AST_SelectStmt : AST_UNKNOWN;
    case 'r': return ast_streq(key, "rarg") ? AST_SelectStmt : AST_UNKNOWN;
    case 'a': return ast_streq(key, "alias") ? AST_Alias : AST_UNKNOWN;
    case 't': return ast_streq(key, "typeName") ? AST_TypeName : AST_UNKNOWN;
    case 'o': return ast_streq(key, "over") ? AST_WindowDef : AST_UNKNOWN;
    case 'w': return ast_streq(key, "withClause") ? AST_WithClause : AST_UNKNOWN;
    case 'i': return ast_streq(key, "intoClause") ? AST_IntoClause : AST_UNKNOWN;
    default: return AST_UNKNOWN;
    }
}

static ast_walk_rc walk_value(ast_walker *w, json_t *v, ast_kind field_kind, int depth);

/* The members of object o (the fields of a node, or a plain object), at
 * level depth.  Iterates with json_object_iter_next() directly:
 * json_object_foreach re-hashes the key on every step. */
static ast_walk_rc walk_members(ast_walker *w, json_t *o, int depth)
{
    if (depth > w->max_depth) {
        w->too_deep |= json_object_size(o) > 0;
        return AST_WALK_CONTINUE;
    }
    for (void *it = json_object_iter(o); it; it = json_object_iter_next(o, it)) {
        json_t *c = json_object_iter_value(it);
        if (json_is_object(c)) {
            const char *key = json_object_iter_key(it);
            w->parent = o;
            w->slot_key = key;
            if (walk_value(w, c, unwrapped_kind(key), depth) == AST_WALK_ABORT)
                return AST_WALK_ABORT;
        } else if (json_is_array(c)) {
            if (walk_value(w, c, AST_UNKNOWN, depth) == AST_WALK_ABORT)
                return AST_WALK_ABORT;
        }
    }
    return AST_WALK_CONTINUE;
}

/* Value v at level depth (<= max_depth); field_kind is the kind of a
 * struct-typed field when v is one. */
static ast_walk_rc walk_value(ast_walker *w, json_t *v, ast_kind field_kind, int depth)
{
    if (json_is_array(v)) {
        size_t n = json_array_size(v);
        int at = w->flat_lists ? depth : depth + 1;
        if (at > w->max_depth) {
            w->too_deep |= n > 0;
            return AST_WALK_CONTINUE;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *c = json_array_get(v, i);
            if (json_is_object(c)) {
                w->parent = v;
                w->slot_key = NULL;
                w->slot_index = i;
            }
            if ((json_is_object(c) || json_is_array(c)) &&
                walk_value(w, c, AST_UNKNOWN, at) == AST_WALK_ABORT)
                return AST_WALK_ABORT;
        }
        return AST_WALK_CONTINUE;
    }
    json_t *f;
    ast_kind k = ast_unwrap(v, &f, NULL);
    if (k == AST_UNKNOWN) {     /* a struct-typed field, or no node */
        k = field_kind;
        f = v;
    }
    if (k != AST_UNKNOWN || w->all_objects) {
        w->depth = depth;
        ast_walk_rc rc = w->fn(w, v, k, f);
        if (rc != AST_WALK_CONTINUE)
            return rc == AST_WALK_ABORT ? AST_WALK_ABORT : AST_WALK_CONTINUE;
    }
    /* A wrapper and its fields are one level. */
    return walk_members(w, f, depth + 1);
}

ast_walk_rc ast_walk(ast_walker *w, json_t *tree)
{
    if (w->max_depth <= 0)
        w->max_depth = AST_WALK_MAX_DEPTH;
    if (w->depth > w->max_depth) {      /* even an absent root: nothing was seen */
        w->too_deep = 1;
        return AST_WALK_CONTINUE;
    }
    if (!json_is_object(tree) && !json_is_array(tree))
        return AST_WALK_CONTINUE;
    w->parent = NULL;
    return walk_value(w, tree, AST_UNKNOWN, w->depth);
}

ast_walk_rc ast_walk_children(ast_walker *w, json_t *fields)
{
    if (w->max_depth <= 0)
        w->max_depth = AST_WALK_MAX_DEPTH;
    if (!json_is_object(fields))
        return AST_WALK_CONTINUE;
    return walk_members(w, fields, w->depth + 1);
}

/* Every object loses its locations (its members are entered after). */
static ast_walk_rc strip(ast_walker *w, json_t *node, ast_kind kind, json_t *fields)
{
    (void)w, (void)node, (void)kind;
    json_object_del(fields, "location");
    json_object_del(fields, "stmt_location");
    json_object_del(fields, "stmt_len");
    return AST_WALK_CONTINUE;
}

json_t *ast_without_locations(json_t *tree)
{
    json_t *copy = json_deep_copy(tree);
    ast_walker w = {.fn = strip, .max_depth = AST_WALK_UNLIMITED, .all_objects = 1};
    ast_walk(&w, copy);
    return copy;
}

/* Compared in place: no copies.  Objects must have the same keys apart
 * from "location"; everything else as json_equal() compares it.  A hook,
 * when given, decides first for every pair of values. */
static int equal_at(json_t *a, json_t *b, int depth, ast_equal_hook hook, void *ctx)
{
    if (hook && a && b) {
        int decided = hook(a, b, ctx);
        if (decided >= 0)
            return decided;
    }
    if (a == b)
        return 1;
    if (!a || !b || json_typeof(a) != json_typeof(b) || depth > 4096)
        return 0;
    if (json_is_object(a)) {
        /* Walk b alongside a while their keys come in the same order (a
         * tree and its re-parse, mostly); a lookup for the rest, and then
         * a count of b's keys. */
        size_t na = 0, nb = 0;
        int in_step = 1;
        void *jb = json_object_iter(b);
        for (void *ja = json_object_iter(a); ja; ja = json_object_iter_next(a, ja)) {
            const char *key = json_object_iter_key(ja);
            if (ast_is_location_key(key))
                continue;
            na++;
            while (jb && ast_is_location_key(json_object_iter_key(jb)))
                jb = json_object_iter_next(b, jb);
            json_t *vb;
            if (jb && ast_streq(json_object_iter_key(jb), key)) {
                vb = json_object_iter_value(jb);
                jb = json_object_iter_next(b, jb);
            } else {
                vb = json_object_get(b, key);
                jb = NULL;
                in_step = 0;
            }
            if (!equal_at(json_object_iter_value(ja), vb, depth + 1, hook, ctx))
                return 0;
        }
        if (in_step) {          /* b may only have locations left */
            while (jb && ast_is_location_key(json_object_iter_key(jb)))
                jb = json_object_iter_next(b, jb);
            return jb == NULL;
        }
        for (void *it = json_object_iter(b); it; it = json_object_iter_next(b, it))
            nb += !ast_is_location_key(json_object_iter_key(it));
        return na == nb;
    }
    if (json_is_array(a)) {
        size_t n = json_array_size(a);
        if (n != json_array_size(b))
            return 0;
        for (size_t i = 0; i < n; i++)
            if (!equal_at(json_array_get(a, i), json_array_get(b, i), depth + 1, hook, ctx))
                return 0;
        return 1;
    }
    return json_equal(a, b);
}

int ast_equal_ignoring_locations(json_t *a, json_t *b)
{
    return equal_at(a, b, 0, NULL, NULL);
}

int ast_equal_with(json_t *a, json_t *b, ast_equal_hook hook, void *ctx)
{
    return equal_at(a, b, 0, hook, ctx);
}

