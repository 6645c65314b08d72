"""A Node realm: one engine, one loop, the builtin modules and the process lifecycle.

`Realm` is what `pynode` runs and what `node_compat.Runtime` wraps. It boots
the JavaScript library on top of the Python bindings, runs the main entry,
drives the loop and emits `'beforeExit'`/`'exit'` as Node does.
"""

from __future__ import annotations

import ctypes
import os
import sys
import time

from jsbridge import ENGINE_VERSION, Engine, JSValue

from . import bindings, launcher
from .bindings.async_wrap import K_ASYNC_ID_COUNTER
from .bindings.task_queue import K_ASYNC_RESUMED, K_EXITING, K_IMPORT_JOB
from .bytecode_cache import BytecodeCache
from .loop import Loop
from .modules.node_builtins import NODE_BUILTINS
from .modules.system import ModuleSystem

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

LIB_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib")
NODE_VERSION = "v23.5.0"
# The least the JS heap may grow between two collections of cycles. QuickJS
# alone collects when the heap has grown by half, which for a small heap (a
# server between connections) means a collection every few hundred KB, each
# going through every object: its share of the connection-churn benchmark's
# time halves with this (at most this much more garbage waits in memory).
GC_HEADROOM = 4 * 1024 * 1024

# The function around a builtin module's source.
WRAPPER = "(function (exports, require, module, internalBinding) {"
VENDOR_WRAPPER = "(function (exports, require, module, internalBinding, globalThis) {"

# Where Realm._callbacks keeps the entries of the stream events (after callback0-5).
_ON_READ, _ON_COMPLETE, _ON_CONNECT, _ON_CLOSE, _ON_ACCEPT, _ON_MESSAGE = range(6, 12)


class ProcessExit(Exception):
    """Raised in Python once JS has asked the process to exit."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def builtin_ids() -> list[str]:
    ids = []
    for root, _dirs, files in os.walk(LIB_DIR):
        rel = os.path.relpath(root, LIB_DIR)
        for name in files:
            if name.endswith(".js"):
                ident = name[:-3] if rel == "." else f"{rel}/{name[:-3]}"
                ids.append(ident.replace(os.sep, "/"))
    return sorted(ids)


class Realm:
    """Everything one Node process has: engine, loop, bindings, process state."""

    def __init__(
        self,
        argv: Optional[list[str]] = None,
        exec_argv: Optional[list[str]] = None,
        *,
        exec_path: Optional[str] = None,
        option_argv: Optional[list[str]] = None,
        embedded: bool = False,
    ) -> None:
        # Monotonic times of the start-up steps, for performance.nodeTiming.
        self.milestones: dict[str, float] = {"nodeStart": time.monotonic()}
        self.engine = Engine()
        self.milestones["v8Start"] = time.monotonic()
        self.loop = Loop()
        self.argv = list(argv) if argv is not None else [sys.executable]
        self.exec_argv = list(exec_argv or [])
        # The options in force (NODE_OPTIONS' and the command line's), which
        # the library reads; process.execArgv is the command line's only.
        self.option_argv = self.exec_argv if option_argv is None else list(option_argv)
        self.exec_path = exec_path or launcher.exec_path()
        self.embedded = embedded  # uncaught errors go to `fatal_error` instead of stderr
        self.fatal_error: Any = None
        self.exiting = False
        self.exit_code = 0
        self.closed = False
        self.handles: set = set()  # open handles, closed with the realm
        self._bindings: dict[str, Any] = {}
        self._sources: dict[str, str] = {}
        self.builtin_ids = builtin_ids()
        self._bytecode = BytecodeCache(ENGINE_VERSION)
        self.modules = ModuleSystem(self)
        self.engine.set_interrupt_handler(self._interrupt)
        # Whether promise jobs wait, read after every callback into JS.
        self._jobs = self.engine.job_queue
        # [tick scheduled, rejection to warn, microtasks left by the ticks' drain,
        # the import whose module graph the running job loads, whether the job
        # resumed an async call, whether the process is exiting] (see
        # task_queues, ModuleSystem.resolve_import, async_frames)
        self.tick_info_buffer, self.tick_info = self.engine.shared_array(ctypes.c_int32, 6)
        # Runs queued promise jobs (JS's runMicrotasks, called after every batch
        # of ticks); an import's mark and a resumption's last as long as their job.
        self.run_microtasks = self.engine.job_runner(self.tick_info, K_IMPORT_JOB, K_ASYNC_RESUMED, K_EXITING)
        # Ids as Node numbers them: 1 is the main script's, every handle,
        # request, tick, timer and immediate then takes the next one.
        # (Used through a memoryview: cheaper to index than the ctypes array.)
        self.async_ids_buffer, fields = self.engine.shared_array(ctypes.c_double, 2)
        self.async_ids = memoryview(fields).cast("B").cast("d")
        self.async_ids[K_ASYNC_ID_COUNTER] = 1
        self._boot()
        # Collections of cycles no closer than GC_HEADROOM apart, kept now and then.
        self.loop.upkeep_hooks.append(self.engine.gc_headroom_keeper(GC_HEADROOM))

    # -- boot ---------------------------------------------------------------

    def _boot(self) -> None:
        self.milestones["environment"] = time.monotonic()
        eng = self.engine
        with open(os.path.join(LIB_DIR, "internal", "bootstrap", "realm.js"), encoding="utf-8") as fh:
            setup = eng.eval(fh.read(), "node:internal/bootstrap/realm")
        natives = eng.new_object()
        natives["binding"] = eng.function(self._binding, "binding", 1)
        natives["compile"] = eng.function(self._compile_builtin, "compile", 1)
        natives["ids"] = self.builtin_ids
        natives["nodeIds"] = sorted(NODE_BUILTINS)
        self._require_builtin = setup(natives)
        host = self._require_builtin("internal/bootstrap/node")
        self.host = host
        # The hooks of instrumented user code (modules/throw_sites) are a
        # script's top-level constants: every script and module sees them,
        # yet they are no properties of the global object, as in Node.
        global_object = eng.eval("globalThis")
        global_object["__pynodeHooks"] = host["userCodeHooks"]
        eng.eval("const [__pynodeThrow, __pynodeCaught, __pynodeImport, __pynodeAsync, __pynodeAwaitFrom,"
                 " __pynodeAwait, __pynodeResume] = globalThis.__pynodeHooks;\n"
                 "delete globalThis.__pynodeHooks;", "node:internal/bootstrap/hooks")
        self._callback = host["callback"]
        # By argument count (make_callback), then the entries of the stream
        # events (_ON_READ...): these also drain the ticks the call queued.
        self._callbacks = tuple(host[f"callback{n}"] for n in range(6)) + tuple(
            host[name] for name in ("callbackRead", "callbackComplete", "callbackConnect",
                                    "callbackClose", "callbackAccept", "callbackMessage"))
        self._tick = host["processTicks"]
        eng.set_rejection_tracker(host["promiseRejectHandler"])
        self.modules.install(host)
        self.milestones["bootstrapComplete"] = time.monotonic()

    def _binding(self, name: str) -> Any:
        value = self._bindings.get(name)
        if value is None:
            value = bindings.create(name, self)
            self._bindings[name] = value
        return value

    def _compile_builtin(self, ident: str) -> Any:
        path = os.path.join(LIB_DIR, f"{ident}.js")

        # A vendored package's file also gets its own `globalThis` (see
        # vendorGlobal in bootstrap/realm).
        vendored = ident.startswith("vendor/")
        header = VENDOR_WRAPPER if vendored else WRAPPER

        # Builtins keep no function text: that is most of their memory, and
        # Node's text is not ours to show (function_text prints them as V8
        # prints natives). The variant's `t` marks entries compiled so.
        def compile_source() -> bytes:
            with open(path, encoding="utf-8") as fh:
                source = fh.read()
            return self.engine.compile_script(header + source + "\n})", f"node:{ident}", keep_text=False)

        return self.engine.eval_bytecode(self._bytecode.load(ident, path, compile_source, "gt" if vendored else "t"))

    def remember_source(self, filename: str, source: str) -> None:
        """Keep a user file's text, for error positions and source lines in fatal errors."""
        self._sources[filename] = source

    def source_of(self, filename: str) -> Optional[str]:
        return self._sources.get(filename)

    # -- calling JS ----------------------------------------------------------

    def make_callback(self, target: JSValue, method: str, *args: Any, async_id: float = 0) -> Any:
        """The one way the loop calls into JS for an event (Node's MakeCallback).

        The JS side calls `target[method](...args)` and routes a throw to the
        uncaught-exception path; then, as Node's InternalCallbackScope does,
        microtasks run and, if ticks or rejections are pending (the shared
        tick flags say so), JS drains them until both are empty. `async_id`
        is the id of the resource the event belongs to: JS runs the call
        with it as the execution id, and the ticks and microtasks after it
        without.
        """
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            count = len(args)
            if count < 6:
                # callbackN ran the ticks the call queued (which leaves the
                # flags down); only microtasks queued without a tick are left.
                result = self._callbacks[count](async_id, target, method, *args)
                if self._jobs.has_pending_job:
                    self._drain_ticks()
            else:
                result = self._callback(async_id, target, method, *args)
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)
        return result

    def new_async_id(self) -> float:
        """The next async id (Node's AsyncWrap takes one for each handle and request).

        A float, as JS keeps it: ids cross into JS as they are.
        """
        ids = self.async_ids
        ids[K_ASYNC_ID_COUNTER] = async_id = ids[K_ASYNC_ID_COUNTER] + 1
        return async_id

    # The events of every socket enter JS through entries of their own, which
    # name the method themselves: a method name passed from Python costs a
    # string made in QuickJS and a lookup of it (~1,200 instructions a call).
    # The first argument of each is the async id of the handle or request.
    # (A realm keeps under 30 instance attributes: past that, Python 3.11 gives
    # it a plain dict and no longer specializes the calls of these methods.)
    def make_onread(self, async_id: float, onread: Any, handle: JSValue, nread: int, buffer: Any) -> None:
        """`handle.onread(nread, buffer)`, as make_callback would call it (the stream keeps `onread`)."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_READ](async_id, onread, handle, nread, buffer)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def make_oncomplete(self, async_id: float, req: JSValue, status: int) -> None:
        """`req.oncomplete(status)`: a write or shutdown request done."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_COMPLETE](async_id, req, status)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def make_onconnect(self, async_id: float, req: JSValue, status: int, handle: JSValue, readable: bool,
                       writable: bool) -> None:
        """`req.oncomplete(status, handle, req, readable, writable)`: a connect request done."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_CONNECT](async_id, req, status, handle, readable, writable)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def make_close_callback(self, async_id: float, handle: JSValue, callback: JSValue) -> None:
        """A handle's close callback, called as the handle's method."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_CLOSE](async_id, handle, callback)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def make_accept_callback(self, async_id: float, server: JSValue, handle: JSValue, tcp_fields: bool) -> None:
        """`server.onconnection(0, handle)`, the new handle (a bare host object) of the server's class."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_ACCEPT](async_id, server, handle, tcp_fields)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def make_onmessage(self, async_id: float, handle: JSValue, nread: int, buffer: Any, address: Any, port: Any,
                       ipv6: bool) -> None:
        """`handle.onmessage(nread, handle, buffer, rinfo)`: a datagram from `address`:`port`, or a failed receive."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._callbacks[_ON_MESSAGE](async_id, handle, nread, buffer, address, port, ipv6)
            if self._jobs.has_pending_job:
                self._drain_ticks()
        except Exception as exc:
            self._callback_failed(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def _callback_failed(self, exc: Exception) -> None:
        """A call into JS raised (called in the handler, so the error keeps `exc` as its context)."""
        if self.exiting:
            raise ProcessExit(self.exit_code) from None
        raise self._internal_failure(exc)

    def _drain_ticks(self) -> None:
        info = self.tick_info
        # As Node's InternalCallbackScope: microtasks first unless a tick is queued.
        if not info[0]:
            engine = self.engine
            if engine.has_pending_jobs:
                self.run_microtasks()
        if (info[0] or info[1]) and not info[K_EXITING]:
            self._tick()

    def drain(self) -> None:
        """Run microtasks and `process.nextTick` callbacks left by calls from Python."""
        if self.exiting:
            raise ProcessExit(self.exit_code)
        try:
            self._drain_ticks()
        except Exception as exc:
            if self.exiting:
                raise ProcessExit(self.exit_code) from None
            raise self._internal_failure(exc)
        if self.exiting:
            raise ProcessExit(self.exit_code)

    def _internal_failure(self, exc: Exception) -> Exception:
        return RuntimeError(f"pynode internal error: {exc}")

    def on_fatal(self, error: Any) -> None:
        """An uncaught exception nobody handled (embedded mode): kept for the Python caller."""
        if self.fatal_error is None:
            self.fatal_error = error

    def _interrupt(self) -> bool:
        return self.exiting

    def request_exit(self, code: int) -> None:
        """`process.reallyExit`: stop JS at once; I/O bindings refuse work from now on.

        The first call's code stands: JS that runs on until the engine
        interrupts it (an exit in a promise job rejects that job's promise)
        may not exit again with another.
        """
        if self.exiting:
            return
        self.exiting = True
        self.tick_info[K_EXITING] = 1
        self.exit_code = code
        self.loop.stop()

    # -- running ---------------------------------------------------------------

    def run_main(self, kind: str, *args: Any) -> int:
        """Run an entry point and the loop to completion; returns the exit code."""
        try:
            self.loop.update_time()
            self.make_callback(self.host, "runMain", kind, *args, async_id=1)
            self.run_loop()
        except ProcessExit as stop:
            return stop.code
        return self.exit_code

    def run_preload(self, request: str) -> Optional[int]:
        """`-r module`: load a module before the entry point; an exit code if it ended the process."""
        try:
            self.make_callback(self.host, "runMain", "preload", request, async_id=1)
        except ProcessExit as stop:
            return stop.code
        return None

    def run_loop(self) -> None:
        """Node's `SpinEventLoop`: run, emit 'beforeExit', run again while work appears."""
        loop = self.loop
        while True:
            loop.run()
            if self.exiting:
                raise ProcessExit(self.exit_code)
            self.make_callback(self.host, "emitBeforeExit")
            if not loop.alive():
                break
        self.milestones["loopExit"] = time.monotonic()
        self.exit_code = self.make_callback(self.host, "emitExit")
        self.exiting = True

    def close(self) -> None:
        """Release every handle, the loop and the thread pool."""
        if self.closed:
            return
        self.closed = True
        for handle in list(self.handles):
            handle.force_close()
        self.loop.close()
