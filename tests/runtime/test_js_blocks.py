"""The brace scan that names a method's owner in stack frames (modules/js_blocks).

Each case puts a marker comment inside a function; the owner found there
must be the expected one, whatever strings, templates, regular expressions
and comments with braces come before it.
"""

from __future__ import annotations

import pytest

from node_compat.modules.js_blocks import owner_of

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
    ("class Foo { m() { [1].map(() => { /*@*/ }); } }", "m", None),
    ("class Foo { m() { /*@*/ } }", "other", None),
    ("class Foo { m() { if (x) { /*@*/ } } }", "m", "Foo.m"),
    ("const re = /[{]}/g; const s = '{'; const t = `${'}'}{`; // {\nclass Foo { m() { /*@*/ } }", "m", "Foo.m"),
    ("const n = a / b; /* } */ class Foo { m() { return x / 2 / y; /*@*/ } }", "m", "Foo.m"),
    ("const o = { class: 1 }; o.class = { x: 1 }; class Foo { m() { /*@*/ } }", "m", "Foo.m"),
    ("const t = `${ { a: 1 }.a }`; class Foo { async m(a = (1), { b } = {}) { /*@*/ } }", "m", "Foo.m"),
]


@pytest.mark.parametrize(("source", "name", "expected"), CASES)
def test_owner_of_the_function_at_a_position(source: str, name: str, expected: object) -> None:
    assert owner_of(f"case:{source}", source, source.index("/*@*/"), name) == expected
