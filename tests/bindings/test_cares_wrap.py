"""The `cares_wrap` binding: resolver results, error codes, and completion on the loop."""

from __future__ import annotations

import socket

import pytest

from node_compat.bindings import cares_wrap, uv
from node_compat.realm import Realm


def test_resolve_localhost_and_order():
    assert "127.0.0.1" in cares_wrap.resolve("localhost", 4, 0, cares_wrap.DNS_ORDER_VERBATIM)
    mixed = ["127.0.0.1", "::1"]
    for order, expected in ((cares_wrap.DNS_ORDER_IPV4_FIRST, mixed), (cares_wrap.DNS_ORDER_IPV6_FIRST, mixed[::-1])):
        got = cares_wrap.resolve("::1", 0, 0, order) + cares_wrap.resolve("127.0.0.1", 0, 0, order)
        assert sorted(got) == sorted(expected)


def test_error_codes_are_libuv_eai_codes():
    assert cares_wrap._error_code(socket.gaierror(socket.EAI_NONAME, "x")) == uv.CODES["EAI_NONAME"] == -3008
    assert cares_wrap._error_code(socket.gaierror(socket.EAI_AGAIN, "x")) == uv.CODES["EAI_AGAIN"]
    assert cares_wrap._error_code(OSError(1, "x")) == -1


def test_canonicalize_ip_and_servers(tmp_path):
    assert cares_wrap.canonicalize_ip("::0:1") == "::1"
    assert cares_wrap.canonicalize_ip("127.0.0.1") == "127.0.0.1"
    assert cares_wrap.canonicalize_ip("nope") is None
    conf = tmp_path / "resolv.conf"
    conf.write_text("# comment\nnameserver 10.0.0.1\nsearch x\nnameserver ::1\nnameserver bogus\n")
    assert cares_wrap.system_servers(str(conf)) == [["10.0.0.1", 53], ["::1", 53]]
    assert cares_wrap.system_servers(str(tmp_path / "missing")) == [["127.0.0.1", 53]]


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def test_getaddrinfo_completes_on_the_loop(realm):
    seen = []
    fn = realm.engine.eval(
        "(function (b, log) {"
        " const req = new b.GetAddrInfoReqWrap();"
        " req.oncomplete = (err, addresses) => log([err, addresses.includes('127.0.0.1')]);"
        " const svc = new b.GetNameInfoReqWrap();"
        " svc.oncomplete = (err, host, service) => log([err, typeof host, service]);"
        " return [b.getaddrinfo(req, 'localhost', 4, 0, b.DNS_ORDER_VERBATIM), b.getnameinfo(svc, '127.0.0.1', 22)];"
        "})"
    )
    binding = realm._require_builtin["internalBinding"]("cares_wrap")
    log = realm.engine.function(lambda v: seen.append(v.to_python()), "log", 1)
    assert fn(binding, log).to_python() == [0, 0]
    assert seen == [] and realm.loop.alive()  # both still on the thread pool
    realm.loop.run()
    assert sorted(seen, key=str) == sorted([[0, True], [0, "string", "ssh"]], key=str)
