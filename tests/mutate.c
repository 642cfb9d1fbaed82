/*
 * mutate.c - hostile-input property test.
 *
 * Takes the statements of the given files, mutates them with a fixed
 * pseudo-random sequence (byte edits and splices of SQL fragments that
 * exercise the bridge: brackets, quotes, ->, ::, DIV, hints, ..., and
 * the lexer's edges: comment continuation, CR, Unicode spaces), and
 * checks for every mutant that
 *   - sl_process() answers (pass, or reject with a positioned
 *     diagnostic inside the text), never crashes or hangs;
 *   - whatever parses also round-trips: emit, re-parse, same AST.
 * With --rules the rules answer too, with lineage asked for: every
 * lineage document must be a well-formed object (lineage_ok).
 * Run under ASan/UBSan and valgrind with the rest of the suite.
 *
 * usage: mutate [--iterations N] [--seed S] FILE...
 * Prints "mutate: N passed, M failed".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "sbuf.h"
#include "sluice.h"

static uint64_t rng_state;

static uint32_t rnd(void)
{
    /* xorshift64*: deterministic across platforms */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static const char *const fragments[] = {
    "(", ")", "[", "]", "`", "'", "\"", "``", "\\", "->", "::", " DIV ", " RLIKE ",
    "<=>", "==", "/*+ BROADCAST(t) */", "/*", "*/", "--", "\n", " INTERVAL 7 DAYS ",
    " QUALIFY ", " LATERAL VIEW explode(x) e AS c ", ",", ";", " AS ", " SELECT ",
    " FROM ", " VALUES ", "x -> x", " SORT BY a ", " ~", "^", "||", "&", "|", " NOT ",
    "current_date()", " CAST(", " AS STRING)", "ARRAY<INT>", "10L", "X'1F'", "${v}",
    "?", "\xc3\xa9", "\xff", " struct(a AS b) ", "(SELECT 1)", " sluice:x ", "`sluice:q`",
    " PIVOT (sum(a) AS s FOR b IN (1 AS c, 2)) ", " UNPIVOT INCLUDE NULLS (v FOR n IN (a, b)) ",
    " PIVOT (", " FOR ", " IN (", " VERSION AS OF 3 ", " TIMESTAMP AS OF '2024-01-01' ",
    "@v12", " IGNORE NULLS ", " RESPECT NULLS", " LIKE ANY ('a', 'b') ", " ILIKE ALL (",
    ":p", " WITH ROLLUP ", " GROUP BY ALL ", " NATURAL LEFT SEMI JOIN u ",
    " TABLESAMPLE (1 PERCENT) ", " AS (a, b) ", " LEFT ", " right ",
    " INTERVAL DAY TO SECOND ", " VALUES 1, VALUES 2 ", " FROM ", ":a.b[0]", ":['k']",
    " * EXCEPT (a, b) ",
    /* the lexer's edges (grammar/databricks.re): comment continuation,
     * CR, Unicode spaces, hint bodies, IDENTIFIER strings */
    "-- x \\\n", "\\\n", "\r", "\r\n", "\xc2\xa0", "\xe3\x80\x80", "\v", "\xe2\x80\x8b",
    "/* a /*+ b */", "/*+ REPARTITION(3, 'a*/b') */", "/*+ A -- */\n */", "*/", "123abc",
    "1.5x", "!>", " IDENTIFIER('main.sales./**/transactions\xc2\xa0') "};

static void mutate(const char *in, size_t len, sbuf *out)
{
    sbuf_truncate(out, 0);
    sbuf_putn(out, in, len);
    int edits = 1 + (int)(rnd() % 4);
    for (int e = 0; e < edits; e++) {
        size_t pos = out->len ? rnd() % (out->len + 1) : 0;
        switch (rnd() % 4) {
        case 0: {       /* delete a run */
            size_t n = 1 + rnd() % 8;
            if (pos + n > out->len)
                n = out->len - pos;
            memmove(out->data + pos, out->data + pos + n, out->len - pos - n);
            out->len -= n;
            out->data[out->len] = '\0';
            break;
        }
        case 1: {       /* insert a fragment */
            const char *f = fragments[rnd() % (sizeof fragments / sizeof *fragments)];
            sbuf_insert(out, pos, f, strlen(f));
            break;
        }
        case 2: {       /* duplicate a run */
            size_t n = 1 + rnd() % 16;
            if (pos + n > out->len)
                n = out->len - pos;
            char tmp[16];
            memcpy(tmp, out->data + pos, n);
            sbuf_insert(out, pos, tmp, n);
            break;
        }
        default:        /* replace a byte */
            if (pos < out->len)
                out->data[pos] = (char)(32 + rnd() % 95);
        }
    }
    sbuf_cstr(out);
}

static size_t passed, failed;
static sl_engine *rules_engine;     /* --rules: the rules must answer too */

/* The statement node when text holds exactly one that parses, else NULL. */
static json_t *parse_one(const char *text, size_t len)
{
    dialect_error err;
    json_t *nodes = parse_text(text, len, &err);
    json_t *node = json_array_size(nodes) == 1 ? json_incref(json_array_get(nodes, 0)) : NULL;
    json_decref(nodes);
    return node;
}

/* Is every lineage document of r well formed: a JSON object for each
 * statement that parsed, with its index and every field of sluice.h's
 * shape?  (The rules pass asks for lineage on every mutant.) */
static int lineage_ok(const sl_result *r)
{
    for (size_t i = 0; i < sl_result_statement_count(r); i++) {
        const char *doc = sl_result_lineage_json(r, i, NULL);
        if (!doc)
            continue;
        json_t *j = json_loads(doc, 0, NULL);
        json_t *after = json_object_get(j, "tables_after");
        int ok = json_is_object(j) &&
                 json_integer_value(json_object_get(j, "statement")) == (json_int_t)i &&
                 json_is_array(json_object_get(j, "tables")) &&
                 (json_is_array(after) || json_is_null(after)) &&
                 json_is_array(json_object_get(j, "columns")) &&
                 json_is_object(json_object_get(j, "used")) &&
                 json_is_array(json_object_get(j, "unresolved"));
        json_decref(j);
        if (!ok)
            return 0;
    }
    return 1;
}

static void check(const sl_engine *eng, const char *sql, size_t len)
{
    /* The request text is handed over in a buffer of exactly len bytes,
     * without a terminating NUL: sl_request promises no more, and the
     * sanitizer builds catch any read past it. */
    char *exact = malloc(len ? len : 1);
    memcpy(exact, sql, len);
    sl_request req = SL_REQUEST_INIT;
    req.sql = exact;
    req.sql_len = len;
    req.mode = SL_MODE_ENFORCE;
    sl_result *r = sl_process(eng, &req);
    int ok = 1;
    if (sl_result_action(r) == SL_ACTION_REJECT) {
        const sl_diagnostic *d = sl_result_diagnostic(r, 0);
        ok = d && d->offset <= len && d->line >= 1 && d->column >= 1 && d->message[0];
        if (!ok)
            printf("FAIL: rejection without a usable position\n  input: %s\n", sql);
    } else {
        size_t olen;
        const char *o = sl_result_sql(r, &olen);
        ok = olen == len && memcmp(o, sql, len) == 0;
        if (!ok)
            printf("FAIL: pass-through changed the text\n  input: %s\n", sql);
    }
    sl_result_free(r);

    if (rules_engine && ok) {
        req.now = "2026-11-24 12:00:00";
        req.lineage = 1;
        r = sl_process(rules_engine, &req);
        req.lineage = 0;
        sl_action a = sl_result_action(r);
        if (!lineage_ok(r)) {
            ok = 0;
            printf("FAIL: a lineage document is not well formed\n  input: %s\n", sql);
        }
        if (a == SL_ACTION_REJECT) {
            const sl_diagnostic *d = sl_result_diagnostic(r, 0);
            ok = d && d->offset <= len && d->message[0];
        } else if (a == SL_ACTION_REWRITE) {
            /* The engine verified it; it must be non-empty, and running
             * it again must change nothing (rewrites are idempotent). */
            size_t olen;
            const char *o = sl_result_sql(r, &olen);
            ok = o != NULL && olen > 0;
            if (ok) {
                sl_request again = req;
                again.sql = o;
                again.sql_len = olen;
                sl_result *r2 = sl_process(rules_engine, &again);
                if (sl_result_action(r2) != SL_ACTION_PASS) {
                    ok = 0;
                    printf("FAIL: rewriting the rewrite changed it again\n  input: %s\n"
                           "  first: %s\n", sql, o);
                }
                sl_result_free(r2);
            }
        }
        if (!ok)
            printf("FAIL: rules gave no usable answer\n  input: %s\n", sql);
        sl_result_free(r);
    }

    json_t *a1 = parse_one(sql, len);
    if (a1 && ok) {
        sbuf out = SBUF_INIT;
        emit_error ee;
        if (emit_statement(a1, EMIT_DATABRICKS, &out, &ee) == 0) {
            json_t *a2 = parse_one(sbuf_cstr(&out), out.len);
            if (!a2 || !ast_equal_ignoring_locations(a1, a2)) {
                ok = 0;
                printf("FAIL: round trip\n  input:   %s\n  emitted: %s\n", sql, out.data);
            }
            json_decref(a2);
        }
        sbuf_free(&out);
    }
    json_decref(a1);
    free(exact);
    if (ok)
        passed++;
    else
        failed++;
}

int main(int argc, char **argv)
{
    long iterations = 2000;
    rng_state = 0x9E3779B97F4A7C15ULL;
    char **seeds = NULL;
    size_t nseeds = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
            iterations = atol(argv[++i]);
        } else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            char *err = NULL;
            rules_engine = sl_engine_new_from_file(argv[++i], &err);
            if (!rules_engine) {
                fprintf(stderr, "mutate: %s\n", err);
                return 2;
            }
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            rng_state = strtoull(argv[++i], NULL, 0) | 1;
        } else {
            sbuf b = SBUF_INIT;
            if (sbuf_read_file(&b, argv[i]) < 0) {
                fprintf(stderr, "mutate: cannot read %s\n", argv[i]);
                sbuf_free(&b);
                return 2;
            }
            dialect_source src;
            dialect_error err;
            if (dialect_lex(&src, sbuf_cstr(&b), b.len, &err) == 0) {
                dialect_stmt *st;
                size_t k = dialect_statements(&src, &st);
                for (size_t s = 0; s < k; s++) {
                    seeds = xrealloc(seeds, (nseeds + 1) * sizeof *seeds);
                    seeds[nseeds++] = xstrndup(b.data + st[s].start, st[s].end - st[s].start);
                }
                free(st);
                dialect_source_free(&src);
            }
            sbuf_free(&b);
        }
    }
    if (nseeds == 0) {
        fprintf(stderr, "usage: mutate [--iterations N] [--seed S] FILE...\n");
        return 2;
    }
    sl_engine *eng = sl_engine_new(NULL, 0, NULL, NULL);
    sbuf m = SBUF_INIT;
    for (long it = 0; it < iterations; it++) {
        const char *s = seeds[rnd() % nseeds];
        mutate(s, strlen(s), &m);
        check(eng, m.data, m.len);
    }
    sbuf_free(&m);
    sl_engine_free(eng);
    sl_engine_free(rules_engine);
    for (size_t i = 0; i < nseeds; i++)
        free(seeds[i]);
    free(seeds);
    printf("mutate: %zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
}
