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
const { markThrowSite } = require('internal/node_throw_sites');

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

// Node's readers and writers are one function per width and byte order, and
// an error's stack shows them: `at boundsError`, `at checkBounds`, `at
// writeU_Int16LE`, `at Buffer.writeUInt16LE`. So they are here too, one
// function for each of Node's, and each line that can lead to an error says
// which of Node's frames it is (see modules/node_frames.py). The float
// methods' frames are named as on a little-endian host, where the LE ones go
// "forwards". The checks come first as plain tests, so a valid access makes
// no call.

// The `size` bytes at `offset` as an unsigned integer, or undefined when
// they are not all there (an offset out of range, fractional or NaN).
function uintLE(buf, offset, size) {
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) return undefined;
  let value = 0;
  let mul = 1;
  for (let i = 0; i < size; i++) {
    value += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return value;
}

function uintBE(buf, offset, size) {
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) return undefined;
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 0x100 + buf[offset + i];
  return value;
}

function signed(value, size) {
  const limit = 2 ** (size * 8 - 1);
  return value >= limit ? value - limit * 2 : value;
}

// -- readers -------------------------------------------------------------------

function readUInt8(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readUInt8 (node:internal/buffer:251:3)
  const value = this[offset];
  if (value === undefined) boundsError(offset, this.length - 1); // at Buffer.readUInt8 (node:internal/buffer:254:5)
  return value;
}

function readInt8(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readInt8 (node:internal/buffer:423:3)
  const value = this[offset];
  if (value === undefined) boundsError(offset, this.length - 1); // at Buffer.readInt8 (node:internal/buffer:426:5)
  return (value << 24) >> 24;
}

function readUInt16LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readUInt16LE (node:internal/buffer:241:3)
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2); // at Buffer.readUInt16LE (node:internal/buffer:245:5)
  return a | (b << 8);
}

function readUInt16BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readUInt16BE (node:internal/buffer:330:3)
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2); // at Buffer.readUInt16BE (node:internal/buffer:334:5)
  return (a << 8) | b;
}

function readInt16LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readInt16LE (node:internal/buffer:412:3)
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2); // at Buffer.readInt16LE (node:internal/buffer:416:5)
  return ((a | (b << 8)) << 16) >> 16;
}

function readInt16BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readInt16BE (node:internal/buffer:504:3)
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2); // at Buffer.readInt16BE (node:internal/buffer:508:5)
  return (((a << 8) | b) << 16) >> 16;
}

function readUInt32LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readUInt32LE (node:internal/buffer:218:3)
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4); // at Buffer.readUInt32LE (node:internal/buffer:222:5)
  return d * 0x1000000 + ((this[offset + 2] << 16) | (this[offset + 1] << 8) | a);
}

function readUInt32BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readUInt32BE (node:internal/buffer:307:3)
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4); // at Buffer.readUInt32BE (node:internal/buffer:311:5)
  return a * 0x1000000 + ((this[offset + 1] << 16) | (this[offset + 2] << 8) | d);
}

function readInt32LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readInt32LE (node:internal/buffer:388:3)
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4); // at Buffer.readInt32LE (node:internal/buffer:392:5)
  return (d << 24) | (this[offset + 2] << 16) | (this[offset + 1] << 8) | a;
}

function readInt32BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readInt32BE (node:internal/buffer:480:3)
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4); // at Buffer.readInt32BE (node:internal/buffer:484:5)
  return (a << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) | d;
}

// The widths that are no method of their own (readUIntLE and its siblings
// call them).
function readUInt24LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:231:3
  return uintLE(buf, offset, 3) ?? boundsError(offset, buf.length - 3); // at node:internal/buffer:235:5
}

function readUInt40LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:204:3
  return uintLE(buf, offset, 5) ?? boundsError(offset, buf.length - 5); // at node:internal/buffer:208:5
}

function readUInt48LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:190:3
  return uintLE(buf, offset, 6) ?? boundsError(offset, buf.length - 6); // at node:internal/buffer:194:5
}

function readUInt24BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:320:3
  return uintBE(buf, offset, 3) ?? boundsError(offset, buf.length - 3); // at node:internal/buffer:324:5
}

function readUInt40BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:293:3
  return uintBE(buf, offset, 5) ?? boundsError(offset, buf.length - 5); // at node:internal/buffer:297:5
}

function readUInt48BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:279:3
  return uintBE(buf, offset, 6) ?? boundsError(offset, buf.length - 6); // at node:internal/buffer:283:5
}

function readInt24LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:401:3
  return signed(uintLE(buf, offset, 3) ?? boundsError(offset, buf.length - 3), 3); // at node:internal/buffer:405:5
}

function readInt40LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:374:3
  return signed(uintLE(buf, offset, 5) ?? boundsError(offset, buf.length - 5), 5); // at node:internal/buffer:378:5
}

function readInt48LE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:359:3
  return signed(uintLE(buf, offset, 6) ?? boundsError(offset, buf.length - 6), 6); // at node:internal/buffer:363:5
}

function readInt24BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:493:3
  return signed(uintBE(buf, offset, 3) ?? boundsError(offset, buf.length - 3), 3); // at node:internal/buffer:497:5
}

function readInt40BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:466:3
  return signed(uintBE(buf, offset, 5) ?? boundsError(offset, buf.length - 5), 5); // at node:internal/buffer:470:5
}

function readInt48BE(buf, offset) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:451:3
  return signed(uintBE(buf, offset, 6) ?? boundsError(offset, buf.length - 6), 6); // at node:internal/buffer:455:5
}

// The variable-width readers hand each width to its reader, the widths that
// are methods through `this`, as Node does (a buffer's own override runs).
function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset); // at Buffer.readUIntLE (node:internal/buffer:172:11)
  switch (byteLength) {
    case 1: return this.readUInt8(offset); // at Buffer.readUIntLE (node:internal/buffer:184:17)
    case 2: return this.readUInt16LE(offset); // at Buffer.readUIntLE (node:internal/buffer:182:17)
    case 3: return readUInt24LE(this, offset); // at Buffer.readUIntLE (node:internal/buffer:178:12)
    case 4: return this.readUInt32LE(offset); // at Buffer.readUIntLE (node:internal/buffer:180:17)
    case 5: return readUInt40LE(this, offset); // at Buffer.readUIntLE (node:internal/buffer:176:12)
    case 6: return readUInt48LE(this, offset); // at Buffer.readUIntLE (node:internal/buffer:174:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.readUIntLE (node:internal/buffer:186:3)
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset); // at Buffer.readUIntBE (node:internal/buffer:261:11)
  switch (byteLength) {
    case 1: return this.readUInt8(offset); // at Buffer.readUIntBE (node:internal/buffer:273:17)
    case 2: return this.readUInt16BE(offset); // at Buffer.readUIntBE (node:internal/buffer:271:17)
    case 3: return readUInt24BE(this, offset); // at Buffer.readUIntBE (node:internal/buffer:267:12)
    case 4: return this.readUInt32BE(offset); // at Buffer.readUIntBE (node:internal/buffer:269:17)
    case 5: return readUInt40BE(this, offset); // at Buffer.readUIntBE (node:internal/buffer:265:12)
    case 6: return readUInt48BE(this, offset); // at Buffer.readUIntBE (node:internal/buffer:263:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.readUIntBE (node:internal/buffer:275:3)
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset); // at Buffer.readIntLE (node:internal/buffer:341:11)
  switch (byteLength) {
    case 1: return this.readInt8(offset); // at Buffer.readIntLE (node:internal/buffer:353:17)
    case 2: return this.readInt16LE(offset); // at Buffer.readIntLE (node:internal/buffer:351:17)
    case 3: return readInt24LE(this, offset); // at Buffer.readIntLE (node:internal/buffer:347:12)
    case 4: return this.readInt32LE(offset); // at Buffer.readIntLE (node:internal/buffer:349:17)
    case 5: return readInt40LE(this, offset); // at Buffer.readIntLE (node:internal/buffer:345:12)
    case 6: return readInt48LE(this, offset); // at Buffer.readIntLE (node:internal/buffer:343:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.readIntLE (node:internal/buffer:355:3)
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset); // at Buffer.readIntBE (node:internal/buffer:433:11)
  switch (byteLength) {
    case 1: return this.readInt8(offset); // at Buffer.readIntBE (node:internal/buffer:445:17)
    case 2: return this.readInt16BE(offset); // at Buffer.readIntBE (node:internal/buffer:443:17)
    case 3: return readInt24BE(this, offset); // at Buffer.readIntBE (node:internal/buffer:439:12)
    case 4: return this.readInt32BE(offset); // at Buffer.readIntBE (node:internal/buffer:441:17)
    case 5: return readInt40BE(this, offset); // at Buffer.readIntBE (node:internal/buffer:437:12)
    case 6: return readInt48BE(this, offset); // at Buffer.readIntBE (node:internal/buffer:435:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.readIntBE (node:internal/buffer:447:3)
}

// One scratch buffer for float conversions; the host is little-endian unless
// this says otherwise.
const float32 = new Float32Array(1);
const float64 = new Float64Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64Bytes = new Uint8Array(float64.buffer);
const hostIsBigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

// The float at `offset` of `size` bytes, read in the host's byte order
// (`reverse` false) or the other; undefined when the bytes are not all there.
function floatAt(buf, offset, size, reverse) {
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) return undefined;
  const scratch = size === 8 ? float64Bytes : float32Bytes;
  for (let i = 0; i < size; i++) scratch[reverse ? size - 1 - i : i] = buf[offset + i];
  return size === 8 ? float64[0] : float32[0];
}

function readFloatForwards(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readFloatForwards [as readFloatLE] (node:internal/buffer:530:3)
  return floatAt(this, offset, 4, false) ?? boundsError(offset, this.length - 4); // at Buffer.readFloatForwards [as readFloatLE] (node:internal/buffer:534:5)
}

function readFloatBackwards(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readFloatBackwards [as readFloatBE] (node:internal/buffer:516:3)
  return floatAt(this, offset, 4, true) ?? boundsError(offset, this.length - 4); // at Buffer.readFloatBackwards [as readFloatBE] (node:internal/buffer:520:5)
}

function readDoubleForwards(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readDoubleForwards [as readDoubleLE] (node:internal/buffer:562:3)
  return floatAt(this, offset, 8, false) ?? boundsError(offset, this.length - 8); // at Buffer.readDoubleForwards [as readDoubleLE] (node:internal/buffer:566:5)
}

function readDoubleBackwards(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readDoubleBackwards [as readDoubleBE] (node:internal/buffer:544:3)
  return floatAt(this, offset, 8, true) ?? boundsError(offset, this.length - 8); // at Buffer.readDoubleBackwards [as readDoubleBE] (node:internal/buffer:548:5)
}

// The 64-bit integer at `offset`, most significant byte first or last;
// undefined when the bytes are not all there.
function bigAt(buf, offset, bigEndian, isSigned) {
  if (buf[offset] === undefined || buf[offset + 7] === undefined) return undefined;
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(buf[offset + (bigEndian ? i : 7 - i)]);
  return isSigned ? BigInt.asIntN(64, value) : value;
}

function readBigUInt64LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readBigUInt64LE (node:internal/buffer:95:3)
  return bigAt(this, offset, false, false) ?? boundsError(offset, this.length - 8); // at Buffer.readBigUInt64LE (node:internal/buffer:99:5)
}

function readBigUInt64BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readBigUInt64BE (node:internal/buffer:115:3)
  return bigAt(this, offset, true, false) ?? boundsError(offset, this.length - 8); // at Buffer.readBigUInt64BE (node:internal/buffer:119:5)
}

function readBigInt64LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readBigInt64LE (node:internal/buffer:135:3)
  return bigAt(this, offset, false, true) ?? boundsError(offset, this.length - 8); // at Buffer.readBigInt64LE (node:internal/buffer:139:5)
}

function readBigInt64BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at Buffer.readBigInt64BE (node:internal/buffer:153:3)
  return bigAt(this, offset, true, true) ?? boundsError(offset, this.length - 8); // at Buffer.readBigInt64BE (node:internal/buffer:157:5)
}

// -- writers -------------------------------------------------------------------

// The offset of a write of `last` + 1 bytes: a number whose bytes are all there.
function checkBounds(buf, offset, last) {
  validateNumber(offset, 'offset'); // at node:internal/buffer:55:3
  if (buf[offset] === undefined || buf[offset + last] === undefined) {
    boundsError(offset, buf.length - (last + 1)); // at node:internal/buffer:57:5
  }
}

// The value of a write of `last` + 1 bytes within [min, max], then its offset.
// Past 4 bytes, Node words the range in powers of two.
function checkInt(value, min, max, buf, offset, last) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    const bits = (last + 1) * 8;
    let range;
    if (last < 4) {
      range = `>= ${min}${n} and <= ${max}${n}`;
    } else if (min === 0 || min === 0n) {
      range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
    } else {
      range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value); // at node:internal/buffer:74:11
  }
  checkBounds(buf, offset, last); // at node:internal/buffer:76:3
}

// The in-range `value` as the unsigned integer of `size` bytes that holds it
// (fractions truncated toward zero, NaN as 0).
function toUnsigned(value, size) {
  const v = Math.trunc(value) || 0;
  return v < 0 ? v + 2 ** (size * 8) : v;
}

function storeLE(buf, value, offset, size) {
  let v = toUnsigned(value, size);
  for (let i = 0; i < size; i++) {
    const byte = v % 0x100;
    buf[offset + i] = byte;
    v = (v - byte) / 0x100;
  }
  return offset + size;
}

function storeBE(buf, value, offset, size) {
  let v = toUnsigned(value, size);
  for (let i = size - 1; i >= 0; i--) {
    const byte = v % 0x100;
    buf[offset + i] = byte;
    v = (v - byte) / 0x100;
  }
  return offset + size;
}

// Node checks a byte write's offset type before its value.
function writeU_Int8(buf, value, offset, min, max) {
  value = +value;
  if (typeof offset !== 'number') validateNumber(offset, 'offset'); // at node:internal/buffer:738:3
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value); // at node:internal/buffer:740:11
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1); // at node:internal/buffer:743:5
  buf[offset] = value;
  return offset + 1;
}

// (A value in range at a number offset whose first and last bytes exist
// makes no call; anything else goes through checkInt, which throws or not.)
function writeU_Int16LE(buf, value, offset, min, max) {
  value = +value;
  if (!(value <= max && value >= min) || typeof offset !== 'number' ||
      buf[offset] === undefined || buf[offset + 1] === undefined) {
    checkInt(value, min, max, buf, offset, 1); // at node:internal/buffer:724:3
  }
  buf[offset] = value;
  buf[offset + 1] = value >>> 8;
  return offset + 2;
}

function writeU_Int16BE(buf, value, offset, min, max) {
  value = +value;
  if (!(value <= max && value >= min) || typeof offset !== 'number' ||
      buf[offset] === undefined || buf[offset + 1] === undefined) {
    checkInt(value, min, max, buf, offset, 1); // at node:internal/buffer:834:3
  }
  buf[offset] = value >>> 8;
  buf[offset + 1] = value;
  return offset + 2;
}

function writeU_Int24LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2); // at node:internal/buffer:712:3
  return storeLE(buf, value, offset, 3);
}

function writeU_Int24BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2); // at node:internal/buffer:822:3
  return storeBE(buf, value, offset, 3);
}

function writeU_Int32LE(buf, value, offset, min, max) {
  value = +value;
  if (!(value <= max && value >= min) || typeof offset !== 'number' ||
      buf[offset] === undefined || buf[offset + 3] === undefined) {
    checkInt(value, min, max, buf, offset, 3); // at node:internal/buffer:694:3
  }
  buf[offset] = value;
  buf[offset + 1] = value >>> 8;
  buf[offset + 2] = value >>> 16;
  buf[offset + 3] = value >>> 24;
  return offset + 4;
}

function writeU_Int32BE(buf, value, offset, min, max) {
  value = +value;
  if (!(value <= max && value >= min) || typeof offset !== 'number' ||
      buf[offset] === undefined || buf[offset + 3] === undefined) {
    checkInt(value, min, max, buf, offset, 3); // at node:internal/buffer:804:3
  }
  buf[offset] = value >>> 24;
  buf[offset + 1] = value >>> 16;
  buf[offset + 2] = value >>> 8;
  buf[offset + 3] = value;
  return offset + 4;
}

function writeU_Int40LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 4); // at node:internal/buffer:678:3
  return storeLE(buf, value, offset, 5);
}

function writeU_Int40BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 4); // at node:internal/buffer:789:3
  return storeBE(buf, value, offset, 5);
}

function writeU_Int48LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 5); // at node:internal/buffer:661:3
  return storeLE(buf, value, offset, 6);
}

function writeU_Int48BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 5); // at node:internal/buffer:772:3
  return storeBE(buf, value, offset, 6);
}

function writeUInt8(value, offset = 0) {
  return writeU_Int8(this, value, offset, 0, 0xff); // at Buffer.writeUInt8 (node:internal/buffer:750:10)
}

function writeInt8(value, offset = 0) {
  return writeU_Int8(this, value, offset, -0x80, 0x7f); // at Buffer.writeInt8 (node:internal/buffer:871:10)
}

function writeUInt16LE(value, offset = 0) {
  return writeU_Int16LE(this, value, offset, 0, 0xffff); // at Buffer.writeUInt16LE (node:internal/buffer:732:10)
}

function writeUInt16BE(value, offset = 0) {
  return writeU_Int16BE(this, value, offset, 0, 0xffff); // at Buffer.writeUInt16BE (node:internal/buffer:842:10)
}

function writeInt16LE(value, offset = 0) {
  return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff); // at Buffer.writeInt16LE (node:internal/buffer:867:10)
}

function writeInt16BE(value, offset = 0) {
  return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff); // at Buffer.writeInt16BE (node:internal/buffer:896:10)
}

function writeUInt32LE(value, offset = 0) {
  return writeU_Int32LE(this, value, offset, 0, 0xffffffff); // at Buffer.writeUInt32LE (node:internal/buffer:707:10)
}

function writeUInt32BE(value, offset = 0) {
  return writeU_Int32BE(this, value, offset, 0, 0xffffffff); // at Buffer.writeUInt32BE (node:internal/buffer:817:10)
}

function writeInt32LE(value, offset = 0) {
  return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff); // at Buffer.writeInt32LE (node:internal/buffer:863:10)
}

function writeInt32BE(value, offset = 0) {
  return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff); // at Buffer.writeInt32BE (node:internal/buffer:892:10)
}

function writeUIntLE(value, offset, byteLength) {
  switch (byteLength) {
    case 1: return writeU_Int8(this, value, offset, 0, 0xff); // at Buffer.writeUIntLE (node:internal/buffer:654:12)
    case 2: return writeU_Int16LE(this, value, offset, 0, 0xffff); // at Buffer.writeUIntLE (node:internal/buffer:652:12)
    case 3: return writeU_Int24LE(this, value, offset, 0, 0xffffff); // at Buffer.writeUIntLE (node:internal/buffer:648:12)
    case 4: return writeU_Int32LE(this, value, offset, 0, 0xffffffff); // at Buffer.writeUIntLE (node:internal/buffer:650:12)
    case 5: return writeU_Int40LE(this, value, offset, 0, 0xffffffffff); // at Buffer.writeUIntLE (node:internal/buffer:646:12)
    case 6: return writeU_Int48LE(this, value, offset, 0, 0xffffffffffff); // at Buffer.writeUIntLE (node:internal/buffer:644:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.writeUIntLE (node:internal/buffer:656:3)
}

function writeUIntBE(value, offset, byteLength) {
  switch (byteLength) {
    case 1: return writeU_Int8(this, value, offset, 0, 0xff); // at Buffer.writeUIntBE (node:internal/buffer:765:12)
    case 2: return writeU_Int16BE(this, value, offset, 0, 0xffff); // at Buffer.writeUIntBE (node:internal/buffer:763:12)
    case 3: return writeU_Int24BE(this, value, offset, 0, 0xffffff); // at Buffer.writeUIntBE (node:internal/buffer:759:12)
    case 4: return writeU_Int32BE(this, value, offset, 0, 0xffffffff); // at Buffer.writeUIntBE (node:internal/buffer:761:12)
    case 5: return writeU_Int40BE(this, value, offset, 0, 0xffffffffff); // at Buffer.writeUIntBE (node:internal/buffer:757:12)
    case 6: return writeU_Int48BE(this, value, offset, 0, 0xffffffffffff); // at Buffer.writeUIntBE (node:internal/buffer:755:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.writeUIntBE (node:internal/buffer:767:3)
}

function writeIntLE(value, offset, byteLength) {
  switch (byteLength) {
    case 1: return writeU_Int8(this, value, offset, -0x80, 0x7f); // at Buffer.writeIntLE (node:internal/buffer:857:12)
    case 2: return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff); // at Buffer.writeIntLE (node:internal/buffer:855:12)
    case 3: return writeU_Int24LE(this, value, offset, -0x800000, 0x7fffff); // at Buffer.writeIntLE (node:internal/buffer:851:12)
    case 4: return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff); // at Buffer.writeIntLE (node:internal/buffer:853:12)
    case 5: return writeU_Int40LE(this, value, offset, -0x8000000000, 0x7fffffffff); // at Buffer.writeIntLE (node:internal/buffer:849:12)
    case 6: return writeU_Int48LE(this, value, offset, -0x800000000000, 0x7fffffffffff); // at Buffer.writeIntLE (node:internal/buffer:847:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.writeIntLE (node:internal/buffer:859:3)
}

function writeIntBE(value, offset, byteLength) {
  switch (byteLength) {
    case 1: return writeU_Int8(this, value, offset, -0x80, 0x7f); // at Buffer.writeIntBE (node:internal/buffer:886:12)
    case 2: return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff); // at Buffer.writeIntBE (node:internal/buffer:884:12)
    case 3: return writeU_Int24BE(this, value, offset, -0x800000, 0x7fffff); // at Buffer.writeIntBE (node:internal/buffer:880:12)
    case 4: return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff); // at Buffer.writeIntBE (node:internal/buffer:882:12)
    case 5: return writeU_Int40BE(this, value, offset, -0x8000000000, 0x7fffffffff); // at Buffer.writeIntBE (node:internal/buffer:878:12)
    case 6: return writeU_Int48BE(this, value, offset, -0x800000000000, 0x7fffffffffff); // at Buffer.writeIntBE (node:internal/buffer:876:12)
  }
  boundsError(byteLength, 6, 'byteLength'); // at Buffer.writeIntBE (node:internal/buffer:888:3)
}

// Writes the float `value` of `size` bytes in the host's byte order
// (`reverse` false) or the other.
function storeFloat(buf, value, offset, size, reverse) {
  if (size === 8) float64[0] = value; else float32[0] = value;
  const scratch = size === 8 ? float64Bytes : float32Bytes;
  for (let i = 0; i < size; i++) buf[offset + i] = scratch[reverse ? size - 1 - i : i];
  return offset + size;
}

function writeFloatForwards(value, offset = 0) {
  value = +value;
  if (typeof offset !== 'number' || this[offset] === undefined || this[offset + 3] === undefined) {
    checkBounds(this, offset, 3); // at Buffer.writeFloatForwards [as writeFloatLE] (node:internal/buffer:934:3)
  }
  return storeFloat(this, value, offset, 4, false);
}

function writeFloatBackwards(value, offset = 0) {
  value = +value;
  if (typeof offset !== 'number' || this[offset] === undefined || this[offset + 3] === undefined) {
    checkBounds(this, offset, 3); // at Buffer.writeFloatBackwards [as writeFloatBE] (node:internal/buffer:946:3)
  }
  return storeFloat(this, value, offset, 4, true);
}

function writeDoubleForwards(value, offset = 0) {
  value = +value;
  if (typeof offset !== 'number' || this[offset] === undefined || this[offset + 7] === undefined) {
    checkBounds(this, offset, 7); // at Buffer.writeDoubleForwards [as writeDoubleLE] (node:internal/buffer:902:3)
  }
  return storeFloat(this, value, offset, 8, false);
}

function writeDoubleBackwards(value, offset = 0) {
  value = +value;
  if (typeof offset !== 'number' || this[offset] === undefined || this[offset + 7] === undefined) {
    checkBounds(this, offset, 7); // at Buffer.writeDoubleBackwards [as writeDoubleBE] (node:internal/buffer:918:3)
  }
  return storeFloat(this, value, offset, 8, true);
}

// A number value passes the range check and fails where Node's writer first
// mixes it with a BigInt.
function writeBigU_Int64LE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7); // at node:internal/buffer:581:3
  if (typeof value !== 'bigint') {
    throw markThrowSite(new TypeError('Cannot mix BigInt and other types, use explicit conversions'), // at node:internal/buffer:583:25
                        'node:internal/buffer:583:25');
  }
  let v = BigInt.asUintN(64, value);
  for (let i = 0; i < 8; i++) {
    buf[offset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return offset + 8;
}

function writeBigU_Int64BE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7); // at node:internal/buffer:607:3
  if (typeof value !== 'bigint') {
    throw markThrowSite(new TypeError('Cannot mix BigInt and other types, use explicit conversions'), // at node:internal/buffer:609:25
                        'node:internal/buffer:609:25');
  }
  let v = BigInt.asUintN(64, value);
  for (let i = 7; i >= 0; i--) {
    buf[offset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, 0n, 0xffffffffffffffffn); // at Buffer.writeBigUInt64LE (node:internal/buffer:603:10)
}

function writeBigUInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, 0n, 0xffffffffffffffffn); // at Buffer.writeBigUInt64BE (node:internal/buffer:629:10)
}

function writeBigInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn); // at Buffer.writeBigInt64LE (node:internal/buffer:633:10)
}

function writeBigInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn); // at Buffer.writeBigInt64BE (node:internal/buffer:638:10)
}

// Buffer.prototype's number methods (the `Uint*` spellings are aliases),
// each under the name Node gives it: on a big-endian host the BE floats go
// "forwards".
const numberMethods = {
  readUInt8, readInt8, readUInt16LE, readUInt16BE, readUInt32LE, readUInt32BE,
  readInt16LE, readInt16BE, readInt32LE, readInt32BE, readUIntLE, readUIntBE, readIntLE, readIntBE,
  readFloatLE: hostIsBigEndian ? readFloatBackwards : readFloatForwards,
  readFloatBE: hostIsBigEndian ? readFloatForwards : readFloatBackwards,
  readDoubleLE: hostIsBigEndian ? readDoubleBackwards : readDoubleForwards,
  readDoubleBE: hostIsBigEndian ? readDoubleForwards : readDoubleBackwards,
  readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
  writeUInt8, writeInt8, writeUInt16LE, writeUInt16BE, writeUInt32LE, writeUInt32BE,
  writeInt16LE, writeInt16BE, writeInt32LE, writeInt32BE, writeUIntLE, writeUIntBE, writeIntLE, writeIntBE,
  writeFloatLE: hostIsBigEndian ? writeFloatBackwards : writeFloatForwards,
  writeFloatBE: hostIsBigEndian ? writeFloatForwards : writeFloatBackwards,
  writeDoubleLE: hostIsBigEndian ? writeDoubleBackwards : writeDoubleForwards,
  writeDoubleBE: hostIsBigEndian ? writeDoubleForwards : writeDoubleBackwards,
  writeBigUInt64LE, writeBigUInt64BE, writeBigInt64LE, writeBigInt64BE,
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
