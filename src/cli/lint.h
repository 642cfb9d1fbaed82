/*
 * lint.h - the inputs of `sluice lint`: what SQL a path holds and where
 * each of its bytes is in the file the user gave.
 */
#ifndef SLUICE_LINT_H
#define SLUICE_LINT_H

#include <stddef.h>

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
    SKIP_NO_SQL,        /* not SQL, YAML, JSON or ZIP, or a file holding no query */
    SKIP_CHART,         /* a chart's YAML: Superset builds its SQL when it runs */
    SKIP_PHYSICAL,      /* a physical dataset without --physical-datasets */
    SKIP_ALWAYS_SHOWN,  /* part of a file skipped: always printed */
    SKIP_KINDS
} lint_skip_kind;

typedef struct lint_walk {
    int physical_datasets;      /* check a physical dataset as SELECT * FROM it */
    void (*found)(void *ctx, const lint_source *src);
    void *ctx;
    int io_error;               /* a file could not be read or parsed */
    int verbose;                /* list every skipped file with its reason */
    size_t skipped[SKIP_KINDS]; /* files skipped, by kind */
    int named_file;             /* walking a file named on the command line */
    char **texts;               /* every file read, freed by lint_walk_free */
    size_t ntexts;
} lint_walk;

/* Every SQL source in path: a .sql file, "-" (stdin), a Superset dataset
 * export (.yaml), a chart data API answer (.json), an export bundle
 * (.zip), or a folder of them.  Calls w->found for each source. */
void lint_walk_path(lint_walk *w, const char *path);
/* One line on stderr counting the skipped files (nothing with --verbose,
 * which listed them, or when none was skipped). */
void lint_walk_summary(const lint_walk *w);
void lint_walk_free(lint_walk *w);

/* A byte offset in src->sql as an offset in src->text. */
size_t lint_source_offset(const lint_source *src, size_t sql_offset);

#endif
