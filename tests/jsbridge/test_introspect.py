"""Engine internals read by jsbridge.introspect: class ids, proxy slots and
what a Map/Set iterator has left, checked against live values."""

from __future__ import annotations

import pytest

from jsbridge import Engine
from jsbridge.introspect import Introspector, class_id


@pytest.fixture(scope="module")
def engine():
    return Engine()


@pytest.fixture(scope="module")
def facts(engine):
    return Introspector(engine)


def test_each_builtin_has_its_own_class(engine, facts):
    ids = facts.class_ids
    for name in ("Object", "Array", "Error", "Map", "Set", "WeakMap", "Promise", "Proxy", "Date", "RegExp",
                 "Uint8Array", "ArrayBuffer", "DataView", "MapIterator", "SetIterator", "ModuleNamespace",
                 "AsyncFunction", "GeneratorFunction", "Arguments", "Number", "String", "Symbol", "BigInt"):
        assert name in ids, name
    assert len(set(ids.values())) == len(ids)
    assert class_id(engine.eval("new (class extends Map {})()")) == ids["Map"]
    assert class_id(engine.eval("({ [Symbol.toStringTag]: 'Map' })")) == ids["Object"]
    assert class_id(engine.eval("Object.setPrototypeOf(new Date(0), null)")) == ids["Date"]


def test_primitives_have_no_class(engine):
    assert class_id(engine.eval("Symbol('x')")) == 0


def test_proxy_details_without_running_traps(engine, facts):
    trio = engine.eval(
        "globalThis.trapped = 0; (() => { const t = { a: 1 }; const h = { get() { trapped++; } };"
        " return [new Proxy(t, h), t, h]; })()")
    proxy, target = trio[0], trio[1]
    got_target, got_handler, revoked = facts.proxy_details(proxy)
    assert got_target["a"] == 1 and not revoked
    assert engine.eval("trapped") == 0
    assert facts.proxy_details(target) is None


def test_revoked_proxy(engine, facts):
    proxy = engine.eval("(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()")
    assert facts.proxy_details(proxy)[2] is True


def entries(facts, engine, source):
    found = facts.iterator_entries(engine.eval(source))
    return None if found is None else (list(found[0]), found[1])


def test_fresh_map_iterators(engine, facts):
    m = "new Map([[1, 'a'], [2, 'b']])"
    assert entries(facts, engine, f"{m}.entries()") == ([1, "a", 2, "b"], True)
    assert entries(facts, engine, f"{m}.keys()") == ([1, 2], False)
    assert entries(facts, engine, f"{m}.values()") == (["a", "b"], False)


def test_partly_consumed_and_exhausted_iterators(engine, facts):
    assert entries(facts, engine, "(() => { const it = new Map([[1, 2], [3, 4], [5, 6]]).entries(); it.next(); return it; })()") \
        == ([3, 4, 5, 6], True)
    assert entries(facts, engine, "(() => { const it = new Set([1]).values(); it.next(); it.next(); return it; })()") \
        == ([], False)


def test_preview_does_not_advance_the_iterator(engine, facts):
    it = engine.eval("globalThis.it = new Set(['x', 'y']).values(); it")
    facts.iterator_entries(it)
    assert engine.eval("it.next().value") == "x"


def test_set_entries_iterator_pairs_values(engine, facts):
    assert entries(facts, engine, "new Set([7]).entries()") == ([7, 7], True)


def test_not_an_iterator(engine, facts):
    assert facts.iterator_entries(engine.eval("[].values()")) is None
    assert facts.iterator_entries(engine.eval("({})")) is None


def test_fast_arrays(engine, facts):
    assert facts.is_fast_array(engine.eval("[1, 2, 3]"))
    assert facts.is_fast_array(engine.eval("new (class extends Array {})(3).fill(0)"))
    assert not facts.is_fast_array(engine.eval("(() => { const a = [1, 2, 3]; delete a[1]; return a; })()"))
    assert not facts.is_fast_array(engine.eval("Object.defineProperty([1, 2], 0, { get() { return 1; } })"))
    assert not facts.is_fast_array(engine.eval("({ length: 0 })"))
    assert not facts.is_fast_array(engine.eval("new Uint8Array(4)"))


def test_keys_after_indices(engine, facts):
    from jsbridge.introspect import GPN_ENUM_ONLY, GPN_STRINGS
    arr = engine.eval("(() => { const a = new Array(3000).fill(1); a.extra = 1; return a; })()")
    assert facts.keys_after_indices(arr, GPN_STRINGS | GPN_ENUM_ONLY) == ["extra"]
    assert facts.keys_after_indices(arr, GPN_STRINGS) == ["length", "extra"]


def test_weak_collection_entries(engine, facts):
    trio = engine.eval("(() => { const a = { n: 1 }; const b = { n: 2 }; globalThis.keep = [a, b];"
                       " const wm = new WeakMap([[a, 'x'], [b, 'y']]); wm.delete(a);"
                       " return [wm, new WeakSet([a, b]), new WeakMap()]; })()")
    weak_map, weak_set, empty = trio[0], trio[1], trio[2]
    entries = facts.weak_entries(weak_map)
    assert len(entries) == 2 and entries[0]["n"] == 2 and entries[1] == "y"
    assert [e["n"] for e in facts.weak_entries(weak_set)] == [1, 2]
    assert facts.weak_entries(empty) == []
    assert facts.weak_entries(engine.eval("new Map()")) is None
