"""The signal_wrap binding: Signal handles deliver OS signals through the loop."""

from __future__ import annotations

import os
import signal

import pytest

from node_compat.realm import Realm


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def _handle(realm, received):
    Signal = realm._require_builtin["internalBinding"]("signal_wrap")["Signal"]
    handle = realm.engine.construct(Signal).js  # (the Python object; .js is its JS object)
    handle["onsignal"] = realm.engine.function(received.append, "onsignal", 1)
    return handle


def call(realm, handle, method, *args):
    return realm.engine.call(handle[method], *args, this=handle)


def test_signal_is_delivered_in_the_poll_phase(realm):
    received = []
    handle = _handle(realm, received)
    assert call(realm, handle, "start", signal.SIGUSR2) == 0
    assert signal.getsignal(signal.SIGUSR2) not in (signal.SIG_DFL, signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGUSR2)
    assert received == []
    realm.loop.run_once(block=False)
    assert received == [signal.SIGUSR2]
    call(realm, handle, "close")
    realm.loop.run_once(block=False)
    assert signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL


def test_previous_handler_comes_back(realm):
    def mine(_s, _f):
        pass

    signal.signal(signal.SIGUSR1, mine)
    try:
        handle = _handle(realm, [])
        assert call(realm, handle, "start", signal.SIGUSR1) == 0
        assert signal.getsignal(signal.SIGUSR1) is not mine
        call(realm, handle, "stop")
        assert signal.getsignal(signal.SIGUSR1) is mine
    finally:
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)


def test_uncatchable_signals_fail_with_einval(realm):
    handle = _handle(realm, [])
    assert call(realm, handle, "start", signal.SIGKILL) == -22
    assert call(realm, handle, "start", 0) == -22


def test_unreferenced_handle_does_not_keep_the_loop_alive(realm):
    handle = _handle(realm, [])
    call(realm, handle, "start", signal.SIGUSR2)
    assert realm.loop.alive()
    call(realm, handle, "unref")
    assert not realm.loop.alive()
    call(realm, handle, "close")
