/*
 * advise.c - `sluice advise`: which aggregate tables to build, read from
 * the dashboards' own queries, and what each would answer.
 *
 *     sluice advise --rules FILE [--max N] [--format text|json|sql]
 *                   [--coverage] [--now TS] PATH...
 *
 * Inputs are lint's (lint_inputs.c: .sql files, Superset export folders
 * and ZIPs, chart data API answers), plus the Superset mutator's audit
 * log (JSON lines with "sql", files ending in .jsonl, .ndjson or .log),
 * where each record counts once.  Identical SQL is one query whose
 * weight is how often it was found.  A chart data answer takes the
 * chart's name from the export's charts/<stem>.yaml of the same stem.
 *
 * The unit is an aggregate query block over a fact table (a rules
 * "tables" entry with a partition); advise_shape.c reads its columns
 * and aggregates.  From these, candidate aggregates (one per set of
 * columns some block reads, with the measures of every block whose
 * columns it holds, once with each time column at the coarsest grain
 * those blocks ask for and once at its finest), then:
 *
 *  1. Which candidate answers which block is asked of the router: every
 *     candidate is added to the rules in memory and each query is
 *     processed with explain; a block is answered by every candidate the
 *     router does not refuse ("not routed onto X") once it routed at all.
 *  2. Greedy weighted cover: up to --max times, the candidate answering
 *     the most weight not yet answered; ties go to the fewest estimated
 *     rows (unknown last), then fewer dimensions, fewer measures, name.
 *     A candidate estimated at more than a tenth of the fact's rows is
 *     not proposed (it would save less than 90% of the scan).
 *  3. Closed loop: the chosen proposals alone are added to the rules and
 *     every query is processed again; what the report says each proposal
 *     answers is what the router routed onto it in this run, and each
 *     block left over gets the router's reason for the nearest proposal
 *     (the one storing most of the block's columns).
 *
 * --coverage does step 3 for the aggregates the rules already declare,
 * then, per block left over that its nearest aggregate misses for want
 * of a column or a measure, asks the router what that aggregate would
 * answer with them added (make_hints): "adding status to it answers 6
 * blocks, weight 6".
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advise_shape.h"
#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "cli.h"
#include "emit.h"
#include "lint.h"
#include "rules.h"
#include "textpos.h"

typedef enum adv_format { AF_TEXT, AF_JSON, AF_SQL } adv_format;

/* Where a query was found. */
typedef struct site {
    char *file;
    char *stem;             /* the file's name without folder and extension */
    unsigned line, column;  /* of the query's block (its fact's scan) */
    long long weight;
    int audit;              /* from an audit log: one site per file */
} site;

typedef struct query {
    char *sql;
    size_t len;
    char *catalog, *schema;
    uint64_t hash;
    long long weight;
    size_t first_unit, nunits;
} query;

/* An aggregate query block of a query over a fact. */
typedef struct unit {
    size_t query;
    adv_block b;
    site *sites;  size_t nsites;
    long long weight;
    const char *already;    /* a declared aggregate routes it (advise mode) */
    long answered_by;       /* the final run: index of the aggregate, -1 */
    char *reason;           /* the final run: why not, for the nearest one */
    char *code;             /* its reason code, when the engine gives one */
    long nearest;           /* index of the nearest aggregate, -1 if none */
    char *own_reason;       /* why the router refused the candidate made of
                               this block's own columns (NULL: none refused) */
    char *own_code;
    int coverable;          /* some candidate answers it (step 1) */
    size_t colset;          /* its fact and columns: index into colsets */
    long hint;              /* --coverage: index into hints, -1 if none */
} unit;

typedef struct cand {
    char *fact;
    adv_dim *dims;  size_t ndims;       /* use: ADV_USE_RAW or a grain */
    adv_measure *measures; size_t nmeasures;
    char **dim_names, **measure_names;
    char *table;            /* catalog.schema.name */
    char *query;            /* the defining SELECT */
    long long rows;         /* estimate, -1 unknown */
    unsigned char *covers;  /* per unit */
    int chosen;
} cand;

typedef struct chart_name { char *stem, *name; size_t order; } chart_name;

/* Distinct strings, each numbered in the order first seen, with the
 * first unit that had it (a hash table of indices into keys). */
typedef struct key_set {
    char **keys;
    size_t *first;
    size_t n, cap;
    size_t *slots, nslots;
} key_set;

typedef struct advisor {
    const char *now;
    rules ru;
    json_t *rules_doc;
    const char *rules_path;
    query *q;  size_t nq, capq;
    size_t *slots; size_t nslots;       /* hash table of queries */
    unit *u;   size_t nu;
    cand *c;   size_t nc;
    chart_name *charts; size_t ncharts;
    key_set colsets;        /* the units' facts and column sets */
    unsigned char *holds;   /* per candidate x colset: it stores every column */
    struct hint *hints;     /* --coverage: make_hints() */
    size_t nhints;
    size_t files;
    lint_walk walk;
} advisor;

/* ---- small helpers --------------------------------------------------- */

static uint64_t fnv(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void key_set_grow(key_set *s)
{
    size_t n = s->nslots ? s->nslots * 2 : 64;
    size_t *slots = xmalloc(n * sizeof *slots);
    for (size_t i = 0; i < n; i++)
        slots[i] = SIZE_MAX;
    for (size_t k = 0; k < s->n; k++) {
        size_t i = fnv(s->keys[k], strlen(s->keys[k]), 1469598103934665603ull) & (n - 1);
        while (slots[i] != SIZE_MAX)
            i = (i + 1) & (n - 1);
        slots[i] = k;
    }
    free(s->slots);
    s->slots = slots;
    s->nslots = n;
}

/* The number of key in s, added (with first_unit as its first) if new. */
static size_t key_set_id(key_set *s, const char *key, size_t first_unit)
{
    if ((s->n + 1) * 2 > s->nslots)
        key_set_grow(s);
    size_t i = fnv(key, strlen(key), 1469598103934665603ull) & (s->nslots - 1);
    for (; s->slots[i] != SIZE_MAX; i = (i + 1) & (s->nslots - 1))
        if (strcmp(s->keys[s->slots[i]], key) == 0)
            return s->slots[i];
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->keys = xrealloc(s->keys, s->cap * sizeof *s->keys);
        s->first = xrealloc(s->first, s->cap * sizeof *s->first);
    }
    s->keys[s->n] = xstrdup(key);
    s->first[s->n] = first_unit;
    s->slots[i] = s->n;
    return s->n++;
}

static void key_set_free(key_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->keys[i]);
    free(s->keys);
    free(s->first);
    free(s->slots);
    *s = (key_set){0};
}

/* A block's fact and columns (its dims are sorted by column) as a key;
 * with shape, also each column's use and the measures: blocks of the
 * same shape make the same candidates and are held by the same ones. */
static char *block_key(const adv_block *b, int shape)
{
    sbuf s = SBUF_INIT;
    sbuf_puts(&s, b->fact);
    for (size_t i = 0; i < b->ndims; i++) {
        sbuf_putc(&s, '\n');
        sbuf_puts(&s, b->dims[i].column);
        if (shape)
            sbuf_printf(&s, "\t%d", b->dims[i].use);
    }
    if (shape)
        for (size_t i = 0; i < b->nmeasures; i++) {
            sbuf_printf(&s, "\n\001%s\t", b->measures[i].func);
            if (b->measures[i].arg) {
                sbuf_putc(&s, '\002');
                sbuf_puts(&s, b->measures[i].arg);
            }
        }
    return sbuf_detach(&s);
}

static char *stem_of(const char *name)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    const char *c = strrchr(b, ':');        /* zip:member */
    b = c ? c + 1 : b;
    const char *dot = strrchr(b, '.');
    return xstrndup(b, dot ? (size_t)(dot - b) : strlen(b));
}

static int streq_null(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const char *grain_name(int g)
{
    switch (g) {
    case RULES_GRAIN_HOUR: return "hour";
    case RULES_GRAIN_DAY: return "day";
    case RULES_GRAIN_WEEK: return "week";
    case RULES_GRAIN_MONTH: return "month";
    case RULES_GRAIN_QUARTER: return "quarter";
    case RULES_GRAIN_YEAR: return "year";
    default: return NULL;
    }
}

/* Days per bucket of a grain (for estimates). */
static long long grain_days(int g)
{
    switch (g) {
    case RULES_GRAIN_WEEK: return 7;
    case RULES_GRAIN_MONTH: return 30;
    case RULES_GRAIN_QUARTER: return 91;
    case RULES_GRAIN_YEAR: return 365;
    default: return 1;
    }
}

/* An identifier as Databricks SQL: backquoted unless a plain lower-case
 * name. */
static void put_ident(sbuf *s, const char *name)
{
    int plain = (*name >= 'a' && *name <= 'z') || *name == '_';
    for (const char *p = name; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
    if (plain) {
        sbuf_puts(s, name);
        return;
    }
    sbuf_putc(s, '`');
    for (const char *p = name; *p; p++) {
        if (*p == '`')
            sbuf_putc(s, '`');
        sbuf_putc(s, *p);
    }
    sbuf_putc(s, '`');
}

static void put_qualified(sbuf *s, const char *qualified, int from_part)
{
    int part = 0;
    const char *p = qualified;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (part >= from_part) {
            if (part > from_part)
                sbuf_putc(s, '.');
            char *one = xstrndup(p, n);
            put_ident(s, one);
            free(one);
        }
        part++;
        p += n + (dot != NULL);
    }
}

/* ---- reading the inputs --------------------------------------------- */

static void add_site(unit *u, const char *file, unsigned line, unsigned col, long long w,
                     int audit)
{
    if (audit)
        for (size_t i = 0; i < u->nsites; i++)
            if (u->sites[i].audit && strcmp(u->sites[i].file, file) == 0) {
                u->sites[i].weight += w;
                u->weight += w;
                return;
            }
    u->sites = xrealloc(u->sites, (u->nsites + 1) * sizeof *u->sites);
    u->sites[u->nsites++] = (site){xstrdup(file), stem_of(file), line, col, w, audit};
    u->weight += w;
}

static void grow_slots(advisor *a)
{
    size_t n = a->nslots ? a->nslots * 2 : 1024;
    size_t *s = malloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        s[i] = SIZE_MAX;
    for (size_t k = 0; k < a->nq; k++) {
        size_t i = a->q[k].hash & (n - 1);
        while (s[i] != SIZE_MAX)
            i = (i + 1) & (n - 1);
        s[i] = k;
    }
    free(a->slots);
    a->slots = s;
    a->nslots = n;
}

/* One query found in a file: the same SQL (under the same defaults)
 * again adds to its weight and its sites. */
static void add_query(advisor *a, const char *file, const char *text, size_t text_len,
                      const lint_source *src, const char *sql, size_t len,
                      const char *catalog, const char *schema, long long weight,
                      unsigned audit_line)
{
    uint64_t h = fnv(sql, len, 1469598103934665603ull);
    h = fnv(catalog ? catalog : "", catalog ? strlen(catalog) : 0, h * 31 + 1);
    h = fnv(schema ? schema : "", schema ? strlen(schema) : 0, h * 31 + 2);
    if ((a->nq + 1) * 2 > a->nslots)
        grow_slots(a);
    size_t i = h & (a->nslots - 1);
    for (; a->slots[i] != SIZE_MAX; i = (i + 1) & (a->nslots - 1)) {
        query *q = &a->q[a->slots[i]];
        if (q->hash == h && q->len == len && memcmp(q->sql, sql, len) == 0 &&
            streq_null(q->catalog, catalog) && streq_null(q->schema, schema))
            break;
    }
    int fresh = a->slots[i] == SIZE_MAX;
    size_t qi = fresh ? a->nq : a->slots[i];
    if (fresh) {
        adv_block *bl;
        size_t nb = adv_read_blocks(&a->ru, sql, len, catalog, schema, &bl);
        if (a->nq == a->capq) {
            a->capq = a->capq ? a->capq * 2 : 256;
            a->q = xrealloc(a->q, a->capq * sizeof *a->q);
        }
        a->q[a->nq] = (query){xstrndup(sql, len), len, catalog ? xstrdup(catalog) : NULL,
                              schema ? xstrdup(schema) : NULL, h, 0, a->nu, nb};
        a->slots[i] = a->nq++;
        a->u = xrealloc(a->u, (a->nu + nb) * sizeof *a->u);
        for (size_t k = 0; k < nb; k++) {
            char *key = block_key(&bl[k], 0);
            size_t cs = key_set_id(&a->colsets, key, a->nu);
            free(key);
            a->u[a->nu++] = (unit){qi, bl[k], NULL, 0, 0, NULL, -1, NULL, NULL, -1, NULL, NULL, 0,
                                   cs, -1};
        }
        free(bl);               /* the blocks' contents now belong to the units */
    }
    query *q = &a->q[qi];
    q->weight += weight;
    for (size_t k = 0; k < q->nunits; k++) {
        unit *u = &a->u[q->first_unit + k];
        unsigned line = audit_line, col = 1;
        if (!audit_line) {
            size_t off = lint_source_offset(src, u->b.offset);
            text_line_column(text, text_len, off, &line, &col);
        }
        add_site(u, file, line, col, weight, audit_line != 0);
    }
}

static void found(void *ctx, const lint_source *src)
{
    advisor *a = ctx;
    /* Jinja templating: Superset renders it before the query runs. */
    for (size_t i = 0; i + 1 < src->sql_len; i++)
        if (src->sql[i] == '{' && (src->sql[i + 1] == '{' || src->sql[i + 1] == '%'))
            return;
    add_query(a, src->name, src->text, src->len, src, src->sql, src->sql_len, src->catalog,
              src->schema, 1, 0);
}

static void chart_found(void *ctx, const char *name, const char *slice_name)
{
    advisor *a = ctx;
    a->charts = xrealloc(a->charts, (a->ncharts + 1) * sizeof *a->charts);
    a->charts[a->ncharts] = (chart_name){stem_of(name), xstrdup(slice_name), a->ncharts};
    a->ncharts++;
}

static int cmp_chart(const void *x, const void *y)
{
    const chart_name *a = x, *b = y;
    int c = strcmp(a->stem, b->stem);
    return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* The name of the chart of a site's file stem: the first chart found
 * with that stem (the charts sorted by stem, then order found). */
static const char *chart_of(const advisor *a, const site *s)
{
    size_t lo = 0, hi = a->ncharts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a->charts[mid].stem, s->stem) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->ncharts && strcmp(a->charts[lo].stem, s->stem) == 0 ? a->charts[lo].name
                                                                        : NULL;
}

static int is_audit_log(const char *path)
{
    static const char *const ends[] = {".jsonl", ".ndjson", ".log", NULL};
    size_t n = strlen(path);
    for (int i = 0; ends[i]; i++) {
        size_t e = strlen(ends[i]);
        if (n > e && strcasecmp(path + n - e, ends[i]) == 0)
            return 1;
    }
    return 0;
}

/* The mutator's audit log (python/sluice/superset.py, _audit_record):
 * one JSON object per line; those with "sql" (audit_sql on) count. */
static int read_audit_log(advisor *a, const char *path)
{
    sbuf b = SBUF_INIT;
    if (cli_read_file(path, &b) < 0)
        return -1;
    size_t start = 0, line = 1, used = 0, skipped = 0;
    const char *t = b.data ? b.data : "";
    while (start < b.len) {
        const char *nl = memchr(t + start, '\n', b.len - start);
        size_t end = nl ? (size_t)(nl - t) : b.len;
        json_error_t je;
        json_t *rec = end > start ? json_loadb(t + start, end - start, 0, &je) : NULL;
        json_t *sql = json_object_get(rec, "sql");
        if (json_is_string(sql)) {
            const char *cat = json_string_value(json_object_get(rec, "catalog"));
            const char *sch = json_string_value(json_object_get(rec, "schema"));
            add_query(a, path, NULL, 0, NULL, json_string_value(sql), json_string_length(sql),
                      cat, sch, 1, (unsigned)line);
            used++;
        } else if (end > start) {
            skipped++;
        }
        json_decref(rec);
        start = end + 1;
        line++;
    }
    if (skipped)
        fprintf(stderr, "sluice advise: %s: %zu of %zu records hold no \"sql\" (the mutator's "
                "audit_sql is off for them) and are not counted\n", path, skipped,
                skipped + used);
    a->files++;
    sbuf_free(&b);
    return 0;
}

/* ---- candidates ------------------------------------------------------ */

/* Does the set of columns s (of n dims) hold every column u reads? */
static int holds_columns(const adv_dim *s, size_t n, const unit *u)
{
    for (size_t i = 0; i < u->b.ndims; i++) {
        int found_it = 0;
        for (size_t k = 0; k < n && !found_it; k++)
            found_it = strcmp(s[k].column, u->b.dims[i].column) == 0;
        if (!found_it)
            return 0;
    }
    return 1;
}

#define USE_UNSET INT_MIN

/* The use a candidate makes of a column two blocks use as a and b: the
 * raw column if either reads it (or bounds it in WHERE), else the
 * coarsest grain whose buckets both grains' are unions of (weeks
 * straddle months: a week with any coarser grain needs days), as
 * advise_shape.c's finer_grain.  Order-free, so blocks of the same shape
 * count once. */
static int combine_use(int a, int b)
{
    if (a == USE_UNSET)
        return b == ADV_USE_FILTER ? ADV_USE_RAW : b;
    if (a == ADV_USE_RAW || b == ADV_USE_RAW || a == ADV_USE_FILTER || b == ADV_USE_FILTER)
        return ADV_USE_RAW;
    if (a == b)
        return a;
    int g = a < b ? a : b;
    if ((a == RULES_GRAIN_WEEK || b == RULES_GRAIN_WEEK) && g > RULES_GRAIN_DAY)
        g = RULES_GRAIN_DAY;
    return g == RULES_GRAIN_WEEK ? RULES_GRAIN_DAY : g;
}

static int cmp_measure(const void *x, const void *y)
{
    const adv_measure *a = x, *b = y;
    int c = strcmp(a->func, b->func);
    if (c)
        return c;
    if (!a->arg || !b->arg)
        return (a->arg != NULL) - (b->arg != NULL);
    return strcmp(a->arg, b->arg);
}

static void add_cand_measure(cand *c, const adv_measure *m)
{
    for (size_t i = 0; i < c->nmeasures; i++)
        if (cmp_measure(&c->measures[i], m) == 0)
            return;
    c->measures = xrealloc(c->measures, (c->nmeasures + 1) * sizeof *c->measures);
    c->measures[c->nmeasures++] = (adv_measure){xstrdup(m->func), m->arg ? xstrdup(m->arg) : NULL};
}

static int same_cand(const cand *x, const cand *y)
{
    if (strcmp(x->fact, y->fact) != 0 || x->ndims != y->ndims || x->nmeasures != y->nmeasures)
        return 0;
    for (size_t i = 0; i < x->ndims; i++)
        if (strcmp(x->dims[i].column, y->dims[i].column) != 0 || x->dims[i].use != y->dims[i].use)
            return 0;
    for (size_t i = 0; i < x->nmeasures; i++)
        if (cmp_measure(&x->measures[i], &y->measures[i]) != 0)
            return 0;
    return 1;
}

static void free_cand(cand *c)
{
    free(c->fact);
    for (size_t i = 0; i < c->ndims; i++) {
        free(c->dims[i].column);
        if (c->dim_names)
            free(c->dim_names[i]);
    }
    for (size_t i = 0; i < c->nmeasures; i++) {
        free(c->measures[i].func);
        free(c->measures[i].arg);
        if (c->measure_names)
            free(c->measure_names[i]);
    }
    free(c->dims);
    free(c->measures);
    free(c->dim_names);
    free(c->measure_names);
    free(c->table);
    free(c->query);
    free(c->covers);
}

static const rules_column *declared_column(const rules_table *t, const char *name)
{
    for (size_t i = 0; t && i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, name) == 0)
            return &t->columns[i];
    return NULL;
}

/* Estimated rows: the product of each dimension's distinct values (a
 * time dimension: the fact's days in buckets of its grain, or the
 * column's distinct values at day grain), at most the fact's rows; -1
 * when some factor is unknown. */
static long long estimate_rows(const rules *ru, const cand *c)
{
    const rules_table *t = rules_find_table(ru, c->fact);
    double rows = 1;
    for (size_t i = 0; i < c->ndims; i++) {
        const adv_dim *d = &c->dims[i];
        const rules_column *col = declared_column(t, d->column);
        int is_time = t && ((t->column && strcmp(t->column, d->column) == 0) ||
                            (t->derived_from && strcmp(t->derived_from, d->column) == 0));
        double f = -1;
        if (d->use > 0 || is_time) {
            double days = t && t->days > 0 ? (double)t->days
                                           : (col && col->distinct > 0 ? (double)col->distinct : -1);
            if (days > 0) {
                long long per = d->use > 0 ? grain_days(d->use) : 1;
                f = days / (double)per;
                if (f < 1)
                    f = 1;
                f = (double)(long long)(f + 0.999999);
            }
            if (col && col->distinct > 0 && d->use <= 0)
                f = (double)col->distinct;
        } else if (col && col->distinct > 0) {
            f = (double)col->distinct;
        }
        if (f < 0)
            return -1;
        rows *= f;
    }
    if (t && t->rows >= 0 && rows > (double)t->rows)
        rows = (double)t->rows;
    return rows > 9e18 ? LLONG_MAX : (long long)rows;
}

static char *measure_name(const adv_measure *m)
{
    if (!m->arg)
        return xstrdup("row_count");
    sbuf s = SBUF_INIT;
    sbuf_puts(&s, m->func);
    sbuf_putc(&s, '_');
    int under = 1;
    for (const char *p = m->arg; *p && s.len < 48; p++) {
        char ch = (char)tolower((unsigned char)*p);
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            sbuf_putc(&s, ch);
            under = 0;
        } else if (!under) {
            sbuf_putc(&s, '_');
            under = 1;
        }
    }
    while (s.len && s.data[s.len - 1] == '_')
        s.data[--s.len] = '\0';
    char *out = xstrdup(s.data);
    sbuf_free(&s);
    return out;
}

static int name_taken(char **names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* Names, the table's name and the defining SELECT of a candidate. */
static void describe_cand(advisor *a, cand *c)
{
    const rules_table *t = rules_find_table(&a->ru, c->fact);
    size_t n = c->ndims + c->nmeasures;
    char **all = xcalloc(n + 1, sizeof *all);
    c->dim_names = xcalloc(c->ndims + 1, sizeof *c->dim_names);
    c->measure_names = xcalloc(c->nmeasures + 1, sizeof *c->measure_names);
    sbuf tname = SBUF_INIT;
    const char *base = strrchr(c->fact, '.');
    sbuf_puts(&tname, base ? base + 1 : c->fact);
    sbuf_puts(&tname, "_by");
    for (size_t i = 0; i < c->ndims; i++) {
        const adv_dim *d = &c->dims[i];
        char buf[300];
        int is_part = t && t->column && strcmp(t->column, d->column) == 0;
        if (d->use > 0)
            snprintf(buf, sizeof buf, "%s_%s", d->column, grain_name(d->use));
        else
            snprintf(buf, sizeof buf, "%s", d->column);
        c->dim_names[i] = xstrdup(buf);
        all[i] = c->dim_names[i];
        sbuf_putc(&tname, '_');
        if (d->use > 0 && is_part)
            sbuf_puts(&tname, grain_name(d->use));
        else if (d->use <= 0 && is_part)
            sbuf_puts(&tname, "day");
        else
            sbuf_puts(&tname, buf);
    }
    for (size_t i = 0; i < c->nmeasures; i++) {
        char *nm = measure_name(&c->measures[i]);
        char buf[80];
        snprintf(buf, sizeof buf, "%s", nm);
        for (int k = 2; name_taken(all, c->ndims + i, buf); k++)
            snprintf(buf, sizeof buf, "%s_%d", nm, k);
        free(nm);
        c->measure_names[i] = xstrdup(buf);
        all[c->ndims + i] = c->measure_names[i];
    }
    free(all);
    if (tname.len > 100)
        tname.data[tname.len = 100] = '\0';
    /* catalog.schema of the fact */
    sbuf full = SBUF_INIT;
    sbuf_putn(&full, c->fact, base ? (size_t)(base - c->fact) + 1 : 0);
    sbuf_puts(&full, tname.data);
    char *candidate = xstrdup(full.data);
    for (int k = 2;; k++) {
        int clash = 0;
        for (size_t i = 0; i < a->nc && !clash; i++)
            clash = &a->c[i] != c && a->c[i].table && strcmp(a->c[i].table, candidate) == 0;
        if (!clash)
            break;
        free(candidate);
        sbuf_free(&full);
        sbuf_putn(&full, c->fact, base ? (size_t)(base - c->fact) + 1 : 0);
        sbuf_puts(&full, tname.data);
        sbuf_printf(&full, "_%d", k);
        candidate = xstrdup(full.data);
    }
    c->table = candidate;
    sbuf_free(&full);
    sbuf_free(&tname);
    /* The defining SELECT, in the form aggregates[].query takes. */
    sbuf q = SBUF_INIT, keys = SBUF_INIT;
    sbuf_puts(&q, "SELECT ");
    for (size_t i = 0; i < c->ndims; i++) {
        const adv_dim *d = &c->dims[i];
        sbuf e = SBUF_INIT;
        if (d->use > 0) {
            sbuf_printf(&e, "date_trunc('%s', ", grain_name(d->use));
            put_ident(&e, d->column);
            sbuf_putc(&e, ')');
        } else {
            put_ident(&e, d->column);
        }
        if (i) {
            sbuf_puts(&q, ", ");
            sbuf_puts(&keys, ", ");
        }
        sbuf_puts(&q, e.data);
        sbuf_puts(&keys, e.data);
        if (d->use > 0) {
            sbuf_puts(&q, " AS ");
            put_ident(&q, c->dim_names[i]);
        }
        sbuf_free(&e);
    }
    for (size_t i = 0; i < c->nmeasures; i++) {
        const adv_measure *m = &c->measures[i];
        if (c->ndims || i)
            sbuf_puts(&q, ", ");
        for (const char *p = m->func; *p; p++)
            sbuf_putc(&q, (char)toupper((unsigned char)*p));
        sbuf_printf(&q, "(%s) AS ", m->arg ? m->arg : "*");
        put_ident(&q, c->measure_names[i]);
    }
    sbuf_puts(&q, " FROM ");
    put_qualified(&q, c->fact, 0);
    if (c->ndims) {
        sbuf_puts(&q, " GROUP BY ");
        sbuf_puts(&q, keys.data);
    }
    c->query = xstrdup(q.data);
    sbuf_free(&q);
    sbuf_free(&keys);
    c->rows = estimate_rows(&a->ru, c);
}

/* The candidate over the columns cols (of n) of fact: each column at the
 * finest use the blocks whose columns it holds make of it (raw: at its
 * finest), with all their measures.  Added unless already there.  The
 * blocks are shapes[] (one unit of each shape, block_key). */
static void add_candidate(advisor *a, const size_t *shapes, size_t nshapes, const char *fact,
                          const adv_dim *cols, size_t n, int raw)
{
    cand c = {0};
    c.fact = xstrdup(fact);
    c.dims = xcalloc(n + 1, sizeof *c.dims);
    c.ndims = n;
    for (size_t i = 0; i < n; i++)
        c.dims[i] = (adv_dim){xstrdup(cols[i].column), USE_UNSET};
    int any = 0;
    for (size_t s = 0; s < nshapes; s++) {
        const unit *u = &a->u[shapes[s]];
        if (strcmp(u->b.fact, fact) != 0 || !holds_columns(cols, n, u))
            continue;
        any = 1;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < u->b.ndims; j++)
                if (strcmp(u->b.dims[j].column, c.dims[i].column) == 0)
                    c.dims[i].use = combine_use(c.dims[i].use, raw ? ADV_USE_RAW
                                                                    : u->b.dims[j].use);
        for (size_t j = 0; j < u->b.nmeasures; j++)
            add_cand_measure(&c, &u->b.measures[j]);
    }
    xqsort(c.measures, c.nmeasures, sizeof *c.measures, cmp_measure);
    /* Time dimensions first (the partition column, a truncation), each
     * group in column order as the block listed them. */
    const rules_table *t = rules_find_table(&a->ru, fact);
    adv_dim *ordered = xcalloc(n + 1, sizeof *ordered);
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            int timed = c.dims[i].use > 0 ||
                        (t && t->column && strcmp(t->column, c.dims[i].column) == 0);
            if (timed == (pass == 0))
                ordered[k++] = c.dims[i];
        }
    free(c.dims);
    c.dims = ordered;
    if (!any || c.nmeasures == 0) {
        free_cand(&c);
        return;
    }
    for (size_t i = 0; i < a->nc; i++)
        if (same_cand(&a->c[i], &c)) {
            free_cand(&c);
            return;
        }
    a->c = xrealloc(a->c, (a->nc + 1) * sizeof *a->c);
    a->c[a->nc++] = c;
}

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    int c = strcmp(a->fact, b->fact);
    if (c)
        return c;
    if (a->ndims != b->ndims)
        return a->ndims < b->ndims ? -1 : 1;
    for (size_t i = 0; i < a->ndims; i++) {
        if ((c = strcmp(a->dims[i].column, b->dims[i].column)) != 0)
            return c;
        if (a->dims[i].use != b->dims[i].use)
            return a->dims[i].use > b->dims[i].use ? -1 : 1;    /* coarser first */
    }
    if (a->nmeasures != b->nmeasures)
        return a->nmeasures < b->nmeasures ? -1 : 1;
    for (size_t i = 0; i < a->nmeasures; i++)
        if ((c = cmp_measure(&a->measures[i], &b->measures[i])) != 0)
            return c;
    return 0;
}

/* One candidate pair (coarsest grain, finest) per column set some block
 * reads, made from one block of each shape: blocks of the same shape
 * add nothing to a candidate (combine_use is order-free, measures are a
 * set), so 10,000 blocks of a few hundred shapes cost a few hundred.
 * Then which candidate stores every column of which column set (the
 * fact included), for cover(). */
static void make_candidates(advisor *a)
{
    key_set shapes = {0};
    for (size_t k = 0; k < a->nu; k++) {
        const unit *u = &a->u[k];
        if (u->already || u->b.unanswerable)
            continue;
        char *key = block_key(&u->b, 1);
        key_set_id(&shapes, key, k);
        free(key);
    }
    unsigned char *done = xcalloc(a->colsets.n + 1, 1);
    for (size_t s = 0; s < shapes.n; s++) {
        const unit *u = &a->u[shapes.first[s]];
        if (done[u->colset])
            continue;
        done[u->colset] = 1;
        add_candidate(a, shapes.first, shapes.n, u->b.fact, u->b.dims, u->b.ndims, 0);
        add_candidate(a, shapes.first, shapes.n, u->b.fact, u->b.dims, u->b.ndims, 1);
    }
    free(done);
    key_set_free(&shapes);
    xqsort(a->c, a->nc, sizeof *a->c, cmp_cand);
    for (size_t i = 0; i < a->nc; i++)
        describe_cand(a, &a->c[i]);
    a->holds = xcalloc(a->nc * a->colsets.n + 1, 1);
    for (size_t i = 0; i < a->nc; i++)
        for (size_t cs = 0; cs < a->colsets.n; cs++) {
            const unit *u = &a->u[a->colsets.first[cs]];
            a->holds[i * a->colsets.n + cs] = strcmp(a->c[i].fact, u->b.fact) == 0 &&
                                              holds_columns(a->c[i].dims, a->c[i].ndims, u);
        }
}

/* ---- the router ------------------------------------------------------ */

/* The rules document with these aggregates added (and their estimated
 * rows as tables entries, which the router ranks them by). */
static json_t *rules_entry_table(const cand *c)
{
    json_t *t = json_object();
    json_object_set_new(t, "match", json_string(c->table));
    json_object_set_new(t, "description", json_string("aggregate proposed by sluice advise"));
    if (c->rows >= 0)
        json_object_set_new(t, "rows", json_integer(c->rows));
    return t;
}

static json_t *rules_entry_aggregate(const cand *c)
{
    json_t *g = json_object();
    json_object_set_new(g, "table", json_string(c->table));
    json_object_set_new(g, "query", json_string(c->query));
    return g;
}

static sl_engine *engine_with(advisor *a, const cand *const *add, size_t n)
{
    json_t *doc = json_deep_copy(a->rules_doc);
    json_t *tables = json_object_get(doc, "tables");
    if (!json_is_array(tables)) {
        tables = json_array();
        json_object_set_new(doc, "tables", tables);
    }
    json_t *aggs = json_object_get(doc, "aggregates");
    if (!json_is_array(aggs)) {
        aggs = json_array();
        json_object_set_new(doc, "aggregates", aggs);
    }
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(tables, rules_entry_table(add[i]));
        json_array_append_new(aggs, rules_entry_aggregate(add[i]));
    }
    char *text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(doc);
    char *err = NULL;
    sl_engine *eng = sl_engine_new(text, strlen(text), a->rules_path, &err);
    if (!eng) {
        fprintf(stderr, "sluice advise: the rules with the proposals do not load: %s\n", err);
        sl_free(err);
    }
    free(text);
    return eng;
}

/* What the router said about one block of a request (rule
 * aggregate-routing, at the block's scan). */
typedef void (*verdict_fn)(advisor *a, size_t unit_index, int routed, const char *table,
                           size_t table_len, const char *reason, const char *code, void *ctx);

static void route_query(advisor *a, const sl_engine *eng, size_t qi, verdict_fn fn, void *ctx)
{
    {
        query *q = &a->q[qi];
        sl_request req = SL_REQUEST_INIT;
        req.sql = q->sql;
        req.sql_len = q->len;
        req.catalog = q->catalog;
        req.schema = q->schema;
        req.now = a->now;
        req.explain = 1;
        sl_result *res = sl_process(eng, &req);
        for (size_t d = 0; d < sl_result_diagnostic_count(res); d++) {
            const sl_diagnostic *dg = sl_result_diagnostic(res, d);
            if (strcmp(dg->rule, "aggregate-routing") != 0)
                continue;
            const char *m = dg->message, *name, *end;
            int routed;
            if (strncmp(m, "routed onto ", 12) == 0) {
                routed = 1;
                name = m + 12;
                end = strchr(name, ' ');
            } else if (strncmp(m, "not routed onto ", 16) == 0) {
                routed = 0;
                name = m + 16;
                end = strstr(name, ": ");
            } else if (strncmp(m, "this aggregate of ", 18) == 0 &&
                       (name = strstr(m, " could be answered from ")) != NULL) {
                routed = 1;
                name += 24;
                end = strchr(name, ' ');
            } else {
                continue;
            }
            size_t nlen = end ? (size_t)(end - name) : strlen(name);
            const char *reason = !routed && end ? end + 2 : NULL;
            const char *code = dg->size > offsetof(sl_diagnostic, code) ? dg->code : NULL;
            for (size_t k = 0; k < q->nunits; k++) {
                unit *u = &a->u[q->first_unit + k];
                if (u->b.statement == dg->statement && u->b.offset == dg->offset)
                    fn(a, q->first_unit + k, routed, name, nlen, reason, code, ctx);
            }
        }
        sl_result_free(res);
    }
}

static void run_router(advisor *a, const sl_engine *eng, verdict_fn fn, void *ctx)
{
    for (size_t qi = 0; qi < a->nq; qi++)
        if (a->q[qi].nunits)
            route_query(a, eng, qi, fn, ctx);
}

/* Which table names are which candidates: sorted for bsearch. */
typedef struct name_index { const char *name; size_t cand; } name_index;

static int cmp_name_index(const void *x, const void *y)
{
    return strcmp(((const name_index *)x)->name, ((const name_index *)y)->name);
}

typedef struct cover_pass {
    name_index *idx;
    size_t n;
    unsigned char *routed;      /* per unit: some candidate routed it */
    unsigned char *refused;     /* per unit x candidate */
} cover_pass;

static long find_cand(const cover_pass *p, const char *name, size_t len)
{
    char *key = xstrndup(name, len);
    name_index k = {key, 0};
    name_index *hit = bsearch(&k, p->idx, p->n, sizeof *p->idx, cmp_name_index);
    free(key);
    return hit ? (long)hit->cand : -1;
}

static void cover_verdict(advisor *a, size_t ui, int routed, const char *table, size_t len,
                          const char *reason, const char *code, void *ctx)
{
    cover_pass *p = ctx;
    long c = find_cand(p, table, len);
    if (c < 0)
        return;
    unit *u = &a->u[ui];
    if (routed) {
        p->routed[ui] = 1;
        return;
    }
    p->refused[ui * a->nc + (size_t)c] = 1;
    /* The candidate of the block's own columns (the first the router
     * names): its refusal is why no aggregate answers the block. */
    if (!u->own_reason && reason && a->c[c].ndims == u->b.ndims &&
        holds_columns(a->c[c].dims, a->c[c].ndims, u)) {
        u->own_reason = xstrdup(reason);
        u->own_code = code ? xstrdup(code) : NULL;
    }
}

/* Step 1: which candidate answers which block, by the router.  A query
 * is shown only the candidates that store every column one of its blocks
 * reads (any other the router refuses at once: "not a dimension"), so
 * each query costs the candidates that may answer it, not all of them;
 * queries shown the same candidates share one engine. */
typedef struct engine_entry { char *key; sl_engine *eng; } engine_entry;

static int cover(advisor *a)
{
    if (!a->nc)
        return 0;
    cover_pass p = {xcalloc(a->nc, sizeof *p.idx), a->nc, xcalloc(a->nu + 1, 1),
                    xcalloc(a->nu * a->nc + 1, 1)};
    unsigned char *shown = xcalloc(a->nu * a->nc + 1, 1);
    for (size_t i = 0; i < a->nc; i++) {
        p.idx[i] = (name_index){a->c[i].table, i};
        a->c[i].covers = xcalloc(a->nu + 1, 1);
    }
    xqsort(p.idx, p.n, sizeof *p.idx, cmp_name_index);
    engine_entry *cache = NULL;
    size_t ncache = 0;
    const cand **list = xcalloc(a->nc + 1, sizeof *list);
    int rc = 0;
    for (size_t qi = 0; qi < a->nq && rc == 0; qi++) {
        const query *q = &a->q[qi];
        size_t n = 0;
        sbuf key = SBUF_INIT;
        for (size_t i = 0; i < a->nc; i++) {
            int any = 0;
            for (size_t k = 0; k < q->nunits && !any; k++) {
                const unit *u = &a->u[q->first_unit + k];
                any = !u->already && a->holds[i * a->colsets.n + u->colset];
            }
            if (!any)
                continue;
            list[n++] = &a->c[i];
            sbuf_printf(&key, "%zu,", i);
            for (size_t k = 0; k < q->nunits; k++)
                shown[(q->first_unit + k) * a->nc + i] = 1;
        }
        if (!n) {
            sbuf_free(&key);
            continue;
        }
        sl_engine *eng = NULL;
        for (size_t e = 0; e < ncache && !eng; e++)
            if (strcmp(cache[e].key, key.data) == 0)
                eng = cache[e].eng;
        if (!eng) {
            eng = engine_with(a, list, n);
            if (!eng) {
                rc = -1;
                sbuf_free(&key);
                break;
            }
            cache = xrealloc(cache, (ncache + 1) * sizeof *cache);
            cache[ncache++] = (engine_entry){xstrdup(key.data), eng};
        }
        sbuf_free(&key);
        route_query(a, eng, qi, cover_verdict, &p);
    }
    for (size_t k = 0; k < a->nu; k++)
        for (size_t i = 0; i < a->nc; i++)
            a->c[i].covers[k] = p.routed[k] && !a->u[k].already &&
                                shown[k * a->nc + i] && !p.refused[k * a->nc + i];
    for (size_t k = 0; k < a->nu; k++)
        for (size_t i = 0; i < a->nc && !a->u[k].coverable; i++)
            a->u[k].coverable = a->c[i].covers[k];
    for (size_t e = 0; e < ncache; e++) {
        free(cache[e].key);
        sl_engine_free(cache[e].eng);
    }
    free(cache);
    free(list);
    free(shown);
    free(p.idx);
    free(p.routed);
    free(p.refused);
    return rc;
}

/* Step 2: greedy weighted cover. */
static size_t choose(advisor *a, size_t max, size_t *order)
{
    unsigned char *done = xcalloc(a->nu + 1, 1);
    size_t n = 0;
    while (n < max) {
        long best = -1;
        long long best_w = 0;
        for (size_t i = 0; i < a->nc; i++) {
            cand *c = &a->c[i];
            if (c->chosen)
                continue;
            const rules_table *t = rules_find_table(&a->ru, c->fact);
            if (c->rows >= 0 && t && t->rows > 0 && c->rows > t->rows / 10)
                continue;
            long long w = 0;
            for (size_t k = 0; k < a->nu; k++)
                if (c->covers[k] && !done[k])
                    w += a->u[k].weight;
            if (w <= 0)
                continue;
            int better = best < 0 || w > best_w;
            if (!better && w == best_w) {
                const cand *b = &a->c[best];
                long long rc = c->rows < 0 ? LLONG_MAX : c->rows;
                long long rb = b->rows < 0 ? LLONG_MAX : b->rows;
                if (rc != rb)
                    better = rc < rb;
                else if (c->ndims != b->ndims)
                    better = c->ndims < b->ndims;
                else if (c->nmeasures != b->nmeasures)
                    better = c->nmeasures < b->nmeasures;
                else
                    better = strcmp(c->table, b->table) < 0;
            }
            if (better) {
                best = (long)i;
                best_w = w;
            }
        }
        if (best < 0)
            break;
        a->c[best].chosen = 1;
        order[n++] = (size_t)best;
        for (size_t k = 0; k < a->nu; k++)
            if (a->c[best].covers[k])
                done[k] = 1;
    }
    free(done);
    return n;
}

/* ---- step 3 and --coverage: one run of the router -------------------- */

/* The aggregates of the final run: declared (coverage) or proposed. */
typedef struct final_agg {
    const char *table;      /* as the router names it (as written) */
    const char *source;     /* lower-case fact */
    char **columns;         /* lower-case columns it stores */
    size_t ncolumns;
    const cand *c;          /* a proposal, or NULL */
} final_agg;

typedef struct final_pass {
    final_agg *aggs;
    size_t n;
    char ***reasons;        /* per unit, per aggregate: the refusal */
    char ***codes;
} final_pass;

static void final_verdict(advisor *a, size_t ui, int routed, const char *table, size_t len,
                          const char *reason, const char *code, void *ctx)
{
    final_pass *p = ctx;
    (void)a;
    for (size_t i = 0; i < p->n; i++) {
        if (strlen(p->aggs[i].table) != len || strncasecmp(p->aggs[i].table, table, len) != 0)
            continue;
        unit *u = &a->u[ui];
        if (routed) {
            u->answered_by = (long)i;
        } else if (reason && !p->reasons[ui][i]) {
            p->reasons[ui][i] = xstrdup(reason);
            p->codes[ui][i] = code ? xstrdup(code) : NULL;
        }
    }
}

static size_t stored_columns(const final_agg *g, const unit *u)
{
    size_t n = 0;
    for (size_t i = 0; i < u->b.ndims; i++)
        for (size_t k = 0; k < g->ncolumns; k++)
            if (strcmp(g->columns[k], u->b.dims[i].column) == 0) {
                n++;
                break;
            }
    return n;
}

static int final_run(advisor *a, const sl_engine *eng, final_agg *aggs, size_t n)
{
    final_pass p = {aggs, n, xcalloc(a->nu + 1, sizeof *p.reasons),
                    xcalloc(a->nu + 1, sizeof *p.codes)};
    for (size_t k = 0; k < a->nu; k++) {
        p.reasons[k] = xcalloc(n + 1, sizeof **p.reasons);
        p.codes[k] = xcalloc(n + 1, sizeof **p.codes);
        a->u[k].answered_by = -1;
    }
    run_router(a, eng, final_verdict, &p);
    for (size_t k = 0; k < a->nu; k++) {
        unit *u = &a->u[k];
        if (u->answered_by < 0) {
            long best = -1;
            size_t best_n = 0;
            for (size_t i = 0; i < n; i++) {
                if (strcmp(aggs[i].source, u->b.fact) != 0 || !p.reasons[k][i])
                    continue;
                size_t s = stored_columns(&aggs[i], u);
                if (best < 0 || s > best_n) {
                    best = (long)i;
                    best_n = s;
                }
            }
            u->nearest = best;
            if (best >= 0) {
                u->reason = xstrdup(p.reasons[k][best]);
                u->code = p.codes[k][best] ? xstrdup(p.codes[k][best]) : NULL;
            }
        }
        for (size_t i = 0; i < n; i++) {
            free(p.reasons[k][i]);
            free(p.codes[k][i]);
        }
        free(p.reasons[k]);
        free(p.codes[k]);
    }
    free(p.reasons);
    free(p.codes);
    return 0;
}

/* Why a block nothing answers has no reason from the router. */
static const char *no_reason(const unit *u, int coverage)
{
    if (u->b.unanswerable)
        return u->b.unanswerable;
    if (coverage)
        return "no aggregate of this fact table is declared";
    if (u->coverable)
        return "a candidate answers it, but it was not among the proposals chosen";
    return "no candidate aggregate answers it (the router refused each)";
}

/* ---- --coverage: what widening the nearest aggregate would answer ---- */

/* A block no declared aggregate answers, whose nearest aggregate refused
 * it because it lacks a column or a measure (the reason codes below),
 * gets that aggregate widened in memory: the block's columns it does not
 * group by become dimensions (at the grain the block reads them), the
 * block's measures it does not store become measures (AVG's SUM and
 * COUNT parts, as advise_shape.c reads them).  The widened aggregate
 * goes to the router beside the declared ones, and the hint claims
 * exactly the blocks not answered now that the router answers from it,
 * the block itself among them (else the block gets no hint).  Blocks
 * asking the same aggregate for the same additions share one hint; each
 * query is routed against the widened aggregates it may use
 * (make_hints).  A coarse grain (grain_too_coarse) gets no hint: storing a finer grain
 * replaces a dimension rather than adding one. */
static const char *const hint_codes[] = {"not_a_dimension", "measure_missing", NULL};

typedef struct hint {
    size_t agg;                     /* index into the declared aggregates */
    char **add;  size_t nadd;       /* as SQL: "status", "COUNT(amount)" */
    size_t ndims;                   /* add[0..ndims) are dimensions */
    char **names;                   /* the output name of each */
    char **columns; size_t ncolumns;    /* the source columns the dimensions read */
    char *query;                    /* the widened defining SELECT, NULL if none */
    char **stored; size_t nstored;      /* its measures, as measure_sql writes them */
    char **grouped; size_t ngrouped;    /* the columns its dimensions read */
    size_t blocks;                  /* blocks not answered now that it answers */
    long long weight;
    char *table;                    /* its name in engine_widened's rules */
} hint;

static int has_string(char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return 1;
    return 0;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_hint(hint *h)
{
    free_strings(h->add, h->nadd);
    free_strings(h->names, h->nadd);
    free_strings(h->columns, h->ncolumns);
    free_strings(h->stored, h->nstored);
    free_strings(h->grouped, h->ngrouped);
    free(h->query);
    free(h->table);
}

/* The column an expression is, or truncates (date_trunc, trunc): its
 * last name part in lower case; NULL for anything else. */
static char *plain_column(json_t *expr)
{
    json_t *arg = NULL, *f;
    if (an_trunc_call(expr, NULL, &arg) == AN_TRUNC_NONE)
        arg = expr;
    if (!arg || ast_unwrap(arg, &f, NULL) != AST_ColumnRef)
        return NULL;
    json_t *fields = ast_get(f, "fields");
    const char *col = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    if (!col)
        return NULL;
    char *out = xstrdup(col);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

/* A measure as SQL, FUNC(arg) or COUNT(*), as advise_shape.c writes the
 * argument (Databricks SQL over unqualified columns). */
static char *measure_sql(const char *func, const char *arg)
{
    sbuf s = SBUF_INIT;
    for (const char *p = func; *p; p++)
        sbuf_putc(&s, (char)toupper((unsigned char)*p));
    sbuf_printf(&s, "(%s)", arg ? arg : "*");
    return sbuf_detach(&s);
}

/* A declared measure in the same form (a column argument by its bare
 * name, so a join aggregate's t.amount reads as amount); NULL for
 * DISTINCT, which answers no plain aggregate. */
static char *stored_measure_sql(const rules_measure *m)
{
    if (m->distinct)
        return NULL;
    if (m->star)
        return measure_sql(m->func, NULL);
    json_t *f;
    char *arg = NULL;
    if (ast_unwrap(m->arg, &f, NULL) == AST_ColumnRef) {
        arg = plain_column(m->arg);
    } else {
        sbuf s = SBUF_INIT;
        emit_error err;
        if (emit_expression(m->arg, EMIT_DATABRICKS, &s, &err) == 0)
            arg = xstrdup(s.data ? s.data : "");
        sbuf_free(&s);
    }
    char *out = arg ? measure_sql(m->func, arg) : NULL;
    free(arg);
    return out;
}

/* An output name not among g's nor names (of n), case-insensitively:
 * base, base_2, ... */
static char *free_name(const rules_aggregate *g, char *const *names, size_t n, const char *base)
{
    char buf[300];
    snprintf(buf, sizeof buf, "%s", base);
    for (int k = 2;; k++) {
        int taken = 0;
        for (size_t i = 0; i < g->ndims && !taken; i++)
            taken = strcasecmp(g->dims[i].name, buf) == 0;
        for (size_t i = 0; i < g->nmeasures && !taken; i++)
            taken = strcasecmp(g->measures[i].name, buf) == 0;
        for (size_t i = 0; i < n && !taken; i++)
            taken = strcasecmp(names[i], buf) == 0;
        if (!taken)
            return xstrdup(buf);
        snprintf(buf, sizeof buf, "%s_%d", base, k);
    }
}

static void hint_push(hint *h, char *sql, char *name)
{
    h->add = xrealloc(h->add, (h->nadd + 1) * sizeof *h->add);
    h->names = xrealloc(h->names, (h->nadd + 1) * sizeof *h->names);
    h->add[h->nadd] = sql;
    h->names[h->nadd++] = name;
}

typedef struct column_seek { const char *col; } column_seek;

static ast_walk_rc note_column(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    (void)node;
    if (k != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *fields = ast_get(f, "fields");
    const char *last = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    const column_seek *s = w->ctx;
    return last && strcasecmp(last, s->col) == 0 ? AST_WALK_ABORT : AST_WALK_CONTINUE;
}

/* Does the tree read a column named col (any qualifier)?  A tree too
 * deep to walk whole counts as reading it. */
static int reads_column(json_t *tree, const char *col)
{
    column_seek s = {col};
    ast_walker w = {.fn = note_column, .ctx = &s};
    return ast_walk(&w, tree) == AST_WALK_ABORT || w.too_deep;
}

/* What block u reads that g lacks, into h (dimensions first, each group
 * in the block's order); 0 when it lacks nothing. */
static int hint_additions(const rules_aggregate *g, const unit *u, hint *h)
{
    char **grouped = xcalloc(g->ndims + 1, sizeof *grouped);
    for (size_t i = 0; i < g->ndims; i++)
        grouped[i] = plain_column(g->dims[i].expr);
    for (size_t i = 0; i < u->b.ndims; i++) {
        const adv_dim *d = &u->b.dims[i];
        int stored = 0;
        for (size_t k = 0; k < g->ndims && !stored; k++)
            stored = grouped[k] && strcmp(grouped[k], d->column) == 0;
        /* Over a join, the join's key: the aggregate's join reads it. */
        if (stored || (g->dim && reads_column(g->join_on, d->column)))
            continue;
        sbuf col = SBUF_INIT, e = SBUF_INIT;
        if (g->dim) {           /* over a join: the source's column */
            put_ident(&col, g->fact_alias);
            sbuf_putc(&col, '.');
        }
        put_ident(&col, d->column);
        char base[300];
        if (d->use > 0) {
            sbuf_printf(&e, "date_trunc('%s', %s)", grain_name(d->use), col.data);
            snprintf(base, sizeof base, "%s_%s", d->column, grain_name(d->use));
        } else {
            sbuf_puts(&e, col.data);
            snprintf(base, sizeof base, "%s", d->column);
        }
        sbuf_free(&col);
        hint_push(h, sbuf_detach(&e), free_name(g, h->names, h->nadd, base));
        PUSH(h->columns, h->ncolumns, xstrdup(d->column));
    }
    h->ndims = h->nadd;
    char **stored = xcalloc(g->nmeasures + 1, sizeof *stored);
    for (size_t i = 0; i < g->nmeasures; i++)
        stored[i] = stored_measure_sql(&g->measures[i]);
    for (size_t i = 0; i < u->b.nmeasures; i++) {
        char *m = measure_sql(u->b.measures[i].func, u->b.measures[i].arg);
        int have = has_string(h->add + h->ndims, h->nadd - h->ndims, m);
        for (size_t k = 0; k < g->nmeasures && !have; k++)
            have = stored[k] && strcasecmp(stored[k], m) == 0;
        if (have) {
            free(m);
            continue;
        }
        char *base = measure_name(&u->b.measures[i]);
        hint_push(h, m, free_name(g, h->names, h->nadd, base));
        free(base);
    }
    free_strings(stored, g->nmeasures);
    free_strings(grouped, g->ndims);
    return h->nadd > 0;
}

#define HINT_MARK "sluice_hint_mark_"

/* g's defining SELECT with h's additions: its own statement, copied,
 * with a select item (and GROUP BY key, unless GROUP BY ALL) per
 * addition, emitted as Databricks SQL; each addition goes in as a column
 * named by a mark that the text then replaces.  NULL when g's statement
 * does not emit or a mark is not found exactly where it went. */
static char *widened_query(const rules_aggregate *g, const hint *h)
{
    json_t *st = json_deep_copy(g->statement);
    json_t *sel = json_object_get(st, "SelectStmt");
    json_t *targets = ast_get(sel, "targetList");
    json_t *group = ast_get(sel, "groupClause");
    int all = group && an_is_group_by_all(group);
    size_t marks = 0;
    for (size_t i = 0; i < h->nadd && json_is_array(targets); i++) {
        char mark[64];
        snprintf(mark, sizeof mark, HINT_MARK "%zu_", i);
        /* A plain column keeps its own name: no "status AS status". */
        const char *name = strcmp(h->add[i], h->names[i]) == 0 ? NULL : h->names[i];
        json_array_append_new(targets, ast_new_res_target(name, ast_new_column_ref(NULL, mark)));
        marks++;
        if (i < h->ndims && !all) {
            if (!json_is_array(group)) {
                group = json_array();
                json_object_set_new(sel, "groupClause", group);
            }
            json_array_append_new(group, ast_new_column_ref(NULL, mark));
            marks++;
        }
    }
    sbuf text = SBUF_INIT, out = SBUF_INIT;
    emit_error err;
    int ok = json_is_array(targets) && emit_statement(st, EMIT_DATABRICKS, &text, &err) == 0;
    json_decref(st);
    size_t found_marks = 0;
    const size_t mlen = strlen(HINT_MARK);
    for (const char *p = ok ? text.data : ""; *p;) {
        const char *m = strstr(p, HINT_MARK);
        if (!m) {
            sbuf_puts(&out, p);
            break;
        }
        sbuf_putn(&out, p, (size_t)(m - p));
        char *end;
        unsigned long i = strtoul(m + mlen, &end, 10);
        if (end == m + mlen || *end != '_' || i >= h->nadd) {
            ok = 0;
            break;
        }
        sbuf_puts(&out, h->add[i]);
        found_marks++;
        p = end + 1;
    }
    char *q = ok && found_marks == marks ? xstrdup(out.data) : NULL;
    sbuf_free(&text);
    sbuf_free(&out);
    return q;
}

/* Is arg (a measure's argument as advise_shape.c writes it) a bare
 * column name, or absent (COUNT(*))? */
static int plain_arg(const char *arg)
{
    if (!arg)
        return 1;
    if (!*arg || isdigit((unsigned char)*arg))
        return 0;
    for (const char *p = arg; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return 0;
    return 1;
}

/* May the router route u onto g widened by h?  Not when u is answered
 * already, is over another fact, reads a column neither stores nor
 * joins on (the router's first test, rules_aggregate.columns), or needs SUM, COUNT,
 * MIN or MAX of a bare column (or COUNT(*)) that the widened aggregate
 * does not store, MIN and MAX also not from a dimension of that column
 * (condition 6 of aggregate_routing.c).  A measure over an expression
 * is left to the router.  h->stored and h->grouped are the widened
 * aggregate's measures and dimension columns (hint_prepare). */
static int hint_may_answer(const rules_aggregate *g, const hint *h, const unit *u)
{
    if (u->answered_by >= 0 || u->b.unanswerable || strcmp(u->b.fact, g->source) != 0)
        return 0;
    for (size_t i = 0; i < u->b.ndims; i++)
        if (!has_string(g->columns, g->ncolumns, u->b.dims[i].column) &&
            !has_string(h->columns, h->ncolumns, u->b.dims[i].column) &&
            !(g->dim && reads_column(g->join_on, u->b.dims[i].column)))
            return 0;
    for (size_t i = 0; i < u->b.nmeasures; i++) {
        const adv_measure *m = &u->b.measures[i];
        int minmax = strcmp(m->func, "min") == 0 || strcmp(m->func, "max") == 0;
        if (!plain_arg(m->arg) || (!minmax && strcmp(m->func, "sum") != 0 &&
                                   strcmp(m->func, "count") != 0))
            continue;
        char *text = measure_sql(m->func, m->arg);
        int have = 0;
        for (size_t k = 0; k < h->nstored && !have; k++)
            have = strcasecmp(h->stored[k], text) == 0;
        for (size_t k = 0; k < h->ngrouped && !have && minmax; k++)
            have = strcasecmp(h->grouped[k], m->arg) == 0;
        free(text);
        if (!have)
            return 0;
    }
    return 1;
}

/* h->stored, h->grouped: what g widened by h stores. */
static void hint_prepare(const rules_aggregate *g, hint *h)
{
    for (size_t i = 0; i < g->nmeasures; i++) {
        char *m = stored_measure_sql(&g->measures[i]);
        if (m)
            PUSH(h->stored, h->nstored, m);
    }
    for (size_t i = h->ndims; i < h->nadd; i++)
        PUSH(h->stored, h->nstored, xstrdup(h->add[i]));
    for (size_t i = 0; i < g->ndims; i++) {
        char *c = plain_column(g->dims[i].expr);
        if (c)
            PUSH(h->grouped, h->ngrouped, c);
    }
    for (size_t i = 0; i < h->ncolumns; i++)
        PUSH(h->grouped, h->ngrouped, xstrdup(h->columns[i]));
}

static int hint_code(const char *code)
{
    for (size_t i = 0; code && hint_codes[i]; i++)
        if (strcmp(code, hint_codes[i]) == 0)
            return 1;
    return 0;
}

/* The rules with each hint's widened aggregate added beside the declared
 * ones, under a name of its own (the declared entry copied, its table
 * and query replaced, so it keeps fresh_through, time zone, enforce),
 * as the proposals are added (engine_with).  Routing a block with
 * explain, the router checks every aggregate of its fact and says "not
 * routed onto X" of each that does not answer it (aggregate_routing.c):
 * a block routed at all is answered by each one not refused. */
static sl_engine *engine_widened(advisor *a, const unsigned char *use)
{
    json_t *doc = json_deep_copy(a->rules_doc);
    json_t *tables = json_object_get(doc, "tables");
    json_t *list = json_object_get(doc, "aggregates");
    if (!json_is_array(tables)) {
        tables = json_array();
        json_object_set_new(doc, "tables", tables);
    }
    for (size_t i = 0; i < a->nhints; i++) {
        const hint *h = &a->hints[i];
        if (!use[i])
            continue;
        const rules_aggregate *g = &a->ru.aggregates[h->agg];
        json_t *entry, *copy = NULL;
        size_t k;
        json_array_foreach(list, k, entry) {
            const char *t = json_string_value(json_object_get(entry, "table"));
            if (!copy && t && strcmp(t, g->table_written) == 0)
                copy = json_deep_copy(entry);
        }
        if (!copy)
            continue;
        json_object_set_new(copy, "table", json_string(h->table));
        json_object_set_new(copy, "query", json_string(h->query));
        json_object_del(copy, "description");
        json_t *t = json_object();
        json_object_set_new(t, "match", json_string(h->table));
        json_array_append_new(tables, t);
        json_array_append_new(list, copy);
    }
    char *text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(doc);
    char *err = NULL;
    sl_engine *eng = sl_engine_new(text, strlen(text), a->rules_path, &err);
    sl_free(err);
    free(text);
    return eng;
}

/* The hint a table of engine_widened is (its name ends in HINT_TABLE and
 * its number), -1 for any other. */
#define HINT_TABLE "__sluice_hint_"

static long hint_of_table(const advisor *a, const char *table, size_t len)
{
    const size_t tl = strlen(HINT_TABLE);
    for (size_t i = len; i-- > 0;) {
        if (i + tl > len || strncmp(table + i, HINT_TABLE, tl) != 0)
            continue;
        size_t n = 0, j = i + tl;
        if (j == len)
            return -1;
        for (; j < len; j++) {
            if (!isdigit((unsigned char)table[j]) || n > SIZE_MAX / 10 - 10)
                return -1;
            n = n * 10 + (size_t)(table[j] - '0');
        }
        if (n < a->nhints && strlen(a->hints[n].table) == len &&
            strncasecmp(a->hints[n].table, table, len) == 0)
            return (long)n;
        return -1;
    }
    return -1;
}

/* One query's verdicts: per unit of it, routed at all, and which
 * hints' aggregates refused it. */
typedef struct hint_pass {
    size_t first;               /* the query's first unit */
    unsigned char *routed;      /* per unit of the query */
    unsigned char *refused;     /* per unit of the query x hint */
} hint_pass;

static void hint_verdict(advisor *a, size_t ui, int routed, const char *table, size_t len,
                         const char *reason, const char *code, void *ctx)
{
    hint_pass *p = ctx;
    (void)reason;
    (void)code;
    size_t k = ui - p->first;
    if (routed) {
        p->routed[k] = 1;
        return;
    }
    long h = hint_of_table(a, table, len);
    if (h >= 0)
        p->refused[k * a->nhints + (size_t)h] = 1;
}

/* The state of make_hints' runs of the router. */
typedef struct hint_run {
    const unsigned char *use;   /* per hint: its widened aggregate loads */
    size_t *shape;              /* per unit: its shape, SIZE_MAX if answered */
    unsigned char *by_shape;    /* per shape x hint: hint_may_answer */
    unsigned char *shown;       /* per unit of the query x hint: hint_may_answer */
    hint_pass pass;
    unsigned char *own;         /* per unit: its own hint answers it */
    key_set sets;               /* the sets of hints engines were made for */
    sl_engine **engines;
    size_t nengines;
} hint_run;

/* Which hints each block may use: the same for blocks of one shape
 * (block_key: hint_may_answer reads nothing else), so worked out once
 * per shape. */
static void hint_shapes(advisor *a, hint_run *r)
{
    key_set shapes = {0};
    r->shape = xcalloc(a->nu + 1, sizeof *r->shape);
    for (size_t k = 0; k < a->nu; k++) {
        const unit *u = &a->u[k];
        if (u->answered_by >= 0 || u->b.unanswerable) {
            r->shape[k] = SIZE_MAX;
            continue;
        }
        char *key = block_key(&u->b, 1);
        r->shape[k] = key_set_id(&shapes, key, k);
        free(key);
    }
    r->by_shape = xcalloc(shapes.n * a->nhints + 1, 1);
    for (size_t s = 0; s < shapes.n; s++)
        for (size_t i = 0; i < a->nhints; i++) {
            const hint *h = &a->hints[i];
            r->by_shape[s * a->nhints + i] =
                (unsigned char)(r->use[i] && hint_may_answer(&a->ru.aggregates[h->agg], h,
                                                             &a->u[shapes.first[s]]));
        }
    key_set_free(&shapes);
}

static void hint_shown(advisor *a, hint_run *r, size_t qi)
{
    const query *q = &a->q[qi];
    for (size_t k = 0; k < q->nunits; k++) {
        size_t s = r->shape[q->first_unit + k];
        if (s == SIZE_MAX)
            memset(r->shown + k * a->nhints, 0, a->nhints);
        else
            memcpy(r->shown + k * a->nhints, r->by_shape + s * a->nhints, a->nhints);
    }
}

/* Route query qi against the widened aggregates of the hints in subset
 * (one engine per distinct subset), and count, for each of them, the
 * blocks it is shown that it answers. */
static void hint_route(advisor *a, hint_run *r, size_t qi, const unsigned char *subset)
{
    const query *q = &a->q[qi];
    sbuf key = SBUF_INIT;
    for (size_t i = 0; i < a->nhints; i++)
        if (subset[i])
            sbuf_printf(&key, "%zu,", i);
    if (!key.len) {
        sbuf_free(&key);
        return;
    }
    size_t id = key_set_id(&r->sets, key.data, qi);
    sbuf_free(&key);
    if (id == r->nengines)
        PUSH(r->engines, r->nengines, engine_widened(a, subset));
    if (!r->engines[id])
        return;
    hint_pass *p = &r->pass;
    p->first = q->first_unit;
    memset(p->routed, 0, q->nunits);
    memset(p->refused, 0, q->nunits * a->nhints);
    route_query(a, r->engines[id], qi, hint_verdict, p);
    for (size_t k = 0; k < q->nunits; k++) {
        unit *u = &a->u[q->first_unit + k];
        for (size_t i = 0; i < a->nhints && p->routed[k]; i++) {
            if (!subset[i] || !r->shown[k * a->nhints + i] || p->refused[k * a->nhints + i])
                continue;
            a->hints[i].blocks++;
            a->hints[i].weight += u->weight;
            if (u->hint == (long)i)
                r->own[q->first_unit + k] = 1;
        }
    }
}

/* Per block not answered whose nearest aggregate refused it with one of
 * hint_codes: its hint (shared by the blocks asking the same aggregate
 * for the same additions), and what the router routes onto each hint's
 * widened aggregate.  Every query that may route onto one is routed
 * once, against all of them at once. */
static void make_hints(advisor *a)
{
    key_set keys = {0};
    for (size_t k = 0; k < a->nu; k++) {
        unit *u = &a->u[k];
        u->hint = -1;
        if (u->answered_by >= 0 || u->nearest < 0 || !hint_code(u->code))
            continue;
        const rules_aggregate *g = &a->ru.aggregates[u->nearest];
        hint h = {.agg = (size_t)u->nearest};
        if (!hint_additions(g, u, &h)) {
            free_hint(&h);
            continue;
        }
        sbuf key = SBUF_INIT;
        sbuf_printf(&key, "%zu", h.agg);
        for (size_t i = 0; i < h.nadd; i++)
            sbuf_printf(&key, "\n%s", h.add[i]);
        size_t id = key_set_id(&keys, key.data, k);
        sbuf_free(&key);
        if (id == a->nhints) {
            h.query = widened_query(g, &h);
            sbuf t = SBUF_INIT;
            sbuf_printf(&t, "%s" HINT_TABLE "%zu", g->table_written, id);
            h.table = sbuf_detach(&t);
            hint_prepare(g, &h);
            PUSH(a->hints, a->nhints, h);
        } else {
            free_hint(&h);
        }
        u->hint = (long)id;
    }
    key_set_free(&keys);
    if (!a->nhints)
        return;
    /* The widened aggregates that load (all of them, but for a query
     * that does not emit or a name that clashes: each alone then). */
    unsigned char *use = xcalloc(a->nhints, 1);
    for (size_t i = 0; i < a->nhints; i++)
        use[i] = a->hints[i].query != NULL;
    sl_engine *eng = engine_widened(a, use);
    if (!eng) {
        unsigned char *one = xcalloc(a->nhints, 1);
        for (size_t i = 0; i < a->nhints; i++) {
            if (!use[i])
                continue;
            one[i] = 1;
            sl_engine *e = engine_widened(a, one);
            one[i] = 0;
            use[i] = e != NULL;
            sl_engine_free(e);
        }
        free(one);
        eng = engine_widened(a, use);
    }
    int loads = eng != NULL;
    sl_engine_free(eng);
    hint_run r = {.use = use};
    size_t most = 1;
    for (size_t qi = 0; qi < a->nq; qi++)
        if (a->q[qi].nunits > most)
            most = a->q[qi].nunits;
    r.shown = xcalloc(most * a->nhints, 1);
    hint_shapes(a, &r);
    r.pass = (hint_pass){0, xcalloc(most, 1), xcalloc(most * a->nhints, 1)};
    r.own = xcalloc(a->nu + 1, 1);
    unsigned char *mine = xcalloc(a->nhints, 1), *rest = xcalloc(a->nhints, 1);
    unsigned char *live = xcalloc(a->nhints, 1);
    /* First each query against its own blocks' hints: a hint that answers
     * none of its own blocks is shown nowhere, and is not asked about
     * again.  Then against the other hints it may use. */
    for (int pass = 0; pass < 2 && loads; pass++) {
        for (size_t qi = 0; qi < a->nq; qi++) {
            const query *q = &a->q[qi];
            hint_shown(a, &r, qi);
            memset(mine, 0, a->nhints);
            for (size_t k = 0; k < q->nunits; k++) {
                long h = a->u[q->first_unit + k].hint;
                if (h >= 0 && r.shown[k * a->nhints + (size_t)h])
                    mine[h] = 1;
            }
            if (pass == 0) {
                hint_route(a, &r, qi, mine);
                continue;
            }
            memset(rest, 0, a->nhints);
            for (size_t k = 0; k < q->nunits; k++)
                for (size_t i = 0; i < a->nhints; i++)
                    if (r.shown[k * a->nhints + i] && live[i] && !mine[i])
                        rest[i] = 1;
            hint_route(a, &r, qi, rest);
        }
        for (size_t k = 0; k < a->nu; k++)
            if (r.own[k])
                live[a->u[k].hint] = 1;
    }
    /* A block's hint holds only when the router routes the block itself. */
    for (size_t k = 0; k < a->nu; k++)
        if (!r.own[k])
            a->u[k].hint = -1;
    for (size_t e = 0; e < r.nengines; e++)
        sl_engine_free(r.engines[e]);
    free(r.engines);
    key_set_free(&r.sets);
    free(r.own);
    free(r.shape);
    free(r.by_shape);
    free(r.shown);
    free(r.pass.routed);
    free(r.pass.refused);
    free(mine);
    free(rest);
    free(live);
    free(use);
}

static json_t *hint_json(const advisor *a, const unit *u)
{
    if (u->hint < 0)
        return json_null();
    const hint *h = &a->hints[u->hint];
    json_t *o = json_object(), *add = json_array();
    json_object_set_new(o, "aggregate", json_string(a->ru.aggregates[h->agg].table_written));
    for (size_t i = 0; i < h->nadd; i++)
        json_array_append_new(add, json_string(h->add[i]));
    json_object_set_new(o, "add", add);
    json_object_set_new(o, "query", json_string(h->query));
    json_object_set_new(o, "blocks", json_integer((json_int_t)h->blocks));
    json_object_set_new(o, "weight", json_integer(h->weight));
    return o;
}

static void print_hint(FILE *out, const advisor *a, const unit *u)
{
    if (u->hint < 0)
        return;
    const hint *h = &a->hints[u->hint];
    fputs("; adding ", out);
    for (size_t i = 0; i < h->nadd; i++)
        fprintf(out, "%s%s", i ? (i + 1 == h->nadd ? " and " : ", ") : "", h->add[i]);
    fprintf(out, " to it answers %zu block%s, weight %lld", h->blocks, h->blocks == 1 ? "" : "s",
            h->weight);
}

/* ---- output ------------------------------------------------------------ */

static int cmp_site(const void *x, const void *y)
{
    const site *a = x, *b = y;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

static void sort_sites(advisor *a)
{
    for (size_t k = 0; k < a->nu; k++)
        xqsort(a->u[k].sites, a->u[k].nsites, sizeof *a->u[k].sites, cmp_site);
}

static json_t *site_json(const advisor *a, const site *s)
{
    const char *chart = chart_of(a, s);
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(s->file));
    json_object_set_new(o, "line", json_integer(s->line));
    json_object_set_new(o, "column", json_integer(s->column));
    json_object_set_new(o, "chart", chart ? json_string(chart) : json_null());
    json_object_set_new(o, "weight", json_integer(s->weight));
    return o;
}

static void print_site(FILE *out, const advisor *a, const site *s, const char *indent)
{
    const char *chart = chart_of(a, s);
    fprintf(out, "%s%s:%u:%u", indent, s->file, s->line, s->column);
    if (chart)
        fprintf(out, " chart '%s'", chart);
    if (s->weight != 1)
        fprintf(out, " (weight %lld)", s->weight);
    fputc('\n', out);
}

static char *ddl_of(const cand *c)
{
    sbuf s = SBUF_INIT;
    sbuf_puts(&s, "CREATE MATERIALIZED VIEW ");
    put_qualified(&s, c->table, 1);     /* the grammar takes schema.name after USE CATALOG */
    sbuf_puts(&s, " AS ");
    sbuf_puts(&s, c->query);
    char *out = xstrdup(s.data);
    sbuf_free(&s);
    return out;
}

static char *catalog_of(const char *qualified)
{
    const char *dot = strchr(qualified, '.');
    return xstrndup(qualified, dot ? (size_t)(dot - qualified) : 0);
}

static json_t *measure_json(const cand *c, size_t i)
{
    const adv_measure *m = &c->measures[i];
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(c->measure_names[i]));
    json_object_set_new(o, "function", json_string(m->func));
    json_object_set_new(o, "argument", m->arg ? json_string(m->arg) : json_null());
    return o;
}

static json_t *dim_json(const cand *c, size_t i)
{
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(c->dim_names[i]));
    json_object_set_new(o, "column", json_string(c->dims[i].column));
    const char *g = c->dims[i].use > 0 ? grain_name(c->dims[i].use) : NULL;
    json_object_set_new(o, "grain", g ? json_string(g) : json_null());
    return o;
}

static long long total_weight(const advisor *a)
{
    long long w = 0;
    for (size_t k = 0; k < a->nu; k++)
        w += a->u[k].weight;
    return w;
}

static size_t count_facts(const advisor *a)
{
    const char **facts = NULL;
    size_t n = 0;
    for (size_t k = 0; k < a->nu; k++) {
        int seen = 0;
        for (size_t j = 0; j < n && !seen; j++)
            seen = strcmp(facts[j], a->u[k].b.fact) == 0;
        if (!seen)
            PUSH(facts, n, a->u[k].b.fact);
    }
    free(facts);
    return n;
}

static void print_percent(FILE *out, long long part, long long whole)
{
    if (whole > 0)
        fprintf(out, " (%.1f%%)", 100.0 * (double)part / (double)whole);
}

/* Why a block some candidate answers is left without a proposal: the
 * smallest such candidate is over the size cap, or --max was reached. */
static void not_proposed(const advisor *a, const unit *u, sbuf *out)
{
    long long best = -2;
    for (size_t i = 0; i < a->nc; i++) {
        const cand *c = &a->c[i];
        if (!c->covers[u - a->u])
            continue;
        long long r = c->rows < 0 ? LLONG_MAX : c->rows;
        if (best == -2 || r < best)
            best = r;
    }
    const rules_table *t = rules_find_table(&a->ru, u->b.fact);
    if (best != -2 && best != LLONG_MAX && t && t->rows > 0 && best > t->rows / 10)
        sbuf_printf(out, "the smallest aggregate that answers it holds about %lld rows, more "
                    "than a tenth of the %lld of %s", best, t->rows, u->b.fact);
    else
        sbuf_puts(out, "an aggregate answers it, but not one of the proposals (--max)");
}

/* One block: its query's SQL, where it was found, its weight. */
static json_t *block_json(const advisor *a, const unit *u)
{
    json_t *o = json_object();
    const query *q = &a->q[u->query];
    json_object_set_new(o, "sql", json_stringn(q->sql, q->len));
    json_object_set_new(o, "statement", json_integer(u->b.statement));
    json_object_set_new(o, "fact", json_string(u->b.fact));
    json_t *sites = json_array();
    for (size_t s = 0; s < u->nsites; s++)
        json_array_append_new(sites, site_json(a, &u->sites[s]));
    json_object_set_new(o, "sites", sites);
    json_object_set_new(o, "weight", json_integer(u->weight));
    return o;
}

static json_t *uncovered_json(const advisor *a, const unit *u, const final_agg *aggs, int coverage)
{
    json_t *o = block_json(a, u);
    json_object_set_new(o, "nearest", u->nearest >= 0 ? json_string(aggs[u->nearest].table)
                                                       : json_null());
    json_object_set_new(o, "reason", json_string(u->reason ? u->reason
                                                           : no_reason(u, coverage)));
    json_object_set_new(o, "code", u->code ? json_string(u->code) : json_null());
    int own = u->own_reason && !u->coverable && !coverage;
    if (u->coverable && !coverage) {
        sbuf why = SBUF_INIT;
        not_proposed(a, u, &why);
        json_object_set_new(o, "not_proposed", json_string(why.data));
        sbuf_free(&why);
    } else {
        json_object_set_new(o, "not_proposed", json_null());
    }
    json_object_set_new(o, "unanswerable", own ? json_string(u->own_reason) : json_null());
    json_object_set_new(o, "unanswerable_code", own && u->own_code ? json_string(u->own_code)
                                                                   : json_null());
    if (coverage)
        json_object_set_new(o, "hint", hint_json(a, u));
    return o;
}

static void print_uncovered_text(FILE *out, const advisor *a, const unit *u,
                                 const final_agg *aggs, int coverage)
{
    for (size_t s = 0; s < u->nsites; s++)
        print_site(out, a, &u->sites[s], "  ");
    int own = u->own_reason && !u->coverable && !coverage;
    if (own && (!u->reason || strcmp(u->reason, u->own_reason) == 0)) {
        fprintf(out, "    no aggregate answers it: %s", u->own_reason);
        if (u->own_code)
            fprintf(out, " [%s]", u->own_code);
        fputc('\n', out);
        return;
    }
    if (u->nearest >= 0)
        fprintf(out, "    misses %s: %s", aggs[u->nearest].table, u->reason);
    else
        fprintf(out, "    %s", no_reason(u, coverage));
    if (u->code)
        fprintf(out, " [%s]", u->code);
    if (coverage)
        print_hint(out, a, u);
    fputc('\n', out);
    if (own) {
        fprintf(out, "    no aggregate answers it: %s", u->own_reason);
        if (u->own_code)
            fprintf(out, " [%s]", u->own_code);
        fputc('\n', out);
    } else if (u->coverable && !coverage) {
        sbuf why = SBUF_INIT;
        not_proposed(a, u, &why);
        fprintf(out, "    %s\n", why.data);
        sbuf_free(&why);
    }
}

static void report(FILE *out, advisor *a, adv_format fmt, const size_t *order, size_t n,
                   final_agg *aggs, size_t naggs, int coverage)
{
    long long total = total_weight(a), answered = 0, already = 0;
    for (size_t k = 0; k < a->nu; k++) {
        if (a->u[k].answered_by >= 0)
            answered += a->u[k].weight;
        if (a->u[k].already)
            already += a->u[k].weight;
    }
    if (fmt == AF_SQL) {
        char *cur = NULL;
        for (size_t i = 0; i < n; i++) {
            const cand *c = &a->c[order[i]];
            char *cat = catalog_of(c->table);
            if (!cur || strcmp(cur, cat) != 0) {
                fprintf(out, "USE CATALOG ");
                sbuf s = SBUF_INIT;
                put_ident(&s, cat);
                fprintf(out, "%s;\n", s.data);
                sbuf_free(&s);
                free(cur);
                cur = cat;
            } else {
                free(cat);
            }
            long long w = 0;
            for (size_t k = 0; k < a->nu; k++)
                if (a->u[k].answered_by == (long)i)
                    w += a->u[k].weight;
            char *ddl = ddl_of(c);
            fprintf(out, "-- proposal %zu: answers weight %lld of %lld", i + 1, w, total);
            if (c->rows >= 0)
                fprintf(out, ", about %lld rows", c->rows);
            fprintf(out, "\n%s;\n", ddl);
            free(ddl);
        }
        free(cur);
        return;
    }
    if (fmt == AF_JSON) {
        json_t *doc = json_object();
        json_object_set_new(doc, "queries", json_integer((json_int_t)a->nq));
        json_object_set_new(doc, "blocks", json_integer((json_int_t)a->nu));
        json_object_set_new(doc, "weight", json_integer(total));
        json_object_set_new(doc, "answered_weight", json_integer(answered));
        json_t *props = json_array();
        for (size_t i = 0; i < naggs; i++) {
            json_t *o = json_object();
            const cand *c = aggs[i].c;
            json_object_set_new(o, "table", json_string(aggs[i].table));
            json_object_set_new(o, "fact", json_string(aggs[i].source));
            if (c) {
                json_t *dims = json_array(), *ms = json_array();
                for (size_t d = 0; d < c->ndims; d++)
                    json_array_append_new(dims, dim_json(c, d));
                for (size_t m = 0; m < c->nmeasures; m++)
                    json_array_append_new(ms, measure_json(c, m));
                json_object_set_new(o, "dimensions", dims);
                json_object_set_new(o, "measures", ms);
                json_object_set_new(o, "query", json_string(c->query));
                char *ddl = ddl_of(c);
                char *cat = catalog_of(c->table);
                sbuf s = SBUF_INIT;
                sbuf_puts(&s, "USE CATALOG ");
                put_ident(&s, cat);
                sbuf_printf(&s, "; %s", ddl);
                json_object_set_new(o, "ddl", json_string(s.data));
                sbuf_free(&s);
                free(cat);
                free(ddl);
                json_t *entry = json_object();
                json_object_set_new(entry, "tables", rules_entry_table(c));
                json_object_set_new(entry, "aggregates", rules_entry_aggregate(c));
                json_object_set_new(o, "rules_entry", entry);
                json_object_set_new(o, "rows_estimate", c->rows >= 0 ? json_integer(c->rows)
                                                                     : json_null());
            }
            long long w = 0;
            json_t *ans = json_array();
            for (size_t k = 0; k < a->nu; k++) {
                if (a->u[k].answered_by != (long)i)
                    continue;
                w += a->u[k].weight;
                json_array_append_new(ans, block_json(a, &a->u[k]));
            }
            json_object_set_new(o, "weight", json_integer(w));
            json_object_set_new(o, "answers", ans);
            json_array_append_new(props, o);
        }
        json_object_set_new(doc, coverage ? "aggregates" : "proposals", props);
        if (!coverage) {
            json_t *al = json_array();
            for (size_t k = 0; k < a->nu; k++) {
                if (!a->u[k].already)
                    continue;
                json_t *o = block_json(a, &a->u[k]);
                json_object_set_new(o, "aggregate", json_string(a->u[k].already));
                json_array_append_new(al, o);
            }
            json_object_set_new(doc, "already_answered", al);
        }
        json_t *un = json_array();
        for (size_t k = 0; k < a->nu; k++)
            if (a->u[k].answered_by < 0 && !a->u[k].already)
                json_array_append_new(un, uncovered_json(a, &a->u[k], aggs, coverage));
        json_object_set_new(doc, "unanswered", un);
        char *s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fprintf(out, "%s\n", s);
        free(s);
        json_decref(doc);
        return;
    }
    fprintf(out, "%zu queries, %zu aggregate blocks over %zu fact table%s, weight %lld\n",
            a->nq, a->nu, count_facts(a), count_facts(a) == 1 ? "" : "s", total);
    if (already) {
        fprintf(out, "already answered by declared aggregates: weight %lld", already);
        print_percent(out, already, total);
        fputc('\n', out);
    }
    fprintf(out, "%s answer weight %lld", coverage ? "declared aggregates" : "proposals",
            answered);
    print_percent(out, answered, total);
    fputc('\n', out);
    for (size_t i = 0; i < naggs; i++) {
        const cand *c = aggs[i].c;
        long long w = 0;
        size_t blocks = 0;
        for (size_t k = 0; k < a->nu; k++)
            if (a->u[k].answered_by == (long)i) {
                w += a->u[k].weight;
                blocks++;
            }
        fprintf(out, "\n%s %zu: %s\n", coverage ? "aggregate" : "proposal", i + 1,
                aggs[i].table);
        fprintf(out, "  answers %zu block%s, weight %lld", blocks, blocks == 1 ? "" : "s", w);
        print_percent(out, w, total);
        if (c && c->rows >= 0)
            fprintf(out, ", about %lld rows", c->rows);
        fputc('\n', out);
        if (c) {
            fprintf(out, "  query: %s\n", c->query);
            json_t *entry = json_object();
            json_object_set_new(entry, "tables", rules_entry_table(c));
            json_object_set_new(entry, "aggregates", rules_entry_aggregate(c));
            char *s = json_dumps(entry, JSON_COMPACT | JSON_PRESERVE_ORDER);
            fprintf(out, "  rules: %s\n", s);
            free(s);
            json_decref(entry);
        }
        /* Where they are, in file order. */
        site *list = NULL;
        size_t nlist = 0;
        for (size_t k = 0; k < a->nu; k++)
            if (a->u[k].answered_by == (long)i) {
                list = xrealloc(list, (nlist + a->u[k].nsites + 1) * sizeof *list);
                memcpy(list + nlist, a->u[k].sites, a->u[k].nsites * sizeof *list);
                nlist += a->u[k].nsites;
            }
        if (list)
            xqsort(list, nlist, sizeof *list, cmp_site);
        for (size_t s = 0; s < nlist; s++)
            print_site(out, a, &list[s], "    ");
        free(list);
    }
    int any = 0;
    for (size_t k = 0; k < a->nu; k++) {
        if (a->u[k].answered_by >= 0 || a->u[k].already)
            continue;
        if (!any)
            fprintf(out, "\nnot answered:\n");
        any = 1;
        print_uncovered_text(out, a, &a->u[k], aggs, coverage);
    }
}

/* ---- the command ------------------------------------------------------- */

static const char advise_usage[] =
    "usage: sluice advise --rules FILE [--max N] [--format text|json|sql] [--coverage]\n"
    "                     [--now TS] [--exclude GLOB] PATH...\n";

static void advisor_free(advisor *a)
{
    for (size_t i = 0; i < a->nq; i++) {
        free(a->q[i].sql);
        free(a->q[i].catalog);
        free(a->q[i].schema);
    }
    free(a->q);
    free(a->slots);
    for (size_t k = 0; k < a->nu; k++) {
        unit *u = &a->u[k];
        adv_block *b = &u->b;
        free(b->fact);
        for (size_t i = 0; i < b->ndims; i++)
            free(b->dims[i].column);
        for (size_t i = 0; i < b->nmeasures; i++) {
            free(b->measures[i].func);
            free(b->measures[i].arg);
        }
        free(b->dims);
        free(b->measures);
        for (size_t s = 0; s < u->nsites; s++) {
            free(u->sites[s].file);
            free(u->sites[s].stem);
        }
        free(u->sites);
        free(u->reason);
        free(u->code);
        free(u->own_reason);
        free(u->own_code);
    }
    free(a->u);
    for (size_t i = 0; i < a->nc; i++)
        free_cand(&a->c[i]);
    free(a->c);
    for (size_t i = 0; i < a->ncharts; i++) {
        free(a->charts[i].stem);
        free(a->charts[i].name);
    }
    free(a->charts);
    key_set_free(&a->colsets);
    free(a->holds);
    for (size_t i = 0; i < a->nhints; i++)
        free_hint(&a->hints[i]);
    free(a->hints);
    json_decref(a->rules_doc);
    rules_free(&a->ru);
    lint_walk_free(&a->walk);
}

/* The routing of the declared aggregates: which blocks they answer. */
static void already_verdict(advisor *a, size_t ui, int routed, const char *table, size_t len,
                            const char *reason, const char *code, void *ctx)
{
    (void)reason;
    (void)code;
    (void)ctx;
    if (!routed)
        return;
    for (size_t i = 0; i < a->ru.naggregates; i++)
        if (strlen(a->ru.aggregates[i].table_written) == len &&
            strncasecmp(a->ru.aggregates[i].table_written, table, len) == 0)
            a->u[ui].already = a->ru.aggregates[i].table_written;
}

int cmd_advise(int argc, char **argv)
{
    advisor a = {0};
    a.walk.found = found;
    a.walk.chart = chart_found;
    a.walk.ctx = &a;
    adv_format fmt = AF_TEXT;
    size_t max = 5;
    int coverage = 0, npaths = 0;
    char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (strcmp(o, "--rules") == 0 && i + 1 < argc) {
            a.rules_path = argv[++i];
        } else if (strcmp(o, "--now") == 0 && i + 1 < argc) {
            a.now = argv[++i];
        } else if (strcmp(o, "--coverage") == 0) {
            coverage = 1;
        } else if (strcmp(o, "--max") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            long v = strtol(argv[++i], &end, 10);
            if (*end || errno || v < 1 || v > 1000) {
                fprintf(stderr, "sluice advise: --max takes a number from 1 to 1000\n");
                free(paths);
                return EXIT_USAGE;
            }
            max = (size_t)v;
        } else if (strcmp(o, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "text") == 0)
                fmt = AF_TEXT;
            else if (strcmp(f, "json") == 0)
                fmt = AF_JSON;
            else if (strcmp(f, "sql") == 0)
                fmt = AF_SQL;
            else {
                fprintf(stderr, "sluice advise: unknown format '%s' (text, json or sql)\n", f);
                free(paths);
                return EXIT_USAGE;
            }
        } else if (strcmp(o, "--exclude") == 0 && i + 1 < argc) {
            if (lint_walk_exclude(&a.walk, argv[++i]) < 0) {
                fprintf(stderr, "sluice advise: --exclude '%s' holds no pattern\n", argv[i]);
                free(paths);
                lint_walk_free(&a.walk);
                return EXIT_USAGE;
            }
        } else if (o[0] == '-' && o[1]) {
            fprintf(stderr, "sluice advise: unknown option '%s'\n%s", o, advise_usage);
            free(paths);
            lint_walk_free(&a.walk);
            return EXIT_USAGE;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (!a.rules_path || npaths == 0) {
        fputs(advise_usage, stderr);
        free(paths);
        lint_walk_free(&a.walk);
        return EXIT_USAGE;
    }
    if (coverage && fmt == AF_SQL) {
        fprintf(stderr, "sluice advise: --coverage has no sql format\n");
        free(paths);
        lint_walk_free(&a.walk);
        return EXIT_USAGE;
    }
    sbuf text = SBUF_INIT;
    char *err = NULL;
    json_error_t je;
    if (cli_read_file(a.rules_path, &text) < 0 ||
        rules_compile(text.data, text.len, a.rules_path, &a.ru, &err) < 0 ||
        !(a.rules_doc = json_loadb(text.data, text.len, 0, &je))) {
        if (err)
            fprintf(stderr, "sluice advise: %s\n", err);
        free(err);
        sbuf_free(&text);
        free(paths);
        lint_walk_free(&a.walk);
        return EXIT_USAGE;
    }
    sbuf_free(&text);
    for (int i = 0; i < npaths; i++) {
        if (is_audit_log(paths[i])) {
            if (read_audit_log(&a, paths[i]) < 0)
                a.walk.io_error = 1;
        } else {
            lint_walk_path(&a.walk, paths[i]);
        }
    }
    free(paths);
    sort_sites(&a);
    xqsort(a.charts, a.ncharts, sizeof *a.charts, cmp_chart);
    int rc = EXIT_OK;
    sl_engine *base = engine_with(&a, NULL, 0);
    if (!base) {
        advisor_free(&a);
        return EXIT_USAGE;
    }
    final_agg *aggs = NULL;
    size_t naggs = 0;
    size_t *order = xcalloc(max + 1, sizeof *order);
    size_t n = 0;
    if (coverage) {
        naggs = a.ru.naggregates;
        aggs = xcalloc(naggs + 1, sizeof *aggs);
        for (size_t i = 0; i < naggs; i++) {
            const rules_aggregate *g = &a.ru.aggregates[i];
            aggs[i] = (final_agg){g->table_written, g->source, g->columns, g->ncolumns, NULL};
        }
        final_run(&a, base, aggs, naggs);
        make_hints(&a);
    } else {
        if (a.ru.naggregates)       /* none declared: nothing is routed */
            run_router(&a, base, already_verdict, NULL);
        make_candidates(&a);
        if (cover(&a) < 0) {
            rc = EXIT_USAGE;
            goto out;
        }
        n = choose(&a, max, order);
        const cand **chosen = xcalloc(n + 1, sizeof *chosen);
        aggs = xcalloc(n + 1, sizeof *aggs);
        char ***cols = xcalloc(n + 1, sizeof *cols);
        for (size_t i = 0; i < n; i++) {
            const cand *c = &a.c[order[i]];
            chosen[i] = c;
            cols[i] = xcalloc(c->ndims + 1, sizeof **cols);
            for (size_t d = 0; d < c->ndims; d++)
                cols[i][d] = c->dims[d].column;
            aggs[i] = (final_agg){c->table, c->fact, cols[i], c->ndims, c};
        }
        naggs = n;
        sl_engine *eng = engine_with(&a, chosen, n);
        free(chosen);
        if (!eng) {
            for (size_t i = 0; i < n; i++)
                free(cols[i]);
            free(cols);
            rc = EXIT_USAGE;
            goto out;
        }
        final_run(&a, eng, aggs, naggs);
        sl_engine_free(eng);
        report(stdout, &a, fmt, order, n, aggs, naggs, 0);
        for (size_t i = 0; i < n; i++)
            free(cols[i]);
        free(cols);
        goto out;
    }
    report(stdout, &a, fmt, order, n, aggs, naggs, coverage);
out:
    free(aggs);
    free(order);
    sl_engine_free(base);
    if (a.walk.io_error)
        rc = EXIT_USAGE;
    advisor_free(&a);
    return rc;
}
