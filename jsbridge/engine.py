"""One JavaScript realm: evaluation, calls both ways, bytes, jobs and engine hooks.

`Engine` is the only object above jsbridge that holds engine state. JS values
reach Python as `JSValue` handles (objects, functions, symbols) or as plain
Python values (numbers, strings, booleans, None for null, `Undefined`).
"""

from __future__ import annotations

import _thread  # not threading: only the thread id is needed, and threading costs ~200 KB
import ctypes
from operator import attrgetter

import quickjs

from . import capi
from .errors import JSException, ModuleError

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

JSValue = quickjs.Value
Undefined = quickjs.Undefined
ENGINE_VERSION = f"quickjs-{quickjs.quickjs_version}"


def as_text(value: Any) -> str:
    """A JS string argument as `str`.

    The binding hands long strings that the engine stores as ropes (about
    512+ characters built by concatenation) to Python as `JSValue` handles;
    this flattens them. Use it wherever a host function takes text.
    """
    return value if type(value) is str else str(value)

_HELPERS = r"""
(function (sentinel, takePyError) {
  'use strict';
  function wrapHost(raw, name, length) {
    const f = function (...args) {
      const r = raw(...args);
      if (r === sentinel) {
        const [type, message] = takePyError();
        const err = new Error(message);
        Object.defineProperty(err, 'name', { value: type, writable: true, configurable: true });
        throw err;
      }
      return r;
    };
    Object.defineProperty(f, 'name', { value: name });
    Object.defineProperty(f, 'length', { value: length });
    return f;
  }
  function tryCall(fn, thisArg, args) {
    try {
      return [true, Reflect.apply(fn, thisArg, args)];
    } catch (e) {
      return [false, e];
    }
  }
  function construct(fn, args) { return Reflect.construct(fn, args); }
  function uint8(ab) { return new Uint8Array(ab); }
  function arrayBuffer(n) { return new ArrayBuffer(n); }
  function isPromise(v) { return v instanceof Promise; }
  return { wrapHost, tryCall, construct, uint8, arrayBuffer, isPromise };
})
"""


class Engine:
    """A QuickJS runtime and context, with the hooks a Node-like host needs."""

    def __init__(self) -> None:
        self._rt = quickjs.Runtime()
        self._ctx = self._rt.new_context()
        self._ctx_p = capi.context_ptr(self._ctx)
        probe = self._ctx.new_object()
        capi.check_layout(self._rt, self._ctx, probe)
        self._rt.set_max_stack_size(4 * 1024 * 1024)
        self._py_error: Optional[BaseException] = None
        self._sentinel = self._ctx.eval("Object.freeze({})")
        self._stash_box: list = []
        self._stash = self._ctx.new_function(self._stash_box.append, "stash", 1)
        self._helpers = self._ctx.eval(_HELPERS, filename="jsbridge:helpers")(
            self._sentinel, self._ctx.new_function(self._take_py_error, "takePyError", 0)
        )
        self._wrap_host = self._helpers["wrapHost"]
        self._try_call = self._helpers["tryCall"]
        self._uint8 = self._helpers["uint8"]
        self._callbacks: list = []  # ctypes callbacks must outlive the runtime's use of them
        self._init_meta: Optional[JSValue] = None
        self._thread = _thread.get_ident()
        self.global_object = self._ctx.get_global()
        # An opaque JS object carrying a Python object, which comes back to
        # Python as the object itself. (The context's own method: bindings
        # make one per handle, and a wrapper would be one call more.)
        self.host_object: Callable[[Any], JSValue] = self._ctx.new_host_object
        # A new ArrayBuffer holding a copy of some bytes (every read makes one).
        self.array_buffer: Callable[[Any], JSValue] = self._ctx.new_array_buffer

    # -- evaluation ---------------------------------------------------------

    def eval(self, source: str, filename: str = "<eval>") -> Any:
        """Evaluate a script; an exception becomes `JSException` carrying the thrown value."""
        data = source.encode("utf-8", "surrogatepass")
        raw = capi.JS_Eval(self._ctx_p, data, len(data), filename.encode(), 0)
        if raw.tag == capi.TAG_EXCEPTION:
            raise self._exception_from(self._raw_to_py(capi.JS_GetException(self._ctx_p)))
        return self._raw_to_py(raw)

    def compile_script(self, source: str, filename: str, keep_text: bool = True) -> bytes:
        """Compile a script to bytecode (with its positions), for `eval_bytecode` later.

        Without `keep_text`, its functions do not keep their source text
        (QuickJS keeps each function's own copy, for toString: most of a
        module's memory); their toString is then a native function's.
        """
        runtime = capi.JS_GetRuntime(self._ctx_p)
        if not keep_text:
            capi.JS_SetStripInfo(runtime, capi.STRIP_SOURCE)
        try:
            return self._ctx.compile(source, filename=filename).write_object()
        except quickjs.JSError as exc:
            raise JSException(str(exc), getattr(exc, "js_stack", None)) from None
        finally:
            if not keep_text:
                capi.JS_SetStripInfo(runtime, 0)

    def eval_bytecode(self, blob: bytes) -> Any:
        """Run a script compiled by `compile_script`; returns its completion value."""
        try:
            return self._ctx.eval_function(self._ctx.read_object(blob))
        except quickjs.JSError as exc:
            raise JSException(str(exc), getattr(exc, "js_stack", None)) from None

    def compiles(self, source: str, filename: str, module: bool) -> bool:
        """Whether `source` parses as a script (or as a module), without running it."""
        data = source.encode("utf-8", "surrogatepass")
        flags = capi.EVAL_COMPILE_ONLY | (capi.EVAL_MODULE if module else 0)
        raw = capi.JS_Eval(self._ctx_p, data, len(data), filename.encode(), flags)
        if raw.tag == capi.TAG_EXCEPTION:
            capi.drop_exception(self._ctx_p)
            return False
        capi.free(self._ctx_p, raw)
        return True

    def eval_module(self, source: str, name: str) -> JSValue:
        """Compile, link and run a module named `name`; returns its evaluation promise."""
        ctx_p = self._ctx_p
        data = source.encode("utf-8", "surrogatepass")
        compiled = capi.JS_Eval(ctx_p, data, len(data), name.encode(), capi.EVAL_MODULE_COMPILE_ONLY)
        if compiled.tag == capi.TAG_EXCEPTION:
            raise self._exception_from(self._raw_to_py(capi.JS_GetException(ctx_p)))
        if self._init_meta is not None and not self._fill_import_meta(compiled.ptr, name):
            capi.free(ctx_p, compiled)
            raise self._exception_from(self._raw_to_py(capi.JS_GetException(ctx_p)))
        promise = capi.JS_EvalFunction(ctx_p, compiled)
        if promise.tag == capi.TAG_EXCEPTION:
            raise self._exception_from(self._raw_to_py(capi.JS_GetException(ctx_p)))
        return self._raw_to_py(promise)

    def _fill_import_meta(self, module: int, name: str) -> bool:
        """Run the init_meta hook on a compiled module's import.meta; False if it threw."""
        ctx_p = self._ctx_p
        meta = capi.JS_GetImportMeta(ctx_p, module)
        key_value = capi.new_string(ctx_p, name)
        res = capi.call(ctx_p, self._init_meta, [meta, key_value])
        capi.free(ctx_p, meta)
        capi.free(ctx_p, key_value)
        if res.tag == capi.TAG_EXCEPTION:
            return False
        capi.free(ctx_p, res)
        return True

    def evaluate_module_now(self, root_name: str, root_source: str) -> tuple[str, Any]:
        """Run a module graph synchronously (require() of an ES module).

        Returns ("ok", namespace of the root), ("async", None) when the graph
        has top-level await still pending, or ("error", thrown value).
        """
        ctx_p = self._ctx_p
        data = root_source.encode("utf-8", "surrogatepass")
        compiled = capi.JS_Eval(ctx_p, data, len(data), root_name.encode(), capi.EVAL_MODULE_COMPILE_ONLY)
        if compiled.tag == capi.TAG_EXCEPTION:
            return "error", self._raw_to_py(capi.JS_GetException(ctx_p))
        module = compiled.ptr
        promise = capi.JS_EvalFunction(ctx_p, compiled)
        if promise.tag == capi.TAG_EXCEPTION:
            return "error", self._raw_to_py(capi.JS_GetException(ctx_p))
        state = capi.JS_PromiseState(ctx_p, promise)
        if state == capi.PROMISE_REJECTED:
            result = capi.JS_PromiseResult(ctx_p, promise)
            capi.free(ctx_p, promise)
            return "error", self._raw_to_py(result)
        capi.free(ctx_p, promise)
        if state == capi.PROMISE_PENDING:
            return "async", None
        return "ok", self._raw_to_py(capi.JS_GetModuleNamespace(ctx_p, module))

    def promise_details(self, promise: JSValue) -> tuple[str, Any]:
        """("pending"|"fulfilled"|"rejected", result) without running any job."""
        raw = capi.value_of(promise)
        state = capi.JS_PromiseState(self._ctx_p, raw)
        if state == capi.PROMISE_PENDING:
            return "pending", Undefined
        result = self._raw_to_py(capi.JS_PromiseResult(self._ctx_p, raw))
        return ("fulfilled" if state == capi.PROMISE_FULFILLED else "rejected"), result

    def _raw_to_py(self, raw: capi.RawValue) -> Any:
        """Turn an owned raw value into a Python value (through a one-argument JS call)."""
        res = capi.call(self._ctx_p, self._stash, [raw])
        capi.free(self._ctx_p, raw)
        capi.free(self._ctx_p, res)
        return self._stash_box.pop()

    def _exception_from(self, value: Any) -> JSException:
        if isinstance(value, JSValue) and value.is_error:
            name = value["name"]
            message = value["message"]
            stack = value["stack"]
            text = f"{name}: {message}" if message != "" else str(name)
            return JSException(text, stack if isinstance(stack, str) else None, value)
        try:
            text = "Uncaught " + str(value)
        except quickjs.JSError:
            text = "Uncaught exception"
        return JSException(text, None, value)

    # -- calls ----------------------------------------------------------------

    def call(self, fn: JSValue, *args: Any, this: Any = None) -> Any:
        """Call a JS function; a throw becomes `JSException` carrying the thrown value."""
        res = self._try_call(fn, Undefined if this is None else this, list(args))
        if not res[0]:
            raise self._exception_from(res[1])
        return res[1]

    def construct(self, fn: JSValue, *args: Any) -> Any:
        res = self._try_call(self._helpers["construct"], Undefined, [fn, list(args)])
        if not res[0]:
            raise self._exception_from(res[1])
        return res[1]

    def function(self, fn: Callable[..., Any], name: str = "", length: int = 0) -> JSValue:
        """A JS function calling `fn` directly (fast path for bindings).

        A Python exception raised by `fn` becomes a JS `InternalError` with the
        exception's text; bindings report OS errors as return codes instead.
        """
        return self._ctx.new_function(fn, name, length)

    def host_function(self, fn: Callable[..., Any], name: str = "", length: int = 0) -> JSValue:
        """A JS function calling `fn`; Python exceptions become JS Errors named after their type."""

        def guarded(*args: Any) -> Any:
            try:
                return fn(*args)
            except Exception as exc:  # handed to JS, which throws it
                self._py_error = exc
                return self._sentinel

        raw = self._ctx.new_function(guarded, name or getattr(fn, "__name__", ""), length)
        return self._wrap_host(raw, name or getattr(fn, "__name__", ""), length)

    def _take_py_error(self) -> list:
        exc, self._py_error = self._py_error, None
        return [type(exc).__name__, str(exc)]

    # -- values ---------------------------------------------------------------

    def new_object(self) -> JSValue:
        return self._ctx.new_object()

    def new_array(self) -> JSValue:
        return self._ctx.new_array()

    def uint8array(self, data: bytes | bytearray | memoryview) -> JSValue:
        return self._uint8(self._ctx.new_array_buffer(data))

    @staticmethod
    def to_bytes(value: JSValue) -> bytes:
        """Copy the bytes of an ArrayBuffer, TypedArray or DataView view."""
        return value.to_bytes()

    def shared_array(self, ctype: Any, length: int) -> tuple[JSValue, Any]:
        """An ArrayBuffer JS keeps, and a ctypes array over the same memory.

        Python reads and writes the ctypes array while JS uses a typed array over
        the buffer: the way Node shares counters between native code and JS.
        """
        ab = self._helpers["arrayBuffer"](ctypes.sizeof(ctype) * length)
        addr, _ = capi.array_buffer_address(self._ctx_p, ab)
        return ab, (ctype * length).from_address(addr)

    def parse_json(self, text: str, filename: str = "<json>") -> Any:
        try:
            return self._ctx.parse_json(text, filename)
        except quickjs.JSError as exc:
            raise JSException(str(exc), getattr(exc, "js_stack", None)) from None

    # -- jobs and hooks -------------------------------------------------------

    def run_jobs(self) -> None:
        """Run queued promise jobs until the queue is empty."""
        ctx = self._ctx
        while ctx.execute_pending_job():
            pass

    def job_runner(self, flags: Any, first: int, second: int, stop: int) -> Callable[[], None]:
        """A `run_jobs` that clears `flags[first]` and `flags[second]` after each job
        (marks a job sets for its own length) and runs none once `flags[stop]` is set."""
        ctx = self._ctx

        def run_jobs() -> None:
            while not flags[stop] and ctx.execute_pending_job():
                if flags[first]:
                    flags[first] = 0
                if flags[second]:
                    flags[second] = 0

        return run_jobs

    # Whether promise jobs are queued (a C getter, not a Python function).
    has_pending_jobs = property(attrgetter("_ctx.has_pending_job"))

    @property
    def job_queue(self) -> Any:
        """An object whose `has_pending_job` tells whether promise jobs are queued.

        For a caller that asks after every call into JS (the realm): read
        there directly, it costs a third of `has_pending_jobs`.
        """
        return self._ctx

    def set_interrupt_handler(self, handler: Optional[Callable[[], bool]]) -> None:
        """`handler()` is polled while JS runs; a true result aborts JS uncatchably."""
        self._rt.set_interrupt_handler(handler)

    def set_rejection_tracker(self, tracker: JSValue) -> None:
        """Call the JS function `tracker(promise, reason, handled)` on rejections.

        The engine reports a rejection with no handler (`handled` false) and a
        handler added later to an already rejected promise (`handled` true).
        """
        ctx_p = self._ctx_p

        def on_rejection(_ctx, promise, reason, handled, _opaque):
            res = capi.call(ctx_p, tracker, [promise, reason, capi.RawValue(int(handled), 1)])
            if res.tag == capi.TAG_EXCEPTION:
                capi.drop_exception(ctx_p)
            else:
                capi.free(ctx_p, res)

        cb = capi.TrackerFunc(on_rejection)
        self._callbacks.append(cb)
        capi.JS_SetHostPromiseRejectionTracker(capi.runtime_ptr(self._rt), cb, None)

    def set_module_hooks(
        self,
        resolve: Callable[[str, str], str],
        load: Callable[[str, dict], str],
        init_meta: JSValue,
        error_factory: Callable[[ModuleError], JSValue],
    ) -> None:
        """Install ES module resolution and loading.

        `resolve(specifier, referrer_name)` returns the module's name (its key);
        `load(name, attributes)` returns its source (`attributes` are the
        import's `with { ... }` entries as a dict of strings). Both raise `ModuleError` for failures,
        which `error_factory` turns into the JS error that is thrown. After a
        module compiles, the JS function `init_meta(import_meta, name)` fills
        its `import.meta`.
        """
        ctx_p = self._ctx_p
        self._init_meta = init_meta

        def throw(exc: BaseException) -> None:
            if not isinstance(exc, ModuleError):
                exc = ModuleError("ERR_INTERNAL_ASSERTION", f"{type(exc).__name__}: {exc}")
            try:
                err = error_factory(exc)
            except BaseException as inner:  # the factory itself failed: still throw something
                err = self._ctx.eval("(m) => new Error(m)")(f"{exc.code}: {exc.message} ({inner})")
            capi.JS_Throw(ctx_p, capi.dup(capi.value_of(err)))

        def normalize(_ctx, base, name, _opaque):
            try:
                resolved = resolve(name.decode("utf-8", "surrogatepass"), base.decode("utf-8", "surrogatepass"))
                return capi.js_strdup(ctx_p, resolved.encode("utf-8", "surrogatepass"))
            except BaseException as exc:  # reported to JS as the import's error
                throw(exc)
                return None

        def loader(_ctx, name, _opaque, attributes):
            try:
                key = name.decode("utf-8", "surrogatepass")
                attrs = {}
                if attributes.tag == capi.TAG_OBJECT:
                    value = self._raw_to_py(capi.dup(attributes))
                    attrs = {str(k): as_text(value[k]) for k in value.keys()}
                data = load(key, attrs).encode("utf-8", "surrogatepass")
            except BaseException as exc:  # reported to JS as the import's error
                throw(exc)
                return None
            compiled = capi.JS_Eval(ctx_p, data, len(data), name, capi.EVAL_MODULE_COMPILE_ONLY)
            if compiled.tag == capi.TAG_EXCEPTION:
                return None
            module = compiled.ptr
            capi.free(ctx_p, compiled)
            return module if self._fill_import_meta(module, key) else None

        ncb, lcb = capi.NormalizeFunc(normalize), capi.LoaderFunc2(loader)
        ccb = capi.CheckAttrsFunc(lambda _ctx, _opaque, _attributes: 0)  # load() judges attributes
        self._callbacks += [ncb, lcb, ccb]
        capi.JS_SetModuleLoaderFunc2(capi.runtime_ptr(self._rt), ncb, lcb, ccb, None)

    def adopt_thread(self) -> None:
        """Let JS run on the calling thread: the engine measures stack depth from the
        thread that created it, so another thread must reset that reference first."""
        ident = _thread.get_ident()
        if ident != self._thread:
            self._thread = ident
            capi.JS_UpdateStackTop(capi.runtime_ptr(self._rt))

    def run_gc(self) -> None:
        self._rt.run_gc()

    def gc_headroom_keeper(self, headroom: int) -> Callable[[], None]:
        """A function that keeps at least `headroom` bytes between the heap and the next cycle collection.

        After each collection QuickJS sets the next one for when the heap
        has grown by half: a small heap (a server's) is then collected over
        and over, each time through every object it holds. Called now and
        then (the realm does at each loop turn), the keeper sees when a
        collection has run and moves the next one to `headroom` bytes past
        the heap, when that is later.
        Where the runtime's fields cannot be found (another engine build),
        it does nothing and QuickJS's own schedule stays.
        """
        fields = capi.gc_fields(capi.runtime_ptr(self._rt), self.memory_usage())
        if fields is None:
            return _nothing
        words, size_at, threshold_at = fields
        last = [0]  # the threshold as last seen here: another one means a collection ran since

        def keep() -> None:
            current = words[threshold_at]
            if current != last[0]:
                wanted = words[size_at] + headroom
                if current < wanted:
                    words[threshold_at] = current = wanted
                last[0] = current

        keep()
        return keep

    def memory_usage(self) -> dict:
        return self._rt.compute_memory_usage()


def _nothing() -> None:
    """The GC headroom keeper of an engine whose fields were not found."""
