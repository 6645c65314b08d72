"""node:dgram under faults, driven in-process: closing inside 'message',
sends after close, listeners that throw, and no file descriptor left open."""

from __future__ import annotations

import os

from node_compat.realm import Realm


def open_fds() -> set:
    return set(os.listdir("/proc/self/fd"))


def run_program(body: str) -> list:
    """Run `body` (with `dgram` and `log`) in a fresh realm until its loop ends; returns the log."""
    realm = Realm(["node"])
    seen: list = []
    try:
        fn = realm.engine.eval(f"(function (require, log) {{ const dgram = require('dgram'); {body} }})")
        fn(realm._require_builtin, realm.engine.function(lambda v: seen.append(v), "log", 1))
        realm.run_loop()
    finally:
        realm.close()
    return seen


def test_close_inside_message_send_after_close_and_throwing_listener():
    before = open_fds()
    seen = run_program("""
        process.on('uncaughtException', (err) => log('uncaught ' + err.message));
        const rx = dgram.createSocket('udp4');
        let n = 0;
        rx.on('message', (msg) => {
          n++;
          if (n === 1) throw new Error('boom');
          rx.close(() => log('closed'));
          try { rx.send('x', 9, '127.0.0.1'); } catch (e) { log(e.code); }
        });
        rx.bind(0, '127.0.0.1', () => {
          const tx = dgram.createSocket('udp4');
          const port = rx.address().port;
          for (let i = 0; i < 5; i++) tx.send('m' + i, port, '127.0.0.1');
          tx.send('last', port, '127.0.0.1', () => tx.close());
        });
    """)
    assert seen == ["uncaught boom", "ERR_SOCKET_DGRAM_NOT_RUNNING", "closed"]
    assert open_fds() == before


def test_many_sockets_and_bind_errors_leave_no_fds():
    before = open_fds()
    seen = run_program("""
        const first = dgram.createSocket('udp4');
        first.bind(0, '127.0.0.1', () => {
          const port = first.address().port;
          let left = 20;
          for (let i = 0; i < 20; i++) {
            const s = dgram.createSocket(i % 2 ? 'udp4' : 'udp6');
            s.on('error', (e) => { log(e.code); s.close(); if (--left === 0) first.close(); });
            s.on('listening', () => { s.close(); if (--left === 0) first.close(); });
            if (i % 2) s.bind(port, '127.0.0.1'); else s.bind(0, '::1');
          }
        });
    """)
    assert seen == ["EADDRINUSE"] * 10
    assert open_fds() == before


def test_unref_socket_does_not_keep_the_loop_alive():
    before = open_fds()
    seen = run_program("""
        const s = dgram.createSocket('udp4');
        s.bind(0, () => { s.unref(); log('bound'); });
    """)
    assert seen == ["bound"]
    assert open_fds() == before
