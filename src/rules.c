/*
 * rules.c - rules document -> compiled, immutable policy.
 *
 * jansson validates the JSON and reports positions for syntax errors
 * only.  For errors in a well-formed document the position of the
 * offending key comes from key_positions(), a small scanner that walks
 * the same text and records where each key path ("tables/1/partition/
 * enforce") starts.  Unknown keys are errors: a typo must never switch a
 * guardrail off silently.
 */
#include "rules.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules_load.h"
#include "sbuf.h"
#include "sha256.h"

/* ------------------------------------------------------------------ */
/* Key positions                                                       */


typedef struct scanner {
    const char *s;
    size_t i, len;
    int line, col;
    posmap *map;
} scanner;

static void sc_adv(scanner *sc)
{
    if (sc->i >= sc->len)
        return;
    if (sc->s[sc->i] == '\n') {
        sc->line++;
        sc->col = 1;
    } else if (((unsigned char)sc->s[sc->i] & 0xC0) != 0x80) {
        sc->col++;
    }
    sc->i++;
}

static void sc_ws(scanner *sc)
{
    while (sc->i < sc->len && isspace((unsigned char)sc->s[sc->i]))
        sc_adv(sc);
}

/* Scan a string (at its opening quote); store its raw text in *out. */
static void sc_string(scanner *sc, sbuf *out)
{
    sc_adv(sc);
    while (sc->i < sc->len && sc->s[sc->i] != '"') {
        if (sc->s[sc->i] == '\\') {
            sc_adv(sc);
        }
        if (out)
            sbuf_putc(out, sc->s[sc->i]);
        sc_adv(sc);
    }
    sc_adv(sc);
}

static void sc_value(scanner *sc, const char *path, int depth);

static void record(scanner *sc, const char *path, int line, int col)
{
    posmap *m = sc->map;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 32;
        m->v = xrealloc(m->v, m->cap * sizeof *m->v);
    }
    m->v[m->n++] = (keypos){xstrdup(path), line, col};
}

static void sc_value(scanner *sc, const char *path, int depth)
{
    sc_ws(sc);
    if (sc->i >= sc->len || depth > 64)
        return;
    char c = sc->s[sc->i];
    if (c == '{') {
        sc_adv(sc);
        for (;;) {
            sc_ws(sc);
            if (sc->i >= sc->len || sc->s[sc->i] == '}') {
                sc_adv(sc);
                return;
            }
            if (sc->s[sc->i] == ',') {
                sc_adv(sc);
                continue;
            }
            int line = sc->line, col = sc->col;
            sbuf key = SBUF_INIT, child = SBUF_INIT;
            sc_string(sc, &key);
            sbuf_printf(&child, "%s%s%s", path, *path ? "/" : "", sbuf_cstr(&key));
            record(sc, child.data, line, col);
            sc_ws(sc);
            sc_adv(sc);     /* ':' */
            sc_value(sc, child.data, depth + 1);
            sbuf_free(&key);
            sbuf_free(&child);
        }
    } else if (c == '[') {
        sc_adv(sc);
        int idx = 0;
        for (;;) {
            sc_ws(sc);
            if (sc->i >= sc->len || sc->s[sc->i] == ']') {
                sc_adv(sc);
                return;
            }
            if (sc->s[sc->i] == ',') {
                sc_adv(sc);
                continue;
            }
            sbuf child = SBUF_INIT;
            sbuf_printf(&child, "%s%s%d", path, *path ? "/" : "", idx++);
            record(sc, child.data, sc->line, sc->col);
            sc_value(sc, child.data, depth + 1);
            sbuf_free(&child);
        }
    } else if (c == '"') {
        sc_string(sc, NULL);
    } else {
        while (sc->i < sc->len && !strchr(",]} \t\r\n", sc->s[sc->i]))
            sc_adv(sc);
    }
}

static void posmap_free(posmap *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->v[i].path);
    free(m->v);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

static int key_position(const loader *ld, const char *path, int *line, int *col)
{
    *line = *col = 1;
    for (size_t i = 0; i < ld->pos.n; i++)
        if (strcmp(ld->pos.v[i].path, path) == 0) {
            *line = ld->pos.v[i].line;
            *col = ld->pos.v[i].col;
            return 0;
        }
    return -1;
}

static int fail_at_position(loader *ld, const char *path, int line, int col,
                            const char *fmt, va_list ap)
{
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s:%d:%d: ", ld->source, line, col);
    const char *key = strrchr(path, '/');
    key = key ? key + 1 : path;
    if (*path)
        sbuf_printf(&b, "key '%s': ", key);
    sbuf_vprintf(&b, fmt, ap);
    if (*ld->error == NULL)
        *ld->error = sbuf_detach(&b);
    else
        sbuf_free(&b);
    return -1;
}

int ld_fail_at(loader *ld, const char *path, const char *fmt, ...)
{
    int line, col;
    key_position(ld, path, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    fail_at_position(ld, path, line, col, fmt, ap);
    va_end(ap);
    return -1;
}

/* Advance one character of the document, counting lines and columns
 * (columns in characters). */
static void doc_advance(const loader *ld, size_t *i, int *line, int *col)
{
    if (ld->text[*i] == '\n') {
        (*line)++;
        *col = 1;
    } else if (((unsigned char)ld->text[*i] & 0xC0) != 0x80) {
        (*col)++;
    }
    (*i)++;
}

int ld_fail_in_string(loader *ld, const char *path, size_t offset, const char *fmt, ...)
{
    int line, col;
    va_list ap;
    va_start(ap, fmt);
    if (key_position(ld, path, &line, &col) < 0) {
        fail_at_position(ld, path, line, col, fmt, ap);
        va_end(ap);
        return -1;
    }
    /* Find the key in the text, then its value's opening quote. */
    size_t i = 0;
    int l = 1, c = 1;
    while (i < ld->len && (l < line || (l == line && c < col)))
        doc_advance(ld, &i, &l, &c);
    int quotes = 0;     /* the key's two quotes, then the value's opening one */
    while (i < ld->len && quotes < 3) {
        if (ld->text[i] == '\\' && quotes == 1)
            doc_advance(ld, &i, &l, &c);
        else if (ld->text[i] == '"')
            quotes++;
        doc_advance(ld, &i, &l, &c);
    }
    /* Walk the string's decoded bytes up to offset. */
    size_t decoded = 0;
    while (i < ld->len && ld->text[i] != '"' && decoded < offset) {
        if (ld->text[i] == '\\') {
            char e = i + 1 < ld->len ? ld->text[i + 1] : 0;
            size_t width = e == 'u' ? 6 : 2;
            /* \uXXXX decodes to 1-3 UTF-8 bytes; count it as its bytes. */
            size_t bytes = 1;
            if (e == 'u' && i + 5 < ld->len) {
                unsigned cp = (unsigned)strtoul((char[5]){ld->text[i + 2], ld->text[i + 3],
                                                          ld->text[i + 4], ld->text[i + 5], 0},
                                                NULL, 16);
                bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            }
            for (size_t k = 0; k < width && i < ld->len; k++)
                doc_advance(ld, &i, &l, &c);
            decoded += bytes;
        } else {
            doc_advance(ld, &i, &l, &c);
            decoded++;
        }
    }
    fail_at_position(ld, path, l, c, fmt, ap);
    va_end(ap);
    return -1;
}

char *ld_path_join(const char *base, const char *key)
{
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s%s%s", base, *base ? "/" : "", key);
    return sbuf_detach(&b);
}

/* Every key of obj must be one of allowed (NULL-terminated). */
int ld_check_keys(loader *ld, json_t *obj, const char *path,
                      const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(*a, key) == 0;
        if (!ok) {
            char *p = ld_path_join(path, key);
            sbuf list = SBUF_INIT;
            for (const char *const *a = allowed; *a; a++)
                sbuf_printf(&list, "%s%s", a == allowed ? "" : ", ", *a);
            ld_fail_at(ld, p, "unknown key (expected one of: %s)", sbuf_cstr(&list));
            sbuf_free(&list);
            free(p);
            return -1;
        }
    }
    return 0;
}

int ld_get_string(loader *ld, json_t *obj, const char *path, const char *key,
                      char **out)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    char *p = ld_path_join(path, key);
    int rc = 0;
    if (!json_is_string(v))
        rc = ld_fail_at(ld, p, "must be a string");
    else
        *out = xstrdup(json_string_value(v));
    free(p);
    return rc;
}

static int get_count(loader *ld, json_t *obj, const char *path, const char *key,
                     long long min, long long *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    char *p = ld_path_join(path, key);
    int rc = 0;
    if (!json_is_integer(v) || json_integer_value(v) < min)
        rc = ld_fail_at(ld, p, "must be an integer >= %lld", min);
    else
        *out = json_integer_value(v);
    free(p);
    return rc;
}

/* obj["enforce"], if present, into *out: one of the modes the rule table
 * gives rule, as the table spells them (rule_table.h); anything else is
 * an error that lists them.  The one reader of every "enforce" key. */
int ld_get_mode(loader *ld, json_t *obj, const char *path, rule_id rule, rules_enforce *out)
{
    json_t *v = json_object_get(obj, "enforce");
    if (!v)
        return 0;
    const char *s = json_string_value(v);
    unsigned modes = rule_row(rule)->modes;
    const rules_enforce all[] = {RULES_ENFORCE_REJECT, RULES_ENFORCE_REWRITE, RULES_ENFORCE_WARN,
                                 RULES_ENFORCE_OFF};
    size_t n = 0, k = 0;
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        if (!(modes & RULE_MODE(all[i])))
            continue;
        if (s && strcmp(s, rule_mode_word(rule, all[i])) == 0) {
            *out = all[i];
            return 0;
        }
        n++;
    }
    /* "must be \"a\", \"b\" or \"c\"" */
    sbuf list = SBUF_INIT;
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        if (!(modes & RULE_MODE(all[i])))
            continue;
        k++;
        sbuf_printf(&list, "%s\"%s\"", k == 1 ? "" : k == n ? " or " : ", ",
                    rule_mode_word(rule, all[i]));
    }
    char *p = ld_path_join(path, "enforce");
    ld_fail_at(ld, p, "must be %s", sbuf_cstr(&list));
    free(p);
    sbuf_free(&list);
    return -1;
}

static char *lower_dup(const char *s)
{
    char *d = xstrdup(s);
    for (char *p = d; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static int load_partition(loader *ld, json_t *obj, const char *path, rules_table *t)
{
    static const char *const keys[] = {"column", "derived_from", "max_days",
                                       "default_days", "enforce", NULL};
    if (!json_is_object(obj))
        return ld_fail_at(ld, path, "must be an object");
    if (ld_check_keys(ld, obj, path, keys) < 0)
        return -1;
    char *col = NULL, *derived = NULL;
    long long max_days = 0, default_days = 30;
    if (ld_get_string(ld, obj, path, "column", &col) < 0 ||
        ld_get_string(ld, obj, path, "derived_from", &derived) < 0 ||
        get_count(ld, obj, path, "max_days", 1, &max_days) < 0 ||
        get_count(ld, obj, path, "default_days", 1, &default_days) < 0 ||
        ld_get_mode(ld, obj, path, RULE_PARTITION_FILTER, &t->enforce) < 0) {
        free(col);
        free(derived);
        return -1;
    }
    if (!col) {
        free(derived);
        return ld_fail_at(ld, path, "needs \"column\"");
    }
    if (!json_object_get(obj, "default_days") && max_days && default_days > max_days)
        default_days = max_days;    /* the default follows a tighter maximum */
    if (max_days && default_days > max_days) {
        free(col);
        free(derived);
        char *p = ld_path_join(path, "default_days");
        ld_fail_at(ld, p, "is larger than max_days (%lld)", max_days);
        free(p);
        return -1;
    }
    t->partitioned = 1;
    t->column = lower_dup(col);
    t->derived_from = derived ? lower_dup(derived) : NULL;
    t->max_days = (long)max_days;
    t->default_days = (long)default_days;
    free(col);
    free(derived);
    return 0;
}

/* The index of column name (any case) among t's declared columns, or -1. */
static long column_index(const rules_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* What a loaded column owns. */
static void column_free(rules_column *c)
{
    free(c->name);
    free(c->type);
    free(c->ref_table);
    free(c->ref_column);
}

/* tables[i].columns[j].references: {"table": "catalog.schema.table",
 * "columns": ["k"], "total": true | false}: the column is a foreign key
 * of one column of another table (a composite key is not read: "columns"
 * holds one name).  Which table and column are checked where the
 * reference is used (aggregate_joins.c J9): the table may be declared
 * after this one, or not at all. */
static int load_reference(loader *ld, json_t *c, const char *path, rules_column *col)
{
    static const char *const keys[] = {"table", "columns", "total", NULL};
    json_t *v = json_object_get(c, "references");
    if (!v)
        return 0;
    char *p = ld_path_join(path, "references");
    int rc = -1;
    json_t *cols = json_object_get(v, "columns"), *total = json_object_get(v, "total");
    char *table = NULL;
    char *cp = ld_path_join(p, "columns"), *tp = ld_path_join(p, "total");
    if (!json_is_object(v)) {
        ld_fail_at(ld, p, "must be an object {\"table\", \"columns\", \"total\"}");
    } else if (ld_check_keys(ld, v, p, keys) < 0 || ld_get_string(ld, v, p, "table", &table) < 0) {
        /* reported */
    } else if (!table) {
        ld_fail_at(ld, p, "needs \"table\" (catalog.schema.table)");
    } else if (!json_is_array(cols) || json_array_size(cols) != 1 ||
               !json_is_string(json_array_get(cols, 0)) ||
               !*json_string_value(json_array_get(cols, 0))) {
        ld_fail_at(ld, cp, "must be an array of one column name (the referenced column; "
                   "composite keys are not read)");
    } else if (total && !json_is_boolean(total)) {
        ld_fail_at(ld, tp, "must be true or false");
    } else {
        char *pat_path = ld_path_join(p, "table");
        pcre2_code *pattern = NULL;
        rc = ld_compile_match(ld, pat_path, table, &col->ref_table, &pattern);
        free(pat_path);
        if (rc == 0 && pattern) {
            pcre2_code_free(pattern);
            rc = ld_fail_at(ld, p, "\"table\" must name one table (catalog.schema.table), "
                            "not a /pattern/");
        }
        if (rc == 0) {
            col->ref_column = xstrdup(json_string_value(json_array_get(cols, 0)));
            col->ref_total = json_is_true(total);
        }
    }
    free(table);
    free(cp);
    free(tp);
    free(p);
    return rc;
}

/* tables[i].columns: [{"name": ..., "type": ...}, ...], names unique
 * (case-insensitively, as Spark compares them). */
static int load_columns(loader *ld, json_t *v, const char *path, rules_table *t)
{
    static const char *const keys[] = {"name", "type", "distinct", "references", NULL};
    if (!json_is_array(v))
        return ld_fail_at(ld, path, "must be an array of {\"name\", \"type\"} objects");
    t->has_columns = 1;
    t->columns = xcalloc(json_array_size(v) + 1, sizeof *t->columns);
    for (size_t i = 0; i < json_array_size(v); i++) {
        json_t *c = json_array_get(v, i);
        char p[64];
        snprintf(p, sizeof p, "%s/%zu", path, i);
        if (!json_is_object(c))
            return ld_fail_at(ld, p, "must be an object with \"name\" and \"type\"");
        rules_column col = {0};
        col.distinct = -1;
        if (ld_check_keys(ld, c, p, keys) < 0 ||
            ld_get_string(ld, c, p, "name", &col.name) < 0 ||
            ld_get_string(ld, c, p, "type", &col.type) < 0 ||
            get_count(ld, c, p, "distinct", 1, &col.distinct) < 0 ||
            load_reference(ld, c, p, &col) < 0) {
            column_free(&col);
            return -1;
        }
        if (!col.name || !*col.name) {
            column_free(&col);
            return ld_fail_at(ld, p, "needs a non-empty \"name\"");
        }
        if (column_index(t, col.name) >= 0) {
            char *np = ld_path_join(p, "name");
            ld_fail_at(ld, np, "column '%s' is declared twice", col.name);
            free(np);
            column_free(&col);
            return -1;
        }
        t->columns[t->ncolumns++] = col;
    }
    return 0;
}

/* One list of column names that must all be declared columns: a unique
 * key, or not_null.  Stores their indices ((size_t)-1 terminated). */
static int load_column_list(loader *ld, json_t *v, const char *path, rules_table *t,
                            size_t **out)
{
    if (!json_is_array(v) || json_array_size(v) == 0)
        return ld_fail_at(ld, path, "must be a non-empty array of column names");
    *out = xcalloc(json_array_size(v) + 1, sizeof **out);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(v); i++) {
        json_t *c = json_array_get(v, i);
        char p[80];
        snprintf(p, sizeof p, "%s/%zu", path, i);
        if (!json_is_string(c))
            return ld_fail_at(ld, p, "must be a column name (a string)");
        long k = column_index(t, json_string_value(c));
        if (k < 0)
            return ld_fail_at(ld, p, "'%s' is not one of the table's declared columns",
                              json_string_value(c));
        (*out)[n++] = (size_t)k;
    }
    (*out)[n] = (size_t)-1;
    return 0;
}

/* tables[i].unique (a list of key lists) and tables[i].not_null (a list
 * of columns): both name declared columns, so both need "columns". */
static int load_keys(loader *ld, json_t *obj, const char *path, rules_table *t)
{
    json_t *u = json_object_get(obj, "unique"), *nn = json_object_get(obj, "not_null");
    if ((u || nn) && !t->has_columns) {
        char *p = ld_path_join(path, u ? "unique" : "not_null");
        ld_fail_at(ld, p, "needs the table's \"columns\"");
        free(p);
        return -1;
    }
    int rc = 0;
    if (u) {
        char *p = ld_path_join(path, "unique");
        if (!json_is_array(u)) {
            rc = ld_fail_at(ld, p, "must be an array of column lists");
        } else {
            t->unique = xcalloc(json_array_size(u) + 1, sizeof *t->unique);
            for (size_t i = 0; i < json_array_size(u) && rc == 0; i++) {
                char kp[64];
                snprintf(kp, sizeof kp, "%s/%zu", p, i);
                t->nunique = i + 1;
                rc = load_column_list(ld, json_array_get(u, i), kp, t, &t->unique[i]);
            }
        }
        free(p);
    }
    if (nn && rc == 0) {
        char *p = ld_path_join(path, "not_null");
        size_t *idx = NULL;
        rc = load_column_list(ld, nn, p, t, &idx);
        for (size_t i = 0; rc == 0 && idx[i] != (size_t)-1; i++)
            t->columns[idx[i]].not_null = 1;
        free(idx);
        free(p);
    }
    return rc;
}

/* obj["on_miss"], if present: "allow", "warn" or "reject" (rules.h). */
static int get_on_miss(loader *ld, json_t *obj, const char *path, rules_on_miss *out)
{
    static const char *const words[] = {[RULES_ON_MISS_ALLOW] = "allow",
                                        [RULES_ON_MISS_WARN] = "warn",
                                        [RULES_ON_MISS_REJECT] = "reject"};
    json_t *v = json_object_get(obj, "on_miss");
    if (!v)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (json_is_string(v) && strcmp(json_string_value(v), words[i]) == 0) {
            *out = (rules_on_miss)i;
            return 0;
        }
    char *p = ld_path_join(path, "on_miss");
    ld_fail_at(ld, p, "must be \"allow\", \"warn\" or \"reject\"");
    free(p);
    return -1;
}

/* A table name as the rules write it (tables[].match,
 * row_filters.filters[].table): catalog.schema.table (*exact, lower
 * case) or a /pattern/ (*pattern, compiled caseless).  The one reader of
 * both forms. */
int ld_compile_match(loader *ld, const char *path, const char *match, char **exact,
                     pcre2_code **pattern)
{
    size_t n = strlen(match);
    if (n >= 2 && match[0] == '/' && match[n - 1] == '/') {
        int errcode;
        PCRE2_SIZE erroff;
        *pattern = pcre2_compile((PCRE2_SPTR)(match + 1), n - 2, PCRE2_CASELESS,
                                 &errcode, &erroff, NULL);
        if (!*pattern) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(errcode, msg, sizeof msg);
            return ld_fail_at(ld, path, "invalid pattern at offset %zu: %s", (size_t)erroff,
                              (char *)msg);
        }
        /* Not JIT-compiled: the names matched are short, and JIT code
         * reads memory memcheck cannot follow (valgrind over lint). */
        return 0;
    }
    int dots = 0;
    for (const char *p = match; *p; p++)
        dots += *p == '.';
    if (dots != 2)
        return ld_fail_at(ld, path, "must be catalog.schema.table or a /pattern/");
    *exact = lower_dup(match);
    return 0;
}

static int load_table(loader *ld, json_t *obj, const char *path, rules_table *t)
{
    static const char *const keys[] = {"match", "description", "partition", "rows",
                                       "bytes", "bytes_per_day", "days", "columns",
                                       "unique", "not_null", "on_miss", NULL};
    t->rows = t->bytes = t->bytes_per_day = t->days = -1;
    t->enforce = RULES_ENFORCE_REJECT;
    t->on_miss = RULES_ON_MISS_ALLOW;
    if (!json_is_object(obj))
        return ld_fail_at(ld, path, "must be an object");
    if (ld_check_keys(ld, obj, path, keys) < 0 ||
        ld_get_string(ld, obj, path, "match", &t->match) < 0 ||
        ld_get_string(ld, obj, path, "description", &t->description) < 0 ||
        get_count(ld, obj, path, "rows", 0, &t->rows) < 0 ||
        get_count(ld, obj, path, "bytes", 0, &t->bytes) < 0 ||
        get_count(ld, obj, path, "bytes_per_day", 0, &t->bytes_per_day) < 0 ||
        get_count(ld, obj, path, "days", 1, &t->days) < 0 ||
        get_on_miss(ld, obj, path, &t->on_miss) < 0)
        return -1;
    if (!t->match)
        return ld_fail_at(ld, path, "needs \"match\"");
    char *mp = ld_path_join(path, "match");
    int rc = ld_compile_match(ld, mp, t->match, &t->exact, &t->pattern);
    free(mp);
    if (rc < 0)
        return -1;
    json_t *cols = json_object_get(obj, "columns");
    if (cols) {
        char *cp = ld_path_join(path, "columns");
        rc = load_columns(ld, cols, cp, t);
        free(cp);
    }
    if (rc == 0)
        rc = load_keys(ld, obj, path, t);
    json_t *part = json_object_get(obj, "partition");
    if (part && rc == 0) {
        char *pp = ld_path_join(path, "partition");
        rc = load_partition(ld, part, pp, t);
        free(pp);
    }
    return rc;
}

static int load_limit(loader *ld, json_t *obj, rules *r)
{
    static const char *const keys[] = {"default", "max", "enforce", NULL};
    if (!json_is_object(obj))
        return ld_fail_at(ld, "limit", "must be an object");
    r->limit_enforce = RULES_ENFORCE_REWRITE;
    if (ld_check_keys(ld, obj, "limit", keys) < 0 ||
        get_count(ld, obj, "limit", "default", 1, &r->limit_default) < 0 ||
        get_count(ld, obj, "limit", "max", 1, &r->limit_max) < 0 ||
        ld_get_mode(ld, obj, "limit", RULE_LIMIT_CAP, &r->limit_enforce) < 0)
        return -1;
    if (!r->limit_max)
        return ld_fail_at(ld, "limit", "needs \"max\"");
    if (!r->limit_default)
        r->limit_default = r->limit_max;
    if (r->limit_default > r->limit_max)
        return ld_fail_at(ld, "limit/default", "is larger than max (%lld)", r->limit_max);
    r->has_limit = 1;
    return 0;
}

static int load_statements(loader *ld, json_t *obj, rules *r)
{
    static const char *const keys[] = {"allow", "multiple", NULL};
    static const struct { const char *name; unsigned bit; } kinds[] = {
        {"select", RULES_STMT_SELECT}, {"insert", RULES_STMT_INSERT},
        {"update", RULES_STMT_UPDATE}, {"delete", RULES_STMT_DELETE},
        {"merge", RULES_STMT_MERGE},
        {"ddl", RULES_STMT_DDL | RULES_STMT_CTAS | RULES_STMT_CVAS}, {"set", RULES_STMT_SET},
        {"other", RULES_STMT_OTHER | RULES_STMT_SHOW}, {"ctas", RULES_STMT_CTAS},
        {"cvas", RULES_STMT_CVAS},
        {"show", RULES_STMT_SHOW}, {"describe", RULES_STMT_DESCRIBE}, {"use", RULES_STMT_USE},
        {NULL, 0}};
    if (!json_is_object(obj))
        return ld_fail_at(ld, "statements", "must be an object");
    if (ld_check_keys(ld, obj, "statements", keys) < 0)
        return -1;
    json_t *allow = json_object_get(obj, "allow");
    if (allow) {
        if (!json_is_array(allow))
            return ld_fail_at(ld, "statements/allow", "must be an array of statement kinds");
        r->statements_allow = 0;
        size_t i;
        json_t *v;
        json_array_foreach(allow, i, v) {
            const char *s = json_string_value(v);
            unsigned bit = 0;
            for (int k = 0; s && kinds[k].name; k++)
                if (strcmp(kinds[k].name, s) == 0)
                    bit = kinds[k].bit;
            if (!bit) {
                char p[64];
                snprintf(p, sizeof p, "statements/allow/%zu", i);
                return ld_fail_at(ld, p, "unknown statement kind (expected select, insert, "
                               "update, delete, merge, ddl, ctas, cvas, set, show, describe, "
                               "use or other)");
            }
            r->statements_allow |= bit;
        }
    }
    json_t *multiple = json_object_get(obj, "multiple");
    if (multiple) {
        const char *s = json_string_value(multiple);
        if (s && strcmp(s, "reject") == 0)
            r->multiple_reject = 1;
        else if (s && strcmp(s, "allow") == 0)
            r->multiple_reject = 0;
        else
            return ld_fail_at(ld, "statements/multiple", "must be \"reject\" or \"allow\"");
    }
    return 0;
}

static int load_broadcast(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"max_rows", "max_bytes", "enforce", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "broadcast", "must be an object");
    if (ld_check_keys(ld, v, "broadcast", keys) < 0 ||
        get_count(ld, v, "broadcast", "max_rows", 0, &r->broadcast_max_rows) < 0 ||
        get_count(ld, v, "broadcast", "max_bytes", 0, &r->broadcast_max_bytes) < 0)
        return -1;
    if (r->broadcast_max_rows < 0 && r->broadcast_max_bytes < 0)
        return ld_fail_at(ld, "broadcast", "needs \"max_rows\" or \"max_bytes\"");
    r->broadcast = RULES_ENFORCE_REWRITE;
    return ld_get_mode(ld, v, "broadcast", RULE_BROADCAST_HINT, &r->broadcast);
}

/* "budget": {"max_bytes": B, "enforce": "reject" | "warn",
 * "unsized": "over_budget" | "zero"} (scan-budget, docs/budget-and-attribution.md). */
static int load_budget(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"max_bytes", "enforce", "unsized", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "budget", "must be an object");
    if (ld_check_keys(ld, v, "budget", keys) < 0 ||
        get_count(ld, v, "budget", "max_bytes", 0, &r->budget_max_bytes) < 0 ||
        ld_get_mode(ld, v, "budget", RULE_SCAN_BUDGET, &r->budget_enforce) < 0)
        return -1;
    json_t *u = json_object_get(v, "unsized");
    const char *us = json_string_value(u);
    if (u && !(us && (strcmp(us, "over_budget") == 0 || strcmp(us, "zero") == 0)))
        return ld_fail_at(ld, "budget/unsized", "must be \"over_budget\" or \"zero\"");
    r->budget_unsized_reject = !us || strcmp(us, "over_budget") == 0;
    r->has_budget = 1;
    return 0;
}

/* "attribution": {"comment": true | false} (docs/budget-and-attribution.md). */
static int load_attribution(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"comment", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "attribution", "must be an object");
    if (ld_check_keys(ld, v, "attribution", keys) < 0)
        return -1;
    json_t *c = json_object_get(v, "comment");
    if (c && !json_is_boolean(c))
        return ld_fail_at(ld, "attribution/comment", "must be true or false");
    r->attribution_comment = json_is_true(c);
    return 0;
}

static int load_version(loader *ld, json_t *v, rules *r)
{
    (void)r;
    if (!json_is_integer(v) || json_integer_value(v) != 1)
        return ld_fail_at(ld, "sluice", "unsupported rules format version (expected 1)");
    return 0;
}

static int load_description(loader *ld, json_t *v, rules *r)
{
    (void)r;
    if (!json_is_string(v))
        return ld_fail_at(ld, "description", "must be a string");
    return 0;
}

static int load_on_unparseable(loader *ld, json_t *v, rules *r)
{
    const char *s = json_string_value(v);
    if (s && strcmp(s, "reject") == 0)
        r->on_unparseable = RULES_UNPARSEABLE_REJECT;
    else if (s && strcmp(s, "pass") == 0)
        r->on_unparseable = RULES_UNPARSEABLE_PASS;
    else
        return ld_fail_at(ld, "on_unparseable", "must be \"reject\" or \"pass\"");
    return 0;
}

static int load_inline_suppressions(loader *ld, json_t *v, rules *r)
{
    if (!json_is_boolean(v))
        return ld_fail_at(ld, "inline_suppressions", "must be true or false");
    r->inline_suppressions = json_is_true(v);
    return 0;
}

static int load_defaults(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"catalog", "schema", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "defaults", "must be an object");
    if (ld_check_keys(ld, v, "defaults", keys) < 0 ||
        ld_get_string(ld, v, "defaults", "catalog", &r->default_catalog) < 0 ||
        ld_get_string(ld, v, "defaults", "schema", &r->default_schema) < 0)
        return -1;
    return 0;
}

static int load_tables(loader *ld, json_t *v, rules *r)
{
    if (!json_is_array(v))
        return ld_fail_at(ld, "tables", "must be an array");
    r->ntables = json_array_size(v);
    r->tables = xcalloc(r->ntables ? r->ntables : 1, sizeof *r->tables);
    for (size_t i = 0; i < r->ntables; i++) {
        char p[32];
        snprintf(p, sizeof p, "tables/%zu", i);
        if (load_table(ld, json_array_get(v, i), p, &r->tables[i]) < 0)
            return -1;
    }
    return 0;
}

static int load_resolution(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"ambiguous", "unqualified", NULL};
    if (!json_is_object(v))
        return ld_fail_at(ld, "resolution", "must be an object");
    if (ld_check_keys(ld, v, "resolution", keys) < 0)
        return -1;
    json_t *a = json_object_get(v, "ambiguous"), *u = json_object_get(v, "unqualified");
    const char *as = json_string_value(a), *us = json_string_value(u);
    if (a && !(as && (strcmp(as, "each") == 0 || strcmp(as, "reject") == 0)))
        return ld_fail_at(ld, "resolution/ambiguous", "must be \"each\" or \"reject\"");
    if (u && !(us && (strcmp(us, "allow") == 0 || strcmp(us, "reject") == 0)))
        return ld_fail_at(ld, "resolution/unqualified", "must be \"allow\" or \"reject\"");
    r->ambiguous = as && strcmp(as, "reject") == 0 ? RULES_AMBIGUOUS_REJECT : RULES_AMBIGUOUS_EACH;
    r->unqualified_reject = us && strcmp(us, "reject") == 0;
    return 0;
}

static int load_explore(loader *ld, json_t *v, rules *r)
{
    static const char *const keys[] = {"samples", "sample_count", "distinct_values",
                                       "column_discovery", "max_rows", NULL};
    static const struct { const char *key; size_t off; } shapes[] = {
        {"samples", offsetof(rules_explore, samples)},
        {"sample_count", offsetof(rules_explore, sample_count)},
        {"distinct_values", offsetof(rules_explore, distinct_values)},
        {"column_discovery", offsetof(rules_explore, column_discovery)}};
    if (!json_is_object(v))
        return ld_fail_at(ld, "explore", "must be an object");
    if (ld_check_keys(ld, v, "explore", keys) < 0 ||
        get_count(ld, v, "explore", "max_rows", 1, &r->explore.max_rows) < 0)
        return -1;
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        json_t *x = json_object_get(v, shapes[i].key);
        const char *s = json_string_value(x);
        if (!x)
            continue;
        if (!s || (strcmp(s, "inject") && strcmp(s, "table"))) {
            char *p = ld_path_join("explore", shapes[i].key);
            ld_fail_at(ld, p, "must be \"inject\" or \"table\"");
            free(p);
            return -1;
        }
        *(int *)((char *)&r->explore + shapes[i].off) = strcmp(s, "inject") == 0;
    }
    return 0;
}

/* One loader per top-level key, in the order they are applied.  A key
 * not in this table is an error (a typo must never switch a guardrail
 * off silently). */
static const struct {
    const char *key;
    int (*load)(loader *ld, json_t *value, rules *r);
} sections[] = {
    {"sluice", load_version},
    {"description", load_description},
    {"defaults", load_defaults},
    {"on_unparseable", load_on_unparseable},
    {"tables", load_tables},
    {"limit", load_limit},
    {"statements", load_statements},
    {"inline_suppressions", load_inline_suppressions},
    {"aggregates", rules_load_aggregates},      /* after defaults and tables */
    {"row_filters", rules_load_row_filters},    /* after tables */
    {"broadcast", load_broadcast},
    {"resolution", load_resolution},
    {"explore", load_explore},
    {"budget", load_budget},
    {"attribution", load_attribution},
};
#define NSECTIONS (sizeof sections / sizeof *sections)

int rules_compile(const char *text, size_t len, const char *source,
                  rules *out, char **error)
{
    memset(out, 0, sizeof *out);
    out->on_unparseable = RULES_UNPARSEABLE_REJECT;
    out->statements_allow = RULES_STMT_SELECT;
    out->multiple_reject = 1;
    out->broadcast = RULES_ENFORCE_OFF;
    out->broadcast_max_rows = out->broadcast_max_bytes = -1;
    out->explore.max_rows = 10000;
    out->budget_max_bytes = -1;
    out->budget_enforce = RULES_ENFORCE_REJECT;
    *error = NULL;
    if (!text)
        return 0;
    sha256_hex(text, len, out->digest);
    loader ld = {source, text, len, {0}, error};
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%s:%d:%d: invalid JSON: %s", source, jerr.line, jerr.column, jerr.text);
        *error = sbuf_detach(&b);
        return -1;
    }
    scanner sc = {text, 0, len, 1, 1, &ld.pos};
    sc_value(&sc, "", 0);

    int rc = -1;
    const char *top_keys[NSECTIONS + 1];
    for (size_t i = 0; i < NSECTIONS; i++)
        top_keys[i] = sections[i].key;
    top_keys[NSECTIONS] = NULL;
    if (!json_is_object(root)) {
        ld_fail_at(&ld, "", "a rules document must be a JSON object");
        goto done;
    }
    if (ld_check_keys(&ld, root, "", top_keys) < 0)
        goto done;
    if (!json_object_get(root, "sluice")) {
        ld_fail_at(&ld, "", "missing key 'sluice' (the format version, 1)");
        goto done;
    }
    for (size_t i = 0; i < NSECTIONS; i++) {
        json_t *v = json_object_get(root, sections[i].key);
        if (v && sections[i].load(&ld, v, out) < 0)
            goto done;
    }
    rc = 0;
done:
    json_decref(root);
    posmap_free(&ld.pos);
    if (rc)
        rules_free(out);
    return rc;
}

void rules_free(rules *r)
{
    free(r->default_catalog);
    free(r->default_schema);
    for (size_t i = 0; i < r->ntables; i++) {
        rules_table *t = &r->tables[i];
        free(t->match);
        free(t->exact);
        if (t->pattern)
            pcre2_code_free(t->pattern);
        free(t->description);
        free(t->column);
        free(t->derived_from);
        for (size_t k = 0; k < t->ncolumns; k++)
            column_free(&t->columns[k]);
        free(t->columns);
        for (size_t k = 0; k < t->nunique; k++)
            free(t->unique[k]);
        free(t->unique);
    }
    free(r->tables);
    rules_aggregates_free(r);
    rules_row_filters_free(r);
    memset(r, 0, sizeof *r);
}

void rules_key_mark(const rules_table *t, const char *column, unsigned char keyed[RULES_KEY_MAX])
{
    for (size_t k = 0; column && k < t->ncolumns && k < RULES_KEY_MAX; k++)
        if (strcasecmp(t->columns[k].name, column) == 0)
            keyed[k] = 1;
}

int rules_key_covered(const rules_table *t, const unsigned char keyed[RULES_KEY_MAX])
{
    for (size_t u = 0; u < t->nunique; u++) {
        int all = 1;
        for (const size_t *k = t->unique[u]; *k != (size_t)-1 && all; k++)
            all = *k < RULES_KEY_MAX && keyed[*k];
        if (all)
            return 1;
    }
    return 0;
}

int rules_pattern_match(const pcre2_code *pattern, const char *s)
{
    /* Match data per call: the compiled pattern is shared by threads. */
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(pattern, NULL);
    int rc = md ? pcre2_match(pattern, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) : -1;
    pcre2_match_data_free(md);
    return rc >= 0;
}

const rules_table *rules_find_table(const rules *r, const char *qualified)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (r->tables[i].exact && strcmp(r->tables[i].exact, qualified) == 0)
            return &r->tables[i];
    for (size_t i = 0; i < r->ntables; i++) {
        const rules_table *t = &r->tables[i];
        if (t->pattern && rules_pattern_match(t->pattern, qualified))
            return t;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Resolution of partly qualified names                                */

/* The literal catalog and schema a pattern starts with: /^main\.web\.x/
 * gives "main" and "web" (lower case, in q[0] and q[1]).  Returns how
 * many leading parts are literal (0-2). */
static int pattern_qualifier(const char *match, char q[2][128])
{
    const char *p = match + 1;
    if (*p == '^')
        p++;
    int parts = 0;
    while (parts < 2) {
        size_t n = 0;
        while ((isalnum((unsigned char)p[n]) || p[n] == '_') && n < 127) {
            q[parts][n] = (char)tolower((unsigned char)p[n]);
            n++;
        }
        if (n == 0 || p[n] != '\\' || p[n + 1] != '.')
            break;
        q[parts][n] = '\0';
        parts++;
        p += n + 2;
    }
    return parts;
}

/* A catalog.schema pair the rules name, for trying patterns under. */
typedef struct qualifier {
    char part[2][128];
} qualifier;

static void add_qualifier(qualifier **qs, size_t *n, const char *cat, size_t catlen,
                          const char *sch, size_t schlen)
{
    if (catlen >= 128 || schlen >= 128)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strlen((*qs)[i].part[0]) == catlen && strncmp((*qs)[i].part[0], cat, catlen) == 0 &&
            strlen((*qs)[i].part[1]) == schlen && strncmp((*qs)[i].part[1], sch, schlen) == 0)
            return;
    *qs = xrealloc(*qs, (*n + 1) * sizeof **qs);
    qualifier *q = &(*qs)[(*n)++];
    for (size_t k = 0; k < catlen; k++)
        q->part[0][k] = (char)tolower((unsigned char)cat[k]);
    q->part[0][catlen] = '\0';
    for (size_t k = 0; k < schlen; k++)
        q->part[1][k] = (char)tolower((unsigned char)sch[k]);
    q->part[1][schlen] = '\0';
}

static void add_entry(const rules_table **out, size_t cap, size_t *n, const rules_table *t)
{
    for (size_t i = 0; i < *n && i < cap; i++)
        if (out[i] == t)
            return;
    if (*n < cap)
        out[*n] = t;
    (*n)++;
}

size_t rules_resolve(const rules *r, const char *qualified, int nparts,
                     const rules_table **out, size_t cap)
{
    size_t n = 0;
    const rules_table *own = rules_find_table(r, qualified);
    if (own)
        add_entry(out, cap, &n, own);
    if (nparts >= 3 || r->ntables == 0)
        return n;
    /* The written parts: what follows the first 3 - nparts dots. */
    const char *written = qualified;
    for (int dots = 0; dots < 3 - nparts && written; dots++) {
        written = strchr(written, '.');
        if (written)
            written++;
    }
    if (!written)
        return n;
    size_t wlen = strlen(written);
    /* The qualifiers the rules name: the query's own (in qualified), the
     * exact entries' and the patterns' literal ones. */
    qualifier *qs = NULL;
    size_t nq = 0;
    const char *d1 = strchr(qualified, '.');
    const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    if (d1 && d2)
        add_qualifier(&qs, &nq, qualified, (size_t)(d1 - qualified), d1 + 1, (size_t)(d2 - d1 - 1));
    if (r->default_catalog && r->default_schema)
        add_qualifier(&qs, &nq, r->default_catalog, strlen(r->default_catalog),
                      r->default_schema, strlen(r->default_schema));
    for (size_t i = 0; i < r->ntables; i++) {
        const rules_table *t = &r->tables[i];
        if (t->exact) {
            const char *e1 = strchr(t->exact, '.'), *e2 = strchr(e1 + 1, '.');
            add_qualifier(&qs, &nq, t->exact, (size_t)(e1 - t->exact), e1 + 1,
                          (size_t)(e2 - e1 - 1));
        }
    }
    size_t known = nq;
    for (size_t i = 0; i < r->ntables; i++) {
        char lit[2][128];
        const rules_table *t = &r->tables[i];
        int np = t->pattern ? pattern_qualifier(t->match, lit) : 0;
        if (np == 2)
            add_qualifier(&qs, &nq, lit[0], strlen(lit[0]), lit[1], strlen(lit[1]));
        for (size_t k = 0; np == 1 && k < known; k++) {
            /* A copy: add_qualifier may move qs while it reads the schema. */
            char schema[128];
            memcpy(schema, qs[k].part[1], sizeof schema);
            add_qualifier(&qs, &nq, lit[0], strlen(lit[0]), schema, strlen(schema));
        }
    }
    for (size_t i = 0; i < r->ntables; i++) {
        const rules_table *t = &r->tables[i];
        if (t->exact) {
            size_t el = strlen(t->exact);
            if (el > wlen && t->exact[el - wlen - 1] == '.' &&
                strcmp(t->exact + el - wlen, written) == 0)
                add_entry(out, cap, &n, t);
            continue;
        }
        for (size_t k = 0; k < nq; k++) {
            sbuf name = SBUF_INIT;
            if (nparts == 1)
                sbuf_printf(&name, "%s.%s.%s", qs[k].part[0], qs[k].part[1], written);
            else
                sbuf_printf(&name, "%s.%s", qs[k].part[0], written);
            int hit = rules_pattern_match(t->pattern, sbuf_cstr(&name));
            sbuf_free(&name);
            if (hit) {
                add_entry(out, cap, &n, t);
                break;
            }
        }
    }
    free(qs);
    return n;
}
