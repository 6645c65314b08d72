"""The TCP handle driven directly from JS with recorded callbacks (no net.js)."""

from __future__ import annotations

import errno
import os
import socket

import pytest

from node_compat.bindings.stream_wrap import wrap_int32
from node_compat.realm import Realm

PRELUDE = r"""
(function (log) {
  const { TCP, TCPConnectWrap, constants } = internalBinding('tcp_wrap');
  const { WriteWrap, ShutdownWrap, streamBaseState, kBytesWritten, kLastWriteWasAsync } =
    internalBinding('stream_wrap');
  const text = (ab) => String.fromCharCode(...new Uint8Array(ab));
  function listen(host = '127.0.0.1') {
    const server = new TCP(constants.SERVER);
    const err = host.includes(':') ? server.bind6(host, 0, 0) : server.bind(host, 0);
    if (err) throw new Error('bind ' + err);
    const listenErr = server.listen(511);
    if (listenErr) throw new Error('listen ' + listenErr);
    const out = {};
    server.getsockname(out);
    return [server, out.port];
  }
  function connect(port, host = '127.0.0.1', cb) {
    const client = new TCP(constants.SOCKET);
    const req = new TCPConnectWrap();
    req.oncomplete = cb;
    const err = host.includes(':') ? client.connect6(req, host, port) : client.connect(req, host, port);
    return [client, err];
  }
  function write(handle, data, cb) {
    const req = new WriteWrap();
    req.oncomplete = cb;
    const err = typeof data === 'string' ? handle.writeUtf8String(req, data) : handle.writeBuffer(req, data);
    return [err, streamBaseState[kBytesWritten], streamBaseState[kLastWriteWasAsync]];
  }
  function shutdown(handle, cb) {
    const req = new ShutdownWrap();
    req.oncomplete = cb;
    return handle.shutdown(req);
  }
  return { TCP, constants, listen, connect, write, shutdown, text };
})
"""


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def run(realm, body):
    """Evaluate `body` with the prelude's helpers and `log`; run the loop; return the log."""
    seen = []
    log = realm.engine.function(lambda v: seen.append(v.to_python() if hasattr(v, "to_python") else v), "log", 1)
    setup = realm.engine.eval(
        "(function (internalBinding) { return " + PRELUDE.strip() + "; })"
    )(realm._require_builtin["internalBinding"])
    helpers = setup(log)
    fn = realm.engine.eval(f"(function (h, log) {{ const {{ listen, connect, write, shutdown, text, TCP, constants }} = h; {body} }})")
    fn(helpers, log)
    realm.loop.run()
    return seen


def open_fds(realm=None) -> set:
    """The process's descriptors, but the listing's own and the loop's reserve (libuv's emfile_fd)."""
    fds = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # the listing's own, closed since
        if target != f"/proc/{os.getpid()}/fd":
            fds.add(name)
    if realm is not None:
        fds.discard(str(realm.loop.emfile_fd))
    return fds


def test_connect_accept_echo_and_eof(realm):
    before = open_fds()
    seen = run(realm, r"""
      const [server, port] = listen();
      server.onconnection = (status, peer) => {
        log(['connection', status, peer instanceof TCP]);
        peer.onread = (nread, ab) => {
          if (nread < 0) {
            log(['server eof', nread]);
            peer.close(() => { log('peer closed'); server.close(() => log('server closed')); });
            return;
          }
          log(['server read', text(ab)]);
          log(['echo', ...write(peer, ab.slice(0), () => {})]);
        };
        peer.readStart();
      };
      const [client, err] = connect(port, '127.0.0.1', (status, handle, req, readable, writable) => {
        log(['connected', status, handle === client, readable, writable]);
        client.onread = (nread, ab) => {
          if (nread < 0) { log(['client eof', nread]); return; }
          log(['client read', text(ab)]);
          log(['shutdown', shutdown(client, (s) => { log(['shutdown done', s]); })]);
        };
        client.readStart();
        log(['write', ...write(client, 'hello')]);
      });
      log(['connect', err]);
      client.onclose = () => {};
      globalThis.client = client;
      server.onclose = () => {};
    """)
    assert seen[0] == ["connect", 0]
    assert seen.index(["connected", 0, True, True, True]) + 1 == seen.index(["write", 0, 5, 0])
    assert ["connection", 0, True] in seen
    assert ["server read", "hello"] in seen and ["echo", 0, 5, 0] in seen
    assert ["client read", "hello"] in seen
    assert ["shutdown done", 0] in seen
    assert ["server eof", -4095] in seen
    assert seen.index("peer closed") < seen.index("server closed")
    assert ["client eof", -4095] in seen
    realm.engine.eval("client.close()")
    realm.loop.run()
    assert open_fds(realm) == before


def test_connect_refused_is_reported_through_the_request(realm):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    seen = run(realm, f"""
      const [client, err] = connect({port}, '127.0.0.1', (status, handle, req, readable, writable) => {{
        log(['done', status, readable, writable]);
        client.close();
      }});
      log(['connect', err]);
    """)
    assert seen == [["connect", 0], ["done", -errno.ECONNREFUSED, False, False]]


def test_address_in_use_is_reported_by_listen(realm):
    seen = run(realm, r"""
      const [server, port] = listen();
      const other = new TCP(constants.SERVER);
      log(['bind', other.bind('127.0.0.1', port)]);
      log(['listen', other.listen(511)]);
      log(['bad address', new TCP(constants.SOCKET).bind('not-an-ip', 0)]);
      log(['bad address6', new TCP(constants.SOCKET).bind6('127.0.0.1', 0, 0)]);
      other.close(); server.close();
    """)
    assert seen == [["bind", 0], ["listen", -errno.EADDRINUSE], ["bad address", -errno.EINVAL],
                    ["bad address6", -errno.EINVAL]]


def test_ipv6_loopback_and_addresses(realm):
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    seen = run(realm, r"""
      const [server, port] = listen('::1');
      server.onconnection = (status, peer) => {
        const out = {};
        peer.getpeername(out);
        log(['peer', out.address, out.family]);
        peer.close(); server.close();
      };
      const [client] = connect(port, '::1', (status) => {
        const out = {};
        client.getsockname(out);
        log(['local', status, out.address, out.family, typeof out.port]);
        client.close();
      });
    """)
    assert ["local", 0, "::1", "IPv6", "number"] in seen
    assert ["peer", "::1", "IPv6"] in seen


def test_large_write_is_queued_and_completes(realm):
    seen = run(realm, r"""
      const [server, port] = listen();
      let total = 0;
      server.onconnection = (status, peer) => {
        peer.onread = (nread) => {
          if (nread < 0) { log(['received', total]); peer.close(); server.close(); return; }
          total += nread;
        };
        peer.readStart();
      };
      const [client] = connect(port, '127.0.0.1', () => {
        const big = new Uint8Array(8 * 1024 * 1024).fill(120);
        const [err, bytes, async] = write(client, big, (status) => {
          log(['complete', status, client.writeQueueSize]);
          shutdown(client, () => client.close());
        });
        log(['write', err, bytes, async, client.writeQueueSize > 0]);
      });
    """)
    assert seen[0] == ["write", 0, 8 * 1024 * 1024, 1, True]
    assert seen[1] == ["complete", 0, 0]
    assert seen[2] == ["received", 8 * 1024 * 1024]


def test_write_after_shutdown_is_epipe_and_reset_reaches_peer(realm):
    seen = run(realm, r"""
      const [server, port] = listen();
      server.onconnection = (status, peer) => {
        peer.onread = (nread) => {
          log(['peer read', nread]);
          if (nread < 0) { peer.close(); server.close(); }
        };
        peer.readStart();
      };
      const [client] = connect(port, '127.0.0.1', () => {
        shutdown(client, (s) => {
          log(['write after shutdown', write(client, 'x')[0]]);
          log(['reset', client.reset(() => log('reset closed'))]);
        });
      });
    """)
    assert ["write after shutdown", -errno.EPIPE] in seen
    assert ["reset", 0] in seen and "reset closed" in seen
    assert ["peer read", -4095] in seen


def test_reset_gives_the_peer_econnreset(realm):
    seen = run(realm, r"""
      const [server, port] = listen();
      server.onconnection = (status, peer) => {
        peer.onread = (nread) => {
          if (nread > 0) return;
          log(['peer read', nread]);
          peer.close(); server.close();
        };
        peer.readStart();
      };
      const [client] = connect(port, '127.0.0.1', () => {
        write(client, 'data');
        setTimeout(() => client.reset(), 20);
      });
    """)
    assert seen == [["peer read", -errno.ECONNRESET]]


def test_close_while_connecting_cancels_before_onclose(realm):
    seen = run(realm, r"""
      const [server, port] = listen();
      const [client] = connect(port, '127.0.0.1', (status) => log(['connect', status]));
      client.close(() => log('closed'));
      server.close();
    """)
    assert seen == [["connect", -errno.ECANCELED], "closed"]


def test_unref_server_lets_the_loop_end(realm):
    seen = run(realm, r"""
      const [server] = listen();
      server.unref();
      log(['hasRef', server.hasRef()]);
    """)
    assert seen == [["hasRef", False]]
    assert not realm.loop.alive()


def test_listen_takes_the_backlog_as_an_int32(realm):
    seen = run(realm, r"""
      for (const backlog of [2 ** 31, 1e20, -1, Infinity, NaN, '7', 'x', null, { valueOf() { return 3; } }]) {
        const server = new TCP(constants.SERVER);
        server.bind('127.0.0.1', 0);
        log(server.listen(backlog));
        server.close();
      }
    """)
    assert seen == [0] * 9


@pytest.mark.parametrize("number, int32", [
    (0, 0), (511, 511), (1.9, 1), (-1.9, -1), (2 ** 31, -(2 ** 31)), (2 ** 32 + 5, 5), (-(2 ** 31) - 1, 2 ** 31 - 1),
    (1e20, 1661992960), (float("inf"), 0), (float("-inf"), 0), (float("nan"), 0), (-0.0, 0),
])
def test_wrap_int32_is_ecmascript_to_int32(number, int32):
    assert wrap_int32(number) == int32
