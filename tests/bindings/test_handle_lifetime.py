"""A closed handle is garbage: nothing keeps its Python object once its close callback ran.

The JS handle object holds its Python object, and the Python object holds
the JS object; neither garbage collector sees across, so the binding must
let go of the JS side when the handle is done, or every connection leaks.
"""

from __future__ import annotations

import gc

from node_compat.bindings.tcp_wrap import TCP
from node_compat.realm import Realm

CHURN = r"""
(function (require, count) {
  const net = require('net');
  let closed = 0;
  const server = net.createServer((socket) => socket.end());
  server.listen(0, '127.0.0.1', () => {
    for (let i = 0; i < count; i++) {
      const client = net.connect(server.address().port, '127.0.0.1');
      client.resume();
      client.on('close', () => { if (++closed === count) server.close(); });
    }
  });
})
"""


def live_handles(realm: Realm) -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, TCP) and obj.realm is realm)


def test_closed_connections_are_collected() -> None:
    realm = Realm(["node"])
    try:
        realm.engine.eval(CHURN, "churn")(realm._require_builtin, 20)
        realm.run_loop()
        assert live_handles(realm) == 0
    finally:
        realm.close()


def test_handle_closed_without_callback_is_collected() -> None:
    realm = Realm(["node"])
    try:
        realm.engine.eval("(binding) => { new (binding('tcp_wrap').TCP)(0).close(); }", "close")(
            realm._require_builtin["internalBinding"])
        realm.run_loop()
        assert live_handles(realm) == 0
    finally:
        realm.close()
