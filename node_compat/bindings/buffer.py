"""Node's `buffer` binding: the byte codecs that are too slow as interpreted JS.

QuickJS runs a per-byte JavaScript loop at tens of nanoseconds per
iteration, while one call into Python costs about a microsecond plus a copy,
so the UTF-8 (and other) codecs, byte searches and comparisons of anything
but tiny inputs are done here with CPython's C codecs. Strings arrive as
`str` (lone UTF-16 surrogates survive as surrogate code points), byte views
as jsbridge values whose `to_bytes()` copies exactly the view; encoded bytes
go back as ArrayBuffers.

Every function returns a value and never raises for bad data: the JS side
has already validated arguments and Node's codecs replace, skip or stop at
invalid input rather than fail.
"""

from __future__ import annotations

import codecs
import re

from jsbridge import as_text

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


def _lone_surrogate_as_replacement(exc: UnicodeError) -> tuple[bytes, int]:
    # A lone UTF-16 surrogate has no UTF-8 form; Node writes U+FFFD for each.
    # (Bytes, because the UTF-8 encoder only takes ASCII text replacements.)
    return b"\xef\xbf\xbd" * (exc.end - exc.start), exc.end


codecs.register_error("pynode.surrogate_replace", _lone_surrogate_as_replacement)

# `bytes.translate` tables.
_ASCII_MASK = bytes(b & 0x7F for b in range(256))
_B64_URL_TO_STD = bytes.maketrans(b"-_", b"+/")
_B64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_")
_B64_IGNORED = bytes(b for b in range(256) if b not in _B64_ALPHABET)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf8_encode(text: Any) -> bytes:
    s = as_text(text)
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "pynode.surrogate_replace")


def utf8_prefix(data: bytes, limit: int) -> bytes:
    """The longest run of whole UTF-8 characters of `data` within `limit` bytes."""
    if len(data) <= limit:
        return data
    end = limit
    # Back up over continuation bytes to the start of the cut character.
    while end > 0 and (data[end] & 0xC0) == 0x80:
        end -= 1
    return data[:end]


def latin1_encode(text: Any) -> bytes:
    # Node keeps the low byte of each UTF-16 code unit.
    s = as_text(text)
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return s.encode("utf-16-le", "surrogatepass")[::2]


def ucs2_encode(text: Any) -> bytes:
    return as_text(text).encode("utf-16-le", "surrogatepass")


def base64_decode(text: Any) -> bytes:
    """Node's forgiving base64/base64url decoder.

    Both alphabets are accepted, any other character is skipped, the first
    `=` or character outside the BMP (a UTF-16 surrogate pair in JS) ends the
    data, a final lone sextet is dropped and leftover bits are ignored.
    """
    s = as_text(text).split("=", 1)[0]
    astral = _ASTRAL.search(s)
    if astral is not None:
        s = s[: astral.start()]
    data = s.encode("latin-1", "ignore").translate(_B64_URL_TO_STD, _B64_IGNORED)
    extra = len(data) % 4
    if extra == 1:
        data = data[:-1]
    elif extra:
        data += b"=" * (4 - extra)
    import binascii  # here, not at the top: it brings in zlib's library

    return binascii.a2b_base64(data)


# Lead bytes whose second byte has a narrower range than 80..BF (no
# overlongs, surrogates or code points past U+10FFFF).
_SECOND_BYTE_RANGE = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


def _utf8_partial_tail(data: bytes) -> int:
    """Length of the end of `data` that starts a UTF-8 sequence still able to complete.

    The WHATWG decoder holds such bytes back between streamed chunks and
    reports anything else at once; CPython's incremental decoder also holds
    some bytes that can never complete (e.g. ED A0), so UTF-8 keeps its own
    pending bytes.
    """
    n = len(data)
    for back in range(1, min(n, 3) + 1):
        lead = data[n - back]
        if 0x80 <= lead <= 0xBF:
            continue
        if 0xC2 <= lead <= 0xDF:
            need = 2
        elif 0xE0 <= lead <= 0xEF:
            need = 3
        elif 0xF0 <= lead <= 0xF4:
            need = 4
        else:
            return 0
        if back >= need:
            return 0
        if back > 1:
            second = data[n - back + 1]
            low, high = _SECOND_BYTE_RANGE.get(lead, (0x80, 0xBF))
            if not low <= second <= high:
                return 0
        return back
    return 0


class StreamDecoder:
    """The state of one TextDecoder: bytes held between chunks and the BOM rule.

    `decode` returns the text, or None when `fatal` is set and the data is
    invalid (the JS side throws).
    """

    def __init__(self, codec: str, fatal: bool, ignore_bom: bool) -> None:
        self.codec = codec
        self.errors = "strict" if fatal else "replace"
        self.strip_bom = not ignore_bom and codec in ("utf-8", "utf-16-le", "utf-16-be")
        self.reset()

    def reset(self) -> None:
        self.pending = b""
        self.decoder = None if self.codec == "utf-8" else codecs.getincrementaldecoder(self.codec)(self.errors)
        self.bom_seen = False

    def _decode(self, data: bytes, final: bool) -> str:
        if self.decoder is not None:
            return self.decoder.decode(data, final)
        if self.pending:
            data = self.pending + data
        keep = 0 if final else _utf8_partial_tail(data)
        self.pending = data[len(data) - keep:] if keep else b""
        return data[: len(data) - keep].decode("utf-8", self.errors)

    def decode(self, view: Any, final: bool) -> Any:
        data = view.to_bytes() if view is not None else b""
        try:
            text = self._decode(data, final)
        except UnicodeDecodeError:
            # Node's ICU converters keep their pending bytes after an error in
            # a streaming call (so the next call meets them again); its UTF-8
            # decoder, and any final call, start afresh.
            if final or self.decoder is None:
                self.reset()
            return None
        if self.strip_bom and not self.bom_seen and text:
            self.bom_seen = True
            if text[0] == "\ufeff":
                text = text[1:]
        if final:
            self.reset()
        return text


def encode_into(text: Any, room: int) -> list:
    """[UTF-8 bytes of the longest whole-character prefix fitting `room`, UTF-16 units read]."""
    s = as_text(text)
    data = utf8_encode(s)
    if len(data) <= room:
        return [data, len(s)]
    data = utf8_prefix(data, room)
    prefix = data.decode("utf-8")
    return [data, len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)]


def create(realm: Any) -> dict:
    def write_utf8(text: Any, limit: int) -> bytes:
        return utf8_prefix(utf8_encode(text), limit)

    def utf8_length(text: Any) -> int:
        return len(utf8_encode(text))

    def decode_utf8(view: Any) -> str:
        return view.to_bytes().decode("utf-8", "replace")

    def decode_ascii(view: Any) -> str:
        return view.to_bytes().translate(_ASCII_MASK).decode("ascii")

    def decode_latin1(view: Any) -> str:
        return view.to_bytes().decode("latin-1")

    def decode_ucs2(view: Any) -> str:
        data = view.to_bytes()
        if len(data) & 1:
            data = data[:-1]
        return data.decode("utf-16-le", "surrogatepass")

    def is_utf8(view: Any) -> bool:
        try:
            view.to_bytes().decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    def is_ascii(view: Any) -> bool:
        return view.to_bytes().isascii()

    def index_of(haystack: Any, needle: Any, offset: int, forward: bool, step: int) -> int:
        """Position of `needle`'s bytes in `haystack` at or from `offset`, or -1.

        `step` 2 only accepts even positions (UTF-16 code-unit alignment).
        """
        hay = haystack.to_bytes()
        pat = needle.to_bytes()
        while True:
            pos = hay.find(pat, offset) if forward else hay.rfind(pat, 0, offset + len(pat))
            if pos < 0 or pos % step == 0:
                return pos
            offset = pos + 1 if forward else pos - 1
            if offset < 0:
                return -1

    def compare(a: Any, b: Any) -> int:
        x = a.to_bytes()
        y = b.to_bytes()
        return (x > y) - (x < y)

    def new_decoder(codec: str, fatal: bool, ignore_bom: bool) -> Any:
        return realm.engine.host_object(StreamDecoder(codec, bool(fatal), bool(ignore_bom)))

    def decoder_decode(decoder: StreamDecoder, view: Any, final: bool) -> Any:
        return decoder.decode(view, bool(final))

    return {
        "newDecoder": new_decoder,
        "decoderDecode": decoder_decode,
        "encodeInto": encode_into,
        "utf8Encode": utf8_encode,
        "utf8Write": write_utf8,
        "utf8Length": utf8_length,
        "latin1Encode": latin1_encode,
        "ucs2Encode": ucs2_encode,
        "base64Decode": base64_decode,
        "utf8Decode": decode_utf8,
        "asciiDecode": decode_ascii,
        "latin1Decode": decode_latin1,
        "ucs2Decode": decode_ucs2,
        "isUtf8": is_utf8,
        "isAscii": is_ascii,
        "indexOf": index_of,
        "compare": compare,
    }
