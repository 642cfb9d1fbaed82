/*
 * route_reasons.c - the lookups of the reason-code table
 * (route_reasons.h owns the table; this file only reads it).
 */
#include "route_reasons.h"

#include <stddef.h>

static const struct {
    const char *code, *meaning;
} rows[] = {
#define ROUTE_REASON_ROW(id, code, meaning) [RR_##id] = {code, meaning},
    ROUTE_REASONS(ROUTE_REASON_ROW)
#undef ROUTE_REASON_ROW
};

const char *route_reason_code(route_reason r)
{
    return (unsigned)r < RR_COUNT ? rows[r].code : NULL;
}

const char *route_reason_meaning(route_reason r)
{
    return (unsigned)r < RR_COUNT ? rows[r].meaning : NULL;
}
