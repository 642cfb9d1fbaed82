/*
 * lineage.c - `sluice lineage [--rules FILE] [--context JSON] [FILE|-]`:
 * one JSON object per statement and line, what sl_result_lineage_json()
 * gives (docs/lineage.md), or for a statement that cannot be read an
 * object naming the error and its position.  The corpus renders its
 * lineage cases with the same lines (cli_lineage_lines).
 */
#include <string.h>

#include "arena.h"
#include "cli.h"

/* The diagnostic that says why statement i has no lineage: its syntax
 * error (of any severity: "on_unparseable": "pass" makes it a warning),
 * else its first error (a request refused whole: too large, no
 * statement), else its first diagnostic, else NULL. */
static const sl_diagnostic *reason_of(const sl_result *res, size_t i)
{
    const sl_diagnostic *error = NULL, *any = NULL;
    for (size_t k = 0; k < sl_result_diagnostic_count(res); k++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, k);
        if (d->statement != i)
            continue;
        if (strcmp(d->rule, "syntax") == 0)
            return d;
        if (!error && d->severity == SL_SEVERITY_ERROR)
            error = d;
        if (!any)
            any = d;
    }
    return error ? error : any;
}

sl_result *cli_lineage_lines(const sl_engine *eng, const sl_request *req, sbuf *out,
                             size_t *unreadable)
{
    sl_request full = *req;
    full.mode = SL_MODE_ENFORCE;
    full.lineage = 1;
    sl_result *res = sl_process(eng, &full);
    /* A request the lexer refuses has no statements: its error is
     * statement 0's. */
    size_t n = sl_result_statement_count(res);
    *unreadable = 0;
    for (size_t i = 0; i < (n ? n : 1); i++) {
        size_t len;
        const char *doc = sl_result_lineage_json(res, i, &len);
        if (doc) {
            sbuf_putn(out, doc, len);
            sbuf_putc(out, '\n');
            continue;
        }
        (*unreadable)++;
        const sl_diagnostic *d = reason_of(res, i);
        json_t *e = d ? json_pack("{s:s,s:s,s:I,s:I}", "rule", d->rule, "message", d->message,
                                  "line", (json_int_t)d->line, "column", (json_int_t)d->column)
                      : json_pack("{s:s}", "message", "the statement could not be read");
        json_t *line = json_pack("{s:I,s:o}", "statement", (json_int_t)i, "error", e);
        char *s = json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER);
        sbuf_puts(out, s);
        sbuf_putc(out, '\n');
        arena_json_free(s);
        json_decref(line);
    }
    return res;
}

static const char lineage_usage[] =
    "usage: sluice lineage [--rules FILE] [--context JSON] [FILE|-]\n";

int cmd_lineage(int argc, char **argv)
{
    const char *rules_path = NULL, *path = "-";
    json_t *ctx = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            rules_path = argv[++i];
        } else if (strcmp(argv[i], "--context") == 0 && i + 1 < argc) {
            json_decref(ctx);
            ctx = NULL;
            if (cli_parse_context("lineage", argv[++i], &ctx) < 0)
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice lineage: unknown option '%s'\n%s", argv[i], lineage_usage);
            json_decref(ctx);
            return EXIT_USAGE;
        } else {
            path = argv[i];
        }
    }
    sl_engine *eng = cli_load_rules("lineage", rules_path);
    sbuf in = SBUF_INIT;
    if (!eng || cli_read_file(path, &in) < 0) {
        sl_engine_free(eng);
        sbuf_free(&in);
        json_decref(ctx);
        return EXIT_USAGE;
    }
    sl_request req = SL_REQUEST_INIT;
    req.sql = sbuf_cstr(&in);
    req.sql_len = in.len;
    const char **groups = cli_apply_context(ctx, &req);
    sbuf out = SBUF_INIT;
    size_t unreadable;
    sl_result *res = cli_lineage_lines(eng, &req, &out, &unreadable);
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    /* The errors, as every sub-command prints them: a statement that
     * could not be read, or that the rules reject (its tables_after is
     * null). */
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    for (size_t k = 0; k < sl_result_diagnostic_count(res); k++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, k);
        if (d->severity == SL_SEVERITY_ERROR ||
            !sl_result_lineage_json(res, d->statement, NULL))
            cli_print_diagnostic(stderr, name, in.data, in.len, d);
    }
    sl_result_free(res);
    sl_engine_free(eng);
    sbuf_free(&out);
    sbuf_free(&in);
    free(groups);
    json_decref(ctx);
    return unreadable ? EXIT_FINDINGS : EXIT_OK;
}
