/*
 * rules.h - a rules document (a JSON file under rules/) compiled into an
 * immutable policy.  Every error names the source, line, column and key.
 * The keys are documented in docs/rules.md and in
 * rules/sluice-rules.schema.json.
 */
#ifndef SLUICE_RULES_H
#define SLUICE_RULES_H

#include <stddef.h>

#include <jansson.h>

#include "dates.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

typedef enum rules_unparseable {
    RULES_UNPARSEABLE_REJECT = 0,   /* the default: a guardrail fails closed */
    RULES_UNPARSEABLE_PASS = 1
} rules_unparseable;

/* A rule's mode, as the rules file's "enforce" keys give it.  Which
 * modes a rule takes, and how the file spells them, is the rule table's
 * (rule_table.h: rule_def.modes, rule_mode_word()). */
typedef enum rules_enforce {
    RULES_ENFORCE_REJECT = 0,
    RULES_ENFORCE_REWRITE = 1,      /* "inject" for partitions, "rewrite" elsewhere */
    RULES_ENFORCE_WARN = 2,
    RULES_ENFORCE_OFF = 3
} rules_enforce;

/* Statement kinds for statements.allow. */
enum {
    RULES_STMT_SELECT = 1 << 0,
    RULES_STMT_INSERT = 1 << 1,
    RULES_STMT_UPDATE = 1 << 2,
    RULES_STMT_DELETE = 1 << 3,
    RULES_STMT_MERGE = 1 << 4,
    RULES_STMT_DDL = 1 << 5,
    RULES_STMT_SET = 1 << 6,
    RULES_STMT_OTHER = 1 << 7,
    RULES_STMT_CTAS = 1 << 8,       /* CREATE TABLE ... AS query (also allowed by "ddl") */
    RULES_STMT_CVAS = 1 << 9,       /* CREATE VIEW ... AS query (also allowed by "ddl") */
    RULES_STMT_SHOW = 1 << 10,      /* SHOW TABLES / SCHEMAS / CATALOGS / COLUMNS / VIEWS */
    RULES_STMT_DESCRIBE = 1 << 11,  /* DESCRIBE [TABLE] name, DESCRIBE SCHEMA / CATALOG */
    RULES_STMT_USE = 1 << 12        /* USE [CATALOG | SCHEMA | DATABASE | NAMESPACE] name */
};

/* What a query block that aggregates a table and is answered by no
 * aggregate gets (tables[].on_miss; aggregate_routing.c). */
typedef enum rules_on_miss {
    RULES_ON_MISS_ALLOW = 0,        /* the default: it runs on the table */
    RULES_ON_MISS_WARN = 1,         /* a warning listing each candidate's reason */
    RULES_ON_MISS_REJECT = 2        /* the statement is refused, with the same list */
} rules_on_miss;

/* A column the rules declare for a table (tables[].columns). */
typedef struct rules_column {
    char *name;             /* as written */
    char *type;             /* as written, or NULL */
    int   not_null;         /* listed in not_null */
    long long distinct;     /* its number of distinct values, -1 when
                               unknown (read by `sluice advise` only) */
    /* "references": {"table": ..., "columns": [k], "total": true}: the
     * column is a foreign key of table's column k; total: every value
     * that is not NULL is one of k's (aggregate_joins.c J9). */
    char *ref_table;        /* lower-case catalog.schema.table, or NULL */
    char *ref_column;       /* the column it references, as written */
    int   ref_total;
} rules_column;

typedef struct rules_table {
    char        *match;         /* the match string as written */
    char        *exact;         /* lower-cased catalog.schema.table, or NULL */
    pcre2_code  *pattern;       /* compiled /regex/ (caseless), or NULL */
    char        *description;
    int          partitioned;
    char        *column;        /* partition column, lower case */
    char        *derived_from;  /* generated-from column, lower case, or NULL */
    long         max_days;      /* 0 = no maximum */
    long         default_days;
    rules_enforce enforce;
    long long    rows, bytes;   /* size statistics, -1 when unknown */
    rules_on_miss on_miss;      /* "on_miss": allow (the default), warn, reject */
    long long    bytes_per_day; /* bytes a day of its partition column holds,
                                   -1 when unknown (scan-budget) */
    long long    days;          /* how many days of data it holds, -1 when
                                   unknown (read by `sluice advise` only) */
    rules_column *columns;      /* declared columns, in order (resolve.c binds
                                   names exactly and expands * with them) */
    size_t       ncolumns;
    int          has_columns;   /* "columns" was given (possibly empty) */
    size_t     **unique;        /* unique keys: each a list of indices into
                                   columns, (size_t)-1 terminated */
    size_t       nunique;
} rules_table;

/* An aggregate table declared by the SELECT that built it (see
 * rules_aggregate.c): its dimensions (GROUP BY expressions with their
 * output names), measures (aggregate calls with their output names),
 * its own WHERE and its source table.  Every json_t here belongs to the
 * engine and is shared by all threads: read it, copy it
 * (json_deep_copy), never insert it into a request's tree. */
typedef struct rules_dimension {
    char   *name;           /* output name as written */
    json_t *expr;           /* the GROUP BY expression */
    int     grain;          /* for a time dimension: RULES_GRAIN_*, else 0 */
} rules_dimension;

typedef struct rules_measure {
    char   *name;           /* output name as written */
    char   *func;           /* lower case: sum, min, max, count */
    int     distinct;
    int     star;           /* count(*), or COUNT of a non-NULL literal */
    json_t *arg;            /* the argument, NULL for count(*) */
} rules_measure;

enum {
    RULES_GRAIN_NONE = DATES_NONE, RULES_GRAIN_HOUR = DATES_HOUR, RULES_GRAIN_DAY = DATES_DAY,
    RULES_GRAIN_WEEK = DATES_WEEK, RULES_GRAIN_MONTH = DATES_MONTH,
    RULES_GRAIN_QUARTER = DATES_QUARTER, RULES_GRAIN_YEAR = DATES_YEAR
};

/* The grain a date_trunc unit names ('day', 'MM', ...), RULES_GRAIN_NONE
 * for anything else. */
int rules_grain_of_unit(const char *unit);
/* The grain of a truncation level (AN_TRUNC_*, analyze.h). */
int rules_grain_of_level(int level);

typedef struct rules_aggregate {
    char   *table;          /* lower-case catalog.schema.table */
    char   *table_written;  /* as written */
    char   *description;
    json_t *statement;      /* the parsed query (owned) */
    char   *source;         /* lower-case catalog.schema.table it reads */
    rules_dimension *dims;  size_t ndims;
    rules_measure *measures; size_t nmeasures;
    json_t **where;         size_t nwhere;  /* its WHERE conjuncts */
    int     has_fresh;
    long    fresh_through;  /* last complete day (days since 1970-01-01) */
    int     time_dim;       /* index into dims, -1 if none */
    int     stale_union;    /* "stale": "union": a block reading past
                               fresh_through is answered from the aggregate
                               up to it and from the source after it
                               (rewrite/aggregate_union.c); 0: "refuse" */
    char   *time_zone;      /* the session time zone it was built in ("UTC") */
    rules_enforce enforce;      /* rewrite (the default), warn or off */
    char  **columns;        /* lower-case names of the source columns its
                               dimensions, measures and WHERE read (a quick
                               test: a query reading another column cannot
                               be routed onto it) */
    size_t  ncolumns;
    /* An aggregate over a join (rules_aggregate.c): its query reads the
     * source joined to one dimension table.  dim is NULL otherwise. */
    char   *dim;            /* lower-case catalog.schema.table of the dimension */
    char   *fact_alias;     /* lower case: how the query names the source */
    char   *dim_alias;      /* and the dimension (alias, else table name) */
    int     join_left;      /* 1: source LEFT JOIN dimension; 0: inner */
    json_t *join_on;        /* the ON condition (inside statement) */
} rules_aggregate;

/* The Superset shapes the "explore" section names (docs/superset-rules.md):
 * for each, 1 when a scan the table's policy would reject gets the
 * default window instead. */
typedef struct rules_explore {
    int samples;            /* SELECT plain columns FROM one table LIMIT n */
    int sample_count;       /* SELECT COUNT(*) FROM one table */
    int distinct_values;    /* SELECT DISTINCT col ... / SELECT cols ... GROUP BY cols */
    int column_discovery;   /* any query whose outermost LIMIT is 1 */
    long long max_rows;     /* samples' and distinct values' LIMIT at most this */
} rules_explore;

/* One row filter (the "row_filters" section, rules_row_filters.c;
 * docs/row-level-security.md).  The predicate is parsed once, at load:
 * every {{user}} of its text is a ParamRef whose sl_param is
 * RULES_USER_PARAM, replaced by the request's user as a string
 * constant when the filter is applied; every "location" is -1 (it is no
 * text of the query).  Shared by all threads: copy, never insert. */
#define RULES_USER_PARAM ":sl_user"
typedef struct rules_row_filter {
    char   *table;          /* as written: catalog.schema.table or /pattern/ */
    char   *exact;          /* lower-case catalog.schema.table, or NULL */
    pcre2_code *pattern;    /* compiled /pattern/ (caseless), or NULL */
    char   *predicate_text; /* as written */
    json_t *predicate;      /* the parsed condition (owned) */
    int     uses_user;      /* it has {{user}} */
    char  **users;  size_t nusers;  /* exact names; "*" in the file: all_users */
    int     all_users;
    char  **groups; size_t ngroups; /* exact names */
    char   *group_key;      /* filters with one key are ORed; NULL: its own */
} rules_row_filter;

/* What a name that may be several configured tables is (resolution.ambiguous). */
typedef enum rules_ambiguous {
    RULES_AMBIGUOUS_EACH = 0,       /* the scan answers to every one of them */
    RULES_AMBIGUOUS_REJECT = 1      /* the statement is refused */
} rules_ambiguous;

typedef struct rules {
    rules_unparseable on_unparseable;
    char *default_catalog;
    char *default_schema;
    rules_table *tables;
    size_t ntables;
    int has_limit;
    long long limit_default, limit_max;
    rules_enforce limit_enforce;
    unsigned statements_allow;      /* RULES_STMT_* mask */
    int multiple_reject;            /* several statements in one request */
    int inline_suppressions;        /* honour "-- sluice: allow" outside lint */
    rules_explore explore;          /* the "explore" section */
    rules_ambiguous ambiguous;      /* resolution.ambiguous */
    int unqualified_reject;         /* resolution.unqualified: a bare table name
                                       that may be a configured table is refused */
    rules_aggregate *aggregates;
    size_t naggregates;
    rules_enforce broadcast;        /* BROADCAST hints: rewrite, warn, or off
                                       (the default when "broadcast" is absent) */
    long long broadcast_max_rows;   /* -1: no row limit */
    long long broadcast_max_bytes;  /* -1: no byte limit */
    rules_row_filter *row_filters;  /* row_filters.filters, in file order */
    size_t nrow_filters;
    int row_filters_deny;           /* row_filters.default "deny": FALSE for a user
                                       no filter of a filtered table names */
    char **row_filters_bypass;      /* groups exempt from every row filter */
    size_t nrow_filters_bypass;
    json_t *row_filter_false;       /* the condition FALSE, parsed (owned) */
    size_t *aggregate_order;        /* indices into aggregates, most preferred
                                       first: fewest rows, then fewest dimensions,
                                       then file order */
    int has_budget;                 /* the "budget" section: estimate each
                                       statement's bytes scanned (scan-budget) */
    long long budget_max_bytes;     /* -1: estimate only, no limit */
    rules_enforce budget_enforce;   /* reject (the default) or warn */
    int budget_unsized_reject;      /* a scan of a table of unknown size:
                                       1 makes the estimate unknown, over any
                                       limit ("over_budget", the default),
                                       0 counts it as 0 bytes ("zero") */
    int attribution_comment;        /* "attribution": {"comment": true} */
    char digest[65];                /* SHA-256 of the rules text, lower-case hex
                                       ("" for the empty rule set) */
} rules;

/* Compile text[0..len) (NULL for the empty rule set).  Returns 0, or -1
 * with *error set to a malloc'd "source:line:col: message". */
int  rules_compile(const char *text, size_t len, const char *source,
                   rules *out, char **error);
void rules_free(rules *r);

/* The table entry for a fully qualified, lower-case name, or NULL.
 * Exact matches win over patterns; among each, the first listed wins. */
const rules_table *rules_find_table(const rules *r, const char *qualified);

/* Does the compiled table pattern (a "/regex/" match) find a match in
 * the name s?  Safe to call from several threads on one pattern. */
int rules_pattern_match(const pcre2_code *pattern, const char *s);

/* A join's key columns on t: rules_key_mark records that the ON condition
 * equates t's column (by name, case-insensitive) with the other side;
 * rules_key_covered says whether the marked columns hold a whole declared
 * unique key of t (so each row of the other side meets at most one row of
 * t).  keyed is zeroed by the caller; columns past RULES_KEY_MAX count as
 * never marked. */
#define RULES_KEY_MAX 256
void rules_key_mark(const rules_table *t, const char *column, unsigned char keyed[RULES_KEY_MAX]);
int  rules_key_covered(const rules_table *t, const unsigned char keyed[RULES_KEY_MAX]);

/* Does row filter f name the table `qualified` (lower-case
 * catalog.schema.table, of which the author wrote the last nparts)?  An
 * exact name matches the whole name, or, for a name written with fewer
 * than three parts, its written parts (the defaults a request gives may
 * not be the session's: the filter applies to every table it may be). */
int rules_row_filter_matches(const rules_row_filter *f, const char *qualified, int nparts);

/* The configured tables a reference may name (docs/superset-resolution.md).
 * qualified is the lower-case name completed with the defaults, of which
 * the author wrote the last nparts (1-3).  First the entry for qualified
 * itself (rules_find_table), then, for a name written with fewer than
 * three parts, every other entry whose name ends in the written parts
 * under some catalog and schema: exact entries by their text, patterns
 * under each qualifier the rules name (the defaults, the exact entries'
 * qualifiers, a pattern's own literal catalog and schema).  Each entry
 * once; at most cap are stored in out; returns how many there are. */
#define RULES_MAX_CANDIDATES 16
size_t rules_resolve(const rules *r, const char *qualified, int nparts,
                     const rules_table **out, size_t cap);

#endif
