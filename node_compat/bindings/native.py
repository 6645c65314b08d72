"""Python classes exposed to JavaScript as constructible classes (Node's BaseObject).

A binding puts `export_class(realm, Cls)` in its dict; JS then does
`new Cls(...args)`, which builds the Python object with the JS object as
`js`, and calls its JS_METHODS with the same argument order as Node's C++
classes. Methods receive JS values as jsbridge gives them.
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional


class NativeObject:
    """Base of Python objects behind JS objects. `js` is the JS object (a JSValue)."""

    # Slots, not a __dict__, in this class and the handle classes below it:
    # a server keeps one handle per connection.
    __slots__ = ("realm", "js")

    JS_METHODS: tuple[str, ...] = ()
    JS_GETTERS: tuple[str, ...] = ()

    def __init__(self, realm: Any, js: Any) -> None:
        self.realm = realm
        self.js = js


def _arity(fn: Any) -> int:
    """Number of JS arguments a method takes, or -1 when it takes any number."""
    code = fn.__code__
    if code.co_flags & 0x04:  # CO_VARARGS
        return -1
    return code.co_argcount - 1


def export_class(realm: Any, cls: Optional[type], name: Optional[str] = None, statics: Optional[dict] = None) -> dict:
    """The spec the JS side turns into a class; `cls=None` makes a plain JS class (request objects)."""
    if cls is None:
        return {"__nativeClass": True, "name": name, "create": None, "methods": {}, "getters": {}, "statics": statics or {}}
    engine = realm.engine

    def create(js_this: Any, *args: Any) -> Any:
        return engine.host_object(cls(realm, js_this, *args))

    methods = {m: [getattr(cls, m), _arity(getattr(cls, m))] for m in cls.JS_METHODS}
    getters = {g: attrgetter(g) for g in cls.JS_GETTERS}
    return {
        "__nativeClass": True,
        "name": name or cls.__name__,
        "create": create,
        "methods": methods,
        "getters": getters,
        "statics": statics or {},
    }
