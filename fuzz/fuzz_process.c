/*
 * fuzz_process.c - libFuzzer target over sl_process().
 *
 * Every input runs through the example rules in every mode (enforce,
 * lint, format, format for PostgreSQL, parse, and enforce with explain),
 * handed over in a buffer of exactly its size; then through
 * fuzz/governance.json (row filters, scan budget, attribution, must-route,
 * declared columns) in enforce and lint, as a user with groups, a time
 * zone and attribution fields.  Whatever the input, the
 * answer must be a result (never a crash, a hang or a leak), a rejection
 * must carry a diagnostic inside the text, and a PASS must hand back the
 * input byte for byte.  Built by `make fuzz` (clang); seeded from corpus/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sluice.h"

static sl_engine *engine;
static sl_engine *governance;   /* fuzz/governance.json */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *path = getenv("SLUICE_FUZZ_RULES");
    char *err = NULL;
    engine = sl_engine_new_from_file(path ? path : "rules/example.json", &err);
    if (!engine)
        abort();
    path = getenv("SLUICE_FUZZ_GOVERNANCE_RULES");
    governance = sl_engine_new_from_file(path ? path : "fuzz/governance.json", &err);
    if (!governance)
        abort();
    return 0;
}

/* The answer's invariants: a rejection carries a diagnostic inside the
 * text; a PASS in enforce or lint mode is the input byte for byte. */
static void check_result(const sl_result *res, sl_mode mode, const uint8_t *data, size_t size)
{
    if (!res)
        abort();
    sl_action a = sl_result_action(res);
    if (a == SL_ACTION_REJECT) {
        const sl_diagnostic *d = sl_result_diagnostic(res, 0);
        if (!d || d->offset > size)
            abort();
    } else if (a == SL_ACTION_PASS && (mode == SL_MODE_ENFORCE || mode == SL_MODE_LINT)) {
        size_t len;
        const char *out = sl_result_sql(res, &len);
        if (len != size || memcmp(out, data, size) != 0)
            abort();
    }
}

/* One request over the input, at a fixed clock: its answer checked, then
 * freed.  req holds what the run varies (mode, explain, context). */
static void run(sl_engine *e, sl_request req, const uint8_t *data, size_t size)
{
    req.sql = (const char *)data;
    req.sql_len = size;
    req.now = "2026-11-24 12:00:00";
    sl_result *res = sl_process(e, &req);
    check_result(res, req.mode, data, size);
    sl_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct { sl_mode mode; int explain; } runs[] = {
        {SL_MODE_ENFORCE, 0}, {SL_MODE_LINT, 0}, {SL_MODE_FORMAT, 0},
        {SL_MODE_FORMAT_POSTGRES, 0}, {SL_MODE_PARSE, 0}, {SL_MODE_ENFORCE, 1}};
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        sl_request req = SL_REQUEST_INIT;
        req.mode = runs[i].mode;
        req.explain = runs[i].explain;
        run(engine, req, data, size);
    }
    static const char *const groups[] = {"eu_sales", "viewer"};
    static const sl_mode modes[] = {SL_MODE_ENFORCE, SL_MODE_LINT};
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
        sl_request req = SL_REQUEST_INIT;
        req.mode = modes[i];
        req.explain = 1;
        req.user = "fuzz";
        req.groups = groups;
        req.ngroups = 2;
        req.time_zone = "UTC";
        req.dashboard_id = "7";
        req.chart_id = "42";
        req.source = "fuzz";
        run(governance, req, data, size);
    }
    return 0;
}
