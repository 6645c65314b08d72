'use strict';

// v8.Deserializer: reads what V8's ValueSerializer writes (format versions
// 13 to 15), failing where V8 fails, with V8's errors.

const { classOf, classIds: kClass } = internalBinding('util');
const { tag, errorTag, regExpFlags, viewTags, Source, kLatestVersion, kMinimumVersion } = require('internal/v8/wire');
const { nativeError, constructCallRequired, illegalInvocation, setNativePrototype } = require('internal/v8/native');

const viewOfTag = new Map();
for (const name of Object.keys(viewTags)) {
  if (globalThis[name] !== undefined) viewOfTag.set(viewTags[name], globalThis[name]);
}

const kErrorConstructors = new Map([
  [errorTag.evalError, EvalError],
  [errorTag.rangeError, RangeError],
  [errorTag.referenceError, ReferenceError],
  [errorTag.syntaxError, SyntaxError],
  [errorTag.typeError, TypeError],
  [errorTag.uriError, URIError],
]);

const kAllRegExpFlags = regExpFlags.reduce((all, [, , bit]) => all | bit, 0);
const bufferResizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable').get;
const bufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const mapSet = Map.prototype.set;
const setAdd = Set.prototype.add;
const hasOwn = Object.prototype.hasOwnProperty;
const defineProperty = Object.defineProperty;

function cannotDeserialize() {
  return new Error('Unable to deserialize cloned data.');
}

function versionError() {
  return new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
}

// A defined value, or the generic failure.
function must(value) {
  if (value === undefined) throw cannotDeserialize();
  return value;
}

function latin1(bytes, start, end) {
  let text = '';
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + 8192)));
  }
  return text;
}

function utf16(bytes, start, end) {
  const units = [];
  let text = '';
  for (let at = start; at < end; at += 2) {
    units.push(bytes[at] | (bytes[at + 1] << 8));
    if (units.length === 8192) {
      text += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode.apply(null, units);
}

let utf8Decoder;

class Reader {
  constructor(owner, bytes) {
    this.owner = owner;
    this.src = new Source(bytes);
    this.version = 0;
    this.objects = [];
    this.nextId = 0;
    this.transfers = new Map();
  }

  header() {
    const src = this.src;
    if (src.peek() === tag.version) {
      src.pos++;
      const version = src.varint(32);
      if (version === undefined || version > kLatestVersion) throw versionError();
      this.version = version;
    }
    if (this.version < kMinimumVersion) throw versionError();
    return true;
  }

  // The next tag, past any padding.
  tag() {
    let t;
    do t = must(this.src.byte()); while (t === tag.padding);
    return t;
  }

  // The next tag without reading it (undefined at the end).
  peekTag() {
    const { bytes, end } = this.src;
    for (let at = this.src.pos; at < end; at++) {
      if (bytes[at] !== tag.padding) return bytes[at];
    }
    return undefined;
  }

  varint() {
    return must(this.src.varint(32));
  }

  add(id, obj) {
    this.objects[id] = obj;
    return obj;
  }

  value() {
    const result = this.valueOfTag(this.tag());
    // A view follows the buffer it looks at.
    if (typeof result === 'object' && result !== null && this.peekTag() === tag.arrayBufferView) {
      const cls = classOf(result);
      if (cls === kClass.ArrayBuffer || cls === kClass.SharedArrayBuffer) {
        this.tag();
        return this.view(result);
      }
    }
    return result;
  }

  valueOfTag(t) {
    const src = this.src;
    switch (t) {
      case tag.verifyObjectCount:
        this.varint();
        return this.value();
      case tag.undefined:
        return undefined;
      case tag.null:
        return null;
      case tag.true:
        return true;
      case tag.false:
        return false;
      case tag.int32:
        return must(src.zigzag());
      case tag.uint32:
        return this.varint();
      case tag.double:
        return must(src.double());
      case tag.bigint:
        return this.bigint();
      case tag.utf8String:
      case tag.oneByteString:
      case tag.twoByteString:
        return this.stringOfTag(t);
      case tag.objectReference: {
        const id = this.varint();
        if (!hasOwn.call(this.objects, id)) throw cannotDeserialize();
        return this.objects[id];
      }
      case tag.beginObject: {
        const obj = this.add(this.nextId++, {});
        this.endProperties(obj, tag.endObject);
        return obj;
      }
      case tag.beginSparseArray:
        return this.sparseArray();
      case tag.beginDenseArray:
        return this.denseArray();
      case tag.date: {
        const time = must(src.double());
        return this.add(this.nextId++, new Date(time));
      }
      case tag.trueObject:
      case tag.falseObject:
        return this.add(this.nextId++, new Boolean(t === tag.trueObject));
      case tag.numberObject: {
        const id = this.nextId++;
        return this.add(id, new Number(must(src.double())));
      }
      case tag.bigintObject: {
        const id = this.nextId++;
        return this.add(id, Object(this.bigint()));
      }
      case tag.stringObject: {
        const id = this.nextId++;
        return this.add(id, new String(this.string()));
      }
      case tag.regExp:
        return this.regExp();
      case tag.beginMap:
        return this.map();
      case tag.beginSet:
        return this.set();
      case tag.arrayBuffer:
      case tag.resizableArrayBuffer:
        return this.arrayBuffer(t === tag.resizableArrayBuffer);
      case tag.arrayBufferTransfer: {
        const id = this.nextId++;
        const buffer = this.transfers.get(this.varint());
        return this.add(id, must(buffer));
      }
      case tag.error:
        return this.error();
      case tag.hostObject:
        return this.hostObject();
      default:
        // (Shared array buffers, shared objects and wasm: Node gives V8
        // no way to read these.)
        throw cannotDeserialize();
    }
  }

  stringOfTag(t) {
    const src = this.src;
    const byteLength = this.varint();
    const start = must(src.skip(byteLength));
    const end = start + byteLength;
    if (t === tag.oneByteString) return latin1(src.bytes, start, end);
    if (t === tag.twoByteString) {
      if (byteLength & 1) throw cannotDeserialize();
      return utf16(src.bytes, start, end);
    }
    utf8Decoder ??= new TextDecoder();
    return utf8Decoder.decode(src.bytes.subarray(start, end));
  }

  // A value that must be a string (a pattern, a message, a boxed string).
  string() {
    const s = this.value();
    if (typeof s !== 'string') throw cannotDeserialize();
    return s;
  }

  bigint() {
    const bitfield = this.varint();
    const byteLength = Math.floor(bitfield / 2);
    const start = must(this.src.skip(byteLength));
    const bytes = this.src.bytes;
    let n = 0n;
    for (let i = start + byteLength - 1; i >= start; i--) n = (n << 8n) | BigInt(bytes[i]);
    return bitfield & 1 ? -n : n;
  }

  // Properties up to `endTag`, then their count as the writer gave it;
  // returns how many there were.
  properties(obj, endTag) {
    let count = 0;
    for (;;) {
      if (must(this.peekTag()) === endTag) {
        this.tag();
        return count;
      }
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') throw cannotDeserialize();
      const value = this.value();
      // A key seen twice (or an array's own `length`) is corrupt data.
      if (hasOwn.call(obj, key)) throw cannotDeserialize();
      defineProperty(obj, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      count++;
    }
  }

  endProperties(obj, endTag) {
    const count = this.properties(obj, endTag);
    if (this.varint() !== count) throw cannotDeserialize();
  }

  sparseArray() {
    const length = this.varint();
    const array = this.add(this.nextId++, []);
    array.length = length;
    const count = this.properties(array, tag.endSparseArray);
    if (this.varint() !== count || this.varint() !== length) throw cannotDeserialize();
    return array;
  }

  denseArray() {
    const length = this.varint();
    // Every element takes at least a byte.
    if (length > this.src.end - this.src.pos) throw cannotDeserialize();
    const array = this.add(this.nextId++, new Array(length));
    for (let i = 0; i < length; i++) {
      if (this.peekTag() === tag.theHole) {
        this.tag();
        continue;
      }
      array[i] = this.value();
    }
    const count = this.properties(array, tag.endDenseArray);
    if (this.varint() !== count || this.varint() !== length) throw cannotDeserialize();
    return array;
  }

  regExp() {
    const id = this.nextId++;
    const pattern = this.string();
    const bits = this.varint();
    if (bits & ~kAllRegExpFlags) throw cannotDeserialize();
    let flags = '';
    for (const [, letter, bit] of regExpFlags) if (bits & bit) flags += letter;
    return this.add(id, new RegExp(pattern, flags));
  }

  map() {
    const map = this.add(this.nextId++, new Map());
    let count = 0;
    while (must(this.peekTag()) !== tag.endMap) {
      const key = this.value();
      mapSet.call(map, key, this.value());
      count += 2;
    }
    this.tag();
    if (this.varint() !== count) throw cannotDeserialize();
    return map;
  }

  set() {
    const set = this.add(this.nextId++, new Set());
    let count = 0;
    while (must(this.peekTag()) !== tag.endSet) {
      setAdd.call(set, this.value());
      count++;
    }
    this.tag();
    if (this.varint() !== count) throw cannotDeserialize();
    return set;
  }

  arrayBuffer(resizable) {
    const id = this.nextId++;
    const byteLength = this.varint();
    const maxByteLength = resizable ? this.varint() : byteLength;
    if (byteLength > maxByteLength) throw cannotDeserialize();
    const start = must(this.src.skip(byteLength));
    const buffer = resizable ? new ArrayBuffer(byteLength, { maxByteLength }) : new ArrayBuffer(byteLength);
    new Uint8Array(buffer).set(this.src.bytes.subarray(start, start + byteLength));
    return this.add(id, buffer);
  }

  view(buffer) {
    const bufferLength = bufferByteLength.call(buffer);
    const viewTag = must(this.src.varint(8));
    const byteOffset = this.varint();
    const byteLength = this.varint();
    if (byteOffset > bufferLength || byteLength > bufferLength - byteOffset) throw cannotDeserialize();
    const flags = this.version >= 14 ? this.varint() : 0;
    const id = this.nextId++;
    const Ctor = viewOfTag.get(viewTag);
    if (Ctor === undefined) throw cannotDeserialize();
    const elementSize = Ctor.BYTES_PER_ELEMENT ?? 1;
    if (byteOffset % elementSize !== 0 || byteLength % elementSize !== 0) throw cannotDeserialize();
    const tracksLength = (flags & 1) !== 0;
    const backedByResizable = (flags & 2) !== 0;
    const resizable = classOf(buffer) === kClass.ArrayBuffer && bufferResizable.call(buffer);
    if ((tracksLength || backedByResizable) && !resizable) throw cannotDeserialize();
    if (resizable && !backedByResizable) throw cannotDeserialize();
    const length = Ctor === DataView ? byteLength : byteLength / elementSize;
    return this.add(id, tracksLength ? new Ctor(buffer, byteOffset) : new Ctor(buffer, byteOffset, length));
  }

  error() {
    const id = this.nextId++;
    let Ctor = Error;
    let message;
    let stack;
    let options;
    for (;;) {
      const field = must(this.src.varint(8));
      if (field === errorTag.message) {
        message = this.string();
      } else if (field === errorTag.stack) {
        stack = this.string();
      } else if (field === errorTag.cause) {
        options = { cause: this.value() };
      } else if (field === errorTag.end) {
        break;
      } else {
        Ctor = kErrorConstructors.get(field);
        if (Ctor === undefined) throw cannotDeserialize();
      }
    }
    const err = new Ctor(message, options);
    err.stack = stack;
    return this.add(id, err);
  }

  hostObject() {
    const id = this.nextId++;
    const read = this.owner._readHostObject;
    if (typeof read !== 'function') throw cannotDeserialize();
    const obj = read.call(this.owner);
    if ((typeof obj !== 'object' || obj === null) && typeof obj !== 'function') {
      throw new TypeError('readHostObject must return an object');
    }
    return this.add(id, obj);
  }
}

const readers = new WeakMap();

function readerOf(deserializer) {
  const reader = readers.get(deserializer);
  if (reader === undefined) throw illegalInvocation();
  return reader;
}

function Deserializer(buffer) {
  if (new.target === undefined) throw constructCallRequired('Deserializer');
  if (!ArrayBuffer.isView(buffer)) {
    throw nativeError(TypeError, 'buffer must be a TypedArray or a DataView', 'ERR_INVALID_ARG_TYPE');
  }
  readers.set(this, new Reader(this, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
  this.buffer = buffer;
}

setNativePrototype(Deserializer, {
  readHeader() {
    return readerOf(this).header();
  },
  readValue() {
    return readerOf(this).value();
  },
  getWireFormatVersion() {
    return readerOf(this).version;
  },
  transferArrayBuffer(id, arrayBuffer) {
    const reader = readerOf(this);
    id >>>= 0;
    const cls = classOf(arrayBuffer);
    if (cls !== kClass.ArrayBuffer && cls !== kClass.SharedArrayBuffer) {
      throw nativeError(TypeError, 'arrayBuffer must be an ArrayBuffer or SharedArrayBuffer', 'ERR_INVALID_ARG_TYPE');
    }
    reader.transfers.set(id, arrayBuffer);
  },
  readUint32() {
    const value = readerOf(this).src.varint(32);
    if (value === undefined) throw new Error('ReadUint32() failed');
    return value;
  },
  readUint64() {
    const value = readerOf(this).src.bigVarint();
    if (value === undefined) throw new Error('ReadUint64() failed');
    return [Number(value >> 32n), Number(value & 0xFFFFFFFFn)];
  },
  readDouble() {
    const value = readerOf(this).src.double();
    if (value === undefined) throw new Error('ReadDouble() failed');
    return value;
  },
  _readRawBytes(length) {
    const offset = readerOf(this).src.skip(Math.trunc(+length) || 0);
    if (offset === undefined) throw new Error('ReadRawBytes() failed');
    return offset;
  },
});

module.exports = { Deserializer };
