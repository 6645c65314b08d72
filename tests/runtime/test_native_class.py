"""Python classes exposed as JS classes, and HandleWrap's ref/close accounting."""

from __future__ import annotations

import sys
import types

import pytest

from node_compat.bindings.handle_wrap import HandleWrap
from node_compat.bindings.native import export_class
from node_compat.realm import Realm


class Counter(HandleWrap):
    JS_METHODS = HandleWrap.JS_METHODS + ("add", "count", "start")
    JS_GETTERS = ("value",)

    def __init__(self, realm, start=0):
        super().__init__(realm)
        self.value = start

    def add(self, k):
        self.value += k
        return self.value

    def count(self, *args):
        return len(args)

    def start(self):
        self.set_active(True)


@pytest.fixture()
def realm():
    module = types.ModuleType("node_compat.bindings.test_counter")
    module.create = lambda r: {"Counter": export_class(r, Counter), "Req": export_class(r, None, "Req")}
    sys.modules[module.__name__] = module
    r = Realm(["node"])
    yield r
    r.close()
    del sys.modules[module.__name__]


def binding(realm):
    return realm._require_builtin["internalBinding"]("test_counter")


def test_methods_getters_and_identity(realm):
    fn = realm.engine.eval(
        "(function (b) { const c = new b.Counter(5); const r = new b.Req();"
        " return [c.add(2), c.add(3), c.value, c.count(1, 2, 3), c instanceof b.Counter,"
        " b.Counter.name, typeof r, c.hasRef()]; })"
    )
    assert fn(binding(realm)).to_python() == [7, 10, 10, 3, True, "Counter", "object", True]


def test_ref_counting_and_close_callback(realm):
    fn = realm.engine.eval(
        "(function (b, log) { const c = new b.Counter(); c.start(); globalThis.c = c;"
        " return () => { c.unref(); log('unref'); c.ref(); c.close(() => log('closed')); }; })"
    )
    seen = []
    step = fn(binding(realm), realm.engine.function(seen.append, "log", 1))
    assert realm.loop.ref_handles == 1
    step()
    assert seen == ["unref"] and realm.loop.ref_handles == 0
    assert realm.loop.alive()  # the close callback is still due
    realm.loop.run()
    assert seen == ["unref", "closed"] and not realm.loop.alive()
