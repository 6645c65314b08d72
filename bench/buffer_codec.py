"""String <-> Buffer conversions under pynode and the reference Node.

Networking code converts constantly (`${chunk}` on received data,
`socket.write('text')`), so this times the codecs at 64 B, 1 KiB and 64 KiB:
UTF-8 encode/decode of ASCII and of mixed text, latin1, hex, base64,
StringDecoder and TextEncoder/TextDecoder. Both runtimes run the same
script; it prints microseconds per operation and the ratio.

Usage: python bench/buffer_codec.py [filter]
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
const { StringDecoder } = require('string_decoder');
const filter = process.argv[2] || '';
const now = () => Number(process.hrtime.bigint()) / 1e3;
const results = {};
function bench(name, fn) {
  if (!name.includes(filter)) return;
  fn();
  let n = 1;
  for (;;) {
    const start = now();
    for (let i = 0; i < n; i++) fn();
    const elapsed = now() - start;
    if (elapsed > 200000 || n >= 1 << 22) {
      results[name] = elapsed / n;
      return;
    }
    n *= elapsed < 10000 ? 8 : 2;
  }
}
const te = new TextEncoder();
const td = new TextDecoder();
for (const size of [64, 1024, 65536]) {
  const ascii = 'a'.repeat(size);
  const mixed = 'h\u00e9llo w\u00f6rld \u20ac '.repeat(Math.ceil(size / 16)).slice(0, size);
  const asciiBuf = Buffer.from(ascii);
  const mixedBuf = Buffer.from(mixed);
  const hex = asciiBuf.toString('hex');
  const b64 = asciiBuf.toString('base64');
  bench(`utf8 encode ascii ${size}`, () => Buffer.from(ascii));
  bench(`utf8 encode mixed ${size}`, () => Buffer.from(mixed));
  bench(`utf8 decode ascii ${size}`, () => asciiBuf.toString());
  bench(`utf8 decode mixed ${size}`, () => mixedBuf.toString());
  bench(`template decode ${size}`, () => `${asciiBuf}`);
  bench(`byteLength mixed ${size}`, () => Buffer.byteLength(mixed));
  bench(`write utf8 ${size}`, () => asciiBuf.write(ascii));
  bench(`latin1 decode ${size}`, () => mixedBuf.toString('latin1'));
  bench(`hex encode ${size}`, () => asciiBuf.toString('hex'));
  bench(`hex decode ${size}`, () => Buffer.from(hex, 'hex'));
  bench(`base64 encode ${size}`, () => asciiBuf.toString('base64'));
  bench(`base64 decode ${size}`, () => Buffer.from(b64, 'base64'));
  bench(`StringDecoder ${size}`, () => new StringDecoder('utf8').write(mixedBuf));
  bench(`TextEncoder ${size}`, () => te.encode(mixed));
  bench(`TextDecoder ${size}`, () => td.decode(mixedBuf));
  bench(`concat 4 ${size}`, () => Buffer.concat([asciiBuf, mixedBuf, asciiBuf, mixedBuf]));
}
const small = Buffer.alloc(8);
bench('readUInt32LE', () => small.readUInt32LE(0));
bench('writeUInt32BE', () => small.writeUInt32BE(0xdeadbeef, 0));
console.log(JSON.stringify(results));
"""


def run(command: list[str], script: Path, name_filter: str) -> dict:
    out = subprocess.run(command + [str(script), name_filter], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    name_filter = sys.argv[1] if len(sys.argv) > 1 else ""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "buffer_codec.js"
        script.write_text(SCRIPT)
        theirs = run([reference_node()], script, name_filter)
        ours = run([sys.executable, "-m", "node_compat"], script, name_filter)
    print(f"{'operation':28} {'pynode us':>11} {'node us':>9} {'ratio':>8}")
    for name, ours_us in ours.items():
        node_us = theirs[name]
        print(f"{name:28} {ours_us:11.2f} {node_us:9.3f} {ours_us / node_us:7.1f}x")


if __name__ == "__main__":
    main()
