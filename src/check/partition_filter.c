/*
 * partition_filter.c - rule "partition-filter" (placeholder until the
 * analysis lands; see README).
 */
#include "check.h"

void check_partition_filter(check_ctx *ctx)
{
    (void)ctx;
}
