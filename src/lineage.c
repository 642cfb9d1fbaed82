/*
 * lineage.c - a statement's lineage document (lineage.h): the tables it
 * reads, before and after the rules' rewrites.
 */
#include "lineage.h"

#include <string.h>

#include "arena.h"
#include "sbuf.h"

/* The tables an reads (analysis_item_reads_table), each once, in the
 * analysis' order: a new array of strings. */
static json_t *tables_read(const analysis *an)
{
    json_t *out = json_array();
    for (size_t i = 0; i < an->nitems; i++) {
        const an_item *it = an->items[i];
        if (!analysis_item_reads_table(it))
            continue;
        size_t k, n = json_array_size(out);
        for (k = 0; k < n && strcmp(json_string_value(json_array_get(out, k)), it->qualified); k++)
            ;
        if (k == n)
            json_array_append_new(out, json_string(it->qualified));
    }
    return out;
}

json_t *lineage_statement(const analysis *an, unsigned index)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "statement", json_integer(index));
    json_object_set_new(doc, "tables", tables_read(an));
    json_object_set_new(doc, "tables_after", json_null());
    return doc;
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
