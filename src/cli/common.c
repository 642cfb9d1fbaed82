/*
 * common.c - input reading and diagnostic rendering for the CLI.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cli_read_file(const char *path, sbuf *b)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "sluice: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int bad = sbuf_read_stream(b, f) < 0;
    if (f != stdin)
        fclose(f);
    if (bad) {
        fprintf(stderr, "sluice: %s: read error\n", path);
        return -1;
    }
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **cli_list_dir(const char *path, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    size_t cap = 32;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *de;
    *n = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap *= 2;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[(*n)++] = xstrdup(de->d_name);
    }
    closedir(d);
    xqsort(names, *n, sizeof *names, cmp_names);
    return names;
}

void cli_free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int cli_is_sql_file(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".sql") == 0;
}

void cli_diagnostic_tag(const sl_diagnostic *d, sbuf *out)
{
    sbuf_puts(out, d->rule);
    if (d->code)
        sbuf_printf(out, "/%s", d->code);
}

void cli_diagnostic_message(const sl_diagnostic *d, sbuf *out)
{
    sbuf_puts(out, d->message);
    if (d->rows_saved >= 0)
        sbuf_printf(out, " (estimated rows saved: %lld)", d->rows_saved);
}

void cli_print_diagnostic(FILE *out, const char *name, const char *text,
                          size_t len, const sl_diagnostic *d)
{
    sbuf tag = SBUF_INIT, msg = SBUF_INIT;
    cli_diagnostic_tag(d, &tag);
    cli_diagnostic_message(d, &msg);
    fprintf(out, "%s:%u:%u: %s: %s [%s]\n", name, d->line, d->column,
            sl_severity_name(d->severity), sbuf_cstr(&msg), sbuf_cstr(&tag));
    sbuf_free(&tag);
    sbuf_free(&msg);
    /* The source line, with tabs kept so the caret lines up. */
    size_t start = d->offset > len ? len : d->offset;
    while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r')
        start--;
    size_t end = start;
    while (end < len && text[end] != '\n' && text[end] != '\r')
        end++;      /* lines end at LF, CR LF or CR, as textpos.h counts them */
    if (end > start + 200)
        return;     /* very long line: the position says enough */
    fprintf(out, "  %.*s\n  ", (int)(end - start), text + start);
    for (size_t i = start; i < d->offset && i < end; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c & 0xC0) == 0x80)
            continue;
        fputc(c == '\t' ? '\t' : ' ', out);
    }
    fputs("^\n", out);
}

void cli_print_diagnostics(FILE *out, const char *name, const char *text,
                           size_t len, const sl_result *res)
{
    for (size_t i = 0; i < sl_result_diagnostic_count(res); i++)
        cli_print_diagnostic(out, name, text, len, sl_result_diagnostic(res, i));
}

int cli_parse_context(const char *cmd, const char *text, json_t **out)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    if (!j || !json_is_object(j)) {
        fprintf(stderr, "sluice %s: --context: line %d, column %d: %s\n", cmd, je.line,
                je.column, j ? "must be a JSON object" : je.text);
        json_decref(j);
        return -1;
    }
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) {
        if (strcmp(key, "catalog") && strcmp(key, "schema") && strcmp(key, "user") &&
            strcmp(key, "now") && strcmp(key, "groups") && strcmp(key, "dashboard_id") &&
            strcmp(key, "chart_id") && strcmp(key, "source") && strcmp(key, "time_zone") &&
            strcmp(key, "fresh_through")) {
            fprintf(stderr, "sluice %s: --context: unknown key '%s' (expected catalog, schema, "
                            "user, groups, now, dashboard_id, chart_id, source, time_zone, "
                            "fresh_through)\n", cmd, key);
            json_decref(j);
            return -1;
        }
        if (strcmp(key, "groups") == 0) {
            size_t i;
            json_t *g;
            int ok = json_is_array(v);
            json_array_foreach(v, i, g)
                ok &= json_is_string(g);
            if (!ok) {
                fprintf(stderr, "sluice %s: --context: key 'groups' must be an array of "
                                "strings\n", cmd);
                json_decref(j);
                return -1;
            }
            continue;
        }
        if (strcmp(key, "fresh_through") == 0) {
            /* {"catalog.schema.aggregate": "YYYY-MM-DD", ...} */
            const char *t;
            json_t *d;
            int ok = json_is_object(v);
            json_object_foreach(v, t, d)
                ok &= json_is_string(d);
            if (!ok) {
                fprintf(stderr, "sluice %s: --context: key 'fresh_through' must be an object "
                                "of aggregate tables and days (strings)\n", cmd);
                json_decref(j);
                return -1;
            }
            continue;
        }
        if (!json_is_string(v)) {
            fprintf(stderr, "sluice %s: --context: key '%s' must be a string\n", cmd, key);
            json_decref(j);
            return -1;
        }
    }
    *out = j;
    return 0;
}

const char **cli_apply_context(json_t *ctx, sl_request *req)
{
    req->catalog = json_string_value(json_object_get(ctx, "catalog"));
    req->schema = json_string_value(json_object_get(ctx, "schema"));
    req->user = json_string_value(json_object_get(ctx, "user"));
    req->now = json_string_value(json_object_get(ctx, "now"));
    req->dashboard_id = json_string_value(json_object_get(ctx, "dashboard_id"));
    req->chart_id = json_string_value(json_object_get(ctx, "chart_id"));
    req->source = json_string_value(json_object_get(ctx, "source"));
    req->time_zone = json_string_value(json_object_get(ctx, "time_zone"));
    json_t *g = json_object_get(ctx, "groups");
    json_t *f = json_object_get(ctx, "fresh_through");
    size_t n = json_array_size(g), nf = json_object_size(f);
    /* One allocation, the caller's to free: the groups, a NULL, then the
     * fresh_through pairs. */
    const char **groups = xcalloc(n + 1 + 2 * nf, sizeof *groups);
    for (size_t i = 0; i < n; i++)
        groups[i] = json_string_value(json_array_get(g, i));
    req->groups = groups;
    req->ngroups = n;
    const char **pairs = groups + n + 1, *t;
    json_t *d;
    size_t k = 0;
    json_object_foreach(f, t, d) {
        pairs[2 * k] = t;
        pairs[2 * k + 1] = json_string_value(d);
        k++;
    }
    req->fresh_through = nf ? pairs : NULL;
    req->nfresh_through = nf;
    return groups;
}

sl_engine *cli_load_rules(const char *cmd, const char *path)
{
    char *err = NULL;
    sl_engine *e = path ? sl_engine_new_from_file(path, &err) : sl_engine_new(NULL, 0, NULL, &err);
    if (!e) {
        fprintf(stderr, "sluice %s: %s\n", cmd, err);
        sl_free(err);
    }
    return e;
}
