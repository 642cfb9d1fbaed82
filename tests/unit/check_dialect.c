/*
 * check_dialect.c - unit tests of the lexer and the dialect bridge:
 * token classes, string unescaping, the source map, marks, hints,
 * statement splitting and positioned errors.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "keywords.h"

/* PostgreSQL's own keyword lookup, the oracle for pg_keyword_category()
 * (which skips it for words no keyword is shaped like). */
struct ScanKeywordList;
extern const struct ScanKeywordList ScanKeywords;
extern const unsigned char ScanKeywordCategories[];
extern int ScanKeywordLookup(const char *str, const struct ScanKeywordList *keywords);

/* Bridge the first statement of sql; returns the bridged text (static
 * buffer) or the error message prefixed with "ERR@<offset>: ". */
static char result[8192];
static dialect_bridged last;

static const char *bridge(const char *sql)
{
    dialect_source src;
    dialect_error err;
    dialect_bridged_free(&last);
    if (dialect_lex(&src, sql, strlen(sql), &err) < 0) {
        snprintf(result, sizeof result, "ERR@%zu: %s", err.offset, err.message);
        return result;
    }
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    ck_assert_uint_ge(n, 1);
    if (dialect_bridge(&src, &st[0], &last, &err) < 0)
        snprintf(result, sizeof result, "ERR@%zu: %s", err.offset, err.message);
    else
        snprintf(result, sizeof result, "%s", last.pg.data);
    free(st);
    dialect_source_free(&src);
    return result;
}

static int oracle_category(const char *w)
{
    int idx = ScanKeywordLookup(w, &ScanKeywords);
    return idx < 0 ? PG_KW_NONE : ScanKeywordCategories[idx];
}

START_TEST(keyword_categories_match_postgres)
{
    static const char *const words[] = {
        "select", "FROM", "Where", "group", "by", "order", "limit", "interval", "AS", "on",
        "join", "left", "inner", "case", "when", "then", "else", "end", "and", "or", "not",
        "null", "true", "false", "distinct", "having", "union", "all", "in", "is", "like",
        "between", "cast", "exists", "over", "partition", "rows", "range", "current_date",
        "year", "month", "day", "hour", "minute", "second", "filter", "within", "lateral",
        "natural", "full", "cross", "using", "offset", "fetch", "values", "with", "recursive",
        "table", "window", "collate", "array", "row", "time", "timestamp", "zone", "asc",
        "desc", "nulls", "first", "last", "ilike", "similar", "escape", "any", "some",
        "grouping", "sets", "cube", "rollup", "user", "authorization", "binary", "freeze",
        "verbose", "analyse", "analyze", "only", "into", "returning", "do", "abort_",
        "transaction_date", "amount", "region", "revenue", "sales", "t", "p", "_", "x1",
        "selec", "selectt", "sElEcT", "ILIKE", "xmlelement", "XMLTABLE", "json_table"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        char lower[64];
        size_t n = strlen(words[i]);
        for (size_t k = 0; k <= n; k++)
            lower[k] = (char)(words[i][k] >= 'A' && words[i][k] <= 'Z' ? words[i][k] | 0x20
                                                                       : words[i][k]);
        ck_assert_msg(pg_keyword_category(words[i], n) == oracle_category(lower),
                      "category of %s", words[i]);
    }
    /* Random words of keyword-like shapes, in mixed case. */
    unsigned seed = 12345;
    for (int r = 0; r < 50000; r++) {
        char w[16], lower[16];
        size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 12;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            char c = "aeiorstnlcdmpuy_"[(seed >> 16) % 16];
            lower[k] = c;
            w[k] = (seed >> 24) % 2 && c != '_' ? (char)(c & ~0x20) : c;
        }
        w[n] = lower[n] = '\0';
        ck_assert_msg(pg_keyword_category(w, n) == oracle_category(lower), "category of %s", w);
    }
}
END_TEST

START_TEST(backtick_identifiers)
{
    ck_assert_str_eq(bridge("SELECT `a``b` FROM `My Table`"), "SELECT \"a`b\" FROM \"My Table\"");
    ck_assert_str_eq(bridge("SELECT `x\"y`"), "SELECT \"x\"\"y\"");
    ck_assert_str_eq(bridge("SELECT a FROM main.sales.t"), "SELECT a FROM main.sales.t");
}
END_TEST

START_TEST(case_of_identifiers_is_kept)
{
    /* Non-keywords with upper case are quoted so PostgreSQL keeps them. */
    ck_assert_str_eq(bridge("SELECT Region FROM T"), "SELECT \"Region\" FROM \"T\"");
    /* Keywords are left alone; after a dot they are only names. */
    ck_assert_str_eq(bridge("SELECT t.Year FROM t"), "SELECT t.\"Year\" FROM t");
    ck_assert_str_eq(bridge("SELECT default.x FROM t"), "SELECT \"default\".x FROM t");
}
END_TEST

START_TEST(strings)
{
    ck_assert_str_eq(bridge("SELECT \"dq\", 'it\\'s', 'a\\\\b'"), "SELECT 'dq', 'it''s', 'a\\b'");
    ck_assert_str_eq(bridge("SELECT r'\\d+', '\\u0041\\101\\n'"), "SELECT '\\d+', 'AA\n'");
    ck_assert_str_eq(bridge("SELECT 'a' 'b'  \"c\""), "SELECT 'abc'");
    ck_assert_str_eq(bridge("SELECT 'x\\%y'"), "SELECT 'x\\%y'");
    ck_assert_str_eq(bridge("SELECT 'a\\0b'"), "ERR@9: string literal contains a NUL character");
    ck_assert_str_eq(bridge("SELECT X\"1F\", x'ab'"), "SELECT X'1F', X'ab'");
    ck_assert_str_eq(bridge("SELECT X'1G'"), "ERR@10: invalid hexadecimal digit in binary literal");
    /* PostgreSQL would read this as a typed literal of type "foo". */
    ck_assert_str_eq(bridge("SELECT foo 'bar'"), "ERR@11: unexpected string literal after 'foo'");
    ck_assert_str_eq(bridge("SELECT `foo` 'bar'"), "ERR@13: unexpected string literal after '`foo`'");
    ck_assert_str_eq(bridge("SELECT f(1) 'bar'"), "ERR@12: unexpected string literal after ')'");
    ck_assert_str_eq(bridge("SELECT a.INTERVAL 7 DAYS"), "ERR@9: unexpected INTERVAL after '.'");
}
END_TEST

START_TEST(functions_and_literals)
{
    ck_assert_str_eq(bridge("SELECT current_date(), now(), current_timestamp ( )"),
                     "SELECT current_date, now(), current_timestamp ");
    ck_assert_str_eq(bridge("SELECT array(1, 2)"), "SELECT \"array\"(1, 2)");
    ck_assert_str_eq(bridge("SELECT 10L, 2.5D, 1e3"),
                     "SELECT 10::\"sluice:literal_l\", 2.5::\"sluice:literal_d\", 1e3");
    ck_assert_str_eq(bridge("SELECT -128Y, x -5L, -5::int"),
                     "SELECT (-128)::\"sluice:literal_y\", x -5::\"sluice:literal_l\", (-5)::\"int\"");
    ck_assert_str_eq(bridge("SELECT -(2147483648), - -2147483648"),
                     "SELECT -(2147483648::\"bigint\"), - (-2147483648)::\"int\"");
    ck_assert_str_eq(bridge("SELECT 'a\\U0001F600', '\\uD83D' '\\uDE00', '\\200\\101'"),
                     "SELECT 'a\xF0\x9F\x98\x80', '\xF0\x9F\x98\x80', '200A'");
    /* IDENTIFIER : (LETTER | DIGIT | '_')+ : 10Q is a name, not a number */
    ck_assert_str_eq(bridge("SELECT 10Q, 10q"), "SELECT \"10Q\", \"10q\"");
    ck_assert_str_eq(bridge("SELECT CAST(x AS STRING), y::ARRAY<INT>"),
                     "SELECT CAST(x AS \"string\"), y::\"ARRAY<INT>\" ");
    ck_assert_str_eq(bridge("SELECT CAST(x AS MAP<STRING, ARRAY<INT>>)"),
                     "SELECT CAST(x AS \"MAP<STRING,ARRAY<INT>>\" )");
}
END_TEST

START_TEST(intervals)
{
    ck_assert_str_eq(bridge("SELECT INTERVAL 7 DAYS"), "SELECT INTERVAL '7 DAYS'");
    ck_assert_str_eq(bridge("SELECT INTERVAL '7' DAY"), "SELECT INTERVAL '7' DAY");
    ck_assert_str_eq(bridge("SELECT INTERVAL 1 DAY 2 hours"), "SELECT INTERVAL '1 DAY 2 hours'");
    ck_assert_str_eq(bridge("SELECT INTERVAL -3 months"), "SELECT INTERVAL '-3 months'");
    ck_assert_str_eq(bridge("SELECT INTERVAL '1-2' YEAR TO MONTH"), "SELECT INTERVAL '1-2' YEAR TO MONTH");
    ck_assert_str_eq(bridge("SELECT INTERVAL x"),
                     "ERR@7: unsupported INTERVAL syntax: expected a number or string and a unit");
}
END_TEST

START_TEST(operators_and_marks)
{
    ck_assert_str_eq(bridge("SELECT a DIV b"), "SELECT a / b");
    ck_assert_int_eq(dialect_mark_at(&last, 9), DM_DIV);
    ck_assert_str_eq(bridge("SELECT a RLIKE b, c NOT REGEXP d"), "SELECT a LIKE b, c NOT LIKE d");
    ck_assert_int_eq(dialect_mark_at(&last, 9), DM_RLIKE);
    ck_assert_int_eq(dialect_mark_at(&last, 19), DM_RLIKE);   /* at NOT */
    ck_assert_str_eq(bridge("SELECT a == b, a <=> b, a != b"),
                     "SELECT a = b, a IS NOT DISTINCT FROM b, a != b");
    ck_assert_str_eq(bridge("SELECT TRY_CAST(a AS INT)"), "SELECT CAST(a AS \"int\")");
    ck_assert_int_eq(dialect_mark_at(&last, 7), DM_TRY_CAST);
}
END_TEST

START_TEST(precedence_is_forced)
{
    /* Spark: & binds tighter than ^ tighter than |; PostgreSQL does not
     * know that, so the bridge brackets Spark's grouping explicitly. */
    ck_assert_str_eq(bridge("SELECT a | b & c"), "SELECT a | (b & c)");
    ck_assert_str_eq(bridge("SELECT a || b + c"), "SELECT (a || b )+ c");
    ck_assert_str_eq(bridge("SELECT a + b DIV c"), "SELECT a + b / c");
    ck_assert_str_eq(bridge("SELECT ~a + b"), "SELECT (~a) + b");
    ck_assert_str_eq(bridge("SELECT a ^ b"), "SELECT a # b");
}
END_TEST

START_TEST(lambdas_lateral_qualify)
{
    ck_assert_str_eq(bridge("SELECT filter(a, x -> x > 0 AND x < 9)"),
                     "SELECT filter(a, x -> ( x > 0 AND x < 9))");
    ck_assert_str_eq(bridge("SELECT aggregate(a, 0, (s, x) -> s + x)"),
                     "SELECT aggregate(a, 0, (s, x) -> ( s + x))");
    ck_assert_str_eq(bridge("SELECT x -> 1"),
                     "ERR@9: a lambda '->' is only allowed as a function argument");
    ck_assert_str_eq(bridge("SELECT c FROM t LATERAL VIEW explode(a) e AS c"),
                     "SELECT c FROM t CROSS JOIN LATERAL explode(a) AS e ( c)");
    ck_assert_int_eq(dialect_mark_at(&last, 35), DM_LATERAL_VIEW);
    ck_assert_str_eq(bridge("SELECT c FROM t LATERAL VIEW OUTER explode(a) e AS c"),
                     "SELECT c FROM t LEFT JOIN LATERAL explode(a) AS e ( c) ON TRUE");
    ck_assert_str_eq(bridge("SELECT a FROM t QUALIFY r = 1 ORDER BY a"),
                     "SELECT a FROM t WINDOW \"sluice:qualify\" AS (PARTITION BY ( r = 1 )) ORDER BY a");
    ck_assert_str_eq(bridge("SELECT a FROM t QUALIFY r = 1 WINDOW w AS (ORDER BY a)"),
                     "SELECT a FROM t WINDOW \"sluice:qualify\" AS (PARTITION BY ( r = 1 )) , w AS (ORDER BY a)");
    ck_assert_str_eq(bridge("SELECT `sluice:qualify` FROM t"),
                     "ERR@7: identifiers starting with 'sluice:' are reserved by sluice");
    ck_assert_str_eq(bridge("SELECT a FROM t DISTRIBUTE BY a SORT BY b DESC LIMIT 3"),
                     "SELECT a FROM t WINDOW \"sluice:distribute_by\" AS (PARTITION BY a ) , "
                     "\"sluice:sort_by\" AS (ORDER BY b DESC ) LIMIT 3");
    ck_assert_str_eq(bridge("SELECT 1 UNION SELECT 2 SORT BY 1"),
                     "ERR@24: SORT BY / CLUSTER BY / DISTRIBUTE BY after a set operation "
                     "is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM (SELECT 1) WHERE TRUE"),
                     "SELECT * FROM (SELECT 1) AS \"sluice:anonymous\" WHERE TRUE");
}
END_TEST

START_TEST(hints_and_values)
{
    ck_assert_str_eq(bridge("SELECT /*+ BROADCAST(d) */ a FROM t"), "SELECT   a FROM t");
    ck_assert_uint_eq(last.nhints, 1);
    ck_assert_str_eq(last.hints[0].text, " BROADCAST(d) ");
    ck_assert_uint_eq(last.hints[0].anchor, 9);
    ck_assert_str_eq(bridge("SELECT * FROM VALUES (1), (2) AS t(a)"),
                     "SELECT * FROM (VALUES (1), (2)) AS t(a)");
    ck_assert_str_eq(bridge("VALUES 1, 2"), "VALUES (1), (2)");
    /* SEMI / ANTI joins: a LEFT JOIN whose condition carries the kind. */
    ck_assert_str_eq(bridge("SELECT * FROM a LEFT SEMI JOIN b ON x"),
                     "SELECT * FROM a LEFT  JOIN b ON \"sluice:semi\"( x)");
    ck_assert_str_eq(bridge("SELECT * FROM a ANTI JOIN b ON x = 1 WHERE y"),
                     "SELECT * FROM a LEFT JOIN b ON \"sluice:anti\"( x = 1) WHERE y");
    /* TABLESAMPLE: the alias moves first, the kind is the method name. */
    ck_assert_str_eq(bridge("SELECT * FROM t TABLESAMPLE(5 ROWS) `S`"),
                     "SELECT * FROM t  AS \"S\" TABLESAMPLE sluice_rows (5 ) ");
    /* Time travel travels the same way. */
    ck_assert_str_eq(bridge("SELECT * FROM t VERSION AS OF 3 x"),
                     "SELECT * FROM t  AS \"x\" TABLESAMPLE sluice_version (3 ) ");
    ck_assert_str_eq(bridge("SELECT * FROM t@v3"),
                     "SELECT * FROM t TABLESAMPLE sluice_at ('v3') ");
    /* PIVOT: a lateral call the parser's fix-up turns into a derived table. */
    ck_assert_str_eq(bridge("SELECT * FROM t PIVOT (sum(x) s FOR y IN (1 AS a))"),
                     "SELECT * FROM t CROSS JOIN LATERAL \"sluice:pivot\" (\"s\" => sum(x)  , "
                     "\"sluice:for\"( y ) , \"sluice:in\" (\"a\" => 1 ))");
    ck_assert_str_eq(bridge("SELECT 1 FROM t GROUP BY ALL"), "SELECT 1 FROM t GROUP BY \"sluice:all\"");
    /* JSON paths and * EXCEPT. */
    ck_assert_str_eq(bridge("SELECT t.a:b[0].c"), "SELECT \"sluice:json_path\"(t.a, 'b[0].c')");
    ck_assert_str_eq(bridge("SELECT * EXCEPT (a)"), "SELECT * , \"sluice:except\" (a)");
    /* Parameter markers are numbered in order. */
    ck_assert_str_eq(bridge("SELECT :a, ? FROM t"), "SELECT $1, $2 FROM t");
    /* LIKE ANY (...) is PostgreSQL's LIKE ANY (ARRAY[...]). */
    ck_assert_str_eq(bridge("SELECT a LIKE SOME ('x', 'y')"),
                     "SELECT a LIKE ANY (ARRAY['x', 'y'])");
    /* WITH ROLLUP becomes ROLLUP(...) around the GROUP BY list. */
    ck_assert_str_eq(bridge("SELECT 1 FROM t GROUP BY a, b WITH ROLLUP"),
                     "SELECT 1 FROM t GROUP BY ROLLUP(a, b ) ");
    ck_assert_str_eq(bridge("SELECT * FROM t TABLESAMPLE (BUCKET 4 OUT OF 10)"),
                     "SELECT * FROM t TABLESAMPLE  sluice_bucket ( 4 ,  10)");
}
END_TEST

START_TEST(refusals_are_positioned)
{
    ck_assert_str_eq(bridge("SELECT * FROM a ANTI JOIN b USING (x)"),
                     "ERR@16: ANTI JOIN without ON is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM STREAM t"),
                     "ERR@14: STREAM (a streaming read) is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM a, STREAM(t)"),
                     "ERR@17: STREAM (a streaming read) is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM (SELECT 1) TABLESAMPLE (5 ROWS)"),
                     "ERR@25: TABLESAMPLE other than right after a table name is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM t WHERE d > ${start}"),
                     "ERR@26: unrendered template variable ${start}: render the query first");
    ck_assert_str_eq(bridge("SELECT a:b:c"),
                     "ERR@10: JSON path extraction on this kind of operand is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT a:b 'x'"), "ERR@11: unexpected string literal after a JSON path");
    ck_assert_str_eq(bridge("SELECT x::t:y"), "ERR@11: unexpected ':' in a type name");
    ck_assert_str_eq(bridge("SELECT a * EXCEPT (b) FROM t"),
                     "ERR@11: EXCEPT after a '*' that does not start a select-list item is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM t VERSION AS OF 1 TABLESAMPLE (1 ROWS)"),
                     "ERR@32: TABLESAMPLE together with time travel is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT a FROM t WHERE a RLIKE ANY ('x')"),
                     "ERR@30: RLIKE ANY / SOME / ALL is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT a FROM t PIVOT (sum(x) y IN (1))"),
                     "ERR@38: expected FOR in PIVOT (...)");
    ck_assert_str_eq(bridge("SELECT a FROM t PIVOT (sum(x) FOR y IN ())"),
                     "ERR@40: PIVOT needs at least one IN value");
    ck_assert_str_eq(bridge("SELECT a, PIVOT (x) FROM t"),
                     "ERR@10: PIVOT / UNPIVOT other than after a FROM item is not supported by sluice's Databricks dialect bridge");
    ck_assert_str_eq(bridge("SELECT * FROM a NATURAL SEMI JOIN (SELECT 1) b"),
                     "ERR@24: NATURAL SEMI JOIN other than of a table name is not supported by sluice's Databricks dialect bridge");
}
END_TEST

START_TEST(lexer_errors)
{
    const char nul[] = "SELECT 1\0 x";
    dialect_source src;
    dialect_error err;
    ck_assert_int_eq(dialect_lex(&src, nul, sizeof nul - 1, &err), -1);
    ck_assert_uint_eq(err.offset, 8);
    ck_assert_str_eq(err.message, "NUL byte in query text");
    ck_assert_str_eq(bridge("SELECT 'abc"), "ERR@7: unterminated string literal");
    ck_assert_str_eq(bridge("SELECT (1"), "ERR@7: '(' is never closed");
    ck_assert_str_eq(bridge("SELECT 1)"), "ERR@8: unmatched ')'");
    ck_assert_str_eq(bridge("SELECT /* x"), "ERR@7: unterminated comment");
    ck_assert_str_eq(bridge("SELECT `x"), "ERR@7: unterminated quoted identifier");
    ck_assert_str_eq(bridge("SELECT 'h\xc3\xa9', 1 \xff"), "ERR@16: invalid UTF-8 in query text");
    ck_assert_str_eq(bridge("SELECT '\xc0\xaf'"), "ERR@8: invalid UTF-8 in query text");  /* overlong */
    ck_assert_str_eq(bridge("SELECT * FROM a~b"), "ERR@15: '~' is a prefix operator");
    ck_assert_str_eq(bridge("SELECT (a -> a + 1)"),
                     "ERR@10: a lambda '->' is only allowed as a function argument");
}
END_TEST

START_TEST(deep_nesting_is_refused)
{
    char *q = malloc(2000);
    strcpy(q, "SELECT ");
    for (int i = 0; i < 300; i++)
        strcat(q, "(");
    strcat(q, "1");
    for (int i = 0; i < 300; i++)
        strcat(q, ")");
    const char *r = bridge(q);
    ck_assert_str_eq(r, "ERR@263: brackets nested deeper than 256 levels");
    free(q);
}
END_TEST

START_TEST(statement_split)
{
    const char *sql = "SELECT ';' ; -- only a comment ;\n ; SELECT (1;2) ; ";
    dialect_source src;
    dialect_error err;
    ck_assert_int_eq(dialect_lex(&src, sql, strlen(sql), &err), 0);
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(st[0].start, 0);
    ck_assert_uint_eq(st[0].end, 10);
    ck_assert_int_eq(strncmp(sql + st[1].start, "SELECT (1;2)", st[1].end - st[1].start), 0);
    free(st);
    dialect_source_free(&src);
}
END_TEST

START_TEST(source_map_points_into_the_original)
{
    /* `Big Name` (10 bytes) becomes "Big Name" and INTERVAL 7 DAYS grows. */
    const char *sql = "SELECT `Big Name`, INTERVAL 7 DAYS, zz FROM t";
    const char *pg = bridge(sql);
    ck_assert_str_eq(pg, "SELECT \"Big Name\", INTERVAL '7 DAYS', zz FROM t");
    size_t zz = (size_t)(strstr(pg, "zz") - pg);
    ck_assert_uint_eq(dialect_to_orig(&last, zz), (size_t)(strstr(sql, "zz") - sql));
    size_t from = (size_t)(strstr(pg, "FROM") - pg);
    ck_assert_uint_eq(dialect_to_orig(&last, from), (size_t)(strstr(sql, "FROM") - sql));
}
END_TEST

/* Spark 4.0 SqlBaseLexer.g4: SIMPLE_COMMENT, BRACKETED_COMMENT, hints,
 * WS, and what PostgreSQL is handed for each. */
START_TEST(comments_and_whitespace_as_spark_reads_them)
{
    /* '--' ('\\\n' | ~[\r\n])* '\r'? '\n'? : a backslash before LF
     * continues the comment, so the WHERE is comment; PostgreSQL gets a
     * space in the comment's place. */
    ck_assert_str_eq(bridge("SELECT a FROM t -- note \\\nWHERE d > 1"), "SELECT a FROM t");
    ck_assert_str_eq(bridge("SELECT a -- x \\\n, b\nFROM t"), "SELECT a  FROM t");
    /* A lone CR ends the comment: what follows is query text. */
    ck_assert_str_eq(bridge("SELECT a FROM t -- x\rWHERE d > 1"), "SELECT a FROM t  WHERE d > 1");
    ck_assert_str_eq(bridge("SELECT a\r\n-- x\r\nFROM t"), "SELECT a\r\n FROM t");
    /* A backslash before CR LF does not continue it. */
    ck_assert_str_eq(bridge("SELECT a -- x \\\r\nFROM t"), "SELECT a  FROM t");
    /* Nested comments; slash-star-plus opens none inside a comment. */
    ck_assert_str_eq(bridge("SELECT a /* 1 /* 2 */ 3 */ FROM t"), "SELECT a   FROM t");
    ck_assert_str_eq(bridge("SELECT a /* 1 /*+ 2 */ FROM t"), "SELECT a   FROM t");
    ck_assert_str_eq(bridge("SELECT a /* 1 /*+ 2 */ 3 */ FROM t"),
                     "ERR@25: '*/' outside a comment or hint");
    ck_assert_str_eq(bridge("SELECT a */ FROM t"), "ERR@9: '*/' outside a comment or hint");
    /* WS : [ \t\n\f\r\u000B\u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000]+ */
    ck_assert_str_eq(bridge("SELECT a\xc2\xa0" "FROM\xe3\x80\x80t\v,\xe2\x80\x8au"),
                     "SELECT a FROM t , u");
    ck_assert_uint_eq(dialect_to_orig(&last, 16), 19);   /* the comma */
    ck_assert_str_eq(bridge("SELECT a\xe2\x80\x8b" "FROM t"),   /* U+200B is not a space */
                     "ERR@8: a character outside ASCII in an unquoted name or between tokens: "
                     "Spark accepts only A-Z, 0-9 and _ there (back-quote the name)");
    ck_assert_str_eq(bridge("SELECT caf\xc3\xa9 FROM t"),
                     "ERR@10: a character outside ASCII in an unquoted name or between tokens: "
                     "Spark accepts only A-Z, 0-9 and _ there (back-quote the name)");
    ck_assert_str_eq(bridge("SELECT * FROM file:///tmp/x"),
                     "ERR@14: a path written as a name: Spark reads it only in back quotes");
}
END_TEST

START_TEST(hint_bodies_are_tokens)
{
    /* HENT_START hintStatement (COMMA? hintStatement)* HENT_END: a
     * star-slash in a string or a -- comment does not end the hint. */
    ck_assert_str_eq(bridge("SELECT /*+ REPARTITION(3, 'a*/b') */ a FROM t"), "SELECT   a FROM t");
    ck_assert_str_eq(last.hints[0].text, " REPARTITION(3, 'a*/b') ");
    ck_assert_str_eq(bridge("SELECT /*+ BROADCAST(t) -- */ x\n */ a FROM t"), "SELECT   a FROM t");
    ck_assert_str_eq(bridge("SELECT /*+ BROADCAST(`a*/`) */ a FROM t"), "SELECT   a FROM t");
    ck_assert_str_eq(bridge("SELECT /*+ A B(x) C, D */ a FROM t"), "SELECT   a FROM t");
    ck_assert_str_eq(bridge("SELECT /*+ 'x */ a FROM t"), "ERR@11: unterminated string literal");
    ck_assert_str_eq(bridge("SELECT /*+ BROADCAST(t) a FROM t"), "ERR@7: unterminated hint");
    ck_assert_str_eq(bridge("SELECT /*+ A /*+ B */ */ a FROM t"), "ERR@13: a hint inside a hint");
    ck_assert_str_eq(bridge("SELECT /*+ BROADCAST() */ a FROM t"),
                     "ERR@21: a hint Spark cannot parse: hint names, each with an optional "
                     "bracketed list of arguments");
    ck_assert_str_eq(bridge("SELECT /*+ , A */ a FROM t"),
                     "ERR@11: a hint Spark cannot parse: hint names, each with an optional "
                     "bracketed list of arguments");
    ck_assert_str_eq(bridge("SELECT a /*+ A */ FROM t"),
                     "ERR@9: a hint (/*+ ... */) stands only right after SELECT; write a comment "
                     "as /* ... */");
}
END_TEST

START_TEST(names_read_by_the_sql_lexer)
{
    char parts[3][256];
    ck_assert_int_eq(dialect_multipart_name("main.sales.t", parts), 3);
    ck_assert_str_eq(parts[2], "t");
    ck_assert_int_eq(dialect_multipart_name(" main . `s``x` /* c */ . t\xc2\xa0-- x", parts), 3);
    ck_assert_str_eq(parts[0], "main");
    ck_assert_str_eq(parts[1], "s`x");
    ck_assert_str_eq(parts[2], "t");
    ck_assert_int_eq(dialect_multipart_name("`a.b`", parts), 1);
    ck_assert_str_eq(parts[0], "a.b");
    ck_assert_int_eq(dialect_multipart_name("123abc", parts), 1);
    ck_assert_int_eq(dialect_multipart_name("a.b.c.d", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("a.", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("a b", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("a-b", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("a.10L", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("", parts), -1);
    ck_assert_int_eq(dialect_multipart_name("a -- x \\\n.b", parts), 1);
    ck_assert_int_eq(dialect_multipart_name("a -- x\r.b", parts), 2);
    ck_assert_int_eq(dialect_multipart_name("caf\xc3\xa9", parts), -1);
}
END_TEST

static Suite *dialect_suite(void)
{
    Suite *s = suite_create("dialect");
    TCase *tc = tcase_create("bridge");
    tcase_add_test(tc, backtick_identifiers);
    tcase_add_test(tc, case_of_identifiers_is_kept);
    tcase_add_test(tc, strings);
    tcase_add_test(tc, functions_and_literals);
    tcase_add_test(tc, intervals);
    tcase_add_test(tc, operators_and_marks);
    tcase_add_test(tc, precedence_is_forced);
    tcase_add_test(tc, lambdas_lateral_qualify);
    tcase_add_test(tc, hints_and_values);
    tcase_add_test(tc, refusals_are_positioned);
    tcase_add_test(tc, keyword_categories_match_postgres);
    tcase_add_test(tc, lexer_errors);
    tcase_add_test(tc, deep_nesting_is_refused);
    tcase_add_test(tc, statement_split);
    tcase_add_test(tc, source_map_points_into_the_original);
    tcase_add_test(tc, comments_and_whitespace_as_spark_reads_them);
    tcase_add_test(tc, hint_bodies_are_tokens);
    tcase_add_test(tc, names_read_by_the_sql_lexer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int status = check_run(dialect_suite(), CK_NOFORK);
    dialect_bridged_free(&last);
    return status;
}
