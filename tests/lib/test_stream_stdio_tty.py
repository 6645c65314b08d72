"""process.stdout/stdin on a real terminal (a pseudo-terminal), which the differential tests cannot give."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

SCRIPT = r"""
const tty = require('tty');
const out = process.stdout;
console.log(JSON.stringify({
  isatty: tty.isatty(1), isTTY: out.isTTY, type: out._type, ctor: out.constructor.name,
  columns: out.columns, rows: out.rows, size: out.getWindowSize(),
  stdinTTY: process.stdin.isTTY, stdinCtor: process.stdin.constructor.name,
}));
process.stdin.setRawMode(true);
console.log('raw', process.stdin.isRaw);
process.stdin.once('data', (d) => {
  console.log('key', JSON.stringify(String(d)));
  process.stdin.setRawMode(false);
  process.stdin.pause();
});
"""


def run_in_pty(source: str, keys: bytes) -> str:
    controller, terminal = pty.openpty()
    os.set_blocking(controller, False)
    # 100 columns, 30 rows.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "node_compat", "-e", source],
                            stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True)
    os.close(terminal)
    output = b""
    sent = False
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 5)
            if not ready:
                break
            try:
                data = os.read(controller, 4096)
            except OSError:
                break
            if not data:
                break
            output += data
            if not sent and b"raw " in output:
                os.write(controller, keys)
                sent = True
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(controller)
    # console.log colours values on a terminal, as Node does.
    return re.sub(r"\x1b\[\d+m", "", output.decode())


def test_terminal_streams_know_size_and_read_raw_keys() -> None:
    text = run_in_pty(SCRIPT, b"q")
    assert '"isatty":true' in text and '"isTTY":true' in text
    assert '"type":"tty"' in text and '"ctor":"WriteStream"' in text
    assert '"columns":100' in text and '"rows":30' in text and '"size":[100,30]' in text
    assert '"stdinTTY":true' in text and '"stdinCtor":"ReadStream"' in text
    assert "raw true" in text
    assert 'key "q"' in text
