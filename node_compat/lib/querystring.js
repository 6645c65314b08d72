'use strict';

// node:querystring — the classic `a=1&b=2` codec that url.parse(…, true)
// and many HTTP libraries use: parse/decode, stringify/encode, escape,
// unescape, unescapeBuffer.

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

const HEX = [];
for (let i = 0; i < 256; i++) HEX.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Characters escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const UNRESERVED = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  UNRESERVED[ch.charCodeAt(0)] = 1;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Percent-decode into a Buffer. Characters other than valid %XX escapes
// contribute their low byte, as Node's does; `decodeSpaces` maps '+' to ' '.
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    bytes.push(c === 0x2B && decodeSpaces ? 0x20 : c & 0xFF);
  }
  return require('buffer').Buffer.from(bytes);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && UNRESERVED[c] === 1) continue;
    if (last < i) out += str.slice(last, i);
    if (c < 0x80) {
      out += HEX[c];
    } else if (c < 0x800) {
      out += HEX[0xC0 | (c >> 6)] + HEX[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += HEX[0xE0 | (c >> 12)] + HEX[0x80 | ((c >> 6) & 0x3F)] + HEX[0x80 | (c & 0x3F)];
    } else {
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c > 0xDBFF || next < 0xDC00 || next > 0xDFFF) throw new ERR_INVALID_URI();
      c = 0x10000 + (((c & 0x3FF) << 10) | (next & 0x3FF));
      i++;
      out += HEX[0xF0 | (c >> 18)] + HEX[0x80 | ((c >> 12) & 0x3F)] +
             HEX[0x80 | ((c >> 6) & 0x3F)] + HEX[0x80 | (c & 0x3F)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < str.length) out += str.slice(last);
  return out;
}

function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  const encode = typeof options?.encodeURIComponent === 'function' ? options.encodeURIComponent : qsEscape;
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = encode(stringifyPrimitive(key)) + eq;
    if (Array.isArray(value)) {
      for (const item of value) fields.push(prefix + encode(stringifyPrimitive(item)));
    } else {
      fields.push(prefix + encode(stringifyPrimitive(value)));
    }
  }
  return fields.join(sep);
}

function addPair(obj, key, value) {
  if (key in obj) {
    const current = obj[key];
    if (Array.isArray(current)) current.push(value);
    else obj[key] = [current, value];
  } else {
    obj[key] = value;
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepStr = sep ? String(sep) : '&';
  const eqStr = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (typeof options?.maxKeys === 'number') maxKeys = options.maxKeys;
  let decode = qsUnescape;
  if (typeof options?.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  // Only parts holding a '+' or a valid %XX escape are decoded, unless the
  // caller brought a decoder of its own.
  const custom = decode !== qsUnescape;
  const decodePart = (part) => {
    const plus = part.includes('+');
    if (plus) part = part.replace(/\+/g, '%20');
    return custom || plus || /%[0-9A-Fa-f]{2}/.test(part) ? decode(part) : part;
  };
  let segments = qs.split(sepStr);
  if (maxKeys > 0 && segments.length > maxKeys) segments = segments.slice(0, maxKeys);
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const at = segment.indexOf(eqStr);
    const key = at === -1 ? segment : segment.slice(0, at);
    const value = at === -1 ? '' : segment.slice(at + eqStr.length);
    addPair(obj, decodePart(key), decodePart(value));
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
