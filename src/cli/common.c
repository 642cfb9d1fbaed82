/*
 * common.c - input reading and diagnostic rendering for the CLI.
 */
#include "cli.h"

#include <errno.h>
#include <string.h>

int cli_read_file(const char *path, sbuf *b)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "sluice: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_putn(b, buf, n);
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        fprintf(stderr, "sluice: %s: read error\n", path);
        return -1;
    }
    sbuf_cstr(b);
    return 0;
}

void cli_print_diagnostic(FILE *out, const char *name, const char *text,
                          size_t len, const sl_diagnostic *d)
{
    fprintf(out, "%s:%u:%u: %s: %s [%s]\n", name, d->line, d->column,
            sl_severity_name(d->severity), d->message, d->rule);
    /* The source line, with tabs kept so the caret lines up. */
    size_t start = d->offset > len ? len : d->offset;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    size_t end = start;
    while (end < len && text[end] != '\n')
        end++;
    if (end > start + 200)
        return;     /* very long line: the position says enough */
    fprintf(out, "  %.*s\n  ", (int)(end - start), text + start);
    for (size_t i = start; i < d->offset && i < end; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c & 0xC0) == 0x80)
            continue;
        fputc(c == '\t' ? '\t' : ' ', out);
    }
    fputs("^\n", out);
}
