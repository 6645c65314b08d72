"""Values crossing between a Python program and the JavaScript of a `Runtime`.

Primitives convert both ways (JS `undefined` and `null` both become `None`);
Python bytes-like objects become Buffers and JS Uint8Arrays (Buffers included)
become `bytes`, with no text encoding in between; lists and dicts are copied
into arrays and objects; everything else from JS stays a live `JSObject`
proxy. Python callables become JS functions whose exceptions are thrown in JS
as Errors named after the Python exception type.
"""

from __future__ import annotations

import inspect as _inspect
from typing import TYPE_CHECKING, Any, Callable, Iterator

from jsbridge import JSException, JSValue, Undefined, as_text

if TYPE_CHECKING:
    from .runtime import Runtime


class JSError(JSException):
    """A JavaScript exception raised into Python.

    `value` is the thrown JS value (a `JSObject` for errors), `stack` the JS
    stack text, `name` the error's name and `message` its message.
    """

    def __init__(self, text: str, stack: Any = None, value: Any = None, name: str = "Error", message: str = "") -> None:
        super().__init__(text, stack, value)
        self.name = name
        self.message = message


class JSObject:
    """A live JavaScript object, function, promise or symbol.

    Attribute and item access read JS properties, calling calls the function
    (methods keep their `this`), `new(...)` constructs, iteration follows the
    JS iterator protocol, `len()` reads `length`/`size`, `in` uses
    `has`/`includes`/the `in` operator, `to_py()` converts deeply, and a
    promise can be awaited in asyncio code.
    """

    __slots__ = ("_rt", "_value", "_this")

    def __init__(self, rt: "Runtime", value: JSValue, this: Any = None) -> None:
        object.__setattr__(self, "_rt", rt)
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_this", this)

    # -- properties ----------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self[name]

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        del self[name]

    def __getitem__(self, key: Any) -> Any:
        rt = self._rt
        raw = self._value[key if isinstance(key, (str, int)) else str(key)]
        if type(raw) is JSValue and raw.is_function:
            return JSObject(rt, raw, self._value)
        return rt._to_py(raw)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._value[key if isinstance(key, (str, int)) else str(key)] = self._rt._to_js(value)

    def __delitem__(self, key: Any) -> None:
        del self._value[key if isinstance(key, (str, int)) else str(key)]

    def __dir__(self) -> list:
        return list(self._value.keys())

    # -- calls -----------------------------------------------------------------

    def __call__(self, *args: Any) -> Any:
        rt = self._rt
        this = Undefined if self._this is None else self._this
        return rt._api(rt._api_call, self._value, this, [rt._to_js(a) for a in args])

    def new(self, *args: Any) -> Any:
        """`new F(...args)`."""
        rt = self._rt
        return rt._api(rt._api_construct, self._value, [rt._to_js(a) for a in args])

    # -- containers --------------------------------------------------------------

    def __iter__(self) -> Iterator[Any]:
        rt = self._rt
        it = rt._helpers["iterator"](self._value)
        step = it["next"]
        while True:
            res = rt.engine.call(step, this=it)
            if res["done"]:
                return
            yield rt._to_py(res["value"])

    def __len__(self) -> int:
        return int(self._rt._helpers["sizeOf"](self._value))

    def __contains__(self, item: Any) -> bool:
        return bool(self._rt._helpers["has"](self._value, self._rt._to_js(item)))

    def to_py(self) -> Any:
        """A deep copy as plain Python: arrays -> list, objects and Maps -> dict, bytes, primitives."""
        rt = self._rt
        return rt._deep_py(self._value, rt._helpers["newSeen"]())

    # -- promises ------------------------------------------------------------------

    def __await__(self):
        return self._rt._await_js(self._value).__await__()

    # -- display and identity -------------------------------------------------------

    def __repr__(self) -> str:
        try:
            return f"<JSObject {self._rt._helpers['inspect'](self._value)}>"
        except Exception:  # repr must not fail
            return "<JSObject>"

    def __str__(self) -> str:
        return as_text(str(self._value))

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, JSObject):
            return self._value == other._value
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def is_async_callable(fn: Callable) -> bool:
    return _inspect.iscoroutinefunction(fn) or _inspect.iscoroutinefunction(getattr(fn, "__call__", None))
