/*
 * ast_edit.h - building nodes and editing the AST: the only place that
 * knows the shape of the nodes sluice adds to a parse tree.
 *
 * Constructors return a NEW reference (json_decref it, or hand it to an
 * edit, which steals it).  Built nodes carry "location": -1, which the
 * emitter and every comparison treat as "not from the source text".
 *
 * Edits take the node to change as a borrowed fields object (the value
 * inside {"Kind": {...}}) and STEAL the node they insert: after the call
 * the caller holds no reference to it, on success or failure.  An edit
 * hands every node it replaces to ast_defer_delete() (below): while the
 * rule driver's deferral is open (for as long as a rule runs), a
 * replaced node and the pointers into it, the analysis' included, stay
 * valid; they describe a part of the tree that is gone, so a rule reads
 * the analysis only for parts it has not changed.  Without a deferral an
 * edit may free what it replaces at once.
 */
#ifndef SLUICE_AST_EDIT_H
#define SLUICE_AST_EDIT_H

#include <jansson.h>

struct an_item;

/* {kind: fields}: a node of that kind over fields (stolen).  The other
 * constructors are built on it; call it only for a kind none of them
 * builds. */
json_t *ast_new_node(const char *kind, json_t *fields);

/* {"String": {"sval": s}} */
json_t *ast_new_string(const char *s);
/* [{"String": {"sval": s}}]: a one-part name list, as an operator's
 * "name" or a type's "names" holds it (not a node: an array). */
json_t *ast_new_name(const char *s);
/* qualifier.column, or column when qualifier is NULL. */
json_t *ast_new_column_ref(const char *qualifier, const char *column);
/* name(args...); args is stolen (NULL: no arguments). */
json_t *ast_new_func_call(const char *name, json_t *args);
/* An integer constant. */
json_t *ast_new_int_const(long long v);
/* A string constant. */
json_t *ast_new_string_const(const char *s);
/* TYPE 'text' as the parser builds it (a cast of a string constant);
 * type is "date", "timestamp" or "interval". */
json_t *ast_new_typed_literal(const char *type, const char *text);
/* current_date(), as the bridge parses it. */
json_t *ast_new_current_date(void);
/* l op r, a binary operator; steals l and r. */
json_t *ast_new_binary_op(const char *op, json_t *l, json_t *r);
/* args[0] AND args[1] ... (boolop "AND_EXPR" or "OR_EXPR"), as the
 * parser builds a flattened chain; steals args (an array of nodes). */
json_t *ast_new_bool_expr(const char *boolop, json_t *args);
/* COALESCE(args...); steals args (an array of nodes). */
json_t *ast_new_coalesce(json_t *args);
/* CAST(arg AS type) with a one-part type name as written ("bigint");
 * steals arg. */
json_t *ast_new_cast(json_t *arg, const char *type);

/* A select-list entry: val AS name, or val alone when name is NULL;
 * steals val.  (No location: a built entry has no text of its own.) */
json_t *ast_new_res_target(const char *name, json_t *val);
/* The select-list entry * (no location). */
json_t *ast_new_star_target(void);
/* A base table [catalog.][schema.]relname [AS alias] (NULL parts are
 * left out), as the parser builds a table reference. */
json_t *ast_new_range_var(const char *catalog, const char *schema, const char *relname,
                          const char *alias);
/* SELECT targets [FROM from]: a SELECT block; steals targets (an array
 * of ResTarget nodes) and from (an array of FROM items, or NULL). */
json_t *ast_new_select(json_t *targets, json_t *from);
/* l UNION ALL r; steals l and r (SelectStmt nodes). */
json_t *ast_new_union_all(json_t *l, json_t *r);
/* (subquery) [AS alias]: a derived table; steals subquery (a SelectStmt
 * node) and alias (an Alias fields object {"aliasname": ...}, or
 * NULL). */
json_t *ast_new_derived_table(json_t *subquery, json_t *alias);
/* l JOIN r ON on; jointype is the parser's ("JOIN_INNER", "JOIN_LEFT",
 * ...).  Steals l, r and on (on NULL: no condition). */
json_t *ast_new_join(const char *jointype, json_t *l, json_t *r, json_t *on);
/* One entry of a SELECT's sl_hints: NAME with no arguments yet (the
 * first n bytes of name). */
json_t *ast_new_hint(const char *name, size_t n);

/* AND pred into the condition at holder[key] (a WHERE, HAVING or join
 * ON): sets it when absent, appends to a top-level AND list (as the
 * parser flattens), else builds AND(old, pred).  Steals pred. */
void ast_and_into(json_t *holder, const char *key, json_t *pred);

/* A predicate at a scan: one that filters the rows FROM item `item`
 * (analyze.h) reads and nothing else.  ast_scan_qualifier() gives the
 * name its columns are qualified with: the item's alias or table name
 * (*qualifier set, borrowed from the analysis), NULL for an
 * IDENTIFIER(...) table without an alias that is its block's only item
 * (its columns are then left unqualified); returns -1 when there is no
 * name (such a table beside other FROM items), else 0. */
int ast_scan_qualifier(const struct an_item *item, const char **qualifier);
/* AND pred (built with ast_scan_qualifier's name) into the condition
 * that reaches the scan and nothing else: on the null-supplying side of
 * an outer join, that join's ON (a WHERE would turn the join into an
 * inner one); otherwise the item's block's WHERE.  Steals pred.  Returns
 * 0; -2 when the block cannot take a WHERE (an_block_takes_clauses);
 * -3 when no filter sluice could add reaches the scan (TABLESAMPLE, a
 * FULL JOIN's ON, columns renamed by an alias list, a WHERE above a
 * non-deterministic LATERAL VIEW: analyze_range.c).  On failure pred is
 * freed and the tree is unchanged. */
int ast_and_at_scan(const struct an_item *item, json_t *pred);

/* Replace the node whose fields object is old_fields, wherever it is
 * held inside root (an array slot or an object member), by
 * replacement.  Steals replacement.  Returns 0, or -1 if old_fields was
 * not found (replacement is then freed). */
int ast_replace_node(json_t *root, json_t *old_fields, json_t *replacement);

/* Replace the expression of a select-list entry (ResTarget fields),
 * keeping its output name: when the entry had no alias, the name it
 * had (the column's name) becomes its alias.  Steals expr. */
void ast_replace_target_expr(json_t *restarget_fields, json_t *expr);

/* Add NAME(arg) to a SELECT's hint list (sl_hints): arg joins an
 * existing hint of that name, else a new hint is appended.  arg is the
 * hint argument as it is to be printed (an alias as written). */
void ast_add_hint(json_t *select_fields, const char *name, const char *arg);

/* Set a SELECT's LIMIT to the constant n. */
void ast_set_limit(json_t *select_fields, long long n);

/* Deferred delete (SQLite's sqlite3ExprDeferredDelete()).  The rule
 * driver opens a deferral before a rule runs and closes it after the
 * rule returns; in between, ast_defer_delete(node) keeps a reference to
 * node (borrowed: the caller's reference is untouched), so a node an edit
 * takes out of the tree is freed only at ast_defer_close().  Every edit
 * above calls it for what it replaces; a rule that replaces a node itself
 * (json_object_set on a clause) calls it first.  With no deferral open
 * (outside the driver) it does nothing.  One deferral per thread. */
void ast_defer_open(void);
void ast_defer_delete(json_t *node);
void ast_defer_close(void);

#endif
