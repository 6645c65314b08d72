"""Micro-benchmarks of single stream operations, in one pynode realm.

The TCP benchmarks (bench/tcp_*.py) measure whole workloads; this one
isolates what each costs in JavaScript, so a change to net, the streams,
events or the tick queue can be judged alone: a 'data' delivery from the
handle (with and without an echoing write), a 32-byte socket.write(),
`new net.Socket()`, process.nextTick and its drain, emit() and the bare
MakeCallback. Sockets sit on a fake handle written in JS (no system calls),
and every event enters JS through `realm.make_callback`, as the loop's do.
Usage: python bench/stream_ops.py [repeats]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.bindings.stream_wrap import realm_state  # noqa: E402
from node_compat.realm import Realm  # noqa: E402

SETUP = r"""
(function setup(require, streamBaseState) {
  const net = require('net');
  const EventEmitter = require('events');
  // A handle with a TCP handle's stream interface whose writes all finish at once.
  class FakeHandle {
    constructor() { this.reading = false; this.bytesRead = 0; this.bytesWritten = 0; this.fd = -1; }
    readStart() { return 0; }
    readStop() { return 0; }
    writeBuffer(req, data) {
      streamBaseState[0] = data.length;
      streamBaseState[1] = 0;
      return 0;
    }
    writeUtf8String(req, s) { return this.writeBuffer(req, s); }
    writeLatin1String(req, s) { return this.writeBuffer(req, s); }
    shutdown() { return 0; }
    close(cb) { if (cb) process.nextTick(cb); }
    ref() {}
    unref() {}
    getAsyncId() { return 1; }
  }
  function socketOn(listener) {
    const handle = new FakeHandle();
    const socket = new net.Socket({ handle });
    socket.on('data', listener(socket));
    return handle;
  }
  const message = Buffer.alloc(32, 'p');
  const emitter = new EventEmitter();
  emitter.on('data', () => {});
  const writer = new net.Socket({ handle: new FakeHandle() });
  function noop() {}
  return {
    echo: socketOn((socket) => (data) => socket.write(data)),
    sink: socketOn(() => () => {}),
    ops: {
      empty() {},
      write() { writer.write(message); },
      nextTick() { process.nextTick(noop); },
      newSocket(n) { for (let i = 0; i < n; i++) new net.Socket(); },
      emit(n) { for (let i = 0; i < n; i++) emitter.emit('data', i); },
    },
  };
})
"""


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    realm = Realm([sys.executable])
    env = realm.engine.eval(SETUP, "bench:stream_ops")(realm._require_builtin, realm_state(realm).array)
    make_callback = realm.make_callback
    array_buffer = realm.engine.array_buffer
    payload = bytes(32)
    echo, sink, ops = env["echo"], env["sink"], env["ops"]

    def events(target: object, method: str, *args: object):
        def run(n: int) -> None:
            for _ in range(n):
                make_callback(target, method, *args)
        return run

    def reads(handle: object):
        def run(n: int) -> None:
            for _ in range(n):
                make_callback(handle, "onread", 32, array_buffer(payload))
        return run

    def js_loop(method: str):
        def run(n: int) -> None:
            make_callback(ops, method, n)
        return run

    cases = [
        ("make_callback (empty JS function)", events(ops, "empty"), 20000),
        ("process.nextTick + drain", events(ops, "nextTick"), 20000),
        ("emit('data') to one listener", js_loop("emit"), 20000),
        ("'data' delivery (onread, no write)", reads(sink), 10000),
        ("'data' delivery + echo socket.write", reads(echo), 10000),
        ("socket.write(32 bytes) + drain", events(ops, "write"), 10000),
        ("new net.Socket()", js_loop("newSocket"), 2000),
    ]
    print(f"stream operations in pynode (best of {repeats}, CPU time), microseconds per operation")
    for name, run, n in cases:
        run(n // 10)  # warm up
        times = []
        for _ in range(repeats):
            start = time.process_time()
            run(n)
            times.append((time.process_time() - start) / n * 1e6)
        print(f"  {name:40s} {min(times):8.2f} us")
    realm.close()


if __name__ == "__main__":
    main()
