"""internal/util/inspect and the console helpers driven directly. The
expected texts are what Node 23.5 prints (fixtures/inspect and
fixtures/console compare whole programs with the reference)."""

from __future__ import annotations

import pytest

from node_compat.realm import Realm


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


@pytest.fixture(scope="module")
def insp(realm):
    return realm._require_builtin("internal/util/inspect")


def run(realm, source):
    return realm.engine.eval(source)


def test_short_numbers_group_in_right_aligned_columns(realm, insp):
    arr = run(realm, "Array.from({ length: 30 }, (_, i) => i)")
    assert insp["inspect"](arr) == (
        "[\n"
        "   0,  1,  2,  3,  4,  5,  6,  7,  8,\n"
        "   9, 10, 11, 12, 13, 14, 15, 16, 17,\n"
        "  18, 19, 20, 21, 22, 23, 24, 25, 26,\n"
        "  27, 28, 29\n"
        "]")


def test_innermost_levels_share_a_line(realm, insp):
    value = run(realm, "({ a: { b: { c: {} } }, d: [1, { e: 2 }] })")
    assert insp["inspect"](value) == "{ a: { b: { c: {} } }, d: [ 1, { e: 2 } ] }"
    assert insp["inspect"](value, run(realm, "({ compact: false })")) == (
        "{\n  a: {\n    b: {\n      c: {}\n    }\n  },\n  d: [\n    1,\n    {\n      e: 2\n    }\n  ]\n}")


def test_circular_references_are_numbered(realm, insp):
    value = run(realm, "(() => { const a = { n: 1 }; const b = { a }; a.b = b; a.self = a; return a; })()")
    assert insp["inspect"](value) == "<ref *1> { n: 1, b: { a: [Circular *1] }, self: [Circular *1] }"


def test_quotes_pick_the_fewest_escapes(insp):
    assert insp["inspect"]("it's") == '"it\'s"'
    assert insp["inspect"]("it's \"x\"") == "`it's \"x\"`"
    assert insp["inspect"]("it's \"x\" `y`") == "'it\\'s \"x\" `y`'"
    assert insp["inspect"]("\x00\x7f\n") == "'\\x00\\x7F\\n'"


def test_custom_inspect_receives_depth_options_and_inspect(realm, insp):
    value = run(realm, "({ inner: { [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {"
                       " return `d=${depth} o=${options.depth} ${typeof inspect} ${options.extra}`; } } })")
    assert insp["inspect"](value, run(realm, "({ depth: 4, extra: 'x' })")) == "{ inner: d=3 o=4 function x }"


def test_format_specifiers(realm, insp):
    fmt = insp["format"]
    assert fmt("%s|%d|%i|%f|%j|%%|%c.", "a", "7", "7.9", "1.5", [1], "css") == "a|7|7|1.5|[1]|%|."
    assert fmt("%s", run(realm, "-0")) == "-0"
    assert fmt("no args %s") == "no args %s"
    assert fmt("a", "b", 3) == "a b 3"


def test_string_width_counts_wide_and_zero_width_characters(insp):
    width = insp["getStringWidth"]
    assert width("abc") == 3
    assert width("中文") == 4
    assert width("e\u0301") == 1
    assert width("\u001b[31mred\u001b[39m") == 3
    assert width("🚀✅") == 4
    assert width("🇫🇷") == 4
    assert width("a\u200bb") == 2


def test_identical_sequence_range(realm, insp):
    a = run(realm, "['x', 'a', 'b', 'c', 'd', 'y']")
    b = run(realm, "['a', 'b', 'c', 'd', 'z']")
    assert insp["identicalSequenceRange"](a, b).to_python() == {"len": 4, "offset": 1}


def test_strip_vt_control_characters(insp):
    assert insp["stripVTControlCharacters"]("\u001b[1mbold\u001b[22m \u001b]8;;http://a\u0007l\u001b]8;;\u0007") == "bold l"


def test_console_time_format(realm):
    format_time = realm._require_builtin("internal/console/constructor")["formatTime"]
    assert format_time(0.5) == "0.5ms"
    assert format_time(12.3456) == "12.346ms"
    assert format_time(1500) == "1.500s"
    assert format_time(61001) == "1:01.001 (m:ss.mmm)"
    assert format_time(3723004) == "1:02:03.004 (h:mm:ss.mmm)"


def test_console_table_drawing(realm):
    render = realm._require_builtin("internal/console/table")["renderTable"]
    head = run(realm, "['(index)', 'a']")
    cols = run(realm, "[['0', '1'], ['1', '22']]")
    assert render(head, cols) == (
        "┌─────────┬────┐\n"
        "│ (index) │ a  │\n"
        "├─────────┼────┤\n"
        "│ 0       │ 1  │\n"
        "│ 1       │ 22 │\n"
        "└─────────┴────┘")
