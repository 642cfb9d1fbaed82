/*
 * textpos.c - line and column of a byte offset (see textpos.h).  Used by
 * the engine for diagnostics and by `sluice lint` for positions in the
 * YAML and JSON files SQL is read from, so both count alike.
 */
#include "textpos.h"

void text_line_column(const char *text, size_t len, size_t off, unsigned *line,
                      unsigned *column)
{
    unsigned l = 1, c = 1;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}
