/*
 * lineage.h - what a statement reads and what each of its output columns
 * is computed from: the lineage document sl_result_lineage_json() hands
 * out (its shape is in sluice.h and docs/lineage.md).
 *
 * Computed only when a request asks for it (sl_request.lineage): the
 * engine calls lineage_statement() on the analysis and binding of the
 * statement as written, before any rule runs, and lineage_set_after() on the analysis
 * of the tree the rules leave.  Nothing here changes the tree.
 *
 * Ownership.  The document is a jansson object (a new reference; inside
 * a request it lives in the request's arena); lineage_dump() gives its
 * text as malloc'd memory, which is what outlives the statement.
 */
#ifndef SLUICE_LINEAGE_H
#define SLUICE_LINEAGE_H

#include <jansson.h>

#include "analyze.h"
#include "resolve.h"

/* The lineage document of statement index, from an, the analysis of the
 * statement as written, and rs, its binding: statement, tables,
 * columns, used, unresolved; "tables_after" is null until
 * lineage_set_after() fills it.  Returns a new reference. */
json_t *lineage_statement(const analysis *an, const resolution *rs, unsigned index);

/* The document of statement index when it reads no rows and sluice
 * reads it without parsing it (SHOW, DESCRIBE, USE: statement_kind.c):
 * no tables, no columns; "tables_after" empty, or null when rejected. */
json_t *lineage_no_rows(unsigned index, int rejected);

/* Set doc's "tables_after" to the tables an (the analysis of the tree
 * the rules left) reads. */
void lineage_set_after(json_t *doc, const analysis *an);

/* doc as compact JSON text, malloc'd (free() it). */
char *lineage_dump(json_t *doc);

#endif
