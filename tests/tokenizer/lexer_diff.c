/*
 * lexer_diff.c - differential test of sluice's lexer (grammar/
 * databricks.re) against spark_ref_lexer.c, an independent tokenizer
 * written from Spark 4.0's SqlBaseLexer.g4.
 *
 * Texts are generated from the tricky pieces of Spark's token rules:
 * comment forms, backslashes, CR and CRLF, hints with strings inside,
 * Unicode spaces and non-spaces, escapes, number suffixes, names that
 * start with digits, operator chains.  For each text both token streams
 * are compared:
 *   - without an error in the reference (UNRECOGNIZED, an unclosed
 *     comment, an identifier Spark's parser rejects), sluice's stream must
 *     be the same tokens, class and byte range, and end without error;
 *   - otherwise sluice must stop with an error inside the reference's
 *     first bad token, and agree on every token before it.
 * Where sluice tokenizes a Databricks form (? as a marker, ${var}) or
 * lexes one Spark does not (@), the comparison maps it as stated in
 * map_sluice().  Inside ARRAY<...>, MAP<...>, STRUCT<...> Spark's
 * lexer splits >> and >>> into single > tokens (isShiftRightOperator);
 * sluice keeps them whole and its bridge counts each '>' of them, so a
 * run of > tokens in the reference matches one sluice operator with the
 * same bytes.  A text whose tokens agree is also given to
 * dialect_lex(), which must accept it exactly when its hints are well
 * formed (each HENT_START closed by HENT_END, none nested, no HENT_END
 * elsewhere) and its brackets balance; every statement of it the bridge
 * accepts must then hand PostgreSQL no comment and no whitespace beyond
 * ASCII's (pg_unplain), whatever comments and spaces it was written with.
 *
 * usage: lexer_diff [--texts N] [--seed S] [--write-seeds FILE N]
 * Prints the first failures and "lexer_diff: N texts, M failed".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "lexer.h"
#include "spark_ref_lexer.h"

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static uint32_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1DULL) >> 32);
}

/* The pieces texts are made of. */
static const char *const pieces[] = {
    /* line comments: backslash continuation, CR, CRLF */
    "--", "-- x", "--\\", "\\", "\\\n", "\n", "\r", "\r\n", "\\\r\n", "---", "-",
    /* block comments and hints */
    "/*", "*/", "/*+", "+", "*", "/", "/**/", "/* a */", "/*/", "**/", "/*+ BROADCAST(t) */",
    "BROADCAST", "(", ")",
    /* strings, raw strings, back quotes */
    "'", "\"", "'a'", "'\\''", "'\\\\'", "\"x\"", "r'", "R\"", "r'\\'", "'*/'", "'--'", "`",
    "`a``b`", "``", "`*/`", "'\\u0041'", "'\\x'", "X'1F'",
    /* spaces: ASCII, vertical tab, form feed, Unicode */
    " ", "\t", "\v", "\f", "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x8a",
    "\xe2\x80\xa8", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80",
    /* non-spaces outside ASCII: letters and not */
    "\xe2\x80\x8b", "\xc3\xa9", "\xc3\xb7", "\xc3\x9f", "\xe4\xb8\xad", "\xc2\xad",
    /* numbers and suffixes */
    "1", "10", "1.", ".5", "0.25", "1e", "1e5", "1E+5", "2e-3", "5L", "5s", "5Y", "5d",
    "5F", "5BD", "1.5bd", "bd", "l", "e", "E", "d", "x", "_", "123abc", "9",
    /* operators */
    "<", ">", "=", "!", "<=>", "==", "<>", "!=", "!>", "!<", ">>", ">>>", "<<", "|", "||",
    "&", "&&", ":", "::", "->", "=>", "?", "%", "^", "~", ",", ";", "[", "]", ".",
    /* words and placeholders */
    "SELECT", "a", "t1", "FROM", "WHERE", "r", "R", "file", "://", "/tmp", "$", "${v}",
    "{", "}", "#", ":p", "@",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

static size_t gen_text(char *buf, size_t cap)
{
    size_t n = 0;
    int k = 1 + (int)(rnd() % 12);
    for (int i = 0; i < k; i++) {
        const char *p = pieces[rnd() % NPIECES];
        size_t m = strlen(p);
        if (n + m + 1 >= cap)
            break;
        memcpy(buf + n, p, m);
        n += m;
    }
    buf[n] = '\0';
    return n;
}

/* Sluice's tokens, in the reference's classes. */
typedef struct stok { ref_class cls; size_t start, end; } stok;

#define MAXT 512

/* Map sluice's tokens; returns the count, and *err_at the offset of an
 * error (SIZE_MAX if none). */
static size_t map_sluice(const char *text, stok *out, size_t *err_at)
{
    size_t pos = 0, n = 0;
    *err_at = SIZE_MAX;
    while (n + 2 < MAXT) {
        size_t end;
        const char *msg;
        tok_kind k = lexer_next(text, pos, &end, &msg);
        if (k == TK_EOF)
            break;
        if (k == TK_ERROR) {
            *err_at = pos;
            break;
        }
        ref_class c = REF_BAD;
        switch (k) {
        case TK_SPACE: c = REF_WS; break;
        case TK_LINE_COMMENT: c = REF_SIMPLE_COMMENT; break;
        case TK_BLOCK_COMMENT: c = REF_BRACKETED; break;
        case TK_HINT_START: c = REF_HENT_START; break;
        case TK_HINT_END: c = REF_HENT_END; break;
        case TK_STRING: c = REF_STRING; break;
        case TK_RAW_STRING: c = REF_RAW_STRING; break;
        case TK_QIDENT: c = REF_BACKQUOTED; break;
        case TK_NUMBER: c = REF_NUMBER; break;
        case TK_WORD: c = REF_WORD; break;
        case TK_OP:
            if (text[pos] == '@') {     /* Databricks' time travel; not Spark's */
                *err_at = pos;
                return n;
            }
            c = REF_OP;
            break;
        case TK_PARAM:
            if (text[pos] == '$') {     /* ${var}: Spark's UNRECOGNIZED '$' */
                *err_at = pos;
                return n;
            }
            c = REF_OP;                 /* ? is QUESTION */
            break;
        case TK_HINT: case TK_EOF: case TK_ERROR:
            break;
        }
        out[n++] = (stok){c, pos, end};
        pos = end;
    }
    return n;
}

static const char *cls_name(ref_class c)
{
    static const char *const names[] = {"WS", "SIMPLE_COMMENT", "BRACKETED", "HENT_START",
                                        "HENT_END", "STRING", "RAW_STRING", "BACKQUOTED",
                                        "NUMBER", "WORD", "OP", "BAD"};
    return names[c];
}

static void show(const char *text, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') printf("\\n");
        else if (c == '\r') printf("\\r");
        else if (c == '\\') printf("\\\\");
        else if (c == '"') printf("\\\"");
        else if (c < 32 || c >= 127) printf("\\x%02x", c);
        else putchar(c);
    }
    putchar('"');
}

static size_t failures, clean, structured;

static void fail(const char *text, size_t len, const char *why, const ref_token *r, size_t nr,
                 const stok *s, size_t ns, size_t serr)
{
    if (++failures > 10)
        return;
    printf("FAIL %s\n  text: ", why);
    show(text, len);
    printf("\n  spark:  ");
    for (size_t i = 0; i < nr; i++)
        printf("%s[%zu,%zu) ", cls_name(r[i].cls), r[i].start, r[i].end);
    printf("\n  sluice: ");
    for (size_t i = 0; i < ns; i++)
        printf("%s[%zu,%zu) ", cls_name(s[i].cls), s[i].start, s[i].end);
    if (serr != SIZE_MAX)
        printf("ERROR@%zu", serr);
    printf("\n");
}

/* Would PostgreSQL's scanner see, outside its '...' strings and "..."
 * names (doubled quotes escape; the bridge writes no other quoting), a
 * comment ("--" or slash-star), a vertical tab or a byte outside ASCII
 * (which out there can only be a Unicode space)? */
static int pg_unplain(const char *s)
{
    for (; *s; s++) {
        if (*s == '\'' || *s == '"') {
            char q = *s;
            for (s++; *s && !(*s == q && s[1] != q); s += (*s == q) ? 2 : 1)
                ;
            if (!*s)
                return 0;
        } else if ((s[0] == '-' && s[1] == '-') || (s[0] == '/' && s[1] == '*') ||
                   *s == '\v' || (unsigned char)*s >= 0x80) {
            return 1;
        }
    }
    return 0;
}

/* Bridge every statement of a text dialect_lex accepted; what PostgreSQL
 * is handed must hold none of what pg_unplain() looks for.  Returns 1
 * when it holds; counts the statements bridged. */
static size_t bridged;

static int bridge_is_plain(const dialect_source *src)
{
    dialect_stmt *st;
    size_t n = dialect_statements(src, &st);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++) {
        dialect_bridged b;
        dialect_error err;
        memset(&b, 0, sizeof b);
        if (dialect_bridge(src, &st[i], &b, &err) == 0) {
            bridged++;
            if (pg_unplain(b.pg.data))
                ok = 0;
        }
        dialect_bridged_free(&b);
    }
    free(st);
    return ok;
}

/* Does dialect_lex accept what the reference's tokens say Spark's hint
 * and bracket structure allows? */
static int structure_ok(const char *text, const ref_token *r, size_t nr)
{
    int in_hint = 0;
    char stack[DIALECT_MAX_NESTING + 1];
    int depth = 0;
    for (size_t i = 0; i < nr; i++) {
        if (r[i].cls == REF_HENT_START) {
            if (in_hint)
                return 0;
            in_hint = 1;
        } else if (r[i].cls == REF_HENT_END) {
            if (!in_hint)
                return 0;
            in_hint = 0;
        } else if (r[i].cls == REF_OP && !in_hint && r[i].end - r[i].start == 1) {
            char c = text[r[i].start];
            if (c == '(' || c == '[') {
                if (depth == DIALECT_MAX_NESTING)
                    return 0;
                stack[depth++] = c;
            } else if (c == ')' || c == ']') {
                if (depth == 0 || stack[depth - 1] != (c == ')' ? '(' : '['))
                    return 0;
                depth--;
            }
        }
    }
    return !in_hint && depth == 0;
}

static void check(const char *text, size_t len)
{
    static ref_token r[MAXT * 4];
    static stok s[MAXT];
    size_t nr = spark_ref_tokenize(text, len, r, MAXT * 4);
    size_t serr;
    size_t ns = map_sluice(text, s, &serr);
    size_t bad = SIZE_MAX;
    for (size_t i = 0; i < nr; i++)
        if (r[i].cls == REF_BAD) {
            bad = i;
            break;
        }
    size_t upto = bad == SIZE_MAX ? nr : bad;
    size_t limit = bad == SIZE_MAX ? SIZE_MAX : r[bad].start;
    /* The tokens before the first bad one agree. */
    size_t i = 0, j = 0;
    for (; i < upto; i++, j++) {
        if (j < ns && s[j].cls == REF_OP && r[i].cls == REF_OP && s[j].start == r[i].start &&
            s[j].end - s[j].start > 1 && text[s[j].start] == '>') {
            size_t k = i;       /* Spark's > > for sluice's >> inside a type */
            while (k + 1 < upto && r[k].end < s[j].end && r[k + 1].cls == REF_OP &&
                   r[k + 1].start == r[k].end && text[r[k + 1].start] == '>')
                k++;
            if (r[k].end == s[j].end) {
                i = k;
                continue;
            }
        }
        if (j >= ns || s[j].cls != r[i].cls || s[j].start != r[i].start || s[j].end != r[i].end) {
            if (j < ns && s[j].end > limit)
                break;      /* sluice's token reaches into the bad one */
            fail(text, len, "token streams differ", r, nr, s, ns, serr);
            return;
        }
    }
    if (bad == SIZE_MAX) {
        if (serr != SIZE_MAX || j != ns) {
            fail(text, len, "sluice stops or goes on where Spark does not", r, nr, s, ns, serr);
            return;
        }
        clean++;
        dialect_source src;
        dialect_error err;
        int lexed = dialect_lex(&src, text, len, &err) == 0;
        structured += lexed;
        if (lexed) {
            if (!bridge_is_plain(&src))
                fail(text, len, "the bridged text shows PostgreSQL a comment or a space it "
                     "does not know", r, nr, s, ns, serr);
            dialect_source_free(&src);
        }
        if (lexed != structure_ok(text, r, nr))
            fail(text, len, lexed ? "dialect_lex accepts a malformed hint or bracket"
                                  : "dialect_lex refuses well-formed hints and brackets",
                 r, nr, s, ns, serr);
        return;
    }
    if (serr == SIZE_MAX || serr < r[bad].start || serr >= r[bad].end)
        fail(text, len, "sluice does not stop inside Spark's first bad token", r, nr, s, ns,
             serr);
}

/* Fixed texts: each a case named in the issue. */
static const char *const fixed[] = {
    "SELECT * FROM t -- note \\\nWHERE d >= 1",
    "SELECT * FROM t WHERE d >= 1 -- x\rOR 1 = 1",
    "SELECT *\rFROM t\rWHERE d >= 1\r",
    "SELECT *\r\nFROM t\r\n",
    "/* a /* b */ c */ SELECT 1",
    "/* a /*+ b */ SELECT 1",
    "SELECT /*+ REPARTITION(3, 'a*/b') */ 1",
    "SELECT /*+ BROADCAST(t) -- */\n */ 1",
    "SELECT * FROM main.sales.transactions\xc2\xa0",
    "SELECT\va\xe3\x80\x80" "FROM t",
    "SELECT 1.5BD, 10L, -128Y, 1e5x, 1.5x, 123abc, .5, 1., 1.e3",
    "SELECT a<=>b!=c!>d!<e>>f>>>g<<h||i::j->k=>l",
    "SELECT CAST(x AS ARRAY<ARRAY<INT>>) >> 1",
    "SELECT 'it''s', \"a\\\"b\", r'\\', R\"x\"",
};

int main(int argc, char **argv)
{
    long texts = 100000;
    const char *seeds_file = NULL;
    long nseeds = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--texts") == 0 && i + 1 < argc)
            texts = atol(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            rng = strtoull(argv[++i], NULL, 0) | 1;
        else if (strcmp(argv[i], "--write-seeds") == 0 && i + 2 < argc) {
            seeds_file = argv[++i];
            nseeds = atol(argv[++i]);
        } else {
            fprintf(stderr, "usage: lexer_diff [--texts N] [--seed S] [--write-seeds FILE N]\n");
            return 2;
        }
    }
    if (seeds_file) {
        /* Statements for the mutation test: a query around the pieces. */
        FILE *f = fopen(seeds_file, "w");
        if (!f)
            return 2;
        fprintf(f, "-- Written by lexer_diff --write-seeds: statements around the lexer's\n"
                   "-- tricky pieces, the mutation test's seeds.\n");
        char buf[256], stmt[768];
        for (long i = 0; i < nseeds;) {
            gen_text(buf, sizeof buf);
            snprintf(stmt, sizeof stmt, "SELECT a, %s b FROM main.sales.transactions WHERE "
                     "transaction_date >= DATE'2026-11-01' %s", buf, buf);
            /* only statements that lex whole, so that none swallows the
             * next one */
            dialect_source src;
            dialect_error err;
            if (strchr(stmt, ';') || dialect_lex(&src, stmt, strlen(stmt), &err) < 0)
                continue;
            dialect_source_free(&src);
            fprintf(f, "%s;\n", stmt);
            i++;
        }
        fclose(f);
        return 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++, n++)
        check(fixed[i], strlen(fixed[i]));
    char buf[512];
    for (long i = 0; i < texts; i++, n++) {
        size_t len = gen_text(buf, sizeof buf);
        check(buf, len);
    }
    printf("lexer_diff: %zu texts (%zu without a Spark lexing error, %zu of them accepted by "
           "dialect_lex, %zu statements bridged), %zu failed\n", n, clean, structured, bridged,
           failures);
    return failures ? 1 : 0;
}
