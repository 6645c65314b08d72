"""internal/fs/glob: brace expansion and segment matching (minimatch's rules)."""

from __future__ import annotations

import pytest

from node_compat.realm import Realm


@pytest.fixture(scope="module")
def glob():
    realm = Realm(["node"])
    module = realm._require_builtin("internal/fs/glob")
    call = realm.engine.eval("(fn, ...args) => JSON.stringify(fn(...args))")
    import json

    yield lambda name, *args: json.loads(call(module[name], *args))
    realm.close()


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("a/b/c.js", "**/*.js", True),
        (".hidden/x.js", "**/*.js", False),
        (".hidden", ".*", True),
        ("a/", "*", True),
        ("a/../b", "*", True),
        ("a1", "a{1..3}", True),
        ("a4", "a{1..3}", False),
        ("a02", "a{01..03}", True),
        ("ab.js", "+(a|b).js", True),
        ("c.js", "!(a).js", True),
        ("a.js", "!(a).js", False),
        ("a/b", "a\\b", True),
        ("x", "[[:alpha:]]", True),
        ("1", "[!0-9]", False),
        ("", "*", False),
        ("", "**", True),
    ],
)
def test_match(glob, path, pattern, expected):
    assert glob("matchGlobPattern", path, pattern, False) is expected


def test_windows_separators(glob):
    assert glob("matchGlobPattern", "C:\\x\\y.js", "C:/x/*.js", True) is True
    assert glob("matchGlobPattern", "a\\b", "a/b", False) is False
