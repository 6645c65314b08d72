"""Startup time: `pynode -e 0` against the reference `node -e 0`.

Runs both alternately, prints the median wall time of each and the ratio.
Usage: python bench/startup.py [runs]   (goal: pynode under 100 ms)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    node = [reference_node(), "-e", "0"]
    pynode = [sys.executable, "-m", "node_compat", "-e", "0"]
    # An installed package has its Python bytecode compiled (pip does it); so
    # does this checkout once compileall ran. Then warm pynode's own JS
    # bytecode cache and the OS page cache.
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "node_compat"), str(root / "jsbridge")],
                   check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
    timed(pynode)
    timed(node)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(pynode))
        theirs.append(timed(node))
    ours_ms = statistics.median(ours) * 1000
    node_ms = statistics.median(theirs) * 1000
    print(f"startup  pynode {ours_ms:6.1f} ms   node {node_ms:6.1f} ms   ratio {ours_ms / node_ms:5.2f}x slower"
          f"   goal < 100 ms: {'met' if ours_ms < 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
