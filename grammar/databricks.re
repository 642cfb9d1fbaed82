/*
 * databricks.re - token grammar of Databricks / Spark SQL.
 *
 * re2c turns this file into src/lexer.c at build time (see CMakeLists.txt).
 *
 * The rules follow Apache Spark 4.0's lexer, SqlBaseLexer.g4
 * (sql/api/src/main/antlr4/org/apache/spark/sql/catalyst/parser/, as of
 * SPARK-47344 and SPARK-47492, both in 4.0.0): each re2c rule below has
 * the Spark rule it follows quoted next to it.  Spark's lexer reads the
 * text through an upper-casing stream, so its 'L', 'E', 'R', 'BD' match
 * either case; re2c writes both cases out.  ANTLR and re2c agree on how
 * a token is chosen: the longest match, and on a tie the rule written
 * first; Spark's rule order is kept where two rules can tie.
 *
 * Where sluice knowingly reads less than Spark (docs/lexer.md lists it):
 *   - an unquoted name holding a letter outside A-Z: Spark lexes it as
 *     one IDENTIFIER and then rejects it (INVALID_IDENTIFIER, in
 *     exitUnquotedIdentifier); sluice rejects it while lexing;
 *   - Databricks' forms that OSS Spark does not lex (@ of time travel,
 *     ${var} template variables) are tokens here, which the bridge reads
 *     or refuses.
 */
#include "lexer.h"

/*
 * A bracketed comment whose "/" "*" ends just before p.  Spark:
 *   BRACKETED_COMMENT
 *       : '/' '*' {!isHint()}? ( BRACKETED_COMMENT | . )*? ('*' '/' | EOF) ;
 * A "/" "*" inside opens a nested comment unless a '+' follows it (the
 * isHint() predicate: "/" "*" "+" inside a comment is three characters);
 * "*" "/" closes the innermost.  Spark lexes an unclosed comment to the
 * end of the text and then fails the parse (markUnclosedComment), so an
 * unclosed comment is an error here.  Returns the end, or NULL.
 */
static const char *skip_block_comment(const char *p)
{
    int depth = 1;
    while (*p) {
        if (p[0] == '*' && p[1] == '/') {
            p += 2;
            if (--depth == 0)
                return p;
        } else if (p[0] == '/' && p[1] == '*' && p[2] != '+') {
            depth++;
            p += 2;
        } else {
            p++;
        }
    }
    return 0;
}

tok_kind lexer_next(const char *text, size_t pos, size_t *end, const char **msg)
{
    const char *YYCURSOR = text + pos;
    const char *YYMARKER = YYCURSOR;
    *msg = 0;

#define DONE(k) do { *end = (size_t)(YYCURSOR - text); return (k); } while (0)
#define FAIL(m) do { *msg = (m); *end = pos + 1; return TK_ERROR; } while (0)
/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:flags:tags = 0;

    // WS : [ \t\n\f\r\u000B\u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000]+
    //      -> channel(HIDDEN) ;                        (SPARK-47492, 4.0.0)
    // The same code points, in UTF-8.
    uspace  = "\xC2\xA0"                    // U+00A0 no-break space
            | "\xE1\x9A\x80"                // U+1680 ogham space mark
            | "\xE2\x80" [\x80-\x8A]        // U+2000 .. U+200A
            | "\xE2\x80\xA8"                // U+2028 line separator
            | "\xE2\x80\xAF"                // U+202F narrow no-break space
            | "\xE2\x81\x9F"                // U+205F medium mathematical space
            | "\xE3\x80\x80";               // U+3000 ideographic space
    space   = ([ \t\n\f\r\v] | uspace)+;

    // fragment DIGIT : [0-9] ;   fragment EXPONENT : 'E' [+-]? DIGIT+ ;
    // fragment DECIMAL_DIGITS : DIGIT+ '.' DIGIT* | '.' DIGIT+ ;
    digits  = [0-9]+;
    exp     = [eE] [+-]? digits;
    decimal = digits "." [0-9]* | "." digits;
    // isValidDecimal(): the character after the token is not a letter,
    // digit or '_' (the NUL that ends the text counts as "not").
    notword = [^a-zA-Z0-9_];
    // IDENTIFIER : (UNICODE_LETTER | DIGIT | '_')+ | ... ;  for A-Z only,
    // see above.  A name may start with a digit: 123abc is a name.
    ident   = [a-zA-Z0-9_]+;
    nonascii = [\x80-\xff];

    "\x00"            { *end = pos; return TK_EOF; }
    space             { DONE(TK_SPACE); }

    // SIMPLE_COMMENT : '--' ('\\\n' | ~[\r\n])* '\r'? '\n'? -> channel(HIDDEN) ;
    // A backslash before a line feed continues the comment; a carriage
    // return ends it; the line end is part of the comment.
    "--" ("\\\n" | [^\r\n\x00])* "\r"? "\n"?
                      { DONE(TK_LINE_COMMENT); }

    // HENT_START : '/*+' ;    (the hint's body is lexed as tokens)
    "/*+"             { DONE(TK_HINT_START); }
    // HENT_END : '*/' ;       (a token wherever it appears)
    "*/"              { DONE(TK_HINT_END); }
    // BRACKETED_COMMENT, see skip_block_comment.
    "/*"              {
                        const char *e = skip_block_comment((const char *)YYCURSOR);
                        if (!e) FAIL("unterminated comment");
                        YYCURSOR = e; DONE(TK_BLOCK_COMMENT);
                      }

    // STRING_LITERAL : '\'' ( ~('\''|'\\') | ('\\' .) )* '\''
    //                | 'R\'' (~'\'')* '\'' | 'R"' (~'"')* '"' ;
    // DOUBLEQUOTED_STRING : '"' ( ~('"'|'\\') | ('\\' .) )* '"' ;
    [rR] "'" [^'\x00]* "'"           { DONE(TK_RAW_STRING); }
    [rR] "\"" [^"\x00]* "\""         { DONE(TK_RAW_STRING); }
    "'" ([^'\\\x00] | "\\" [^\x00])* "'"    { DONE(TK_STRING); }
    "\"" ([^"\\\x00] | "\\" [^\x00])* "\""  { DONE(TK_STRING); }

    // BACKQUOTED_IDENTIFIER : '`' ( ~'`' | '``' )* '`' ;
    "`" ([^`\x00] | "``")* "`"      { DONE(TK_QIDENT); }

    // Numbers, in Spark's rule order (the first rule wins a tie, so 10L
    // is a BIGINT_LITERAL although IDENTIFIER matches it too).
    // BIGINT_LITERAL : DIGIT+ 'L' ;  SMALLINT_LITERAL : DIGIT+ 'S' ;
    // TINYINT_LITERAL : DIGIT+ 'Y' ;  INTEGER_VALUE : DIGIT+ ;
    digits [lLsSyY]?                { DONE(TK_NUMBER); }
    // EXPONENT_VALUE : DIGIT+ EXPONENT | DECIMAL_DIGITS EXPONENT {isValidDecimal()}? ;
    digits exp                      { DONE(TK_NUMBER); }
    decimal exp / notword           { DONE(TK_NUMBER); }
    // DECIMAL_VALUE : DECIMAL_DIGITS {isValidDecimal()}? ;
    decimal / notword               { DONE(TK_NUMBER); }
    // FLOAT_LITERAL : DIGIT+ EXPONENT? 'F' | DECIMAL_DIGITS EXPONENT? 'F' {isValidDecimal()}? ;
    // DOUBLE_LITERAL : ... 'D' ... ;  BIGDECIMAL_LITERAL : ... 'BD' ... ;
    digits exp? ([fFdD] | [bB][dD]) { DONE(TK_NUMBER); }
    decimal exp? ([fFdD] | [bB][dD]) / notword
                                    { DONE(TK_NUMBER); }

    // IDENTIFIER, second form: UNICODE_LETTER+ '://' (UNICODE_LETTER |
    // DIGIT | '_' | '/' | '-' | '.' | '?' | '=' | '&' | '#' | '%')+ : a
    // path, which Spark then rejects unless back-quoted.
    [a-zA-Z]+ "://" [a-zA-Z0-9_/.?=&#%-]
                      { FAIL("a path written as a name: Spark reads it only in back quotes"); }
    ident             { DONE(TK_WORD); }
    // A character outside ASCII that is not one of WS's spaces (those
    // are longer matches above): in a name Spark rejects it
    // (INVALID_IDENTIFIER), elsewhere it is UNRECOGNIZED.
    nonascii          { FAIL("a character outside ASCII in an unquoted name or between tokens: "
                             "Spark accepts only A-Z, 0-9 and _ there (back-quote the name)"); }

    // A template variable, which Spark does not lex (see above).  A
    // :name marker is COLON then IDENTIFIER here as in Spark; dialect_lex
    // makes the two one TK_PARAM.
    "${" [^}\x00]* "}" { DONE(TK_PARAM); }
    // QUESTION : '?' ;  (a positional parameter marker)
    "?"               { DONE(TK_PARAM); }

    // EQ : '=' | '==' ;  NSEQ : '<=>' ;  NEQ : '<>' ;  NEQJ : '!=' ;
    // LTE : '<=' | '!>' ;  GTE : '>=' | '!<' ;  SHIFT_LEFT : '<<' ;
    // SHIFT_RIGHT : '>>' ;  SHIFT_RIGHT_UNSIGNED : '>>>' ;
    // CONCAT_PIPE : '||' ;  DOUBLE_COLON : '::' ;  ARROW : '->' ;
    // FAT_ARROW : '=>' ;
    "==" | "<=>" | "<>" | "!=" | "<=" | "!>" | ">=" | "!<" | "<<" | ">>" | ">>>"
        | "||" | "::" | "->" | "=>"
                      { DONE(TK_OP); }
    // SEMICOLON LEFT_PAREN RIGHT_PAREN COMMA DOT LEFT_BRACKET
    // RIGHT_BRACKET BANG EQ LT GT PLUS MINUS ASTERISK SLASH PERCENT TILDE
    // AMPERSAND PIPE HAT COLON, and Databricks' @ (time travel).
    [;(),.[\]!=<>+\-*/%~&|^:@]
                      { DONE(TK_OP); }

    "'" | "\""        { FAIL("unterminated string literal"); }
    "`"               { FAIL("unterminated quoted identifier"); }
    // UNRECOGNIZED : . ;
    *                 { FAIL("unexpected character"); }
*/
}
