"""process.memoryUsage() reports the engine's own heap figures, not estimates."""

from __future__ import annotations

import pytest

from node_compat import Runtime


@pytest.fixture()
def rt():
    runtime = Runtime()
    yield runtime
    runtime.close()


def heap(rt) -> tuple[int, int]:
    usage = rt.eval("process.memoryUsage()").to_py()
    return usage["heapTotal"], usage["heapUsed"]


def test_heap_figures_are_the_engines(rt):
    engine = rt.engine
    total, used = heap(rt)
    actual = engine.memory_usage()
    # (The call itself allocates a little between the two readings.)
    assert abs(total - actual["malloc_size"]) < 64 * 1024
    assert abs(used - actual["memory_used_size"]) < 64 * 1024
    assert used <= total


def test_heap_used_follows_what_is_kept(rt):
    _, before = heap(rt)
    rt.eval("globalThis.kept = Array.from({ length: 200000 }, (_, i) => ({ i }))")
    _, grown = heap(rt)
    assert grown - before > 4_000_000
    rt.eval("globalThis.kept = null")
    _, released = heap(rt)
    assert grown - released > 4_000_000
