"""UDP throughput: pynode against the reference Node, in one invocation.

Two programs, each run under both runtimes:
- ping-pong: 64-byte datagrams bounced between two sockets of one process,
  20,000 round trips on loopback (round trips per second);
- blast: one socket sends 1 KiB datagrams to another in bursts of 32 per
  loop turn, for a fixed count (datagrams received per second).
Each program times itself with `process.hrtime` and prints one number.
Each is run `runs` times alternately; the medians are printed.
Usage: python bench/udp_pingpong.py [round_trips] [blast_count] [runs]
(goal: pynode at least 0.5x Node's round trips per second)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from node_compat.testing.refnode import reference_node  # noqa: E402

PINGPONG = r"""
const dgram = require('node:dgram');
const rounds = +process.argv[2];
const payload = Buffer.alloc(64, 'x');
const a = dgram.createSocket('udp4');
const b = dgram.createSocket('udp4');
let left = rounds;
let start;
b.on('message', (msg, rinfo) => b.send(msg, rinfo.port, '127.0.0.1'));
a.on('message', () => {
  if (--left === 0) {
    const [s, ns] = process.hrtime(start);
    console.log((rounds / (s + ns / 1e9)).toFixed(0));
    a.close();
    b.close();
    return;
  }
  a.send(payload, b.address().port, '127.0.0.1');
});
b.bind(0, '127.0.0.1', () => a.bind(0, '127.0.0.1', () => {
  start = process.hrtime();
  a.send(payload, b.address().port, '127.0.0.1');
}));
"""

# The sender sends bursts of 32 datagrams, one burst per loop turn
# (setImmediate), so sending and receiving share the loop as in a real
# program; the receiver counts what arrives (the kernel may drop some when
# the receiver falls behind) until the line has been quiet for 200 ms.
BLAST = r"""
const dgram = require('node:dgram');
const total = +process.argv[2];
const payload = Buffer.alloc(1024, 'y');
const rx = dgram.createSocket('udp4');
const tx = dgram.createSocket('udp4');
let received = 0;
let sent = 0;
let start;
let last = [0, 1];
const seconds = ([s, ns]) => s + ns / 1e9;
const idle = setInterval(() => {
  if (sent === total && seconds(process.hrtime(start)) - seconds(last) >= 0.2) finish();
}, 100);
function finish() {
  clearInterval(idle);
  console.log((received / seconds(last)).toFixed(0));
  rx.close();
  tx.close();
}
rx.on('message', () => {
  received++;
  last = process.hrtime(start);
  if (received === total) finish();
});
function burst() {
  const port = rx.address().port;
  for (let i = 0; i < 32 && sent < total; i++, sent++) tx.send(payload, port, '127.0.0.1');
  if (sent < total) setImmediate(burst);
}
rx.bind(0, '127.0.0.1', () => {
  rx.setRecvBufferSize(4 << 20);
  tx.bind(0, '127.0.0.1', () => {
    start = process.hrtime();
    burst();
  });
});
"""


def run(command: list[str], script: Path, count: int) -> float:
    out = subprocess.run(command + [str(script), str(count)], check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def compare(pynode: list[str], node: list[str], script: Path, count: int, runs: int) -> tuple[float, float]:
    """Median rates of pynode and Node, run alternately so both see the same machine load."""
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(run(pynode, script, count))
        theirs.append(run(node, script, count))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    blast = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    node = [reference_node()]
    pynode = [sys.executable, "-m", "node_compat"]
    with tempfile.TemporaryDirectory() as tmp:
        pingpong_js = Path(tmp) / "pingpong.js"
        pingpong_js.write_text(PINGPONG)
        blast_js = Path(tmp) / "blast.js"
        blast_js.write_text(BLAST)
        ours, theirs = compare(pynode, node, pingpong_js, rounds, runs)
        print(f"udp ping-pong  pynode {ours:9.0f} rt/s   node {theirs:9.0f} rt/s   ratio {ours / theirs:5.2f}x"
              f"   goal >= 0.5x: {'met' if ours >= 0.5 * theirs else 'NOT met'}")
        ours, theirs = compare(pynode, node, blast_js, blast, runs)
        print(f"udp blast 1KiB pynode {ours:9.0f} dg/s   node {theirs:9.0f} dg/s   ratio {ours / theirs:5.2f}x")


if __name__ == "__main__":
    main()
