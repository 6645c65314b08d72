'use strict';

// node:stream — Node 23.5's streams: our own core (Readable, Writable,
// Duplex, Transform, PassThrough, finished, pipeline, under
// internal/streams/) and, from the vendored readable-stream package (see
// internal/streams/vendored.js), compose and the operators on
// Readable.prototype; with Node 23.5's exports:
// duplexPair, the default high-water marks and the promise forms.

const { vendored } = require('internal/streams/vendored');
const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { promisify: { custom: customPromisify } } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');

const utils = require('internal/streams/utils');
const { streamReturningOperators, promiseReturningOperators } = vendored('internal/streams/operators');
const compose = vendored('internal/streams/compose');
const { pipeline } = require('internal/streams/pipeline');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');

const Stream = module.exports = require('internal/streams/legacy').Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = require('internal/streams/readable');

// Operators that return a stream wrap their async generator in Readable.from;
// the others return a promise. Neither can be used with `new` (Node refuses
// it from a line of its own for each kind).
function defineOperator(name, op, returnsStream) {
  const fn = function(...args) {
    if (new.target) {
      const err = new ERR_ILLEGAL_CONSTRUCTOR();
      throw markThrowSite(err, returnsStream ? 'node:stream:70:13' : 'node:stream:90:13');
    }
    const result = Reflect.apply(op, this, args);
    return returnsStream ? Stream.Readable.from(result) : result;
  };
  Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
  Object.defineProperty(Stream.Readable.prototype, name, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}
// asIndexedPairs was removed in Node 22.
for (const name of Object.keys(streamReturningOperators)) {
  if (name !== 'asIndexedPairs') defineOperator(name, streamReturningOperators[name], true);
}
for (const name of Object.keys(promiseReturningOperators)) {
  defineOperator(name, promiseReturningOperators[name], false);
}

Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.duplexPair = require('internal/streams/duplexpair');
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

let promises;
Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises;
  },
});
Object.defineProperty(pipeline, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.pipeline; },
});
Object.defineProperty(eos, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.finished; },
});

// Backwards compatibility with node 0.4.x.
Stream.Stream = Stream;

Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = function isUint8Array(value) {
  return value instanceof Uint8Array;
};
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  const { Buffer } = require('buffer');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};
