'use strict';

// The machinery under `Buffer`: FastBuffer (the Uint8Array subclass every
// Buffer really is, which bindings use to wrap their ArrayBuffers), the
// per-encoding codecs, and the integer/float/bigint readers and writers that
// buffer.js installs on Buffer.prototype.

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');
// (The engine's base64 and hex codecs, which V8 12.9 does not expose.)
const { fromBase64, fromHex, toBase64, toHex } = require('internal/bootstrap/builtins').engineCodecs;
const { markHiddenValidatorError, markThrowSite } = require('internal/node_throw_sites');

const binding = internalBinding('buffer');

class FastBuffer extends Uint8Array {
  // Kept explicit so `new FastBuffer(arrayBuffer, offset, length)` is the
  // documented way for bindings to wrap memory without copying.
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// ---- small helpers ------------------------------------------------------------

// A call into the Python codecs costs about 0.45 us; an interpreted loop
// about 55 ns per character when encoding and 30 ns per byte when decoding.
// Up to these sizes the loop wins (see bench/buffer_codec.py).
const kSmallEncode = 4;
const kSmallDecode = 12;
// Up to this many bytes, String.fromCharCode beats the binding for latin1.
const kSmallLatin1 = 64;
// Arguments per String.fromCharCode.apply call.
const kCharChunk = 8192;

const getTypedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

function isUint8Array(value) {
  return getTypedArrayTag.call(value) === 'Uint8Array';
}

function isTypedArray(value) {
  return getTypedArrayTag.call(value) !== undefined;
}

function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

// A Uint8Array over exactly the bytes of any ArrayBufferView.
function bytesOf(view) {
  if (isUint8Array(view)) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function charsOf(bytes, start, end) {
  if (end - start <= kCharChunk) {
    return String.fromCharCode.apply(null, start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
  }
  let s = '';
  for (let i = start; i < end; i += kCharChunk) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + kCharChunk, end)));
  }
  return s;
}

function viewOf(buf, start, end) {
  return start === 0 && end === buf.length ? buf : buf.subarray(start, end);
}

// Copy `src` (a Uint8Array) into `buf` at `offset`, at most `max` bytes.
function copyInto(buf, src, offset, max) {
  let n = src.length;
  if (n > max) {
    n = max;
    src = src.subarray(0, n);
  }
  if (n > 0) buf.set(src, offset);
  return n;
}

// ---- decoders (bytes -> string) -------------------------------------------------

function utf8Slice(buf, start, end) {
  if (end - start <= kSmallDecode) {
    let i = start;
    while (i < end && buf[i] < 0x80) i++;
    if (i === end) return charsOf(buf, start, end);
  }
  return binding.utf8Decode(viewOf(buf, start, end));
}

function latin1Slice(buf, start, end) {
  if (end - start <= kSmallLatin1) return charsOf(buf, start, end);
  return binding.latin1Decode(viewOf(buf, start, end));
}

function asciiSlice(buf, start, end) {
  if (end - start <= kSmallDecode) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(buf[i] & 0x7f);
    return s;
  }
  return binding.asciiDecode(viewOf(buf, start, end));
}

function ucs2Slice(buf, start, end) {
  const n = (end - start) >>> 1;
  if (n === 0) return '';
  if (((buf.byteOffset + start) & 1) === 0) {
    const units = new Uint16Array(buf.buffer, buf.byteOffset + start, n);
    if (n <= kCharChunk) return String.fromCharCode.apply(null, units);
  }
  return binding.ucs2Decode(viewOf(buf, start, end));
}

function hexSlice(buf, start, end) {
  return toHex.call(viewOf(buf, start, end));
}

function base64Slice(buf, start, end) {
  return toBase64.call(viewOf(buf, start, end));
}

function base64urlSlice(buf, start, end) {
  return toBase64.call(viewOf(buf, start, end), { alphabet: 'base64url', omitPadding: true });
}

// ---- encoders (string -> fresh Uint8Array) -------------------------------------

function isShortAscii(string) {
  const n = string.length;
  if (n > kSmallEncode) return false;
  for (let i = 0; i < n; i++) {
    if (string.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

function asciiBytes(string) {
  const n = string.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = string.charCodeAt(i);
  return out;
}

function utf8Encode(string) {
  if (isShortAscii(string)) return asciiBytes(string);
  return new Uint8Array(binding.utf8Encode(string));
}

function latin1Encode(string) {
  if (string.length <= kSmallEncode) {
    const n = string.length;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = string.charCodeAt(i);
    return out;
  }
  return new Uint8Array(binding.latin1Encode(string));
}

function ucs2Encode(string) {
  return new Uint8Array(binding.ucs2Encode(string));
}

function hexDigit(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// Pairs of hex digits up to the first invalid pair; an odd last digit is dropped.
function hexEncode(string) {
  const n = string.length >>> 1;
  if ((string.length & 1) === 0) {
    try {
      return fromHex(string);
    } catch {
      // Not entirely valid: decode the valid prefix below.
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const hi = hexDigit(string.charCodeAt(2 * i));
    const lo = hexDigit(string.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return out.subarray(0, i);
    out[i] = hi * 16 + lo;
  }
  return out;
}

// The engine's native decoder takes well-formed input (padding optional,
// ASCII whitespace skipped) and agrees with Node there; anything else (the
// other alphabet, junk characters, data after '=') gets Node's forgiving
// decoder in the binding.
function base64Encode(string) {
  try {
    return fromBase64(string);
  } catch {
    return new Uint8Array(binding.base64Decode(string));
  }
}

function base64urlEncode(string) {
  try {
    return fromBase64(string, kBase64urlAlphabet);
  } catch {
    return new Uint8Array(binding.base64Decode(string));
  }
}

const kBase64urlAlphabet = { alphabet: 'base64url' };

// ---- byte lengths -----------------------------------------------------------------

function utf8ByteLength(string) {
  if (string.length <= kSmallEncode) {
    let n = 0;
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length &&
               (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  return binding.utf8Length(string);
}

function base64ByteLength(string) {
  let n = string.length;
  if (n > 0 && string.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && string.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

// ---- writers (string -> bytes into a buffer) ------------------------------------

function utf8Write(buf, string, offset, length) {
  if (isShortAscii(string)) {
    const n = Math.min(string.length, length);
    for (let i = 0; i < n; i++) buf[offset + i] = string.charCodeAt(i);
    return n;
  }
  const bytes = new Uint8Array(binding.utf8Write(string, length));
  if (bytes.length > 0) buf.set(bytes, offset);
  return bytes.length;
}

function latin1Write(buf, string, offset, length) {
  const n = Math.min(string.length, length);
  if (n <= kSmallEncode) {
    for (let i = 0; i < n; i++) buf[offset + i] = string.charCodeAt(i);
    return n;
  }
  return copyInto(buf, latin1Encode(n === string.length ? string : string.slice(0, n)), offset, n);
}

function ucs2Write(buf, string, offset, length) {
  const units = Math.min(string.length, length >>> 1);
  return copyInto(buf, ucs2Encode(units === string.length ? string : string.slice(0, units)), offset, units * 2);
}

function hexWrite(buf, string, offset, length) {
  return copyInto(buf, hexEncode(string), offset, length);
}

function base64Write(buf, string, offset, length) {
  return copyInto(buf, base64Encode(string), offset, length);
}

function base64urlWrite(buf, string, offset, length) {
  return copyInto(buf, base64urlEncode(string), offset, length);
}

// ---- the encoding table --------------------------------------------------------

// encodingVal numbers the encodings as Node's native code does (ascii 0,
// utf8 1, base64 2, utf16le 3, latin1 4, hex 5, base64url 7).
// `notAStringAt` is where Node's Buffer#write fails for a value that is not
// a string, in that encoding's writer.
function makeOps(encoding, encodingVal, byteLength, write, slice, encode, notAStringAt) {
  return { encoding, encodingVal, byteLength, write, slice, encode, notAStringAt };
}

const encodingOps = {
  utf8: makeOps('utf8', 1, utf8ByteLength, utf8Write, utf8Slice, utf8Encode, 'node:internal/buffer:1068:12'),
  ucs2: makeOps('utf16le', 3, (s) => s.length * 2, ucs2Write, ucs2Slice, ucs2Encode, 'node:buffer:644:46'),
  utf16le: makeOps('utf16le', 3, (s) => s.length * 2, ucs2Write, ucs2Slice, ucs2Encode, 'node:buffer:653:46'),
  latin1: makeOps('latin1', 4, (s) => s.length, latin1Write, latin1Slice, latin1Encode,
                  'node:internal/buffer:1057:12'),
  ascii: makeOps('ascii', 0, (s) => s.length, latin1Write, asciiSlice, latin1Encode, 'node:internal/buffer:1046:12'),
  base64: makeOps('base64', 2, base64ByteLength, base64Write, base64Slice, base64Encode, 'node:buffer:684:46'),
  base64url: makeOps('base64url', 7, base64ByteLength, base64urlWrite, base64urlSlice, base64urlEncode,
                     'node:buffer:698:11'),
  hex: makeOps('hex', 5, (s) => s.length >>> 1, hexWrite, hexSlice, hexEncode, 'node:buffer:711:46'),
};

// Node's encoding-name matching: exact common spellings first, then any case.
function getEncodingOps(encoding) {
  encoding += '';
  switch (encoding.length) {
    case 4:
      if (encoding === 'utf8') return encodingOps.utf8;
      if (encoding === 'ucs2') return encodingOps.ucs2;
      encoding = encoding.toLowerCase();
      if (encoding === 'utf8') return encodingOps.utf8;
      if (encoding === 'ucs2') return encodingOps.ucs2;
      break;
    case 5:
      if (encoding === 'utf-8') return encodingOps.utf8;
      if (encoding === 'ascii') return encodingOps.ascii;
      if (encoding === 'ucs-2') return encodingOps.ucs2;
      encoding = encoding.toLowerCase();
      if (encoding === 'utf-8') return encodingOps.utf8;
      if (encoding === 'ascii') return encodingOps.ascii;
      if (encoding === 'ucs-2') return encodingOps.ucs2;
      break;
    case 7:
      if (encoding === 'utf16le' || encoding.toLowerCase() === 'utf16le') return encodingOps.utf16le;
      break;
    case 8:
      if (encoding === 'utf-16le' || encoding.toLowerCase() === 'utf-16le') return encodingOps.utf16le;
      break;
    case 6:
      if (encoding === 'latin1' || encoding === 'binary') return encodingOps.latin1;
      if (encoding === 'base64') return encodingOps.base64;
      encoding = encoding.toLowerCase();
      if (encoding === 'latin1' || encoding === 'binary') return encodingOps.latin1;
      if (encoding === 'base64') return encodingOps.base64;
      break;
    case 3:
      if (encoding === 'hex' || encoding.toLowerCase() === 'hex') return encodingOps.hex;
      break;
    case 9:
      if (encoding === 'base64url' || encoding.toLowerCase() === 'base64url') return encodingOps.base64url;
      break;
  }
}

// ---- numeric readers and writers ---------------------------------------------

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type); // at node:internal/buffer:81:5
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value); // at node:internal/buffer:82:11
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS(); // at node:internal/buffer:86:11
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value); // at node:internal/buffer:88:9
}

// Validates `offset` for an access of `size` bytes. Node validates the type
// in each reader (its line is `site`) and, for the writers, in checkBounds.
function checkReadable(buf, offset, size, site = 'node:internal/buffer:55:3') {
  if (typeof offset !== 'number') {
    throw markHiddenValidatorError(new ERR_INVALID_ARG_TYPE('offset', 'number', offset), site);
  }
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

function checkValue(value, min, max, size) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (size > 4) {
      const bits = size * 8;
      range = min === 0 || min === 0n ?
        `>= 0${n} and < 2${n} ** ${bits}${n}` :
        `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value); // at node:internal/buffer:74:11
  }
}

function readUIntLEAt(buf, offset, size, site) {
  checkReadable(buf, offset, size, site);
  let value = 0;
  let mul = 1;
  for (let i = 0; i < size; i++) {
    value += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return value;
}

function readUIntBEAt(buf, offset, size, site) {
  checkReadable(buf, offset, size, site);
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 0x100 + buf[offset + i];
  return value;
}

function signed(value, size) {
  const limit = 2 ** (size * 8 - 1);
  return value >= limit ? value - limit * 2 : value;
}

// The in-range `value` as the unsigned integer whose bytes get stored
// (fractions truncated toward zero, NaN as 0).
function toUnsigned(value, size) {
  const v = Math.trunc(value) || 0;
  return v < 0 ? v + 2 ** (size * 8) : v;
}

function writeLEAt(buf, value, offset, size, min, max) {
  value = +value;
  checkValue(value, min, max, size);
  checkReadable(buf, offset, size);
  let v = toUnsigned(value, size);
  for (let i = 0; i < size; i++) {
    const byte = v % 0x100;
    buf[offset + i] = byte;
    v = (v - byte) / 0x100;
  }
  return offset + size;
}

function writeBEAt(buf, value, offset, size, min, max) {
  value = +value;
  checkValue(value, min, max, size);
  checkReadable(buf, offset, size);
  let v = toUnsigned(value, size);
  for (let i = size - 1; i >= 0; i--) {
    const byte = v % 0x100;
    buf[offset + i] = byte;
    v = (v - byte) / 0x100;
  }
  return offset + size;
}

// Byte writes check the offset's type before the value, as Node does.
function writeByte(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset'); // at node:internal/buffer:738:3
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value); // at node:internal/buffer:740:11
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function checkByteLength(byteLength) {
  if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

// readUIntLE and its siblings each throw this from their own line (`site`).
function checkOffsetGiven(offset, site) {
  if (offset === undefined) throw markThrowSite(new ERR_INVALID_ARG_TYPE('offset', 'number', offset), site);
}

// One scratch buffer for float conversions; the host is little-endian unless
// this says otherwise.
const float32 = new Float32Array(1);
const float64 = new Float64Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64Bytes = new Uint8Array(float64.buffer);
const hostIsBigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function readFloatAt(buf, offset, bigEndian, double, site) {
  const size = double ? 8 : 4;
  checkReadable(buf, offset, size, site);
  const scratch = double ? float64Bytes : float32Bytes;
  const reverse = bigEndian !== hostIsBigEndian;
  for (let i = 0; i < size; i++) scratch[reverse ? size - 1 - i : i] = buf[offset + i];
  return double ? float64[0] : float32[0];
}

function writeFloatAt(buf, value, offset, bigEndian, double) {
  const size = double ? 8 : 4;
  value = +value;
  checkReadable(buf, offset, size);
  if (double) float64[0] = value; else float32[0] = value;
  const scratch = double ? float64Bytes : float32Bytes;
  const reverse = bigEndian !== hostIsBigEndian;
  for (let i = 0; i < size; i++) buf[offset + i] = scratch[reverse ? size - 1 - i : i];
  return offset + size;
}

function readBig64(buf, offset, bigEndian, isSigned, site) {
  checkReadable(buf, offset, 8, site);
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(buf[offset + (bigEndian ? i : 7 - i)]);
  return isSigned ? BigInt.asIntN(64, value) : value;
}

function writeBig64(buf, value, offset, bigEndian, min, max) {
  checkValue(value, min, max, 8);
  checkReadable(buf, offset, 8);
  if (typeof value !== 'bigint') {
    // Where Node's writer first mixes the value with a BigInt.
    const site = bigEndian ? 'node:internal/buffer:609:25' : 'node:internal/buffer:583:25';
    throw markThrowSite(new TypeError('Cannot mix BigInt and other types, use explicit conversions'), site);
  }
  let v = BigInt.asUintN(64, value);
  for (let i = 0; i < 8; i++) {
    buf[offset + (bigEndian ? 7 - i : i)] = Number(v & 0xffn);
    v >>= 8n;
  }
  return offset + 8;
}

// Fast paths for 16- and 32-bit access: a number offset whose first and last
// bytes exist needs no other check; anything else takes the general path,
// which validates and throws Node's errors.
function readUInt16(buf, offset, bigEndian, site) {
  if (typeof offset === 'number') {
    const a = buf[offset];
    const b = buf[offset + 1];
    if (a !== undefined && b !== undefined) return bigEndian ? (a << 8) | b : a | (b << 8);
  }
  return bigEndian ? readUIntBEAt(buf, offset, 2, site) : readUIntLEAt(buf, offset, 2, site);
}

function readUInt32(buf, offset, bigEndian, site) {
  if (typeof offset === 'number') {
    const a = buf[offset];
    const d = buf[offset + 3];
    if (a !== undefined && d !== undefined) {
      const b = buf[offset + 1];
      const c = buf[offset + 2];
      return bigEndian ?
        a * 0x1000000 + ((b << 16) | (c << 8) | d) :
        d * 0x1000000 + ((c << 16) | (b << 8) | a);
    }
  }
  return bigEndian ? readUIntBEAt(buf, offset, 4, site) : readUIntLEAt(buf, offset, 4, site);
}

function writeInt16(buf, value, offset, bigEndian, min, max) {
  value = +value;
  if (value <= max && value >= min && typeof offset === 'number' &&
      buf[offset] !== undefined && buf[offset + 1] !== undefined) {
    buf[offset + (bigEndian ? 1 : 0)] = value;
    buf[offset + (bigEndian ? 0 : 1)] = value >>> 8;
    return offset + 2;
  }
  return (bigEndian ? writeBEAt : writeLEAt)(buf, value, offset, 2, min, max);
}

function writeInt32(buf, value, offset, bigEndian, min, max) {
  value = +value;
  if (value <= max && value >= min && typeof offset === 'number' &&
      buf[offset] !== undefined && buf[offset + 3] !== undefined) {
    if (bigEndian) {
      buf[offset + 3] = value;
      buf[offset + 2] = value >>> 8;
      buf[offset + 1] = value >>> 16;
      buf[offset] = value >>> 24;
    } else {
      buf[offset] = value;
      buf[offset + 1] = value >>> 8;
      buf[offset + 2] = value >>> 16;
      buf[offset + 3] = value >>> 24;
    }
    return offset + 4;
  }
  return (bigEndian ? writeBEAt : writeLEAt)(buf, value, offset, 4, min, max);
}

const kIntRange = [null, [-0x80, 0x7f], [-0x8000, 0x7fff], [-0x800000, 0x7fffff],
  [-0x80000000, 0x7fffffff], [-0x8000000000, 0x7fffffffff], [-0x800000000000, 0x7fffffffffff]];

// Node's line validating a reader's offset: each reader has its own (the
// variable-width ones dispatch on the width; the float ones are picked by the
// host's byte order).
const kUInt8Site = 'node:internal/buffer:251:3';
const kInt8Site = 'node:internal/buffer:423:3';
const kReadSites = {
  u16le: 'node:internal/buffer:241:3',
  u16be: 'node:internal/buffer:330:3',
  u32le: 'node:internal/buffer:218:3',
  u32be: 'node:internal/buffer:307:3',
  i16le: 'node:internal/buffer:412:3',
  i16be: 'node:internal/buffer:504:3',
  i32le: 'node:internal/buffer:388:3',
  i32be: 'node:internal/buffer:480:3',
  floatle: hostIsBigEndian ? 'node:internal/buffer:516:3' : 'node:internal/buffer:530:3',
  floatbe: hostIsBigEndian ? 'node:internal/buffer:530:3' : 'node:internal/buffer:516:3',
  doublele: hostIsBigEndian ? 'node:internal/buffer:544:3' : 'node:internal/buffer:562:3',
  doublebe: hostIsBigEndian ? 'node:internal/buffer:562:3' : 'node:internal/buffer:544:3',
};
kReadSites.uintle = [undefined, kUInt8Site, kReadSites.u16le, 'node:internal/buffer:231:3', kReadSites.u32le,
  'node:internal/buffer:204:3', 'node:internal/buffer:190:3'];
kReadSites.uintbe = [undefined, kUInt8Site, kReadSites.u16be, 'node:internal/buffer:320:3', kReadSites.u32be,
  'node:internal/buffer:293:3', 'node:internal/buffer:279:3'];
kReadSites.intle = [undefined, kInt8Site, kReadSites.i16le, 'node:internal/buffer:401:3', kReadSites.i32le,
  'node:internal/buffer:374:3', 'node:internal/buffer:359:3'];
kReadSites.intbe = [undefined, kInt8Site, kReadSites.i16be, 'node:internal/buffer:493:3', kReadSites.i32be,
  'node:internal/buffer:466:3', 'node:internal/buffer:451:3'];

// Methods shared by Buffer.prototype (named as Node names them; the
// `Uint*` spellings are aliases). Plain functions, as Node's are (each has a
// `prototype`).
const numberMethods = {
  readUInt8: function(offset = 0) {
    validateNumber(offset, 'offset'); // at node:internal/buffer:251:3
    const value = this[offset];
    if (value === undefined) boundsError(offset, this.length - 1);
    return value;
  },
  readInt8: function(offset = 0) {
    validateNumber(offset, 'offset'); // at node:internal/buffer:423:3
    const value = this[offset];
    if (value === undefined) boundsError(offset, this.length - 1);
    return value > 0x7f ? value - 0x100 : value;
  },
  readUInt16LE: function(offset = 0) { return readUInt16(this, offset, false, kReadSites.u16le); },
  readUInt16BE: function(offset = 0) { return readUInt16(this, offset, true, kReadSites.u16be); },
  readUInt32LE: function(offset = 0) { return readUInt32(this, offset, false, kReadSites.u32le); },
  readUInt32BE: function(offset = 0) { return readUInt32(this, offset, true, kReadSites.u32be); },
  readInt16LE: function(offset = 0) { return (readUInt16(this, offset, false, kReadSites.i16le) << 16) >> 16; },
  readInt16BE: function(offset = 0) { return (readUInt16(this, offset, true, kReadSites.i16be) << 16) >> 16; },
  readInt32LE: function(offset = 0) { return readUInt32(this, offset, false, kReadSites.i32le) | 0; },
  readInt32BE: function(offset = 0) { return readUInt32(this, offset, true, kReadSites.i32be) | 0; },
  readUIntLE: function(offset, byteLength) {
    checkOffsetGiven(offset, 'node:internal/buffer:172:11');
    checkByteLength(byteLength);
    return readUIntLEAt(this, offset, byteLength, kReadSites.uintle[byteLength]);
  },
  readUIntBE: function(offset, byteLength) {
    checkOffsetGiven(offset, 'node:internal/buffer:261:11');
    checkByteLength(byteLength);
    return readUIntBEAt(this, offset, byteLength, kReadSites.uintbe[byteLength]);
  },
  readIntLE: function(offset, byteLength) {
    checkOffsetGiven(offset, 'node:internal/buffer:341:11');
    checkByteLength(byteLength);
    const size = byteLength;
    return signed(readUIntLEAt(this, offset, size, kReadSites.intle[size]), size);
  },
  readIntBE: function(offset, byteLength) {
    checkOffsetGiven(offset, 'node:internal/buffer:433:11');
    checkByteLength(byteLength);
    const size = byteLength;
    return signed(readUIntBEAt(this, offset, size, kReadSites.intbe[size]), size);
  },
  readFloatLE: function(offset = 0) { return readFloatAt(this, offset, false, false, kReadSites.floatle); },
  readFloatBE: function(offset = 0) { return readFloatAt(this, offset, true, false, kReadSites.floatbe); },
  readDoubleLE: function(offset = 0) { return readFloatAt(this, offset, false, true, kReadSites.doublele); },
  readDoubleBE: function(offset = 0) { return readFloatAt(this, offset, true, true, kReadSites.doublebe); },
  readBigUInt64LE: function(offset = 0) { return readBig64(this, offset, false, false, 'node:internal/buffer:95:3'); },
  readBigUInt64BE: function(offset = 0) { return readBig64(this, offset, true, false, 'node:internal/buffer:115:3'); },
  readBigInt64LE: function(offset = 0) { return readBig64(this, offset, false, true, 'node:internal/buffer:135:3'); },
  readBigInt64BE: function(offset = 0) { return readBig64(this, offset, true, true, 'node:internal/buffer:153:3'); },

  writeUInt8: function(value, offset = 0) { return writeByte(this, value, offset, 0, 0xff); },
  writeInt8: function(value, offset = 0) { return writeByte(this, value, offset, -0x80, 0x7f); },
  writeUInt16LE: function(value, offset = 0) { return writeInt16(this, value, offset, false, 0, 0xffff); },
  writeUInt16BE: function(value, offset = 0) { return writeInt16(this, value, offset, true, 0, 0xffff); },
  writeUInt32LE: function(value, offset = 0) { return writeInt32(this, value, offset, false, 0, 0xffffffff); },
  writeUInt32BE: function(value, offset = 0) { return writeInt32(this, value, offset, true, 0, 0xffffffff); },
  writeInt16LE: function(value, offset = 0) { return writeInt16(this, value, offset, false, -0x8000, 0x7fff); },
  writeInt16BE: function(value, offset = 0) { return writeInt16(this, value, offset, true, -0x8000, 0x7fff); },
  writeInt32LE: function(value, offset = 0) { return writeInt32(this, value, offset, false, -0x80000000, 0x7fffffff); },
  writeInt32BE: function(value, offset = 0) { return writeInt32(this, value, offset, true, -0x80000000, 0x7fffffff); },
  writeUIntLE: function(value, offset, byteLength) {
    checkByteLength(byteLength);
    const size = byteLength;
    if (size === 1) return writeByte(this, value, offset, 0, 0xff);
    return writeLEAt(this, value, offset, size, 0, 2 ** (size * 8) - 1);
  },
  writeUIntBE: function(value, offset, byteLength) {
    checkByteLength(byteLength);
    const size = byteLength;
    if (size === 1) return writeByte(this, value, offset, 0, 0xff);
    return writeBEAt(this, value, offset, size, 0, 2 ** (size * 8) - 1);
  },
  writeIntLE: function(value, offset, byteLength) {
    checkByteLength(byteLength);
    const size = byteLength;
    const [min, max] = kIntRange[size];
    if (size === 1) return writeByte(this, value, offset, min, max);
    return writeLEAt(this, value, offset, size, min, max);
  },
  writeIntBE: function(value, offset, byteLength) {
    checkByteLength(byteLength);
    const size = byteLength;
    const [min, max] = kIntRange[size];
    if (size === 1) return writeByte(this, value, offset, min, max);
    return writeBEAt(this, value, offset, size, min, max);
  },
  writeFloatLE: function(value, offset = 0) { return writeFloatAt(this, value, offset, false, false); },
  writeFloatBE: function(value, offset = 0) { return writeFloatAt(this, value, offset, true, false); },
  writeDoubleLE: function(value, offset = 0) { return writeFloatAt(this, value, offset, false, true); },
  writeDoubleBE: function(value, offset = 0) { return writeFloatAt(this, value, offset, true, true); },
  writeBigUInt64LE: function(value, offset = 0) { return writeBig64(this, value, offset, false, 0n, 0xffffffffffffffffn); },
  writeBigUInt64BE: function(value, offset = 0) { return writeBig64(this, value, offset, true, 0n, 0xffffffffffffffffn); },
  writeBigInt64LE: function(value, offset = 0) {
    return writeBig64(this, value, offset, false, -0x8000000000000000n, 0x7fffffffffffffffn);
  },
  writeBigInt64BE: function(value, offset = 0) {
    return writeBig64(this, value, offset, true, -0x8000000000000000n, 0x7fffffffffffffffn);
  },
};

// ---- encoding-named slice/write methods (Buffer.prototype.utf8Slice, ...) ------

// The errors of Node's native buffer methods: no [code] in the stack line,
// and, as a native function has no frame, a stack that starts at the caller
// of `method` (when given).
function nativeError(Ctor, message, code, method) {
  const err = new Ctor(message);
  err.code = code;
  if (method !== undefined) Error.captureStackTrace(err, method);
  return err;
}

function notAString(method) {
  return nativeError(TypeError, 'argument must be a string', 'ERR_INVALID_ARG_TYPE', method);
}

// Positions given to the native methods: integers, never negative.
function indexArg(value, def, method) {
  if (value === undefined) return def;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw nativeError(RangeError, 'Index out of range', 'ERR_OUT_OF_RANGE', method);
  return n;
}

// Node's native methods show their name, a length of 0 and no `prototype`:
// methods named `name`, their length set to 0.
function nativeLike(method) {
  Object.defineProperty(method, 'length', { __proto__: null, value: 0 });
  return method;
}

function sliceMethod(name, slice) {
  const method = nativeLike({
    [name](start, end) {
      const len = this.length;
      start = indexArg(start, 0, method);
      end = indexArg(end, len, method);
      if (end < start) end = start;
      if (end > len) throw nativeError(RangeError, 'Index out of range', 'ERR_OUT_OF_RANGE', method);
      return start === end ? '' : slice(this, start, end);
    },
  }[name]);
  return method;
}

// utf8Write/latin1Write/asciiWrite check their range strictly, in JavaScript
// in Node too: `sites` are Node's lines for a bad offset, a bad length and a
// value that is not a string.
function strictWriteMethod(write, sites) {
  return function(string, offset = 0, length = this.byteLength - offset) {
    if (offset < 0 || offset > this.byteLength) throw markThrowSite(new ERR_BUFFER_OUT_OF_BOUNDS('offset'), sites[0]);
    if (length < 0 || length > this.byteLength - offset) {
      throw markThrowSite(new ERR_BUFFER_OUT_OF_BOUNDS('length'), sites[1]);
    }
    if (typeof string !== 'string') throw markThrowSite(notAString(), sites[2]);
    offset = Math.trunc(+offset) || 0;
    length = Math.trunc(+length) || 0;
    return length === 0 ? 0 : write(this, string, offset, length);
  };
}

// The other encodings' writers (native in Node) clip the length to the buffer.
function clippingWriteMethod(name, write) {
  const method = nativeLike({
    [name](string, offset, length) {
      if (typeof string !== 'string') throw notAString(method);
      const len = this.length;
      offset = indexArg(offset, 0, method);
      if (offset > len) {
        throw nativeError(RangeError, '"offset" is outside of buffer bounds', 'ERR_BUFFER_OUT_OF_BOUNDS', method);
      }
      length = Math.min(len - offset, indexArg(length, len - offset, method));
      return length === 0 ? 0 : write(this, string, offset, length);
    },
  }[name]);
  return method;
}

// Node names its float methods by the host's byte order: on a little-endian
// host the LE ones go "forwards".
{
  const [le, be] = hostIsBigEndian ? ['Backwards', 'Forwards'] : ['Forwards', 'Backwards'];
  for (const op of ['readFloat', 'readDouble', 'writeFloat', 'writeDouble']) {
    Object.defineProperty(numberMethods[`${op}LE`], 'name', { __proto__: null, value: `${op}${le}` });
    Object.defineProperty(numberMethods[`${op}BE`], 'name', { __proto__: null, value: `${op}${be}` });
  }
}

function addBufferPrototypeMethods(proto) {
  for (const name of Object.keys(numberMethods)) {
    const method = numberMethods[name];
    proto[name] = method;
    if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = method;
  }
  proto.asciiSlice = sliceMethod('asciiSlice', asciiSlice);
  proto.base64Slice = sliceMethod('base64Slice', base64Slice);
  proto.base64urlSlice = sliceMethod('base64urlSlice', base64urlSlice);
  proto.latin1Slice = sliceMethod('latin1Slice', latin1Slice);
  proto.hexSlice = sliceMethod('hexSlice', hexSlice);
  proto.ucs2Slice = sliceMethod('ucs2Slice', ucs2Slice);
  proto.utf8Slice = sliceMethod('utf8Slice', utf8Slice);
  proto.asciiWrite = strictWriteMethod(latin1Write,
    ['node:internal/buffer:1041:13', 'node:internal/buffer:1044:13', 'node:internal/buffer:1046:12']);
  proto.latin1Write = strictWriteMethod(latin1Write,
    ['node:internal/buffer:1052:13', 'node:internal/buffer:1055:13', 'node:internal/buffer:1057:12']);
  proto.utf8Write = strictWriteMethod(utf8Write,
    ['node:internal/buffer:1063:13', 'node:internal/buffer:1066:13', 'node:internal/buffer:1068:12']);
  proto.base64Write = clippingWriteMethod('base64Write', base64Write);
  proto.base64urlWrite = clippingWriteMethod('base64urlWrite', base64urlWrite);
  proto.hexWrite = clippingWriteMethod('hexWrite', hexWrite);
  proto.ucs2Write = clippingWriteMethod('ucs2Write', ucs2Write);
}

// Node marks pooled buffers so structuredClone refuses to transfer them.
const untransferable = new WeakSet();
function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') untransferable.add(obj);
}
function isMarkedAsUntransferable(obj) {
  return obj != null && untransferable.has(obj);
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  binding,
  bytesOf,
  encodingOps,
  getEncodingOps,
  isAnyArrayBuffer,
  isMarkedAsUntransferable,
  isTypedArray,
  isUint8Array,
  markAsUntransferable,
  notAString,
  utf8ByteLength,
  utf8Encode,
  utf8Slice,
};

// FastBuffer.prototype is Buffer.prototype: make sure buffer.js has given it
// its methods even when only this module was required.
require('buffer');
