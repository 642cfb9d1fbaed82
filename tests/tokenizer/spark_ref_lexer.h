/*
 * spark_ref_lexer.h - a reference tokenizer for the differential test
 * (lexer_diff.c), written from Spark 4.0's SqlBaseLexer.g4 alone and
 * sharing no code with sluice's lexer.  Test-only.
 */
#ifndef SPARK_REF_LEXER_H
#define SPARK_REF_LEXER_H

#include <stddef.h>

typedef enum ref_class {
    REF_WS,             /* WS */
    REF_SIMPLE_COMMENT, /* SIMPLE_COMMENT */
    REF_BRACKETED,      /* BRACKETED_COMMENT (closed) */
    REF_HENT_START,     /* HENT_START */
    REF_HENT_END,       /* HENT_END */
    REF_STRING,         /* STRING_LITERAL (quoted form), DOUBLEQUOTED_STRING */
    REF_RAW_STRING,     /* STRING_LITERAL (R'...' / R"..." forms) */
    REF_BACKQUOTED,     /* BACKQUOTED_IDENTIFIER */
    REF_NUMBER,         /* BIGINT_LITERAL ... BIGDECIMAL_LITERAL */
    REF_WORD,           /* a keyword or IDENTIFIER of A-Z, 0-9, _ */
    REF_OP,             /* an operator or punctuation token */
    REF_BAD             /* UNRECOGNIZED, an unclosed BRACKETED_COMMENT, or an
                           IDENTIFIER the parser rejects (INVALID_IDENTIFIER:
                           a letter outside A-Z, or the '://' path form) */
} ref_class;

typedef struct ref_token {
    ref_class cls;
    size_t start, end;  /* byte offsets */
} ref_token;

/* Tokenize text[0..len) (UTF-8).  Writes at most cap tokens to out and
 * returns the number of tokens (which may exceed cap). */
size_t spark_ref_tokenize(const char *text, size_t len, ref_token *out, size_t cap);

#endif
