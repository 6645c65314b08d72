"""Node's `messaging` binding, for ports that live in this one thread.

pynode has no worker threads, so both ends of a MessageChannel (and every
BroadcastChannel) are in the same realm and the messages themselves stay in
JS. What JS needs from the loop is what libuv's uv_async_t gives Node's
ports: a handle that keeps the process alive while a port is receiving
(unless unref'd), and a way to have queued messages delivered from the loop
(between timers and immediates, as Node's poll phase does) rather than
synchronously.
"""

from __future__ import annotations

from .handle_wrap import HandleWrap
from .native import export_class

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


class MessagePortHandle(HandleWrap):
    """`start()`/`stop()` receiving; `signal()` asks for `ondeliver()` calls from the loop.

    JS's `ondeliver()` delivers one queued message and returns whether more
    are waiting, so each message gets its own callback scope (ticks and
    microtasks run between messages).
    """

    PROVIDER = 21  # MESSAGEPORT
    JS_METHODS = HandleWrap.JS_METHODS + ("start", "stop", "signal")

    def __init__(self, realm: Any) -> None:
        super().__init__(realm)
        self.scheduled = False

    def start(self) -> None:
        if not self.closing:
            self.set_active(True)

    def stop(self) -> None:
        self.set_active(False)

    def signal(self) -> None:
        if self.scheduled or self.closing:
            return
        self.scheduled = True
        self.loop.pending.append(self._deliver)

    def _deliver(self) -> None:
        self.scheduled = False
        while self.active and not self.closing:
            if not self.realm.make_callback(self.js, "ondeliver", async_id=self.async_id):
                break


def create(realm: Any) -> dict:
    return {"MessagePortHandle": export_class(realm, MessagePortHandle)}
