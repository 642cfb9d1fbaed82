/*
 * lineage.c - a statement's lineage document (lineage.h): the tables it
 * reads before and after the rules' rewrites, what each output column is
 * computed from, and which base columns filter, join, group and order.
 *
 * Everything here follows the binding (resolve.h); nothing decides on
 * its own which FROM item owns a name.  A column reference is traced to
 * base columns (catalog.schema.table.column) like this:
 *   - a column of a catalog table is that table's column;
 *   - a column of a derived table or CTE is the select-list expression
 *     of its body at the same position (every branch of a set
 *     operation), traced in turn; a column a * of the body passes on is
 *     traced into the FROM item it comes from;
 *   - a column of a table function or LATERAL VIEW is computed from the
 *     function's arguments; a PIVOT column from its aggregate and its FOR
 *     columns;
 *   - a select-list alias is the expression it names; a lambda variable
 *     reads nothing of its own; a struct field is its column's;
 *   - a subquery in an expression contributes its output columns (not
 *     for EXISTS, whose output is never read);
 *   - an UNRESOLVED or AMBIGUOUS binding is listed under "unresolved",
 *     never attributed to a table.
 * A * over a FROM item whose columns are not known (a catalog table the
 * rules declare no columns for) is one output column named "*" with the
 * source catalog.schema.table.*: the statement outputs all of them.
 *
 * The roles ("used"): every query block the statement runs contributes
 * its WHERE, HAVING and QUALIFY (filter), its join conditions and USING
 * columns (join), its GROUP BY keys (group), and its ORDER BY, SORT BY,
 * DISTRIBUTE BY and CLUSTER BY (order), each traced as above: a filter
 * on a derived table's column is a filter on the base columns it comes
 * from.  A column may have several roles and also be a source.
 *
 * Sources and role lists are sorted; tables keep the order in which the
 * statement names them (as sl_result_source_table does).
 */
#include "lineage.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "ast.h"
#include "sbuf.h"

/* ------------------------------------------------------------------ */
/* Tables                                                              */

/* The tables an reads (analysis_item_reads_table), each once, in the
 * analysis' order: a new array of strings. */
static json_t *tables_read(const analysis *an)
{
    json_t *out = json_array(), *seen = json_object();
    for (size_t i = 0; i < an->nitems; i++) {
        const an_item *it = an->items[i];
        if (!analysis_item_reads_table(it))
            continue;
        /* A set beside the list: a statement may read thousands of
         * tables, and a scan of the list per table would be quadratic. */
        if (json_object_get(seen, it->qualified))
            continue;
        json_object_set_new(seen, it->qualified, json_true());
        json_array_append_new(out, json_string(it->qualified));
    }
    json_decref(seen);
    return out;
}

/* ------------------------------------------------------------------ */
/* Tracing columns to base columns                                     */

/* What one output column or role collects: its base columns and the
 * references it could not trace, each a set (a jansson object whose
 * keys are the members, in insertion order). */
typedef struct acc {
    json_t *src;
    json_t *unres;
} acc;

typedef struct lin {
    const analysis *an;
    const resolution *rs;
    json_t *unresolved;     /* the statement's list: [{"column", "problem", "reason"}] */
    json_t *unresolved_seen; /* the "column" values in it, as a set */
    json_t *memo;           /* "block@position" -> {"s": set, "u": set} */
    json_t *setop;          /* the set operation whose ORDER BY is being traced */
    int too_deep;
} lin;

static acc acc_new(void)
{
    acc a = {json_object(), json_object()};
    return a;
}

static void acc_free(acc *a)
{
    json_decref(a->src);
    json_decref(a->unres);
}

static void set_merge(json_t *dst, json_t *src)
{
    const char *k;
    json_t *v;
    json_object_foreach(src, k, v)
        json_object_set(dst, k, json_true());
}

static void acc_merge(acc *dst, const acc *src)
{
    set_merge(dst->src, src->src);
    set_merge(dst->unres, src->unres);
}

/* Record catalog.schema.table.column, lower case. */
static void add_base(acc *a, const char *qualified, const char *column)
{
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s.", qualified);
    for (const char *c = column; *c; c++)
        sbuf_putc(&b, (char)tolower((unsigned char)*c));
    json_object_set_new(a->src, sbuf_cstr(&b), json_true());
    sbuf_free(&b);
}

/* Note a reference that cannot be traced, as written, in the column's
 * set and (once) in the statement's list. */
static void add_unresolved(lin *L, acc *a, const char *written, const char *problem,
                           const char *reason)
{
    json_object_set_new(a->unres, written, json_true());
    if (json_object_get(L->unresolved_seen, written))
        return;
    json_object_set_new(L->unresolved_seen, written, json_true());
    json_t *o = json_pack("{s:s,s:s}", "column", written, "problem", problem);
    if (reason)
        json_object_set_new(o, "reason", json_string(reason));
    json_array_append_new(L->unresolved, o);
}

/* A ColumnRef's name as written, its parts joined by dots. */
static char *written_name(json_t *colref_fields)
{
    sbuf b = SBUF_INIT;
    size_t i;
    json_t *p;
    json_array_foreach(ast_get(colref_fields, "fields"), i, p) {
        if (i)
            sbuf_putc(&b, '.');
        const char *s = ast_string_value(p);
        sbuf_puts(&b, s ? s : "*");
    }
    return sbuf_detach(&b);
}

static void expr_sources(lin *L, const an_block *blk, json_t *v, acc *a, int depth);
static void item_column_sources(lin *L, const an_item *it, const char *name, size_t pos,
                                acc *a, int depth);
static void item_all_sources(lin *L, const an_item *it, acc *a, int depth);

static int too_deep(lin *L, int depth)
{
    if (depth <= AN_MAX_DEPTH)
        return 0;
    L->too_deep = 1;
    return 1;
}

/* The blocks of a SelectStmt's fields: itself, or a set operation's
 * branches, leftmost first (resolve_select_blocks).  *n receives how
 * many; free() the array. */
static an_block **select_blocks(const lin *L, json_t *select, size_t *n)
{
    size_t count = resolve_select_blocks(L->rs, select, NULL, 0);
    an_block **v = xmalloc((count ? count : 1) * sizeof *v);
    *n = resolve_select_blocks(L->rs, select, v, count);
    return v;
}

/* Does blk carry a * (or alias.*) in its select list, or is it a PIVOT /
 * UNPIVOT block, whose source columns it passes on unnamed? */
static int passes_star(const an_block *blk)
{
    if (ast_get(blk->select, "sl_pivot"))
        return 1;
    for (size_t i = 0; i < blk->noutputs; i++)
        if (blk->outputs[i].star)
            return 1;
    return 0;
}

/* Is it on the right of a LEFT SEMI / LEFT ANTI join (its columns are
 * not output)? */
static int hidden_by_semi_join(const an_item *it)
{
    for (const an_join_step *s = it->join; s; s = s->up) {
        const char *k = json_string_value(ast_get(s->join, "sl_join"));
        if (s->side == 1 && k && (strcmp(k, "semi") == 0 || strcmp(k, "anti") == 0))
            return 1;
    }
    return 0;
}

/* The one FROM item of body whose columns are not all known and which a
 * * of body passes on, or NULL when there is none or more than one (a
 * name not among body's named outputs then cannot be placed). */
static const an_item *only_unknown_item(const lin *L, const an_block *body)
{
    if (!passes_star(body))
        return NULL;
    const an_item *found = NULL;
    for (size_t i = 0; i < body->nitems; i++) {
        const an_item *it = body->items[i];
        if (hidden_by_semi_join(it) || resolve_item_columns(L->rs, it)->complete)
            continue;
        if (found)
            return NULL;
        found = it;
    }
    return found;
}

/* The last part of a ColumnRef node's name, or NULL. */
static const char *ref_last_name(json_t *node)
{
    json_t *f;
    if (ast_unwrap(node, &f, NULL) != AST_ColumnRef)
        return NULL;
    json_t *fields = ast_get(f, "fields");
    return ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
}

/* The value at index j of an UNPIVOT list entry (a ResTarget whose
 * value is one column or a row of them), or NULL. */
static json_t *unpivot_entry(json_t *entry, size_t j)
{
    json_t *tf, *rf;
    json_t *val = ast_unwrap(entry, &tf, NULL) == AST_ResTarget ? ast_get(tf, "val") : entry;
    if (ast_unwrap(val, &rf, NULL) == AST_RowExpr)
        return json_array_get(ast_get(rf, "args"), j);
    return j == 0 ? val : NULL;
}

/* A column an UNPIVOT makes (Spark's Unpivot: its value columns take, row
 * by row, the IN columns at their index; its name column holds the IN
 * entries' names, constants).  Returns 0 when name is neither. */
static int unpivot_sources(lin *L, const an_block *blk, const char *name, acc *a, int depth)
{
    json_t *spec = ast_get(blk->select, "sl_pivot");
    if (!spec || strcmp(ast_str(spec, "kind"), "unpivot") != 0 || !name)
        return 0;
    size_t i, j = 0;
    json_t *e, *x;
    json_array_foreach(ast_get(spec, "values"), i, e) {
        for (size_t k = 0; (x = unpivot_entry(e, k)) != NULL; k++, j++) {
            const char *v = ref_last_name(x);
            if (!v || strcasecmp(v, name) != 0)
                continue;
            json_array_foreach(ast_get(spec, "in"), i, e)
                expr_sources(L, blk, unpivot_entry(e, j), a, depth + 1);
            return 1;
        }
    }
    json_array_foreach(ast_get(spec, "for"), i, e)
        if (ref_last_name(e) && strcasecmp(ref_last_name(e), name) == 0)
            return 1;
    return 0;
}

/* The sources of the output column of body at pos (RS_NO_POSITION: the
 * column named name), merged into a.  Kept per (body, pos): a CTE read
 * many times is traced once, and a recursive CTE reading itself gets
 * what is known so far instead of looping. */
static void body_column_sources(lin *L, const an_block *body, size_t pos, const char *name,
                                acc *a, int depth)
{
    if (too_deep(L, depth))
        return;
    char key[64];
    json_t *memo = NULL;
    if (pos != RS_NO_POSITION) {
        snprintf(key, sizeof key, "%p@%zu", (const void *)body, pos);
        memo = json_object_get(L->memo, key);
        if (memo) {
            set_merge(a->src, json_object_get(memo, "s"));
            set_merge(a->unres, json_object_get(memo, "u"));
            return;
        }
        memo = json_pack("{s:o,s:o}", "s", json_object(), "u", json_object());
        json_object_set_new(L->memo, key, memo);
    }
    acc mine = acc_new();
    const rs_columns *outs = resolve_block_outputs(L->rs, body);
    const rs_column *col = NULL;
    for (size_t k = 0; k < outs->n && !col && pos != RS_NO_POSITION; k++)
        if (outs->v[k].position == pos)
            col = &outs->v[k];
    for (size_t k = 0; k < outs->n && !col && name; k++)
        if (outs->v[k].name && strcasecmp(outs->v[k].name, name) == 0)
            col = &outs->v[k];
    json_t *pivot = ast_get(body->select, "sl_pivot");
    if (col && col->expr) {
        expr_sources(L, body, col->expr, &mine, depth + 1);
        /* A PIVOT column: its aggregate over the rows whose FOR columns
         * hold its IN value. */
        if (pivot)
            expr_sources(L, body, ast_get(pivot, "for"), &mine, depth + 1);
    } else if (col && col->from_item) {
        item_column_sources(L, col->from_item, col->name ? col->name : name,
                            col->from_position, &mine, depth + 1);
    } else if (col && unpivot_sources(L, body, col->name, &mine, depth)) {
        /* traced */
    } else if (!col && name && only_unknown_item(L, body)) {
        item_column_sources(L, only_unknown_item(L, body), name, RS_NO_POSITION, &mine,
                            depth + 1);
    } else if (name) {
        add_unresolved(L, &mine, name, "unresolved",
                       passes_star(body) ? "a * over more than one table whose columns are not "
                                           "declared passes it on"
                                         : "sluice cannot tell where this column comes from");
    } else {
        add_unresolved(L, &mine, "*", "unresolved",
                       "a * over a table whose columns are not declared hides which column this is");
    }
    if (memo) {
        set_merge(json_object_get(memo, "s"), mine.src);
        set_merge(json_object_get(memo, "u"), mine.unres);
    }
    acc_merge(a, &mine);
    acc_free(&mine);
}

/* The bodies of a derived table or CTE reference: the branches of its
 * set operation, leftmost first.  Returns how many (at most cap). */
static size_t bodies_of(const lin *L, const an_item *it, an_block **out, size_t cap)
{
    size_t n = resolve_item_bodies(L->rs, it, out, cap);
    return n < cap ? n : cap;
}

#define LINEAGE_MAX_BRANCHES 256

/* The sources of item it's column name (at pos in its columns when
 * known), merged into a. */
static void item_column_sources(lin *L, const an_item *it, const char *name, size_t pos,
                                acc *a, int depth)
{
    if (too_deep(L, depth))
        return;
    switch (it->kind) {
    case AN_TABLE:
        if (it->qualified && name)
            add_base(a, it->qualified, name);
        else
            add_unresolved(L, a, name ? name : "*", "unresolved",
                           "the table's name is not known");
        return;
    case AN_FUNCTION:
        /* explode(arr), posexplode(arr), range(n), ...: every column
         * it outputs is computed from its arguments. */
        expr_sources(L, it->block, ast_get(it->node, "functions"), a, depth + 1);
        return;
    case AN_SUBQUERY:
    case AN_CTE_REF:
        break;
    }
    if (pos == RS_NO_POSITION && name) {
        const rs_columns *cols = resolve_item_columns(L->rs, it);
        for (size_t k = 0; k < cols->n; k++)
            if (cols->v[k].name && strcasecmp(cols->v[k].name, name) == 0) {
                pos = cols->v[k].position;
                break;
            }
    }
    an_block *bodies[LINEAGE_MAX_BRANCHES];
    size_t n = bodies_of(L, it, bodies, LINEAGE_MAX_BRANCHES);
    for (size_t i = 0; i < n; i++)
        body_column_sources(L, bodies[i], pos, name, a, depth + 1);
}

/* Every column of item it, for a * whose columns are not all known. */
static void item_all_sources(lin *L, const an_item *it, acc *a, int depth)
{
    if (too_deep(L, depth))
        return;
    if (it->kind == AN_TABLE) {
        add_base(a, it->qualified ? it->qualified : "", "*");
        return;
    }
    if (it->kind == AN_FUNCTION) {
        expr_sources(L, it->block, ast_get(it->node, "functions"), a, depth + 1);
        return;
    }
    an_block *bodies[LINEAGE_MAX_BRANCHES];
    size_t n = bodies_of(L, it, bodies, LINEAGE_MAX_BRANCHES);
    for (size_t i = 0; i < n; i++) {
        const rs_columns *outs = resolve_block_outputs(L->rs, bodies[i]);
        for (size_t k = 0; k < outs->n; k++) {
            const rs_column *c = &outs->v[k];
            if (c->expr)
                expr_sources(L, bodies[i], c->expr, a, depth + 1);
            else if (c->from_item)
                item_column_sources(L, c->from_item, c->name, c->from_position, a, depth + 1);
        }
        if (!outs->complete && passes_star(bodies[i]))
            for (size_t k = 0; k < bodies[i]->nitems; k++) {
                const an_item *sub = bodies[i]->items[k];
                if (!hidden_by_semi_join(sub) && !resolve_item_columns(L->rs, sub)->complete)
                    item_all_sources(L, sub, a, depth + 1);
            }
    }
}

/* The columns of item it that no name lists: those a * over a table
 * whose columns are not declared passes on, down to the tables (t.*),
 * or for a function its arguments. */
static void item_rest_sources(lin *L, const an_item *it, acc *a, int depth)
{
    if (too_deep(L, depth))
        return;
    if (it->kind == AN_TABLE || it->kind == AN_FUNCTION) {
        item_all_sources(L, it, a, depth + 1);
        return;
    }
    an_block *bodies[LINEAGE_MAX_BRANCHES];
    size_t n = bodies_of(L, it, bodies, LINEAGE_MAX_BRANCHES);
    for (size_t i = 0; i < n; i++) {
        if (!passes_star(bodies[i]))
            continue;
        for (size_t k = 0; k < bodies[i]->nitems; k++) {
            const an_item *sub = bodies[i]->items[k];
            if (!hidden_by_semi_join(sub) && !resolve_item_columns(L->rs, sub)->complete)
                item_rest_sources(L, sub, a, depth + 1);
        }
    }
}

/* The sources of a subquery in an expression: its output columns, every
 * branch's. */
static void subquery_sources(lin *L, json_t *subselect, acc *a, int depth)
{
    size_t nb;
    an_block **blocks = select_blocks(L, ast_get(subselect, "SelectStmt"), &nb);
    for (size_t i = 0; i < nb; i++) {
        an_block *b = blocks[i];
        const rs_columns *outs = resolve_block_outputs(L->rs, b);
        for (size_t k = 0; k < outs->n; k++) {
            if (outs->v[k].expr)
                expr_sources(L, b, outs->v[k].expr, a, depth + 1);
            else if (outs->v[k].from_item)
                item_column_sources(L, outs->v[k].from_item, outs->v[k].name,
                                    outs->v[k].from_position, a, depth + 1);
        }
        if (!outs->complete)
            for (size_t k = 0; k < b->nitems; k++)
                if (passes_star(b) && !hidden_by_semi_join(b->items[k]) &&
                    !resolve_item_columns(L->rs, b->items[k])->complete)
                    item_all_sources(L, b->items[k], a, depth + 1);
    }
    free(blocks);
}

/* The set operation's output column at pos: that column of every
 * branch. */
static void setop_column_sources(lin *L, json_t *setop, size_t pos, acc *a, int depth)
{
    size_t nb;
    an_block **blocks = select_blocks(L, setop, &nb);
    for (size_t i = 0; i < nb; i++)
        body_column_sources(L, blocks[i], pos, NULL, a, depth + 1);
    free(blocks);
}

/* What the ColumnRef (fields) reads, by its binding. */
static void ref_sources(lin *L, json_t *ref, acc *a, int depth)
{
    const rs_binding *b = resolve_lookup(L->rs, ref);
    if (!b)
        return;     /* *, t.*, the GROUP BY ALL marker: not a column read here */
    switch (b->kind) {
    case RS_COLUMN:
    case RS_OUTER:
    case RS_FIELD:
        item_column_sources(L, b->item, b->column, b->position, a, depth + 1);
        if (b->merged) {
            /* A USING column of a FULL JOIN is coalesce(left, right). */
            for (const an_join_step *s = b->item->join; s; s = s->up)
                if (strcmp(ast_str(s->join, "jointype"), "JOIN_FULL") == 0) {
                    item_column_sources(L, b->merged, b->column, RS_NO_POSITION, a, depth + 1);
                    break;
                }
        }
        return;
    case RS_ALIAS:
        if (b->clause == RS_IN_SETOP_ORDER && L->setop)
            setop_column_sources(L, L->setop, b->position, a, depth + 1);
        else if (b->output && b->output->expr)
            expr_sources(L, b->block, b->output->expr, a, depth + 1);
        return;
    case RS_LAMBDA:
        return;
    case RS_UNRESOLVED:
    case RS_AMBIGUOUS: {
        char *w = written_name(ref);
        add_unresolved(L, a, w, b->kind == RS_AMBIGUOUS ? "ambiguous" : "unresolved", b->why);
        free(w);
        return;
    }
    }
}

/* The definition of the named window name in blk's WINDOW clause. */
static json_t *named_window(const an_block *blk, const char *name)
{
    size_t i;
    json_t *w, *wf;
    json_array_foreach(ast_get(blk->select, "windowClause"), i, w)
        if (ast_unwrap(w, &wf, NULL) == AST_WindowDef && ast_str(wf, "name") &&
            strcasecmp(ast_str(wf, "name"), name) == 0)
            return wf;
    return NULL;
}

/* What an expression walk carries (expr_sources). */
typedef struct expr_walk {
    lin *L;
    const an_block *blk;
    acc *a;
    int depth;
} expr_walk;

static ast_walk_rc expr_visit(ast_walker *w, json_t *node, ast_kind kind, json_t *f)
{
    expr_walk *e = w->ctx;
    (void)node;
    if (kind == AST_ColumnRef) {
        ref_sources(e->L, f, e->a, e->depth);
        return AST_WALK_PRUNE;
    }
    if (kind == AST_SubLink) {
        expr_sources(e->L, e->blk, ast_get(f, "testexpr"), e->a, e->depth + 1);
        if (strcmp(ast_str(f, "subLinkType"), "EXISTS_SUBLINK") != 0)
            subquery_sources(e->L, ast_get(f, "subselect"), e->a, e->depth + 1);
        return AST_WALK_PRUNE;
    }
    if (kind == AST_SelectStmt)
        return AST_WALK_PRUNE;  /* a query's own clauses are its block's */
    if (kind == AST_FuncCall) {
        /* OVER w: the named window's PARTITION BY and ORDER BY. */
        json_t *over = ast_get(f, "over");
        const char *wname = ast_str(over, "name");
        if (!wname || !*wname)
            wname = ast_str(over, "refname");
        json_t *def = wname && *wname && e->blk ? named_window(e->blk, wname) : NULL;
        if (def)
            expr_sources(e->L, e->blk, def, e->a, e->depth + 1);
    }
    return AST_WALK_CONTINUE;
}

/* The base columns expression v (of block blk) reads, merged into a.
 * A subquery in it is not walked into: its output columns count (its
 * own clauses are its block's roles). */
static void expr_sources(lin *L, const an_block *blk, json_t *v, acc *a, int depth)
{
    if (!v || too_deep(L, depth))
        return;
    expr_walk e = {L, blk, a, depth};
    ast_walker w = {expr_visit, &e, 0, 0, 0, 0};
    ast_walk(&w, v);
    if (w.too_deep)
        L->too_deep = 1;
}

/* ------------------------------------------------------------------ */
/* Output columns                                                      */

/* One output column: its name (NULL when Spark makes one sluice does
 * not spell) and what it collects. */
typedef struct outcol {
    const char *name;
    acc a;
    json_t *except;         /* a "*" column: the names its * EXCEPT leaves out */
} outcol;

typedef struct outcols {
    outcol *v;
    size_t n;
} outcols;

static outcol *outcol_push(outcols *o, const char *name)
{
    o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
    outcol *c = &o->v[o->n++];
    c->name = name;
    c->a = acc_new();
    c->except = NULL;
    return c;
}

static void outcols_free(outcols *o)
{
    for (size_t i = 0; i < o->n; i++) {
        acc_free(&o->v[i].a);
        json_decref(o->v[i].except);
    }
    free(o->v);
}

/* Does the item match the qualifier of alias.* (parts, n of them)?  An
 * alias answers to one part; a table without one to the last parts of
 * its catalog.schema.table. */
static int star_covers(const an_item *it, json_t *star_fields)
{
    json_t *fields = ast_get(star_fields, "fields");
    size_t n = json_array_size(fields);
    if (n <= 1)
        return !hidden_by_semi_join(it);
    sbuf q = SBUF_INIT;
    for (size_t i = 0; i + 1 < n; i++) {
        const char *p = ast_string_value(json_array_get(fields, i));
        if (i)
            sbuf_putc(&q, '.');
        sbuf_puts(&q, p ? p : "");
    }
    const char *aname = json_string_value(ast_get(ast_get(it->node, "alias"), "aliasname"));
    int ok;
    if (it->kind != AN_TABLE || aname) {
        ok = n == 2 && it->alias && strcasecmp(it->alias, sbuf_cstr(&q)) == 0;
    } else {
        size_t ql = q.len, tl = it->qualified ? strlen(it->qualified) : 0;
        ok = tl >= ql && strcasecmp(it->qualified + tl - ql, sbuf_cstr(&q)) == 0 &&
             (tl == ql || it->qualified[tl - ql - 1] == '.');
    }
    sbuf_free(&q);
    return ok;
}

/* The output column c (of blk's outputs), traced. */
static void trace_output(lin *L, const an_block *blk, const rs_column *c, acc *a)
{
    json_t *pivot = ast_get(blk->select, "sl_pivot");
    if (c->expr) {
        expr_sources(L, blk, c->expr, a, 0);
        if (pivot)
            expr_sources(L, blk, ast_get(pivot, "for"), a, 0);
    } else if (c->from_item) {
        item_column_sources(L, c->from_item, c->name, c->from_position, a, 0);
    } else if (!unpivot_sources(L, blk, c->name, a, 0)) {
        add_unresolved(L, a, c->name ? c->name : "*", "unresolved",
                       "sluice cannot tell where this column comes from");
    }
}

/* What a * of blk passes on from item it, whose columns are not all
 * known: the columns it names, each traced, and one column "*" for the
 * rest (where its position says: before the columns that follow the
 * unknown part).  except is the * EXCEPT list (ColumnRefs), or NULL. */
static void star_over_unknown(lin *L, const an_item *it, json_t *except, outcols *out)
{
    const rs_columns *cols = resolve_item_columns(L->rs, it);
    int rest_done = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < cols->n; k++) {
            const rs_column *c = &cols->v[k];
            if ((c->position == RS_NO_POSITION) != pass || !c->name)
                continue;
            int dropped = 0;
            size_t i;
            json_t *e;
            json_array_foreach(except, i, e)
                dropped |= ref_last_name(e) && strcasecmp(ref_last_name(e), c->name) == 0;
            if (!dropped)
                item_column_sources(L, it, c->name, c->position, &outcol_push(out, c->name)->a,
                                    0);
        }
        if (!rest_done) {
            outcol *rest = outcol_push(out, "*");
            item_rest_sources(L, it, &rest->a, 0);
            if (json_array_size(except)) {
                rest->except = json_array();
                size_t i;
                json_t *e;
                json_array_foreach(except, i, e)
                    if (ref_last_name(e))
                        json_array_append_new(rest->except, json_string(ref_last_name(e)));
            }
            rest_done = 1;
        }
    }
}

/* The output columns of block blk, in order, traced. */
static void block_columns(lin *L, const an_block *blk, outcols *out)
{
    const rs_columns *outs = resolve_block_outputs(L->rs, blk);
    json_t *targets = ast_get(blk->select, "targetList");
    if (outs->complete || !targets || ast_get(blk->select, "sl_pivot")) {
        for (size_t k = 0; k < outs->n; k++)
            trace_output(L, blk, &outs->v[k], &outcol_push(out, outs->v[k].name)->a);
        if (!outs->complete) {
            /* A PIVOT over a table whose columns are not known passes
             * on its grouping columns unnamed. */
            outcol *c = outcol_push(out, "*");
            for (size_t k = 0; k < blk->nitems; k++)
                if (!resolve_item_columns(L->rs, blk->items[k])->complete)
                    item_all_sources(L, blk->items[k], &c->a, 0);
        }
        return;
    }
    /* Not every column is known: the select list entry by entry, a *
     * over an item whose columns are not known as one column "*". */
    size_t k = 0, i;
    json_t *t, *tf, *vf;
    json_array_foreach(targets, i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            continue;
        json_t *val = ast_get(tf, "val");
        int star = ast_unwrap(val, &vf, NULL) == AST_ColumnRef &&
                   ast_unwrap(json_array_get(ast_get(vf, "fields"),
                                             json_array_size(ast_get(vf, "fields")) - 1),
                              NULL, NULL) == AST_A_Star;
        if (!star) {
            outcol *c = outcol_push(out, analysis_target_name(tf));
            expr_sources(L, blk, val, &c->a, 0);
            if (k < outs->n && outs->v[k].expr == val)
                k++;
            continue;
        }
        /* The star's known columns are the run of outputs without an
         * expression; they are listed with the item they come from. */
        size_t run = k;
        while (run < outs->n && !outs->v[run].expr)
            run++;
        for (size_t m = 0; m < blk->nitems; m++) {
            const an_item *it = blk->items[m];
            if (!star_covers(it, vf))
                continue;
            if (!resolve_item_columns(L->rs, it)->complete) {
                star_over_unknown(L, it, ast_get(tf, "sl_except"), out);
                continue;
            }
            for (size_t j = k; j < run; j++)
                if (outs->v[j].from_item == it)
                    trace_output(L, blk, &outs->v[j], &outcol_push(out, outs->v[j].name)->a);
        }
        k = run;
    }
}

/* The statement's own blocks: its SELECT, or the branches of its set
 * operation, leftmost first. */
static size_t root_blocks(const lin *L, const an_block **out, size_t cap)
{
    size_t n = 0;
    if (L->an->top) {
        out[0] = L->an->top;
        return 1;
    }
    for (size_t i = 0; i < L->an->nblocks && n < cap; i++) {
        const an_block *b = L->an->blocks[i];
        if (b->setop && !b->cte && !b->derived && !b->in_expression)
            out[n++] = b;
    }
    return n;
}

static json_t *set_to_sorted_array(json_t *set)
{
    size_t n = json_object_size(set), i = 0;
    const char **keys = xmalloc((n ? n : 1) * sizeof *keys);
    const char *k;
    json_t *v;
    json_object_foreach(set, k, v)
        keys[i++] = k;
    for (size_t a = 1; a < n; a++)      /* insertion sort: the lists are short */
        for (size_t b = a; b > 0 && strcmp(keys[b - 1], keys[b]) > 0; b--) {
            const char *t = keys[b];
            keys[b] = keys[b - 1];
            keys[b - 1] = t;
        }
    json_t *arr = json_array();
    for (i = 0; i < n; i++)
        json_array_append_new(arr, json_string(keys[i]));
    free(keys);
    return arr;
}

static json_t *set_to_array(json_t *set)
{
    json_t *arr = json_array();
    const char *k;
    json_t *v;
    json_object_foreach(set, k, v)
        json_array_append_new(arr, json_string(k));
    return arr;
}

static json_t *columns_json(lin *L)
{
    const an_block *roots[LINEAGE_MAX_BRANCHES];
    size_t nroots = root_blocks(L, roots, LINEAGE_MAX_BRANCHES);
    outcols first = {NULL, 0};
    if (nroots)
        block_columns(L, roots[0], &first);
    for (size_t r = 1; r < nroots; r++) {
        outcols other = {NULL, 0};
        block_columns(L, roots[r], &other);
        if (other.n == first.n) {
            for (size_t i = 0; i < first.n; i++)
                acc_merge(&first.v[i].a, &other.v[i].a);
        } else {
            for (size_t i = 0; i < first.n; i++)
                add_unresolved(L, &first.v[i].a, "*", "unresolved",
                               "a * over a table whose columns are not declared hides which "
                               "columns the branches of the set operation pair up");
        }
        outcols_free(&other);
    }
    json_t *cols = json_array();
    for (size_t i = 0; i < first.n; i++) {
        json_t *c = json_pack("{s:o,s:o}", "name",
                              first.v[i].name ? json_string(first.v[i].name) : json_null(),
                              "sources", set_to_sorted_array(first.v[i].a.src));
        if (first.v[i].except)
            json_object_set(c, "except", first.v[i].except);
        if (json_object_size(first.v[i].a.unres))
            json_object_set_new(c, "unresolved", set_to_array(first.v[i].a.unres));
        json_array_append_new(cols, c);
    }
    outcols_free(&first);
    return cols;
}

/* ------------------------------------------------------------------ */
/* Roles                                                               */

enum { ROLE_FILTER, ROLE_JOIN, ROLE_GROUP, ROLE_ORDER, NROLES };
static const char *const role_names[NROLES] = {"filter", "join", "group", "order"};

/* Does the statement run blk?  Not when it is (inside) the body of a
 * CTE that no reference reads. */
static int block_is_read(const an_block *blk)
{
    for (int hops = 0; blk && hops <= AN_MAX_DEPTH; hops++) {
        if (blk->cte)
            return blk->cte->nrefs > 0;
        if (!blk->derived)
            return 1;
        blk = blk->derived->block;
    }
    return 1;
}

/* The item of blk whose node is the FROM entry node (its fields). */
static const an_item *item_of_node(const an_block *blk, json_t *fields)
{
    for (size_t i = 0; i < blk->nitems; i++)
        if (blk->items[i]->node == fields)
            return blk->items[i];
    return NULL;
}

/* Does the JoinExpr (fields) join USING a column called name? */
static int joins_using(json_t *join, const char *name)
{
    size_t i;
    json_t *s;
    json_array_foreach(ast_get(join, "usingClause"), i, s)
        if (ast_string_value(s) && strcasecmp(ast_string_value(s), name) == 0)
            return 1;
    return 0;
}

/* The USING column name of one side of a join: the side's item, when
 * the side is a single FROM item.  A side that is itself a join USING
 * the same name outputs it once, from its left side (its right for a
 * RIGHT JOIN, both for a FULL JOIN: ResolveNaturalAndUsingJoin); any
 * other nested join would need a choice among its items, which sluice
 * does not make here. */
static void using_side(lin *L, const an_block *blk, json_t *side, const char *name, acc *a,
                       int depth)
{
    json_t *f;
    ast_kind k = ast_unwrap(side, &f, NULL);
    if (too_deep(L, depth))
        return;
    if (k == AST_RangeTableSample)
        k = ast_unwrap(ast_get(f, "relation"), &f, NULL);
    if (k == AST_JoinExpr && joins_using(f, name)) {
        const char *type = ast_str(f, "jointype");
        if (strcmp(type, "JOIN_RIGHT") != 0)
            using_side(L, blk, ast_get(f, "larg"), name, a, depth + 1);
        if (strcmp(type, "JOIN_RIGHT") == 0 || strcmp(type, "JOIN_FULL") == 0)
            using_side(L, blk, ast_get(f, "rarg"), name, a, depth + 1);
        return;
    }
    const an_item *it = k != AST_JoinExpr ? item_of_node(blk, f) : NULL;
    if (it) {
        item_column_sources(L, it, name, RS_NO_POSITION, a, depth + 1);
        return;
    }
    add_unresolved(L, a, name, "unresolved",
                   "a USING column of a nested join: sluice does not pick its side's table");
}

/* The item a join side is, when it is a single FROM item. */
static const an_item *side_item(const an_block *blk, json_t *side)
{
    json_t *f;
    ast_kind k = ast_unwrap(side, &f, NULL);
    if (k == AST_RangeTableSample)
        k = ast_unwrap(ast_get(f, "relation"), &f, NULL);
    return k == AST_JoinExpr ? NULL : item_of_node(blk, f);
}

/* A NATURAL JOIN joins on the columns both sides have
 * (ResolveNaturalAndUsingJoin): known when both are single items whose
 * columns are all known. */
static void natural_sources(lin *L, const an_block *blk, json_t *join, acc *a, int depth)
{
    const an_item *l = side_item(blk, ast_get(join, "larg"));
    const an_item *r = side_item(blk, ast_get(join, "rarg"));
    const rs_columns *lc = l ? resolve_item_columns(L->rs, l) : NULL;
    const rs_columns *rc = r ? resolve_item_columns(L->rs, r) : NULL;
    if (!lc || !rc || !lc->complete || !rc->complete) {
        add_unresolved(L, a, "*", "unresolved",
                       "the columns of a NATURAL JOIN over a table whose columns are not "
                       "declared are not known");
        return;
    }
    for (size_t i = 0; i < lc->n; i++)
        for (size_t k = 0; k < rc->n; k++)
            if (lc->v[i].name && rc->v[k].name && strcasecmp(lc->v[i].name, rc->v[k].name) == 0) {
                item_column_sources(L, l, lc->v[i].name, lc->v[i].position, a, depth + 1);
                item_column_sources(L, r, rc->v[k].name, rc->v[k].position, a, depth + 1);
            }
}

/* The join conditions of FROM entry node of blk, into a. */
static void join_sources(lin *L, const an_block *blk, json_t *node, acc *a, int depth)
{
    json_t *f;
    if (too_deep(L, depth) || ast_unwrap(node, &f, NULL) != AST_JoinExpr)
        return;
    expr_sources(L, blk, ast_get(f, "quals"), a, 0);
    if (json_is_true(ast_get(f, "isNatural")))
        natural_sources(L, blk, f, a, depth);
    size_t i;
    json_t *s;
    json_array_foreach(ast_get(f, "usingClause"), i, s) {
        const char *name = ast_string_value(s);
        if (!name)
            continue;
        using_side(L, blk, ast_get(f, "larg"), name, a, depth + 1);
        using_side(L, blk, ast_get(f, "rarg"), name, a, depth + 1);
    }
    join_sources(L, blk, ast_get(f, "larg"), a, depth + 1);
    join_sources(L, blk, ast_get(f, "rarg"), a, depth + 1);
}

/* An ORDER BY list (SortBy nodes) of blk: ordinals name its outputs. */
static void order_sources(lin *L, const an_block *blk, json_t *list, acc *a)
{
    size_t i;
    json_t *s, *sf, *cf;
    json_array_foreach(list, i, s) {
        json_t *node = ast_unwrap(s, &sf, NULL) == AST_SortBy ? ast_get(sf, "node") : s;
        json_t *iv = ast_unwrap(node, &cf, NULL) == AST_A_Const ? ast_get(cf, "ival") : NULL;
        if (iv && blk) {
            json_int_t n = json_integer_value(ast_get(iv, "ival"));
            if (n >= 1 && (size_t)n <= blk->noutputs && !blk->outputs[n - 1].star)
                expr_sources(L, blk, blk->outputs[n - 1].expr, a, 0);
            continue;
        }
        expr_sources(L, blk, node, a, 0);
    }
}

static json_t *used_json(lin *L)
{
    acc roles[NROLES];
    for (int r = 0; r < NROLES; r++)
        roles[r] = acc_new();
    for (size_t b = 0; b < L->an->nblocks; b++) {
        const an_block *blk = L->an->blocks[b];
        if (!block_is_read(blk))
            continue;
        json_t *sel = blk->select;
        for (size_t i = 0; i < blk->nwhere; i++)
            expr_sources(L, blk, blk->where[i], &roles[ROLE_FILTER], 0);
        for (size_t i = 0; i < blk->nhaving; i++)
            expr_sources(L, blk, blk->having[i], &roles[ROLE_FILTER], 0);
        expr_sources(L, blk, ast_get(sel, "sl_qualify"), &roles[ROLE_FILTER], 0);
        size_t i;
        json_t *from;
        json_array_foreach(ast_get(sel, "fromClause"), i, from)
            join_sources(L, blk, from, &roles[ROLE_JOIN], 0);
        for (size_t g = 0; g < blk->ngroup; g++)
            expr_sources(L, blk, blk->group[g].expr, &roles[ROLE_GROUP], 0);
        if (blk->grouping_sets) {
            json_t *g;
            json_array_foreach(ast_get(sel, "groupClause"), i, g)
                if (ast_unwrap(g, NULL, NULL) == AST_GroupingSet)
                    expr_sources(L, blk, g, &roles[ROLE_GROUP], 0);
        }
        order_sources(L, blk, ast_get(sel, "sortClause"), &roles[ROLE_ORDER]);
        order_sources(L, blk, ast_get(sel, "sl_sort_by"), &roles[ROLE_ORDER]);
        expr_sources(L, blk, ast_get(sel, "sl_distribute_by"), &roles[ROLE_ORDER], 0);
        expr_sources(L, blk, ast_get(sel, "sl_cluster_by"), &roles[ROLE_ORDER], 0);
    }
    /* The ORDER BY of a set operation names its output columns. */
    for (size_t s = 0; s < L->an->nsetops; s++) {
        const an_setop_step *st = L->an->setops[s];
        json_t *list = ast_get(st->setop, "sortClause");
        if (st->side != 0 || !json_array_size(list))
            continue;
        const an_block *first = NULL;
        size_t nb;
        an_block **blocks = select_blocks(L, st->setop, &nb);
        for (size_t b = 0; b < nb && !first; b++)
            if (block_is_read(blocks[b]))
                first = blocks[b];
        free(blocks);
        if (!first)
            continue;
        L->setop = st->setop;
        size_t i;
        json_t *x, *xf, *cf;
        json_array_foreach(list, i, x) {
            json_t *node = ast_unwrap(x, &xf, NULL) == AST_SortBy ? ast_get(xf, "node") : x;
            json_t *iv = ast_unwrap(node, &cf, NULL) == AST_A_Const ? ast_get(cf, "ival") : NULL;
            if (iv) {
                json_int_t n = json_integer_value(ast_get(iv, "ival"));
                if (n >= 1)
                    setop_column_sources(L, st->setop, (size_t)(n - 1), &roles[ROLE_ORDER], 0);
            } else {
                expr_sources(L, first, node, &roles[ROLE_ORDER], 0);
            }
        }
        L->setop = NULL;
    }
    json_t *used = json_object();
    for (int r = 0; r < NROLES; r++) {
        json_object_set_new(used, role_names[r], set_to_sorted_array(roles[r].src));
        acc_free(&roles[r]);
    }
    return used;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

json_t *lineage_statement(const analysis *an, const resolution *rs, unsigned index)
{
    lin L = {an, rs, json_array(), json_object(), json_object(), NULL, 0};
    json_t *doc = json_object();
    json_object_set_new(doc, "statement", json_integer(index));
    json_object_set_new(doc, "tables", tables_read(an));
    json_object_set_new(doc, "tables_after", json_null());
    if (an->incomplete.set) {
        /* The analysis stopped short: nothing is traced, and the reason
         * is the one unresolved entry. */
        json_object_set_new(doc, "columns", json_array());
        json_object_set_new(doc, "used", json_pack("{s:[],s:[],s:[],s:[]}", "filter", "join",
                                                   "group", "order"));
        json_array_append_new(L.unresolved, json_pack("{s:s,s:s,s:s}", "column", "*",
                                                      "problem", "incomplete", "reason",
                                                      an->incomplete.message));
    } else {
        json_object_set_new(doc, "columns", columns_json(&L));
        json_object_set_new(doc, "used", used_json(&L));
    }
    if (L.too_deep)
        json_array_append_new(L.unresolved, json_pack("{s:s,s:s,s:s}", "column", "*",
                                                      "problem", "incomplete", "reason",
                                                      "nested too deeply to trace"));
    json_object_set_new(doc, "unresolved", L.unresolved);
    json_decref(L.unresolved_seen);
    json_decref(L.memo);
    return doc;
}

json_t *lineage_no_rows(unsigned index, int rejected)
{
    return json_pack("{s:I,s:[],s:o,s:[],s:{s:[],s:[],s:[],s:[]},s:[]}", "statement",
                     (json_int_t)index, "tables", "tables_after",
                     rejected ? json_null() : json_array(), "columns", "used", "filter", "join",
                     "group", "order", "unresolved");
}

void lineage_set_after(json_t *doc, const analysis *an)
{
    json_object_set_new(doc, "tables_after", tables_read(an));
}

char *lineage_dump(json_t *doc)
{
    char *s = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
    char *out = xstrdup(s ? s : "null");
    arena_json_free(s);
    return out;
}
