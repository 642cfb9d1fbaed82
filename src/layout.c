/*
 * layout.c - how a rewritten statement is laid out.
 *
 * The emitter writes one line (compact).  Two other layouts are built
 * from its text and from the user's, changing only the whitespace and
 * comments between tokens:
 *
 *   pretty  one clause per line (FROM, WHERE, GROUP BY, joins, set
 *           operations ...), a subquery's clauses indented inside its
 *           brackets;
 *   keep    the user's own text wherever the rewrite kept a token: the
 *           statement's tokens are matched against the emitted tokens
 *           (longest common subsequence, keywords compared ignoring case),
 *           kept tokens are copied with the spacing and comments that
 *           stood between them, and only added tokens are written anew,
 *           each after one space.  A LIMIT added at the end, a window
 *           ANDed into a WHERE line, a hint after SELECT: everything else
 *           stays as the user wrote it.
 *
 * Neither layout is trusted: the engine re-parses what they produce and
 * compares it with the rewritten tree, as it does the compact text, and
 * hands out the compact text when they differ.  A statement whose token
 * lists are too long for the match table (LAYOUT_MAX_CELLS) is laid out
 * compact.
 */
#include "layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "sbuf.h"

/* The keep layout's match table, cells of 2 bytes: 8 MB at most. */
#define LAYOUT_MAX_CELLS (4u << 20)
/* Deeper subqueries than this are not indented further. */
#define LAYOUT_MAX_INDENT 16

/* The significant tokens of a text: everything but whitespace and
 * comments (a hint is significant: it is part of the query). */
typedef struct tokens {
    dialect_source src;
    size_t *idx;            /* indexes into src.toks */
    size_t n;
} tokens;

static int significant(tok_kind k)
{
    return k != TK_EOF && (k == TK_HINT || !dialect_is_trivia(k));
}

static int tokens_read(tokens *t, const char *text, size_t len)
{
    dialect_error err;
    t->idx = NULL;
    t->n = 0;
    if (dialect_lex(&t->src, text, len, &err) < 0)
        return -1;
    t->idx = malloc((t->src.ntoks + 1) * sizeof *t->idx);
    if (!t->idx) {
        dialect_source_free(&t->src);
        return -1;
    }
    for (size_t i = 0; i < t->src.ntoks; i++)
        if (significant(t->src.toks[i].kind))
            t->idx[t->n++] = i;
    return 0;
}

static void tokens_free(tokens *t)
{
    free(t->idx);
    dialect_source_free(&t->src);
}

static const dtok *tok(const tokens *t, size_t i)
{
    return &t->src.toks[t->idx[i]];
}

/* Are token i of a and token j of b the same token?  Words compare
 * ignoring ASCII case (keywords and names are case-insensitive in Spark;
 * the kept spelling is the user's); everything else byte for byte. */
static int same_token(const tokens *a, size_t i, const tokens *b, size_t j)
{
    const dtok *x = tok(a, i), *y = tok(b, j);
    size_t n = x->end - x->start;
    if (x->kind != y->kind || n != y->end - y->start)
        return 0;
    const char *p = a->src.text + x->start, *q = b->src.text + y->start;
    if (x->kind != TK_WORD)
        return memcmp(p, q, n) == 0;
    for (size_t k = 0; k < n; k++) {
        char c = p[k], d = q[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20);
        if (d >= 'A' && d <= 'Z')
            d = (char)(d | 0x20);
        if (c != d)
            return 0;
    }
    return 1;
}

/* ---- keep ----------------------------------------------------------- */

/* The text between significant tokens i and i + 1 of t (i may be -1 for
 * the text before the first token). */
static void gap(const tokens *t, long i, size_t *from, size_t *to)
{
    *from = i < 0 ? 0 : tok(t, (size_t)i)->end;
    *to = (size_t)i + 1 < t->n ? tok(t, (size_t)i + 1)->start : t->src.len;
}

static int gap_has_comment(const tokens *t, long i)
{
    /* The lexer's tokens between significant tokens i and i + 1. */
    size_t k = i < 0 ? 0 : t->idx[i] + 1;
    size_t end = (size_t)i + 1 < t->n ? t->idx[i + 1] : t->src.ntoks;
    for (; k < end; k++)
        if (t->src.toks[k].kind == TK_LINE_COMMENT || t->src.toks[k].kind == TK_BLOCK_COMMENT)
            return 1;
    return 0;
}

/* Does the text between tokens i and i + 1 hold a line break and nothing
 * but whitespace? */
static int gap_is_line_break(const tokens *t, long i)
{
    size_t from, to;
    gap(t, i, &from, &to);
    int nl = 0;
    for (size_t k = from; k < to; k++) {
        char c = t->src.text[k];
        if (c == '\n' || c == '\r')
            nl = 1;
        else if (c != ' ' && c != '\t' && c != '\f' && c != '\v')
            return 0;
    }
    return nl;
}

static int ends_in_space(const sbuf *out)
{
    if (out->len == 0)
        return 1;
    char c = out->data[out->len - 1];
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static void trim_trailing_blanks(sbuf *out)
{
    while (out->len > 0 && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
        out->len--;
    if (out->data)
        out->data[out->len] = '\0';
}

/* A line break as the user's text writes them (LF, CRLF or CR), then
 * the indentation of the output's last line. */
static void new_line_as_last(sbuf *out, const char *line_break)
{
    size_t k = out->len;
    while (k > 0 && out->data[k - 1] != '\n' && out->data[k - 1] != '\r')
        k--;
    size_t e = k;
    while (e < out->len && (out->data[e] == ' ' || out->data[e] == '\t'))
        e++;
    char indent[64];
    size_t n = e - k < sizeof indent ? e - k : sizeof indent;
    memcpy(indent, out->data + k, n);
    sbuf_puts(out, line_break);
    sbuf_putn(out, indent, n);
}

/* The walk over the match: what was last written. */
typedef struct walk {
    const tokens *o, *e;
    sbuf *out;
    long last_kept;         /* the last original token written, -1 if none */
    long last_j;            /* the emitted token last written (kept or added), -1 */
    int contiguous;         /* nothing added or dropped since last_kept */
    const char *line_break; /* the original's line break, NULL on one line */
} walk;

/* The emitter's own spacing before emitted token j, when the token
 * written last is emitted token j - 1: 1 for a space, 0 for none; -1 when
 * the two are not neighbours in the emitted text. */
static int emitted_space_before(const walk *w, size_t j)
{
    if (j == 0 || w->last_j != (long)j - 1)
        return -1;
    return tok(w->e, j - 1)->end < tok(w->e, j)->start;
}

/* The output leaves the original text after last_kept: the comments that
 * stood after it are written now, so none is lost (a line comment keeps
 * its line break: it ends the gap). */
static void leave_original(walk *w)
{
    if (!w->contiguous)
        return;
    w->contiguous = 0;
    if (w->last_kept < 0 || !gap_has_comment(w->o, w->last_kept))
        return;
    size_t from, to;
    gap(w->o, w->last_kept, &from, &to);
    if (!ends_in_space(w->out))
        sbuf_putc(w->out, ' ');
    sbuf_putn(w->out, w->o->src.text + from, to - from);
}

static void keep_token(walk *w, size_t i, size_t j)
{
    size_t from, to;
    if (w->contiguous && w->last_kept == (long)i - 1 && (i > 0 || w->out->len == 0)) {
        /* The original spacing and comments (before the first token too;
         * never after the last: the engine writes ";" there). */
        gap(w->o, (long)i - 1, &from, &to);
        sbuf_putn(w->out, w->o->src.text + from, to - from);
    } else if (i > 0 && gap_is_line_break(w->o, (long)i - 1)) {
        /* Back in the user's text at the start of one of their lines. */
        trim_trailing_blanks(w->out);
        gap(w->o, (long)i - 1, &from, &to);
        sbuf_putn(w->out, w->o->src.text + from, to - from);
    } else if (emitted_space_before(w, j) == 0) {
        /* no space, as the emitter wrote it: sum(revenue) */
    } else if (!ends_in_space(w->out)) {
        sbuf_putc(w->out, ' ');
    }
    const dtok *t = tok(w->o, i);
    sbuf_putn(w->out, w->o->src.text + t->start, t->end - t->start);
    w->last_kept = (long)i;
    w->last_j = (long)j;
    w->contiguous = 1;
}

static void drop_token(walk *w)
{
    leave_original(w);
}

static int starts_clause(const tokens *t, size_t i);

/* An emitted token the original does not have: written anew, spaced as
 * the emitter spaced it from a token added just before it; a clause added
 * to a statement written over several lines starts a line of its own. */
static void add_token(walk *w, size_t j)
{
    const dtok *t = tok(w->e, j);
    int was_added = !w->contiguous;
    int space = emitted_space_before(w, j);
    leave_original(w);
    if (was_added && space >= 0) {
        if (space)
            sbuf_putc(w->out, ' ');
    } else if (w->line_break && starts_clause(w->e, j)) {
        trim_trailing_blanks(w->out);
        new_line_as_last(w->out, w->line_break);
    } else if (space == 0) {
        /* no space, as the emitter wrote it: main.sales.revenue_by_day */
    } else if (!ends_in_space(w->out)) {
        sbuf_putc(w->out, ' ');
    }
    sbuf_putn(w->out, w->e->src.text + t->start, t->end - t->start);
    w->last_j = (long)j;
}

/* Words the emitter adds or drops without changing the tree. */
static int is_noise(const tokens *t, size_t i)
{
    const dialect_source *src = &t->src;
    size_t k = t->idx[i];
    return dialect_tok_is_word(src, k, "as") || dialect_tok_is_word(src, k, "outer") ||
           dialect_tok_is_word(src, k, "inner");
}

enum { STEP_MATCH, STEP_DROP, STEP_ADD };

/* The next step of the match at (i, j) of the middle (n original and m
 * emitted tokens after the prefix pre), from the table L. */
static int step(const uint16_t *L, size_t m, const tokens *o, const tokens *e, size_t pre,
                size_t n, size_t i, size_t j)
{
#define AT(a, b) L[(size_t)(a) * (m + 1) + (b)]
    if (i < n && j < m && same_token(o, pre + i, e, pre + j) && AT(i, j) == AT(i + 1, j + 1) + 1)
        return STEP_MATCH;
    if (i < n && (j == m || AT(i + 1, j) >= AT(i, j + 1)))
        return STEP_DROP;
    return STEP_ADD;
#undef AT
}

int layout_keep(const char *orig, size_t orig_len, const char *emitted, size_t emitted_len,
                int keep_noise, sbuf *out)
{
    tokens o, e;
    if (tokens_read(&o, orig, orig_len) < 0)
        return -1;
    if (tokens_read(&e, emitted, emitted_len) < 0) {
        tokens_free(&o);
        return -1;
    }
    int rc = -1;
    /* Common prefix and suffix first: most rewrites change a few places. */
    size_t pre = 0, suf = 0;
    while (pre < o.n && pre < e.n && same_token(&o, pre, &e, pre))
        pre++;
    while (suf < o.n - pre && suf < e.n - pre &&
           same_token(&o, o.n - 1 - suf, &e, e.n - 1 - suf))
        suf++;
    size_t n = o.n - pre - suf, m = e.n - pre - suf;
    uint16_t *L = NULL;
    if (n > 0xfffe || m > 0xfffe || (n + 1) * (m + 1) > LAYOUT_MAX_CELLS)
        goto done;
    /* L[i][j]: the longest common subsequence of the middle's suffixes
     * from original token pre+i and emitted token pre+j. */
    L = calloc((n + 1) * (m + 1), sizeof *L);
    if (!L)
        goto done;
#define CELL(i, j) L[(size_t)(i) * (m + 1) + (j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            CELL(i, j) = same_token(&o, pre + i, &e, pre + j)
                             ? (uint16_t)(CELL(i + 1, j + 1) + 1)
                             : (CELL(i + 1, j) >= CELL(i, j + 1) ? CELL(i + 1, j)
                                                                  : CELL(i, j + 1));
    /* Walk the match: kept tokens with their original surroundings. */
    if (o.n == 0 || e.n == 0)
        goto done;
    const char *cr = memchr(orig, '\r', orig_len);
    walk w = {&o, &e, out, -1, -1, 1,
              cr ? (cr + 1 < orig + orig_len && cr[1] == '\n' ? "\r\n" : "\r")
                 : memchr(orig, '\n', orig_len) ? "\n" : NULL};
    for (size_t k = 0; k < pre; k++)
        keep_token(&w, k, k);
    size_t i = 0, j = 0;        /* within the middle */
    while (i < n || j < m) {
        int st = step(L, m, &o, &e, pre, n, i, j);
        if (st == STEP_MATCH) {
            keep_token(&w, pre + i, pre + j);
            i++;
            j++;
        } else if (st == STEP_DROP) {
            /* An original token the rewrite dropped; a noise word between
             * two kept tokens (LEFT OUTER JOIN, AS) stays when asked. */
            if (keep_noise && w.contiguous && is_noise(&o, pre + i) &&
                step(L, m, &o, &e, pre, n, i + 1, j) == STEP_MATCH)
                keep_token(&w, pre + i, (size_t)-1);
            else
                drop_token(&w);
            i++;
        } else {
            /* An emitted token the original does not have; the emitter's
             * noise words between two kept tokens (t AS x) are left out
             * when asked. */
            if (keep_noise && w.contiguous && is_noise(&e, pre + j) &&
                step(L, m, &o, &e, pre, n, i, j + 1) == STEP_MATCH)
                w.last_j = (long)(pre + j);
            else
                add_token(&w, pre + j);
            j++;
        }
    }
    for (size_t k = 0; k < suf; k++)
        keep_token(&w, o.n - suf + k, e.n - suf + k);
#undef CELL
    rc = 0;
done:
    free(L);
    tokens_free(&o);
    tokens_free(&e);
    return rc;
}

/* ---- pretty --------------------------------------------------------- */

/* Is significant token i the word w / the operator op?  (The bridge's
 * tests, on the lexer's token index.) */
static int word_at(const tokens *t, size_t i, const char *w)
{
    return i < t->n && dialect_tok_is_word(&t->src, t->idx[i], w);
}

static int op_at(const tokens *t, size_t i, const char *op)
{
    return i < t->n && dialect_tok_is_op(&t->src, t->idx[i], op);
}

static int is_join_word(const tokens *t, size_t i)
{
    static const char *const words[] = {"left", "right", "full", "inner", "cross", "natural",
                                        "semi", "anti", "outer", NULL};
    for (int k = 0; words[k]; k++)
        if (word_at(t, i, words[k]))
            return 1;
    return 0;
}

/* Does token i start a clause of the query it is in?  Only asked at a
 * query's own bracket level, so ORDER BY inside OVER (...) or FROM inside
 * EXTRACT(...) never counts. */
static int starts_clause(const tokens *t, size_t i)
{
    static const char *const single[] = {"select", "from", "where", "having", "qualify",
                                         "window", "limit", "offset", "union", "intersect",
                                         "minus", "pivot", "unpivot", NULL};
    static const char *const by[] = {"group", "order", "sort", "cluster", "distribute", NULL};
    for (int k = 0; single[k]; k++)
        if (word_at(t, i, single[k]))
            return 1;
    for (int k = 0; by[k]; k++)
        if (word_at(t, i, by[k]) && word_at(t, i + 1, "by"))
            return 1;
    /* EXCEPT the set operation, not SELECT * EXCEPT (columns). */
    if (word_at(t, i, "except") && !(i > 0 && op_at(t, i - 1, "*")))
        return 1;
    if (word_at(t, i, "lateral") && word_at(t, i + 1, "view"))
        return 1;
    /* A join: its first word (LEFT OUTER JOIN breaks before LEFT). */
    if (word_at(t, i, "join"))
        return !(i > 0 && is_join_word(t, i - 1));
    if (is_join_word(t, i)) {
        size_t k = i;
        while (k < t->n && is_join_word(t, k))
            k++;
        return word_at(t, k, "join") && !(i > 0 && is_join_word(t, i - 1));
    }
    return 0;
}

static void newline(sbuf *out, int depth)
{
    sbuf_putc(out, '\n');
    for (int k = 0; k < depth && k < LAYOUT_MAX_INDENT; k++)
        sbuf_puts(out, "  ");
}

int layout_pretty(const char *emitted, size_t emitted_len, sbuf *out)
{
    tokens e;
    if (tokens_read(&e, emitted, emitted_len) < 0)
        return -1;
    /* One entry per open bracket: does it hold a query? */
    unsigned char *query = malloc(e.n + 1);
    if (!query) {
        tokens_free(&e);
        return -1;
    }
    size_t open = 0;
    int depth = 0;              /* open query brackets */
    int at_query_level = 1;     /* the innermost bracket is a query's, or none */
    for (size_t i = 0; i < e.n; i++) {
        const dtok *t = tok(&e, i);
        int broke = 0;
        if (op_at(&e, i, ")") && open > 0) {
            if (query[--open]) {
                depth--;
                newline(out, depth);
                broke = 1;
            }
            at_query_level = open == 0 || query[open - 1];
        } else if (i > 0 && at_query_level && starts_clause(&e, i) &&
                   !op_at(&e, i - 1, "(")) {
            newline(out, depth);
            broke = 1;
        }
        if (!broke && i > 0 && tok(&e, i - 1)->end < t->start)
            sbuf_putc(out, ' ');    /* the emitter's own space */
        sbuf_putn(out, e.src.text + t->start, t->end - t->start);
        if (op_at(&e, i, "(")) {
            int q = word_at(&e, i + 1, "select") || word_at(&e, i + 1, "with") ||
                    word_at(&e, i + 1, "values") || word_at(&e, i + 1, "from");
            query[open++] = (unsigned char)q;
            at_query_level = q;
            if (q) {
                depth++;
                newline(out, depth);
            }
        }
    }
    free(query);
    tokens_free(&e);
    return 0;
}
