"""The map from our library's lines to Node's (internal/node_throw_sites).

Fatal reports of errors thrown inside the library show Node's own source
line; the differential fixtures in fixtures/fatal compare those reports with
Node's. These tests keep the map itself whole: every line of Node's the
library refers to has its text, and the helpers build the arrows V8 prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jsbridge import Undefined
from node_compat.realm import LIB_DIR, Realm

LIB = Path(LIB_DIR)
TABLES = LIB / "internal" / "node_throw_sites"
MARKER = re.compile(r"// at (node:[\w/.-]+):(\d+):(\d+)")
LITERAL = re.compile(r"'(node:[\w/.-]+):(\d+):(\d+)'")


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


@pytest.fixture(scope="module")
def sites(realm):
    return realm._require_builtin("internal/node_throw_sites")


@pytest.fixture(scope="module")
def lines(realm):
    return realm._require_builtin("internal/node_throw_sites/lines").to_python()


def library_files():
    for path in sorted(LIB.rglob("*.js")):
        rel = path.relative_to(LIB)
        if rel.parts[0] == "vendor" or path.parent == TABLES:
            continue
        yield rel, path.read_text(encoding="utf-8")


def referenced_locations():
    found = []
    for rel, text in library_files():
        for number, line in enumerate(text.split("\n"), 1):
            for pattern in (MARKER, LITERAL):
                for m in pattern.finditer(line):
                    found.append((f"{rel}:{number}", m.group(1), m.group(2)))
    return found


def test_library_refers_to_node_lines():
    assert len(referenced_locations()) > 50


def test_every_referenced_line_has_its_text(lines):
    missing = [(where, f"{file}:{line}") for where, file, line in referenced_locations()
               if line not in lines.get(file, {})]
    assert missing == [], "run `python -m node_compat.testing.node_lines`"


def test_markers_end_their_line():
    misplaced = []
    for rel, text in library_files():
        if rel == Path("internal/node_throw_sites.js"):
            continue  # (its documentation shows the form)
        for number, line in enumerate(text.split("\n"), 1):
            if "// at node:" in line and not re.search(r"// at node:[\w/.-]+:\d+:\d+(?: calling (?:[\w$.]+|\{emitter\}|-|new))?$", line):
                misplaced.append(f"{rel}:{number}")
    assert misplaced == []


def test_vendored_frames_point_at_known_lines(realm, lines):
    vendored = realm._require_builtin("internal/node_throw_sites/vendored").to_python()
    for module_id, frames in vendored.items():
        assert module_id.startswith("node:vendor/")
        source = (LIB / f"{module_id[5:]}.js").read_text(encoding="utf-8").split("\n")
        for line, frame in frames.items():
            assert 1 <= int(line) <= len(source)
            file, node_line, _column = re.fullmatch(r"(node:[\w/.-]+):(\d+):(\d+)", frame).groups()
            assert node_line in lines[file]


def test_thrown_arrow_puts_the_caret_on_throw(sites):
    arrow = sites["arrowAt"]("node:dgram:890:11", True)
    assert arrow == "node:dgram:890\n    throw new ErrnoException(err, 'setMulticastInterface');\n    ^\n"


def test_rejected_arrow_puts_the_caret_at_the_frame(sites):
    arrow = sites["arrowAt"]("node:dgram:890:11", False)
    assert arrow == "node:dgram:890\n    throw new ErrnoException(err, 'setMulticastInterface');\n          ^\n"


def test_unknown_line_has_no_arrow(sites):
    assert sites["arrowAt"]("node:dgram:1:1", True) is Undefined
    assert sites["arrowAt"]("not a location", True) is Undefined


def test_frame_of_a_marked_library_line(sites):
    source = (LIB / "timers.js").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(source, 1) if line.endswith("// at node:timers:140:3"))
    assert sites["nodeFrameOf"]("node:timers", number) == "node:timers:140:3"
    assert sites["nodeFrameOf"]("node:timers", 1) is None


def test_marked_error_builds_its_arrows_when_read(realm):
    sites = realm._require_builtin("internal/node_throw_sites")
    util = realm._require_builtin("internal/util")
    probe = realm.engine.eval("""(sites, util) => {
      const own = sites.markThrowSite(new Error('x'), 'node:events:502:17', 'node:events:504:5');
      const hidden = sites.markHiddenValidatorError(new TypeError('y'));
      const a = util.nodeThrowSites.get(own);
      const b = util.nodeThrowSites.get(hidden);
      return [a.thrown, a.rejected, b.thrown, b.rejected === undefined, sites.markThrowSite(7, 'node:dgram:890:11')];
    }""")
    own_thrown, own_rejected, hidden_thrown, hidden_open, primitive = probe(sites, util).to_python()
    assert own_thrown == "node:events:504\n    throw err; // Unhandled 'error' event\n    ^\n"
    assert own_rejected == "node:events:502\n    const err = new ERR_UNHANDLED_ERROR(stringifiedEr);\n                ^\n"
    assert hidden_thrown == "node:internal/errors:540\n      throw error;\n      ^\n"
    assert hidden_open is True
    assert primitive == 7


def test_rethrow_keeps_where_the_error_was_made(realm):
    sites = realm._require_builtin("internal/node_throw_sites")
    util = realm._require_builtin("internal/util")
    probe = realm.engine.eval("""(sites, util) => {
      const err = sites.markThrowSite(new Error('x'), 'node:fs:563:18');
      sites.markRethrow(err, 'node:events:491:7');
      const site = util.nodeThrowSites.get(err);
      return [site.at, site.thrown];
    }""")
    at, thrown = probe(sites, util).to_python()
    assert at == "node:fs:563:18"
    assert thrown == "node:events:491\n      throw er; // Unhandled 'error' event\n      ^\n"
