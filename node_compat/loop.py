"""The event loop, shaped like libuv's `uv_run`.

Phases per turn: pending callbacks -> poll (one selector) -> check -> close
callbacks -> timers, with timers also run once before the first turn, exactly
the order libuv 1.49 (Node 23) uses. Handles and requests are counted the way
libuv counts them: the loop stays alive while a referenced active handle, an
active request or a closing handle exists.
"""

from __future__ import annotations

import heapq
import itertools
import os
import selectors
import time
from collections import deque
from time import monotonic

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

# The loop's event bits are epoll's own (EPOLLIN, EPOLLOUT, EPOLLHUP), so the
# epoll selector passes them through as they are.
EVENT_READ = 0x001
EVENT_WRITE = 0x004
# Reported with EVENT_READ to watchers that include it in their events: the
# descriptor hung up (both directions shut, or reset), as libuv's POLLHUP.
EVENT_HUP = 0x010
# What epoll reports, asked or not, of a descriptor in error or hung up (EPOLLERR | EPOLLHUP).
_ERROR_OR_HUP = 0x008 | 0x010


POLL_CAP = 64  # readiness events dispatched per poll, so one busy fd cannot starve timers
UPKEEP_TURNS = 16  # a power of two
_UPKEEP_MASK = UPKEEP_TURNS - 1


class Timer:
    """A one-shot timer (libuv `uv_timer_t` without repeat); a handle for ref counting."""

    __slots__ = ("loop", "callback", "due", "seq", "active", "refed")

    def __init__(self, loop: "Loop", callback: Callable[[], Any]) -> None:
        self.loop = loop
        self.callback = callback
        self.due = 0
        self.seq = 0
        self.active = False
        self.refed = True

    def start(self, timeout_ms: int) -> None:
        if self.active:
            self.stop()
        loop = self.loop
        self.due = loop.now + max(0, int(timeout_ms))
        self.seq = next(loop._timer_seq)
        self.active = True
        if self.refed:
            loop.ref_handles += 1
        heapq.heappush(loop._timers, (self.due, self.seq, self))

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False  # its heap entry is dropped lazily
        if self.refed:
            self.loop.ref_handles -= 1

    def ref(self) -> None:
        if not self.refed:
            self.refed = True
            if self.active:
                self.loop.ref_handles += 1

    def unref(self) -> None:
        if self.refed:
            self.refed = False
            if self.active:
                self.loop.ref_handles -= 1


class EpollSelector:
    """The loop's selector: epoll, reporting to watcher objects (no per-event key objects).

    `set()` changes a descriptor's interest; the loop's poll phase reads the
    epoll object and the watchers by descriptor itself (Loop.run_once).
    Where epoll is missing, `selectors.DefaultSelector` is used instead.
    """

    def __init__(self) -> None:
        import select

        # (Stream handles use these two directly: see StreamBase._update_watcher.)
        self.epoll = select.epoll()
        # The watcher of each descriptor, indexed by it (None: not watched), as
        # libuv's loop->watchers: a dict, whose entries descriptors come and go
        # through, was rebuilt every few hundred connections, each rebuild a
        # large allocation that made malloc consolidate QuickJS's small blocks.
        self.watchers: list = [None] * 64

    # (epoll reports a hang-up whether asked or not: EVENT_HUP may be passed.)
    def set(self, fd: int, current: int, events: int, watcher: Any) -> None:
        """Watch `fd` for `events` instead of `current` (0: not watched) for `watcher`."""
        if current == 0:
            self.epoll.register(fd, events)
            try:
                self.watchers[fd] = watcher
            except IndexError:
                grow_watchers(self.watchers, fd)
                self.watchers[fd] = watcher
        elif events == 0:
            self.watchers[fd] = None
            try:
                self.epoll.unregister(fd)
            except (OSError, ValueError):
                pass  # the descriptor was closed already: epoll forgot it
        else:
            self.epoll.modify(fd, events)

    def watches(self, fd: int) -> bool:
        """Whether a watcher of this loop has `fd` (libuv's uv__fd_exists)."""
        watchers = self.watchers
        return 0 <= fd < len(watchers) and watchers[fd] is not None

    def watcher_of(self, fd: int) -> Any:
        """The watcher that has `fd`, or None."""
        watchers = self.watchers
        return watchers[fd] if 0 <= fd < len(watchers) else None

    def fileno(self) -> int:
        return self.epoll.fileno()

    def close(self) -> None:
        self.epoll.close()


def grow_watchers(watchers: list, fd: int) -> None:
    """Make room in an EpollSelector's watchers for descriptor `fd` (at least doubling it)."""
    watchers.extend([None] * max(fd + 1 - len(watchers), len(watchers)))


class _GenericSelector:
    """`selectors.DefaultSelector` adapted to EpollSelector's interface."""

    def __init__(self) -> None:
        self._sel = selectors.DefaultSelector()

    @staticmethod
    def _selector_events(events: int) -> int:
        return ((selectors.EVENT_READ if events & EVENT_READ else 0)
                | (selectors.EVENT_WRITE if events & EVENT_WRITE else 0))

    def set(self, fd: int, current: int, events: int, watcher: Any) -> None:
        if current == 0:
            self._sel.register(fd, self._selector_events(events), watcher)
        elif events == 0:
            self._sel.unregister(fd)
        else:
            self._sel.modify(fd, self._selector_events(events), watcher)

    def select(self, timeout: float, max_events: int) -> list:
        ready = self._sel.select(None if timeout < 0 else timeout)[:max_events]
        return [(key.data, (EVENT_READ if mask & selectors.EVENT_READ else 0)
                 | (EVENT_WRITE if mask & selectors.EVENT_WRITE else 0))
                for key, mask in ready]

    def watches(self, fd: int) -> bool:
        return fd in self._sel.get_map()

    def watcher_of(self, fd: int) -> Any:
        key = self._sel.get_map().get(fd)
        return None if key is None else key.data

    def fileno(self) -> int:
        return self._sel.fileno()

    def close(self) -> None:
        self._sel.close()


def set_interest(watcher: Any, fd: int, events: int) -> None:
    """Make the selector report `events` of `fd` to `watcher`.

    A watcher is any object with `loop`, `events` (its current interest,
    kept here) and `on_ready(events)`, called with the ready event mask in
    the poll phase: an IOWatcher, or a stream handle watching its own
    descriptor (one object less per connection), which calls its
    selector's `set` itself.
    """
    current = watcher.events
    if events != current:
        watcher.loop.selector.set(fd, current, events, watcher)
        watcher.events = events


class IOWatcher:
    """Readiness interest of one file descriptor in the loop's selector.

    `on_ready(events)` is called with the ready event mask in the poll phase.
    """

    __slots__ = ("loop", "fd", "events", "on_ready")

    def __init__(self, loop: "Loop", fd: int, on_ready: Callable[[int], Any]) -> None:
        self.loop = loop
        self.fd = fd
        self.events = 0
        self.on_ready = on_ready

    def set(self, events: int) -> None:
        set_interest(self, self.fd, events)

    def start(self, events: int) -> None:
        self.set(self.events | events)

    def stop(self, events: int) -> None:
        self.set(self.events & ~events)

    def close(self) -> None:
        self.set(0)


class Loop:
    """One selector, a timer heap, pending/check/close queues and a thread-pool inbox."""

    def __init__(self) -> None:
        self.selector = EpollSelector() if hasattr(selectors, "EpollSelector") else _GenericSelector()
        # The epoll object and the watchers by descriptor (None: another selector).
        self.epoll = getattr(self.selector, "epoll", None)
        self.watchers = getattr(self.selector, "watchers", None)
        self._t0 = time.monotonic()
        self.now = 0  # milliseconds since the loop started, updated once per phase as libuv does
        self._timers: list = []
        self._timer_seq = itertools.count()
        self.pending: deque = deque()
        # The close phase's work, one entry per closed handle (a stream's
        # cancelled requests: one more, appended after the handle's own).
        self.closing: list = []
        # The check phase: (gate, hook) pairs, each hook run when gate[0] is
        # not zero (a counter JS keeps, as Node's immediates are: no call
        # when there is nothing to do). See add_check.
        self.check_hooks: list[tuple[Any, Callable[[], Any]]] = []
        # Upkeep that needs no turn of its own (the engine's collection
        # schedule): run in the check phase of every UPKEEP_TURNS-th turn.
        self.upkeep_hooks: list[Callable[[], Any]] = []
        self.idle = False  # an active idle handle makes the poll phase not block (Node's immediates)
        self.ref_handles = 0  # referenced active handles
        self.active_reqs = 0
        self.stop_flag = False
        self._inbox: deque = deque()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._wake_watcher = IOWatcher(self, self._wake_r, self._drain_inbox)
        self._wake_watcher.start(EVENT_READ)
        self._pool: Optional[Any] = None
        # A descriptor held in reserve, given up to accept and drop the
        # connections waiting when descriptors run out (libuv's emfile_fd;
        # the first stream handle opens it: bindings/stream_wrap.py).
        self.emfile_fd = -1
        self.closed = False
        # For performance.eventLoopUtilization() and nodeTiming.loopStart.
        self.idle_time = 0.0  # seconds spent blocked in the poll phase
        self.started_at: Optional[float] = None  # monotonic time the loop first ran
        self.turns = 0  # loop iterations, and readiness events dispatched (uv_metrics_info)
        self.events_handled = 0

    def add_check(self, hook: Callable[[], Any], gate: Any = (1,)) -> None:
        """Run `hook()` in each turn's check phase in which `gate[0]` is not zero (always, by default)."""
        self.check_hooks.append((gate, hook))

    # -- time -------------------------------------------------------------

    def update_time(self) -> None:
        self.now = int((time.monotonic() - self._t0) * 1000)

    def hrtime(self) -> int:
        return time.monotonic_ns()

    # -- liveness ---------------------------------------------------------

    def alive(self) -> bool:
        return self.ref_handles > 0 or self.active_reqs > 0 or bool(self.closing)

    # -- work from other threads ------------------------------------------

    def run_in_thread(self, work: Callable[[], Any], done: Callable[[Any, Optional[BaseException]], Any]) -> None:
        """Run `work()` on the thread pool; `done(result, error)` runs on the loop in the poll phase.

        The request counts as active until `done` has run, as libuv's work requests do.
        """
        if self._pool is None:  # only the loop thread gets here
            from node_compat.thread_pool import ThreadPool

            self._pool = ThreadPool(4)
        self.active_reqs += 1

        def job() -> None:
            try:
                result, error = work(), None
            except BaseException as exc:  # handed to `done` on the loop thread
                result, error = None, exc
            self._inbox.append((done, result, error))
            self.wake()

        self._pool.submit(job)

    def post(self, callback: Callable[[], Any]) -> None:
        """Run `callback()` in the next poll phase; the loop stays alive until it has run.

        (What a task posted to V8's foreground runner is in Node.)
        """
        self.active_reqs += 1
        self._inbox.append((lambda _result, _error: callback(), None, None))
        self.wake()

    def _drain_inbox(self, _events: int) -> None:
        try:
            while os.read(self._wake_r, 4096):
                pass
        except BlockingIOError:
            pass
        # As libuv's uv__work_done: the completions there now; those that
        # arrive meanwhile wake the next poll phase.
        inbox = self._inbox
        for _ in range(len(inbox)):
            done, result, error = inbox.popleft()
            self.active_reqs -= 1
            done(result, error)

    # -- phases -------------------------------------------------------------

    def _run_timers(self) -> None:
        heap = self._timers
        now = self.now
        while heap:
            due, seq, timer = heap[0]
            if not timer.active or timer.seq != seq:
                heapq.heappop(heap)
                continue
            if due > now:
                break
            heapq.heappop(heap)
            timer.stop()
            timer.callback()
            if self.stop_flag:
                return

    def next_timeout(self) -> int:
        """Milliseconds until the loop has work without I/O (0 now, -1 never)."""
        return self._next_timeout()

    def _next_timeout(self) -> int:
        """Milliseconds the poll phase may block: libuv's `uv__backend_timeout`."""
        if self.stop_flag or not (self.ref_handles or self.active_reqs):
            return 0
        if self.pending or self.idle or self.closing:
            return 0
        return self._timer_timeout()

    def _timer_timeout(self) -> int:
        """Milliseconds until the first active timer is due (-1: none)."""
        heap = self._timers
        while heap:
            due, seq, timer = heap[0]
            if not timer.active or timer.seq != seq:
                heapq.heappop(heap)
                continue
            return max(0, due - self.now)
        return -1

    def _run_pending(self) -> bool:
        if not self.pending:
            return False
        batch, self.pending = self.pending, deque()
        for cb in batch:
            cb()
            if self.stop_flag:
                break
        return True

    def _dispatch(self, targets: list) -> bool:
        """The poll phase's events, (watcher, mask) pairs, to their watchers; true once stopped."""
        for watcher, mask in targets:
            if watcher is None:
                continue
            self.events_handled += 1
            events = watcher.events
            if events:
                if mask & _ERROR_OR_HUP:
                    mask |= EVENT_READ | EVENT_WRITE
                watcher.on_ready(mask & events)
            if self.stop_flag:
                return True
        return False

    def _poll_generic(self, timeout_ms: int) -> None:
        """The poll phase over a `selectors` selector (where there is no epoll)."""
        if timeout_ms != 0:
            blocked_since = monotonic()
            events = self.selector.select(timeout_ms / 1000.0 if timeout_ms > 0 else -1, POLL_CAP)
            woke = monotonic()
            self.idle_time += woke - blocked_since
        else:
            events = self.selector.select(0, POLL_CAP)
            woke = monotonic()
        self.now = int((woke - self._t0) * 1000)
        self._dispatch(events)

    def _run_closing(self) -> None:
        """libuv's close phase: the handles closed since the last one, the last closed first.

        libuv keeps them on a stack; a handle closed by one of these
        callbacks waits for the next turn's close phase, as it does there.
        """
        batch, self.closing = self.closing, []
        for cb in reversed(batch):
            cb()

    def run(self, until: Optional[Callable[[], bool]] = None, deadline: Optional[float] = None) -> None:
        """Run until nothing referenced is left or `stop()` is called (UV_RUN_DEFAULT).

        `until()` true or the monotonic `deadline` passing also end the run
        (used by the embedding API to run until a promise settles).
        """
        self.stop_flag = False
        if self.started_at is None:
            self.started_at = time.monotonic()
        alive = self.alive()
        self.update_time()
        if alive:
            self._run_timers()
        if until is None and deadline is None:
            if alive and not self.stop_flag:
                self._turns(False, True, None)
            return
        while alive and not self.stop_flag:
            if until is not None and until():
                return
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                self.run_once(max_wait_ms=int(remaining * 1000) + 1)
            else:
                self.run_once()
            alive = self.ref_handles > 0 or self.active_reqs > 0 or bool(self.closing)

    def run_once(self, block: bool = True, max_wait_ms: Optional[int] = None) -> None:
        """One loop turn after the initial timers: pending, poll, check, close, timers."""
        if self.started_at is None:
            self.started_at = time.monotonic()
        self._turns(True, block, max_wait_ms)

    def _turns(self, once: bool, block: bool, max_wait_ms: Optional[int]) -> None:
        """Loop turns: one (`once`), or while the loop is alive and not stopped.

        A turn runs once per event in a busy program, so the turns loop here
        rather than in a caller, and the backend timeout and the epoll poll
        phase are written inline.
        """
        epoll = self.epoll
        watchers = self.watchers  # (grown in place, never replaced)
        hooks = self.check_hooks
        t0 = self._t0
        while True:
            self.turns += 1
            # The checks before each phase spare a call when it has nothing to do.
            if self.pending:
                self._run_pending()
                if self.stop_flag:
                    return
            # (uv__backend_timeout: _next_timeout, inline.)
            if not block or self.stop_flag or not (self.ref_handles or self.active_reqs) or \
                    self.pending or self.idle or self.closing:
                timeout = 0
            elif self._timers:
                timeout = self._timer_timeout()
            else:
                timeout = -1
            if max_wait_ms is not None and (timeout < 0 or timeout > max_wait_ms):
                timeout = max_wait_ms

            if epoll is None:
                self._poll_generic(timeout)
            else:
                # The poll phase (uv__io_poll). The watchers are looked up
                # before any runs, so an event of a descriptor that a callback
                # closed and a new socket took again meanwhile still goes to
                # the closed watcher (whose interest is then none), not the new
                # one. An error or hang-up reads as both readable and writable.
                if timeout != 0:
                    blocked_since = monotonic()
                    ready = epoll.poll(timeout / 1000.0 if timeout > 0 else -1, POLL_CAP)
                    woke = monotonic()
                    self.idle_time += woke - blocked_since
                else:
                    ready = epoll.poll(0, POLL_CAP)
                    woke = monotonic()
                self.now = int((woke - t0) * 1000)
                if len(ready) == 1:
                    # (The usual poll: one event, dispatched here.)
                    fd, mask = ready[0]
                    watcher = watchers[fd]
                    if watcher is not None:
                        self.events_handled += 1
                        events = watcher.events
                        if events:
                            if mask & _ERROR_OR_HUP:
                                mask |= EVENT_READ | EVENT_WRITE
                            watcher.on_ready(mask & events)
                        if self.stop_flag:
                            return
                elif ready and self._dispatch([(watchers[fd], mask) for fd, mask in ready]):
                    return

            if self.pending:
                for _ in range(8):
                    if not self.pending or self.stop_flag:
                        break
                    self._run_pending()
            if self.stop_flag:
                return
            for gate, hook in hooks:
                if gate[0]:
                    hook()
                    if self.stop_flag:
                        return
            if not self.turns & _UPKEEP_MASK:
                for hook in self.upkeep_hooks:
                    hook()
            if self.closing:
                self._run_closing()
            # The time, brought up to date for the timers. (Without any, the
            # next poll does it; a callback before that, in the pending
            # phase, that asks for the time (getLibuvNow) updates it itself.)
            if self._timers:
                self.now = int((monotonic() - t0) * 1000)
                self._run_timers()
            if once or self.stop_flag or not (self.ref_handles or self.active_reqs or self.closing):
                return

    def stop(self) -> None:
        self.stop_flag = True

    def wake(self) -> None:
        """Make a blocking poll return now; safe from any thread."""
        try:
            os.write(self._wake_w, b"\0")
        except (BlockingIOError, OSError):
            pass  # already due to wake, or closed

    def close(self) -> None:
        """Release the selector, the wake-up pipe and the thread pool."""
        if self.closed:
            return
        self.closed = True
        self._wake_watcher.close()
        self.selector.close()
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self.emfile_fd >= 0:
            os.close(self.emfile_fd)
            self.emfile_fd = -1
        if self._pool is not None:
            self._pool.shutdown()
