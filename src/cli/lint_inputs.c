/*
 * lint_inputs.c - what `sluice lint` reads: .sql files, stdin, Superset's
 * exported dataset YAML, the chart data API's JSON, Superset's export ZIP
 * bundles, and folders of any of these.
 *
 * Each input becomes lint_source records (lint.h): the SQL, the file it
 * came from and a map from SQL bytes back to file bytes, so a finding
 * points into the YAML or JSON the user has open.  YAML is parsed by
 * libyaml, ZIP bundles read by libzip, JSON by jansson; source_map.c
 * finds positions.  A file in a folder that holds no SQL is skipped and
 * counted (listed with --verbose); a file that cannot be read or parsed
 * is an error.  Paths that .sluiceignore or --exclude exclude
 * (lint_ignore.c) are not read at all, and folders among them not
 * walked.
 */
#include "lint.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>
#include <zip.h>

#include "cli.h"
#include "source_map.h"
#include "textpos.h"

/* A ZIP member larger than this is refused (a bundle of YAML files has
 * no business holding one). */
#define MAX_MEMBER_SIZE (64u << 20)

/* Superset's files nest four levels deep; libyaml's work per token grows
 * with the nesting, so a hostile file is stopped here. */
#define MAX_YAML_DEPTH 64

/* A file with nothing to check: counted by kind for the summary line,
 * and listed with its reason only under --verbose (a folder of
 * dashboards holds many such files, and a note per file would bury the
 * findings) or when the file was named on the command line.  Part of a
 * file skipped (SKIP_ALWAYS_SHOWN) is always listed, never counted. */
static void note(lint_walk *w, lint_skip_kind kind, const char *name, const char *why)
{
    if (w->verbose || w->named_file || kind == SKIP_ALWAYS_SHOWN)
        fprintf(stderr, "sluice lint: note: %s: skipped (%s)\n", name, why);
    if (kind != SKIP_ALWAYS_SHOWN)
        w->skipped[kind]++;
}

static void fail(lint_walk *w, const char *name, const char *why)
{
    fprintf(stderr, "sluice lint: %s: %s\n", name, why);
    w->io_error = 1;
}

/* "name:line:col: error: ...", as compilers print it. */
static void fail_at(lint_walk *w, const char *name, const char *where_what)
{
    fprintf(stderr, "%s:%s\n", name, where_what);
    w->io_error = 1;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    if (n <= s)
        return 0;
    for (size_t i = 0; i < s; i++) {
        char c = name[n - s + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != suffix[i])
            return 0;
    }
    return 1;
}

typedef enum input_kind { IN_SQL, IN_YAML, IN_JSON, IN_ZIP, IN_OTHER } input_kind;

static input_kind kind_of(const char *name)
{
    if (has_suffix(name, ".sql"))
        return IN_SQL;
    if (has_suffix(name, ".yaml") || has_suffix(name, ".yml"))
        return IN_YAML;
    if (has_suffix(name, ".json"))
        return IN_JSON;
    if (has_suffix(name, ".zip"))
        return IN_ZIP;
    return IN_OTHER;
}

size_t lint_source_offset(const lint_source *src, size_t sql_offset)
{
    if (sql_offset > src->sql_len)
        sql_offset = src->sql_len;
    if (src->map)
        return src->map[sql_offset];
    if (src->sql != src->text)
        return src->anchor;
    return sql_offset;
}

static const char *keep_text(lint_walk *w, char *text)
{
    w->texts = xrealloc(w->texts, (w->ntexts + 1) * sizeof *w->texts);
    w->texts[w->ntexts++] = text;
    return text;
}

/* ---- Superset dataset YAML ----------------------------------------- */

typedef struct yaml_value {
    char *value;
    size_t len;
    size_t start, end;          /* byte offsets of the scalar in the file */
    yaml_scalar_style_t style;
    int set;
} yaml_value;

static source_style style_of(yaml_scalar_style_t s)
{
    switch (s) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return SOURCE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return SOURCE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE: return SOURCE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE: return SOURCE_FOLDED;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE: return SOURCE_PLAIN;
    }
    return SOURCE_PLAIN;
}

/* YAML's null: an empty plain scalar, ~, null. */
static int yaml_is_null(const yaml_value *v)
{
    if (!v->set)
        return 1;
    if (v->style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    return v->len == 0 || strcmp(v->value, "~") == 0 || strcmp(v->value, "null") == 0 ||
           strcmp(v->value, "Null") == 0 || strcmp(v->value, "NULL") == 0;
}

/* The keys of a dataset export that lint reads, from the top-level
 * mapping of the first document.  Returns -1 (error printed) if the file
 * is not YAML, 0 otherwise. */
enum { K_TABLE, K_SQL, K_SCHEMA, K_CATALOG, K_SLICE, K_COUNT };
static const char *const dataset_keys[K_COUNT] = {"table_name", "sql", "schema", "catalog",
                                                  "slice_name"};

static int read_dataset_yaml(lint_walk *w, const char *name, const char *text, size_t len,
                             yaml_value *out)
{
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int depth = 0, rc = 0, top_mapping = 0, want = -1, expect_key = 1, documents = 0;
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            /* The reader reports a byte offset, the scanner and parser a
             * mark. */
            unsigned line = (unsigned)p.problem_mark.line + 1;
            unsigned col = (unsigned)p.problem_mark.column + 1;
            if (p.error == YAML_READER_ERROR)
                text_line_column(text, len, p.problem_offset, &line, &col);
            char msg[512];
            snprintf(msg, sizeof msg, "%u:%u: error: not valid YAML: %s%s%s", line, col,
                     p.problem ? p.problem : "invalid YAML", p.context ? " " : "",
                     p.context ? p.context : "");
            fail_at(w, name, msg);
            rc = -1;
            break;
        }
        if (e.type == YAML_DOCUMENT_START_EVENT && ++documents > 1) {
            note(w, SKIP_ALWAYS_SHOWN, name, "its second and later YAML documents: a dataset export has one");
            yaml_event_delete(&e);
            break;
        }
        if ((e.type == YAML_MAPPING_START_EVENT || e.type == YAML_SEQUENCE_START_EVENT) &&
            depth >= MAX_YAML_DEPTH) {
            char msg[200];
            snprintf(msg, sizeof msg, "%zu:%zu: error: YAML nested deeper than %d levels",
                     e.start_mark.line + 1, e.start_mark.column + 1, MAX_YAML_DEPTH);
            fail_at(w, name, msg);
            yaml_event_delete(&e);
            rc = -1;
            break;
        }
        int done = e.type == YAML_STREAM_END_EVENT;
        switch (e.type) {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (depth == 0 && e.type == YAML_MAPPING_START_EVENT)
                top_mapping = 1;
            else if (depth == 1)
                expect_key = 0;     /* a collection as a value: skipped */
            depth++;
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            depth--;
            if (depth == 1) {
                expect_key = 1;
                want = -1;
            }
            break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
            if (depth != 1 || !top_mapping)
                break;
            if (expect_key) {
                want = -1;
                if (e.type == YAML_SCALAR_EVENT)
                    for (int k = 0; k < K_COUNT; k++)
                        if (strcmp((const char *)e.data.scalar.value, dataset_keys[k]) == 0)
                            want = k;
                expect_key = 0;
            } else {
                if (want >= 0 && e.type == YAML_SCALAR_EVENT && !out[want].set) {
                    yaml_value *v = &out[want];
                    v->value = xstrndup((const char *)e.data.scalar.value, e.data.scalar.length);
                    v->len = e.data.scalar.length;
                    v->start = source_byte_offset(text, len, e.start_mark.index);
                    v->end = source_byte_offset(text, len, e.end_mark.index);
                    v->style = e.data.scalar.style;
                    v->set = 1;
                }
                want = -1;
                expect_key = 1;
            }
            break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            break;
        }
        yaml_event_delete(&e);
        if (done)
            break;
    }
    yaml_parser_delete(&p);
    return rc;
}

static void walk_yaml(lint_walk *w, const char *name, const char *text, size_t len)
{
    yaml_value v[K_COUNT] = {{0}};
    if (read_dataset_yaml(w, name, text, len, v) == 0) {
        const char *catalog = yaml_is_null(&v[K_CATALOG]) ? NULL : v[K_CATALOG].value;
        const char *schema = yaml_is_null(&v[K_SCHEMA]) ? NULL : v[K_SCHEMA].value;
        if (yaml_is_null(&v[K_TABLE])) {
            if (v[K_SLICE].set && !yaml_is_null(&v[K_SLICE]) && w->chart)
                w->chart(w->ctx, name, v[K_SLICE].value);
            note(w, v[K_SLICE].set ? SKIP_CHART : SKIP_NO_SQL, name, v[K_SLICE].set ? "a chart: Superset builds its SQL when it runs; lint "
                          "the chart data API's answer (result_type query) instead"
                          : "no SQL: not a Superset dataset export (no table_name)");
        } else if (!yaml_is_null(&v[K_SQL]) && v[K_SQL].len > 0) {
            yaml_value *sql = &v[K_SQL];
            size_t *map = source_map_scalar(text, sql->end, sql->start, style_of(sql->style),
                                            sql->value, sql->len);
            lint_source src = {name, text, len, sql->value, sql->len, map, sql->start,
                               catalog, schema};
            w->checked++;
            w->found(w->ctx, &src);
            free(map);
        } else if (w->physical_datasets) {
            /* What a chart on the dataset with no filter reads. */
            sbuf q = SBUF_INIT;
            sbuf_puts(&q, "SELECT * FROM `");
            for (const char *c = v[K_TABLE].value; *c; c++) {
                if (*c == '`')
                    sbuf_putc(&q, '`');
                sbuf_putc(&q, *c);
            }
            sbuf_putc(&q, '`');
            lint_source src = {name, text, len, q.data, q.len, NULL, v[K_TABLE].start,
                               catalog, schema};
            w->checked++;
            w->found(w->ctx, &src);
            sbuf_free(&q);
        } else {
            char why[300];
            snprintf(why, sizeof why, "physical dataset '%.200s': no SQL; "
                     "--physical-datasets checks SELECT * FROM it", v[K_TABLE].value);
            note(w, SKIP_PHYSICAL, name, why);
        }
    }
    for (int k = 0; k < K_COUNT; k++)
        free(v[k].value);
}

/* ---- chart data API JSON ------------------------------------------- */

/* The byte range of the next JSON string literal at or after *i, quotes
 * included; 0 at the end. */
static int next_json_string(const char *text, size_t len, size_t *i, size_t *s, size_t *e)
{
    while (*i < len && text[*i] != '"')
        (*i)++;
    if (*i >= len)
        return 0;
    *s = (*i)++;
    while (*i < len && text[*i] != '"') {
        if (text[*i] == '\\')
            (*i)++;
        (*i)++;
    }
    if (*i >= len)
        return 0;
    *e = ++(*i);
    return 1;
}

/* Where the value of the n-th "query" key is: string literals are
 * scanned in order, and a key "query" followed by ':' and a string whose
 * decoding equals the expected SQL is taken.  Returns the map or NULL. */
static size_t *locate_query(const char *text, size_t len, size_t *from, const char *sql,
                            size_t sql_len, size_t *anchor)
{
    size_t i = *from, s, e;
    while (next_json_string(text, len, &i, &s, &e)) {
        if (e - s != 7 || memcmp(text + s, "\"query\"", 7) != 0)
            continue;
        size_t j = e;
        while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
            j++;
        if (j >= len || text[j] != ':')
            continue;
        i = j + 1;
        size_t vs, ve;
        size_t k = i;
        if (!next_json_string(text, len, &k, &vs, &ve))
            return NULL;
        size_t *map = source_map_scalar(text, ve, vs, SOURCE_JSON_STRING, sql, sql_len);
        if (map) {
            *from = ve;
            *anchor = vs;
            return map;
        }
    }
    return NULL;
}

static void walk_json(lint_walk *w, const char *name, const char *text, size_t len)
{
    json_error_t je;
    json_t *doc = json_loadb(text, len, JSON_ALLOW_NUL, &je);
    if (!doc) {
        char msg[400];
        snprintf(msg, sizeof msg, "%d:%d: error: not valid JSON: %s", je.line, je.column,
                 je.text);
        fail_at(w, name, msg);
        return;
    }
    json_t *result = json_object_get(doc, "result");
    size_t n = json_array_size(result), found = 0, from = 0;
    for (size_t k = 0; k < n; k++) {
        json_t *q = json_object_get(json_array_get(result, k), "query");
        if (!json_is_string(q))
            continue;
        size_t anchor = 0;
        size_t *map = locate_query(text, len, &from, json_string_value(q), json_string_length(q),
                                   &anchor);
        lint_source src = {name, text, len, json_string_value(q), json_string_length(q), map,
                           anchor, NULL, NULL};
        w->found(w->ctx, &src);
        free(map);
        found++;
    }
    if (found)
        w->checked++;
    else
        note(w, SKIP_NO_SQL, name, "not a chart data answer: no result[].query");
    json_decref(doc);
}

/* ---- files, folders, bundles --------------------------------------- */

static void walk_text(lint_walk *w, const char *name, input_kind kind, const char *text,
                      size_t len)
{
    switch (kind) {
    case IN_YAML: walk_yaml(w, name, text, len); break;
    case IN_JSON: walk_json(w, name, text, len); break;
    case IN_SQL:
    case IN_ZIP:
    case IN_OTHER: {
        lint_source src = {name, text, len, text, len, NULL, 0, NULL, NULL};
        w->checked++;
        w->found(w->ctx, &src);
        break;
    }
    }
}

static int cmp_members(const void *a, const void *b)
{
    return strcmp(((const zip_stat_t *)a)->name, ((const zip_stat_t *)b)->name);
}

static void walk_zip(lint_walk *w, const char *path)
{
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        char msg[300];
        snprintf(msg, sizeof msg, "cannot open ZIP: %s", zip_error_strerror(&ze));
        fail(w, path, msg);
        zip_error_fini(&ze);
        return;
    }
    zip_int64_t n = zip_get_num_entries(z, 0);
    zip_stat_t *st = xcalloc(n > 0 ? (size_t)n : 1, sizeof *st);
    size_t m = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        if (zip_stat_index(z, (zip_uint64_t)i, 0, &st[m]) == 0 && st[m].name &&
            (st[m].valid & ZIP_STAT_SIZE))
            m++;
    }
    xqsort(st, m, sizeof *st, cmp_members);  /* a stable order, whatever the writer did */
    for (size_t i = 0; i < m; i++) {
        const char *member = st[i].name;
        size_t ml = strlen(member);
        if (ml > 0 && member[ml - 1] == '/')
            continue;   /* a folder entry */
        sbuf nm = SBUF_INIT;
        sbuf_printf(&nm, "%s/%s", path, member);
        char *name = (char *)keep_text(w, sbuf_detach(&nm));
        input_kind kind = kind_of(member);
        if (kind == IN_OTHER || kind == IN_ZIP) {
            note(w, kind == IN_ZIP ? SKIP_NO_SQL : SKIP_OTHER, name,
                 kind == IN_ZIP ? "a ZIP inside a ZIP" : "not SQL, YAML or JSON");
            continue;
        }
        if (st[i].size > MAX_MEMBER_SIZE) {
            fail(w, name, "larger than 64 MiB");
            continue;
        }
        zip_file_t *f = zip_fopen_index(z, st[i].index, 0);
        char *text = xmalloc((size_t)st[i].size + 1);
        zip_int64_t got = f ? zip_fread(f, text, st[i].size) : -1;
        if (f)
            zip_fclose(f);
        if (got < 0 || (zip_uint64_t)got != st[i].size) {
            free(text);
            fail(w, name, f ? "cannot read member" : zip_strerror(z));
            continue;
        }
        text[got] = '\0';
        walk_text(w, name, kind, keep_text(w, text), (size_t)got);
    }
    free(st);
    zip_discard(z);
}

static void walk_file(lint_walk *w, const char *path, input_kind kind)
{
    if (kind == IN_ZIP) {
        walk_zip(w, path);
        return;
    }
    sbuf in = SBUF_INIT;
    if (cli_read_file(path, &in) < 0) {
        sbuf_free(&in);
        w->io_error = 1;
        return;
    }
    size_t len = in.len;
    const char *text = keep_text(w, sbuf_detach(&in));
    walk_text(w, strcmp(path, "-") == 0 ? "<stdin>" : path, kind, text, len);
}

/* Whether path is excluded (then listed under --verbose, or when
 * named on the command line). */
static int excluded(lint_walk *w, const char *path, int is_dir, int named)
{
    const char *why;
    if (!lint_ignore_match(&w->ignore, path, is_dir, &why))
        return 0;
    if (w->verbose || named)
        fprintf(stderr, "sluice lint: note: %s%s: skipped (excluded by %s)\n", path,
                is_dir ? "/" : "", why);
    return 1;
}

static void walk_dir(lint_walk *w, const char *path)
{
    size_t n;
    char **names = cli_list_dir(path, &n);
    if (!names) {
        fail(w, path, strerror(errno));
        return;
    }
    int pushed = lint_ignore_push(&w->ignore, path);
    if (pushed < 0) {
        sbuf f = SBUF_INIT;
        sbuf_printf(&f, "%s/.sluiceignore", path);
        fail(w, f.data, strerror(errno));
        sbuf_free(&f);
    }
    size_t pl = strlen(path);
    int slash = pl > 0 && path[pl - 1] == '/';
    for (size_t i = 0; i < n; i++) {
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, slash ? "%s%s" : "%s/%s", path, names[i]);
        struct stat cs;
        if (stat(p.data, &cs) != 0) {
            fail(w, p.data, strerror(errno));
        } else if (excluded(w, p.data, S_ISDIR(cs.st_mode), 0)) {
            /* not read */
        } else if (S_ISDIR(cs.st_mode)) {
            walk_dir(w, p.data);
        } else if (kind_of(names[i]) == IN_OTHER) {
            note(w, SKIP_OTHER, p.data, "not SQL, YAML, JSON or ZIP");
        } else {
            walk_file(w, p.data, kind_of(names[i]));
        }
        sbuf_free(&p);
    }
    if (pushed > 0)
        lint_ignore_pop(&w->ignore);
    cli_free_names(names, n);
}

static void ignore_ready(lint_walk *w)
{
    if (w->ignore_ready)
        return;
    lint_ignore_init(&w->ignore);
    w->ignore_ready = 1;
}

int lint_walk_exclude(lint_walk *w, const char *glob)
{
    ignore_ready(w);
    return lint_ignore_add_exclude(&w->ignore, glob);
}

void lint_walk_path(lint_walk *w, const char *path)
{
    if (w->ignore_ready < 2) {
        ignore_ready(w);
        w->ignore_ready = 2;
        if (lint_ignore_load_cwd(&w->ignore) < 0)
            fail(w, ".sluiceignore", strerror(errno));
    }
    struct stat st;
    if (strcmp(path, "-") == 0) {
        walk_file(w, path, IN_SQL);
        return;
    }
    if (stat(path, &st) != 0) {
        fail(w, path, strerror(errno));
        return;
    }
    lint_ignore_begin(&w->ignore, path);
    if (excluded(w, path, S_ISDIR(st.st_mode), 1)) {
        /* named, but excluded: never read */
    } else if (S_ISDIR(st.st_mode)) {
        walk_dir(w, path);
    } else {
        /* A file named on the command line is SQL unless its name says
         * otherwise. */
        input_kind k = kind_of(path);
        w->named_file = k != IN_ZIP;
        walk_file(w, path, k == IN_OTHER ? IN_SQL : k);
        w->named_file = 0;
    }
    lint_ignore_end(&w->ignore);
}

/* Each kind of skipped file as the summary names it: alone ("N skipped:
 * ...") and counted among others ("N skipped (n ...; m ...)"), for one
 * file and for several. */
static const struct {
    const char *alone[2], *among[2];
} skip_names[SKIP_ALWAYS_SHOWN] = {
    [SKIP_OTHER] = {{"not SQL, YAML, JSON or ZIP", "not SQL, YAML, JSON or ZIP"},
                    {"not SQL, YAML, JSON or ZIP", "not SQL, YAML, JSON or ZIP"}},
    [SKIP_NO_SQL] = {{"no SQL in it", "no SQL in them"}, {"with no SQL", "with no SQL"}},
    [SKIP_CHART] = {{"a chart, whose SQL Superset builds when it runs",
                     "charts, whose SQL Superset builds when they run"},
                    {"chart, whose SQL Superset builds when it runs",
                     "charts, whose SQL Superset builds when they run"}},
    [SKIP_PHYSICAL] = {{"a physical dataset, which --physical-datasets checks",
                        "physical datasets, which --physical-datasets checks"},
                       {"physical dataset, which --physical-datasets checks",
                        "physical datasets, which --physical-datasets checks"}},
};

static void count(sbuf *b, size_t n, const char *one, const char *many)
{
    sbuf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

void lint_walk_summary(const lint_walk *w, size_t errors, size_t warnings, size_t infos)
{
    sbuf b = SBUF_INIT;
    count(&b, w->checked, "file checked", "files checked");
    size_t skipped = 0, kinds = 0, last = 0;
    for (size_t k = 0; k < SKIP_ALWAYS_SHOWN; k++)
        if (w->skipped[k]) {
            skipped += w->skipped[k];
            kinds++;
            last = k;
        }
    if (kinds == 1) {
        sbuf_printf(&b, ", %zu skipped: %s", skipped, skip_names[last].alone[skipped > 1]);
    } else if (kinds > 1) {
        sbuf_printf(&b, ", %zu skipped (", skipped);
        const char *sep = "";
        for (size_t k = 0; k < SKIP_ALWAYS_SHOWN; k++)
            if (w->skipped[k]) {
                sbuf_puts(&b, sep);
                count(&b, w->skipped[k], skip_names[k].among[0], skip_names[k].among[1]);
                sep = "; ";
            }
        sbuf_putc(&b, ')');
    }
    size_t findings = errors + warnings + infos;
    if (findings == 0) {
        sbuf_puts(&b, "; no findings");
    } else {
        sbuf_puts(&b, "; ");
        count(&b, findings, "finding: ", "findings: ");
        count(&b, errors, "error", "errors");
        sbuf_puts(&b, ", ");
        count(&b, warnings, "warning", "warnings");
        sbuf_printf(&b, ", %zu info", infos);
    }
    fprintf(stderr, "sluice lint: %s\n", b.data);
    sbuf_free(&b);
}

void lint_walk_free(lint_walk *w)
{
    if (w->ignore_ready)
        lint_ignore_free(&w->ignore);
    w->ignore_ready = 0;
    for (size_t i = 0; i < w->ntexts; i++)
        free(w->texts[i]);
    free(w->texts);
    w->texts = NULL;
    w->ntexts = 0;
}
