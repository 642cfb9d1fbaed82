/*
 * rules.h - a rules document (a JSON file under rules/) compiled into an immutable
 * policy.  Every error names the source, line, column and key.
 */
#ifndef SLUICE_RULES_H
#define SLUICE_RULES_H

#include <stddef.h>

typedef enum rules_unparseable {
    RULES_UNPARSEABLE_REJECT = 0,   /* the default: a guardrail fails closed */
    RULES_UNPARSEABLE_PASS = 1
} rules_unparseable;

typedef struct rules {
    rules_unparseable on_unparseable;
    char *default_catalog;
    char *default_schema;
} rules;

/* Compile text[0..len) (NULL for the empty rule set).  Returns 0, or -1
 * with *error set to a malloc'd "source:line:col: message". */
int  rules_compile(const char *text, size_t len, const char *source,
                   rules *out, char **error);
void rules_free(rules *r);

#endif
