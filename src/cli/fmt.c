/*
 * fmt.c - `sluice fmt` and `sluice parse`: re-serialise a query, or
 * print its AST, through the same sl_process() entry point as every
 * other front end.
 */
#include <string.h>

#include "cli.h"

static int run_mode(const char *path, sl_mode mode, sl_layout layout)
{
    sbuf in = SBUF_INIT;
    if (cli_read_file(path, &in) < 0)
        return EXIT_USAGE;
    char *err = NULL;
    sl_engine *eng = sl_engine_new(NULL, 0, NULL, &err);
    sl_request req = SL_REQUEST_INIT;
    req.sql = sbuf_cstr(&in);
    req.sql_len = in.len;
    req.mode = mode;
    req.layout = layout;
    sl_result *res = sl_process(eng, &req);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    int rc = EXIT_OK;
    cli_print_diagnostics(stderr, name, in.data, in.len, res);
    if (sl_result_action(res) == SL_ACTION_REJECT) {
        rc = EXIT_FINDINGS;
    } else {
        size_t len;
        const char *sql = sl_result_sql(res, &len);
        fwrite(sql, 1, len, stdout);
        if (mode == SL_MODE_FORMAT || mode == SL_MODE_FORMAT_POSTGRES)
            fputs(";\n", stdout);
        else
            fputc('\n', stdout);
    }
    sl_result_free(res);
    sl_engine_free(eng);
    sbuf_free(&in);
    return rc;
}

int cmd_fmt(int argc, char **argv)
{
    const char *path = "-";
    sl_mode mode = SL_MODE_FORMAT;
    sl_layout layout = SL_LAYOUT_COMPACT;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--pretty") == 0) {
            layout = SL_LAYOUT_PRETTY;
        } else if (strcmp(argv[i], "--target") == 0 && i + 1 < argc) {
            const char *t = argv[++i];
            if (strcmp(t, "databricks") == 0)
                mode = SL_MODE_FORMAT;
            else if (strcmp(t, "postgres") == 0)
                mode = SL_MODE_FORMAT_POSTGRES;
            else {
                fprintf(stderr, "sluice fmt: unknown target '%s'\n", t);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice fmt: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else {
            path = argv[i];
        }
    }
    return run_mode(path, mode, layout);
}

int cmd_parse(int argc, char **argv)
{
    const char *path = "-";
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sluice parse: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        }
        path = argv[i];
    }
    return run_mode(path, SL_MODE_PARSE, SL_LAYOUT_COMPACT);
}
