"""The engine boundary: evaluation, calls both ways, bytes, exceptions, hooks."""

from __future__ import annotations

import ctypes

import pytest

from jsbridge import Engine, JSException, ModuleError, Undefined, as_text, capi


@pytest.fixture()
def engine():
    return Engine()


def test_eval_values_and_filenames(engine):
    assert engine.eval("1 + 2") == 3
    assert engine.eval("'x'.repeat(3)") == "xxx"
    assert engine.eval("undefined") is Undefined
    assert engine.eval("null") is None
    with pytest.raises(JSException) as info:
        engine.eval("function f() { throw new TypeError('bad') }\nf()", "/virtual/file.js")
    assert info.value.args[0] == "TypeError: bad"
    assert "/virtual/file.js:1" in info.value.stack
    assert info.value.value.is_error


def test_compiled_scripts_keep_or_drop_function_text(engine):
    source = "function add(a, b) {\n  return a + b;\n}\nfunction boom() { throw new Error('x'); }\n[add, boom]"
    kept = engine.eval_bytecode(engine.compile_script(source, "/virtual/kept.js"))
    assert engine.call(engine.eval("(f) => f.toString()"), kept[0]) == "function add(a, b) {\n  return a + b;\n}"
    stripped = engine.eval_bytecode(engine.compile_script(source, "/virtual/stripped.js", keep_text=False))
    to_text = engine.eval("(f) => f.toString()")
    assert engine.call(to_text, stripped[0]) == "function add() {\n    [native code]\n}"
    assert engine.call(engine.eval("(f) => f(2, 3)"), stripped[0]) == 5
    with pytest.raises(JSException) as info:
        engine.call(stripped[1])
    assert "/virtual/stripped.js:4" in info.value.stack
    later = engine.eval_bytecode(engine.compile_script("(function later() {})", "/virtual/later.js"))
    assert engine.call(to_text, later) == "function later() {}"


def test_thrown_primitive_is_kept(engine):
    with pytest.raises(JSException) as info:
        engine.eval("throw 42")
    assert info.value.value == 42


def test_python_callables_and_js_functions(engine):
    engine.global_object["twice"] = engine.function(lambda x: x * 2, "twice", 1)
    assert engine.eval("twice(21)") == 42
    add = engine.eval("(a, b) => a + b")
    assert engine.call(add, 2, 3) == 5
    with pytest.raises(JSException):
        engine.call(engine.eval("() => { throw new Error('no') }"))


def test_host_function_errors_are_catchable_js_errors(engine):
    def fail(x):
        raise ValueError(f"bad {x}")

    engine.global_object["fail"] = engine.host_function(fail, "fail", 1)
    result = engine.eval("try { fail(1) } catch (e) { [e instanceof Error, e.name, e.message] }")
    assert result.to_python() == [True, "ValueError", "bad 1"]


def test_bytes_cross_without_text_encoding(engine):
    data = bytes(range(256))
    u8 = engine.uint8array(data)
    assert engine.eval("(u) => u instanceof Uint8Array && u.length")(u8) == 256
    assert u8.to_bytes() == data
    view = engine.eval("new Uint8Array([9, 8, 7, 6]).subarray(1, 3)")
    assert view.to_bytes() == b"\x08\x07"


def test_long_strings_flattened(engine):
    seen = []
    engine.global_object["take"] = engine.function(lambda s: seen.append(as_text(s)), "take", 1)
    engine.eval("take('a'.repeat(600) + 'b'.repeat(600))")
    assert seen == ["a" * 600 + "b" * 600]


def test_jobs_and_rejection_tracker(engine):
    seen = []
    engine.set_rejection_tracker(engine.function(lambda p, r, h: seen.append((r, h)), "t", 3))
    engine.eval("Promise.reject(1); const p = Promise.reject(2); p.catch(() => {}); globalThis.order = [];"
                "Promise.resolve().then(() => order.push('job'))")
    assert engine.has_pending_jobs
    assert engine.job_queue.has_pending_job
    engine.run_jobs()
    assert not engine.has_pending_jobs
    assert not engine.job_queue.has_pending_job
    assert engine.eval("order.join()") == "job"
    assert seen == [(1, False), (2, False), (2, True)]


def test_shared_memory(engine):
    buffer, array = engine.shared_array(ctypes.c_uint32, 2)
    array[0] = 7
    assert engine.eval("(b) => { const a = new Uint32Array(b); a[1] = a[0] + 1; return a[0] }")(buffer) == 7
    assert array[1] == 8


def test_module_hooks_and_import_meta(engine):
    sources = {
        "mem:/main.mjs": "import { x } from './dep.mjs'; globalThis.out = [x, import.meta.url];",
        "mem:/dep.mjs": "export const x = 5;",
    }

    def resolve(spec, referrer):
        if spec.startswith("./"):
            return referrer.rsplit("/", 1)[0] + spec[1:]
        if spec in sources:
            return spec
        raise ModuleError("ERR_MODULE_NOT_FOUND", f"missing {spec}")

    make_error = engine.eval("(code, message) => Object.assign(new Error(message), { code })")
    engine.set_module_hooks(resolve, lambda name, attrs: sources[name], engine.eval("(meta, name) => { meta.url = name }"),
                            lambda err: make_error(err.code, err.message))
    engine.eval("import('mem:/main.mjs').then(() => globalThis.done = 1)")
    engine.run_jobs()
    assert engine.eval("out").to_python() == [5, "mem:/main.mjs"]
    engine.eval("import('nope').catch((e) => { globalThis.err = [e.code, e.message] })")
    engine.run_jobs()
    assert engine.eval("err").to_python() == ["ERR_MODULE_NOT_FOUND", "missing nope"]


def test_promise_details_do_not_run_jobs(engine):
    pending = engine.eval("new Promise(() => {})")
    done = engine.eval("Promise.resolve(3)")
    assert engine.promise_details(pending) == ("pending", Undefined)
    assert engine.promise_details(done) == ("fulfilled", 3)


def test_interrupt_handler_stops_js(engine):
    engine.set_interrupt_handler(lambda: True)
    with pytest.raises(JSException):
        engine.eval("for (;;) {}")


def _cycles_left(engine) -> int:
    """JS objects still held after making 20,000 two-object cycles and dropping them."""
    before = engine.memory_usage()["obj_count"]
    engine.eval("for (let i = 0; i < 20000; i++) { const a = {}; a.b = { a }; }")
    return engine.memory_usage()["obj_count"] - before


def test_gc_headroom_keeper_delays_cycle_collection():
    # Alone, QuickJS collects the cycles as the heap grows by half.
    assert _cycles_left(Engine()) < 40000
    # With room for all of them, none is collected until a collection runs.
    engine = Engine()
    keep = engine.gc_headroom_keeper(64 * 1024 * 1024)
    assert _cycles_left(engine) >= 40000
    engine.run_gc()
    keep()
    assert engine.memory_usage()["obj_count"] < 40000
    assert _cycles_left(engine) >= 40000


def test_gc_fields_refuse_a_runtime_they_do_not_recognise():
    engine = Engine()
    rt = capi.runtime_ptr(engine._rt)
    assert capi.gc_fields(rt, {"malloc_count": -1, "malloc_size": -1}) is None
    assert capi.gc_fields(rt, engine.memory_usage()) is not None
