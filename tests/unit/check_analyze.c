/*
 * check_analyze.c - the analysis layer: query blocks, FROM items and
 * joins, CTE scopes, GROUP BY keys, aggregates, conjuncts, output
 * columns, function classes, the predicates of analyze_pred.c, and
 * filter reach (analyze_range.c).
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "emit.h"
#include "parse.h"
#include "resolve.h"
#include "rules.h"
#include "sbuf.h"

static json_t *tree;
static analysis an;
static resolution rs;

static void build(const char *sql)
{
    dialect_error err;
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_msg(nodes != NULL, "does not parse: %s (%s)", sql, err.message);
    tree = json_incref(json_array_get(nodes, 0));
    json_decref(nodes);
    analysis_build(&an, tree, "main", "sales");
    resolve_build(&rs, &an, NULL);
}

static void done(void)
{
    resolve_free(&rs);
    analysis_free(&an);
    json_decref(tree);
    tree = NULL;
}

/* An expression as Databricks SQL, for comparisons. */
static char text[1024];
static const char *sql_of(json_t *e)
{
    sbuf b = SBUF_INIT;
    emit_error err;
    ck_assert_int_eq(emit_expression(e, EMIT_DATABRICKS, &b, &err), 0);
    snprintf(text, sizeof text, "%s", sbuf_cstr(&b));
    sbuf_free(&b);
    return text;
}

static an_item *item_named(const char *alias)
{
    for (size_t i = 0; i < an.nitems; i++)
        if (an.items[i]->alias && strcmp(an.items[i]->alias, alias) == 0)
            return an.items[i];
    ck_abort_msg("no item %s", alias);
    return NULL;
}

START_TEST(blocks_items_and_joins)
{
    build("SELECT * FROM sales.transactions t JOIN main.sales.products p ON p.id = t.id "
          "LEFT JOIN (SELECT id FROM web.page_events) e ON e.id = t.id, explode(array(1)) x");
    ck_assert_uint_eq(an.nblocks, 2);
    ck_assert_ptr_eq(an.top, an.blocks[0]);     /* a block comes before those in its FROM */
    ck_assert_uint_eq(an.top->nitems, 4);
    an_item *t = item_named("t"), *p = item_named("p"), *e = item_named("e");
    ck_assert_int_eq(t->kind, AN_TABLE);
    ck_assert_str_eq(t->qualified, "main.sales.transactions");
    ck_assert_str_eq(p->qualified, "main.sales.products");
    ck_assert_int_eq(e->kind, AN_SUBQUERY);
    ck_assert_ptr_eq(an.blocks[1]->derived, e);
    ck_assert_str_eq(an.blocks[1]->items[0]->qualified, "main.web.page_events");
    /* t is under the left side of the inner join, under the left side of the LEFT JOIN. */
    ck_assert_ptr_nonnull(t->join);
    ck_assert_int_eq(t->join->side, 0);
    ck_assert_str_eq(ast_str(t->join->join, "jointype"), "JOIN_INNER");
    ck_assert_int_eq(t->join->up->side, 0);
    ck_assert_str_eq(ast_str(t->join->up->join, "jointype"), "JOIN_LEFT");
    ck_assert_ptr_null(t->join->up->up);
    ck_assert_int_eq(e->join->side, 1);
    ck_assert_ptr_null(e->join->up);
    ck_assert_int_eq(item_named("x")->kind, AN_FUNCTION);
    ck_assert(!an.incomplete.set);
    done();
}
END_TEST

START_TEST(joins_of_any_depth)
{
    sbuf q = SBUF_INIT;
    sbuf_puts(&q, "SELECT * FROM sales.transactions t");
    for (int i = 1; i < 200; i++)
        sbuf_printf(&q, " JOIN sales.products p%d ON p%d.id = t.id", i, i);
    build(sbuf_cstr(&q));
    sbuf_free(&q);
    ck_assert_uint_eq(an.nitems, 200);
    an_item *t = item_named("t");
    int depth = 0;
    for (an_join_step *st = t->join; st; st = st->up)
        depth++;
    ck_assert_int_eq(depth, 199);
    ck_assert(!an.incomplete.set);
    done();
}
END_TEST

START_TEST(ctes_shadow_tables)
{
    build("WITH transactions AS (SELECT * FROM sales.transactions), "
          "r AS (SELECT * FROM transactions) "
          "SELECT * FROM r JOIN transactions x ON true JOIN unused_elsewhere u ON true");
    ck_assert_uint_eq(an.nctes, 2);
    ck_assert_str_eq(an.ctes[0]->name, "transactions");
    ck_assert_uint_eq(an.ctes[0]->nrefs, 2);      /* in r and as x */
    ck_assert_uint_eq(an.ctes[1]->nrefs, 1);
    ck_assert_int_eq(item_named("x")->kind, AN_CTE_REF);
    ck_assert_int_eq(item_named("u")->kind, AN_TABLE);
    ck_assert_str_eq(item_named("u")->qualified, "main.sales.unused_elsewhere");
    /* The qualified name inside the first CTE is the catalog table. */
    ck_assert_int_eq(an.blocks[0]->items[0]->kind, AN_TABLE);
    ck_assert_ptr_eq(an.blocks[0]->cte, an.ctes[0]);
    done();

    build("WITH gone AS (DELETE FROM sales.transactions RETURNING *) SELECT * FROM gone");
    ck_assert_uint_eq(an.nctes, 1);
    ck_assert_ptr_null(an.ctes[0]->query);
    ck_assert_str_eq(an.ctes[0]->statement_kind, "DeleteStmt");
    done();
}
END_TEST

START_TEST(set_operations_name_by_first_branch)
{
    build("SELECT a AS x, b FROM t1 UNION ALL SELECT c, d AS y FROM t2");
    ck_assert_uint_eq(an.nblocks, 2);
    ck_assert_ptr_null(an.top);
    const an_block *second = an.blocks[1];
    ck_assert_uint_eq(second->noutputs, 2);
    ck_assert_str_eq(second->outputs[0].name, "x");
    ck_assert_str_eq(second->outputs[1].name, "b");
    ck_assert_str_eq(sql_of(second->outputs[0].expr), "c");
    done();
}
END_TEST

START_TEST(group_keys_resolved)
{
    build("SELECT date_trunc('day', ts) AS day, region AS r, sum(amount) AS revenue "
          "FROM sales.transactions GROUP BY 1, r, channel");
    const an_block *b = an.top;
    ck_assert_uint_eq(b->ngroup, 3);
    ck_assert_str_eq(sql_of(b->group[0].expr), "date_trunc('day', ts)");
    ck_assert_str_eq(sql_of(b->group[0].written), "1");
    ck_assert_int_eq(b->group[0].via_alias, 0);
    ck_assert_str_eq(sql_of(b->group[1].expr), "region");
    ck_assert_int_eq(b->group[1].via_alias, 1);
    ck_assert_str_eq(sql_of(b->group[2].expr), "channel");
    ck_assert_int_eq(b->grouping_sets, 0);
    done();

    build("SELECT a, b, count(*) FROM t GROUP BY ROLLUP (a, b)");
    ck_assert_int_eq(an.top->grouping_sets, 1);
    done();
    build("SELECT a, count(*) FROM t GROUP BY GROUPING SETS ((a), ())");
    ck_assert_int_eq(an.top->grouping_sets, 1);
    done();
}
END_TEST

START_TEST(aggregates_of_this_level)
{
    build("SELECT count(*), count(DISTINCT customer_id), sum(amount) FILTER (WHERE amount > 0), "
          "avg(x) OVER (PARTITION BY y), (SELECT max(z) FROM u), SUM(amount) "
          "FROM t HAVING min(a) > 0 ORDER BY max(b)");
    const an_block *b = NULL;
    for (size_t i = 0; i < an.nblocks; i++)
        if (!an.blocks[i]->in_expression)
            b = an.blocks[i];
    ck_assert_uint_eq(b->naggs, 6);
    ck_assert_int_eq(b->aggs[0].star, 1);
    ck_assert_str_eq(b->aggs[0].name, "count");
    ck_assert_int_eq(b->aggs[1].distinct, 1);
    ck_assert_ptr_nonnull(b->aggs[2].filter);
    ck_assert_str_eq(sql_of(b->aggs[2].filter), "amount > 0");
    ck_assert_str_eq(sql_of(json_array_get(b->aggs[2].args, 0)), "amount");
    ck_assert_str_eq(b->aggs[3].name, "SUM");
    ck_assert_str_eq(b->aggs[4].name, "min");
    ck_assert_str_eq(b->aggs[5].name, "max");
    ck_assert_int_eq(b->has_window, 1);
    done();
}
END_TEST

START_TEST(conjuncts_flattened)
{
    build("SELECT a FROM t WHERE a = 1 AND (b = 2 AND (c = 3 OR d = 4)) AND e = 5 "
          "GROUP BY a HAVING a > 0 AND count(*) > 1");
    const an_block *b = an.top;
    ck_assert_uint_eq(b->nwhere, 4);
    ck_assert_str_eq(sql_of(b->where[0]), "a = 1");
    ck_assert_str_eq(sql_of(b->where[1]), "b = 2");
    ck_assert_str_eq(sql_of(b->where[2]), "c = 3 OR d = 4");
    ck_assert_str_eq(sql_of(b->where[3]), "e = 5");
    ck_assert_uint_eq(b->nhaving, 2);
    /* A HAVING conjunct on keys only, and one with an aggregate. */
    ck_assert(an_refers_to_keys_only(b, b->having[0]));
    ck_assert(!an_refers_to_keys_only(b, b->having[1]));
    done();

    build("SELECT d, sum(x) FROM t GROUP BY date_trunc('month', d), d "
          "HAVING date_trunc('month', d) >= '2026-01-01' AND rand() > 0.5 AND e > 1");
    b = an.top;
    ck_assert(an_refers_to_keys_only(b, b->having[0]));
    ck_assert(!an_refers_to_keys_only(b, b->having[1]));   /* not deterministic */
    ck_assert(!an_refers_to_keys_only(b, b->having[2]));   /* e is not a key */
    done();
}
END_TEST

/* The 86 aggregate functions of Spark's registry (sql-expression-schema.md). */
#define AGGS_OF_SPARK \
    "any_value", "approx_top_k", "approx_top_k_accumulate", "approx_top_k_combine", \
    "approx_percentile", "percentile_approx", "avg", "mean", "bit_and", "bit_or", "bit_xor", \
    "bool_and", "every", "any", "bool_or", "some", "array_agg", "collect_list", \
    "collect_set", "corr", "count", "count_if", "count_min_sketch", "covar_pop", \
    "covar_samp", "first", "first_value", "histogram_numeric", "hll_sketch_agg", \
    "hll_union_agg", "approx_count_distinct", "kll_merge_agg_bigint", \
    "kll_merge_agg_double", "kll_merge_agg_float", "kll_sketch_agg_bigint", \
    "kll_sketch_agg_double", "kll_sketch_agg_float", "kurtosis", "last", "last_value", \
    "listagg", "string_agg", "max", "max_by", "median", "min", "min_by", "mode", \
    "percentile", "percentile_cont", "percentile_disc", "regr_avgx", "regr_avgy", \
    "regr_count", "regr_intercept", "regr_r2", "regr_sxx", "regr_sxy", "regr_syy", \
    "regr_slope", "skewness", "stddev_pop", "std", "stddev", "stddev_samp", "sum", \
    "theta_intersection_agg", "theta_sketch_agg", "theta_union_agg", "try_avg", "try_sum", \
    "tuple_intersection_agg_double", "tuple_intersection_agg_integer", \
    "tuple_sketch_agg_double", "tuple_sketch_agg_integer", "tuple_union_agg_double", \
    "tuple_union_agg_integer", "var_pop", "var_samp", "variance", "bitmap_and_agg", \
    "bitmap_construct_agg", "bitmap_or_agg", "vector_avg", "vector_sum", \
    "schema_of_variant_agg",

START_TEST(function_classes)
{
    build("SELECT explode(collect_list(a)) FROM t");
    ck_assert_int_eq(an.top->has_generator, 1);
    ck_assert_uint_eq(an.top->naggs, 1);
    done();
    build("SELECT a, rand() AS r FROM t WHERE d >= current_date()");
    ck_assert_int_eq(an.top->has_generator, 0);
    ck_assert_int_eq(an.top->nondeterministic, 1);
    ck_assert_int_eq(an.top->time_dependent, 1);
    done();
    build("SELECT a FROM t WHERE b IN (SELECT uuid() FROM u)");
    ck_assert_int_eq(an.top->nondeterministic, 0);      /* the subquery's, not ours */
    done();
    ck_assert(an_is_aggregate_name("COUNT_IF"));
    ck_assert(an_is_aggregate_name("percentile_approx"));
    ck_assert(!an_is_aggregate_name("coalesce"));
    ck_assert(an_is_generator_name("posexplode_outer"));
    /* The table is binary-searched: its first, last and neighbouring
     * names must all be found. */
    static const char *const aggs[] = {"any", "any_value", "bit_xor", "bitmap_construct_agg",
                                       "first", "first_value", "std", "stddev", "var_samp",
                                       "variance", NULL};
    for (int i = 0; aggs[i]; i++)
        ck_assert_msg(an_is_aggregate_name(aggs[i]), "%s", aggs[i]);
    ck_assert(an_is_nondeterministic_name("monotonically_increasing_id"));
    ck_assert(an_is_nondeterministic_name("UUID"));
    ck_assert(an_is_time_function_name("curdate"));
    ck_assert(an_is_time_function_name("unix_timestamp"));
    ck_assert(an_is_generator_name("stack"));
    ck_assert(an_is_generator_name("explode"));
    ck_assert_uint_eq(an_function_classes("rand"), AN_FN_NONDETERMINISTIC);
    ck_assert_uint_eq(an_function_classes("nope"), AN_FN_UNKNOWN);
    ck_assert(!an_is_generator_name("explodes"));
    /* Every aggregate of Spark's registry (86), and Databricks' measure:
     * each is found, and is an aggregate. */
    static const char *const all_aggs[] = {
        AGGS_OF_SPARK "measure", NULL};
    int n = 0;
    for (int i = 0; all_aggs[i]; i++, n++)
        ck_assert_msg(an_function_classes(all_aggs[i]) & AN_FN_AGGREGATE, "%s", all_aggs[i]);
    ck_assert_int_eq(n, 87);
    /* Window functions, scalars, and unknown names (UDFs, newer built-ins). */
    static const char *const windows[] = {"row_number", "rank", "dense_rank", "percent_rank",
                                          "cume_dist", "ntile", "lag", "lead", "nth_value",
                                          "counter_diff", NULL};
    for (int i = 0; windows[i]; i++)
        ck_assert_uint_eq(an_function_classes(windows[i]), AN_FN_WINDOW);
    static const char *const scalars[] = {"abs", "coalesce", "date_trunc", "upper", "xpath_string",
                                          "zip_with", "kll_sketch_merge_bigint", "hll_union",
                                          "sluice:json_path", NULL};
    for (int i = 0; scalars[i]; i++)
        ck_assert_msg(an_function_classes(scalars[i]) == AN_FN_SCALAR, "%s", scalars[i]);
    ck_assert_uint_eq(an_function_classes("first"), AN_FN_AGGREGATE | AN_FN_NONDETERMINISTIC);
    ck_assert_uint_eq(an_function_classes("window"), AN_FN_GENERATOR);
    static const char *const unknown[] = {"my_udf", "sluice:semi", "ai_query", "", NULL};
    for (int i = 0; unknown[i]; i++) {
        ck_assert(an_is_unknown_function_name(unknown[i]));
        ck_assert(an_is_nondeterministic_name(unknown[i]));
        ck_assert(!an_is_aggregate_name(unknown[i]));
    }
    ck_assert(an_is_unknown_function_name(NULL));
    /* An unknown function marks its block, and a select item that is
     * one may return several rows (a UDTF). */
    build("SELECT a, my_udf(b) AS c FROM t");
    ck_assert_int_eq(an.top->nondeterministic, 1);
    ck_assert_str_eq(an.top->unknown_function, "my_udf");
    ck_assert_int_eq(an.top->has_generator, 1);
    done();
    build("SELECT a, upper(b) FROM t, range(10) AS r WHERE my_pred(a) > 0");
    ck_assert_str_eq(an.top->unknown_function, "my_pred");
    ck_assert_int_eq(an.top->has_generator, 0);
    done();
    build("SELECT a, upper(b) FROM range(10) AS r, IDENTIFIER('main.sales.t')");
    ck_assert_ptr_null(an.top->unknown_function);
    ck_assert_int_eq(an.top->nondeterministic, 0);
    done();
}
END_TEST

START_TEST(outputs_and_origins)
{
    build("SELECT t.a, b AS bee, sum(c), t.* FROM t");
    const an_block *b = an.top;
    ck_assert_uint_eq(b->noutputs, 4);
    ck_assert_str_eq(b->outputs[0].name, "a");
    ck_assert_str_eq(sql_of(b->outputs[0].expr), "t.a");
    ck_assert_str_eq(b->outputs[1].name, "bee");
    ck_assert_ptr_null(b->outputs[2].name);
    ck_assert_str_eq(sql_of(b->outputs[2].expr), "sum(c)");
    ck_assert_int_eq(b->outputs[3].star, 1);
    done();
}
END_TEST

START_TEST(identifier_clause)
{
    build("SELECT * FROM IDENTIFIER('`main`.sales.`trans``actions`') AS x "
          "JOIN IDENTIFIER('products') ON true");
    ck_assert_str_eq(item_named("x")->qualified, "main.sales.trans`actions");
    ck_assert_int_eq(item_named("x")->via_identifier, 1);
    ck_assert_str_eq(item_named("products")->qualified, "main.sales.products");
    ck_assert(!an.incomplete.set);
    done();
    build("SELECT * FROM IDENTIFIER(concat('a', 'b'))");
    ck_assert(an.incomplete.set);
    ck_assert_ptr_nonnull(strstr(an.incomplete.message, "not a constant string"));
    ck_assert_int_ge(an.incomplete.location, 0);
    done();
    build("SELECT * FROM IDENTIFIER('a..b')");
    ck_assert(an.incomplete.set);
    done();
}
END_TEST

/* ---- filter reach (analyze_range.c) ---------------------------------- */

static const char *const DCOLS[] = {"d", NULL};

/* The name a filter outside item's block gives d, or "-" when none reaches. */
static const char *exit_of(const char *alias)
{
    size_t pos;
    const char *n = an_reach_exit(&rs, item_named(alias), DCOLS, &pos);
    return n ? n : "-";
}

START_TEST(reach_join_on_by_type)
{
    /* left, right: the ON reaches that side; visible: the right side's
     * columns can be named outside the ON. */
    static const struct { const char *join; int left, right, visible; } rows[] = {
        {"JOIN", 1, 1, 1},        {"CROSS JOIN", 1, 1, 1},     {"LEFT JOIN", 0, 1, 1},
        {"RIGHT JOIN", 1, 0, 1},  {"FULL JOIN", 0, 0, 1},      {"LEFT SEMI JOIN", 1, 1, 0},
        {"SEMI JOIN", 1, 1, 0},   {"LEFT ANTI JOIN", 0, 1, 0}, {"ANTI JOIN", 0, 1, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT * FROM t a %s u b%s", rows[i].join,
                 strcmp(rows[i].join, "CROSS JOIN") ? " ON a.k = b.k" : "");
        build(sql);
        ck_assert_msg(an_reach_join_on(item_named("a")->join) == rows[i].left, "%s left",
                      rows[i].join);
        ck_assert_msg(an_reach_join_on(item_named("b")->join) == rows[i].right, "%s right",
                      rows[i].join);
        ck_assert(an_reach_visible(item_named("a")));
        ck_assert_msg(an_reach_visible(item_named("b")) == rows[i].visible, "%s visible",
                      rows[i].join);
        done();
    }
}
END_TEST

START_TEST(reach_block_filters)
{
    build("SELECT * FROM t TABLESAMPLE (1 PERCENT) a, u b, v AS c (x, d), w@v3 e");
    ck_assert(!an_reach_block_filters(item_named("a")));    /* sampled */
    ck_assert(an_reach_block_filters(item_named("b")));
    ck_assert(!an_reach_block_filters(item_named("c")));    /* columns renamed */
    ck_assert(!an_reach_names_known(item_named("c")));
    ck_assert(an_reach_block_filters(item_named("e")));     /* time travel: no sample */
    done();
    build("SELECT * FROM t a LATERAL VIEW explode(arr) g AS v WHERE d > 1");
    ck_assert(an_reach_where(item_named("a")));
    done();
    build("SELECT * FROM t a LATERAL VIEW explode(shuffle(arr)) g AS v WHERE d > 1");
    ck_assert(an_reach_block_filters(item_named("a")));
    ck_assert(!an_reach_where(item_named("a")));            /* non-deterministic Generate */
    done();
    build("SELECT * FROM u b LEFT SEMI JOIN t a ON a.k = b.k WHERE d > 1");
    ck_assert(an_reach_block_filters(item_named("a")));
    ck_assert(!an_reach_where(item_named("a")));            /* not output by the join */
    done();
    build("SELECT d, count(*) FROM t a GROUP BY d HAVING d > 1");
    ck_assert(an_reach_having(item_named("a")));
    done();
    build("SELECT d, count(*), rand() FROM t a GROUP BY d HAVING d > 1");
    ck_assert(!an_reach_having(item_named("a")));
    done();
}
END_TEST

START_TEST(reach_exit_block_operators)
{
    static const struct { const char *inner; const char *name; } rows[] = {
        {"SELECT d, x FROM t a", "d"},
        {"SELECT d AS day FROM t a", "day"},
        {"SELECT * FROM t a", "d"},
        {"SELECT * EXCEPT (d) FROM t a", "-"},
        {"SELECT d FROM t a LIMIT 5", "-"},
        {"SELECT d, rand() AS r FROM t a", "-"},
        {"SELECT d FROM t a WHERE rand() < 0.1", "-"},
        {"SELECT d FROM t a ORDER BY rand()", "-"},
        {"SELECT d, uuid() FROM t a", "-"},
        {"SELECT d, count(*) FROM t a GROUP BY d", "d"},
        {"SELECT d, count(*) FROM t a GROUP BY x, d", "d"},
        {"SELECT d, count(*) FROM t a GROUP BY x", "-"},
        {"SELECT d AS day, count(*) FROM t a GROUP BY day", "day"},
        {"SELECT d, count(*) FROM t a GROUP BY 1", "d"},
        {"SELECT d, count(*) FROM t a GROUP BY ROLLUP (d, x)", "-"},
        {"SELECT DISTINCT d, x FROM t a", "d"},
        {"SELECT d, row_number() OVER (PARTITION BY d ORDER BY x) FROM t a", "d"},
        {"SELECT d, row_number() OVER (PARTITION BY x ORDER BY d) FROM t a", "-"},
        {"SELECT d, 1 + sum(x) OVER () FROM t a", "-"},
        {"SELECT d FROM t a QUALIFY row_number() OVER (ORDER BY x) = 1", "-"},
        {"SELECT d FROM t a QUALIFY row_number() OVER (PARTITION BY d, x ORDER BY x) = 1", "d"},
        {"SELECT d, sum(x) OVER w FROM t a WINDOW w AS (PARTITION BY d)", "d"},
        {"SELECT d, sum(x) OVER w FROM t a WINDOW w AS (PARTITION BY x)", "-"},
        {"SELECT d, sum(x) OVER (PARTITION BY d), sum(x) OVER (PARTITION BY x) FROM t a", "-"},
        {"SELECT d FROM t a LATERAL VIEW explode(arr) g AS v", "d"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char sql[300];
        snprintf(sql, sizeof sql, "SELECT * FROM (%s) AS s WHERE d > 1", rows[i].inner);
        build(sql);
        ck_assert_msg(strcmp(exit_of("a"), rows[i].name) == 0, "%s: %s, expected %s",
                      rows[i].inner, exit_of("a"), rows[i].name);
        done();
    }
}
END_TEST

START_TEST(reach_exit_set_operations)
{
    static const struct { const char *sql; const char *left, *right; } rows[] = {
        {"SELECT d FROM t a UNION ALL SELECT d FROM u b", "d", "d"},
        {"SELECT d FROM t a UNION SELECT d FROM u b", "d", "d"},
        {"SELECT d FROM t a INTERSECT SELECT d FROM u b", "d", "-"},
        {"SELECT d FROM t a EXCEPT SELECT d FROM u b", "d", "-"},
        {"SELECT d FROM t a MINUS SELECT d FROM u b", "d", "-"},
        {"SELECT d FROM t a INTERSECT ALL SELECT d FROM u b", "d", "d"},
        {"SELECT d FROM t a EXCEPT ALL SELECT d FROM u b", "d", "d"},
        {"SELECT d FROM t a UNION ALL SELECT d FROM u b LIMIT 3", "-", "-"},
        {"SELECT d, x FROM t a UNION ALL SELECT x, d FROM u b", "d", "x"},
        {"SELECT d FROM t a UNION ALL SELECT * FROM u b", "d", "-"},
        {"SELECT * FROM t a UNION ALL SELECT d FROM u b", "d", "-"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char sql[300];
        snprintf(sql, sizeof sql, "SELECT * FROM (%s) AS s", rows[i].sql);
        build(sql);
        ck_assert_msg(strcmp(exit_of("a"), rows[i].left) == 0, "%s: left %s", rows[i].sql,
                      exit_of("a"));
        ck_assert_msg(strcmp(exit_of("b"), rows[i].right) == 0, "%s: right %s", rows[i].sql,
                      exit_of("b"));
        done();
    }
    /* (A UNION ALL B) EXCEPT C: A and B, not C; and the same answers
     * when asked again (each step keeps its answer). */
    build("SELECT * FROM (SELECT d FROM t a UNION ALL SELECT d FROM t b "
          "EXCEPT SELECT d FROM t c) AS s");
    for (int k = 0; k < 2; k++) {
        ck_assert_str_eq(exit_of("a"), "d");
        ck_assert_str_eq(exit_of("b"), "d");
        ck_assert_str_eq(exit_of("c"), "-");
    }
    done();
}
END_TEST

START_TEST(reach_exit_alias_lists)
{
    size_t pos;
    build("WITH c (x, y) AS (SELECT e, d FROM t a) SELECT * FROM c WHERE y > 1");
    ck_assert_str_eq(an_reach_exit(&rs, item_named("a"), DCOLS, &pos), "y");
    ck_assert_uint_eq(pos, 1);
    done();
    build("SELECT * FROM (SELECT e, d FROM t a) AS s (d, e) WHERE d > 1");
    ck_assert_str_eq(exit_of("a"), "e");
    done();
    build("SELECT * FROM (SELECT *, d FROM t a) AS s (p, q) WHERE q > 1");
    ck_assert_str_eq(exit_of("a"), "-");            /* a * hides the position */
    done();
    build("SELECT * FROM (SELECT e, d FROM t a) AS s (only_one)");
    ck_assert_str_eq(exit_of("a"), "-");            /* past the list's end */
    done();
    build("WITH c AS (SELECT e, d FROM t a) SELECT * FROM c AS r (d, e), c");
    const char *out = an_reach_exit(&rs, item_named("a"), DCOLS, &pos);
    ck_assert_str_eq(out, "d");
    ck_assert_str_eq(an_reach_ref_name(item_named("r"), pos, out), "e");
    ck_assert_str_eq(an_reach_ref_name(item_named("c"), pos, out), "d");
    ck_assert_ptr_null(an_reach_ref_name(item_named("r"), (size_t)-1, out));
    done();
    build("SELECT * FROM (SELECT d FROM t a UNION ALL SELECT e FROM u b) AS s (z)");
    ck_assert_str_eq(exit_of("a"), "z");
    ck_assert_str_eq(exit_of("b"), "-");            /* its d is not at position 0 */
    done();
}
END_TEST

/* rules_resolve: the configured tables a name written with 1-3 parts may be. */
static const char *resolved(const rules *r, const char *qualified, int nparts)
{
    const rules_table *c[RULES_MAX_CANDIDATES];
    size_t n = rules_resolve(r, qualified, nparts, c, RULES_MAX_CANDIDATES);
    text[0] = '\0';
    for (size_t i = 0; i < n && i < RULES_MAX_CANDIDATES; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", i ? " " : "",
                 c[i]->match);
    return text;
}

START_TEST(resolution_candidates)
{
    static const char doc[] =
        "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"default\"},"
        " \"tables\": [{\"match\": \"main.sales.transactions\"}, {\"match\": \"main.eu.transactions\"},"
        " {\"match\": \"/^main\\\\.web\\\\..*_events$/\"}, {\"match\": \"/^lake\\\\.(a|b)\\\\.logs$/\"},"
        " {\"match\": \"/^(x|y)\\\\.z\\\\.metrics$/\"}]}";
    rules r;
    char *err = NULL;
    ck_assert_msg(rules_compile(doc, strlen(doc), "t", &r, &err) == 0, "%s", err);
    /* the defaults' own match first, then every other one */
    ck_assert_str_eq(resolved(&r, "main.default.transactions", 1),
                     "main.sales.transactions main.eu.transactions");
    ck_assert_str_eq(resolved(&r, "main.eu.transactions", 1),
                     "main.eu.transactions main.sales.transactions");
    ck_assert_str_eq(resolved(&r, "main.sales.transactions", 2), "main.sales.transactions");
    ck_assert_str_eq(resolved(&r, "main.sales.transactions", 3), "main.sales.transactions");
    ck_assert_str_eq(resolved(&r, "other.sales.transactions", 3), "");
    ck_assert_str_eq(resolved(&r, "hive.sales.transactions", 2), "main.sales.transactions");
    /* patterns under their literal qualifier, or a known schema under a literal catalog */
    ck_assert_str_eq(resolved(&r, "main.default.page_events", 1), "/^main\\.web\\..*_events$/");
    ck_assert_str_eq(resolved(&r, "main.sales.page_events", 2), "");
    ck_assert_str_eq(resolved(&r, "main.eu.logs", 1), "");
    ck_assert_str_eq(resolved(&r, "main.a.logs", 2), "/^lake\\.(a|b)\\.logs$/");
    /* a pattern whose catalog is not literal: only under the qualifiers the rules name */
    ck_assert_str_eq(resolved(&r, "main.default.metrics", 1), "");
    ck_assert_str_eq(resolved(&r, "main.z.metrics", 2), "");
    rules_free(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("analyze");
    TCase *tc = tcase_create("analyze");
    tcase_add_test(tc, blocks_items_and_joins);
    tcase_add_test(tc, joins_of_any_depth);
    tcase_add_test(tc, ctes_shadow_tables);
    tcase_add_test(tc, set_operations_name_by_first_branch);
    tcase_add_test(tc, group_keys_resolved);
    tcase_add_test(tc, aggregates_of_this_level);
    tcase_add_test(tc, conjuncts_flattened);
    tcase_add_test(tc, function_classes);
    tcase_add_test(tc, outputs_and_origins);
    tcase_add_test(tc, identifier_clause);
    tcase_add_test(tc, reach_join_on_by_type);
    tcase_add_test(tc, reach_block_filters);
    tcase_add_test(tc, reach_exit_block_operators);
    tcase_add_test(tc, reach_exit_set_operations);
    tcase_add_test(tc, reach_exit_alias_lists);
    tcase_add_test(tc, resolution_candidates);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
