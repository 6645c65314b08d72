"""The buffer binding's codecs driven directly from Python: Node's rules for
lone surrogates, truncated writes, forgiving base64, TextDecoder streaming
state, encodeInto and aligned searches."""

from __future__ import annotations

import pytest

from node_compat.bindings.buffer import (
    StreamDecoder,
    base64_decode,
    encode_into,
    latin1_encode,
    ucs2_encode,
    utf8_encode,
    utf8_prefix,
)
from node_compat.realm import Realm


@pytest.fixture(scope="module")
def realm():
    r = Realm(["node"])
    yield r
    r.close()


@pytest.fixture(scope="module")
def binding(realm):
    return realm._binding("buffer")


def u8(realm, data: bytes):
    return realm.engine.uint8array(data)


def test_utf8_encode_replaces_lone_surrogates():
    assert utf8_encode("a\ud800b\udc00") == b"a\xef\xbf\xbdb\xef\xbf\xbd"
    assert utf8_encode("\U0001f600") == b"\xf0\x9f\x98\x80"
    assert utf8_encode("plain") == b"plain"


def test_utf8_prefix_keeps_whole_characters():
    data = "a\u20acb".encode()
    assert utf8_prefix(data, 10) == data
    assert utf8_prefix(data, 3) == b"a"
    assert utf8_prefix(data, 4) == b"a\xe2\x82\xac"
    assert utf8_prefix(data, 0) == b""


def test_latin1_and_ucs2_keep_code_units():
    assert latin1_encode("\u0100\u20acA\U0001f600") == bytes([0x00, 0xAC, 0x41, 0x3D, 0x00])
    assert ucs2_encode("A\ud800") == b"A\x00\x00\xd8"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("aGVsbG8=", b"hello"),
        ("aGVsbG8", b"hello"),
        ("aGVs bG8=", b"hello"),
        ("aGVsbG8=aGk=", b"hello"),
        ("aGVs*bG8", b"hello"),
        ("a", b""),
        ("ab==cd", b"i"),
        ("-_-_", b"\xfb\xff\xbf"),
        ("YR==", b"a"),
        ("YWJj\u00e9ZGVm", b"abcdef"),
        ("=YWJj", b""),
    ],
)
def test_base64_decode_is_forgiving(text, expected):
    assert base64_decode(text) == expected


def test_stream_decoder_holds_partial_utf8(realm):
    d = StreamDecoder("utf-8", fatal=False, ignore_bom=False)
    assert d.decode(u8(realm, b"\xef\xbb"), False) == ""
    assert d.decode(u8(realm, b"\xbf\xe2\x82"), False) == ""
    assert d.decode(u8(realm, b"\xacx"), False) == "\u20acx"
    # ED A0 can never complete: reported at once, not held.
    assert d.decode(u8(realm, b"\xed\xa0"), False) == "\ufffd\ufffd"
    assert d.decode(None, True) == ""


def test_stream_decoder_bom_only_at_start(realm):
    d = StreamDecoder("utf-8", fatal=False, ignore_bom=False)
    assert d.decode(u8(realm, b"\xef\xbb\xbfA\xef\xbb\xbf"), True) == "A\ufeff"
    assert d.decode(u8(realm, b"\xef\xbb\xbfB"), True) == "B"
    keep = StreamDecoder("utf-8", fatal=False, ignore_bom=True)
    assert keep.decode(u8(realm, b"\xef\xbb\xbfA"), True) == "\ufeffA"


def test_stream_decoder_fatal_resets(realm):
    d = StreamDecoder("utf-8", fatal=True, ignore_bom=False)
    assert d.decode(u8(realm, b"\xe2\x82"), False) == ""
    assert d.decode(u8(realm, b"A"), True) is None
    assert d.decode(u8(realm, b"B"), True) == "B"


def test_stream_decoder_utf16_surrogate_across_chunks(realm):
    d = StreamDecoder("utf-16-le", fatal=False, ignore_bom=False)
    assert d.decode(u8(realm, b"\xff\xfeA\x00\x3d"), False) == "A"
    assert d.decode(u8(realm, b"\xd8\x00"), False) == ""
    assert d.decode(u8(realm, b"\xde"), True) == "\U0001f600"


def test_encode_into_counts_utf16_units():
    assert encode_into("h\u20acllo", 4) == [b"h\xe2\x82\xac", 2]
    assert encode_into("\U0001f600a", 3) == [b"", 0]
    assert encode_into("\U0001f600a", 4) == [b"\xf0\x9f\x98\x80", 2]
    assert encode_into("ab", 10) == [b"ab", 2]


def test_index_of_aligned_and_backwards(realm, binding):
    hay = u8(realm, b"\x00a\x00a\x00b\x00")
    assert binding["indexOf"](hay, u8(realm, b"a\x00"), 0, True, 1) == 1
    assert binding["indexOf"](hay, u8(realm, b"a\x00"), 0, True, 2) == -1
    assert binding["indexOf"](hay, u8(realm, b"\x00a"), 0, True, 2) == 0
    assert binding["indexOf"](hay, u8(realm, b"\x00a"), 3, False, 2) == 2
    assert binding["indexOf"](hay, u8(realm, b"zz"), 0, True, 1) == -1


def test_compare_and_validation(realm, binding):
    assert binding["compare"](u8(realm, b"ab"), u8(realm, b"ac")) == -1
    assert binding["compare"](u8(realm, b"b"), u8(realm, b"ab")) == 1
    assert binding["compare"](u8(realm, b""), u8(realm, b"")) == 0
    assert binding["isUtf8"](u8(realm, b"\xed\xa0\x80")) is False
    assert binding["isUtf8"](u8(realm, "\u20ac".encode())) is True
    assert binding["isAscii"](u8(realm, b"abc\x80")) is False
