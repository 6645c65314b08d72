"""The `util` binding: engine facts behind `util.types` and `util.inspect`.

Node asks V8 which built-in an object really is and what hides inside
promises, proxies and iterators; scripts cannot learn that without side
effects (or at all). Here the answers come from the engine through
`jsbridge.introspect`: one class-id lookup per object, which the JS side
compares with the ids in `classIds`.
"""

from __future__ import annotations

from jsbridge import JSValue, Undefined, as_text
from jsbridge.introspect import GPN_ENUM_ONLY, GPN_STRINGS, GPN_SYMBOLS, Introspector, class_id

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

# Promise states as Node's binding numbers them.
K_PENDING, K_FULFILLED, K_REJECTED = 0, 1, 2
_STATES = {"pending": K_PENDING, "fulfilled": K_FULFILLED, "rejected": K_REJECTED}

# V8's PropertyFilter bits, as `propertyFilter` exposes them.
_PROPERTY_FILTER = {
    "ALL_PROPERTIES": 0,
    "ONLY_WRITABLE": 1,
    "ONLY_ENUMERABLE": 2,
    "ONLY_CONFIGURABLE": 4,
    "SKIP_STRINGS": 8,
    "SKIP_SYMBOLS": 16,
}

# Own keys that are not array indices: pure JS work, kept in JS (a Python
# round trip per key would cost more than the filtering itself).
_NON_INDEX_KEYS = r"""
(function(keysAfterIndices) {
  'use strict';
  const ownKeys = Reflect.ownKeys;
  const isArray = Array.isArray;
  const typedArrayLength = Function.prototype.call.bind(
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get);
  const isTypedArray = ArrayBuffer.isView;
  // Listing every index of a long array would cost more than the engine's
  // own listing with the indices skipped.
  function isLong(obj) {
    if (isArray(obj)) return obj.length > 1024;
    if (isTypedArray(obj) && !(obj instanceof DataView)) return typedArrayLength(obj) > 1024;
    return false;
  }
  const isEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);
  const ONLY_WRITABLE = 1, ONLY_ENUMERABLE = 2, ONLY_CONFIGURABLE = 4, SKIP_STRINGS = 8, SKIP_SYMBOLS = 16;
  function isArrayIndex(key) {
    if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
    const n = Number(key);
    return n >>> 0 === n && n !== 4294967295 && String(n) === key;
  }
  return function getOwnNonIndexProperties(obj, filter) {
    const listed = isLong(obj) ? keysAfterIndices(obj, filter) : null;
    const keys = listed === null ? ownKeys(obj) : listed;
    const out = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key === 'symbol' ? (filter & SKIP_SYMBOLS) : ((filter & SKIP_STRINGS) || isArrayIndex(key))) continue;
      if (filter & ONLY_ENUMERABLE && !isEnumerable(obj, key)) continue;
      if (filter & (ONLY_WRITABLE | ONLY_CONFIGURABLE)) {
        const desc = Reflect.getOwnPropertyDescriptor(obj, key);
        if ((filter & ONLY_WRITABLE && desc.writable === false) ||
            (filter & ONLY_CONFIGURABLE && !desc.configurable)) continue;
      }
      out.push(key);
    }
    return out;
  };
})
"""


_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
_ZERO_WIDTH_CATEGORIES = frozenset(("Cc", "Cf", "Me", "Mn"))


def column_width(code: int) -> int:
    """Terminal columns of one code point, by East Asian Width as ICU reports it."""
    import unicodedata  # here, not at the top: its library is loaded only to measure non-ASCII text

    char = chr(code)
    eaw = unicodedata.east_asian_width(char)
    if eaw in ("F", "W"):
        return 2
    # Emoji shown as pictures take two columns even when their width is neutral.
    if code in _REGIONAL_INDICATORS:
        return 2
    if code != 0xAD and unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 1


def string_width(text: Any) -> int:
    """Columns of a (non-ASCII) string after NFC normalization."""
    import unicodedata

    text = unicodedata.normalize("NFC", as_text(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
    return sum(column_width(ord(ch)) for ch in text)


def create(realm: Any) -> dict:
    engine = realm.engine
    facts = Introspector(engine)

    proxy_class = facts.class_ids.get("Proxy")

    def class_of(value: Any) -> int:
        return class_id(value) if isinstance(value, JSValue) else 0

    def get_promise_details(promise: Any) -> Any:
        state, result = engine.promise_details(promise)
        if state == "pending":
            return [K_PENDING]
        return [_STATES[state], result]

    def get_proxy_details(value: Any, full: Any = True) -> Any:
        """Undefined for non-proxies; the target (or [target, handler]) otherwise.

        A revoked proxy reports null for both, as V8 does once it drops them.
        """
        if not isinstance(value, JSValue):
            return Undefined
        details = facts.proxy_details(value)
        if details is None:
            return Undefined
        target, handler, revoked = details
        if revoked:
            target = handler = None
        return [target, handler] if full is not False else target

    def preview_entries(value: Any, is_iterator: Any = False) -> Any:
        """What a Map/Set iterator still holds, or a weak collection's live
        entries, as V8's `previewEntries` reports them."""
        if not isinstance(value, JSValue):
            return Undefined
        found = facts.iterator_entries(value)
        if found is None:
            weak = facts.weak_entries(value)
            if weak is None:
                return Undefined
            found = weak, class_id(value) == facts.class_ids.get("WeakMap")
        entries, key_and_value = found
        return [entries, key_and_value] if is_iterator is True else entries

    def keys_after_indices(obj: Any, filt: int) -> Any:
        flags = 0
        if not filt & _PROPERTY_FILTER["SKIP_STRINGS"]:
            flags |= GPN_STRINGS
        if not filt & _PROPERTY_FILTER["SKIP_SYMBOLS"]:
            flags |= GPN_SYMBOLS
        if filt & _PROPERTY_FILTER["ONLY_ENUMERABLE"]:
            flags |= GPN_ENUM_ONLY
        if class_of(obj) == proxy_class:
            return None  # a proxy's keys come from its trap, in any order
        return facts.keys_after_indices(obj, flags)

    return {
        "classOf": engine.function(class_of, "classOf", 1),
        "classIds": dict(facts.class_ids),
        "getPromiseDetails": engine.function(get_promise_details, "getPromiseDetails", 1),
        "getProxyDetails": engine.function(get_proxy_details, "getProxyDetails", 2),
        "previewEntries": engine.function(preview_entries, "previewEntries", 2),
        "getOwnNonIndexProperties": engine.eval(_NON_INDEX_KEYS, "node:internal/util/binding")(
            engine.function(keys_after_indices, "keysAfterIndices", 2)
        ),
        "propertyFilter": dict(_PROPERTY_FILTER),
        "getStringWidth": engine.function(string_width, "getStringWidth", 1),
        "isFastArray": engine.function(
            lambda value: isinstance(value, JSValue) and facts.is_fast_array(value), "isFastArray", 1
        ),
        "constants": {"kPending": K_PENDING, "kFulfilled": K_FULFILLED, "kRejected": K_REJECTED},
    }
