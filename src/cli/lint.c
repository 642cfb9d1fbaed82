/*
 * lint.c - `sluice lint` (offline check of .sql files and folders) and
 * `sluice rewrite` (the SQL to run for one request).
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "cli.h"
#include "lint.h"
#include "source_map.h"
#include "textpos.h"

typedef enum lint_format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB } lint_format;

/* One finding: every output format prints this same list. */
typedef struct finding {
    char *file;                 /* as the user would type it */
    const char *text;           /* the file's text (owned by the file list) */
    size_t len;
    sl_diagnostic d;            /* rule and message point into strings below */
    char *rule, *message;
    char *fix;                  /* the rewritten SQL when a rule would rewrite */
    char *lineage;              /* --lineage: its statement's lineage document */
    int lineage_only;           /* --lineage: no finding, a statement's lineage */
    long long scan_bytes;       /* the file's estimated bytes scanned, -1: none */
} finding;

typedef struct lint_opts {
    const sl_engine *eng;
    lint_format format;
    const char *now;
    int explain;
    int lineage;                /* --lineage (JSON only) */
    sl_severity threshold;      /* findings at or above it fail the run */
    size_t errors, warnings, notes, failing;
    finding *f;
    size_t nf;
    lint_walk walk;
} lint_opts;

/* Findings lint makes itself, about inputs it does not pass to the
 * engine; listed after the engine's rules in SARIF. */
static const struct lint_rule {
    const char *id, *summary, *help;
} lint_rules[] = {
    {"templated-sql", "The SQL holds Jinja templating and was not checked",
     "Superset renders Jinja ({{ ... }}, {% ... %}) before the query runs, and sluice checks "
     "the rendered SQL inline (the query mutator). Lint reads files as saved, so it cannot "
     "check this statement; check a rendered copy (SQL Lab's 'View query' or the chart data "
     "API with result_type=query) instead."},
};
#define N_LINT_RULES (sizeof lint_rules / sizeof *lint_rules)

static void add_finding(lint_opts *o, const lint_source *src, const sl_diagnostic *d,
                        const char *fix, size_t fixlen)
{
    o->f = xrealloc(o->f, (o->nf + 1) * sizeof *o->f);
    finding *f = &o->f[o->nf++];
    f->file = xstrdup(src->name);
    f->text = src->text;
    f->len = src->len;
    f->d = *d;
    f->rule = xstrdup(d->rule);
    f->message = xstrdup(d->message);
    f->d.rule = f->rule;
    f->d.message = f->message;
    if (src->sql != src->text) {
        /* Positions in the YAML or JSON file the SQL came from. */
        f->d.offset = lint_source_offset(src, d->offset);
        text_line_column(src->text, src->len, f->d.offset, &f->d.line, &f->d.column);
    }
    f->fix = fix ? xstrndup(fix, fixlen) : NULL;
    f->lineage = NULL;
    f->lineage_only = 0;
    f->scan_bytes = -1;
    if (d->severity == SL_SEVERITY_ERROR)
        o->errors++;
    else if (d->severity == SL_SEVERITY_WARNING)
        o->warnings++;
    else
        o->notes++;
    if (d->severity <= o->threshold)   /* ERROR is 0 */
        o->failing++;
}

/* --lineage: give the findings from index first on their statement's
 * lineage document, and add a record of its own for each statement of
 * res that has no finding. */
static void add_lineage(lint_opts *o, const lint_source *src, const sl_result *res, size_t first)
{
    size_t n = sl_result_statement_count(res);
    for (size_t i = first; i < o->nf; i++) {
        const char *doc = sl_result_lineage_json(res, o->f[i].d.statement, NULL);
        o->f[i].lineage = doc ? xstrdup(doc) : NULL;
    }
    for (size_t k = 0; k < n; k++) {
        size_t i;
        for (i = first; i < o->nf && o->f[i].d.statement != k; i++)
            ;
        if (i < o->nf || !sl_result_lineage_json(res, k, NULL))
            continue;
        o->f = xrealloc(o->f, (o->nf + 1) * sizeof *o->f);
        finding *f = &o->f[o->nf++];
        memset(f, 0, sizeof *f);
        f->file = xstrdup(src->name);
        f->d.statement = (unsigned)k;
        f->lineage = xstrdup(sl_result_lineage_json(res, k, NULL));
        f->lineage_only = 1;
    }
}

/* The first Jinja delimiter in sql, or NULL. */
static const char *find_template(const char *sql, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (sql[i] == '{' && (sql[i + 1] == '{' || sql[i + 1] == '%' || sql[i + 1] == '#'))
            return sql + i;
    return NULL;
}

static void lint_source_found(void *ctx, const lint_source *src)
{
    lint_opts *o = ctx;
    const char *tpl = find_template(src->sql, src->sql_len);
    if (tpl) {
        sl_diagnostic d = {sizeof d, lint_rules[0].id, SL_SEVERITY_INFO,
                           "not checked: the SQL holds Jinja templating, which Superset "
                           "renders before the query runs", 0, 0, (size_t)(tpl - src->sql), 0,
                           NULL, -1};
        text_line_column(src->sql, src->sql_len, d.offset, &d.line, &d.column);
        add_finding(o, src, &d, NULL, 0);
        return;
    }
    sl_request req = SL_REQUEST_INIT;
    req.sql = src->sql;
    req.sql_len = src->sql_len;
    req.now = o->now;
    req.catalog = src->catalog;
    req.schema = src->schema;
    req.mode = SL_MODE_LINT;
    req.explain = o->explain;
    req.lineage = o->lineage;
    sl_result *res = sl_process(o->eng, &req);
    size_t fixlen = 0;
    const char *fix = sl_result_action(res) == SL_ACTION_REWRITE ? sl_result_sql(res, &fixlen) : NULL;
    /* A fix replaces the whole file, so only for a file that is the SQL. */
    if (src->sql != src->text)
        fix = NULL;
    size_t first = o->nf;
    for (size_t i = 0; i < sl_result_diagnostic_count(res); i++) {
        add_finding(o, src, sl_result_diagnostic(res, i), fix, fixlen);
        o->f[o->nf - 1].scan_bytes = sl_result_scan_bytes(res);
    }
    if (o->lineage)
        add_lineage(o, src, res, first);
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
        json_t *lineage = f->lineage ? json_loads(f->lineage, 0, NULL) : NULL;
        if (f->lineage_only) {
            json_t *j = json_pack("{s:s,s:I,s:o}", "file", f->file,
                                  "statement", (json_int_t)f->d.statement, "lineage", lineage);
            char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
            puts(s);
            arena_json_free(s);
            json_decref(j);
            continue;
        }
        json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:s,s:s,s:s}", "file", f->file,
                              "statement", (json_int_t)f->d.statement, "line", (json_int_t)f->d.line,
                              "column", (json_int_t)f->d.column, "rule", f->rule,
                              "severity", sl_severity_name(f->d.severity), "message", f->message);
        /* The reason code and the estimate of rows saved, when the
         * diagnostic has them. */
        if (f->d.code)
            json_object_set_new(j, "code", json_string(f->d.code));
        if (f->d.rows_saved >= 0)
            json_object_set_new(j, "rows_saved", json_integer((json_int_t)f->d.rows_saved));
        if (f->fix)
            json_object_set_new(j, "fix", json_string(f->fix));
        if (f->scan_bytes >= 0)
            json_object_set_new(j, "scan_bytes", json_integer(f->scan_bytes));
        if (o->lineage)
            json_object_set_new(j, "lineage", lineage ? lineage : json_null());
        char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        puts(s);
        arena_json_free(s);
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

static void print_sarif(const lint_opts *o)
{
    json_t *rules = json_array();
    size_t nrules = sl_rule_count() + N_LINT_RULES;
    for (size_t i = 0; i < nrules; i++) {
        const char *id, *summary, *help, *level;
        if (i < sl_rule_count()) {
            id = sl_rule_id(i);
            summary = sl_rule_summary(i);
            help = sl_rule_help(i);
            /* What a finding of the rule usually is: rewrite
             * opportunities are notes, refusals errors. */
            level = strcmp(id, "aggregate-routing") == 0 ||
                    strcmp(id, "broadcast-hint") == 0 ? "note" : "error";
        } else {
            id = lint_rules[i - sl_rule_count()].id;
            summary = lint_rules[i - sl_rule_count()].summary;
            help = lint_rules[i - sl_rule_count()].help;
            level = "note";
        }
        json_array_append_new(rules, json_pack(
            "{s:s,s:{s:s},s:{s:s},s:{s:s},s:{s:s}}", "id", id,
            "shortDescription", "text", summary, "fullDescription", "text", summary,
            "help", "text", help, "defaultConfiguration", "level", level));
    }
    json_t *results = json_array();
    for (size_t i = 0; i < o->nf; i++) {
        const finding *f = &o->f[i];
        size_t index = 0;   /* the rule's entry in the driver's list above */
        for (size_t k = 0; k < nrules; k++)
            if (strcmp(json_string_value(json_object_get(json_array_get(rules, k), "id")),
                       f->rule) == 0)
                index = k;
        char *uri = file_uri(f->file);
        json_t *r = json_pack("{s:s,s:I,s:s,s:{s:s},s:[{s:{s:{s:s},s:{s:I,s:I}}}]}",
                              "ruleId", f->rule, "ruleIndex", (json_int_t)index,
                              "level", sarif_level(f->d.severity), "message", "text", f->message,
                              "locations", "physicalLocation", "artifactLocation", "uri", uri,
                              "region", "startLine", (json_int_t)f->d.line,
                              "startColumn", (json_int_t)f->d.column);
        /* The reason code and the estimate of rows saved, in the result's
         * property bag (SARIF 2.1.0, 3.8). */
        if (f->d.code || f->d.rows_saved >= 0) {
            json_t *props = json_object();
            if (f->d.code)
                json_object_set_new(props, "code", json_string(f->d.code));
            if (f->d.rows_saved >= 0)
                json_object_set_new(props, "rows_saved", json_integer((json_int_t)f->d.rows_saved));
            json_object_set_new(r, "properties", props);
        }
        if (f->fix) {
            unsigned el, ec;
            text_line_column(f->text, f->len, f->len, &el, &ec);
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
    arena_json_free(s);
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
        sbuf line = SBUF_INIT, title = SBUF_INIT, msg = SBUF_INIT;
        sbuf_puts(&title, "sluice ");
        cli_diagnostic_tag(&f->d, &title);
        cli_diagnostic_message(&f->d, &msg);
        sbuf_printf(&line, "::%s file=", cmd);
        github_escape(f->file, 1, &line);
        sbuf_printf(&line, ",line=%u,col=%u,title=", f->d.line, f->d.column);
        github_escape(sbuf_cstr(&title), 1, &line);
        sbuf_puts(&line, "::");
        github_escape(sbuf_cstr(&msg), 0, &line);
        puts(sbuf_cstr(&line));
        sbuf_free(&line);
        sbuf_free(&title);
        sbuf_free(&msg);
    }
    /* GitHub shows only a few annotations per step: the counts, always. */
    printf("sluice lint: %zu file(s), %zu error(s), %zu warning(s), %zu notice(s)\n",
           o->walk.checked, o->errors, o->warnings, o->notes);
}

static const char lint_usage[] =
    "usage: sluice lint [--rules FILE] [--format text|json|sarif|github]\n"
    "                   [--severity error|warning|info] [--physical-datasets]\n"
    "                   [--now DATE] [--explain] [--verbose] [--exclude GLOB]... [--lineage]\n"
    "                   PATH...\n";

int cmd_lint(int argc, char **argv)
{
    lint_opts o = {0};
    o.threshold = SL_SEVERITY_ERROR;
    o.walk.found = lint_source_found;
    o.walk.ctx = &o;
    const char *rules_path = NULL;
    int npaths = 0;
    char **paths = calloc((size_t)argc, sizeof *paths);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--rules") == 0 && i + 1 < argc) {
            rules_path = argv[++i];
        } else if (strcmp(a, "--now") == 0 && i + 1 < argc) {
            o.now = argv[++i];
        } else if (strcmp(a, "--explain") == 0) {
            o.explain = 1;
        } else if (strcmp(a, "--lineage") == 0) {
            o.lineage = 1;
        } else if (strcmp(a, "--verbose") == 0) {
            o.walk.verbose = 1;
        } else if (strcmp(a, "--exclude") == 0 && i + 1 < argc) {
            if (lint_walk_exclude(&o.walk, argv[++i]) < 0) {
                fprintf(stderr, "sluice lint: --exclude '%s' holds no pattern\n", argv[i]);
                lint_walk_free(&o.walk);
                free(paths);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--physical-datasets") == 0) {
            o.walk.physical_datasets = 1;
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            static const char *const names[] = {"text", "json", "sarif", "github"};
            size_t k = 0;
            while (k < 4 && strcmp(f, names[k]) != 0)
                k++;
            if (k == 4) {
                fprintf(stderr, "sluice lint: unknown format '%s' (text, json, sarif or "
                        "github)\n", f);
                lint_walk_free(&o.walk);
                free(paths);
                return EXIT_USAGE;
            }
            o.format = (lint_format)k;
        } else if (strcmp(a, "--severity") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "error") == 0)
                o.threshold = SL_SEVERITY_ERROR;
            else if (strcmp(v, "warning") == 0)
                o.threshold = SL_SEVERITY_WARNING;
            else if (strcmp(v, "info") == 0 || strcmp(v, "note") == 0)
                o.threshold = SL_SEVERITY_INFO;
            else {
                fprintf(stderr, "sluice lint: unknown severity '%s' (error, warning or info)\n",
                        v);
                lint_walk_free(&o.walk);
                free(paths);
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sluice lint: unknown option '%s'\n%s", a, lint_usage);
            lint_walk_free(&o.walk);
            free(paths);
            return EXIT_USAGE;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (o.lineage && o.format != FMT_JSON) {
        fprintf(stderr, "sluice lint: --lineage needs --format json\n");
        lint_walk_free(&o.walk);
        free(paths);
        return EXIT_USAGE;
    }
    if (npaths == 0) {
        fputs(lint_usage, stderr);
        lint_walk_free(&o.walk);
        free(paths);
        return EXIT_USAGE;
    }
    sl_engine *eng = cli_load_rules("lint", rules_path);
    if (!eng) {
        lint_walk_free(&o.walk);
        free(paths);
        return EXIT_USAGE;
    }
    o.eng = eng;
    for (int i = 0; i < npaths; i++)
        lint_walk_path(&o.walk, paths[i]);
    switch (o.format) {
    case FMT_TEXT: print_text(&o); break;
    case FMT_JSON: print_json(&o); break;
    case FMT_SARIF: print_sarif(&o); break;
    case FMT_GITHUB: print_github(&o); break;
    }
    lint_walk_summary(&o.walk, o.errors, o.warnings, o.notes);
    for (size_t i = 0; i < o.nf; i++) {
        free(o.f[i].file);
        free(o.f[i].rule);
        free(o.f[i].message);
        free(o.f[i].fix);
        free(o.f[i].lineage);
    }
    free(o.f);
    lint_walk_free(&o.walk);
    sl_engine_free(eng);
    free(paths);
    if (o.walk.io_error)
        return EXIT_USAGE;
    return o.failing ? EXIT_FINDINGS : EXIT_OK;
}

int cmd_rewrite(int argc, char **argv)
{
    const char *rules_path = NULL, *now = NULL, *path = "-";
    json_t *ctx = NULL;
    int explain = 0;
    sl_layout layout = SL_LAYOUT_COMPACT;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (strcmp(argv[i], "--layout") == 0 && i + 1 < argc) {
            const char *l = argv[++i];
            if (strcmp(l, "compact") == 0)
                layout = SL_LAYOUT_COMPACT;
            else if (strcmp(l, "keep") == 0)
                layout = SL_LAYOUT_KEEP;
            else if (strcmp(l, "pretty") == 0)
                layout = SL_LAYOUT_PRETTY;
            else {
                fprintf(stderr, "sluice rewrite: unknown layout '%s' (keep, compact or "
                        "pretty)\n", l);
                json_decref(ctx);
                return EXIT_USAGE;
            }
        }
        else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc)
            now = argv[++i];
        else if (strcmp(argv[i], "--explain") == 0)
            explain = 1;
        else if (strcmp(argv[i], "--context") == 0 && i + 1 < argc) {
            json_decref(ctx);
            ctx = NULL;
            if (cli_parse_context("rewrite", argv[++i], &ctx) < 0)
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice rewrite: unknown option '%s'\n", argv[i]);
            json_decref(ctx);
            return EXIT_USAGE;
        } else
            path = argv[i];
    }
    if (!rules_path) {
        fprintf(stderr, "usage: sluice rewrite --rules FILE [--context JSON] [--now DATE] [--explain]\n"
                "                      [--layout keep|compact|pretty] [FILE|-]\n");
        json_decref(ctx);
        return EXIT_USAGE;
    }
    sl_engine *eng = cli_load_rules("rewrite", rules_path);
    sbuf in = SBUF_INIT;
    if (!eng || cli_read_file(path, &in) < 0) {
        sl_engine_free(eng);
        json_decref(ctx);
        return EXIT_USAGE;
    }
    sl_request req = SL_REQUEST_INIT;
    req.sql = in.data;
    req.sql_len = in.len;
    const char **groups = cli_apply_context(ctx, &req);
    if (now)
        req.now = now;
    req.mode = SL_MODE_ENFORCE;
    req.explain = explain;
    req.layout = layout;
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
    free(groups);
    json_decref(ctx);
    return rc;
}
