'use strict';

// node:v8, as far as pynode can answer for it: the serialization API
// (V8's ValueSerializer wire format, byte for byte as Node writes it).
// The heap, snapshot, coverage and flag functions describe V8 itself and
// are left out (README, "Where it still differs").

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { Serializer } = require('internal/v8/serializer');
const { Deserializer } = require('internal/v8/deserializer');

let inspect;

Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  // `this.buffer` may be any view: the bytes are shared, not copied.
  return new FastBuffer(this.buffer.buffer, this.buffer.byteOffset + offset, length);
};

// The views of the host-object form Node's default serializer writes (a
// type index, then the bytes), by their toString tag; 10 is Node's Buffer.
const kViewTypes = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'DataView', null, 'BigInt64Array',
  'BigUint64Array', 'Float16Array',
];
const kBufferIndex = 10;

function viewTypeIndex(view) {
  return kViewTypes.indexOf(Object.prototype.toString.call(view).slice(8, -1));
}

function viewConstructor(index) {
  if (index === kBufferIndex) return FastBuffer;
  return kViewTypes[index] ? globalThis[kViewTypes[index]] : undefined;
}

const bufferDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached').get;

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  // Views are written as their own bytes only: a Buffer's pooled
  // ArrayBuffer (other data, maybe private, and larger) stays out.
  _writeHostObject(view) {
    let index = kBufferIndex;
    if (view.constructor !== Buffer) {
      index = viewTypeIndex(view);
      if (index === -1) {
        inspect ??= require('internal/util/inspect').inspect;
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(view)}`);
      }
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    if (bufferDetached.call(view.buffer)) {
      throw new TypeError('Cannot perform Construct on a detached ArrayBuffer');
    }
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const Ctor = viewConstructor(this.readUint32());
    const byteLength = this.readUint32();
    if (Ctor === undefined) {
      // What Node's own lookup of an unknown type index runs into.
      throw new TypeError("Cannot read properties of undefined (reading 'BYTES_PER_ELEMENT')");
    }
    const offset = this._readRawBytes(byteLength);
    const elementSize = Ctor.BYTES_PER_ELEMENT || 1;
    const start = this.buffer.byteOffset + offset;
    if (start % elementSize === 0) return new Ctor(this.buffer.buffer, start, byteLength / elementSize);
    // Misaligned for the element size: a copy.
    const copy = Buffer.allocUnsafe(byteLength);
    copy.set(new Uint8Array(this.buffer.buffer, start, byteLength));
    return new Ctor(copy.buffer, copy.byteOffset, byteLength / elementSize);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

module.exports = {
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  serialize,
};
