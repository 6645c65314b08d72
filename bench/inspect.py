"""util.inspect, util.format and console.log throughput against the reference node.

Each case runs a JS loop inside one process of each runtime (so startup is
not counted) and reports microseconds per operation and the ratio.
Usage: python bench/inspect.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402

# Each case: (label, setup, expression, iterations).
CASES = [
    ("inspect small object", "const v = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };", "util.inspect(v)", 20000),
    ("inspect nested (depth 2 cut)", "const v = { a: { b: { c: { d: { e: 1 } } } }, f: [[1, [2, [3]]]] };",
     "util.inspect(v)", 20000),
    ("inspect 1000-element array", "const v = Array.from({ length: 1000 }, (_, i) => i);",
     "util.inspect(v, { maxArrayLength: null })", 200),
    ("inspect 1000 objects", "const v = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'n' + i }));",
     "util.inspect(v, { maxArrayLength: null })", 20),
    ("inspect Map of 100", "const v = new Map(Array.from({ length: 100 }, (_, i) => [i, { i }]));",
     "util.inspect(v)", 500),
    ("inspect Error", "const v = new Error('boom');", "util.inspect(v)", 5000),
    ("format %s %d %j", "const v = { a: 1 };", "util.format('%s %d %j', 'str', 42, v)", 50000),
    ("console.log string", "", "console.log('hello world')", 20000),
    ("console.log object", "const v = { a: 1, b: [1, 2] };", "console.log('value:', v)", 20000),
]

SCRIPT = """
const util = require('util');
{setup}
for (let i = 0; i < 10; i++) {{ {expr}; }}
const t = process.hrtime.bigint();
for (let i = 0; i < {n}; i++) {{ {expr}; }}
process._rawDebug(String(Number(process.hrtime.bigint() - t) / 1e3 / {n}));
"""


def per_op_us(command: list[str], setup: str, expr: str, n: int) -> float:
    source = SCRIPT.format(setup=setup, expr=expr, n=n)
    done = subprocess.run(command + ["-e", source], check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    return float(done.stderr.strip().splitlines()[-1])


def main() -> None:
    node = [reference_node()]
    pynode = [sys.executable, "-m", "node_compat"]
    for label, setup, expr, n in CASES:
        ours = per_op_us(pynode, setup, expr, n)
        theirs = per_op_us(node, setup, expr, n)
        print(f"{label:30s} pynode {ours:9.2f} us   node {theirs:8.2f} us   ratio {ours / theirs:6.1f}x slower")


if __name__ == "__main__":
    main()
