"""The Pipe handle driven directly from JS: Unix sockets (paths, abstract names) and pipe fds."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from node_compat.realm import Realm

PRELUDE = r"""
(function (log) {
  const { Pipe, PipeConnectWrap, constants } = internalBinding('pipe_wrap');
  const { WriteWrap, ShutdownWrap } = internalBinding('stream_wrap');
  const text = (ab) => String.fromCharCode(...new Uint8Array(ab));
  function connect(path, cb) {
    const client = new Pipe(constants.SOCKET);
    const req = new PipeConnectWrap();
    req.oncomplete = cb;
    return [client, client.connect(req, path)];
  }
  function write(handle, data, cb = () => {}) {
    const req = new WriteWrap();
    req.oncomplete = cb;
    return handle.writeUtf8String(req, data);
  }
  function shutdown(handle, cb) {
    const req = new ShutdownWrap();
    req.oncomplete = cb;
    return handle.shutdown(req);
  }
  return { Pipe, constants, connect, write, shutdown, text };
})
"""


def open_fds(realm=None) -> set:
    """The process's descriptors, but the listing's own and the loop's reserve (libuv's emfile_fd)."""
    listing = f"/proc/{os.getpid()}/fd"
    fds = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}") != listing:
                fds.add(name)
        except OSError:
            pass  # the listing's own, closed since
    if realm is not None:
        fds.discard(str(realm.loop.emfile_fd))
    return fds


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def run(realm, body, **values):
    seen = []
    log = realm.engine.function(lambda v: seen.append(v.to_python() if hasattr(v, "to_python") else v), "log", 1)
    setup = realm.engine.eval("(function (internalBinding) { return " + PRELUDE.strip() + "; })")(
        realm._require_builtin["internalBinding"])
    names = ", ".join(values)
    fn = realm.engine.eval(
        f"(function (h, log, {names}) {{ const {{ Pipe, constants, connect, write, shutdown, text }} = h; {body} }})")
    fn(setup(log), log, *values.values())
    realm.loop.run()
    return seen


def echo_body() -> str:
    return r"""
      const server = new Pipe(constants.SERVER);
      log(['bind', server.bind(path)]);
      log(['listen', server.listen(511)]);
      server.onconnection = (status, peer) => {
        log(['connection', status, peer instanceof Pipe]);
        peer.onread = (nread, ab) => {
          if (nread < 0) { log(['peer eof', nread]); peer.close(); server.close(() => log('server closed')); return; }
          write(peer, text(ab).toUpperCase());
        };
        peer.readStart();
      };
      const [client, err] = connect(path, (status, handle, req, readable, writable) => {
        log(['connected', status, readable, writable]);
        client.onread = (nread, ab) => {
          if (nread < 0) { log(['client eof', nread]); client.close(); return; }
          log(['client read', text(ab)]);
          shutdown(client, () => {});
        };
        client.readStart();
        write(client, 'ping');
      });
      log(['connect', err]);
    """


def test_unix_socket_echo_and_file_removed_on_close(realm, tmp_path):
    path = str(tmp_path / "echo.sock")
    seen = run(realm, echo_body(), path=path)
    assert seen[:3] == [["bind", 0], ["listen", 0], ["connect", 0]]
    assert ["connected", 0, True, True] in seen and ["connection", 0, True] in seen
    assert ["client read", "PING"] in seen and ["peer eof", -4095] in seen and "server closed" in seen
    assert not os.path.exists(path)


def test_abstract_socket_name(realm):
    name = f"\0pynode-test-{os.getpid()}"
    seen = run(realm, echo_body(), path=name)
    assert ["client read", "PING"] in seen


def test_connect_failure_is_asynchronous(realm, tmp_path):
    seen = run(realm, r"""
      const [client, err] = connect(path, (status, handle, req, readable, writable) => {
        log(['done', status, readable, writable]);
        client.close();
      });
      log(['connect', err]);
    """, path=str(tmp_path / "missing.sock"))
    assert seen == [["connect", 0], ["done", -errno.ENOENT, False, False]]


def test_names_libuv_refuses_are_einval_before_any_socket(realm, tmp_path):
    before = open_fds()
    long_path = str(tmp_path / ("x" * (109 - len(str(tmp_path)) - 1)))
    seen = run(realm, r"""
      for (const name of [long, '\0' + 'a'.repeat(108), dir + '/a\0b', '\0a\0b', '\0\0']) {
        const server = new Pipe(constants.SERVER);
        log(['bind', server.bind(name)]);
        const [client, err] = connect(name, () => log('never'));
        log(['connect', err]);
        server.close(); client.close();
      }
      log(['connect empty', connect('', () => log('never'))[1]]);
    """, long=long_path, dir=str(tmp_path))
    assert seen == [["bind", -errno.EINVAL], ["connect", -errno.EINVAL]] * 5 + [["connect empty", -errno.EINVAL]]
    assert open_fds(realm) == before
    assert os.listdir(tmp_path) == []


def test_a_path_may_fill_sun_path(realm, tmp_path):
    path = str(tmp_path / ("x" * (108 - len(str(tmp_path)) - 1)))
    seen = run(realm, echo_body(), path=path)
    assert ["client read", "PING"] in seen and not os.path.exists(path)


def test_bind_in_use_and_fchmod(realm, tmp_path):
    path = str(tmp_path / "s.sock")
    seen = run(realm, r"""
      const server = new Pipe(constants.SERVER);
      server.bind(path);
      server.listen(1);
      log(['fchmod', server.fchmod(constants.UV_READABLE | constants.UV_WRITABLE)]);
      const other = new Pipe(constants.SERVER);
      log(['bind again', other.bind(path)]);
      other.close(); server.close();
    """, path=path)
    assert seen == [["fchmod", 0], ["bind again", -errno.EADDRINUSE]]


def test_fchmod_sets_group_and_other_bits(realm, tmp_path):
    path = str(tmp_path / "m.sock")
    modes = []
    run(realm, r"""
      const server = new Pipe(constants.SERVER);
      server.bind(path);
      server.listen(1);
      server.fchmod(constants.UV_READABLE);
      log(0);
      server.close();
    """, path=path)
    # the file is gone after close: check with a fresh bind kept open
    realm2 = Realm(["node"])
    try:
        def record(_v):
            modes.append(stat.S_IMODE(os.stat(path).st_mode))
        log = realm2.engine.function(record, "log", 1)
        fn = realm2.engine.eval(r"""(function (ib, path, log) {
          const { Pipe, constants } = ib('pipe_wrap');
          const s = new Pipe(constants.SERVER); s.bind(path); s.listen(1);
          s.fchmod(constants.UV_READABLE | constants.UV_WRITABLE); log(1); s.close(); })""")
        fn(realm2._require_builtin["internalBinding"], path, log)
        realm2.loop.run()
    finally:
        realm2.close()
    assert modes and modes[0] & 0o066 == 0o066


def test_open_pipe_fds(realm):
    rfd, wfd = os.pipe()
    seen = run(realm, r"""
      const reader = new Pipe(constants.SOCKET);
      const writer = new Pipe(constants.SOCKET);
      log(['open', reader.open(rfd), writer.open(wfd), reader.fd === rfd]);
      reader.onread = (nread, ab) => {
        if (nread < 0) { log(['eof', nread]); reader.close(); return; }
        log(['read', text(ab)]);
      };
      reader.readStart();
      log(['write', write(writer, 'through a pipe')]);
      log(['shutdown', shutdown(writer, (status) => { log(['shutdown done', status]); writer.close(); })]);
    """, rfd=rfd, wfd=wfd)
    assert seen[:3] == [["open", 0, 0, True], ["write", 0], ["shutdown", 0]]
    assert ["read", "through a pipe"] in seen
    assert ["shutdown done", -errno.ENOTSOCK] in seen and ["eof", -4095] in seen
    for fd in (rfd, wfd):
        with pytest.raises(OSError):
            os.fstat(fd)
