"""The process_wrap binding: async children watched by the loop."""

from __future__ import annotations

import errno
import signal

import pytest

from node_compat.realm import Realm


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def make_process(realm, exits):
    Process = realm._require_builtin["internalBinding"]("process_wrap")["Process"]
    handle = realm.engine.construct(Process).js  # (the Python object; .js is its JS object)
    handle["onexit"] = realm.engine.function(lambda code, sig: exits.append((code, sig)), "onexit", 2)
    return handle


def call(realm, handle, method, *args):
    return realm.engine.call(handle[method], *args, this=handle)


def spawn_options(realm, file, args):
    return realm.engine.eval(
        f"({{file: {file!r}, args: {args!r}, envPairs: ['PATH=/usr/bin:/bin'], "
        "stdio: [{type: 'ignore'}, {type: 'ignore'}, {type: 'ignore'}]})"
    )


def run_until(realm, done):
    for _ in range(500):
        if done():
            return
        realm.loop.run_once(max_wait_ms=20)
    raise AssertionError("the loop never delivered the exit")


def test_exit_status_arrives_through_the_loop(realm):
    exits = []
    handle = make_process(realm, exits)
    assert call(realm, handle, "spawn", spawn_options(realm, "sh", ["sh", "-c", "exit 5"])) == 0
    assert handle["pid"] > 0
    assert realm.loop.alive()
    run_until(realm, lambda: exits)
    assert exits == [(5, 0)]
    assert not realm.loop.alive()


def test_kill_reports_the_signal(realm):
    exits = []
    handle = make_process(realm, exits)
    call(realm, handle, "spawn", spawn_options(realm, "sleep", ["sleep", "10"]))
    assert call(realm, handle, "kill", int(signal.SIGTERM)) == 0
    run_until(realm, lambda: exits)
    assert exits == [(0, signal.SIGTERM)]
    assert call(realm, handle, "kill", int(signal.SIGTERM)) == -errno.ESRCH


def test_missing_program_fails_without_a_child(realm):
    exits = []
    handle = make_process(realm, exits)
    err = call(realm, handle, "spawn", spawn_options(realm, "no-such-program-x", ["x"]))
    assert err == -errno.ENOENT
    assert not realm.loop.alive()


def test_unref_lets_the_loop_end(realm):
    exits = []
    handle = make_process(realm, exits)
    call(realm, handle, "spawn", spawn_options(realm, "sleep", ["sleep", "10"]))
    call(realm, handle, "unref")
    assert not realm.loop.alive()
    call(realm, handle, "kill", int(signal.SIGKILL))
    call(realm, handle, "close")
