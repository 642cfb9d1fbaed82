/*
 * dates.c - civil-date arithmetic (the day-number algorithm of Howard
 * Hinnant's "chrono-compatible low-level date algorithms"), parsing of
 * configuration dates, and the two string-to-datetime casts of Spark
 * (SparkDateTimeUtils.stringToDate, parseTimestampString) for SQL text.
 */
#include "dates.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

long dates_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void dates_to_civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

static unsigned days_in_month(long y, unsigned m)
{
    static const unsigned dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

long dates_add_months(long days, long months)
{
    long y;
    unsigned m, d;
    dates_to_civil(days, &y, &m, &d);
    long total = y * 12 + (long)(m - 1) + months;
    long ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
    unsigned nm = (unsigned)(total - ny * 12) + 1;
    unsigned dim = days_in_month(ny, nm);
    return dates_from_civil(ny, nm, d > dim ? dim : d);
}

static int digits(const char **p, int n, long *out)
{
    long v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

int dates_parse(const char *s, long *days, long *seconds)
{
    const char *p = s;
    long y, m, d, hh = 0, mm = 0, ss = 0;
    while (isspace((unsigned char)*p))
        p++;
    if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &m) < 0 || *p++ != '-' ||
        digits(&p, 2, &d) < 0)
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > (long)days_in_month(y, (unsigned)m))
        return -1;
    if (*p == ' ' || *p == 'T') {
        p++;
        if (digits(&p, 2, &hh) < 0 || *p++ != ':' || digits(&p, 2, &mm) < 0)
            return -1;
        if (*p == ':') {
            p++;
            if (digits(&p, 2, &ss) < 0)
                return -1;
            if (*p == '.') {
                p++;
                while (isdigit((unsigned char)*p))
                    p++;
            }
        }
        if (hh > 23 || mm > 59 || ss > 60)
            return -1;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == 'Z')
        p++;
    if (*p)
        return -1;
    *days = dates_from_civil(y, (unsigned)m, (unsigned)d);
    *seconds = hh * 3600 + mm * 60 + ss;
    return 0;
}

/* ---- Spark's casts of strings to DATE and TIMESTAMP ----------------- */

/* UTF8String.isWhitespaceOrISOControl on one byte: what Spark trims. */
static int spark_trimmed(unsigned char c)
{
    return c <= 0x20 || c == 0x7f;
}

/* The trimmed bounds of s: [*b, *e). */
static void spark_trim(const char *s, const char **b, const char **e)
{
    const char *p = s, *q = s + strlen(s);
    while (p < q && spark_trimmed((unsigned char)*p))
        p++;
    while (q > p && spark_trimmed((unsigned char)q[-1]))
        q--;
    *b = p;
    *e = q;
}

/* A run of digits starting at *p (before end): at least lo, at most hi
 * digits.  Advances *p. */
static int digit_run(const char **p, const char *end, int lo, int hi, long *out)
{
    long v = 0;
    int n = 0;
    while (*p < end && isdigit((unsigned char)**p)) {
        if (++n > hi)
            return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    if (n < lo)
        return -1;
    *out = v;
    return 0;
}

static int valid_civil(long y, long m, long d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= (long)days_in_month(y, (unsigned)m);
}

/* The date part both casts share: "yyyy[-[m]m[-[d]d]]".  *fields is how
 * many were written (1..3). */
static int spark_date_part(const char **p, const char *end, long *y, long *m, long *d,
                           int *fields)
{
    /* Spark allows a sign and 4 to 7 (DATE) or 6 (TIMESTAMP) year digits;
     * sluice reads four, and treats the rest as unknown. */
    *m = *d = 1;
    *fields = 1;
    if (digit_run(p, end, 4, 4, y) < 0)
        return -1;
    if (*p < end && **p == '-') {
        (*p)++;
        *fields = 2;
        if (digit_run(p, end, 1, 2, m) < 0)
            return -1;
        if (*p < end && **p == '-') {
            (*p)++;
            *fields = 3;
            if (digit_run(p, end, 1, 2, d) < 0)
                return -1;
        }
    }
    return valid_civil(*y, *m, *d) ? 0 : -1;
}

int dates_spark_date(const char *s, long *days)
{
    const char *p, *end;
    long y, m, d;
    int fields;
    spark_trim(s, &p, &end);
    if (spark_date_part(&p, end, &y, &m, &d, &fields) < 0)
        return -1;
    /* After a full date, ' ' or 'T' ends the date and the rest is ignored;
     * the shorter forms must be the whole string. */
    if (p < end && !(fields == 3 && (*p == ' ' || *p == 'T')))
        return -1;
    *days = dates_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

int dates_spark_timestamp(const char *s, long long *us)
{
    const char *p, *end;
    long y, m, d, hh = 0, mi = 0, ss = 0, frac = 0;
    int fields;
    spark_trim(s, &p, &end);
    if (spark_date_part(&p, end, &y, &m, &d, &fields) < 0)
        return -1;
    if (p < end) {
        if (fields != 3 || (*p != ' ' && *p != 'T'))
            return -1;
        p++;
        if (digit_run(&p, end, 1, 2, &hh) < 0)
            return -1;
        if (p < end && *p == ':') {
            p++;
            if (digit_run(&p, end, 1, 2, &mi) < 0)
                return -1;
            if (p < end && *p == ':') {
                p++;
                if (digit_run(&p, end, 1, 2, &ss) < 0)
                    return -1;
                if (p < end && *p == '.') {
                    /* Any number of digits, none included; the seventh
                     * and later are dropped (Spark truncates). */
                    p++;
                    int n = 0;
                    while (p < end && isdigit((unsigned char)*p)) {
                        if (n < 6)
                            frac = frac * 10 + (*p - '0');
                        n++;
                        p++;
                    }
                    for (; n < 6; n++)
                        frac *= 10;
                }
            }
        }
        /* Anything left is a zone (Spark reads one only after the
         * seconds; elsewhere it is an error): its offset from the session
         * time zone is unknown here. */
        if (p < end)
            return -1;
        if (hh > 23 || mi > 59 || ss > 59)
            return -1;
    }
    *us = (long long)dates_from_civil(y, (unsigned)m, (unsigned)d) * DATES_US_PER_DAY +
          ((long long)hh * 3600 + mi * 60 + ss) * DATES_US_PER_SECOND + frac;
    return 0;
}

long dates_day_of_us(long long us)
{
    long long d = us / DATES_US_PER_DAY;
    if (us % DATES_US_PER_DAY < 0)
        d--;
    return (long)d;
}

long dates_trunc(long day, int unit)
{
    long y;
    unsigned m, d;
    dates_to_civil(day, &y, &m, &d);
    switch (unit) {
    case DATES_WEEK: return day - ((day + 3) % 7 + 7) % 7;     /* 1970-01-01 was a Thursday */
    case DATES_MONTH: return dates_from_civil(y, m, 1);
    case DATES_QUARTER: return dates_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
    case DATES_YEAR: return dates_from_civil(y, 1, 1);
    default: return day;
    }
}

long dates_next(long start, int unit)
{
    switch (unit) {
    case DATES_WEEK: return start + 7;
    case DATES_MONTH: return dates_add_months(start, 1);
    case DATES_QUARTER: return dates_add_months(start, 3);
    case DATES_YEAR: return dates_add_months(start, 12);
    default: return start + 1;
    }
}
