"""The URL parser's fast path agrees with the full state machine.

Plain special URLs skip the state machine (internal/url/parser.js
`fastParse`); for every input it accepts, the record must equal what the
state machine produces. A leading space makes the fast path decline (the
state machine trims it), which gives the reference result.
"""

from __future__ import annotations

import itertools

import pytest

from node_compat.realm import Realm

SCHEMES = ["http", "HTTPS", "ws", "wss", "ftp", "file", "foo"]
HOSTS = ["example.com", "EXAMPLE.com", "a_b.c-d", "x.", "127.0.0.1", "1.2.3.0x4", "a.09", "xn--zca.de", "h"]
PORTS = ["", ":80", ":443", ":8080", ":00021", ":65535", ":65536", ":1234567"]
PATHS = ["", "/", "/a/b", "/a/./b", "/a/../b", "/%2e/x", "/~user/x;y=z", "/a[b]^c|d", "/'q'", "/a/b/"]
QUERIES = ["", "?", "?a=1&b=2", "?'x'", "?a`b{c}", "?a\\b"]
FRAGMENTS = ["", "#", "#f", "#a#b", "#'x'", "#a{b}|c"]


@pytest.fixture(scope="module")
def compare():
    realm = Realm(["node"])
    fn = realm.engine.eval(
        "(function (parser, inputs) {"
        "  const bad = [];"
        "  let fast = 0;"
        "  for (const input of inputs) {"
        "    const quick = parser.fastParse(input);"
        "    if (quick === undefined) continue;"
        "    fast++;"
        "    const full = parser.basicParse(' ' + input);"
        "    if (JSON.stringify(quick) !== JSON.stringify(full)) bad.push([input, quick, full]);"
        "  }"
        "  return JSON.stringify([fast, bad]);"
        "})"
    )
    parser = realm._require_builtin("internal/url/parser")
    yield lambda inputs: __import__("json").loads(fn(parser, inputs))
    realm.close()


def test_fast_path_matches_the_state_machine(compare):
    inputs = [
        f"{scheme}://{host}{port}{path}{query}{fragment}"
        for scheme, host, port, path, query, fragment in itertools.product(
            SCHEMES, HOSTS, PORTS, PATHS, QUERIES, FRAGMENTS
        )
    ]
    fast, mismatches = compare(inputs)
    assert fast > 1000  # the fast path is actually taken
    assert mismatches == []


def test_fast_path_declines_what_it_cannot_do(compare):
    declined = ["http://u:p@h/", "http://[::1]/", "file:///x", "http://h/a b", "http://h\\x", "HTTP://ÉX/",
                "http://1.2.3.4/", "http://h:/", "http://h/a/../b"]
    fast, mismatches = compare(declined)
    assert fast == 0 and mismatches == []
