'use strict';

// Blob: immutable bytes with a MIME type. The sources are copied into chunks
// when the Blob is made; slices share those chunks. Reading is asynchronous
// and takes as many microtask turns as Node's blob reader (two per chunk but
// the last), so promise order relative to other work matches Node's.
// node:buffer loads this module last (it needs that module's exports); the
// rest of the library reaches Blob through node:buffer.

const {
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateDictionary } = require('internal/validators');
const { customInspectSymbol, kEmptyObject } = require('internal/util');
const { isAnyArrayBuffer, utf8Encode } = require('internal/buffer');
const { kMaxLength } = require('buffer');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');

// A Blob's state, kept (as in Node) in symbol-keyed own properties: the
// chunks (Uint8Array[]), the total size and the type.
const kHandle = Symbol('kHandle');
const kLength = Symbol('kLength');
const kType = Symbol('kType');

const kDisallowedTypeCharacters = /[^\u0020-\u007E]/;

function normalizeType(type) {
  type = `${type}`;
  return kDisallowedTypeCharacters.test(type) ? '' : type.toLowerCase();
}

function isBlob(value) {
  return value?.[kHandle] !== undefined;
}

function checkBlob(value) {
  if (!isBlob(value)) throw new ERR_INVALID_THIS('Blob');
}

function setState(blob, chunks, size, type) {
  blob[kHandle] = chunks;
  blob[kLength] = size;
  blob[kType] = type;
}

// The chunks one source contributes (copies, so later changes to the source
// do not show through).
function chunksOf(source, endings) {
  if (isBlob(source)) return source[kHandle];
  let bytes;
  if (isAnyArrayBuffer(source)) {
    bytes = new Uint8Array(source);
  } else if (ArrayBuffer.isView(source)) {
    bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  } else {
    let text = `${source}`;
    if (endings === 'native') text = text.replace(/\r?\n/g, '\n');
    return [utf8Encode(text)];
  }
  return [bytes.slice()];
}

// A Blob over existing chunks (a slice, or what an object URL names), laid
// out as Node's are: an own `constructor`, then the state.
function makeBlob(chunks, size, type) {
  const blob = Object.create(Blob.prototype);
  blob.constructor = Blob;
  blob[kHandle] = chunks;
  blob[kType] = type;
  blob[kLength] = size;
  markTransferMode(blob, true);
  return blob;
}

function totalBytes(chunks) {
  let n = 0;
  for (const chunk of chunks) n += chunk.length;
  return n;
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources === 'string' || typeof sources[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? kEmptyObject;
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const chunks = [];
    for (const source of sources) {
      for (const chunk of chunksOf(source, endings)) chunks.push(chunk);
    }
    const size = totalBytes(chunks);
    if (size > kMaxLength) throw new ERR_BUFFER_TOO_LARGE(kMaxLength);
    setState(this, chunks, size, normalizeType(type));
    markTransferMode(this, true);
  }

  get type() {
    checkBlob(this);
    return this[kType];
  }

  get size() {
    checkBlob(this);
    return this[kLength];
  }

  slice(start = 0, end = undefined, contentType = '') {
    checkBlob(this);
    const size = this[kLength];
    if (end === undefined) end = size;
    start = start < 0 ? Math.max(size + start, 0) : Math.min(start, size);
    end = end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
    start = Math.trunc(start) || 0;
    end = Math.trunc(end) || 0;
    const span = Math.max(end - start, 0);
    const chunks = [];
    if (span > 0) {
      // Every chunk keeps its place (possibly empty), as Node's slices do.
      let pos = 0;
      for (const chunk of this[kHandle]) {
        const from = Math.min(Math.max(start - pos, 0), chunk.length);
        const to = Math.min(Math.max(start + span - pos, 0), chunk.length);
        chunks.push(chunk.subarray(from, to));
        pos += chunk.length;
      }
    }
    return makeBlob(chunks, span, normalizeType(contentType));
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return readAll(this[kHandle], this[kLength]);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return this.arrayBuffer().then((ab) => decoder().decode(ab));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return this.arrayBuffer().then((ab) => new Uint8Array(ab));
  }

  // A web ReadableStream of the bytes (needs the stream/web builtin).
  stream() {
    checkBlob(this);
    const chunks = this[kHandle];
    const { ReadableStream } = require('stream/web');
    let index = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        while (index < chunks.length && chunks[index].length === 0) index++;
        if (index === chunks.length) {
          controller.close();
          return;
        }
        controller.enqueue(chunks[index++].slice());
      },
    });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${lazyInspect({ size: this.size, type: this.type }, opts)}`;
  }

  // A copy (structuredClone, postMessage) shares the chunks: they never change.
  [kClone]() {
    return {
      data: { handle: this[kHandle], type: this[kType], length: this[kLength] },
      deserializeInfo: 'internal/blob:Blob',
    };
  }

  [kDeserialize]({ handle, type, length }) {
    this[kHandle] = handle;
    this[kType] = type;
    this[kLength] = length;
  }
}

for (const key of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream']) {
  Object.defineProperty(Blob.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Blob', configurable: true, enumerable: false, writable: false,
});

let textDecoder;
function decoder() {
  textDecoder ??= new (require('internal/encoding').TextDecoder)();
  return textDecoder;
}

let utilInspect;
function lazyInspect(value, opts) {
  utilInspect ??= require('internal/util/inspect').inspect;
  return utilInspect(value, opts);
}

// Gathers the chunks into one ArrayBuffer, pacing the turns like Node's reader.
function readAll(chunks, size) {
  return new Promise((resolve) => {
    let index = 0;
    const step = () => {
      if (index === chunks.length) {
        const out = new Uint8Array(size);
        let pos = 0;
        for (const chunk of chunks) {
          out.set(chunk, pos);
          pos += chunk.length;
        }
        resolve(out.buffer);
        return;
      }
      index++;
      if (index === chunks.length) queueMicrotask(step);
      else queueMicrotask(() => queueMicrotask(step));
    };
    step();
  });
}

function resolveObjectURL(url) {
  const blob = require('internal/url/blob_registry').resolveObjectURL(url);
  return blob === undefined ? undefined : makeBlob(blob[kHandle], blob[kLength], blob[kType]);
}

module.exports = {
  Blob,
  isBlob,
  kHandle,
  kLength,
  kType,
  resolveObjectURL,
};
