"""`Runtime`: Node networking scripted from Python.

A Runtime is one isolated JavaScript realm with its own event loop — what one
`pynode` process has. Python code runs files and source like `pynode` does,
requires and imports modules, calls into JavaScript and hands it Python
functions and data, and drives the loop: synchronously (`run_until_complete`,
`step`, `run_forever`), from asyncio (`run_async`, `await js_promise`), or
from greenlets (`spawn` + `wait`) that read like synchronous code.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable, Optional

import greenlet

from jsbridge import JSValue, Undefined, as_text

from .bindings.native import NativeObject
from .modules.resolve import path_to_url
from .realm import ProcessExit, Realm
from .values import JSError, JSObject, is_async_callable


class Task:
    """A Python function running in its own greenlet, started by `Runtime.spawn`."""

    def __init__(self, fn: Callable[..., Any], args: tuple) -> None:
        self.fn = fn
        self.args = args
        self.done = False
        self.value: Any = None
        self.exception: Optional[BaseException] = None

    def result(self) -> Any:
        """The function's return value (re-raises its exception)."""
        if not self.done:
            raise RuntimeError("the task has not finished")
        if self.exception is not None:
            raise self.exception
        return self.value


class Globals:
    """`rt.globals`: the JS global object as a mapping of converted values."""

    def __init__(self, rt: "Runtime") -> None:
        self._rt = rt

    def __getitem__(self, name: str) -> Any:
        return JSObject(self._rt, self._rt.engine.global_object)[name]

    def __setitem__(self, name: str, value: Any) -> None:
        self._rt.engine.global_object[name] = self._rt._to_js(value)

    def __delitem__(self, name: str) -> None:
        del self._rt.engine.global_object[name]

    def __contains__(self, name: str) -> bool:
        return bool(self._rt.engine.global_object.has(name))


class Runtime:
    """One JavaScript realm and event loop; several can live in one process."""

    def __init__(self, argv: Optional[list[str]] = None) -> None:
        self._realm = Realm([sys.executable] + list(argv or []), [], embedded=True)
        self.engine = self._realm.engine
        self.loop = self._realm.loop
        host = self._realm.host
        self._api_call = host["apiCall"]
        self._api_construct = host["apiConstruct"]
        self._helpers = self._realm._require_builtin("internal/embedding")
        self._functions: dict = {}
        self._depth: dict = {}  # greenlet -> how many JS->Python calls are on its stack
        self._tasks: dict = {}  # greenlet -> Task
        self._failure: Optional[BaseException] = None
        self._stopped = False
        self._closed = False
        self._driver: Any = None
        self.globals = Globals(self)
        self._eval_fn = self.engine.eval("(function evaluate(code) { return (0, eval)(code); })", "node:python")
        cwd_require = self._realm._require_builtin("internal/modules/cjs/loader")["createRequire"]
        self._require_fn = cwd_require(os.path.join(os.getcwd(), "[python]"))

    # -- conversions ------------------------------------------------------------

    def _to_js(self, value: Any) -> Any:
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, JSObject):
            return value._value
        if isinstance(value, JSValue):
            return value
        if isinstance(value, (bytes, bytearray, memoryview)):
            return self._helpers["toBuffer"](self.engine.uint8array(bytes(value)))
        if isinstance(value, dict):
            obj = self.engine.new_object()
            for key, item in value.items():
                obj[str(key)] = self._to_js(item)
            return obj
        if isinstance(value, (list, tuple)):
            return [self._to_js(item) for item in value]
        if value is Undefined:
            return value
        if callable(value):
            return self._function(value)
        raise TypeError(f"cannot pass a {type(value).__name__} to JavaScript")

    def _to_py(self, value: Any) -> Any:
        if type(value) is not JSValue:
            if isinstance(value, NativeObject):
                return self._native_to_py(value)
            return None if value is Undefined else value
        kind = self._helpers["kindOf"](value)
        if kind == "string":
            return as_text(value)
        if kind == "bytes":
            return value.to_bytes()
        if kind in ("undefined", "null"):
            return None
        return JSObject(self, value)

    def _native_to_py(self, native: Any) -> Any:
        """A handle (JS hands Python its Python object): a proxy of its JS object.

        None once the handle is closed: the Python object lets go of its JS
        object then (see HandleWrap._forget).
        """
        return None if native.js is None else JSObject(self, native.js)

    def _deep_py(self, value: Any, seen: Any) -> Any:
        """Arrays -> list, plain objects and Maps -> dict, recursively; other objects stay proxies."""
        if type(value) is not JSValue:
            if isinstance(value, NativeObject):
                return self._native_to_py(value)
            return None if value is Undefined else value
        helpers = self._helpers
        kind = helpers["kindOf"](value)
        if kind == "string":
            return as_text(value)
        if kind == "bytes":
            return value.to_bytes()
        if kind in ("undefined", "null"):
            return None
        if kind == "array" or (kind == "object" and helpers["isPlainOrMap"](value)):
            if helpers["markSeen"](seen, value):
                raise ValueError("circular reference in JS value")
            if kind == "array":
                out: Any = [self._deep_py(value[i], seen) for i in range(int(value["length"]))]
            else:
                pairs = helpers["entries"](value)
                out = {}
                for i in range(int(pairs["length"])):
                    key, item = pairs[i][0], pairs[i][1]
                    out[self._deep_py(key, seen) if type(key) is JSValue else key] = self._deep_py(item, seen)
            helpers["unmarkSeen"](seen, value)
            return out
        return JSObject(self, value)

    def _function(self, fn: Callable) -> JSValue:
        cached = self._functions.get(fn)
        if cached is not None:
            return cached
        if is_async_callable(fn):
            jsfn = self._async_function(fn)
        else:
            def call_from_js(*args: Any) -> Any:
                me = greenlet.getcurrent()
                self._depth[me] = self._depth.get(me, 0) + 1
                try:
                    return self._to_js(fn(*[self._to_py(a) for a in args]))
                finally:
                    self._depth[me] -= 1

            jsfn = self.engine.host_function(call_from_js, getattr(fn, "__name__", ""), 0)
        self._functions[fn] = jsfn
        return jsfn

    def _async_function(self, fn: Callable) -> JSValue:
        from .aio import start_coroutine

        make = self.engine.eval(
            "(start) => function (...args) {"
            " return new Promise((resolve, reject) => start(args, resolve, reject)); }"
        )

        def start(args: Any, resolve: JSValue, reject: JSValue) -> None:
            py_args = [self._to_py(args[i]) for i in range(len(args))]
            start_coroutine(self, fn(*py_args), resolve, reject)

        return make(self.engine.function(start, "start", 3))

    def _to_js_error(self, message: str, name: str = "Error") -> JSValue:
        """A JS Error carrying a Python exception's message and type name."""
        make = self.engine.eval("(message, name) => { const e = new Error(message);"
                                " Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });"
                                " return e; }")
        return make(message, name)

    def _error(self, value: Any) -> JSError:
        if type(value) is JSValue and value.is_error:
            self._helpers["normalizeStack"](value)
            stack = value["stack"]
            name, message = value["name"], value["message"]
            name = as_text(name) if name is not Undefined else "Error"
            message = as_text(message) if message is not Undefined else ""
            return JSError(as_text(stack) if stack is not Undefined else f"{name}: {message}",
                           as_text(stack) if stack is not Undefined else None, JSObject(self, value), name, message)
        shown = self._helpers["inspect"](value)
        return JSError(f"Uncaught {as_text(shown)}", None, self._to_py(value), "", as_text(shown))

    # -- calling into JS ----------------------------------------------------------

    def _api(self, entry: JSValue, *args: Any) -> Any:
        self._check_open()
        try:
            res = entry(*args)
        except Exception:
            self._raise_if_exited()
            raise
        self._raise_if_exited()
        if not res[0]:
            raise self._error(res[1])
        return self._to_py(res[1])

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("the Runtime is closed")
        self.engine.adopt_thread()
        if self._realm.exiting:
            raise ProcessExit(self._realm.exit_code)

    def _raise_if_exited(self) -> None:
        if self._realm.fatal_error is not None:
            error, self._realm.fatal_error = self._realm.fatal_error, None
            raise self._error(error)
        if self._realm.exiting:
            raise ProcessExit(self._realm.exit_code)

    def eval(self, expr: str) -> Any:
        """Evaluate JavaScript source in the global scope and return its value."""
        return self._api(self._api_call, self._eval_fn, Undefined, [expr])

    def require(self, name: str) -> Any:
        """`require(name)` as a CommonJS module in the current directory would."""
        return self._api(self._api_call, self._require_fn, Undefined, [name])

    def import_module(self, specifier: str, timeout: Optional[float] = None) -> Any:
        """`await import(specifier)` (relative to the current directory), running the loop as needed."""
        if specifier.startswith(("./", "../", "/")):
            specifier = path_to_url(os.path.abspath(specifier))
        promise = self._api(self._api_call, self._helpers["importModule"], Undefined, [specifier])
        return self.run_until_complete(promise, timeout=timeout)

    # -- running programs -------------------------------------------------------------

    def run_file(self, path: str, argv: tuple = ()) -> int:
        """Run a file as `pynode path argv...` would; returns the exit code.

        An uncaught JS exception raises `JSError` (with the JS stack) instead
        of being printed.
        """
        self._set_argv([os.path.abspath(path), *argv])
        return self._run_main("file", path)

    def run(self, source: str, module: bool = True) -> int:
        """Run source text as an ES module (or CommonJS script) with the loop to completion."""
        return self._run_main("eval", source, "module" if module else "commonjs", False)

    def _set_argv(self, rest: list) -> None:
        argv = self.engine.eval("process.argv")
        argv["length"] = 1
        for i, item in enumerate(rest, start=1):
            argv[i] = item

    def _run_main(self, kind: str, *args: Any) -> int:
        self._check_open()
        code = self._realm.run_main(kind, *args)
        if self._realm.fatal_error is not None:
            error, self._realm.fatal_error = self._realm.fatal_error, None
            raise self._error(error)
        return code

    # -- driving the loop ----------------------------------------------------------------

    def run_until_complete(self, promise: Any = None, timeout: Optional[float] = None) -> Any:
        """Run the loop until `promise` settles (returning its value) or nothing is left to do."""
        self._check_open()
        settled: list = []
        if promise is not None:
            self._on_settled(promise, lambda ok, v: settled.append((ok, v)))
        deadline = None if timeout is None else time.monotonic() + timeout
        self._drive(until=lambda: bool(settled) or self._failure is not None, deadline=deadline)
        if promise is None:
            return None
        if not settled:
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"the promise did not settle within {timeout} s")
            raise RuntimeError("the event loop ran out of work before the promise settled")
        ok, value = settled[0]
        if not ok:
            raise self._error(value)
        return self._to_py(value)

    def _on_settled(self, promise: Any, callback: Callable[[bool, Any], None]) -> None:
        """Call `callback(ok, value)` (from JS, in a microtask) once `promise` settles."""
        value = promise._value if isinstance(promise, JSObject) else self._to_js(promise)
        self._api(self._api_call, self._helpers["settle"], Undefined,
                  [value, self.engine.function(callback, "onSettled", 2)])

    def _drive(self, until: Optional[Callable[[], bool]] = None, deadline: Optional[float] = None) -> None:
        if self._tasks.get(greenlet.getcurrent()) is not None:
            raise RuntimeError("the event loop cannot be run from inside a spawned task; use Runtime.wait()")
        try:
            self._realm.drain()
            self.loop.run(until=until, deadline=deadline)
        except ProcessExit:
            pass
        self._raise_if_exited()
        self._raise_failure()

    def step(self) -> bool:
        """Run one loop turn without blocking; returns whether the loop still has work."""
        self._check_open()
        try:
            self._realm.drain()
            self.loop.update_time()
            self.loop.run_once(block=False)
        except ProcessExit:
            pass
        self._raise_if_exited()
        self._raise_failure()
        return self.loop.alive()

    def run_forever(self) -> None:
        """Run the loop until `stop()` is called, waiting for work when there is none."""
        self._check_open()
        self._stopped = False
        self.loop.ref_handles += 1  # the loop stays up while run_forever runs
        try:
            self._drive(until=lambda: self._stopped or self._failure is not None)
        finally:
            self.loop.ref_handles -= 1

    def stop(self) -> None:
        """End `run_forever` (safe to call from a callback or another thread)."""
        self._stopped = True
        self.loop.stop()
        self.loop.wake()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    # -- greenlets ---------------------------------------------------------------------------

    def spawn(self, fn: Callable[..., Any], *args: Any) -> Task:
        """Start `fn(*args)` in its own greenlet at the top level of the event loop."""
        self._check_open()
        task = Task(fn, args)

        def body(_start: Any = None) -> None:
            try:
                task.value = fn(*args)
            except BaseException as exc:  # reported through Task and the loop's runner
                task.exception = exc
                self._failure = exc
            finally:
                task.done = True
                self._tasks.pop(greenlet.getcurrent(), None)

        glet = greenlet.greenlet(body)
        self._tasks[glet] = task
        self._resume_later(glet, None)
        return task

    def _resume_later(self, glet: Any, value: Any) -> None:
        loop = self.loop
        loop.active_reqs += 1

        def resume() -> None:
            loop.active_reqs -= 1
            glet.parent = greenlet.getcurrent()
            glet.switch(value)
            self._realm.drain()  # what the task left queued runs before the loop goes on

        loop.pending.append(resume)
        loop.wake()

    def wait(self, promise: Any) -> Any:
        """Inside a spawned task: park until `promise` settles, letting the loop run; return its value."""
        me = greenlet.getcurrent()
        if me not in self._tasks:
            raise RuntimeError("Runtime.wait() can only be called inside a function started with Runtime.spawn()")
        if self._depth.get(me, 0):
            raise RuntimeError(
                "Runtime.wait() cannot be called while JavaScript is calling into Python "
                "(JS frames are on the stack); return to the event loop first, e.g. with Runtime.spawn()"
            )
        self._on_settled(promise, lambda ok, v: self._resume_later(me, (ok, v)))
        ok, result = me.parent.switch()
        if not ok:
            raise self._error(result)
        return self._to_py(result)

    # -- asyncio -----------------------------------------------------------------------------

    async def run_async(self, path: Optional[str] = None, *, source: Optional[str] = None,
                        module: bool = True, argv: tuple = ()) -> int:
        """Run a file or source with the JS loop driven by the running asyncio loop; returns the exit code."""
        from .aio import drive_until_idle

        self._check_open()
        if path is not None:
            self._set_argv([os.path.abspath(path), *argv])
            kind_args: tuple = ("file", path)
        elif source is not None:
            kind_args = ("eval", source, "module" if module else "commonjs", False)
        else:
            raise TypeError("run_async() needs a path or source=")
        realm = self._realm
        try:
            realm.loop.update_time()
            realm.make_callback(realm.host, "runMain", *kind_args, async_id=1)
            await drive_until_idle(self)
            realm.run_loop()
        except ProcessExit as stop:
            realm.exit_code = stop.code
        if realm.fatal_error is not None:
            error, realm.fatal_error = realm.fatal_error, None
            raise self._error(error)
        return realm.exit_code

    async def _await_js(self, value: JSValue) -> Any:
        from .aio import await_promise

        return await await_promise(self, value)

    # -- lifetime -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close every socket, timer and descriptor this runtime owns."""
        if self._closed:
            return
        self._closed = True
        if self._driver is not None:
            self._driver.detach()
        self._functions.clear()
        self._realm.close()

    def __enter__(self) -> "Runtime":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

