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


def test_the_instance_is_the_host_object(realm):
    fn = realm.engine.eval(
        "(function (b) { const c = new b.Counter(5); class Sub extends b.Counter {} const s = new Sub(1);"
        " let wrong; try { b.Counter.prototype.add.call({}, 1); } catch (e) { wrong = e instanceof Error; }"
        " return [Reflect.ownKeys(c).length, Object.getPrototypeOf(c) === b.Counter.prototype,"
        " Object.getPrototypeOf(s) === Sub.prototype, s instanceof b.Counter, s.add(2), wrong, c]; })"
    )
    result = fn(binding(realm))
    assert [result[i] for i in range(6)] == [0, True, True, True, 3, True]
    counter = result[6]
    # Python receives its own object, whose `js` is the very JS instance.
    assert isinstance(counter, Counter) and counter.value == 5
    assert realm.engine.eval("(c) => c")(counter.js) is counter


def test_accepted_handles_are_instances_of_the_servers_class(realm):
    seen = []
    fn = realm.engine.eval("""(function (require, log) {
      const net = require('net');
      const server = net.createServer((sock) => {
        const h = sock._handle;
        log([h.constructor.name, Object.getPrototypeOf(h) === h.constructor.prototype,
             Reflect.ownKeys(h).some((k) => String(k) === 'Symbol(native)'), typeof h.fd]);
        sock.end();
        server.close();
      });
      server.listen(0, '127.0.0.1', () => {
        const c = net.connect(server.address().port, '127.0.0.1');
        const h = c._handle;
        c.on('connect', () => log([c._handle === h, h.constructor.name]));
        c.resume();
      });
    })""")
    fn(realm._require_builtin, realm.engine.function(lambda v: seen.append(v.to_python()), "log", 1))
    realm.run_loop()
    assert sorted(seen, key=len) == [[True, "TCP"], ["TCP", True, False, "number"]]
