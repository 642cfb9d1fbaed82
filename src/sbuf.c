/*
 * sbuf.c - growable string builder and checked allocation helpers.
 */
#include "sbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sbuf_oom(void)
{
    fputs("sluice: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        sbuf_oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        sbuf_oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        sbuf_oom();
    return q;
}

void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void sbuf_grow(sbuf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void sbuf_putn(sbuf *b, const char *s, size_t n)
{
    sbuf_grow(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_putn(b, s, strlen(s));
}

void sbuf_putc(sbuf *b, char c)
{
    sbuf_putn(b, &c, 1);
}

void sbuf_put_int(sbuf *b, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    sbuf_putn(b, p, (size_t)(buf + sizeof buf - p));
}

void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    sbuf_grow(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

void sbuf_insert(sbuf *b, size_t off, const char *s, size_t n)
{
    sbuf_grow(b, n);
    memmove(b->data + off + n, b->data + off, b->len - off);
    memcpy(b->data + off, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sbuf_truncate(sbuf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

const char *sbuf_cstr(sbuf *b)
{
    if (!b->data)
        sbuf_grow(b, 0), b->data[0] = '\0';
    return b->data;
}

char *sbuf_detach(sbuf *b)
{
    sbuf_cstr(b);
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int sbuf_read_stream(sbuf *b, FILE *f)
{
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_putn(b, buf, n);
    sbuf_cstr(b);
    return ferror(f) ? -1 : 0;
}

int sbuf_read_file(sbuf *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    int rc = sbuf_read_stream(b, f);
    int saved = errno;
    fclose(f);
    errno = saved;
    return rc;
}
