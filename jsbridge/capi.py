"""ctypes access to the parts of the QuickJS C API the Python binding does not wrap.

`quickjs-bindings` exports the whole QuickJS C API from its extension module, but
gives Python no way to install a promise-rejection tracker, a module-name
normaliser that knows the importing module, or `import.meta` contents. This
module reaches those functions through ctypes. It relies on two layout facts of
the binding's objects, both checked when an engine starts (`check_layout`):

* `Context`, `Runtime` and `Value` objects store their `JSContext *`,
  `JSRuntime *` and `JSValue` right after the CPython object header;
* a `Value` stores its owning `ContextObject *` after the `JSValue`.

`gc_fields` reads two fields of the runtime itself, found and checked by value.
"""

from __future__ import annotations

import ctypes

import quickjs._quickjs as _qjs

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

# PyDLL keeps the GIL held: the engine may call back into Python at any time.
_lib = ctypes.PyDLL(_qjs.__file__)
_HEAD = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)

TAG_OBJECT = _qjs.JS_TAG_OBJECT
TAG_EXCEPTION = _qjs.JS_TAG_EXCEPTION
TAG_UNDEFINED = _qjs.JS_TAG_UNDEFINED
TAG_FIRST = -9  # JS_TAG_BIG_INT: every tag from here to -1 is reference counted
TAG_MODULE = -3

PROP_CONFIGURABLE = 1
PROP_WRITABLE = 2
PROP_ENUMERABLE = 4
PROP_C_W_E = 7


class RawValue(ctypes.Structure):
    """The engine's `JSValue` on 64-bit builds: a union and a tag."""

    _fields_ = [("ptr", ctypes.c_void_p), ("tag", ctypes.c_int64)]


if ctypes.sizeof(ctypes.c_void_p) != 8:  # pragma: no cover - 32-bit uses NaN boxing
    raise ImportError("jsbridge needs a 64-bit build of quickjs-bindings")

NormalizeFunc = ctypes.CFUNCTYPE(
    ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p
)
LoaderFunc2 = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, RawValue)
CheckAttrsFunc = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, RawValue)
TrackerFunc = ctypes.CFUNCTYPE(None, ctypes.c_void_p, RawValue, RawValue, ctypes.c_bool, ctypes.c_void_p)


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_vp = ctypes.c_void_p
JS_GetContextOpaque = _fn("JS_GetContextOpaque", _vp, _vp)
JS_GetRuntime = _fn("JS_GetRuntime", _vp, _vp)
JS_Eval = _fn("JS_Eval", RawValue, _vp, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int)
JS_GetImportMeta = _fn("JS_GetImportMeta", RawValue, _vp, _vp)
JS_Call = _fn("JS_Call", RawValue, _vp, RawValue, RawValue, ctypes.c_int, ctypes.POINTER(RawValue))
JS_Throw = _fn("JS_Throw", RawValue, _vp, RawValue)
JS_NewStringLen = _fn("JS_NewStringLen", RawValue, _vp, ctypes.c_char_p, ctypes.c_size_t)
JS_SetModuleLoaderFunc2 = _fn("JS_SetModuleLoaderFunc2", None, _vp, NormalizeFunc, LoaderFunc2, CheckAttrsFunc, _vp)
JS_SetHostPromiseRejectionTracker = _fn("JS_SetHostPromiseRejectionTracker", None, _vp, TrackerFunc, _vp)
JS_GetArrayBuffer = _fn("JS_GetArrayBuffer", _vp, _vp, ctypes.POINTER(ctypes.c_size_t), RawValue)
JS_GetException = _fn("JS_GetException", RawValue, _vp)
JS_EvalFunction = _fn("JS_EvalFunction", RawValue, _vp, RawValue)
JS_GetModuleNamespace = _fn("JS_GetModuleNamespace", RawValue, _vp, _vp)
JS_PromiseState = _fn("JS_PromiseState", ctypes.c_int, _vp, RawValue)
JS_PromiseResult = _fn("JS_PromiseResult", RawValue, _vp, RawValue)
JS_UpdateStackTop = _fn("JS_UpdateStackTop", None, _vp)
JS_SetStripInfo = _fn("JS_SetStripInfo", None, _vp, ctypes.c_int)
js_strdup = _fn("js_strdup", _vp, _vp, ctypes.c_char_p)
_free_value = _fn("__JS_FreeValue", None, _vp, RawValue)

EVAL_MODULE = _qjs.JS_EVAL_TYPE_MODULE
EVAL_COMPILE_ONLY = _qjs.JS_EVAL_FLAG_COMPILE_ONLY
EVAL_MODULE_COMPILE_ONLY = EVAL_MODULE | EVAL_COMPILE_ONLY
STRIP_SOURCE = 1  # JS_STRIP_SOURCE: functions compiled keep their positions but not their text
PROMISE_PENDING, PROMISE_FULFILLED, PROMISE_REJECTED = 0, 1, 2


def context_ptr(ctx) -> int:
    return ctypes.c_void_p.from_address(id(ctx) + _HEAD).value


def runtime_ptr(rt) -> int:
    return ctypes.c_void_p.from_address(id(rt) + _HEAD).value


def value_of(v) -> RawValue:
    """The `RawValue` held by a binding `Value` (borrowed: the Value keeps it alive)."""
    return RawValue.from_address(id(v) + _HEAD)


def dup(v: RawValue) -> RawValue:
    if TAG_FIRST <= v.tag < 0:
        ctypes.c_int.from_address(v.ptr).value += 1
    return RawValue(v.ptr, v.tag)


def free(ctx_p: int, v: RawValue) -> None:
    if TAG_FIRST <= v.tag < 0:
        rc = ctypes.c_int.from_address(v.ptr)
        rc.value -= 1
        if rc.value <= 0:
            _free_value(ctx_p, v)


def drop_exception(ctx_p: int) -> None:
    free(ctx_p, JS_GetException(ctx_p))


def check_layout(rt, ctx, probe) -> None:
    """Verify the object-layout assumptions against a live runtime, context and object."""
    cp = context_ptr(ctx)
    if JS_GetContextOpaque(cp) != id(ctx):
        raise RuntimeError("quickjs-bindings Context layout is not the one jsbridge expects")
    if JS_GetRuntime(cp) != runtime_ptr(rt):
        raise RuntimeError("quickjs-bindings Runtime layout is not the one jsbridge expects")
    val = value_of(probe)
    owner = ctypes.c_void_p.from_address(id(probe) + _HEAD + ctypes.sizeof(RawValue)).value
    if val.tag != TAG_OBJECT or owner != id(ctx):
        raise RuntimeError("quickjs-bindings Value layout is not the one jsbridge expects")


def array_buffer_address(ctx_p: int, value) -> tuple[int, int]:
    """Address and size of an ArrayBuffer's storage, for memory shared with JS."""
    size = ctypes.c_size_t()
    addr = JS_GetArrayBuffer(ctx_p, ctypes.byref(size), value_of(value))
    if not addr:
        drop_exception(ctx_p)
        raise TypeError("not an ArrayBuffer")
    return addr, size.value


def new_string(ctx_p: int, text: str) -> RawValue:
    data = text.encode("utf-8", "surrogatepass")
    return JS_NewStringLen(ctx_p, data, len(data))


def call(ctx_p: int, func, args: list[RawValue]) -> RawValue:
    """Call the function held by the binding Value `func`; returns an owned RawValue."""
    argv = (RawValue * max(1, len(args)))(*args)
    return JS_Call(ctx_p, value_of(func), RawValue(0, TAG_UNDEFINED), len(args), argv)


# JSRuntime starts with its four allocator functions and its malloc state
# (count, size, limit, opaque); the GC threshold comes later, found by value.
_MALLOC_COUNT_WORD = 4
_MALLOC_SIZE_WORD = 5
_THRESHOLD_SEARCH_WORDS = 256
JS_SetGCThreshold = _fn("JS_SetGCThreshold", None, _vp, ctypes.c_size_t)


def gc_fields(rt_p: int, usage: dict) -> Optional[tuple]:
    """The runtime's first words as size_t (a memoryview) and the indices of
    its allocated-bytes and next-collection fields, or None.

    The malloc state is checked against `usage` (JS_ComputeMemoryUsage's),
    the threshold found by setting it to two marks in turn. (A memoryview,
    as it costs a fraction of a ctypes field to read.)
    """
    words = (ctypes.c_size_t * _THRESHOLD_SEARCH_WORDS).from_address(rt_p)
    if words[_MALLOC_COUNT_WORD] != usage["malloc_count"] or words[_MALLOC_SIZE_WORD] != usage["malloc_size"]:
        return None
    found = None
    for mark in (0x5A5A5A5A5A1, 0x5A5A5A5A5A2):
        JS_SetGCThreshold(rt_p, mark)
        at = [i for i in range(_THRESHOLD_SEARCH_WORDS) if words[i] == mark]
        if len(at) != 1 or (found is not None and at[0] != found):
            found = None
            break
        found = at[0]
    # (Back to QuickJS's own first threshold until the caller sets one.)
    JS_SetGCThreshold(rt_p, 256 * 1024)
    if found is None:
        return None
    return memoryview(words).cast("B").cast("N"), _MALLOC_SIZE_WORD, found
