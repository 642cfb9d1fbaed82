/*
 * keywords.h - what the PostgreSQL grammar treats as a keyword.
 *
 * The bridge needs to know which bare words libpg_query would fold or
 * refuse as identifiers, and the emitter needs to know which identifiers
 * must be back-quoted to survive a re-parse.  The answer comes from
 * libpg_query's own keyword table, so it can never drift from the parser.
 */
#ifndef SLUICE_KEYWORDS_H
#define SLUICE_KEYWORDS_H

#include <stddef.h>

enum pg_kw_category {
    PG_KW_NONE = -1,
    PG_KW_UNRESERVED = 0,
    PG_KW_COL_NAME = 1,
    PG_KW_TYPE_FUNC_NAME = 2,
    PG_KW_RESERVED = 3
};

/* Category of word[0..len) (ASCII case-insensitive), PG_KW_NONE if none. */
int pg_keyword_category(const char *word, size_t len);

/* Nonzero if word (NUL-terminated) needs back-quotes to be a Spark
 * identifier that re-parses to the same name. */
int spark_ident_needs_quotes(const char *word);

/* Nonzero if word[0..len) is a Spark interval unit (YEAR, DAYS, ...,
 * MICROSECONDS), case-insensitive. */
int spark_interval_unit(const char *word, size_t len);

/* PostgreSQL's INTERVAL_MASK bits, as an interval type's first typmod
 * carries them (INTERVAL '1-2' YEAR TO MONTH: IM_YEAR | IM_MONTH). */
enum interval_mask {
    IM_MONTH = 1 << 1, IM_YEAR = 1 << 2, IM_DAY = 1 << 3, IM_HOUR = 1 << 10,
    IM_MINUTE = 1 << 11, IM_SECOND = 1 << 12
};

#endif
