/*
 * lexer.h - turns Python source text into tokens, with CPython 3.11's rules for indentation
 * (INDENT/DEDENT), implicit line joining inside brackets, `\` continuation and its
 * tokenizer errors (same messages and positions as a script run by `python3 file.py`).
 *
 * The whole file is tokenized up front (CPython does it lazily, but its tokenizer does not
 * depend on the parser, so the tokens are the same). Two kinds of tokenizer failure exist,
 * as in CPython: a "hard" error (unterminated string, invalid character, bad number...)
 * wins over any parser error, wherever it is in the file; a "soft" one (bad dedent, tabs,
 * character after `\`, end of file inside brackets) only matters if the parser reaches it.
 *
 * Not for: decoding string literals or f-strings (parser_string.c) or grammar (parser.c).
 */
#ifndef LS_LEXER_H
#define LS_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Token kinds: X(kind, text) - text is the operator or keyword spelling, or a description. */
/* clang-format off */
#define LS_TOKENS(X)                                                                               \
    X(TOK_ENDMARKER, "end of file") X(TOK_NAME, "name") X(TOK_NUMBER, "number")                    \
    X(TOK_STRING, "string") X(TOK_NEWLINE, "newline") X(TOK_INDENT, "indent")                      \
    X(TOK_DEDENT, "dedent") X(TOK_ERRORTOKEN, "error") X(TOK_UNKNOWN, "unknown character")         \
    /* operators */                                                                                \
    X(TOK_LPAR, "(") X(TOK_RPAR, ")") X(TOK_LSQB, "[") X(TOK_RSQB, "]") X(TOK_LBRACE, "{")         \
    X(TOK_RBRACE, "}") X(TOK_COLON, ":") X(TOK_COMMA, ",") X(TOK_SEMI, ";") X(TOK_PLUS, "+")       \
    X(TOK_MINUS, "-") X(TOK_STAR, "*") X(TOK_SLASH, "/") X(TOK_VBAR, "|") X(TOK_AMPER, "&")        \
    X(TOK_LESS, "<") X(TOK_GREATER, ">") X(TOK_EQUAL, "=") X(TOK_DOT, ".") X(TOK_PERCENT, "%")     \
    X(TOK_EQEQUAL, "==") X(TOK_NOTEQUAL, "!=") X(TOK_LESSEQUAL, "<=") X(TOK_GREATEREQUAL, ">=")    \
    X(TOK_TILDE, "~") X(TOK_CIRCUMFLEX, "^") X(TOK_LEFTSHIFT, "<<") X(TOK_RIGHTSHIFT, ">>")        \
    X(TOK_DOUBLESTAR, "**") X(TOK_PLUSEQUAL, "+=") X(TOK_MINEQUAL, "-=") X(TOK_STAREQUAL, "*=")    \
    X(TOK_SLASHEQUAL, "/=") X(TOK_PERCENTEQUAL, "%=") X(TOK_AMPEREQUAL, "&=")                      \
    X(TOK_VBAREQUAL, "|=") X(TOK_CIRCUMFLEXEQUAL, "^=") X(TOK_LEFTSHIFTEQUAL, "<<=")               \
    X(TOK_RIGHTSHIFTEQUAL, ">>=") X(TOK_DOUBLESTAREQUAL, "**=") X(TOK_DOUBLESLASH, "//")           \
    X(TOK_DOUBLESLASHEQUAL, "//=") X(TOK_AT, "@") X(TOK_ATEQUAL, "@=") X(TOK_RARROW, "->")         \
    X(TOK_ELLIPSIS, "...") X(TOK_COLONEQUAL, ":=")                                                 \
    /* keywords (soft keywords such as match/case are plain names) */                              \
    X(TOK_FALSE, "False") X(TOK_NONE, "None") X(TOK_TRUE, "True") X(TOK_AND, "and")                \
    X(TOK_AS, "as") X(TOK_ASSERT, "assert") X(TOK_ASYNC, "async") X(TOK_AWAIT, "await")            \
    X(TOK_BREAK, "break") X(TOK_CLASS, "class") X(TOK_CONTINUE, "continue") X(TOK_DEF, "def")      \
    X(TOK_DEL, "del") X(TOK_ELIF, "elif") X(TOK_ELSE, "else") X(TOK_EXCEPT, "except")              \
    X(TOK_FINALLY, "finally") X(TOK_FOR, "for") X(TOK_FROM, "from") X(TOK_GLOBAL, "global")        \
    X(TOK_IF, "if") X(TOK_IMPORT, "import") X(TOK_IN, "in") X(TOK_IS, "is")                        \
    X(TOK_LAMBDA, "lambda") X(TOK_NONLOCAL, "nonlocal") X(TOK_NOT, "not") X(TOK_OR, "or")          \
    X(TOK_PASS, "pass") X(TOK_RAISE, "raise") X(TOK_RETURN, "return") X(TOK_TRY, "try")            \
    X(TOK_WHILE, "while") X(TOK_WITH, "with") X(TOK_YIELD, "yield")
/* clang-format on */

typedef enum {
#define X(k, s) k,
    LS_TOKENS(X)
#undef X
        TOK_COUNT
} TokKind;

/* Spelling of a kind: "(" for TOK_LPAR, "if" for TOK_IF, "name" for TOK_NAME. */
const char *lex_kind_text(TokKind kind);

/* One token. Positions as CPython's tokenize module and ast: line 1-based, col 0-based byte
 * offset in its line. INDENT, DEDENT and ENDMARKER have no text (CPython gives them column -1;
 * `col` here is where the tokenizer stood, which is what error messages use). */
typedef struct {
    TokKind kind;
    int line, col, end_line, end_col;
    size_t start, end; /* byte range in the source */
    int level;         /* bracket depth after this token (CPython's tok->level) */
} Token;

/* The tokens of a whole source, or the first tokenizer error. */
typedef struct {
    Token *toks; /* malloc'd; ends with TOK_ENDMARKER or TOK_ERRORTOKEN */
    int count, cap;
    Diag hard; /* kind != DIAG_NONE: an error that beats any parser error */
    Diag soft; /* the error the final TOK_ERRORTOKEN stands for (when there is one) */
    /* When the file ends inside brackets: CPython's "'(' was never closed" for the innermost
     * open bracket, reported when a parser error lies on a later line than that bracket. */
    Diag unclosed;
    int max_depth; /* deepest bracket nesting seen (for "too many nested parentheses") */
} TokenList;

/*
 * Tokenizes `len` bytes of UTF-8 `src` (lines end with '\n'; a missing final newline is
 * implied, as in CPython). Always fills `out` (release with lex_free); returns false when
 * out->hard holds an error.
 */
bool lex_tokenize(const char *src, size_t len, TokenList *out);
void lex_free(TokenList *list);

/* Tokenizes src[start, end), the expression of an f-string replacement field, as CPython
 * does "(expr)": newlines are ignored and it ends with TOK_ENDMARKER at `end` (that token
 * stands for the closing parenthesis in error positions). line/line_start locate start. */
bool lex_tokenize_fragment(const char *src, size_t start, size_t end, int line, size_t line_start,
                           TokenList *out);

/* Decodes one UTF-8 code point at s[*i] (advancing *i); invalid bytes decode as themselves. */
unsigned lex_utf8_decode(const char *s, size_t len, size_t *i);
/* True for code points Python accepts inside identifiers (approximation of XID_Continue). */
bool lex_is_xid_continue(unsigned cp);
/* True for code points CPython's str.isprintable() accepts. */
bool lex_is_printable(unsigned cp);

#endif
