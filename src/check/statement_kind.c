/*
 * statement_kind.c - rule "statement-kind": only the statement kinds the
 * rules allow may run (SELECT, including WITH ... SELECT and VALUES, by
 * default).  SELECT ... INTO and locking clauses are not queries a
 * dashboard needs and are refused with the rest.
 */
#include <string.h>

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
        if (json_object_get(json_object_get(node, name), "intoClause")) {
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

void check_statement_kind(check_ctx *ctx)
{
    const char *name;
    unsigned k = kind_of(ctx->stmt->node, &name);
    if (!(ctx->rules->statements_allow & k)) {
        char upper[16];
        const char *w = kind_word(k);
        size_t i = 0;
        for (; w[i] && i + 1 < sizeof upper; i++)
            upper[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
        upper[i] = '\0';
        /* Name the statement by its first word, as the author wrote it. */
        char first[24];
        const char *txt = ctx->req->sql + ctx->stmt->span.start;
        size_t n = 0;
        while (n + 1 < sizeof first && ((txt[n] >= 'a' && txt[n] <= 'z') ||
                                        (txt[n] >= 'A' && txt[n] <= 'Z')))
            first[n] = (char)(txt[n] >= 'a' ? txt[n] - 32 : txt[n]), n++;
        first[n] = '\0';
        check_report(ctx, "statement-kind", SL_SEVERITY_ERROR, -1,
                     "%s statements (kind %s) are not allowed here; only read-only queries may run",
                     strcmp(name, "SELECT ... INTO") == 0 ? name : (n ? first : upper),
                     kind_word(k));
        ctx->rejected = 1;
        return;
    }
    json_t *f = json_object_get(ctx->stmt->node, "SelectStmt");
    if (f && json_object_get(f, "lockingClause")) {
        check_report(ctx, "statement-kind", SL_SEVERITY_ERROR, -1,
                     "locking clauses (FOR UPDATE / FOR SHARE) are not allowed");
        ctx->rejected = 1;
    }
}
