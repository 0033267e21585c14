/*
 * lexer.c - the tokenizer: a transcription of CPython 3.11's Parser/tokenizer.c rules
 * (tok_get) for indentation, brackets, numbers, strings and names, so that the errors it
 * reports carry CPython's exact messages and positions (see lexer.h for hard/soft errors).
 *
 * Column conventions mirror CPython's: token columns are byte offsets; the offsets of hard
 * errors count code points up to the tokenizer's cursor, as tokenizer.c's _syntaxerror_range
 * does, because that is what `python3 script.py` reports.
 *
 * Not for: the meaning of literals (parser_string.c, parser.c) or grammar errors.
 */
#include "lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAXINDENT = 100, /* CPython's limit on indentation levels */
    MAXLEVEL = 200,  /* CPython's limit on nested brackets */
    LEX_EOF = -1,
    TABSIZE = 8,
};

static const char *const kind_texts[TOK_COUNT] = {
#define X(k, s) s,
    LS_TOKENS(X)
#undef X
};

const char *lex_kind_text(TokKind kind) {
    return kind >= 0 && kind < TOK_COUNT ? kind_texts[kind] : "?";
}

/* Tokenizer state: the cursor, the indentation stack and the bracket stack. */
typedef struct {
    const char *src;
    size_t len;        /* bytes of src; a '\n' is implied at len when src lacks one */
    size_t vlen;       /* len plus the implied newline */
    size_t pos;        /* cursor: the next byte to read */
    size_t line_start; /* byte offset where the current line starts */
    int line;          /* 1-based number of the current line */
    size_t start;      /* start of the token being read */
    int start_line;
    bool atbol, blankline;
    int indstack[MAXINDENT], altindstack[MAXINDENT], indent, pendin;
    char parenstack[MAXLEVEL];
    int parenline[MAXLEVEL], parencol[MAXLEVEL], level;
    TokenList *out;
    bool failed;    /* a hard or soft error ended tokenizing */
    int base_level; /* 1 for an f-string expression (tokenized as if inside parentheses) */
} Lexer;

/* ------------------------------------------------------------------ characters */

/* The byte at i, the implied final newline, or LEX_EOF. */
static int at(const Lexer *lx, size_t i) {
    if (i < lx->len)
        return (unsigned char)lx->src[i];
    return i < lx->vlen ? '\n' : LEX_EOF;
}

/* CPython's tok_nextc: reads one byte, keeping the line counters up to date. */
static int nextc(Lexer *lx) {
    int c = at(lx, lx->pos);
    if (c == LEX_EOF)
        return c;
    if (lx->pos > 0 && at(lx, lx->pos - 1) == '\n' && lx->line_start != lx->pos) {
        lx->line++;
        lx->line_start = lx->pos;
    }
    lx->pos++;
    return c;
}

/* CPython's tok_backup: un-reads c (nothing to undo at end of file). */
static void backup(Lexer *lx, int c) {
    if (c != LEX_EOF)
        lx->pos--;
}

unsigned lex_utf8_decode(const char *s, size_t len, size_t *i) {
    unsigned char b = (unsigned char)s[*i];
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    unsigned cp = extra == 3 ? b & 0x07u : extra == 2 ? b & 0x0Fu : extra == 1 ? b & 0x1Fu : b;
    (*i)++;
    for (int k = 0; k < extra && *i < len && ((unsigned char)s[*i] & 0xC0) == 0x80; k++)
        cp = (cp << 6) | ((unsigned char)s[(*i)++] & 0x3Fu);
    return cp;
}

/* Code points in [from, to) of src, the unit of CPython's tokenizer error offsets. */
static int count_chars(const char *src, size_t from, size_t to) {
    int n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)src[i] & 0xC0) != 0x80;
    return n;
}

/* Unicode ranges whose characters are not printable (Zs, Zl, Zp, Cc, Cf, Cs, Co and the
 * common unassigned ones), as used by CPython's "invalid non-printable character". */
static const unsigned nonprintable[][2] = {
    {0x00, 0x1F},     {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},     {0x61C, 0x61C},
    {0x6DD, 0x6DD},   {0x70F, 0x70F},   {0x1680, 0x1680}, {0x180E, 0x180E},   {0x2000, 0x200F},
    {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000},   {0xD800, 0xF8FF},
    {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB}, {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

bool lex_is_printable(unsigned cp) {
    for (size_t i = 0; i < sizeof nonprintable / sizeof nonprintable[0]; i++)
        if (cp >= nonprintable[i][0] && cp <= nonprintable[i][1])
            return false;
    return true;
}

/* Non-ASCII ranges that are punctuation or symbols, hence not identifier characters. An
 * approximation of Unicode's XID_Continue that is right for the scripts students use
 * (Latin, Greek, Cyrillic, CJK) and for the punctuation they mistype (fullwidth forms). */
static const unsigned not_xid[][2] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},       {0xBB, 0xBF},
    {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2C2, 0x2C5},   {0x2D2, 0x2DF},     {0x37E, 0x37E},
    {0x387, 0x387},   {0x55A, 0x55F},   {0x589, 0x58A},   {0x5BE, 0x5BE},     {0x600, 0x60F},
    {0x61B, 0x61F},   {0x66A, 0x66D},   {0x6D4, 0x6D4},   {0x964, 0x965},     {0x970, 0x970},
    {0xE3F, 0xE3F},   {0xE4F, 0xE4F},   {0xE5A, 0xE5B},   {0x2000, 0x203E},   {0x2041, 0x2053},
    {0x2055, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x2101}, {0x2103, 0x2106},   {0x2108, 0x2109},
    {0x2114, 0x2114}, {0x2116, 0x2118}, {0x211E, 0x2123}, {0x2125, 0x2125},   {0x2127, 0x2127},
    {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B}, {0x2140, 0x2144},   {0x214A, 0x214D},
    {0x214F, 0x215F}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x3004},   {0x3008, 0x3020},
    {0x3030, 0x3030}, {0x303D, 0x3040}, {0x309B, 0x309C}, {0x30A0, 0x30A0},   {0x30FB, 0x30FB},
    {0xFD3E, 0xFD3F}, {0xFE10, 0xFE6F}, {0xFEFF, 0xFF0F}, {0xFF1A, 0xFF20},   {0xFF3B, 0xFF3E},
    {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x1F000, 0x1FAFF},
};

bool lex_is_xid_continue(unsigned cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    if (!lex_is_printable(cp))
        return false;
    for (size_t i = 0; i < sizeof not_xid / sizeof not_xid[0]; i++)
        if (cp >= not_xid[i][0] && cp <= not_xid[i][1])
            return false;
    return true;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static bool is_id_char(int c) {
    return is_id_start(c) || is_digit(c);
}

/* ------------------------------------------------------------------ errors */

static void set_diag(Diag *d, DiagKind kind, int line, int col, int end_col, const char *msg) {
    d->kind = kind;
    d->line = d->end_line = line;
    d->col = col;
    d->end_col = end_col;
    snprintf(d->message, sizeof d->message, "%s", msg);
}

/* A hard error at a given code-point range of the current line (tokenizer.c's
 * syntaxerror_known_range). */
static int hard_error_range(Lexer *lx, int col, int end_col, const char *msg) {
    set_diag(&lx->out->hard, DIAG_SYNTAX, lx->line, col, end_col, msg);
    lx->failed = true;
    return TOK_ERRORTOKEN;
}

/* A hard error at the cursor (tokenizer.c's syntaxerror): the offset counts the code points
 * of the line before the cursor. */
static int hard_error(Lexer *lx, const char *msg) {
    int col = count_chars(lx->src, lx->line_start, lx->pos < lx->len ? lx->pos : lx->len);
    return hard_error_range(lx, col, col, msg);
}

/* Bytes in the current line, without its newline. */
static int line_length(const Lexer *lx) {
    size_t e = lx->line_start;
    while (at(lx, e) != '\n' && at(lx, e) != LEX_EOF)
        e++;
    return (int)(e - lx->line_start);
}

/* A soft error: ends the token stream with TOK_ERRORTOKEN standing for `d`. */
static int soft_error(Lexer *lx, DiagKind kind, int col, int end_col, const char *msg) {
    set_diag(&lx->out->soft, kind, lx->line, col, end_col, msg);
    lx->failed = true;
    return TOK_ERRORTOKEN;
}

/* ------------------------------------------------------------------ indentation */

/* Reads the indentation of a new line and queues INDENT/DEDENT tokens (tok_get's atbol
 * block). Returns TOK_ERRORTOKEN on an indentation error, else 0. */
static int read_indentation(Lexer *lx) {
    int col = 0, altcol = 0, c;
    lx->atbol = false;
    lx->blankline = false;
    for (;;) {
        c = nextc(lx);
        if (c == ' ')
            col++, altcol++;
        else if (c == '\t')
            col = (col / TABSIZE + 1) * TABSIZE, altcol++;
        else if (c == '\f')
            col = altcol = 0;
        else
            break;
    }
    backup(lx, c);
    if (c == '#' || c == '\n')
        lx->blankline = true;
    if (lx->blankline || lx->level != 0)
        return 0;
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent])
            return soft_error(lx, DIAG_TAB, 1, 0,
                              "inconsistent use of tabs and spaces in indentation");
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= MAXINDENT)
            return soft_error(lx, DIAG_INDENT, 1, 0, "too many levels of indentation");
        if (altcol <= lx->altindstack[lx->indent])
            return soft_error(lx, DIAG_TAB, 1, 0,
                              "inconsistent use of tabs and spaces in indentation");
        lx->pendin++;
        lx->indstack[++lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent])
            return soft_error(lx, DIAG_INDENT, line_length(lx) + 1, -1,
                              "unindent does not match any outer indentation level");
        if (altcol != lx->altindstack[lx->indent])
            return soft_error(lx, DIAG_TAB, 1, 0,
                              "inconsistent use of tabs and spaces in indentation");
    }
    return 0;
}

/* ------------------------------------------------------------------ numbers */

/* Are the next bytes `s`? (tokenizer.c's lookahead; the cursor does not move) */
static bool lookahead(const Lexer *lx, const char *s) {
    for (size_t k = 0; s[k]; k++)
        if (at(lx, lx->pos + k) != (unsigned char)s[k])
            return false;
    return true;
}

/* tokenizer.c's verify_end_of_number: a number may not run into a name, except the keywords
 * that can follow a number in valid code (`1if x else 2`). c was just read. */
static bool verify_end_of_number(Lexer *lx, int c, const char *kind) {
    bool r = false;
    if (c == 'a')
        r = lookahead(lx, "nd");
    else if (c == 'e')
        r = lookahead(lx, "lse");
    else if (c == 'f')
        r = lookahead(lx, "or");
    else if (c == 'i')
        r = at(lx, lx->pos) == 'f' || at(lx, lx->pos) == 'n' || at(lx, lx->pos) == 's';
    else if (c == 'o')
        r = lookahead(lx, "r");
    else if (c == 'n')
        r = lookahead(lx, "ot");
    if (!r && c != LEX_EOF && c < 128 && is_id_char(c)) {
        backup(lx, c);
        char msg[64];
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        hard_error(lx, msg);
        return false;
    }
    return true;
}

/* Digits and single underscores after a first digit; returns the next char or 0. */
static int decimal_tail(Lexer *lx) {
    int c;
    for (;;) {
        do
            c = nextc(lx);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            hard_error(lx, "invalid decimal literal");
            return 0;
        }
    }
}

/* 0x / 0o / 0b literals; c is the letter after '0'. Returns the char after or 0. */
static int radix_number(Lexer *lx, int c) {
    int base = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : 2;
    const char *name = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    char msg[64];
    c = nextc(lx);
    do {
        if (c == '_')
            c = nextc(lx);
        bool ok = base == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + base);
        if (!ok) {
            if (base != 16 && is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, name);
                hard_error(lx, msg);
                return 0;
            }
            backup(lx, c);
            snprintf(msg, sizeof msg, "invalid %s literal", name);
            hard_error(lx, msg);
            return 0;
        }
        do
            c = nextc(lx);
        while (base == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + base));
    } while (c == '_');
    if (base != 16 && is_digit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, name);
        hard_error(lx, msg);
        return 0;
    }
    return verify_end_of_number(lx, c, name) ? c : 0;
}

/* Fraction, exponent and imaginary suffix of a decimal number; c is the char after the
 * integer part (or after the '.' when in_fraction). Returns the char after, or 0. */
static int number_rest(Lexer *lx, int c, bool in_fraction) {
    if (in_fraction || c == '.') {
        if (!in_fraction)
            c = nextc(lx);
        if (is_digit(c) && !(c = decimal_tail(lx)))
            return 0;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                hard_error(lx, "invalid decimal literal");
                return 0;
            }
        } else if (!is_digit(c)) {
            backup(lx, c);
            if (!verify_end_of_number(lx, e, "decimal"))
                return 0;
            return e; /* the number ends before the 'e' (read_number backs it up) */
        }
        if (!(c = decimal_tail(lx)))
            return 0;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(lx);
        return verify_end_of_number(lx, c, "imaginary") ? c : 0;
    }
    return verify_end_of_number(lx, c, "decimal") ? c : 0;
}

/* A number starting with '0' (already read). Returns the char after it, or 0. */
static int zero_number(Lexer *lx) {
    int c = nextc(lx);
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B')
        return radix_number(lx, c);
    for (;;) {
        if (c == '_') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                hard_error(lx, "invalid decimal literal");
                return 0;
            }
        }
        if (c != '0')
            break;
        c = nextc(lx);
    }
    size_t zeros_end = lx->pos;
    bool nonzero = false;
    if (is_digit(c)) {
        nonzero = true;
        if (!(c = decimal_tail(lx)))
            return 0;
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return number_rest(lx, c, false);
    if (nonzero) {
        backup(lx, c);
        return hard_error_range(
            lx, count_chars(lx->src, lx->line_start, lx->start) + 1,
            count_chars(lx->src, lx->line_start, zeros_end),
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            "for octal integers");
    }
    return verify_end_of_number(lx, c, "decimal") ? c : 0;
}

/* NUMBER: the first char (a digit, or '.' followed by a digit) has been read. */
static int read_number(Lexer *lx, int c) {
    if (c == '.')
        c = number_rest(lx, nextc(lx), true);
    else if (c == '0')
        c = zero_number(lx);
    else if ((c = decimal_tail(lx)) != 0)
        c = number_rest(lx, c, false);
    if (lx->failed)
        return TOK_ERRORTOKEN;
    backup(lx, c);
    return TOK_NUMBER;
}

/* ------------------------------------------------------------------ strings and names */

/* STRING: the cursor is just past the opening quote `quote`. */
static int read_string(Lexer *lx, int quote) {
    int quote_size = 1, end_quote_size = 0, newlines = 0;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* empty string */
    }
    if (c != quote)
        backup(lx, c);
    size_t first_line_start = lx->line_start;
    int first_line = lx->line;
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == LEX_EOF || (quote_size == 1 && c == '\n')) {
            int detected = first_line + newlines - (c == LEX_EOF ? 1 : 0);
            char msg[128];
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     quote_size == 3 ? "triple-quoted " : "", detected);
            lx->line = first_line;
            lx->line_start = first_line_start;
            int col = count_chars(lx->src, first_line_start, lx->start) + 1;
            return hard_error_range(lx, col, col, msg);
        }
        if (c == '\n')
            newlines++;
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\' && nextc(lx) == '\n')
                newlines++;
        }
    }
    return TOK_STRING;
}

static const struct {
    const char *word;
    TokKind kind;
} keywords[] = {
    {"False", TOK_FALSE},
    {"None", TOK_NONE},
    {"True", TOK_TRUE},
    {"and", TOK_AND},
    {"as", TOK_AS},
    {"assert", TOK_ASSERT},
    {"async", TOK_ASYNC},
    {"await", TOK_AWAIT},
    {"break", TOK_BREAK},
    {"class", TOK_CLASS},
    {"continue", TOK_CONTINUE},
    {"def", TOK_DEF},
    {"del", TOK_DEL},
    {"elif", TOK_ELIF},
    {"else", TOK_ELSE},
    {"except", TOK_EXCEPT},
    {"finally", TOK_FINALLY},
    {"for", TOK_FOR},
    {"from", TOK_FROM},
    {"global", TOK_GLOBAL},
    {"if", TOK_IF},
    {"import", TOK_IMPORT},
    {"in", TOK_IN},
    {"is", TOK_IS},
    {"lambda", TOK_LAMBDA},
    {"nonlocal", TOK_NONLOCAL},
    {"not", TOK_NOT},
    {"or", TOK_OR},
    {"pass", TOK_PASS},
    {"raise", TOK_RAISE},
    {"return", TOK_RETURN},
    {"try", TOK_TRY},
    {"while", TOK_WHILE},
    {"with", TOK_WITH},
    {"yield", TOK_YIELD},
};

static TokKind keyword_kind(const char *s, size_t n) {
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i].word) == n && memcmp(keywords[i].word, s, n) == 0)
            return keywords[i].kind;
    return TOK_NAME;
}

/* tokenizer.c's verify_identifier: reports the first character that cannot be part of a
 * name, pointing just past it. */
static bool verify_identifier(Lexer *lx) {
    size_t i = lx->start;
    while (i < lx->pos) {
        size_t at_cp = i;
        unsigned cp = lex_utf8_decode(lx->src, lx->pos, &i);
        bool ok = at_cp == lx->start ? (cp >= 128 || is_id_start((int)cp)) &&
                                           lex_is_xid_continue(cp) && !(cp >= '0' && cp <= '9')
                                     : lex_is_xid_continue(cp);
        if (ok)
            continue;
        lx->pos = i;
        char msg[96];
        if (lex_is_printable(cp))
            snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", (int)(i - at_cp),
                     lx->src + at_cp, cp);
        else
            snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
        hard_error(lx, msg);
        return false;
    }
    return true;
}

/* NAME, keyword or prefixed STRING: the first char c has been read. */
static int read_name(Lexer *lx, int c) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, nonascii = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = true;
        else
            break;
        c = nextc(lx);
        if (c == '"' || c == '\'')
            return read_string(lx, c);
    }
    while (c != LEX_EOF && is_id_char(c)) {
        nonascii |= c >= 128;
        c = nextc(lx);
    }
    backup(lx, c);
    if (nonascii && !verify_identifier(lx))
        return TOK_ERRORTOKEN;
    return keyword_kind(lx->src + lx->start, lx->pos - lx->start);
}

/* ------------------------------------------------------------------ operators */

static const struct {
    const char *text;
    TokKind kind;
} operators[] = {
    {"**=", TOK_DOUBLESTAREQUAL},
    {"...", TOK_ELLIPSIS},
    {"//=", TOK_DOUBLESLASHEQUAL},
    {"<<=", TOK_LEFTSHIFTEQUAL},
    {">>=", TOK_RIGHTSHIFTEQUAL},
    {"!=", TOK_NOTEQUAL},
    {"%=", TOK_PERCENTEQUAL},
    {"&=", TOK_AMPEREQUAL},
    {"**", TOK_DOUBLESTAR},
    {"*=", TOK_STAREQUAL},
    {"+=", TOK_PLUSEQUAL},
    {"-=", TOK_MINEQUAL},
    {"->", TOK_RARROW},
    {"//", TOK_DOUBLESLASH},
    {"/=", TOK_SLASHEQUAL},
    {":=", TOK_COLONEQUAL},
    {"<<", TOK_LEFTSHIFT},
    {"<=", TOK_LESSEQUAL},
    {"<>", TOK_NOTEQUAL},
    {"==", TOK_EQEQUAL},
    {">=", TOK_GREATEREQUAL},
    {">>", TOK_RIGHTSHIFT},
    {"@=", TOK_ATEQUAL},
    {"^=", TOK_CIRCUMFLEXEQUAL},
    {"|=", TOK_VBAREQUAL},
    {"(", TOK_LPAR},
    {")", TOK_RPAR},
    {"[", TOK_LSQB},
    {"]", TOK_RSQB},
    {"{", TOK_LBRACE},
    {"}", TOK_RBRACE},
    {":", TOK_COLON},
    {",", TOK_COMMA},
    {";", TOK_SEMI},
    {"+", TOK_PLUS},
    {"-", TOK_MINUS},
    {"*", TOK_STAR},
    {"/", TOK_SLASH},
    {"|", TOK_VBAR},
    {"&", TOK_AMPER},
    {"<", TOK_LESS},
    {">", TOK_GREATER},
    {"=", TOK_EQUAL},
    {".", TOK_DOT},
    {"%", TOK_PERCENT},
    {"~", TOK_TILDE},
    {"^", TOK_CIRCUMFLEX},
    {"@", TOK_AT},
};

/* Tracks bracket nesting (tok_get's parenstack), reporting CPython's bracket errors. */
static int track_bracket(Lexer *lx, int c) {
    char msg[128];
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= MAXLEVEL)
            return hard_error(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenline[lx->level] = lx->line;
        lx->parencol[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        if (lx->level > lx->out->max_depth)
            lx->out->max_depth = lx->level;
    } else if (c == ')' || c == ']' || c == '}') {
        if (!lx->level) {
            snprintf(msg, sizeof msg, "unmatched '%c'", c);
            return hard_error(lx, msg);
        }
        int opening = lx->parenstack[--lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            int n = snprintf(msg, sizeof msg,
                             "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                             opening);
            if (lx->parenline[lx->level] != lx->line)
                snprintf(msg + n, sizeof msg - (size_t)n, " on line %d", lx->parenline[lx->level]);
            return hard_error(lx, msg);
        }
    }
    return 0;
}

/* An operator or bracket starting with c (already read); anything else is TOK_UNKNOWN or
 * an invalid non-printable character. */
static int read_operator(Lexer *lx, int c) {
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        const char *t = operators[i].text;
        if ((unsigned char)t[0] == c && lookahead(lx, t + 1)) {
            lx->pos += strlen(t) - 1;
            if (strlen(t) == 1 && track_bracket(lx, c))
                return TOK_ERRORTOKEN;
            return operators[i].kind;
        }
    }
    if (c < 128 && !lex_is_printable((unsigned)c)) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)c);
        return hard_error(lx, msg);
    }
    return TOK_UNKNOWN;
}

/* ------------------------------------------------------------------ tokens */

/* `\` line continuation (the backslash has been read). Returns 0 to go on reading. */
static int continuation(Lexer *lx) {
    int col = (int)(lx->pos - 1 - lx->line_start);
    int c = nextc(lx);
    if (c != '\n')
        return soft_error(lx, DIAG_SYNTAX, col + 2, 0,
                          "unexpected character after line continuation character");
    c = nextc(lx);
    if (c == LEX_EOF) {
        /* CPython's line number stays on the backslash's line */
        int len = line_length(lx);
        if (lx->level)
            return soft_error(lx, DIAG_SYNTAX, len + 1, -1, "unexpected EOF while parsing");
        return soft_error(lx, DIAG_SYNTAX, len + 1, -1, "unexpected EOF while parsing");
    }
    backup(lx, c);
    return 0;
}

/* End of file: ENDMARKER, or a soft error when brackets are still open. */
static int end_of_file(Lexer *lx) {
    if (lx->level > lx->base_level) {
        int i = lx->level - 1;
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", lx->parenstack[i]);
        set_diag(&lx->out->unclosed, DIAG_SYNTAX, lx->parenline[i], lx->parencol[i] + 1, 0, msg);
        lx->out->soft = lx->out->unclosed;
        lx->failed = true;
        return TOK_ERRORTOKEN;
    }
    return TOK_ENDMARKER;
}

/* The next token kind (tok_get); sets lx->start to its first byte. */
static int next_kind(Lexer *lx) {
    for (;;) {
        if (lx->atbol && read_indentation(lx))
            return TOK_ERRORTOKEN;
        lx->start = lx->pos;
        lx->start_line = lx->line;
        if (lx->pendin < 0) {
            lx->pendin++;
            return TOK_DEDENT;
        }
        if (lx->pendin > 0) {
            lx->pendin--;
            return TOK_INDENT;
        }
        int c;
        do
            c = nextc(lx);
        while (c == ' ' || c == '\t' || c == '\f');
        lx->start = c == LEX_EOF ? lx->pos : lx->pos - 1;
        lx->start_line = lx->line;
        if (c == '#') {
            while (c != '\n' && c != LEX_EOF)
                c = nextc(lx);
            if (c == '\n')
                backup(lx, c);
            continue;
        }
        if (c == LEX_EOF)
            return end_of_file(lx);
        if (is_id_start(c))
            return read_name(lx, c);
        if (c == '\n') {
            lx->atbol = true;
            if (lx->blankline || lx->level > 0)
                continue;
            return TOK_NEWLINE;
        }
        if (c == '.' && is_digit(at(lx, lx->pos)))
            return read_number(lx, c);
        if (is_digit(c))
            return read_number(lx, c);
        if (c == '\'' || c == '"')
            return read_string(lx, c);
        if (c == '\\') {
            if (continuation(lx))
                return TOK_ERRORTOKEN;
            continue;
        }
        return read_operator(lx, c);
    }
}

static void push(TokenList *out, Token t) {
    if (out->count == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 256;
        Token *p = realloc(out->toks, (size_t)out->cap * sizeof *p);
        if (!p) {
            fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
            abort();
        }
        out->toks = p;
    }
    out->toks[out->count++] = t;
}

/* Lines in the file, the line number CPython gives tokens at end of file. */
static int last_line(const Lexer *lx) {
    int n = 1;
    for (size_t i = 0; i + 1 < lx->vlen; i++)
        n += at(lx, i) == '\n';
    return n;
}

/* Builds the token for kind k read from lx->start to the cursor. */
static Token make_token(Lexer *lx, int k, bool indent_token) {
    Token t = {0};
    t.kind = (TokKind)k;
    t.start = lx->start;
    t.end = indent_token ? lx->start : lx->pos;
    if (k == TOK_NEWLINE)
        t.end = lx->pos - 1;
    t.line = lx->start_line;
    t.end_line = lx->line;
    size_t ls = lx->line_start;
    /* the start may lie on an earlier line than the cursor (multi-line strings) */
    size_t s = t.start >= ls ? ls : t.start;
    while (s > 0 && s < ls && at(lx, s - 1) != '\n')
        s--;
    t.col = (int)(t.start - s);
    t.end_col = (int)(t.end - ls);
    if (k == TOK_NEWLINE)
        t.end_col = t.col;
    if (lx->base_level) {
        /* the end of an f-string expression stands for the ')' CPython wraps it in */
        t.end_col = k == TOK_ENDMARKER ? t.col + 1 : t.end_col;
    } else if (k == TOK_ENDMARKER || (indent_token && at(lx, lx->pos) == LEX_EOF)) {
        t.line = t.end_line = last_line(lx);
        t.col = t.end_col = 0;
    }
    t.level = lx->level;
    return t;
}

/* Produces one token into lx->out; false once tokenizing has ended. */
static bool lex_one(Lexer *lx) {
    int k = next_kind(lx);
    bool indent_token = k == TOK_INDENT || k == TOK_DEDENT;
    push(lx->out, make_token(lx, k, indent_token));
    return k != TOK_ENDMARKER && k != TOK_ERRORTOKEN;
}

/* CPython refuses NUL bytes before tokenizing ("source code cannot contain null bytes"). */
static bool check_nul(Lexer *lx) {
    const char *nul = memchr(lx->src, 0, lx->len);
    if (!nul)
        return true;
    lx->line = 1;
    for (const char *p = lx->src; p < nul; p++)
        lx->line += *p == '\n';
    set_diag(&lx->out->hard, DIAG_SYNTAX, lx->line, 0, 0, "source code cannot contain null bytes");
    return false;
}

bool lex_tokenize(const char *src, size_t len, TokenList *out) {
    memset(out, 0, sizeof *out);
    Lexer *lx = calloc(1, sizeof *lx);
    if (!lx) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    lx->src = src;
    lx->len = len;
    lx->vlen = (len > 0 && src[len - 1] == '\n') ? len : len + 1;
    lx->line = 1;
    lx->atbol = true;
    lx->out = out;
    if (check_nul(lx))
        while (lex_one(lx))
            ;
    free(lx);
    if (out->count == 0 || out->hard.kind != DIAG_NONE) {
        Token t = {.kind = TOK_ERRORTOKEN, .line = 1, .end_line = 1};
        push(out, t);
    }
    return out->hard.kind == DIAG_NONE;
}

bool lex_tokenize_fragment(const char *src, size_t start, size_t end, int line, size_t line_start,
                           TokenList *out) {
    memset(out, 0, sizeof *out);
    Lexer *lx = calloc(1, sizeof *lx);
    if (!lx) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    lx->src = src;
    lx->len = lx->vlen = end;
    lx->pos = start;
    lx->line = line;
    lx->line_start = line_start;
    lx->out = out;
    lx->level = lx->base_level = 1;
    lx->parenstack[0] = '(';
    while (lex_one(lx))
        ;
    free(lx);
    return out->hard.kind == DIAG_NONE;
}

void lex_free(TokenList *list) {
    free(list->toks);
    memset(list, 0, sizeof *list);
}
