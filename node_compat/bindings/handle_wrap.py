"""Node's HandleWrap: a loop handle owned by a JS object, with ref/unref/close.

The loop stays alive while a handle is active and referenced. `close(cb)`
stops the handle at once, releases its OS resources, and calls `cb` as the
JS object's method in the loop's close phase, as libuv's uv_close does.
"""

from __future__ import annotations

from jsbridge import JSValue, Undefined

from .native import NativeObject

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


class HandleWrap(NativeObject):
    JS_METHODS = ("close", "ref", "unref", "hasRef", "getAsyncId", "asyncReset", "getProviderType")

    # (`_onclose` is set by close() only: the callback Node keeps under a
    # symbol of the JS object, which here gets no property for it.)
    # Node's AsyncWrap provider number of the handle's kind (its
    # async_wrap binding's `Providers` table).
    PROVIDER = 0

    __slots__ = ("loop", "async_id", "active", "refed", "closing", "_onclose")

    # (StreamBase.__init__ sets these fields itself.)
    def __init__(self, realm: Any) -> None:
        self.realm = realm  # (NativeObject's field: a call less per handle)
        self.loop = realm.loop
        self.active = False
        self.refed = True
        self.closing = False
        self.async_id = realm.new_async_id()
        realm.handles.add(self)

    # -- liveness -------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        """Mark the handle (in)active, keeping the loop's count of referenced handles."""
        if active == self.active:
            return
        self.active = active
        if self.refed:
            self.loop.ref_handles += 1 if active else -1

    def ref(self) -> None:
        if not self.refed and not self.closing:
            self.refed = True
            if self.active:
                self.loop.ref_handles += 1

    def unref(self) -> None:
        if self.refed:
            self.refed = False
            if self.active:
                self.loop.ref_handles -= 1

    def hasRef(self) -> bool:
        return self.refed and not self.closing

    def getAsyncId(self) -> float:
        return self.async_id

    def asyncReset(self, _resource: Any = None, _execution_async_id: Any = None) -> Any:
        """A new async id, as AsyncWrap's asyncReset gives (pynode has no async hooks to tell)."""
        self.async_id = self.realm.new_async_id()
        return Undefined

    def getProviderType(self) -> int:
        return self.PROVIDER

    # -- closing -------------------------------------------------------------

    def close(self, callback: Any = None) -> None:
        if self.closing:
            return
        self.closing = True
        if self.active:  # (set_active(False), inline: once per handle)
            self.active = False
            if self.refed:
                self.loop.ref_handles -= 1
        if isinstance(callback, JSValue) and callback.is_function:
            self._onclose = callback
            self.loop.closing.append(self._after_close)
        else:
            self.loop.closing.append(self._forget)
        # (After the entry above: a stream's requests cut short by release()
        # are appended next, so that the close phase, last entry first,
        # completes them before the close callback, as libuv does.)
        self.release()

    def _after_close(self) -> None:
        js = self.js
        realm = self.realm
        realm.handles.discard(self)  # (_forget, inline)
        self.js = None
        callback = self._onclose
        self._onclose = None
        realm.make_close_callback(self.async_id, js, callback)

    def _forget(self) -> None:
        """The handle is done: after its close callback nothing calls into its JS object.

        The JS object (a host object) holds this one and `js` holds the JS
        object: a cycle across the two heaps that neither garbage collector
        can see, so the reference is dropped here.
        """
        self.realm.handles.discard(self)
        self.js = None

    def release(self) -> None:
        """Free OS resources (sockets, fds); subclasses extend this."""

    def force_close(self) -> None:
        """Close without callbacks: the realm is being torn down."""
        if not self.closing:
            self.closing = True
            self.set_active(False)
            self.release()
        self._forget()
