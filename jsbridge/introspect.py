"""What V8 tells Node about a value and plain JavaScript cannot: its internal class.

Node's `util.types` and `util.inspect` ask the engine which built-in a value
really is (a Map, a boxed Number, a Proxy, a Map iterator...), independent of
its prototype or `Symbol.toStringTag`, and they peek at internals no script can
reach without side effects: a Proxy's target and handler, the entries an
iterator has left. QuickJS keeps that in each object's class id and opaque
data; `JS_GetClassID` and `JS_GetOpaque` are exported by the engine, so this
module reads them through ctypes.

Class ids differ between QuickJS versions, so they are not hard-coded: the
table is built by asking the engine for the class of one sample of each kind.
The two opaque layouts read here (proxy data and map-iterator data) are
checked against live samples before use; if a check fails the corresponding
feature reports "unknown" instead of guessing.
"""

from __future__ import annotations

import ctypes

from . import capi
from .engine import JSValue

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

_get_class_id = capi._fn("JS_GetClassID", ctypes.c_uint32, capi.RawValue)
_get_opaque = capi._fn("JS_GetOpaque", ctypes.c_void_p, capi.RawValue, ctypes.c_uint32)
_get_own_property_names = capi._fn(
    "JS_GetOwnPropertyNames", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p),
    ctypes.POINTER(ctypes.c_uint32), capi.RawValue, ctypes.c_int,
)
_free_property_enum = capi._fn("JS_FreePropertyEnum", None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32)
_atom_to_value = capi._fn("JS_AtomToValue", capi.RawValue, ctypes.c_void_p, ctypes.c_uint32)

# JS_GetOwnPropertyNames flags, and the tag of atoms that are small integers.
GPN_STRINGS = 1 << 0
GPN_SYMBOLS = 1 << 1
GPN_ENUM_ONLY = 1 << 4
_ATOM_TAG_INT = 1 << 31

# One expression per class name; evaluated once per engine to learn the ids.
_SAMPLES = r"""
(() => {
  const ab = new ArrayBuffer(8);
  return {
    Object: {},
    Array: [],
    Error: new Error(),
    Number: new Number(0),
    String: new String(''),
    Boolean: new Boolean(false),
    Symbol: Object(Symbol()),
    Arguments: (function() { 'use strict'; return arguments; })(),
    MappedArguments: (function() { return arguments; })(),
    Date: new Date(0),
    Function: function() {},
    CFunction: Math.max,
    BoundFunction: (function() {}).bind(null),
    GeneratorFunction: function* () {},
    RegExp: /x/,
    ArrayBuffer: ab,
    SharedArrayBuffer: typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(1) : undefined,
    Uint8ClampedArray: new Uint8ClampedArray(ab),
    Int8Array: new Int8Array(ab),
    Uint8Array: new Uint8Array(ab),
    Int16Array: new Int16Array(ab),
    Uint16Array: new Uint16Array(ab),
    Int32Array: new Int32Array(ab),
    Uint32Array: new Uint32Array(ab),
    BigInt64Array: new BigInt64Array(ab),
    BigUint64Array: new BigUint64Array(ab),
    Float16Array: typeof Float16Array === 'function' ? new Float16Array(ab) : undefined,
    Float32Array: new Float32Array(ab),
    Float64Array: new Float64Array(ab),
    DataView: new DataView(ab),
    BigInt: Object(0n),
    Map: new Map(),
    Set: new Set(),
    WeakMap: new WeakMap(),
    WeakSet: new WeakSet(),
    MapIterator: new Map().entries(),
    SetIterator: new Set().values(),
    ArrayIterator: [].values(),
    StringIterator: ''[Symbol.iterator](),
    RegExpStringIterator: ''.matchAll(/x/g),
    Generator: (function* () {})(),
    Proxy: new Proxy({}, {}),
    Promise: Promise.resolve(),
    AsyncFunction: async function() {},
    AsyncGeneratorFunction: async function* () {},
    AsyncGenerator: (async function* () {})(),
    WeakRef: typeof WeakRef === 'function' ? new WeakRef({}) : undefined,
    FinalizationRegistry: typeof FinalizationRegistry === 'function' ? new FinalizationRegistry(() => {}) : undefined,
  };
})()
"""

# Samples that share a class id with an earlier one are not distinct classes
# in this engine: the first name keeps the id.
_OFFSET_PROXY_HANDLER = 16
_OFFSET_PROXY_REVOKED = 33
# JSObject header: flag bits at byte 5 (bit 3: fast_array), class id at byte 6.
_OFFSET_OBJECT_FLAGS = 5
_OFFSET_OBJECT_CLASS = 6
_FLAG_FAST_ARRAY = 1 << 3
# JSMapState (Map, Set and their weak forms): is_weak, then the record list;
# a JSMapRecord: ref_count, empty flag, list link, hash link, key, value.
_OFFSET_STATE_RECORDS = 8
_OFFSET_RECORD_EMPTY = 4
_OFFSET_RECORD_LINK = 8
_OFFSET_RECORD_KEY = 32
_OFFSET_RECORD_VALUE = 48
_OFFSET_ITER_KIND = 16
_OFFSET_ITER_CURSOR = 24
_ITER_KEY, _ITER_VALUE, _ITER_KEY_AND_VALUE = 0, 1, 2


def class_id(value: Any) -> int:
    """The engine's class id of an object handle (0 for anything else)."""
    raw = capi.value_of(value)
    if raw.tag != capi.TAG_OBJECT:
        return 0
    return _get_class_id(raw)


class Introspector:
    """Engine-internal facts about values of one `Engine`."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._ctx_p = engine._ctx_p
        samples = engine.eval(f"Object.entries({_SAMPLES})", "jsbridge:introspect")
        self.class_ids: dict[str, int] = {}
        taken: set[int] = set()
        for i in range(samples["length"]):
            name, value = samples[i][0], samples[i][1]
            ident = class_id(value) if isinstance(value, JSValue) else 0
            if ident and ident not in taken:
                self.class_ids[name] = ident
                taken.add(ident)
        # A module namespace can only come from a module.
        status, namespace = engine.evaluate_module_now("jsbridge:introspect-namespace", "export {};")
        if status == "ok":
            ident = class_id(namespace)
            if ident and ident not in taken:
                self.class_ids["ModuleNamespace"] = ident
        helpers = engine.eval(
            # The built-ins as they were at start-up: user code may replace them later.
            "(() => { const mapNext = Object.getPrototypeOf(new Map().entries()).next;"
            " const setNext = Object.getPrototypeOf(new Set().entries()).next;"
            " const call = Function.prototype.call.bind(Function.prototype.call);"
            " return { mapEntries: Map.prototype.entries, setEntries: Set.prototype.entries,"
            " step(it, isMap) { const r = call(isMap ? mapNext : setNext, it);"
            " return r.done ? null : [r.value]; } }; })()",
            "jsbridge:introspect",
        )
        self._map_entries = helpers["mapEntries"]
        self._set_entries = helpers["setEntries"]
        self._step = helpers["step"]
        self._proxy_ok = self._check_proxy_layout()
        self._iter_ok = self._check_iterator_layout()
        self._array_class = self.class_ids.get("Array")
        self._header_ok = self._check_header_layout()
        self._weak_ok = self._check_weak_layout()

    # -- layout checks ---------------------------------------------------------

    def _read_value(self, addr: int) -> Any:
        """A JSValue stored at `addr` (borrowed), as a Python value."""
        stored = capi.RawValue.from_address(addr)
        return self._engine._raw_to_py(capi.dup(stored))

    def _opaque(self, value: Any, name: str) -> int:
        ident = self.class_ids.get(name)
        raw = capi.value_of(value)
        if ident is None or raw.tag != capi.TAG_OBJECT or _get_class_id(raw) != ident:
            return 0
        return _get_opaque(raw, ident) or 0

    def _check_proxy_layout(self) -> bool:
        sample = self._engine.eval(
            "(() => { const t = {}; const h = {}; const r = Proxy.revocable(t, h);"
            " const p = r.proxy; return [p, t, h, r.revoke]; })()",
            "jsbridge:introspect",
        )
        proxy, target, handler, revoke = sample[0], sample[1], sample[2], sample[3]
        addr = self._opaque(proxy, "Proxy")
        if not addr:
            return False
        same = (
            capi.RawValue.from_address(addr).ptr == capi.value_of(target).ptr
            and capi.RawValue.from_address(addr + _OFFSET_PROXY_HANDLER).ptr == capi.value_of(handler).ptr
            and ctypes.c_uint8.from_address(addr + _OFFSET_PROXY_REVOKED).value == 0
        )
        revoke()
        return same and ctypes.c_uint8.from_address(addr + _OFFSET_PROXY_REVOKED).value == 1

    def _check_iterator_layout(self) -> bool:
        sample = self._engine.eval(
            "(() => { const m = new Map([[1, 2], [3, 4]]); const a = m.keys(); const b = m.keys(); b.next();"
            " return [m, a, b]; })()",
            "jsbridge:introspect",
        )
        source, fresh, stepped = sample[0], sample[1], sample[2]
        a = self._opaque(fresh, "MapIterator")
        b = self._opaque(stepped, "MapIterator")
        if not a or not b:
            return False
        return (
            capi.RawValue.from_address(a).ptr == capi.value_of(source).ptr
            and ctypes.c_int32.from_address(a + _OFFSET_ITER_KIND).value == _ITER_KEY
            and ctypes.c_void_p.from_address(a + _OFFSET_ITER_CURSOR).value is None
            and ctypes.c_void_p.from_address(b + _OFFSET_ITER_CURSOR).value is not None
        )

    def _check_header_layout(self) -> bool:
        sample = self._engine.eval(
            "(() => { const holey = [1, 2, 3]; delete holey[1]; return [[1, 2, 3], holey, {}, new Map()]; })()",
            "jsbridge:introspect",
        )
        # value_of() reads inside the handle: keep every handle alive while in use.
        values = [sample[i] for i in range(4)]
        for value in values:
            raw = capi.value_of(value)
            if ctypes.c_uint16.from_address(raw.ptr + _OFFSET_OBJECT_CLASS).value != _get_class_id(raw):
                return False
        dense = ctypes.c_uint8.from_address(capi.value_of(values[0]).ptr + _OFFSET_OBJECT_FLAGS).value
        holey = ctypes.c_uint8.from_address(capi.value_of(values[1]).ptr + _OFFSET_OBJECT_FLAGS).value
        return bool(dense & _FLAG_FAST_ARRAY) and not holey & _FLAG_FAST_ARRAY

    def _check_weak_layout(self) -> bool:
        sample = self._engine.eval(
            "(() => { const k = {}; const v = {}; return [new WeakMap([[k, v]]), k, v]; })()",
            "jsbridge:introspect",
        )
        weak_map, key, value = sample[0], sample[1], sample[2]
        addr = self._opaque(weak_map, "WeakMap")
        if not addr or ctypes.c_int.from_address(addr).value != 1:
            return False
        head = addr + _OFFSET_STATE_RECORDS
        link = ctypes.c_void_p.from_address(head + 8).value
        if link is None or link == head:
            return False
        record = link - _OFFSET_RECORD_LINK
        return (
            ctypes.c_uint8.from_address(record + _OFFSET_RECORD_EMPTY).value == 0
            and capi.RawValue.from_address(record + _OFFSET_RECORD_KEY).ptr == capi.value_of(key).ptr
            and capi.RawValue.from_address(record + _OFFSET_RECORD_VALUE).ptr == capi.value_of(value).ptr
            and ctypes.c_void_p.from_address(link + 8).value == head
        )

    # -- queries -----------------------------------------------------------------

    def weak_entries(self, value: Any) -> Any:
        """The live entries of a WeakMap or WeakSet (None for anything else).

        WeakMaps give keys and values alternately, WeakSets their values;
        keys whose objects are already dead are skipped, as the engine does.
        """
        if not self._weak_ok:
            return None
        is_map = True
        addr = self._opaque(value, "WeakMap")
        if not addr:
            is_map = False
            addr = self._opaque(value, "WeakSet")
            if not addr:
                return None
        head = addr + _OFFSET_STATE_RECORDS
        out: list = []
        link = ctypes.c_void_p.from_address(head + 8).value
        while link is not None and link != head:
            record = link - _OFFSET_RECORD_LINK
            key = capi.RawValue.from_address(record + _OFFSET_RECORD_KEY)
            live = key.tag == capi.TAG_UNDEFINED or ctypes.c_int.from_address(key.ptr).value != 0
            if not ctypes.c_uint8.from_address(record + _OFFSET_RECORD_EMPTY).value and live:
                out.append(self._read_value(record + _OFFSET_RECORD_KEY))
                if is_map:
                    out.append(self._read_value(record + _OFFSET_RECORD_VALUE))
            link = ctypes.c_void_p.from_address(link + 8).value
        return out

    def is_fast_array(self, value: Any) -> bool:
        """Whether an Array keeps its elements as plain values in one block.

        Such an array has no accessors and no holes below its element count
        (its `length` may still be larger), so its elements can be read
        directly instead of through property descriptors.
        """
        if not self._header_ok:
            return False
        raw = capi.value_of(value)
        if raw.tag != capi.TAG_OBJECT:
            return False
        if ctypes.c_uint16.from_address(raw.ptr + _OFFSET_OBJECT_CLASS).value != self._array_class:
            return False
        return bool(ctypes.c_uint8.from_address(raw.ptr + _OFFSET_OBJECT_FLAGS).value & _FLAG_FAST_ARRAY)


    def proxy_details(self, value: Any) -> Any:
        """None if `value` is not a Proxy, else (target, handler, revoked)."""
        if not self._proxy_ok:
            return None
        addr = self._opaque(value, "Proxy")
        if not addr:
            return None
        revoked = ctypes.c_uint8.from_address(addr + _OFFSET_PROXY_REVOKED).value != 0
        return self._read_value(addr), self._read_value(addr + _OFFSET_PROXY_HANDLER), revoked

    def keys_after_indices(self, value: Any, flags: int) -> Any:
        """An object's own keys except its small integer indices (None on failure).

        The engine lists integer keys first, in ascending order, so the
        split point is found by bisection: a million-element array costs no
        million strings. Keys are strings or symbols as `flags` asks; indices
        above 2**31 still come back and are left for the caller to drop.
        """
        raw = capi.value_of(value)
        if raw.tag != capi.TAG_OBJECT:
            return None
        tab = ctypes.c_void_p()
        count = ctypes.c_uint32()
        if _get_own_property_names(self._ctx_p, ctypes.byref(tab), ctypes.byref(count), raw, flags) < 0:
            capi.drop_exception(self._ctx_p)
            return None
        n = count.value
        try:
            # Each JSPropertyEnum is 8 bytes: a flag (padded) then the atom.
            words = (ctypes.c_uint32 * (2 * n)).from_address(tab.value) if n else ()
            lo, hi = 0, n
            while lo < hi:
                mid = (lo + hi) // 2
                if words[2 * mid + 1] & _ATOM_TAG_INT:
                    lo = mid + 1
                else:
                    hi = mid
            to_py = self._engine._raw_to_py
            return [to_py(_atom_to_value(self._ctx_p, words[2 * i + 1])) for i in range(lo, n)]
        finally:
            if n:
                _free_property_enum(self._ctx_p, tab, n)

    def iterator_entries(self, value: Any) -> Any:
        """What a Map or Set iterator would still yield, without advancing it.

        Returns None when `value` is no such iterator (or the layout is
        unknown), else (flat list, key_and_value): for key/value iterators the
        list alternates keys and values, as V8's preview does.
        """
        if not self._iter_ok:
            return None
        is_map = True
        addr = self._opaque(value, "MapIterator")
        if not addr:
            is_map = False
            addr = self._opaque(value, "SetIterator")
            if not addr:
                return None
        kind = ctypes.c_int32.from_address(addr + _OFFSET_ITER_KIND).value
        pair = kind == _ITER_KEY_AND_VALUE
        if capi.RawValue.from_address(addr).tag != capi.TAG_OBJECT:
            return [], pair  # exhausted: the engine dropped the collection
        source = self._read_value(addr)
        cursor = ctypes.c_void_p.from_address(addr + _OFFSET_ITER_CURSOR).value
        # Walk a fresh iterator over the same collection up to the same record.
        probe = self._engine.call(self._map_entries if is_map else self._set_entries, this=source)
        probe_addr = self._opaque(probe, "MapIterator" if is_map else "SetIterator")
        if cursor is not None:
            while ctypes.c_void_p.from_address(probe_addr + _OFFSET_ITER_CURSOR).value != cursor:
                if self._step(probe, is_map) is None:
                    return [], pair
        out: list = []
        while True:
            step = self._step(probe, is_map)
            if step is None:
                break
            entry = step[0]
            if is_map:
                key, val = entry[0], entry[1]
            else:
                key = val = entry[0]
            if pair:
                out.append(key)
                out.append(val)
            else:
                out.append(val if kind == _ITER_VALUE else key)
        return out, pair
