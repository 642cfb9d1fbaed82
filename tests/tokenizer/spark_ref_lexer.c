/*
 * spark_ref_lexer.c - reference tokenizer written from Spark 4.0's
 * SqlBaseLexer.g4 alone (test-only; see spark_ref_lexer.h).
 *
 * It works the way an ANTLR lexer does, not the way sluice's re2c lexer
 * does: the text is decoded to code points (ANTLR's character stream),
 * every rule of the grammar is tried at the current position and reports
 * the longest length at which it matches with its predicates true, and
 * the longest wins, the rule written first on a tie.  Literal characters
 * are compared through upper case, as Spark's UpperCaseCharStream does.
 *
 * The generator of lexer_diff.c uses, outside strings, comments and
 * back quotes, only ASCII, the WS code points and the few other
 * characters classified in is_letter(); Java's case mapping of other
 * characters (dotless i, long s) is out of this reference's scope.
 */
#include "spark_ref_lexer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct lx {
    const uint32_t *c;      /* code points */
    size_t n;
    int complex_level;      /* complex_type_level_counter */
} lx;

#define AT(L, i) ((i) < (L)->n ? (L)->c[i] : (uint32_t)-1)

static uint32_t up(uint32_t c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* fragment UNICODE_LETTER : [\p{L}] ;  (for the characters the test uses) */
static int is_letter(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return 1;
    switch (c) {
    case 0xE9:   /* e acute */
    case 0xDF:   /* sharp s */
    case 0x4E2D: /* a CJK ideograph */
        return 1;
    default:
        return 0;   /* 0xF7 division sign, 0x200B, 0xAD, ... */
    }
}

/* isValidDecimal(): the next character is not A-Z, 0-9 or '_'. */
static int valid_decimal_at(const lx *L, size_t i)
{
    uint32_t c = up(AT(L, i));
    return !((c >= 'A' && c <= 'Z') || is_digit(c) || c == '_');
}

/* Match the literal s (upper case) at i: its length or 0. */
static size_t lit(const lx *L, size_t i, const char *s)
{
    size_t k = 0;
    for (; s[k]; k++)
        if (up(AT(L, i + k)) != (uint32_t)(unsigned char)s[k])
            return 0;
    return k;
}

static size_t digit_run(const lx *L, size_t i)
{
    size_t k = 0;
    while (is_digit(AT(L, i + k)))
        k++;
    return k;
}

/* Ends of every match of a fragment starting at i, collected in e[]. */
typedef struct ends { size_t v[64]; int n; } ends;

static void add_end(ends *e, size_t v)
{
    if (e->n < 64)
        e->v[e->n++] = v;
}

/* DIGIT+ */
static void digits_plus(const lx *L, size_t i, ends *out)
{
    size_t d = digit_run(L, i);
    for (size_t k = 1; k <= d; k++)
        add_end(out, i + k);
}

/* fragment DECIMAL_DIGITS : DIGIT+ '.' DIGIT* | '.' DIGIT+ ; */
static void decimal_digits(const lx *L, size_t i, ends *out)
{
    size_t d = digit_run(L, i);
    if (d > 0 && AT(L, i + d) == '.') {
        size_t f = digit_run(L, i + d + 1);
        for (size_t k = 0; k <= f; k++)
            add_end(out, i + d + 1 + k);
    }
    if (AT(L, i) == '.') {
        size_t f = digit_run(L, i + 1);
        for (size_t k = 1; k <= f; k++)
            add_end(out, i + 1 + k);
    }
}

/* fragment EXPONENT : 'E' [+-]? DIGIT+ ;  optional when opt */
static void exponent(const lx *L, size_t i, int opt, ends *out)
{
    if (opt)
        add_end(out, i);
    if (up(AT(L, i)) != 'E')
        return;
    size_t j = i + 1;
    if (AT(L, j) == '+' || AT(L, j) == '-')
        j++;
    digits_plus(L, j, out);
}

/* The longest end of "A B suffix" with A, B given by enumerators, and
 * with isValidDecimal() after it when pred. */
typedef void (*frag_fn)(const lx *, size_t, ends *);

static void exponent_opt(const lx *L, size_t i, ends *o) { exponent(L, i, 1, o); }
static void exponent_req(const lx *L, size_t i, ends *o) { exponent(L, i, 0, o); }

static size_t seq(const lx *L, size_t i, frag_fn a, frag_fn b, const char *suffix, int pred)
{
    ends ea = {0};
    a(L, i, &ea);
    size_t best = 0;
    for (int x = 0; x < ea.n; x++) {
        ends eb = {0};
        if (b)
            b(L, ea.v[x], &eb);
        else
            add_end(&eb, ea.v[x]);
        for (int y = 0; y < eb.n; y++) {
            size_t e = eb.v[y];
            size_t s = suffix ? lit(L, e, suffix) : 0;
            if (suffix && s == 0)
                continue;
            e += s;
            if (pred && !valid_decimal_at(L, e))
                continue;
            if (e - i > best)
                best = e - i;
        }
    }
    return best;
}

static size_t max2(size_t a, size_t b) { return a > b ? a : b; }

/* ---- the rules, in the grammar's order ------------------------------ */

static size_t r_lit(const lx *L, size_t i, const char *s) { return lit(L, i, s); }

/* BIGINT_LITERAL : DIGIT+ 'L' ;  SMALLINT 'S' ;  TINYINT 'Y' */
static size_t r_bigint(const lx *L, size_t i) { return seq(L, i, digits_plus, NULL, "L", 0); }
static size_t r_smallint(const lx *L, size_t i) { return seq(L, i, digits_plus, NULL, "S", 0); }
static size_t r_tinyint(const lx *L, size_t i) { return seq(L, i, digits_plus, NULL, "Y", 0); }
/* INTEGER_VALUE : DIGIT+ ; */
static size_t r_integer(const lx *L, size_t i) { return digit_run(L, i); }
/* EXPONENT_VALUE : DIGIT+ EXPONENT | DECIMAL_DIGITS EXPONENT {isValidDecimal()}? ; */
static size_t r_exponent(const lx *L, size_t i)
{
    return max2(seq(L, i, digits_plus, exponent_req, NULL, 0),
                seq(L, i, decimal_digits, exponent_req, NULL, 1));
}
/* DECIMAL_VALUE : DECIMAL_DIGITS {isValidDecimal()}? ; */
static size_t r_decimal(const lx *L, size_t i) { return seq(L, i, decimal_digits, NULL, NULL, 1); }
/* FLOAT_LITERAL : DIGIT+ EXPONENT? 'F' | DECIMAL_DIGITS EXPONENT? 'F' {isValidDecimal()}? ;
 * DOUBLE_LITERAL ... 'D' ...;  BIGDECIMAL_LITERAL ... 'BD' ... */
static size_t suffixed(const lx *L, size_t i, const char *sfx)
{
    return max2(seq(L, i, digits_plus, exponent_opt, sfx, 0),
                seq(L, i, decimal_digits, exponent_opt, sfx, 1));
}
static size_t r_float(const lx *L, size_t i) { return suffixed(L, i, "F"); }
static size_t r_double(const lx *L, size_t i) { return suffixed(L, i, "D"); }
static size_t r_bigdecimal(const lx *L, size_t i) { return suffixed(L, i, "BD"); }

/* IDENTIFIER : (UNICODE_LETTER | DIGIT | '_')+
 *            | UNICODE_LETTER+ '://' (UNICODE_LETTER | DIGIT | '_' | '/' | '-' | '.'
 *                                     | '?' | '=' | '&' | '#' | '%')+ ; */
static size_t r_identifier(const lx *L, size_t i)
{
    size_t a = 0;
    while (is_letter(AT(L, i + a)) || is_digit(AT(L, i + a)) || AT(L, i + a) == '_')
        a++;
    size_t k = 0;
    while (is_letter(AT(L, i + k)))
        k++;
    size_t b = 0;
    if (k > 0 && AT(L, i + k) == ':' && AT(L, i + k + 1) == '/' && AT(L, i + k + 2) == '/') {
        size_t m = 0;
        for (;;) {
            uint32_t c = AT(L, i + k + 3 + m);
            if (!(is_letter(c) || is_digit(c) || (c < 128 && c && strchr("_/-.?=&#%", (int)c))))
                break;
            m++;
        }
        if (m > 0)
            b = k + 3 + m;
    }
    return max2(a, b);
}

/* BACKQUOTED_IDENTIFIER : '`' ( ~'`' | '``' )* '`' ; */
static size_t r_backquoted(const lx *L, size_t i)
{
    if (AT(L, i) != '`')
        return 0;
    size_t best = 0;
    for (size_t j = i + 1; j < L->n;) {
        if (L->c[j] == '`') {
            best = j + 1 - i;           /* it may end here */
            if (AT(L, j + 1) != '`')
                break;
            j += 2;                     /* or '``' goes on */
        } else {
            j++;
        }
    }
    return best;
}

/* STRING_LITERAL : '\'' ( ~('\''|'\\') | ('\\' .) )* '\'' | 'R\'' (~'\'')* '\''
 *                | 'R"' (~'"')* '"' ;
 * DOUBLEQUOTED_STRING : '"' ( ~('"'|'\\') | ('\\' .) )* '"' ; */
static size_t escaped_quoted(const lx *L, size_t i, uint32_t q)
{
    if (AT(L, i) != q)
        return 0;
    for (size_t j = i + 1; j < L->n;) {
        if (L->c[j] == '\\') {
            if (j + 1 >= L->n)
                return 0;
            j += 2;
        } else if (L->c[j] == q) {
            return j + 1 - i;
        } else {
            j++;
        }
    }
    return 0;
}

static size_t raw_quoted(const lx *L, size_t i, uint32_t q)
{
    if (up(AT(L, i)) != 'R' || AT(L, i + 1) != q)
        return 0;
    for (size_t j = i + 2; j < L->n; j++)
        if (L->c[j] == q)
            return j + 1 - i;
    return 0;
}

/* SIMPLE_COMMENT : '--' ('\\\n' | ~[\r\n])* '\r'? '\n'? ; */
static size_t r_simple_comment(const lx *L, size_t i)
{
    if (AT(L, i) != '-' || AT(L, i + 1) != '-')
        return 0;
    size_t j = i + 2;
    for (;;) {
        if (AT(L, j) == '\\' && AT(L, j + 1) == '\n')
            j += 2;
        else if (j < L->n && L->c[j] != '\r' && L->c[j] != '\n')
            j++;
        else
            break;
    }
    if (AT(L, j) == '\r')
        j++;
    if (AT(L, j) == '\n')
        j++;
    return j - i;
}

/* BRACKETED_COMMENT : '/' '*' {!isHint()}? ( BRACKETED_COMMENT | . )*?
 *                     ('*' '/' | {markUnclosedComment();} EOF) ;
 * The non-greedy loop prefers its exit, then the nested comment, then any
 * character.  Returns the end; *unclosed when it ran to the end. */
static size_t bracketed_end(const lx *L, size_t i, int *unclosed)
{
    size_t j = i + 2;
    for (;;) {
        if (j >= L->n) {
            *unclosed = 1;
            return L->n;
        }
        if (L->c[j] == '*' && AT(L, j + 1) == '/')
            return j + 2;
        if (L->c[j] == '/' && AT(L, j + 1) == '*' && AT(L, j + 2) != '+') {
            j = bracketed_end(L, j, unclosed);
            if (*unclosed)
                return j;
            continue;
        }
        j++;
    }
}

static size_t r_bracketed(const lx *L, size_t i, int *unclosed)
{
    *unclosed = 0;
    if (AT(L, i) != '/' || AT(L, i + 1) != '*' || AT(L, i + 2) == '+')
        return 0;
    return bracketed_end(L, i, unclosed) - i;
}

/* WS : [ \t\n\f\r\u000B\u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000]+ ; */
static int is_ws(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0B ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static size_t r_ws(const lx *L, size_t i)
{
    size_t k = 0;
    while (i + k < L->n && is_ws(L->c[i + k]))
        k++;
    return k;
}

/* The operator rules, in the grammar's order (SEMICOLON ... BANG, then
 * EQ ... QUESTION); >> and >>> carry isShiftRightOperator(). */
static const char *const early_ops[] = {";", "(", ")", ",", ".", "[", "]", "!", NULL};
static const char *const late_ops[] = {
    "=", "==", "<=>", "<>", "!=", "<", "<=", "!>", ">", ">=", "!<", "<<", ">>", ">>>",
    "+", "-", "*", "/", "%", "~", "&", "|", "||", "^", ":", "::", "->", "=>", "/*+", "*/",
    "?", NULL};

typedef struct best { size_t len; ref_class cls; int unclosed; int order; } best;

static void offer(best *b, size_t len, ref_class cls, int order)
{
    if (len > b->len || (len == b->len && len > 0 && order < b->order)) {
        b->len = len;
        b->cls = cls;
        b->order = order;
    }
}

static best next_token(lx *L, size_t i)
{
    best b = {0, REF_BAD, 0, 1 << 30};
    int order = 0;
    for (int k = 0; early_ops[k]; k++)
        offer(&b, r_lit(L, i, early_ops[k]), REF_OP, order++);
    /* keywords come here: [A-Z_]+ words, which tie with IDENTIFIER and
     * belong to the same class */
    for (int k = 0; late_ops[k]; k++) {
        size_t n = r_lit(L, i, late_ops[k]);
        if ((strcmp(late_ops[k], ">>") == 0 || strcmp(late_ops[k], ">>>") == 0) &&
            L->complex_level != 0)
            n = 0;      /* {isShiftRightOperator()}? */
        ref_class c = strcmp(late_ops[k], "/*+") == 0 ? REF_HENT_START
                    : strcmp(late_ops[k], "*/") == 0 ? REF_HENT_END : REF_OP;
        offer(&b, n, c, order++);
    }
    offer(&b, max2(escaped_quoted(L, i, '\''), 0), REF_STRING, order);
    offer(&b, raw_quoted(L, i, '\''), REF_RAW_STRING, order);
    offer(&b, raw_quoted(L, i, '"'), REF_RAW_STRING, order++);
    offer(&b, escaped_quoted(L, i, '"'), REF_STRING, order++);
    offer(&b, r_bigint(L, i), REF_NUMBER, order++);
    offer(&b, r_smallint(L, i), REF_NUMBER, order++);
    offer(&b, r_tinyint(L, i), REF_NUMBER, order++);
    offer(&b, r_integer(L, i), REF_NUMBER, order++);
    offer(&b, r_exponent(L, i), REF_NUMBER, order++);
    offer(&b, r_decimal(L, i), REF_NUMBER, order++);
    offer(&b, r_float(L, i), REF_NUMBER, order++);
    offer(&b, r_double(L, i), REF_NUMBER, order++);
    offer(&b, r_bigdecimal(L, i), REF_NUMBER, order++);
    offer(&b, r_identifier(L, i), REF_WORD, order++);
    offer(&b, r_backquoted(L, i), REF_BACKQUOTED, order++);
    offer(&b, r_simple_comment(L, i), REF_SIMPLE_COMMENT, order++);
    int unclosed;
    size_t bc = r_bracketed(L, i, &unclosed);
    if (bc > b.len) {
        b.len = bc;
        b.cls = unclosed ? REF_BAD : REF_BRACKETED;
    }
    order++;
    offer(&b, r_ws(L, i), REF_WS, order++);
    if (b.len == 0) {           /* UNRECOGNIZED : . ; */
        b.len = 1;
        b.cls = REF_BAD;
    }
    return b;
}

static int word_is(const lx *L, size_t i, size_t n, const char *w)
{
    return strlen(w) == n && lit(L, i, w) == n;
}

size_t spark_ref_tokenize(const char *text, size_t len, ref_token *out, size_t cap)
{
    /* Decode UTF-8 (the caller hands valid UTF-8). */
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    size_t *off = malloc((len + 1) * sizeof *off);
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i];
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        if (extra)
            c &= 0x3Fu >> extra;
        for (int k = 1; k <= extra && i + (size_t)k < len; k++)
            c = (c << 6) | (s[i + k] & 0x3F);
        off[n] = i;
        cp[n++] = c;
        i += 1 + (size_t)extra;
    }
    off[n] = len;
    lx L = {cp, n, 0};
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        best b = next_token(&L, i);
        ref_class cls = b.cls;
        if (cls == REF_WORD) {
            for (size_t k = i; k < i + b.len; k++)
                if (cp[k] >= 128 || cp[k] == ':')
                    cls = REF_BAD;      /* INVALID_IDENTIFIER */
            /* ARRAY, MAP, STRUCT : {incComplexTypeLevelCounter();} */
            if (word_is(&L, i, b.len, "ARRAY") || word_is(&L, i, b.len, "MAP") ||
                word_is(&L, i, b.len, "STRUCT"))
                L.complex_level++;
        } else if (cls == REF_OP && b.len == 1 && cp[i] == '>' && L.complex_level > 0) {
            L.complex_level--;          /* GT : {decComplexTypeLevelCounter();} */
        }
        if (count < cap)
            out[count] = (ref_token){cls, off[i], off[i + b.len]};
        count++;
        i += b.len;
    }
    free(cp);
    free(off);
    return count;
}
