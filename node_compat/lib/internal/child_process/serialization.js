'use strict';

// How messages travel over an IPC channel, by `serialization` mode:
// 'json' sends each as a line of JSON; 'advanced' as V8's serialization
// format (what structured clone keeps: Map, Set, Date, BigInt, typed
// arrays, circular references...), preceded by its byte length as a
// 4-byte big-endian number. A mode gives a `Reader` (bytes in, messages
// out) and `write(pipe, req, message, handle)`.

const { StringDecoder } = require('string_decoder');

class JsonReader {
  constructor() {
    this.decoder = new StringDecoder('utf8');
    this.partial = '';
  }

  // The messages completed by `chunk` (a Uint8Array).
  read(chunk) {
    const lines = (this.partial + this.decoder.write(chunk)).split('\n');
    this.partial = lines.pop();
    return lines.map((line) => JSON.parse(line));
  }

  // Whether a message has been read in part.
  get buffering() {
    return this.partial.length !== 0;
  }
}

const json = {
  Reader: JsonReader,
  write(pipe, req, message, handle) {
    return pipe.writeUtf8String(req, `${JSON.stringify(message)}\n`, handle);
  },
};

let v8;
let ChildProcessSerializer;
let ChildProcessDeserializer;

// As Node's: an ArrayBufferView goes as the default serializer writes it,
// any other host object (process.env) as a copy of its own properties;
// one number in front tells which.
const kView = 0;
const kOtherHostObject = 1;

function loadSerializers() {
  v8 = require('v8');
  ChildProcessSerializer = class ChildProcessSerializer extends v8.DefaultSerializer {
    _writeHostObject(object) {
      if (ArrayBuffer.isView(object)) {
        this.writeUint32(kView);
        return super._writeHostObject(object);
      }
      this.writeUint32(kOtherHostObject);
      this.writeValue({ ...object });
    }
  };
  ChildProcessDeserializer = class ChildProcessDeserializer extends v8.DefaultDeserializer {
    _readHostObject() {
      return this.readUint32() === kView ? super._readHostObject() : this.readValue();
    }
  };
}

class AdvancedReader {
  constructor() {
    if (v8 === undefined) loadSerializers();
    // Bytes of messages not complete yet.
    this.pending = null;
  }

  read(chunk) {
    let data = chunk;
    if (this.pending !== null) {
      data = new Uint8Array(this.pending.length + chunk.length);
      data.set(this.pending);
      data.set(chunk, this.pending.length);
    }
    const messages = [];
    let at = 0;
    while (data.length - at >= 4) {
      const size = ((data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]) >>> 0;
      if (data.length - at - 4 < size) break;
      const des = new ChildProcessDeserializer(data.subarray(at + 4, at + 4 + size));
      at += 4 + size;
      des.readHeader();
      messages.push(des.readValue());
    }
    this.pending = at === data.length ? null : data.subarray(at);
    return messages;
  }

  get buffering() {
    return this.pending !== null;
  }
}

const advanced = {
  Reader: AdvancedReader,
  write(pipe, req, message, handle) {
    if (v8 === undefined) loadSerializers();
    const ser = new ChildProcessSerializer();
    // Room for the length, filled in once it is known.
    ser.writeRawBytes(new Uint8Array(4));
    ser.writeHeader();
    ser.writeValue(message);
    const bytes = ser.releaseBuffer();
    const size = bytes.length - 4;
    bytes[0] = size >>> 24;
    bytes[1] = (size >>> 16) & 0xFF;
    bytes[2] = (size >>> 8) & 0xFF;
    bytes[3] = size & 0xFF;
    return pipe.writeBuffer(req, bytes, handle);
  },
};

module.exports = { json, advanced };
