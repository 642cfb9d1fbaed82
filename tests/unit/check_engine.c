/*
 * check_engine.c - the public API: pass-through, rejection with
 * positions, modes, rules-file errors, limits, and one engine shared by
 * several threads.
 */
#include "check_main.h"
#include <stddef.h>
#include <stdio.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "textpos.h"
#include "parse.h"
#include "pgtree.h"
#include "sbuf.h"
#include "sluice.h"
#include "zones.h"

static sl_result *run(const sl_engine *e, const char *sql, size_t len, sl_mode mode)
{
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = len;
    r.mode = mode;
    return sl_process(e, &r);
}

/* sl_result_lineage_json: a document per statement that parses when
 * asked for, NULL otherwise (not asked, a syntax error, past the end);
 * the length matches; lineage changes nothing else. */
START_TEST(lineage_documents)
{
    const char *rules = "{\"sluice\": 1, \"defaults\": {\"catalog\": \"c\", \"schema\": "
                        "\"s\"}, \"statements\": {\"multiple\": \"allow\"}}";
    sl_engine *e = sl_engine_new(rules, strlen(rules), NULL, NULL);
    ck_assert_ptr_nonnull(e);
    const char *sql = "SELECT a AS x FROM t WHERE b > 0; SELEC 1";
    sl_request req = SL_REQUEST_INIT;
    req.sql = sql;
    req.sql_len = strlen(sql);
    sl_result *plain = sl_process(e, &req);
    ck_assert_ptr_null(sl_result_lineage_json(plain, 0, NULL));
    req.lineage = 1;
    sl_result *res = sl_process(e, &req);
    ck_assert_int_eq(sl_result_action(res), sl_result_action(plain));
    ck_assert_uint_eq(sl_result_diagnostic_count(res), sl_result_diagnostic_count(plain));
    size_t len = 0;
    const char *doc = sl_result_lineage_json(res, 0, &len);
    ck_assert_str_eq(doc, "{\"statement\":0,\"tables\":[\"c.s.t\"],\"tables_after\":"
                          "[\"c.s.t\"],\"columns\":[{\"name\":\"x\",\"sources\":"
                          "[\"c.s.t.a\"]}],\"used\":{\"filter\":[\"c.s.t.b\"],\"join\":[],"
                          "\"group\":[],\"order\":[]},\"unresolved\":[]}");
    ck_assert_uint_eq(len, strlen(doc));
    ck_assert_ptr_null(sl_result_lineage_json(res, 1, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(sl_result_lineage_json(res, 2, NULL));
    sl_result_free(res);
    sl_result_free(plain);
    sl_engine_free(e);
}
END_TEST

START_TEST(pass_through_is_byte_identical)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    const char *sql = "  select /*+ BROADCAST(x) */ `A`,a -- c\n from   t ;\n";
    sl_result *res = run(e, sql, strlen(sql), SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    size_t len;
    const char *o = sl_result_sql(res, &len);
    ck_assert_uint_eq(len, strlen(sql));
    ck_assert_int_eq(memcmp(o, sql, len), 0);
    ck_assert_uint_eq(sl_result_diagnostic_count(res), 0);
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

START_TEST(syntax_error_has_original_position)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    /* Line 3 column 8 in the text the user wrote, after a backtick name
     * and an interval that the bridge rewrites to other lengths. */
    const char *sql = "SELECT `Big Name`,\n INTERVAL 7 DAYS\nFROM t WHER x";
    sl_result *res = run(e, sql, strlen(sql), SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_ptr_null(sl_result_sql(res, NULL));
    ck_assert_uint_eq(sl_result_diagnostic_count(res), 1);
    const sl_diagnostic *d = sl_result_diagnostic(res, 0);
    ck_assert_str_eq(d->rule, "syntax");
    ck_assert_int_eq(d->severity, SL_SEVERITY_ERROR);
    ck_assert_uint_eq(d->line, 3);
    ck_assert_uint_eq(d->column, 13);
    ck_assert_str_eq(d->message, "syntax error at or near \"x\"");
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

/* Lines end at LF, CR LF or a lone CR (a CR-only file has lines too). */
START_TEST(line_ends_lf_crlf_cr)
{
    const char *t = "a\nb\r\nc\rd\r";
    unsigned l, c;
    size_t n = strlen(t);
    text_line_column(t, n, 2, &l, &c);      /* b */
    ck_assert_uint_eq(l, 2);
    ck_assert_uint_eq(c, 1);
    text_line_column(t, n, 5, &l, &c);      /* c */
    ck_assert_uint_eq(l, 3);
    ck_assert_uint_eq(c, 1);
    text_line_column(t, n, 7, &l, &c);      /* d */
    ck_assert_uint_eq(l, 4);
    ck_assert_uint_eq(c, 1);
    text_line_column(t, n, 4, &l, &c);      /* the LF of CR LF */
    ck_assert_uint_eq(l, 2);
    ck_assert_uint_eq(c, 3);
    text_line_column("x\r", 2, 2, &l, &c);  /* a CR at the end */
    ck_assert_uint_eq(l, 2);
    ck_assert_uint_eq(c, 1);
}
END_TEST

START_TEST(hostile_input)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    const char nul[] = "SELECT 1\0";
    sl_result *res = run(e, nul, sizeof nul - 1, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message, "NUL byte in query text");
    ck_assert_uint_eq(sl_result_diagnostic(res, 0)->column, 9);
    sl_result_free(res);

    res = run(e, "", 0, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message, "no SQL statement in the request");
    sl_result_free(res);

    res = run(e, "-- nothing\n;;", 13, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    sl_result_free(res);

    size_t big = (4u << 20) + 1;
    char *huge = malloc(big);
    memset(huge, ' ', big);
    memcpy(huge, "SELECT 1", 8);
    res = run(e, huge, big, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->rule, "limits");
    sl_result_free(res);
    free(huge);

    /* 5000 nested NOTs: no brackets, but the parser's own depth limits
     * must produce an answer, not a crash. */
    size_t n = 5000;
    char *deep = malloc(n * 4 + 16);
    strcpy(deep, "SELECT ");
    for (size_t i = 0; i < n; i++)
        strcat(deep, "NOT ");
    strcat(deep, "a");
    res = run(e, deep, strlen(deep), SL_MODE_FORMAT);
    ck_assert(sl_result_action(res) == SL_ACTION_REJECT ||
              strncmp(sl_result_sql(res, NULL), "SELECT NOT NOT", 14) == 0);
    sl_result_free(res);
    free(deep);

    /* A 20000-term chain is fine for the parser but too deep a tree. */
    size_t terms = 20000;
    char *chain = malloc(terms * 2 + 16);
    strcpy(chain, "SELECT a");
    for (size_t i = 1; i < terms; i++)
        strcat(chain + strlen(chain) - 1, "+a");
    res = run(e, chain, strlen(chain), SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message,
                     "query nested too deeply to analyse (its parse tree exceeds 2048 levels)");
    sl_result_free(res);
    free(chain);

    /* 250,000 terms: the tree is built from the parser's nodes until the
     * depth limit and refused there; libpg_query's JSON writer, which
     * recurses a level at a time without a stack check, is never asked
     * (it overflowed the stack at 120,000 levels). */
    sbuf longer = SBUF_INIT;
    sbuf_puts(&longer, "SELECT 1");
    for (size_t i = 1; i < 250000; i++)
        sbuf_puts(&longer, "+1");
    for (int mode = SL_MODE_ENFORCE; mode <= SL_MODE_FORMAT; mode++) {
        res = run(e, longer.data, longer.len, (sl_mode)mode);
        ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
        ck_assert_str_eq(sl_result_diagnostic(res, 0)->message,
                         "query nested too deeply to analyse (its parse tree exceeds 2048 levels)");
        sl_result_free(res);
    }
    /* Not a query: read through the JSON writer only up to 32,000 bytes. */
    sbuf_truncate(&longer, 0);
    sbuf_puts(&longer, "INSERT INTO t SELECT 1");
    while (longer.len <= 32000)
        sbuf_puts(&longer, "+1");
    res = run(e, longer.data, longer.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message,
                     "statements other than queries longer than 32,000 bytes are not read");
    sl_result_free(res);
    sbuf_truncate(&longer, longer.len - 4);     /* 31,998 bytes, 15,988 levels */
    res = run(e, longer.data, longer.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message,
                     "query nested too deeply to analyse (its parse tree exceeds 2048 levels)");
    sl_result_free(res);
    sbuf_free(&longer);
    sl_engine_free(e);
}
END_TEST

/* Long lists: the bridge decides for each ',' which list it separates
 * by walking back to the clause word, and a comma keeps its answer for
 * the next walk.  The answers must be the ones a full walk gives, for
 * every comma of a long list: each of 2,000 select items a '* EXCEPT'
 * (only where a select item starts), each of 2,000 tables with a
 * time-travel clause (only right after FROM, JOIN or a FROM list's
 * ','), 2,000 bracketed queries without aliases (a FROM item, which
 * gets one) after a FROM VALUES of 2,000 rows (whose '(' are rows, not
 * FROM items), and a CTE chain of 3,000, each formatted whole; and
 * statements formatted one at a time (each statement's trees given back
 * when it is done) come out as they would alone. */
START_TEST(long_lists)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    sbuf in = SBUF_INIT, want = SBUF_INIT;
    sbuf_puts(&in, "SELECT ");
    for (int i = 0; i < 2000; i++)
        sbuf_printf(&in, "%st%d.* EXCEPT (c)", i ? ", " : "", i);
    sbuf_puts(&in, " FROM ");
    for (int i = 0; i < 2000; i++)
        sbuf_printf(&in, "%st%d VERSION AS OF %d", i ? ", " : "", i, i);
    sl_result *res = run(e, in.data, in.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), sbuf_cstr(&in));
    sl_result_free(res);

    sbuf_truncate(&in, 0);
    sbuf_puts(&in, "SELECT * FROM VALUES (0)");
    sbuf_puts(&want, "SELECT * FROM (VALUES (0)");
    for (int i = 1; i < 2000; i++) {
        sbuf_printf(&in, ", (%d)", i);
        sbuf_printf(&want, ", (%d)", i);
    }
    sbuf_puts(&in, " AS v(a)");
    sbuf_puts(&want, ") AS v(a)");
    for (int i = 0; i < 2000; i++) {
        sbuf_printf(&in, ", (SELECT %d)", i);
        sbuf_printf(&want, ", (SELECT %d)", i);
    }
    res = run(e, in.data, in.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), sbuf_cstr(&want));
    sl_result_free(res);

    sbuf_truncate(&in, 0);
    sbuf_truncate(&want, 0);
    sbuf_puts(&in, "WITH c0 AS (SELECT 1 AS x)");
    sbuf_puts(&want, "WITH c0 AS (SELECT 1 AS x)");
    for (int i = 1; i < 3000; i++) {
        sbuf_printf(&in, ", c%d AS (SELECT x FROM c%d)", i, i - 1);
        sbuf_printf(&want, ", c%d AS (SELECT x FROM c%d)", i, i - 1);
    }
    sbuf_puts(&in, " SELECT x FROM c2999");
    sbuf_puts(&want, " SELECT x FROM c2999");
    res = run(e, in.data, in.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), sbuf_cstr(&want));
    sl_result_free(res);

    sbuf_truncate(&in, 0);
    sbuf_truncate(&want, 0);
    for (int i = 0; i < 3000; i++) {
        sbuf_printf(&in, "select a%d from t where b in (%d, 2);\n", i, i);
        sbuf_printf(&want, "%sSELECT a%d FROM t WHERE b IN (%d, 2)", i ? ";\n" : "", i, i);
    }
    res = run(e, in.data, in.len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_uint_eq(sl_result_statement_count(res), 3000);
    ck_assert_str_eq(sl_result_sql(res, NULL), sbuf_cstr(&want));
    sl_result_free(res);
    sbuf_free(&in);
    sbuf_free(&want);
    sl_engine_free(e);
}
END_TEST

/* sl_request.sql need not be NUL-terminated: every reader of the text
 * must stop at sql_len.  Each input is copied into a buffer of exactly
 * its length, so AddressSanitizer flags any read past it; the inputs end
 * inside a word, a string, a comment and an unparseable statement (the
 * first-word reader of statement-kind once read past "SEL"). */
START_TEST(unterminated_exact_size_buffers)
{
    static const char rules[] =
        "{\"sluice\": 1, \"limit\": {\"max\": 10}, \"inline_suppressions\": true}";
    sl_engine *e = sl_engine_new(rules, strlen(rules), "t", NULL);
    ck_assert_ptr_nonnull(e);
    static const char *const inputs[] = {
        "SEL", "S", "INSERT", "DELETE FROM t", "DROP", "WITH", "SELECT", "SELECT 1 FROM t WHERE",
        "SELECT 'abc", "SELECT 1 -- sluice: allow limit-cap", "SELECT 1 /* sluice: allow limit",
        "OPTIMIZE t", "select a from t; SEL", "SELECT `a", NULL};
    for (int i = 0; inputs[i]; i++) {
        size_t len = strlen(inputs[i]);
        char *exact = malloc(len);
        memcpy(exact, inputs[i], len);
        for (int mode = SL_MODE_ENFORCE; mode <= SL_MODE_LINT; mode++) {
            sl_result *res = run(e, exact, len, (sl_mode)mode);
            ck_assert_ptr_nonnull(res);
            if (sl_result_action(res) == SL_ACTION_REJECT) {
                const sl_diagnostic *d = sl_result_diagnostic(res, 0);
                ck_assert_ptr_nonnull(d);
                ck_assert_uint_le(d->offset, len);
            }
            sl_result_free(res);
        }
        free(exact);
    }
    /* The first word is still named when the buffer ends right after it. */
    char *ins = malloc(6);
    memcpy(ins, "INSERT", 6);
    sl_result *res = run(e, ins, 6, SL_MODE_ENFORCE);
    int named = 0;
    for (size_t k = 0; k < sl_result_diagnostic_count(res); k++)
        named |= strcmp(sl_result_diagnostic(res, k)->rule, "statement-kind") == 0;
    ck_assert(named);
    sl_result_free(res);
    free(ins);
    sl_engine_free(e);
}
END_TEST

/* The layout rule: a request's size says which fields the caller has. */
START_TEST(request_size_is_checked)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    sl_request r;
    memset(&r, 0, sizeof r);        /* size not set */
    r.sql = "SELECT 1";
    r.sql_len = 8;
    sl_result *res = sl_process(e, &r);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->rule, "request");
    ck_assert_ptr_nonnull(strstr(sl_result_diagnostic(res, 0)->message, "SL_REQUEST_INIT"));
    sl_result_free(res);
    /* A caller that knows the fields up to mode only: explain reads as 0. */
    r.size = offsetof(sl_request, explain);
    r.explain = 12345;
    res = sl_process(e, &r);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_uint_eq(sl_result_diagnostic_count(res), 0);
    ck_assert_uint_eq(sl_diagnostic_size(), sizeof(sl_diagnostic));
    sl_result_free(res);
    ck_assert_uint_eq(sl_request_size(), sizeof(sl_request));
    sl_engine_free(e);
}
END_TEST

START_TEST(several_statements)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    const char *sql = "SELECT 1; select `x` from t;";
    sl_result *res = run(e, sql, strlen(sql), SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_uint_eq(sl_result_statement_count(res), 2);
    ck_assert_str_eq(sl_result_sql(res, NULL), "SELECT 1;\nSELECT x FROM t");
    sl_result_free(res);

    res = run(e, "SELECT 1; SELEC 2", 17, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_uint_eq(sl_result_diagnostic(res, 0)->statement, 1);
    ck_assert_uint_eq(sl_result_diagnostic(res, 0)->column, 11);
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

START_TEST(parse_mode_gives_the_ast)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    const char *sql = "SELECT /*+ BROADCAST(d) */ a DIV 2 FROM t QUALIFY a > 1";
    sl_result *res = run(e, sql, strlen(sql), SL_MODE_PARSE);
    const char *json = sl_result_sql(res, NULL);
    ck_assert_ptr_nonnull(strstr(json, "\"SelectStmt\""));
    ck_assert_ptr_nonnull(strstr(json, "\"sl_hints\""));
    ck_assert_ptr_nonnull(strstr(json, "\"BROADCAST\""));
    ck_assert_ptr_nonnull(strstr(json, "\"sl_qualify\""));
    ck_assert_ptr_nonnull(strstr(json, "\"div\""));
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

START_TEST(rules_errors_name_file_line_column_key)
{
    char *err = NULL;
    const char *bad_key = "{\n  \"sluice\": 1,\n  \"on_unparsable\": \"pass\"\n}";
    ck_assert_ptr_null(sl_engine_new(bad_key, strlen(bad_key), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:3: key 'on_unparsable': unknown key (expected one of: "
                     "sluice, description, defaults, on_unparseable, tables, limit, statements, "
                     "inline_suppressions, aggregates, row_filters, broadcast, resolution, explore, "
                     "budget, attribution)");
    sl_free(err);

    /* A nested key is located exactly, not at its first namesake. */
    const char *nested = "{\"sluice\": 1, \"tables\": [\n"
                         "  {\"match\": \"a.b.c\", \"partition\": {\"column\": \"d\", \"enforce\": \"inject\"}},\n"
                         "  {\"match\": \"a.b.e\", \"partition\": {\"column\": \"d\", \"enforce\": \"block\"}}]}";
    ck_assert_ptr_null(sl_engine_new(nested, strlen(nested), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:51: key 'enforce': must be \"reject\", \"inject\" or \"warn\"");
    sl_free(err);

    /* on_miss: one of three words, located at its key. */
    const char *on_miss = "{\"sluice\": 1, \"tables\": [\n"
                          "  {\"match\": \"a.b.c\", \"on_miss\": \"warn\"},\n"
                          "  {\"match\": \"a.b.e\", \"on_miss\": \"block\"}]}";
    ck_assert_ptr_null(sl_engine_new(on_miss, strlen(on_miss), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:22: key 'on_miss': must be \"allow\", \"warn\" or \"reject\"");
    sl_free(err);
    const char *on_miss_type = "{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"on_miss\": true}]}";
    ck_assert_ptr_null(sl_engine_new(on_miss_type, strlen(on_miss_type), "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:45: key 'on_miss': must be \"allow\", \"warn\" or \"reject\"");
    sl_free(err);

    /* stale: "refuse" or "union", located at its key; "union" needs a
     * time dimension. */
    const char *stale = "{\"sluice\": 1, \"aggregates\": [{\"table\": \"a.b.g\",\n"
                        "  \"query\": \"SELECT d, SUM(x) AS s FROM a.b.c GROUP BY d\",\n"
                        "  \"time_dimension\": \"d\", \"stale\": \"sometimes\"}]}";
    ck_assert_ptr_null(sl_engine_new(stale, strlen(stale), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:26: key 'stale': must be \"refuse\" or \"union\"");
    sl_free(err);
    const char *stale_dim = "{\"sluice\": 1, \"aggregates\": [{\"table\": \"a.b.g\",\n"
                            "  \"query\": \"SELECT d, SUM(x) AS s FROM a.b.c GROUP BY d\",\n"
                            "  \"stale\": \"union\"}]}";
    ck_assert_ptr_null(sl_engine_new(stale_dim, strlen(stale_dim), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:3: key 'stale': needs a time dimension: name it in "
                          "\"time_dimension\"");
    sl_free(err);

    const char *badre = "{\"sluice\": 1, \"tables\": [{\"match\": \"/main\\\\.(web/\"}]}";
    ck_assert_ptr_null(sl_engine_new(badre, strlen(badre), "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:27: key 'match': invalid pattern at offset 10: missing closing parenthesis");
    sl_free(err);

    const char *badname = "{\"sluice\": 1, \"tables\": [{\"match\": \"sales.t\"}]}";
    ck_assert_ptr_null(sl_engine_new(badname, strlen(badname), "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:27: key 'match': must be catalog.schema.table or a /pattern/");
    sl_free(err);

    const char *limit = "{\"sluice\": 1, \"limit\": {\"default\": 500, \"max\": 100}}";
    ck_assert_ptr_null(sl_engine_new(limit, strlen(limit), "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:25: key 'default': is larger than max (100)");
    sl_free(err);

    const char *bad_json = "{\n  \"sluice\": 1,\n  oops\n}";
    ck_assert_ptr_null(sl_engine_new(bad_json, strlen(bad_json), "r.json", &err));
    ck_assert_str_eq(err, "r.json:3:6: invalid JSON: string or '}' expected near 'oops'");
    sl_free(err);

    const char *bad_val = "{\"sluice\": 1, \"on_unparseable\": \"maybe\"}";
    ck_assert_ptr_null(sl_engine_new(bad_val, strlen(bad_val), "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:15: key 'on_unparseable': must be \"reject\" or \"pass\"");
    sl_free(err);

    ck_assert_ptr_null(sl_engine_new("{}", 2, "r.json", &err));
    ck_assert_str_eq(err, "r.json:1:1: missing key 'sluice' (the format version, 1)");
    sl_free(err);

    ck_assert_ptr_null(sl_engine_new_from_file("/nonexistent/rules.json", &err));
    ck_assert_str_eq(err, "/nonexistent/rules.json: cannot open rules file");
    sl_free(err);
}
END_TEST

START_TEST(unparseable_policy_is_explicit)
{
    const char *pass = "{\"sluice\": 1, \"on_unparseable\": \"pass\"}";
    sl_engine *e = sl_engine_new(pass, strlen(pass), "p.json", NULL);
    ck_assert_ptr_nonnull(e);
    sl_result *res = run(e, "SELEC 1", 7, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), "SELEC 1");
    ck_assert_int_eq(sl_result_diagnostic(res, 0)->severity, SL_SEVERITY_WARNING);
    sl_result_free(res);
    sl_engine_free(e);

    const char *rej = "{\"sluice\": 1}";
    e = sl_engine_new(rej, strlen(rej), "r.json", NULL);
    res = run(e, "SELEC 1", 7, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

static void *worker(void *arg)
{
    const sl_engine *e = arg;
    const char *sql = "SELECT `Region`, transform(a, x -> x DIV 2) FROM t QUALIFY r = 1";
    for (int i = 0; i < 200; i++) {
        sl_result *res = run(e, sql, strlen(sql), SL_MODE_FORMAT);
        if (strcmp(sl_result_sql(res, NULL),
                   "SELECT Region, transform(a, x -> x DIV 2) FROM t QUALIFY r = 1") != 0) {
            sl_result_free(res);
            return (void *)1;
        }
        sl_result_free(res);
    }
    return NULL;
}

START_TEST(one_engine_many_threads)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, e);
    for (int i = 0; i < 4; i++) {
        void *rv;
        pthread_join(t[i], &rv);
        ck_assert_ptr_null(rv);
    }
    sl_engine_free(e);
}
END_TEST

/* Session time zones looked up from several threads at once: the TZif
 * files are read once and shared (zones.c), each answer still exact. */
static void *zone_worker(void *arg)
{
    static const struct { const char *zone; long offset; } zones[] = {
        {"Asia/Tokyo", 9 * 3600}, {"America/New_York", -5 * 3600},
        {"Europe/Paris", 3600}, {"Australia/Adelaide", 10 * 3600 + 1800},
        {"Asia/Kathmandu", 5 * 3600 + 2700}, {"Nowhere/Else", -99999}};
    long long t = 1795000000;       /* 2026-11-18 */
    size_t start = (size_t)(intptr_t)arg;
    for (int i = 0; i < 300; i++) {
        size_t k = (start + (size_t)i) % (sizeof zones / sizeof *zones);
        long off = -99999;
        if (zone_offset_at(zones[k].zone, t, &off) < 0)
            off = -99999;
        if (off != zones[k].offset)
            return (void *)1;
    }
    return NULL;
}

START_TEST(zones_from_many_threads)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, zone_worker, (void *)(intptr_t)i);
    for (int i = 0; i < 4; i++) {
        void *rv;
        pthread_join(t[i], &rv);
        ck_assert_ptr_null(rv);
    }
}
END_TEST

/* The request arena (arena.h): a host's own jansson values, made before
 * and after sluice installs its allocator hooks, are allocated and
 * freed as usual; a thread's arena gives back what a big request took. */
START_TEST(arena_leaves_host_values_alone)
{
    json_t *before = json_pack("{s:[i,i],s:s}", "a", 1, 2, "b", "made before any request");
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    const char *sql = "SELECT a, b FROM t WHERE c IN (1, 2, 3)";
    for (int i = 0; i < 3; i++)
        sl_result_free(run(e, sql, strlen(sql), SL_MODE_FORMAT));
    json_t *after = json_pack("{s:s}", "c", "made between requests");
    json_object_set_new(before, "d", json_string("added between requests"));
    char *text = json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS);
    ck_assert_str_eq(text, "{\"a\":[1,2],\"b\":\"made before any request\","
                           "\"d\":\"added between requests\"}");
    free(text);     /* made outside a request: plain malloc */
    /* A big request (a 20,000-value IN list) grows the arena past what
     * it keeps; afterwards the thread holds at most ARENA_KEEP. */
    size_t n = 20000;
    char *big = malloc(n * 8 + 64);
    size_t len = (size_t)sprintf(big, "SELECT a FROM t WHERE b IN (0");
    for (size_t i = 1; i < n; i++)
        len += (size_t)sprintf(big + len, ", %zu", i);
    len += (size_t)sprintf(big + len, ")");
    sl_result *res = run(e, big, len, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    sl_result_free(res);
    ck_assert_uint_le(arena_thread_bytes(), ARENA_KEEP);
    free(big);
    /* The host's values are intact and free normally. */
    ck_assert_str_eq(json_string_value(json_object_get(after, "c")), "made between requests");
    json_decref(after);
    json_decref(before);
    sl_engine_free(e);
}
END_TEST

START_TEST(json_reader_matches_jansson)
{
    static const char *const docs[] = {
        "{\"a\":\"x\\\"y\\\\z\\/\\u00e9\\ud83d\\ude00\\n\\t\",\"b\":[1,-2,3.5,1e3,true,false,null],\"c\":{}}",
        "[]", "{\"k\":[[],[{}],\"\"]}", "-0", "\"plain\""};
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        const char *e;
        json_t *mine = parse_tree_from_json(docs[i], strlen(docs[i]), &e);
        json_t *theirs = json_loads(docs[i], JSON_DECODE_ANY, NULL);
        ck_assert_ptr_nonnull(mine);
        ck_assert_ptr_nonnull(theirs);
        ck_assert_msg(json_equal(mine, theirs), "reader differs on %s", docs[i]);
        json_decref(mine);
        json_decref(theirs);
    }
    static const char *const bad[] = {"{", "{\"a\" 1}", "[1,]", "\"\\u0000\"", "tru", "{}x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *e = NULL;
        ck_assert_ptr_null(parse_tree_from_json(bad[i], strlen(bad[i]), &e));
        ck_assert_ptr_nonnull(e);
    }
}
END_TEST

/* The tree built from PostgreSQL's nodes is the one libpg_query's JSON
 * describes, for statements built directly and for those that take the
 * JSON path (a node kind pgtree.c does not build); errors are the
 * parser's either way. */
START_TEST(node_tree_matches_json_tree)
{
    static const struct { const char *sql; int direct; } cases[] = {
        {"SELECT a, -1, 0, 7, 'x', 1.5, true, NULL FROM t WHERE b IN (1, 2) LIMIT 3", 1},
        {"SELECT CAST(a AS int[]), a[-1], ARRAY[-2], x'1f', f(x => -3) FROM s.t AS u(k)", 1},
        {"WITH c AS (SELECT 1) SELECT * FROM c NATURAL JOIN d "
         "ORDER BY 1 DESC NULLS LAST OFFSET 2 FETCH FIRST 1 ROW WITH TIES", 1},
        {"SELECT 1 FROM t FOR UPDATE", 0},                 /* LockingClause */
        {"VALUES (1, DEFAULT)", 0},                         /* SetToDefault */
        {"SELECT a COLLATE \"C\" FROM t", 0},             /* CollateClause */
        {"INSERT INTO t VALUES (1)", 0},
        {"SELECT 1; SELECT 2", 1},
    };
    ck_assert_int_eq(pgtree_direct_enabled(), 1);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pgtree a, b;
        pgtree_parse(cases[i].sql, 0, &a);
        pgtree_parse(cases[i].sql, 1, &b);
        ck_assert_msg(a.stmts && b.stmts, "%s does not parse", cases[i].sql);
        ck_assert_msg(pgtree_identical(a.stmts, b.stmts), "trees differ: %s", cases[i].sql);
        ck_assert_int_eq(a.direct, cases[i].direct);
        ck_assert_int_eq(b.direct, 0);
        pgtree_free(&a);
        pgtree_free(&b);
    }
    /* Identical means the same keys in the same order. */
    json_t *x = json_pack("{s:i,s:i}", "a", 1, "b", 2), *y = json_pack("{s:i,s:i}", "b", 2, "a", 1);
    ck_assert(json_equal(x, y));
    ck_assert(!pgtree_identical(x, y));
    json_decref(x);
    json_decref(y);
    pgtree e;
    pgtree_parse("SELECT FROM WHERE", 0, &e);
    ck_assert_ptr_null(e.stmts);
    ck_assert_ptr_nonnull(e.error);
    ck_assert_int_eq(e.error->cursorpos, 13);
    pgtree_free(&e);
    /* Deeper than the JSON reader's limit: the JSON path's error. */
    sbuf deep = SBUF_INIT;
    sbuf_puts(&deep, "SELECT ");
    for (int i = 0; i < 1100; i++)
        sbuf_puts(&deep, "a + (");
    sbuf_puts(&deep, "1");
    for (int i = 0; i < 1100; i++)
        sbuf_puts(&deep, ")");
    pgtree_parse(sbuf_cstr(&deep), 0, &e);
    ck_assert_ptr_null(e.stmts);
    ck_assert(e.error || (e.read_error && strstr(e.read_error, "depth")));
    pgtree_free(&e);
    sbuf_free(&deep);
}
END_TEST

START_TEST(names)
{
    ck_assert_str_eq(sl_action_name(SL_ACTION_REWRITE), "rewrite");
    ck_assert_str_eq(sl_severity_name(SL_SEVERITY_WARNING), "warning");
    ck_assert_str_eq(sl_version(), SLUICE_VERSION);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("api");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, pass_through_is_byte_identical);
    tcase_add_test(tc, lineage_documents);
    tcase_add_test(tc, syntax_error_has_original_position);
    tcase_add_test(tc, hostile_input);
    tcase_add_test(tc, line_ends_lf_crlf_cr);
    tcase_add_test(tc, long_lists);
    tcase_add_test(tc, unterminated_exact_size_buffers);
    tcase_add_test(tc, request_size_is_checked);
    tcase_add_test(tc, several_statements);
    tcase_add_test(tc, parse_mode_gives_the_ast);
    tcase_add_test(tc, rules_errors_name_file_line_column_key);
    tcase_add_test(tc, unparseable_policy_is_explicit);
    tcase_add_test(tc, one_engine_many_threads);
    tcase_add_test(tc, zones_from_many_threads);
    tcase_add_test(tc, json_reader_matches_jansson);
    tcase_add_test(tc, arena_leaves_host_values_alone);
    tcase_add_test(tc, node_tree_matches_json_tree);
    tcase_add_test(tc, names);
    suite_add_tcase(s, tc);
    return check_run(s, CK_NOFORK);
}
