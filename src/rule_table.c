/*
 * rule_table.c - the one table of rules and diagnostic ids (rule_table.h
 * says what a row holds and how to add one), and the lookups every other
 * file asks it through: the printed id, suppression, the modes' words,
 * the public sl_rule_*().
 *
 * The rules' run order is the order of the rows, for these reasons:
 *   1. statement-kind: only the statement kinds the rules allow run;
 *      first, since nothing else is worth judging in a statement that
 *      will not run (a JUDGE row's rejection stops the rows after it)
 *   2. table-resolution: a name that does not say which configured
 *      table it is, where the rules refuse such names; before every rule
 *      that reads a table's policy
 *   3. row-filter: every scan of a table the rules filter reads only
 *      the rows the user may see; first of the rewrites, so that every
 *      rule after it (routing, partition-filter) judges the filtered
 *      query, and a guard, so that none of them undoes it
 *   4. limit-cap: cap the rows the statement returns; first of the
 *      rewrites, because it replaces a LIMIT that is not a constant
 *      number, which routing refuses to route under: run later, a second
 *      pass over its output would route what the first did not
 *   5. aggregate-routing: answer aggregate blocks from pre-computed
 *      tables; a routed block no longer scans the fact table, so it runs
 *      before partition-filter judges scans
 *   6. partition-filter: judge every scan of a partitioned table and
 *      inject the default window where the policy says "inject"
 *   7. broadcast-hint: hint joins with small tables; after routing, which
 *      may remove joins
 *   7. scan-budget: estimate the bytes the statement scans and judge
 *      them against the budget; last, on the final tree: after routing
 *      (a routed block reads the aggregate) and partition-filter (an
 *      injected window bounds the scan); it only judges, so no row after
 *      it can change what it measured
 * Each rule's rewrite is one the rules before it leave nothing to do
 * for: rewriting sluice's output again changes nothing (the corpus and
 * the mutation test check it), and the driver's final guard re-check
 * rejects a statement whose output a guard row would still reject.
 */
#include "rule_table.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check/check.h"
#include "rewrite/rewrite.h"
#include "sluice.h"

#define MODES_JUDGE (RULE_MODE(RULES_ENFORCE_REJECT) | RULE_MODE(RULES_ENFORCE_REWRITE) | \
                     RULE_MODE(RULES_ENFORCE_WARN))
#define MODES_OPTIONAL (RULE_MODE(RULES_ENFORCE_REWRITE) | RULE_MODE(RULES_ENFORCE_WARN) | \
                        RULE_MODE(RULES_ENFORCE_OFF))
#define ON_ALL (RULE_ON_SELECT | RULE_ON_INSIDE | RULE_ON_OTHER)

const rule_def rule_rows[] = {
    /* id, name, stage, on, guard, suppressible, modes, rewrite word,
     * summary, help, entry point(s) */
    {RULE_STATEMENT_KIND, "statement-kind", RULE_STAGE_JUDGE, ON_ALL, 1, 0, 0, NULL,
     "only the statement kinds the rules allow run",
     "Send one read-only query (SELECT, WITH ... SELECT, VALUES) per request.",
     check_statement_kind, check_statement_kind_read_unparsed, check_statement_kind_unparsed,
     check_statement_kind_request},
    {RULE_TABLE_RESOLUTION, "table-resolution", RULE_STAGE_JUDGE, ON_ALL, 1, 0, 0, NULL,
     "a table name must say which configured table it is",
     "Write the table as catalog.schema.table.",
     check_table_resolution, NULL, NULL, NULL},
    {RULE_ROW_FILTER, "row-filter", RULE_STAGE_REWRITE, ON_ALL, 1, 0, 0, NULL,
     "every scan of a table with row filters reads only the rows the user may see",
     "Nothing to fix when the filter is applied; a refused statement names what sluice could not place the filter in (send a query sluice can read, name the table by its alias).",
     rewrite_row_filter, NULL, row_filter_unparsed, NULL},
    {RULE_LIMIT_CAP, "limit-cap", RULE_STAGE_REWRITE, RULE_ON_SELECT, 1, 1, MODES_JUDGE, "rewrite",
     "the rows a statement returns are capped",
     "Add a LIMIT at or below the cap.",
     rewrite_limit_cap, NULL, NULL, NULL},
    {RULE_AGGREGATE_ROUTING, "aggregate-routing", RULE_STAGE_REWRITE, RULE_ON_SELECT, 0, 1,
     MODES_OPTIONAL, "rewrite",
     "aggregate queries are answered from pre-computed tables",
     "Nothing to fix when a query is routed; run with --explain to see why a query was not, and group or filter on the aggregate's dimensions to make it routable.",
     rewrite_aggregate_routing, NULL, NULL, NULL},
    {RULE_PARTITION_FILTER, "partition-filter", RULE_STAGE_REWRITE,
     RULE_ON_SELECT | RULE_ON_INSIDE, 1, 1, MODES_JUDGE, "inject",
     "scans of partitioned tables are bounded",
     "Add a filter on the table's partition column within the allowed window, e.g. WHERE transaction_date >= current_date() - INTERVAL 30 DAYS.",
     rewrite_partition_filter, NULL, NULL, NULL},
    {RULE_BROADCAST_HINT, "broadcast-hint", RULE_STAGE_REWRITE, RULE_ON_SELECT, 0, 1,
     MODES_OPTIONAL, "rewrite",
     "joins with small tables get a BROADCAST hint",
     "Nothing to fix: the hint ships the small table to every executor; add /*+ BROADCAST(alias) */ yourself to keep it in the chart's SQL.",
     rewrite_broadcast_hints, NULL, NULL, NULL},
    {RULE_SCAN_BUDGET, "scan-budget", RULE_STAGE_JUDGE, RULE_ON_SELECT | RULE_ON_INSIDE, 0, 1,
     RULE_MODE(RULES_ENFORCE_REJECT) | RULE_MODE(RULES_ENFORCE_WARN), NULL,
     "the bytes a statement scans stay within the budget",
     "Narrow the time range (a tighter filter on the partition column), or group on an aggregate's dimensions so the query is answered from it.",
     check_scan_budget, NULL, NULL, NULL},

    /* Diagnostic ids that are no rule: nothing runs them. */
    {RULE_SYNTAX, "syntax", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "the text is not SQL sluice can read",
     "Fix the syntax at the position shown; constructs sluice does not support yet are named in the message.",
     NULL, NULL, NULL, NULL},
    {RULE_LIMITS, "limits", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "the request is larger than sluice accepts",
     "Split the request or shorten the query (the limit is 4 MiB).",
     NULL, NULL, NULL, NULL},
    {RULE_REQUEST, "request", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "the request's own fields are invalid",
     "Correct the field named in the message (for example \"now\" as YYYY-MM-DD[ HH:MM:SS]).",
     NULL, NULL, NULL, NULL},
    {RULE_EMIT, "emit", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "a statement cannot be printed as Databricks SQL",
     "Rewrite the construct named in the message in a form Databricks SQL has.",
     NULL, NULL, NULL, NULL},
    /* Its help names the suppressible rows (%s: sl_rule_help fills it in). */
    {RULE_SUPPRESSION, "suppression", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "a sluice: allow comment names no rule",
     "Name a rule that can be switched off (%s) or remove the comment.",
     NULL, NULL, NULL, NULL},
    {RULE_REWRITE_VERIFY, "rewrite-verify", RULE_STAGE_NONE, 0, 0, 0, 0, NULL,
     "a rewritten statement must re-parse to the tree the rules built",
     "An internal error: report the query; the statement was refused rather than run in a form nobody intended.",
     NULL, NULL, NULL, NULL},
};

const size_t rule_nrows = sizeof rule_rows / sizeof *rule_rows;

_Static_assert(sizeof rule_rows / sizeof *rule_rows == RULE_COUNT,
               "every diagnostic id has exactly one row");

const rule_def *rule_row(rule_id id)
{
    for (size_t i = 0; i < rule_nrows; i++)
        if (rule_rows[i].id == id)
            return &rule_rows[i];
    return NULL;
}

const char *rule_name(rule_id id)
{
    const rule_def *r = rule_row(id);
    return r ? r->name : "?";
}

int rule_lookup_suppressible(const char *name, size_t n)
{
    for (size_t i = 0; i < rule_nrows; i++)
        if (rule_rows[i].suppressible && strlen(rule_rows[i].name) == n &&
            strncasecmp(rule_rows[i].name, name, n) == 0)
            return (int)rule_rows[i].id;
    return -1;
}

void rule_suppressible_list(char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int id = 0; id < RULE_COUNT && used < size; id++) {
        const rule_def *r = rule_row((rule_id)id);
        if (r->suppressible)
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", r->name);
    }
}

const char *rule_mode_word(rule_id id, rules_enforce m)
{
    switch (m) {
    case RULES_ENFORCE_REJECT: return "reject";
    case RULES_ENFORCE_REWRITE: return rule_row(id)->rewrite_word;
    case RULES_ENFORCE_WARN: return "warn";
    case RULES_ENFORCE_OFF: return "off";
    }
    return "?";
}

/* ------------------------------------------------------------------ */
/* The public view: sl_rule_*(i), i a rule_id                          */

SL_API size_t sl_rule_count(void)
{
    return RULE_COUNT;
}

SL_API const char *sl_rule_id(size_t i)
{
    return i < RULE_COUNT ? rule_row((rule_id)i)->name : NULL;
}

SL_API const char *sl_rule_summary(size_t i)
{
    return i < RULE_COUNT ? rule_row((rule_id)i)->summary : NULL;
}

/* The suppression row's help, with the suppressible rows' names: built
 * once, on first use (the table is constant, so the text is too). */
static char suppression_help[300];
static pthread_once_t suppression_help_once = PTHREAD_ONCE_INIT;

static void build_suppression_help(void)
{
    char list[200];
    rule_suppressible_list(list, sizeof list);
    const char *help = rule_row(RULE_SUPPRESSION)->help, *at = strstr(help, "%s");
    snprintf(suppression_help, sizeof suppression_help, "%.*s%s%s", (int)(at - help), help,
             list, at + 2);
}

SL_API const char *sl_rule_help(size_t i)
{
    if (i >= RULE_COUNT)
        return NULL;
    if (i == RULE_SUPPRESSION) {
        pthread_once(&suppression_help_once, build_suppression_help);
        return suppression_help;
    }
    return rule_row((rule_id)i)->help;
}
