"""The pynode process merges freed small blocks at once (glibc fastbins off)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

# Frees more 40-byte blocks than the per-thread cache keeps (each between
# two live ones), then asks glibc how many freed blocks wait in fastbins
# (mallinfo2's smblks; it allocates nothing, so nothing consolidates first).
PROBE = textwrap.dedent("""
    import ctypes, sys
    if sys.argv[1] == "cli":
        from node_compat.cli import merge_freed_blocks
        merge_freed_blocks()
    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in
                    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]
    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = MallInfo2
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    pairs = [(libc.malloc(40), libc.malloc(40)) for _ in range(200)]
    for freed, _kept in pairs:
        libc.free(freed)
    print(libc.mallinfo2().smblks)
""")


def fastbin_blocks(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    return int(out)


def test_fastbins_hold_freed_blocks_by_default():
    assert fastbin_blocks("default") > 100


def test_the_command_line_turns_them_off():
    assert fastbin_blocks("cli") == 0
