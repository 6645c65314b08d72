'use strict';

// v8.Serializer: V8's ValueSerializer as Node's `serdes` binding wraps it.
// Values are written as V8 writes them; where V8's output depends on how
// it stores a value (a number as a small integer or a heap number, an array
// as packed or holey elements) the choice is what V8 makes for the same
// value built the ordinary way (see README, "Where it still differs").

const { classOf, classIds, isFastArray } = internalBinding('util');
const { describe } = require('internal/v8/describe');
const { tag, errorTag, regExpFlags, viewTags, Sink, varintSize, kLatestVersion } = require('internal/v8/wire');
const { nativeError, constructCallRequired, illegalInvocation, setNativePrototype } = require('internal/v8/native');

const kClass = classIds;
const viewTagOfClass = new Map();
for (const name of Object.keys(viewTags)) {
  if (kClass[name] !== undefined) viewTagOfClass.set(kClass[name], viewTags[name]);
}

const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
const typedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
const typedArrayByteLength = getter(TypedArrayPrototype, 'byteLength');
const dataViewBuffer = getter(DataView.prototype, 'buffer');
const dataViewByteOffset = getter(DataView.prototype, 'byteOffset');
const dataViewByteLength = getter(DataView.prototype, 'byteLength');
const bufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const bufferMaxByteLength = getter(ArrayBuffer.prototype, 'maxByteLength');
const bufferResizable = getter(ArrayBuffer.prototype, 'resizable');
const bufferDetached = getter(ArrayBuffer.prototype, 'detached');
const regExpSource = getter(RegExp.prototype, 'source');
const regExpFlagGetters = regExpFlags.map(([name, , bit]) => [getter(RegExp.prototype, name), bit]);
const dateValue = Date.prototype.getTime;
const numberValue = Number.prototype.valueOf;
const stringValue = String.prototype.valueOf;
const booleanValue = Boolean.prototype.valueOf;
const bigintValue = BigInt.prototype.valueOf;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const hasOwn = Object.prototype.hasOwnProperty;
const kNonLatin1 = /[^\x00-\xFF]/;

const kErrorPrototypeTags = {
  __proto__: null,
  EvalError: errorTag.evalError,
  RangeError: errorTag.rangeError,
  ReferenceError: errorTag.referenceError,
  SyntaxError: errorTag.syntaxError,
  TypeError: errorTag.typeError,
  URIError: errorTag.uriError,
};

// V8 keeps integers that fit 32 bits as "small integers" ('I'); others
// are heap numbers ('N').
function isSmallInteger(n) {
  return (n | 0) === n && (n !== 0 || 1 / n > 0);
}

// A property key that is an array index is written as a number.
function arrayIndexOf(key) {
  const c = key.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return -1;
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && `${n}` === key ? n : -1;
}

// Whether V8 would hold `array`'s elements packed (written 'A ... $'): no
// holes, extensible, and every element a plain data property.
function isPacked(array, length) {
  if (!Object.isExtensible(array)) return false;
  if (length === 0) return true;
  if (isFastArray(array)) return hasOwn.call(array, length - 1);
  for (let i = 0; i < length; i++) {
    const desc = Object.getOwnPropertyDescriptor(array, i);
    if (desc === undefined || !desc.writable || !desc.enumerable || !desc.configurable) return false;
  }
  return true;
}

// A packed array of numbers, one of them not a small integer, holds doubles:
// V8 then writes every element as one.
function holdsDoubles(array, length) {
  let sawDouble = false;
  for (let i = 0; i < length; i++) {
    const v = array[i];
    if (typeof v !== 'number') return false;
    if (!sawDouble && !isSmallInteger(v)) sawDouble = true;
  }
  return sawDouble;
}

// (A mask, not BigInt.asUintN: QuickJS's gives -1n for 2n ** 64n - 1n.)
const kDigitMask = 0xFFFFFFFFFFFFFFFFn;

function bigintBytes(sink, n) {
  const negative = n < 0n;
  let magnitude = negative ? -n : n;
  const digits = [];
  while (magnitude > 0n) {
    digits.push(magnitude & kDigitMask);
    magnitude >>= 64n;
  }
  sink.varint(digits.length * 8 * 2 + (negative ? 1 : 0));
  for (const digit of digits) {
    for (let i = 0n; i < 64n; i += 8n) sink.byte(Number((digit >> i) & 0xFFn));
  }
}

class Writer {
  constructor(owner) {
    this.owner = owner;
    this.sink = new Sink();
    this.ids = new Map();
    this.nextId = 0;
    this.transfers = new Map();
    this.viewsAsHostObjects = false;
  }

  cloneError(value) {
    return this.owner._getDataCloneError(`${describe(value)} could not be cloned.`);
  }

  value(v) {
    switch (typeof v) {
      case 'number':
        if (isSmallInteger(v)) {
          this.sink.byte(tag.int32);
          this.sink.zigzag(v);
        } else {
          this.sink.byte(tag.double);
          this.sink.double(v);
        }
        return;
      case 'string':
        this.string(v);
        return;
      case 'boolean':
        this.sink.byte(v ? tag.true : tag.false);
        return;
      case 'undefined':
        this.sink.byte(tag.undefined);
        return;
      case 'bigint':
        this.sink.byte(tag.bigint);
        bigintBytes(this.sink, v);
        return;
      case 'symbol':
        throw this.cloneError(v);
      default:
        if (v === null) {
          this.sink.byte(tag.null);
          return;
        }
        this.receiver(v);
    }
  }

  string(s) {
    const sink = this.sink;
    if (!kNonLatin1.test(s)) {
      sink.byte(tag.oneByteString);
      sink.varint(s.length);
      sink.latin1(s);
      return;
    }
    const byteLength = s.length * 2;
    // The UTF-16 text starts at an even offset.
    if ((sink.length + 1 + varintSize(byteLength)) & 1) sink.byte(tag.padding);
    sink.byte(tag.twoByteString);
    sink.varint(byteLength);
    sink.utf16(s);
  }

  receiver(obj) {
    const cls = typeof obj === 'function' ? 0 : classOf(obj);
    const viewTag = viewTagOfClass.get(cls);
    // A view's buffer goes first (before the view takes an id), unless the
    // view is written as a host object.
    if (viewTag !== undefined && !this.viewsAsHostObjects && !this.ids.has(obj)) {
      this.receiver(cls === kClass.DataView ? dataViewBuffer.call(obj) : typedArrayBuffer.call(obj));
    }
    const seen = this.ids.get(obj);
    if (seen !== undefined) {
      this.sink.byte(tag.objectReference);
      this.sink.varint(seen);
      return;
    }
    this.ids.set(obj, this.nextId++);
    if (typeof obj === 'function') throw this.cloneError(obj);
    switch (cls) {
      case kClass.Object:
        return this.object(obj);
      case kClass.Array:
        return this.array(obj);
      case kClass.Date:
        this.sink.byte(tag.date);
        this.sink.double(dateValue.call(obj));
        return;
      case kClass.RegExp:
        return this.regExp(obj);
      case kClass.Boolean:
        this.sink.byte(booleanValue.call(obj) ? tag.trueObject : tag.falseObject);
        return;
      case kClass.Number:
        this.sink.byte(tag.numberObject);
        this.sink.double(numberValue.call(obj));
        return;
      case kClass.BigInt:
        this.sink.byte(tag.bigintObject);
        bigintBytes(this.sink, bigintValue.call(obj));
        return;
      case kClass.String:
        this.sink.byte(tag.stringObject);
        this.string(stringValue.call(obj));
        return;
      case kClass.Map:
        return this.map(obj);
      case kClass.Set:
        return this.set(obj);
      case kClass.ArrayBuffer:
        return this.arrayBuffer(obj);
      case kClass.SharedArrayBuffer:
        return this.sharedArrayBuffer(obj);
      case kClass.Error:
        return this.error(obj);
      case kClass.Proxy:
        // process.env is a host object in Node (a proxy here).
        if (obj === process.env) return this.hostObject(obj);
        throw this.cloneError(obj);
      default:
        if (viewTag !== undefined) return this.view(obj, cls, viewTag);
        throw this.cloneError(obj);
    }
  }

  // Own enumerable string-keyed properties, skipping any that a getter
  // removed meanwhile; returns how many were written.
  properties(obj, keys, from) {
    let written = 0;
    for (let i = from; i < keys.length; i++) {
      const key = keys[i];
      if (!hasOwn.call(obj, key)) continue;
      const value = obj[key];
      const index = arrayIndexOf(key);
      if (index === -1) this.string(key);
      else this.value(index);
      this.value(value);
      written++;
    }
    return written;
  }

  object(obj) {
    this.sink.byte(tag.beginObject);
    const written = this.properties(obj, Object.keys(obj), 0);
    this.sink.byte(tag.endObject);
    this.sink.varint(written);
  }

  array(array) {
    const length = array.length;
    const sink = this.sink;
    if (!isPacked(array, length)) {
      sink.byte(tag.beginSparseArray);
      sink.varint(length);
      const written = this.properties(array, Object.keys(array), 0);
      sink.byte(tag.endSparseArray);
      sink.varint(written);
      sink.varint(length);
      return;
    }
    sink.byte(tag.beginDenseArray);
    sink.varint(length);
    if (holdsDoubles(array, length)) {
      for (let i = 0; i < length; i++) {
        sink.byte(tag.double);
        sink.double(array[i]);
      }
    } else {
      for (let i = 0; i < length; i++) {
        // An element a getter deleted meanwhile is written as a hole.
        if (hasOwn.call(array, i)) this.value(array[i]);
        else sink.byte(tag.theHole);
      }
    }
    // Then the properties that are not elements: the keys after the
    // indices, which come first.
    const keys = Object.keys(array);
    let from = Math.min(length, keys.length);
    while (from > 0 && arrayIndexOf(keys[from - 1]) === -1) from--;
    while (from < keys.length && arrayIndexOf(keys[from]) !== -1) from++;
    const written = this.properties(array, keys, from);
    sink.byte(tag.endDenseArray);
    sink.varint(written);
    sink.varint(length);
  }

  regExp(re) {
    this.sink.byte(tag.regExp);
    this.string(regExpSource.call(re));
    let flags = 0;
    for (const [get, bit] of regExpFlagGetters) if (get.call(re)) flags |= bit;
    this.sink.varint(flags);
  }

  map(map) {
    // Entries as they are now: the writes below may run user code.
    const entries = [];
    mapForEach.call(map, (v, k) => entries.push(k, v));
    this.sink.byte(tag.beginMap);
    for (let i = 0; i < entries.length; i++) this.value(entries[i]);
    this.sink.byte(tag.endMap);
    this.sink.varint(entries.length);
  }

  set(set) {
    const values = [];
    setForEach.call(set, (v) => values.push(v));
    this.sink.byte(tag.beginSet);
    for (let i = 0; i < values.length; i++) this.value(values[i]);
    this.sink.byte(tag.endSet);
    this.sink.varint(values.length);
  }

  arrayBuffer(buffer) {
    const transferId = this.transfers.get(buffer);
    if (transferId !== undefined) {
      this.sink.byte(tag.arrayBufferTransfer);
      this.sink.varint(transferId);
      return;
    }
    if (bufferDetached.call(buffer)) {
      throw this.owner._getDataCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const byteLength = bufferByteLength.call(buffer);
    if (bufferResizable.call(buffer)) {
      this.sink.byte(tag.resizableArrayBuffer);
      this.sink.varint(byteLength);
      this.sink.varint(bufferMaxByteLength.call(buffer));
    } else {
      this.sink.byte(tag.arrayBuffer);
      this.sink.varint(byteLength);
    }
    this.sink.raw(new Uint8Array(buffer, 0, byteLength));
  }

  sharedArrayBuffer(buffer) {
    const getId = this.owner._getSharedArrayBufferId;
    // Without the hook, V8's own refusal (a plain Error).
    if (typeof getId !== 'function') throw new Error(`${describe(buffer)} could not be cloned.`);
    const id = getId.call(this.owner, buffer) >>> 0;
    this.sink.byte(tag.sharedArrayBuffer);
    this.sink.varint(id);
  }

  view(view, cls, viewTag) {
    if (this.viewsAsHostObjects) return this.hostObject(view);
    const isDataView = cls === kClass.DataView;
    const buffer = isDataView ? dataViewBuffer.call(view) : typedArrayBuffer.call(view);
    if (bufferDetached.call(buffer)) {
      throw this.owner._getDataCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const byteOffset = isDataView ? dataViewByteOffset.call(view) : typedArrayByteOffset.call(view);
    let byteLength = isDataView ? dataViewByteLength.call(view) : typedArrayByteLength.call(view);
    const backedByResizable = bufferResizable.call(buffer);
    // A view reaching the end of a resizable buffer is taken to follow its
    // length (V8 then stores no length of its own).
    const tracksLength = backedByResizable && byteOffset + byteLength === bufferByteLength.call(buffer);
    if (tracksLength) byteLength = 0;
    this.sink.byte(tag.arrayBufferView);
    this.sink.byte(viewTag);
    this.sink.varint(byteOffset);
    this.sink.varint(byteLength);
    this.sink.varint((tracksLength ? 1 : 0) | (backedByResizable ? 2 : 0));
  }

  hostObject(obj) {
    this.sink.byte(tag.hostObject);
    const write = this.owner._writeHostObject;
    if (typeof write !== 'function') throw new Error(`${describe(obj)} could not be cloned.`);
    write.call(this.owner, obj);
  }

  error(err) {
    const messageDesc = Object.getOwnPropertyDescriptor(err, 'message');
    const causeDesc = Object.getOwnPropertyDescriptor(err, 'cause');
    const sink = this.sink;
    sink.byte(tag.error);
    const prototypeTag = kErrorPrototypeTags[`${err.name}`];
    if (prototypeTag !== undefined) sink.byte(prototypeTag);
    if (messageDesc !== undefined && 'value' in messageDesc) {
      sink.byte(errorTag.message);
      this.string(`${messageDesc.value}`);
    }
    const stack = err.stack;
    if (typeof stack === 'string') {
      sink.byte(errorTag.stack);
      this.string(stack);
    }
    if (causeDesc !== undefined && 'value' in causeDesc) {
      sink.byte(errorTag.cause);
      this.value(causeDesc.value);
    }
    sink.byte(errorTag.end);
  }
}

const writers = new WeakMap();
let FastBuffer;

function writerOf(serializer) {
  const writer = writers.get(serializer);
  if (writer === undefined) throw illegalInvocation();
  return writer;
}

function Serializer() {
  if (new.target === undefined) throw constructCallRequired('Serializer');
  writers.set(this, new Writer(this));
}

setNativePrototype(Serializer, {
  writeHeader() {
    const sink = writerOf(this).sink;
    sink.byte(tag.version);
    sink.varint(kLatestVersion);
  },
  writeValue(value) {
    writerOf(this).value(value);
    return true;
  },
  releaseBuffer() {
    const writer = writerOf(this);
    FastBuffer ??= require('internal/buffer').FastBuffer;
    const released = new FastBuffer(writer.sink.bytes.buffer.slice(0, writer.sink.length));
    writer.sink = new Sink();
    return released;
  },
  transferArrayBuffer(id, arrayBuffer) {
    const writer = writerOf(this);
    id >>>= 0;
    if (classOf(arrayBuffer) !== kClass.ArrayBuffer) {
      throw nativeError(TypeError, 'arrayBuffer must be an ArrayBuffer', 'ERR_INVALID_ARG_TYPE');
    }
    writer.transfers.set(arrayBuffer, id);
  },
  writeUint32(value) {
    writerOf(this).sink.varint(value >>> 0);
  },
  writeUint64(hi, lo) {
    const sink = writerOf(this).sink;
    sink.bigVarint((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  },
  writeDouble(value) {
    writerOf(this).sink.double(+value);
  },
  writeRawBytes(source) {
    const sink = writerOf(this).sink;
    if (!ArrayBuffer.isView(source)) {
      throw nativeError(TypeError, 'source must be a TypedArray or a DataView', 'ERR_INVALID_ARG_TYPE');
    }
    sink.raw(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  },
  _setTreatArrayBufferViewsAsHostObjects(value) {
    writerOf(this).viewsAsHostObjects = !!value;
  },
});

// What the serializer throws for a value it cannot write; called with the
// message (not as a constructor), so a subclass may return its own error.
Serializer.prototype._getDataCloneError = Error;

module.exports = { Serializer };
