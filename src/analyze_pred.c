/*
 * analyze_pred.c - the analysis layer's questions about names, columns
 * and predicates: which functions are aggregates, generators or
 * non-deterministic (one list each for the whole program), flattening
 * AND lists into conjuncts, and whether an expression uses GROUP BY keys
 * only.  Which FROM item a column reference reads is not decided here:
 * that is its binding (resolve.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "dialect.h"
#include "parse.h"
#include "sbuf.h"

/* Every function of Spark's built-in registry, with its classes: one
 * sorted table (strcmp order of the lower-case names), one binary search
 * per call.  The names and classes are those of Spark's FunctionRegistry
 * (FunctionRegistry.expressions, as listed by ExpressionsSchemaSuite in
 * sql/core/src/test/resources/sql-functions/sql-expression-schema.md,
 * apache/spark master of 2026, Spark 4.1): every expression under
 * catalyst.expressions.aggregate and the other AggregateFunctions
 * (bitmap_*_agg, vector_avg, vector_sum, schema_of_variant_agg) are
 * aggregates (86); the WindowFunctions of windowExpressions.scala are
 * window functions; the Generators (and their TableFunctionRegistry
 * forms) are generators, with window(), whose sliding windows give a
 * row several windows (TimeWindowing expands it); the Nondeterministic
 * expressions, and the aggregates whose result depends on row order
 * (First, Last, any_value, collect_list, collect_set: deterministic =
 * false, or documented "non-deterministic"), are non-deterministic;
 * CurrentDate, CurrentTimestamp, Now, LocalTimestamp, CurrentTime,
 * CurrentTimeZone and unix_timestamp() read the clock or the session.
 * Two rows come from Databricks, not Spark: getdate (current_timestamp)
 * and measure (the aggregate of metric views).  A name not in the table
 * (a UDF, a Databricks-only or newer built-in) is AN_FN_UNKNOWN. */
enum {
    FN_AGGREGATE = AN_FN_AGGREGATE,             /* one value per group */
    FN_GENERATOR = AN_FN_GENERATOR,             /* several rows per input row */
    FN_NONDETERMINISTIC = AN_FN_NONDETERMINISTIC, /* differs between calls on one input */
    FN_CLOCK = AN_FN_CLOCK,                     /* depends on when the query runs */
    FN_WINDOW = AN_FN_WINDOW,                   /* only over a window (OVER) */
    FN_SCALAR = AN_FN_SCALAR                    /* one value per row, from the row */
};

static const struct fn_class {
    const char *name;
    unsigned classes;
} function_classes[] = {
    {"abs", FN_SCALAR}, {"acos", FN_SCALAR}, {"acosh", FN_SCALAR}, {"add_months", FN_SCALAR},
    {"aes_decrypt", FN_SCALAR}, {"aes_encrypt", FN_SCALAR}, {"aggregate", FN_SCALAR},
    {"and", FN_SCALAR}, {"any", FN_AGGREGATE},
    {"any_value", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"approx_count_distinct", FN_AGGREGATE},
    {"approx_percentile", FN_AGGREGATE}, {"approx_top_k", FN_AGGREGATE},
    {"approx_top_k_accumulate", FN_AGGREGATE}, {"approx_top_k_combine", FN_AGGREGATE},
    {"approx_top_k_estimate", FN_SCALAR}, {"array", FN_SCALAR},
    {"array_agg", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"array_append", FN_SCALAR},
    {"array_compact", FN_SCALAR}, {"array_contains", FN_SCALAR}, {"array_distinct", FN_SCALAR},
    {"array_except", FN_SCALAR}, {"array_insert", FN_SCALAR}, {"array_intersect", FN_SCALAR},
    {"array_join", FN_SCALAR}, {"array_max", FN_SCALAR}, {"array_min", FN_SCALAR},
    {"array_position", FN_SCALAR}, {"array_prepend", FN_SCALAR}, {"array_remove", FN_SCALAR},
    {"array_repeat", FN_SCALAR}, {"array_size", FN_SCALAR}, {"array_sort", FN_SCALAR},
    {"array_union", FN_SCALAR}, {"arrays_overlap", FN_SCALAR}, {"arrays_zip", FN_SCALAR},
    {"ascii", FN_SCALAR}, {"asin", FN_SCALAR}, {"asinh", FN_SCALAR}, {"assert_true", FN_SCALAR},
    {"atan", FN_SCALAR}, {"atan2", FN_SCALAR}, {"atanh", FN_SCALAR}, {"avg", FN_AGGREGATE},
    {"base64", FN_SCALAR}, {"between", FN_SCALAR}, {"bigint", FN_SCALAR}, {"bin", FN_SCALAR},
    {"binary", FN_SCALAR}, {"bit_and", FN_AGGREGATE}, {"bit_count", FN_SCALAR},
    {"bit_get", FN_SCALAR}, {"bit_length", FN_SCALAR}, {"bit_or", FN_AGGREGATE},
    {"bit_xor", FN_AGGREGATE}, {"bitmap_and_agg", FN_AGGREGATE},
    {"bitmap_bit_position", FN_SCALAR}, {"bitmap_bucket_number", FN_SCALAR},
    {"bitmap_construct_agg", FN_AGGREGATE}, {"bitmap_count", FN_SCALAR},
    {"bitmap_or_agg", FN_AGGREGATE}, {"bool_and", FN_AGGREGATE}, {"bool_or", FN_AGGREGATE},
    {"boolean", FN_SCALAR}, {"bround", FN_SCALAR}, {"btrim", FN_SCALAR},
    {"cardinality", FN_SCALAR}, {"cast", FN_SCALAR}, {"cbrt", FN_SCALAR}, {"ceil", FN_SCALAR},
    {"ceiling", FN_SCALAR}, {"char", FN_SCALAR}, {"char_length", FN_SCALAR},
    {"character_length", FN_SCALAR}, {"chr", FN_SCALAR}, {"coalesce", FN_SCALAR},
    {"collate", FN_SCALAR}, {"collation", FN_SCALAR},
    {"collect_list", FN_AGGREGATE | FN_NONDETERMINISTIC},
    {"collect_set", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"concat", FN_SCALAR},
    {"concat_ws", FN_SCALAR}, {"contains", FN_SCALAR}, {"conv", FN_SCALAR},
    {"convert_timezone", FN_SCALAR}, {"corr", FN_AGGREGATE}, {"cos", FN_SCALAR},
    {"cosh", FN_SCALAR}, {"cot", FN_SCALAR}, {"count", FN_AGGREGATE},
    {"count_if", FN_AGGREGATE}, {"count_min_sketch", FN_AGGREGATE}, {"counter_diff", FN_WINDOW},
    {"covar_pop", FN_AGGREGATE}, {"covar_samp", FN_AGGREGATE}, {"crc32", FN_SCALAR},
    {"csc", FN_SCALAR}, {"cume_dist", FN_WINDOW}, {"curdate", FN_CLOCK},
    {"current_catalog", FN_SCALAR}, {"current_database", FN_SCALAR}, {"current_date", FN_CLOCK},
    {"current_path", FN_SCALAR}, {"current_schema", FN_SCALAR}, {"current_time", FN_CLOCK},
    {"current_timestamp", FN_CLOCK}, {"current_timezone", FN_CLOCK},
    {"current_user", FN_SCALAR}, {"date", FN_SCALAR}, {"date_add", FN_SCALAR},
    {"date_diff", FN_SCALAR}, {"date_format", FN_SCALAR}, {"date_from_unix_date", FN_SCALAR},
    {"date_part", FN_SCALAR}, {"date_sub", FN_SCALAR}, {"date_trunc", FN_SCALAR},
    {"dateadd", FN_SCALAR}, {"datediff", FN_SCALAR}, {"datepart", FN_SCALAR},
    {"day", FN_SCALAR}, {"dayname", FN_SCALAR}, {"dayofmonth", FN_SCALAR},
    {"dayofweek", FN_SCALAR}, {"dayofyear", FN_SCALAR}, {"decimal", FN_SCALAR},
    {"decode", FN_SCALAR}, {"degrees", FN_SCALAR}, {"dense_rank", FN_WINDOW},
    {"div", FN_SCALAR}, {"double", FN_SCALAR}, {"e", FN_SCALAR}, {"element_at", FN_SCALAR},
    {"elt", FN_SCALAR}, {"encode", FN_SCALAR}, {"endswith", FN_SCALAR},
    {"equal_null", FN_SCALAR}, {"every", FN_AGGREGATE}, {"exists", FN_SCALAR},
    {"exp", FN_SCALAR}, {"explode", FN_GENERATOR}, {"explode_outer", FN_GENERATOR},
    {"expm1", FN_SCALAR}, {"extract", FN_SCALAR}, {"factorial", FN_SCALAR},
    {"filter", FN_SCALAR}, {"find_in_set", FN_SCALAR},
    {"first", FN_AGGREGATE | FN_NONDETERMINISTIC},
    {"first_value", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"flatten", FN_SCALAR},
    {"float", FN_SCALAR}, {"floor", FN_SCALAR}, {"forall", FN_SCALAR},
    {"format_number", FN_SCALAR}, {"format_string", FN_SCALAR}, {"from_csv", FN_SCALAR},
    {"from_json", FN_SCALAR}, {"from_unixtime", FN_SCALAR}, {"from_utc_timestamp", FN_SCALAR},
    {"from_xml", FN_SCALAR}, {"get", FN_SCALAR}, {"get_json_object", FN_SCALAR},
    {"getbit", FN_SCALAR}, {"getdate", FN_CLOCK}, {"greatest", FN_SCALAR},
    {"grouping", FN_SCALAR}, {"grouping_id", FN_SCALAR}, {"hash", FN_SCALAR},
    {"hex", FN_SCALAR}, {"histogram_numeric", FN_AGGREGATE}, {"hll_sketch_agg", FN_AGGREGATE},
    {"hll_sketch_estimate", FN_SCALAR}, {"hll_union", FN_SCALAR},
    {"hll_union_agg", FN_AGGREGATE}, {"hour", FN_SCALAR}, {"hypot", FN_SCALAR},
    {"if", FN_SCALAR}, {"ifnull", FN_SCALAR}, {"ilike", FN_SCALAR}, {"in", FN_SCALAR},
    {"initcap", FN_SCALAR}, {"inline", FN_GENERATOR}, {"inline_outer", FN_GENERATOR},
    {"input_file_block_length", FN_NONDETERMINISTIC},
    {"input_file_block_start", FN_NONDETERMINISTIC}, {"input_file_name", FN_NONDETERMINISTIC},
    {"instr", FN_SCALAR}, {"int", FN_SCALAR}, {"is_valid_utf8", FN_SCALAR},
    {"is_valid_variant", FN_SCALAR}, {"is_variant_null", FN_SCALAR}, {"isnan", FN_SCALAR},
    {"isnotnull", FN_SCALAR}, {"isnull", FN_SCALAR}, {"jaro_winkler_similarity", FN_SCALAR},
    {"java_method", FN_NONDETERMINISTIC}, {"json_array_length", FN_SCALAR},
    {"json_object_keys", FN_SCALAR}, {"json_tuple", FN_GENERATOR},
    {"kll_merge_agg_bigint", FN_AGGREGATE}, {"kll_merge_agg_double", FN_AGGREGATE},
    {"kll_merge_agg_float", FN_AGGREGATE}, {"kll_sketch_agg_bigint", FN_AGGREGATE},
    {"kll_sketch_agg_double", FN_AGGREGATE}, {"kll_sketch_agg_float", FN_AGGREGATE},
    {"kll_sketch_get_n_bigint", FN_SCALAR}, {"kll_sketch_get_n_double", FN_SCALAR},
    {"kll_sketch_get_n_float", FN_SCALAR}, {"kll_sketch_get_quantile_bigint", FN_SCALAR},
    {"kll_sketch_get_quantile_double", FN_SCALAR}, {"kll_sketch_get_quantile_float", FN_SCALAR},
    {"kll_sketch_get_rank_bigint", FN_SCALAR}, {"kll_sketch_get_rank_double", FN_SCALAR},
    {"kll_sketch_get_rank_float", FN_SCALAR}, {"kll_sketch_merge_bigint", FN_SCALAR},
    {"kll_sketch_merge_double", FN_SCALAR}, {"kll_sketch_merge_float", FN_SCALAR},
    {"kll_sketch_to_string_bigint", FN_SCALAR}, {"kll_sketch_to_string_double", FN_SCALAR},
    {"kll_sketch_to_string_float", FN_SCALAR}, {"kurtosis", FN_AGGREGATE}, {"lag", FN_WINDOW},
    {"last", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"last_day", FN_SCALAR},
    {"last_value", FN_AGGREGATE | FN_NONDETERMINISTIC}, {"lcase", FN_SCALAR},
    {"lead", FN_WINDOW}, {"least", FN_SCALAR}, {"left", FN_SCALAR}, {"len", FN_SCALAR},
    {"length", FN_SCALAR}, {"levenshtein", FN_SCALAR}, {"like", FN_SCALAR},
    {"listagg", FN_AGGREGATE}, {"ln", FN_SCALAR}, {"localtime", FN_CLOCK},
    {"localtimestamp", FN_CLOCK}, {"locate", FN_SCALAR}, {"log", FN_SCALAR},
    {"log10", FN_SCALAR}, {"log1p", FN_SCALAR}, {"log2", FN_SCALAR}, {"lower", FN_SCALAR},
    {"lpad", FN_SCALAR}, {"ltrim", FN_SCALAR}, {"luhn_check", FN_SCALAR},
    {"make_date", FN_SCALAR}, {"make_dt_interval", FN_SCALAR}, {"make_interval", FN_SCALAR},
    {"make_time", FN_SCALAR}, {"make_timestamp", FN_SCALAR}, {"make_timestamp_ltz", FN_SCALAR},
    {"make_timestamp_ntz", FN_SCALAR}, {"make_valid_utf8", FN_SCALAR},
    {"make_ym_interval", FN_SCALAR}, {"map", FN_SCALAR}, {"map_concat", FN_SCALAR},
    {"map_contains_key", FN_SCALAR}, {"map_entries", FN_SCALAR}, {"map_filter", FN_SCALAR},
    {"map_from_arrays", FN_SCALAR}, {"map_from_entries", FN_SCALAR}, {"map_keys", FN_SCALAR},
    {"map_values", FN_SCALAR}, {"map_zip_with", FN_SCALAR}, {"mask", FN_SCALAR},
    {"max", FN_AGGREGATE}, {"max_by", FN_AGGREGATE}, {"md5", FN_SCALAR}, {"mean", FN_AGGREGATE},
    {"measure", FN_AGGREGATE}, {"median", FN_AGGREGATE}, {"min", FN_AGGREGATE},
    {"min_by", FN_AGGREGATE}, {"minute", FN_SCALAR}, {"mod", FN_SCALAR}, {"mode", FN_AGGREGATE},
    {"monotonically_increasing_id", FN_NONDETERMINISTIC}, {"month", FN_SCALAR},
    {"monthname", FN_SCALAR}, {"months_between", FN_SCALAR}, {"named_struct", FN_SCALAR},
    {"nanvl", FN_SCALAR}, {"negative", FN_SCALAR}, {"next_day", FN_SCALAR}, {"not", FN_SCALAR},
    {"now", FN_CLOCK}, {"nth_value", FN_WINDOW}, {"ntile", FN_WINDOW}, {"nullif", FN_SCALAR},
    {"nullifzero", FN_SCALAR}, {"nvl", FN_SCALAR}, {"nvl2", FN_SCALAR},
    {"octet_length", FN_SCALAR}, {"or", FN_SCALAR}, {"overlay", FN_SCALAR},
    {"parse_json", FN_SCALAR}, {"parse_url", FN_SCALAR}, {"percent_rank", FN_WINDOW},
    {"percentile", FN_AGGREGATE}, {"percentile_approx", FN_AGGREGATE},
    {"percentile_cont", FN_AGGREGATE}, {"percentile_disc", FN_AGGREGATE}, {"pi", FN_SCALAR},
    {"pmod", FN_SCALAR}, {"posexplode", FN_GENERATOR}, {"posexplode_outer", FN_GENERATOR},
    {"position", FN_SCALAR}, {"positive", FN_SCALAR}, {"pow", FN_SCALAR}, {"power", FN_SCALAR},
    {"printf", FN_SCALAR}, {"quarter", FN_SCALAR}, {"quote", FN_SCALAR}, {"radians", FN_SCALAR},
    {"raise_error", FN_SCALAR}, {"rand", FN_NONDETERMINISTIC}, {"randn", FN_NONDETERMINISTIC},
    {"random", FN_NONDETERMINISTIC}, {"randstr", FN_NONDETERMINISTIC}, {"rank", FN_WINDOW},
    {"reduce", FN_SCALAR}, {"reflect", FN_NONDETERMINISTIC}, {"regexp", FN_SCALAR},
    {"regexp_count", FN_SCALAR}, {"regexp_extract", FN_SCALAR},
    {"regexp_extract_all", FN_SCALAR}, {"regexp_instr", FN_SCALAR}, {"regexp_like", FN_SCALAR},
    {"regexp_replace", FN_SCALAR}, {"regexp_substr", FN_SCALAR}, {"regr_avgx", FN_AGGREGATE},
    {"regr_avgy", FN_AGGREGATE}, {"regr_count", FN_AGGREGATE}, {"regr_intercept", FN_AGGREGATE},
    {"regr_r2", FN_AGGREGATE}, {"regr_slope", FN_AGGREGATE}, {"regr_sxx", FN_AGGREGATE},
    {"regr_sxy", FN_AGGREGATE}, {"regr_syy", FN_AGGREGATE}, {"repeat", FN_SCALAR},
    {"replace", FN_SCALAR}, {"reverse", FN_SCALAR}, {"right", FN_SCALAR}, {"rint", FN_SCALAR},
    {"rlike", FN_SCALAR}, {"round", FN_SCALAR}, {"row_number", FN_WINDOW}, {"rpad", FN_SCALAR},
    {"rtrim", FN_SCALAR}, {"schema_of_csv", FN_SCALAR}, {"schema_of_json", FN_SCALAR},
    {"schema_of_variant", FN_SCALAR}, {"schema_of_variant_agg", FN_AGGREGATE},
    {"schema_of_xml", FN_SCALAR}, {"sec", FN_SCALAR}, {"second", FN_SCALAR},
    {"sentences", FN_SCALAR}, {"sequence", FN_SCALAR}, {"session_user", FN_SCALAR},
    {"session_window", FN_SCALAR}, {"sha", FN_SCALAR}, {"sha1", FN_SCALAR}, {"sha2", FN_SCALAR},
    {"shiftleft", FN_SCALAR}, {"shiftright", FN_SCALAR}, {"shiftrightunsigned", FN_SCALAR},
    {"shuffle", FN_NONDETERMINISTIC}, {"sign", FN_SCALAR}, {"signum", FN_SCALAR},
    {"sin", FN_SCALAR}, {"sinh", FN_SCALAR}, {"size", FN_SCALAR}, {"skewness", FN_AGGREGATE},
    {"slice", FN_SCALAR}, {"smallint", FN_SCALAR}, {"some", FN_AGGREGATE},
    {"sort_array", FN_SCALAR}, {"soundex", FN_SCALAR}, {"space", FN_SCALAR},
    {"spark_partition_id", FN_NONDETERMINISTIC}, {"split", FN_SCALAR},
    {"split_part", FN_SCALAR}, {"sqrt", FN_SCALAR}, {"st_asbinary", FN_SCALAR},
    {"st_geogfromwkb", FN_SCALAR}, {"st_geomfromwkb", FN_SCALAR}, {"st_setsrid", FN_SCALAR},
    {"st_srid", FN_SCALAR}, {"stack", FN_GENERATOR}, {"startswith", FN_SCALAR},
    {"std", FN_AGGREGATE}, {"stddev", FN_AGGREGATE}, {"stddev_pop", FN_AGGREGATE},
    {"stddev_samp", FN_AGGREGATE}, {"str_to_map", FN_SCALAR}, {"string", FN_SCALAR},
    {"string_agg", FN_AGGREGATE}, {"struct", FN_SCALAR}, {"substr", FN_SCALAR},
    {"substring", FN_SCALAR}, {"substring_index", FN_SCALAR}, {"sum", FN_AGGREGATE},
    {"tan", FN_SCALAR}, {"tanh", FN_SCALAR}, {"theta_difference", FN_SCALAR},
    {"theta_intersection", FN_SCALAR}, {"theta_intersection_agg", FN_AGGREGATE},
    {"theta_sketch_agg", FN_AGGREGATE}, {"theta_sketch_estimate", FN_SCALAR},
    {"theta_union", FN_SCALAR}, {"theta_union_agg", FN_AGGREGATE}, {"time", FN_SCALAR},
    {"time_bucket", FN_SCALAR}, {"time_diff", FN_SCALAR}, {"time_from_micros", FN_SCALAR},
    {"time_from_millis", FN_SCALAR}, {"time_from_seconds", FN_SCALAR},
    {"time_to_micros", FN_SCALAR}, {"time_to_millis", FN_SCALAR},
    {"time_to_seconds", FN_SCALAR}, {"time_trunc", FN_SCALAR}, {"timestamp", FN_SCALAR},
    {"timestamp_micros", FN_SCALAR}, {"timestamp_millis", FN_SCALAR},
    {"timestamp_nanos", FN_SCALAR}, {"timestamp_seconds", FN_SCALAR}, {"tinyint", FN_SCALAR},
    {"to_binary", FN_SCALAR}, {"to_char", FN_SCALAR}, {"to_csv", FN_SCALAR},
    {"to_date", FN_SCALAR}, {"to_json", FN_SCALAR}, {"to_number", FN_SCALAR},
    {"to_time", FN_SCALAR}, {"to_timestamp", FN_SCALAR}, {"to_timestamp_ltz", FN_SCALAR},
    {"to_timestamp_ntz", FN_SCALAR}, {"to_unix_timestamp", FN_SCALAR},
    {"to_utc_timestamp", FN_SCALAR}, {"to_varchar", FN_SCALAR},
    {"to_variant_object", FN_SCALAR}, {"to_xml", FN_SCALAR}, {"transform", FN_SCALAR},
    {"transform_keys", FN_SCALAR}, {"transform_values", FN_SCALAR}, {"translate", FN_SCALAR},
    {"trim", FN_SCALAR}, {"trunc", FN_SCALAR}, {"try_add", FN_SCALAR},
    {"try_aes_decrypt", FN_SCALAR}, {"try_avg", FN_AGGREGATE}, {"try_divide", FN_SCALAR},
    {"try_element_at", FN_SCALAR}, {"try_make_interval", FN_SCALAR},
    {"try_make_timestamp", FN_SCALAR}, {"try_make_timestamp_ltz", FN_SCALAR},
    {"try_make_timestamp_ntz", FN_SCALAR}, {"try_mod", FN_SCALAR}, {"try_multiply", FN_SCALAR},
    {"try_parse_json", FN_SCALAR}, {"try_parse_url", FN_SCALAR},
    {"try_reflect", FN_NONDETERMINISTIC}, {"try_subtract", FN_SCALAR},
    {"try_sum", FN_AGGREGATE}, {"try_to_binary", FN_SCALAR}, {"try_to_date", FN_SCALAR},
    {"try_to_number", FN_SCALAR}, {"try_to_time", FN_SCALAR}, {"try_to_timestamp", FN_SCALAR},
    {"try_url_decode", FN_SCALAR}, {"try_validate_utf8", FN_SCALAR},
    {"try_variant_get", FN_SCALAR}, {"try_variant_insert", FN_SCALAR},
    {"tuple_difference_double", FN_SCALAR}, {"tuple_difference_integer", FN_SCALAR},
    {"tuple_difference_theta_double", FN_SCALAR}, {"tuple_difference_theta_integer", FN_SCALAR},
    {"tuple_intersection_agg_double", FN_AGGREGATE},
    {"tuple_intersection_agg_integer", FN_AGGREGATE}, {"tuple_intersection_double", FN_SCALAR},
    {"tuple_intersection_integer", FN_SCALAR}, {"tuple_intersection_theta_double", FN_SCALAR},
    {"tuple_intersection_theta_integer", FN_SCALAR}, {"tuple_sketch_agg_double", FN_AGGREGATE},
    {"tuple_sketch_agg_integer", FN_AGGREGATE}, {"tuple_sketch_estimate_double", FN_SCALAR},
    {"tuple_sketch_estimate_integer", FN_SCALAR}, {"tuple_sketch_summary_double", FN_SCALAR},
    {"tuple_sketch_summary_integer", FN_SCALAR}, {"tuple_sketch_theta_double", FN_SCALAR},
    {"tuple_sketch_theta_integer", FN_SCALAR}, {"tuple_union_agg_double", FN_AGGREGATE},
    {"tuple_union_agg_integer", FN_AGGREGATE}, {"tuple_union_double", FN_SCALAR},
    {"tuple_union_integer", FN_SCALAR}, {"tuple_union_theta_double", FN_SCALAR},
    {"tuple_union_theta_integer", FN_SCALAR}, {"typeof", FN_SCALAR}, {"ucase", FN_SCALAR},
    {"unbase64", FN_SCALAR}, {"unhex", FN_SCALAR}, {"uniform", FN_NONDETERMINISTIC},
    {"unix_date", FN_SCALAR}, {"unix_micros", FN_SCALAR}, {"unix_millis", FN_SCALAR},
    {"unix_nanos", FN_SCALAR}, {"unix_seconds", FN_SCALAR}, {"unix_timestamp", FN_CLOCK},
    {"upper", FN_SCALAR}, {"url_decode", FN_SCALAR}, {"url_encode", FN_SCALAR},
    {"user", FN_SCALAR}, {"uuid", FN_NONDETERMINISTIC}, {"validate_utf8", FN_SCALAR},
    {"var_pop", FN_AGGREGATE}, {"var_samp", FN_AGGREGATE}, {"variance", FN_AGGREGATE},
    {"variant_array_append", FN_SCALAR}, {"variant_delete", FN_SCALAR},
    {"variant_explode", FN_GENERATOR}, {"variant_explode_outer", FN_GENERATOR},
    {"variant_get", FN_SCALAR}, {"variant_insert", FN_SCALAR}, {"variant_set", FN_SCALAR},
    {"variant_strip_nulls", FN_SCALAR}, {"vector_avg", FN_AGGREGATE},
    {"vector_cosine_similarity", FN_SCALAR}, {"vector_inner_product", FN_SCALAR},
    {"vector_l2_distance", FN_SCALAR}, {"vector_norm", FN_SCALAR},
    {"vector_normalize", FN_SCALAR}, {"vector_sum", FN_AGGREGATE}, {"version", FN_SCALAR},
    {"weekday", FN_SCALAR}, {"weekofyear", FN_SCALAR}, {"when", FN_SCALAR},
    {"width_bucket", FN_SCALAR}, {"window", FN_GENERATOR}, {"window_time", FN_SCALAR},
    {"xpath", FN_SCALAR}, {"xpath_boolean", FN_SCALAR}, {"xpath_double", FN_SCALAR},
    {"xpath_float", FN_SCALAR}, {"xpath_int", FN_SCALAR}, {"xpath_long", FN_SCALAR},
    {"xpath_number", FN_SCALAR}, {"xpath_short", FN_SCALAR}, {"xpath_string", FN_SCALAR},
    {"xxhash64", FN_SCALAR}, {"year", FN_SCALAR}, {"zeroifnull", FN_SCALAR},
    {"zip_with", FN_SCALAR},

};

static int cmp_fn(const void *key, const void *elem)
{
    return strcasecmp((const char *)key, ((const struct fn_class *)elem)->name);
}

unsigned an_function_classes(const char *name)
{
    if (!name)
        return AN_FN_UNKNOWN;
    /* The bridge's JSON path marker (dialect.c, bridge_json_path) stands
     * for raw:a.b, a scalar; every other reserved name is not a function. */
    if (parse_is_json_path(name))
        return FN_SCALAR;
    const struct fn_class *c = bsearch(name, function_classes,
                                       sizeof function_classes / sizeof *function_classes,
                                       sizeof *function_classes, cmp_fn);
    return c ? c->classes : AN_FN_UNKNOWN;
}

int an_is_aggregate_name(const char *name)        { return (an_function_classes(name) & FN_AGGREGATE) != 0; }
int an_is_generator_name(const char *name)        { return (an_function_classes(name) & FN_GENERATOR) != 0; }
int an_is_time_function_name(const char *name)    { return (an_function_classes(name) & FN_CLOCK) != 0; }
int an_is_unknown_function_name(const char *name) { return (an_function_classes(name) & AN_FN_UNKNOWN) != 0; }

int an_is_table_function_name(const char *name)
{
    static const char *const table_functions[] = {
        "range", "explode", "explode_outer", "posexplode", "posexplode_outer", "inline",
        "inline_outer", "stack", "json_tuple", "variant_explode", "variant_explode_outer",
        "sql_keywords", "collations"};
    for (size_t i = 0; name && i < sizeof table_functions / sizeof *table_functions; i++)
        if (strcasecmp(name, table_functions[i]) == 0)
            return 1;
    return 0;
}

/* A function sluice does not know may be anything a UDF can be,
 * non-deterministic among it (UserDefinedFunction.asNondeterministic). */
int an_is_nondeterministic_name(const char *name)
{
    return (an_function_classes(name) & (FN_NONDETERMINISTIC | AN_FN_UNKNOWN)) != 0;
}

const char *an_func_name(json_t *f)
{
    json_t *names = ast_get(f, "funcname");
    return ast_string_value(json_array_get(names, json_array_size(names) - 1));
}

/* An aggregate call (a call with OVER is a window call, but its
 * arguments are looked into); a subquery's aggregates are its own, so
 * the walk does not enter one.  Stops at the first. */
static ast_walk_rc find_aggregate(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    (void)node;
    if (k == AST_SubLink || k == AST_SelectStmt)
        return AST_WALK_PRUNE;
    if (k == AST_FuncCall && !ast_get(f, "over") && an_is_aggregate_name(an_func_name(f))) {
        *(int *)w->ctx = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

int an_has_aggregate(json_t *v)
{
    int found = 0;
    ast_walker w = {.fn = find_aggregate, .ctx = &found, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, v);
    return found;
}

void an_push_node(json_t ***list, size_t *n, json_t *node)
{
    /* The capacity is the next power of two: grow when n reaches one. */
    if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0))
        *list = xrealloc(*list, (*n ? *n * 2 : 4) * sizeof **list);
    (*list)[(*n)++] = node;
}

static int conjuncts_at(json_t *cond, json_t ***list, size_t *n, int depth)
{
    json_t *f;
    if (!cond)
        return 0;
    if (depth > AN_MAX_DEPTH)
        return -1;
    if (ast_unwrap(cond, &f, NULL) == AST_BoolExpr &&
        strcmp(ast_str(f, "boolop"), "AND_EXPR") == 0) {
        size_t i;
        json_t *a;
        json_array_foreach(ast_get(f, "args"), i, a)
            if (conjuncts_at(a, list, n, depth + 1) < 0)
                return -1;
        return 0;
    }
    an_push_node(list, n, cond);
    return 0;
}

int an_conjuncts(json_t *cond, json_t ***list, size_t *n)
{
    return conjuncts_at(cond, list, n, 0);
}

int an_is_group_key(const an_block *blk, json_t *e)
{
    if (blk->grouping_sets)
        return 0;
    for (size_t i = 0; i < blk->ngroup; i++)
        if (!blk->group[i].via_alias && ast_equal_ignoring_locations(blk->group[i].expr, e))
            return 1;
    return 0;
}

/* Stops (aborts) at the first thing that is neither a group key nor
 * built from them over deterministic scalar functions; a group key is
 * not entered. */
static ast_walk_rc key_or_constant(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    const an_block *blk = w->ctx;
    if (an_is_group_key(blk, node))
        return AST_WALK_PRUNE;
    if (k == AST_ColumnRef || k == AST_SubLink || k == AST_SelectStmt || k == AST_GroupingFunc)
        return AST_WALK_ABORT;
    if (k == AST_FuncCall && (ast_get(f, "over") || an_is_aggregate_name(an_func_name(f)) ||
                              an_is_nondeterministic_name(an_func_name(f))))
        return AST_WALK_ABORT;
    return AST_WALK_CONTINUE;
}

/* Fails closed: an expression deeper than AN_MAX_DEPTH is not keys only. */
int an_refers_to_keys_only(const an_block *blk, json_t *e)
{
    if (blk->grouping_sets || blk->ngroup == 0)
        return 0;
    ast_walker w = {.fn = key_or_constant, .ctx = (void *)blk, .max_depth = AN_MAX_DEPTH};
    return ast_walk(&w, e) != AST_WALK_ABORT && !w.too_deep;
}

int an_is_group_by_all(json_t *group_clause)
{
    json_t *cf;
    return json_array_size(group_clause) == 1 &&
           ast_unwrap(json_array_get(group_clause, 0), &cf, NULL) == AST_ColumnRef &&
           parse_is_group_by_all(cf);
}
