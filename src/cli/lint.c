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

typedef enum lint_format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB } lint_format;

/* One finding: every output format prints this same list. */
typedef struct finding {
    char *file;
    const char *text;           /* the file's text (owned by the file list) */
    size_t len;
    sl_diagnostic d;            /* rule and message point into strings below */
    char *rule, *message;
    char *fix;                  /* the rewritten SQL when a rule would rewrite */
} finding;

typedef struct lint_opts {
    const sl_engine *eng;
    lint_format format;
    const char *now;
    int explain;
    size_t errors, warnings, notes, files;
    int io_error;
    finding *f;
    size_t nf;
    char **texts;               /* the files' contents, kept for the text format */
    size_t ntexts;
} lint_opts;

static void lint_text(lint_opts *o, const char *name, char *text, size_t len)
{
    sl_request req = SL_REQUEST_INIT;
    req.sql = text;
    req.sql_len = len;
    req.now = o->now;
    req.mode = SL_MODE_LINT;
    req.explain = o->explain;
    sl_result *res = sl_process(o->eng, &req);
    o->files++;
    o->texts = xrealloc(o->texts, (o->ntexts + 1) * sizeof *o->texts);
    o->texts[o->ntexts++] = text;
    size_t fixlen;
    const char *fix = sl_result_action(res) == SL_ACTION_REWRITE ? sl_result_sql(res, &fixlen) : NULL;
    for (size_t i = 0; i < sl_result_diagnostic_count(res); i++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, i);
        o->f = xrealloc(o->f, (o->nf + 1) * sizeof *o->f);
        finding *f = &o->f[o->nf++];
        f->file = xstrdup(name);
        f->text = text;
        f->len = len;
        f->d = *d;
        f->rule = xstrdup(d->rule);
        f->message = xstrdup(d->message);
        f->d.rule = f->rule;
        f->d.message = f->message;
        f->fix = fix ? xstrndup(fix, fixlen) : NULL;
        if (d->severity == SL_SEVERITY_ERROR)
            o->errors++;
        else if (d->severity == SL_SEVERITY_WARNING)
            o->warnings++;
        else
            o->notes++;
    }
    sl_result_free(res);
}

/* ---- the formats ---------------------------------------------------- */

static void print_text(const lint_opts *o)
{
    const char *last_fix_file = NULL;
    for (size_t i = 0; i < o->nf; i++) {
        const finding *f = &o->f[i];
        cli_print_diagnostic(stdout, f->file, f->text, f->len, &f->d);
        int last_of_file = i + 1 == o->nf || strcmp(o->f[i + 1].file, f->file) != 0;
        if (f->fix && last_of_file && last_fix_file != f->file) {
            printf("%s: fix:\n  %s\n", f->file, f->fix);
            last_fix_file = f->file;
        }
    }
}

static void print_json(const lint_opts *o)
{
    for (size_t i = 0; i < o->nf; i++) {
        const finding *f = &o->f[i];
        json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:s,s:s,s:s}", "file", f->file,
                              "statement", (json_int_t)f->d.statement, "line", (json_int_t)f->d.line,
                              "column", (json_int_t)f->d.column, "rule", f->rule,
                              "severity", sl_severity_name(f->d.severity), "message", f->message);
        if (f->fix)
            json_object_set_new(j, "fix", json_string(f->fix));
        char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        puts(s);
        free(s);
        json_decref(j);
    }
}

static const char *sarif_level(sl_severity s)
{
    return s == SL_SEVERITY_ERROR ? "error" : s == SL_SEVERITY_WARNING ? "warning" : "note";
}

/* A file name as a relative URI: "./" dropped, characters outside the
 * unreserved set and '/' percent-encoded. */
static char *file_uri(const char *name)
{
    sbuf b = SBUF_INIT;
    if (strncmp(name, "./", 2) == 0)
        name += 2;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            sbuf_putc(&b, (char)*p);
        else
            sbuf_printf(&b, "%%%02X", *p);
    }
    return sbuf_detach(&b);
}

/* Line and column one past the end of text (for a whole-file replacement). */
static void text_end(const char *text, size_t len, unsigned *line, unsigned *col)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static void print_sarif(const lint_opts *o)
{
    json_t *rules = json_array();
    for (size_t i = 0; i < sl_rule_count(); i++) {
        /* Rewrites report at info level, refusals at error: the default
         * level is what a finding of the rule usually is. */
        const char *id = sl_rule_id(i);
        const char *level = strcmp(id, "aggregate-routing") == 0 ||
                            strcmp(id, "broadcast-hint") == 0 ? "note" : "error";
        json_array_append_new(rules, json_pack(
            "{s:s,s:{s:s},s:{s:s},s:{s:s},s:{s:s}}", "id", id,
            "shortDescription", "text", sl_rule_summary(i),
            "fullDescription", "text", sl_rule_summary(i),
            "help", "text", sl_rule_help(i),
            "defaultConfiguration", "level", level));
    }
    json_t *results = json_array();
    for (size_t i = 0; i < o->nf; i++) {
        const finding *f = &o->f[i];
        size_t index = 0;
        for (size_t k = 0; k < sl_rule_count(); k++)
            if (strcmp(sl_rule_id(k), f->rule) == 0)
                index = k;
        char *uri = file_uri(f->file);
        json_t *r = json_pack("{s:s,s:I,s:s,s:{s:s},s:[{s:{s:{s:s},s:{s:I,s:I}}}]}",
                              "ruleId", f->rule, "ruleIndex", (json_int_t)index,
                              "level", sarif_level(f->d.severity), "message", "text", f->message,
                              "locations", "physicalLocation", "artifactLocation", "uri", uri,
                              "region", "startLine", (json_int_t)f->d.line,
                              "startColumn", (json_int_t)f->d.column);
        if (f->fix) {
            unsigned el, ec;
            text_end(f->text, f->len, &el, &ec);
            json_object_set_new(r, "fixes", json_pack(
                "[{s:{s:s},s:[{s:{s:s},s:[{s:{s:i,s:i,s:I,s:I},s:{s:s}}]}]}]",
                "description", "text", "run the rewritten SQL instead",
                "artifactChanges", "artifactLocation", "uri", uri,
                "replacements", "deletedRegion", "startLine", 1, "startColumn", 1,
                "endLine", (json_int_t)el, "endColumn", (json_int_t)ec,
                "insertedContent", "text", f->fix));
        }
        free(uri);
        json_array_append_new(results, r);
    }
    json_t *log = json_pack("{s:s,s:s,s:[{s:{s:{s:s,s:s,s:s,s:s,s:o}},s:o,s:s}]}",
                            "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                            "version", "2.1.0", "runs", "tool", "driver", "name", "sluice",
                            "version", sl_version(), "semanticVersion", sl_version(),
                            "informationUri", "https://github.com/sluice-sql/sluice",
                            "rules", rules, "results", results,
                            "columnKind", "unicodeCodePoints");
    char *s = json_dumps(log, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    puts(s);
    free(s);
    json_decref(log);
}

/* GitHub workflow commands: % CR LF escaped in messages; in properties
 * also ':' and ','. */
static void github_escape(const char *s, int property, sbuf *out)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': sbuf_puts(out, "%25"); break;
        case '\r': sbuf_puts(out, "%0D"); break;
        case '\n': sbuf_puts(out, "%0A"); break;
        case ':': sbuf_puts(out, property ? "%3A" : ":"); break;
        case ',': sbuf_puts(out, property ? "%2C" : ","); break;
        default: sbuf_putc(out, *s); break;
        }
    }
}

static void print_github(const lint_opts *o)
{
    for (size_t i = 0; i < o->nf; i++) {
        const finding *f = &o->f[i];
        const char *cmd = f->d.severity == SL_SEVERITY_ERROR ? "error"
                        : f->d.severity == SL_SEVERITY_WARNING ? "warning" : "notice";
        sbuf line = SBUF_INIT, title = SBUF_INIT;
        sbuf_printf(&title, "sluice %s", f->rule);
        sbuf_printf(&line, "::%s file=", cmd);
        github_escape(f->file, 1, &line);
        sbuf_printf(&line, ",line=%u,col=%u,title=", f->d.line, f->d.column);
        github_escape(sbuf_cstr(&title), 1, &line);
        sbuf_puts(&line, "::");
        github_escape(f->message, 0, &line);
        puts(sbuf_cstr(&line));
        sbuf_free(&line);
        sbuf_free(&title);
    }
    /* GitHub shows only a few annotations per step: the counts, always. */
    printf("sluice lint: %zu file(s), %zu error(s), %zu warning(s), %zu notice(s)\n",
           o->files, o->errors, o->warnings, o->notes);
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
    size_t len = in.len;
    lint_text(o, strcmp(path, "-") == 0 ? "<stdin>" : path, sbuf_detach(&in), len);
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
                o.format = FMT_JSON;
            else if (strcmp(f, "sarif") == 0)
                o.format = FMT_SARIF;
            else if (strcmp(f, "github") == 0)
                o.format = FMT_GITHUB;
            else if (strcmp(f, "text") != 0) {
                fprintf(stderr, "sluice lint: unknown format '%s' (text, json, sarif or "
                        "github)\n", f);
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
        fprintf(stderr, "usage: sluice lint [--rules FILE] [--format text|json|sarif|github] [--now DATE] [--explain] PATH...\n");
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
    switch (o.format) {
    case FMT_TEXT:
        print_text(&o);
        fprintf(stderr, "sluice lint: %zu file(s), %zu finding(s), %zu error(s)\n",
                o.files, o.nf, o.errors);
        break;
    case FMT_JSON: print_json(&o); break;
    case FMT_SARIF: print_sarif(&o); break;
    case FMT_GITHUB: print_github(&o); break;
    }
    for (size_t i = 0; i < o.nf; i++) {
        free(o.f[i].file);
        free(o.f[i].rule);
        free(o.f[i].message);
        free(o.f[i].fix);
    }
    free(o.f);
    for (size_t i = 0; i < o.ntexts; i++)
        free(o.texts[i]);
    free(o.texts);
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
