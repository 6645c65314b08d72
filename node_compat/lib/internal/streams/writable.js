'use strict';

// Writable from the vendored readable-stream, with Node 23.5's write():
// any TypedArray or DataView is accepted as a chunk (and its error message
// says so), and in object mode `_write` receives the encoding exactly as
// given (undefined when omitted, null when a callback took its place).
// end(chunk) goes through the same path.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { Buffer } = require('buffer');

const Writable = require('vendor/readable-stream/lib/internal/streams/writable');

const vendoredWrite = Writable.prototype.write;
const vendoredEnd = Writable.prototype.end;

function toBufferChunk(chunk) {
  if (typeof chunk === 'string' || chunk instanceof Buffer || chunk === null || chunk === undefined) return chunk;
  if (ArrayBuffer.isView(chunk)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const types = ['string', 'Buffer', 'TypedArray', 'DataView'];
  throw new ERR_INVALID_ARG_TYPE('chunk', types, chunk); // at node:internal/streams/writable:480:13
}

// Object-mode writes: the vendored code substitutes the default encoding
// for a missing one, so hand it the value Node passes instead.
function writeObject(stream, state, chunk, encoding, cb) {
  const saved = state.defaultEncoding;
  state.defaultEncoding = typeof encoding === 'function' ? null : undefined;
  try {
    return vendoredWrite.call(stream, chunk, encoding, cb);
  } finally {
    state.defaultEncoding = saved;
  }
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  const state = this._writableState;
  if (state.objectMode) {
    if (!encoding || typeof encoding === 'function') return writeObject(this, state, chunk, encoding, cb);
    return vendoredWrite.call(this, chunk, encoding, cb);
  }
  // Buffers, the common chunks, go straight through.
  if (!(chunk instanceof Buffer)) chunk = toBufferChunk(chunk);
  return vendoredWrite.call(this, chunk, encoding, cb);
};

Writable.prototype.end = function end(chunk, encoding, cb) {
  if (!this._writableState.objectMode && typeof chunk !== 'function') chunk = toBufferChunk(chunk);
  return vendoredEnd.call(this, chunk, encoding, cb);
};

module.exports = Writable;
