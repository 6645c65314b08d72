"""internalBinding('util') driven directly: class lookups, promise and proxy
details, iterator previews and the non-index key filter."""

from __future__ import annotations

import pytest

from jsbridge import Undefined
from node_compat.realm import Realm


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


@pytest.fixture(scope="module")
def util(realm):
    return realm._binding("util")


def js(realm, source):
    return realm.engine.eval(source)


def test_class_of_objects_and_primitives(realm, util):
    ids = util["classIds"]
    assert util["classOf"](js(realm, "new Map()")) == ids["Map"]
    assert util["classOf"](js(realm, "[]")) == ids["Array"]
    assert util["classOf"](5) == 0
    assert util["classOf"]("text") == 0


def test_promise_details(realm, util):
    consts = util["constants"]
    pending = util["getPromiseDetails"](js(realm, "new Promise(() => {})")).to_python()
    assert pending == [consts["kPending"]]
    done = util["getPromiseDetails"](js(realm, "Promise.resolve(42)")).to_python()
    assert done == [consts["kFulfilled"], 42]
    failed = util["getPromiseDetails"](js(realm, "(() => { const p = Promise.reject(7); p.catch(() => {}); return p; })()"))
    assert failed.to_python() == [consts["kRejected"], 7]


def test_proxy_details(realm, util):
    proxy = js(realm, "new Proxy({ a: 1 }, { b: 2 })")
    both = util["getProxyDetails"](proxy)
    assert both[0]["a"] == 1 and both[1]["b"] == 2
    assert util["getProxyDetails"](proxy, False)["a"] == 1
    assert util["getProxyDetails"](js(realm, "({})")) is Undefined
    revoked = js(realm, "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()")
    assert util["getProxyDetails"](revoked, False) is None


def test_preview_entries(realm, util):
    it = js(realm, "new Map([['k', 'v']]).entries()")
    assert util["previewEntries"](it, True).to_python() == [["k", "v"], True]
    assert util["previewEntries"](it).to_python() == ["k", "v"]
    assert util["previewEntries"](js(realm, "({})"), True) is Undefined


def test_own_non_index_properties(realm, util):
    filt = util["propertyFilter"]
    arr = js(realm, "(() => { const a = [1, 2]; a.x = 1; a[Symbol.for('s')] = 2;"
                    " Object.defineProperty(a, 'hidden', { value: 3 }); a['4294967295'] = 4; return a; })()")
    names = js(realm, "(keys) => keys.map(String)")
    enumerable = util["getOwnNonIndexProperties"](arr, filt["ONLY_ENUMERABLE"])
    assert names(enumerable).to_python() == ["x", "4294967295", "Symbol(s)"]
    everything = util["getOwnNonIndexProperties"](arr, filt["ALL_PROPERTIES"])
    assert names(everything).to_python() == ["length", "x", "hidden", "4294967295", "Symbol(s)"]
    strings_only = util["getOwnNonIndexProperties"](arr, filt["ONLY_ENUMERABLE"] | filt["SKIP_SYMBOLS"])
    assert strings_only.to_python() == ["x", "4294967295"]


def test_own_non_index_properties_of_long_arrays(realm, util):
    filt = util["propertyFilter"]
    names = js(realm, "(keys) => keys.map(String)")
    arr = js(realm, "(() => { const a = new Array(5000).fill(0); a.tag = 1; a[Symbol.for('t')] = 2;"
                    " a[3000000000] = 3; return a; })()")
    assert names(util["getOwnNonIndexProperties"](arr, filt["ONLY_ENUMERABLE"])).to_python() == \
        ["tag", "Symbol(t)"]
    assert names(util["getOwnNonIndexProperties"](arr, filt["ALL_PROPERTIES"])).to_python() == \
        ["length", "tag", "Symbol(t)"]
    typed = js(realm, "(() => { const t = new Uint8Array(4096); t.extra = true; return t; })()")
    assert util["getOwnNonIndexProperties"](typed, filt["ONLY_ENUMERABLE"]).to_python() == ["extra"]
    proxied = js(realm, "new Proxy(new Array(2000).fill(1), {})")
    assert util["getOwnNonIndexProperties"](proxied, filt["ONLY_ENUMERABLE"]).to_python() == []
