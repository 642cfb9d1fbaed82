/*
 * dates.h - calendar arithmetic for date-window rules: civil dates as
 * day numbers (days since 1970-01-01), month arithmetic with month-end
 * clamping, and parsing of the date and timestamp strings SQL uses.
 */
#ifndef SLUICE_DATES_H
#define SLUICE_DATES_H

/* Day number of a proleptic Gregorian date. */
long dates_from_civil(long y, unsigned m, unsigned d);
void dates_to_civil(long days, long *y, unsigned *m, unsigned *d);
/* days + n months, clamping the day to the end of the target month. */
long dates_add_months(long days, long months);
/* Parse a configuration value (the request's "now", an aggregate's
 * fresh_through): "YYYY-MM-DD", optionally followed by
 * " HH:MM[:SS[.frac]]" or "T...", and "Z".  Returns 0 and sets *days and
 * *seconds (the fraction dropped), or -1.  Not for SQL text: see below. */
int dates_parse(const char *s, long *days, long *seconds);

/* Microseconds: the unit of Spark's TIMESTAMP values, and of every date
 * and time value sluice evaluates (a DATE is its midnight). */
#define DATES_US_PER_SECOND 1000000LL
#define DATES_US_PER_DAY 86400000000LL

/* A string as Spark casts it to DATE (SparkDateTimeUtils.stringToDate):
 * trimmed; "yyyy", "yyyy-[m]m", "yyyy-[m]m-[d]d", the last optionally
 * followed by ' ' or 'T' and anything (ignored).  Returns 0 and sets
 * *days, or -1 when Spark would not read it or sluice does not (a year
 * of other than 4 digits, a sign). */
int dates_spark_date(const char *s, long *days);

/* A string as Spark casts it to TIMESTAMP (parseTimestampString and
 * stringToTimestamp): trimmed; "yyyy", "yyyy-[m]m", "yyyy-[m]m-[d]d",
 * then ' ' or 'T' and "[h]h", "[h]h:[m]m", "[h]h:[m]m:[s]s", then
 * ".fraction" (digits after the sixth are dropped, as Spark does).
 * Returns 0 and sets *us to the wall-clock time in microseconds since
 * 1970-01-01 00:00, or -1 when Spark would not read it, when its value
 * depends on the session time zone's offset or the clock (a zone such as
 * "Z" or "+02:00", a time without a date), or when sluice does not read
 * the form (a year of other than 4 digits, a sign). */
int dates_spark_timestamp(const char *s, long long *us);

/* Floor division of microseconds into days (towards minus infinity). */
long dates_day_of_us(long long us);

/* Calendar units, finest first (date_trunc's units from the day up). */
enum dates_unit {
    DATES_NONE = 0, DATES_HOUR, DATES_DAY, DATES_WEEK, DATES_MONTH, DATES_QUARTER,
    DATES_YEAR
};
/* The first day of the unit (DATES_DAY .. DATES_YEAR) holding day; weeks
 * start on Monday, as Spark's date_trunc('week', ...). */
long dates_trunc(long day, int unit);
/* The first day of the next unit after the one starting at start. */
long dates_next(long start, int unit);

#endif
