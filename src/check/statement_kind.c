/*
 * statement_kind.c - rule "statement-kind": only the statement kinds the
 * rules allow may run (SELECT, including WITH ... SELECT and VALUES, by
 * default).  SELECT ... INTO and locking clauses are not queries a
 * dashboard needs and are refused with the rest, and so is a
 * data-modifying statement nested in WITH (WITH gone AS (DELETE ...
 * RETURNING *) SELECT ...), which is a DELETE however it is dressed.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ast.h"
#include "check.h"

/* The kind of a statement whose node kind is name and fields f (NULL
 * when only the name is known: a data-modifying CTE's statement). */
static unsigned kind_of_name(const char *name, json_t *f, const char **name_out)
{
    *name_out = name ? name : "statement";
    if (!name)
        return RULES_STMT_OTHER;
    if (strcmp(name, "SelectStmt") == 0) {
        if (ast_get(f, "intoClause")) {
            *name_out = "SELECT ... INTO";
            return RULES_STMT_DDL;
        }
        return RULES_STMT_SELECT;
    }
    if (strcmp(name, "InsertStmt") == 0) return RULES_STMT_INSERT;
    if (strcmp(name, "UpdateStmt") == 0) return RULES_STMT_UPDATE;
    if (strcmp(name, "DeleteStmt") == 0) return RULES_STMT_DELETE;
    if (strcmp(name, "MergeStmt") == 0) return RULES_STMT_MERGE;
    if (strcmp(name, "VariableSetStmt") == 0)
        return RULES_STMT_SET;
    /* The narrow kinds a policy may allow without the rest of "ddl". */
    if (strcmp(name, "CreateTableAsStmt") == 0 &&
        strcmp(ast_str(f, "objtype"), "OBJECT_TABLE") == 0)
        return RULES_STMT_CTAS;
    if (strcmp(name, "ViewStmt") == 0)
        return RULES_STMT_CVAS;
    /* SHOW TABLES, SHOW CATALOGS, ... with nothing after: the parser
     * reads them as PostgreSQL's SHOW of a setting. */
    if (strcmp(name, "VariableShowStmt") == 0) {
        static const char *const lists[] = {"tables", "views", "schemas", "databases",
                                            "namespaces", "catalogs"};
        const char *what = ast_str(f, "name");
        for (size_t i = 0; what && i < sizeof lists / sizeof *lists; i++)
            if (strcasecmp(what, lists[i]) == 0)
                return RULES_STMT_SHOW;
    }
    if (strncmp(name, "Create", 6) == 0 || strncmp(name, "Alter", 5) == 0 ||
        strncmp(name, "Drop", 4) == 0 || strcmp(name, "TruncateStmt") == 0 ||
        strcmp(name, "RenameStmt") == 0 || strcmp(name, "IndexStmt") == 0 ||
        strcmp(name, "ViewStmt") == 0 || strcmp(name, "GrantStmt") == 0 ||
        strcmp(name, "CommentStmt") == 0)
        return RULES_STMT_DDL;
    return RULES_STMT_OTHER;
}

static unsigned kind_of(json_t *node, const char **name_out)
{
    const char *name;
    ast_unwrap(node, NULL, &name);
    return kind_of_name(name, ast_get(node, name ? name : ""), name_out);
}

static const char *kind_word(unsigned k)
{
    switch (k) {
    case RULES_STMT_SELECT: return "select";
    case RULES_STMT_INSERT: return "insert";
    case RULES_STMT_UPDATE: return "update";
    case RULES_STMT_DELETE: return "delete";
    case RULES_STMT_MERGE: return "merge";
    case RULES_STMT_DDL: return "ddl";
    case RULES_STMT_SET: return "set";
    case RULES_STMT_CTAS: return "ctas";
    case RULES_STMT_CVAS: return "cvas";
    case RULES_STMT_SHOW: return "show";
    case RULES_STMT_DESCRIBE: return "describe";
    case RULES_STMT_USE: return "use";
    default: return "other";
    }
}

/* The first word of txt[0..len), upper-cased, into buf; its length.
 * Reads no byte at or past txt[len]. */
static size_t first_word(const char *txt, size_t len, char *buf, size_t size)
{
    size_t n = 0;
    while (n + 1 < size && n < len && isalpha((unsigned char)txt[n])) {
        buf[n] = (char)toupper((unsigned char)txt[n]);
        n++;
    }
    buf[n] = '\0';
    return n;
}

void check_statement_kind(check_ctx *ctx)
{
    const char *name;
    unsigned k = kind_of(ctx->stmt->node, &name);
    if (!(ctx->rules->statements_allow & k)) {
        /* Name the statement by its first word, as the author wrote it
         * (the kind's name when it starts with a bracket). */
        char first[24];
        const parsed_stmt *ps = ctx->stmt;
        if (first_word(ctx->text + ps->span.start, ps->span.end - ps->span.start,
                       first, sizeof first) == 0)
            first_word(kind_word(k), strlen(kind_word(k)), first, sizeof first);
        check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, -1,
                     "%s statements (kind %s) are not allowed here; only read-only queries may run",
                     strcmp(name, "SELECT ... INTO") == 0 ? name : first, kind_word(k));
        ctx->rejected = 1;
        return;
    }
    json_t *f = ast_get(ctx->stmt->node, "SelectStmt");
    if (f && ast_get(f, "lockingClause")) {
        check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, -1,
                     "locking clauses (FOR UPDATE / FOR SHARE) are not allowed");
        ctx->rejected = 1;
    }
    for (size_t i = 0; i < ctx->an->nctes; i++) {
        const an_cte *c = ctx->an->ctes[i];
        if (!c->statement_kind)
            continue;
        const char *nested;
        unsigned nk = kind_of_name(c->statement_kind, NULL, &nested);
        if (ctx->rules->statements_allow & nk)
            continue;
        char up[24];
        first_word(kind_word(nk), strlen(kind_word(nk)), up, sizeof up);
        check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, c->location,
                     "WITH %s AS (%s ...) is a data-modifying statement (kind %s) nested in a "
                     "query; only read-only queries may run", c->name,
                     nk == RULES_STMT_OTHER ? c->statement_kind : up, kind_word(nk));
        ctx->rejected = 1;
    }
}

/* For a statement the parser could not read: its first word when that
 * word names a statement kind the rules do not allow (or "FROM ...
 * INSERT" for a FROM-first multi-insert), else NULL. */
static const char *unparsed_statement_kind(const rules *ru, const dialect_source *src,
                                           const dialect_stmt *st)
{
    const char *text = src->text + st->start;
    size_t len = st->end - st->start;
    /* Hive's FROM-first multi-insert: FROM src INSERT INTO a SELECT ...
     * INSERT INTO b SELECT ... is an INSERT however it starts. */
    char w[8];
    if (first_word(text, len, w, sizeof w) == 4 && strcmp(w, "FROM") == 0 &&
        !(ru->statements_allow & RULES_STMT_INSERT)) {
        int depth = 0;
        for (size_t i = st->tok_begin; i < st->tok_end; i++) {
            const dtok *t = &src->toks[i];
            size_t n = t->end - t->start;
            if (t->kind == TK_OP && n == 1 && src->text[t->start] == '(')
                depth++;
            else if (t->kind == TK_OP && n == 1 && src->text[t->start] == ')')
                depth--;
            else if (t->kind == TK_WORD && depth == 0 && n == 6 &&
                     strncasecmp(src->text + t->start, "insert", 6) == 0)
                return "FROM ... INSERT (a multi-insert)";
        }
    }
    static const struct { const char *word; unsigned kind; } words[] = {
        {"INSERT", RULES_STMT_INSERT}, {"UPDATE", RULES_STMT_UPDATE},
        {"DELETE", RULES_STMT_DELETE}, {"MERGE", RULES_STMT_MERGE},
        {"CREATE", RULES_STMT_DDL}, {"DROP", RULES_STMT_DDL}, {"ALTER", RULES_STMT_DDL},
        {"TRUNCATE", RULES_STMT_DDL}, {"OPTIMIZE", RULES_STMT_OTHER},
        {"VACUUM", RULES_STMT_OTHER}, {"COPY", RULES_STMT_OTHER}, {"GRANT", RULES_STMT_DDL},
        {"REVOKE", RULES_STMT_DDL}, {"SET", RULES_STMT_SET}, {"USE", RULES_STMT_USE},
        {"SHOW", RULES_STMT_SHOW}, {"DESCRIBE", RULES_STMT_DESCRIBE},
        {"DESC", RULES_STMT_DESCRIBE}, {NULL, 0}};
    char first[24];
    size_t n = first_word(text, len, first, sizeof first);
    if (n < len && isdigit((unsigned char)text[n]))
        return NULL;        /* "INSERT2" is a name, not a statement */
    for (int i = 0; words[i].word; i++)
        if (strcmp(first, words[i].word) == 0 && !(ru->statements_allow & words[i].kind))
            return words[i].word;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* SQL Lab's metadata statements                                       */

/* A cursor over the significant tokens of one statement. */
typedef struct mcur {
    const dialect_source *src;
    const dialect_stmt *st;
    size_t i;               /* the current significant token, or (size_t)-1 at the end */
} mcur;

static void m_next(mcur *c)
{
    if (c->i != (size_t)-1)
        c->i = dialect_sig_token(c->src, c->st, c->i, 1);
}

static int m_word(mcur *c, const char *w)
{
    if (c->i == (size_t)-1 || !dialect_tok_is_word(c->src, c->i, w))
        return 0;
    m_next(c);
    return 1;
}

static int m_kind(const mcur *c, tok_kind k)
{
    return c->i != (size_t)-1 && c->src->toks[c->i].kind == k;
}

/* multipartIdentifier: (name | `name`) ('.' (name | `name`))*, at most
 * max parts. */
static int m_name(mcur *c, int max)
{
    for (int parts = 0; parts < max; parts++) {
        if (!m_kind(c, TK_WORD) && !m_kind(c, TK_QIDENT))
            return 0;
        m_next(c);
        if (c->i == (size_t)-1 || !dialect_tok_is_op(c->src, c->i, "."))
            return 1;
        m_next(c);
    }
    return 0;
}

/* (LIKE)? 'pattern' */
static int m_pattern(mcur *c)
{
    int like = m_word(c, "like");
    if (m_kind(c, TK_STRING)) {
        m_next(c);
        return 1;
    }
    return !like;
}

/* SHOW (TABLES | VIEWS | SCHEMAS | DATABASES | NAMESPACES) ((FROM | IN) name)? (LIKE? 'pat')?
 * SHOW CATALOGS (LIKE? 'pat')?
 * SHOW COLUMNS (FROM | IN) table ((FROM | IN) namespace)?   (SqlBaseParser.g4 #showTables,
 * #showViews, #showNamespaces, #showCatalogs, #showColumns) */
static int m_show(mcur *c)
{
    if (m_word(c, "tables") || m_word(c, "views") || m_word(c, "schemas") ||
        m_word(c, "databases") || m_word(c, "namespaces")) {
        if ((m_word(c, "from") || m_word(c, "in")) && !m_name(c, 2))
            return 0;
        return m_pattern(c);
    }
    if (m_word(c, "catalogs"))
        return m_pattern(c);
    if (m_word(c, "columns")) {
        if (!(m_word(c, "from") || m_word(c, "in")) || !m_name(c, 3))
            return 0;
        if (m_word(c, "from") || m_word(c, "in"))
            return m_name(c, 2);
        return 1;
    }
    return 0;
}

/* (DESC | DESCRIBE) (SCHEMA | DATABASE | NAMESPACE | CATALOG) EXTENDED? name
 * (DESC | DESCRIBE) TABLE? (EXTENDED | FORMATTED)? table column?   (#describeNamespace,
 * #describeRelation; a partition spec, QUERY and FUNCTION are not recognised) */
static int m_describe(mcur *c)
{
    if (m_word(c, "schema") || m_word(c, "database") || m_word(c, "namespace") ||
        m_word(c, "catalog")) {
        m_word(c, "extended");
        return m_name(c, 2);
    }
    if (c->i != (size_t)-1 && (dialect_tok_is_word(c->src, c->i, "query") ||
                               dialect_tok_is_word(c->src, c->i, "function") ||
                               dialect_tok_is_word(c->src, c->i, "select") ||
                               dialect_tok_is_word(c->src, c->i, "with") ||
                               dialect_tok_is_word(c->src, c->i, "history")))
        return 0;
    m_word(c, "table");
    if (!m_word(c, "extended"))
        m_word(c, "formatted");
    if (!m_name(c, 3))
        return 0;
    if (c->i != (size_t)-1 && !m_name(c, 8))
        return 0;
    return 1;
}

/* USE (NAMESPACE | SCHEMA | DATABASE | CATALOG)? name   (#use, #useNamespace) */
static int m_use(mcur *c)
{
    if (!m_word(c, "namespace") && !m_word(c, "schema") && !m_word(c, "database"))
        m_word(c, "catalog");
    return m_name(c, 2);
}

/* The kind (RULES_STMT_SHOW, _DESCRIBE, _USE) of a well-formed SHOW
 * TABLES / VIEWS / SCHEMAS / CATALOGS / COLUMNS, DESCRIBE [TABLE] name or
 * USE name statement, which the parser does not read, else 0.  They read
 * no table's rows. */
static unsigned metadata_statement(const dialect_source *src, const dialect_stmt *st)
{
    static const struct { const char *word; unsigned kind; int (*rest)(mcur *c); } forms[] = {
        {"show", RULES_STMT_SHOW, m_show}, {"describe", RULES_STMT_DESCRIBE, m_describe},
        {"desc", RULES_STMT_DESCRIBE, m_describe}, {"use", RULES_STMT_USE, m_use}};
    /* The first significant token (tok_begin - 1 wraps to the start). */
    mcur c = {src, st, dialect_sig_token(src, st, st->tok_begin - 1, 1)};
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (m_word(&c, forms[k].word))
            return forms[k].rest(&c) && c.i == (size_t)-1 ? forms[k].kind : 0;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Statements the parser does not read, and the request as a whole     */

/* SQL Lab's SHOW / DESCRIBE / USE: a kind of its own, which reads no
 * rows; it runs as written where the rules allow it. */
int check_statement_kind_read_unparsed(check_ctx *ctx)
{
    const dialect_source *src = ctx->src;
    const dialect_stmt *st = ctx->span;
    unsigned meta = metadata_statement(src, st);
    if (!meta)
        return 0;
    if (!(ctx->rules->statements_allow & meta)) {
        char first[24];
        const dtok *t = &src->toks[dialect_sig_token(src, st, st->tok_begin - 1, 1)];
        first_word(src->text + t->start, t->end - t->start, first, sizeof first);
        check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, -1,
                     "%s statements (kind %s) are not allowed here; only read-only queries "
                     "may run", first, kind_word(meta));
        ctx->rejected = 1;
    }
    return 1;
}

/* Say what kind of statement it is when its first word tells. */
void check_statement_kind_unparsed(check_ctx *ctx)
{
    const char *kw = unparsed_statement_kind(ctx->rules, ctx->src, ctx->span);
    if (!kw)
        return;
    check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, -1,
                 "%s statements are not allowed here; only read-only queries may run", kw);
    ctx->rejected = 1;
}

/* statements.multiple: "reject" refuses a request of several statements,
 * at its second. */
void check_statement_kind_request(check_ctx *ctx)
{
    if (ctx->nstmts < 2 || !ctx->rules->multiple_reject)
        return;
    ctx->index = 1;
    ctx->span = &ctx->stmts[1];
    check_report(ctx, RULE_STATEMENT_KIND, SL_SEVERITY_ERROR, -1,
                 "%zu statements in one request; only one is allowed", ctx->nstmts);
    ctx->rejected = 1;
}
