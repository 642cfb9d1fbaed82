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
/* Parse "YYYY-MM-DD", optionally followed by " HH:MM[:SS[.frac]]" or
 * "T...".  Returns 0 and sets *days and *seconds, or -1. */
int dates_parse(const char *s, long *days, long *seconds);

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
