/*
 * i18n.c - the message table of i18n.h. Not for: narration logic (narrate.c).
 */
#include "i18n.h"

#include <string.h>

static const char *const TABLE[MSG_COUNT][LANG_COUNT] = {
#define X(id, en, zh) [id] = {en, zh},
    MESSAGES(X)
#undef X
};

const char *tr(Lang lang, Msg msg) {
    if (msg >= MSG_COUNT) {
        return "";
    }
    return TABLE[msg][lang == LANG_ZH ? LANG_ZH : LANG_EN];
}

bool lang_parse(const char *name, Lang *lang) {
    if (strcmp(name, "en") == 0 || strcmp(name, "english") == 0) {
        *lang = LANG_EN;
        return true;
    }
    if (strcmp(name, "zh") == 0 || strcmp(name, "chinese") == 0 || strcmp(name, "中文") == 0) {
        *lang = LANG_ZH;
        return true;
    }
    return false;
}
