/*
 * lint.c - `sluice lint` (offline check of .sql files and folders) and
 * `sluice rewrite` (the SQL to run for one request).
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct lint_opts {
    const sl_engine *eng;
    int json;
    const char *now;
    int explain;
    size_t errors, findings, files;
    int io_error;
} lint_opts;

static void lint_text(lint_opts *o, const char *name, const char *text, size_t len)
{
    sl_request req = SL_REQUEST_INIT;
    req.sql = text;
    req.sql_len = len;
    req.now = o->now;
    req.mode = SL_MODE_LINT;
    req.explain = o->explain;
    sl_result *res = sl_process(o->eng, &req);
    o->files++;
    size_t fixlen;
    const char *fix = sl_result_action(res) == SL_ACTION_REWRITE ? sl_result_sql(res, &fixlen) : NULL;
    for (size_t i = 0; i < sl_result_diagnostic_count(res); i++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, i);
        o->findings++;
        if (d->severity == SL_SEVERITY_ERROR)
            o->errors++;
        if (o->json) {
            json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:s,s:s,s:s}", "file", name,
                                  "statement", (json_int_t)d->statement, "line", (json_int_t)d->line,
                                  "column", (json_int_t)d->column, "rule", d->rule,
                                  "severity", sl_severity_name(d->severity), "message", d->message);
            if (fix)
                json_object_set_new(j, "fix", json_stringn(fix, fixlen));
            char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
            puts(s);
            free(s);
            json_decref(j);
        } else {
            cli_print_diagnostic(stdout, name, text, len, d);
        }
    }
    if (fix && !o->json)
        printf("%s: fix:\n  %.*s\n", name, (int)fixlen, fix);
    sl_result_free(res);
}

static void lint_path(lint_opts *o, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t n;
        char **names = cli_list_dir(path, &n);
        if (!names) {
            fprintf(stderr, "sluice lint: %s: %s\n", path, strerror(errno));
            o->io_error = 1;
            return;
        }
        for (size_t i = 0; i < n; i++) {
            sbuf p = SBUF_INIT;
            sbuf_printf(&p, "%s/%s", path, names[i]);
            struct stat cs;
            if (stat(p.data, &cs) == 0 && (S_ISDIR(cs.st_mode) || cli_is_sql_file(names[i])))
                lint_path(o, p.data);
            sbuf_free(&p);
        }
        cli_free_names(names, n);
        return;
    }
    sbuf in = SBUF_INIT;
    if (cli_read_file(path, &in) < 0) {
        o->io_error = 1;
        return;
    }
    lint_text(o, strcmp(path, "-") == 0 ? "<stdin>" : path, in.data, in.len);
    sbuf_free(&in);
}

static sl_engine *load_rules(const char *cmd, const char *path)
{
    char *err = NULL;
    sl_engine *e = path ? sl_engine_new_from_file(path, &err) : sl_engine_new(NULL, 0, NULL, &err);
    if (!e) {
        fprintf(stderr, "sluice %s: %s\n", cmd, err);
        sl_free(err);
    }
    return e;
}

int cmd_lint(int argc, char **argv)
{
    lint_opts o = {0};
    const char *rules_path = NULL;
    int npaths = 0;
    char **paths = calloc((size_t)argc, sizeof *paths);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc)
            o.now = argv[++i];
        else if (strcmp(argv[i], "--explain") == 0)
            o.explain = 1;
        else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            if (strcmp(f, "json") == 0)
                o.json = 1;
            else if (strcmp(f, "text") != 0) {
                fprintf(stderr, "sluice lint: unknown format '%s' (text or json)\n", f);
                free(paths);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice lint: unknown option '%s'\n", argv[i]);
            free(paths);
            return EXIT_USAGE;
        } else
            paths[npaths++] = argv[i];
    }
    if (npaths == 0) {
        fprintf(stderr, "usage: sluice lint [--rules FILE] [--format text|json] [--now DATE] [--explain] PATH...\n");
        free(paths);
        return EXIT_USAGE;
    }
    sl_engine *eng = load_rules("lint", rules_path);
    if (!eng) {
        free(paths);
        return EXIT_USAGE;
    }
    o.eng = eng;
    for (int i = 0; i < npaths; i++)
        lint_path(&o, paths[i]);
    if (!o.json)
        fprintf(stderr, "sluice lint: %zu file(s), %zu finding(s), %zu error(s)\n",
                o.files, o.findings, o.errors);
    sl_engine_free(eng);
    free(paths);
    if (o.io_error)
        return EXIT_USAGE;
    return o.errors ? EXIT_FINDINGS : EXIT_OK;
}

/* --context '{"catalog": ..., "schema": ..., "user": ..., "now": ...}' */
static int parse_context(const char *text, json_t **out)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    if (!j || !json_is_object(j)) {
        fprintf(stderr, "sluice rewrite: --context: line %d, column %d: %s\n", je.line,
                je.column, j ? "must be a JSON object" : je.text);
        json_decref(j);
        return -1;
    }
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) {
        if (strcmp(key, "catalog") && strcmp(key, "schema") && strcmp(key, "user") &&
            strcmp(key, "now")) {
            fprintf(stderr, "sluice rewrite: --context: unknown key '%s' "
                            "(expected catalog, schema, user, now)\n", key);
            json_decref(j);
            return -1;
        }
        if (!json_is_string(v)) {
            fprintf(stderr, "sluice rewrite: --context: key '%s' must be a string\n", key);
            json_decref(j);
            return -1;
        }
    }
    *out = j;
    return 0;
}

int cmd_rewrite(int argc, char **argv)
{
    const char *rules_path = NULL, *now = NULL, *path = "-";
    json_t *ctx = NULL;
    int explain = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc)
            now = argv[++i];
        else if (strcmp(argv[i], "--explain") == 0)
            explain = 1;
        else if (strcmp(argv[i], "--context") == 0 && i + 1 < argc) {
            json_decref(ctx);
            ctx = NULL;
            if (parse_context(argv[++i], &ctx) < 0)
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice rewrite: unknown option '%s'\n", argv[i]);
            json_decref(ctx);
            return EXIT_USAGE;
        } else
            path = argv[i];
    }
    if (!rules_path) {
        fprintf(stderr, "usage: sluice rewrite --rules FILE [--context JSON] [--now DATE] [--explain] [FILE|-]\n");
        json_decref(ctx);
        return EXIT_USAGE;
    }
    sl_engine *eng = load_rules("rewrite", rules_path);
    sbuf in = SBUF_INIT;
    if (!eng || cli_read_file(path, &in) < 0) {
        sl_engine_free(eng);
        json_decref(ctx);
        return EXIT_USAGE;
    }
    sl_request req = SL_REQUEST_INIT;
    req.sql = in.data;
    req.sql_len = in.len;
    req.catalog = json_string_value(json_object_get(ctx, "catalog"));
    req.schema = json_string_value(json_object_get(ctx, "schema"));
    req.user = json_string_value(json_object_get(ctx, "user"));
    req.now = now ? now : json_string_value(json_object_get(ctx, "now"));
    req.mode = SL_MODE_ENFORCE;
    req.explain = explain;
    sl_result *res = sl_process(eng, &req);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    cli_print_diagnostics(stderr, name, in.data, in.len, res);
    int rc = EXIT_OK;
    if (sl_result_action(res) == SL_ACTION_REJECT) {
        rc = EXIT_FINDINGS;
    } else {
        size_t len;
        const char *sql = sl_result_sql(res, &len);
        /* Exactly the text to run: a pass-through is the input byte for
         * byte, with or without a final newline. */
        fwrite(sql, 1, len, stdout);
    }
    sl_result_free(res);
    sl_engine_free(eng);
    sbuf_free(&in);
    json_decref(ctx);
    return rc;
}
