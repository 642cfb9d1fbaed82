/*
 * zones.c - the UTC offset of a session time zone at an instant (see
 * zones.h): the forms java.time.ZoneId.of reads, with region IDs looked
 * up in the system's tz database as TZif files (RFC 8536).
 *
 * Only what the offset at one instant needs is read from a TZif file: the
 * version 2+ block's 64-bit transition times, their local time types and
 * the types' offsets.  Before the first transition the first type holds
 * (RFC 8536 section 3.2); after the last, the last transition's type
 * holds only when the footer's TZ string has no daylight-saving rule
 * (no ','): otherwise the offset is unknown.  A file with leap seconds
 * ("right/" zones) is not read.  Files are read once per process and
 * zone (region_offset); SLUICE_ZONEINFO is read with the first lookup of
 * each zone.
 */
#include "zones.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZONES_MAX_FILE (256 * 1024)

/* ZoneOffset.of: "+h", "+hh", "+hh:mm", "+hhmm", "+hh:mm:ss",
 * "+hhmmss" (or '-'), at most 18 hours.  Returns 0 with *offset. */
static int fixed_offset(const char *s, long *offset)
{
    if (s[0] != '+' && s[0] != '-')
        return -1;
    int sign = s[0] == '-' ? -1 : 1;
    const char *p = s + 1;
    char padded[16];
    if (p[0] >= '0' && p[0] <= '9' && p[1] == ':') {
        /* "+8:00" is "+08:00" (getZoneId's rewrite before ZoneId.of) */
        if (snprintf(padded, sizeof padded, "0%s", p) >= (int)sizeof padded)
            return -1;
        p = padded;
    }
    long part[3] = {0, 0, 0};
    size_t n = strspn(p, "0123456789");
    if (n == 1 && p[1] == '\0')
        part[0] = p[0] - '0';                       /* +h */
    else {
        /* +hh, then mm and ss, each with ':' before it or none */
        int colon = -1;
        for (int k = 0; k < 3; k++) {
            if (k > 0) {
                if (*p == '\0')
                    break;
                int c = *p == ':';
                if (colon < 0)
                    colon = c;
                if (c != colon)
                    return -1;
                p += c;
            }
            if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
                return -1;
            part[k] = (p[0] - '0') * 10 + (p[1] - '0');
            p += 2;
        }
        if (*p != '\0')
            return -1;
    }
    if (part[0] > 18 || part[1] > 59 || part[2] > 59 ||
        (part[0] == 18 && (part[1] || part[2])))
        return -1;
    *offset = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
    return 0;
}

/* A region ID safe to use as a path under the database directory:
 * letters, digits, '_', '+', '-', '/', '.', no empty or dot-only part. */
static int region_name(const char *z)
{
    size_t n = strlen(z);
    if (n == 0 || n > 128 || z[0] == '/' || z[n - 1] == '/')
        return 0;
    if (strspn(z, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/.") != n)
        return 0;
    for (const char *p = z; *p;) {
        size_t len = strcspn(p, "/");
        if (len == 0 || strspn(p, ".") == len)
            return 0;
        p += len;
        if (*p == '/')
            p++;
    }
    return 1;
}

static unsigned long long be(const unsigned char *p, int bytes)
{
    unsigned long long v = 0;
    for (int i = 0; i < bytes; i++)
        v = v << 8 | p[i];
    return v;
}

/* The six counts of a TZif header at p (isutcnt, isstdcnt, leapcnt,
 * timecnt, typecnt, charcnt), and the size of the data block after it
 * with times of tb bytes. */
static int tzif_header(const unsigned char *p, size_t left, unsigned long cnt[6], int tb,
                       size_t *data)
{
    if (left < 44 || memcmp(p, "TZif", 4) != 0)
        return -1;
    for (int i = 0; i < 6; i++)
        cnt[i] = (unsigned long)be(p + 20 + 4 * i, 4);
    if (cnt[4] == 0 || cnt[3] > 100000 || cnt[4] > 256 || cnt[5] > 100000 || cnt[2] > 100000)
        return -1;
    *data = cnt[3] * (size_t)tb + cnt[3] + cnt[4] * 6 + cnt[5] + cnt[2] * (size_t)(tb + 4) +
            cnt[1] + cnt[0];
    return 44 + *data <= left ? 0 : -1;
}

static int tzif_offset(const unsigned char *buf, size_t size, long long t, long *offset)
{
    unsigned long c[6];
    size_t data;
    if (tzif_header(buf, size, c, 4, &data) < 0 || buf[4] < '2')
        return -1;                          /* version 1 only: 32-bit times */
    const unsigned char *h2 = buf + 44 + data;
    if (tzif_header(h2, size - 44 - data, c, 8, &data) < 0 || c[2] != 0)
        return -1;                          /* leap seconds: not read */
    const unsigned char *times = h2 + 44, *idx = times + c[3] * 8, *types = idx + c[3];
    const unsigned char *footer = h2 + 44 + data, *end = buf + size;
    size_t i = 0;                           /* transitions at or before t */
    while (i < c[3] && (long long)be(times + 8 * i, 8) <= t)
        i++;
    unsigned type = i == 0 ? 0 : idx[i - 1];
    if (type >= c[4])
        return -1;
    if (i == c[3] && c[3] > 0) {
        /* Past the last transition: "\n<TZ string>\n" must hold no rule. */
        if (footer >= end || *footer != '\n')
            return -1;
        const unsigned char *nl = memchr(footer + 1, '\n', (size_t)(end - footer - 1));
        if (!nl || memchr(footer + 1, ',', (size_t)(nl - footer - 1)))
            return -1;
    }
    *offset = (long)(int)(unsigned)be(types + 6 * type, 4);
    return 0;
}

/* The TZif files read so far, by zone name (a file that could not be
 * read: buf NULL), kept for the process's life: a region ID is looked up
 * per request, and a server sees a handful of zones.  One lock: the
 * lookup and the offset computed under it take microseconds. */
#define ZONES_CACHED 32
static struct {
    char name[129];
    unsigned char *buf;
    size_t size;
} zone_files[ZONES_CACHED];
static size_t nzone_files;
static pthread_mutex_t zone_files_lock = PTHREAD_MUTEX_INITIALIZER;

/* The bytes of zone's TZif file (*size), NULL if it cannot be read. */
static unsigned char *read_zone_file(const char *zone, size_t *size)
{
    const char *dir = getenv("SLUICE_ZONEINFO");
    char path[512];
    *size = 0;
    if (snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone) >=
        (int)sizeof path)
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(ZONES_MAX_FILE);
    size_t n = buf ? fread(buf, 1, ZONES_MAX_FILE, f) : 0;
    int ok = n > 0 && n < ZONES_MAX_FILE && !ferror(f);
    fclose(f);
    if (!ok) {
        free(buf);
        return NULL;
    }
    unsigned char *fit = realloc(buf, n);
    *size = n;
    return fit ? fit : buf;
}

static int region_offset(const char *zone, long long t, long *offset)
{
    if (!region_name(zone))
        return -1;
    pthread_mutex_lock(&zone_files_lock);
    size_t i = 0;
    while (i < nzone_files && strcmp(zone_files[i].name, zone) != 0)
        i++;
    int rc = -1;
    if (i < nzone_files) {
        rc = zone_files[i].buf ? tzif_offset(zone_files[i].buf, zone_files[i].size, t, offset)
                               : -1;
    } else {
        size_t size;
        unsigned char *buf = read_zone_file(zone, &size);
        rc = buf ? tzif_offset(buf, size, t, offset) : -1;
        if (nzone_files < ZONES_CACHED) {
            snprintf(zone_files[nzone_files].name, sizeof zone_files[nzone_files].name, "%s",
                     zone);
            zone_files[nzone_files].buf = buf;
            zone_files[nzone_files++].size = size;
        } else {
            free(buf);
        }
    }
    pthread_mutex_unlock(&zone_files_lock);
    return rc;
}

int zone_offset_at(const char *zone, long long utc_seconds, long *offset)
{
    static const char *const prefixes[] = {"UTC", "GMT", "UT", NULL};
    if (!zone || !*zone)
        return -1;
    if (strcmp(zone, "Z") == 0) {
        *offset = 0;
        return 0;
    }
    if (zone[0] == '+' || zone[0] == '-')
        return fixed_offset(zone, offset);
    for (int i = 0; prefixes[i]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(zone, prefixes[i], n) != 0)
            continue;
        if (zone[n] == '\0') {
            *offset = 0;
            return 0;
        }
        if (zone[n] == '+' || zone[n] == '-')
            return fixed_offset(zone + n, offset);
    }
    return region_offset(zone, utc_seconds, offset);
}
