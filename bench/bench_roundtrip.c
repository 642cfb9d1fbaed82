/*
 * bench_roundtrip.c - per-query latency of `sluice fmt` and `sluice
 * enforce` (sl_process in format and enforce mode) against bare
 * pg_query_parse on the same texts, in one run; and, with --rss-calls N,
 * the resident set after 10,000 and after N sl_process calls.
 *
 * usage: bench_roundtrip [--reps N] [--rss-calls N] --rules FILE PATH...
 *        (PATH: files or directories of .sql)
 *        bench_roundtrip [--reps N] --compare BASE.json OTHER.json PATH...
 * --compare times sl_process under two rules files on the same
 * statements, the runs of the two interleaved so that the machine's
 * noise falls on both alike, and prints the ratio OTHER / BASE.
 * Every statement is timed N times (default 30) for each pipeline, the
 * pipelines taking turns run by run; the per-query figure is the median
 * of its runs, and p50/p99 are taken over queries.  Baselines: pg_query_parse on the original text (what a
 * PostgreSQL-only tool would pay, though it rejects much Spark syntax)
 * and on the bridged text (the parse sluice actually runs).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "sbuf.h"
#include "sluice.h"

typedef struct { char **sql; size_t n, cap; } list;

static void add(list *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->sql = xrealloc(l->sql, l->cap * sizeof *l->sql);
    }
    l->sql[l->n++] = s;
}

static void load_file(list *l, const char *path)
{
    sbuf b = SBUF_INIT;
    if (sbuf_read_file(&b, path) < 0) {
        sbuf_free(&b);
        return;
    }
    dialect_source src;
    dialect_error err;
    if (dialect_lex(&src, sbuf_cstr(&b), b.len, &err) == 0) {
        dialect_stmt *st;
        size_t k = dialect_statements(&src, &st);
        for (size_t i = 0; i < k; i++) {
            /* keep only statements sluice handles end to end */
            parsed_stmt ps;
            if (parse_stmt(&src, &st[i], &ps, &err) == 0)
                add(l, xstrndup(b.data + st[i].start, st[i].end - st[i].start));
            parsed_stmt_free(&ps);
        }
        free(st);
        dialect_source_free(&src);
    }
    sbuf_free(&b);
}

static void load(list *l, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (n > 4 && strcmp(path + n - 4, ".sql") == 0)
            load_file(l, path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", path, de->d_name);
        load(l, p);
    }
    if (d)
        closedir(d);
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_d);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

/* A "Vm...:" figure of /proc/self/status (Linux), in KiB. */
static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = 0;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = atol(line + n + 1);
    if (f)
        fclose(f);
    return v;
}

static char *bridged_text(const char *sql)
{
    dialect_source src;
    dialect_error err;
    char *res = NULL;
    if (dialect_lex(&src, sql, strlen(sql), &err) < 0)
        return NULL;
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    dialect_bridged br;
    if (n > 0 && dialect_bridge(&src, &st[0], &br, &err) == 0) {
        res = xstrdup(br.pg.data);
        dialect_bridged_free(&br);
    }
    free(st);
    dialect_source_free(&src);
    return res;
}

static sl_engine *load_engine(const char *path)
{
    char *err = NULL;
    sl_engine *e = sl_engine_new_from_file(path, &err);
    if (!e) {
        fprintf(stderr, "%s\n", err);
        exit(2);
    }
    return e;
}

static int compare(sl_engine *a, sl_engine *b, const list *l, int reps,
                   const char *an, const char *bn)
{
    double *ta = xcalloc(l->n, sizeof(double)), *tb = xcalloc(l->n, sizeof(double));
    double *ra = xcalloc((size_t)reps, sizeof(double)), *rb = xcalloc((size_t)reps, sizeof(double));
    for (size_t q = 0; q < l->n; q++) {
        sl_request req = SL_REQUEST_INIT;
        req.sql = l->sql[q];
        req.sql_len = strlen(l->sql[q]);
        req.now = "2026-11-24 12:00:00";
        for (int r = 0; r < reps; r++) {
            double t0 = now_ns();
            sl_result_free(sl_process(a, &req));
            double t1 = now_ns();
            sl_result_free(sl_process(b, &req));
            ra[r] = t1 - t0;
            rb[r] = now_ns() - t1;
        }
        ta[q] = pct(ra, (size_t)reps, 0.5);
        tb[q] = pct(rb, (size_t)reps, 0.5);
    }
    double a50 = pct(ta, l->n, 0.5) / 1e3, a99 = pct(ta, l->n, 0.99) / 1e3;
    double b50 = pct(tb, l->n, 0.5) / 1e3, b99 = pct(tb, l->n, 0.99) / 1e3;
    printf("queries: %zu (median of %d interleaved runs each)\n", l->n, reps);
    printf("%-46s %10s %10s\n", "sl_process latency (us)", "p50", "p99");
    printf("%-46s %10.1f %10.1f\n", an, a50, a99);
    printf("%-46s %10.1f %10.1f\n", bn, b50, b99);
    printf("ratio %s / %s: p50 %.3f, p99 %.3f\n", bn, an, b50 / a50, b99 / a99);
    free(ta); free(tb); free(ra); free(rb);
    return 0;
}

int main(int argc, char **argv)
{
    int reps = 30;
    long rss_calls = 0;
    list l = {0};
    sl_engine *eng = NULL, *cmp_a = NULL, *cmp_b = NULL;
    const char *cmp_an = NULL, *cmp_bn = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--compare") == 0 && i + 2 < argc) {
            cmp_an = argv[++i];
            cmp_a = load_engine(cmp_an);
            cmp_bn = argv[++i];
            cmp_b = load_engine(cmp_bn);
        }
        else if (strcmp(argv[i], "--rss-calls") == 0 && i + 1 < argc)
            rss_calls = atol(argv[++i]);
        else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            char *err = NULL;
            eng = sl_engine_new_from_file(argv[++i], &err);
            if (!eng) {
                fprintf(stderr, "%s\n", err);
                return 2;
            }
        } else
            load(&l, argv[i]);
    }
    if (l.n == 0 || reps < 1) {
        fprintf(stderr, "usage: bench_roundtrip [--reps N] [--rules FILE | --compare A B] PATH...\n");
        return 2;
    }
    if (cmp_a) {
        int rc = compare(cmp_a, cmp_b, &l, reps, cmp_an, cmp_bn);
        sl_engine_free(cmp_a);
        sl_engine_free(cmp_b);
        for (size_t q = 0; q < l.n; q++)
            free(l.sql[q]);
        free(l.sql);
        return rc;
    }
    if (!eng) {
        fprintf(stderr, "bench_roundtrip: --rules FILE is required\n");
        return 2;
    }
    /* Per query, the median of reps runs of each pipeline; p50 and p99
     * over queries; ratios per query (to the bridged parse) too. */
    double *t_fmt = xcalloc(l.n, sizeof(double)), *t_pg = xcalloc(l.n, sizeof(double));
    double *t_pgb = xcalloc(l.n, sizeof(double)), *t_enf = xcalloc(l.n, sizeof(double));
    double *q_fmt = xcalloc(l.n, sizeof(double)), *q_enf = xcalloc(l.n, sizeof(double));
    double *runs_pg = xcalloc((size_t)reps, sizeof(double));
    double *runs_pgb = xcalloc((size_t)reps, sizeof(double));
    double *runs_fmt = xcalloc((size_t)reps, sizeof(double));
    double *runs_enf = xcalloc((size_t)reps, sizeof(double));
    size_t pg_ok = 0;
    for (size_t q = 0; q < l.n; q++) {
        const char *sql = l.sql[q];
        char *br = bridged_text(sql);
        sl_request fmt = SL_REQUEST_INIT, enf = SL_REQUEST_INIT;
        fmt.sql = enf.sql = sql;
        fmt.sql_len = enf.sql_len = strlen(sql);
        fmt.mode = SL_MODE_FORMAT;
        enf.now = "2026-11-24 12:00:00";
        /* The four pipelines take turns, run by run, so that the machine's
         * noise falls on all of them alike. */
        for (int r = 0; r < reps; r++) {
            double t0 = now_ns();
            PgQueryParseResult res = pg_query_parse(sql);
            runs_pg[r] = now_ns() - t0;
            if (r == 0 && !res.error)
                pg_ok++;
            pg_query_free_parse_result(res);
            t0 = now_ns();
            res = pg_query_parse(br ? br : sql);
            runs_pgb[r] = now_ns() - t0;
            pg_query_free_parse_result(res);
            t0 = now_ns();
            sl_result *out = sl_process(eng, &fmt);
            runs_fmt[r] = now_ns() - t0;
            sl_result_free(out);
            t0 = now_ns();
            out = sl_process(eng, &enf);
            runs_enf[r] = now_ns() - t0;
            sl_result_free(out);
        }
        t_pg[q] = pct(runs_pg, (size_t)reps, 0.5);
        t_pgb[q] = pct(runs_pgb, (size_t)reps, 0.5);
        t_fmt[q] = pct(runs_fmt, (size_t)reps, 0.5);
        t_enf[q] = pct(runs_enf, (size_t)reps, 0.5);
        q_fmt[q] = t_fmt[q] / t_pgb[q];
        q_enf[q] = t_enf[q] / t_pgb[q];
        free(br);
    }
    printf("queries: %zu (median of %d runs each); pg_query_parse accepts %zu of them as written\n",
           l.n, reps, pg_ok);
    printf("%-52s %10s %10s\n", "per-query latency (us)", "p50", "p99");
    double pg50 = pct(t_pg, l.n, 0.5) / 1e3, pg99 = pct(t_pg, l.n, 0.99) / 1e3;
    double pb50 = pct(t_pgb, l.n, 0.5) / 1e3, pb99 = pct(t_pgb, l.n, 0.99) / 1e3;
    double f50 = pct(t_fmt, l.n, 0.5) / 1e3, f99 = pct(t_fmt, l.n, 0.99) / 1e3;
    double e50 = pct(t_enf, l.n, 0.5) / 1e3, e99 = pct(t_enf, l.n, 0.99) / 1e3;
    printf("%-52s %10.1f %10.1f\n", "pg_query_parse, original text", pg50, pg99);
    printf("%-52s %10.1f %10.1f\n", "pg_query_parse, bridged text", pb50, pb99);
    printf("%-52s %10.1f %10.1f\n", "sluice fmt (sl_process: lex, bridge, parse, emit)", f50, f99);
    printf("%-52s %10.1f %10.1f\n", "sluice enforce (sl_process, example rules)", e50, e99);
    printf("ratio fmt / pg_query_parse(bridged):     p50 %.2f, p99 %.2f  (per query: p50 %.2f, p99 %.2f)\n",
           f50 / pb50, f99 / pb99, pct(q_fmt, l.n, 0.5), pct(q_fmt, l.n, 0.99));
    printf("ratio enforce / pg_query_parse(bridged): p50 %.2f, p99 %.2f  (per query: p50 %.2f, p99 %.2f)\n",
           e50 / pb50, e99 / pb99, pct(q_enf, l.n, 0.5), pct(q_enf, l.n, 0.99));
    printf("ratio fmt / pg_query_parse(original):    p50 %.2f, p99 %.2f\n", f50 / pg50, f99 / pg99);
    if (rss_calls > 0) {
        /* Memory: the corpus over and over through sl_process. */
        long rss_10k = 0;
        for (long c = 0; c < rss_calls; c++) {
            sl_request enf = SL_REQUEST_INIT;
            enf.sql = l.sql[(size_t)c % l.n];
            enf.sql_len = strlen(enf.sql);
            enf.now = "2026-11-24 12:00:00";
            sl_result_free(sl_process(eng, &enf));
            if (c + 1 == 10000)
                rss_10k = status_kib("VmRSS");
        }
        long rss_end = status_kib("VmRSS");
        printf("RSS after 10,000 sl_process calls:   %ld KiB\n", rss_10k);
        printf("RSS after %ld sl_process calls: %ld KiB (%+ld KiB)\n", rss_calls, rss_end,
               rss_end - rss_10k);
        printf("peak RSS: %ld KiB\n", status_kib("VmHWM"));
    }
    for (size_t q = 0; q < l.n; q++)
        free(l.sql[q]);
    free(l.sql);
    free(t_fmt); free(t_pg); free(t_pgb); free(t_enf); free(q_fmt); free(q_enf);
    free(runs_pg); free(runs_pgb); free(runs_fmt); free(runs_enf);
    sl_engine_free(eng);
    return 0;
}
