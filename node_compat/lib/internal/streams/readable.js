'use strict';

// stream.Readable: Node 23.5's semantics, written for an interpreter.
//
// Data enters with push() (from `_read(size)`, or whenever the source has
// some) and leaves either through read() ('readable' mode, the consumer
// pulls) or as 'data' events (flowing mode: resume(), a 'data' listener or
// pipe()). While flowing with an empty buffer a pushed chunk is emitted at
// once; otherwise it is buffered, and read() calls emit it while the stream
// flows. The stream asks `_read` for more while the buffer is under the
// high-water mark, a tick after each push (maybeReadMore). push(null) ends
// it: 'end' comes once the buffer is empty, then auto-destroy ('close').
//
// As in the Writable, the booleans are bits of `state[kState]` (accessors
// give the old names), the buffer is an array read from `bufferIndex`, and
// the hot paths are plain functions over (stream, state).
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const EE = require('events');
const eeListeners = require('internal/events/listeners');
const { Stream, prependListener } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const destroyImpl = require('internal/streams/destroy');
const { checkHighWaterMark, defaultHighWaterMarks } = require('internal/streams/state');
const {
  flagProperty,
  flagValueProperty,
  optionalFlagProperty,
  defaultEncodingProperty,
  keepShapes,
  plainReads,
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
} = require('internal/streams/utils');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { aggregateTwoErrors } = require('internal/streams/vendor/errors');
const { validateObject } = require('internal/validators');
const { StringDecoder } = require('string_decoder');
const { kOneArgument, nextTick2 } = require('internal/process/task_queues');

const { errorOrDestroy } = destroyImpl;

// EventEmitter's emit: while a stream has it, an event no one listens to
// (most 'readable' and 'resume') need not be emitted, which saves a call
// and its arguments array, and one that is goes to emitListened0/1.
const { emit: eeEmit, emitListened0, emitListened1 } = eeListeners;

module.exports = Readable;
Readable.ReadableState = ReadableState;

Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

function nop() {}

// Values kept only while their flag bit is set.
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

// The readable side's own bits (bits 0-8 are shared, see streams/utils).
const kEnded = 1 << 9;                // push(null) happened
const kEndEmitted = kReadableEndEmitted;
const kReading = 1 << 11;             // _read was called and has not pushed yet
const kSync = 1 << 12;                // inside _read: a push is synchronous
const kNeedReadable = 1 << 13;        // a 'readable' is owed when data comes
const kEmittedReadable = 1 << 14;     // a 'readable' is scheduled or emitted
const kReadableListening = 1 << 15;
const kResumeScheduled = 1 << 16;
const kMultiAwaitDrain = 1 << 17;     // awaitDrainWriters is a Set (several pipes)
const kReadingMore = 1 << 18;         // maybeReadMore is scheduled
const kDataEmitted = 1 << 19;
const kDefaultUTF8Encoding = 1 << 20;
const kDecoder = 1 << 21;
const kEncoding = 1 << 22;
const kHasFlowing = 1 << 23;          // flowing is true or false, not null
const kFlowing = 1 << 24;
const kHasPaused = 1 << 25;
const kPaused = 1 << 26;
const kDataListening = 1 << 27;

// Masks the hot paths test, computed once (QuickJS evaluates `kA | kB` each
// time, a closure variable read per name).
// _read may be called when, of these, only kConstructed is set.
const kReadGate = kReading | kEnded | kDestroyed | kErrored | kConstructed;
// A pushed chunk goes straight out as 'data' when flowing, listened to and
// not inside _read.
const kDirectDataMask = kFlowing | kSync | kDataListening;
const kDirectData = kFlowing | kDataListening;
// The same for a handle's read, which also goes straight out only in byte
// mode, neither ended nor destroyed, without a decoder.
const kHandleDirectMask = kDirectDataMask | kObjectMode | kEnded | kDestroyed | kErrored | kDecoder;
// endReadableNT has nothing to do.
const kNoEnd = kErrored | kCloseEmitted | kEndEmitted;
const kDestroyedOrErrored = kDestroyed | kErrored;
// What _undestroy() clears.
const kUndestroyClears = kClosed | kCloseEmitted | kDestroyed | kErrored | kErrorEmitted | kReading | kEnded |
  kEndEmitted;

Object.defineProperties(ReadableState.prototype, {
  objectMode: flagProperty(kObjectMode),
  ended: flagProperty(kEnded),
  endEmitted: flagProperty(kEndEmitted),
  reading: flagProperty(kReading),
  constructed: flagProperty(kConstructed),
  sync: flagProperty(kSync),
  needReadable: flagProperty(kNeedReadable),
  emittedReadable: flagProperty(kEmittedReadable),
  readableListening: flagProperty(kReadableListening),
  resumeScheduled: flagProperty(kResumeScheduled),
  errorEmitted: flagProperty(kErrorEmitted),
  emitClose: flagProperty(kEmitClose),
  autoDestroy: flagProperty(kAutoDestroy),
  destroyed: flagProperty(kDestroyed),
  closed: flagProperty(kClosed),
  closeEmitted: flagProperty(kCloseEmitted),
  multiAwaitDrain: flagProperty(kMultiAwaitDrain),
  readingMore: flagProperty(kReadingMore),
  dataEmitted: flagProperty(kDataEmitted),

  errored: flagValueProperty(kErrored, kErroredValue, null),
  defaultEncoding: defaultEncodingProperty(kDefaultUTF8Encoding, kDefaultEncodingValue),
  decoder: flagValueProperty(kDecoder, kDecoderValue, null),
  encoding: flagValueProperty(kEncoding, kEncodingValue, null),

  // null until data is consumed one way or the other, then true/false.
  flowing: optionalFlagProperty(kHasFlowing, kFlowing, null),

  pipesCount: {
    __proto__: null,
    get() { return this.pipes.length; },
  },

  // pause() was called (and resume() not since).
  paused: {
    __proto__: null,
    get() { return (this[kState] & kPaused) !== 0; },
    set(value) {
      this[kState] |= kHasPaused;
      if (value) this[kState] |= kPaused;
      else this[kState] &= ~kPaused;
    },
  },
});

// (The flags are gathered in a local and `kState` is added last: symbol-keyed
// access costs several times a plain field's in QuickJS. It still comes
// before any other symbol, as in Node, for Reflect.ownKeys.)
function ReadableState(options, stream, isDuplex) {
  let flags = kEmitClose | kAutoDestroy | kConstructed | kSync | kDefaultUTF8Encoding;
  // _read is called while fewer bytes (objects) than this are buffered;
  // with 0, only when the consumer asks.
  let hwm;
  let defaultEncoding;
  // (The options are read in one block: each `options?.` is a test more.)
  if (options) {
    if (options.objectMode) flags |= kObjectMode;
    if (isDuplex && options.readableObjectMode) flags |= kObjectMode;
    // (What getHighWaterMark does, a call shorter.)
    hwm = options.highWaterMark ?? (isDuplex ? options.readableHighWaterMark : void 0);
    if (hwm === void 0 || hwm === null) {
      hwm = (flags & kObjectMode) !== 0 ? defaultHighWaterMarks.objects : defaultHighWaterMarks.bytes;
    } else if (typeof hwm !== 'number' || (hwm | 0) !== hwm || hwm < 0) {
      // (A non-negative int32 is valid: no call needed to tell.)
      hwm = checkHighWaterMark(hwm, 'readableHighWaterMark', isDuplex); // at new ReadableState (node:internal/streams/readable:276:5)
    }
    if (options.emitClose === false) flags &= ~kEmitClose;
    if (options.autoDestroy === false) flags &= ~kAutoDestroy;
    defaultEncoding = options.defaultEncoding;
    if (defaultEncoding !== void 0 && defaultEncoding !== null &&
        defaultEncoding !== 'utf8' && defaultEncoding !== 'utf-8') {
      if (!Buffer.isEncoding(defaultEncoding)) {
        throw new ERR_UNKNOWN_ENCODING(defaultEncoding); // at node:internal/streams/readable:299:11
      }
      flags &= ~kDefaultUTF8Encoding;
    }
  } else {
    hwm = defaultHighWaterMarks.bytes;
  }

  this.highWaterMark = hwm;
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];
  // The pipe destinations a 'drain' is awaited from: null, one stream, or
  // a Set of them.
  this.awaitDrainWriters = null;
  this[kState] = flags;
  if ((flags & kDefaultUTF8Encoding) === 0) this[kDefaultEncodingValue] = defaultEncoding;

  if (options?.encoding) {
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

keepShapes(new ReadableState(void 0, null, false));

// Constructed, not destroyed, closed or errored, not reading; ended only
// when the readable side is off.
stateUndestroy.readable = function undestroy(state) {
  const off = state.readable === false;
  state[kState] = (state[kState] | kConstructed) & ~kUndestroyClears;
  if (off) state[kState] |= kEnded | kEndEmitted;
};

ReadableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if ((this[kState] & kNeedReadable) !== 0) maybeReadMore(stream, this);
};

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);

  // The usual events get their keys now, so the object keeps one shape.
  this._events ??= {
    close: void 0,
    error: void 0,
    data: void 0,
    end: void 0,
    readable: void 0,
  };

  this._readableState = new ReadableState(options, this, false); // at node:internal/streams/readable:337:25

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this); // at node:internal/streams/readable:350:7
  }

  // What Stream(options) does (EventEmitter's init), two calls shorter.
  EE.init.call(this, options);

  if (this._construct !== void 0 && this._construct !== null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
    });
  }
}

let addAbortSignalImpl;
function addAbortSignal(signal, stream) {
  addAbortSignalImpl ??= require('internal/streams/add-abort-signal');
  addAbortSignalImpl.addAbortSignal(signal, stream); // at -
}

let eosImpl;
function eos(stream, options, callback) {
  eosImpl ??= require('internal/streams/end-of-stream');
  return eosImpl(stream, options, callback);
}

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

Readable.prototype[Symbol.asyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError(); // at node:internal/streams/readable:375:41
    this.destroy(error);
  }
  return new Promise((resolve, reject) => eos(this, {}, (err) => (err && err !== error ? reject(err) : resolve(null))));
};

// Adds a chunk (null: the end); true while more is welcome (under the
// high-water mark and not ended).
Readable.prototype.push = function(chunk, encoding) {
  const state = this._readableState;
  // (The flags are read into a local, passed on: symbol-keyed access costs
  // several times a plain field's in QuickJS.)
  const flags = state[kState];
  return (flags & kObjectMode) === 0 ?
    pushBytes(this, state, chunk, encoding, flags) : // at Readable.push (node:internal/streams/readable:390:5)
    pushObject(this, state, chunk, encoding, flags); // at Readable.push (node:internal/streams/readable:391:5)
};
plainReads.push = Readable.prototype.push;

// Puts a chunk back at the front (a parser that read too much).
Readable.prototype.unshift = function(chunk, encoding) {
  const state = this._readableState;
  return (state[kState] & kObjectMode) === 0 ?
    unshiftBytes(this, state, chunk, encoding) :
    unshiftObject(this, state, chunk);
};

function unshiftBytes(stream, state, chunk, encoding) {
  if (chunk === null) {
    onEofChunk(stream, state, state[kState] & ~kReading);
    return false;
  }

  if (typeof chunk === 'string') {
    encoding ||= state.defaultEncoding;
    if (state.encoding !== encoding) {
      // With an encoding set, the buffer holds strings in that encoding.
      chunk = state.encoding ?
        Buffer.from(chunk, encoding).toString(state.encoding) :
        Buffer.from(chunk, encoding);
    }
  } else if (ArrayBuffer.isView(chunk)) {
    // (A Buffer too gets a new view, as in Node.)
    chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  } else if (chunk !== void 0) {
    const types = ['string', 'Buffer', 'TypedArray', 'DataView'];
    errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE('chunk', types, chunk)); // at readableAddChunkUnshiftByteMode (node:internal/streams/readable:426:28)
    return false;
  }

  if (!(chunk && chunk.length > 0)) return canPushMore(state);
  return unshiftValue(stream, state, chunk);
}

function unshiftObject(stream, state, chunk) {
  if (chunk === null) {
    onEofChunk(stream, state, state[kState] & ~kReading);
    return false;
  }
  return unshiftValue(stream, state, chunk);
}

function unshiftValue(stream, state, chunk) {
  if ((state[kState] & kEndEmitted) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT()); // at readableAddChunkUnshiftValue (node:internal/streams/readable:452:28)
  } else if ((state[kState] & kDestroyedOrErrored) !== 0) {
    return false;
  } else {
    addChunk(stream, state, chunk, true, state[kState]);
  }
  return canPushMore(state);
}

// `flags`: state[kState] as push() read it.
function pushBytes(stream, state, chunk, encoding, flags) {
  if (chunk === null) {
    onEofChunk(stream, state, flags & ~kReading); // at readableAddChunkPushByteMode (node:internal/streams/readable:464:5)
    return false;
  }

  // Buffers first: they are what sockets and files push.
  if (chunk instanceof Buffer) {
    encoding = '';
  } else {
    if (typeof chunk === 'string') {
      encoding ||= state.defaultEncoding;
      if (state.encoding !== encoding) {
        chunk = Buffer.from(chunk, encoding);
        encoding = '';
      }
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk !== void 0) {
      const types = ['string', 'Buffer', 'TypedArray', 'DataView'];
      errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE('chunk', types, chunk)); // at readableAddChunkPushByteMode (node:internal/streams/readable:480:28)
      return false;
    }
    // (A conversion runs code, which might have changed them.)
    flags = state[kState];
  }

  if (!chunk || chunk.length <= 0) {
    // An empty push only ends the pending read.
    state[kState] = flags & ~kReading;
    maybeReadMore(stream, state);
    return canPushMore(state);
  }

  if ((flags & kEnded) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF()); // at readableAddChunkPushByteMode (node:internal/streams/readable:493:28)
    return false;
  }
  if ((flags & kDestroyedOrErrored) !== 0) return false;

  if ((flags & kDecoder) !== 0 && !encoding) {
    state[kState] = flags & ~kReading;
    chunk = state[kDecoderValue].write(chunk);
    if (chunk.length === 0) {
      maybeReadMore(stream, state);
      return canPushMore(state);
    }
  }

  addChunk(stream, state, chunk, false, flags & ~kReading); // at readableAddChunkPushByteMode (node:internal/streams/readable:510:3)
  // (canPushMore, inline.)
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}

// push(chunk) as a handle's read makes it (stream_base_commons'
// onStreamRead): a Buffer with bytes in it, for a stream whose push is
// Readable's. The usual case, a flowing stream with nothing buffered, has
// pushBytes, addChunk and maybeReadMore inline: three calls fewer a read.
function pushFromHandle(stream, chunk) {
  var state = stream._readableState;
  var flags = state[kState];
  if ((flags & kHandleDirectMask) !== kDirectData || state.length !== 0) {
    return pushBytes(stream, state, chunk, void 0, flags); // at Readable.push (node:internal/streams/readable:390:5)
  }
  if ((flags & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
  state[kState] = (flags & ~kReading) | kDataEmitted;
  if (stream.emit !== eeEmit) stream.emit('data', chunk); // at addChunk (node:internal/streams/readable:559:12) | readableAddChunkPushByteMode (node:internal/streams/readable:510:3) | Readable.push (node:internal/streams/readable:390:5)
  else if (stream._events?.data !== void 0) emitListened1(stream, 'data', stream._events.data, chunk); // at addChunk (node:internal/streams/readable:559:12) | readableAddChunkPushByteMode (node:internal/streams/readable:510:3) | Readable.push (node:internal/streams/readable:390:5)
  // (maybeReadMore, inline.)
  var after = state[kState];
  if ((after & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] = after | kReadingMore;
    nextTick2(maybeReadMore_, stream, state);
  }
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}
plainReads.pushFromHandle = pushFromHandle;

function pushObject(stream, state, chunk, encoding, flags) {
  if (chunk === null) {
    onEofChunk(stream, state, flags & ~kReading);
    return false;
  }

  if ((flags & kEnded) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF()); // at readableAddChunkPushObjectMode (node:internal/streams/readable:522:28)
    return false;
  }
  if ((flags & kDestroyedOrErrored) !== 0) return false;

  if ((flags & kDecoder) !== 0 && !encoding) {
    state[kState] = flags & ~kReading;
    chunk = state[kDecoderValue].write(chunk);
  }

  addChunk(stream, state, chunk, false, flags & ~kReading);
  return canPushMore(state);
}

// Under the high-water mark (or empty, for a mark of 0) and not ended.
function canPushMore(state) {
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}

// `flags`: the state's flags as they are to be (push stores them here).
function addChunk(stream, state, chunk, addToFront, flags) {
  if ((flags & kDirectDataMask) === kDirectData && state.length === 0) {
    // Flowing with nothing buffered: straight to the 'data' listeners.
    if ((flags & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state[kState] = flags | kDataEmitted;
    if (stream.emit !== eeEmit) stream.emit('data', chunk); // at addChunk (node:internal/streams/readable:559:12)
    else if (stream._events?.data !== void 0) emitListened1(stream, 'data', stream._events.data, chunk); // at addChunk (node:internal/streams/readable:559:12)
  } else {
    state[kState] = flags;
    state.length += (flags & kObjectMode) !== 0 ? 1 : chunk.length;
    if (!addToFront) {
      state.buffer.push(chunk);
    } else if (state.bufferIndex > 0) {
      state.buffer[--state.bufferIndex] = chunk;
    } else {
      state.buffer.unshift(chunk);
    }
    if ((flags & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function() {
  const state = this._readableState;
  return (state[kState] & kPaused) !== 0 || (state[kState] & (kHasFlowing | kFlowing)) === kHasFlowing;
};

Readable.prototype.setEncoding = function(enc) {
  const state = this._readableState;
  const decoder = new StringDecoder(enc); // at Readable.setEncoding (node:internal/streams/readable:588:19)
  state.decoder = decoder;
  // The decoder's name for it (utf8 for null).
  state.encoding = decoder.encoding;

  // What is buffered already is decoded now.
  const buffer = state.buffer;
  let content = '';
  for (let i = state.bufferIndex; i < buffer.length; i++) content += decoder.write(buffer[i]);
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

// read(n) above the high-water mark raises it, to the next power of two
// (at most 1 GiB).
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) {
    throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n); // at node:internal/streams/readable:611:11
  }
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  return n + 1;
}

// How much read(n) can return now (0: nothing yet); `flags` is state[kState].
function howMuchToRead(n, state, flags) {
  if (n <= 0 || (state.length === 0 && (flags & kEnded) !== 0)) return 0;
  if ((flags & kObjectMode) !== 0) return 1;
  if (Number.isNaN(n)) {
    // read(): flowing takes one chunk at a time, else everything.
    if ((flags & kFlowing) !== 0 && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (flags & kEnded) !== 0 ? state.length : 0;
}

// (The flags are kept in a local and stored back before each call that
// may change them: symbol-keyed access costs several times a plain
// field's in QuickJS.)
Readable.prototype.read = function(n) {
  const state = this._readableState;
  if (n === 0) {
    // read(0), the usual call (the stream's own calls make it to fill the
    // buffer), with each field read once: it only owes a 'readable' (or
    // 'end') when enough is buffered or the end came, else calls _read
    // when one is due; it always returns null.
    let flags = state[kState];
    const length = state.length;
    const hwm = state.highWaterMark;

    if ((flags & kEnded) !== 0) {
      // (endReadable, inline: kEnded is set already.)
      if (length === 0 && (flags & kEndEmitted) === 0) nextTick2(endReadableNT, state, this);
      else if ((flags & kNeedReadable) !== 0 && length !== 0) emitReadable(this);
      return null;
    }
    if ((flags & kNeedReadable) !== 0 && (hwm !== 0 ? length >= hwm : length > 0)) {
      emitReadable(this);
      return null;
    }

    if ((flags & kReadGate) === kConstructed && // (kEnded is clear here)
        ((flags & kNeedReadable) !== 0 || length === 0 || length < hwm)) {
      flags |= kReading | kSync;
      if (length === 0) flags |= kNeedReadable;
      state[kState] = flags;
      try {
        this._read(hwm); // at Readable.read (node:internal/streams/readable:737:12) calling Readable._read
      } catch (err) {
        errorOrDestroy(this, err);
      }
      flags = state[kState] & ~kSync;
      if (state.length <= state.highWaterMark) flags |= kNeedReadable;
    } else if (length <= hwm) {
      flags |= kNeedReadable;
    }
    state[kState] = flags;
    return null;
  }
  if (n === void 0) {
    // read() with nothing buffered (the last call of a flowing loop) when
    // no _read is due: no data, at most the end.
    const flags = state[kState] & ~kEmittedReadable;
    if (state.length === 0 &&
        (flags & kReadGate) !== kConstructed) {
      if ((flags & kEnded) !== 0) {
        state[kState] = flags;
        // (endReadable, inline.)
        if ((flags & kEndEmitted) === 0) nextTick2(endReadableNT, state, this);
      } else {
        state[kState] = flags | kNeedReadable;
      }
      return null;
    }
    n = NaN;
  } else if (!Number.isInteger(n)) {
    n = Number.parseInt(n, 10);
  }
  const nOrig = n;
  let flags = state[kState];

  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) {
    flags &= ~kEmittedReadable;
    state[kState] = flags;
  }

  // read(0) with enough buffered (or the end reached) only owes a
  // 'readable' (or 'end').
  if (n === 0 &&
      (flags & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       (flags & kEnded) !== 0)) {
    if (state.length === 0 && (flags & kEnded) !== 0) endReadable(this);
    else emitReadable(this);
    return null;
  }

  // (n <= 0 gets nothing: no call needed to know it.)
  n = n <= 0 ? 0 : howMuchToRead(n, state, flags);

  if (n === 0 && (flags & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read for more when a 'readable' is owed or the buffer would fall
  // under the mark; not when ended, already reading, constructing,
  // destroyed or errored. _read may push synchronously, so how much to
  // return is decided after it.
  if ((flags & kReadGate) === kConstructed && // (kEnded is clear here)
      ((flags & kNeedReadable) !== 0 || state.length === 0 || state.length - n < state.highWaterMark)) {
    flags |= kReading | kSync;
    if (state.length === 0) flags |= kNeedReadable;
    state[kState] = flags;
    try {
      this._read(state.highWaterMark); // at Readable.read (node:internal/streams/readable:737:12) calling Readable._read
    } catch (err) {
      errorOrDestroy(this, err);
    }
    flags = state[kState] & ~kSync;
    state[kState] = flags;
    if ((flags & kReading) === 0) n = nOrig <= 0 ? 0 : howMuchToRead(nOrig, state, flags);
  }

  let ret;
  if (n > 0) ret = takeFromBuffer(n, state, flags);
  else ret = null;

  if (ret === null) {
    if (state.length <= state.highWaterMark) flags |= kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((flags & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    // Empty: the next data owes a 'readable'.
    if ((flags & kEnded) === 0) flags |= kNeedReadable;
    state[kState] = flags;
    // A read past the end: 'end' comes next tick.
    if (nOrig !== n && (flags & kEnded) !== 0) {
      endReadable(this);
      flags = state[kState];
    }
  } else {
    state[kState] = flags;
  }

  if (ret !== null && (flags & (kErrorEmitted | kCloseEmitted)) === 0) {
    state[kState] = flags | kDataEmitted;
    if (this.emit !== eeEmit) this.emit('data', ret); // at Readable.read (node:internal/streams/readable:780:10)
    else if (this._events?.data !== void 0) emitListened1(this, 'data', this._events.data, ret); // at Readable.read (node:internal/streams/readable:780:10)
  }

  return ret;
};

const readableRead = Readable.prototype.read;

// The stream machinery's read() and read(0) calls on an empty buffer are
// left out when the stream's read would only run Readable's (its read is
// Readable's, or net.Socket's while that adds nothing, see plainReads, and
// Duplex's read is Readable's) and would only change flags or queue the
// 'end': they do what it would do instead, a few calls shorter.

// Flowing: the buffer goes out as 'data' (read() emits it). `flags`:
// state[kState].
function flow(stream, state, flags) {
  if (state.length === 0 && (flags & kReadGate) !== kConstructed) {
    const read = stream.read;
    if (read === readableRead || (read === plainReads.socket && plainReads.duplex.read === readableRead)) {
      // (read()'s path for an empty buffer when no _read is due.)
      flags &= ~kEmittedReadable;
      if ((flags & kEnded) === 0) {
        state[kState] = flags | kNeedReadable;
      } else {
        state[kState] = flags;
        if ((flags & kEndEmitted) === 0) nextTick2(endReadableNT, state, stream);
      }
      return;
    }
  }
  while (stream.read() !== null && (state[kState] & kFlowing) !== 0); // at flow (node:internal/streams/readable:1281:53)
}

// stream.read(0), for net's calls once reading or at the end.
function read0(stream) {
  const state = stream._readableState;
  const flags = state[kState];
  if (state.length === 0 && (flags & (kReading | kEnded)) !== 0) {
    const read = stream.read;
    if (read === readableRead || (read === plainReads.socket && plainReads.duplex.read === readableRead)) {
      // (read(0)'s paths for an empty buffer with a read pending or ended.)
      if ((flags & kEnded) === 0) state[kState] = flags | kNeedReadable;
      else if ((flags & kEndEmitted) === 0) nextTick2(endReadableNT, state, stream);
      return;
    }
  }
  stream.read(0);
}
plainReads.read0 = read0;

// `flags`: state[kState] with kReading cleared, not yet stored.
function onEofChunk(stream, state, flags) {
  if ((flags & kEnded) !== 0) {
    state[kState] = flags;
    return;
  }
  if ((flags & kDecoder) !== 0) {
    state[kState] = flags;
    const chunk = state[kDecoderValue].end();
    if (chunk?.length) {
      state.buffer.push(chunk);
      state.length += (flags & kObjectMode) !== 0 ? 1 : chunk.length;
    }
  }

  if ((flags & kSync) !== 0) {
    // Inside _read: the 'readable' comes on the next tick, not from within read().
    state[kState] = flags | kEnded;
    emitReadable(stream);
  } else {
    // The end's 'readable' is synchronous (parsers in the wild rely on it).
    state[kState] = (flags & ~kNeedReadable) | kEnded | kEmittedReadable;
    emitReadable_(stream); // at onEofChunk (node:internal/streams/readable:810:5)
  }
}

// Schedules a 'readable' for the next tick (at most one pending).
function emitReadable(stream) {
  const state = stream._readableState;
  const flags = state[kState] & ~kNeedReadable;
  if ((flags & kEmittedReadable) === 0) {
    state[kState] = flags | kEmittedReadable;
    nextTick2(emitReadable_, stream, kOneArgument);
  } else {
    state[kState] = flags;
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  let flags = state[kState];
  if ((flags & kDestroyedOrErrored) === 0 && (state.length || (flags & kEnded) !== 0)) {
    if (stream.emit !== eeEmit) {
      stream.emit('readable'); // at emitReadable_ (node:internal/streams/readable:832:12)
      flags = state[kState];
    } else if (stream._events?.readable !== void 0) {
      emitListened0(stream, 'readable', stream._events.readable); // at emitReadable_ (node:internal/streams/readable:832:12)
      flags = state[kState];
    }
    flags &= ~kEmittedReadable;
  }

  // Another 'readable' is owed unless flowing (the loop below takes the
  // data), ended, or over the mark.
  if ((flags & (kFlowing | kEnded)) === 0 && state.length <= state.highWaterMark) flags |= kNeedReadable;
  state[kState] = flags;
  if ((flags & kFlowing) !== 0) flow(stream, state, flags); // at node:internal/streams/readable:845:3
}

// Keeps the buffer filled to the mark: a tick after data came, read(0)
// (which calls _read) until a read produces nothing or is in flight.
function maybeReadMore(stream, state) {
  const flags = state[kState];
  if ((flags & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] = flags | kReadingMore;
    nextTick2(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  // Under the mark, or flowing with nothing buffered (a new 'data'
  // listener waits for the flow to continue); never ended or mid-read.
  var flags = state[kState];
  while ((flags & (kReading | kEnded)) === 0 &&
         (state.length < state.highWaterMark || ((flags & kFlowing) !== 0 && state.length === 0))) {
    var len = state.length;
    if (len === 0 && (flags & kReadGate) === kConstructed && stream.read === plainReads.socket &&
        plainReads.duplex.read === readableRead && plainReads.sourceReading(stream)) {
      // (read(0)'s path when _read would do nothing: a socket reading already.)
      flags |= kReading | kNeedReadable;
      break;
    }
    stream.read(0); // at node:internal/streams/readable:891:12
    flags = state[kState];
    if (len === state.length) break;
  }
  state[kState] = flags & ~kReadingMore;
}

Readable.prototype._read = function(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()'); // at node:internal/streams/readable:904:9
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  if (state.pipes.length === 1 && (state[kState] & kMultiAwaitDrain) === 0) {
    state[kState] |= kMultiAwaitDrain;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if ((state[kState] & kEndEmitted) !== 0) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end(); // at node:internal/streams/readable:946:10
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;

    // A source waiting for this destination's 'drain' would wait forever:
    // count it as drained (also when unsure whether it was awaited).
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }

  function pause() {
    // Unpiped from within dest.write(): this destination no longer counts.
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state[kState] &= ~kMultiAwaitDrain;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      // Added once and kept: adding and removing it per pause costs more.
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    if (dest.write(chunk) === false) pause(); // at {emitter}.ondata (node:internal/streams/readable:1007:22)
  }

  // The destination's error stops the pipe; it still throws when nobody
  // else listens.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) {
        // Emitted by hand, not through destroy: report it the stream's way.
        errorOrDestroy(dest, er); // at node:internal/streams/readable:1024:9
      } else {
        dest.emit('error', er); // at node:internal/streams/readable:1026:14
      }
    }
  }
  // Before the user's listeners.
  prependListener(dest, 'error', onerror);

  // 'close' or 'finish' unpipes, once.
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) {
    pause();
  } else if ((state[kState] & kFlowing) === 0) {
    src.resume();
  }

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    // Called directly by cleanup() too, so `this` may not be dest.
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if ((state[kState] & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.delete(dest);
    }
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        (state[kState] & kDataListening) !== 0) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function(dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

// A 'data' listener starts the flow (unless paused explicitly); a
// 'readable' listener switches to pulling and owes a 'readable'.
Readable.prototype.on = function(ev, fn) {
  const add = Stream.prototype.on;
  const res = add === eeListeners.on ? eeListeners.addListener(this, ev, fn, false) : add.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    state[kState] |= kDataListening;
    // So that resume() below stays a no-op under once('readable').
    if (this.listenerCount('readable') > 0) state[kState] |= kReadableListening;
    if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) this.resume();
  } else if (ev === 'readable') {
    if ((state[kState] & (kEndEmitted | kReadableListening)) === 0) {
      state[kState] = (state[kState] | kReadableListening | kNeedReadable | kHasFlowing) &
        ~(kFlowing | kEmittedReadable);
      if (state.length) {
        emitReadable(this);
      } else if ((state[kState] & kReading) === 0) {
        process.nextTick(nReadingNextTick, this);
      }
    }
  }

  return res;
};
Readable.prototype.addListener = Readable.prototype.on;
eeListeners.readableOn = Readable.prototype.on;

Readable.prototype.removeListener = function(ev, fn) {
  const state = this._readableState;
  const res = Stream.prototype.removeListener.call(this, ev, fn);

  if (ev === 'readable') {
    // Checked on the next tick: after the 'readable' being emitted, before
    // I/O, so once('readable') cycles keep working.
    process.nextTick(updateReadableListening, this);
  } else if (ev === 'data' && this.listenerCount('data') === 0) {
    state[kState] &= ~kDataListening;
  }
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  // (No argument and an undefined one differ to the emitter.)
  const res = Reflect.apply(Stream.prototype.removeAllListeners, this, arguments);
  if (ev === 'readable' || ev === void 0) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  if (self.listenerCount('readable') > 0) state[kState] |= kReadableListening;
  else state[kState] &= ~kReadableListening;

  if ((state[kState] & (kHasPaused | kPaused | kResumeScheduled)) === (kHasPaused | kResumeScheduled)) {
    // A resume() is on its way: it must find the stream flowing.
    state[kState] |= kHasFlowing | kFlowing;
  } else if ((state[kState] & kDataListening) !== 0) {
    self.resume();
  } else if ((state[kState] & kReadableListening) === 0) {
    state[kState] &= ~(kHasFlowing | kFlowing);
  }
}

function nReadingNextTick(self) {
  self.read(0);
}

// resume() and pause(): the flowing mode switch. With a 'readable'
// listener, resume() does not make the stream flow.
Readable.prototype.resume = function() {
  const state = this._readableState;
  let flags = state[kState];
  if ((flags & kFlowing) === 0) {
    flags |= kHasFlowing | ((flags & kReadableListening) === 0 ? kFlowing : 0);
    if ((flags & kResumeScheduled) === 0) {
      state[kState] = flags | kResumeScheduled;
      nextTick2(resume_, this, state);
      flags = state[kState];
    }
  }
  state[kState] = (flags | kHasPaused) & ~kPaused;
  return this;
};

function resume_(stream, state) {
  if ((state[kState] & kReading) === 0) stream.read(0); // at node:internal/streams/readable:1255:12
  let flags = state[kState] & ~kResumeScheduled;
  state[kState] = flags;
  if (stream.emit !== eeEmit) {
    stream.emit('resume');
    flags = state[kState];
  } else if (stream._events?.resume !== void 0) {
    emitListened0(stream, 'resume', stream._events.resume);
    flags = state[kState];
  }
  if ((flags & kFlowing) !== 0) flow(stream, state, flags); // at resume_ (node:internal/streams/readable:1260:3)
  if ((state[kState] & (kFlowing | kReading)) === kFlowing) stream.read(0);
}

Readable.prototype.pause = function() {
  const state = this._readableState;
  if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) {
    state[kState] = (state[kState] | kHasFlowing) & ~kFlowing;
    this.emit('pause');
  }
  state[kState] |= kHasPaused | kPaused;
  return this;
};

// Wraps an old-style stream (data/end events, pause/resume) as this
// Readable's source.
Readable.prototype.wrap = function(stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // The wrapped stream's own methods, for filters and duplexes. (Its first
  // key is skipped, as Node skips it.)
  const streamKeys = Object.keys(stream);
  for (let j = 1; j < streamKeys.length; j++) {
    const i = streamKeys[j];
    if (this[i] === void 0 && typeof stream[i] === 'function') this[i] = stream[i].bind(stream);
  }

  return this;
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function(options) {
  if (options !== void 0) {
    validateObject(options, 'options'); // at node:internal/streams/readable:1342:5
  }
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const it = {
    stream,
    options,
    // Settles the consumer's wait for 'readable' or the end.
    callback: nop,
    // undefined: not finished; null: ended cleanly; else the error.
    error: void 0,
    onReadable: null,
    cleanup: null,
    // The consumer holds a chunk (the generator is suspended at its yield).
    atYield: false,
    closed: false,
  };
  const iter = createAsyncIterator(it);
  iter.stream = stream;
  // A `for await` left early (break, return, throw) calls return(); Node's
  // loop waits for it, and so for the stream's teardown, before going on.
  // QuickJS's loop does not wait, so the teardown the generator would do in
  // its `finally` is done as return() is called. (Not enumerable: the
  // iterator looks as Node's does.)
  Object.defineProperty(iter, 'return', {
    __proto__: null,
    configurable: true,
    writable: true,
    value: {
      return(value) {
        if (it.atYield) closeIterator(it);
        return asyncGeneratorReturn.call(this, value);
      },
    }.return,
  });
  return iter;
}

// Reads in 'readable' mode; waits for 'readable' or the end (finished())
// when nothing is buffered.
async function* createAsyncIterator(it) {
  const stream = it.stream;

  it.onReadable = function next(resolve) {
    if (this === stream) {
      it.callback();
      it.callback = nop;
    } else {
      it.callback = resolve;
    }
  };
  stream.on('readable', it.onReadable);

  it.cleanup = eos(stream, { writable: false }, (err) => {
    it.error = err ? aggregateTwoErrors(it.error, err) : null;
    it.callback();
    it.callback = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        it.atYield = true;
        yield chunk;
        it.atYield = false;
      } else if (it.error) {
        throw it.error;
      } else if (it.error === null) {
        return;
      } else {
        await new Promise(it.onReadable);
      }
    }
  } catch (err) {
    it.error = aggregateTwoErrors(it.error, err);
    throw it.error;
  } finally {
    closeIterator(it);
  }
}

const asyncGeneratorReturn = Object.getPrototypeOf(createAsyncIterator.prototype).return;

// The end of an iteration: the stream is destroyed (an AbortError if it
// had not ended), unless the loop was left early with `destroyOnReturn:
// false` (or the stream failed and does not auto-destroy), which only
// detaches the iterator.
function closeIterator(it) {
  if (it.closed) return;
  it.closed = true;
  it.atYield = false;
  const stream = it.stream;
  if ((it.error || it.options?.destroyOnReturn !== false) &&
      (it.error === void 0 || stream._readableState.autoDestroy)) {
    destroyImpl.destroyer(stream, null);
  } else {
    stream.off('readable', it.onReadable);
    it.cleanup();
  }
}

Object.defineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    get() {
      const r = this._readableState;
      // `readable === false`: a Duplex whose readable side is off.
      return !!r && r.readable !== false && (r[kState] & (kDestroyed | kErrorEmitted | kEndEmitted)) === 0;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },

  readableDidRead: {
    __proto__: null,
    enumerable: false,
    get: function() { return this._readableState.dataEmitted; },
  },

  readableAborted: {
    __proto__: null,
    enumerable: false,
    get: function() {
      const state = this._readableState;
      return !!(state.readable !== false && (state.destroyed || state.errored) && !state.endEmitted);
    },
  },

  readableHighWaterMark: {
    __proto__: null,
    enumerable: false,
    get: function() { return this._readableState.highWaterMark; },
  },

  readableBuffer: {
    __proto__: null,
    enumerable: false,
    get: function() { return this._readableState?.buffer; },
  },

  readableFlowing: {
    __proto__: null,
    enumerable: false,
    get: function() { return this._readableState.flowing; },
    set: function(state) {
      if (this._readableState) this._readableState.flowing = state;
    },
  },

  readableLength: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.length; },
  },

  readableObjectMode: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.objectMode : false; },
  },

  readableEncoding: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.encoding : null; },
  },

  errored: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.errored : null; },
  },

  closed: {
    __proto__: null,
    get() { return this._readableState ? this._readableState.closed : false; },
  },

  destroyed: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      // Before the state exists there is nothing to mark.
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },

  readableEnded: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.endEmitted : false; },
  },
});

// Takes n bytes (characters with a decoder; one object in object mode)
// off the front of the buffer; `flags` is state[kState].
function takeFromBuffer(n, state, flags) {
  if (state.length === 0) return null;

  const buf = state.buffer;
  const len = buf.length;
  let idx = state.bufferIndex;
  let ret;

  if ((flags & kObjectMode) !== 0) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    // All of it.
    if ((flags & kDecoder) !== 0) {
      ret = '';
      while (idx < len) {
        ret += buf[idx];
        buf[idx++] = null;
      }
    } else if (len - idx === 0) {
      ret = Buffer.alloc(0);
    } else if (len - idx === 1) {
      ret = buf[idx];
      buf[idx++] = null;
    } else {
      ret = Buffer.allocUnsafe(state.length);
      let i = 0;
      while (idx < len) {
        ret.set(buf[idx], i);
        i += buf[idx].length;
        buf[idx++] = null;
      }
    }
  } else if (n < buf[idx].length) {
    // Part of the first chunk (slice works on strings and Buffers alike).
    ret = buf[idx].slice(0, n);
    buf[idx] = buf[idx].slice(n);
  } else if (n === buf[idx].length) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if ((flags & kDecoder) !== 0) {
    ret = '';
    while (idx < len) {
      const str = buf[idx];
      if (n > str.length) {
        ret += str;
        n -= str.length;
        buf[idx++] = null;
      } else {
        // (Node compares with the number of chunks here, which a string
        // never matches once it is longer than n.)
        if (n === buf.length) {
          ret += str;
          buf[idx++] = null;
        } else {
          ret += str.slice(0, n);
          buf[idx] = str.slice(n);
        }
        break;
      }
    }
  } else {
    ret = Buffer.allocUnsafe(n);
    const retLen = n;
    while (idx < len) {
      const data = buf[idx];
      if (n > data.length) {
        ret.set(data, retLen - n);
        n -= data.length;
        buf[idx++] = null;
      } else {
        if (n === data.length) {
          ret.set(data, retLen - n);
          buf[idx++] = null;
        } else {
          ret.set(new FastBuffer(data.buffer, data.byteOffset, n), retLen - n);
          buf[idx] = new FastBuffer(data.buffer, data.byteOffset + n, data.length - n);
        }
        break;
      }
    }
  }

  if (idx === len) {
    buf.length = 0;
    state.bufferIndex = 0;
  } else if (idx > 1024) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }

  return ret;
}

// Exposed for tests, as in Node.
Readable._fromList = function fromList(n, state) {
  return takeFromBuffer(n, state, state[kState]);
};

function endReadable(stream) {
  const state = stream._readableState;
  const flags = state[kState];
  if ((flags & kEndEmitted) === 0) {
    state[kState] = flags | kEnded;
    nextTick2(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  // Not if an unshift came meanwhile, or the stream failed or closed.
  const flags = state[kState];
  if ((flags & kNoEnd) !== 0 || state.length !== 0) return;
  state[kState] = flags | kEndEmitted;
  if (stream.emit !== eeEmit) stream.emit('end'); // at endReadableNT (node:internal/streams/readable:1696:12)
  else if (stream._events?.end !== void 0) emitListened0(stream, 'end', stream._events.end); // at endReadableNT (node:internal/streams/readable:1696:12)

  if (stream.writable && stream.allowHalfOpen === false) {
    process.nextTick(endWritableNT, stream);
  } else if ((state[kState] & kAutoDestroy) !== 0) {
    // A Duplex is destroyed once its writable side is done too (or off).
    // (Flags read directly from our own states: accessors are calls.)
    const wState = stream._writableState;
    const wFlags = wState?.[kState];
    if (!wState || (wFlags !== void 0 ?
      (wFlags & kAutoDestroy) !== 0 && ((wFlags & kWritableFinished) !== 0 ||
        (wFlags & (kWritableHasWritable | kWritableWritable)) === kWritableHasWritable) :
      wState.autoDestroy && (wState.finished || wState.writable === false))) {
      stream.destroy(); // at node:internal/streams/readable:1712:16
    }
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

let from;
Readable.from = function(iterable, opts) {
  from ??= require('internal/streams/vendored').vendored('internal/streams/from');
  return from(Readable, iterable, opts);
};

// Web streams are not part of pynode yet; the adapters module says so.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Readable.fromWeb = function(readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(readableStream, options);
};

Readable.toWeb = function(streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(streamReadable, options);
};

Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};
