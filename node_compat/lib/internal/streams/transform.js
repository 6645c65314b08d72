'use strict';

// stream.Transform: a Duplex whose output is computed from its input.
// Each written chunk goes to `_transform(chunk, encoding, cb)`, which
// pushes results (or hands one to `cb(err, value)`); the write completes
// when the readable side has room, so a slow reader holds the writer back.
// When writing ends, `_flush(cb)` may push the last data, then the
// readable side ends.

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');

module.exports = Transform;

Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

// The callback of a write held back until the reader wants more.
const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // With a readable high-water mark of 0 the writable side buffers nothing
  // either, so data is not held twice.
  const readableHighWaterMark = options ? getHighWaterMark(false, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options); // at node:internal/streams/transform:102:10

  // _read does nothing a synchronous push could upset.
  this._readableState.sync = false;

  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // Flushing on 'prefinish' rather than in _final keeps working the
  // transforms that define _final themselves.
  this.on('prefinish', prefinish);
}

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => { // at Transform.final [as _final] (node:internal/streams/transform:128:10) calling Transform._flush
      if (er) {
        if (cb) cb(er); // at node:internal/streams/transform:131:11
        else this.destroy(er); // at node:internal/streams/transform:133:16
        return;
      }
      if (data != null) this.push(data); // at node:internal/streams/transform:139:14
      this.push(null); // at node:internal/streams/transform:141:12
      if (cb) cb(); // at node:internal/streams/transform:143:9
    });
  } else {
    this.push(null); // at Transform.final [as _final] (node:internal/streams/transform:147:10)
    if (cb) cb(); // at Transform.final [as _final] (node:internal/streams/transform:149:7)
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()'); // at node:internal/streams/transform:163:9
};

Transform.prototype._write = function(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;

  this._transform(chunk, encoding, (err, val) => { // at Transform._write (node:internal/streams/transform:171:8) calling Transform._transform
    if (err) {
      callback(err); // at node:internal/streams/transform:173:7
      return;
    }
    if (val != null) this.push(val); // at node:internal/streams/transform:178:12

    if (rState.ended) {
      // The transform pushed null itself: let that settle first.
      process.nextTick(callback);
    } else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback(); // at node:internal/streams/transform:191:7
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function() {
  const callback = this[kCallback];
  if (callback) {
    this[kCallback] = null;
    callback(); // at Transform._read (node:internal/streams/transform:202:5)
  }
};
