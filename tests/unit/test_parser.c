/*
 * test_parser.c - the parser against CPython 3.11: trees compared with the strings
 * Python's ast.dump(ast.parse(src)) prints, syntax errors compared with the message and
 * position `python3 file.py` reports (tables generated with python3 3.11.7), unsupported
 * constructs, and a fuzz loop that must never crash.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parser_internal.h"

/* Parses src and returns ast_dump of the tree (or the diagnostic's message). */
static char *dump_of(const char *src, bool positions) {
    Ast ast;
    char *s;
    if (ast_parse(&ast, src, strlen(src))) {
        s = ast_dump_ex(ast.root, positions);
    } else {
        s = malloc(sizeof ast.diag.message + 8);
        snprintf(s, sizeof ast.diag.message + 8, "ERROR %s", ast.diag.message);
    }
    ast_free(&ast);
    return s;
}

/* (source, ast.dump of it) - generated with python3 3.11.7 */
static const struct {
    const char *src, *dump;
} dumps[] = {
    {"x = 1\nprint(x + 2 * 3 - 4 / 5 // 6 % 7 ** 8)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
     "Expr(value=Call(func=Name(id='print', ctx=Load()), args=[BinOp(left=BinOp(left=Name(id='x', "
     "ctx=Load()), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), "
     "right=Constant(value=3))), op=Sub(), "
     "right=BinOp(left=BinOp(left=BinOp(left=Constant(value=4), op=Div(), "
     "right=Constant(value=5)), op=FloorDiv(), right=Constant(value=6)), op=Mod(), "
     "right=BinOp(left=Constant(value=7), op=Pow(), right=Constant(value=8))))], keywords=[]))], "
     "type_ignores=[])"},
    {"a, b = b, a\n[x, *y] = z\nx = y = z = 0\n(a, b), c = t\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', "
     "ctx=Store())], ctx=Store())], value=Tuple(elts=[Name(id='b', ctx=Load()), Name(id='a', "
     "ctx=Load())], ctx=Load())), Assign(targets=[List(elts=[Name(id='x', ctx=Store()), "
     "Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='z', "
     "ctx=Load())), Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store()), "
     "Name(id='z', ctx=Store())], value=Constant(value=0)), "
     "Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', "
     "ctx=Store())], ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], value=Name(id='t', "
     "ctx=Load()))], type_ignores=[])"},
    {"x += 1\nx.y -= 2\nx[0] *= 3\nx **= 2\nx //= 3\nx @= m\nx |= 1\nx ^= 2\nx &= 3\nx <<= 1\nx "
     ">>= 2\nx %= 3\nx /= 2\n",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), "
     "AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), op=Sub(), "
     "value=Constant(value=2)), AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), "
     "slice=Constant(value=0), ctx=Store()), op=Mult(), value=Constant(value=3)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=2)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=3)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), value=Name(id='m', ctx=Load())), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=BitOr(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=BitXor(), value=Constant(value=2)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=BitAnd(), value=Constant(value=3)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=LShift(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=RShift(), value=Constant(value=2)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=Mod(), value=Constant(value=3)), "
     "AugAssign(target=Name(id='x', ctx=Store()), op=Div(), value=Constant(value=2))], "
     "type_ignores=[])"},
    {"def f(a, b=1, *args, c, d=2, **kw) -> int:\n    '''doc'''\n    return a + b\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), "
     "arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], "
     "kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), "
     "body=[Expr(value=Constant(value='doc')), Return(value=BinOp(left=Name(id='a', ctx=Load()), "
     "op=Add(), right=Name(id='b', ctx=Load())))], decorator_list=[], returns=Name(id='int', "
     "ctx=Load()))], type_ignores=[])"},
    {"def g(a, /, b, *, c):\n    pass\nlambda: 0\nlambda x, y=2, *a, z, **k: x\n",
     "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[arg(arg='a')], "
     "args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), "
     "body=[Pass()], decorator_list=[]), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], "
     "kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))), "
     "Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(arg='y')], "
     "vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_defaults=[None], kwarg=arg(arg='k'), "
     "defaults=[Constant(value=2)]), body=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {"async def main():\n    await asyncio.sleep(1)\n    async with lock as l:\n        pass\n    "
     "async for i in aiter():\n        print(i)\n    r = [x async for x in g()]\n",
     "Module(body=[AsyncFunctionDef(name='main', args=arguments(posonlyargs=[], args=[], "
     "kwonlyargs=[], kw_defaults=[], defaults=[]), "
     "body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), "
     "attr='sleep', ctx=Load()), args=[Constant(value=1)], keywords=[]))), "
     "AsyncWith(items=[withitem(context_expr=Name(id='lock', ctx=Load()), "
     "optional_vars=Name(id='l', ctx=Store()))], body=[Pass()]), AsyncFor(target=Name(id='i', "
     "ctx=Store()), iter=Call(func=Name(id='aiter', ctx=Load()), args=[], keywords=[]), "
     "body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='i', ctx=Load())], "
     "keywords=[]))], orelse=[]), Assign(targets=[Name(id='r', ctx=Store())], "
     "value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', "
     "ctx=Store()), iter=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[]), ifs=[], "
     "is_async=1)]))], decorator_list=[])], type_ignores=[])"},
    {"class A(B, C):\n    x = 1\n    def __init__(self):\n        super().__init__()\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], "
     "keywords=[], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
     "FunctionDef(name='__init__', args=arguments(posonlyargs=[], args=[arg(arg='self')], "
     "kwonlyargs=[], kw_defaults=[], defaults=[]), "
     "body=[Expr(value=Call(func=Attribute(value=Call(func=Name(id='super', ctx=Load()), args=[], "
     "keywords=[]), attr='__init__', ctx=Load()), args=[], keywords=[]))], decorator_list=[])], "
     "decorator_list=[])], type_ignores=[])"},
    {"@dec\n@dec2(1)\ndef f():\n    pass\n@cls_dec\nclass K:\n    pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()), "
     "Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])]), "
     "ClassDef(name='K', bases=[], keywords=[], body=[Pass()], decorator_list=[Name(id='cls_dec', "
     "ctx=Load())])], type_ignores=[])"},
    {"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', "
     "ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"},
    {"while x < 10:\n    x += 1\n    if x == 5:\n        break\n    continue\nelse:\n    "
     "print('done')\n",
     "Module(body=[While(test=Compare(left=Name(id='x', ctx=Load()), ops=[Lt()], "
     "comparators=[Constant(value=10)]), body=[AugAssign(target=Name(id='x', ctx=Store()), "
     "op=Add(), value=Constant(value=1)), If(test=Compare(left=Name(id='x', ctx=Load()), "
     "ops=[Eq()], comparators=[Constant(value=5)]), body=[Break()], orelse=[]), Continue()], "
     "orelse=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value='done')], "
     "keywords=[]))])], type_ignores=[])"},
    {"for i, (a, b) in enumerate(pairs):\n    print(i)\nelse:\n    pass\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='a', "
     "ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], ctx=Store()), "
     "iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='pairs', ctx=Load())], "
     "keywords=[]), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='i', "
     "ctx=Load())], keywords=[]))], orelse=[Pass()])], type_ignores=[])"},
    {"try:\n    f()\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    "
     "pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    cleanup()\n",
     "Module(body=[Try(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], "
     "keywords=[]))], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), name='e', "
     "body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='e', ctx=Load())], "
     "keywords=[]))]), ExceptHandler(type=Tuple(elts=[Name(id='TypeError', ctx=Load()), "
     "Name(id='KeyError', ctx=Load())], ctx=Load()), body=[Pass()]), "
     "ExceptHandler(body=[Raise()])], orelse=[Pass()], "
     "finalbody=[Expr(value=Call(func=Name(id='cleanup', ctx=Load()), args=[], keywords=[]))])], "
     "type_ignores=[])"},
    {"with open('f') as f, open('g') as g:\n    pass\nwith (a as b, c as d,):\n    pass\nwith (a, "
     "b):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), "
     "args=[Constant(value='f')], keywords=[]), optional_vars=Name(id='f', ctx=Store())), "
     "withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Constant(value='g')], "
     "keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()]), "
     "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', "
     "ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', "
     "ctx=Store()))], body=[Pass()]), With(items=[withitem(context_expr=Name(id='a', ctx=Load())), "
     "withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"raise ValueError('x') from None\nassert x, 'msg'\ndel a, b[0], c.d\ndel (a, b)\nglobal x, "
     "y\n",
     "Module(body=[Raise(exc=Call(func=Name(id='ValueError', ctx=Load()), "
     "args=[Constant(value='x')], keywords=[]), cause=Constant(value=None)), "
     "Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')), "
     "Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), "
     "slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', "
     "ctx=Del())]), Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], "
     "ctx=Del())]), Global(names=['x', 'y'])], type_ignores=[])"},
    {"import os\nimport os.path as p, sys\nfrom . import x\nfrom ..a.b import (c as d, e,)\nfrom m "
     "import *\n",
     "Module(body=[Import(names=[alias(name='os')]), Import(names=[alias(name='os.path', "
     "asname='p'), alias(name='sys')]), ImportFrom(names=[alias(name='x')], level=1), "
     "ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=2), "
     "ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[])"},
    {"x = [i * 2 for i in range(10) if i % 2 if i > 3]\ny = {k: v for k, v in d.items()}\nz = {i "
     "for i in s}\ng = (i for i in s for j in t)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=ListComp(elt=BinOp(left=Name(id='i', ctx=Load()), op=Mult(), right=Constant(value=2)), "
     "generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', "
     "ctx=Load()), args=[Constant(value=10)], keywords=[]), ifs=[BinOp(left=Name(id='i', "
     "ctx=Load()), op=Mod(), right=Constant(value=2)), Compare(left=Name(id='i', ctx=Load()), "
     "ops=[Gt()], comparators=[Constant(value=3)])], is_async=0)])), Assign(targets=[Name(id='y', "
     "ctx=Store())], value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), "
     "generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', "
     "ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), "
     "attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)])), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=SetComp(elt=Name(id='i', ctx=Load()), "
     "generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='s', ctx=Load()), "
     "ifs=[], is_async=0)])), Assign(targets=[Name(id='g', ctx=Store())], "
     "value=GeneratorExp(elt=Name(id='i', ctx=Load()), "
     "generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='s', ctx=Load()), "
     "ifs=[], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Name(id='t', "
     "ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"print(*args, sep='', **kw)\nf(x for x in y)\nf(a)(b)[c].d\n",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), "
     "args=[Starred(value=Name(id='args', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', "
     "value=Constant(value='')), keyword(value=Name(id='kw', ctx=Load()))])), "
     "Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', "
     "ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
     "ctx=Load()), ifs=[], is_async=0)])], keywords=[])), "
     "Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), "
     "args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], "
     "keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], "
     "type_ignores=[])"},
    {"x = a if b else c\ny = not a and b or c\nz = a < b <= c != d == e > f >= g\nw = a in b not "
     "in c is d is not e\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', "
     "ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load()))), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=BoolOp(op=Or(), values=[BoolOp(op=And(), "
     "values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]), "
     "Name(id='c', ctx=Load())])), Assign(targets=[Name(id='z', ctx=Store())], "
     "value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), Eq(), Gt(), GtE()], "
     "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), "
     "Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load())])), "
     "Assign(targets=[Name(id='w', ctx=Store())], value=Compare(left=Name(id='a', ctx=Load()), "
     "ops=[In(), NotIn(), Is(), IsNot()], comparators=[Name(id='b', ctx=Load()), Name(id='c', "
     "ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load())]))], type_ignores=[])"},
    {"s = a[1:2]\ns = a[::2]\ns = a[:]\ns = a[1:2, 3]\ns = a[x, y]\ns = a[-1]\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=Subscript(value=Name(id='a', "
     "ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load())), "
     "Assign(targets=[Name(id='s', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Slice(step=Constant(value=2)), ctx=Load())), Assign(targets=[Name(id='s', "
     "ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load())), "
     "Assign(targets=[Name(id='s', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
     "Constant(value=3)], ctx=Load()), ctx=Load())), Assign(targets=[Name(id='s', ctx=Store())], "
     "value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), "
     "Name(id='y', ctx=Load())], ctx=Load()), ctx=Load())), Assign(targets=[Name(id='s', "
     "ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=UnaryOp(op=USub(), "
     "operand=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
    {"d = {}\nd = {'a': 1, **b}\ns = {1, 2, *c}\nt = ()\nt = (1,)\nt = 1, 2\nl = []\n",
     "Module(body=[Assign(targets=[Name(id='d', ctx=Store())], value=Dict(keys=[], values=[])), "
     "Assign(targets=[Name(id='d', ctx=Store())], value=Dict(keys=[Constant(value='a'), None], "
     "values=[Constant(value=1), Name(id='b', ctx=Load())])), Assign(targets=[Name(id='s', "
     "ctx=Store())], value=Set(elts=[Constant(value=1), Constant(value=2), "
     "Starred(value=Name(id='c', ctx=Load()), ctx=Load())])), Assign(targets=[Name(id='t', "
     "ctx=Store())], value=Tuple(elts=[], ctx=Load())), Assign(targets=[Name(id='t', "
     "ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load())), "
     "Assign(targets=[Name(id='t', ctx=Store())], value=Tuple(elts=[Constant(value=1), "
     "Constant(value=2)], ctx=Load())), Assign(targets=[Name(id='l', ctx=Store())], "
     "value=List(elts=[], ctx=Load()))], type_ignores=[])"},
    {"x = 'abc' \"def\"\ny = '''multi\nline'''\nz = r'\\n' 'a\\tb'\nw = 'café 中文'\nq = "
     "'\\x41\\u0042\\U00000043\\101'\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abcdef')), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value='multi\\nline')), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value='\\\\na\\tb')), "
     "Assign(targets=[Name(id='w', ctx=Store())], value=Constant(value='café 中文')), "
     "Assign(targets=[Name(id='q', ctx=Store())], value=Constant(value='ABCA'))], "
     "type_ignores=[])"},
    {"x = f'a{b}c{d!r}e{f:>10}g{h!s:{w}.{p}}'\ny = f'{x=}'\nz = f'{{}}' f'{a}' 'b'\nv = f'{x = "
     "}'\nu = f'{x=:>5}'\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), "
     "conversion=-1), Constant(value='c'), FormattedValue(value=Name(id='d', ctx=Load()), "
     "conversion=114), Constant(value='e'), FormattedValue(value=Name(id='f', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')])), Constant(value='g'), "
     "FormattedValue(value=Name(id='h', ctx=Load()), conversion=115, "
     "format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), "
     "Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1)]))])), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=JoinedStr(values=[Constant(value='{}'), "
     "FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1), Constant(value='b')])), "
     "Assign(targets=[Name(id='v', ctx=Store())], value=JoinedStr(values=[Constant(value='x = '), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])), "
     "Assign(targets=[Name(id='u', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
     "format_spec=JoinedStr(values=[Constant(value='>5')]))]))], type_ignores=[])"},
    {"x = 0x1F + 0o17 + 0b101 + 1_000_000 + 1.5 + 1e10 + .5 + 5. + 1_0.5e-3\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp("
     "left=Constant(value=31), op=Add(), right=Constant(value=15)), op=Add(), "
     "right=Constant(value=5)), op=Add(), right=Constant(value=1000000)), op=Add(), "
     "right=Constant(value=1.5)), op=Add(), right=Constant(value=10000000000.0)), op=Add(), "
     "right=Constant(value=0.5)), op=Add(), right=Constant(value=5.0)), op=Add(), "
     "right=Constant(value=0.0105)))], type_ignores=[])"},
    {"def gen():\n    yield\n    yield 1\n    x = yield 2\n    yield from other()\n    return\n",
     "Module(body=[FunctionDef(name='gen', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), "
     "Expr(value=Yield(value=Constant(value=1))), Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Yield(value=Constant(value=2))), Expr(value=YieldFrom(value=Call(func=Name(id='other', "
     "ctx=Load()), args=[], keywords=[]))), Return()], decorator_list=[])], type_ignores=[])"},
    {"x = -1\ny = +x\nz = ~x\nw = not x\nv = -x ** 2\nu = (-x) ** -2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), "
     "operand=Constant(value=1))), Assign(targets=[Name(id='y', ctx=Store())], "
     "value=UnaryOp(op=UAdd(), operand=Name(id='x', ctx=Load()))), Assign(targets=[Name(id='z', "
     "ctx=Store())], value=UnaryOp(op=Invert(), operand=Name(id='x', ctx=Load()))), "
     "Assign(targets=[Name(id='w', ctx=Store())], value=UnaryOp(op=Not(), operand=Name(id='x', "
     "ctx=Load()))), Assign(targets=[Name(id='v', ctx=Store())], value=UnaryOp(op=USub(), "
     "operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=Constant(value=2)))), "
     "Assign(targets=[Name(id='u', ctx=Store())], value=BinOp(left=UnaryOp(op=USub(), "
     "operand=Name(id='x', ctx=Load())), op=Pow(), right=UnaryOp(op=USub(), "
     "operand=Constant(value=2))))], type_ignores=[])"},
    {"def f():\n    nonlocal x\n    x = lambda *a, **k: (a, k)\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x']), Assign(targets=[Name(id='x', "
     "ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), "
     "kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='k'), defaults=[]), "
     "body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='k', ctx=Load())], ctx=Load())))], "
     "decorator_list=[])], type_ignores=[])"},
    {"x = ...\ny = None\nz = True, False\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis)), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=None)), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=Tuple(elts=[Constant(value=True), "
     "Constant(value=False)], ctx=Load()))], type_ignores=[])"},
    {"if x:\n    pass\n# comment\n\n    # indented comment\nelse:  # trailing\n    pass\n",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], "
     "type_ignores=[])"},
    {"x = (1 +\n     2)\ny = [\n  1,\n  2,\n]\nz = 1 + \\\n  2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), "
     "op=Add(), right=Constant(value=2))), Assign(targets=[Name(id='y', ctx=Store())], "
     "value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load())), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), "
     "right=Constant(value=2)))], type_ignores=[])"},
    {"print('hello, world')\nmatch = 5\ncase = match + 1\n_ = case\n",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value='hello, "
     "world')], keywords=[])), Assign(targets=[Name(id='match', ctx=Store())], "
     "value=Constant(value=5)), Assign(targets=[Name(id='case', ctx=Store())], "
     "value=BinOp(left=Name(id='match', ctx=Load()), op=Add(), right=Constant(value=1))), "
     "Assign(targets=[Name(id='_', ctx=Store())], value=Name(id='case', ctx=Load()))], "
     "type_ignores=[])"},
    {"x: int = 1\ny: list[int]\nself.a: int = 2\n(z): int = 3\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Constant(value=1), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), "
     "annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), "
     "ctx=Load()), simple=1), AnnAssign(target=Attribute(value=Name(id='self', ctx=Load()), "
     "attr='a', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=2), "
     "simple=0), AnnAssign(target=Name(id='z', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Constant(value=3), simple=0)], type_ignores=[])"},
    {"x = f'{a}' f\"{b!r}\" \ny = f'''{\n  a +\n  b\n}'''\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1), "
     "FormattedValue(value=Name(id='b', ctx=Load()), conversion=114)])), "
     "Assign(targets=[Name(id='y', ctx=Store())], "
     "value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), "
     "right=Name(id='b', ctx=Load())), conversion=-1)]))], type_ignores=[])"},
    {"s = 'a' 'b' 'c'\nt = f'{x:{y}}' \n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=Constant(value='abc')), "
     "Assign(targets=[Name(id='t', ctx=Store())], "
     "value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
     "format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), "
     "conversion=-1)]))]))], type_ignores=[])"},
    {"x = [1, 2, 3][0]\ny = 'abc'.upper()\nz = {1: 2}[1]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Subscript(value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], "
     "ctx=Load()), slice=Constant(value=0), ctx=Load())), Assign(targets=[Name(id='y', "
     "ctx=Store())], value=Call(func=Attribute(value=Constant(value='abc'), attr='upper', "
     "ctx=Load()), args=[], keywords=[])), Assign(targets=[Name(id='z', ctx=Store())], "
     "value=Subscript(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), "
     "slice=Constant(value=1), ctx=Load()))], type_ignores=[])"},
    {"for x in 1, 2, 3:\n    pass\nfor x, in y:\n    pass\n",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Constant(value=1), "
     "Constant(value=2), Constant(value=3)], ctx=Load()), body=[Pass()], orelse=[]), "
     "For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', "
     "ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"def f(*, a=1, b): pass\ndef g(**kw): pass\ndef h(*args): pass\ndef k(a, b, /): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], "
     "kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[Constant(value=1), None], "
     "defaults=[]), body=[Pass()], decorator_list=[]), FunctionDef(name='g', "
     "args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw'), "
     "defaults=[]), body=[Pass()], decorator_list=[]), FunctionDef(name='h', "
     "args=arguments(posonlyargs=[], args=[], vararg=arg(arg='args'), kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[]), FunctionDef(name='k', "
     "args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"x = (yield)\nawait x\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), "
     "Expr(value=Await(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {"print(1 if x else 2, end='')\n",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), "
     "args=[IfExp(test=Name(id='x', ctx=Load()), body=Constant(value=1), "
     "orelse=Constant(value=2))], keywords=[keyword(arg='end', value=Constant(value=''))]))], "
     "type_ignores=[])"},
    {"while 1: pass\nif 1: x = 1; y = 2\nfor i in r: print(i); continue\n",
     "Module(body=[While(test=Constant(value=1), body=[Pass()], orelse=[]), "
     "If(test=Constant(value=1), body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], "
     "value=Constant(value=2))], orelse=[]), For(target=Name(id='i', ctx=Store()), "
     "iter=Name(id='r', ctx=Load()), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), "
     "args=[Name(id='i', ctx=Load())], keywords=[])), Continue()], orelse=[])], type_ignores=[])"},
    {"x = \"it's\"\ny = 'say \"hi\"'\nz = 'both \\' \"'\nw = '\\n\\t\\\\'\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=\"it's\")), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value='say \"hi\"')), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value='both \\' \"')), "
     "Assign(targets=[Name(id='w', ctx=Store())], value=Constant(value='\\n\\t\\\\'))], "
     "type_ignores=[])"},
    {"x = 1e400\ny = 1e-400\nz = 0.1\nw = 123456789.123456789\nv = 1e16\nu = 12345678901234567.0\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=inf)), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=0.0)), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=0.1)), "
     "Assign(targets=[Name(id='w', ctx=Store())], value=Constant(value=123456789.12345679)), "
     "Assign(targets=[Name(id='v', ctx=Store())], value=Constant(value=1e+16)), "
     "Assign(targets=[Name(id='u', ctx=Store())], value=Constant(value=1.2345678901234568e+16))], "
     "type_ignores=[])"},
    {"中文 = '你好'\nprint(中文)\n",
     "Module(body=[Assign(targets=[Name(id='中文', ctx=Store())], value=Constant(value='你好')), "
     "Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='中文', ctx=Load())], "
     "keywords=[]))], type_ignores=[])"},
    {"x = f'{\"nested\"}' + f\"{'q'}\"\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=BinOp(left=JoinedStr(values=[FormattedValue(value=Constant(value='nested'), "
     "conversion=-1)]), op=Add(), "
     "right=JoinedStr(values=[FormattedValue(value=Constant(value='q'), conversion=-1)])))], "
     "type_ignores=[])"},
    {"class C:\n    async def m(self):\n        return await self.x\n",
     "Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[AsyncFunctionDef(name='m', "
     "args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], "
     "defaults=[]), body=[Return(value=Await(value=Attribute(value=Name(id='self', ctx=Load()), "
     "attr='x', ctx=Load())))], decorator_list=[])], decorator_list=[])], type_ignores=[])"},
    {"try:\n    pass\nfinally:\n    pass\n", "Module(body=[Try(body=[Pass()], handlers=[], "
                                             "orelse=[], finalbody=[Pass()])], type_ignores=[])"},
    {"x = a.b.c.d(e)(f)[g]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Subscript(value=Call(func=Call(func=Attribute(value=Attribute(value=Attribute(value="
     "Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), attr='d', "
     "ctx=Load()), args=[Name(id='e', ctx=Load())], keywords=[]), args=[Name(id='f', ctx=Load())], "
     "keywords=[]), slice=Name(id='g', ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"x = [*a, *b]\nf(*a, *b, c=1, **d, **e)\nf(a, *b, c, d=e, *f)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), "
     "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load())), "
     "Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), "
     "ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], "
     "keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', "
     "ctx=Load())), keyword(value=Name(id='e', ctx=Load()))])), Expr(value=Call(func=Name(id='f', "
     "ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), "
     "ctx=Load()), Name(id='c', ctx=Load()), Starred(value=Name(id='f', ctx=Load()), ctx=Load())], "
     "keywords=[keyword(arg='d', value=Name(id='e', ctx=Load()))]))], type_ignores=[])"},
    {"(a)\nx = (a)\n((b))\n(a).b\n((a))(b)\n(a)[0] = 1\n",
     "Module(body=[Expr(value=Name(id='a', ctx=Load())), Assign(targets=[Name(id='x', "
     "ctx=Store())], value=Name(id='a', ctx=Load())), Expr(value=Name(id='b', ctx=Load())), "
     "Expr(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), "
     "Expr(value=Call(func=Name(id='a', ctx=Load()), args=[Name(id='b', ctx=Load())], "
     "keywords=[])), Assign(targets=[Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Constant(value=0), ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x = (  # c\n  a  # d\n)\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                  "value=Name(id='a', ctx=Load()))], type_ignores=[])"},
    {"@ d . e (1)\nasync def f(): pass\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], "
     "kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], "
     "decorator_list=[Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='e', ctx=Load()), "
     "args=[Constant(value=1)], keywords=[])])], type_ignores=[])"},
    {"if x:\n    if y:\n        pass\n    else:\n        z = (1,\n             2)\n",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[If(test=Name(id='y', ctx=Load()), "
     "body=[Pass()], orelse=[Assign(targets=[Name(id='z', ctx=Store())], "
     "value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])], orelse=[])], "
     "type_ignores=[])"},
    {"x = [(a, b) for (a, b) in c if (a)]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=ListComp(elt=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], "
     "ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='a', ctx=Store()), "
     "Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[Name(id='a', "
     "ctx=Load())], is_async=0)]))], type_ignores=[])"},
    {"f(a)(b)(c)\n",
     "Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), "
     "args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], "
     "keywords=[]), args=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"x = a if (b) else (c)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', "
     "ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], "
     "type_ignores=[])"},
    {"x = (a or b) and (c)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BoolOp(op=And(), "
     "values=[BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), "
     "Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"x = not (a)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), "
     "operand=Name(id='a', ctx=Load())))], type_ignores=[])"},
    {"x = -(a)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), "
     "operand=Name(id='a', ctx=Load())))], type_ignores=[])"},
    {"x = (a) < (b)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Compare(left=Name(id='a', "
     "ctx=Load()), ops=[Lt()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"print(f\"{'a' if x else 'b'}\")\n",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), "
     "args=[JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='x', ctx=Load()), "
     "body=Constant(value='a'), orelse=Constant(value='b')), conversion=-1)])], keywords=[]))], "
     "type_ignores=[])"},
    {"x = [\n]\ny = {\n}\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                             "value=List(elts=[], ctx=Load())), Assign(targets=[Name(id='y', "
                             "ctx=Store())], value=Dict(keys=[], values=[]))], type_ignores=[])"},
    {"t = (\n 1,\n)\n", "Module(body=[Assign(targets=[Name(id='t', ctx=Store())], "
                        "value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {"x = 1;\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                 "value=Constant(value=1))], type_ignores=[])"},
    {"x = 1; y = 2;\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {"for x in (1, 2): pass\n",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Constant(value=1), "
     "Constant(value=2)], ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"x = a[b][c](d).e\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Attribute(value=Call(func=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Name(id='b', ctx=Load()), ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()), "
     "args=[Name(id='d', ctx=Load())], keywords=[]), attr='e', ctx=Load()))], type_ignores=[])"},
    {"def f(a: int = 1, *b: str, c: 'x' = 2, **d: float) -> None: pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', "
     "annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', "
     "ctx=Load())), kwonlyargs=[arg(arg='c', annotation=Constant(value='x'))], "
     "kw_defaults=[Constant(value=2)], kwarg=arg(arg='d', annotation=Name(id='float', "
     "ctx=Load())), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], "
     "returns=Constant(value=None))], type_ignores=[])"},
    {"class A:\n    '''doc'''\n\n    def f(self): return 1\n",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], "
     "body=[Expr(value=Constant(value='doc')), FunctionDef(name='f', "
     "args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], "
     "defaults=[]), body=[Return(value=Constant(value=1))], decorator_list=[])], "
     "decorator_list=[])], type_ignores=[])"},
    {"x = '\\\n'\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                     "value=Constant(value=''))], type_ignores=[])"},
    {"x = '''a\\\nb'''\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                           "value=Constant(value='ab'))], type_ignores=[])"},
    {"x = 'a' \\\n 'b'\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                           "value=Constant(value='ab'))], type_ignores=[])"},
    {"while (x): pass\n", "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], "
                          "orelse=[])], type_ignores=[])"},
    {"with (a): pass\nwith (a) as b: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()]), "
     "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', "
     "ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b) as c: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), "
     "Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], "
     "body=[Pass()])], type_ignores=[])"},
};

Test(parser, trees_match_python_ast_dump) {
    for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
        char *got = dump_of(dumps[i].src, false);
        cr_expect_str_eq(got, dumps[i].dump, "source:\n%s", dumps[i].src);
        free(got);
    }
}

Test(parser, positions_match_python_ast) {
    char *got = dump_of("x = (-a) ** f(b)[c]\n", true);
    cr_expect_str_eq(
        got, "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
             "end_lineno=1, end_col_offset=1)], value=BinOp(left=UnaryOp(op=USub(), "
             "operand=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, "
             "end_col_offset=7), lineno=1, col_offset=5, end_lineno=1, end_col_offset=7), "
             "op=Pow(), right=Subscript(value=Call(func=Name(id='f', ctx=Load(), lineno=1, "
             "col_offset=12, end_lineno=1, end_col_offset=13), args=[Name(id='b', ctx=Load(), "
             "lineno=1, col_offset=14, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, "
             "col_offset=12, end_lineno=1, end_col_offset=16), slice=Name(id='c', ctx=Load(), "
             "lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), ctx=Load(), lineno=1, "
             "col_offset=12, end_lineno=1, end_col_offset=19), lineno=1, col_offset=4, "
             "end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, "
             "end_col_offset=19)], type_ignores=[])");
    free(got);
}

Test(parser, fstring_parts_have_structure) {
    Ast ast;
    const char *src = "f'a{x!r:>{w}}{y=}{{'\n";
    cr_assert(ast_parse(&ast, src, strlen(src)));
    const Node *j = ast.root->u.module.body.items[0]->u.expr.value;
    cr_assert_eq(j->kind, N_JOINEDSTR);
    cr_assert_eq(j->u.joined.values.len, 5); /* 'a', {x}, 'y=', {y}, '{' */
    const Node *fx = j->u.joined.values.items[1];
    cr_expect_eq(fx->u.formatted.conversion, 'r');
    cr_expect_eq(fx->u.formatted.format_spec->u.joined.values.len, 2);
    cr_expect_str_eq(j->u.joined.values.items[2]->u.constant.s, "y=");
    cr_expect_eq(j->u.joined.values.items[3]->u.formatted.conversion, 'r');
    cr_expect_str_eq(j->u.joined.values.items[4]->u.constant.s, "{");
    cr_expect_eq(fx->u.formatted.value->col, 4, "expressions keep their own column");
    ast_free(&ast);
}

Test(parser, string_escapes_and_concatenation) {
    Ast ast;
    const char *src = "s = 'a\\tb' \"\\x41\\u4e2d\" r'\\n' '\\101\\q'\n";
    cr_assert(ast_parse(&ast, src, strlen(src)));
    const Node *c = ast.root->u.module.body.items[0]->u.assign.value;
    cr_assert_eq(c->kind, N_CONSTANT);
    cr_expect_str_eq(c->u.constant.s, "a\tbA\xe4\xb8\xad\\nA\\q");
    ast_free(&ast);
}

/* (source, kind, CPython's message, lineno, offset, end_lineno, end_offset) as
 * `python3 file.py` reports them - generated with python3 3.11.7 */
static const struct {
    const char *src;
    DiagKind kind;
    const char *msg;
    int line, col, end_line, end_col;
} errors[] = {
    {"if x\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 5, 1, 5},
    {"print \"hello\"\n", DIAG_SYNTAX,
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14},
    {"x = = 1\n", DIAG_SYNTAX, "invalid syntax", 1, 5, 1, 6},
    {"f(a b)\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6},
    {"if x = 1:\n    pass\n", DIAG_SYNTAX,
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9},
    {"f() = 1\n", DIAG_SYNTAX,
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
    {"1 = x\n", DIAG_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='?",
     1, 1, 1, 2},
    {"True = 1\n", DIAG_SYNTAX, "cannot assign to True", 1, 1, 1, 5},
    {"x = (1,\n", DIAG_SYNTAX, "'(' was never closed", 1, 5, 1, 0},
    {"print(\"hello\"\nx = 5\n", DIAG_SYNTAX, "'(' was never closed", 1, 6, 1, 0},
    {"x = 1)\n", DIAG_SYNTAX, "unmatched ')'", 1, 6, 1, 6},
    {"x = (1]\n", DIAG_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1,
     7, 1, 7},
    {"x = 'abc\n", DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = '''abc\n\n", DIAG_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"x = 1abc\n", DIAG_SYNTAX, "invalid decimal literal", 1, 5, 1, 5},
    {"def f():\nreturn 1\n", DIAG_INDENT,
     "expected an indented block after function definition on line 1", 2, 1, 2, 7},
    {"if x:\n    a\n  b\n", DIAG_INDENT, "unindent does not match any outer indentation level", 3,
     4, 3, -1},
    {"  x = 1\n", DIAG_INDENT, "unexpected indent", 1, 2, 1, -1},
    {"x = 1\n    y = 2\n", DIAG_INDENT, "unexpected indent", 2, 4, 2, -1},
    {"x = 1，2\n", DIAG_SYNTAX, "invalid character '，' (U+FF0C)", 1, 6, 1, 6},
    {"x = 1 + 2\n", DIAG_SYNTAX, "invalid non-printable character U+00A0", 1, 6, 1, 6},
    {"f'{x'\n", DIAG_SYNTAX, "f-string: expecting '}'", 1, 6, 1, 6},
    {"f'{x!z}'\n", DIAG_SYNTAX, "f-string: invalid conversion character: expected 's', 'r', or 'a'",
     1, 9, 1, 9},
    {"for i in range(10)\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 19, 1, 19},
    {"def f()\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 8, 1, 8},
    {"class A\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 8, 1, 8},
    {"while True\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 11, 1, 11},
    {"else:\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 1, 1, 5},
    {"x = [1, 2\ny = 3\n", DIAG_SYNTAX, "'[' was never closed", 1, 5, 1, 0},
    {"x = 3 +\n", DIAG_SYNTAX, "invalid syntax", 1, 8, 1, 8},
    {"import\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 7},
    {"def f(x=1, y):\n    pass\n", DIAG_SYNTAX, "non-default argument follows default argument", 1,
     12, 1, 13},
    {"f(x=1, 2)\n", DIAG_SYNTAX, "positional argument follows keyword argument", 1, 9, 1, 10},
    {"f(**k, *a)\n", DIAG_SYNTAX, "iterable argument unpacking follows keyword argument unpacking",
     1, 8, 1, 9},
    {"x = 08\n", DIAG_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5, 1, 6},
    {"x = 0x\n", DIAG_SYNTAX, "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 1_\n", DIAG_SYNTAX, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1__0\n", DIAG_SYNTAX, "invalid decimal literal", 1, 6, 1, 6},
    {"if x:\npass\n", DIAG_INDENT, "expected an indented block after 'if' statement on line 1", 2,
     1, 2, 5},
    {"a +=  1 = 2\n", DIAG_SYNTAX, "invalid syntax", 1, 9, 1, 10},
    {"del f()\n", DIAG_SYNTAX, "cannot delete function call", 1, 5, 1, 8},
    {"for 1 in x: pass\n", DIAG_SYNTAX, "cannot assign to literal", 1, 5, 1, 6},
    {"x = {'a' 1}\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 11},
    {"x = {'a': }\n", DIAG_SYNTAX, "expression expected after dictionary key and ':'", 1, 9, 1, 10},
    {"a = 1 if b\n", DIAG_SYNTAX, "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {"f(x for x in y, 1)\n", DIAG_SYNTAX, "Generator expression must be parenthesized", 1, 3, 1,
     15},
    {"\tif x:\n", DIAG_INDENT, "unexpected indent", 1, 1, 1, -1},
    {"if x:\n\tpass\n        pass\n", DIAG_TAB,
     "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"x = \\ 1\n", DIAG_SYNTAX, "unexpected character after line continuation character", 1, 6, 1,
     0},
    {"x = 5 \\\n", DIAG_SYNTAX, "unexpected EOF while parsing", 1, 8, 1, -1},
    {"try:\n    pass\n", DIAG_SYNTAX, "expected 'except' or 'finally' block", 2, 0, 2, -1},
    {"try:\n    pass\nx = 1\n", DIAG_SYNTAX, "expected 'except' or 'finally' block", 3, 1, 3, 2},
    {"x = 'a' 'b\n", DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 9, 1, 9},
    {"def f(:\n  pass\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"print('a' + )\n", DIAG_SYNTAX, "invalid syntax", 1, 13, 1, 14},
    {"x ==\n", DIAG_SYNTAX, "invalid syntax", 1, 5, 1, 5},
    {"async = 1\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"class = 1\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"def 1f(): pass\n", DIAG_SYNTAX, "invalid decimal literal", 1, 5, 1, 5},
    {"x = [i for i in]\n", DIAG_SYNTAX, "invalid syntax", 1, 16, 1, 17},
    {"lambda x: yield\n", DIAG_SYNTAX, "invalid syntax", 1, 11, 1, 16},
    {"x = 1 +* 2\n", DIAG_SYNTAX, "invalid syntax", 1, 8, 1, 9},
    {"a, b += 1\n", DIAG_SYNTAX, "'tuple' is an illegal expression for augmented assignment", 1, 1,
     1, 5},
    {"x = yield = 1\n", DIAG_SYNTAX, "assignment to yield expression not possible", 1, 5, 1, 10},
    {"(a, b): int\n", DIAG_SYNTAX, "only single target (not tuple) can be annotated", 1, 1, 1, 7},
    {"[x, y]: int = 1\n", DIAG_SYNTAX, "only single target (not list) can be annotated", 1, 1, 1,
     7},
    {"f(True=1)\n", DIAG_SYNTAX, "cannot assign to True", 1, 3, 1, 8},
    {"f(a+1=2)\n", DIAG_SYNTAX, "expression cannot contain assignment, perhaps you meant \"==\"?",
     1, 3, 1, 7},
    {"print(*a for a in b)\n", DIAG_SYNTAX, "iterable unpacking cannot be used in comprehension", 1,
     7, 1, 9},
    {"import a.b as\n", DIAG_SYNTAX, "invalid syntax", 1, 14, 1, 14},
    {"from x import (a, b\n", DIAG_SYNTAX, "'(' was never closed", 1, 15, 1, 0},
    {"from x import a,\n", DIAG_SYNTAX,
     "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17},
    {"if True:\n    x = 1\n   y = 2\n", DIAG_INDENT,
     "unindent does not match any outer indentation level", 3, 9, 3, -1},
    {"x = 5 5\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"x = 5 y = 6\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"whle x:\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 6, 1, 7},
    {"else if x:\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 1, 1, 5},
    {"if x:\n    pass\nelse if y:\n    pass\n", DIAG_SYNTAX, "expected ':'", 3, 6, 3, 8},
    {"x++\n", DIAG_SYNTAX, "invalid syntax", 1, 4, 1, 4},
    {"x = [1, 2,, 3]\n", DIAG_SYNTAX, "invalid syntax", 1, 11, 1, 12},
    {"def class():\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 5, 1, 10},
    {"print(\"a\" \"b\" c)\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 7, 1,
     16},
    {"x: int = \n", DIAG_SYNTAX, "invalid syntax", 1, 10, 1, 10},
    {"def f(*):\n    pass\n", DIAG_SYNTAX, "named arguments must follow bare *", 1, 7, 1, 8},
    {"foo(\n", DIAG_SYNTAX, "'(' was never closed", 1, 4, 1, 0},
    {"if x == 1 and:\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 14, 1, 15},
    {"for i in range(10) print(i)\n", DIAG_SYNTAX, "invalid syntax", 1, 20, 1, 25},
    {"while x = 5:\n    pass\n", DIAG_SYNTAX,
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7, 1, 12},
    {"def f(a, b) -> int\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 19, 1, 19},
    {"class A(object)\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 16, 1, 16},
    {"x = {'a': 1, 'b'}\n", DIAG_SYNTAX, "':' expected after dictionary key", 1, 16, 1, 0},
    {"f(x) = 3\n", DIAG_SYNTAX,
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 5},
    {"x + 1 = 2\n", DIAG_SYNTAX,
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6},
    {"None = 1\n", DIAG_SYNTAX, "cannot assign to None", 1, 1, 1, 5},
    {"a, f() = 1, 2\n", DIAG_SYNTAX,
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, 1, 7},
    {"f() = x = 1\n", DIAG_SYNTAX, "cannot assign to function call", 1, 1, 1, 4},
    {"[a, 1] = x\n", DIAG_SYNTAX, "cannot assign to literal", 1, 5, 1, 6},
    {"x = 1 = 2\n", DIAG_SYNTAX, "cannot assign to literal", 1, 5, 1, 6},
    {"def f:\n    pass\n", DIAG_SYNTAX, "expected '('", 1, 6, 1, 7},
    {"def f(x y):\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 9, 1, 10},
    {"try:\n    x\nexcept\n    pass\n", DIAG_SYNTAX, "expected ':'", 3, 7, 3, 7},
    {"try:\n    x\nexcept ValueError, e:\n    pass\n", DIAG_SYNTAX,
     "multiple exception types must be parenthesized", 3, 8, 3, 21},
    {"try:\n    x\nfinally\n    pass\n", DIAG_SYNTAX, "expected ':'", 3, 8, 3, 8},
    {"with open(f) as g\n    pass\n", DIAG_SYNTAX, "expected ':'", 1, 18, 1, 18},
    {"if x:\n    pass\nelif y\n    pass\n", DIAG_SYNTAX, "expected ':'", 3, 7, 3, 7},
    {"if x:\n    pass\nelse\n    pass\n", DIAG_SYNTAX, "expected ':'", 3, 5, 3, 5},
    {"for x in y:\npass\n", DIAG_INDENT,
     "expected an indented block after 'for' statement on line 1", 2, 1, 2, 5},
    {"while x:\npass\n", DIAG_INDENT,
     "expected an indented block after 'while' statement on line 1", 2, 1, 2, 5},
    {"class A:\npass\n", DIAG_INDENT, "expected an indented block after class definition on line 1",
     2, 1, 2, 5},
    {"try:\npass\n", DIAG_INDENT, "expected an indented block after 'try' statement on line 1", 2,
     1, 2, 5},
    {"with a:\npass\n", DIAG_INDENT, "expected an indented block after 'with' statement on line 1",
     2, 1, 2, 5},
    {"if x:\n    pass\nelse:\npass\n", DIAG_INDENT,
     "expected an indented block after 'else' statement on line 3", 4, 1, 4, 5},
    {"x = (1 2)\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {"x = [a b c]\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {"print(f\"{x\")\n", DIAG_SYNTAX, "f-string: expecting '}'", 1, 12, 1, 13},
    {"f'{}'\n", DIAG_SYNTAX, "f-string: empty expression not allowed", 1, 6, 1, 6},
    {"f'{x}}'\n", DIAG_SYNTAX, "f-string: single '}' is not allowed", 1, 8, 1, 8},
    {"f'{'\n", DIAG_SYNTAX, "f-string: expecting '}'", 1, 5, 1, 5},
    {"f'}'\n", DIAG_SYNTAX, "f-string: single '}' is not allowed", 1, 5, 1, 5},
    {"f'{a b}'\n", DIAG_SYNTAX, "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1,
     5},
    {"f'{x!}'\n", DIAG_SYNTAX, "f-string: invalid conversion character: expected 's', 'r', or 'a'",
     1, 8, 1, 8},
    {"return x y\n", DIAG_SYNTAX, "invalid syntax", 1, 10, 1, 11},
    {"x = 1\nif x:\n    y = 2\n  z = 3\n", DIAG_INDENT,
     "unindent does not match any outer indentation level", 4, 8, 4, -1},
    {"def f():\n    x = 1\n     y = 2\n", DIAG_INDENT, "unexpected indent", 3, 5, 3, -1},
    {"def f():\n  return\n\n  x = (\n", DIAG_SYNTAX, "'(' was never closed", 4, 7, 4, 0},
    {"x = (1 +\n  2 = 3)\n", DIAG_SYNTAX,
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 6, 2, 4},
    {"print(1, 2\nprint(3)\n", DIAG_SYNTAX, "'(' was never closed", 1, 6, 1, 0},
    {"d = {'a': 1\nprint(d)\n", DIAG_SYNTAX, "'{' was never closed", 1, 5, 1, 0},
    {"x = [\n  1,\n  2\n", DIAG_SYNTAX, "'[' was never closed", 1, 5, 1, 0},
    {"x = 3 $ 4\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"x = a ? b : c\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"x = !a\n", DIAG_SYNTAX, "invalid syntax", 1, 5, 1, 6},
    {"x = 1\n\n\n  y = 2\n", DIAG_INDENT, "unexpected indent", 4, 2, 4, -1},
    {"x = 'abc\" \n", DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"if x:\n    y = 1\n        z = 2\n", DIAG_INDENT, "unexpected indent", 3, 8, 3, -1},
    {"x = 1 if y else\n", DIAG_SYNTAX, "invalid syntax", 1, 16, 1, 16},
    {"import os,\n", DIAG_SYNTAX, "invalid syntax", 1, 11, 1, 11},
    {"from os import\n", DIAG_SYNTAX, "invalid syntax", 1, 15, 1, 15},
    {"from . import\n", DIAG_SYNTAX, "invalid syntax", 1, 14, 1, 14},
    {"x = lambda: yield\n", DIAG_SYNTAX, "invalid syntax", 1, 13, 1, 18},
    {"lambda x=1, y: x\n", DIAG_SYNTAX, "non-default argument follows default argument", 1, 13, 1,
     14},
    {"def f(**k, a):\n    pass\n", DIAG_SYNTAX, "arguments cannot follow var-keyword argument", 1,
     12, 1, 13},
    {"def f(*a, *b):\n    pass\n", DIAG_SYNTAX, "* argument may appear only once", 1, 11, 1, 12},
    {"def f(*, **k):\n    pass\n", DIAG_SYNTAX, "named arguments must follow bare *", 1, 7, 1, 8},
    {"del 1\n", DIAG_SYNTAX, "cannot delete literal", 1, 5, 1, 6},
    {"del x + 1\n", DIAG_SYNTAX, "cannot delete expression", 1, 5, 1, 10},
    {"del (a, f())\n", DIAG_SYNTAX, "cannot delete function call", 1, 9, 1, 12},
    {"with a as 1:\n    pass\n", DIAG_SYNTAX, "cannot assign to literal", 1, 11, 1, 12},
    {"for x, f() in y:\n    pass\n", DIAG_SYNTAX, "cannot assign to function call", 1, 8, 1, 11},
    {"x = [*a for a in b]\n", DIAG_SYNTAX, "iterable unpacking cannot be used in comprehension", 1,
     6, 1, 8},
    {"x = {**a for a in b}\n", DIAG_SYNTAX, "dict unpacking cannot be used in dict comprehension",
     1, 6, 1, 8},
    {"x = {a: *b}\n", DIAG_SYNTAX, "cannot use a starred expression in a dictionary value", 1, 9, 1,
     11},
    {"x = (*a)\n", DIAG_SYNTAX, "cannot use starred expression here", 1, 6, 1, 8},
    {"x = (**a)\n", DIAG_SYNTAX, "cannot use double starred expression here", 1, 6, 1, 8},
    {"f(a for a in b for)\n", DIAG_SYNTAX, "invalid syntax", 1, 19, 1, 20},
    {"[x, y for x in z]\n", DIAG_SYNTAX,
     "did you forget parentheses around the comprehension target?", 1, 2, 1, 6},
    {"x = 1 if 2\n", DIAG_SYNTAX, "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {"x = 1 if 2 else\n", DIAG_SYNTAX, "invalid syntax", 1, 16, 1, 16},
    {"assert\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 7},
    {"raise from x\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 11},
    {"global\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 7},
    {"nonlocal x,\n", DIAG_SYNTAX, "invalid syntax", 1, 12, 1, 12},
    {"def f(/, a):\n    pass\n", DIAG_SYNTAX, "at least one argument must precede /", 1, 7, 1, 8},
    {"class A(x for x in y):\n    pass\n", DIAG_SYNTAX, "invalid syntax", 1, 11, 1, 14},
    {"@\ndef f(): pass\n", DIAG_SYNTAX, "invalid syntax", 1, 2, 1, 2},
    {"@dec\nx = 1\n", DIAG_SYNTAX, "invalid syntax", 2, 1, 2, 2},
    {"async x = 1\n", DIAG_SYNTAX, "invalid syntax", 1, 7, 1, 8},
    {"async def f():\n    async with a as b\n        pass\n", DIAG_SYNTAX, "expected ':'", 2, 22, 2,
     22},
    {"x = 0o\n", DIAG_SYNTAX, "invalid octal literal", 1, 6, 1, 6},
    {"x = 0b\n", DIAG_SYNTAX, "invalid binary literal", 1, 6, 1, 6},
    {"x = 0xg\n", DIAG_SYNTAX, "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 1.5.2\n", DIAG_SYNTAX, "invalid syntax", 1, 8, 1, 10},
    {"x = 1e+\n", DIAG_SYNTAX, "invalid decimal literal", 1, 7, 1, 7},
    {"x = .5e\n", DIAG_SYNTAX, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1_000_\n", DIAG_SYNTAX, "invalid decimal literal", 1, 10, 1, 10},
    {"x = 0_7\n", DIAG_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5, 1, 7},
    {"x = 1__2\n", DIAG_SYNTAX, "invalid decimal literal", 1, 6, 1, 6},
    {"x = \"\"\"abc\n\ndef\n", DIAG_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {"'\n", DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 1, 1, 1},
    {"\"\"\"\n", DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 1)", 1,
     1, 1, 1},
    {"x = u'a' b'b'\n", DIAG_SYNTAX, "cannot mix bytes and nonbytes literals", 1, 14, 1, 14},
    {"x = rb'a' 'b'\n", DIAG_SYNTAX, "cannot mix bytes and nonbytes literals", 1, 14, 1, 14},
    {"x = '\\x4'\n", DIAG_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX "
     "escape",
     1, 10, 1, 10},
    {"x = '\\u12'\n", DIAG_SYNTAX,
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX "
     "escape",
     1, 11, 1, 11},
    {"中文 = 1\nprint(中文 1)\n", DIAG_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 2, 7,
     2, 15},
    {"print（'hi'）\n", DIAG_SYNTAX, "invalid character '（' (U+FF08)", 1, 6, 1, 6},
    {"x = 1；\n", DIAG_SYNTAX, "invalid character '；' (U+FF1B)", 1, 6, 1, 6},
    {"if x：\n    pass\n", DIAG_SYNTAX, "invalid character '：' (U+FF1A)", 1, 5, 1, 5},
    {"x = “hi”\n", DIAG_SYNTAX, "invalid character '“' (U+201C)", 1, 5, 1, 5},
    {"x = 5　+ 1\n", DIAG_SYNTAX, "invalid non-printable character U+3000", 1, 6, 1, 6},
    {"x​ = 1\n", DIAG_SYNTAX, "invalid non-printable character U+200B", 1, 2, 1, 2},
    {"(\n", DIAG_SYNTAX, "'(' was never closed", 1, 1, 1, 0},
    {")\n", DIAG_SYNTAX, "unmatched ')'", 1, 1, 1, 1},
    {"]\n", DIAG_SYNTAX, "unmatched ']'", 1, 1, 1, 1},
    {"}\n", DIAG_SYNTAX, "unmatched '}'", 1, 1, 1, 1},
    {"x = {[}\n", DIAG_SYNTAX, "closing parenthesis '}' does not match opening parenthesis '['", 1,
     7, 1, 7},
    {"x = [(])\n", DIAG_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1,
     7, 1, 7},
    {"x = (\n1,\n2]\n", DIAG_SYNTAX,
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 2, 3, 2},
    {"def f(\n  a,\n  b\n:\n  pass\n", DIAG_SYNTAX, "'(' was never closed", 1, 6, 1, 0},
    {"if x:\n    pass\n  else:\n    pass\n", DIAG_INDENT,
     "unindent does not match any outer indentation level", 3, 8, 3, -1},
    {"for x in range(3):\n    print(x)\n  print(y)\n", DIAG_INDENT,
     "unindent does not match any outer indentation level", 3, 11, 3, -1},
    {"x = 1\n\tx = 2\n", DIAG_INDENT, "unexpected indent", 2, 1, 2, -1},
    {"x := 5\n", DIAG_SYNTAX, "invalid syntax", 1, 3, 1, 5},
    {"type X = int\n", DIAG_SYNTAX, "invalid syntax", 1, 6, 1, 7},
    {"def f[T](x): pass\n", DIAG_SYNTAX, "expected '('", 1, 6, 1, 7},
    {"print 'hello'\n", DIAG_SYNTAX,
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14},
    {"print x\n", DIAG_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
     1, 1, 1, 8},
    {"exec \"x\"\n", DIAG_SYNTAX, "Missing parentheses in call to 'exec'. Did you mean exec(...)?",
     1, 1, 1, 9},
    {"print(x) y\n", DIAG_SYNTAX, "invalid syntax", 1, 10, 1, 11},
    {"print (x) y\n", DIAG_SYNTAX, "invalid syntax", 1, 11, 1, 12},
    {"if x\n", DIAG_SYNTAX, "expected ':'", 1, 5, 1, 5},
    {"if (x\n", DIAG_SYNTAX, "'(' was never closed", 1, 4, 1, 0},
    {"def f():\n    '''doc\n", DIAG_SYNTAX,
     "unterminated triple-quoted string literal (detected at line 2)", 2, 5, 2, 5},
};

Test(parser, syntax_errors_match_cpython) {
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        Ast ast;
        bool ok = ast_parse(&ast, errors[i].src, strlen(errors[i].src));
        cr_expect(!ok, "should fail:\n%s", errors[i].src);
        const Diag *d = &ast.diag;
        cr_expect_str_eq(d->message, errors[i].msg, "source:\n%s", errors[i].src);
        cr_expect_eq(d->kind, errors[i].kind, "source:\n%s", errors[i].src);
        cr_expect(d->line == errors[i].line && d->col == errors[i].col &&
                      d->end_line == errors[i].end_line && d->end_col == errors[i].end_col,
                  "source:\n%s\nwant %d:%d-%d:%d, got %d:%d-%d:%d", errors[i].src, errors[i].line,
                  errors[i].col, errors[i].end_line, errors[i].end_col, d->line, d->col,
                  d->end_line, d->end_col);
        ast_free(&ast);
    }
}

/* Constructs outside the subset: (source, construct named, line, col). */
static const struct {
    const char *src, *what;
    int line, col;
} unsupported[] = {
    {"match x:\n    case 1:\n        pass\n", "the 'match' statement", 1, 1},
    {"if (n := 10) > 5: pass\n", "assignment expressions (:=)", 1, 7},
    {"try:\n    x\nexcept* E:\n    pass\n", "'except*'", 3, 7},
    {"class A(metaclass=M):\n    pass\n", "class keyword arguments (metaclass=...)", 1, 8},
    {"x = b'abc'\n", "bytes literals", 1, 5},
    {"x = 1j\n", "complex numbers (imaginary literals)", 1, 5},
    {"x = 123456789012345678901234567890\n", "integers beyond 64 bits", 1, 5},
};

Test(parser, unsupported_constructs_are_named) {
    for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++) {
        Ast ast;
        cr_expect(!ast_parse(&ast, unsupported[i].src, strlen(unsupported[i].src)));
        cr_expect_eq(ast.diag.kind, DIAG_UNSUPPORTED, "source:\n%s", unsupported[i].src);
        cr_expect_str_eq(ast.diag.message, unsupported[i].what);
        cr_expect_eq(ast.diag.line, unsupported[i].line, "%s", unsupported[i].src);
        cr_expect_eq(ast.diag.col, unsupported[i].col, "%s", unsupported[i].src);
        ast_free(&ast);
    }
}

Test(parser, syntax_error_wins_over_unsupported) {
    Ast ast;
    const char *src = "x = b'a'\nif x\n";
    cr_expect(!ast_parse(&ast, src, strlen(src)));
    cr_expect_eq(ast.diag.kind, DIAG_SYNTAX);
    cr_expect_str_eq(ast.diag.message, "expected ':'");
    ast_free(&ast);
}

Test(parser, soft_keyword_match_is_a_name) {
    char *got = dump_of("match = 5\nmatch(x)\n", false);
    cr_expect_str_eq(got, "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], "
                          "value=Constant(value=5)), Expr(value=Call(func=Name(id='match', "
                          "ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], "
                          "type_ignores=[])");
    free(got);
}

Test(parser, deep_nesting_is_a_diagnostic) {
    size_t n = 100000;
    char *src = malloc(n + 16);
    memcpy(src, "x = ", 4);
    memset(src + 4, '-', n);
    memcpy(src + 4 + n, "1\n", 3);
    Ast ast;
    cr_expect(!ast_parse(&ast, src, strlen(src)));
    cr_expect_eq(ast.diag.kind, DIAG_UNSUPPORTED);
    ast_free(&ast);
    for (size_t i = 0; i < n / 2; i++)
        memcpy(src + 4 + 2 * i, "1+", 2);
    cr_expect(!ast_parse(&ast, src, strlen(src)), "a 50000-term sum nests too deeply");
    cr_expect_eq(ast.diag.kind, DIAG_UNSUPPORTED, "a failure always says why");
    ast_free(&ast);
    for (size_t i = 0; i < n / 2; i++)
        memcpy(src + 4 + 2 * i, ".a", 2);
    src[4] = 'a';
    cr_expect(!ast_parse(&ast, src, strlen(src)), "a 50000-link attribute chain nests too deeply");
    cr_expect_str_eq(ast.diag.message, "nesting this deep");
    ast_free(&ast);
    free(src);
}

Test(parser, too_many_nested_parentheses) {
    char src[512] = "x = ";
    memset(src + 4, '(', 201);
    strcat(src, "\n");
    Ast ast;
    cr_expect(!ast_parse(&ast, src, strlen(src)));
    cr_expect_str_eq(ast.diag.message, "too many nested parentheses");
    ast_free(&ast);
}

/* A deterministic PRNG (xorshift) for the fuzz loop. */
static uint32_t next_random(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

Test(parser, fuzzed_programs_never_crash) {
    static const char *const seeds[] = {
        "import asyncio\n\nasync def main(n):\n    for i in range(n):\n        await "
        "asyncio.sleep(0.1)\n        print(f'tick {i:>3} {n!r}')\n    return [x * 2 for x in "
        "range(n) if x]\n\nasyncio.run(main(3))\n",
        "class A(B):\n    def __init__(self, *a, k=1, **kw):\n        super().__init__()\n"
        "        self.d = {'a': (1, 2), **kw}\n\ntry:\n    x = A()[1:2, ::3]\nexcept "
        "(E, F) as e:\n    raise X from e\nfinally:\n    del x\n",
        "x = lambda a, /, b=2, *, c: a if b else c\nwith open(p) as f, g:\n    pass\n"
        "while not x is None and y not in z:\n    x -= 1\nelse:\n    print(\"中文\", '\\n')\n",
    };
    static const char alphabet[] = "()[]{}:,;.=+-*/\\'\"#\n \t@!<>f{}x1_\xe4\xb8\xad";
    uint32_t rng = 12345;
    char buf[1024];
    for (int round = 0; round < 3000; round++) {
        const char *seed = seeds[round % 3];
        size_t len = strlen(seed);
        memcpy(buf, seed, len);
        int edits = 1 + (int)(next_random(&rng) % 4);
        for (int e = 0; e < edits; e++) {
            size_t at = next_random(&rng) % len;
            uint32_t op = next_random(&rng) % 3;
            if (op == 0) {
                buf[at] = alphabet[next_random(&rng) % (sizeof alphabet - 1)];
            } else if (op == 1 && len > 1) {
                memmove(buf + at, buf + at + 1, len - at - 1);
                len--;
            } else if (len + 1 < sizeof buf) {
                memmove(buf + at + 1, buf + at, len - at);
                buf[at] = alphabet[next_random(&rng) % (sizeof alphabet - 1)];
                len++;
            }
        }
        Ast ast;
        bool ok = ast_parse(&ast, buf, len);
        cr_expect(ok || ast.diag.kind != DIAG_NONE, "a failure always has a diagnostic");
        cr_expect(!ok || ast.root != NULL);
        ast_free(&ast);
    }
}
