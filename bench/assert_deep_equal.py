"""assert throughput: deep comparisons, passing and failing assertions.

Runs the same workload under pynode and the reference node, each timing its
own loops (startup excluded), and prints microseconds per operation and the
ratio. Usage: python bench/assert_deep_equal.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402

WORKLOAD = r"""
const assert = require('assert');
function time(label, n, fn) {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const us = Number(process.hrtime.bigint() - start) / 1000 / n;
  console.log(`${label}\t${us}`);
}
const records = () => Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `item${i}`, tags: ['a', 'b', i % 3] }));
const a = records();
const b = records();
time('deepStrictEqual, 1000 records', 20, () => assert.deepStrictEqual(a, b));
time('deepEqual, 1000 records', 20, () => assert.deepEqual(a, b));
const numbers = Array.from({ length: 10000 }, (_, i) => i);
time('deepStrictEqual, 10000 numbers', 20, () => assert.deepStrictEqual(numbers, numbers.slice()));
const m = new Map(Array.from({ length: 1000 }, (_, i) => [i, `v${i}`]));
time('deepStrictEqual, Map of 1000', 50, () => assert.deepStrictEqual(m, new Map(m)));
const buf = Buffer.alloc(65536, 7);
time('deepStrictEqual, 64 KiB Buffer', 20, () => assert.deepStrictEqual(buf, Buffer.from(buf)));
time('deepStrictEqual, small object', 20000, () => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }));
time('strictEqual, passing', 100000, () => assert.strictEqual(1, 1));
time('ok, passing', 100000, () => assert.ok(1));
time('throws, matching class', 10000, () => assert.throws(() => { throw new TypeError('x'); }, TypeError));
const wide = Array.from({ length: 200 }, (_, i) => ({ i }));
const changed = wide.map((x, i) => (i === 100 ? { i: -1 } : x));
time('deepStrictEqual failing, diff of 600 lines', 10, () => { try { assert.deepStrictEqual(wide, changed); } catch {} });
time('ok failing, quoted source', 1000, () => { try { assert.ok(false); } catch {} });
"""


def run(command: list[str], script: str) -> dict[str, float]:
    out = subprocess.run(command + [script], check=True, capture_output=True, text=True).stdout
    return {label: float(value) for label, value in (line.split("\t") for line in out.splitlines())}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        script = str(Path(tmp) / "workload.js")
        Path(script).write_text(WORKLOAD)
        ours = run([sys.executable, "-m", "node_compat"], script)
        theirs = run([reference_node()], script)
    for label, us in ours.items():
        ref = theirs[label]
        ratio = f"{us / ref:7.1f}x" if ref > 0 else "    n/a"
        print(f"{label:45s} pynode {us:10.1f} us   node {ref:9.2f} us   {ratio}")


if __name__ == "__main__":
    main()
