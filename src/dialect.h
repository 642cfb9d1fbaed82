/*
 * dialect.h - the bridge between Databricks SQL and the PostgreSQL
 * grammar of libpg_query.
 *
 * Databricks SQL differs from PostgreSQL in a finite set of spots
 * (listed in docs/dialect.md).  The bridge lexes the
 * original text (grammar/databricks.re), then rewrites each statement
 * token by token into PostgreSQL-parseable text in which every Spark
 * construct has a stand-in with the same precedence.  Three side
 * products let later stages undo the mapping:
 *
 *   - a source map from bridged byte offsets back to original offsets,
 *     so every diagnostic points into the text the user wrote;
 *   - marks: stand-in tokens whose node must be renamed after parsing
 *     (DIV parsed as '/', RLIKE parsed as LIKE, TRY_CAST as CAST, ...),
 *     keyed by the bridged offset that libpg_query reports as the
 *     node's location;
 *   - hints: the text of each hint comment with the bridged offset of
 *     the first select-list item it belongs to.
 *
 * Ownership: dialect_source borrows the caller's text and owns its token
 * array; dialect_bridged owns everything in it.  Free with the matching
 * *_free function.  Nothing here keeps global state.
 */
#ifndef SLUICE_DIALECT_H
#define SLUICE_DIALECT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexer.h"
#include "sbuf.h"

/* Upper bounds that keep hostile input from exhausting stack or memory. */
#define DIALECT_MAX_NESTING 256

/* Name of the synthetic WINDOW entry that carries a QUALIFY condition
 * through the PostgreSQL grammar.  User identifiers may not use it. */
#define DIALECT_QUALIFY_MARKER "sluice:qualify"
/* Synthetic WINDOW entries for SORT BY / DISTRIBUTE BY / CLUSTER BY. */
#define DIALECT_SORT_BY_MARKER "sluice:sort_by"
#define DIALECT_DISTRIBUTE_BY_MARKER "sluice:distribute_by"
#define DIALECT_CLUSTER_BY_MARKER "sluice:cluster_by"
/* GROUP BY ALL travels as a GROUP BY of this column name. */
#define DIALECT_GROUP_BY_ALL "sluice:all"
/* Alias given to FROM items Spark allows without one (PostgreSQL 15
 * requires it); the emitter leaves it out again. */
#define DIALECT_ANON_ALIAS "sluice:anonymous"
/* PostgreSQL truncates identifiers to 63 bytes; Spark does not.  Longer
 * names travel as "sluice:id:N" and are restored after parsing. */
#define DIALECT_LONG_IDENT "sluice:id:"
#define DIALECT_MAX_PG_IDENT 63
/* A suffixed numeric literal (10L, 1.5BD) travels as a cast to this
 * type name plus the suffix in lower case: "sluice:literal_bd". */
#define DIALECT_LITERAL_TYPE "sluice:literal_"
/* Every identifier starting with this prefix is reserved. */
#define DIALECT_RESERVED_PREFIX "sluice:"

typedef struct dialect_error {
    size_t offset;          /* byte offset in the original text */
    char   message[240];
} dialect_error;

typedef struct dtok {
    tok_kind kind;
    uint32_t start, end;    /* byte range in the original text */
    int32_t  match;         /* index of the matching bracket, else -1 */
} dtok;

typedef struct dialect_source {
    const char *text;       /* borrowed, NUL-terminated */
    size_t      len;
    dtok       *toks;       /* owned; ends with a TK_EOF token */
    size_t      ntoks;
    int         toks_scratch;   /* toks is request scratch (arena.h), not malloc'd */
} dialect_source;

/* Space, a comment or a hint: a token that separates others and means
 * nothing to the grammar. */
int dialect_is_trivia(tok_kind k);

typedef struct dialect_stmt {
    size_t tok_begin, tok_end;  /* token index range, excluding the ';' */
    size_t start, end;          /* trimmed byte range in the original text */
} dialect_stmt;

typedef enum dialect_mark {
    DM_NONE = 0,
    DM_DIV,                 /* '/' that was DIV */
    DM_RLIKE,               /* LIKE that was RLIKE / REGEXP */
    DM_TRY_CAST,            /* CAST that was TRY_CAST */
    DM_LATERAL_VIEW,        /* function of a LATERAL VIEW */
    DM_LATERAL_VIEW_OUTER,  /* function of a LATERAL VIEW OUTER */
    DM_IGNORE_NULLS,        /* call followed by IGNORE NULLS */
    DM_RESPECT_NULLS,       /* call followed by RESPECT NULLS */
    DM_IGNORE_NULLS_IN,     /* call ending in IGNORE NULLS: f(x IGNORE NULLS) */
    DM_RESPECT_NULLS_IN,    /* call ending in RESPECT NULLS */
    DM_PARAM,               /* $n standing for a :name or ? parameter marker */
    DM_NATURAL_SEMI,        /* right side of a NATURAL [LEFT] SEMI JOIN */
    DM_NATURAL_ANTI         /* right side of a NATURAL [LEFT] ANTI JOIN */
} dialect_mark;

typedef struct dialect_map_entry {
    uint32_t out;           /* start of a piece in the bridged text */
    uint32_t orig;          /* start of its source in the original */
    uint32_t orig_len;      /* length of that source (0 for insertions) */
} dialect_map_entry;

typedef struct dialect_hint {
    uint32_t anchor;        /* bridged offset of the first select item */
    uint32_t orig;          /* offset of the hint comment */
    char    *text;          /* text between the hint's delimiters */
} dialect_hint;

typedef struct dialect_bridged {
    sbuf pg;                            /* the PostgreSQL-parseable text */
    dialect_map_entry *map;  size_t nmap, capmap;
    struct { uint32_t out; int kind; } *marks;
    size_t nmarks, capmarks;
    dialect_hint *hints;     size_t nhints, caphints;
    char **long_idents;      size_t nlong;   /* see DIALECT_LONG_IDENT */
    int has_pivot;                      /* a PIVOT / UNPIVOT stand-in was written */
} dialect_bridged;

/* Lex text[0..len) (text[len] must be NUL).  Rejects NUL bytes, stray
 * characters, unterminated literals and unbalanced brackets.  Returns 0,
 * or -1 with *err set. */
int dialect_lex(dialect_source *src, const char *text, size_t len,
                dialect_error *err);
void dialect_source_free(dialect_source *src);

/* Split at top-level semicolons; statements holding only comments and
 * whitespace are skipped.  Returns the count; *out is malloc'd. */
size_t dialect_statements(const dialect_source *src, dialect_stmt **out);

/* Token tests, as the bridge makes them (inline: it asks them of most
 * tokens).  Are the n bytes at t the word w (lower case), ASCII case
 * aside?  Is token i the operator op, or the word w? */
static inline int dialect_word_is(const char *t, size_t n, const char *w)
{
    for (size_t k = 0; k < n; k++) {
        char c = t[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20);
        if (c != w[k])      /* also where w ends first */
            return 0;
    }
    return w[n] == '\0';
}

static inline __attribute__((always_inline)) int
dialect_tok_is_op(const dialect_source *src, size_t i, const char *op)
{
    const dtok *t = &src->toks[i];
    /* The first byte first: most tests fail there. */
    if (t->kind != TK_OP || src->text[t->start] != op[0])
        return 0;
    size_t n = strlen(op);
    return t->end - t->start == n && memcmp(src->text + t->start + 1, op + 1, n - 1) == 0;
}

static inline __attribute__((always_inline)) int
dialect_tok_is_word(const dialect_source *src, size_t i, const char *w)
{
    const dtok *t = &src->toks[i];
    return t->kind == TK_WORD && dialect_word_is(src->text + t->start, t->end - t->start, w);
}

/* The index of the token before (dir -1) or after (+1) token i of st
 * that is not trivia, or (size_t)-1 when there is none. */
size_t dialect_sig_token(const dialect_source *src, const dialect_stmt *st, size_t i, int dir);

/* Bridge one statement.  Returns 0, or -1 with *err set (the bridged
 * result is then empty but must still be freed). */
int dialect_bridge(const dialect_source *src, const dialect_stmt *st,
                   dialect_bridged *out, dialect_error *err);
void dialect_bridged_free(dialect_bridged *b);

/* Original byte offset for a bridged byte offset. */
size_t dialect_to_orig(const dialect_bridged *b, size_t out);
/* Mark recorded at a bridged offset, DM_NONE if none. */
int dialect_mark_at(const dialect_bridged *b, size_t out);

/* Read a hint's body (the text between its delimiters; body[len] must
 * be NUL or the hint's star-slash) as Spark's parser reads it
 * (SqlBaseParser.g4):
 *   hint : HENT_START hintStatement (COMMA? hintStatement)* HENT_END ;
 *   hintStatement : identifier
 *                 | identifier '(' primaryExpression (',' primaryExpression)* ')' ;
 * An argument is taken as any non-empty run of tokens with balanced
 * brackets.  For each statement fn gets its name (is_arg 0), then each
 * argument (is_arg 1) as its tokens with one space wherever whitespace
 * or comments separated them; fn may be NULL.  Returns 0, or -1 with
 * *bad the offset in body where the text departs from the rule. */
typedef void (*dialect_hint_fn)(void *ctx, int is_arg, const char *text, size_t len);
int dialect_hint_read(const char *body, size_t len, dialect_hint_fn fn, void *ctx,
                      size_t *bad);

/* The parts of the name in the string of IDENTIFIER('...'), read as
 * Spark's parseMultipartIdentifier reads it: with the SQL lexer, so
 * spaces (Unicode ones too) and comments may stand between parts and a
 * back-quoted part may hold anything.  Returns the number of parts (1 to
 * 3) or -1 when the string is not such a name. */
int dialect_multipart_name(const char *s, char parts[3][256]);

/* Decode a Spark string literal token (quotes included) into *dst.
 * Returns 0, or -1 with *err (NUL characters cannot be represented). */
int dialect_decode_string(const char *tok, size_t len, int raw, sbuf *dst,
                          size_t orig, dialect_error *err);

#endif
