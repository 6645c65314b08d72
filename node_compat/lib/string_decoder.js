'use strict';

// node:string_decoder: decodes a byte stream chunk by chunk without splitting
// multi-byte characters. A character cut at the end of a chunk is held back
// until the next chunk completes it (or `end()` gives up on it), with Node's
// exact results for invalid and truncated input.
//
// The state lives in a 7-byte Buffer, laid out as Node's native decoder keeps
// it (it shows up when a decoder is inspected): up to four held-back bytes,
// the count still missing, the count held, and the encoding's number.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { normalizeEncoding } = require('internal/util');
const { FastBuffer, bytesOf, encodingOps } = require('internal/buffer');

const kNativeDecoder = Symbol('kNativeDecoder');
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const UTF8 = 1;
const BASE64 = 2;
const UCS2 = 3;
const BASE64URL = 7;

function checkEncoding(enc) {
  const normalized = normalizeEncoding(enc);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(enc); // at new StringDecoder (node:string_decoder:63:11)
  return normalized;
}

function StringDecoder(encoding) {
  this.encoding = checkEncoding(encoding); // at -
  const state = new FastBuffer(kSize);
  state[kEncodingField] = encodingOps[this.encoding].encodingVal;
  this[kNativeDecoder] = state;
}

// The decoding function for each encoding number.
const slicers = [];
for (const name of Object.keys(encodingOps)) slicers[encodingOps[name].encodingVal] = encodingOps[name].slice;

function sliceAs(state, bytes, start, end) {
  if (start >= end) return '';
  return slicers[state[kEncodingField]](bytes, start, end);
}

// Completes a held-back character from the start of `bytes`; returns how many
// bytes of `bytes` it used and the decoded prefix ('' while still incomplete).
function finishHeld(state, bytes) {
  let missing = state[kMissingBytes];
  let used = 0;
  if (state[kEncodingField] === UTF8) {
    // A byte that cannot continue the character ends it early; what was held
    // is decoded as it is (to replacement characters).
    for (let i = 0; i < bytes.length && i < missing; i++) {
      if ((bytes[i] & 0xc0) !== 0x80) {
        missing = i;
        break;
      }
    }
  }
  used = Math.min(bytes.length, missing);
  for (let i = 0; i < used; i++) state[state[kBufferedBytes] + i] = bytes[i];
  state[kBufferedBytes] += used;
  state[kMissingBytes] = missing - used;
  if (state[kMissingBytes] > 0) return [used, ''];
  const held = state[kBufferedBytes];
  state[kBufferedBytes] = 0;
  return [used, sliceAs(state, state, 0, held)];
}

// How many bytes at the end of `bytes` start a character that is not
// complete yet; sets the missing count accordingly.
function holdBackTail(state, bytes) {
  const n = bytes.length;
  const enc = state[kEncodingField];
  if (enc === UTF8) {
    if ((bytes[n - 1] & 0x80) === 0) return 0;
    let held = 0;
    for (let i = n - 1; ; i--) {
      held++;
      const b = bytes[i];
      if ((b & 0xc0) === 0x80) {
        // A continuation byte; too many of them, or no lead byte at all,
        // is invalid data to decode as it is.
        if (held >= 4 || i === 0) return 0;
        continue;
      }
      let total;
      if ((b & 0xe0) === 0xc0) total = 2;
      else if ((b & 0xf0) === 0xe0) total = 3;
      else if ((b & 0xf8) === 0xf0) total = 4;
      else return 0;
      if (held >= total) return 0;
      state[kMissingBytes] = total - held;
      return held;
    }
  }
  if (enc === UCS2) {
    if (n % 2 === 1) {
      state[kMissingBytes] = 1;
      return 1;
    }
    if ((bytes[n - 1] & 0xfc) === 0xd8) {
      // The first half of a surrogate pair.
      state[kMissingBytes] = 2;
      return 2;
    }
    return 0;
  }
  if (enc === BASE64 || enc === BASE64URL) {
    const held = n % 3;
    if (held > 0) state[kMissingBytes] = 3 - held;
    return held;
  }
  return 0;
}

function decode(state, view) {
  const bytes = bytesOf(view);
  const enc = state[kEncodingField];
  if (enc !== UTF8 && enc !== UCS2 && enc !== BASE64 && enc !== BASE64URL) {
    return sliceAs(state, bytes, 0, bytes.length);
  }
  let start = 0;
  let prefix = '';
  if (state[kMissingBytes] > 0) {
    const [used, text] = finishHeld(state, bytes);
    start = used;
    prefix = text;
    if (state[kMissingBytes] > 0 || start === bytes.length) return prefix;
  }
  const rest = start === 0 ? bytes : bytes.subarray(start);
  if (rest.length === 0) return prefix;
  const held = holdBackTail(state, rest);
  const end = rest.length - held;
  for (let i = 0; i < held; i++) state[i] = rest[end + i];
  state[kBufferedBytes] = held;
  return prefix + sliceAs(state, rest, 0, end);
}

function flush(state) {
  if (state[kEncodingField] === UCS2 && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte of UTF-16 is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  const held = state[kBufferedBytes];
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return sliceAs(state, state, 0, held);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    const types = ['Buffer', 'TypedArray', 'DataView'];
    throw new ERR_INVALID_ARG_TYPE('buf', types, buf); // at node:string_decoder:80:11
  }
  const state = this[kNativeDecoder];
  if (!state) throw new ERR_INVALID_THIS('StringDecoder'); // at node:string_decoder:84:11
  return decode(state, buf);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this[kNativeDecoder]);
  return ret;
};

// Legacy: decode `buf` from `offset`, forgetting any held-back bytes.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset)); // at node:string_decoder:113:25
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder].subarray(0, kMissingBytes); },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kMissingBytes]; },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes]; },
  },
});

module.exports = { StringDecoder };
