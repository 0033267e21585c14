/*
 * test_lexer.c - the tokenizer: kinds and positions of tokens, INDENT/DEDENT, implicit and
 * explicit line joining, and its hard and soft errors with CPython 3.11's wording.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lexer.h"

/* Tokenizes src and returns the kinds joined by spaces ("name = number newline ..."). */
static void kinds_of(const char *src, char *out, size_t cap, TokenList *tl) {
    lex_tokenize(src, strlen(src), tl);
    out[0] = '\0';
    for (int i = 0; i < tl->count; i++) {
        if (i)
            strncat(out, " ", cap - strlen(out) - 1);
        strncat(out, lex_kind_text(tl->toks[i].kind), cap - strlen(out) - 1);
    }
}

Test(lexer, tokens_have_kinds_and_positions) {
    TokenList tl;
    char kinds[512];
    kinds_of("x = f(1, 'a')  # c\n", kinds, sizeof kinds, &tl);
    cr_expect_str_eq(kinds, "name = name ( number , string ) newline end of file");
    const Token *s = &tl.toks[6];
    cr_expect_eq(s->line, 1);
    cr_expect_eq(s->col, 9);
    cr_expect_eq(s->end_col, 12);
    cr_expect_eq(tl.toks[4].level, 1, "tokens inside brackets know their depth");
    lex_free(&tl);
}

Test(lexer, indentation_gives_indent_and_dedent) {
    TokenList tl;
    char kinds[512];
    kinds_of("if x:\n    if y:\n        z\n\n    # c\nw\n", kinds, sizeof kinds, &tl);
    cr_expect_str_eq(kinds, "if name : newline indent if name : newline indent name newline "
                            "dedent dedent name newline end of file");
    lex_free(&tl);
}

Test(lexer, brackets_and_backslash_join_lines) {
    TokenList tl;
    char kinds[512];
    kinds_of("x = (1,\n  2)\ny = 1 + \\\n  2\n", kinds, sizeof kinds, &tl);
    cr_expect_str_eq(kinds, "name = ( number , number ) newline name = number + number newline "
                            "end of file");
    lex_free(&tl);
}

Test(lexer, numbers_keywords_and_operators) {
    TokenList tl;
    char kinds[512];
    kinds_of("0x_1f 1_000.5e-3j 1if x**=y//2 ... -> := != async await\n", kinds, sizeof kinds, &tl);
    cr_expect_str_eq(kinds, "number number number if name **= name // number ... -> := != "
                            "async await newline end of file");
    lex_free(&tl);
}

Test(lexer, non_ascii_names_and_strings) {
    TokenList tl;
    char kinds[512];
    kinds_of("名字 = '中文'\n", kinds, sizeof kinds, &tl);
    cr_expect_str_eq(kinds, "name = string newline end of file");
    cr_expect_eq(tl.toks[1].col, 7, "columns count bytes");
    lex_free(&tl);
}

Test(lexer, hard_errors_have_cpython_messages) {
    static const struct {
        const char *src, *msg;
        int line, col;
    } cases[] = {
        {"x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5},
        {"x = '''a\n\nb\n", "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
        {"x = 1，2\n", "invalid character '，' (U+FF0C)", 1, 6},
        {"x = 1\xc2\xa0+ 2\n", "invalid non-printable character U+00A0", 1, 6},
        {"x = 1abc\n", "invalid decimal literal", 1, 5},
        {"x = 0b12\n", "invalid digit '2' in binary literal", 1, 8},
        {"x = (1]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7},
        {"x = 1)\n", "unmatched ')'", 1, 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TokenList tl;
        cr_expect(!lex_tokenize(cases[i].src, strlen(cases[i].src), &tl));
        cr_expect_str_eq(tl.hard.message, cases[i].msg);
        cr_expect_eq(tl.hard.line, cases[i].line, "%s", cases[i].src);
        cr_expect_eq(tl.hard.col, cases[i].col, "%s", cases[i].src);
        lex_free(&tl);
    }
}

Test(lexer, soft_errors_end_the_token_stream) {
    TokenList tl;
    const char *src = "if x:\n    a\n  b\n";
    cr_expect(lex_tokenize(src, strlen(src), &tl), "a bad dedent is not a hard error");
    cr_expect_eq(tl.toks[tl.count - 1].kind, TOK_ERRORTOKEN);
    cr_expect_eq(tl.soft.kind, DIAG_INDENT);
    cr_expect_str_eq(tl.soft.message, "unindent does not match any outer indentation level");
    lex_free(&tl);
    src = "if x:\n\ta\n        b\n";
    lex_tokenize(src, strlen(src), &tl);
    cr_expect_eq(tl.soft.kind, DIAG_TAB);
    lex_free(&tl);
}

Test(lexer, end_of_file_inside_brackets_names_the_bracket) {
    TokenList tl;
    const char *src = "x = [1,\n  (2\n";
    lex_tokenize(src, strlen(src), &tl);
    cr_expect_str_eq(tl.unclosed.message, "'(' was never closed");
    cr_expect_eq(tl.unclosed.line, 2);
    cr_expect_eq(tl.unclosed.col, 3);
    lex_free(&tl);
}
