/*
 * lint_ignore.c - which paths `sluice lint` leaves alone: `.sluiceignore`
 * files and `--exclude GLOB`.
 *
 * The syntax and precedence are git's (gitignore(5)): a line is a glob;
 * blank lines and lines starting with '#' are ignored; '!' re-includes
 * what an earlier pattern excluded; a trailing '/' matches folders only;
 * a pattern with a '/' at its start or in its middle is relative to the
 * folder its file is in (the current directory for --exclude), one
 * without matches a name at any depth; '*' and '?' match within a name,
 * '[...]' a character of a set; "**" as a whole name matches any number
 * of folders ("**" then "/x": x at any depth; "a/" then "**": everything
 * inside a; "a/" "**" "/b": b in a or any folder below it).  The last pattern that matches decides: the
 * current directory's .sluiceignore first, then each walked folder's
 * from the top down, then --exclude.  An excluded folder is not read, so
 * nothing below it can be re-included (as in git).
 */
#include "lint_ignore.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct pattern {
    char *glob;                 /* without '!', leading '/' and trailing '/' */
    char *shown;                /* as written, for --verbose */
    unsigned line;
    int negate, dir_only, anchored;
} pattern;

struct ignore_set {
    pattern *p;
    size_t n;
    char *origin;               /* the file, or NULL for --exclude */
    size_t off;                 /* a path below the folder, from this byte on,
                                   is relative to it; (size_t)-1: relative to
                                   the current directory */
};

#define CWD_RELATIVE ((size_t)-1)

/* ---- the glob -------------------------------------------------------- */

/* A '[...]' set at *p against c: 1 or 0, and *p past the ']'; -1 if the
 * '[' opens no set (then it is an ordinary character). */
static int match_set(const char **pp, char c)
{
    const char *p = *pp + 1;
    int negate = *p == '!' || *p == '^';
    if (negate)
        p++;
    int hit = 0;
    const char *first = p;
    while (*p && (*p != ']' || p == first)) {
        char lo = *p == '\\' && p[1] ? *++p : *p;
        char hi = lo;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            p += 2;
            hi = *p == '\\' && p[1] ? *++p : *p;
        }
        if (c >= lo && c <= hi)
            hit = 1;
        p++;
    }
    if (*p != ']')
        return -1;
    *pp = p + 1;
    return hit != negate;
}

/* One match of a pattern against a path.  A '*' or "**" tries every
 * place the rest could start; without a memory of the (pattern, path)
 * positions already found not to match, patterns such as
 * "*a*a*a*a*b", or a chain of "**" folders, take time exponential in
 * their stars.  failed holds one bit per pair of positions (NULL for
 * a pattern without stars, which never retries). */
typedef struct glob_run {
    const char *p0, *s0;
    size_t slen1;               /* strlen(path) + 1 */
    unsigned char *failed;
} glob_run;

static int glob_at(glob_run *g, const char *p, const char *s);

static int glob_body(glob_run *g, const char *p, const char *s)
{
    const char *p0 = g->p0;
    while (*p) {
        if (p[0] == '*' && p[1] == '*' && (p == p0 || p[-1] == '/') && (p[2] == '/' || !p[2])) {
            if (!p[2])
                return 1;                   /* a final "**": everything inside */
            for (const char *t = s;;) {      /* "**" + "/": zero or more folders */
                if (glob_at(g, p + 3, t))
                    return 1;
                t = strchr(t, '/');
                if (!t)
                    return 0;
                t++;
            }
        }
        if (*p == '*') {
            while (*p == '*')
                p++;
            for (const char *t = s;; t++) {
                if (glob_at(g, p, t))
                    return 1;
                if (!*t || *t == '/')
                    return 0;
            }
        }
        if (!*s)
            return 0;
        if (*p == '?') {
            if (*s == '/')
                return 0;
            p++;
            s++;
            continue;
        }
        if (*p == '[') {
            const char *q = p;
            int r = match_set(&q, *s);
            if (r >= 0) {
                if (!r || *s == '/')
                    return 0;
                p = q;
                s++;
                continue;
            }
        } else if (*p == '\\' && p[1]) {
            p++;
        }
        if (*p != *s)
            return 0;
        p++;
        s++;
    }
    return !*s;
}

static int glob_at(glob_run *g, const char *p, const char *s)
{
    if (!g->failed)
        return glob_body(g, p, s);
    size_t key = (size_t)(p - g->p0) * g->slen1 + (size_t)(s - g->s0);
    if (g->failed[key >> 3] & (1u << (key & 7)))
        return 0;
    int r = glob_body(g, p, s);
    if (!r)
        g->failed[key >> 3] |= (unsigned char)(1u << (key & 7));
    return r;
}

/* Does glob match path s (gitignore's rules: '*' and '?' stay within a
 * folder name, "**" spans folders)? */
static int glob_match(const char *glob, const char *s)
{
    glob_run g = {glob, s, strlen(s) + 1, NULL};
    if (strchr(glob, '*')) {
        size_t bits = (strlen(glob) + 1) * g.slen1;
        g.failed = calloc(bits / 8 + 1, 1);
        if (!g.failed) {
            fprintf(stderr, "sluice lint: out of memory matching an exclude pattern\n");
            exit(2);
        }
    }
    int r = glob_at(&g, glob, s);
    free(g.failed);
    return r;
}

/* ---- reading patterns ------------------------------------------------ */

/* One line; returns 0 if it holds no pattern. */
static int parse_line(const char *text, size_t len, unsigned line, pattern *out)
{
    while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
    /* Trailing spaces go unless escaped with '\'. */
    while (len && text[len - 1] == ' ' && !(len >= 2 && text[len - 2] == '\\'))
        len--;
    if (len == 0 || text[0] == '#')
        return 0;
    memset(out, 0, sizeof *out);
    out->shown = xstrndup(text, len);
    out->line = line;
    const char *s = text, *e = text + len;
    if (*s == '!') {
        out->negate = 1;
        s++;
    }
    if (e > s && e[-1] == '/' && !(e - s >= 2 && e[-2] == '\\')) {
        out->dir_only = 1;
        while (e > s && e[-1] == '/')
            e--;
    }
    for (const char *c = s; c < e; c++)
        if (*c == '/')
            out->anchored = 1;
    while (s < e && *s == '/')
        s++;
    if (s == e) {
        free(out->shown);
        return 0;
    }
    out->glob = xstrndup(s, (size_t)(e - s));
    return 1;
}

static void add_lines(ignore_set *set, const char *text, size_t len)
{
    unsigned line = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        line++;
        pattern p;
        if (parse_line(text + i, j - i, line, &p)) {
            set->p = xrealloc(set->p, (set->n + 1) * sizeof *set->p);
            set->p[set->n++] = p;
        }
        i = j + 1;
    }
}

/* Reads file into set; 0 if there is none, 1 if read, -1 on error. */
static int read_file(ignore_set *set, const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return errno == ENOENT ? 0 : -1;
    sbuf b = SBUF_INIT;
    int bad = sbuf_read_stream(&b, f) < 0;
    fclose(f);
    if (bad) {
        sbuf_free(&b);
        errno = EIO;
        return -1;
    }
    add_lines(set, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    set->origin = xstrdup(file);
    return 1;
}

static void free_set(ignore_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        free(set->p[i].glob);
        free(set->p[i].shown);
    }
    free(set->p);
    free(set->origin);
    memset(set, 0, sizeof *set);
}

void lint_ignore_init(lint_ignore *ig)
{
    memset(ig, 0, sizeof *ig);
    ig->nsets = 2;
    ig->sets = xcalloc(2, sizeof *ig->sets);
    ig->sets[0].off = ig->sets[1].off = CWD_RELATIVE;
}

int lint_ignore_add_exclude(lint_ignore *ig, const char *glob)
{
    ignore_set *set = &ig->sets[1];
    size_t before = set->n;
    add_lines(set, glob, strlen(glob));
    return set->n > before ? 0 : -1;
}

int lint_ignore_load_cwd(lint_ignore *ig)
{
    return read_file(&ig->sets[0], ".sluiceignore") < 0 ? -1 : 0;
}

/* ---- walking --------------------------------------------------------- */

/* path relative to the current directory: "" for it, NULL outside it. */
static char *cwd_relative(const char *path)
{
    int lexical = path[0] != '/';
    for (const char *c = path; lexical && *c; c++)
        if (c[0] == '.' && c[1] == '.' && (c == path || c[-1] == '/') && (!c[2] || c[2] == '/'))
            lexical = 0;
    sbuf b = SBUF_INIT;
    if (lexical) {
        /* "./a//b/." is "a/b" */
        for (const char *c = path; *c;) {
            const char *e = strchr(c, '/');
            size_t n = e ? (size_t)(e - c) : strlen(c);
            if (n && !(n == 1 && c[0] == '.')) {
                if (b.len)
                    sbuf_putc(&b, '/');
                sbuf_printf(&b, "%.*s", (int)n, c);
            }
            c += n + (e != NULL);
        }
        sbuf_putc(&b, '\0');
        return sbuf_detach(&b);
    }
    char cwd[PATH_MAX], real[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || !realpath(path, real))
        return NULL;
    size_t n = strlen(cwd);
    if (strcmp(real, cwd) == 0)
        return xstrdup("");
    if (strncmp(real, cwd, n) == 0 && real[n] == '/')
        return xstrdup(real + n + 1);
    if (n == 1)         /* the current directory is / */
        return xstrdup(real + 1);
    return NULL;
}

void lint_ignore_begin(lint_ignore *ig, const char *root)
{
    ig->root = root;
    ig->root_len = strlen(root);
    free(ig->root_rel);
    ig->root_rel = cwd_relative(root);
}

void lint_ignore_end(lint_ignore *ig)
{
    while (ig->nsets > 2)
        lint_ignore_pop(ig);
    free(ig->root_rel);
    ig->root_rel = NULL;
    ig->root = NULL;
}

/* path (root or below it) relative to the current directory, or NULL. */
static char *rel_to_cwd(const lint_ignore *ig, const char *path)
{
    if (!ig->root_rel)
        return NULL;
    const char *tail = path + ig->root_len;
    while (*tail == '/')
        tail++;
    sbuf b = SBUF_INIT;
    sbuf_puts(&b, ig->root_rel);
    if (*tail && b.len)
        sbuf_putc(&b, '/');
    sbuf_puts(&b, tail);
    sbuf_putc(&b, '\0');
    return sbuf_detach(&b);
}

int lint_ignore_push(lint_ignore *ig, const char *dir)
{
    char *rel = rel_to_cwd(ig, dir);
    int is_cwd = rel && !*rel;
    free(rel);
    if (is_cwd)
        return 0;       /* read once, as the current directory's */
    ignore_set set = {0};
    size_t dl = strlen(dir);
    sbuf file = SBUF_INIT;
    sbuf_printf(&file, dl && dir[dl - 1] == '/' ? "%s.sluiceignore" : "%s/.sluiceignore", dir);
    int r = read_file(&set, file.data);
    sbuf_free(&file);
    if (r <= 0) {
        free_set(&set);
        return r;
    }
    set.off = dl + (dl && dir[dl - 1] == '/' ? 0 : 1);
    ig->sets = xrealloc(ig->sets, (ig->nsets + 1) * sizeof *ig->sets);
    ig->sets[ig->nsets++] = set;
    return 1;
}

void lint_ignore_pop(lint_ignore *ig)
{
    if (ig->nsets > 2)
        free_set(&ig->sets[--ig->nsets]);
}

/* The verdict of one set on rel (a path relative to the set's folder;
 * with names_only, just a name, for a path outside the current
 * directory, which only patterns without a '/' can match): *state
 * becomes 1 (excluded) or 0 (included) at each match. */
static void apply(const ignore_set *set, const char *rel, int is_dir, int names_only, int *state,
                  const pattern **by, const ignore_set **by_set)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    for (size_t i = 0; i < set->n; i++) {
        const pattern *p = &set->p[i];
        if ((p->dir_only && !is_dir) || (names_only && p->anchored))
            continue;
        if (glob_match(p->glob, p->anchored ? rel : base)) {
            *state = !p->negate;
            *by = p;
            *by_set = set;
        }
    }
}

/* One path, below every folder of the stack; cwd_rel is it relative to
 * the current directory (NULL outside it). */
static int match_one(const lint_ignore *ig, const char *path, const char *cwd_rel, int is_dir,
                     const pattern **by, const ignore_set **by_set)
{
    int state = 0;
    for (size_t k = 0; k < ig->nsets; k++) {
        size_t i = k == 0 ? 0 : k == ig->nsets - 1 ? 1 : k + 1;   /* --exclude last */
        const ignore_set *set = &ig->sets[i];
        if (set->off != CWD_RELATIVE)
            apply(set, path + set->off, is_dir, 0, &state, by, by_set);
        else
            apply(set, cwd_rel ? cwd_rel : path, is_dir, !cwd_rel, &state, by, by_set);
    }
    return state;
}

int lint_ignore_match(const lint_ignore *ig, const char *path, int is_dir, const char **why)
{
    static char buf[4096];
    const pattern *by = NULL;
    const ignore_set *by_set = NULL;
    char *rel = rel_to_cwd(ig, path);
    int out = 0;
    if (strcmp(path, ig->root) == 0 && rel) {
        /* The root as typed: its folders first, each as git would meet it. */
        for (char *c = rel; *c && !out; c++) {
            if (*c != '/')
                continue;
            *c = '\0';
            out = match_one(ig, path, rel, 1, &by, &by_set);
            *c = '/';
        }
    }
    if (!out)
        out = match_one(ig, path, rel, is_dir, &by, &by_set);
    free(rel);
    if (out && why) {
        if (by_set->origin)
            snprintf(buf, sizeof buf, "%s:%u: %s", by_set->origin, by->line, by->shown);
        else
            snprintf(buf, sizeof buf, "--exclude %s", by->shown);
        *why = buf;
    }
    return out;
}

void lint_ignore_free(lint_ignore *ig)
{
    lint_ignore_end(ig);
    for (size_t i = 0; i < ig->nsets; i++)
        free_set(&ig->sets[i]);
    free(ig->sets);
    memset(ig, 0, sizeof *ig);
}
