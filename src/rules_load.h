/*
 * rules_load.h - what the loaders of a rules document share (rules.c
 * and rules_aggregate.c): the document's text, the position of every
 * key path, and errors that name the source, line, column and key.
 */
#ifndef SLUICE_RULES_LOAD_H
#define SLUICE_RULES_LOAD_H

#include <jansson.h>
#include <stddef.h>

#include "rule_table.h"
#include "rules.h"

typedef struct keypos { char *path; int line, col; } keypos;
typedef struct posmap { keypos *v; size_t n, cap; } posmap;

typedef struct loader {
    const char *source;         /* file name for messages */
    const char *text;           /* the document */
    size_t len;
    posmap pos;                 /* "tables/1/partition/enforce" -> line, column */
    char **error;               /* the first error, malloc'd */
} loader;

/* Record "source:line:col: key 'k': message" for the key at path (its
 * line and column), unless an error is already recorded.  Returns -1. */
int ld_fail_at(loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As ld_fail_at, at byte offset `offset` of the (decoded) string value of
 * the key at path: the line and column inside the JSON string, escapes
 * counted as written. */
int ld_fail_in_string(loader *ld, const char *path, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "base/key", malloc'd. */
char *ld_path_join(const char *base, const char *key);
/* Every key of obj must be one of allowed (NULL-terminated). */
int ld_check_keys(loader *ld, json_t *obj, const char *path, const char *const *allowed);
/* obj[key] as a malloc'd string in *out, if present; an error if not a string. */
int ld_get_string(loader *ld, json_t *obj, const char *path, const char *key, char **out);

/* obj["enforce"], if present, into *out: one of the modes the rule table
 * gives rule (rule_table.h), else an error listing them. */
int ld_get_mode(loader *ld, json_t *obj, const char *path, rule_id rule, rules_enforce *out);

/* A table name: catalog.schema.table or /pattern/ (rules.c). */
int ld_compile_match(loader *ld, const char *path, const char *match, char **exact,
                     pcre2_code **pattern);

/* The "row_filters" section (rules_row_filters.c). */
int rules_load_row_filters(loader *ld, json_t *value, rules *r);
void rules_row_filters_free(rules *r);

/* The "aggregates" section (rules_aggregate.c). */
int rules_load_aggregates(loader *ld, json_t *value, rules *r);
void rules_aggregates_free(rules *r);

#endif
