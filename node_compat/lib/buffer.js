'use strict';

// node:buffer: the Buffer class (a Uint8Array whose prototype carries Node's
// methods), its allocation pool, and the module's helpers (atob/btoa,
// transcode, isUtf8/isAscii, constants, Blob/File).

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBuffer,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  customInspectSymbol,
  normalizeEncoding,
} = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const {
  FastBuffer,
  addBufferPrototypeMethods,
  binding,
  bytesOf,
  encodingOps,
  getEncodingOps,
  isAnyArrayBuffer,
  isTypedArray,
  isUint8Array,
  markAsUntransferable,
  notAString,
  utf8ByteLength,
} = require('internal/buffer');

const kMaxLength = Number.MAX_SAFE_INTEGER;
const kStringMaxLength = 536870888;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { __proto__: null, value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { __proto__: null, value: kStringMaxLength, writable: false, enumerable: true },
});

// Below this many bytes a JS loop compares faster than the Python binding.
const kSmallCompare = 32;

let INSPECT_MAX_BYTES = 50;

// ---- the pool ------------------------------------------------------------------

// Small allocations are carved out of a shared 8 KiB ArrayBuffer, as Node
// does, so `buf.buffer` of a small Buffer is larger than the Buffer.
let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  markAsUntransferable(allocPool);
  poolOffset = 0;
}

function alignPool() {
  // Keep every pooled Buffer 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// A Buffer of `size` bytes from the pool when it is small enough.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

// A Buffer holding `bytes` (a fresh Uint8Array owning its whole ArrayBuffer).
function adopt(bytes) {
  const length = bytes.length;
  if (length === 0) return new FastBuffer();
  if (length >= (Buffer.poolSize >>> 1)) return new FastBuffer(bytes.buffer, bytes.byteOffset, length);
  if (length > (poolSize - poolOffset)) createPool();
  const b = new FastBuffer(allocPool, poolOffset, length);
  b.set(bytes);
  poolOffset += length;
  alignPool();
  return b;
}

// ---- Buffer --------------------------------------------------------------------

// Whether the code calling into this module lives under node_modules (the
// first stack frame outside the runtime's own `node:` modules).
function isInsideNodeModules() {
  const frames = new Error().stack.split('\n');
  for (let i = 1; i < frames.length; i++) {
    const m = /^\s*at (?:.*\()?(.+?):\d+:\d+\)?$/.exec(frames[i]);
    if (m === null || m[1].startsWith('node:')) continue;
    return /[\\/]node_modules[\\/]/.test(m[1]);
  }
  return false;
}

let bufferWarningShown = false;
function showFlaggedDeprecation() {
  // (Everywhere under --pending-deprecation.)
  if (bufferWarningShown) return;
  if (!require('internal/options').getOptionValue('--pending-deprecation') && isInsideNodeModules()) return;
  bufferWarningShown = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please use the ' +
    'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
}

// Buffer(arg) and new Buffer(arg): deprecated forms of alloc/from.
function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg); // at node:buffer:276:13
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

// Typed-array methods that build a new array (map, filter, ...) make a
// FastBuffer rather than calling the deprecated Buffer constructor.
Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
});

Buffer.poolSize = 8 * 1024;

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
addBufferPrototypeMethods(Buffer.prototype);
Object.setPrototypeOf(Buffer, Uint8Array);

// Node's validateOffset is not hidden itself: its errors, rethrown by the
// hidden validateInteger, start at this frame.
function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max); // at node:buffer:124:3
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding); // at node:buffer:487:13
  }
  if (string.length === 0) return new FastBuffer();
  return adopt(ops.encode(string));
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset'); // at node:buffer:506:11
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length'); // at node:buffer:513:15
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

// Copies an array or array-like (each element coerced as a Uint8Array does).
function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  const b = allocate(length);
  b.set(obj, 0);
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE( // at node:buffer:325:9
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view); // at node:buffer:342:11
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset === undefined) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0); // at node:buffer:352:7
      if (offset >= viewLength) return Buffer.alloc(0);
    }
    let end = viewLength;
    if (length !== undefined) {
      validateInteger(length, 'length', 0); // at node:buffer:359:7
      end = offset + length;
    }
    view = view.slice(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

// Buffer.of must build a Buffer, not call `new this(n)` as TypedArray.of does.
// (A method, so no constructor, as Node's is not.)
Buffer.of = {
  of(...items) {
    const b = allocate(items.length);
    for (let i = 0; i < items.length; i++) b[i] = items[i];
    return b;
  },
}.of;

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength); // at node:buffer:395:3
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillBuffer(new FastBuffer(size), fill, 0, undefined, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength); // at node:buffer:408:3
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength); // at node:buffer:418:3
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength); // at node:buffer:425:3
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

// Byte order of two Uint8Arrays: -1, 0 or 1.
function compareBytes(a, b) {
  if (a.length > kSmallCompare || b.length > kSmallCompare) return binding.compare(a, b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1); // at node:buffer:558:11
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2); // at node:buffer:562:11
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list'); // at node:buffer:579:3
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]); // at node:buffer:602:13
    }
    const n = buf.length;
    if (n <= length - pos) {
      buffer.set(buf, pos);
      pos += n;
    } else if (pos < length) {
      buffer.set(buf.subarray(0, length - pos), pos);
      pos = length;
    }
  }
  // Pooled memory may have been used before: zero what the list did not fill.
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string); // at node:buffer:777:11
  }
  const len = string.length;
  if (len === 0) return 0;
  if (!encoding || encoding === 'utf8') return utf8ByteLength(string);
  if (encoding === 'ascii') return len;
  const ops = getEncodingOps(encoding);
  // An unknown encoding counts as UTF-8 here, as in Node.
  if (ops === undefined) return utf8ByteLength(string);
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

// ---- copy / compare / equals ---------------------------------------------------

// Node's integer coercion for copy()'s positions: NaN and non-finite give `def`.
function toInteger(n, def) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return def;
}

// Copies source[sourceStart, sourceEnd) into target at targetStart, clipped to
// the target; returns the number of bytes copied.
function copyBytes(source, target, targetStart, sourceStart, sourceEnd) {
  const room = target.byteLength - targetStart;
  if (sourceEnd - sourceStart > room) sourceEnd = sourceStart + room;
  let nb = sourceEnd - sourceStart;
  const available = source.byteLength - sourceStart;
  if (nb > available) nb = available;
  if (nb <= 0) return 0;
  const from = bytesOf(source);
  const to = bytesOf(target);
  to.set(sourceStart === 0 && nb === from.length ? from : from.subarray(sourceStart, sourceStart + nb), targetStart);
  return nb;
}

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target); // at copyImpl (node:buffer:212:11) | Buffer.copy (node:buffer:828:12)
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart); // at copyImpl (node:buffer:219:13) | Buffer.copy (node:buffer:828:12)
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.byteLength}`, sourceStart); // at copyImpl (node:buffer:227:13) | Buffer.copy (node:buffer:828:12)
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd); // at copyImpl (node:buffer:235:13) | Buffer.copy (node:buffer:828:12)
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyBytes(this, target, targetStart, sourceStart, sourceEnd);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer); // at node:buffer:869:11
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || compareBytes(this, otherBuffer) === 0;
};

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target); // at node:buffer:931:11
  if (arguments.length === 1) return compareBytes(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

// ---- search ----------------------------------------------------------------------

// Where a search of a `needleLength`-byte needle starts, or -1 for none
// (negative offsets count from the end).
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

const kSmallSearch = 64;

// First (or last) position at or from `start` where `needle` occurs in
// `hay`, only at multiples of `step`.
function searchBytes(hay, needle, start, forward, step) {
  const n = needle.length;
  if (n === 1 && step === 1) {
    return forward ? Uint8Array.prototype.indexOf.call(hay, needle[0], start) :
      Uint8Array.prototype.lastIndexOf.call(hay, needle[0], start);
  }
  if (hay.length > kSmallSearch) return binding.indexOf(hay, needle, start, forward, step);
  const last = hay.length - n;
  if (forward) {
    for (let i = start; i <= last; i++) {
      if (i % step === 0 && matchesAt(hay, needle, i)) return i;
    }
  } else {
    for (let i = Math.min(start, last); i >= 0; i--) {
      if (i % step === 0 && matchesAt(hay, needle, i)) return i;
    }
  }
  return -1;
}

function matchesAt(hay, needle, at) {
  for (let j = 0; j < needle.length; j++) {
    if (hay[at + j] !== needle[j]) return false;
  }
  return true;
}

function indexOfBytes(buffer, needle, byteOffset, isUcs2, forward, needleIsString) {
  const hay = bytesOf(buffer);
  const start = searchStart(hay.length, byteOffset, needle.length, forward);
  if (needle.length === 0) return start;
  if (hay.length === 0 || start <= -1) return -1;
  if (needle.length > hay.length || (forward && hay.length - start < needle.length)) return -1;
  if (isUcs2) {
    // Whole UTF-16 code units only: an odd last byte of either side is ignored.
    if (hay.length < 2 || needle.length < 2) return -1;
    const usable = hay.length & ~1;
    const units = needle.length & ~1;
    const found = searchBytes(usable === hay.length ? hay : hay.subarray(0, usable),
                              units === needle.length ? needle : needle.subarray(0, units), start & ~1, forward, 2);
    // Node reports a Buffer needle missing from an odd-length haystack as
    // the haystack's even length rather than -1; kept for fidelity.
    if (found === -1 && !needleIsString && usable !== hay.length) return usable;
    return found;
  }
  return searchBytes(hay, needle, start, forward, 1);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  validateBuffer(buffer); // at node:buffer:975:3
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  byteOffset = Math.trunc(byteOffset);

  if (typeof val === 'number') {
    const hay = bytesOf(buffer);
    const start = searchStart(hay.length, byteOffset, 1, dir);
    if (start <= -1 || hay.length === 0) return -1;
    const byte = (val >>> 0) & 0xff;
    return dir ? Uint8Array.prototype.indexOf.call(hay, byte, start) :
      Uint8Array.prototype.lastIndexOf.call(hay, byte, start);
  }
  const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding); // at node:buffer:1004:13
    return indexOfBytes(buffer, ops.encode(val), byteOffset, ops.encodingVal === 3, dir, true);
  }
  if (isUint8Array(val)) {
    return indexOfBytes(buffer, val, byteOffset, ops !== undefined && ops.encodingVal === 3, dir, false);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val); // at node:buffer:1014:9
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ---- fill --------------------------------------------------------------------------

function fillBuffer(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding'); // at _fill (node:buffer:1052:7)
      throw new ERR_UNKNOWN_ENCODING(encoding); // at _fill (node:buffer:1053:13)
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = value.charCodeAt(0);
      if ((normalized === 'utf8' && code < 128) || normalized === 'latin1') value = code;
    }
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset'); // at _fill (node:buffer:1078:5)
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length); // at _fill (node:buffer:1083:7)
    }
    if (offset >= end) return buf;
  }

  let pattern;
  if (typeof value === 'number') {
    if (end - offset + offset > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS(); // at _fill (node:buffer:1095:13)
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  } else if (typeof value === 'string') {
    pattern = getEncodingOps(encoding === undefined ? 'utf8' : encoding).encode(value);
  } else if (ArrayBuffer.isView(value)) {
    pattern = bytesOf(value);
  } else {
    Uint8Array.prototype.fill.call(buf, Number(value) & 0xff, offset, end);
    return buf;
  }
  if (pattern.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value); // at _fill (node:buffer:1102:15)
  repeatInto(buf, pattern, offset, end);
  return buf;
}

// Fills buf[offset, end) with repetitions of `pattern`, doubling the filled
// prefix with native copies.
function repeatInto(buf, pattern, offset, end) {
  const total = end - offset;
  if (pattern.length >= total) {
    buf.set(pattern.subarray(0, total), offset);
    return;
  }
  buf.set(pattern, offset);
  let filled = pattern.length;
  while (filled < total) {
    const n = Math.min(filled, total - filled);
    buf.copyWithin(offset + filled, offset, offset + n);
    filled += n;
  }
}

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return fillBuffer(this, value, offset, end, encoding); // at Buffer.fill (node:buffer:1036:10)
};

// ---- strings -----------------------------------------------------------------------

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return encodingOps.utf8.slice(this, 0, this.length);
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return encodingOps.utf8.slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding); // at node:buffer:862:11
  return ops.slice(this, start, end);
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return this.utf8Write(string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding); // at node:buffer:1146:11
  if (typeof string !== 'string') throw markThrowSite(notAString(), ops.notAStringAt);
  if (length === 0) return 0;
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; ++i) data[i] = this[i];
  return { type: 'Buffer', data };
};

// ---- views ---------------------------------------------------------------------------

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swapPairs(buf, width) {
  for (let i = 0; i < buf.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}

Buffer.prototype.swap16 = function swap16() {
  if (this.length % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits'); // at node:buffer:1201:11
  return swapPairs(this, 2);
};

Buffer.prototype.swap32 = function swap32() {
  if (this.length % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits'); // at node:buffer:1216:11
  return swapPairs(this, 4);
};

Buffer.prototype.swap64 = function swap64() {
  if (this.length % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits'); // at node:buffer:1233:11
  return swapPairs(this, 8);
};

// ---- inspection ------------------------------------------------------------------------

let utilInspect;
Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = Math.min(max, this.length);
  const hex = this.hexSlice(0, shown);
  let str = '';
  for (let i = 0; i < hex.length; i += 2) str += (i === 0 ? '' : ' ') + hex.slice(i, i + 2);
  const remaining = this.length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties (normally invisible on a typed array).
  if (ctx) {
    const { getOwnNonIndexProperties, propertyFilter } = internalBinding('util');
    const filter = ctx.showHidden ? propertyFilter.ALL_PROPERTIES : propertyFilter.ONLY_ENUMERABLE;
    const keys = getOwnNonIndexProperties(this, filter);
    if (keys.length > 0) {
      const extras = { __proto__: null };
      for (const key of keys) extras[key] = this[key];
      utilInspect ??= require('internal/util/inspect').inspect;
      const body = utilInspect(extras, { ...ctx, breakLength: Infinity, compact: true });
      if (this.length !== 0) str += ', ';
      // Drop the "[Object: null prototype] {" prefix and " }" suffix.
      str += body.slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

// Buffer.prototype lists its properties in Node's order (inspecting the
// prototype or enumerating it shows that order).
const kPrototypeOrder = [
  'readBigUInt64LE', 'readBigUInt64BE', 'readBigUint64LE', 'readBigUint64BE', 'readBigInt64LE',
  'readBigInt64BE', 'writeBigUInt64LE', 'writeBigUInt64BE', 'writeBigUint64LE', 'writeBigUint64BE',
  'writeBigInt64LE', 'writeBigInt64BE', 'readUIntLE', 'readUInt32LE', 'readUInt16LE', 'readUInt8',
  'readUIntBE', 'readUInt32BE', 'readUInt16BE', 'readUintLE', 'readUint32LE', 'readUint16LE', 'readUint8',
  'readUintBE', 'readUint32BE', 'readUint16BE', 'readIntLE', 'readInt32LE', 'readInt16LE', 'readInt8',
  'readIntBE', 'readInt32BE', 'readInt16BE', 'writeUIntLE', 'writeUInt32LE', 'writeUInt16LE', 'writeUInt8',
  'writeUIntBE', 'writeUInt32BE', 'writeUInt16BE', 'writeUintLE', 'writeUint32LE', 'writeUint16LE',
  'writeUint8', 'writeUintBE', 'writeUint32BE', 'writeUint16BE', 'writeIntLE', 'writeInt32LE', 'writeInt16LE',
  'writeInt8', 'writeIntBE', 'writeInt32BE', 'writeInt16BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE',
  'readDoubleBE', 'writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE', 'asciiSlice',
  'base64Slice', 'base64urlSlice', 'latin1Slice', 'hexSlice', 'ucs2Slice', 'utf8Slice', 'asciiWrite',
  'base64Write', 'base64urlWrite', 'latin1Write', 'hexWrite', 'ucs2Write', 'utf8Write', 'parent', 'offset',
  'copy', 'toString', 'equals', 'inspect', 'compare', 'indexOf', 'lastIndexOf', 'includes', 'fill', 'write',
  'toJSON', 'subarray', 'slice', 'swap16', 'swap32', 'swap64', 'toLocaleString',
];
for (const key of kPrototypeOrder) {
  const desc = Object.getOwnPropertyDescriptor(Buffer.prototype, key);
  delete Buffer.prototype[key];
  Object.defineProperty(Buffer.prototype, key, desc);
}
// parent and offset cannot be reconfigured in Node: made so once in place.
for (const key of ['parent', 'offset']) {
  Object.defineProperty(Buffer.prototype, key, { __proto__: null, configurable: false });
}

// ---- module functions ---------------------------------------------------------------------

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source); // at node:buffer:1259:13
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  const supported = ['utf8', 'utf16le', 'latin1', 'ascii'];
  if (!supported.includes(from) || !supported.includes(to)) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    // Node makes it in genericNodeError and throws it from transcode.
    throw markThrowSite(err, 'node:internal/errors:983:15', 'node:buffer:1275:5');
  }
  let text = Buffer.prototype.toString.call(source, from);
  if (to === 'latin1' || to === 'ascii') {
    // Characters the target cannot hold become '?' (one per code point).
    const limit = to === 'ascii' ? 0x7f : 0xff;
    text = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[^]/g, (ch) => (ch.length === 1 && ch.charCodeAt(0) <= limit ? ch : '?'));
  }
  return Buffer.from(text, to);
}

function isUtf8(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    return binding.isUtf8(bytesToCheck(input, 'node:buffer:1317:12'));
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input); // at node:buffer:1320:9
}

function isAscii(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) {
    return binding.isAscii(bytesToCheck(input, 'node:buffer:1325:12'));
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input); // at node:buffer:1328:9
}

// The bytes of a TypedArray or ArrayBuffer; a detached one fails as Node's
// native check does (no "Invalid state:" prefix), at Node's call `site`.
function bytesToCheck(input, site) {
  const arrayBuffer = isAnyArrayBuffer(input) ? input : input.buffer;
  if (arrayBuffer.detached) {
    const err = new Error('Cannot validate on a detached buffer');
    err.code = 'ERR_INVALID_STATE';
    throw markThrowSite(err, site);
  }
  return arrayBuffer === input ? new Uint8Array(input) : bytesOf(input);
}

// ---- atob / btoa -----------------------------------------------------------------------------

let DOMExceptionCtor;
function domException(message, name) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  const err = new DOMExceptionCtor(message, name);
  Error.captureStackTrace(err, domException);  // hidden, as Node's lazyDOMException is
  return err;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input'); // at node:buffer:1284:11
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw domException('Invalid character', 'InvalidCharacterError'); // at node:buffer:1288:11
  }
  return Buffer.from(input, 'latin1').toString('base64');
}

const kAsciiWhitespace = /[\t\n\f\r ]/g;
const kBase64Chars = /^[A-Za-z0-9+/]*$/;

// WHATWG forgiving-base64 decode, returning a latin1 string.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input'); // at node:buffer:1295:11
  let data = `${input}`.replace(kAsciiWhitespace, '');
  if (data.length % 4 === 0) {
    if (data.endsWith('==')) data = data.slice(0, -2);
    else if (data.endsWith('=')) data = data.slice(0, -1);
  }
  if (!kBase64Chars.test(data)) throw domException('Invalid character', 'InvalidCharacterError'); // at node:buffer:1302:13
  if (data.length % 4 === 1) {
    throw domException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError'); // at node:buffer:1304:13
  }
  return Buffer.from(data, 'base64').toString('latin1');
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};

// Fixed, as in Node: neither writable nor configurable.
Object.defineProperty(module.exports, 'constants', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  writable: false,
  value: constants,
});

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0); // at node:buffer:1358:7
    INSPECT_MAX_BYTES = val;
  },
});

// Blob, resolveObjectURL and File load when first read, as in Node: each an
// accessor until then, which the first read (or an assignment) replaces with
// a plain property of the module.
function defineLazyExport(key, id) {
  const define = (value) => {
    Object.defineProperty(module.exports, key, {
      __proto__: null, configurable: true, enumerable: true, writable: true, value,
    });
    return value;
  };
  const get = function() { return define(require(id)[key]); };
  const set = function(value) { define(value); };
  Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
  Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
  Object.defineProperty(module.exports, key, { __proto__: null, configurable: true, enumerable: true, get, set });
}
defineLazyExport('Blob', 'internal/blob');
defineLazyExport('resolveObjectURL', 'internal/blob');
defineLazyExport('File', 'internal/file');

createPool();
