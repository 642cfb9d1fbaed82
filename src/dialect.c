/*
 * dialect.c - Databricks SQL -> PostgreSQL-parseable text, with a source
 * map, marks and hints (see dialect.h for the contract).
 *
 * How it works.  The whole request is lexed once (dialect_lex), brackets
 * are matched so that any construct can find its extent in O(1), and
 * statements are split at top-level semicolons.  dialect_bridge() then
 * makes a plan: for every token it may record a replacement text, a
 * "skip", text to insert before it, or a mark.  Because brackets are
 * pre-matched, constructs whose PostgreSQL stand-in needs a closing
 * bracket far away (a lambda body, a QUALIFY condition, FROM VALUES rows)
 * are handled by scheduling an insertion before the token that ends
 * them, not by re-parsing.  A final pass concatenates the plan and
 * records one source-map entry per piece.
 *
 * The guiding rule: a construct is either mapped to a stand-in that the
 * PostgreSQL grammar parses with the SAME structure, or refused with a
 * positioned error.  Anything else would be a wrong parse.
 */
#include "dialect.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "keywords.h"

/* ------------------------------------------------------------------ */
/* Errors                                                              */

static int set_error(dialect_error *err, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int set_error(dialect_error *err, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->offset = offset;
    return -1;
}

/* ------------------------------------------------------------------ */
/* Lexing and bracket matching                                         */

/* Offset of the first byte that is not part of valid UTF-8, or len. */
static size_t utf8_invalid_at(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        uint64_t w;     /* eight ASCII bytes at a time: most queries are */
        if (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) == 0)) {
            i += 8;
            continue;
        }
        unsigned char c = s[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        /* overlong forms, surrogates and values past U+10FFFF */
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += n + 1;
    }
    return len;
}

/* The body of a hint whose "/" "*" "+" ends at pos: its tokens up to the
 * star-slash that ends it.  Returns (size_t)-1 with *end just past the
 * hint, or the offset of what stops it with *msg. */
static size_t hint_end(const char *text, size_t pos, size_t *end, const char **msg)
{
    size_t start = pos - 3;
    for (;;) {
        size_t e;
        tok_kind k = lexer_next(text, pos, &e, msg);
        switch (k) {
        case TK_HINT_END:
            *end = e;
            return (size_t)-1;
        case TK_EOF:
            *msg = "unterminated hint";
            return start;
        case TK_ERROR:
            return pos;
        case TK_HINT_START:
            *msg = "a hint inside a hint";
            return pos;
        case TK_SPACE: case TK_LINE_COMMENT: case TK_BLOCK_COMMENT: case TK_HINT:
        case TK_WORD: case TK_QIDENT: case TK_STRING: case TK_RAW_STRING:
        case TK_NUMBER: case TK_OP: case TK_PARAM:
            break;
        }
        pos = e;
    }
}

/* A token array dialect_lex() gives up: freed unless it is request
 * scratch. */
static void drop_tokens(const dialect_source *src, dtok *toks)
{
    if (!src->toks_scratch)
        free(toks);
}

int dialect_lex(dialect_source *src, const char *text, size_t len,
                dialect_error *err)
{
    memset(src, 0, sizeof *src);
    src->text = text;
    src->len = len;

    const char *nul = memchr(text, '\0', len);
    if (nul)
        return set_error(err, (size_t)(nul - text),
                         "NUL byte in query text");
    size_t bad = utf8_invalid_at(text, len);
    if (bad < len)
        return set_error(err, bad, "invalid UTF-8 in query text");
    if (len > UINT32_MAX / 2)
        return set_error(err, 0, "query text too large");

    /* Spaces are tokens too: about one token in two bytes.  Inside a
     * request the array is the request's scratch memory. */
    size_t cap = len / 2 + 16, n = 0;
    dtok *toks = arena_scratch(cap * sizeof *toks);
    src->toks_scratch = toks != NULL;
    if (!toks)
        toks = xmalloc(cap * sizeof *toks);
    int32_t stack[DIALECT_MAX_NESTING];
    int depth = 0;
    size_t pos = 0;
    for (;;) {
        size_t end;
        const char *msg;
        tok_kind k = lexer_next(text, pos, &end, &msg);
        size_t at = pos;
        if (k == TK_HINT_START) {
            /* HENT_START hint body HENT_END: Spark lexes the body as
             * ordinary tokens, so a string, a back-quoted name or a
             * -- comment in it may hold a star-slash.  The hint becomes
             * one token; the bridge reads its body (dialect_hint_read). */
            at = hint_end(text, end, &end, &msg);
            k = at == (size_t)-1 ? TK_HINT : TK_ERROR;
        } else if (k == TK_HINT_END) {
            msg = "'*/' outside a comment or hint";
            k = TK_ERROR;
        }
        if (k == TK_ERROR) {
            drop_tokens(src, toks);
            return set_error(err, at, "%s", msg);
        }
        if (n == cap) {
            cap *= 2;
            dtok *more = src->toks_scratch ? arena_scratch(cap * sizeof *toks) : NULL;
            if (more)
                memcpy(more, toks, n * sizeof *toks);
            toks = more ? more : xrealloc(toks, cap * sizeof *toks);
        }
        if (k == TK_WORD && n > 0 && toks[n - 1].kind == TK_OP &&
            toks[n - 1].end == pos && toks[n - 1].end - toks[n - 1].start == 1 &&
            text[pos - 1] == ':' && (text[pos] < '0' || text[pos] > '9')) {
            /* namedParameterMarker : COLON identifier ; written without
             * a space, one token for the bridge (a marker, or a JSON
             * path's key after an operand). */
            toks[n - 1].kind = TK_PARAM;
            toks[n - 1].end = (uint32_t)end;
            pos = end;
            continue;
        }
        toks[n] = (dtok){k, (uint32_t)pos, (uint32_t)end, -1};
        if (k == TK_OP && end - pos == 1) {
            char c = text[pos];
            if (c == '(' || c == '[') {
                if (depth == DIALECT_MAX_NESTING) {
                    drop_tokens(src, toks);
                    return set_error(err, pos,
                                     "brackets nested deeper than %d levels",
                                     DIALECT_MAX_NESTING);
                }
                stack[depth++] = (int32_t)n;
            } else if (c == ')' || c == ']') {
                char want = c == ')' ? '(' : '[';
                if (depth == 0 || text[toks[stack[depth - 1]].start] != want) {
                    drop_tokens(src, toks);
                    return set_error(err, pos, "unmatched '%c'", c);
                }
                int32_t o = stack[--depth];
                toks[o].match = (int32_t)n;
                toks[n].match = o;
            }
        }
        n++;
        if (k == TK_EOF)
            break;
        pos = end;
    }
    if (depth > 0) {
        size_t at = toks[stack[depth - 1]].start;
        char c = text[at];
        drop_tokens(src, toks);
        return set_error(err, at, "'%c' is never closed", c);
    }
    src->toks = toks;
    src->ntoks = n;
    return 0;
}

void dialect_source_free(dialect_source *src)
{
    drop_tokens(src, src->toks);
    src->toks = NULL;
    src->ntoks = 0;
}

int dialect_is_trivia(tok_kind k)
{
    return k == TK_SPACE || k == TK_LINE_COMMENT || k == TK_BLOCK_COMMENT ||
           k == TK_HINT;
}

size_t dialect_sig_token(const dialect_source *src, const dialect_stmt *st, size_t i, int dir)
{
    if (dir < 0) {
        while (i > st->tok_begin) {
            i--;
            if (!dialect_is_trivia(src->toks[i].kind))
                return i;
        }
        return (size_t)-1;
    }
    for (i++; i < st->tok_end; i++)
        if (!dialect_is_trivia(src->toks[i].kind))
            return i;
    return (size_t)-1;
}

size_t dialect_statements(const dialect_source *src, dialect_stmt **out)
{
    size_t cap = 4, n = 0;
    dialect_stmt *st = xmalloc(cap * sizeof *st);
    size_t begin = 0;
    int depth = 0;
    for (size_t i = 0; i < src->ntoks; i++) {
        const dtok *t = &src->toks[i];
        if (t->kind == TK_OP && t->end - t->start == 1) {
            char c = src->text[t->start];
            if (c == '(' || c == '[')
                depth++;
            else if (c == ')' || c == ']')
                depth--;
        }
        int boundary = t->kind == TK_EOF || (depth == 0 && dialect_tok_is_op(src, i, ";"));
        if (!boundary)
            continue;
        size_t first = begin, last = i;
        while (first < last && dialect_is_trivia(src->toks[first].kind) &&
               src->toks[first].kind != TK_HINT)
            first++;
        while (last > first && dialect_is_trivia(src->toks[last - 1].kind) &&
               src->toks[last - 1].kind != TK_HINT)
            last--;
        if (first < last) {
            if (n == cap) {
                cap *= 2;
                st = xrealloc(st, cap * sizeof *st);
            }
            st[n++] = (dialect_stmt){first, last, src->toks[first].start,
                                     src->toks[last - 1].end};
        }
        begin = i + 1;
    }
    *out = st;
    return n;
}

/* ------------------------------------------------------------------ */
/* Hints and names read through the lexer                              */

int dialect_hint_read(const char *body, size_t len, dialect_hint_fn fn, void *ctx,
                      size_t *bad)
{
    enum { NAME, AFTER_NAME, AFTER_ARGS, NAME_AFTER_COMMA, ARG } state = NAME;
    sbuf arg = SBUF_INIT;
    int depth = 0, gap = 0;
    char stack[DIALECT_MAX_NESTING];
    size_t pos = 0;
    while (pos < len) {
        size_t e;
        const char *msg;
        tok_kind k = lexer_next(body, pos, &e, &msg);
        if (k == TK_EOF || e > len)
            break;
        const char *t = body + pos;
        size_t n = e - pos;
        int ok = 1;
        if (dialect_is_trivia(k)) {
            gap = 1;
            pos = e;
            continue;
        }
        int name = k == TK_WORD || k == TK_QIDENT;
        int op1 = k == TK_OP && n == 1 ? t[0] : 0;
        if (state == ARG && depth == 0 && (op1 == ',' || op1 == ')')) {
            ok = arg.len > 0;           /* an argument ends */
            if (ok && fn)
                fn(ctx, 1, arg.data, arg.len);
            sbuf_truncate(&arg, 0);
            if (op1 == ')')
                state = AFTER_ARGS;
        } else if (state == ARG) {
            if (op1 == '(' || op1 == '[') {
                ok = depth < DIALECT_MAX_NESTING;
                if (ok)
                    stack[depth++] = (char)op1;
            } else if (op1 == ')' || op1 == ']') {
                ok = depth > 0 && stack[depth - 1] == (op1 == ')' ? '(' : '[');
                depth -= ok;
            }
            if (ok) {
                if (gap && arg.len)
                    sbuf_putc(&arg, ' ');
                sbuf_putn(&arg, t, n);
            }
        } else if (state == AFTER_NAME && op1 == '(') {
            state = ARG;
            depth = 0;
        } else if ((state == AFTER_NAME || state == AFTER_ARGS) && op1 == ',') {
            state = NAME_AFTER_COMMA;
        } else if (name) {
            /* a hint's name: first, after a comma, or (COMMA?) directly
             * after the previous statement */
            if (fn)
                fn(ctx, 0, t, n);
            state = AFTER_NAME;
        } else {
            ok = 0;
        }
        if (!ok) {
            sbuf_free(&arg);
            *bad = pos;
            return -1;
        }
        gap = 0;
        pos = e;
    }
    sbuf_free(&arg);
    if (state != AFTER_NAME && state != AFTER_ARGS) {
        *bad = pos;
        return -1;
    }
    return 0;
}

int dialect_multipart_name(const char *s, char parts[3][256])
{
    /* IDENTIFIER('...') names what Spark's parseMultipartIdentifier reads
     * in the string: the full SQL lexer, then
     *   singleMultipartIdentifier : multipartIdentifier EOF ;
     *   multipartIdentifier : parts+=errorCapturingIdentifier (DOT parts+=...)* ;
     * An identifier is an unquoted name (any word: with reserved keywords
     * not enforced, the default, every keyword is a nonReserved or
     * strictNonReserved identifier) or a back-quoted one.  Whitespace,
     * Unicode spaces and comments may stand between the parts. */
    size_t pos = 0, e;
    const char *msg;
    int n = 0, want_name = 1;
    for (;;) {
        tok_kind k = lexer_next(s, pos, &e, &msg);
        if (k == TK_EOF)
            return want_name ? -1 : n;
        const char *t = s + pos;
        size_t len = e - pos;
        pos = e;
        if (k == TK_SPACE || k == TK_LINE_COMMENT || k == TK_BLOCK_COMMENT)
            continue;
        if (want_name && (k == TK_WORD || k == TK_QIDENT)) {
            if (n == 3)
                return -1;
            size_t m = 0;
            if (k == TK_WORD) {
                if (len >= 256)
                    return -1;
                memcpy(parts[n], t, len);
                m = len;
            } else {
                for (size_t i = 1; i + 1 < len; i++) {
                    if (t[i] == '`')
                        i++;        /* `` stands for one back quote */
                    if (m + 1 >= 256)
                        return -1;
                    parts[n][m++] = t[i];
                }
                if (m == 0)
                    return -1;
            }
            parts[n++][m] = '\0';
            want_name = 0;
        } else if (!want_name && k == TK_OP && len == 1 && t[0] == '.') {
            want_name = 1;
        } else {
            return -1;
        }
    }
}

/* ------------------------------------------------------------------ */
/* String literals                                                     */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void put_utf8(sbuf *b, unsigned cp)
{
    char u[4];
    if (cp < 0x80) {
        u[0] = (char)cp;
        sbuf_putn(b, u, 1);
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        sbuf_putn(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        sbuf_putn(b, u, 3);
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        sbuf_putn(b, u, 4);
    }
}

/* Spark builds a string literal's value as a Java (UTF-16) string, so
 * \uD83D\uDE00 is one character, also across adjacent literals that
 * concatenate ('\uD83D' '\uDE00').  A lone surrogate becomes '?' when
 * Spark encodes the string as UTF-8; sluice refuses it instead. */
typedef struct str_decoder {
    unsigned high;      /* pending high surrogate, 0 if none */
    size_t high_at;     /* its escape's original offset */
} str_decoder;

static int put_unit(str_decoder *d, sbuf *dst, unsigned u, size_t at, dialect_error *err)
{
    if (d->high) {
        if (u < 0xDC00 || u > 0xDFFF)
            return set_error(err, d->high_at, "string literal contains a lone surrogate "
                                              "(\\uD800-\\uDBFF without a low surrogate)");
        put_utf8(dst, 0x10000 + ((d->high - 0xD800) << 10) + (u - 0xDC00));
        d->high = 0;
        return 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        d->high = u;
        d->high_at = at;
        return 0;
    }
    if (u >= 0xDC00 && u <= 0xDFFF)
        return set_error(err, at, "string literal contains a lone surrogate "
                                  "(\\uDC00-\\uDFFF without a high surrogate)");
    if (u == 0)
        return set_error(err, at, "string literal contains a NUL character");
    put_utf8(dst, u);
    return 0;
}

/* Are n bytes at s all hex digits?  Stores their value in *v. */
static int hex_run(const char *s, size_t n, unsigned long *v)
{
    *v = 0;
    for (size_t k = 0; k < n; k++) {
        int h = hexval((unsigned char)s[k]);
        if (h < 0)
            return 0;
        *v = *v * 16 + (unsigned long)h;
    }
    return 1;
}

/*
 * One string token into *dst, as SparkParserUtils.unescapeSQLString
 * reads it (apache/spark, sql/api): r'...' is taken as written;
 * otherwise \u + 4 hex digits and \U + 8 hex digits are UTF-16 code
 * units or a code point, \[01][0-7][0-7] is an octal escape (only up to
 * \177), \0 \b \n \r \t \Z are control characters, "\%" and "\_" keep
 * their backslash (LIKE patterns), and any other escaped character
 * stands for itself (\8 is 8, \200 is the text 200).  NUL characters
 * cannot travel through the PostgreSQL parser: refused.
 */
static int decode_piece(str_decoder *d, const char *tok, size_t len, int raw, sbuf *dst,
                        size_t orig, dialect_error *err)
{
    size_t i = raw ? 2 : 1, end = len - 1;
    while (i < end) {
        char c = tok[i];
        if (c != '\\' || raw) {
            size_t n = 1;       /* one UTF-8 character, never a surrogate */
            while (i + n < end && ((unsigned char)tok[i + n] & 0xC0) == 0x80)
                n++;
            if (d->high)
                return set_error(err, d->high_at, "string literal contains a lone surrogate "
                                                  "(\\uD800-\\uDBFF without a low surrogate)");
            sbuf_putn(dst, tok + i, n);
            i += n;
            continue;
        }
        char e = tok[i + 1];
        size_t at = orig + i;
        unsigned long v;
        i += 2;
        if (e == 'u' && i + 4 <= end && hex_run(tok + i, 4, &v)) {
            if (put_unit(d, dst, (unsigned)v, at, err) < 0)
                return -1;
            i += 4;
            continue;
        }
        if (e == 'U' && i + 8 <= end && hex_run(tok + i, 8, &v)) {
            /* Spark splits a code point past U+FFFF into a surrogate
             * pair; past U+10FFFF the pair it computes is garbage. */
            if (v > 0x10FFFF)
                return set_error(err, at, "string literal escape \\U%.8s is not a Unicode "
                                          "code point", tok + i);
            int rc = v < 0x10000 ? put_unit(d, dst, (unsigned)v, at, err)
                                 : (put_unit(d, dst, 0xD800 + (unsigned)((v - 0x10000) >> 10),
                                             at, err) < 0 ||
                                    put_unit(d, dst, 0xDC00 + (unsigned)((v - 0x10000) & 0x3FF),
                                             at, err) < 0) ? -1 : 0;
            if (rc < 0)
                return -1;
            i += 8;
            continue;
        }
        if ((e == '0' || e == '1') && i + 2 <= end && tok[i] >= '0' && tok[i] <= '7' &&
            tok[i + 1] >= '0' && tok[i + 1] <= '7') {
            unsigned o = (unsigned)(e - '0') * 64 + (unsigned)(tok[i] - '0') * 8 +
                         (unsigned)(tok[i + 1] - '0');
            if (put_unit(d, dst, o, at, err) < 0)
                return -1;
            i += 2;
            continue;
        }
        /* appendEscapedChar: \0 (NUL, refused), \b \n \r \t \Z; "\%" and
         * "\_" keep the backslash; anything else stands for itself. */
        static const char esc_from[] = "0bnrtZ", esc_to[] = "\0\b\n\r\t\032";
        const char *hit = e ? strchr(esc_from, e) : NULL;
        if (hit) {
            if (put_unit(d, dst, (unsigned char)esc_to[hit - esc_from], at, err) < 0)
                return -1;
            continue;
        }
        if (d->high)
            return set_error(err, d->high_at, "string literal contains a lone surrogate "
                                              "(\\uD800-\\uDBFF without a low surrogate)");
        if (e == '%' || e == '_')
            sbuf_putc(dst, '\\');
        size_t n = 1;       /* the escaped character: a whole UTF-8 sequence */
        while (i - 1 + n < end && ((unsigned char)tok[i - 1 + n] & 0xC0) == 0x80)
            n++;
        sbuf_putn(dst, tok + i - 1, n);
        i += n - 1;
    }
    return 0;
}

static int decode_end(const str_decoder *d, dialect_error *err)
{
    if (d->high)
        return set_error(err, d->high_at, "string literal contains a lone surrogate "
                                          "(\\uD800-\\uDBFF without a low surrogate)");
    return 0;
}

int dialect_decode_string(const char *tok, size_t len, int raw, sbuf *dst,
                          size_t orig, dialect_error *err)
{
    str_decoder d = {0, 0};
    if (decode_piece(&d, tok, len, raw, dst, orig, err) < 0)
        return -1;
    return decode_end(&d, err);
}

/* ------------------------------------------------------------------ */
/* The plan                                                            */

/* Texts live in the bridge's one pool (b->pool), by offset and length:
 * one buffer for the statement instead of two per token. */
typedef struct tplan {
    uint32_t before_off, before_len;    /* inserted before the token */
    uint32_t repl_off, repl_len;        /* replacement text when has_repl */
    uint8_t has_repl;
    uint8_t skip;
    uint8_t mark;       /* dialect_mark recorded at this token's output */
    uint8_t list_memo;  /* a ',': which list it separates, once asked (LIST_*) */
} tplan;

/* What in_from_list() / in_select_list() / values_row_comma() found
 * for a ',' token: each walks back over its bracket level to the clause
 * word (or VALUES), and from the first ',' of that level it meets on,
 * the walk is that comma's own, so the comma keeps the answer and a
 * later walk stops at it: a list of n items costs n steps, not n
 * squared (a WITH list of 31,000 CTEs took 13 s in the bridge, FROM
 * VALUES with 150,000 rows 52 s). */
enum {      /* each YES bit is its KNOWN bit shifted left once */
    LIST_FROM_KNOWN = 1, LIST_FROM_YES = 2,
    LIST_SELECT_KNOWN = 4, LIST_SELECT_YES = 8,
    LIST_VALUES_KNOWN = 16, LIST_VALUES_YES = 32     /* values_row_comma() */
};

enum frame_kind { FR_TOP, FR_PLAIN, FR_FUNC, FR_CAST };

typedef struct frame {
    int kind;
    int window_seen;    /* a WINDOW clause exists in this query block */
    int setop_seen;     /* a set operator appeared at this level */
    int from_subquery;  /* '(' opened a subquery right after FROM / JOIN */
    int from_join;      /* '(' opened a bracketed join in a FROM clause */
    size_t open;        /* token index of '(' */
    size_t name;        /* token index where the function name starts */
} frame;

typedef struct bridge {
    const dialect_source *s;
    const dialect_stmt *st;
    tplan *plan;            /* indexed by token index - st->tok_begin */
    sbuf pool;              /* the plan's texts */
    frame stack[DIALECT_MAX_NESTING + 1];
    int depth;
    dialect_error *err;
    sbuf scratch;
    dialect_bridged *out;
    size_t nparams;         /* parameter markers numbered so far */
    signed char *kwcat;     /* per token: keyword category + 2, 0 = not looked up */
} bridge;

static tplan *P(bridge *b, size_t i)
{
    return &b->plan[i - b->st->tok_begin];
}

static const dtok *T(bridge *b, size_t i)
{
    return &b->s->toks[i];
}

static const char *TXT(bridge *b, size_t i)
{
    return b->s->text + b->s->toks[i].start;
}

static size_t TLEN(bridge *b, size_t i)
{
    return b->s->toks[i].end - b->s->toks[i].start;
}

/* Next significant token after i (the statement end if none). */
static size_t next_sig(bridge *b, size_t i)
{
    size_t j = dialect_sig_token(b->s, b->st, i, +1);
    return j == (size_t)-1 ? b->st->tok_end : j;
}

/* Previous significant token before i, or (size_t)-1. */
static size_t prev_sig(bridge *b, size_t i)
{
    return dialect_sig_token(b->s, b->st, i, -1);
}

static inline int in_stmt(bridge *b, size_t i)
{
    return i >= b->st->tok_begin && i < b->st->tok_end;
}

/* Is token i the word w (lower case)? */
static inline __attribute__((always_inline)) int is_word(bridge *b, size_t i, const char *w)
{
    return in_stmt(b, i) && dialect_tok_is_word(b->s, i, w);
}

static inline __attribute__((always_inline)) int is_op(bridge *b, size_t i, const char *op)
{
    return in_stmt(b, i) && dialect_tok_is_op(b->s, i, op);
}

/* Is token i one of the words of list (lower case, NULL-terminated)? */
static int word_in(bridge *b, size_t i, const char *const *list)
{
    if (!in_stmt(b, i) || T(b, i)->kind != TK_WORD)
        return 0;
    const char *t = TXT(b, i);
    char c = (char)(t[0] | 0x20);
    size_t n = TLEN(b, i);
    for (; *list; list++)
        if ((*list)[0] == c && dialect_word_is(t, n, *list))
            return 1;
    return 0;
}

static int has_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isupper((unsigned char)s[i]))
            return 1;
    return 0;
}

/* Token i in lower case, NUL-terminated, into buf; 0 if it does not fit. */
static int lower_token(bridge *b, size_t i, char *buf, size_t size)
{
    size_t n = TLEN(b, i);
    if (n >= size)
        return 0;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)tolower((unsigned char)TXT(b, i)[k]);
    buf[n] = '\0';
    return 1;
}

/* PostgreSQL's keyword category of word token i, looked up once per
 * token (the bridge asks about the same token many times). */
static int kw_category(bridge *b, size_t i)
{
    signed char *c = &b->kwcat[i - b->st->tok_begin];
    if (*c == 0)
        *c = (signed char)(pg_keyword_category(TXT(b, i), TLEN(b, i)) + 2);
    return *c - 2;
}

/* Does token i end an operand (so a following word is an operator)? */
static int ends_operand(bridge *b, size_t i)
{
    static const char *const value_words[] = {
        "null", "true", "false", "end", "current_date", "current_timestamp",
        "current_time", "current_user", "session_user", "user", NULL};
    if (!in_stmt(b, i))
        return 0;
    switch (T(b, i)->kind) {
    case TK_QIDENT: case TK_STRING: case TK_RAW_STRING: case TK_NUMBER:
        return 1;
    case TK_OP:
        return is_op(b, i, ")") || is_op(b, i, "]");
    case TK_WORD:
        if (word_in(b, i, value_words))
            return 1;
        return kw_category(b, i) != PG_KW_RESERVED;
    case TK_PARAM:
        return 1;       /* a parameter marker is a value */
    case TK_EOF: case TK_SPACE: case TK_LINE_COMMENT: case TK_BLOCK_COMMENT:
    case TK_HINT: case TK_ERROR: case TK_HINT_START: case TK_HINT_END:
        return 0;
    }
    return 0;
}

static void set_repl(bridge *b, size_t i, const char *s, size_t n)
{
    tplan *p = P(b, i);
    p->repl_off = (uint32_t)b->pool.len;
    p->repl_len = (uint32_t)n;
    sbuf_putn(&b->pool, s, n);
    p->has_repl = 1;
}

/* The first byte of token i's replacement ('\0' when it has none). */
static char repl_first(bridge *b, size_t i)
{
    const tplan *p = P(b, i);
    return p->has_repl && p->repl_len ? b->pool.data[p->repl_off] : '\0';
}

static void set_repl_s(bridge *b, size_t i, const char *s)
{
    set_repl(b, i, s, strlen(s));
}

static void insert_before(bridge *b, size_t i, const char *s)
{
    tplan *p = P(b, i);
    size_t n = strlen(s);
    if (p->before_len && p->before_off + p->before_len != b->pool.len) {
        /* Not the pool's last text: move it to the end, then append. */
        sbuf_grow(&b->pool, p->before_len + n);
        memcpy(b->pool.data + b->pool.len, b->pool.data + p->before_off, p->before_len);
        p->before_off = (uint32_t)b->pool.len;
        b->pool.len += p->before_len;
    } else if (!p->before_len) {
        p->before_off = (uint32_t)b->pool.len;
    }
    sbuf_putn(&b->pool, s, n);
    p->before_len += (uint32_t)n;
}

static void skip_range(bridge *b, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        P(b, i)->skip = 1;
}

/* Append a PostgreSQL double-quoted identifier. */
static void put_pg_ident(sbuf *o, const char *s, size_t n)
{
    sbuf_putc(o, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            sbuf_putc(o, '"');
        sbuf_putc(o, s[i]);
    }
    sbuf_putc(o, '"');
}

/* Append an identifier for the parser: quoted, or as a placeholder
 * when PostgreSQL would truncate it. */
static void put_ident(bridge *b, sbuf *o, const char *s, size_t n)
{
    if (n <= DIALECT_MAX_PG_IDENT) {
        put_pg_ident(o, s, n);
        return;
    }
    dialect_bridged *out = b->out;
    out->long_idents = xrealloc(out->long_idents, (out->nlong + 1) * sizeof *out->long_idents);
    out->long_idents[out->nlong] = xstrndup(s, n);
    sbuf_printf(o, "\"%s%zu\"", DIALECT_LONG_IDENT, out->nlong);
    out->nlong++;
}

/* Append a PostgreSQL string literal (standard_conforming_strings). */
static void put_pg_string(sbuf *o, const char *s, size_t n)
{
    sbuf_putc(o, '\'');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            sbuf_putc(o, '\'');
        sbuf_putc(o, s[i]);
    }
    sbuf_putc(o, '\'');
}

/* The closing token of the argument or clause that starts at i: the
 * first ',' or ')' at the current bracket level (or the statement end);
 * with stop_words, also the first listed word at that level. */
static size_t level_end(bridge *b, size_t i, int stop_comma,
                        const char *const *stop_words)
{
    for (; i < b->st->tok_end; i++) {
        const dtok *t = T(b, i);
        if (t->kind == TK_OP) {
            if (is_op(b, i, "(") || is_op(b, i, "[")) {
                i = (size_t)t->match;
                continue;
            }
            if (is_op(b, i, ")") || is_op(b, i, "]"))
                return i;
            if (stop_comma && is_op(b, i, ","))
                return i;
        }
        if (stop_words && t->kind == TK_WORD && word_in(b, i, stop_words))
            return i;
    }
    return b->st->tok_end;
}

/* Token index just past a primary expression starting at i:
 * name(.name)* [ (args) ] { [..] | .name }*, a literal, or (...). */
static size_t primary_end(bridge *b, size_t i)
{
    if (!in_stmt(b, i))
        return i;
    const dtok *t = T(b, i);
    size_t j;
    if (is_op(b, i, "(")) {
        j = (size_t)t->match + 1;
    } else if (t->kind == TK_WORD || t->kind == TK_QIDENT) {
        j = i + 1;
        while (is_op(b, j, ".") && (T(b, j + 1)->kind == TK_WORD ||
                                    T(b, j + 1)->kind == TK_QIDENT))
            j += 2;
        if (is_op(b, j, "("))
            j = (size_t)T(b, j)->match + 1;
    } else if (t->kind == TK_NUMBER || t->kind == TK_STRING ||
               t->kind == TK_RAW_STRING) {
        j = i + 1;
    } else {
        return i + 1;
    }
    for (;;) {
        if (is_op(b, j, "["))
            j = (size_t)T(b, j)->match + 1;
        else if (is_op(b, j, ".") && in_stmt(b, j + 1) &&
                 (T(b, j + 1)->kind == TK_WORD || T(b, j + 1)->kind == TK_QIDENT))
            j += 2;
        else
            return j;
    }
}

/* ------------------------------------------------------------------ */
/* Construct handlers.  Each returns 0 or -1 (error set).              */

/*
 * Whitespace and comments, as PostgreSQL must see them.  PostgreSQL ends
 * a -- comment at CR or LF and has no backslash continuation; it nests
 * every slash-star, including one followed by '+'; its whitespace has
 * none of Spark 4's Unicode spaces.  So a comment becomes one space (it
 * separates tokens, as in Spark), and a whitespace run holding anything
 * but space, tab, CR, LF or form feed becomes one space.  The source map
 * keeps the replaced token's whole extent.
 */
static void bridge_trivia(bridge *b, size_t i)
{
    if (T(b, i)->kind == TK_SPACE) {
        const char *s = TXT(b, i);
        size_t n = TLEN(b, i), k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r' ||
                         s[k] == '\f'))
            k++;
        if (k == n)
            return;
    }
    set_repl_s(b, i, " ");
}

static int bridge_identifier(bridge *b, size_t i)
{
    const char *w = TXT(b, i);
    size_t n = TLEN(b, i);
    int cat = kw_category(b, i);
    size_t prev = prev_sig(b, i), next = next_sig(b, i);
    int quote = 0;
    if (w[0] >= '0' && w[0] <= '9') {
        quote = 1;      /* IDENTIFIER may start with a digit (123abc) */
    } else if (cat == PG_KW_NONE) {
        quote = has_upper(w, n);
    } else if (prev != (size_t)-1 && is_op(b, prev, ".")) {
        quote = has_upper(w, n);
    } else if (is_op(b, next, ".") && in_stmt(b, next_sig(b, next)) &&
               (T(b, next_sig(b, next))->kind == TK_WORD ||
                T(b, next_sig(b, next))->kind == TK_QIDENT ||
                is_op(b, next_sig(b, next), "*"))) {
        quote = has_upper(w, n) || cat == PG_KW_RESERVED ||
                cat == PG_KW_TYPE_FUNC_NAME;
    } else if (prev != (size_t)-1 && is_word(b, prev, "as") &&
               b->stack[b->depth].kind != FR_CAST) {
        quote = has_upper(w, n);
    }
    if (quote || n > DIALECT_MAX_PG_IDENT) {
        sbuf_truncate(&b->scratch, 0);
        put_ident(b, &b->scratch, w, n);
        set_repl(b, i, b->scratch.data, b->scratch.len);
    }
    return 0;
}

/* The name a `backtick identifier` token stands for (doubled backticks
 * undone), appended to out. */
static void decode_qident(bridge *b, size_t i, sbuf *out)
{
    const char *w = TXT(b, i);
    size_t n = TLEN(b, i);
    for (size_t k = 1; k + 1 < n; k++) {
        if (w[k] == '`')
            k++;
        sbuf_putc(out, w[k]);
    }
    sbuf_cstr(out);
}

static int bridge_qident(bridge *b, size_t i)
{
    if (TLEN(b, i) == 2)
        return set_error(b->err, T(b, i)->start, "zero-length quoted identifier");
    sbuf name = SBUF_INIT;
    decode_qident(b, i, &name);
    if (strncmp(name.data, DIALECT_RESERVED_PREFIX, strlen(DIALECT_RESERVED_PREFIX)) == 0) {
        sbuf_free(&name);
        return set_error(b->err, T(b, i)->start,
                         "identifiers starting with '%s' are reserved by sluice",
                         DIALECT_RESERVED_PREFIX);
    }
    sbuf_truncate(&b->scratch, 0);
    put_ident(b, &b->scratch, name.data, name.len);
    sbuf_free(&name);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    return 0;
}

/* Adjacent string literals concatenate in Spark; they become one
 * PostgreSQL literal mapped to the first token.  Returns the last token
 * consumed through *last. */
static int bridge_string(bridge *b, size_t i, size_t *last)
{
    /* name 'text', `name` 'text' and f(x) 'text' would be PostgreSQL typed
     * literals (of type name, or f with modifiers x); in Spark none of
     * them is an expression.  Never let one through. */
    size_t prev = prev_sig(b, i);
    if (prev != (size_t)-1 &&
        (T(b, prev)->kind == TK_QIDENT || is_op(b, prev, ")") ||
         (T(b, prev)->kind == TK_WORD && repl_first(b, prev) == '"' &&
          !is_word(b, prev, "date") &&
          !is_word(b, prev, "timestamp_ntz") && !is_word(b, prev, "timestamp_ltz")) ||
         (T(b, prev)->kind == TK_WORD && kw_category(b, prev) == PG_KW_NONE &&
          !(P(b, prev)->has_repl && repl_first(b, prev) != '"') &&
          !is_word(b, prev, "date") && !is_word(b, prev, "timestamp_ntz") &&
          !is_word(b, prev, "timestamp_ltz"))))
        return set_error(b->err, T(b, i)->start, "unexpected string literal after '%.*s'",
                         (int)TLEN(b, prev), TXT(b, prev));
    sbuf val = SBUF_INIT;
    str_decoder d = {0, 0};
    size_t j = i;
    *last = i;
    for (;;) {
        const dtok *t = T(b, j);
        if (decode_piece(&d, TXT(b, j), TLEN(b, j), t->kind == TK_RAW_STRING,
                         &val, t->start, b->err) < 0) {
            sbuf_free(&val);
            return -1;
        }
        *last = j;
        size_t n = next_sig(b, j);
        if (!in_stmt(b, n) ||
            (T(b, n)->kind != TK_STRING && T(b, n)->kind != TK_RAW_STRING))
            break;
        /* 'a''b': Spark 4.0 concatenates the two literals ("ab"); from
         * SPARK-52545 a doubled quote is an escaped quote ("a'b"). */
        if (T(b, n)->start == t->end && TXT(b, n)[0] == TXT(b, j)[TLEN(b, j) - 1]) {
            sbuf_free(&val);
            return set_error(b->err, T(b, n)->start,
                             "a doubled quote inside a string literal: Spark versions read it "
                             "differently (as two literals, or as one quote); write \\%c",
                             TXT(b, n)[0]);
        }
        j = n;
    }
    if (decode_end(&d, b->err) < 0) {
        sbuf_free(&val);
        return -1;
    }
    sbuf_truncate(&b->scratch, 0);
    put_pg_string(&b->scratch, val.data ? val.data : "", val.len);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    skip_range(b, i + 1, *last + 1);
    sbuf_free(&val);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Numeric literals                                                    */

/*
 * A number token as Spark's lexer splits it (SqlBaseLexer.g4:
 * INTEGER_VALUE, DECIMAL_VALUE, EXPONENT_VALUE, BIGINT_LITERAL ...
 * BIGDECIMAL_LITERAL; the lexer is case-insensitive).  sluice's lexer
 * keeps every letter, digit and '_' glued to a number in the token, as
 * Spark's IDENTIFIER rule would take them (1_000 and 10x are names in
 * Spark, never a number and an alias).
 */
typedef struct spark_num {
    const char *digits;     /* mantissa: digits with at most one '.' */
    size_t ndigits;
    long exp;               /* value of the E exponent, 0 if none */
    int has_point, has_exp;
    size_t body;            /* bytes before the suffix */
    /* normalised magnitude 0.SIG x 10^mag_exp (SIG without leading or
     * trailing zeros; empty for zero) */
    const char *sig;
    size_t nsig;
    long mag_exp;
    long scale;             /* BigDecimal scale: fraction digits - exponent */
    long precision;         /* BigDecimal precision: digits of the unscaled value */
} spark_num;

static void read_spark_num(const char *s, size_t n, spark_num *out)
{
    memset(out, 0, sizeof *out);
    size_t k = 0;
    while (k < n && (isdigit((unsigned char)s[k]) || (s[k] == '.' && !out->has_point))) {
        out->has_point |= s[k] == '.';
        k++;
    }
    out->digits = s;
    out->ndigits = k;
    if (k < n && (s[k] == 'e' || s[k] == 'E')) {
        size_t e = k + 1, sign = 0;
        if (e < n && (s[e] == '+' || s[e] == '-'))
            sign = e++;
        if (e < n && isdigit((unsigned char)s[e])) {
            long v = 0;
            while (e < n && isdigit((unsigned char)s[e])) {
                if (v < 100000000)      /* far past any finite double */
                    v = v * 10 + (s[e] - '0');
                e++;
            }
            out->exp = sign && s[sign] == '-' ? -v : v;
            out->has_exp = 1;
            k = e;
        }
    }
    out->body = k;
    /* magnitude: skip leading zeros, count integer digits */
    long int_digits = 0, frac_digits = 0;
    size_t first = (size_t)-1, last = 0;
    int seen_point = 0;
    for (size_t j = 0; j < out->ndigits; j++) {
        if (s[j] == '.') {
            seen_point = 1;
            continue;
        }
        if (seen_point)
            frac_digits++;
        else
            int_digits++;
        if (s[j] != '0') {
            if (first == (size_t)-1)
                first = j;
            last = j;
        }
    }
    out->scale = frac_digits - out->exp;
    if (first == (size_t)-1) {          /* zero */
        out->sig = s;
        out->nsig = 0;
        out->mag_exp = 0;
        out->precision = 1;
        return;
    }
    out->sig = s + first;
    out->nsig = last - first + 1;       /* may span the '.', which compares skip */
    /* position of the first significant digit relative to the point */
    long pos = first < (size_t)int_digits ? int_digits - (long)first
                                          : -((long)first - int_digits - 1);
    out->mag_exp = pos + out->exp;
    /* unscaled value = all mantissa digits from the first non-zero one */
    long unscaled = 0;
    for (size_t j = first; j < out->ndigits; j++)
        unscaled += s[j] != '.';
    out->precision = unscaled;
}

/* Compare the magnitude of a with the decimal text bound (digits, one
 * optional '.', optional E exponent): <0, 0, >0. */
static int num_cmp_bound(const spark_num *a, const char *bound)
{
    spark_num b;
    read_spark_num(bound, strlen(bound), &b);
    if (a->nsig == 0 || b.nsig == 0)
        return (a->nsig != 0) - (b.nsig != 0);
    if (a->mag_exp != b.mag_exp)
        return a->mag_exp < b.mag_exp ? -1 : 1;
    /* same exponent: compare significant digits, skipping any '.' */
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a->nsig && a->sig[i] == '.') i++;
        while (j < b.nsig && b.sig[j] == '.') j++;
        if (i >= a->nsig || j >= b.nsig)
            return (i < a->nsig) - (j < b.nsig);
        if (a->sig[i] != b.sig[j])
            return a->sig[i] < b.sig[j] ? -1 : 1;
        i++, j++;
    }
}

/*
 * One row per literal form Spark's AstBuilder builds (visitIntegerLiteral,
 * visitDecimalLiteral, visitExponentLiteral, visitBigIntLiteral,
 * visitSmallIntLiteral, visitTinyIntLiteral, visitDoubleLiteral,
 * visitFloatLiteral, visitBigDecimalLiteral).  numericLiteral() refuses
 * a value outside [min, max] of the type; max here is the magnitude of
 * the largest value and min_mag that of the smallest, as the Scala
 * BigDecimal Spark compares with (Float.MaxValue is 3.4028235E38 there).
 * A suffixed literal travels to the parser as a cast to the type named
 * DIALECT_LITERAL_TYPE plus its suffix, so the emitter writes it back as
 * it was written.
 */
static const struct num_form {
    const char *suffix;     /* lower case; "" none */
    int integral;           /* DIGIT+ only (no '.', no exponent) */
    const char *max, *min_mag;
    const char *what;
} num_forms[] = {
    {"l", 1, "9223372036854775807", "9223372036854775808", "BIGINT"},
    {"s", 1, "32767", "32768", "SMALLINT"},
    {"y", 1, "127", "128", "TINYINT"},
    {"d", 0, "1.7976931348623157E308", "1.7976931348623157E308", "DOUBLE"},
    {"f", 0, "3.4028235E38", "3.4028235E38", "FLOAT"},
    {"bd", 0, NULL, NULL, "DECIMAL"},
    {NULL, 0, NULL, NULL, NULL}};

/* Is the '-' at token m a prefix minus in Spark's reading, so that the
 * number after it is one literal with it (SqlBaseParser.g4 rule number:
 * MINUS? INTEGER_VALUE ...)?  After an operand it is binary. */
static int spark_prefix_minus(bridge *b, size_t m)
{
    static const char *const intro[] = {
        "select", "where", "having", "qualify", "on", "and", "or", "not", "when", "then",
        "else", "case", "between", "like", "ilike", "rlike", "regexp", "div", "by", "limit",
        "offset", "distinct", "all", "return", "escape", "in", "is", NULL};
    size_t p = prev_sig(b, m);
    if (!in_stmt(b, p))
        return 1;
    if (T(b, p)->kind == TK_OP)
        return !is_op(b, p, ")") && !is_op(b, p, "]");
    if (T(b, p)->kind == TK_WORD)
        return word_in(b, p, intro);
    return 0;           /* a literal, a name or a marker: an operand */
}

/* Would PostgreSQL fold a further prefix minus into the constant that
 * spans tokens first..last, as in -(2147483648) or - -2147483648? */
static int pg_negates(bridge *b, size_t first, size_t last)
{
    size_t k = prev_sig(b, first);
    while (is_op(b, k, "(") && T(b, k)->match >= 0 &&
           (size_t)T(b, k)->match == next_sig(b, last)) {
        last = (size_t)T(b, k)->match;
        k = prev_sig(b, k);
    }
    return is_op(b, k, "-") && spark_prefix_minus(b, k);
}

static int bridge_number(bridge *b, size_t i)
{
    const char *s = TXT(b, i);
    size_t n = TLEN(b, i);
    spark_num v;
    read_spark_num(s, n, &v);
    const char *suf = s + v.body;
    size_t nsuf = n - v.body;
    const struct num_form *form = NULL;
    for (int m = 0; nsuf && num_forms[m].suffix; m++)
        if (strlen(num_forms[m].suffix) == nsuf && strncasecmp(suf, num_forms[m].suffix, nsuf) == 0)
            form = &num_forms[m];
    if ((nsuf && !form) || (form && form->integral && (v.has_point || v.has_exp)))
        return set_error(b->err, T(b, i)->start,
                         "'%.*s' is not a Spark number (Spark reads letters, digits and '_' "
                         "glued to a number as a name)", (int)(n > 40 ? 40 : n), s);
    if (is_op(b, next_sig(b, i), "("))
        return set_error(b->err, T(b, i)->start + n,
                         "unexpected '(' after the literal %.*s", (int)n, s);
    /* 1.5L is 1, '.', 5L for Spark (no literal has both); glued back
     * together PostgreSQL would read one number. */
    if ((i > b->st->tok_begin && is_op(b, i - 1, ".")) ||
        (in_stmt(b, i + 1) && is_op(b, i + 1, ".")))
        return set_error(b->err, T(b, i)->start,
                         "the number %.*s glued to '.': Spark reads no literal here (1.5L is 1, "
                         "'.', 5L)", (int)n, s);
    size_t minus = prev_sig(b, i);
    int folded = is_op(b, minus, "-") && spark_prefix_minus(b, minus);
    const char *range_type = NULL;
    int out_of_range = 0;
    if (form && form->max) {
        out_of_range = num_cmp_bound(&v, folded ? form->min_mag : form->max) > 0;
        range_type = form->what;
    } else if (!form && v.has_exp) {        /* EXPONENT_VALUE: a DOUBLE */
        out_of_range = num_cmp_bound(&v, num_forms[3].max) > 0;
        range_type = "DOUBLE";
    }
    if (out_of_range)
        return set_error(b->err, T(b, folded ? minus : i)->start,
                         "the literal %s%.*s is outside the range of %s", folded ? "-" : "",
                         (int)(n > 60 ? 60 : n), s, range_type);
    /* DECIMAL literals: 1.5 and 1.5BD are DECIMAL(2,1); a whole number
     * past BIGINT is DECIMAL(p,0) (visitIntegerLiteral).  Spark allows
     * precision up to 38 and, by default, no negative scale (1E2BD). */
    int decimal = (form && strcmp(form->suffix, "bd") == 0) ||
                  (!form && !v.has_exp &&
                   (v.has_point || num_cmp_bound(&v, folded ? "9223372036854775808"
                                                            : "9223372036854775807") > 0));
    if (decimal && (v.precision > 38 || v.scale > 38))
        return set_error(b->err, T(b, folded ? minus : i)->start,
                         "the literal %.*s needs more than the 38 digits of a Spark DECIMAL",
                         (int)(n > 60 ? 60 : n), s);
    if (decimal && v.scale < 0)
        return set_error(b->err, T(b, i)->start,
                         "the literal %.*s has a negative DECIMAL scale, which Spark refuses "
                         "by default", (int)(n > 60 ? 60 : n), s);
    /* A minus Spark takes into the literal, before a cast (-5::INT is
     * CAST(-5 AS INT) in Spark, -(5::int) for PostgreSQL), goes inside
     * brackets. */
    int cast_after = is_op(b, next_sig(b, i), "::");
    /* 2147483648 and 9223372036854775808 change type when negated in
     * the literal (-2147483648 is an INT); PostgreSQL folds any minus
     * before a constant, even -(2147483648) where Spark negates a BIGINT,
     * so there they travel as casts to the type Spark gives them. */
    const char *boundary_type = NULL;
    if (!form && !v.has_point && !v.has_exp && pg_negates(b, folded ? minus : i, i)) {
        if (num_cmp_bound(&v, "2147483648") == 0)
            boundary_type = folded ? "\"int\"" : "\"bigint\"";
        else if (num_cmp_bound(&v, "9223372036854775808") == 0)
            boundary_type = folded ? "\"bigint\"" : "\"decimal\"(19,0)";
    }
    if (!form && !boundary_type && !(folded && cast_after))
        return 0;
    sbuf_truncate(&b->scratch, 0);
    sbuf_putn(&b->scratch, s, v.body);
    int wrap = folded && (form || boundary_type || cast_after);
    if (wrap) {
        insert_before(b, minus, "(");
        sbuf_putc(&b->scratch, ')');
    }
    if (form) {
        sbuf_puts(&b->scratch, "::\"" DIALECT_LITERAL_TYPE);
        sbuf_puts(&b->scratch, form->suffix);
        sbuf_putc(&b->scratch, '"');
    } else if (boundary_type) {
        sbuf_puts(&b->scratch, "::");
        sbuf_puts(&b->scratch, boundary_type);
    }
    set_repl(b, i, b->scratch.data, b->scratch.len);
    return 0;
}

/*
 * A Spark type at token i (after '::' or CAST(... AS).  Simple types
 * become a quoted lower-case generic type name plus their modifiers, so
 * PostgreSQL does not translate them into its own (FLOAT would turn into
 * float8).  ARRAY<...>, MAP<...> and STRUCT<...> become one quoted name
 * holding the type text with whitespace normalised.
 */
static int bridge_type(bridge *b, size_t i)
{
    if (!in_stmt(b, i) || T(b, i)->kind != TK_WORD)
        return 0;   /* let the parser report it */
    size_t nx = next_sig(b, i);
    sbuf_truncate(&b->scratch, 0);
    if (is_op(b, nx, "<") &&
        (is_word(b, i, "array") || is_word(b, i, "map") || is_word(b, i, "struct"))) {
        int depth = 0;
        size_t j = nx, prevw = 0;
        sbuf txt = SBUF_INIT;
        sbuf_putn(&txt, TXT(b, i), TLEN(b, i));
        for (; j < b->st->tok_end; j++) {
            const dtok *t = T(b, j);
            if (dialect_is_trivia(t->kind))
                continue;
            int isw = t->kind == TK_WORD || t->kind == TK_QIDENT || t->kind == TK_NUMBER;
            if (isw && prevw)
                sbuf_putc(&txt, ' ');
            if (t->kind == TK_STRING) {
                sbuf_free(&txt);
                return set_error(b->err, t->start,
                                 "comments inside complex types are not supported");
            }
            if (t->kind == TK_PARAM && TXT(b, j)[0] == ':') {
                /* "a:INT" lexes as a and the parameter ":INT" */
                sbuf_puts(&txt, ": ");
                sbuf_putn(&txt, TXT(b, j) + 1, TLEN(b, j) - 1);
                prevw = 1;
                continue;
            }
            if (is_op(b, j, ":")) {
                sbuf_puts(&txt, ": ");
                prevw = 0;
                continue;
            }
            sbuf_putn(&txt, TXT(b, j), TLEN(b, j));
            prevw = isw;
            if (t->kind == TK_OP) {
                for (size_t k = 0; k < TLEN(b, j); k++) {
                    char c = TXT(b, j)[k];
                    if (c == '<') depth++;
                    else if (c == '>') depth--;
                }
                if (depth == 0)
                    break;
                if (depth < 0) {
                    sbuf_free(&txt);
                    return set_error(b->err, t->start, "unbalanced '>' in type");
                }
            }
        }
        if (depth != 0) {
            sbuf_free(&txt);
            return set_error(b->err, T(b, i)->start, "unterminated complex type");
        }
        put_ident(b, &b->scratch, txt.data, txt.len);
        sbuf_putc(&b->scratch, ' ');   /* never glued to what follows */
        sbuf_free(&txt);
        set_repl(b, i, b->scratch.data, b->scratch.len);
        skip_range(b, i + 1, j + 1);
        return 0;
    }
    char low[64];
    size_t n = TLEN(b, i);
    if (!lower_token(b, i, low, sizeof low))
        return 0;
    if (is_op(b, nx, "(")) {
        /* DECIMAL(10, 2), VARCHAR(20): numbers only */
        size_t close = (size_t)T(b, nx)->match;
        int want_num = 1;
        for (size_t k = next_sig(b, nx); k < close; k = next_sig(b, k)) {
            int digits = T(b, k)->kind == TK_NUMBER;
            for (size_t c = 0; digits && c < TLEN(b, k); c++)
                digits = isdigit((unsigned char)TXT(b, k)[c]) != 0;
            if (want_num ? !digits : !is_op(b, k, ","))
                return set_error(b->err, T(b, k)->start,
                                 "a type's parameters are numbers: DECIMAL(10, 2)");
            want_num = !want_num;
        }
    }
    put_pg_ident(&b->scratch, low, n);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    return 0;
}

/* A Spark interval unit; *pg_native says whether PostgreSQL's
 * INTERVAL '...' UNIT accepts it too (singular YEAR ... SECOND). */
/* An INTEGER_VALUE or DECIMAL_VALUE token: digits and at most one '.'. */
static int plain_number(bridge *b, size_t i)
{
    spark_num v;
    read_spark_num(TXT(b, i), TLEN(b, i), &v);
    return v.body == TLEN(b, i) && !v.has_exp;
}

static int is_interval_unit(bridge *b, size_t i, int *pg_native)
{
    static const char *const native[] = {
        "year", "month", "day", "hour", "minute", "second", NULL};
    if (pg_native)
        *pg_native = word_in(b, i, native);
    return T(b, i)->kind == TK_WORD && spark_interval_unit(TXT(b, i), TLEN(b, i));
}

/*
 * INTERVAL.  PostgreSQL reads INTERVAL '7' DAY and INTERVAL '1 day' as
 * they are.  Spark's multi-unit forms (INTERVAL 7 DAYS, INTERVAL 1 DAY
 * 2 HOURS, INTERVAL '7' DAYS) become one interval string,
 * INTERVAL '7 DAYS', which the emitter writes back in the multi-unit
 * form.
 */
static int bridge_interval(bridge *b, size_t i)
{
    size_t j = next_sig(b, i), prev = prev_sig(b, i);
    if (prev != (size_t)-1 && is_op(b, prev, "."))
        return set_error(b->err, T(b, i)->start, "unexpected INTERVAL after '.'");
    if (!in_stmt(b, j))
        return set_error(b->err, T(b, i)->start, "INTERVAL without a value");
    /* Native forms: a string, optionally one singular unit [TO unit]. */
    if (T(b, j)->kind == TK_STRING) {
        size_t u = next_sig(b, j);
        int native = 0;
        if (!in_stmt(b, u) || !is_interval_unit(b, u, &native))
            return 0;
        if (native) {
            size_t after = next_sig(b, u);
            if (is_word(b, after, "to"))
                return 0;
            if (!in_stmt(b, after) ||
                !(T(b, after)->kind == TK_NUMBER || T(b, after)->kind == TK_STRING ||
                  is_op(b, after, "-")))
                return 0;
        }
    }
    sbuf val = SBUF_INIT;
    size_t last = i;
    int pairs = 0;
    for (;;) {
        size_t v = next_sig(b, last);
        int neg = 0;
        if (is_op(b, v, "-") || is_op(b, v, "+")) {
            neg = is_op(b, v, "-");
            v = next_sig(b, v);
        }
        /* intervalValue: (PLUS | MINUS)? (INTEGER_VALUE | DECIMAL_VALUE | stringLit) */
        if (!in_stmt(b, v) || (T(b, v)->kind != TK_NUMBER && T(b, v)->kind != TK_STRING) ||
            (T(b, v)->kind == TK_NUMBER && !plain_number(b, v)))
            break;
        size_t u = next_sig(b, v);
        if (!in_stmt(b, u) || !is_interval_unit(b, u, NULL))
            break;
        if (pairs++)
            sbuf_putc(&val, ' ');
        if (neg)
            sbuf_putc(&val, '-');
        if (T(b, v)->kind == TK_STRING) {
            if (dialect_decode_string(TXT(b, v), TLEN(b, v), 0, &val,
                                      T(b, v)->start, b->err) < 0) {
                sbuf_free(&val);
                return -1;
            }
        } else {
            sbuf_putn(&val, TXT(b, v), TLEN(b, v));
        }
        sbuf_putc(&val, ' ');
        sbuf_putn(&val, TXT(b, u), TLEN(b, u));
        last = u;
    }
    if (pairs == 0) {
        sbuf_free(&val);
        return set_error(b->err, T(b, i)->start,
                         "unsupported INTERVAL syntax: expected a number or string and a unit");
    }
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, "INTERVAL ");
    put_pg_string(&b->scratch, val.data, val.len);
    sbuf_free(&val);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    skip_range(b, i + 1, last + 1);
    return 0;
}

/* x -> body  becomes  x -> (body): the lambda body extends to the end of
 * the function argument, which PostgreSQL's generic operator would not
 * do on its own. */
static int bridge_lambda(bridge *b, size_t i)
{
    if (b->depth == 0 || b->stack[b->depth].kind != FR_FUNC)
        return set_error(b->err, T(b, i)->start,
                         "a lambda '->' is only allowed as a function argument");
    /* Its parameters (x, or (x, y)) must be where the argument starts:
     * "p -> p > q -> 1" or "f(a = (k, v) -> k)" are not lambdas Spark
     * reads as PostgreSQL would group them. */
    size_t p = prev_sig(b, i), start = p;
    if (is_op(b, p, ")") && T(b, p)->match >= 0) {
        start = (size_t)T(b, p)->match;
        /* (x, y): names separated by commas, nothing else */
        int want_name = 1;
        for (size_t k = next_sig(b, start); k < p; k = next_sig(b, k)) {
            int name = T(b, k)->kind == TK_WORD || T(b, k)->kind == TK_QIDENT;
            if (want_name ? !name : !is_op(b, k, ","))
                return set_error(b->err, T(b, k)->start,
                                 "lambda parameters must be names: (x, y) -> ...");
            want_name = !want_name;
        }
        if (want_name)
            return set_error(b->err, T(b, p)->start,
                             "lambda parameters must be names: (x, y) -> ...");
    } else if (T(b, p)->kind != TK_WORD && T(b, p)->kind != TK_QIDENT) {
        return set_error(b->err, T(b, i)->start, "a lambda '->' must follow its parameters");
    }
    size_t before = prev_sig(b, start);
    if (!is_op(b, before, "(") && !is_op(b, before, ","))
        return set_error(b->err, T(b, i)->start,
                         "a lambda must be a whole function argument: put it in its own "
                         "argument or in parentheses");
    size_t end = level_end(b, next_sig(b, i), 1, NULL);
    set_repl_s(b, i, "-> (");
    insert_before(b, end, ")");
    return 0;
}

/* QUALIFY cond  becomes a synthetic named window
 *     WINDOW "sluice:qualify" AS (PARTITION BY (cond))
 * which the PostgreSQL grammar accepts at the same place; parse.c moves
 * the condition into the SelectStmt as "sl_qualify". */
/* Clause keywords that end a QUALIFY / SORT BY / DISTRIBUTE BY /
 * CLUSTER BY expression list at its bracket level. */
static const char *const clause_stops[] = {
    "order", "limit", "offset", "window", "union", "intersect", "except",
    "minus", "sort", "cluster", "distribute", "fetch", NULL};

/*
 * Replace token i by the opening of a synthetic WINDOW entry named
 * marker ("WINDOW "marker" AS (" + opening, or ", " instead of "WINDOW"
 * when the block has a WINDOW clause already) and close it with closing
 * before token end; a WINDOW keyword at end becomes the list's comma.
 */
static void open_synthetic_window(bridge *b, size_t i, const char *marker,
                                  const char *opening, const char *closing, size_t end)
{
    frame *f = &b->stack[b->depth];
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, f->window_seen ? ", " : "WINDOW ");
    put_pg_ident(&b->scratch, marker, strlen(marker));
    sbuf_puts(&b->scratch, " AS (");
    sbuf_puts(&b->scratch, opening);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, closing);
    if (in_stmt(b, end) && T(b, end)->kind == TK_WORD)
        sbuf_putc(&b->scratch, ' ');
    insert_before(b, end, sbuf_cstr(&b->scratch));
    if (is_word(b, end, "window"))
        set_repl_s(b, end, ",");
    f->window_seen = 1;
}

static int bridge_qualify(bridge *b, size_t i)
{
    size_t end = level_end(b, next_sig(b, i), 0, clause_stops);
    open_synthetic_window(b, i, DIALECT_QUALIFY_MARKER, "PARTITION BY (", "))", end);
    return 0;
}

/*
 * LATERAL VIEW [OUTER] f(args) tbl [AS] c1, c2
 *   ->  CROSS JOIN LATERAL f(args) AS tbl(c1, c2)
 *   ->  LEFT JOIN LATERAL f(args) AS tbl(c1, c2) ON TRUE      (OUTER)
 * The function name is marked so the emitter writes LATERAL VIEW back.
 */
static int lateral_view_columns(bridge *b, size_t c, int outer);
static int refuse(bridge *b, size_t i, const char *what);
static int starts_alias(bridge *b, size_t i);
static int in_from_list(bridge *b, size_t i);
static int values_row_comma(bridge *b, size_t i);
static int bridge_json_path(bridge *b, size_t i);
static size_t names_or_bracketed_names(bridge *b, size_t from, size_t end, int dotted);
typedef struct word_at word_at;
static int w_all_group(bridge *b, const word_at *w);
static int w_from(bridge *b, const word_at *w);
static int w_always_name(bridge *b, const word_at *w);

static int bridge_lateral_view(bridge *b, size_t i)
{
    static const char *const clause_words[] = {
        "where", "group", "having", "order", "limit", "lateral", "join",
        "window", "qualify", "union", "intersect", "except", "minus", "sort",
        "cluster", "distribute", "inner", "left", "right", "full", "cross",
        "on", "as", NULL};
    size_t view = next_sig(b, i);
    size_t fn = next_sig(b, view);
    int outer = is_word(b, fn, "outer");
    if (outer)
        fn = next_sig(b, fn);
    size_t open = next_sig(b, fn);
    if (!in_stmt(b, fn) || (T(b, fn)->kind != TK_WORD && T(b, fn)->kind != TK_QIDENT) ||
        !is_op(b, open, "("))
        return set_error(b->err, T(b, i)->start,
                         "LATERAL VIEW must be followed by a function call");
    size_t close = (size_t)T(b, open)->match;
    size_t alias = next_sig(b, close);
    set_repl_s(b, i, outer ? "LEFT JOIN LATERAL" : "CROSS JOIN LATERAL");
    skip_range(b, view, fn);
    P(b, fn)->mark = outer ? DM_LATERAL_VIEW_OUTER : DM_LATERAL_VIEW;
    if (is_word(b, alias, "as")) {
        /* No table alias: Spark allows it, PostgreSQL needs one. */
        insert_before(b, alias, "AS \"" DIALECT_ANON_ALIAS "\" ");
        set_repl_s(b, alias, "(");
        return lateral_view_columns(b, next_sig(b, alias), outer);
    }
    if (!in_stmt(b, alias) ||
        !(T(b, alias)->kind == TK_QIDENT ||
          (T(b, alias)->kind == TK_WORD && !word_in(b, alias, clause_words))))
        return set_error(b->err, T(b, close)->start + 1,
                         "LATERAL VIEW needs a table alias after the function call");
    insert_before(b, alias, "AS ");
    size_t c = next_sig(b, alias);
    size_t after_alias = alias + 1;
    if (is_word(b, c, "as")) {
        set_repl_s(b, c, "(");
        c = next_sig(b, c);
    } else if (in_stmt(b, c) && (T(b, c)->kind == TK_QIDENT ||
                                 (T(b, c)->kind == TK_WORD && !word_in(b, c, clause_words)))) {
        insert_before(b, c, "(");
    } else {
        if (in_stmt(b, c) && ((T(b, c)->kind != TK_WORD && !is_op(b, c, ")") &&
                               !is_op(b, c, ",")) || is_word(b, c, "on") || is_word(b, c, "using")))
            return set_error(b->err, T(b, c)->start, "unexpected '%.*s' after LATERAL VIEW",
                             (int)(TLEN(b, c) > 20 ? 20 : TLEN(b, c)), TXT(b, c));
        if (outer)
            insert_before(b, after_alias, " ON TRUE");
        return 0;
    }
    return lateral_view_columns(b, c, outer);
}

/* The column list of a LATERAL VIEW, c being its first name. */
static int lateral_view_columns(bridge *b, size_t c, int outer)
{
    size_t last = c;
    for (;;) {
        if (!in_stmt(b, c) || !(T(b, c)->kind == TK_WORD || T(b, c)->kind == TK_QIDENT))
            return set_error(b->err, in_stmt(b, c) ? T(b, c)->start : T(b, last)->end,
                             "expected a column name in LATERAL VIEW");
        last = c;
        size_t n = next_sig(b, c);
        if (!is_op(b, n, ","))
            break;
        c = next_sig(b, n);
    }
    /* What follows the list starts a clause or ends the FROM item; an
     * operator would join the stand-in's ON TRUE. */
    size_t n = next_sig(b, last);
    if (in_stmt(b, n) && ((T(b, n)->kind != TK_WORD && !is_op(b, n, ")") && !is_op(b, n, ",")) ||
                          is_word(b, n, "on") || is_word(b, n, "using")))
        return set_error(b->err, T(b, n)->start, "unexpected '%.*s' after LATERAL VIEW columns",
                         (int)(TLEN(b, n) > 20 ? 20 : TLEN(b, n)), TXT(b, n));
    insert_before(b, last + 1, outer ? ") ON TRUE" : ")");
    return 0;
}

/*
 * SORT BY / DISTRIBUTE BY / CLUSTER BY.  Like QUALIFY they travel as
 * synthetic WINDOW entries, which PostgreSQL accepts at the end of a
 * query block:  DISTRIBUTE BY a SORT BY b  ->
 *   WINDOW "sluice:distribute_by" AS (PARTITION BY a),
 *          "sluice:sort_by" AS (ORDER BY b)
 * After a set operation they apply to the whole result, which a WINDOW
 * entry of the last branch cannot express: refused there.
 */
static int bridge_organization(bridge *b, size_t i)
{
    if (b->stack[b->depth].setop_seen)
        return refuse(b, i, "SORT BY / CLUSTER BY / DISTRIBUTE BY after a set operation");
    size_t by = next_sig(b, i);
    int sort = is_word(b, i, "sort");
    const char *marker = sort ? DIALECT_SORT_BY_MARKER :
                         is_word(b, i, "cluster") ? DIALECT_CLUSTER_BY_MARKER :
                         DIALECT_DISTRIBUTE_BY_MARKER;
    size_t end = level_end(b, next_sig(b, by), 0, clause_stops);
    if (is_word(b, end, "order"))
        return set_error(b->err, T(b, end)->start,
                         "ORDER BY cannot follow SORT BY / DISTRIBUTE BY / CLUSTER BY");
    /* The BY keyword stays: "... AS (ORDER" + " BY b" + ")". */
    open_synthetic_window(b, i, marker, sort ? "ORDER" : "PARTITION", ")", end);
    return 0;
}

/* Does token i start a table alias ([AS] name)? */
static int starts_alias(bridge *b, size_t i)
{
    static const char *const not_alias[] = {
        "qualify", "sort", "cluster", "distribute", "lateral", "window", "minus",
        "pivot", "unpivot", "tablesample", "semi", "anti", NULL};
    if (!in_stmt(b, i))
        return 0;
    if (is_word(b, i, "as") || T(b, i)->kind == TK_QIDENT)
        return 1;
    return T(b, i)->kind == TK_WORD && kw_category(b, i) <= PG_KW_UNRESERVED &&
           !word_in(b, i, not_alias);
}

/* FROM VALUES (..), (..) [AS] t(a, b)  ->  FROM (VALUES (..), (..)) AS t(a, b);
 * FROM VALUES 1, 2 gets one parenthesised row per value, and a FROM
 * list may hold several: FROM VALUES 1, VALUES 2.  A query that is
 * VALUES with an alias (VALUES (1, 2) AS t(a, b), also as a CTE body)
 * is Spark's inline table: SELECT * FROM (VALUES (1, 2)) AS t(a, b),
 * which has the same columns. */
static int bridge_from_values(bridge *b, size_t i, int in_from)
{
    size_t r = next_sig(b, i), end, n;
    for (;;) {
        if (is_op(b, r, "(")) {
            end = (size_t)T(b, r)->match + 1;
        } else {
            if (!in_stmt(b, r))
                return set_error(b->err, T(b, i)->end, "VALUES without rows");
            end = primary_end(b, r);
            insert_before(b, r, "(");
            insert_before(b, end, ")");
        }
        n = next_sig(b, end - 1);
        if (!is_op(b, n, ",") || (in_from && is_word(b, next_sig(b, n), "values")))
            break;
        r = next_sig(b, n);
    }
    int aliased = starts_alias(b, n);
    if (in_from) {
        set_repl_s(b, i, "(VALUES");
        insert_before(b, end, aliased ? ")" : ") AS \"" DIALECT_ANON_ALIAS "\"");
    } else if (aliased) {
        set_repl_s(b, i, "SELECT * FROM (VALUES");
        insert_before(b, end, ")");
    }
    if (aliased && is_word(b, n, "as") && is_op(b, next_sig(b, n), "("))
        insert_before(b, next_sig(b, n), "\"" DIALECT_ANON_ALIAS "\"");
    return 0;
}

/* "expr AS name" as PostgreSQL's named argument "name" => expr: the name
 * (token name) is written before token start, and the tokens from
 * skip_from (AS, or the bare name) to the name are dropped. */
static int named_argument(bridge *b, size_t name, size_t start, size_t skip_from)
{
    sbuf_truncate(&b->scratch, 0);
    if (T(b, name)->kind == TK_QIDENT) {
        sbuf q = SBUF_INIT;
        decode_qident(b, name, &q);
        if (q.len == 0) {
            sbuf_free(&q);
            return set_error(b->err, T(b, name)->start, "zero-length quoted identifier");
        }
        put_ident(b, &b->scratch, q.data, q.len);
        sbuf_free(&q);
    } else {
        put_ident(b, &b->scratch, TXT(b, name), TLEN(b, name));
    }
    sbuf_puts(&b->scratch, " => ");
    insert_before(b, start, b->scratch.data);
    skip_range(b, skip_from, name + 1);
    return 0;
}

/* struct(a AS x, b) -> struct("x" => a, b): PostgreSQL's named argument
 * carries the field name; the emitter writes it back as "a AS x". */
static int bridge_struct_args(bridge *b, size_t open)
{
    static const char *const as_word[] = {"as", NULL};
    size_t close = (size_t)T(b, open)->match;
    size_t start = next_sig(b, open);
    while (start < close) {
        size_t end = level_end(b, start, 1, NULL);
        size_t as = level_end(b, start, 1, as_word);
        if (as < end && is_word(b, as, "as")) {
            size_t name = next_sig(b, as);
            if (name >= end || next_sig(b, name) != end ||
                !(T(b, name)->kind == TK_WORD || T(b, name)->kind == TK_QIDENT))
                return set_error(b->err, T(b, as)->start,
                                 "expected a field name after AS in struct(...)");
            if (named_argument(b, name, start, as) < 0)
                return -1;
        }
        if (end >= close)
            break;
        start = next_sig(b, end);
    }
    return 0;
}

static int refuse(bridge *b, size_t i, const char *what)
{
    return set_error(b->err, T(b, i)->start,
                     "%s is not supported by sluice's Databricks dialect bridge", what);
}

/* Is a word after token prev in a position where only a value (and so a
 * function call) can start, rather than after a comparison or LIKE? */
static int function_position(bridge *b, size_t prev)
{
    static const char *const words[] = {
        "select", "and", "or", "not", "when", "then", "else", "by", "having",
        "where", "on", "case", "distinct", "qualify", NULL};
    if (prev == (size_t)-1)
        return 1;
    if (T(b, prev)->kind == TK_WORD)
        return word_in(b, prev, words);
    return is_op(b, prev, "(") || is_op(b, prev, ",") || is_op(b, prev, "+") ||
           is_op(b, prev, "-") || is_op(b, prev, "*") || is_op(b, prev, "/") ||
           is_op(b, prev, "%");
}

static int bridge_hex(bridge *b, size_t i)
{
    const char *q = TXT(b, i + 1);
    size_t n = TLEN(b, i + 1);
    for (size_t k = 1; k + 1 < n; k++)
        if (hexval((unsigned char)q[k]) < 0)
            return set_error(b->err, T(b, i + 1)->start + k,
                             "invalid hexadecimal digit in binary literal");
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, "X'");
    sbuf_putn(&b->scratch, q + 1, n - 2);
    sbuf_puts(&b->scratch, "'");
    set_repl(b, i, b->scratch.data, b->scratch.len);
    P(b, i + 1)->skip = 1;
    return 0;
}

/*
 * Words the bridge maps or refuses, one handler per word (several words
 * may share one).  A handler returns 0 when it has bridged the token, -1
 * with b->err set when it refuses it, or WORD_NOT_MINE when the word is
 * used as a plain name here; bridge_word() then treats it as a type name
 * in CAST(x AS type), else as an identifier.  Adding a Spark word is
 * adding a row (kept sorted: the table is binary-searched).
 */
#define WORD_NOT_MINE 1

struct word_at {
    size_t i, prev, next;   /* the word, its significant neighbours */
    frame *f;               /* the bracket level it is in */
};

typedef int (*word_fn)(bridge *b, const word_at *w);

static int w_select(bridge *b, const word_at *w)
{
    (void)b;
    w->f->window_seen = 0;
    return 0;
}

static int w_interval(bridge *b, const word_at *w)
{
    /* The type INTERVAL unit [TO unit] in CAST(x AS ...) or after '::'
     * is PostgreSQL's own syntax. */
    if ((is_word(b, w->prev, "as") && w->f->kind == FR_CAST) || is_op(b, w->prev, "::")) {
        int native = 0;
        if (!is_interval_unit(b, w->next, &native) || !native)
            return set_error(b->err, T(b, w->i)->start,
                             "expected INTERVAL YEAR|MONTH|DAY|HOUR|MINUTE|SECOND [TO unit]");
        size_t to = next_sig(b, w->next);
        if (is_word(b, to, "to") &&
            (!is_interval_unit(b, next_sig(b, to), &native) || !native))
            return set_error(b->err, T(b, to)->end, "expected an interval unit after TO");
        return 0;
    }
    /* INTERVAL -'1 2' DAY TO HOUR: the sign goes into the string. */
    size_t sign = w->next, str = next_sig(b, sign);
    int native = 0;
    if ((is_op(b, sign, "-") || is_op(b, sign, "+")) && in_stmt(b, str) &&
        T(b, str)->kind == TK_STRING && is_interval_unit(b, next_sig(b, str), &native) &&
        native && is_word(b, next_sig(b, next_sig(b, str)), "to")) {
        sbuf val = SBUF_INIT;
        if (is_op(b, sign, "-"))
            sbuf_putc(&val, '-');
        size_t at = val.len;
        if (dialect_decode_string(TXT(b, str), TLEN(b, str), 0, &val, T(b, str)->start,
                                  b->err) < 0) {
            sbuf_free(&val);
            return -1;
        }
        if (val.len == at || val.data[at] == '-' || val.data[at] == '+' ||
            isspace((unsigned char)val.data[at])) {
            sbuf_free(&val);
            return refuse(b, sign, "a sign before an interval string that starts with a sign "
                                   "or a space");
        }
        sbuf_truncate(&b->scratch, 0);
        put_pg_string(&b->scratch, val.data, val.len);
        sbuf_free(&val);
        set_repl(b, str, b->scratch.data, b->scratch.len);
        skip_range(b, sign, sign + 1);
        return 0;
    }
    return bridge_interval(b, w->i);
}

/* [NOT] RLIKE / REGEXP as an operator: LIKE marked DM_RLIKE. */
static int w_rlike(bridge *b, const word_at *w)
{
    int negated = is_word(b, w->prev, "not");
    if (!negated && !ends_operand(b, w->prev))
        return WORD_NOT_MINE;
    set_repl_s(b, w->i, "LIKE");
    P(b, negated ? w->prev : w->i)->mark = DM_RLIKE;
    return 0;
}

static int w_div(bridge *b, const word_at *w)
{
    if (!ends_operand(b, w->prev))
        return WORD_NOT_MINE;
    set_repl_s(b, w->i, "/");
    P(b, w->i)->mark = DM_DIV;
    return 0;
}

/* A ',' keeps the answer to "which list do you separate?" once asked,
 * so the walks below stop at the previous comma of a long list instead of
 * going back to its clause word (linear, not quadratic).  known is a
 * LIST_*_KNOWN bit.  list_memo_get: -1 when token k holds no answer, else
 * the answer; list_memo_set records found at token k when it is a ','
 * (k may be (size_t)-1: nothing). */
static int list_memo_get(bridge *b, size_t k, uint8_t known)
{
    uint8_t m = P(b, k)->list_memo;
    return (m & known) ? (m & (uint8_t)(known << 1)) != 0 : -1;
}

static void list_memo_set(bridge *b, size_t k, uint8_t known, int found)
{
    if (k != (size_t)-1 && is_op(b, k, ","))
        P(b, k)->list_memo |= (uint8_t)(known | (found ? known << 1 : 0));
}

/* Is the ',' at i a separator of a select list?  Walks back over its
 * bracket level to the clause word that governs it. */
static int in_select_list(bridge *b, size_t i)
{
    static const char *const other_clauses[] = {
        "from", "where", "group", "having", "order", "limit", "qualify", "window", "by",
        "union", "intersect", "except", "minus", "values", NULL};
    int found = 0;
    size_t comma = (size_t)-1;     /* the first ',' of i's level on the way */
    for (size_t k = prev_sig(b, i); k != (size_t)-1; k = prev_sig(b, k)) {
        if (is_op(b, k, ")") || is_op(b, k, "]")) {
            k = (size_t)T(b, k)->match;
            continue;
        }
        if (is_op(b, k, ",")) {
            int memo = list_memo_get(b, k, LIST_SELECT_KNOWN);
            if (memo >= 0) {
                found = memo;
                break;
            }
            if (comma == (size_t)-1)
                comma = k;
        }
        if (is_word(b, k, "except") && is_op(b, prev_sig(b, k), "*"))
            continue;       /* an earlier item's * EXCEPT (...) */
        if (is_op(b, k, "(") || is_op(b, k, "[") || word_in(b, k, other_clauses))
            break;
        if (is_word(b, k, "select")) {
            found = 1;
            break;
        }
    }
    list_memo_set(b, i, LIST_SELECT_KNOWN, found);
    list_memo_set(b, comma, LIST_SELECT_KNOWN, found);
    return found;
}

/* * EXCEPT (a, b.c) / t.* EXCEPT (...) in a select list  ->
 * *, "sluice:except"(a, b.c): the list becomes a select item of its
 * own, which parse.c folds into the star's ResTarget ("sl_except"). */
static int bridge_star_except(bridge *b, size_t i)
{
    static const char *const item_start[] = {"select", "distinct", "all", NULL};
    /* The star must start a select-list item: after SELECT (DISTINCT,
     * ALL, a hint) or a comma of the select list, or as t.* there. */
    size_t star = prev_sig(b, i), before = prev_sig(b, star);
    if (before != (size_t)-1 && is_op(b, before, ".")) {
        size_t q = prev_sig(b, before);
        while (q != (size_t)-1 && (T(b, q)->kind == TK_WORD || T(b, q)->kind == TK_QIDENT) &&
               is_op(b, prev_sig(b, q), "."))
            q = prev_sig(b, prev_sig(b, q));
        before = q == (size_t)-1 ? q : prev_sig(b, q);
    }
    if (before == (size_t)-1 ||
        !(word_in(b, before, item_start) || (is_op(b, before, ",") && in_select_list(b, before))))
        return refuse(b, i, "EXCEPT after a '*' that does not start a select-list item");
    size_t open = next_sig(b, i);
    if (!is_op(b, open, "("))
        return set_error(b->err, T(b, i)->end, "expected (columns) after * EXCEPT");
    size_t close = (size_t)T(b, open)->match;
    if (next_sig(b, open) == close)
        return set_error(b->err, T(b, close)->start, "* EXCEPT needs at least one column");
    for (size_t k = next_sig(b, open); k < close;) {
        size_t stop = level_end(b, k, 1, NULL);
        if (names_or_bracketed_names(b, k, stop, 1) != (size_t)-1 || is_op(b, k, "("))
            return set_error(b->err, T(b, k)->start, "* EXCEPT lists column names");
        if (!is_op(b, stop, ","))
            break;
        k = next_sig(b, stop);
    }
    static const char *const follows[] = {
        "from", "where", "group", "having", "order", "limit", "window", "qualify", "union",
        "intersect", "except", "minus", "sort", "cluster", "distribute", "lateral", NULL};
    size_t after = next_sig(b, close);
    if (in_stmt(b, after) && !is_op(b, after, ",") && !is_op(b, after, ")") &&
        !word_in(b, after, follows))
        return set_error(b->err, T(b, after)->start,
                         "unexpected '%.*s' after * EXCEPT (...)",
                         (int)(TLEN(b, after) > 20 ? 20 : TLEN(b, after)), TXT(b, after));
    set_repl_s(b, i, ", \"" DIALECT_RESERVED_PREFIX "except\"");
    return 0;
}

/* UNION / INTERSECT / EXCEPT / MINUS after an operand start a set
 * operation; MINUS is Spark's EXCEPT; "* EXCEPT (cols)" is refused. */
static int w_setop(bridge *b, const word_at *w)
{
    if (ends_operand(b, w->prev))
        w->f->setop_seen = 1;
    if (is_word(b, w->i, "minus") && ends_operand(b, w->prev) &&
        (is_word(b, w->next, "select") || is_op(b, w->next, "(") ||
         is_word(b, w->next, "all") || is_word(b, w->next, "distinct"))) {
        set_repl_s(b, w->i, "EXCEPT");
        return 0;
    }
    if (is_word(b, w->i, "except") && is_op(b, w->prev, "*"))
        return bridge_star_except(b, w->i);
    return WORD_NOT_MINE;
}

static int w_qualify(bridge *b, const word_at *w)
{
    return ends_operand(b, w->prev) ? bridge_qualify(b, w->i) : WORD_NOT_MINE;
}

static int w_window(bridge *b, const word_at *w)
{
    if (in_stmt(b, w->next) &&
        (T(b, w->next)->kind == TK_WORD || T(b, w->next)->kind == TK_QIDENT) &&
        is_word(b, next_sig(b, w->next), "as")) {
        w->f->window_seen = 1;
        return 0;
    }
    return WORD_NOT_MINE;
}

static int w_lateral(bridge *b, const word_at *w)
{
    return is_word(b, w->next, "view") ? bridge_lateral_view(b, w->i) : WORD_NOT_MINE;
}

static int w_values(bridge *b, const word_at *w)
{
    if (is_word(b, w->prev, "from") || is_word(b, w->prev, "join") ||
        (is_op(b, w->prev, ",") && in_from_list(b, w->prev)))
        return bridge_from_values(b, w->i, 1);
    if (w->prev == (size_t)-1 || is_op(b, w->prev, "("))
        return bridge_from_values(b, w->i, 0);
    return WORD_NOT_MINE;
}

/* Typed literals whose type word PostgreSQL does not know as a keyword:
 * DATE '...', TIMESTAMP_NTZ '...'. */
static int w_typed_literal(bridge *b, const word_at *w)
{
    if (in_stmt(b, w->next) && T(b, w->next)->kind == TK_STRING && TXT(b, w->next)[0] == '\'')
        return bridge_type(b, w->i);
    return WORD_NOT_MINE;
}

/* A Spark function whose name is a reserved word in PostgreSQL. */
static int quote_function_name(bridge *b, size_t i)
{
    sbuf_truncate(&b->scratch, 0);
    put_ident(b, &b->scratch, TXT(b, i), TLEN(b, i));
    set_repl(b, i, b->scratch.data, b->scratch.len);
    return 0;
}

/* exists(array, x -> ...) is a function; EXISTS (SELECT ...) is not. */
static int w_exists(bridge *b, const word_at *w)
{
    if (!is_op(b, w->next, "("))
        return WORD_NOT_MINE;
    /* EXISTS (SELECT ...), also with the query in more brackets. */
    size_t after = next_sig(b, w->next);
    while (is_op(b, after, "("))
        after = next_sig(b, after);
    if (is_word(b, after, "select") || is_word(b, after, "with") || is_word(b, after, "values"))
        return WORD_NOT_MINE;
    return quote_function_name(b, w->i);
}

/* any(x) / some(x) as functions.  [NOT] LIKE|ILIKE ANY|SOME|ALL (p, ...)
 * becomes PostgreSQL's  LIKE ANY|ALL (ARRAY[p, ...]): the same
 * operator applied to each pattern, combined with OR (ANY, SOME) or AND
 * (ALL).  RLIKE ANY has no PostgreSQL form and is refused. */
static int w_any_some_all(bridge *b, const word_at *w)
{
    if (is_word(b, w->i, "all")) {
        int rc = w_all_group(b, w);
        if (rc != WORD_NOT_MINE)
            return rc;
    }
    if (!is_word(b, w->i, "all") && is_op(b, w->next, "(") && function_position(b, w->prev))
        return quote_function_name(b, w->i);
    if (is_word(b, w->prev, "rlike") || is_word(b, w->prev, "regexp"))
        return refuse(b, w->i, "RLIKE ANY / SOME / ALL");
    if (!is_word(b, w->prev, "like") && !is_word(b, w->prev, "ilike"))
        return WORD_NOT_MINE;
    if (!is_op(b, w->next, "("))
        return set_error(b->err, T(b, w->i)->end,
                         "expected a bracketed list of patterns after LIKE %.*s",
                         (int)TLEN(b, w->i), TXT(b, w->i));
    size_t close = (size_t)T(b, w->next)->match, first = next_sig(b, w->next);
    if (first == close)
        return set_error(b->err, T(b, close)->start, "LIKE %.*s needs at least one pattern",
                         (int)TLEN(b, w->i), TXT(b, w->i));
    if (is_word(b, first, "select") || is_word(b, first, "with"))
        return refuse(b, w->i, "LIKE ANY / SOME / ALL over a subquery");
    set_repl_s(b, w->i, is_word(b, w->i, "all") ? "ALL" : "ANY");
    set_repl_s(b, w->next, "(ARRAY[");
    insert_before(b, close, "]");
    return 0;
}

/* The first token of the name a.b.c whose last part is token last. */
static size_t qualified_name_start(bridge *b, size_t last)
{
    for (;;) {
        size_t dot = prev_sig(b, last);
        if (dot == (size_t)-1 || !is_op(b, dot, "."))
            return last;
        size_t q = prev_sig(b, dot);
        if (q == (size_t)-1 || !(T(b, q)->kind == TK_WORD || T(b, q)->kind == TK_QIDENT))
            return last;
        last = q;
    }
}

/* The first token of the (possibly qualified) function name whose
 * argument list opens at open, or open itself when none precedes it. */
static size_t call_name_start(bridge *b, size_t open)
{
    size_t name = prev_sig(b, open);
    if (name == (size_t)-1 ||
        !(T(b, name)->kind == TK_QIDENT ||
          (T(b, name)->kind == TK_WORD && kw_category(b, name) != PG_KW_RESERVED) ||
          repl_first(b, name) == '"'))
        return open;
    return qualified_name_start(b, name);
}

/* f(x) IGNORE NULLS [OVER ...] and f(x IGNORE NULLS) (also RESPECT
 * NULLS): the two words go and the call's name carries a mark, which
 * parse.c turns into the FuncCall's "sl_nulls".  A mark no FuncCall
 * takes (coalesce(x IGNORE NULLS) parses as something else) is an
 * error there, never a silent drop. */
static int w_nulls_treatment(bridge *b, const word_at *w)
{
    if (!is_word(b, w->next, "nulls"))
        return WORD_NOT_MINE;
    int ignore = is_word(b, w->i, "ignore");
    size_t after = next_sig(b, w->next), name = (size_t)-1;
    int mark;
    if (w->prev != (size_t)-1 && is_op(b, w->prev, ")") && T(b, w->prev)->match >= 0) {
        size_t open = (size_t)T(b, w->prev)->match;
        name = call_name_start(b, open);
        if (name == open)
            name = (size_t)-1;
        mark = ignore ? DM_IGNORE_NULLS : DM_RESPECT_NULLS;
    } else if (is_op(b, after, ")") && w->f->kind == FR_FUNC && w->prev != w->f->open) {
        /* Spark's grammar has this form for first, last and any_value,
         * with IGNORE NULLS and one argument only. */
        static const char *const inside[] = {"first", "last", "any_value", NULL};
        if (!ignore || !word_in(b, w->f->name, inside) ||
            next_sig(b, w->f->name) != w->f->open ||
            level_end(b, next_sig(b, w->f->open), 1, NULL) != after)
            return refuse(b, w->i, "IGNORE / RESPECT NULLS inside the brackets other than "
                                   "first(x IGNORE NULLS), last(...) or any_value(...)");
        name = w->f->name;
        mark = DM_IGNORE_NULLS_IN;
    }
    if (name == (size_t)-1 || P(b, name)->mark)
        return refuse(b, w->i, "IGNORE / RESPECT NULLS other than after a function call "
                               "or its last argument");
    P(b, name)->mark = (uint8_t)mark;
    skip_range(b, w->i, w->next + 1);
    return 0;
}

static int w_array(bridge *b, const word_at *w)
{
    return is_op(b, w->next, "(") ? quote_function_name(b, w->i) : WORD_NOT_MINE;
}

static int w_try_cast(bridge *b, const word_at *w)
{
    if (!is_op(b, w->next, "("))
        return WORD_NOT_MINE;
    set_repl_s(b, w->i, "CAST");
    P(b, w->i)->mark = DM_TRY_CAST;
    return 0;
}

/* current_date() and friends: PostgreSQL knows them without brackets. */
static int w_current_value(bridge *b, const word_at *w)
{
    if (is_op(b, w->next, "(") && (size_t)T(b, w->next)->match == next_sig(b, w->next)) {
        skip_range(b, w->next, (size_t)T(b, w->next)->match + 1);
        return 0;
    }
    return WORD_NOT_MINE;
}

/* The last significant token of a join condition that starts after on:
 * up to a clause or join word, a ',' or a closing bracket at its level. */
static size_t join_condition_end(bridge *b, size_t on)
{
    static const char *const stop[] = {
        "join", "inner", "left", "right", "full", "cross", "natural", "semi", "anti", "where",
        "group", "having", "order", "limit", "qualify", "window", "union", "intersect",
        "except", "minus", "sort", "cluster", "distribute", "lateral", "pivot", "unpivot", NULL};
    /* Of those, the names of functions: left(s, n) and right(s, n) in the
     * condition are calls; WHERE (x) = 1 or UNION (SELECT ...) end it. */
    static const char *const callable[] = {"left", "right", NULL};
    size_t last = on;
    for (size_t k = next_sig(b, on); in_stmt(b, k); k = next_sig(b, k)) {
        if (is_op(b, k, ")") || is_op(b, k, "]") || is_op(b, k, ",") || is_op(b, k, ";"))
            break;
        if (word_in(b, k, stop) && !(word_in(b, k, callable) && is_op(b, next_sig(b, k), "(")))
            break;
        if (is_op(b, k, "(") || is_op(b, k, "["))
            k = (size_t)T(b, k)->match;
        last = k;
    }
    return last;
}

/* [LEFT] SEMI JOIN r ON c, [LEFT] ANTI JOIN r ON c  ->
 * LEFT JOIN r ON "sluice:semi"(c) / "sluice:anti"(c).  The parser's
 * fix-up (parse.c) takes the marker off and records the join kind; the
 * rules see a left join, whose right side supplies no rows to the
 * output, which is what a semi or anti join's right side is for them. */
static int w_semi_anti(bridge *b, const word_at *w)
{
    if (!is_word(b, w->next, "join"))
        return WORD_NOT_MINE;
    int anti = is_word(b, w->i, "anti");
    size_t before = is_word(b, w->prev, "left") ? prev_sig(b, w->prev) : w->prev;
    if (is_word(b, before, "natural")) {
        /* NATURAL [LEFT] SEMI JOIN name: NATURAL LEFT JOIN name, the
         * name marked (parse.c records the kind on the join). */
        size_t r = next_sig(b, w->next);
        if (!in_stmt(b, r) || (T(b, r)->kind != TK_WORD && T(b, r)->kind != TK_QIDENT))
            return refuse(b, w->i, anti ? "NATURAL ANTI JOIN other than of a table name"
                                        : "NATURAL SEMI JOIN other than of a table name");
        if (is_word(b, w->prev, "left"))
            skip_range(b, w->i, w->i + 1);
        else
            set_repl_s(b, w->i, "LEFT");
        P(b, r)->mark = anti ? DM_NATURAL_ANTI : DM_NATURAL_SEMI;
        return 0;
    }
    /* The right side: a name or a bracketed item, then its alias. */
    size_t on = next_sig(b, w->next);
    while (in_stmt(b, on) && !is_word(b, on, "on")) {
        if (is_word(b, on, "using") || is_op(b, on, ",") || is_op(b, on, ")") ||
            is_word(b, on, "join") || is_word(b, on, "where"))
            return refuse(b, w->i, anti ? "ANTI JOIN without ON" : "SEMI JOIN without ON");
        if (is_op(b, on, "(") || is_op(b, on, "["))
            on = (size_t)T(b, on)->match;
        on = next_sig(b, on);
    }
    if (!in_stmt(b, on))
        return refuse(b, w->i, anti ? "ANTI JOIN without ON" : "SEMI JOIN without ON");
    size_t last = join_condition_end(b, on);
    if (last == on)
        return set_error(b->err, T(b, on)->start, "ON must be followed by a join condition");
    if (is_word(b, w->prev, "left"))
        skip_range(b, w->i, w->i + 1);
    else
        set_repl_s(b, w->i, "LEFT");
    set_repl_s(b, on, anti ? "ON \"" DIALECT_RESERVED_PREFIX "anti\"("
                           : "ON \"" DIALECT_RESERVED_PREFIX "semi\"(");
    insert_before(b, last + 1, ")");
    return 0;
}

/* The items of a PIVOT aggregate list or IN list, from token first up
 * to token end (FOR, or the closing bracket): each "expr [AS] name"
 * becomes the named argument "name" => expr. */
static int pivot_named_items(bridge *b, size_t first, size_t end, int unpivot)
{
    static const char *const for_word[] = {"for", NULL};
    size_t start = first;
    while (start < end) {
        size_t stop = level_end(b, start, 1, for_word);
        if (stop > end)
            stop = end;
        size_t last = prev_sig(b, stop), before = prev_sig(b, last), as = (size_t)-1;
        if (last != start && (T(b, last)->kind == TK_WORD || T(b, last)->kind == TK_QIDENT)) {
            if (is_word(b, before, "as") && before != start)
                as = before;
            else if ((T(b, last)->kind == TK_QIDENT || kw_category(b, last) <= PG_KW_UNRESERVED) &&
                     ends_operand(b, before) &&
                     (unpivot ? (T(b, before)->kind == TK_WORD || T(b, before)->kind == TK_QIDENT ||
                                 is_op(b, before, ")"))
                              : (!is_op(b, prev_sig(b, before), ".") &&
                                 T(b, before)->kind != TK_WORD && T(b, before)->kind != TK_QIDENT)))
                as = last;      /* bare alias: sum(x) total, 'Q1' q1, UNPIVOT's c cc */
        }
        if (as != (size_t)-1) {
            if (named_argument(b, last, start, as) < 0)
                return -1;
        }
        if (!is_op(b, stop, ","))
            break;
        start = next_sig(b, stop);
    }
    return 0;
}

/* Tokens from..end are one name or (name, ...); qualified names
 * (a.b) only when dotted.  Returns the first offending token, or
 * (size_t)-1 when they are. */
static size_t names_or_bracketed_names(bridge *b, size_t from, size_t end, int dotted)
{
    size_t k = from, stop = end;
    if (k >= end)
        return k < b->st->tok_end ? k : end;
    if (is_op(b, k, "(")) {
        stop = (size_t)T(b, k)->match;
        if (next_sig(b, stop) != end && !(end == b->st->tok_end && next_sig(b, stop) >= end))
            return next_sig(b, stop);
        k = next_sig(b, k);
    }
    int want_name = 1;
    for (; k < stop; k = next_sig(b, k)) {
        int name = T(b, k)->kind == TK_WORD || T(b, k)->kind == TK_QIDENT;
        if (want_name ? !name
                      : !(is_op(b, k, ",") && stop != end) && !(dotted && is_op(b, k, ".")))
            return k;
        if (!want_name && is_op(b, k, ",") && stop == end)
            return k;
        want_name = !want_name;
    }
    return want_name ? (stop < b->st->tok_end ? stop : end) : (size_t)-1;
}

/*
 * PIVOT / UNPIVOT after a FROM item:
 *   src PIVOT (agg [AS] a, ... FOR col | (c1, c2) IN (v [AS] x, ...)) [AS] p
 *   src UNPIVOT [INCLUDE | EXCLUDE NULLS] (val | (v1, v2) FOR name IN (c [AS] x, ...))
 * become
 *   src CROSS JOIN LATERAL "sluice:pivot"("a" => agg, ..., "sluice:for"(col),
 *                                         "sluice:in"("x" => v, ...)) [AS] p
 * ("sluice:unpivot", "sluice:unpivot_include", "sluice:unpivot_exclude"
 * likewise), which PostgreSQL parses with src as the join's left side,
 * exactly what the clause applies to in Spark.  parse.c turns the join
 * into a derived table over src that carries the clause (sl_pivot).
 */
static int w_pivot(bridge *b, const word_at *w)
{
    static const char *const for_word[] = {"for", NULL};
    static const char *const in_word[] = {"in", NULL};
    int unpivot = is_word(b, w->i, "unpivot");
    size_t open = w->next, nulls_kw = (size_t)-1;
    if (unpivot && (is_word(b, open, "include") || is_word(b, open, "exclude")) &&
        is_word(b, next_sig(b, open), "nulls")) {
        nulls_kw = open;
        open = next_sig(b, next_sig(b, open));
    }
    if (!is_op(b, open, "("))
        return WORD_NOT_MINE;
    const char *what = unpivot ? "UNPIVOT" : "PIVOT";
    if (w->prev == (size_t)-1 ||
        !(is_op(b, w->prev, ")") || T(b, w->prev)->kind == TK_WORD ||
          T(b, w->prev)->kind == TK_QIDENT) ||
        !in_from_list(b, w->i))
        return refuse(b, w->i, "PIVOT / UNPIVOT other than after a FROM item");
    size_t close = (size_t)T(b, open)->match, first = next_sig(b, open);
    size_t for_kw = level_end(b, first, 0, for_word);
    if (!is_word(b, for_kw, "for"))
        return set_error(b->err, T(b, for_kw)->start, "expected FOR in %s (...)", what);
    if (for_kw == first)
        return set_error(b->err, T(b, for_kw)->start, "%s needs %s before FOR", what,
                         unpivot ? "a value column" : "an aggregate");
    size_t in_kw = level_end(b, next_sig(b, for_kw), 0, in_word);
    if (!is_word(b, in_kw, "in") || !is_op(b, next_sig(b, in_kw), "("))
        return set_error(b->err, T(b, in_kw)->start, "expected IN (...) in %s (...)", what);
    if (in_kw == next_sig(b, for_kw))
        return set_error(b->err, T(b, in_kw)->start, "%s needs a column after FOR", what);
    size_t in_open = next_sig(b, in_kw), in_close = (size_t)T(b, in_open)->match;
    if (next_sig(b, in_open) == in_close)
        return set_error(b->err, T(b, in_close)->start, "%s needs at least one IN value", what);
    if (next_sig(b, in_close) != close)
        return set_error(b->err, T(b, next_sig(b, in_close))->start,
                         "expected ')' after the IN list of %s", what);
    /* Spark's grammar: PIVOT's FOR names a column or (columns); UNPIVOT
     * names its value column(s) before FOR and one name column after it,
     * and lists (possibly qualified) columns or (columns) in IN; PIVOT
     * takes no alias after the clause. */
    size_t bad = (size_t)-1;
    if (!unpivot) {
        bad = names_or_bracketed_names(b, next_sig(b, for_kw), in_kw, 0);
        static const char *const join_words[] = {"join", "outer", "semi", "anti", NULL};
        static const char *const follows[] = {
            "where", "group", "having", "order", "limit", "offset", "window", "qualify",
            "union", "intersect", "except", "minus", "join", "inner", "full", "cross",
            "natural", "lateral", "on", "using", "sort", "cluster", "distribute", "semi",
            "anti", NULL};
        size_t after = next_sig(b, close);
        int clause = word_in(b, after, follows) ||
                     ((is_word(b, after, "left") || is_word(b, after, "right")) &&
                      word_in(b, next_sig(b, after), join_words)) ||
                     ((is_word(b, after, "pivot") || is_word(b, after, "unpivot")) &&
                      (is_op(b, next_sig(b, after), "(") ||
                       is_word(b, next_sig(b, after), "include") ||
                       is_word(b, next_sig(b, after), "exclude")));
        if (bad == (size_t)-1 && in_stmt(b, after) &&
            (T(b, after)->kind == TK_WORD || T(b, after)->kind == TK_QIDENT) && !clause)
            return refuse(b, after, "an alias after PIVOT (...) (Spark has none; alias a "
                                    "subquery around it)");
    } else {
        bad = names_or_bracketed_names(b, first, for_kw, 0);
        if (bad == (size_t)-1)
            bad = names_or_bracketed_names(b, next_sig(b, for_kw), in_kw, 0);
        if (bad == (size_t)-1 && (next_sig(b, next_sig(b, for_kw)) != in_kw ||
                                  is_op(b, next_sig(b, for_kw), "(")))
            bad = next_sig(b, for_kw);
        for (size_t k = next_sig(b, in_open); bad == (size_t)-1 && k < in_close;) {
            size_t stop = level_end(b, k, 1, NULL), end = stop, as = prev_sig(b, stop);
            if (as != k && (T(b, as)->kind == TK_WORD || T(b, as)->kind == TK_QIDENT) &&
                !is_op(b, prev_sig(b, as), ".")) {
                end = as;
                if (is_word(b, prev_sig(b, as), "as"))
                    end = prev_sig(b, as);
            }
            bad = names_or_bracketed_names(b, k, end, 1);
            if (!is_op(b, stop, ","))
                break;
            k = next_sig(b, stop);
        }
    }
    if (bad != (size_t)-1)
        return set_error(b->err, T(b, bad)->start, "expected a column name or (column, ...) "
                         "here in %s (...)", what);
    const char *fn = !unpivot ? "CROSS JOIN LATERAL \"" DIALECT_RESERVED_PREFIX "pivot\"" :
                     nulls_kw == (size_t)-1 ?
                         "CROSS JOIN LATERAL \"" DIALECT_RESERVED_PREFIX "unpivot\"" :
                     is_word(b, nulls_kw, "include") ?
                         "CROSS JOIN LATERAL \"" DIALECT_RESERVED_PREFIX "unpivot_include\"" :
                         "CROSS JOIN LATERAL \"" DIALECT_RESERVED_PREFIX "unpivot_exclude\"";
    set_repl_s(b, w->i, fn);
    b->out->has_pivot = 1;
    if (nulls_kw != (size_t)-1)
        skip_range(b, nulls_kw, open);
    if (!unpivot && pivot_named_items(b, first, for_kw, 0) < 0)
        return -1;
    set_repl_s(b, for_kw, ", \"" DIALECT_RESERVED_PREFIX "for\"(");
    insert_before(b, in_kw, ") ");
    set_repl_s(b, in_kw, ", \"" DIALECT_RESERVED_PREFIX "in\"");
    return pivot_named_items(b, next_sig(b, in_open), in_close, unpivot);
}

static int w_organization(bridge *b, const word_at *w)
{
    if (is_word(b, w->next, "by") && ends_operand(b, w->prev))
        return bridge_organization(b, w->i);
    return WORD_NOT_MINE;
}

/* Is the ',' at i a separator of a FROM list?  Walks back over its
 * bracket level to the clause word that governs it. */
static int in_from_list(bridge *b, size_t i)
{
    static const char *const other_clauses[] = {
        "select", "where", "group", "having", "order", "limit", "qualify", "window",
        "union", "intersect", "except", "minus", "sort", "cluster", "distribute", "by", NULL};
    int found = 0;
    size_t comma = (size_t)-1;     /* the first ',' of i's level on the way */
    for (size_t k = prev_sig(b, i); k != (size_t)-1; k = prev_sig(b, k)) {
        if (is_op(b, k, ")") || is_op(b, k, "]")) {
            k = (size_t)T(b, k)->match;
            continue;
        }
        if (is_op(b, k, ",")) {
            int memo = list_memo_get(b, k, LIST_FROM_KNOWN);
            if (memo >= 0) {
                found = memo;
                break;
            }
            if (comma == (size_t)-1)
                comma = k;
        }
        if (is_op(b, k, "(") || is_op(b, k, "[") || word_in(b, k, other_clauses))
            break;
        if (is_word(b, k, "from")) {
            found = !is_word(b, prev_sig(b, k), "distinct");    /* IS DISTINCT FROM */
            break;
        }
    }
    list_memo_set(b, i, LIST_FROM_KNOWN, found);
    list_memo_set(b, comma, LIST_FROM_KNOWN, found);
    return found;
}

/* Is the ',' at i one between the rows of a VALUES list (FROM VALUES
 * (1), (2)), rather than between FROM items?  Walks back over rows. */
static int values_row_comma(bridge *b, size_t i)
{
    int found = 0;
    for (size_t k = prev_sig(b, i); k != (size_t)-1; k = prev_sig(b, k)) {
        if (is_op(b, k, ")") && T(b, k)->match >= 0) {
            k = (size_t)T(b, k)->match;
            continue;
        }
        if (is_word(b, k, "values")) {
            found = 1;
            break;
        }
        if (!is_op(b, k, ","))
            break;
        int memo = list_memo_get(b, k, LIST_VALUES_KNOWN);
        if (memo >= 0) {
            found = memo;
            break;
        }
    }
    list_memo_set(b, i, LIST_VALUES_KNOWN, found);
    return found;
}

/* STREAM t and STREAM(t) read t as a stream (Delta Live Tables).
 * PostgreSQL would take `stream t` for a table named stream with the
 * alias t and STREAM(t) for a function, and the rules would never see t:
 * refused where a table reference starts. */
static int w_stream(bridge *b, const word_at *w)
{
    if (w->prev == (size_t)-1 ||
        !(is_word(b, w->prev, "from") || is_word(b, w->prev, "join") ||
          (is_op(b, w->prev, ",") && in_from_list(b, w->prev))))
        return WORD_NOT_MINE;
    if (is_op(b, w->next, "(") || (starts_alias(b, w->next) && !is_word(b, w->next, "as")))
        return refuse(b, w->i, "STREAM (a streaming read)");
    return WORD_NOT_MINE;
}

/* The alias ([AS] name) that starts at token a, if any, moves to just
 * before token to, which is where PostgreSQL wants it; what names the
 * construct for a refusal. */
static int move_alias_before(bridge *b, size_t a, size_t to, const char *what)
{
    size_t name = a;
    if (is_word(b, a, "as"))
        name = next_sig(b, a);
    else if (!starts_alias(b, a))
        return 0;
    char msg[96];
    if (!in_stmt(b, name) || (T(b, name)->kind != TK_WORD && T(b, name)->kind != TK_QIDENT) ||
        is_op(b, next_sig(b, name), "(")) {
        snprintf(msg, sizeof msg, "%s followed by an alias with column names", what);
        return refuse(b, in_stmt(b, name) ? name : a, msg);
    }
    sbuf alias = SBUF_INIT, id = SBUF_INIT;
    if (T(b, name)->kind == TK_QIDENT)
        decode_qident(b, name, &id);
    else
        sbuf_putn(&id, TXT(b, name), TLEN(b, name));
    if (strncmp(sbuf_cstr(&id), DIALECT_RESERVED_PREFIX, strlen(DIALECT_RESERVED_PREFIX)) == 0 ||
        id.len == 0 || id.len > DIALECT_MAX_PG_IDENT) {
        sbuf_free(&alias);
        sbuf_free(&id);
        snprintf(msg, sizeof msg, "this %s alias", what);
        return refuse(b, name, msg);
    }
    sbuf_puts(&alias, " AS ");
    put_pg_ident(&alias, id.data, id.len);
    sbuf_putc(&alias, ' ');
    insert_before(b, to, sbuf_cstr(&alias));
    skip_range(b, a, name + 1);
    sbuf_free(&alias);
    sbuf_free(&id);
    return 0;
}

/* t TABLESAMPLE (n PERCENT | n ROWS | BUCKET x OUT OF y) [AS] alias  ->
 * t AS alias TABLESAMPLE sluice_percent (n) | sluice_rows (n) | sluice_bucket (x, y).
 * PostgreSQL's grammar takes any sampling method name and wants the
 * alias before TABLESAMPLE; the emitter prints the Spark form back. */
static int w_tablesample(bridge *b, const word_at *w)
{
    size_t open = w->next;
    if (w->prev == (size_t)-1 ||
        (T(b, w->prev)->kind != TK_WORD && T(b, w->prev)->kind != TK_QIDENT))
        return refuse(b, w->i, "TABLESAMPLE other than right after a table name");
    if (!is_op(b, open, "("))
        return refuse(b, w->i, "TABLESAMPLE without (n PERCENT), (n ROWS) or (BUCKET x OUT OF y)");
    size_t close = (size_t)T(b, open)->match;
    size_t first = next_sig(b, open);
    const char *method;
    if (is_word(b, first, "bucket")) {
        size_t x = next_sig(b, first), out = next_sig(b, x), of = next_sig(b, out);
        size_t y = next_sig(b, of);
        if (!in_stmt(b, y) || T(b, x)->kind != TK_NUMBER || !is_word(b, out, "out") ||
            !is_word(b, of, "of") || T(b, y)->kind != TK_NUMBER || next_sig(b, y) != close)
            return refuse(b, w->i, "TABLESAMPLE (BUCKET ...) other than BUCKET x OUT OF y");
        skip_range(b, first, first + 1);
        set_repl_s(b, out, ",");
        skip_range(b, of, of + 1);
        method = " sluice_bucket ";
    } else {
        size_t unit = prev_sig(b, close);
        if (unit == first || !(is_word(b, unit, "percent") || is_word(b, unit, "rows")))
            return refuse(b, w->i, "TABLESAMPLE other than (n PERCENT), (n ROWS) or "
                                   "(BUCKET x OUT OF y)");
        method = is_word(b, unit, "percent") ? " sluice_percent " : " sluice_rows ";
        skip_range(b, unit, unit + 1);
    }
    insert_before(b, open, method);
    return move_alias_before(b, next_sig(b, close), w->i, "TABLESAMPLE");
}

/* Does the table name ending at token last start right after FROM, JOIN
 * or a FROM list's ','?  (Time travel and sampling follow a table name.) */
static int ends_table_name(bridge *b, size_t last)
{
    if (last == (size_t)-1 || (T(b, last)->kind != TK_WORD && T(b, last)->kind != TK_QIDENT))
        return 0;
    size_t before = prev_sig(b, qualified_name_start(b, last));
    return before != (size_t)-1 &&
           (is_word(b, before, "from") || is_word(b, before, "join") ||
            (is_op(b, before, ",") && in_from_list(b, before)) ||
            (is_op(b, before, "(") && b->stack[b->depth].from_join &&
             b->stack[b->depth].open == before));
}

/*
 * Time travel:  t VERSION AS OF 12 [AS] a,  t TIMESTAMP AS OF expr [AS] a
 * (each also with FOR and as SYSTEM_VERSION / SYSTEM_TIME), t@v12 and
 * t@20190101000000000  ->  t AS a TABLESAMPLE sluice_version (12) |
 * sluice_timestamp (expr) | sluice_at ('v12').  Like sampling, the
 * table stays a RangeVar the rules see; the emitter prints it back.
 */
static int w_temporal(bridge *b, const word_at *w)
{
    static const char *const stops[] = {
        "as", "where", "group", "having", "order", "limit", "join", "inner", "left", "right",
        "full", "cross", "natural", "on", "using", "tablesample", "window", "qualify",
        "union", "intersect", "except", "minus", "sort", "cluster", "distribute", "lateral",
        "pivot", "unpivot", "semi", "anti", NULL};
    size_t of = next_sig(b, w->next);
    if (!is_word(b, w->next, "as") || !is_word(b, of, "of"))
        return WORD_NOT_MINE;
    size_t start = w->i, before = w->prev;
    if (is_word(b, before, "for")) {
        start = before;
        before = prev_sig(b, before);
    }
    if (!ends_table_name(b, before))
        return WORD_NOT_MINE;
    int version = is_word(b, w->i, "version") || is_word(b, w->i, "system_version");
    size_t v = next_sig(b, of), end;
    if (!in_stmt(b, v))
        return set_error(b->err, T(b, of)->end, "expected a %s after AS OF",
                         version ? "version" : "timestamp");
    if (version) {
        int digits = T(b, v)->kind == TK_NUMBER;
        for (size_t k = 0; digits && k < TLEN(b, v); k++)
            digits = isdigit((unsigned char)TXT(b, v)[k]) != 0;
        if (!digits && T(b, v)->kind != TK_STRING)
            return set_error(b->err, T(b, v)->start,
                             "VERSION AS OF takes a version number or string");
        end = next_sig(b, v);
    } else {
        end = level_end(b, v, 1, stops);
        size_t last = prev_sig(b, end);
        /* A bare alias after the timestamp: '2024-01-01' t. */
        size_t pl = prev_sig(b, last);
        if (last != v && T(b, last)->kind == TK_WORD && kw_category(b, last) <= PG_KW_UNRESERVED &&
            !is_interval_unit(b, last, NULL) &&
            (T(b, pl)->kind == TK_STRING || T(b, pl)->kind == TK_NUMBER || is_op(b, pl, ")")))
            end = last;
        if (end == v)
            return set_error(b->err, T(b, v)->start, "expected a timestamp after AS OF");
    }
    if (is_word(b, end, "tablesample") || is_word(b, next_sig(b, end), "tablesample"))
        return refuse(b, end, "TABLESAMPLE together with time travel");
    int rc = move_alias_before(b, end, start, "time travel");
    if (rc < 0)
        return rc;
    insert_before(b, start, version ? "TABLESAMPLE sluice_version (" :
                                      "TABLESAMPLE sluice_timestamp (");
    skip_range(b, start, v);
    insert_before(b, end, ") ");
    return 0;
}

/* t@v12 / t@20190101000000000 (bridge_op, at the '@'). */
static int bridge_at_version(bridge *b, size_t at)
{
    size_t prev = prev_sig(b, at), v = at + 1;
    if (prev != at - 1 || !ends_table_name(b, prev) || !in_stmt(b, v))
        return WORD_NOT_MINE;
    const char *s = TXT(b, v);
    size_t n = TLEN(b, v), k = 0;
    if (T(b, v)->kind == TK_WORD && n >= 2 && (s[0] == 'v' || s[0] == 'V'))
        k = 1;
    else if (T(b, v)->kind != TK_NUMBER || n != 17)
        return refuse(b, at, "'@' after a table name other than @v<version> or "
                             "@yyyyMMddHHmmssSSS");
    for (size_t c = k; c < n; c++)
        if (!isdigit((unsigned char)s[c]))
            return refuse(b, at, "'@' after a table name other than @v<version> or "
                                 "@yyyyMMddHHmmssSSS");
    int rc = move_alias_before(b, next_sig(b, v), at, "time travel");
    if (rc < 0)
        return rc;
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, " TABLESAMPLE sluice_at (");
    put_pg_string(&b->scratch, s, n);
    sbuf_puts(&b->scratch, ") ");
    insert_before(b, at, b->scratch.data);
    skip_range(b, at, v + 1);
    return 0;
}


static int w_transform(bridge *b, const word_at *w)
{
    if (is_op(b, w->next, "(") && is_word(b, next_sig(b, (size_t)T(b, w->next)->match), "using"))
        return refuse(b, w->i, "TRANSFORM ... USING");
    return WORD_NOT_MINE;
}

/* GROUP BY a, b WITH ROLLUP | WITH CUBE  ->  GROUP BY ROLLUP(a, b) |
 * CUBE(a, b), which Spark defines them to be. */
static int w_with(bridge *b, const word_at *w)
{
    static const char *const clause_words[] = {
        "select", "from", "where", "having", "on", "join", NULL};
    if (!is_word(b, w->next, "rollup") && !is_word(b, w->next, "cube"))
        return WORD_NOT_MINE;
    size_t k = w->prev;
    while (k != (size_t)-1 && !is_word(b, k, "by") && !word_in(b, k, clause_words) &&
           !is_op(b, k, "(") && !is_op(b, k, "[")) {
        if ((is_op(b, k, ")") || is_op(b, k, "]")) && T(b, k)->match >= 0)
            k = (size_t)T(b, k)->match;
        k = prev_sig(b, k);
    }
    if (k == (size_t)-1 || !is_word(b, k, "by") || !is_word(b, prev_sig(b, k), "group"))
        return refuse(b, w->i, "WITH ROLLUP / CUBE other than after GROUP BY columns");
    size_t first = next_sig(b, k);
    if (first == w->i)
        return set_error(b->err, T(b, w->i)->start, "GROUP BY needs columns before WITH %.*s",
                         (int)TLEN(b, w->next), TXT(b, w->next));
    insert_before(b, first, is_word(b, w->next, "rollup") ? "ROLLUP(" : "CUBE(");
    set_repl_s(b, w->i, ")");
    skip_range(b, w->next, w->next + 1);
    return 0;
}

/* Hive's FROM-first form (FROM t SELECT ..., FROM t INSERT ... INSERT
 * ...) has no PostgreSQL counterpart. */
static int w_from(bridge *b, const word_at *w)
{
    if (w->prev != (size_t)-1)
        return WORD_NOT_MINE;
    return refuse(b, w->i, "a statement that starts with FROM (FROM-first query or multi-insert)");
}

/* Words that are always names in Spark but change the structure of what
 * PostgreSQL reads:
 *   ONLY:    FROM ONLY t is the table "only" with the alias t, where
 *            PostgreSQL would read the table t;
 *   ISNULL, NOTNULL: SELECT a isnull aliases a as isnull (isnull(x) is a
 *            function), where PostgreSQL would read a IS NULL. */
static int w_always_name(bridge *b, const word_at *w)
{
    return quote_function_name(b, w->i);
}

/* GROUP BY ALL (group by every select item without an aggregate) ->
 * GROUP BY "sluice:all", ORDER BY ALL likewise; the rules see a key
 * they cannot match. */
static int w_all_group(bridge *b, const word_at *w)
{
    static const char *const ends[] = {
        "having", "order", "limit", "offset", "window", "qualify", "union", "intersect",
        "except", "minus", "sort", "cluster", "distribute", "asc", "desc", "nulls", NULL};
    if (!is_word(b, w->prev, "by") || !(is_word(b, prev_sig(b, w->prev), "group") ||
                                        is_word(b, prev_sig(b, w->prev), "order")))
        return WORD_NOT_MINE;
    if (in_stmt(b, w->next) && !word_in(b, w->next, ends) && !is_op(b, w->next, ")") &&
        !is_op(b, w->next, ";"))
        return refuse(b, w->i, "GROUP BY / ORDER BY ALL followed by more than a clause");
    set_repl_s(b, w->i, "\"" DIALECT_GROUP_BY_ALL "\"");
    return 0;
}

/* LEFT and RIGHT are names in Spark unless a join or a call follows;
 * PostgreSQL reserves them as type and function names. */
static int w_left_right(bridge *b, const word_at *w)
{
    static const char *const join_words[] = {"join", "outer", "semi", "anti", NULL};
    if (word_in(b, w->next, join_words) || is_op(b, w->next, "(") ||
        (w->prev != (size_t)-1 && (is_op(b, w->prev, ".") || is_op(b, w->prev, "::") ||
                                   (is_word(b, w->prev, "as") && w->f->kind == FR_CAST))))
        return WORD_NOT_MINE;
    return quote_function_name(b, w->i);
}

/* FROM item AS (a, b): Spark names the columns without naming the
 * item; PostgreSQL wants a name, so the anonymous one goes in. */
static int w_as(bridge *b, const word_at *w)
{
    if (!is_op(b, w->next, "(") || w->prev == (size_t)-1 || P(b, w->next)->before_len ||
        !(is_op(b, w->prev, ")") || T(b, w->prev)->kind == TK_WORD ||
          T(b, w->prev)->kind == TK_QIDENT) ||
        !in_from_list(b, w->i))
        return WORD_NOT_MINE;
    size_t first = next_sig(b, w->next);
    if (is_word(b, first, "select") || is_word(b, first, "with") || is_word(b, first, "values"))
        return WORD_NOT_MINE;
    insert_before(b, w->next, "\"" DIALECT_ANON_ALIAS "\"");
    return 0;
}

typedef struct word_handler {
    const char *word;
    word_fn fn;
} word_handler;

static const word_handler word_handlers[] = {
    {"all", w_any_some_all},
    {"anti", w_semi_anti},
    {"any", w_any_some_all},
    {"array", w_array},
    {"as", w_as},
    {"cluster", w_organization},
    {"current_catalog", w_current_value},
    {"current_date", w_current_value},
    {"current_schema", w_current_value},
    {"current_timestamp", w_current_value},
    {"current_user", w_current_value},
    {"date", w_typed_literal},
    {"distribute", w_organization},
    {"div", w_div},
    {"except", w_setop},
    {"exists", w_exists},
    {"from", w_from},
    {"ignore", w_nulls_treatment},
    {"intersect", w_setop},
    {"interval", w_interval},
    {"isnull", w_always_name},
    {"lateral", w_lateral},
    {"left", w_left_right},
    {"minus", w_setop},
    {"notnull", w_always_name},
    {"only", w_always_name},
    {"pivot", w_pivot},
    {"qualify", w_qualify},
    {"regexp", w_rlike},
    {"respect", w_nulls_treatment},
    {"right", w_left_right},
    {"rlike", w_rlike},
    {"select", w_select},
    {"semi", w_semi_anti},
    {"some", w_any_some_all},
    {"sort", w_organization},
    {"stream", w_stream},
    {"system_time", w_temporal},
    {"system_version", w_temporal},
    {"tablesample", w_tablesample},
    {"timestamp", w_temporal},
    {"timestamp_ltz", w_typed_literal},
    {"timestamp_ntz", w_typed_literal},
    {"transform", w_transform},
    {"try_cast", w_try_cast},
    {"union", w_setop},
    {"unpivot", w_pivot},
    {"values", w_values},
    {"version", w_temporal},
    {"window", w_window},
    {"with", w_with},
};

/* The handler table by a hash of the word's length and its first, second
 * and last letters (lower case), open-addressed: one probe and one
 * compare for most words.  Built once (pthread_once, asked only until it
 * is built), read-only after. */
#define HANDLER_SLOTS 512
static short handler_slot[HANDLER_SLOTS];   /* index + 1 into word_handlers; 0: empty */
static pthread_once_t handler_slot_once = PTHREAD_ONCE_INIT;

static unsigned handler_hash(const char *w, size_t n)
{
    unsigned c0 = (unsigned char)w[0] | 0x20, c1 = (unsigned char)w[n > 1] | 0x20,
             cl = (unsigned char)w[n - 1] | 0x20;
    return ((unsigned)n * 97u + c0 * 31u + c1 * 7u + cl) % HANDLER_SLOTS;
}

static int handler_slots_ready;      /* set (release) once built */

static void build_handler_slots(void)
{
    for (size_t k = 0; k < sizeof word_handlers / sizeof *word_handlers; k++) {
        const char *w = word_handlers[k].word;
        unsigned h = handler_hash(w, strlen(w));
        while (handler_slot[h])
            h = (h + 1) % HANDLER_SLOTS;
        handler_slot[h] = (short)(k + 1);
    }
    __atomic_store_n(&handler_slots_ready, 1, __ATOMIC_RELEASE);
}

static const word_handler *find_handler(const char *w, size_t n)
{
    if (!__atomic_load_n(&handler_slots_ready, __ATOMIC_ACQUIRE))
        pthread_once(&handler_slot_once, build_handler_slots);
    for (unsigned h = handler_hash(w, n); handler_slot[h]; h = (h + 1) % HANDLER_SLOTS) {
        const word_handler *c = &word_handlers[handler_slot[h] - 1];
        if (dialect_word_is(w, n, c->word))
            return c;
    }
    return NULL;
}

static int bridge_word(bridge *b, size_t i)
{
    word_at w = {i, prev_sig(b, i), next_sig(b, i), &b->stack[b->depth]};
    const word_handler *hit = find_handler(TXT(b, i), TLEN(b, i));
    if (hit) {
        int rc = hit->fn(b, &w);
        if (rc != WORD_NOT_MINE)
            return rc;
    }
    /* Type position: CAST(x AS type), directly inside the CAST brackets. */
    if (w.prev != (size_t)-1 && is_word(b, w.prev, "as") && w.f->kind == FR_CAST)
        return bridge_type(b, i);
    return bridge_identifier(b, i);
}

static int bridge_op(bridge *b, size_t i)
{
    const char *s = TXT(b, i);
    size_t n = TLEN(b, i);
    if (n == 1 && (s[0] == '(' || s[0] == '[')) {
        if (b->depth >= DIALECT_MAX_NESTING)
            return set_error(b->err, T(b, i)->start, "brackets nested too deeply");
        size_t prev = prev_sig(b, i);
        frame nf = {FR_PLAIN, 0, 0, 0, 0, i, i};
        if (s[0] == '(' && prev != (size_t)-1 &&
            (is_word(b, prev, "from") || is_word(b, prev, "join") ||
             (is_op(b, prev, ",") && in_from_list(b, prev) && !values_row_comma(b, prev)) ||
             (is_op(b, prev, "(") && b->stack[b->depth].from_join))) {
            /* A FROM item in brackets: a query (which needs an alias),
             * or a join, whose first item may be a query in turn. */
            static const char *const join_words[] = {
                "join", "natural", "inner", "left", "right", "full", "cross", "semi", "anti",
                "lateral", NULL};
            size_t nx = next_sig(b, i);
            if (is_word(b, nx, "select") || is_word(b, nx, "with") || is_word(b, nx, "values"))
                nf.from_subquery = 1;
            else if (is_op(b, nx, "(") && T(b, nx)->match >= 0 &&
                     (word_in(b, next_sig(b, (size_t)T(b, nx)->match), join_words) ||
                      starts_alias(b, next_sig(b, (size_t)T(b, nx)->match))))
                nf.from_join = 1;
            else if (is_op(b, nx, "("))
                nf.from_subquery = 1;
            else
                nf.from_join = 1;
            /* FROM (t): a table name in brackets is the table. */
            size_t close = (size_t)T(b, i)->match, k = nx;
            while (k < close && (T(b, k)->kind == TK_WORD || T(b, k)->kind == TK_QIDENT) &&
                   (next_sig(b, k) == close || (is_op(b, next_sig(b, k), ".") &&
                                                 next_sig(b, next_sig(b, k)) < close)))
                k = next_sig(b, k) == close ? close : next_sig(b, next_sig(b, k));
            if (nf.from_join && k == close && nx < close) {
                skip_range(b, i, i + 1);
                skip_range(b, close, close + 1);
            }
        }
        if (s[0] == '(' && prev != (size_t)-1) {
            if (is_word(b, prev, "cast") || is_word(b, prev, "try_cast"))
                nf.kind = FR_CAST;
            else if (call_name_start(b, i) != i) {
                nf.kind = FR_FUNC;
                nf.name = call_name_start(b, i);
                if (is_word(b, prev, "struct") && bridge_struct_args(b, i) < 0)
                    return -1;
            }
        }
        b->stack[++b->depth] = nf;
        return 0;
    }
    if (n == 1 && (s[0] == ')' || s[0] == ']')) {
        frame f = b->stack[b->depth];
        if (b->depth > 0)
            b->depth--;
        if (f.from_subquery && !starts_alias(b, next_sig(b, i)) &&
            !is_op(b, next_sig(b, i), "("))
            insert_before(b, i + 1, " AS \"" DIALECT_ANON_ALIAS "\"");
        /* f(x)[0] and f(x).field need (f(x)) in PostgreSQL. */
        size_t nx = i + 1;
        if (s[0] == ')' && f.kind == FR_FUNC && in_stmt(b, nx) &&
            (is_op(b, nx, "[") ||
             (is_op(b, nx, ".") && in_stmt(b, nx + 1) &&
              (T(b, nx + 1)->kind == TK_WORD || T(b, nx + 1)->kind == TK_QIDENT)))) {
            insert_before(b, f.name, "(");
            insert_before(b, nx, ")");
        }
        return 0;
    }
    /* Spark reads `*` `/` as two operators; PostgreSQL would read the
     * run as one (a user-defined `*` `/` operator): keep them apart. */
    static const char pg_op_chars[] = "+-*/<>=~!@#%^&|`?";
    if (in_stmt(b, i + 1) && T(b, i + 1)->kind == TK_OP && TLEN(b, i + 1) >= 1 &&
        strchr(pg_op_chars, s[n - 1]) && strchr(pg_op_chars, TXT(b, i + 1)[0]))
        insert_before(b, i + 1, " ");
    if (n == 1 && s[0] == ':' && i > b->st->tok_begin && T(b, i - 1)->end == T(b, i)->start &&
        ends_operand(b, i - 1))
        return bridge_json_path(b, i);
    if (n == 1 && s[0] == '@') {
        int rc = bridge_at_version(b, i);
        if (rc != WORD_NOT_MINE)
            return rc;
    }
    if (n == 2 && memcmp(s, "==", 2) == 0) {
        set_repl_s(b, i, "=");
        return 0;
    }
    if (n == 3 && memcmp(s, "<=>", 3) == 0) {
        set_repl_s(b, i, "IS NOT DISTINCT FROM");
        return 0;
    }
    if (n == 1 && s[0] == '!') {
        set_repl_s(b, i, "NOT ");
        return 0;
    }
    if (n == 1 && s[0] == '^') {
        set_repl_s(b, i, "#");
        return 0;
    }
    if (n == 1 && s[0] == '~' && ends_operand(b, prev_sig(b, i)))
        return set_error(b->err, T(b, i)->start, "'~' is a prefix operator");
    if (n == 1 && s[0] == '~') {
        /* PostgreSQL gives a prefix operator the precedence of binary
         * operators, so ~a + b would read as ~(a + b). */
        insert_before(b, i, "(");
        insert_before(b, primary_end(b, next_sig(b, i)), ")");
        return 0;
    }
    if (n == 2 && memcmp(s, "->", 2) == 0)
        return bridge_lambda(b, i);
    if (n == 2 && memcmp(s, "::", 2) == 0)
        return is_word(b, next_sig(b, i), "interval") ? 0 : bridge_type(b, next_sig(b, i));
    /* LTE : '<=' | '!>' ;  GTE : '>=' | '!<' ; */
    if (n == 2 && (memcmp(s, "!>", 2) == 0 || memcmp(s, "!<", 2) == 0))
        return refuse(b, i, s[1] == '>' ? "operator '!>' (write <=)" : "operator '!<' (write >=)");
    /* PostgreSQL reads any run of operator characters as an operator
     * (a star followed by a slash, `@@`, `!~`); Spark has only these. */
    static const char *const spark_ops[] = {
        "||", "<<", ">>", ">>>", "!=", "<>", "<=", ">=", "=>", NULL};
    if (n >= 2) {
        for (int k = 0; spark_ops[k]; k++)
            if (strlen(spark_ops[k]) == n && memcmp(s, spark_ops[k], n) == 0)
                return 0;
        return set_error(b->err, T(b, i)->start, "'%.*s' is not a Spark SQL operator",
                         (int)(n > 8 ? 8 : n), s);
    }
    return 0;
}

/*
 * :name and ? parameter markers become $n, marked; parse.c gives the
 * ParamRef the marker as written ("sl_param") and drops the number.
 * The rules treat a marker as a value they cannot know.  "col:key"
 * written against an operand is a JSON path, not a marker: refused.
 */
/* The first token of the operand that ends at token last: a name
 * (a.b.c), a call f(...), either followed by subscripts [..] or fields;
 * (size_t)-1 when it is something else. */
static size_t operand_start(bridge *b, size_t last)
{
    size_t k = last;
    for (;;) {
        if ((is_op(b, k, "]") || is_op(b, k, ")")) && T(b, k)->match >= 0) {
            size_t open = (size_t)T(b, k)->match, p = prev_sig(b, open);
            /* f(...) or x[...]: the bracket is glued to a name or to
             * another bracket; otherwise it is (expr) on its own. */
            if (p != (size_t)-1 && T(b, p)->end == T(b, open)->start &&
                (T(b, p)->kind == TK_WORD || T(b, p)->kind == TK_QIDENT ||
                 is_op(b, p, "]") || is_op(b, p, ")"))) {
                k = p;
                continue;
            }
            return is_op(b, k, ")") ? open : (size_t)-1;
        }
        if (T(b, k)->kind != TK_WORD && T(b, k)->kind != TK_QIDENT)
            return (size_t)-1;
        size_t dot = prev_sig(b, k);
        if (dot == (size_t)-1 || !is_op(b, dot, ".") || T(b, dot)->end != T(b, k)->start)
            return k;
        size_t q = prev_sig(b, dot);
        if (q == (size_t)-1 || T(b, q)->end != T(b, dot)->start)
            return (size_t)-1;
        k = q;
    }
}

/*
 * JSON path extraction on a STRING or VARIANT column: raw:a.b[0],
 * raw:['key'], raw:`a b`.c  ->  "sluice:json_path"(raw, 'a.b[0]'), the
 * path kept as written.  At token i: a ":name" marker or a ':' glued to
 * the operand before it.  The call is a primary expression, as the path
 * is in Spark (raw:a::INT casts the extracted value); the emitter prints
 * the path back.
 */
static int bridge_json_path(bridge *b, size_t i)
{
    size_t prev = prev_sig(b, i), start = operand_start(b, prev);
    if (start == (size_t)-1)
        return refuse(b, i, "JSON path extraction on this kind of operand");
    size_t before = prev_sig(b, start);
    if (before != (size_t)-1 &&
        (is_op(b, before, "::") || (is_word(b, before, "as") && b->stack[b->depth].kind == FR_CAST)))
        return set_error(b->err, T(b, i)->start, "unexpected ':' in a type name");
    /* An expression's operand, not a name part or a table reference. */
    if (before != (size_t)-1 &&
        (is_op(b, before, ".") ||
         ((is_word(b, before, "from") || is_word(b, before, "join")) &&
          b->stack[b->depth].kind != FR_FUNC) ||       /* not TRIM(x FROM y) */
         (is_op(b, before, ",") && in_from_list(b, before))))
        return set_error(b->err, T(b, i)->start, "unexpected ':' here");
    size_t last = i, k = i + 1;
    if (T(b, i)->kind == TK_OP) {
        /* ':' then ['key'] or `key` */
        if (in_stmt(b, k) && T(b, k)->kind == TK_QIDENT) {
            last = k++;
        } else if (is_op(b, k, "[") && T(b, k)->match >= 0) {
            last = (size_t)T(b, k)->match;
            k = last + 1;
        } else {
            return set_error(b->err, T(b, i)->end, "expected a JSON path key after ':'");
        }
    }
    for (;;) {
        if (!in_stmt(b, k) || T(b, k)->start != T(b, last)->end)
            break;
        if (is_op(b, k, ".") && in_stmt(b, k + 1) && T(b, k + 1)->start == T(b, k)->end &&
            (T(b, k + 1)->kind == TK_QIDENT ||
             (T(b, k + 1)->kind == TK_WORD && kw_category(b, k + 1) != PG_KW_RESERVED))) {
            last = k + 1;
            k += 2;
        } else if (is_op(b, k, "[") && T(b, k)->match >= 0) {
            /* [0], ['key'], ["key"], [*] */
            size_t close = (size_t)T(b, k)->match, in = next_sig(b, k);
            if (next_sig(b, in) != close ||
                !(T(b, in)->kind == TK_NUMBER || T(b, in)->kind == TK_STRING || is_op(b, in, "*")))
                return set_error(b->err, T(b, k)->start,
                                 "a JSON path subscript is [number], ['key'] or [*]");
            last = close;
            k = close + 1;
        } else {
            break;
        }
    }
    static const char *const call_words[] = {"over", "filter", "within", "ignore", "respect", NULL};
    size_t after = next_sig(b, last);
    if (in_stmt(b, after) && (T(b, after)->kind == TK_STRING || T(b, after)->kind == TK_RAW_STRING))
        return set_error(b->err, T(b, after)->start, "unexpected string literal after a JSON path");
    if (word_in(b, after, call_words))
        return set_error(b->err, T(b, after)->start,
                         "%.*s after a JSON path: put the call in brackets first",
                         (int)TLEN(b, after), TXT(b, after));
    if (in_stmt(b, after) && T(b, after)->start == T(b, last)->end && is_op(b, after, "."))
        return set_error(b->err, T(b, after)->start, "unexpected '.' in a JSON path");
    const char *path = b->s->text + T(b, i)->start + 1;
    size_t plen = T(b, last)->end - T(b, i)->start - 1;
    sbuf_truncate(&b->scratch, 0);
    sbuf_puts(&b->scratch, ", ");
    put_pg_string(&b->scratch, path, plen);
    sbuf_puts(&b->scratch, ")");
    insert_before(b, start, "\"" DIALECT_RESERVED_PREFIX "json_path\"(");
    set_repl(b, i, b->scratch.data, b->scratch.len);
    skip_range(b, i + 1, last + 1);
    return 0;
}

static int bridge_param(bridge *b, size_t i)
{
    size_t prev = prev_sig(b, i);
    if (TXT(b, i)[0] == ':' && prev != (size_t)-1 && T(b, prev)->end == T(b, i)->start &&
        ends_operand(b, prev))
        return bridge_json_path(b, i);
    /* After an operand a marker is no value: PostgreSQL would read
     * "name $1" as a cast of the parameter to the type name. */
    static const char *const value_intro[] = {"by", "of", "escape", NULL};
    if (prev != (size_t)-1 && ends_operand(b, prev) && !word_in(b, prev, value_intro))
        return set_error(b->err, T(b, i)->start, "unexpected parameter marker %.*s after '%.*s'",
                         (int)TLEN(b, i), TXT(b, i), (int)TLEN(b, prev), TXT(b, prev));
    char buf[32];
    snprintf(buf, sizeof buf, "$%zu", ++b->nparams);
    set_repl_s(b, i, buf);
    P(b, i)->mark = DM_PARAM;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Operator precedence cross-check                                     */

/*
 * PostgreSQL gives every operator it does not know (||, &, |, #, <<, >>)
 * one shared precedence just above comparisons, below + and -.  Spark
 * orders them: * / % DIV, then + - ||, then << >>, then &, then ^, then
 * |.  For a run of binary operators at one bracket level the two
 * grammars therefore may build different trees.  We build the tree shape
 * under both precedence tables and refuse the statement when they
 * differ, asking for parentheses: never a wrong parse.
 */
static int op_level(bridge *b, size_t i, int spark)
{
    const char *s = TXT(b, i);
    size_t n = TLEN(b, i);
    if (T(b, i)->kind == TK_WORD)
        return is_word(b, i, "div") ? (spark ? 6 : 3) : 0;
    if (T(b, i)->kind != TK_OP)
        return 0;
    if (n == 1) {
        switch (s[0]) {
        case '*': case '/': case '%': return spark ? 6 : 3;
        case '+': case '-': return spark ? 5 : 2;
        case '&': return spark ? 3 : 1;
        case '^': return spark ? 2 : 1;
        case '|': return spark ? 1 : 1;
        default: return 0;
        }
    }
    if (n == 2 && memcmp(s, "||", 2) == 0) return spark ? 5 : 1;
    if ((n == 2 && (memcmp(s, "<<", 2) == 0 || memcmp(s, ">>", 2) == 0)) ||
        (n == 3 && memcmp(s, ">>>", 3) == 0))
        return spark ? 4 : 1;
    return 0;
}

/* Shape of left-associative operators ops[0..n) under levels lv[]:
 * for each operator the index of its parent, written into parent[]. */
static void op_shape(const int *lv, int n, int *parent)
{
    /* Classic shunting-yard over operators only. */
    int stack[64], sp = 0;
    for (int k = 0; k < n; k++) {
        int last = -1;
        while (sp > 0 && lv[stack[sp - 1]] >= lv[k]) {
            int top = stack[--sp];
            if (last >= 0)
                parent[last] = top;
            last = top;
        }
        if (last >= 0)
            parent[last] = k;
        stack[sp++] = k;
    }
    int last = -1;
    while (sp > 0) {
        int top = stack[--sp];
        if (last >= 0)
            parent[last] = top;
        last = top;
    }
    if (last >= 0)
        parent[last] = -1;
}

static int check_precedence(bridge *b)
{
    /* Only a run of two or more binary arithmetic / bitwise operators can
     * be grouped differently; most statements have fewer in all. */
    int binaries = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end && binaries < 2; i++) {
        tok_kind k = T(b, i)->kind;
        if ((k == TK_OP || k == TK_WORD) && op_level(b, i, 1)) {
            size_t p = prev_sig(b, i);
            binaries += p != (size_t)-1 && ends_operand(b, p);
        }
    }
    if (binaries < 2)
        return 0;
    /* One run per bracket level; a run is broken by anything that is not
     * an operand token or an arithmetic/bitwise operator. */
    enum { MAXRUN = 64 };
    struct run { int sp[MAXRUN], pg[MAXRUN]; size_t tok[MAXRUN]; int n; size_t first; } *runs;
    /* One run per bracket level actually used (levels are reset on entry). */
    int levels = 1, d = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end; i++) {
        if (is_op(b, i, "(") || is_op(b, i, "["))
            if (++d >= levels)
                levels = d + 1;
        if (is_op(b, i, ")") || is_op(b, i, "]"))
            d--;
    }
    runs = xmalloc((size_t)(levels + 1) * sizeof *runs);
    runs[0].n = 0;
    runs[0].first = (size_t)-1;
    int depth = 0, rc = 0;
    size_t prev = (size_t)-1;
    for (size_t i = b->st->tok_begin; i <= b->st->tok_end && rc == 0; i++) {
        int end = i == b->st->tok_end;
        const dtok *t = end ? NULL : T(b, i);
        if (t && dialect_is_trivia(t->kind))
            continue;
        int sp_lv = end ? 0 : op_level(b, i, 1);
        int binary = sp_lv && prev != (size_t)-1 && ends_operand(b, prev);
        int operand = t && !binary &&
                      (t->kind == TK_NUMBER || t->kind == TK_STRING ||
                       t->kind == TK_RAW_STRING || t->kind == TK_QIDENT ||
                       (t->kind == TK_WORD && kw_category(b, i) <= PG_KW_UNRESERVED) ||
                       is_op(b, i, ".") || is_op(b, i, "::") || sp_lv);
        struct run *r = &runs[depth];
        if (r->first == (size_t)-1 && !binary && operand)
            r->first = i;
        if (binary) {
            if (r->n < MAXRUN) {
                r->sp[r->n] = sp_lv;
                r->pg[r->n] = op_level(b, i, 0);
                r->tok[r->n] = i;
                r->n++;
            }
        }
        int flush = end || (!binary && !operand &&
                            !is_op(b, i, "(") && !is_op(b, i, "["));
        if (t && (is_op(b, i, ")") || is_op(b, i, "]")))
            flush = 1;
        if (flush && r->n > 1) {
            int ps[MAXRUN], pp[MAXRUN];
            op_shape(r->sp, r->n, ps);
            op_shape(r->pg, r->n, pp);
            int differ = 0;
            for (int k = 0; k < r->n; k++)
                differ |= ps[k] != pp[k];
            if (differ && r->n >= MAXRUN) {
                rc = set_error(b->err, T(b, r->tok[0])->start,
                               "too many operators in one expression; add parentheses");
            } else if (differ) {
                /* Parenthesise every operator's operand range as Spark
                 * groups it; the PostgreSQL grammar then has no choice. */
                int lo[MAXRUN], hi[MAXRUN];
                for (int k = 0; k < r->n; k++)
                    lo[k] = k, hi[k] = k + 1;
                for (int pass = 0; pass < r->n; pass++)
                    for (int k = 0; k < r->n; k++)
                        if (ps[k] >= 0) {
                            if (lo[k] < lo[ps[k]]) lo[ps[k]] = lo[k];
                            if (hi[k] > hi[ps[k]]) hi[ps[k]] = hi[k];
                        }
                for (int k = 0; k < r->n; k++) {
                    if (ps[k] < 0)
                        continue;
                    size_t start = lo[k] == 0 ? r->first : next_sig(b, r->tok[lo[k] - 1]);
                    size_t stop = hi[k] < r->n ? r->tok[hi[k]] : i;
                    insert_before(b, start, "(");
                    insert_before(b, stop, ")");
                }
            }
        }
        if (flush) {
            r->n = 0;
            r->first = (size_t)-1;
        }
        if (t && (is_op(b, i, "(") || is_op(b, i, "["))) {
            if (depth < levels)
                depth++;
            runs[depth].n = 0;
            runs[depth].first = (size_t)-1;
        } else if (t && (is_op(b, i, ")") || is_op(b, i, "]"))) {
            if (depth > 0)
                depth--;
        }
        prev = i;
    }
    free(runs);
    return rc;
}

/* = == <> != < > <= >= <=> */
static int is_comparison(bridge *b, size_t i)
{
    const dtok *t = T(b, i);
    if (t->kind != TK_OP || !in_stmt(b, i))
        return 0;
    const char *p = TXT(b, i);
    switch (TLEN(b, i)) {
    case 1:
        return p[0] == '=' || p[0] == '<' || p[0] == '>';
    case 2:
        return (p[1] == '=' && (p[0] == '=' || p[0] == '!' || p[0] == '<' || p[0] == '>')) ||
               (p[0] == '<' && p[1] == '>');
    case 3:
        return p[0] == '<' && p[1] == '=' && p[2] == '>';
    default:
        return 0;
    }
}

/*
 * Comparisons and predicates, grouped as SqlBaseParser.g4 groups them:
 *
 *   booleanExpression : NOT booleanExpression | valueExpression predicate?
 *                     | booleanExpression AND booleanExpression | ... OR ...
 *   predicate : NOT? BETWEEN valueExpression AND valueExpression
 *             | NOT? IN '(' ... ')' | NOT? (LIKE | ILIKE) (ANY | SOME | ALL) '(' ... ')'
 *             | NOT? (RLIKE | LIKE | ILIKE) valueExpression (ESCAPE stringLit)?
 *             | IS NOT? (NULL | TRUE | FALSE | UNKNOWN) | IS NOT? DISTINCT FROM valueExpression
 *   valueExpression : ... | valueExpression comparisonOperator valueExpression
 *
 * Comparisons (= == <> != < <= > >= <=>) are the lowest, left-associative
 * level of a valueExpression; a predicate takes a whole valueExpression on
 * each side and may not be followed by anything but AND or OR.  PostgreSQL
 * makes comparisons non-associative, ranks IS (and so <=>, bridged as IS
 * NOT DISTINCT FROM) below them and LIKE, IN and BETWEEN above them.  So,
 * at every bracket level, the bridge writes Spark's grouping out in
 * brackets: a chain a = b < c as ((a = b) < c), a valueExpression holding
 * a comparison before a predicate, and every predicate operand holding one,
 * in brackets of their own.  What Spark cannot parse is refused: an
 * operator after IN (...) or IS NULL, a second predicate, and NOT (or !)
 * where a value is expected (a = NOT b, which Spark reads as a column named
 * not).
 */
enum cmp_phase {
    PH_LEFT,        /* the valueExpression before any predicate */
    PH_BETWEEN_LOW, /* BETWEEN's lower bound, up to its AND */
    PH_RIGHT,       /* LIKE's pattern, BETWEEN's upper bound, IS DISTINCT FROM's operand */
    PH_LIST,        /* IN / LIKE ANY: the bracketed list comes next */
    PH_IS,          /* after IS [NOT] */
    PH_ESCAPE,      /* after ESCAPE */
    PH_DONE         /* the predicate is complete */
};

#define CMP_MAX_CHAIN 256       /* comparisons in one valueExpression */

typedef struct cmp_level {
    size_t start;       /* first token of the current valueExpression, or NONE */
    int ncmp;           /* comparisons in it */
    int open;           /* brackets to open before start */
    int phase;
    int expect_operand; /* the last token was an operator or a unit start */
    int is_case;        /* this level was opened by CASE, closed by END */
    size_t pred;        /* the predicate's first token (for messages) */
} cmp_level;

/* The last token of the type that starts at token i: a name, then
 * <...> (ARRAY<INT>, MAP<STRING, ARRAY<INT>>) or (...) (DECIMAL(10, 2)). */
static size_t type_last(bridge *b, size_t i)
{
    size_t n = next_sig(b, i);
    if (is_op(b, n, "(") && T(b, n)->match >= 0)
        return (size_t)T(b, n)->match;
    if (!is_op(b, n, "<"))
        return i;
    int depth = 0;
    for (size_t k = n; in_stmt(b, k); k = next_sig(b, k)) {
        if (is_op(b, k, "<"))
            depth++;
        else if (is_op(b, k, ">"))
            depth--;
        else if (is_op(b, k, ">>"))
            depth -= 2;
        else if (is_op(b, k, ">>>"))
            depth -= 3;
        if (depth <= 0)
            return k;
    }
    return i;
}

/* The valueExpression of level l ends before token at: open its pending
 * brackets, and close the whole of it when wrap. */
static void cmp_close(bridge *b, cmp_level *l, size_t at, int wrap)
{
    if (l->start == (size_t)-1)
        return;
    wrap = wrap && l->ncmp > 0;
    int open = l->open + wrap;
    if (open > 0) {
        char buf[CMP_MAX_CHAIN + 4];
        memset(buf, '(', (size_t)open);
        buf[open] = '\0';
        insert_before(b, l->start, buf);
    }
    if (wrap)
        insert_before(b, at, ")");
    l->start = (size_t)-1;
    l->ncmp = l->open = 0;
}

static void cmp_reset(cmp_level *l)
{
    l->start = (size_t)-1;
    l->ncmp = l->open = 0;
    l->phase = PH_LEFT;
    l->expect_operand = 1;
    l->pred = (size_t)-1;
}

/* Refuse at token i: Spark reads no operator after the predicate at p. */
static int cmp_after_predicate(bridge *b, size_t i, size_t p)
{
    return set_error(b->err, T(b, i)->start,
                     "Spark reads nothing but AND or OR after %.*s ...: add parentheses",
                     (int)TLEN(b, p), TXT(b, p));
}

static int check_comparisons(bridge *b)
{
    static const char *const pred_words[] = {
        "like", "ilike", "rlike", "regexp", "in", "between", "is", NULL};
    static const char *const separators[] = {
        "and", "or", "when", "then", "else", "select", "where", "having", "on", "from",
        "by", "qualify", "join", "using", "limit", "offset", "order", "group", "window",
        "union", "intersect", "except", "minus", "as", "filter", "over", "asc", "desc",
        "distinct", "all", "exists", "sort", "cluster", "distribute", "for", "lateral",
        "view", "pivot", "unpivot", "partition", "rows", "range", "nulls", NULL};
    /* Nothing to do without two comparisons, a predicate or a NOT. */
    int ncmp = 0, other = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end && ncmp < 2 && !other; i++) {
        ncmp += is_comparison(b, i);
        other = word_in(b, i, pred_words) || is_word(b, i, "not") || is_op(b, i, "!");
    }
    if (ncmp < 2 && !other)
        return 0;
    int maxlv = 2, lvd = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end; i++) {
        if (is_op(b, i, "(") || is_op(b, i, "[") || is_word(b, i, "case"))
            if (++lvd + 2 > maxlv)
                maxlv = lvd + 2;
        if (is_op(b, i, ")") || is_op(b, i, "]") || is_word(b, i, "end"))
            lvd--;
    }
    cmp_level *st = xmalloc((size_t)maxlv * sizeof *st);
    int d = 0, rc = 0;
    cmp_reset(&st[0]);
    st[0].is_case = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end && rc == 0; i = next_sig(b, i)) {
        if (dialect_is_trivia(T(b, i)->kind))
            continue;
        cmp_level *l = &st[d];
        int opens = is_op(b, i, "(") || is_op(b, i, "[") || is_word(b, i, "case");
        int closes = is_op(b, i, ")") || is_op(b, i, "]") ||
                     (is_word(b, i, "end") && l->is_case);
        if (closes) {
            cmp_close(b, l, i, l->phase == PH_RIGHT);
            if (d > 0)
                d--;
            l = &st[d];
            if (l->phase == PH_LIST)
                l->phase = PH_DONE;
            l->expect_operand = 0;
            continue;
        }
        if (opens) {
            /* an operand, or the continuation of one: f(x), a[0] */
            if (l->phase == PH_DONE || l->phase == PH_IS || l->phase == PH_ESCAPE) {
                if (!is_word(b, i, "case") && !l->expect_operand) {
                    rc = cmp_after_predicate(b, i, l->pred);
                    break;
                }
            }
            if (l->start == (size_t)-1 && l->phase != PH_LIST)
                l->start = i;
            if (d + 1 < maxlv) {
                d++;
                cmp_reset(&st[d]);
                st[d].is_case = is_word(b, i, "case");
            }
            continue;
        }
        int sep = is_op(b, i, ",") || is_op(b, i, ";") || is_op(b, i, "->") ||
                  is_op(b, i, "=>");
        if (T(b, i)->kind == TK_WORD) {
            size_t nx = next_sig(b, i), pv = prev_sig(b, i);
            if (is_word(b, i, "and") && l->phase == PH_BETWEEN_LOW) {
                cmp_close(b, l, i, 1);
                l->phase = PH_RIGHT;
                l->expect_operand = 1;
                continue;
            }
            if (is_word(b, i, "not") && (word_in(b, nx, pred_words) || is_word(b, pv, "is")))
                continue;       /* NOT LIKE, IS NOT NULL: part of the predicate */
            if (is_word(b, i, "not")) {
                if (l->phase == PH_RIGHT || l->phase == PH_BETWEEN_LOW ||
                    (l->start != (size_t)-1 && l->expect_operand)) {
                    rc = set_error(b->err, T(b, i)->start,
                                   "NOT where Spark expects a value: write (NOT ...)");
                    break;
                }
                sep = 1;
            } else if (word_in(b, i, pred_words) && !l->expect_operand) {
                if (l->phase != PH_LEFT) {
                    rc = l->phase == PH_DONE || l->phase == PH_IS
                             ? cmp_after_predicate(b, i, l->pred)
                             : set_error(b->err, T(b, i)->start,
                                         "Spark allows one predicate (%.*s) per operand: add "
                                         "parentheses", (int)TLEN(b, i), TXT(b, i));
                    break;
                }
                cmp_close(b, l, is_word(b, pv, "not") ? pv : i, 1);
                l->pred = i;
                l->expect_operand = 1;
                if (is_word(b, i, "is")) {
                    l->phase = PH_IS;
                } else if (is_word(b, i, "in") ||
                           ((is_word(b, i, "like") || is_word(b, i, "ilike")) &&
                            (is_word(b, nx, "any") || is_word(b, nx, "some") ||
                             is_word(b, nx, "all")))) {
                    l->phase = PH_LIST;
                    if (!is_word(b, i, "in"))
                        i = nx;         /* the quantifier */
                } else {
                    l->phase = is_word(b, i, "between") ? PH_BETWEEN_LOW : PH_RIGHT;
                }
                continue;
            } else if (l->phase == PH_IS) {
                if (is_word(b, i, "distinct") && is_word(b, nx, "from")) {
                    l->phase = PH_RIGHT;
                    i = nx;
                } else {
                    l->phase = PH_DONE;       /* NULL, TRUE, FALSE, UNKNOWN */
                    l->expect_operand = 0;
                }
                continue;
            } else if (is_word(b, i, "escape") && l->phase == PH_RIGHT) {
                cmp_close(b, l, i, 1);
                l->phase = PH_ESCAPE;
                continue;
            } else if (word_in(b, i, separators)) {
                sep = 1;
            }
        }
        if (is_op(b, i, "!") && !is_op(b, next_sig(b, i), "(") &&
            word_in(b, next_sig(b, i), pred_words)) {
            rc = refuse(b, i, "'!' before a predicate");
            break;
        }
        if (is_op(b, i, "!")) {
            if (l->phase == PH_RIGHT || l->phase == PH_BETWEEN_LOW ||
                (l->start != (size_t)-1 && l->expect_operand)) {
                rc = set_error(b->err, T(b, i)->start,
                               "'!' (NOT) where Spark expects a value: write (NOT ...)");
                break;
            }
            sep = 1;
        }
        if (sep) {
            cmp_close(b, l, i, l->phase == PH_RIGHT);
            cmp_reset(l);
            /* CAST(x AS MAP<STRING, INT>): no comparisons in a type */
            if (is_word(b, i, "as") && T(b, next_sig(b, i))->kind == TK_WORD)
                i = type_last(b, next_sig(b, i));
            continue;
        }
        if (T(b, i)->kind == TK_WORD && is_op(b, next_sig(b, i), "<") &&
            (is_word(b, i, "array") || is_word(b, i, "map") || is_word(b, i, "struct"))) {
            if (l->start == (size_t)-1)
                l->start = i;
            i = type_last(b, i);
            l->expect_operand = 0;
            continue;
        }
        int binary = !l->expect_operand &&
                     ((T(b, i)->kind == TK_OP && !is_op(b, i, ".") && !is_op(b, i, ":")) ||
                      is_word(b, i, "div"));
        if (binary && (l->phase == PH_DONE || l->phase == PH_IS || l->phase == PH_LIST ||
                       l->phase == PH_ESCAPE)) {
            rc = cmp_after_predicate(b, i, l->pred);
            break;
        }
        if (binary && is_op(b, i, "::")) {
            i = type_last(b, next_sig(b, i));
            continue;
        }
        if (binary && is_comparison(b, i)) {
            if (l->start == (size_t)-1) {
                rc = set_error(b->err, T(b, i)->start, "unexpected %.*s", (int)TLEN(b, i),
                               TXT(b, i));
                break;
            }
            if (l->ncmp >= CMP_MAX_CHAIN) {
                rc = set_error(b->err, T(b, i)->start,
                               "too many comparisons in one chain: add parentheses");
                break;
            }
            if (l->ncmp++ > 0) {      /* (a = b) < c */
                l->open++;
                insert_before(b, i, ")");
            }
        }
        if (l->start == (size_t)-1 && l->phase != PH_DONE && l->phase != PH_ESCAPE)
            l->start = i;
        if (l->phase == PH_ESCAPE)
            l->phase = PH_DONE;
        /* operators and '.' / ':' (a field or a JSON path follows) leave
         * an operand to come; anything else is (part of) an operand */
        l->expect_operand = T(b, i)->kind == TK_OP || is_word(b, i, "div");
    }
    if (rc == 0)
        cmp_close(b, &st[d], b->st->tok_end, st[d].phase == PH_RIGHT);
    free(st);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */

static void map_add(dialect_bridged *o, size_t out, size_t orig, size_t orig_len)
{
    if (o->nmap == o->capmap) {
        o->capmap = o->capmap ? o->capmap * 2 : 64;
        o->map = xrealloc(o->map, o->capmap * sizeof *o->map);
    }
    o->map[o->nmap++] = (dialect_map_entry){(uint32_t)out, (uint32_t)orig,
                                            (uint32_t)orig_len};
}

static void mark_add(dialect_bridged *o, size_t out, int kind)
{
    if (o->nmarks == o->capmarks) {
        o->capmarks = o->capmarks ? o->capmarks * 2 : 8;
        o->marks = xrealloc(o->marks, o->capmarks * sizeof *o->marks);
    }
    o->marks[o->nmarks].out = (uint32_t)out;
    o->marks[o->nmarks].kind = kind;
    o->nmarks++;
}

int dialect_bridge(const dialect_source *src, const dialect_stmt *st,
                   dialect_bridged *out, dialect_error *err)
{
    memset(out, 0, sizeof *out);
    size_t ntok = st->tok_end - st->tok_begin + 1;   /* +1: the end token */
    bridge b;       /* not zeroed whole: the frame stack is large */
    b.depth = 0;
    b.nparams = 0;
    b.scratch = (sbuf)SBUF_INIT;
    b.pool = (sbuf)SBUF_INIT;
    b.s = src;
    b.out = out;
    b.st = st;
    b.err = err;
    /* The plan and the keyword cache, in one block: request scratch
     * inside a request, malloc'd (and freed below) elsewhere. */
    size_t plan_bytes = ntok * sizeof *b.plan;
    arena_mark plan_mark = arena_mark_now();
    char *plan_mem = arena_scratch(plan_bytes + ntok);
    int plan_owned = plan_mem == NULL;
    if (plan_owned)
        plan_mem = xmalloc(plan_bytes + ntok);
    memset(plan_mem, 0, plan_bytes + ntok);
    b.plan = (tplan *)plan_mem;
    b.kwcat = (signed char *)plan_mem + plan_bytes;
    b.stack[0] = (frame){FR_TOP, 0, 0, 0, 0, 0, 0};
    int rc = 0;
    size_t *hint_anchor_tok = NULL;
    size_t nh = 0;

    rc = check_precedence(&b);
    if (rc == 0)
        rc = check_comparisons(&b);
    for (size_t i = st->tok_begin; i < st->tok_end && rc == 0; i++) {
        const dtok *t = T(&b, i);
        if (P(&b, i)->skip || P(&b, i)->has_repl) {
            /* Tokens already planned by a construct handler are final,
             * but brackets still open and close frames. */
            if (is_op(&b, i, "(") || is_op(&b, i, ")") || is_op(&b, i, "[") ||
                is_op(&b, i, "]"))
                rc = bridge_op(&b, i);
            continue;
        }
        switch (t->kind) {
        case TK_SPACE: case TK_LINE_COMMENT: case TK_BLOCK_COMMENT:
            bridge_trivia(&b, i);
            break;
        case TK_HINT: {
            /* selectClause : SELECT (hints+=hint)* setQuantifier? ... ;
             * a hint anywhere else is a syntax error in Spark. */
            size_t p = prev_sig(&b, i), bad;
            if (p == (size_t)-1 || !is_word(&b, p, "select")) {
                rc = set_error(err, t->start, "a hint (/*+ ... */) stands only right after SELECT; "
                               "write a comment as /* ... */");
                break;
            }
            if (dialect_hint_read(src->text + t->start + 3, t->end - t->start - 5, NULL, NULL,
                                  &bad) < 0) {
                rc = set_error(err, t->start + 3 + bad,
                               "a hint Spark cannot parse: hint names, each with an optional "
                               "bracketed list of arguments");
                break;
            }
            size_t a = next_sig(&b, i);
            if (is_word(&b, a, "distinct") || is_word(&b, a, "all"))
                a = next_sig(&b, a);
            if (out->nhints == out->caphints) {
                out->caphints = out->caphints ? out->caphints * 2 : 4;
                out->hints = xrealloc(out->hints, out->caphints * sizeof *out->hints);
                hint_anchor_tok = xrealloc(hint_anchor_tok,
                                           out->caphints * sizeof *hint_anchor_tok);
            }
            out->hints[out->nhints].orig = t->start;
            out->hints[out->nhints].text =
                xstrndup(src->text + t->start + 3, t->end - t->start - 5);
            out->hints[out->nhints].anchor = 0;
            hint_anchor_tok[out->nhints] = a;
            out->nhints++;
            nh = out->nhints;
            set_repl_s(&b, i, " ");
            break;
        }
        case TK_WORD:
            if (i + 1 < st->tok_end && T(&b, i + 1)->kind == TK_STRING &&
                T(&b, i + 1)->start == t->end && TLEN(&b, i) == 1 &&
                (TXT(&b, i)[0] == 'x' || TXT(&b, i)[0] == 'X')) {
                /* X'1F' / X"1F": a binary literal, PostgreSQL's hex string. */
                rc = bridge_hex(&b, i);
                i++;
                break;
            }
            rc = bridge_word(&b, i);
            break;
        case TK_QIDENT:
            rc = bridge_qident(&b, i);
            break;
        case TK_STRING: case TK_RAW_STRING: {
            size_t last;
            rc = bridge_string(&b, i, &last);
            break;
        }
        case TK_NUMBER:
            rc = bridge_number(&b, i);
            break;
        case TK_OP:
            rc = bridge_op(&b, i);
            break;
        case TK_PARAM:
            if (TXT(&b, i)[0] == '$')
                rc = set_error(err, t->start,
                               "unrendered template variable %.*s: render the query first",
                               (int)TLEN(&b, i), TXT(&b, i));
            else
                rc = bridge_param(&b, i);
            break;
        case TK_EOF: case TK_ERROR: case TK_HINT_START: case TK_HINT_END:
            break;
        }
    }

    if (rc == 0) {
        /* Concatenate the plan: about as long as the statement, a map
         * entry per token, each buffer sized once. */
        sbuf_grow(&out->pg, st->end - st->start + b.pool.len + 16);
        if (out->capmap < ntok + 8) {
            out->capmap = ntok + 8;
            out->map = xrealloc(out->map, out->capmap * sizeof *out->map);
        }
        for (size_t i = st->tok_begin; i <= st->tok_end; i++) {
            tplan *p = P(&b, i);
            size_t orig = i < st->tok_end ? T(&b, i)->start : st->end;
            size_t lead = out->pg.len;
            if (p->before_len) {
                map_add(out, out->pg.len, orig, 0);
                sbuf_putn(&out->pg, b.pool.data + p->before_off, p->before_len);
            }
            for (size_t h = 0; h < nh; h++)
                if (hint_anchor_tok[h] == i)
                    out->hints[h].anchor = (uint32_t)lead;
            if (i == st->tok_end)
                break;
            if (p->mark)
                mark_add(out, out->pg.len, p->mark);
            if (p->skip)
                continue;
            map_add(out, out->pg.len, orig, T(&b, i)->end - T(&b, i)->start);
            if (p->has_repl)
                sbuf_putn(&out->pg, b.pool.data + p->repl_off, p->repl_len);
            else
                sbuf_putn(&out->pg, TXT(&b, i), TLEN(&b, i));
        }
        sbuf_cstr(&out->pg);
    }
    sbuf_free(&b.pool);
    /* The plan is the bridge's alone (21 bytes a token: 20 MB for 1 MB
     * of "1 = 1 OR ..."), so it goes now rather than with the statement. */
    if (plan_owned)
        free(plan_mem);
    else
        arena_release_to(plan_mark);
    free(hint_anchor_tok);
    sbuf_free(&b.scratch);
    if (rc != 0) {
        dialect_bridged_free(out);
        memset(out, 0, sizeof *out);
    }
    return rc;
}

void dialect_bridged_free(dialect_bridged *b)
{
    sbuf_free(&b->pg);
    free(b->map);
    free(b->marks);
    for (size_t i = 0; i < b->nhints; i++)
        free(b->hints[i].text);
    for (size_t i = 0; i < b->nlong; i++)
        free(b->long_idents[i]);
    free(b->long_idents);
    free(b->hints);
    memset(b, 0, sizeof *b);
}

size_t dialect_to_orig(const dialect_bridged *b, size_t out)
{
    if (b->nmap == 0)
        return 0;
    size_t lo = 0, hi = b->nmap;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (b->map[mid].out <= out)
            lo = mid;
        else
            hi = mid;
    }
    const dialect_map_entry *e = &b->map[lo];
    size_t delta = out > e->out ? out - e->out : 0;
    if (delta > e->orig_len)
        delta = e->orig_len;
    return e->orig + delta;
}

int dialect_mark_at(const dialect_bridged *b, size_t out)
{
    for (size_t i = 0; i < b->nmarks; i++)
        if (b->marks[i].out == out)
            return b->marks[i].kind;
    return DM_NONE;
}
