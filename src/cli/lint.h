/*
 * lint.h - the inputs of `sluice lint`: what SQL a path holds and where
 * each of its bytes is in the file the user gave.
 */
#ifndef SLUICE_LINT_H
#define SLUICE_LINT_H

#include <stddef.h>

#include "lint_ignore.h"

/* One piece of SQL to check. */
typedef struct lint_source {
    const char *name;           /* the file, as the user would type it */
    const char *text;           /* the file's text: positions are in it */
    size_t len;
    const char *sql;            /* the SQL: text itself, or decoded from it */
    size_t sql_len;
    const size_t *map;          /* sql byte i is text byte map[i] (sql_len + 1
                                   entries); NULL when sql is text */
    size_t anchor;              /* where to point when sql is not text and
                                   there is no map: the start of the value */
    const char *catalog;        /* request context, NULL if none */
    const char *schema;
} lint_source;

/* Why a file was skipped: lint's summary line counts each kind. */
typedef enum lint_skip_kind {
    SKIP_OTHER,         /* not SQL, YAML, JSON or ZIP by its name */
    SKIP_NO_SQL,        /* a YAML, JSON or ZIP member holding no query */
    SKIP_CHART,         /* a chart's YAML: Superset builds its SQL when it runs */
    SKIP_PHYSICAL,      /* a physical dataset without --physical-datasets */
    SKIP_ALWAYS_SHOWN,  /* part of a file skipped: always printed */
    SKIP_KINDS
} lint_skip_kind;

typedef struct lint_walk {
    int physical_datasets;      /* check a physical dataset as SELECT * FROM it */
    void (*found)(void *ctx, const lint_source *src);
    void *ctx;
    /* A chart's YAML (charts/<name>.yaml of an export): its file and
     * slice_name.  May be NULL; `sluice advise` names charts by it. */
    void (*chart)(void *ctx, const char *name, const char *slice_name);
    int io_error;               /* a file could not be read or parsed */
    int verbose;                /* list every skipped file with its reason */
    size_t skipped[SKIP_KINDS]; /* files skipped, by kind */
    size_t checked;             /* files (or ZIP members) whose SQL was checked */
    lint_ignore ignore;         /* .sluiceignore and --exclude */
    int ignore_ready;           /* 1: set up, 2: ./.sluiceignore read too */
    int named_file;             /* walking a file named on the command line */
    char **texts;               /* every file read, freed by lint_walk_free */
    size_t ntexts;
} lint_walk;

/* Adds an --exclude pattern; -1 if it holds none. */
int lint_walk_exclude(lint_walk *w, const char *glob);
/* Every SQL source in path: a .sql file, "-" (stdin), a Superset dataset
 * export (.yaml), a chart data API answer (.json), an export bundle
 * (.zip), or a folder of them, less what .sluiceignore and --exclude
 * exclude (lint_ignore.h).  Calls w->found for each source. */
void lint_walk_path(lint_walk *w, const char *path);
/* The one line lint ends with, on stderr: files checked, files skipped
 * by why (--verbose listed them instead), and the findings:
 * "sluice lint: 109 files checked, 109 skipped: not SQL, YAML, JSON or
 * ZIP; 12 findings: 3 errors, 0 warnings, 9 info". */
void lint_walk_summary(const lint_walk *w, size_t errors, size_t warnings, size_t infos);
void lint_walk_free(lint_walk *w);

/* A byte offset in src->sql as an offset in src->text. */
size_t lint_source_offset(const lint_source *src, size_t sql_offset);

#endif
