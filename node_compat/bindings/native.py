"""Python classes exposed to JavaScript as constructible classes (Node's BaseObject).

A binding puts `export_class(realm, Cls)` in its dict; JS then does
`new Cls(...args)`, which builds the Python object; its host object (the
JS object jsbridge turns back into the Python object) is the JS instance,
kept as `js`. JS calls its JS_METHODS with the same argument order as
Node's C++ classes. Methods receive JS values as jsbridge gives them.
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional


class NativeObject:
    """Base of Python objects behind JS objects. `js` is the JS object (a JSValue), set by `create`."""

    # Slots, not a __dict__, in this class and the handle classes below it:
    # a server keeps one handle per connection.
    __slots__ = ("realm", "js")

    JS_METHODS: tuple[str, ...] = ()
    JS_GETTERS: tuple[str, ...] = ()
    # Properties with a getter and a setter on the prototype, not enumerable
    # (`name`: the class's get_<name> and set_<name>).
    JS_ACCESSORS: tuple[str, ...] = ()
    # Data properties of the prototype, from the class's attributes.
    JS_CONSTANTS: tuple[str, ...] = ()
    # The prototypes below the class's own, top first, that hold the members
    # Node keeps there (LibuvStreamWrap, HandleWrap, AsyncWrap; see
    # bootstrap/realm). Empty: all members on the class's own prototype.
    JS_LAYERS: tuple[str, ...] = ()
    # Whether the prototype has Node's `owner` accessor (the owner symbol's entry).
    JS_OWNER = False
    # Whether instances have a TCP handle's own properties from birth
    # (`reading`, `onconnection`, owner_symbol; see bootstrap/realm).
    JS_TCP_FIELDS = False

    def __init__(self, realm: Any) -> None:
        self.realm = realm


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

    host_object = engine.host_object

    def create(*args: Any) -> Any:
        native = cls(realm, *args)
        native.js = js = host_object(native)
        return js

    # (Each method with its Python name: classes sharing a base class's
    # prototype must share the functions behind it.)
    methods = {m: [getattr(cls, m), _arity(getattr(cls, m)), getattr(cls, m).__qualname__] for m in cls.JS_METHODS}
    getters = {g: attrgetter(g) for g in cls.JS_GETTERS}
    return {
        "__nativeClass": True,
        "name": name or cls.__name__,
        "create": create,
        "methods": methods,
        "getters": getters,
        "accessors": {a: [getattr(cls, f"get_{a}"), getattr(cls, f"set_{a}")] for a in cls.JS_ACCESSORS},
        "constants": {c: getattr(cls, c) for c in cls.JS_CONSTANTS},
        "statics": statics or {},
        "tcpFields": cls.JS_TCP_FIELDS,
        "layers": list(cls.JS_LAYERS),
        "owner": cls.JS_OWNER,
    }
