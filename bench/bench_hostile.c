/*
 * bench_hostile.c - the cost of hostile input: for each shape of text an
 * attacker can send (a long OR chain, a long IN list, a long chain of
 * CTEs, many statements), generated at a given size (default 1 MiB),
 * the peak resident set and the time of bare pg_query_parse against
 * `sluice fmt` and `sluice enforce` (sl_process in format and enforce
 * mode) on the same text, printed as a table with the ratios.
 *
 * usage: bench_hostile [--bytes N] [--reps N] --rules FILE
 *
 * Every run is a child process of its own (fork), so one shape's memory
 * cannot hide another's: the peak is the child's ru_maxrss (wait4), the
 * time is measured inside the child around the one call.  A child that
 * does nothing gives the resident set every child starts with (the
 * program, the engine, the text), shown as "base".  Each pipeline runs
 * --reps times (default 3); the table shows the median time and the
 * largest peak.
 */
#define _DEFAULT_SOURCE
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sbuf.h"
#include "sluice.h"

/* The targets the table is checked against (see docs/limits.md). */
#define RSS_TARGET 2.0
#define TIME_TARGET 3.0

typedef void item_fn(sbuf *b, size_t i);

static void or_item(sbuf *b, size_t i)
{
    sbuf_puts(b, i ? " OR 1 = 1" : "1 = 1");
}

static void in_item(sbuf *b, size_t i)
{
    sbuf_printf(b, i ? ", %zu" : "%zu", i);
}

static void cte_item(sbuf *b, size_t i)
{
    sbuf_printf(b, ", c%zu AS (SELECT x FROM c%zu)", i + 1, i);
}

static void stmt_item(sbuf *b, size_t i)
{
    (void)i;
    sbuf_puts(b, "SELECT 1;\n");
}

/* A shape: head, items while the text stays within the size, tail (the
 * CTE chain's tail names its last CTE, %zu = the number of items). */
typedef struct shape {
    const char *name;
    const char *head;
    item_fn *item;
    const char *tail;
} shape;

static const shape shapes[] = {
    {"OR chain", "SELECT amount FROM transactions WHERE transaction_date >= DATE '2026-01-01' "
                 "AND (", or_item, ")"},
    {"IN list", "SELECT amount FROM transactions WHERE transaction_date >= DATE '2026-01-01' "
                "AND region IN (", in_item, ")"},
    {"CTE chain", "WITH c0 AS (SELECT 1 AS x)", cte_item, " SELECT x FROM c%zu"},
    {"statements", "", stmt_item, ""},
};

static char *generate(const shape *s, size_t bytes, size_t *nitems, size_t *len)
{
    sbuf b = SBUF_INIT, item = SBUF_INIT;
    sbuf_puts(&b, s->head);
    size_t tail_room = strlen(s->tail) + 24, i = 0;
    for (;; i++) {
        sbuf_truncate(&item, 0);
        s->item(&item, i);
        if (b.len + item.len + tail_room > bytes)
            break;
        sbuf_putn(&b, item.data, item.len);
    }
    sbuf_printf(&b, s->tail, i);
    sbuf_free(&item);
    *nitems = i;
    *len = b.len;
    return sbuf_detach(&b);
}

enum pipeline { P_IDLE, P_BARE, P_FMT, P_ENFORCE, P_COUNT };
static const char *const pipeline_name[] = {"idle", "bare pg_query_parse", "sluice fmt",
                                            "sluice enforce"};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The child's work: one call, timed.  Writes the seconds and a word
 * saying what came out to fd. */
static void child(int fd, enum pipeline p, const sl_engine *eng, const char *sql, size_t len)
{
    char out[64] = "-";
    double t0 = now_seconds();
    if (p == P_BARE) {
        PgQueryParseResult r = pg_query_parse(sql);
        snprintf(out, sizeof out, "%s", r.error ? "error" : "parsed");
        pg_query_free_parse_result(r);
    } else if (p == P_FMT || p == P_ENFORCE) {
        sl_request req = SL_REQUEST_INIT;
        req.sql = sql;
        req.sql_len = len;
        req.now = "2026-06-01";
        req.mode = p == P_FMT ? SL_MODE_FORMAT : SL_MODE_ENFORCE;
        sl_result *res = sl_process(eng, &req);
        snprintf(out, sizeof out, "%s", sl_action_name(sl_result_action(res)));
        sl_result_free(res);
    }
    double t = now_seconds() - t0;
    char line[128];
    int n = snprintf(line, sizeof line, "%.6f %s\n", t, out);
    if (write(fd, line, (size_t)n) != n)
        _exit(3);
    _exit(0);
}

typedef struct run {
    double seconds;
    long rss_kb;
    char outcome[64];
} run;

static int measure(enum pipeline p, const sl_engine *eng, const char *sql, size_t len, run *r)
{
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], p, eng, sql, len);
    }
    close(fds[1]);
    char line[128] = "";
    ssize_t got = read(fds[0], line, sizeof line - 1);
    close(fds[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        got <= 0)
        return -1;
    line[got] = '\0';
    r->rss_kb = ru.ru_maxrss;
    if (sscanf(line, "%lf %63s", &r->seconds, r->outcome) != 2)
        return -1;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    size_t bytes = 1u << 20;
    int reps = 3;
    const char *rules = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bytes") == 0 && i + 1 < argc)
            bytes = (size_t)atol(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules = argv[++i];
        else {
            fprintf(stderr, "usage: bench_hostile [--bytes N] [--reps N] --rules FILE\n");
            return 2;
        }
    }
    if (!rules || reps < 1 || bytes < 1024) {
        fprintf(stderr, "usage: bench_hostile [--bytes N] [--reps N] --rules FILE\n");
        return 2;
    }
    char *err = NULL;
    sl_engine *eng = sl_engine_new_from_file(rules, &err);
    if (!eng) {
        fprintf(stderr, "bench_hostile: %s\n", err);
        sl_free(err);
        return 2;
    }
    printf("hostile input, %zu bytes per shape, %d runs each (median time, largest peak RSS);\n"
           "each run a child process; target: sluice at most %.0fx bare pg_query_parse's peak "
           "RSS and %.0fx its time\n\n", bytes, reps, RSS_TARGET, TIME_TARGET);
    printf("%-11s %8s %6s  %-20s %9s %6s %8s %6s  %s\n", "shape", "items", "base", "pipeline",
           "peak MB", "x bare", "seconds", "x bare", "outcome");
    int missed = 0;
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        size_t nitems, len;
        char *sql = generate(&shapes[s], bytes, &nitems, &len);
        run best[P_COUNT];
        for (int p = P_IDLE; p < P_COUNT; p++) {
            double *times = xmalloc((size_t)reps * sizeof *times);
            memset(&best[p], 0, sizeof best[p]);
            for (int k = 0; k < reps; k++) {
                run r;
                if (measure((enum pipeline)p, eng, sql, len, &r) < 0) {
                    fprintf(stderr, "bench_hostile: %s: %s failed\n", shapes[s].name,
                            pipeline_name[p]);
                    return 1;
                }
                times[k] = r.seconds;
                if (r.rss_kb > best[p].rss_kb)
                    best[p].rss_kb = r.rss_kb;
                memcpy(best[p].outcome, r.outcome, sizeof r.outcome);
            }
            qsort(times, (size_t)reps, sizeof *times, cmp_double);
            best[p].seconds = times[reps / 2];
            free(times);
        }
        for (int p = P_BARE; p < P_COUNT; p++) {
            double mb = (double)best[p].rss_kb / 1024.0;
            double xr = (double)best[p].rss_kb / (double)best[P_BARE].rss_kb;
            double xt = best[p].seconds / best[P_BARE].seconds;
            int miss = p != P_BARE && (xr > RSS_TARGET || xt > TIME_TARGET);
            missed |= miss;
            if (p == P_BARE)
                printf("%-11s %8zu %6.1f  ", shapes[s].name, nitems,
                       (double)best[P_IDLE].rss_kb / 1024.0);
            else
                printf("%-11s %8s %6s  ", "", "", "");
            printf("%-20s %9.1f %6.2f %8.3f %6.2f  %s%s\n", pipeline_name[p], mb, xr,
                   best[p].seconds, xt, best[p].outcome, miss ? "  (over target)" : "");
        }
        free(sql);
    }
    sl_engine_free(eng);
    printf("\n%s\n", missed ? "some runs are over the target (docs/limits.md says why)"
                             : "every run within the target");
    return 0;
}
