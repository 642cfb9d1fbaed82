/*
 * zones.h - the UTC offset of a session time zone at an instant, as Spark
 * reads spark.sql.session.timeZone (DateTimeUtils.getZoneId, i.e.
 * java.time.ZoneId.of): UTC and its names, fixed offsets, and region IDs
 * from the system's tz database.  The engine puts the request's clock on
 * the session's wall clock with it (current_date(), current_timestamp()).
 */
#ifndef SLUICE_ZONES_H
#define SLUICE_ZONES_H

/* The offset in seconds east of UTC that zone has at utc_seconds (seconds
 * since 1970-01-01 00:00 UTC).  zone is one of:
 *   - "UTC", "Z", "GMT", "UT", "Etc/UTC", ... (offset 0);
 *   - an offset "+h", "+hh", "+hh:mm", "+hhmm", "+hh:mm:ss" (or '-'),
 *     alone or after "UTC", "GMT" or "UT" (ZoneOffset.of; at most 18 h);
 *   - a region ID ("Asia/Tokyo"), read from the TZif file of that name
 *     (RFC 8536) under the tz database directory (/usr/share/zoneinfo, or
 *     the environment's SLUICE_ZONEINFO).
 * Returns 0 with *offset set, or -1 when the offset is not known: another
 * form (Java's three-letter short IDs), no such file, a file sluice does
 * not read, or an instant past the file's last transition in a zone that
 * still changes its offset (a file without those transitions). */
int zone_offset_at(const char *zone, long long utc_seconds, long *offset);

#endif
