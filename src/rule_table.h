/*
 * rule_table.h - the one table of rules and diagnostic ids, and the
 * driver that runs it.
 *
 * Every diagnostic id sluice reports is one row of the table in
 * rule_table.c.  A row that is a rule also says at what stage and in
 * what order it runs, on which statements, which modes ("enforce") the
 * rules file may give it, whether a "-- sluice: allow ID" comment may
 * switch it off, whether it is a guard (re-checked on the final tree),
 * and its entry point.  The rows' summary and help text are public
 * through sl_rule_*() (lint's SARIF rule entries).  Nothing about a rule
 * is written anywhere else: the engine names no rule, the rules loader
 * asks the table which modes a rule takes, the suppression warning lists
 * the table's suppressible rows.
 *
 * The driver (rule_driver.c) runs the rows on one parsed statement:
 * see rule_run() below for what it owns.
 *
 * Adding a rule: write its file (src/check/NAME.c for a rule that only
 * judges, src/rewrite/NAME.c for one that may change the tree; the
 * comment at the top of rewrite.h says what such a file starts with),
 * add RULE_NAME to rule_id below (at the end: the index is public), add
 * its row to rule_rows[] in rule_table.c at its place in the run order,
 * add the file to SLUICE_SOURCES in CMakeLists.txt, and add corpus cases
 * (docs/architecture.md, "Adding a rewrite rule").
 */
#ifndef SLUICE_RULE_TABLE_H
#define SLUICE_RULE_TABLE_H

#include <stddef.h>

#include "rules.h"

/* Every diagnostic id, in the order sl_rule_id(i) lists them (public:
 * a new id goes at the end, an id is never renumbered).  Its row in
 * rule_rows[] holds everything else about it. */
typedef enum rule_id {
    RULE_SYNTAX,
    RULE_LIMITS,
    RULE_REQUEST,
    RULE_EMIT,
    RULE_SUPPRESSION,
    RULE_STATEMENT_KIND,
    RULE_AGGREGATE_ROUTING,
    RULE_PARTITION_FILTER,
    RULE_BROADCAST_HINT,
    RULE_LIMIT_CAP,
    RULE_REWRITE_VERIFY,
    RULE_TABLE_RESOLUTION,
    RULE_SCAN_BUDGET,
    RULE_ROW_FILTER,
    RULE_COUNT
} rule_id;

typedef enum rule_stage {
    RULE_STAGE_NONE,        /* a diagnostic id only (syntax, limits, ...): never run */
    RULE_STAGE_JUDGE,       /* judges and never edits; a rejection stops every
                               rule after it (nothing is worth judging in a
                               statement that will not run) */
    RULE_STAGE_REWRITE      /* may change the tree; all of them run even after
                               one rejects, so lint lists every finding */
} rule_stage;

/* Which statements a rule runs on (rule_def.on). */
enum {
    RULE_ON_SELECT = 1 << 0,    /* a query: SELECT, WITH ... SELECT, VALUES */
    RULE_ON_INSIDE = 1 << 1,    /* the query inside CREATE TABLE ... AS, CREATE VIEW
                                   ... AS and INSERT ... query, judged only: the
                                   statement is not re-emitted, so a rewrite the
                                   policy asks for becomes a rejection */
    RULE_ON_OTHER = 1 << 2      /* any other statement the parser reads */
};

/* A set of modes (rule_def.modes): bit (1 << mode) per rules_enforce. */
#define RULE_MODE(m) (1u << (m))

struct check_ctx;

typedef struct rule_def {
    rule_id id;
    const char *name;           /* as printed and as "-- sluice: allow NAME" names it */
    rule_stage stage;
    unsigned on;                /* RULE_ON_* */
    int guard;                  /* re-checked on the final tree when a rule after
                                   it changed the tree (rule_driver.c) */
    int suppressible;           /* "-- sluice: allow NAME" may switch it off */
    unsigned modes;             /* the "enforce" values the rules file may give it
                                   (RULE_MODE(RULES_ENFORCE_*)), 0: none */
    const char *rewrite_word;   /* how the rules file spells RULES_ENFORCE_REWRITE
                                   for it ("inject" for partition-filter) */
    const char *summary, *help; /* sl_rule_summary(), sl_rule_help() */
    /* The entry point: judges ctx->stmt on ctx->an, reports through
     * check_report(), may set ctx->rejected; a REWRITE rule may change
     * the tree (then sets ctx->modified), never when ctx->judge_only is
     * set (check.h). */
    void (*run)(struct check_ctx *ctx);
    /* Statement-level entry points, for the rows that judge statements
     * the parser does not read (statement-kind); NULL elsewhere. */
    int (*read_unparsed)(struct check_ctx *ctx);
    void (*judge_unparsed)(struct check_ctx *ctx);
    void (*judge_request)(struct check_ctx *ctx);
} rule_def;

/* The table, in run order (the order of its rows is the order the rules
 * run in; rule_table.c says why it is that order). */
extern const rule_def rule_rows[];
extern const size_t rule_nrows;

/* The row of a diagnostic id (every id has exactly one). */
const rule_def *rule_row(rule_id id);
/* The printed id of a rule ("partition-filter"); a static string. */
const char *rule_name(rule_id id);
/* The rule an allow comment may name, or -1 for an unknown or
 * unsuppressible id (n bytes of name, any case). */
int rule_lookup_suppressible(const char *name, size_t n);
/* The ids an allow comment may name, "a, b, c" in id order, into
 * buf[0..size) (always NUL-terminated). */
void rule_suppressible_list(char *buf, size_t size);
/* How the rules file spells mode m for rule id ("inject", "warn", ...). */
const char *rule_mode_word(rule_id id, rules_enforce m);

/* ------------------------------------------------------------------ */
/* The driver (rule_driver.c)                                          */

/* Start on ctx->stmt (parsed; ctx->rows, ctx->an and the request's
 * fields set): find the query the rules judge (the statement itself, or
 * the query inside CREATE ... AS / INSERT) and build its analysis into
 * *ctx->an.  rule_end() must follow. */
void rule_begin(struct check_ctx *ctx);

/* Run the rows of ctx->rows on the statement, in order.  The driver owns:
 *  - which rows run: by stage, by statement (rule_def.on), by the
 *    allow comments (ctx->suppressed);
 *  - the nodes a rule replaces: a deferral (ast_edit.h) is open while
 *    each rule runs and is closed after it returns, so the analysis
 *    stays valid while the rule looks at it;
 *  - the analysis: rebuilt after a rule changed the tree, before the
 *    next rule reads it (reanalyse(), the one place it is rebuilt);
 *  - the final guard: when the tree was changed, every guard row a later
 *    rule may have undone is run again on the final tree, judging only;
 *    a statement one of them would still reject is rejected (a rule
 *    never undoes another's guarantee).  Its findings are reported only
 *    then, so a statement that passes gets no second diagnostic.
 * On return ctx->an describes the final tree (unless ctx->rejected). */
void rule_run(struct check_ctx *ctx);

/* Free what rule_begin() built (the analysis included). */
void rule_end(struct check_ctx *ctx);

/* A statement the parser could not read (ctx->stmt NULL, ctx->src and
 * ctx->span set).  rule_read_unparsed(): 1 when a row reads it without
 * the parser (SQL Lab's SHOW / DESCRIBE / USE) and has judged it, so it
 * is no syntax error; else 0, and the caller reports the syntax error and
 * then calls rule_judge_unparsed(), which names the statement's kind
 * where the rules forbid it. */
int rule_read_unparsed(struct check_ctx *ctx);
void rule_judge_unparsed(struct check_ctx *ctx);

/* The request as a whole (ctx->stmts, ctx->nstmts; ctx->stmt NULL):
 * e.g. several statements where the rules allow one. */
void rule_judge_request(struct check_ctx *ctx);

/* Tests only: the engine runs rows[0..n) (borrowed, outliving the
 * engine) instead of rule_rows, e.g. with a faulty rule added to prove
 * the final guard re-check (engine.c). */
struct sl_engine;
void engine_use_rule_rows(struct sl_engine *e, const rule_def *rows, size_t n);

#endif
