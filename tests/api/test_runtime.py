"""node_compat.Runtime: values both ways, calls, loop driving, greenlets, asyncio, isolation."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from node_compat import JSError, JSObject, ProcessExit, Runtime


@pytest.fixture()
def rt():
    runtime = Runtime()
    yield runtime
    runtime.close()


def test_values_cross_both_ways(rt):
    assert rt.eval("1 + 2") == 3
    assert rt.eval("null") is None and rt.eval("undefined") is None
    assert rt.eval("[1, 'two', {a: true, b: null}]").to_py() == [1, "two", {"a": True, "b": None}]
    assert rt.eval("new Map([['k', [1]]])").to_py() == {"k": [1]}
    rt.globals["payload"] = {"n": 2.5, "items": [1, 2], "raw": b"\x00\xff"}
    assert rt.eval("[payload.n, payload.items.length, payload.raw.length, payload.raw[1]]").to_py() == [2.5, 2, 2, 255]
    assert rt.eval("new Uint8Array([0, 1, 254])") == b"\x00\x01\xfe"
    assert rt.eval("'z'.repeat(700) + '!'") == "z" * 700 + "!"
    shared = rt.eval("const s = {v: 1}; ({a: s, b: s})").to_py()
    assert shared == {"a": {"v": 1}, "b": {"v": 1}}
    with pytest.raises(ValueError):
        rt.eval("const c = {}; c.self = c; c").to_py()


def test_objects_are_live_proxies(rt):
    obj = rt.eval("({ x: 1, add(n) { return this.x + n; }, list: [3, 4, 5] })")
    assert isinstance(obj, JSObject)
    assert obj.x == 1 and obj["x"] == 1
    obj.x = 10
    assert obj.add(5) == 15
    assert len(obj.list) == 3 and list(obj.list) == [3, 4, 5] and 4 in obj.list
    assert "add" in obj and "missing" not in obj
    assert list(rt.eval("new Set(['a', 'b'])")) == ["a", "b"]
    assert rt.eval("Date").new(86400000).toISOString() == "1970-01-02T00:00:00.000Z"
    assert "x: 10" in repr(obj)


def test_python_functions_in_js(rt):
    rt.globals["mul"] = lambda a, b: a * b
    assert rt.eval("mul(6, 7)") == 42

    def fail(x):
        raise KeyError(f"no {x}")

    rt.globals["fail"] = fail
    assert rt.eval("try { fail('k') } catch (e) { [e instanceof Error, e.name, e.message] }").to_py() == [
        True, "KeyError", "'no k'"]
    seen = []
    rt.globals["collect"] = seen.append
    emitter = rt.require("events").new()
    emitter.on("ev", seen.append)
    emitter.emit("ev", b"bytes")
    emitter.off("ev", seen.append)
    assert emitter.emit("ev", 1) is False
    assert seen == [b"bytes"]


def test_js_errors_raise_with_stack(rt):
    with pytest.raises(JSError) as info:
        rt.eval("function f() { throw new RangeError('out') }\nf()")
    assert info.value.name == "RangeError" and info.value.message == "out"
    assert "RangeError: out" in info.value.stack
    with pytest.raises(JSError) as info:
        rt.eval("throw 5")
    assert info.value.value == 5


def test_require_and_import(rt, tmp_path):
    (tmp_path / "lib.mjs").write_text("export const answer = 42; export default 'dflt';")
    (tmp_path / "lib.cjs").write_text("module.exports = { twice: (x) => x * 2 };")
    ns = rt.import_module((tmp_path / "lib.mjs").as_uri())
    assert ns.answer == 42 and ns.default == "dflt"
    assert rt.require(str(tmp_path / "lib.cjs")).twice(21) == 42
    assert rt.require("node:path").basename("/a/b.txt") == "b.txt"


def test_run_until_complete_and_timeouts(rt):
    p = rt.eval("new Promise((r) => setTimeout(() => r('late'), 5))")
    assert rt.run_until_complete(p) == "late"
    with pytest.raises(JSError) as info:
        rt.run_until_complete(rt.eval("Promise.reject(new TypeError('nope'))"))
    assert info.value.name == "TypeError"
    with pytest.raises(RuntimeError):
        rt.run_until_complete(rt.eval("new Promise(() => {})"))
    keep = rt.eval("setInterval(() => {}, 1000)")
    with pytest.raises(TimeoutError):
        rt.run_until_complete(rt.eval("new Promise(() => {})"), timeout=0.05)
    rt.eval("clearInterval")(keep)


def test_step_run_forever_and_stop(rt):
    hits = []
    rt.globals["hit"] = hits.append
    rt.eval("setTimeout(() => hit(1), 1)")
    while rt.step():
        pass
    assert hits == [1]
    rt.globals["stopper"] = rt.stop
    rt.eval("setTimeout(() => { hit(2); stopper(); }, 5)")
    rt.run_forever()
    assert hits == [1, 2]
    timer = threading.Timer(0.05, rt.stop)
    timer.start()
    rt.run_forever()  # nothing scheduled: waits until stopped from another thread
    timer.join()


def test_run_file_and_source(rt, tmp_path, capfd):
    script = tmp_path / "main.js"
    script.write_text("console.log('argv', process.argv.slice(2).join(',')); process.exitCode = 3;")
    assert rt.run_file(str(script), argv=("a", "b")) == 3
    assert "argv a,b" in capfd.readouterr().out
    with pytest.raises(ProcessExit):
        rt.eval("1")


def test_uncaught_errors_raise_instead_of_printing(tmp_path, capfd):
    with Runtime() as rt:
        with pytest.raises(JSError) as info:
            rt.run("setTimeout(() => { throw new Error('async boom') }, 1)")
        assert info.value.message == "async boom"
    assert "async boom" not in capfd.readouterr().err


def test_greenlets_wait_on_promises(rt):
    order = []

    def worker(n):
        order.append(f"start {n}")
        value = rt.wait(rt.eval(f"new Promise((r) => setTimeout(() => r({n}), {n}))"))
        order.append(f"got {value}")
        return value * 10

    # (100 ms against 1: the second greenlet starts well before the first's timer is due)
    first, second = rt.spawn(worker, 100), rt.spawn(worker, 1)
    rt.run_until_complete()
    assert order == ["start 100", "start 1", "got 1", "got 100"]
    assert (first.result(), second.result()) == (1000, 10)


def test_wait_with_js_frames_on_stack_is_refused(rt):
    rt.globals["inner"] = lambda: rt.wait(rt.eval("Promise.resolve(1)"))

    def outer():
        with pytest.raises(JSError) as info:
            rt.eval("inner()")
        return info.value.message

    task = rt.spawn(outer)
    rt.run_until_complete()
    assert "JavaScript is calling into Python" in task.result()
    with pytest.raises(RuntimeError):
        rt.wait(rt.eval("Promise.resolve(1)"))


def test_asyncio_await_and_async_functions():
    async def main():
        with Runtime() as rt:
            ticks = 0

            async def ticker():
                nonlocal ticks
                for _ in range(3):
                    await asyncio.sleep(0.001)
                    ticks += 1

            task = asyncio.create_task(ticker())
            assert await rt.eval("new Promise((r) => setTimeout(() => r('js'), 20))") == "js"
            await task

            async def double(x):
                await asyncio.sleep(0.001)
                return x * 2

            rt.globals["double"] = double
            assert await rt.eval("double(20).then((v) => v + 2)") == 42
            code = await rt.run_async(source="setTimeout(() => { process.exitCode = 4 }, 2)")
            return ticks, code

    assert asyncio.run(main()) == (3, 4)


def test_runtimes_are_isolated_and_release_descriptors():
    before = set(os.listdir("/proc/self/fd"))
    a, b = Runtime(), Runtime()
    a.globals["shared"] = 1
    assert b.eval("typeof shared") == "undefined"
    a.eval("setTimeout(() => {}, 100000)")
    a.close()
    b.close()
    assert set(os.listdir("/proc/self/fd")) == before
    assert threading.active_count() == 1
