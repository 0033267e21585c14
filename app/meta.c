/*
 * meta.c - splits a scenario into lines and reads its `#|` keys (see meta.h).
 */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

/* If the line is a `#|` line, returns where its content starts; else NULL. */
static const char *meta_content(const char *text, int len) {
    int i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t')) {
        i++;
    }
    if (i + 1 < len && text[i] == '#' && text[i + 1] == '|') {
        return text + i + 2;
    }
    if (i + 2 == len && text[i] == '#' && text[i + 1] == '|') {
        return text + len;
    }
    return NULL;
}

/* A NUL-terminated, trimmed copy of text[0..len). */
static char *trimmed(const char *text, size_t len) {
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r')) {
        len--;
    }
    char *out = malloc(len + 1);
    memcpy(out, text, len);
    out[len] = '\0';
    return out;
}

/* Appends `value` to *slot, separated by a space (several `say` lines make one text). */
static void append(char **slot, char *value) {
    if (*slot == NULL) {
        *slot = value;
        return;
    }
    size_t a = strlen(*slot), b = strlen(value);
    char *joined = malloc(a + b + 2);
    memcpy(joined, *slot, a);
    joined[a] = ' ';
    memcpy(joined + a + 1, value, b + 1);
    free(*slot);
    free(value);
    *slot = joined;
}

/* Reads one `key: value` line; `say` text waits in `pending` for the next statement. */
static void read_key(Meta *meta, const char *content, size_t len, char *pending[LANG_COUNT]) {
    const char *colon = memchr(content, ':', len);
    if (colon == NULL) {
        return;
    }
    char *key = trimmed(content, (size_t)(colon - content));
    char *value = trimmed(colon + 1, len - (size_t)(colon + 1 - content));
    char **slot = NULL;
    if (strcmp(key, "title") == 0) {
        slot = &meta->title[LANG_EN];
    } else if (strcmp(key, "title-zh") == 0) {
        slot = &meta->title[LANG_ZH];
    } else if (strcmp(key, "summary") == 0) {
        slot = &meta->summary[LANG_EN];
    } else if (strcmp(key, "summary-zh") == 0) {
        slot = &meta->summary[LANG_ZH];
    } else if (strcmp(key, "say") == 0) {
        append(&pending[LANG_EN], value);
        value = NULL;
    } else if (strcmp(key, "say-zh") == 0) {
        append(&pending[LANG_ZH], value);
        value = NULL;
    }
    if (slot != NULL && *slot == NULL) {
        *slot = value;
        value = NULL;
    }
    free(key);
    free(value);
}

static bool blank(const char *text, int len) {
    for (int i = 0; i < len; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            return false;
        }
    }
    return true;
}

/* Numbers the rows of the source region: `#|` lines are hidden. */
static void number_rows(Meta *meta) {
    meta->row_of_line = calloc((size_t)meta->nlines + 2, sizeof(int));
    meta->line_of_row = calloc((size_t)meta->nlines + 1, sizeof(int));
    for (int i = 0; i < meta->nlines; i++) {
        meta->row_of_line[i + 1] = meta->nrows;
        if (!meta->lines[i].meta) {
            meta->line_of_row[meta->nrows++] = i + 1;
        }
    }
    meta->row_of_line[meta->nlines + 1] = meta->nrows;
}

void meta_parse(Meta *meta, const char *source, size_t length) {
    memset(meta, 0, sizeof *meta);
    int cap = 1;
    for (size_t i = 0; i < length; i++) {
        cap += source[i] == '\n';
    }
    meta->lines = calloc((size_t)cap, sizeof *meta->lines);
    char *pending[LANG_COUNT] = {NULL, NULL};
    const char *p = source, *end = source + length;
    while (p < end || meta->nlines == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl != NULL ? nl : end;
        MetaLine *line = &meta->lines[meta->nlines++];
        line->text = p;
        line->len = (int)(stop - p);
        const char *content = meta_content(p, line->len);
        line->meta = content != NULL;
        if (content != NULL) {
            read_key(meta, content, (size_t)(stop - content), pending);
        } else if (!blank(p, line->len) && (pending[0] != NULL || pending[1] != NULL)) {
            line->say[LANG_EN] = pending[LANG_EN];
            line->say[LANG_ZH] = pending[LANG_ZH];
            pending[0] = pending[1] = NULL;
        }
        if (nl == NULL) {
            break;
        }
        p = nl + 1;
    }
    free(pending[0]);
    free(pending[1]);
    number_rows(meta);
}

void meta_free(Meta *meta) {
    for (int i = 0; i < meta->nlines; i++) {
        free(meta->lines[i].say[0]);
        free(meta->lines[i].say[1]);
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        free(meta->title[l]);
        free(meta->summary[l]);
    }
    free(meta->lines);
    free(meta->row_of_line);
    free(meta->line_of_row);
    memset(meta, 0, sizeof *meta);
}

const char *meta_title(const Meta *meta, Lang lang) {
    return meta->title[lang] != NULL ? meta->title[lang] : meta->title[!lang];
}

const char *meta_say(const Meta *meta, int line, Lang lang) {
    if (line < 1 || line > meta->nlines) {
        return NULL;
    }
    const MetaLine *l = &meta->lines[line - 1];
    return l->say[lang] != NULL ? l->say[lang] : l->say[!lang];
}
