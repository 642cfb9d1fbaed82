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

/* Struct-typed fields hold their node's fields without the wrapper;
 * this is the kind each of them has. */
static const char *unwrapped_kind(const char *key)
{
    switch (key[0]) {
    case 'l': return strcmp(key, "larg") == 0 ? "SelectStmt" : NULL;
    case 'r': return strcmp(key, "rarg") == 0 ? "SelectStmt" : NULL;
    case 'a': return strcmp(key, "alias") == 0 ? "Alias" : NULL;
    case 't': return strcmp(key, "typeName") == 0 ? "TypeName" : NULL;
    case 'o': return strcmp(key, "over") == 0 ? "WindowDef" : NULL;
    case 'w': return strcmp(key, "withClause") == 0 ? "WithClause" : NULL;
    case 'i': return strcmp(key, "intoClause") == 0 ? "IntoClause" : NULL;
    default: return NULL;
    }
}

/* Iterates with json_object_iter_next() directly: json_object_foreach
 * re-hashes the key on every step, which dominated the walk. */
static void walk(json_t *v, const char *kind, ast_visit_fn fn, void *ctx)
{
    if (json_is_object(v)) {
        fn(v, kind, ctx);
        int wrapper = json_object_size(v) == 1;
        for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
            json_t *child = json_object_iter_value(it);
            if (json_is_object(child) || json_is_array(child)) {
                const char *key = json_object_iter_key(it);
                walk(child, wrapper ? key : unwrapped_kind(key), fn, ctx);
            }
        }
    } else if (json_is_array(v)) {
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            json_t *child = json_array_get(v, i);
            if (json_is_object(child) || json_is_array(child))
                walk(child, NULL, fn, ctx);
        }
    }
}

/* Visits every object; kind is the wrapper key when obj is the fields
 * object of a node wrapper (any one-key parent) or the kind of a
 * struct-typed field (larg, rarg, alias, ...), else NULL. */
void ast_walk(json_t *tree, ast_visit_fn fn, void *ctx)
{
    walk(tree, NULL, fn, ctx);
}

static void strip(json_t *v)
{
    if (json_is_object(v)) {
        json_object_del(v, "location");
        json_object_del(v, "stmt_location");
        json_object_del(v, "stmt_len");
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child) {
            strip(child);
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child) {
            strip(child);
        }
    }
}

json_t *ast_without_locations(json_t *tree)
{
    json_t *copy = json_deep_copy(tree);
    strip(copy);
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

