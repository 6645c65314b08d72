"""Node's `v8` binding, as far as pynode has one: the engine's garbage collector.

`collectGarbage()` runs a full collection of the QuickJS heap now (V8's
`gc()` under --expose-gc); `collectGarbageLater(req)` runs one in the loop's
next poll phase, then calls `req.oncomplete()` (`gc({execution: 'async'})`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


def create(realm: Any) -> dict:
    engine = realm.engine

    def collect_garbage() -> None:
        # Twice: QuickJS queues the FinalizationRegistry callbacks of the
        # cycles one collection freed only in the next; after V8's gc() they
        # are queued.
        engine.run_gc()
        engine.run_gc()

    def collect_garbage_later(req: Any) -> None:
        def run() -> None:
            collect_garbage()
            realm.make_callback(req, "oncomplete")

        realm.loop.post(run)

    return {"collectGarbage": collect_garbage, "collectGarbageLater": collect_garbage_later}
