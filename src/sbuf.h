/*
 * sbuf.h - the one growable string builder used by every stage.
 *
 * An sbuf owns its bytes (heap, always NUL-terminated once anything was
 * appended).  Allocation failure aborts the process through sbuf_oom():
 * sluice treats out-of-memory like SQLite's default build does for
 * malloc failures in hot paths -- a clean, immediate stop with a message --
 * because every caller would otherwise need the same unwinding code.
 */
#ifndef SLUICE_SBUF_H
#define SLUICE_SBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct sbuf {
    char  *data;   /* NUL-terminated when len > 0 or after sbuf_cstr() */
    size_t len;
    size_t cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

void   sbuf_grow(sbuf *b, size_t extra);
void   sbuf_putn(sbuf *b, const char *s, size_t n);
void   sbuf_puts(sbuf *b, const char *s);
void   sbuf_putc(sbuf *b, char c);
void   sbuf_put_int(sbuf *b, long long v);     /* decimal, no printf */
void   sbuf_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void   sbuf_vprintf(sbuf *b, const char *fmt, va_list ap);
/* Insert n bytes at offset off (0 <= off <= len). */
void   sbuf_insert(sbuf *b, size_t off, const char *s, size_t n);
void   sbuf_truncate(sbuf *b, size_t len);
/* Always returns a NUL-terminated string owned by b ("" when empty). */
const char *sbuf_cstr(sbuf *b);
/* Hands the heap string to the caller (free() it) and resets b. */
char  *sbuf_detach(sbuf *b);
void   sbuf_free(sbuf *b);

/* Append everything readable from f (0, or -1 on a read error), or from
 * the file at path (-1 with errno set when it cannot be opened or read). */
int    sbuf_read_stream(sbuf *b, FILE *f);
int    sbuf_read_file(sbuf *b, const char *path);

/* Allocation helpers that abort with a message instead of returning NULL. */
void  *xmalloc(size_t n);
void  *xcalloc(size_t n, size_t size);
void  *xrealloc(void *p, size_t n);

/* Append v to array arr of n elements, an array that only PUSH grows
 * (start: NULL, 0): its capacity is the next power of two (at least 4),
 * so it grows, by doubling, when n reaches one. */
#define PUSH(arr, n, v) do { \
        if ((n) == 0 || ((n) >= 4 && ((n) & ((n) - 1)) == 0)) \
            (arr) = xrealloc((arr), ((n) ? (n) * 2 : 4) * sizeof *(arr)); \
        (arr)[(n)++] = (v); \
    } while (0)
char  *xstrndup(const char *s, size_t n);
char  *xstrdup(const char *s);

/* qsort(3) that also takes an empty array whose base is NULL (qsort's
 * base must not be NULL even when n is 0). */
void   xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
