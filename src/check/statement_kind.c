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

static unsigned kind_of(json_t *node, const char **name_out)
{
    json_t *f;
    const char *name;
    ast_unwrap(node, &f, &name);
    *name_out = name ? name : "statement";
    if (!name)
        return RULES_STMT_OTHER;
    if (strcmp(name, "SelectStmt") == 0) {
        if (ast_get(ast_get(node, name), "intoClause")) {
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
    if (strncmp(name, "Create", 6) == 0 || strncmp(name, "Alter", 5) == 0 ||
        strncmp(name, "Drop", 4) == 0 || strcmp(name, "TruncateStmt") == 0 ||
        strcmp(name, "RenameStmt") == 0 || strcmp(name, "IndexStmt") == 0 ||
        strcmp(name, "ViewStmt") == 0 || strcmp(name, "GrantStmt") == 0 ||
        strcmp(name, "CommentStmt") == 0)
        return RULES_STMT_DDL;
    return RULES_STMT_OTHER;
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
        json_t *node = json_pack("{s:{}}", c->statement_kind);
        const char *nested;
        unsigned nk = kind_of(node, &nested);
        json_decref(node);
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

const char *check_unparsed_statement_kind(const rules *ru, const dialect_source *src,
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
        {"REVOKE", RULES_STMT_DDL}, {"SET", RULES_STMT_SET}, {"USE", RULES_STMT_SET},
        {NULL, 0}};
    char first[24];
    size_t n = first_word(text, len, first, sizeof first);
    if (n < len && isdigit((unsigned char)text[n]))
        return NULL;        /* "INSERT2" is a name, not a statement */
    for (int i = 0; words[i].word; i++)
        if (strcmp(first, words[i].word) == 0 && !(ru->statements_allow & words[i].kind))
            return words[i].word;
    return NULL;
}
