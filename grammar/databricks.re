/*
 * databricks.re - token grammar of Databricks / Spark SQL.
 *
 * re2c turns this file into src/lexer.c at build time (see CMakeLists.txt).
 * It recognises the lexical classes that differ from PostgreSQL:
 * backtick identifiers with doubled backticks, double-quoted strings,
 * backslash escapes in strings, raw strings r'...', numeric literals
 * with type suffixes (10L, 1.5BD), hint comments, nested comments and
 * placeholder forms sluice refuses (${var}, :name, ?).
 */
#include "lexer.h"

/* Nested block comment starting at p ("/" "*" already matched). */
static const char *skip_block_comment(const char *p)
{
    int depth = 1;
    while (*p) {
        if (p[0] == '/' && p[1] == '*') {
            depth++;
            p += 2;
        } else if (p[0] == '*' && p[1] == '/') {
            p += 2;
            if (--depth == 0)
                return p;
        } else {
            p++;
        }
    }
    return 0;
}

tok_kind lexer_next(const char *text, size_t pos, size_t *end, const char **msg)
{
    const char *YYCURSOR = text + pos;
    const char *YYMARKER;
    const char *start = YYCURSOR;
    *msg = 0;

#define DONE(k) do { *end = (size_t)(YYCURSOR - text); return (k); } while (0)
/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:flags:tags = 0;

    space   = [ \t\r\n\f\v]+;
    letter  = [a-zA-Z_] | [\x80-\xff];
    word    = letter (letter | [0-9])*;
    digits  = [0-9]+;
    exp     = [eE] [+-]? digits;
    number  = (digits ("." digits?)? | "." digits) exp?;
    suffix  = (letter | [0-9])+;    /* 10L, 1.5BD; 1_000 and 10x are one token, as
                                       Spark's IDENTIFIER takes them (longest match) */
    sq      = "'" ([^'\\\x00] | "\\" [^\x00])* "'";
    dq      = "\"" ([^"\\\x00] | "\\" [^\x00])* "\"";
    rawsq   = [rR] "'" [^'\x00]* "'";
    rawdq   = [rR] "\"" [^"\x00]* "\"";
    qident  = "`" ([^`\x00] | "``")* "`";

    "\x00"            { *end = pos; return TK_EOF; }
    space             { DONE(TK_SPACE); }
    "--" [^\n\x00]*   { DONE(TK_LINE_COMMENT); }
    "/*+"             {
                        const char *e = skip_block_comment(YYCURSOR);
                        if (!e) { *msg = "unterminated hint comment"; *end = pos + 1; return TK_ERROR; }
                        YYCURSOR = e; DONE(TK_HINT);
                      }
    "/*"              {
                        const char *e = skip_block_comment(YYCURSOR);
                        if (!e) { *msg = "unterminated comment"; *end = pos + 1; return TK_ERROR; }
                        YYCURSOR = e; DONE(TK_BLOCK_COMMENT);
                      }
    rawsq | rawdq     { DONE(TK_RAW_STRING); }
    sq | dq           { DONE(TK_STRING); }
    qident            { DONE(TK_QIDENT); }
    number suffix?    { DONE(TK_NUMBER); }
    word              { DONE(TK_WORD); }
    "${" [^}\x00]* "}" { DONE(TK_PARAM); }
    ":" word          { DONE(TK_PARAM); }
    "?"               { DONE(TK_PARAM); }
    "<=>" | "==" | "!=" | "<>" | "<=" | ">=" | "||" | "::" | "->" | "=>"
        | "<<" | ">>>" | ">>" | "&&"
                      { DONE(TK_OP); }
    [-+*/%<>=~!@#^&|:;,.()[\]{}$]
                      { DONE(TK_OP); }
    "'" | "\""        { *msg = "unterminated string literal"; *end = pos + 1; return TK_ERROR; }
    "`"               { *msg = "unterminated quoted identifier"; *end = pos + 1; return TK_ERROR; }
    *                 { *msg = "unexpected character"; *end = pos + 1; return TK_ERROR; }
*/
    (void)start;
}
