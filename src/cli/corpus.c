/*
 * corpus.c - `sluice corpus [--bless] [--rules FILE] [DIR]`.
 *
 * A case is DIR/.../NAME.sql; its expected result is NAME.expected next
 * to it.  A directory may hold rules.json, which applies to the cases in
 * it (and below it, unless overridden); without one the empty rule set
 * applies.  It may also hold corpus.json, {"expected": "lineage"} or
 * {"expected": "enforce"} (the default), which says what its cases'
 * expected files hold, for it and below it unless overridden: what the
 * rules do (cli_render_case) or each statement's lineage
 * (cli_lineage_lines).  corpus.json may also give "time_zone", the
 * session time zone its cases' requests carry (sl_request.time_zone),
 * for it and below it unless overridden.  Mismatches are shown as
 * unified diffs; --bless rewrites the expected files instead.
 *
 * A case whose first line is
 *     -- request: {"user": "alice", "groups": ["eu_sales"]}
 * is run with that request context (the keys of --context: catalog,
 * schema, user, groups, now, time_zone, fresh_through); the line stays part of the SQL,
 * a comment.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* The time zone the cases of the directory being run carry (corpus.json;
 * NULL: none).  One run at a time: the command is single-threaded. */
static const char *case_time_zone;

/* ---- the expected-result text ---------------------------------------- */

static void render_diags(const sl_result *res, sbuf *out)
{
    size_t n = sl_result_diagnostic_count(res);
    if (n == 0) {
        sbuf_puts(out, "diagnostics: none\n");
        return;
    }
    sbuf_puts(out, "diagnostics:\n");
    for (size_t i = 0; i < n; i++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, i);
        sbuf_printf(out, "  %u:%u: %s [", d->line, d->column, sl_severity_name(d->severity));
        cli_diagnostic_tag(d, out);
        sbuf_puts(out, "]: ");
        cli_diagnostic_message(d, out);
        sbuf_puts(out, "\n");
    }
}

/* Run a case and render its expected-result text.  Returns 0, or -1
 * when the case breaks an invariant that no expected file may bless: a
 * rewrite whose output, run again, is not passed unchanged (rewriting a
 * rewritten query must change nothing). */
int cli_render_case(const sl_engine *eng, json_t *context, const char *sql, size_t len,
                    sbuf *out)
{
    int rc = 0;
    sl_request req = SL_REQUEST_INIT;
    const char **groups = context ? cli_apply_context(context, &req) : NULL;
    req.sql = sql;
    req.sql_len = len;
    if (!req.now)
        req.now = "2026-11-24 12:00:00";
    if (!req.time_zone)
        req.time_zone = case_time_zone;
    req.mode = SL_MODE_ENFORCE;
    req.explain = 1;        /* a case shows why a rewrite was not made */
    sl_result *res = sl_process(eng, &req);
    sbuf_printf(out, "action: %s\n", sl_action_name(sl_result_action(res)));
    render_diags(res, out);
    size_t olen;
    const char *o = sl_result_sql(res, &olen);
    if (!o)
        sbuf_puts(out, "output: none\n");
    else if (olen == len && memcmp(o, sql, len) == 0)
        sbuf_puts(out, "output: unchanged\n");
    else {
        sbuf_puts(out, "output:\n");
        sbuf_putn(out, o, olen);
        sbuf_puts(out, "\n");
    }
    /* The scan estimate, where the rules have a budget. */
    if (sl_result_scan_bytes(res) >= 0)
        sbuf_printf(out, "scan estimate: %lld bytes\n", sl_result_scan_bytes(res));
    /* Explaining must not change what is decided. */
    sl_request plain = req;
    plain.explain = 0;
    sl_result *res0 = sl_process(eng, &plain);
    size_t len0;
    const char *o0 = sl_result_sql(res0, &len0);
    if (sl_result_action(res0) != sl_result_action(res) || (o0 == NULL) != (o == NULL) ||
        (o && (len0 != olen || memcmp(o0, o, olen) != 0))) {
        sbuf_printf(out, "EXPLAIN CHANGES THE RESULT: without it the action is %s\n",
                    sl_action_name(sl_result_action(res0)));
        rc = -1;
    }
    sl_result_free(res0);
    if (sl_result_action(res) == SL_ACTION_REWRITE) {
        sl_request again = req;
        again.sql = o;
        again.sql_len = olen;
        sl_result *res2 = sl_process(eng, &again);
        if (sl_result_action(res2) != SL_ACTION_PASS) {
            sbuf_printf(out, "NOT IDEMPOTENT: the rewritten query, run again, gives %s\n",
                        sl_action_name(sl_result_action(res2)));
            rc = -1;
        }
        sl_result_free(res2);
    }
    sl_result_free(res);

    req.mode = SL_MODE_FORMAT;
    res = sl_process(eng, &req);
    if (sl_result_action(res) == SL_ACTION_REJECT) {
        sbuf_puts(out, "formatted: error\n");
        render_diags(res, out);
    } else {
        o = sl_result_sql(res, &olen);
        sbuf_puts(out, "formatted:\n");
        sbuf_putn(out, o, olen);
        sbuf_puts(out, "\n");
    }
    sl_result_free(res);
    free(groups);
    return rc;
}

/* The lineage lines of a case (`sluice lineage` with "now" fixed as
 * above).  Returns 0, or -1 when asking for lineage changed what the
 * rules decide: lineage only describes. */
static int render_lineage_case(const sl_engine *eng, json_t *context, const char *sql,
                               size_t len, sbuf *out)
{
    sl_request req = SL_REQUEST_INIT;
    const char **groups = context ? cli_apply_context(context, &req) : NULL;
    req.sql = sql;
    req.sql_len = len;
    if (!req.now)
        req.now = "2026-11-24 12:00:00";
    if (!req.time_zone)
        req.time_zone = case_time_zone;
    size_t unreadable;
    sl_result *with = cli_lineage_lines(eng, &req, out, &unreadable);
    sl_result *without = sl_process(eng, &req);
    size_t l1, l2;
    const char *o1 = sl_result_sql(with, &l1), *o2 = sl_result_sql(without, &l2);
    int rc = 0;
    if (sl_result_action(with) != sl_result_action(without) || (o1 == NULL) != (o2 == NULL) ||
        (o1 && (l1 != l2 || memcmp(o1, o2, l1) != 0)) ||
        sl_result_diagnostic_count(with) != sl_result_diagnostic_count(without)) {
        sbuf_printf(out, "LINEAGE CHANGES THE RESULT: without it the action is %s\n",
                    sl_action_name(sl_result_action(without)));
        rc = -1;
    }
    sl_result_free(with);
    sl_result_free(without);
    free(groups);
    return rc;
}

/* ---- a small unified diff --------------------------------------------- */

typedef struct lines { const char **s; size_t *n; size_t count; } lines;

static void split_lines(const char *t, size_t len, lines *l)
{
    size_t cap = 16;
    l->s = malloc(cap * sizeof *l->s);
    l->n = malloc(cap * sizeof *l->n);
    l->count = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && t[j] != '\n')
            j++;
        if (l->count == cap) {
            cap *= 2;
            l->s = realloc(l->s, cap * sizeof *l->s);
            l->n = realloc(l->n, cap * sizeof *l->n);
        }
        l->s[l->count] = t + i;
        l->n[l->count] = j - i;
        l->count++;
        i = j + 1;
    }
}

static int line_eq(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->n[i] == b->n[j] && memcmp(a->s[i], b->s[j], a->n[i]) == 0;
}

/* Longest-common-subsequence diff; corpus files are small, so the
 * quadratic table is fine (and bounded below). */
static void print_diff(const char *name, const char *exp, size_t elen,
                       const char *act, size_t alen)
{
    lines a, b;
    split_lines(exp, elen, &a);
    split_lines(act, alen, &b);
    printf("--- %s (expected)\n+++ %s (actual)\n", name, name);
    size_t n = a.count, m = b.count;
    if ((n + 1) * (m + 1) > 4000000) {
        for (size_t i = 0; i < n; i++) printf("-%.*s\n", (int)a.n[i], a.s[i]);
        for (size_t j = 0; j < m; j++) printf("+%.*s\n", (int)b.n[j], b.s[j]);
    } else {
        unsigned *L = calloc((n + 1) * (m + 1), sizeof *L);
#define AT(i, j) L[(i) * (m + 1) + (j)]
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                AT(i, j) = line_eq(&a, i, &b, j) ? AT(i + 1, j + 1) + 1
                         : (AT(i + 1, j) > AT(i, j + 1) ? AT(i + 1, j) : AT(i, j + 1));
        size_t i = 0, j = 0;
        printf("@@ -1,%zu +1,%zu @@\n", n, m);
        while (i < n || j < m) {
            if (i < n && j < m && line_eq(&a, i, &b, j)) {
                printf(" %.*s\n", (int)a.n[i], a.s[i]);
                i++, j++;
            } else if (j < m && (i == n || AT(i, j + 1) >= AT(i + 1, j))) {
                printf("+%.*s\n", (int)b.n[j], b.s[j]);
                j++;
            } else {
                printf("-%.*s\n", (int)a.n[i], a.s[i]);
                i++;
            }
        }
#undef AT
        free(L);
    }
    free(a.s); free(a.n); free(b.s); free(b.n);
}

/* ---- walking the corpus ----------------------------------------------- */

/* What a directory's cases' expected files hold (corpus.json). */
typedef enum case_kind { CASE_ENFORCE, CASE_LINEAGE } case_kind;

typedef struct run {
    int bless;
    size_t passed, failed, blessed;
    int io_error;
} run;

static void run_case(run *r, const sl_engine *eng, case_kind kind, const char *path)
{
    sbuf in = SBUF_INIT, act = SBUF_INIT, exp = SBUF_INIT, epath = SBUF_INIT;
    sbuf_putn(&epath, path, strlen(path) - 4);
    sbuf_puts(&epath, ".expected");
    if (cli_read_file(path, &in) < 0) {
        r->io_error = 1;
        goto out;
    }
    json_t *context = NULL;
    static const char head[] = "-- request: ";
    if (in.len > sizeof head - 1 && memcmp(in.data, head, sizeof head - 1) == 0) {
        const char *nl = memchr(in.data, '\n', in.len);
        char *line = xstrndup(in.data + sizeof head - 1,
                              (size_t)((nl ? nl : in.data + in.len) - in.data) - (sizeof head - 1));
        int bad = cli_parse_context("corpus", line, &context) < 0;
        free(line);
        if (bad) {
            printf("FAIL %s: its request line is not a context object\n", path);
            r->failed++;
            goto out;
        }
    }
    int failed = kind == CASE_LINEAGE ? render_lineage_case(eng, context, in.data, in.len, &act) < 0
                                      : cli_render_case(eng, context, in.data, in.len, &act) < 0;
    json_decref(context);
    if (failed) {
        printf("FAIL %s: %s\n", path, kind == CASE_LINEAGE
               ? "asking for lineage changed the result"
               : "a rewrite is not idempotent, or explaining changed the result");
        fwrite(act.data, 1, act.len, stdout);
        r->failed++;
        goto out;
    }
    FILE *f = fopen(epath.data, "rb");
    if (f) {
        fclose(f);
        if (cli_read_file(epath.data, &exp) < 0) {
            r->io_error = 1;
            goto out;
        }
    }
    if (f && exp.len == act.len && memcmp(exp.data, act.data, act.len) == 0) {
        r->passed++;
    } else if (r->bless) {
        FILE *o = fopen(epath.data, "wb");
        if (!o || fwrite(act.data, 1, act.len, o) != act.len || fclose(o) != 0) {
            fprintf(stderr, "sluice corpus: %s: cannot write\n", epath.data);
            r->io_error = 1;
        } else {
            printf("blessed %s\n", epath.data);
            r->blessed++;
        }
    } else {
        if (!f)
            printf("FAIL %s: no expected file (run sluice corpus --bless)\n", path);
        else {
            printf("FAIL %s\n", path);
            print_diff(epath.data, exp.data ? exp.data : "", exp.len, act.data, act.len);
        }
        r->failed++;
    }
out:
    sbuf_free(&in); sbuf_free(&act); sbuf_free(&exp); sbuf_free(&epath);
}

/* Read dir/corpus.json into *kind, if there is one.  Returns 0, or -1
 * after printing what is wrong with it. */
static int read_corpus_json(const char *dir, case_kind *kind, char **time_zone)
{
    sbuf p = SBUF_INIT;
    sbuf_printf(&p, "%s/corpus.json", dir);
    struct stat st;
    int rc = 0;
    if (stat(p.data, &st) == 0) {
        json_error_t je;
        json_t *j = json_load_file(p.data, 0, &je);
        const char *key;
        json_t *v;
        const char *bad = !j || !json_is_object(j) ? "must be a JSON object" : NULL;
        if (!bad) {
            json_object_foreach(j, key, v) {
                if (strcmp(key, "time_zone") == 0) {
                    if (json_is_string(v) && json_string_length(v) > 0)
                        *time_zone = xstrdup(json_string_value(v));
                    else
                        bad = "\"time_zone\" must be a non-empty string";
                } else if (strcmp(key, "expected") != 0) {
                    bad = "unknown key (expected: \"expected\" or \"time_zone\")";
                } else if (json_is_string(v) && strcmp(json_string_value(v), "lineage") == 0) {
                    *kind = CASE_LINEAGE;
                } else if (json_is_string(v) && strcmp(json_string_value(v), "enforce") == 0) {
                    *kind = CASE_ENFORCE;
                } else {
                    bad = "\"expected\" must be \"enforce\" or \"lineage\"";
                }
            }
        }
        if (bad) {
            fprintf(stderr, "sluice corpus: %s: %s\n", p.data, j ? bad : je.text);
            rc = -1;
        }
        json_decref(j);
    }
    sbuf_free(&p);
    return rc;
}

static void run_dir(run *r, const char *dir, const sl_engine *inherited, case_kind kind)
{
    size_t n;
    char **names = cli_list_dir(dir, &n);
    if (!names) {
        fprintf(stderr, "sluice corpus: %s: %s\n", dir, strerror(errno));
        r->io_error = 1;
        return;
    }

    sl_engine *own = NULL;
    const sl_engine *eng = inherited;
    sbuf rp = SBUF_INIT;
    sbuf_printf(&rp, "%s/rules.json", dir);
    struct stat st;
    if (stat(rp.data, &st) == 0) {
        char *err = NULL;
        own = sl_engine_new_from_file(rp.data, &err);
        if (!own) {
            fprintf(stderr, "sluice corpus: %s\n", err);
            sl_free(err);
            r->io_error = 1;
        } else {
            eng = own;
        }
    }
    sbuf_free(&rp);
    char *time_zone = NULL;
    const char *outer_time_zone = case_time_zone;
    if (read_corpus_json(dir, &kind, &time_zone) < 0)
        r->io_error = 1;
    if (time_zone)
        case_time_zone = time_zone;
    for (size_t i = 0; i < n; i++) {
        sbuf p = SBUF_INIT;
        sbuf_printf(&p, "%s/%s", dir, names[i]);
        if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode))
            run_dir(r, p.data, eng, kind);
        else if (cli_is_sql_file(names[i]) && eng)
            run_case(r, eng, kind, p.data);
        sbuf_free(&p);
    }
    cli_free_names(names, n);
    sl_engine_free(own);
    case_time_zone = outer_time_zone;
    free(time_zone);
}

int cmd_corpus(int argc, char **argv)
{
    run r = {0};
    const char *dir = "corpus", *rules_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bless") == 0)
            r.bless = 1;
        else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "sluice corpus: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else
            dir = argv[i];
    }
    char *err = NULL;
    sl_engine *base = rules_path ? sl_engine_new_from_file(rules_path, &err)
                                 : sl_engine_new(NULL, 0, NULL, &err);
    if (!base) {
        fprintf(stderr, "sluice corpus: %s\n", err);
        sl_free(err);
        return EXIT_USAGE;
    }
    size_t dl = strlen(dir);
    char *d = xstrdup(dir);
    while (dl > 1 && d[dl - 1] == '/')
        d[--dl] = '\0';
    run_dir(&r, d, base, CASE_ENFORCE);
    free(d);
    sl_engine_free(base);
    printf("corpus: %zu passed, %zu failed", r.passed, r.failed);
    if (r.bless)
        printf(", %zu blessed", r.blessed);
    printf("\n");
    if (r.io_error)
        return EXIT_USAGE;
    return r.failed ? EXIT_FINDINGS : EXIT_OK;
}
