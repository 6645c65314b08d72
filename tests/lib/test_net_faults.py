"""node:net under faults, driven in-process: every way of closing leaves no
descriptor open, process.exit() with live connections tears down cleanly,
and a write queue stays bounded behind a slow reader."""

from __future__ import annotations

import os

from node_compat.realm import ProcessExit, Realm


def open_fds() -> set:
    return set(os.listdir("/proc/self/fd"))


def run_program(body: str) -> tuple[list, int]:
    """Run `body` (with `net` and `log`) in a fresh realm until its loop ends; returns (log, exit code)."""
    realm = Realm(["node"])
    seen: list = []
    code = 0
    try:
        fn = realm.engine.eval(f"(function (require, log) {{ const net = require('net'); {body} }})")
        fn(realm._require_builtin, realm.engine.function(lambda v: seen.append(v), "log", 1))
        try:
            realm.run_loop()
        except ProcessExit as stop:
            code = stop.code
    finally:
        realm.close()
    return seen, code


def test_every_way_of_closing_releases_descriptors():
    before = open_fds()
    seen, _ = run_program("""
        let open = 0;
        const server = net.createServer((sock) => {
          sock.on('error', () => {});
          sock.resume();
        });
        server.listen(0, '127.0.0.1', () => {
          const port = server.address().port;
          const endings = [
            (c) => c.end('x'),
            (c) => c.destroy(),
            (c) => c.destroy(new Error('boom')),
            (c) => c.resetAndDestroy(),
            (c) => c.destroySoon(),
          ];
          for (let i = 0; i < 50; i++) {
            open++;
            const c = net.connect(port, '127.0.0.1', () => endings[i % endings.length](c));
            c.on('error', () => {});
            c.resume();
            c.on('close', () => { if (--open === 0) server.close(() => log('all closed')); });
          }
          // refused and cancelled connections
          const refused = net.connect(1, '127.0.0.1');
          refused.on('error', (e) => log(e.code));
          net.connect(port, '127.0.0.1').destroy();
        });
    """)
    assert seen == ["ECONNREFUSED", "all closed"]
    assert open_fds() == before


def test_exit_with_live_connections_tears_down():
    before = open_fds()
    seen, code = run_program("""
        const server = net.createServer((sock) => sock.write('hi'));
        server.listen(0, '127.0.0.1', () => {
          const c = net.connect(server.address().port, '127.0.0.1');
          c.on('data', () => { log('data'); process.exit(3); });
        });
    """)
    assert seen == ["data"] and code == 3
    assert open_fds() == before


def test_write_queue_is_bounded_behind_a_slow_reader():
    seen, _ = run_program("""
        const chunk = Buffer.alloc(64 * 1024);
        let maxQueue = 0;
        let maxBuffered = 0;
        const server = net.createServer((sock) => {
          sock.pause();
          const timer = setInterval(() => { sock.read(); }, 5);
          sock.on('end', () => { clearInterval(timer); server.close(); });
          sock.on('readable', () => {});
        });
        server.listen(0, '127.0.0.1', () => {
          const c = net.connect(server.address().port, '127.0.0.1', () => {
            let left = 256;
            const pump = () => {
              while (left > 0) {
                left--;
                const ok = c.write(chunk);
                maxQueue = Math.max(maxQueue, c._handle.writeQueueSize);
                maxBuffered = Math.max(maxBuffered, c.writableLength);
                if (!ok) return;
              }
              c.end(() => log([maxQueue <= chunk.length, maxBuffered <= c.writableHighWaterMark + chunk.length]));
            };
            c.on('drain', pump);
            pump();
          });
        });
    """)
    assert [list(v.to_python()) if hasattr(v, "to_python") else v for v in seen] == [[True, True]]
