"""Node's `performance` binding: the clock and milestones behind `perf_hooks`.

Times are milliseconds from the time origin: when the OS process started
(as in Node), read from /proc; `timeOrigin` is that moment on the wall clock.
"""

from __future__ import annotations

import os
import time

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

_MILESTONES = ("nodeStart", "v8Start", "environment", "bootstrapComplete", "loopStart", "loopExit")


def process_start() -> Optional[float]:
    """The monotonic time this process started at, from its start tick in /proc/self/stat."""
    try:
        with open("/proc/self/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return time.monotonic() - max(0.0, age)


def create(realm: Any) -> dict:
    loop = realm.loop
    origin = min(process_start() or realm.milestones["nodeStart"], realm.milestones["nodeStart"])
    time_origin = (time.time() - (time.monotonic() - origin)) * 1000

    def now() -> float:
        return (time.monotonic() - origin) * 1000

    def milestones() -> list:
        """The start-up steps in `_MILESTONES` order, -1 for those not reached yet."""
        marks = dict(realm.milestones, loopStart=loop.started_at)
        return [-1 if marks.get(name) is None else (marks[name] - origin) * 1000 for name in _MILESTONES]

    def loop_idle_time() -> float:
        return loop.idle_time * 1000

    def loop_metrics() -> list:
        """[iterations, events handled, events waiting]: libuv's uv_metrics_info."""
        return [loop.turns, loop.events_handled, 0]

    return {
        "now": now,
        "timeOrigin": time_origin,
        "milestones": milestones,
        "loopIdleTime": loop_idle_time,
        "loopMetrics": loop_metrics,
    }
