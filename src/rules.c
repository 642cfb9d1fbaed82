/*
 * rules.c - rules document -> compiled policy.
 *
 * jansson reports positions only for syntax errors, so for errors in a
 * well-formed document the position of the offending key is found by
 * locate_key(), which scans the text the way a JSON reader would.
 */
#include "rules.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

/* Position of the first occurrence of "key" used as an object key. */
static void locate_key(const char *text, size_t len, const char *key,
                       int *line, int *col)
{
    size_t klen = strlen(key);
    int l = 1, c = 1, in_str = 0;
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < len; i++) {
        if (!in_str && text[i] == '"' && i + klen + 1 < len &&
            memcmp(text + i + 1, key, klen) == 0 && text[i + klen + 1] == '"') {
            size_t j = i + klen + 2;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
                j++;
            if (j < len && text[j] == ':') {
                *line = l;
                *col = c;
                return;
            }
        }
        if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            in_str = !in_str;
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
}

static int key_error(const char *text, size_t len, const char *source,
                     const char *key, char **error, const char *fmt, const char *arg)
{
    int line, col;
    locate_key(text, len, key, &line, &col);
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s:%d:%d: ", source, line, col);
    sbuf_printf(&b, fmt, arg);
    *error = sbuf_detach(&b);
    return -1;
}

int rules_compile(const char *text, size_t len, const char *source,
                  rules *out, char **error)
{
    memset(out, 0, sizeof *out);
    out->on_unparseable = RULES_UNPARSEABLE_REJECT;
    if (!text)
        return 0;
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%s:%d:%d: invalid JSON: %s", source, jerr.line, jerr.column, jerr.text);
        *error = sbuf_detach(&b);
        return -1;
    }
    int rc = 0;
    if (!json_is_object(root)) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%s:1:1: a rules document must be a JSON object", source);
        *error = sbuf_detach(&b);
        rc = -1;
        goto done;
    }
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        if (strcmp(key, "sluice") == 0) {
            if (!json_is_integer(val) || json_integer_value(val) != 1) {
                rc = key_error(text, len, source, key, error,
                               "key '%s': unsupported rules format version (expected 1)", key);
                goto done;
            }
        } else if (strcmp(key, "description") == 0) {
            if (!json_is_string(val)) {
                rc = key_error(text, len, source, key, error, "key '%s': must be a string", key);
                goto done;
            }
        } else if (strcmp(key, "on_unparseable") == 0) {
            const char *s = json_string_value(val);
            if (s && strcmp(s, "reject") == 0)
                out->on_unparseable = RULES_UNPARSEABLE_REJECT;
            else if (s && strcmp(s, "pass") == 0)
                out->on_unparseable = RULES_UNPARSEABLE_PASS;
            else {
                rc = key_error(text, len, source, key, error,
                               "key '%s': must be \"reject\" or \"pass\"", key);
                goto done;
            }
        } else if (strcmp(key, "defaults") == 0) {
            const char *dk;
            json_t *dv;
            if (!json_is_object(val)) {
                rc = key_error(text, len, source, key, error, "key '%s': must be an object", key);
                goto done;
            }
            json_object_foreach(val, dk, dv) {
                char **slot = strcmp(dk, "catalog") == 0 ? &out->default_catalog :
                              strcmp(dk, "schema") == 0 ? &out->default_schema : NULL;
                if (!slot) {
                    rc = key_error(text, len, source, dk, error, "unknown key '%s' in defaults", dk);
                    goto done;
                }
                if (!json_is_string(dv)) {
                    rc = key_error(text, len, source, dk, error, "key '%s': must be a string", dk);
                    goto done;
                }
                *slot = xstrdup(json_string_value(dv));
            }
        } else {
            rc = key_error(text, len, source, key, error, "unknown key '%s'", key);
            goto done;
        }
    }
    if (!json_object_get(root, "sluice")) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%s:1:1: missing key 'sluice' (the format version, 1)", source);
        *error = sbuf_detach(&b);
        rc = -1;
    }
done:
    json_decref(root);
    if (rc)
        rules_free(out);
    return rc;
}

void rules_free(rules *r)
{
    free(r->default_catalog);
    free(r->default_schema);
    memset(r, 0, sizeof *r);
}
