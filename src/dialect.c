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
        if (k == TK_ERROR) {
            drop_tokens(src, toks);
            return set_error(err, pos, "%s", msg);
        }
        if (n == cap) {
            cap *= 2;
            dtok *more = src->toks_scratch ? arena_scratch(cap * sizeof *toks) : NULL;
            if (more)
                memcpy(more, toks, n * sizeof *toks);
            toks = more ? more : xrealloc(toks, cap * sizeof *toks);
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
    } else {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        sbuf_putn(b, u, 3);
    }
}

/*
 * Spark's unescaping rules (its unescapeSQLString): \uXXXX, three octal
 * digits, the usual single-letter escapes, and "\%" / "\_" which keep
 * their backslash so LIKE patterns stay literal.  Any other escaped
 * character stands for itself.
 */
int dialect_decode_string(const char *tok, size_t len, int raw, sbuf *dst,
                          size_t orig, dialect_error *err)
{
    size_t i = raw ? 2 : 1, end = len - 1;
    while (i < end) {
        char c = tok[i];
        if (c != '\\' || raw) {
            sbuf_putc(dst, c);
            i++;
            continue;
        }
        char e = tok[i + 1];
        size_t at = orig + i;
        i += 2;
        switch (e) {
        case 'n': sbuf_putc(dst, '\n'); break;
        case 't': sbuf_putc(dst, '\t'); break;
        case 'r': sbuf_putc(dst, '\r'); break;
        case 'b': sbuf_putc(dst, '\b'); break;
        case 'Z': sbuf_putc(dst, '\032'); break;
        case '%': sbuf_puts(dst, "\\%"); break;
        case '_': sbuf_puts(dst, "\\_"); break;
        case 'u': {
            unsigned cp = 0;
            int ok = i + 4 <= end;
            for (int k = 0; ok && k < 4; k++) {
                int h = hexval((unsigned char)tok[i + k]);
                if (h < 0) ok = 0; else cp = cp * 16 + (unsigned)h;
            }
            if (!ok) {
                sbuf_putc(dst, 'u');
                break;
            }
            if (cp == 0)
                return set_error(err, at, "string literal contains a NUL character");
            put_utf8(dst, cp);
            i += 4;
            break;
        }
        default:
            if (e >= '0' && e <= '7' && i + 2 <= end &&
                tok[i] >= '0' && tok[i] <= '7' && tok[i + 1] >= '0' && tok[i + 1] <= '7') {
                unsigned v = (unsigned)(e - '0') * 64 + (unsigned)(tok[i] - '0') * 8 +
                             (unsigned)(tok[i + 1] - '0');
                if (v == 0 || v > 0xFF)
                    return set_error(err, at, "string literal contains an invalid octal escape");
                put_utf8(dst, v);
                i += 2;
            } else if (e == '0') {
                return set_error(err, at, "string literal contains a NUL character");
            } else {
                sbuf_putc(dst, e);
            }
        }
    }
    return 0;
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
enum {
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
    case TK_HINT: case TK_ERROR:
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

static int bridge_identifier(bridge *b, size_t i)
{
    const char *w = TXT(b, i);
    size_t n = TLEN(b, i);
    int cat = kw_category(b, i);
    size_t prev = prev_sig(b, i), next = next_sig(b, i);
    int quote = 0;
    if (cat == PG_KW_NONE) {
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
    size_t j = i;
    *last = i;
    for (;;) {
        const dtok *t = T(b, j);
        if (dialect_decode_string(TXT(b, j), TLEN(b, j), t->kind == TK_RAW_STRING,
                                  &val, t->start, b->err) < 0) {
            sbuf_free(&val);
            return -1;
        }
        *last = j;
        size_t n = next_sig(b, j);
        if (!in_stmt(b, n) ||
            (T(b, n)->kind != TK_STRING && T(b, n)->kind != TK_RAW_STRING))
            break;
        j = n;
    }
    sbuf_truncate(&b->scratch, 0);
    put_pg_string(&b->scratch, val.data ? val.data : "", val.len);
    set_repl(b, i, b->scratch.data, b->scratch.len);
    skip_range(b, i + 1, *last + 1);
    sbuf_free(&val);
    return 0;
}

static int bridge_number(bridge *b, size_t i)
{
    const char *s = TXT(b, i);
    size_t n = TLEN(b, i), k = n;
    while (k > 0 && isalpha((unsigned char)s[k - 1]))
        k--;
    /* "1e5" ends in a digit; "1e" is a number followed by suffix "e". */
    if (k == n)
        return 0;
    static const struct { const char *suffix, *type; } suffixes[] = {
        {"l", "bigint"}, {"s", "smallint"}, {"y", "tinyint"},
        {"d", "double"}, {"f", "float"}, {"bd", "decimal"}, {NULL, NULL}};
    if (is_op(b, next_sig(b, i), "("))
        return set_error(b->err, T(b, next_sig(b, i))->start,
                         "unexpected '(' after the literal %.*s", (int)n, s);
    for (int m = 0; suffixes[m].suffix; m++) {
        if (strlen(suffixes[m].suffix) == n - k &&
            strncasecmp(s + k, suffixes[m].suffix, n - k) == 0) {
            sbuf_truncate(&b->scratch, 0);
            sbuf_putn(&b->scratch, s, k);
            sbuf_printf(&b->scratch, "::\"%s\"", suffixes[m].type);
            set_repl(b, i, b->scratch.data, b->scratch.len);
            return 0;
        }
    }
    return set_error(b->err, T(b, i)->start + k,
                     "invalid numeric literal suffix '%.*s'", (int)(n - k), s + k);
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
        if (!in_stmt(b, v) ||
            (T(b, v)->kind != TK_NUMBER && T(b, v)->kind != TK_STRING))
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
            if (P(b, k)->list_memo & LIST_SELECT_KNOWN) {
                found = (P(b, k)->list_memo & LIST_SELECT_YES) != 0;
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
    if (is_op(b, i, ","))
        P(b, i)->list_memo |= (uint8_t)(LIST_SELECT_KNOWN | (found ? LIST_SELECT_YES : 0));
    if (comma != (size_t)-1)
        P(b, comma)->list_memo |= (uint8_t)(LIST_SELECT_KNOWN | (found ? LIST_SELECT_YES : 0));
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
    size_t last = on;
    for (size_t k = next_sig(b, on); in_stmt(b, k); k = next_sig(b, k)) {
        if (is_op(b, k, ")") || is_op(b, k, "]") || is_op(b, k, ",") || is_op(b, k, ";"))
            break;
        if (word_in(b, k, stop) && !is_op(b, next_sig(b, k), "("))
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
            if (P(b, k)->list_memo & LIST_FROM_KNOWN) {
                found = (P(b, k)->list_memo & LIST_FROM_YES) != 0;
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
    if (is_op(b, i, ","))
        P(b, i)->list_memo |= (uint8_t)(LIST_FROM_KNOWN | (found ? LIST_FROM_YES : 0));
    if (comma != (size_t)-1)
        P(b, comma)->list_memo |= (uint8_t)(LIST_FROM_KNOWN | (found ? LIST_FROM_YES : 0));
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
        if (P(b, k)->list_memo & LIST_VALUES_KNOWN) {
            found = (P(b, k)->list_memo & LIST_VALUES_YES) != 0;
            break;
        }
    }
    if (is_op(b, i, ","))
        P(b, i)->list_memo |= (uint8_t)(LIST_VALUES_KNOWN | (found ? LIST_VALUES_YES : 0));
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
    if (n == 2 && memcmp(s, "&&", 2) == 0)
        return refuse(b, i, "operator '&&'");
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

/*
 * Spark puts comparisons inside the operands of LIKE, RLIKE, IN, BETWEEN
 * and IS (a LIKE b >= c is a LIKE (b >= c); a >= b LIKE c is
 * (a >= b) LIKE c); PostgreSQL binds those predicates tighter than
 * comparisons.  A comparison and such a predicate in one operand run
 * (between AND, OR, NOT, commas, CASE words and clause words, at one
 * bracket level) would be read differently: refused, asking for
 * parentheses.
 */
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

static int check_predicate_mix(bridge *b)
{
    static const char *const preds[] = {
        "like", "ilike", "rlike", "regexp", "is", "between", "in", NULL};
    static const char *const separators[] = {
        "and", "or", "not", "when", "then", "else", "end", "case", "select", "where",
        "having", "on", "from", "by", "qualify", "join", "using", "limit", "offset", "order",
        "group", "window", "union", "intersect", "except", "minus", "as", "filter", "over",
        "asc", "desc", "distinct", "all", "exists", "sort", "cluster", "distribute", NULL};
    /* Nothing to refuse without both a comparison and a predicate word. */
    int has_cmp = 0, has_pred = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end && !(has_cmp && has_pred); i++) {
        has_cmp |= is_comparison(b, i);
        has_pred |= word_in(b, i, preds);
    }
    if (!(has_cmp && has_pred))
        return 0;
    int maxlv = 2, lvd = 0;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end; i++) {
        if (is_op(b, i, "(") || is_op(b, i, "["))
            if (++lvd + 2 > maxlv)
                maxlv = lvd + 2;
        if (is_op(b, i, ")") || is_op(b, i, "]"))
            lvd--;
    }
    const int MAXLV = maxlv;
    struct lv { size_t cmp, pred; int between; } *st = xmalloc((size_t)MAXLV * sizeof *st);
    int d = 0, rc = 0;
    st[0].cmp = st[0].pred = (size_t)-1;
    for (size_t i = b->st->tok_begin; i < b->st->tok_end && rc == 0; i++) {
        const dtok *t = T(b, i);
        if (dialect_is_trivia(t->kind))
            continue;
        struct lv *l = &st[d];
        if (is_op(b, i, "(") || is_op(b, i, "[")) {
            if (d + 1 < MAXLV) {
                d++;
                st[d].cmp = st[d].pred = (size_t)-1;
                st[d].between = 0;
            }
            continue;
        }
        if (is_op(b, i, ")") || is_op(b, i, "]")) {
            if (d > 0)
                d--;
            continue;
        }
        int sep = is_op(b, i, ",") || is_op(b, i, ";") || is_op(b, i, "->");
        /* Most words are names: neither list holds a word PostgreSQL does
         * not know as a keyword, but for these Spark ones. */
        static const char *const spark_words[] = {
            "rlike", "regexp", "qualify", "sort", "cluster", "distribute", "minus", NULL};
        if (t->kind == TK_WORD && kw_category(b, i) == PG_KW_NONE && !word_in(b, i, spark_words))
            continue;
        if (t->kind == TK_WORD) {
            if (is_word(b, i, "and") && l->between) {
                l->between = 0;
                continue;
            }
            if (is_word(b, i, "not") &&
                (word_in(b, next_sig(b, i), preds) || is_word(b, prev_sig(b, i), "is")))
                continue;       /* NOT LIKE, IS NOT NULL: part of the predicate */
            /* a predicate word (IN only before its list) */
            if (word_in(b, i, preds) && (!is_word(b, i, "in") || is_op(b, next_sig(b, i), "("))) {
                if (l->pred == (size_t)-1)
                    l->pred = i;
                if (is_word(b, i, "between"))
                    l->between = 1;
            } else if (word_in(b, i, separators)) {
                sep = 1;
            }
        } else if (is_comparison(b, i) && l->cmp == (size_t)-1) {
            l->cmp = i;
        }
        if (sep) {
            l->cmp = l->pred = (size_t)-1;
            l->between = 0;
            continue;
        }
        if (l->cmp != (size_t)-1 && l->pred != (size_t)-1) {
            size_t at = l->cmp > l->pred ? l->cmp : l->pred;
            rc = set_error(b->err, T(b, at)->start,
                           "a comparison and %.*s in one expression: add parentheses (Spark "
                           "and PostgreSQL group them differently)",
                           (int)TLEN(b, l->pred), TXT(b, l->pred));
        }
    }
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
        rc = check_predicate_mix(&b);
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
            break;
        case TK_HINT: {
            size_t p = prev_sig(&b, i);
            if (p == (size_t)-1 || !is_word(&b, p, "select")) {
                break;          /* not after SELECT: an ordinary comment */
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
        case TK_EOF: case TK_ERROR:
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
