'use strict';

// Percent-encoding as the WHATWG URL standard defines it: the encode sets
// the parser uses for each component, UTF-8 percent-encoding of strings,
// percent-decoding to bytes, and a UTF-8 decoder that replaces invalid
// sequences with U+FFFD (what "UTF-8 decode without BOM" means).

const HEX = [];
for (let i = 0; i < 256; i++) HEX.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// One table per encode set over ASCII; everything above U+007E is always encoded.
function makeSet(base, extra) {
  const table = new Uint8Array(128);
  if (base !== undefined) table.set(base);
  for (let i = 0; i < 0x20; i++) table[i] = 1;
  table[0x7F] = 1;
  for (const ch of extra) table[ch.charCodeAt(0)] = 1;
  return table;
}

const C0_CONTROL = makeSet(undefined, '');
const FRAGMENT = makeSet(C0_CONTROL, ' "<>`');
const QUERY = makeSet(C0_CONTROL, ' "#<>');
const SPECIAL_QUERY = makeSet(QUERY, "'");
// Node 23.5 (Ada) leaves '^' unencoded in paths.
const PATH = makeSet(QUERY, '?`{}');
const USERINFO = makeSet(PATH, '/:;=@[\\]^|');
const COMPONENT = makeSet(USERINFO, '$%&+,');
const FORM = makeSet(COMPONENT, "!'()~");

// Append the UTF-8 percent-encoding of the code point starting at `s[i]`;
// returns how many UTF-16 units it used. Lone surrogates encode as U+FFFD.
function encodeCodePoint(s, i, parts) {
  let c = s.charCodeAt(i);
  let used = 1;
  if (c >= 0xD800 && c <= 0xDFFF) {
    const next = s.charCodeAt(i + 1);
    if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
      used = 2;
    } else {
      c = 0xFFFD;
    }
  }
  if (c < 0x80) {
    parts.push(HEX[c]);
  } else if (c < 0x800) {
    parts.push(HEX[0xC0 | (c >> 6)], HEX[0x80 | (c & 63)]);
  } else if (c < 0x10000) {
    parts.push(HEX[0xE0 | (c >> 12)], HEX[0x80 | ((c >> 6) & 63)], HEX[0x80 | (c & 63)]);
  } else {
    parts.push(HEX[0xF0 | (c >> 18)], HEX[0x80 | ((c >> 12) & 63)],
               HEX[0x80 | ((c >> 6) & 63)], HEX[0x80 | (c & 63)]);
  }
  return used;
}

// UTF-8 percent-encode every code point of `s` that is in `set`.
function percentEncode(s, set, spaceAsPlus = false) {
  const len = s.length;
  let i = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || set[c] === 1) break;
  }
  if (i === len) return s;
  const parts = [s.slice(0, i)];
  let start = i;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && set[c] === 0) {
      i++;
      continue;
    }
    if (start < i) parts.push(s.slice(start, i));
    if (c === 0x20 && spaceAsPlus) {
      parts.push('+');
      i++;
    } else {
      i += encodeCodePoint(s, i, parts);
    }
    start = i;
  }
  if (start < len) parts.push(s.slice(start));
  return parts.join('');
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// UTF-8 bytes of a string (lone surrogates become U+FFFD), as an array of numbers.
function utf8Bytes(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    }
    if (c < 0x800) {
      out.push(0xC0 | (c >> 6), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xE0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xF0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

// Percent-decode a string into bytes: `%XX` becomes the byte, anything else
// its UTF-8 encoding. `plusAsSpace` is the form-urlencoded rule.
function percentDecodeBytes(s, plusAsSpace = false) {
  const bytes = utf8Bytes(s);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out.push(plusAsSpace && b === 0x2B ? 0x20 : b);
  }
  return out;
}

// Decode UTF-8 bytes; each maximal invalid subpart becomes one U+FFFD.
function utf8Decode(bytes) {
  let out = '';
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need;
    let cp;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0x0F;
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x07;
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (j >= len || c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out += '\uFFFD';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function percentDecode(s, plusAsSpace = false) {
  if (s.indexOf('%') === -1 && (!plusAsSpace || s.indexOf('+') === -1)) {
    return s.toWellFormed();
  }
  return utf8Decode(percentDecodeBytes(s, plusAsSpace));
}

module.exports = {
  C0_CONTROL,
  COMPONENT,
  FORM,
  FRAGMENT,
  PATH,
  QUERY,
  SPECIAL_QUERY,
  USERINFO,
  percentDecode,
  percentDecodeBytes,
  percentEncode,
  utf8Decode,
};
