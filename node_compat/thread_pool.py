"""The loop's worker threads (libuv's thread pool): blocking calls such as getaddrinfo and file I/O.

`concurrent.futures` would do, but importing it pulls in `logging` and
costs ~10 ms on the first lookup of every process; this pool needs only a
queue and `_thread`. Threads start as work arrives, up to `size`.
"""

from __future__ import annotations

import _queue
import _thread

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Callable


class ThreadPool:
    def __init__(self, size: int) -> None:
        self._size = size
        self._jobs: _queue.SimpleQueue = _queue.SimpleQueue()
        # Idle workers minus jobs waiting for one (negative: a backlog).
        self._spare = 0
        self._mutex = _thread.allocate_lock()  # guards _spare
        self._running: list = []  # one lock per worker, held until it exits
        self._closed = False

    def submit(self, job: Callable[[], None]) -> None:
        with self._mutex:
            start = self._spare <= 0 and len(self._running) < self._size
            if not start:
                self._spare -= 1  # an idle worker, or the next one free, takes it
        self._jobs.put(job)
        if start:
            lock = _thread.allocate_lock()
            lock.acquire()
            self._running.append(lock)
            _thread.start_new_thread(self._work, (lock,))

    def _work(self, lock: _thread.LockType) -> None:
        jobs = self._jobs
        try:
            while True:
                job = jobs.get()
                if job is None or self._closed:
                    return
                job()
                with self._mutex:
                    self._spare += 1
        finally:
            lock.release()

    def shutdown(self) -> None:
        """Drop the jobs not started yet and wait for the workers' current ones to end."""
        self._closed = True
        for _ in self._running:
            self._jobs.put(None)
        for lock in self._running:
            lock.acquire()
        self._running.clear()
