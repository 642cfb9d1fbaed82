/*
 * textpos.h - line and column of a byte offset, counted the way every
 * sluice diagnostic counts them: both 1-based, lines ended by LF, CR LF
 * or a lone CR, columns in characters (UTF-8 continuation bytes do not
 * count).
 */
#ifndef SLUICE_TEXTPOS_H
#define SLUICE_TEXTPOS_H

#include <stddef.h>

/* Position of byte offset off in text[0, len) (an offset past the end is
 * the end). */
void text_line_column(const char *text, size_t len, size_t off, unsigned *line,
                      unsigned *column);

#endif
