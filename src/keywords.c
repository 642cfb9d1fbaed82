/*
 * keywords.c - keyword classification, backed by libpg_query's table.
 *
 * libpg_query exports the PostgreSQL scanner's keyword list
 * (ScanKeywords, ScanKeywordCategories) and its perfect-hash lookup
 * ScanKeywordLookup().  They are not declared in pg_query.h, so the three
 * declarations below are the only place sluice reaches past the public
 * header; the table is immutable data, safe to read from any thread.
 */
#include "keywords.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

struct ScanKeywordList;
extern const struct ScanKeywordList ScanKeywords;
extern const unsigned char ScanKeywordCategories[];
extern int ScanKeywordLookup(const char *str, const struct ScanKeywordList *keywords);

int pg_keyword_category(const char *word, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return PG_KW_NONE;
    memcpy(buf, word, len);
    buf[len] = '\0';
    int idx = ScanKeywordLookup(buf, &ScanKeywords);
    if (idx < 0)
        return PG_KW_NONE;
    return ScanKeywordCategories[idx];
}

/*
 * A bare identifier survives the bridge unchanged when it is made of
 * [A-Za-z0-9_], does not start with a digit and is no PostgreSQL keyword
 * (the bridge quotes non-keywords that carry upper case, so their
 * spelling is kept).  Everything else is back-quoted: that is always
 * valid Spark and always re-parses to the same name.
 */
int spark_ident_needs_quotes(const char *word)
{
    size_t n = strlen(word);
    if (n == 0 || isdigit((unsigned char)word[0]))
        return 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)word[i];
        if (!(isalnum(c) || c == '_'))
            return 1;
    }
    return pg_keyword_category(word, n) != PG_KW_NONE;
}

int spark_interval_unit(const char *word, size_t len)
{
    static const char *const units[] = {
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds",
        "millisecond", "milliseconds", "microsecond", "microseconds", NULL};
    for (int i = 0; units[i]; i++)
        if (strlen(units[i]) == len && strncasecmp(units[i], word, len) == 0)
            return 1;
    return 0;
}
