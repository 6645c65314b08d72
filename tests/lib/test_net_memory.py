"""node:net leaves nothing behind per connection: after connections have come
and gone, the engine holds as many JavaScript objects as before (once its
garbage collector ran), however many there were."""

from __future__ import annotations

from node_compat.realm import Realm

CHURN = """
  const server = net.createServer((socket) => {
    socket.on('data', () => {});
    socket.on('end', () => socket.end());
  });
  server.listen(0, '127.0.0.1', () => {
    let started = 0;
    let closed = 0;
    const next = () => {
      started++;
      const client = net.connect(server.address().port, '127.0.0.1', () => client.end('x'));
      client.resume();
      client.on('close', () => {
        if (++closed === COUNT) server.close();
        else if (started < COUNT) next();
      });
    };
    for (let i = 0; i < 5; i++) next();
  });
"""


def objects_after_churn(count: int) -> int:
    """JS objects alive after `count` connect/write/end cycles (and a full collection)."""
    realm = Realm(["node"])
    try:
        fn = realm.engine.eval(f"(function (require) {{ const net = require('net'); {CHURN.replace('COUNT', str(count))} }})")
        fn(realm._require_builtin)
        realm.drain()
        realm.run_loop()
        realm.engine.run_gc()
        return realm.engine.memory_usage()["obj_count"]
    finally:
        realm.close()


def test_closed_connections_are_freed():
    few = objects_after_churn(20)
    many = objects_after_churn(220)
    assert many - few < 20, f"{(many - few) / 200:.1f} objects kept per connection"
