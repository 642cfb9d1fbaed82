/*
 * textpos.c - line and column of a byte offset (see textpos.h).  Used by
 * the engine for diagnostics and by `sluice lint` for positions in the
 * YAML and JSON files SQL is read from, so both count alike.
 */
#include "textpos.h"

#include <string.h>

void text_line_column(const char *text, size_t len, size_t off, unsigned *line,
                      unsigned *column)
{
    unsigned l = 1, c = 1;
    if (off > len)
        off = len;
    /* Lines by memchr (vectorised in libc), then the characters of the
     * last line: a diagnostic in a long query costs little. */
    size_t start = 0;
    if (!memchr(text, '\r', off)) {
        for (const char *p = text; (p = memchr(p, '\n', off - (size_t)(p - text))) != NULL; p++) {
            l++;
            start = (size_t)(p - text) + 1;
        }
    } else {
        /* A line also ends at a lone CR (Spark's SIMPLE_COMMENT ends
         * there too); CR LF is one line end. */
        for (size_t i = 0; i < off; i++) {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
                l++;
                start = i + 1;
            }
        }
    }
    for (size_t i = start; i < off; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            c++;
    *line = l;
    *column = c;
}
