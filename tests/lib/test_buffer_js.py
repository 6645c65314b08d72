"""Buffer internals seen from JavaScript: FastBuffer wraps memory without
copying, the pool, and agreement between the interpreted and the Python
codec paths on both sides of their size thresholds."""

from __future__ import annotations

import json

import pytest

from node_compat.realm import Realm


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def run(realm, body: str):
    """Evaluate `body` as a function of `require` (builtin ids) and return its result."""
    fn = realm.engine.eval(f"(function (require) {{ {body} }})")
    return fn(realm._require_builtin)


def test_fast_buffer_shares_binding_memory(realm):
    result = run(realm, """
        const { FastBuffer } = require('internal/buffer');
        const ab = new ArrayBuffer(8);
        const b = new FastBuffer(ab, 2, 4);
        new Uint8Array(ab)[2] = 7;
        return [b[0], b.length, b.byteOffset, b.buffer === ab, typeof b.readUInt8, b.toString('hex')];
    """).to_python()
    assert result == [7, 4, 2, True, "function", "07000000"]


def test_small_allocations_come_from_one_pool(realm):
    result = run(realm, """
        const { Buffer } = require('buffer');
        const a = Buffer.allocUnsafe(10);
        const b = Buffer.from('pooled');
        const big = Buffer.allocUnsafe(5000);
        const zeroed = Buffer.alloc(10);
        return [a.buffer === b.buffer, a.buffer.byteLength, b.byteOffset % 8, big.buffer.byteLength,
                zeroed.buffer.byteLength];
    """).to_python()
    assert result == [True, 8192, 0, 5000, 10]


@pytest.mark.parametrize("length", [0, 1, 23, 24, 25, 63, 64, 65, 200, 5000])
def test_codec_paths_agree_across_sizes(realm, length):
    result = run(realm, f"""
        const {{ Buffer }} = require('buffer');
        const n = {length};
        const ascii = 'x'.repeat(n);
        const mixed = Array.from({{ length: n }}, (_, i) => 'a\\u00e9\\u20ac\\ud83d\\ude00'[i % 5]).join('');
        const bytes = Uint8Array.from({{ length: n }}, (_, i) => (i * 37) & 0xff);
        const buf = Buffer.from(bytes);
        return JSON.stringify([
            Buffer.from(ascii).toString('hex'), Buffer.byteLength(mixed), Buffer.from(mixed).toString(),
            buf.toString('latin1'), buf.toString('ascii'), buf.toString('utf8'), buf.toString('ucs2'),
            Buffer.from(buf.toString('base64'), 'base64').equals(buf), Buffer.from(buf.toString('hex'), 'hex').equals(buf),
            Buffer.compare(buf, Buffer.from(bytes)), buf.indexOf(Buffer.from([37 & 0xff, 74 & 0xff])),
        ]);
    """)
    data = bytes((i * 37) & 0xFF for i in range(length))
    # The same UTF-16 units as the JS string; a pair cut by the length is a lone surrogate.
    units = "".join(["a", "\u00e9", "\u20ac", "\ud83d", "\ude00"][i % 5] for i in range(length))
    expected_mixed = units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    got = json.loads(result)
    assert got[0] == ("78" * length)
    assert got[1] == len(expected_mixed.encode("utf-8"))
    assert got[2] == expected_mixed
    assert got[3] == data.decode("latin-1")
    assert got[4] == bytes(b & 0x7F for b in data).decode("ascii")
    assert got[5] == data.decode("utf-8", "replace")
    assert got[6] == data[: length & ~1].decode("utf-16-le", "surrogatepass")
    assert got[7] is True and got[8] is True and got[9] == 0
    assert got[10] == (data.find(bytes([37, 74])))
