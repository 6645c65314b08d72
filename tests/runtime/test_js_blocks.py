"""The brace scan that names a method's owner in stack frames (modules/js_blocks).

Each case puts a marker comment inside a function; the owner found there
must be the expected one, whatever strings, templates, regular expressions
and comments with braces come before it.
"""

from __future__ import annotations

import pytest

from node_compat.modules.js_blocks import (before_top_level_await, class_at, class_closed_at, inferred_name,
                                           owner_of, scan, top_level_awaits)

CASES = [
    ("class Foo { m() { /*@*/ } }", "m", "Foo.m"),
    ("class Foo extends mix(A, { x: 1 }) { static s() { /*@*/ } }", "s", "Foo.s"),
    ("const Bar = class { m() { /*@*/ } };", "m", "Bar.m"),
    ("class { m() { /*@*/ } }", "m", None),
    ("class Foo { #p() { /*@*/ } }", "p", "#p"),
    ("const o = { run() { /*@*/ } };", "run", "Object.run"),
    ("const o = { a: { deep() { /*@*/ } } };", "deep", "Object.deep"),
    ("f({ old: function () { /*@*/ } });", "old", "Object.old"),
    ("Foo.prototype.om = function om() { /*@*/ };", "om", "Foo.om"),
    ("function plain() { /*@*/ }", "plain", ""),
    ("function Foo() {}\nFoo.make = function make() { /*@*/ };", "make", "Function.make"),
    ("class Foo {}\nFoo.make = function make() { /*@*/ };", "make", "Function.make"),
    ("const Foo = {};\nFoo.make = function make() { /*@*/ };", "make", ""),  # (an object: unknown here)
    ("a.Foo.make = function make() { /*@*/ }; function Foo() {}", "make", ""),
    ("class Foo { m() { [1].map(() => { /*@*/ }); } }", "m", None),
    ("class Foo { m() { /*@*/ } }", "other", None),
    ("class Foo { m() { if (x) { /*@*/ } } }", "m", "Foo.m"),
    ("const re = /[{]}/g; const s = '{'; const t = `${'}'}{`; // {\nclass Foo { m() { /*@*/ } }", "m", "Foo.m"),
    ("const n = a / b; /* } */ class Foo { m() { return x / 2 / y; /*@*/ } }", "m", "Foo.m"),
    ("const o = { class: 1 }; o.class = { x: 1 }; class Foo { m() { /*@*/ } }", "m", "Foo.m"),
    ("const t = `${ { a: 1 }.a }`; class Foo { async m(a = (1), { b } = {}) { /*@*/ } }", "m", "Foo.m"),
    ("class Foo { m() { return [1].map((x) => x /*@*/); } }", "m", None),
    ("class Foo { field = () => { /*@*/ }; }", "field", "Foo.field"),
    ("class Foo { static s = async (x) => x /*@*/; }", "s", "Foo.s"),
    ("const o = { ar: () => 1 /*@*/ };", "ar", "Object.ar"),
    ("class Foo { m() { const local = () => { /*@*/ }; } }", "local", None),
]


@pytest.mark.parametrize(("source", "name", "expected"), CASES)
def test_owner_of_the_function_at_a_position(source: str, name: str, expected: object) -> None:
    assert owner_of(f"case:{source}", source, source.index("/*@*/"), name) == expected


# V8's names for anonymous functions stored in properties (the marker is
# inside the function whose name is looked up).
INFERRED = [
    ("obj.handler = function () { /*@*/ };", "obj.handler"),
    ("Foo.prototype.bar = function () { /*@*/ };", "Foo.bar"),
    ("module.exports.run = async function () { /*@*/ };", "module.exports.run"),
    ("a.b.c = (x, y) => { /*@*/ };", "a.b.c"),
    ("a.b = x => x + /*@*/ 1;", "a.b"),
    ("a.gen = function* () { /*@*/ };", "a.gen"),
    ("w['some key'] = function () { /*@*/ };", "w.some key"),
    ("arr[i + 1] = function () { /*@*/ };", "arr.<computed>"),
    ("o.one = o.two = function () { /*@*/ };", "o.one.o.two"),
    # Named by the language, or not by V8: no inferred name.
    ("const f = function () { /*@*/ };", None),
    ("x = () => { /*@*/ };", None),
    ("this.x = function () { /*@*/ };", None),
    ("o.named = function own() { /*@*/ };", None),
    ("if (a == function () { /*@*/ }) {}", None),
    # The function the position is in, not one around it.
    ("o.outer = function () { [1].map((v) => v /*@*/); };", None),
    ("o.outer = function () { [1].map((v) => v); /*@*/ };", "o.outer"),
    ("o.f = () => 1\nconst later = { m() { /*@*/ } };", None),
]


@pytest.mark.parametrize(("source", "expected"), INFERRED)
def test_inferred_name_of_the_function_at_a_position(source: str, expected: object) -> None:
    assert inferred_name(f"inferred:{source}", source, source.index("/*@*/")) == expected


def test_class_at_a_position_is_that_of_the_method_around_it() -> None:
    source = "class B extends A { m() { if (x) { [1].map(() => super.m() /*@*/); } } }"
    assert class_at("class_at", source, source.index("/*@*/")) == "B"
    plain = "function f() { /*@*/ }"
    assert class_at("class_at plain", plain, plain.index("/*@*/")) is None


def test_the_end_of_a_class_body_is_its_implicit_constructor() -> None:
    source = "const x = 1;\nclass B extends mixin.A {\n  m() {}\n}\nclass C {}"
    assert class_closed_at("closed", source, source.index("}\nclass C")) == (source.index("class B"), "mixin.A")
    assert class_closed_at("closed", source, source.rindex("}")) == (source.index("class C"), None)
    assert class_closed_at("closed", source, source.index("{}")) is None


def test_top_level_awaits_and_the_code_before_them() -> None:
    src = ("const a = 1; // await here is a comment\n"
           "async function f() { await g(); }\n"
           "const s = 'await';\n"
           "/*A*/ o.await; await null; /*B*/\n"
           "for await (const x of y) {}\n")
    awaits = top_level_awaits("t.mjs", src)
    assert [src[at:at + 11] for at in awaits] == ["await null;", "await (cons"]
    assert before_top_level_await("t.mjs", src, src.index("/*A*/"))
    assert not before_top_level_await("t.mjs", src, src.index("/*B*/"))
    assert not before_top_level_await("t.mjs", src, src.index("g()"))  # (in a function: not the top level)
    assert top_level_awaits("u.mjs", "const f = async () => { await 1; };") == []


@pytest.mark.parametrize(("source", "kind", "is_async"), [
    ("async function f() { /*@*/ }", "function", True),
    ("const f = async function () { /*@*/ };", "function", True),
    ("async function* g() { /*@*/ }", "function", False),
    ("class K { async m() { /*@*/ } }", "method", True),
    ("class K { static async s() { /*@*/ } }", "method", True),
    ("class K { async *m() { /*@*/ } }", "method", False),
    ("const o = { async [k]() { /*@*/ } };", "method", True),
    ("const o = { [k]() { /*@*/ } };", "method", False),
    ("const f = async (a) => { /*@*/ };", "arrow", True),
    ("const f = async a => { /*@*/ };", "arrow", True),
    ("const f = (async) => { /*@*/ };", "arrow", False),
    ("function f() { /*@*/ }", "function", False),
    ("async function f() { for await (const x of y) { /*@*/ } }", "block", False),
    ("x[0]() { /*@*/ }", "block", False),
])
def test_which_bodies_are_async_functions(source: str, kind: str, is_async: bool) -> None:
    at = source.index("/*@*/")
    inner = [b for b in scan(source) if b.start < at < b.end][-1]
    assert (inner.kind, inner.is_async) == (kind, is_async)
