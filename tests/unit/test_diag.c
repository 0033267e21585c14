/*
 * test_diag.c - diagnostics print exactly what CPython 3.11 prints to stderr for a syntax
 * error in a script (expected texts generated with python3 3.11.7), and loopscope's own
 * "not supported" format.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "ast.h"
#include "diag.h"

/* (source, CPython's stderr for it with the file named FILE) */
static const struct {
    const char *src, *text;
} displays[] = {
    {"if x\n    pass\n",
     "  File \"FILE\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"},
    {"print \"hello\"\n",
     "  File \"FILE\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing "
     "parentheses in call to 'print'. Did you mean print(...)?\n"},
    {"x = = 1\n", "  File \"FILE\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"},
    {"f(a b)\n", "  File \"FILE\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. "
                 "Perhaps you forgot a comma?\n"},
    {"if x = 1:\n    pass\n", "  File \"FILE\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: "
                              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n"},
    {"f() = 1\n", "  File \"FILE\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to "
                  "function call here. Maybe you meant '==' instead of '='?\n"},
    {"1 = x\n", "  File \"FILE\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal "
                "here. Maybe you meant '==' instead of '='?\n"},
    {"True = 1\n",
     "  File \"FILE\", line 1\n    True = 1\n    ^^^^\nSyntaxError: cannot assign to True\n"},
    {"x = (1,\n",
     "  File \"FILE\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"},
    {"print(\"hello\"\nx = 5\n", "  File \"FILE\", line 1\n    print(\"hello\"\n         "
                                 "^\nSyntaxError: '(' was never closed\n"},
    {"x = 1)\n", "  File \"FILE\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"},
    {"x = (1]\n", "  File \"FILE\", line 1\n    x = (1]\n          ^\nSyntaxError: closing "
                  "parenthesis ']' does not match opening parenthesis '('\n"},
    {"x = 'abc\n", "  File \"FILE\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated "
                   "string literal (detected at line 1)\n"},
    {"x = '''abc\n\n", "  File \"FILE\", line 1\n    x = '''abc\n        ^\nSyntaxError: "
                       "unterminated triple-quoted string literal (detected at line 2)\n"},
    {"x = 1abc\n",
     "  File \"FILE\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n"},
    {"def f():\nreturn 1\n", "  File \"FILE\", line 2\n    return 1\n    ^\nIndentationError: "
                             "expected an indented block after function definition on line 1\n"},
    {"if x:\n    a\n  b\n", "  File \"FILE\", line 3\n    b\n     ^\nIndentationError: unindent "
                            "does not match any outer indentation level\n"},
    {"  x = 1\n", "  File \"FILE\", line 1\n    x = 1\nIndentationError: unexpected indent\n"},
    {"x = 1\n    y = 2\n",
     "  File \"FILE\", line 2\n    y = 2\nIndentationError: unexpected indent\n"},
    {"x = 1，2\n", "  File \"FILE\", line 1\n    x = 1，2\n         ^\nSyntaxError: invalid "
                   "character '，' (U+FF0C)\n"},
    {"x = 1 + 2\n", "  File \"FILE\", line 1\n    x = 1 + 2\n         ^\nSyntaxError: invalid "
                    "non-printable character U+00A0\n"},
    {"f'{x'\n",
     "  File \"FILE\", line 1\n    f'{x'\n         ^\nSyntaxError: f-string: expecting '}'\n"},
    {"f'{x!z}'\n", "  File \"FILE\", line 1\n    f'{x!z}'\n            ^\nSyntaxError: f-string: "
                   "invalid conversion character: expected 's', 'r', or 'a'\n"},
    {"for i in range(10)\n    pass\n", "  File \"FILE\", line 1\n    for i in range(10)\n          "
                                       "            ^\nSyntaxError: expected ':'\n"},
    {"def f()\n    pass\n",
     "  File \"FILE\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n"},
    {"class A\n    pass\n",
     "  File \"FILE\", line 1\n    class A\n           ^\nSyntaxError: expected ':'\n"},
    {"while True\n    pass\n",
     "  File \"FILE\", line 1\n    while True\n              ^\nSyntaxError: expected ':'\n"},
    {"else:\n    pass\n",
     "  File \"FILE\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n"},
    {"x = [1, 2\ny = 3\n",
     "  File \"FILE\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n"},
    {"x = 3 +\n",
     "  File \"FILE\", line 1\n    x = 3 +\n           ^\nSyntaxError: invalid syntax\n"},
    {"import\n", "  File \"FILE\", line 1\n    import\n          ^\nSyntaxError: invalid syntax\n"},
    {"def f(x=1, y):\n    pass\n",
     "  File \"FILE\", line 1\n    def f(x=1, y):\n               ^\nSyntaxError: non-default "
     "argument follows default argument\n"},
    {"f(x=1, 2)\n", "  File \"FILE\", line 1\n    f(x=1, 2)\n            ^\nSyntaxError: "
                    "positional argument follows keyword argument\n"},
    {"f(**k, *a)\n", "  File \"FILE\", line 1\n    f(**k, *a)\n           ^\nSyntaxError: iterable "
                     "argument unpacking follows keyword argument unpacking\n"},
    {"x = 08\n",
     "  File \"FILE\", line 1\n    x = 08\n        ^\nSyntaxError: leading zeros in decimal "
     "integer literals are not permitted; use an 0o prefix for octal integers\n"},
    {"x = 0x\n",
     "  File \"FILE\", line 1\n    x = 0x\n         ^\nSyntaxError: invalid hexadecimal literal\n"},
    {"x = 1_\n",
     "  File \"FILE\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n"},
    {"x = 1__0\n",
     "  File \"FILE\", line 1\n    x = 1__0\n         ^\nSyntaxError: invalid decimal literal\n"},
    {"if x:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected an "
                      "indented block after 'if' statement on line 1\n"},
    {"a +=  1 = 2\n",
     "  File \"FILE\", line 1\n    a +=  1 = 2\n            ^\nSyntaxError: invalid syntax\n"},
    {"del f()\n", "  File \"FILE\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete "
                  "function call\n"},
    {"for 1 in x: pass\n", "  File \"FILE\", line 1\n    for 1 in x: pass\n        ^\nSyntaxError: "
                           "cannot assign to literal\n"},
    {"x = {'a' 1}\n", "  File \"FILE\", line 1\n    x = {'a' 1}\n         ^^^^^\nSyntaxError: "
                      "invalid syntax. Perhaps you forgot a comma?\n"},
    {"x = {'a': }\n", "  File \"FILE\", line 1\n    x = {'a': }\n            ^\nSyntaxError: "
                      "expression expected after dictionary key and ':'\n"},
    {"a = 1 if b\n", "  File \"FILE\", line 1\n    a = 1 if b\n        ^^^^^^\nSyntaxError: "
                     "expected 'else' after 'if' expression\n"},
    {"f(x for x in y, 1)\n",
     "  File \"FILE\", line 1\n    f(x for x in y, 1)\n      ^^^^^^^^^^^^\nSyntaxError: Generator "
     "expression must be parenthesized\n"},
    {"\tif x:\n", "  File \"FILE\", line 1\n    if x:\nIndentationError: unexpected indent\n"},
    {"if x:\n\tpass\n        pass\n", "  File \"FILE\", line 3\n    pass\nTabError: inconsistent "
                                      "use of tabs and spaces in indentation\n"},
    {"x = \\ 1\n", "  File \"FILE\", line 1\n    x = \\ 1\n         ^\nSyntaxError: unexpected "
                   "character after line continuation character\n"},
    {"x = 5 \\\n", "  File \"FILE\", line 1\n    x = 5 \\\n           ^\nSyntaxError: unexpected "
                   "EOF while parsing\n"},
    {"try:\n    pass\n",
     "  File \"FILE\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n"},
    {"try:\n    pass\nx = 1\n", "  File \"FILE\", line 3\n    x = 1\n    ^\nSyntaxError: expected "
                                "'except' or 'finally' block\n"},
    {"x = 'a' 'b\n", "  File \"FILE\", line 1\n    x = 'a' 'b\n            ^\nSyntaxError: "
                     "unterminated string literal (detected at line 1)\n"},
    {"def f(:\n  pass\n",
     "  File \"FILE\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"},
    {"print('a' + )\n", "  File \"FILE\", line 1\n    print('a' + )\n                "
                        "^\nSyntaxError: invalid syntax\n"},
    {"x ==\n", "  File \"FILE\", line 1\n    x ==\n        ^\nSyntaxError: invalid syntax\n"},
    {"async = 1\n",
     "  File \"FILE\", line 1\n    async = 1\n          ^\nSyntaxError: invalid syntax\n"},
    {"class = 1\n",
     "  File \"FILE\", line 1\n    class = 1\n          ^\nSyntaxError: invalid syntax\n"},
    {"def 1f(): pass\n", "  File \"FILE\", line 1\n    def 1f(): pass\n        ^\nSyntaxError: "
                         "invalid decimal literal\n"},
    {"x = [i for i in]\n", "  File \"FILE\", line 1\n    x = [i for i in]\n                   "
                           "^\nSyntaxError: invalid syntax\n"},
    {"lambda x: yield\n", "  File \"FILE\", line 1\n    lambda x: yield\n              "
                          "^^^^^\nSyntaxError: invalid syntax\n"},
    {"x = 1 +* 2\n",
     "  File \"FILE\", line 1\n    x = 1 +* 2\n           ^\nSyntaxError: invalid syntax\n"},
    {"a, b += 1\n", "  File \"FILE\", line 1\n    a, b += 1\n    ^^^^\nSyntaxError: 'tuple' is an "
                    "illegal expression for augmented assignment\n"},
    {"x = yield = 1\n", "  File \"FILE\", line 1\n    x = yield = 1\n        ^^^^^\nSyntaxError: "
                        "assignment to yield expression not possible\n"},
    {"(a, b): int\n", "  File \"FILE\", line 1\n    (a, b): int\n    ^^^^^^\nSyntaxError: only "
                      "single target (not tuple) can be annotated\n"},
    {"[x, y]: int = 1\n", "  File \"FILE\", line 1\n    [x, y]: int = 1\n    ^^^^^^\nSyntaxError: "
                          "only single target (not list) can be annotated\n"},
    {"f(True=1)\n",
     "  File \"FILE\", line 1\n    f(True=1)\n      ^^^^^\nSyntaxError: cannot assign to True\n"},
    {"f(a+1=2)\n", "  File \"FILE\", line 1\n    f(a+1=2)\n      ^^^^\nSyntaxError: expression "
                   "cannot contain assignment, perhaps you meant \"==\"?\n"},
    {"print(*a for a in b)\n",
     "  File \"FILE\", line 1\n    print(*a for a in b)\n          ^^\nSyntaxError: iterable "
     "unpacking cannot be used in comprehension\n"},
    {"import a.b as\n", "  File \"FILE\", line 1\n    import a.b as\n                 "
                        "^\nSyntaxError: invalid syntax\n"},
    {"from x import (a, b\n", "  File \"FILE\", line 1\n    from x import (a, b\n                  "
                              "^\nSyntaxError: '(' was never closed\n"},
    {"from x import a,\n",
     "  File \"FILE\", line 1\n    from x import a,\n                    ^\nSyntaxError: trailing "
     "comma not allowed without surrounding parentheses\n"},
    {"if True:\n    x = 1\n   y = 2\n",
     "  File \"FILE\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match "
     "any outer indentation level\n"},
    {"x = 5 5\n",
     "  File \"FILE\", line 1\n    x = 5 5\n          ^\nSyntaxError: invalid syntax\n"},
    {"x = 5 y = 6\n",
     "  File \"FILE\", line 1\n    x = 5 y = 6\n          ^\nSyntaxError: invalid syntax\n"},
    {"whle x:\n    pass\n",
     "  File \"FILE\", line 1\n    whle x:\n         ^\nSyntaxError: invalid syntax\n"},
    {"else if x:\n    pass\n",
     "  File \"FILE\", line 1\n    else if x:\n    ^^^^\nSyntaxError: invalid syntax\n"},
    {"if x:\n    pass\nelse if y:\n    pass\n",
     "  File \"FILE\", line 3\n    else if y:\n         ^^\nSyntaxError: expected ':'\n"},
    {"x++\n", "  File \"FILE\", line 1\n    x++\n       ^\nSyntaxError: invalid syntax\n"},
    {"x = [1, 2,, 3]\n",
     "  File \"FILE\", line 1\n    x = [1, 2,, 3]\n              ^\nSyntaxError: invalid syntax\n"},
    {"def class():\n    pass\n",
     "  File \"FILE\", line 1\n    def class():\n        ^^^^^\nSyntaxError: invalid syntax\n"},
    {"print(\"a\" \"b\" c)\n",
     "  File \"FILE\", line 1\n    print(\"a\" \"b\" c)\n          ^^^^^^^^^\nSyntaxError: invalid "
     "syntax. Perhaps you forgot a comma?\n"},
    {"x: int = \n",
     "  File \"FILE\", line 1\n    x: int = \n             ^\nSyntaxError: invalid syntax\n"},
    {"def f(*):\n    pass\n", "  File \"FILE\", line 1\n    def f(*):\n          ^\nSyntaxError: "
                              "named arguments must follow bare *\n"},
    {"foo(\n", "  File \"FILE\", line 1\n    foo(\n       ^\nSyntaxError: '(' was never closed\n"},
    {"if x == 1 and:\n    pass\n", "  File \"FILE\", line 1\n    if x == 1 and:\n                 "
                                   "^\nSyntaxError: invalid syntax\n"},
    {"for i in range(10) print(i)\n", "  File \"FILE\", line 1\n    for i in range(10) print(i)\n  "
                                      "                     ^^^^^\nSyntaxError: invalid syntax\n"},
    {"while x = 5:\n    pass\n",
     "  File \"FILE\", line 1\n    while x = 5:\n          ^^^^^\nSyntaxError: invalid syntax. "
     "Maybe you meant '==' or ':=' instead of '='?\n"},
    {"def f(a, b) -> int\n    pass\n", "  File \"FILE\", line 1\n    def f(a, b) -> int\n          "
                                       "            ^\nSyntaxError: expected ':'\n"},
    {"class A(object)\n    pass\n", "  File \"FILE\", line 1\n    class A(object)\n                "
                                    "   ^\nSyntaxError: expected ':'\n"},
    {"x = {'a': 1, 'b'}\n", "  File \"FILE\", line 1\n    x = {'a': 1, 'b'}\n                   "
                            "^\nSyntaxError: ':' expected after dictionary key\n"},
    {"f(x) = 3\n", "  File \"FILE\", line 1\n    f(x) = 3\n    ^^^^\nSyntaxError: cannot assign to "
                   "function call here. Maybe you meant '==' instead of '='?\n"},
    {"x + 1 = 2\n", "  File \"FILE\", line 1\n    x + 1 = 2\n    ^^^^^\nSyntaxError: cannot assign "
                    "to expression here. Maybe you meant '==' instead of '='?\n"},
    {"None = 1\n",
     "  File \"FILE\", line 1\n    None = 1\n    ^^^^\nSyntaxError: cannot assign to None\n"},
    {"a, f() = 1, 2\n",
     "  File \"FILE\", line 1\n    a, f() = 1, 2\n       ^^^\nSyntaxError: cannot assign to "
     "function call here. Maybe you meant '==' instead of '='?\n"},
    {"f() = x = 1\n", "  File \"FILE\", line 1\n    f() = x = 1\n    ^^^\nSyntaxError: cannot "
                      "assign to function call\n"},
    {"[a, 1] = x\n",
     "  File \"FILE\", line 1\n    [a, 1] = x\n        ^\nSyntaxError: cannot assign to literal\n"},
    {"x = 1 = 2\n",
     "  File \"FILE\", line 1\n    x = 1 = 2\n        ^\nSyntaxError: cannot assign to literal\n"},
    {"def f:\n    pass\n",
     "  File \"FILE\", line 1\n    def f:\n         ^\nSyntaxError: expected '('\n"},
    {"def f(x y):\n    pass\n",
     "  File \"FILE\", line 1\n    def f(x y):\n            ^\nSyntaxError: invalid syntax\n"},
    {"try:\n    x\nexcept\n    pass\n",
     "  File \"FILE\", line 3\n    except\n          ^\nSyntaxError: expected ':'\n"},
    {"try:\n    x\nexcept ValueError, e:\n    pass\n",
     "  File \"FILE\", line 3\n    except ValueError, e:\n           ^^^^^^^^^^^^^\nSyntaxError: "
     "multiple exception types must be parenthesized\n"},
    {"try:\n    x\nfinally\n    pass\n",
     "  File \"FILE\", line 3\n    finally\n           ^\nSyntaxError: expected ':'\n"},
    {"with open(f) as g\n    pass\n", "  File \"FILE\", line 1\n    with open(f) as g\n            "
                                      "         ^\nSyntaxError: expected ':'\n"},
    {"if x:\n    pass\nelif y\n    pass\n",
     "  File \"FILE\", line 3\n    elif y\n          ^\nSyntaxError: expected ':'\n"},
    {"if x:\n    pass\nelse\n    pass\n",
     "  File \"FILE\", line 3\n    else\n        ^\nSyntaxError: expected ':'\n"},
    {"for x in y:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected "
                            "an indented block after 'for' statement on line 1\n"},
    {"while x:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected an "
                         "indented block after 'while' statement on line 1\n"},
    {"class A:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected an "
                         "indented block after class definition on line 1\n"},
    {"try:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected an "
                     "indented block after 'try' statement on line 1\n"},
    {"with a:\npass\n", "  File \"FILE\", line 2\n    pass\n    ^\nIndentationError: expected an "
                        "indented block after 'with' statement on line 1\n"},
    {"if x:\n    pass\nelse:\npass\n",
     "  File \"FILE\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after "
     "'else' statement on line 3\n"},
    {"x = (1 2)\n", "  File \"FILE\", line 1\n    x = (1 2)\n         ^^^\nSyntaxError: invalid "
                    "syntax. Perhaps you forgot a comma?\n"},
    {"x = [a b c]\n", "  File \"FILE\", line 1\n    x = [a b c]\n         ^^^\nSyntaxError: "
                      "invalid syntax. Perhaps you forgot a comma?\n"},
    {"print(f\"{x\")\n", "  File \"FILE\", line 1\n    print(f\"{x\")\n               "
                         "^\nSyntaxError: f-string: expecting '}'\n"},
    {"f'{}'\n", "  File \"FILE\", line 1\n    f'{}'\n         ^\nSyntaxError: f-string: empty "
                "expression not allowed\n"},
    {"f'{x}}'\n", "  File \"FILE\", line 1\n    f'{x}}'\n           ^\nSyntaxError: f-string: "
                  "single '}' is not allowed\n"},
    {"f'{'\n",
     "  File \"FILE\", line 1\n    f'{'\n        ^\nSyntaxError: f-string: expecting '}'\n"},
    {"f'}'\n", "  File \"FILE\", line 1\n    f'}'\n        ^\nSyntaxError: f-string: single '}' is "
               "not allowed\n"},
    {"f'{x!}'\n", "  File \"FILE\", line 1\n    f'{x!}'\n           ^\nSyntaxError: f-string: "
                  "invalid conversion character: expected 's', 'r', or 'a'\n"},
    {"return x y\n",
     "  File \"FILE\", line 1\n    return x y\n             ^\nSyntaxError: invalid syntax\n"},
    {"x = 1\nif x:\n    y = 2\n  z = 3\n",
     "  File \"FILE\", line 4\n    z = 3\n         ^\nIndentationError: unindent does not match "
     "any outer indentation level\n"},
    {"def f():\n    x = 1\n     y = 2\n",
     "  File \"FILE\", line 3\n    y = 2\nIndentationError: unexpected indent\n"},
    {"def f():\n  return\n\n  x = (\n",
     "  File \"FILE\", line 4\n    x = (\n        ^\nSyntaxError: '(' was never closed\n"},
    {"x = (1 +\n  2 = 3)\n",
     "  File \"FILE\", line 1\n    x = (1 +\n         ^^^\nSyntaxError: cannot assign to "
     "expression here. Maybe you meant '==' instead of '='?\n"},
    {"print(1, 2\nprint(3)\n",
     "  File \"FILE\", line 1\n    print(1, 2\n         ^\nSyntaxError: '(' was never closed\n"},
    {"d = {'a': 1\nprint(d)\n",
     "  File \"FILE\", line 1\n    d = {'a': 1\n        ^\nSyntaxError: '{' was never closed\n"},
    {"x = [\n  1,\n  2\n",
     "  File \"FILE\", line 1\n    x = [\n        ^\nSyntaxError: '[' was never closed\n"},
    {"x = 3 $ 4\n",
     "  File \"FILE\", line 1\n    x = 3 $ 4\n          ^\nSyntaxError: invalid syntax\n"},
    {"x = a ? b : c\n",
     "  File \"FILE\", line 1\n    x = a ? b : c\n          ^\nSyntaxError: invalid syntax\n"},
    {"x = !a\n", "  File \"FILE\", line 1\n    x = !a\n        ^\nSyntaxError: invalid syntax\n"},
    {"x = 1\n\n\n  y = 2\n",
     "  File \"FILE\", line 4\n    y = 2\nIndentationError: unexpected indent\n"},
    {"x = 'abc\" \n", "  File \"FILE\", line 1\n    x = 'abc\" \n        ^\nSyntaxError: "
                      "unterminated string literal (detected at line 1)\n"},
    {"if x:\n    y = 1\n        z = 2\n",
     "  File \"FILE\", line 3\n    z = 2\nIndentationError: unexpected indent\n"},
    {"x = 1 if y else\n", "  File \"FILE\", line 1\n    x = 1 if y else\n                   "
                          "^\nSyntaxError: invalid syntax\n"},
    {"import os,\n",
     "  File \"FILE\", line 1\n    import os,\n              ^\nSyntaxError: invalid syntax\n"},
    {"from os import\n", "  File \"FILE\", line 1\n    from os import\n                  "
                         "^\nSyntaxError: invalid syntax\n"},
    {"from . import\n", "  File \"FILE\", line 1\n    from . import\n                 "
                        "^\nSyntaxError: invalid syntax\n"},
    {"x = lambda: yield\n", "  File \"FILE\", line 1\n    x = lambda: yield\n                "
                            "^^^^^\nSyntaxError: invalid syntax\n"},
    {"lambda x=1, y: x\n", "  File \"FILE\", line 1\n    lambda x=1, y: x\n                "
                           "^\nSyntaxError: non-default argument follows default argument\n"},
    {"def f(**k, a):\n    pass\n",
     "  File \"FILE\", line 1\n    def f(**k, a):\n               ^\nSyntaxError: arguments cannot "
     "follow var-keyword argument\n"},
    {"def f(*a, *b):\n    pass\n", "  File \"FILE\", line 1\n    def f(*a, *b):\n              "
                                   "^\nSyntaxError: * argument may appear only once\n"},
    {"def f(*, **k):\n    pass\n", "  File \"FILE\", line 1\n    def f(*, **k):\n          "
                                   "^\nSyntaxError: named arguments must follow bare *\n"},
    {"del 1\n",
     "  File \"FILE\", line 1\n    del 1\n        ^\nSyntaxError: cannot delete literal\n"},
    {"del x + 1\n", "  File \"FILE\", line 1\n    del x + 1\n        ^^^^^\nSyntaxError: cannot "
                    "delete expression\n"},
    {"del (a, f())\n", "  File \"FILE\", line 1\n    del (a, f())\n            ^^^\nSyntaxError: "
                       "cannot delete function call\n"},
    {"with a as 1:\n    pass\n", "  File \"FILE\", line 1\n    with a as 1:\n              "
                                 "^\nSyntaxError: cannot assign to literal\n"},
    {"for x, f() in y:\n    pass\n", "  File \"FILE\", line 1\n    for x, f() in y:\n           "
                                     "^^^\nSyntaxError: cannot assign to function call\n"},
    {"x = [*a for a in b]\n",
     "  File \"FILE\", line 1\n    x = [*a for a in b]\n         ^^\nSyntaxError: iterable "
     "unpacking cannot be used in comprehension\n"},
    {"x = {**a for a in b}\n",
     "  File \"FILE\", line 1\n    x = {**a for a in b}\n         ^^\nSyntaxError: dict unpacking "
     "cannot be used in dict comprehension\n"},
    {"x = {a: *b}\n", "  File \"FILE\", line 1\n    x = {a: *b}\n            ^^\nSyntaxError: "
                      "cannot use a starred expression in a dictionary value\n"},
    {"x = (*a)\n", "  File \"FILE\", line 1\n    x = (*a)\n         ^^\nSyntaxError: cannot use "
                   "starred expression here\n"},
    {"x = (**a)\n", "  File \"FILE\", line 1\n    x = (**a)\n         ^^\nSyntaxError: cannot use "
                    "double starred expression here\n"},
    {"f(a for a in b for)\n", "  File \"FILE\", line 1\n    f(a for a in b for)\n                  "
                              "    ^\nSyntaxError: invalid syntax\n"},
    {"[x, y for x in z]\n",
     "  File \"FILE\", line 1\n    [x, y for x in z]\n     ^^^^\nSyntaxError: did you forget "
     "parentheses around the comprehension target?\n"},
    {"x = 1 if 2\n", "  File \"FILE\", line 1\n    x = 1 if 2\n        ^^^^^^\nSyntaxError: "
                     "expected 'else' after 'if' expression\n"},
    {"x = 1 if 2 else\n", "  File \"FILE\", line 1\n    x = 1 if 2 else\n                   "
                          "^\nSyntaxError: invalid syntax\n"},
    {"assert\n", "  File \"FILE\", line 1\n    assert\n          ^\nSyntaxError: invalid syntax\n"},
    {"raise from x\n",
     "  File \"FILE\", line 1\n    raise from x\n          ^^^^\nSyntaxError: invalid syntax\n"},
    {"global\n", "  File \"FILE\", line 1\n    global\n          ^\nSyntaxError: invalid syntax\n"},
    {"nonlocal x,\n",
     "  File \"FILE\", line 1\n    nonlocal x,\n               ^\nSyntaxError: invalid syntax\n"},
    {"def f(/, a):\n    pass\n", "  File \"FILE\", line 1\n    def f(/, a):\n          "
                                 "^\nSyntaxError: at least one argument must precede /\n"},
    {"class A(x for x in y):\n    pass\n", "  File \"FILE\", line 1\n    class A(x for x in y):\n  "
                                           "            ^^^\nSyntaxError: invalid syntax\n"},
    {"@\ndef f(): pass\n", "  File \"FILE\", line 1\n    @\n     ^\nSyntaxError: invalid syntax\n"},
    {"@dec\nx = 1\n", "  File \"FILE\", line 2\n    x = 1\n    ^\nSyntaxError: invalid syntax\n"},
    {"async x = 1\n",
     "  File \"FILE\", line 1\n    async x = 1\n          ^\nSyntaxError: invalid syntax\n"},
    {"async def f():\n    async with a as b\n        pass\n",
     "  File \"FILE\", line 2\n    async with a as b\n                     ^\nSyntaxError: "
     "expected ':'\n"},
    {"x = 0o\n",
     "  File \"FILE\", line 1\n    x = 0o\n         ^\nSyntaxError: invalid octal literal\n"},
    {"x = 0b\n",
     "  File \"FILE\", line 1\n    x = 0b\n         ^\nSyntaxError: invalid binary literal\n"},
    {"x = 0xg\n", "  File \"FILE\", line 1\n    x = 0xg\n         ^\nSyntaxError: invalid "
                  "hexadecimal literal\n"},
    {"x = 1.5.2\n",
     "  File \"FILE\", line 1\n    x = 1.5.2\n           ^^\nSyntaxError: invalid syntax\n"},
    {"x = 1e+\n",
     "  File \"FILE\", line 1\n    x = 1e+\n          ^\nSyntaxError: invalid decimal literal\n"},
    {"x = .5e\n",
     "  File \"FILE\", line 1\n    x = .5e\n         ^\nSyntaxError: invalid decimal literal\n"},
    {"x = 1_000_\n", "  File \"FILE\", line 1\n    x = 1_000_\n             ^\nSyntaxError: "
                     "invalid decimal literal\n"},
    {"x = 0_7\n",
     "  File \"FILE\", line 1\n    x = 0_7\n        ^^\nSyntaxError: leading zeros in decimal "
     "integer literals are not permitted; use an 0o prefix for octal integers\n"},
    {"x = 1__2\n",
     "  File \"FILE\", line 1\n    x = 1__2\n         ^\nSyntaxError: invalid decimal literal\n"},
    {"x = \"\"\"abc\n\ndef\n",
     "  File \"FILE\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated "
     "triple-quoted string literal (detected at line 3)\n"},
    {"'\n", "  File \"FILE\", line 1\n    '\n    ^\nSyntaxError: unterminated string literal "
            "(detected at line 1)\n"},
    {"\"\"\"\n", "  File \"FILE\", line 1\n    \"\"\"\n    ^\nSyntaxError: unterminated "
                 "triple-quoted string literal (detected at line 1)\n"},
    {"x = u'a' b'b'\n", "  File \"FILE\", line 1\n    x = u'a' b'b'\n                 "
                        "^\nSyntaxError: cannot mix bytes and nonbytes literals\n"},
    {"x = rb'a' 'b'\n", "  File \"FILE\", line 1\n    x = rb'a' 'b'\n                 "
                        "^\nSyntaxError: cannot mix bytes and nonbytes literals\n"},
    {"x = '\\x4'\n",
     "  File \"FILE\", line 1\n    x = '\\x4'\n             ^\nSyntaxError: (unicode error) "
     "'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape\n"},
    {"x = '\\u12'\n",
     "  File \"FILE\", line 1\n    x = '\\u12'\n              ^\nSyntaxError: (unicode error) "
     "'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape\n"},
    {"中文 = 1\nprint(中文 1)\n",
     "  File \"FILE\", line 2\n    print(中文 1)\n          ^^^^^^^^\nSyntaxError: invalid syntax. "
     "Perhaps you forgot a comma?\n"},
    {"print（'hi'）\n", "  File \"FILE\", line 1\n    print（'hi'）\n         ^\nSyntaxError: "
                        "invalid character '（' (U+FF08)\n"},
    {"x = 1；\n", "  File \"FILE\", line 1\n    x = 1；\n         ^\nSyntaxError: invalid "
                  "character '；' (U+FF1B)\n"},
    {"if x：\n    pass\n", "  File \"FILE\", line 1\n    if x：\n        ^\nSyntaxError: invalid "
                           "character '：' (U+FF1A)\n"},
    {"x = “hi”\n", "  File \"FILE\", line 1\n    x = “hi”\n        ^\nSyntaxError: invalid "
                   "character '“' (U+201C)\n"},
    {"x = 5　+ 1\n", "  File \"FILE\", line 1\n    x = 5　+ 1\n         ^\nSyntaxError: invalid "
                     "non-printable character U+3000\n"},
    {"x​ = 1\n", "  File \"FILE\", line 1\n    x​ = 1\n     ^\nSyntaxError: invalid "
                   "non-printable character U+200B\n"},
    {"(\n", "  File \"FILE\", line 1\n    (\n    ^\nSyntaxError: '(' was never closed\n"},
    {")\n", "  File \"FILE\", line 1\n    )\n    ^\nSyntaxError: unmatched ')'\n"},
    {"]\n", "  File \"FILE\", line 1\n    ]\n    ^\nSyntaxError: unmatched ']'\n"},
    {"}\n", "  File \"FILE\", line 1\n    }\n    ^\nSyntaxError: unmatched '}'\n"},
    {"x = {[}\n", "  File \"FILE\", line 1\n    x = {[}\n          ^\nSyntaxError: closing "
                  "parenthesis '}' does not match opening parenthesis '['\n"},
    {"x = [(])\n", "  File \"FILE\", line 1\n    x = [(])\n          ^\nSyntaxError: closing "
                   "parenthesis ']' does not match opening parenthesis '('\n"},
    {"x = (\n1,\n2]\n", "  File \"FILE\", line 3\n    2]\n     ^\nSyntaxError: closing parenthesis "
                        "']' does not match opening parenthesis '(' on line 1\n"},
    {"def f(\n  a,\n  b\n:\n  pass\n",
     "  File \"FILE\", line 1\n    def f(\n         ^\nSyntaxError: '(' was never closed\n"},
    {"if x:\n    pass\n  else:\n    pass\n",
     "  File \"FILE\", line 3\n    else:\n         ^\nIndentationError: unindent does not match "
     "any outer indentation level\n"},
    {"for x in range(3):\n    print(x)\n  print(y)\n",
     "  File \"FILE\", line 3\n    print(y)\n            ^\nIndentationError: unindent does not "
     "match any outer indentation level\n"},
    {"x = 1\n\tx = 2\n",
     "  File \"FILE\", line 2\n    x = 2\nIndentationError: unexpected indent\n"},
    {"x := 5\n", "  File \"FILE\", line 1\n    x := 5\n      ^^\nSyntaxError: invalid syntax\n"},
    {"type X = int\n",
     "  File \"FILE\", line 1\n    type X = int\n         ^\nSyntaxError: invalid syntax\n"},
    {"def f[T](x): pass\n",
     "  File \"FILE\", line 1\n    def f[T](x): pass\n         ^\nSyntaxError: expected '('\n"},
    {"print 'hello'\n",
     "  File \"FILE\", line 1\n    print 'hello'\n    ^^^^^^^^^^^^^\nSyntaxError: Missing "
     "parentheses in call to 'print'. Did you mean print(...)?\n"},
    {"print x\n", "  File \"FILE\", line 1\n    print x\n    ^^^^^^^\nSyntaxError: Missing "
                  "parentheses in call to 'print'. Did you mean print(...)?\n"},
    {"exec \"x\"\n", "  File \"FILE\", line 1\n    exec \"x\"\n    ^^^^^^^^\nSyntaxError: Missing "
                     "parentheses in call to 'exec'. Did you mean exec(...)?\n"},
    {"print(x) y\n",
     "  File \"FILE\", line 1\n    print(x) y\n             ^\nSyntaxError: invalid syntax\n"},
    {"print (x) y\n",
     "  File \"FILE\", line 1\n    print (x) y\n              ^\nSyntaxError: invalid syntax\n"},
    {"if x\n", "  File \"FILE\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"},
    {"if (x\n",
     "  File \"FILE\", line 1\n    if (x\n       ^\nSyntaxError: '(' was never closed\n"},
    {"def f():\n    '''doc\n", "  File \"FILE\", line 2\n    '''doc\n    ^\nSyntaxError: "
                               "unterminated triple-quoted string literal (detected at line 2)\n"},
};

Test(diag, syntax_errors_print_like_cpython) {
    for (size_t i = 0; i < sizeof displays / sizeof displays[0]; i++) {
        Ast ast;
        const char *src = displays[i].src;
        cr_expect(!ast_parse(&ast, src, strlen(src)));
        char out[2048];
        diag_format(&ast.diag, "FILE", src, strlen(src), out, sizeof out);
        cr_expect_str_eq(out, displays[i].text, "source:\n%s", src);
        ast_free(&ast);
    }
}

Test(diag, unsupported_names_file_line_and_column) {
    Ast ast;
    const char *src = "# 中文\ny = '中' + b'x'\n";
    cr_expect(!ast_parse(&ast, src, strlen(src)));
    char out[512];
    diag_format(&ast.diag, "s.py", src, strlen(src), out, sizeof out);
    cr_expect_str_eq(out, "s.py:2:11: bytes literals is not supported by loopscope\n"
                          "    y = '中' + b'x'\n"
                          "              ^\n");
    ast_free(&ast);
}

Test(diag, output_is_truncated_to_capacity) {
    Diag d = {DIAG_SYNTAX, 1, 1, 1, 2, "invalid syntax"};
    char out[8];
    size_t n = diag_format(&d, "f.py", "x y\n", 4, out, sizeof out);
    cr_expect_eq(strlen(out), 7);
    cr_expect_gt(n, 7, "the full length is returned");
}

Test(diag, kind_names) {
    cr_expect_str_eq(diag_kind_name(DIAG_SYNTAX), "SyntaxError");
    cr_expect_str_eq(diag_kind_name(DIAG_INDENT), "IndentationError");
    cr_expect_str_eq(diag_kind_name(DIAG_TAB), "TabError");
}
