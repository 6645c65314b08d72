"""fs, URL and path throughput: pynode against the reference Node.

Each case runs a fixed number of operations inside one process and reports
microseconds per operation; both runtimes run the same script in a scratch
directory. Prints one line per case with the ratio (pynode / node).
Usage: python bench/fs_url.py [scale]   (scale multiplies the iteration counts)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402

SCRIPT = r"""
const fs = require('fs');
const path = require('path');
const scale = Number(process.argv[2]) || 1;
fs.writeFileSync('small.txt', 'x'.repeat(1024));
fs.writeFileSync('big.bin', Buffer.alloc(1 << 20, 7));
const results = {};
function bench(name, n, fn) {
  n = Math.max(1, Math.round(n * scale));
  fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  results[name] = Number(process.hrtime.bigint() - t0) / 1000 / n;
}
bench('readFileSync 1KiB utf8', 2000, () => fs.readFileSync('small.txt', 'utf8'));
bench('readFileSync 1MiB buffer', 100, () => fs.readFileSync('big.bin'));
bench('writeFileSync 1KiB', 1000, () => fs.writeFileSync('out.txt', 'y'.repeat(1024)));
bench('statSync', 3000, () => fs.statSync('small.txt'));
bench('existsSync (missing)', 3000, () => fs.existsSync('nope.txt'));
bench('readdirSync', 1000, () => fs.readdirSync('.'));
bench('openSync+readSync+closeSync', 1000, () => {
  const fd = fs.openSync('small.txt', 'r');
  fs.readSync(fd, Buffer.alloc(64), 0, 64, 0);
  fs.closeSync(fd);
});
bench('new URL (absolute)', 3000, () => new URL('https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag'));
bench('new URL (relative)', 3000, () => new URL('../d/e?q', 'http://example.com/a/b/c'));
bench('URLSearchParams parse+toString', 3000, () => new URLSearchParams('a=1&b=2&c=%20x+y&d=').toString());
bench('path.join+resolve', 5000, (i) => path.resolve(path.join('a', 'b', '..', `c${i & 7}`)));
let pending = 0;
const t0 = process.hrtime.bigint();
const n = Math.max(1, Math.round(500 * scale));
function next() {
  if (pending === n) {
    results['readFile callback (1KiB)'] = Number(process.hrtime.bigint() - t0) / 1000 / n;
    console.log(JSON.stringify(results));
    return;
  }
  pending++;
  fs.readFile('small.txt', next);
}
next();
"""


def run(command: list[str], cwd: str) -> dict:
    out = subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "bench.js"
        script.write_text(SCRIPT)
        node = run([reference_node(), str(script), scale], work)
        ours = run([sys.executable, "-m", "node_compat", str(script), scale], work)
    for name, node_us in node.items():
        mine = ours[name]
        print(f"{name:34s} pynode {mine:9.2f} us   node {node_us:8.2f} us   ratio {mine / node_us:6.1f}x")


if __name__ == "__main__":
    main()
