"""Shared runner of the TCP benchmarks (bench/tcp_*.py).

A workload is a JS program and, for comparison, the same workload written
with plain Python asyncio (streams, and the lower-level protocols). Each
program times itself and prints one number. All of them run as separate
processes, alternately, `runs` times, so each sees the same machine load;
the medians are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402


def _number(command: list[str], timeout: float) -> float:
    out = subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout).stdout
    return float(out.strip().splitlines()[-1])


def compile_python() -> None:
    """Compile pynode's Python modules, as installing the package does.

    A module whose .pyc is stale (edited since, with PYTHONDONTWRITEBYTECODE
    set) is compiled at every start, which costs time and RSS (five stale
    modules add ~0.3 MB to the idle-connections figure).
    """
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "node_compat"), str(root / "jsbridge")],
                   check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})


def compare(name: str, unit: str, js: str, asyncio_streams: str, asyncio_protocols: str, args: list[str],
            runs: int, higher_is_better: bool = True, timeout: float = 600) -> None:
    """Run the JS under pynode and Node and both asyncio programs; print medians and ratios."""
    compile_python()
    with tempfile.TemporaryDirectory() as tmp:
        js_file = Path(tmp) / "workload.js"
        js_file.write_text(js)
        streams_file = Path(tmp) / "asyncio_streams.py"
        streams_file.write_text(asyncio_streams)
        protocols_file = Path(tmp) / "asyncio_protocols.py"
        protocols_file.write_text(asyncio_protocols)
        contenders: dict[str, list[str]] = {
            "pynode": [sys.executable, "-m", "node_compat", str(js_file)] + args,
            "node": [reference_node(), str(js_file)] + args,
            "asyncio streams": [sys.executable, str(streams_file)] + args,
            "asyncio protocols": [sys.executable, str(protocols_file)] + args,
        }
        results: dict[str, list[float]] = {label: [] for label in contenders}
        for _ in range(runs):
            for label, command in contenders.items():
                results[label].append(_number(command, timeout))
    medians = {label: statistics.median(values) for label, values in results.items()}
    ours = medians["pynode"]
    better: Callable[[float, float], float] = (lambda a, b: a / b) if higher_is_better else (lambda a, b: b / a)
    print(f"{name}  (median of {runs}; ratio > 1 means pynode is better)")
    for label, value in medians.items():
        ratio = "" if label == "pynode" else f"   pynode/{label} {better(ours, value):5.2f}x"
        print(f"  {label:18s} {value:12.1f} {unit}{ratio}")
    goal = better(ours, medians["node"]) >= 0.5 and all(
        better(ours, medians[label]) >= 1 for label in ("asyncio streams", "asyncio protocols"))
    print(f"  goal (>= 0.5x node, ahead of asyncio): {'met' if goal else 'NOT met'}")
