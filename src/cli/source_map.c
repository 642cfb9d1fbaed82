/*
 * source_map.c - positions of decoded YAML scalars and JSON strings in
 * their file (see source_map.h).
 *
 * Each style is decoded by the rules of YAML 1.2 chapter 7 and 8 (flow
 * and block scalars) or RFC 8259 section 7 (JSON strings), recording for
 * every output byte the input byte it came from.  A folded line break
 * maps to the break, an escape to its backslash.  The decoder does not
 * need to be complete: the caller's parser has the last word, and a
 * mismatch only costs the map.
 */
#include "source_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

typedef struct decoded {
    char *v;
    size_t *at;
    size_t n, cap;
    size_t trailing_ws;     /* white space at the end of v that a fold removes */
} decoded;

static void put(decoded *d, char c, size_t at)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->v = xrealloc(d->v, d->cap);
        d->at = xrealloc(d->at, d->cap * sizeof *d->at);
    }
    d->v[d->n] = c;
    d->at[d->n++] = at;
}

static void put_utf8(decoded *d, uint32_t cp, size_t at)
{
    if (cp < 0x80) {
        put(d, (char)cp, at);
    } else if (cp < 0x800) {
        put(d, (char)(0xC0 | cp >> 6), at);
        put(d, (char)(0x80 | (cp & 0x3F)), at);
    } else if (cp < 0x10000) {
        put(d, (char)(0xE0 | cp >> 12), at);
        put(d, (char)(0x80 | (cp >> 6 & 0x3F)), at);
        put(d, (char)(0x80 | (cp & 0x3F)), at);
    } else {
        put(d, (char)(0xF0 | cp >> 18), at);
        put(d, (char)(0x80 | (cp >> 12 & 0x3F)), at);
        put(d, (char)(0x80 | (cp >> 6 & 0x3F)), at);
        put(d, (char)(0x80 | (cp & 0x3F)), at);
    }
}

/* Length of the line break at text[i] (CR LF, LF or CR), or 0. */
static size_t break_len(const char *text, size_t end, size_t i)
{
    if (i >= end)
        return 0;
    if (text[i] == '\r')
        return i + 1 < end && text[i + 1] == '\n' ? 2 : 1;
    return text[i] == '\n';
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int hex_value(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0)
            return -1;
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return 0;
}

/* A line break inside a flow scalar, at text[*i]: white space before it
 * is dropped, white space after each break too; one break becomes a
 * space, n breaks become n - 1 newlines. */
static void fold_flow_break(decoded *d, const char *text, size_t end, size_t *i)
{
    d->n -= d->trailing_ws;
    d->trailing_ws = 0;
    size_t first = *i, breaks = 0;
    size_t bl;
    while ((bl = break_len(text, end, *i)) > 0) {
        if (breaks > 0)
            put(d, '\n', *i);
        breaks++;
        *i += bl;
        while (*i < end && is_blank(text[*i]))
            (*i)++;
    }
    if (breaks == 1)
        put(d, ' ', first);
}

/* One escape of a double-quoted YAML scalar or a JSON string at text[*i]
 * (the backslash).  Returns -1 for one it does not know. */
static int decode_escape(decoded *d, const char *text, size_t end, size_t *i, int json)
{
    size_t at = *i;
    if (*i + 1 >= end)
        return -1;
    char c = text[*i + 1];
    *i += 2;
    size_t hex = 0;
    switch (c) {
    case 'b': put(d, '\b', at); return 0;
    case 't': case '\t': put(d, '\t', at); return 0;
    case 'n': put(d, '\n', at); return 0;
    case 'f': put(d, '\f', at); return 0;
    case 'r': put(d, '\r', at); return 0;
    case '"': case '\\': case '/': put(d, c, at); return 0;
    case 'u': hex = 4; break;
    default:
        if (json)
            return -1;
        switch (c) {
        case '0': put(d, '\0', at); return 0;
        case 'a': put(d, '\a', at); return 0;
        case 'v': put(d, '\v', at); return 0;
        case 'e': put(d, '\x1b', at); return 0;
        case ' ': put(d, ' ', at); return 0;
        case 'N': put_utf8(d, 0x85, at); return 0;
        case '_': put_utf8(d, 0xA0, at); return 0;
        case 'L': put_utf8(d, 0x2028, at); return 0;
        case 'P': put_utf8(d, 0x2029, at); return 0;
        case 'x': hex = 2; break;
        case 'U': hex = 8; break;
        default: return -1;
        }
    }
    uint32_t cp;
    if (*i + hex > end || hex_value(text + *i, hex, &cp) < 0)
        return -1;
    *i += hex;
    /* A UTF-16 surrogate pair in \u escapes is one code point. */
    if (c == 'u' && cp >= 0xD800 && cp < 0xDC00 && *i + 6 <= end && text[*i] == '\\' &&
        text[*i + 1] == 'u') {
        uint32_t lo;
        if (hex_value(text + *i + 2, 4, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            *i += 6;
        }
    }
    put_utf8(d, cp, at);
    return 0;
}

static int decode_flow(decoded *d, const char *text, size_t end, size_t i, source_style style)
{
    int quoted = style != SOURCE_PLAIN;
    if (quoted) {
        if (end - i < 2)
            return -1;
        i++;
        end--;      /* the closing quote */
    }
    while (i < end) {
        char c = text[i];
        if (break_len(text, end, i) && style != SOURCE_JSON_STRING) {
            fold_flow_break(d, text, end, &i);
        } else if (c == '\'' && style == SOURCE_SINGLE_QUOTED) {
            if (i + 1 >= end || text[i + 1] != '\'')
                return -1;
            put(d, '\'', i);
            d->trailing_ws = 0;
            i += 2;
        } else if (c == '\\' && (style == SOURCE_DOUBLE_QUOTED || style == SOURCE_JSON_STRING)) {
            if (style == SOURCE_DOUBLE_QUOTED && break_len(text, end, i + 1)) {
                /* An escaped line break: nothing, and the next line's
                 * leading white space is not content either. */
                i++;
                i += break_len(text, end, i);
                while (i < end && is_blank(text[i]))
                    i++;
            } else if (decode_escape(d, text, end, &i, style == SOURCE_JSON_STRING) < 0) {
                return -1;
            }
            d->trailing_ws = 0;
        } else {
            put(d, c, i);
            d->trailing_ws = is_blank(c) ? d->trailing_ws + 1 : 0;
            i++;
        }
    }
    return 0;
}

/* Leading spaces of the line that contains text[i]. */
static size_t line_indent(const char *text, size_t i)
{
    size_t s = i;
    while (s > 0 && text[s - 1] != '\n' && text[s - 1] != '\r')
        s--;
    size_t n = 0;
    while (text[s + n] == ' ')
        n++;
    return n;
}

/* A literal (|) or folded (>) block scalar: the header, then lines with
 * at least `indent` spaces.  Trailing line breaks are all kept here; the
 * chomping indicator's effect is accounted for by the caller. */
static int decode_block(decoded *d, const char *text, size_t end, size_t i, source_style style,
                        size_t indent)
{
    i++;    /* | or > */
    while (i < end && text[i] != '\n' && text[i] != '\r')
        i++;    /* indicators, comment */
    i += break_len(text, end, i);
    int have_prev = 0, prev_normal = 0;
    size_t prev_break = 0, empty_breaks[64], nempty = 0, nempty_total = 0;
    while (i < end) {
        size_t ls = i, sp = 0;
        while (i < end && text[i] == ' ')
            i++, sp++;
        size_t le = i;
        while (le < end && text[le] != '\n' && text[le] != '\r')
            le++;
        size_t bl = break_len(text, end, le);
        int empty = le == i && sp <= indent;     /* only indentation */
        if (empty) {
            if (!have_prev) {
                put(d, '\n', le);
            } else {
                if (nempty < sizeof empty_breaks / sizeof *empty_breaks)
                    empty_breaks[nempty++] = le;
                nempty_total++;
            }
            i = le + bl;
            if (bl == 0)
                break;
            continue;
        }
        if (sp < indent)
            return -1;      /* ends before the scalar's end mark */
        size_t content = ls + indent;
        int normal = !is_blank(text[content]);
        if (have_prev) {
            if (nempty != nempty_total)
                return -1;
            if (style == SOURCE_FOLDED && prev_normal && normal) {
                if (nempty == 0)
                    put(d, ' ', prev_break);
                for (size_t k = 0; k < nempty; k++)
                    put(d, '\n', empty_breaks[k]);
            } else {
                put(d, '\n', prev_break);
                for (size_t k = 0; k < nempty; k++)
                    put(d, '\n', empty_breaks[k]);
            }
        }
        nempty = nempty_total = 0;
        for (size_t k = content; k < le; k++)
            put(d, text[k], k);
        have_prev = 1;
        prev_normal = normal;
        prev_break = le;
        i = le + bl;
        if (bl == 0)
            break;
    }
    if (have_prev) {
        put(d, '\n', prev_break);
        for (size_t k = 0; k < nempty; k++)
            put(d, '\n', empty_breaks[k]);
    }
    return 0;
}

/* Indentation of a block scalar's content: the explicit indicator added
 * to the parent's, or the first non-empty line's. */
static size_t block_indent(const char *text, size_t end, size_t start)
{
    size_t i = start + 1;
    size_t explicit_indent = 0;
    while (i < end && (text[i] == '+' || text[i] == '-' || (text[i] >= '1' && text[i] <= '9'))) {
        if (text[i] != '+' && text[i] != '-')
            explicit_indent = (size_t)(text[i] - '0');
        i++;
    }
    if (explicit_indent)
        return line_indent(text, start) + explicit_indent;
    while (i < end && text[i] != '\n' && text[i] != '\r')
        i++;
    i += break_len(text, end, i);
    size_t best = 0;
    while (i < end) {
        size_t sp = 0;
        while (i + sp < end && text[i + sp] == ' ')
            sp++;
        size_t bl = break_len(text, end, i + sp);
        if (bl == 0 || i + sp >= end)
            return sp > best ? sp : best;
        if (sp > best)
            best = sp;      /* a leading empty line sets a lower bound */
        i += sp + bl;
    }
    return best;
}

size_t *source_map_scalar(const char *text, size_t end, size_t start, source_style style,
                          const char *value, size_t vlen)
{
    if (start > end)
        return NULL;
    decoded d = {0};
    int rc;
    if (style == SOURCE_LITERAL || style == SOURCE_FOLDED)
        rc = decode_block(&d, text, end, start, style, block_indent(text, end, start));
    else
        rc = decode_flow(&d, text, end, start, style);
    size_t *map = NULL;
    /* Block scalars: the decoded text keeps every trailing break; the
     * value may have dropped some (chomping). */
    int agree = rc == 0 && d.n >= vlen && memcmp(d.v, value, vlen) == 0;
    if (agree && d.n > vlen) {
        for (size_t k = vlen; k < d.n; k++)
            if (d.v[k] != '\n' || (style != SOURCE_LITERAL && style != SOURCE_FOLDED))
                agree = 0;
    }
    if (agree) {
        map = xmalloc((vlen + 1) * sizeof *map);
        memcpy(map, d.at, vlen * sizeof *map);
        map[vlen] = vlen < d.n ? d.at[vlen] : end;
    }
    free(d.v);
    free(d.at);
    return map;
}

size_t source_byte_offset(const char *text, size_t len, size_t chars)
{
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (; i < len; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80) {
            if (chars == 0)
                return i;
            chars--;
        }
    }
    return len;
}
