"""An IPC Pipe (`new Pipe(IPC)`): descriptors sent with messages, as libuv's uv_write2 sends them.

The other end of the channel is a plain socket driven from Python here,
which shows what goes over the wire: a descriptor travels with the write
it was given to, even when that write waits behind others (not with the
data before it), and descriptors that arrive are given to JS before the read.
"""

from __future__ import annotations

import array
import os
import socket

import pytest

from node_compat.realm import Realm

SETUP = r"""
(function (internalBinding, fd, log) {
  const { Pipe, constants } = internalBinding('pipe_wrap');
  const { TCP, constants: tcp } = internalBinding('tcp_wrap');
  const { WriteWrap } = internalBinding('stream_wrap');
  const pipe = new Pipe(constants.IPC);
  log(pipe.open(fd));
  let server = null;
  return {
    // A write, with a listening TCP handle's descriptor when `withHandle`.
    write(text, withHandle) {
      const req = new WriteWrap();
      req.oncomplete = (status) => log(`done ${status}`);
      return pipe.writeUtf8String(req, text, withHandle ? server : undefined);
    },
    // A TCP server handle on a free port: its port.
    server() {
      server = new TCP(tcp.SERVER);
      server.bind('127.0.0.1', 0);
      const out = {};
      server.getsockname(out);
      return out.port;
    },
    // Log the first read: its size, the descriptors pending, the text, each descriptor.
    readOnce() {
      pipe.onread = function(nread, buffer) {
        const fds = pipe.pendingFds;
        pipe.pendingFds = undefined;
        log(`${nread} ${fds ? fds.length : 0} ${String.fromCharCode(...new Uint8Array(buffer))}`);
        for (const fd of fds ?? []) log(fd);
        pipe.readStop();
        pipe.close();
      };
      pipe.readStart();
    },
  };
})
"""


@pytest.fixture()
def channel():
    realm = Realm(["node"])
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    seen = []
    log = realm.engine.function(lambda v: seen.append(v), "log", 1)
    api = realm.engine.eval(SETUP)(realm._require_builtin["internalBinding"], ours.detach(), log)
    yield realm, api, theirs, seen
    theirs.close()
    realm.close()


def received(sock: socket.socket, size: int = 1 << 20) -> tuple[bytes, list]:
    data, ancillary, _flags, _addr = sock.recvmsg(size, socket.CMSG_SPACE(16 * 4))
    fds = []
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.extend(array.array("i", payload[:len(payload) - len(payload) % 4]))
    return data, fds


def test_a_write_with_a_handle_carries_its_descriptor(channel):
    realm, api, theirs, seen = channel
    port = api["server"]()
    assert api["write"]('{"cmd":"NODE_HANDLE"}\n', True) == 0
    data, fds = received(theirs)
    assert data == b'{"cmd":"NODE_HANDLE"}\n' and len(fds) == 1
    with socket.socket(fileno=fds[0]) as copy:
        assert copy.getsockname() == ("127.0.0.1", port)
    assert seen == [0]  # opened; the write went out at once, no completion


def test_a_waiting_write_keeps_its_descriptor_for_its_own_first_byte(channel):
    realm, api, theirs, seen = channel
    theirs.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    filler = "x" * 500000 + "\n"
    assert api["write"](filler) == 0
    api["server"]()
    assert api["write"]("second\n", True) == 0
    got = b""
    theirs.setblocking(False)
    fd_at = None
    while len(got) < len(filler) + 7:
        realm.loop.run_once(block=False)
        try:
            data, fds = received(theirs, 65536)
        except BlockingIOError:
            continue
        got += data
        if fds:
            fd_at = len(got)  # (a read ends with the data the descriptor came with)
            for fd in fds:
                os.close(fd)
    assert got == filler.encode() + b"second\n"
    assert fd_at == len(got)


def test_descriptors_that_arrive_are_pending_before_the_read(channel):
    realm, api, theirs, seen = channel
    a, b = socket.socketpair()
    try:
        rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [a.fileno(), b.fileno()]))]
        theirs.sendmsg([b"hello\n"], rights)
        api["readOnce"]()
        realm.loop.run()
        for fd in seen[-2:]:
            os.close(int(fd))
        assert seen[-3] == "6 2 hello\n"
    finally:
        a.close()
        b.close()
