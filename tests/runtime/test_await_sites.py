"""The rewriting of user code's awaits for V8's `async` frames (modules/await_sites).

What each await becomes is checked as text: the operand it wraps must be the
one the grammar gives `await` (a unary expression), the callee noted the one
the call makes, and awaits this cannot place must stay as written. That the
rewritten code runs as the original does is checked against Node in
fixtures/runtime/await_rewrite.js.
"""

from __future__ import annotations

import pytest

from node_compat.modules import await_sites, throw_sites


def rewritten(source: str, module: bool = False) -> str:
    return throw_sites.instrument(source, 0, "f.js", module)[0]


def waits(source: str, module: bool = False) -> list:
    """[(operand as written, callee as noted)] of the awaits the rewriting wraps
    (`__pynodeAwait(record, "line:column", callee, __pynodeAwaitFrom(), operand)`)."""
    code = rewritten(source, module)
    found = []
    marker = "__pynodeAwait(__pynodeR,"
    at = code.find(marker)
    while at >= 0:
        args_start = at + len(marker)
        # "line:column", callee, then the operand up to the `))` the rewriting closes with
        callee_and_rest = code[args_start:].split(",", 1)[1]
        if callee_and_rest.startswith("["):
            callee, rest = callee_and_rest.split("],", 1)
            callee += "]"
        else:
            callee, rest = callee_and_rest.split(",", 1)
        assert rest.startswith("__pynodeAwaitFrom(),")
        rest = rest[len("__pynodeAwaitFrom(),"):]
        depth = 0
        for i, ch in enumerate(rest):
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                if depth == 0:
                    break
                depth -= 1
        found.append((rest[:i], callee))
        at = code.find(marker, args_start)
    return found


@pytest.mark.parametrize(("source", "expected"), [
    ("async function f() { await g(1); }", [("g(1)", '"?g"')]),
    ("async function f() { const v = await a.b.c(x) + 1; }", [("a.b.c(x)", '".?c"')]),
    ("async function f() { await new K().run(); }", [("new K().run()", '".?run"')]),
    ("async function f() { await new Promise((r) => r()); }", [("new Promise((r) => r())", "null")]),
    ("async function f() { await (async () => 1)(); }", [("(async () => 1)()", '""')]),
    ("async function f() { await x ? a() : b(); }", [("x", "null")]),
    ("async function f() { await g().then((v) => v).catch(h); }", [("g().then((v) => v).catch(h)", '"?g"')]),
    ("async function f() { await g.call(null, 1); }", [("g.call(null, 1)", '"?g"')]),
    ("async function f() { await Promise.all([a(), b, c.d()]); }",
     [('Promise.all([a(), b, c.d()])', '["all","?",null,"?"]')]),
    ("async function f() { await Promise.race([(async () => 1)(), o.m()]); }",
     [('Promise.race([(async () => 1)(), o.m()])', '["race","","?"]')]),
    ("async function f() { await Promise.all(items.map(g)); }", [('Promise.all(items.map(g))', '["all","*"]')]),
    ("async function f() { await Promise.all([1, 2].map(g)); }", [('Promise.all([1, 2].map(g))', '["all","*"]')]),
    ("async function f() { await o?.m?.(); }", [("o?.m?.()", '".?m"')]),
    ("async function f() { await -x; }", [("-x", "null")]),
    ("async function f() { await typeof x; }", [("typeof x", "null")]),
    ("async function f() { await `a${b}c`.length; }", [("`a${b}c`.length", "null")]),
    ("async function f() { await /re/.test(s); }", [("/re/.test(s)", '".?test"')]),
    ("async function f() { await g\n  (1); }", [("g\n  (1)", '"?g"')]),
    ("async function f() { await g()\n  .then(h); }", [("g()\n  .then(h)", '"?g"')]),
    ("async function f() { await x; y++; }", [("x", "null")]),
    ("async function f() { await f(await g()); }", [("f(__pynodeResume(__pynodeR,await __pynodeAwait(__pynodeR,\"1:30\",\"?g\",__pynodeAwaitFrom(),g())))",
                                                    '"f"'),
                                                   ("g()", '"?g"')]),
])
def test_the_operand_and_callee_of_an_await(source: str, expected: list) -> None:
    assert waits(source) == expected


def test_a_call_of_an_async_function_of_the_file_names_it() -> None:
    source = "async function load() { await null; }\nasync function f() { await load(); await other(); }"
    assert waits(source) == [("null", "null"), ("load()", '"load"'), ("other()", '"?other"')]


@pytest.mark.parametrize("source", [
    "for await (const x of y) {}",  # (a script: no top-level await)
    "var await = 1; console.log(await);",
    "function f() { var await = 2; return await; }",
    "async function* f() { await x; }",
    "async function f() { return { await: 1 }; }",
    "const s = 'await x'; // await y",
])
def test_awaits_left_as_written(source: str) -> None:
    assert rewritten(source) == source


def test_a_module_records_its_top_level_and_a_script_does_not() -> None:
    assert rewritten("await g();", module=True).startswith('const __pynodeR=__pynodeAsync("f.js","","","",1,1,void 0);')
    assert rewritten("#!/usr/bin/env node\nawait g();", module=True).startswith("#!/usr/bin/env node\nconst __pynodeR=")
    assert waits("await g();", module=True) == [("g()", '"?g"')]


def test_an_async_function_records_its_call_after_its_directives() -> None:
    code = rewritten("async function f() {\n  'use strict';\n  await g();\n}")
    assert code.startswith("async function f() {\n  'use strict';const __pynodeR=__pynodeAsync(\"f.js\",\"f\",\"f\",\"f\",1,4,this);")


@pytest.mark.parametrize(("source", "names", "receiver"), [
    ("class K { async run() { await x; } }", '"run","run","run"', "this"),
    ("const h = async () => { await x; };", '"h","h","h"', 'void 0,""'),
    ("const o = { h: async () => { await x; } };", '"h","h","h"', 'void 0,"Object"'),
    ("class K { h = async () => { await x; }; }", '"h","h","h"', 'void 0,"K"'),
    ("const e = async function () { await x; };", '"e","e","e"', "this"),
    ("o.n = async function () { await x; };", '"o.n","n",""', "this"),
    ("[1].map(async () => { await x; });", '"","",""', 'void 0,""'),
    ("const o = { async [k]() { await x; } };", '"","",""', "this"),
])
def test_the_names_a_call_is_recorded_with(source: str, names: str, receiver: str) -> None:
    assert f'__pynodeAsync("f.js",{names},1,1,{receiver});' in rewritten(source)


def test_an_arrow_without_braces_gets_a_body() -> None:
    assert rewritten("const f = async (x) => await g(x), y = 1;") == (
        'const f = async (x) =>{const __pynodeR=__pynodeAsync("f.js","f","f","f",1,1,void 0,"");return ('
        ' __pynodeResume(__pynodeR,await __pynodeAwait(__pynodeR,"1:24","?g",__pynodeAwaitFrom(),g(x))))}, y = 1;')
    two_lines = "const f = async (x) =>\n  x\n    ? await a()\n    : b;\nnext();"
    assert rewritten(two_lines).endswith("    : b)};\nnext();")
    # Where the body's end is not clear, its awaits stay as written.
    unclear = "const f = async () => a\n!await b"
    assert "__pynodeAwait(" not in rewritten(unclear)


def test_a_for_await_notes_where_it_waits_and_its_body_marks_the_call() -> None:
    code = rewritten("async function f() {\n  for await (const { a } of g()) { h(a); }\n}")
    assert 'for await (const { a } of __pynodeAwait(__pynodeR,"2:20",null,__pynodeAwaitFrom(),g())) ' \
           '{__pynodeResume(__pynodeR); h(a); }' in code
    assert rewritten("async function f() { for await (x of y) z(); }") == "async function f() { for await (x of y) z(); }"


def test_a_catch_of_an_async_function_marks_its_call() -> None:
    code = rewritten("async function f() { try { await g(); } catch (e) { h(); } }")
    assert "catch (e) {__pynodeResume(__pynodeR);__pynodeCaught(e);" in code
    # (not one of a function inside it)
    inner = rewritten("async function f() { await g(); return () => { try {} catch (e) {} }; }")
    assert "__pynodeResume(__pynodeR);" not in inner


def test_columns_map_back() -> None:
    source = "async function f() { await g(); throw err; }"
    code, shifts = throw_sites.instrument(source, 0, "f.js", False)
    throw_at = code.index("throw")
    assert throw_sites.original_column(shifts, 1, throw_at + 1) == source.index("throw") + 1


def test_no_rewriting_without_awaits() -> None:
    assert await_sites.insertions("function f() { return 1; }", "f.js", True) == []
