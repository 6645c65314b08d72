'use strict';

// What every part of the streams needs to know about a stream without
// depending on its class: the flag bits ReadableState and WritableState
// share in their one integer of state (`state[kState]`), and the
// predicates (is it readable, finished, errored, closed...) that
// pipeline, finished() and the operators use on any stream-like object,
// including streams of other implementations (hence the global symbols).
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsWritable = Symbol.for('nodejs.stream.writable');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

// Called by the construct machinery once `_construct` has finished.
const kOnConstructed = Symbol('kOnConstructed');
// How each side's state is reset for a stream made usable again
// (`_undestroy`): set by readable.js and writable.js, whose flag bits these
// are. (Not methods of the states: their prototypes are Node's, which have
// no such key.)
const stateUndestroy = { __proto__: null, readable: null, writable: null };

// The flags both sides have, in bits 0-8; each side numbers its own from 9.
// (The numbering is Node's: the integer shows when a state is inspected.)
const kState = Symbol('kState');
const kObjectMode = 1 << 0;
const kErrorEmitted = 1 << 1;
const kAutoDestroy = 1 << 2;
const kEmitClose = 1 << 3;
const kDestroyed = 1 << 4;
const kClosed = 1 << 5;
const kCloseEmitted = 1 << 6;
const kErrored = 1 << 7;
const kConstructed = 1 << 8;
// Bits of one side that the other side reads (a Duplex auto-destroys once
// both are done): the readable side's endEmitted, the writable side's
// finished and its `writable` switch (set, and on).
const kReadableEndEmitted = 1 << 10;
const kWritableFinished = 1 << 13;
const kWritableHasWritable = 1 << 21;
const kWritableWritable = 1 << 22;

// Accessors for one flag, for the state prototypes: code outside the core
// (and other stream implementations) reads `state.ended`, `state.destroyed`...
function flagProperty(bit) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0; },
    set(value) {
      if (value) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  };
}

// A value kept under `key` while `bit` is set (a falsy one clears it);
// `empty` is what reads give otherwise.
function flagValueProperty(bit, key, empty) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0 ? this[key] : empty; },
    set(value) {
      this[key] = value;
      if (value) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  };
}

// true or false once set, `unset` before (and after a set to null).
function optionalFlagProperty(hasBit, bit, unset) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & hasBit) !== 0 ? (this[kState] & bit) !== 0 : unset; },
    set(value) {
      if (value == null) {
        this[kState] &= ~(hasBit | bit);
      } else if (value) {
        this[kState] |= hasBit | bit;
      } else {
        this[kState] = (this[kState] | hasBit) & ~bit;
      }
    },
  };
}

// The default encoding: 'utf8' (the usual one) as a bit, any other as a value.
function defaultEncodingProperty(utf8Bit, key) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & utf8Bit) !== 0 ? 'utf8' : this[key]; },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= utf8Bit;
      } else {
        this[kState] &= ~utf8Bit;
        this[key] = value;
      }
    },
  };
}

// One object kept at each step of a sample's layout, for the next objects
// built the same way (see keepLayout in bootstrap/realm): the sample's keys
// are plain properties, added in Reflect.ownKeys order.
function keepShapes(sample) {
  require.keepLayout(Object.getPrototypeOf(sample), Reflect.ownKeys(sample));
}

function isReadableNodeStream(obj, strict = false) {
  return !!(
    obj &&
    typeof obj.pipe === 'function' &&
    typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    // A Duplex whose readable side was turned off is not readable; a
    // Writable has pipe() too, but no readable state.
    (!obj._writableState || obj._readableState?.readable !== false) &&
    (!obj._writableState || obj._readableState)
  );
}

function isWritableNodeStream(obj) {
  return !!(
    obj &&
    typeof obj.write === 'function' &&
    typeof obj.on === 'function' &&
    (!obj._readableState || obj._writableState?.writable !== false)
  );
}

function isDuplexNodeStream(obj) {
  return !!(
    obj &&
    typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' &&
    typeof obj.write === 'function'
  );
}

function isNodeStream(obj) {
  return (
    obj &&
    (
      obj._readableState ||
      obj._writableState ||
      (typeof obj.write === 'function' && typeof obj.on === 'function') ||
      (typeof obj.pipe === 'function' && typeof obj.on === 'function')
    )
  );
}

function isReadableStream(obj) {
  return !!(
    obj &&
    !isNodeStream(obj) &&
    typeof obj.pipeThrough === 'function' &&
    typeof obj.getReader === 'function' &&
    typeof obj.cancel === 'function'
  );
}

function isWritableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
}

function isTransformStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' && typeof obj.writable === 'object');
}

function isWebStream(obj) {
  return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
}

// `isAsync`: true for async iterables only, false for sync ones only,
// undefined for either.
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] || state?.destroyed);
}

// end() was called.
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  if (typeof wState?.ended !== 'boolean') return null;
  return wState.ended;
}

// 'finish' was emitted (or, not strict, is only waiting for its tick).
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  if (typeof wState?.finished !== 'boolean') return null;
  return !!(wState.finished || (strict === false && wState.ended === true && wState.length === 0));
}

// push(null) was called.
function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const rState = stream._readableState;
  if (!rState || rState.errored) return false;
  if (typeof rState?.ended !== 'boolean') return null;
  return rState.ended;
}

// 'end' was emitted (or, not strict, is only waiting for its tick).
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const rState = stream._readableState;
  if (rState?.errored) return false;
  if (typeof rState?.endEmitted !== 'boolean') return null;
  return !!(rState.endEmitted || (strict === false && rState.ended === true && rState.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (typeof stream?.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
  if (typeof stream?.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if (opts?.readable !== false && isReadable(stream)) return false;
  if (opts?.writable !== false && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  return stream._writableState?.errored ?? null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  return stream._readableState?.errored ?? null;
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const wState = stream._writableState;
  const rState = stream._readableState;
  if (typeof wState?.closed === 'boolean' || typeof rState?.closed === 'boolean') {
    return wState?.closed || rState?.closed;
  }
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
  return null;
}

// node:http's objects, recognised by their fields (http is not loaded for this).
function isOutgoingMessage(stream) {
  return (
    typeof stream._closed === 'boolean' &&
    typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' &&
    typeof stream._removedContLen === 'boolean'
  );
}

function isServerResponse(stream) {
  return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
}

function isServerRequest(stream) {
  return (
    typeof stream._consuming === 'boolean' &&
    typeof stream._dumped === 'boolean' &&
    stream.req?.upgradeOrConnect === void 0
  );
}

// Whether 'close' can be counted on to come (autoDestroy and emitClose on,
// not closed yet).
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return (!state && isServerResponse(stream)) ||
    !!(state?.autoDestroy && state.emitClose && state.closed === false);
}

function isDisturbed(stream) {
  return !!(stream && (stream[kIsDisturbed] ?? (stream.readableDidRead || stream.readableAborted)));
}

function isErrored(stream) {
  return !!(stream && (
    stream[kIsErrored] ??
    stream.readableErrored ??
    stream.writableErrored ??
    stream._readableState?.errorEmitted ??
    stream._writableState?.errorEmitted ??
    stream._readableState?.errored ??
    stream._writableState?.errored
  ));
}

// What readable's flow, read0 and maybeReadMore_ compare a stream's read
// with: net puts net.Socket's read in `socket` (null once a socket has an
// onread buffer), Duplex's prototype in `duplex`, and in `sourceReading`
// whether a socket's _read would do nothing; readable puts read0 here for
// net, and for stream_base_commons its own push and pushFromHandle, the
// same for a read of a handle.
const plainReads = { socket: null, duplex: null, read0: null, sourceReading: null, push: null, pushFromHandle: null };

// net puts net.Socket's _destroy in `socket`: it calls its callback once,
// before it returns (see destroy's callDestroy).
const syncDestroys = { socket: null };

// net.Socket's _final (`final`) as the stream machinery runs it: `run(socket)`
// makes the same shutdown, reporting its end through `done(socket, err)`
// (writable's, what _final's callback does) instead of a callback made per
// socket, and returns false, having done nothing, when it cannot.
const socketFinals = { final: null, run: null, done: null };

// What net gives a socket's write state as its onwrite once the socket's
// handle has closed, which writable puts here: `closedOnwrite` (see writable).
const socketCloses = { closedOnwrite: null };

module.exports = {
  plainReads,
  syncDestroys,
  socketFinals,
  socketCloses,
  flagProperty,
  flagValueProperty,
  optionalFlagProperty,
  defaultEncodingProperty,
  isClosed,
  isDestroyed,
  isDisturbed,
  isDuplexNodeStream,
  isErrored,
  isFinished,
  isIterable,
  isNodeStream,
  isReadable,
  isReadableEnded,
  isReadableErrored,
  isReadableFinished,
  isReadableNodeStream,
  isReadableStream,
  isServerRequest,
  isServerResponse,
  isTransformStream,
  keepShapes,
  isWebStream,
  isWritable,
  isWritableEnded,
  isWritableErrored,
  isWritableFinished,
  isWritableNodeStream,
  isWritableStream,
  willEmitClose,
  kControllerErrorFunction,
  kIsClosedPromise,
  kIsDestroyed,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsWritable,
  kOnConstructed,
  kState,
  stateUndestroy,
  kObjectMode,
  kErrorEmitted,
  kAutoDestroy,
  kEmitClose,
  kDestroyed,
  kClosed,
  kCloseEmitted,
  kErrored,
  kConstructed,
  kReadableEndEmitted,
  kWritableFinished,
  kWritableHasWritable,
  kWritableWritable,
};
