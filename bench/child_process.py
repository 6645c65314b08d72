"""child_process throughput: pynode against the reference Node.

The same script runs under both: sequential spawnSync('true'), sequential
async spawn('true') (exit watched by the loop), and 8 MiB piped through
`cat` (child stdio sockets). Prints each runtime's time and the ratio.
Usage: python bench/child_process.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402

SCRIPT = r"""
const cp = require('child_process');
const results = {};
let t = performance.now();
for (let i = 0; i < 50; i++) cp.spawnSync('true');
results.spawnSync_x50 = performance.now() - t;

function spawnLoop(n, done) {
  const start = performance.now();
  const next = (left) => {
    if (left === 0) return done(performance.now() - start);
    cp.spawn('true').on('close', () => next(left - 1));
  };
  next(n);
}

spawnLoop(50, (ms) => {
  results.spawn_x50 = ms;
  const start = performance.now();
  const child = cp.spawn('cat');
  let received = 0;
  child.stdout.on('data', (d) => { received += d.length; });
  child.on('close', () => {
    results.pipe_8MiB = performance.now() - start;
    if (received !== 8 * 1024 * 1024) throw new Error('short read ' + received);
    console.log(JSON.stringify(results));
  });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < 128) {
      sent++;
      if (!child.stdin.write(chunk)) return child.stdin.once('drain', pump);
    }
    child.stdin.end();
  };
  pump();
});
"""


def run(command: list[str]) -> dict:
    out = subprocess.run(command + ["-e", SCRIPT], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    node = run([reference_node()])
    ours = run([sys.executable, "-m", "node_compat"])
    for key in node:
        print(f"{key:16} pynode {ours[key]:8.1f} ms   node {node[key]:8.1f} ms   ratio {ours[key] / node[key]:5.2f}x")


if __name__ == "__main__":
    main()
