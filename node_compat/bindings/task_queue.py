"""Node's `task_queue` binding: the tick flags shared with Python, and the microtask pump.

`tickInfo` is memory both sides see: JS sets [hasTickScheduled,
hasRejectionToWarn] as it queues ticks and records rejections, and the realm
reads it after every callback to decide whether JS needs to run its tick
queue at all (Node's InternalCallbackScope does the same with its
AliasedBuffer).
"""

from __future__ import annotations


TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

K_HAS_TICK_SCHEDULED, K_HAS_REJECTION_TO_WARN = 0, 1
# The import whose module graph the running promise job loads (and so
# evaluates): none, the main entry point's, a dynamic import(), or (not in a
# job) the module code of -e or stdin.
K_IMPORT_JOB = 3
IMPORT_NONE, IMPORT_ENTRY, IMPORT_DYNAMIC, IMPORT_EVAL = 0, 1, 2, 3
# Set while the running promise job is an async call of user code that runs
# again (see bootstrap/async_frames): its errors take the calls awaiting it.
K_ASYNC_RESUMED = 4
# Set by process.reallyExit: no promise job runs after it (Node ends there).
K_EXITING = 5


def create(realm: Any) -> dict:
    return {"tickInfo": realm.tick_info_buffer, "runMicrotasks": realm.run_microtasks}
