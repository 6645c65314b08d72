"""Node's `async_wrap` binding: the async id fields JS and Python share.

`async_id_fields` is [execution id, last id given out].
Python's handles and requests take their ids from the same counter as JS's
ticks, timers and immediates (realm.new_async_id), so every resource is
numbered in the order Node numbers it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

# Where async_id_fields keeps the last id given out (internal/async_hooks
# has the same layout; only JS reads and sets the execution id).
K_ASYNC_ID_COUNTER = 1


def create(realm: Any) -> dict:
    return {"async_id_fields": realm.async_ids_buffer}
