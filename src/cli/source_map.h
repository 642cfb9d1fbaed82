/*
 * source_map.h - where each byte of a string decoded from a YAML scalar
 * or a JSON string literal came from in the file.
 *
 * lint reads SQL out of Superset's YAML exports and chart data JSON; a
 * finding must point into that file, not into the decoded SQL.  The
 * parsers (libyaml, jansson) give the value but not the position of each
 * character in it, so these functions decode the raw text again, this
 * time recording positions, and check the result against the parser's
 * value: a map is returned only when the two agree byte for byte, so a
 * position is never wrong, at worst missing (the caller then points at
 * the start of the value).
 */
#ifndef SLUICE_SOURCE_MAP_H
#define SLUICE_SOURCE_MAP_H

#include <stddef.h>

typedef enum source_style {
    SOURCE_PLAIN, SOURCE_SINGLE_QUOTED, SOURCE_DOUBLE_QUOTED, SOURCE_LITERAL, SOURCE_FOLDED,
    SOURCE_JSON_STRING
} source_style;

/* text[start, end) holds a scalar of the given style (quotes and block
 * indicators included) whose decoded value is value[0, vlen).  Returns an
 * array of vlen + 1 byte offsets into text, one per byte of value and one
 * for its end, or NULL if the decoding does not reproduce value.  Free
 * with free(). */
size_t *source_map_scalar(const char *text, size_t end, size_t start, source_style style,
                          const char *value, size_t vlen);

/* The byte offset of the code point with index chars (a BOM at the start
 * is not counted, as libyaml does not count it). */
size_t source_byte_offset(const char *text, size_t len, size_t chars);

#endif
