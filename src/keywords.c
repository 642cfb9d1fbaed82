/*
 * keywords.c - keyword classification, backed by libpg_query's table.
 *
 * libpg_query exports the PostgreSQL scanner's keyword list
 * (ScanKeywords, ScanKeywordCategories) and its perfect-hash lookup
 * ScanKeywordLookup().  They are not declared in pg_query.h; PostgreSQL
 * 15's own headers (common/keywords.h, as pgtree.c uses the server
 * headers) declare them.  The table is immutable data, safe to read from
 * any thread.
 */
#include "postgres.h"
#include "common/keywords.h"

#include "keywords.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* Most words looked up are no keyword (column and table names).  A bit
 * per hash of a word's length and first and last bytes (ASCII capitals
 * folded to lower case, as PostgreSQL's lookup folds them) says that no keyword has that shape, and then
 * the word is none without PostgreSQL's lookup.  Built once from the
 * table itself, and used only when every keyword read from it looks
 * itself up again (a table laid out otherwise than these headers say
 * leaves every word to PostgreSQL's lookup). */
#define SHAPE_BITS 4096
static unsigned char keyword_shapes[SHAPE_BITS / 8];
static int shapes_ready;        /* 1: usable; set (release) once built */
static pthread_once_t shapes_once = PTHREAD_ONCE_INIT;

static unsigned shape_of(const char *w, size_t n)
{
    unsigned first = (unsigned char)w[0], last = (unsigned char)w[n - 1];
    if (first - 'A' < 26u)
        first |= 0x20;
    if (last - 'A' < 26u)
        last |= 0x20;
    return ((unsigned)n * 977u + first * 31u + last) % SHAPE_BITS;
}

static void build_shapes(void)
{
    for (int i = 0; i < ScanKeywords.num_keywords; i++) {
        const char *kw = GetScanKeyword(i, &ScanKeywords);
        size_t n = strlen(kw);
        if (n == 0 || ScanKeywordLookup(kw, &ScanKeywords) != i)
            return;     /* not the table these headers describe */
        unsigned h = shape_of(kw, n);
        keyword_shapes[h / 8] |= (unsigned char)(1u << (h % 8));
    }
    __atomic_store_n(&shapes_ready, 1, __ATOMIC_RELEASE);
}

int pg_keyword_category(const char *word, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return PG_KW_NONE;
    if (!__atomic_load_n(&shapes_ready, __ATOMIC_ACQUIRE))
        pthread_once(&shapes_once, build_shapes);
    if (__atomic_load_n(&shapes_ready, __ATOMIC_ACQUIRE)) {
        unsigned h = shape_of(word, len);
        if (!(keyword_shapes[h / 8] & (1u << (h % 8))))
            return PG_KW_NONE;
    }
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
