/*
 * route_reasons.h - the one table of aggregate routing's reason codes:
 * the stable word each routing diagnostic carries in sl_diagnostic.code
 * (as BigQuery's rejectedReason or Doris's rewrite failure summary do).
 *
 * Every refusal site in src/rewrite/ names exactly one row; the
 * diagnostic that reports it carries the row's code, whatever its
 * message says.  A code is public: once released it keeps its meaning
 * and is never reused for another.  The user-facing table (code,
 * meaning, what to change) is docs/routing-reasons.md; tests/docs
 * reasons.py checks that it lists exactly the rows below.
 *
 * Adding a code is one row: X(ENUM_NAME, "code", "meaning"), anywhere in
 * the list (the enum's numbers are internal; only the words are public),
 * plus its line in docs/routing-reasons.md.  Refuse with RR_ENUM_NAME.
 */
#ifndef SLUICE_ROUTE_REASONS_H
#define SLUICE_ROUTE_REASONS_H

/* X(id, code, meaning): the condition number of aggregate_routing.c (or
 * the file) that refuses with it comes first in the meaning. */
#define ROUTE_REASONS(X)                                                                        \
    /* Outcomes */                                                                              \
    X(ROUTED, "routed", "the block is answered from the aggregate")                             \
    X(ROUTABLE, "routable", "the aggregate answers the block, but its enforce is warn")         \
    X(MISSED, "missed", "on_miss: an aggregate block over the fact is answered by no "          \
      "aggregate")                                                                              \
    X(NO_CANDIDATE, "no_candidate", "on_miss: no aggregate (enforce other than off) is "        \
      "declared over the fact")                                                                 \
    /* Refusals */                                                                              \
    X(JOIN_NOT_COVERED, "join_not_covered", "1: the block reads more than the aggregate's "     \
      "source (a join or another FROM item)")                                                   \
    X(FAN_OUT, "fan_out", "J3, J4 (aggregate_joins.c): the joined dimension has no declared "  \
      "unique key, or the ON condition does not equate one with stored fact columns")          \
    X(NOT_AGGREGATING, "not_aggregating", "1: the block has no GROUP BY, no aggregate call "   \
      "and no SELECT DISTINCT")                                                                 \
    X(GLOBAL_AGGREGATE, "global_aggregate", "15: the block groups its rows (GROUP BY, "          \
      "grouping sets, SELECT DISTINCT) and the aggregate has no GROUP BY: its one row exists "  \
      "even where no source row does")                                                          \
    X(SOURCE_IN_SUBQUERY, "source_in_subquery", "1: the block aggregates the source's rows "     \
      "read through a subquery or CTE (a virtual dataset), not the source itself")              \
    X(SAMPLED_OR_TIME_TRAVEL, "sampled_or_time_travel", "the source is read with TABLESAMPLE "  \
      "or at an older version, whose rows the aggregate does not hold")                         \
    X(RLS_NOT_COVERED, "rls_not_covered", "the source has row filters for the request's "     \
      "user (row_filters), which the aggregate's rows do not carry")                            \
    X(COLUMNS_RENAMED, "columns_renamed", "an alias list renames the source's columns by "      \
      "position")                                                                               \
    X(GROUPING_SETS, "grouping_sets", "2: GROUPING SETS, ROLLUP, CUBE or GROUPING() is used")   \
    X(WINDOW_FUNCTION, "window_function", "2: a window function or QUALIFY is used")            \
    X(BY_ALL, "by_all", "2: GROUP BY ALL or ORDER BY ALL is used")                               \
    X(UNKNOWN_FUNCTION, "unknown_function", "2: a function outside Spark's registry is used")   \
    X(NONDETERMINISTIC, "nondeterministic", "2: a generator or a non-deterministic function "   \
      "is used")                                                                                \
    X(ROW_ORDER, "row_order", "2: SORT BY, DISTRIBUTE BY or CLUSTER BY is used")                \
    X(LIMIT_NOT_CONSTANT, "limit_not_constant", "2: LIMIT or OFFSET is not a constant")         \
    X(SUBQUERY, "subquery", "2: the block holds a subquery")                                    \
    X(OUTER_REFERENCE, "outer_reference", "2: a column of another query is used")               \
    X(TOO_COMPLEX, "too_complex", "an expression is nested deeper than sluice reads")           \
    X(NOT_A_DIMENSION, "not_a_dimension", "3: an expression evaluated per row uses a column "   \
      "that is not inside one of the aggregate's dimensions")                                   \
    X(AMBIGUOUS_COLUMN, "ambiguous_column", "3: a column name may be several columns")          \
    X(GROUP_BY_ALIAS, "group_by_alias", "3: a GROUP BY key names a select-list alias")          \
    X(AGGREGATE_MISPLACED, "aggregate_misplaced", "3: an aggregate call is used where rows "    \
      "are filtered or grouped")                                                                \
    X(GRAIN_TOO_COARSE, "grain_too_coarse", "4, 16: date_trunc or a field of the time "       \
      "(hour, month, dayofweek, ...) asks for a grain finer than the stored one, or one its "   \
      "buckets do not add up to (week to month)")                                               \
    X(FILTER_NOT_IMPLIED, "filter_not_implied", "5: the query does not filter as the "          \
      "aggregate's WHERE does")                                                                 \
    X(MEASURE_MISSING, "measure_missing", "6: the aggregate stores no measure that answers "    \
      "an aggregate call")                                                                      \
    X(DISTINCT_COUNT_REGROUPED, "distinct_count_regrouped", "17: a stored COUNT(DISTINCT) "   \
      "answers only a block grouped by every dimension of the aggregate, without grouping "     \
      "sets or a join")                                                                         \
    X(UNSUPPORTED_AGGREGATE, "unsupported_aggregate", "6: an aggregate function or form "       \
      "(FILTER, DISTINCT other than in COUNT, SUM, AVG, MIN, MAX, ordered) stored groups "     \
      "cannot answer")                                                                          \
    X(TYPE_UNKNOWN, "type_unknown", "a column type the answer depends on is not declared "      \
      "(tables[].columns)")                                                                     \
    X(DECIMAL_ROUNDING, "decimal_rounding", "12: a DECIMAL AVG from the stored parts rounds "   \
      "as Spark's AVG does only for groups smaller than the source declares (or it declares "   \
      "no rows)")                                                                               \
    X(OUTPUT_NAME_CHANGES, "output_name_changes", "7: an unaliased select-list expression "     \
      "would change its output name")                                                           \
    X(SELECT_STAR, "select_star", "7: SELECT * (or * in an expression) is used")                \
    X(STALE, "stale", "8: the query may read days after the aggregate's fresh_through")         \
    X(UNION_UNSUPPORTED, "union_unsupported", "U2-U6 (aggregate_union.c): the aggregate's "     \
      "stale policy is union, but the block's rows past fresh_through cannot be read from the " \
      "source in a union")                                                                      \
    X(BOUND_CUTS_BUCKET, "bound_cuts_bucket", "9: a bound on the raw time column cuts a "       \
      "bucket of the stored grain")                                                             \
    X(BOUND_NOT_EXACT, "bound_not_exact", "9: a bound on the raw time column is a value "       \
      "sluice does not evaluate exactly")                                                       \
    X(RAW_COLUMN_CONDITION, "raw_column_condition", "9: a condition on the raw time column "    \
      "other than a comparison with a constant, BETWEEN or IN")                                 \
    X(COLUMN_TYPE_UNSUPPORTED, "column_type_unsupported", "9, 16: the raw time column is "     \
      "declared neither DATE nor TIMESTAMP_NTZ")                                                \
    X(TIME_ZONE_UNKNOWN, "time_zone_unknown", "10, 16: a TIMESTAMP column's buckets depend on " \
      "the session time zone, and the request carries none (context time_zone)")               \
    X(TIME_ZONE_MISMATCH, "time_zone_mismatch", "10, 16: the request's session time zone is "  \
      "not the aggregate's time_zone, which its TIMESTAMP buckets were cut in")                 \
    X(TIME_ZONE_NOT_FIXED, "time_zone_not_fixed", "10: a bound on a TIMESTAMP column is "       \
      "translated only in a zone without daylight-saving changes (UTC, +hh:mm)")

typedef enum route_reason {
#define ROUTE_REASON_ENUM(id, code, meaning) RR_##id,
    ROUTE_REASONS(ROUTE_REASON_ENUM)
#undef ROUTE_REASON_ENUM
    RR_COUNT
} route_reason;

/* The code of a row ("not_a_dimension"), a static string; NULL for an
 * id outside the table. */
const char *route_reason_code(route_reason r);
/* Its one-line meaning, a static string. */
const char *route_reason_meaning(route_reason r);

#endif
