"""Driving a Runtime's event loop from asyncio.

The JS loop's selector (an epoll object) is itself a file descriptor that
becomes readable when any of its sockets is ready, so the asyncio loop
watches it and runs one non-blocking JS loop turn when it fires, plus a
timer for the JS loop's next timer. Both loops then share readiness in one
thread, and neither blocks the other.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Optional

from .realm import ProcessExit

if TYPE_CHECKING:
    from .runtime import Runtime


class AsyncioDriver:
    """Runs JS loop turns whenever the asyncio loop sees JS work due."""

    def __init__(self, rt: "Runtime", aloop: asyncio.AbstractEventLoop) -> None:
        self.rt = rt
        self.aloop = aloop
        self.timer: Optional[asyncio.TimerHandle] = None
        self.soon: Optional[asyncio.Handle] = None
        self.idle_waiters: list[asyncio.Future] = []
        self.fd = rt.loop.selector.fileno()
        aloop.add_reader(self.fd, self.turn)
        rt.loop.update_time()
        self.schedule()

    def detach(self) -> None:
        try:
            self.aloop.remove_reader(self.fd)
        except (ValueError, OSError, RuntimeError):
            pass  # the loop or the selector is already gone
        for handle in (self.timer, self.soon):
            if handle is not None:
                handle.cancel()
        self.rt._driver = None

    def turn(self) -> None:
        self.soon = None
        loop = self.rt.loop
        try:
            self.rt._realm.drain()
            loop.run_once(block=False)
        except ProcessExit:
            pass
        except BaseException as exc:  # handed to whoever awaits the runtime
            self.rt._failure = exc
        self.schedule()

    def schedule(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        rt = self.rt
        loop = rt.loop
        if not loop.alive() or rt._realm.exiting or rt._failure is not None:
            waiters, self.idle_waiters = self.idle_waiters, []
            for fut in waiters:
                if not fut.done():
                    fut.set_result(None)
            return
        delay = loop.next_timeout()
        if delay == 0:
            if self.soon is None:
                self.soon = self.aloop.call_soon(self.turn)
        elif delay > 0:
            self.timer = self.aloop.call_later(delay / 1000.0, self.turn)

    def wake(self) -> None:
        if self.soon is None:
            self.soon = self.aloop.call_soon(self.turn)


def driver_for(rt: "Runtime") -> AsyncioDriver:
    aloop = asyncio.get_running_loop()
    driver = rt._driver
    if driver is not None and driver.aloop is not aloop:
        driver.detach()
        driver = None
    if driver is None:
        driver = AsyncioDriver(rt, aloop)
        rt._driver = driver
    return driver


async def drive_until_idle(rt: "Runtime") -> None:
    """Let the JS loop run (driven by asyncio) until it has nothing referenced left."""
    driver = driver_for(rt)
    fut = driver.aloop.create_future()
    driver.idle_waiters.append(fut)
    driver.wake()
    await fut
    rt._raise_failure()


async def await_promise(rt: "Runtime", value: Any) -> Any:
    """Await a JS promise (or thenable, or plain value) from asyncio."""
    driver = driver_for(rt)
    fut = driver.aloop.create_future()

    def on_done(ok: bool, result: Any) -> None:
        if not fut.done():
            driver.aloop.call_soon(_settle, fut, ok, result)

    rt._on_settled(value, on_done)
    driver.wake()
    ok, result = await fut
    if not ok:
        raise rt._error(result)
    return rt._to_py(result)


def _settle(fut: asyncio.Future, ok: bool, result: Any) -> None:
    if not fut.done():
        fut.set_result((ok, result))


def start_coroutine(rt: "Runtime", coro: Any, resolve: Any, reject: Any) -> None:
    """Run a Python coroutine for a JS caller, settling its promise when it finishes."""
    try:
        aloop = asyncio.get_running_loop()
    except RuntimeError:
        coro.close()
        rt._api(rt._api_call, reject, None, [rt._to_js_error("no asyncio event loop is running")])
        return
    task = aloop.create_task(coro)

    def done(t: asyncio.Task) -> None:
        if t.cancelled():
            rt._api(rt._api_call, reject, None, [rt._to_js_error("the coroutine was cancelled", "CancelledError")])
        elif t.exception() is not None:
            exc = t.exception()
            rt._api(rt._api_call, reject, None, [rt._to_js_error(str(exc), type(exc).__name__)])
        else:
            rt._api(rt._api_call, resolve, None, [rt._to_js(t.result())])
        if rt._driver is not None:
            rt._driver.wake()

    task.add_done_callback(done)
