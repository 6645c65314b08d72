"""The loop's phase order and liveness accounting, as libuv has them."""

from __future__ import annotations

import os
import selectors
import socket

import pytest

from node_compat.loop import EVENT_READ, IOWatcher, Loop, Timer


def test_timers_fire_in_due_order_and_stop_cancels():
    loop = Loop()
    order = []
    a = Timer(loop, lambda: order.append("a"))
    b = Timer(loop, lambda: order.append("b"))
    c = Timer(loop, lambda: order.append("c"))
    a.start(2)
    b.start(1)
    c.start(1)
    c.stop()
    loop.run()
    assert order == ["b", "a"]
    assert not loop.alive()
    loop.close()


def test_unrefed_timer_does_not_keep_loop_alive():
    loop = Loop()
    fired = []
    t = Timer(loop, lambda: fired.append(1))
    t.start(10_000)
    t.unref()
    assert not loop.alive()
    loop.run()
    assert fired == []
    loop.close()


@pytest.mark.parametrize("selector", ["epoll", "generic"])
def test_phase_order_pending_poll_check_close_timers(selector, monkeypatch):
    if selector == "generic":
        # (Where there is no epoll: the selectors module's default selector.)
        monkeypatch.delattr(selectors, "EpollSelector")
    loop = Loop()
    assert (loop.epoll is None) == (selector == "generic")
    order = []
    r, w = socket.socketpair()
    watcher = IOWatcher(loop, r.fileno(), lambda ev: (order.append("poll"), watcher.close()))
    watcher.start(EVENT_READ)
    w.send(b"x")
    loop.ref_handles += 1  # the watcher's handle
    loop.pending.append(lambda: order.append("pending"))
    loop.add_check(lambda: (order.append("check"), loop.check_hooks.clear()))
    loop.closing.append(lambda: (order.append("close"), setattr(loop, "ref_handles", loop.ref_handles - 1)))
    t = Timer(loop, lambda: order.append("timer"))
    loop.update_time()
    t.start(0)
    loop.run()
    # libuv runs due timers once before the first turn.
    assert order == ["timer", "pending", "poll", "check", "close"]
    r.close()
    w.close()
    loop.close()


def test_thread_pool_completion_runs_on_loop_and_counts_as_request():
    loop = Loop()
    results = []
    loop.run_in_thread(lambda: 6 * 7, lambda value, err: results.append((value, err)))
    assert loop.alive()
    loop.run()
    assert results == [(42, None)]
    loop.run_in_thread(lambda: 1 / 0, lambda value, err: results.append(type(err).__name__))
    loop.run()
    assert results[-1] == "ZeroDivisionError"
    loop.close()


def test_close_releases_descriptors():
    before = len(os.listdir("/proc/self/fd"))
    loop = Loop()
    loop.run_in_thread(lambda: None, lambda v, e: None)
    loop.run()
    loop.close()
    assert len(os.listdir("/proc/self/fd")) == before
