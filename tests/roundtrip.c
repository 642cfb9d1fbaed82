/*
 * roundtrip.c - the round-trip invariant over files of statements.
 *
 * For every statement: bridge+parse (AST1), emit Databricks SQL, bridge+
 * parse that again (AST2) and require AST1 == AST2 ignoring locations;
 * emit again and require the same text (the emitter is a fixed point);
 * require that the fix-up walk parse.c skips would not have changed AST1;
 * require that matching the emitted text's parser nodes against AST1
 * (parse_text_matches, the rewrite verifier's fast path) agrees with
 * that comparison, for AST1 and for copies of it altered one place at a
 * time; and require that sl_process() with no rules hands the request back
 * byte-identical.
 *
 * usage: roundtrip [--ndjson-out FILE] [--expect-fail] FILE...
 *   FILE ending in .ndjson is read as {"id":..., "sql":...} lines;
 *   anything else as SQL text holding one or more statements.
 *   --ndjson-out writes every emitted statement for the Spark grammar
 *   check.  --report-only never fails (for measuring foreign suites).
 * Prints failures, then "roundtrip: N passed, M failed".
 */
#include <jansson.h>
#include <limits.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "pgtree.h"
#include "sbuf.h"
#include "sluice.h"

static size_t passed, failed, unparsed, rewrites;
static size_t matches_answered, matches_probed;
static FILE *ndjson_out;
static int verbose;
static sl_engine *rules_engine;     /* --rules: also check what the rules rewrite */

static void failure(const char *id, const char *what, const char *sql, const char *detail)
{
    failed++;
    printf("FAIL %s: %s\n  input:   %s\n", id, what, sql);
    if (detail)
        printf("  detail:  %s\n", detail);
}

/* Parse every statement of text; returns a new array of ASTs, or NULL
 * with msg set. */
static json_t *parse_all(const char *text, size_t len, char *msg, size_t msgsz)
{
    dialect_error err;
    json_t *nodes = parse_text(text, len, &err);
    if (!nodes)
        snprintf(msg, msgsz, "offset %zu: %s", err.offset, err.message);
    return nodes;
}

static void check_statement(const char *id, const char *sql, size_t len);

/* Output column names of a statement, joined with commas ("*" kept). */
static void output_columns(const char *sql, size_t len, sbuf *out)
{
    char msg[256];
    json_t *asts = parse_all(sql, len, msg, sizeof msg);
    json_t *sel = json_object_get(json_array_get(asts, 0), "SelectStmt");
    while (sel && json_object_get(sel, "larg"))
        sel = json_object_get(sel, "larg");
    size_t i;
    json_t *t, *tf;
    json_array_foreach(json_object_get(sel, "targetList"), i, t) {
        const char *n = NULL;
        if (ast_unwrap(t, &tf, NULL) == AST_ResTarget)
            n = analysis_target_name(tf);
        sbuf_printf(out, "%s%s", i ? "," : "", n ? n : "?");
    }
    json_decref(asts);
}

/* With --rules: the rewritten statement must round-trip as well, and
 * keep the output columns' names and order. */
static void check_rewrite(const char *id, const char *sql, size_t len)
{
    sl_request req = SL_REQUEST_INIT;
    req.sql = sql;
    req.sql_len = len;
    req.now = "2026-11-24 12:00:00";
    sl_result *r = sl_process(rules_engine, &req);
    if (sl_result_action(r) == SL_ACTION_REWRITE) {
        char rid[1100];
        snprintf(rid, sizeof rid, "%s (rewritten)", id);
        size_t olen;
        const char *o = sl_result_sql(r, &olen);
        char *copy = xstrndup(o, olen);
        rewrites++;
        sbuf before = SBUF_INIT, after = SBUF_INIT;
        output_columns(sql, len, &before);
        output_columns(copy, olen, &after);
        if (strcmp(sbuf_cstr(&before), sbuf_cstr(&after)) != 0)
            failure(rid, "the rewrite changed the output columns", sql, after.data);
        sbuf_free(&before);
        sbuf_free(&after);
        check_statement(rid, copy, olen);
        free(copy);
    }
    sl_result_free(r);
}

/* sluice's reader of libpg_query's JSON must agree with jansson's, and
 * the tree pgtree.c builds from the parser's nodes with both. */
static void check_reader(const char *id, const char *sql, size_t len)
{
    dialect_source src;
    dialect_error err;
    if (dialect_lex(&src, sql, len, &err) < 0)
        return;
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    for (size_t i = 0; i < n; i++) {
        dialect_bridged br;
        if (dialect_bridge(&src, &st[i], &br, &err) < 0)
            continue;
        PgQueryParseResult r = pg_query_parse(br.pg.data);
        if (!r.error) {
            const char *e;
            json_t *mine = parse_tree_from_json(r.parse_tree, strlen(r.parse_tree), &e);
            json_t *theirs = json_loads(r.parse_tree, 0, NULL);
            if (!mine || !theirs || !json_equal(mine, theirs))
                failure(id, "the JSON reader disagrees with jansson", sql, NULL);
            /* The tree built from the parser's nodes must be the one read
             * from its JSON: same keys, same order, same values.  (With the
             * direct path switched off by its own check, every tree would
             * come from the JSON and the comparison would prove nothing.) */
            pgtree direct;
            pgtree_parse(br.pg.data, 0, &direct);
            if (!pgtree_direct_enabled() || !direct.stmts ||
                !pgtree_identical(direct.stmts, json_object_get(mine, "stmts")))
                failure(id, "the tree built from the parser's nodes differs from its JSON",
                        sql, NULL);
            pgtree_free(&direct);
            json_decref(mine);
            json_decref(theirs);
        }
        pg_query_free_parse_result(r);
        dialect_bridged_free(&br);
    }
    free(st);
    dialect_source_free(&src);
}

/* Alteration number site of tree (pre-order over its values), made in
 * place; 1 if there was one.  Each value offers: an object, a key added,
 * its first non-location key removed, and that key moved to the end (an
 * equal tree in another key order); an array, its last element dropped
 * and {} appended; a string, an "x" appended; an integer, +1. */
static int alter(json_t *v, long *site)
{
    if (json_is_object(v)) {
        void *it = json_object_iter(v);
        while (it && ast_is_location_key(json_object_iter_key(it)))
            it = json_object_iter_next(v, it);
        for (int kind = 0; kind < 3; kind++) {
            if (kind > 0 && !it)
                break;
            if ((*site)-- > 0)
                continue;
            if (kind == 0) {
                json_object_set_new(v, "sl_probe", json_true());
            } else {
                char key[256];
                snprintf(key, sizeof key, "%s", json_object_iter_key(it));
                json_t *val = json_incref(json_object_iter_value(it));
                json_object_del(v, key);
                if (kind == 2)
                    json_object_set(v, key, val);
                json_decref(val);
            }
            return 1;
        }
        json_t *child;
        ast_foreach_value(v, child)
            if (alter(child, site))
                return 1;
        return 0;
    }
    if (json_is_array(v)) {
        for (int kind = 0; kind < 2; kind++) {
            if (kind == 0 && json_array_size(v) == 0)
                continue;
            if ((*site)-- > 0)
                continue;
            if (kind == 0)
                json_array_remove(v, json_array_size(v) - 1);
            else
                json_array_append_new(v, json_object());
            return 1;
        }
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child)
            if (alter(child, site))
                return 1;
        return 0;
    }
    if (json_is_string(v) || json_is_integer(v)) {
        if ((*site)-- > 0)
            return 0;
        if (json_is_string(v)) {
            char buf[1024];
            snprintf(buf, sizeof buf, "%sx", json_string_value(v));
            json_string_set(v, buf);
        } else {
            json_integer_set(v, json_integer_value(v) + 1);
        }
        return 1;
    }
    return 0;       /* true (shared by every tree): its key's removal alters it */
}

/* parse_text_matches(text, expect) answers as the full comparison of
 * reparsed with expect does, or says it cannot tell. */
static void check_match(const char *id, const char *sql, const char *text, size_t len,
                        json_t *expect, json_t *reparsed, const char *what)
{
    int m = parse_text_matches(text, len, expect);
    matches_probed++;
    if (m < 0)
        return;
    matches_answered++;
    if (m != ast_equal_ignoring_locations(expect, reparsed))
        failure(id, what, sql, text);
}

/* The fast path of the rewrite verifier against the full comparison, on
 * the emitted text of node: node itself, then up to 12 alterations
 * spread over its sites. */
static void check_matches(const char *id, const char *sql, const char *text, size_t len,
                          json_t *node, json_t *reparsed)
{
    check_match(id, sql, text, len, node, reparsed,
                "matching the parser's nodes disagrees with comparing the trees");
    long left = LONG_MAX;
    json_t *counted = json_deep_copy(node);
    alter(counted, &left);          /* no such site: counts them all */
    json_decref(counted);
    long nsites = LONG_MAX - left;
    long step = nsites / 12 + 1;
    for (long k = 0; k < nsites; k += step) {
        json_t *copy = json_deep_copy(node);
        long site = k;
        if (alter(copy, &site))
            check_match(id, sql, text, len, copy, reparsed,
                        "matching the parser's nodes disagrees with comparing the trees "
                        "(altered tree)");
        json_decref(copy);
    }
}

static void check_statement(const char *id, const char *sql, size_t len)
{
    char msg[512];
    check_reader(id, sql, len);
    json_t *a1 = parse_all(sql, len, msg, sizeof msg);
    if (!a1) {
        unparsed++;
        failure(id, "does not parse", sql, msg);
        return;
    }
    /* The fix-up walk, skipped where the statement shows none of its
     * traces, would have changed nothing. */
    parse_fixups_always = 1;
    json_t *walked = parse_all(sql, len, msg, sizeof msg);
    parse_fixups_always = 0;
    if (!walked || !pgtree_identical(a1, walked))
        failure(id, "skipping the fix-up walk changed the tree", sql, NULL);
    json_decref(walked);
    size_t i;
    json_t *node;
    json_array_foreach(a1, i, node) {
        sbuf out = SBUF_INIT, out2 = SBUF_INIT;
        emit_error eerr;
        if (emit_statement(node, EMIT_DATABRICKS, &out, &eerr) < 0) {
            failure(id, "emit error", sql, eerr.message);
            sbuf_free(&out);
            continue;
        }
        json_t *a2 = parse_all(sbuf_cstr(&out), out.len, msg, sizeof msg);
        if (a2 && json_array_size(a2) == 1)
            check_matches(id, sql, out.data, out.len, node, json_array_get(a2, 0));
        if (!a2) {
            failure(id, "emitted SQL does not re-parse", sql, msg);
            printf("  emitted: %s\n", out.data);
        } else if (json_array_size(a2) != 1 ||
                   !ast_equal_ignoring_locations(node, json_array_get(a2, 0))) {
            failure(id, "AST changed across the round trip", sql, NULL);
            printf("  emitted: %s\n", out.data);
            if (verbose) {
                json_t *x = ast_without_locations(node), *y = ast_without_locations(json_array_get(a2, 0));
                char *s1 = json_dumps(x, JSON_COMPACT), *s2 = json_dumps(y, JSON_COMPACT);
                printf("  ast1: %s\n  ast2: %s\n", s1, s2);
                free(s1); free(s2); json_decref(x); json_decref(y);
            }
        } else if (emit_statement(json_array_get(a2, 0), EMIT_DATABRICKS, &out2, &eerr) < 0 ||
                   strcmp(sbuf_cstr(&out2), out.data) != 0) {
            failure(id, "emitter is not a fixed point", sql, sbuf_cstr(&out2));
        } else {
            passed++;
            if (ndjson_out) {
                json_t *o = json_pack("{s:s,s:s}", "id", id, "sql", out.data);
                char *s = json_dumps(o, JSON_COMPACT);
                fprintf(ndjson_out, "%s\n", s);
                free(s);
                json_decref(o);
            }
        }
        json_decref(a2);
        sbuf_free(&out);
        sbuf_free(&out2);
    }
    json_decref(a1);

    /* Pass-through with no rules is byte-identical. */
    sl_engine *eng = sl_engine_new(NULL, 0, NULL, NULL);
    sl_request req = SL_REQUEST_INIT;
    req.sql = sql;
    req.sql_len = len;
    sl_result *r = sl_process(eng, &req);
    size_t olen;
    const char *o = sl_result_sql(r, &olen);
    if (sl_result_action(r) != SL_ACTION_PASS || olen != len || memcmp(o, sql, len) != 0)
        failure(id, "pass-through is not byte-identical", sql, NULL);
    sl_result_free(r);
    sl_engine_free(eng);
}

static void run_sql_file(const char *path)
{
    sbuf b = SBUF_INIT;
    if (sbuf_read_file(&b, path) < 0) {
        fprintf(stderr, "roundtrip: cannot read %s\n", path);
        exit(2);
    }
    /* Split with the bridge's own splitter, then check each statement. */
    dialect_source src;
    dialect_error err;
    if (dialect_lex(&src, b.data, b.len, &err) < 0) {
        unparsed++;
        failure(path, "does not lex", "", err.message);
        sbuf_free(&b);
        return;
    }
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    for (size_t i = 0; i < n; i++) {
        char id[1024];
        unsigned line = 1;
        for (size_t k = 0; k < st[i].start; k++)
            line += b.data[k] == '\n';
        snprintf(id, sizeof id, "%s:%u", path, line);
        char *sql = xstrndup(b.data + st[i].start, st[i].end - st[i].start);
        check_statement(id, sql, strlen(sql));
        if (rules_engine)
            check_rewrite(id, sql, strlen(sql));
        free(sql);
    }
    free(st);
    dialect_source_free(&src);
    sbuf_free(&b);
}

static void run_ndjson(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "roundtrip: cannot read %s\n", path);
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        const char *sql = json_string_value(json_object_get(o, "sql"));
        const char *id = json_string_value(json_object_get(o, "id"));
        if (sql)
            check_statement(id ? id : "?", sql, strlen(sql));
        json_decref(o);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv)
{
    int report_only = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--ndjson-out") == 0 && i + 1 < argc) {
            ndjson_out = fopen(argv[++i], "w");
            if (!ndjson_out) {
                fprintf(stderr, "roundtrip: cannot write %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            char *err = NULL;
            rules_engine = sl_engine_new_from_file(argv[++i], &err);
            if (!rules_engine) {
                fprintf(stderr, "roundtrip: %s\n", err);
                return 2;
            }
        } else if (strcmp(argv[i], "--report-only") == 0) {
            report_only = 1;
        } else if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else {
            size_t l = strlen(argv[i]);
            if (l > 7 && strcmp(argv[i] + l - 7, ".ndjson") == 0)
                run_ndjson(argv[i]);
            else
                run_sql_file(argv[i]);
        }
    }
    if (ndjson_out)
        fclose(ndjson_out);
    if (rules_engine)
        printf("rewritten statements checked: %zu\n", rewrites);
    sl_engine_free(rules_engine);
    /* The fast path must have answered often (three in four comparisons
     * over the corpus; fewer where hints and fix-ups abound), or the
     * agreement above proved little. */
    printf("verifier fast path: answered %zu of %zu comparisons\n", matches_answered,
           matches_probed);
    if (matches_probed > 0 && matches_answered * 4 < matches_probed)
        failure("-", "the verifier's fast path answered for less than a quarter of the comparisons",
                "", NULL);
    printf("roundtrip: %zu passed, %zu failed (%zu did not parse)\n", passed, failed, unparsed);
    return report_only ? 0 : (failed ? 1 : 0);
}
