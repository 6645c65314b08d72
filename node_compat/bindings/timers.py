"""Node's `timers` binding: one loop timer for all JS timers, and the immediate queue hooks.

JS keeps the timer lists and the immediate queue (as Node does); Python owns
the single loop timer and runs `processTimers`/`processImmediate` in the
timers and check phases.
"""

from __future__ import annotations

import ctypes
from typing import Any

from ..loop import Timer

K_COUNT, K_REF_COUNT, K_HAS_OUTSTANDING = 0, 1, 2


def create(realm: Any) -> dict:
    loop = realm.loop
    info_buffer, info = realm.engine.shared_array(ctypes.c_uint32, 3)
    idle = {"on": False}

    def run_timers() -> None:
        ret = realm.make_callback(realm.host, "processTimers", loop.now)
        if ret:
            expiry = abs(ret) - loop.now
            timer.start(expiry if expiry > 0 else 1)
            if ret > 0:
                timer.ref()
            else:
                timer.unref()

    timer = Timer(loop, run_timers)

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
        if info[K_COUNT] == 0 or realm.exiting:
            return
        realm.make_callback(realm.host, "processImmediate")
        if info[K_REF_COUNT] == 0:
            toggle_immediate_ref(False)

    loop.check_hooks.append(check_immediate)

    return {
        "scheduleTimer": schedule_timer,
        "toggleTimerRef": toggle_timer_ref,
        "toggleImmediateRef": toggle_immediate_ref,
        "getLibuvNow": lambda: loop.now,
        "immediateInfo": info_buffer,
    }
