"""The loop's worker threads: started as work arrives, at most `size`, all gone after shutdown."""

from __future__ import annotations

import _thread
import threading
import time

from node_compat.thread_pool import ThreadPool


def test_blocking_jobs_run_side_by_side_up_to_the_size() -> None:
    before = _thread._count()
    pool = ThreadPool(3)
    release = threading.Event()
    started: list[int] = []
    lock = threading.Lock()

    def job(n: int) -> None:
        with lock:
            started.append(n)
        release.wait()

    for n in range(5):
        pool.submit(lambda n=n: job(n))
    deadline = time.monotonic() + 10
    while len(started) < 3 and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.05)
    assert sorted(started) == [0, 1, 2]  # three workers, two jobs waiting
    assert _thread._count() - before == 3
    release.set()
    while len(started) < 5 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert sorted(started) == [0, 1, 2, 3, 4]
    pool.shutdown()
    assert _thread._count() == before


def test_idle_workers_are_reused() -> None:
    pool = ThreadPool(4)
    done = threading.Semaphore(0)
    for _ in range(20):
        pool.submit(done.release)
        assert done.acquire(timeout=10)
        deadline = time.monotonic() + 10
        while pool._spare < 1 and time.monotonic() < deadline:  # the worker is back waiting
            time.sleep(0.001)
    assert len(pool._running) == 1  # each job found the first worker idle
    pool.shutdown()


def test_shutdown_waits_for_running_jobs_and_drops_queued_ones() -> None:
    before = _thread._count()
    pool = ThreadPool(1)
    running = threading.Event()
    ran: list[str] = []

    def slow() -> None:
        running.set()
        time.sleep(0.1)
        ran.append("slow")

    pool.submit(slow)
    pool.submit(lambda: ran.append("queued"))
    assert running.wait(10)
    pool.shutdown()
    assert ran == ["slow"]
    assert _thread._count() == before
