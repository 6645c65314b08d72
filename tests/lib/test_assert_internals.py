"""assert's internals driven directly: the Myers line diff and its folding,
the call-extent search behind assert.ok's quoted source, and deep equality.

The expected texts are what Node 23.5 prints for the same inputs (the
differential fixtures in fixtures/assert compare whole programs)."""

from __future__ import annotations

import pytest

from node_compat.realm import Realm


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


@pytest.fixture(scope="module")
def diff(realm):
    return realm._require_builtin("internal/assert/myers_diff")


@pytest.fixture(scope="module")
def extent(realm):
    return realm._require_builtin("internal/assert/call_source")["callExtent"]


@pytest.fixture(scope="module")
def compare(realm):
    return realm._require_builtin("internal/util/comparisons")


def render(diff, actual, expected, comma=False):
    return diff["printMyersDiff"](diff["myersDiff"](actual, expected, comma)).to_python()


def test_diff_marks_changed_lines_actual_first(diff):
    out = render(diff, ["[", "  1,", "  2", "]"], ["[", "  1,", "  3", "]"])
    assert out == {"message": "\n  [\n    1,\n+   2\n-   3\n  ]", "skipped": False}


def test_diff_of_identical_input_is_all_context(diff):
    out = render(diff, ["a", "b"], ["a", "b"])
    assert out["message"] == "\n  a\n  b"


def test_comma_disparity_counts_as_equal_and_shows_the_comma(diff):
    actual = ["{", "  a: 1,", "  c: 3", "}"]
    expected = ["{", "  a: 1,", "  c: 3,", "  d: 4", "}"]
    assert render(diff, actual, expected, True)["message"] == "\n  {\n    a: 1,\n    c: 3,\n-   d: 4\n  }"
    assert render(diff, actual, expected, False)["message"] != "\n  {\n    a: 1,\n    c: 3,\n-   d: 4\n  }"


def numbered(n, changed):
    lines = ["["] + [f"  {i}," for i in range(n - 1)] + [f"  {n - 1}", "]"]
    other = list(lines)
    for i in changed:
        other[i + 1] = "  0,"
    return lines, other


def test_long_unchanged_runs_fold_to_an_ellipsis(diff):
    # Node 23.5 for deepStrictEqual([1..15], [1..7, 0, 9..15]) (1-based values).
    actual = ["["] + [f"  {i}," for i in range(1, 15)] + ["  15", "]"]
    expected = list(actual)
    expected[8] = "  0,"
    out = render(diff, actual, expected)
    assert out["skipped"] is True
    assert out["message"] == (
        "\n  [\n    1,\n    2,\n    3,\n    4,\n...\n    7,\n+   8,\n-   0,\n"
        "    9,\n    10,\n    11,\n    12,\n    13,"
    )


@pytest.mark.parametrize("hidden,expected_tail", [
    (1, "    5,\n+   6,"),
    (2, "    5,\n    6,\n+   7,"),
])
def test_one_or_two_hidden_lines_are_shown_instead_of_folded(diff, hidden, expected_tail):
    length = 5 + hidden + 3
    actual = [f"  {i}," for i in range(length)]
    expected = list(actual)
    expected[5 + hidden] = "  x,"
    out = render(diff, actual, expected)
    assert out["skipped"] is False
    assert "..." not in out["message"]
    assert expected_tail in out["message"]


@pytest.mark.parametrize("code,offset,text", [
    ("assert.ok(x)", 7, "assert.ok(x)"),
    ("  t(() => assert.ok(false));", 17, "assert.ok(false)"),
    ("assert(a, ')')", 0, "assert(a, ')')"),
    ("assert.ok(/\\)/.test(s)) || g()", 7, "assert.ok(/\\)/.test(s))"),
    ("assert.ok(`${f(')')}`)", 7, "assert.ok(`${f(')')}`)"),
    ("assert.ok(1 /* ) */, 2)", 7, "assert.ok(1 /* ) */, 2)"),
    ("a.b(c)[d].ok(0)", 10, "a.b(c)[d].ok(0)"),
    ("assert['ok'](0)", 12, "assert['ok'](0)"),
    ("(0, assert.ok)(0)", 14, "(0, assert.ok)(0)"),
    ("x?.y?.assert(0)", 6, "x?.y?.assert(0)"),
    ("} catch (e) { assert.ok(e) }", 21, "assert.ok(e)"),
    ("if (a) assert(b)", 7, "assert(b)"),
    ("return typeof assert.ok(z)", 21, "assert.ok(z)"),
    ("assert.ok(\n  a,\n  b)", 7, "assert.ok(\n  a,\n  b)"),
    ("s = `${assert.ok(0)} (x)`", 14, "assert.ok(0)"),
    ("s = `a${`${assert(null)}`}`", 11, "assert(null)"),
    ("s = `(${a})`; assert(b)", 14, "assert(b)"),
])
def test_call_extent(extent, code, offset, text):
    found = extent(code, offset)
    assert found is not None
    start, end = found.to_python()
    assert code[start:end] == text


@pytest.mark.parametrize("code,offset", [
    ("assert.ok(unclosed", 7),
    ("assert.ok", 7),
])
def test_call_extent_gives_up_on_incomplete_code(extent, code, offset):
    assert extent(code, offset) is None


@pytest.mark.parametrize("expr,strict,loose", [
    ("[NaN, NaN]", True, True),
    ("[0, -0]", False, True),
    ("[[1, , 3], [1, undefined, 3]]", False, False),
    ("[new Set([1, {a: 1}]), new Set([{a: 1}, 1])]", True, True),
    ("[new Set([0]), new Set(['0'])]", False, True),
    ("[new Map([[null, 1]]), new Map([[undefined, 1]])]", False, True),
    ("[Object.create(null), {}]", False, True),
    ("[new Float64Array([NaN]), new Float64Array([NaN])]", True, False),
    ("[Object.assign(new Error('a'), {message: 'a'}), new Error('a')]", True, True),
    ("[new Error('a', {cause: 1}), new Error('a')]", False, False),
    ("[new WeakMap(), new WeakMap()]", False, False),
    ("(() => { const a = {}; a.self = a; const b = {}; b.self = {self: b}; return [a, b]; })()", True, True),
    ("(() => { const a = {}; a.self = a; return [a, {self: {}}]; })()", False, False),
    ("[{[Symbol.for('s')]: 1}, {[Symbol.for('s')]: 2}]", False, True),
])
def test_deep_equality(realm, compare, expr, strict, loose):
    pair = realm.engine.eval(expr)
    a, b = pair[0], pair[1]
    assert compare["isDeepStrictEqual"](a, b) is strict
    assert compare["isDeepStrictEqual"](b, a) is strict
    assert compare["isDeepEqual"](a, b) is loose
    assert compare["isDeepEqual"](b, a) is loose


def test_call_extent_of_an_optional_call(extent):
    code = "x = assert.ok?.(0);"
    start, end = extent(code, 11).to_python()
    assert code[start:end] == "assert.ok?.(0)"
