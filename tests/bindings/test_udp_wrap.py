"""The `udp_wrap` binding driven directly: return codes, callbacks, queueing, no fd leaks."""

from __future__ import annotations

import errno
import os
import socket

import pytest

from node_compat.realm import Realm


def open_fds() -> set:
    return set(os.listdir("/proc/self/fd"))


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


_HELPERS = """
    const enc = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const dec = (ab) => String.fromCharCode(...new Uint8Array(ab));
"""


def run_js(realm, body, *args):
    """Call `(function (b, log, ...args) { body })` with the udp_wrap binding and a recorder."""
    seen = []

    def record(value):
        seen.append(value.to_python() if hasattr(value, "to_python") else value)

    log = realm.engine.function(record, "log", 1)
    binding = realm._require_builtin["internalBinding"]("udp_wrap")
    fn = realm.engine.eval(f"(function (b, log, ...args) {{ {_HELPERS} {body} }})")
    result = fn(binding, log, *args)
    return result, seen


def test_bind_getsockname_and_errors(realm):
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const out = {};
        const before = h.getsockname(out);
        const r = [before, h.fd, h.bind('127.0.0.1', 0, 0)];
        r.push(h.getsockname(out), out.address, out.family, typeof out.port, h.fd > 0);
        r.push(h.getpeername({}));
        const h2 = new b.UDP();
        r.push(h2.bind('not-an-ip', 0, 0), h2.bind('127.0.0.1', out.port, 0));
        h.close(); h2.close();
        return r;
    """)
    assert result.to_python() == [
        -errno.EBADF, -errno.EBADF, 0, 0, "127.0.0.1", "IPv4", "number", True, -errno.ENOTCONN,
        -errno.EINVAL, -errno.EADDRINUSE,
    ]


def test_fd_is_ebadf_without_a_socket(realm):
    """As libuv's uv_fileno: EBADF before the socket exists and once closed."""
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const r = [h.fd];
        h.bind('127.0.0.1', 0, 0);
        r.push(h.fd > 2);
        h.close();
        r.push(h.fd);
        return r;
    """)
    assert result.to_python() == [-errno.EBADF, True, -errno.EBADF]


def test_recv_start_binds_implicitly_and_repeats_quietly(realm):
    """As Node's binding over libuv: recvStart binds an unbound handle (IPv4 any-address),
    a second one is 0 (libuv's EALREADY taken for success); both are EBADF once closed."""
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const out = {};
        const r = [h.recvStop(), h.recvStart(), h.getsockname(out), out.address, out.family, h.recvStart()];
        r.push(h.recvStop(), h.recvStop(), h.recvStart());
        h.close();
        r.push(h.recvStart(), h.recvStop());
        return r;
    """)
    assert result.to_python() == [0, 0, 0, "0.0.0.0", "IPv4", 0, 0, 0, 0, -errno.EBADF, -errno.EBADF]


def test_implicit_binds_take_libuvs_flags(realm):
    """SO_REUSEADDR for the implicit bind of a membership, none for a send's."""
    run_js(realm, """
        const sender = new b.UDP(), member = new b.UDP();
        sender.send(new b.SendWrap(), [new Uint8Array(1)], 1, 9, '127.0.0.1', false);
        member.addMembership('239.7.7.7', '127.0.0.1');
        globalThis.udpPair = [sender, member];
    """)
    sender, member = (realm.engine.eval(f"globalThis.udpPair[{i}]") for i in (0, 1))  # (the Python handles)
    reuse = [h.sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) for h in (sender, member)]
    assert reuse == [0, 1]
    run_js(realm, "globalThis.udpPair.forEach((h) => h.close());")
    realm.loop.run()


def test_send_and_receive_with_rinfo(realm):
    _, seen = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('127.0.0.1', 0, 0);
        const addr = {};
        rx.getsockname(addr);
        rx.onmessage = (nread, handle, buf, rinfo) => {
          log(['msg', nread, handle === rx, dec(buf), rinfo.address, rinfo.family]);
          if (nread === 0) { rx.close(() => log('closed')); tx.close(); }
        };
        log(['recvStart', rx.recvStart()]);
        const req = new b.SendWrap();
        const chunks = [enc('hel'), enc('lo')];
        log(['send', tx.send(req, chunks, 2, addr.port, '127.0.0.1', false)]);
        log(['empty', tx.send(new b.SendWrap(), [new Uint8Array(0)], 1, addr.port, '127.0.0.1', false)]);
    """)
    realm.loop.run()
    assert seen == [
        ["recvStart", 0], ["send", 6], ["empty", 1],
        ["msg", 5, True, "hello", "127.0.0.1", "IPv4"],
        ["msg", 0, True, "", "127.0.0.1", "IPv4"],
        "closed",
    ]
    assert not realm.loop.alive()


def test_connected_send_and_disconnect(realm):
    result, seen = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('127.0.0.1', 0, 0);
        const addr = {};
        rx.getsockname(addr);
        rx.onmessage = (nread, handle, buf, rinfo) => { log(['msg', nread]); rx.close(); };
        rx.recvStart();
        const r = [tx.connect('127.0.0.1', addr.port)];
        const peer = {};
        r.push(tx.getpeername(peer), peer.port === addr.port);
        r.push(tx.send(new b.SendWrap(), [new Uint8Array(3)], 1, false));
        r.push(tx.disconnect(), tx.getpeername({}));
        r.push(tx.send(new b.SendWrap(), [new Uint8Array(3)], 1, false));
        tx.close();
        return r;
    """)
    assert result.to_python() == [0, 0, True, 4, 0, -errno.ENOTCONN, -errno.EDESTADDRREQ]
    realm.loop.run()
    assert seen == [["msg", 3]]


def test_connected_state_decides_which_sends_go(realm):
    """As libuv: an address on a connected socket is EISCONN, none on an unconnected one
    EDESTADDRREQ (before any implicit bind); connecting twice is EISCONN, disconnecting
    an unconnected socket ENOTCONN; an opened connected descriptor counts as connected."""
    peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    peer.bind(("127.0.0.1", 0))
    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    raw.connect(peer.getsockname())
    try:
        result, _ = run_js(realm, """
            const [port, fd] = args;
            const h = new b.UDP();
            const r = [h.send(new b.SendWrap(), [new Uint8Array(1)], 1, false), h.getsockname({}), h.disconnect()];
            r.push(h.connect('127.0.0.1', port), h.connect('127.0.0.1', port));
            r.push(h.send(new b.SendWrap(), [new Uint8Array(1)], 1, port, '127.0.0.1', false));
            r.push(h.send(new b.SendWrap(), [new Uint8Array(1)], 1, port, 'nope', false));
            r.push(h.send(new b.SendWrap(), [new Uint8Array(1)], 1, false));
            r.push(h.disconnect(), h.disconnect());
            const opened = new b.UDP();
            r.push(opened.open(fd), opened.send(new b.SendWrap(), [new Uint8Array(3)], 1, false));
            h.close(); opened.close();
            return r;
        """, peer.getsockname()[1], raw.detach())
        assert result.to_python() == [
            -errno.EDESTADDRREQ, -errno.EBADF, -errno.ENOTCONN, 0, -errno.EISCONN, -errno.EISCONN,
            -errno.EINVAL, 2, 0, -errno.ENOTCONN, 0, 4,
        ]
        assert peer.recv(10) == b"\0" and peer.recv(10) == b"\0\0\0"
    finally:
        peer.close()
        realm.loop.run()


def test_options_need_a_socket_and_validate(realm):
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const r = [h.setTTL(64), h.setBroadcast(true), h.setMulticastTTL(1), h.setMulticastLoopback(true),
                   h.setMulticastInterface('127.0.0.1')];
        const ctx = {};
        r.push(h.bufferSize(0, true, ctx) === undefined, ctx.code, ctx.syscall, ctx.message);
        h.bind('127.0.0.1', 0, 0);
        r.push(h.setTTL(0), h.setTTL(64), h.setMulticastTTL(256), h.setMulticastTTL(2), h.setBroadcast(true),
               h.setMulticastLoopback(false), h.setMulticastInterface('nope'), h.setMulticastInterface('127.0.0.1'));
        r.push(h.bufferSize(8192, false, {}), h.bufferSize(0, false, {}) >= 8192);
        r.push(h.getSendQueueSize(), h.getSendQueueCount());
        h.close();
        return r;
    """)
    assert result.to_python() == [
        -errno.EBADF, -errno.EBADF, -errno.EBADF, -errno.EBADF, -errno.EBADF,
        True, "EBADF", "uv_recv_buffer_size", "bad file descriptor",
        -errno.EINVAL, 0, -errno.EINVAL, 0, 0, 0, -errno.EINVAL, 0,
        8192, True, 0, 0,
    ]


def test_number_options_are_read_as_int32(realm):
    """As V8's Int32Value: NaN and infinities are 0, fractions truncate, the rest wraps."""
    result, _ = run_js(realm, """
        const h = new b.UDP();
        h.bind('127.0.0.1', 0, 0);
        const r = [h.setTTL(NaN), h.setTTL(2 ** 32 + 64), h.setTTL(64.9), h.setTTL(-(2 ** 32) + 7),
                   h.setMulticastTTL(NaN), h.setMulticastTTL(Infinity), h.setMulticastTTL(2 ** 32 + 256),
                   h.setMulticastLoopback(256), h.setMulticastLoopback(2 ** 32 + 1), h.setBroadcast(0.5)];
        h.close();
        return r;
    """)
    assert result.to_python() == [-errno.EINVAL, 0, 0, 0, 0, 0, -errno.EINVAL, -errno.EINVAL, 0, 0]


def test_multicast_on_loopback_delivers(realm):
    _, seen = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('0.0.0.0', 0, b.constants.UV_UDP_REUSEADDR);
        const addr = {};
        rx.getsockname(addr);
        log(['join', rx.addMembership('239.1.2.3', '127.0.0.1')]);
        rx.onmessage = (nread) => {
          log(['msg', nread, rx.dropMembership('239.1.2.3', '127.0.0.1')]);
          rx.close(); tx.close();
        };
        rx.recvStart();
        tx.bind('127.0.0.1', 0, 0);
        log(['if', tx.setMulticastInterface('127.0.0.1'), tx.setMulticastLoopback(true)]);
        log(['send', tx.send(new b.SendWrap(), [new Uint8Array(7)], 1, addr.port, '239.1.2.3', false)]);
    """)
    realm.loop.run()
    assert seen == [["join", 0], ["if", 0, 0], ["send", 8], ["msg", 7, 0]]


def test_ipv6_and_v6only(realm):
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const r = [h.bind6('::1', 0, b.constants.UV_UDP_IPV6ONLY)];
        const out = {};
        h.getsockname(out);
        r.push(out.address, out.family);
        const v4 = new b.UDP();
        r.push(v4.bind('127.0.0.1', 0, b.constants.UV_UDP_IPV6ONLY));
        h.close(); v4.close();
        return r;
    """)
    assert result.to_python() == [0, "::1", "IPv6", -errno.EINVAL]


class _FullSocket:
    """A socket whose kernel send buffer looks full until `full` is cleared."""

    def __init__(self, sock):
        self._sock = sock
        self.full = True

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def sendto(self, *args):
        if self.full:
            raise BlockingIOError(errno.EAGAIN, "full")
        return self._sock.sendto(*args)

    def sendmsg(self, *args):
        if self.full:
            raise BlockingIOError(errno.EAGAIN, "full")
        return self._sock.sendmsg(*args)


def test_queued_sends_complete_in_pending_phase(realm):
    """Sends that would block queue up, count in the queue size/count, and complete via oncomplete."""
    _, received = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('127.0.0.1', 0, 0);
        tx.bind('127.0.0.1', 0, 0);
        const addr = {};
        rx.getsockname(addr);
        globalThis.udpTest = { rx, tx };
        rx.onmessage = (nread) => {
          log(['msg', nread]);
          if (nread === 3) { rx.close(); tx.close(); }
        };
        rx.recvStart();
        globalThis.udpTest.port = addr.port;
    """)
    tx = next(h for h in realm.handles if h.sock is not None and not h.receiving)
    full = _FullSocket(tx.sock)
    tx.sock = full
    result, seen = run_js(realm, """
        const { tx, port } = globalThis.udpTest;
        const r = [];
        for (let i = 1; i <= 3; i++) {
          const req = new b.SendWrap();
          req.oncomplete = (err, sent) => log(['sent', i, err, sent, tx.getSendQueueCount()]);
          r.push(tx.send(req, [new Uint8Array(i)], 1, port, '127.0.0.1', i !== 2));
        }
        return r;
    """)
    assert result.to_python() == [0, 0, 0]
    assert (tx.getSendQueueCount(), tx.getSendQueueSize()) == (3, 6)
    realm.loop.run_once(block=False)
    assert seen == []  # still blocked
    full.full = False
    realm.loop.run()
    assert seen == [["sent", 1, 0, 1, 2], ["sent", 3, 0, 3, 0]]
    assert received == [["msg", 1], ["msg", 2], ["msg", 3]]


def test_send_to_the_other_family_goes_to_the_kernel_and_queues(realm, monkeypatch):
    """A udp4 handle over an IPv6 socket sends IPv4 addresses with the C sockaddr
    (Python's socket would refuse them); such a send queues and completes like any."""
    from node_compat.bindings import udp_wrap

    rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rx.bind(("127.0.0.1", 0))
    v6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    v6.bind(("::", 0))
    real = udp_wrap._sendto_c
    full = [False]

    def sendto_c(sock, data, c_addr):
        if full[0]:
            raise BlockingIOError(errno.EAGAIN, "full")
        return real(sock, data, c_addr)

    monkeypatch.setattr(udp_wrap, "_sendto_c", sendto_c)
    try:
        result, _ = run_js(realm, """
            const [fd, port] = args;
            const h = new b.UDP();
            globalThis.udpOther = [h, port];
            return [h.open(fd), h.send(new b.SendWrap(), [enc('ab'), enc('c')], 2, port, '127.0.0.1', false),
                    h.send(new b.SendWrap(), [enc('x')], 1, port, '::1', false)];
        """, v6.detach(), rx.getsockname()[1])
        assert result.to_python() == [0, 4, -errno.EINVAL]
        assert rx.recv(10) == b"abc"
        full[0] = True
        result, seen = run_js(realm, """
            const [h, port] = globalThis.udpOther;
            const req = new b.SendWrap();
            req.oncomplete = (err, sent) => { log([err, sent, h.getSendQueueCount()]); h.close(); };
            return h.send(req, [enc('queued')], 1, port, '127.0.0.1', true);
        """)
        assert result == 0
        realm.loop.run_once(block=False)
        assert seen == []
        full[0] = False
        realm.loop.run()
        assert seen == [[0, 6, 0]]
        assert rx.recv(10) == b"queued"
    finally:
        rx.close()


def test_oversized_datagram_is_emsgsize(realm):
    result, _ = run_js(realm, """
        const h = new b.UDP();
        h.bind('127.0.0.1', 0, 0);
        const r = h.send(new b.SendWrap(), [new Uint8Array(70000)], 1, 9, '127.0.0.1', false);
        h.close();
        return r;
    """)
    assert result == -errno.EMSGSIZE


def test_open_existing_fd(realm):
    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    raw.bind(("127.0.0.1", 0))
    port = raw.getsockname()[1]
    fd = raw.detach()
    result, _ = run_js(realm, """
        const h = new b.UDP();
        const out = {};
        const r = [h.open(args[0]), h.fd === args[0], h.getsockname(out), out.port === args[1]];
        h.close();
        return r;
    """, fd, port)
    assert result.to_python() == [0, True, 0, True]
    realm.loop.run()
    with pytest.raises(OSError):
        os.fstat(fd)


def test_open_checks_as_libuv(realm, tmp_path):
    """uv_udp_open's answers: EBUSY for a handle with a socket, EEXIST for a descriptor
    another handle of the loop watches, the system's errno for a bad descriptor or a
    file; a stream socket is taken (Node's JS checks the kind before)."""
    path = tmp_path / "file"
    path.write_text("x")
    file_fd = os.open(path, os.O_RDONLY)
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        result, _ = run_js(realm, """
            const [fileFd, tcpFd] = args;
            const rx = new b.UDP();
            rx.bind('127.0.0.1', 0, 0);
            rx.recvStart();
            const h = new b.UDP();
            const r = [h.open(rx.fd), h.open(99999), h.open(-1), h.open(fileFd), rx.open(tcpFd)];
            const t = new b.UDP();
            r.push(t.open(tcpFd));
            rx.close(); h.close(); t.close();
            return r;
        """, file_fd, tcp.fileno())
        assert result.to_python() == [-errno.EEXIST, -errno.EBADF, -errno.EBADF, -errno.ENOTSOCK, -errno.EBUSY, 0]
        realm.loop.run()
        tcp.detach()  # the handle closed it
    finally:
        os.close(file_fd)


def test_close_inside_onmessage_and_no_fd_leak():
    before = open_fds()
    r = Realm(["node"])
    try:
        _, seen = run_js(r, """
            const rx = new b.UDP(), tx = new b.UDP();
            rx.bind('127.0.0.1', 0, 0);
            const addr = {};
            rx.getsockname(addr);
            rx.onmessage = (nread) => { log(['msg', nread]); rx.close(() => log('closed')); };
            rx.recvStart();
            for (let i = 0; i < 5; i++) tx.send(new b.SendWrap(), [new Uint8Array(i + 1)], 1, addr.port, '127.0.0.1', false);
            tx.close();
        """)
        r.loop.run()
        assert seen == [["msg", 1], "closed"]
    finally:
        r.close()
    assert open_fds() == before


def test_a_wakeup_reads_until_drained_at_most_recv_batch(realm):
    """A backlog is read RECV_BATCH datagrams per wake-up (libuv's uv__udp_recvmsg), all delivered."""
    from node_compat.bindings.udp_wrap import RECV_BATCH

    _, seen = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('127.0.0.1', 0, 0);
        rx.bufferSize(1 << 20, true, {});
        const addr = {};
        rx.getsockname(addr);
        for (let i = 0; i < 100; i++) tx.send(new b.SendWrap(), [new Uint8Array(i % 2)], 1, addr.port, '127.0.0.1', false);
        tx.close();
        rx.onmessage = (nread) => log(nread);
        rx.recvStart();
        globalThis.udpRx = rx;
    """)
    per_turn = []
    while len(seen) < 100:
        before = len(seen)
        realm.loop.run_once(block=False)
        per_turn.append(len(seen) - before)
    assert per_turn == [RECV_BATCH] * 3 + [100 - 3 * RECV_BATCH]
    assert seen == [i % 2 for i in range(100)]  # empty datagrams count as datagrams
    run_js(realm, "globalThis.udpRx.close();")
    realm.loop.run()


def test_a_wakeup_for_one_datagram_reads_one(realm):
    """Request/response: each wake-up delivers the one datagram there is, and the next
    one sent is delivered by the next wake-up."""
    _, seen = run_js(realm, """
        const rx = new b.UDP(), tx = new b.UDP();
        rx.bind('127.0.0.1', 0, 0);
        const addr = {};
        rx.getsockname(addr);
        rx.onmessage = (nread) => log(nread);
        rx.recvStart();
        globalThis.udpPair = [rx, tx, addr.port];
    """)
    for i in range(5):
        run_js(realm, "const [, tx, port] = globalThis.udpPair;"
                      f"tx.send(new b.SendWrap(), [new Uint8Array({i})], 1, port, '127.0.0.1', false);")
        while len(seen) <= i:
            realm.loop.run_once(block=False)
    assert seen == [0, 1, 2, 3, 4]
    run_js(realm, "globalThis.udpPair[0].close(); globalThis.udpPair[1].close();")
    realm.loop.run()
