'use strict';

// stream.Duplex: a Readable that is also a Writable. Its prototype chain
// goes through Readable; the Writable methods are copied onto it (and
// `instanceof Writable` holds through Writable's Symbol.hasInstance). Each
// side has its own state; destroy() is the Writable one, which also fails
// pending writes. Without `allowHalfOpen`, the end of the readable side
// ends the writable side.
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const EE = require('events');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { keepShapes, kOnConstructed, kState, kDestroyed } = require('internal/streams/utils');

module.exports = Duplex;

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// write, cork, uncork, setDefaultEncoding, _write, _writev and end (the
// others Readable has already).
for (const method of Object.keys(Writable.prototype)) {
  Duplex.prototype[method] ||= Writable.prototype[method];
}

Duplex.prototype.destroy = Writable.prototype.destroy;

// EventEmitter.init, and the symbol-keyed fields it gives an emitter.
const { init: eeInit, kShapeMode, kCapture } = require('internal/events/listeners');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  let ownEvents = false;
  if (this._events === void 0 || this._events === null) {
    // The usual events get their keys now, so the object keeps one shape.
    this._events = {
      close: void 0,
      error: void 0,
      prefinish: void 0,
      finish: void 0,
      drain: void 0,
      data: void 0,
      end: void 0,
      readable: void 0,
    };
    ownEvents = true;
  }

  this._readableState = new Readable.ReadableState(options, this, true); // at node:internal/streams/duplex:86:25
  this._writableState = new Writable.WritableState(options, this, true); // at node:internal/streams/duplex:87:25

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }

    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }

    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this); // at node:internal/streams/duplex:124:7
  } else {
    this.allowHalfOpen = true;
  }

  // What Stream(options) does (EventEmitter's init): inline for the events
  // made above (shape mode) while init is EventEmitter's own.
  if (ownEvents && EE.init === eeInit && !options?.captureRejections) {
    this[kShapeMode] = true;
    this._maxListeners = this._maxListeners || void 0;
    this[kCapture] = EE.prototype[kCapture];
  } else {
    EE.init.call(this, options);
  }

  if (this._construct !== void 0 && this._construct !== null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
      this._writableState[kOnConstructed](this);
    });
  }
}

// One object at each step of the _events layout (see keepShapes).
keepShapes(new Duplex()._events);

let addAbortSignalImpl;
function addAbortSignal(signal, stream) {
  addAbortSignalImpl ??= require('internal/streams/add-abort-signal');
  addAbortSignalImpl.addAbortSignal(signal, stream); // at -
}

// The Writable's accessors; `destroyed` is true once both sides are.
function writableAccessor(name) {
  return { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, name) };
}
Object.defineProperties(Duplex.prototype, {
  writable: writableAccessor('writable'),
  writableHighWaterMark: writableAccessor('writableHighWaterMark'),
  writableObjectMode: writableAccessor('writableObjectMode'),
  writableBuffer: writableAccessor('writableBuffer'),
  writableLength: writableAccessor('writableLength'),
  writableFinished: writableAccessor('writableFinished'),
  writableCorked: writableAccessor('writableCorked'),
  writableEnded: writableAccessor('writableEnded'),
  writableNeedDrain: writableAccessor('writableNeedDrain'),

  destroyed: {
    __proto__: null,
    get() {
      const r = this._readableState;
      const w = this._writableState;
      if (r === void 0 || w === void 0) return false;
      return (r[kState] & w[kState] & kDestroyed) !== 0;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

// Web streams are not part of pynode yet; the adapters module says so.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex);
};

let duplexify;
Duplex.from = function(body) {
  duplexify ??= require('internal/streams/vendored').vendored('internal/streams/duplexify');
  return duplexify(body, 'body');
};
