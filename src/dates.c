/*
 * dates.c - civil-date arithmetic (the day-number algorithm of Howard
 * Hinnant's "chrono-compatible low-level date algorithms") and parsing.
 */
#include "dates.h"

#include <ctype.h>
#include <stdlib.h>

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
