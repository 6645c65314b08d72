"""Node's `timers` binding: one loop timer for all JS timers, and the immediate queue hooks.

JS keeps the timer lists and the immediate queue (as Node does); Python owns
the single loop timer and runs `processTimers`/`processImmediate` in the
timers and check phases.
"""

from __future__ import annotations

import ctypes

from ..loop import Timer

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

K_COUNT, K_REF_COUNT, K_HAS_OUTSTANDING = 0, 1, 2


def create(realm: Any) -> dict:
    loop = realm.loop
    info_buffer, info = realm.engine.shared_array(ctypes.c_uint32, 3)
    idle = {"on": False}

    def after_timers(ret: Any) -> None:
        # Node's RunTimers: re-arm the handle for the next expiry, referenced
        # only while referenced timers remain. This runs as soon as
        # processTimers returns and before the microtasks drain, so timers
        # created by those microtasks adjust it through scheduleTimer and
        # toggleTimerRef, as in Node.
        if ret:
            expiry = abs(ret) - loop.now
            timer.start(expiry if expiry > 0 else 1)
            if ret > 0:
                timer.ref()
            else:
                timer.unref()
        else:
            timer.unref()

    # Made on first use: the binding is created while the realm boots.
    runner = []

    def run_timers() -> None:
        if not runner:
            runner.append(realm.engine.eval(
                "(function (host, after) {"
                " return { run(now) { const ret = host.processTimers(now); after(ret); return ret; } }; })",
                "node:internal/timers_runner",
            )(realm.host, realm.engine.function(after_timers, "afterTimers", 1)))
        realm.make_callback(runner[0], "run", loop.now)

    timer = Timer(loop, run_timers)
    # As in Node, the one timer handle starts unref'd: the JS side refs it
    # while referenced timers exist (incRefCount/decRefCount), so a timer
    # created unref'd (timers/promises with `ref: false`) never holds the loop.
    timer.unref()

    def get_libuv_now() -> int:
        # As Node's: the loop's time brought up to date first, so a timer
        # made after a long stretch of JS counts from now, not from the
        # last poll.
        loop.update_time()
        return loop.now

    def schedule_timer(duration: Any) -> None:
        timer.start(max(1, int(duration)))

    def toggle_timer_ref(ref: bool) -> None:
        if ref:
            timer.ref()
        else:
            timer.unref()

    def toggle_immediate_ref(ref: bool) -> None:
        ref = bool(ref)
        if ref == idle["on"]:
            return
        idle["on"] = ref
        loop.idle = ref
        loop.ref_handles += 1 if ref else -1

    def check_immediate() -> None:
        if realm.exiting:
            return
        realm.make_callback(realm.host, "processImmediate")
        if info[K_REF_COUNT] == 0:
            toggle_immediate_ref(False)

    # Called only while immediates are queued (their count is not zero).
    loop.add_check(check_immediate, memoryview(info).cast("B").cast("I"))

    return {
        "scheduleTimer": schedule_timer,
        "toggleTimerRef": toggle_timer_ref,
        "toggleImmediateRef": toggle_immediate_ref,
        "getLibuvNow": get_libuv_now,
        "immediateInfo": info_buffer,
    }
