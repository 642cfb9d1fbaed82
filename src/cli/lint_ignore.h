/*
 * lint_ignore.h - which paths `sluice lint` leaves alone: `.sluiceignore`
 * files and `--exclude GLOB`, in gitignore's syntax and precedence.
 */
#ifndef SLUICE_LINT_IGNORE_H
#define SLUICE_LINT_IGNORE_H

#include <stddef.h>

typedef struct ignore_set ignore_set;

typedef struct lint_ignore {
    ignore_set *sets;           /* [0] the current directory's .sluiceignore,
                                   [1] --exclude, [2..] the walked folders' */
    size_t nsets;
    const char *root;           /* the path being walked, as typed */
    size_t root_len;
    char *root_rel;             /* root relative to the current directory
                                   ("" for it), NULL when outside it */
} lint_ignore;

void lint_ignore_init(lint_ignore *ig);
/* A --exclude pattern (a .sluiceignore line, relative to the current
 * directory).  Returns -1 if it holds no pattern (blank, a comment). */
int lint_ignore_add_exclude(lint_ignore *ig, const char *glob);
/* Reads ./.sluiceignore if there is one.  Returns -1 (errno set) if it
 * exists and cannot be read. */
int lint_ignore_load_cwd(lint_ignore *ig);

/* Starts a walk of root (as typed on the command line). */
void lint_ignore_begin(lint_ignore *ig, const char *root);
void lint_ignore_end(lint_ignore *ig);

/* Reads dir/.sluiceignore (dir is root or below it) and applies it to
 * what is below dir until lint_ignore_pop.  Returns 1 if a file was
 * pushed, 0 if dir has none (or it is the current directory's, already
 * read), -1 (errno set) if it cannot be read. */
int lint_ignore_push(lint_ignore *ig, const char *dir);
void lint_ignore_pop(lint_ignore *ig);

/* Whether path (root or below it; a folder if is_dir) is excluded.  If
 * so, *why is the pattern that decided, as "FILE:LINE: PATTERN" or
 * "--exclude PATTERN" (valid until the next call).  The root itself
 * is checked with each of its folders, so a file named on the command
 * line inside an excluded folder is excluded too. */
int lint_ignore_match(const lint_ignore *ig, const char *path, int is_dir, const char **why);

void lint_ignore_free(lint_ignore *ig);

#endif
