"""V8's wording of engine errors that name an expression (modules/engine_messages).

The differential fixtures (runtime/engine_error_messages.js and
fatal/uncaught_not_a_function.js) compare whole programs with Node; these
pin down how expressions are read from a line and printed, and what is left
in QuickJS's words.
"""

from __future__ import annotations

import pytest

from node_compat.modules import throw_sites
from node_compat.modules.engine_messages import v8_message


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("o.foo();", 6, "o.foo is not a function"),
        ("x = a.b.c(1, 2);", 10, "a.b.c is not a function"),
        ("a.f().g();", 8, "a.f(...).g is not a function"),
        ("a?.b();", 5, "a?.b is not a function"),
        ("o['x']();", 7, "o.x is not a function"),
        ("o['a b']();", 9, 'o["a b"] is not a function'),
        ("arr[0]();", 7, "arr[0] is not a function"),
        ("new a.B();", 8, "a.B is not a constructor"),
        ("return this.run();", 16, "this.run is not a function"),
        ("o[k + 1]();", 9, None),  # (V8 prints the key as an expression: left as it is)
        ("(0, o.f)();", 9, None),
        ("o.f;", 4, None),  # not at a call
    ],
)
def test_callee_is_named(line, column, expected):
    assert v8_message("not a function", line, column) == expected


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("new o.m();", 8, "o.m is not a constructor"),
        ("new (() => {})();", 15, "(intermediate value) is not a constructor"),
        ("x = new (async function () {})();", 31, "(intermediate value) is not a constructor"),
        ("new (a || b)();", 13, None),  # (V8 prints the expression: left as it is)
    ],
)
def test_function_that_cannot_construct_is_named_as_written(line, column, expected):
    # QuickJS names the function itself (`m is not a constructor`).
    assert v8_message("m is not a constructor", line, column) == expected


def test_new_without_arguments_names_the_constructor():
    assert v8_message("not a function", "new u;", 6) == "u is not a constructor"


@pytest.mark.parametrize(
    ("message", "line", "column", "expected"),
    [
        ("value is not iterable", "for (const x of items) {}", 17, "items is not iterable"),
        ("value is not iterable", "for (const x of o.list) {}", 18, "o.list is not iterable"),
        ("value is not iterable", "[...5];", 5, "5 is not iterable"),
        ("value is not iterable", "f(...args);", 6, "Spread syntax requires ...iterable[Symbol.iterator] to be a function"),
        ("cannot read property 'Symbol.iterator' of null", "for (const x of nul) {}", 17, "nul is not iterable"),
        ("'c' is read-only", "c = 2;", 1, "Assignment to constant variable."),
        ("'c' is read-only", "o.c = 2;", 3, None),  # a read-only property: V8 words it otherwise
        ("'c' is read-only", "c += 2;", 3, "Assignment to constant variable."),
        ("'c' is read-only", "c++;", 2, "Assignment to constant variable."),
    ],
)
def test_other_messages(message, line, column, expected):
    assert v8_message(message, line, column) == expected


def test_class_constructor_is_named_after_its_function():
    message = "class constructors must be invoked with 'new'"
    assert v8_message(message, "K();", 2, "K") == "Class constructor K cannot be invoked without 'new'"
    assert v8_message(message, "K();", 2, "<anonymous>") is None


def test_catch_clauses_get_the_hook_and_columns_map_back():
    source = "try { f(); } catch (err) { g(err); }\nconst text = 'catch (x) {';\ntry {} catch {}\n"
    code, shifts = throw_sites.instrument(source, 0)
    assert code.splitlines()[0] == "try { f(); } catch (err) {__pynodeCaught(err); g(err); }"
    assert code.splitlines()[1:] == source.splitlines()[1:]  # strings and bindingless catches are left alone
    rewritten_g = code.splitlines()[0].index("g(err)") + 1
    assert throw_sites.original_column(shifts, 1, rewritten_g) == source.index("g(err)") + 1


def test_dynamic_imports_go_through_the_hook_and_methods_named_import_do_not():
    source = "class A { import(d) { return d; } }\nconst m = await import('./x.mjs'); // import('y')\nimport.meta.url;\n"
    code, shifts = throw_sites.instrument(source, 4)
    lines = code.split("\n")
    assert lines[0] == "class A { import(d) { return d; } }"
    assert lines[1] == "const m = await __pynodeImport(4, (s, o) => import(s, o), './x.mjs'); // import('y')"
    assert lines[2] == "import.meta.url;"
    # The specifier's column maps back to the user's.
    assert throw_sites.original_column(shifts, 2, lines[1].index("'./x.mjs'") + 1) == source.index("'./x.mjs'") - \
        source.index("\n") - 1 + 1


def test_throws_of_a_call_go_through_the_hook_on_one_line_only():
    source = ("throw Object.assign(new Error('x'), {a: 1});\nthrow make('y')[0].err\nthrow new Error('z');\n"
              "throw f(\n1);\nthrow f() + 1;\nthrow await g();\n")
    code, shifts = throw_sites.instrument(source, 2)
    lines = code.split("\n")
    assert lines[0] == "throw __pynodeThrow(2,1,1,Object.assign(new Error('x'), {a: 1}));"
    assert lines[1] == "throw __pynodeThrow(2,2,1,make('y')[0].err)"
    assert lines[2:] == source.split("\n")[2:]  # made by the throw, cut by a line end, or more than a call
    # The error's own column maps back to the user's.
    assert throw_sites.original_column(shifts, 1, lines[0].index("new Error") + 1) == source.index("new Error") + 1
