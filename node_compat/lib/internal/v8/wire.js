'use strict';

// The vocabulary of V8's ValueSerializer wire format (version 15, what
// Node 23.5 writes): one-byte tags, and a growable byte sink and a byte
// source with its varints, zig-zag integers and little-endian doubles.

const kLatestVersion = 15;
// V8 no longer reads what versions before this wrote.
const kMinimumVersion = 13;

const tag = {
  version: 0xFF,
  padding: 0x00,
  verifyObjectCount: 0x3F, // ?
  theHole: 0x2D, // -
  undefined: 0x5F, // _
  null: 0x30, // 0
  true: 0x54, // T
  false: 0x46, // F
  int32: 0x49, // I
  uint32: 0x55, // U
  double: 0x4E, // N
  bigint: 0x5A, // Z
  utf8String: 0x53, // S
  oneByteString: 0x22, // "
  twoByteString: 0x63, // c
  objectReference: 0x5E, // ^
  beginObject: 0x6F, // o
  endObject: 0x7B, // {
  beginSparseArray: 0x61, // a
  endSparseArray: 0x40, // @
  beginDenseArray: 0x41, // A
  endDenseArray: 0x24, // $
  date: 0x44, // D
  trueObject: 0x79, // y
  falseObject: 0x78, // x
  numberObject: 0x6E, // n
  bigintObject: 0x7A, // z
  stringObject: 0x73, // s
  regExp: 0x52, // R
  beginMap: 0x3B, // ;
  endMap: 0x3A, // :
  beginSet: 0x27, // '
  endSet: 0x2C, // ,
  arrayBuffer: 0x42, // B
  resizableArrayBuffer: 0x7E, // ~
  arrayBufferTransfer: 0x74, // t
  arrayBufferView: 0x56, // V
  sharedArrayBuffer: 0x75, // u
  hostObject: 0x5C, // \
  error: 0x72, // r
};

// The fields of an Error ('r'), each a varint.
const errorTag = {
  evalError: 0x45, // E
  rangeError: 0x52, // R
  referenceError: 0x46, // F
  syntaxError: 0x53, // S
  typeError: 0x54, // T
  uriError: 0x55, // U
  message: 0x6D, // m
  cause: 0x63, // c
  stack: 0x73, // s
  end: 0x2E, // .
};

// RegExp flags as V8 numbers them.
const regExpFlags = [
  ['global', 'g', 1], ['ignoreCase', 'i', 2], ['multiline', 'm', 4], ['sticky', 'y', 8],
  ['unicode', 'u', 16], ['dotAll', 's', 32], ['hasIndices', 'd', 128], ['unicodeSets', 'v', 256],
];

// What follows the 'V' of an ArrayBufferView: the kind of view.
const viewTags = {
  Int8Array: 0x62, // b
  Uint8Array: 0x42, // B
  Uint8ClampedArray: 0x43, // C
  Int16Array: 0x77, // w
  Uint16Array: 0x57, // W
  Int32Array: 0x64, // d
  Uint32Array: 0x44, // D
  Float16Array: 0x68, // h
  Float32Array: 0x66, // f
  Float64Array: 0x46, // F
  BigInt64Array: 0x71, // q
  BigUint64Array: 0x51, // Q
  DataView: 0x3F, // ?
};

const scratch = new DataView(new ArrayBuffer(8));

class Sink {
  constructor() {
    this.bytes = new Uint8Array(64);
    this.length = 0;
  }

  reserve(n) {
    const needed = this.length + n;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b) {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = b;
  }

  // An unsigned integer below 2 ** 53, 7 bits a byte, low bits first.
  varint(n) {
    this.reserve(8);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }

  bigVarint(n) {
    while (n >= 0x80n) {
      this.byte(Number(n & 0x7Fn) | 0x80);
      n >>= 7n;
    }
    this.byte(Number(n));
  }

  zigzag(int32) {
    this.varint(((int32 << 1) ^ (int32 >> 31)) >>> 0);
  }

  double(d) {
    scratch.setFloat64(0, d, true);
    this.reserve(8);
    for (let i = 0; i < 8; i++) this.bytes[this.length++] = scratch.getUint8(i);
  }

  raw(u8) {
    this.reserve(u8.length);
    this.bytes.set(u8, this.length);
    this.length += u8.length;
  }

  // Latin-1 text (every code unit below 256), one byte each.
  latin1(text) {
    const n = text.length;
    this.reserve(n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  utf16(text) {
    const n = text.length;
    this.reserve(n * 2);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const unit = text.charCodeAt(i);
      bytes[at++] = unit & 0xFF;
      bytes[at++] = unit >> 8;
    }
    this.length = at;
  }
}

function varintSize(n) {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
}

// Reads from `bytes` (a Uint8Array); every read returns undefined when the
// data ends too soon.
class Source {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
    this.end = bytes.length;
  }

  byte() {
    return this.pos < this.end ? this.bytes[this.pos++] : undefined;
  }

  peek() {
    return this.pos < this.end ? this.bytes[this.pos] : undefined;
  }

  // An unsigned varint of `bits` bits (higher bits are dropped, as V8 does).
  varint(bits = 32) {
    let value = 0;
    let scale = 1;
    let shift = 0;
    let b;
    do {
      if (this.pos >= this.end) return undefined;
      b = this.bytes[this.pos++];
      if (shift < bits) {
        value += (b & 0x7F) * scale;
        scale *= 0x80;
      }
      shift += 7;
    } while (b & 0x80);
    return bits >= 53 ? value : value % (2 ** bits);
  }

  bigVarint() {
    let value = 0n;
    let shift = 0n;
    let b;
    do {
      if (this.pos >= this.end) return undefined;
      b = this.bytes[this.pos++];
      if (shift < 64n) value |= BigInt(b & 0x7F) << shift;
      shift += 7n;
    } while (b & 0x80);
    return value & 0xFFFFFFFFFFFFFFFFn;
  }

  zigzag() {
    const n = this.varint(32);
    if (n === undefined) return undefined;
    return (n >>> 1) ^ -(n & 1);
  }

  double() {
    if (this.end - this.pos < 8) return undefined;
    for (let i = 0; i < 8; i++) scratch.setUint8(i, this.bytes[this.pos++]);
    return scratch.getFloat64(0, true);
  }

  // The offset of the next `n` bytes, which are skipped, or undefined.
  skip(n) {
    if (!(n >= 0 && n <= this.end - this.pos)) return undefined;
    const at = this.pos;
    this.pos += n;
    return at;
  }
}

module.exports = {
  kLatestVersion,
  kMinimumVersion,
  tag,
  errorTag,
  regExpFlags,
  viewTags,
  Sink,
  Source,
  varintSize,
};
