'use strict';

// stream.Writable: Node 23.5's semantics, written for an interpreter.
//
// A write goes straight to `_write(chunk, encoding, onwrite)` when nothing
// else is in flight; otherwise it is queued and the queue is drained (one
// `_write` at a time, or one `_writev` for all of it) as writes complete.
// Write callbacks get `null` on success and always run after write()
// returned; 'drain' comes before them once the queue is empty after a
// write() returned false. end() waits for the queue, then `_final`, then
// emits 'prefinish' and (a tick later) 'finish', then auto-destroys.
//
// The state keeps its booleans as bits of one integer (`state[kState]`;
// accessors on WritableState.prototype give the old field names) and the
// rarely set values behind symbols, so a WritableState has seven fields.
// The hot functions take the stream and its state as arguments and touch
// the bits directly: no closures per write, no arguments objects.
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const EE = require('events');
const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const destroyImpl = require('internal/streams/destroy');
const { checkHighWaterMark, defaultHighWaterMarks } = require('internal/streams/state');
const { kOneArgument, nextTick2 } = require('internal/process/task_queues');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  flagProperty,
  flagValueProperty,
  optionalFlagProperty,
  defaultEncodingProperty,
  keepShapes,
  socketFinals,
  socketCloses,
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

const { errorOrDestroy } = destroyImpl;

// EventEmitter's emit: while a stream has it, an event no one listens to
// (most 'prefinish' and 'finish') need not be emitted, which saves a call
// and its arguments array, and one that is goes to emitListened0.
const { emit: eeEmit, emitListened0 } = require('internal/events/listeners');

module.exports = Writable;
Writable.WritableState = WritableState;

Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

function nop() {}

// Values kept only while their flag bit is set.
const kOnFinishedValue = Symbol('kOnFinishedValue');
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');

// The writable side's own bits (bits 0-8 are shared, see streams/utils).
const kSync = 1 << 9;                 // inside _write/_final: its callback is synchronous
const kFinalCalled = 1 << 10;
const kNeedDrain = 1 << 11;           // write() returned false
const kEnding = 1 << 12;              // end() was called
const kFinished = kWritableFinished;  // 'finish' emitted (1 << 13)
const kDecodeStrings = 1 << 14;
const kWriting = 1 << 15;             // a _write/_writev is in flight
const kBufferProcessing = 1 << 16;
const kPrefinished = 1 << 17;
const kAllBuffers = 1 << 18;          // every queued chunk is a Buffer
const kAllNoop = 1 << 19;             // no queued write has a callback
const kOnFinished = 1 << 20;          // end() callbacks are waiting
const kHasWritable = kWritableHasWritable; // `writable` was set (a Duplex side turned off), 1 << 21
const kWritable = kWritableWritable;       // 1 << 22
const kCorked = 1 << 23;
const kDefaultUTF8Encoding = 1 << 24;
const kWriteCb = 1 << 25;             // the write in flight has a callback
const kExpectWriteCb = 1 << 26;
const kAfterWriteTickInfo = 1 << 27;
const kAfterWritePending = 1 << 28;
const kBuffered = 1 << 29;            // writes are queued
const kEnded = 1 << 30;               // end() has returned

// Masks the hot paths test, computed once (QuickJS evaluates `kA | kB` each
// time, a closure variable read per name).
// A write goes to _write at once when, of these, only kConstructed is set.
const kWriteGate = kWriting | kErrored | kCorked | kConstructed;
const kWriteDone = kWriting | kExpectWriteCb | kWriteCb;
// 'finish' is due (with nothing queued or in flight) when, of these, only
// kEnding and kConstructed are set: ending, constructed, not failed,
// destroyed or finished.
const kFinishGate = kEnding | kDestroyed | kConstructed | kFinished | kWriting |
  kErrorEmitted | kCloseEmitted | kErrored | kBuffered;
const kFinishDue = kEnding | kConstructed;
// Ended or failed: no longer `writable`.
const kNotWritable = kEnding | kEnded | kDestroyed | kErrored;
const kDestroyedOrErrored = kDestroyed | kErrored;
// What _undestroy() clears.
const kUndestroyClears = kDestroyed | kClosed | kCloseEmitted | kErrored | kErrorEmitted | kFinalCalled |
  kPrefinished | kEnded | kEnding | kFinished;

Object.defineProperties(WritableState.prototype, {
  objectMode: flagProperty(kObjectMode),
  finalCalled: flagProperty(kFinalCalled),
  needDrain: flagProperty(kNeedDrain),
  ending: flagProperty(kEnding),
  ended: flagProperty(kEnded),
  finished: flagProperty(kFinished),
  destroyed: flagProperty(kDestroyed),
  decodeStrings: flagProperty(kDecodeStrings),
  writing: flagProperty(kWriting),
  sync: flagProperty(kSync),
  bufferProcessing: flagProperty(kBufferProcessing),
  constructed: flagProperty(kConstructed),
  prefinished: flagProperty(kPrefinished),
  errorEmitted: flagProperty(kErrorEmitted),
  emitClose: flagProperty(kEmitClose),
  autoDestroy: flagProperty(kAutoDestroy),
  closed: flagProperty(kClosed),
  closeEmitted: flagProperty(kCloseEmitted),
  allBuffers: flagProperty(kAllBuffers),
  allNoop: flagProperty(kAllNoop),

  // The error that failed the stream (write() then returns false).
  errored: flagValueProperty(kErrored, kErroredValue, null),

  // undefined unless a Duplex turned its writable side on or off.
  writable: optionalFlagProperty(kHasWritable, kWritable, void 0),

  defaultEncoding: defaultEncodingProperty(kDefaultUTF8Encoding, kDefaultEncodingValue),

  // The callback of the write in flight.
  writecb: flagValueProperty(kWriteCb, kWriteCbValue, nop),

  // Synchronous completions waiting for their tick: { count, cb, stream, state }.
  afterWriteTickInfo: flagValueProperty(kAfterWriteTickInfo, kAfterWriteTickInfoValue, null),

  // The queue: { chunk, encoding, callback } entries, from bufferedIndex on.
  buffered: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue] : []; },
    set(value) {
      this[kBufferedValue] = value;
      if (value) this[kState] |= kBuffered;
      else this[kState] &= ~kBuffered;
    },
  },
});

// (The flags are gathered in a local and the symbol-keyed fields are added
// last, `kState` first of them as in Node: symbol-keyed access costs
// several times a plain field's in QuickJS.)
function WritableState(options, stream, isDuplex) {
  let flags = kSync | kConstructed | kEmitClose | kAutoDestroy | kAllBuffers | kAllNoop | kDecodeStrings |
    kDefaultUTF8Encoding;
  // write() returns false from this many bytes (objects) queued; with 0,
  // whenever anything is left queued.
  let hwm;
  // (The options are read in one block: each `options?.` is a test more.)
  if (options) {
    if (options.objectMode) flags |= kObjectMode;
    if (isDuplex && options.writableObjectMode) flags |= kObjectMode;
    // (What getHighWaterMark does, a call shorter.)
    hwm = options.highWaterMark ?? (isDuplex ? options.writableHighWaterMark : void 0);
    if (hwm === void 0 || hwm === null) {
      hwm = (flags & kObjectMode) !== 0 ? defaultHighWaterMarks.objects : defaultHighWaterMarks.bytes;
    } else if (typeof hwm !== 'number' || (hwm | 0) !== hwm || hwm < 0) {
      // (A non-negative int32 is valid: no call needed to tell.)
      hwm = checkHighWaterMark(hwm, 'writableHighWaterMark', isDuplex); // at new WritableState (node:internal/streams/writable:317:5)
    }
    if (options.decodeStrings === false) flags &= ~kDecodeStrings;
    if (options.emitClose === false) flags &= ~kEmitClose;
    if (options.autoDestroy === false) flags &= ~kAutoDestroy;
    const defaultEncoding = options.defaultEncoding;
    if (defaultEncoding !== void 0 && defaultEncoding !== null &&
        defaultEncoding !== 'utf8' && defaultEncoding !== 'utf-8') {
      if (!Buffer.isEncoding(defaultEncoding)) {
        throw new ERR_UNKNOWN_ENCODING(defaultEncoding); // at node:internal/streams/writable:338:11
      }
      flags &= ~kDefaultUTF8Encoding;
      this[kState] = flags;
      this[kDefaultEncodingValue] = defaultEncoding;
    }
  } else {
    hwm = defaultHighWaterMarks.bytes;
  }
  this.highWaterMark = hwm;

  // Bytes (objects) written but not yet completed, queued ones included.
  this.length = 0;
  this.corked = 0;
  // The callback every _write/_writev gets.
  this.onwrite = onwrite.bind(void 0, stream);
  // The length of the write in flight.
  this.writelen = 0;
  // The queue is empty (resetBuffer(this), inline).
  this.bufferedIndex = 0;
  // Writes (and _final) whose completion is still to be reported; 'finish'
  // waits for 0.
  this.pendingcb = 0;
  this[kState] = flags;
  this[kBufferedValue] = null;
}

keepShapes(new WritableState(void 0, null, false));

function resetBuffer(state) {
  state[kBufferedValue] = null;
  state.bufferedIndex = 0;
  state[kState] = (state[kState] | kAllBuffers | kAllNoop) & ~kBuffered;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & kBuffered) === 0 ? [] : this.buffered.slice(this.bufferedIndex);
};

// (Defined after getBuffer: Node's prototype has its keys in that order.)
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  get() { return (this[kState] & kBuffered) === 0 ? 0 : this[kBufferedValue].length - this.bufferedIndex; },
});

// Constructed, not destroyed, closed or errored, _final not called; ended
// (and finished) only when the writable side is off.
stateUndestroy.writable = function undestroy(state, stream) {
  const off = (state[kState] & (kHasWritable | kWritable)) === kHasWritable;
  state[kState] = (state[kState] | kConstructed) & ~kUndestroyClears;
  if (off) state[kState] |= kEnded | kEnding | kFinished;
  // (A closed socket's, see closedOnwrite.)
  if (state.onwrite === closedOnwrite) state.onwrite = onwrite.bind(void 0, stream);
};

WritableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if ((this[kState] & kWriting) === 0) clearBuffer(stream, this);
  const flags = this[kState];
  if ((flags & kEnding) !== 0) finishMaybe(stream, this, false, flags);
};

function Writable(options) {
  // (`new Writable` skips the instanceof check, which runs Symbol.hasInstance below.)
  if (new.target !== Writable && !(this instanceof Writable)) return new Writable(options);

  // The usual events get their keys now, so the object keeps one shape.
  this._events ??= {
    close: void 0,
    error: void 0,
    prefinish: void 0,
    finish: void 0,
    drain: void 0,
  };

  this._writableState = new WritableState(options, this, false); // at node:internal/streams/writable:405:25

  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this); // at node:internal/streams/writable:424:7
  }

  // What Stream(options) does (EventEmitter's init), two calls shorter.
  EE.init.call(this, options);

  if (this._construct !== void 0 && this._construct !== null) {
    destroyImpl.construct(this, () => {
      this._writableState[kOnConstructed](this);
    });
  }
}

// A Duplex is a Writable too, though its prototype chain goes through Readable.
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return object && object._writableState instanceof WritableState;
  },
});

let addAbortSignalImpl;
function addAbortSignal(signal, stream) {
  addAbortSignalImpl ??= require('internal/streams/add-abort-signal');
  addAbortSignalImpl.addAbortSignal(signal, stream); // at -
}

Writable.prototype.pipe = function() {
  errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE()); // at node:internal/streams/writable:448:24
};

// write() and end(chunk): validates and converts the chunk, then writes or
// queues it. Returns write()'s result, or the error of a write that came
// too late (its callback gets it on the next tick).
function writeChunk(stream, chunk, encoding, cb) {
  var state = stream._writableState;
  // (The flags are read into a local once: symbol-keyed access costs
  // several times a plain field's in QuickJS.)
  var flags = state[kState];
  if (typeof cb !== 'function') cb = nop;

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES(); // at _write (node:internal/streams/writable:459:11)
  }

  if ((flags & kObjectMode) === 0) {
    if (!encoding) {
      encoding = (flags & kDefaultUTF8Encoding) !== 0 ? 'utf8' : state[kDefaultEncodingValue];
    } else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new ERR_UNKNOWN_ENCODING(encoding); // at _write (node:internal/streams/writable:466:13)
    }

    if (typeof chunk === 'string') {
      if ((flags & kDecodeStrings) !== 0) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      var types = ['string', 'Buffer', 'TypedArray', 'DataView'];
      throw new ERR_INVALID_ARG_TYPE('chunk', types, chunk); // at _write (node:internal/streams/writable:480:13)
    }
  }

  if ((flags & (kEnding | kDestroyed)) !== 0) {
    var err;
    if ((flags & kEnding) !== 0) {
      err = new ERR_STREAM_WRITE_AFTER_END(); // at _write (node:internal/streams/writable:487:11)
    } else {
      err = new ERR_STREAM_DESTROYED('write'); // at _write (node:internal/streams/writable:489:11)
    }
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }

  state.pendingcb++;

  // Then _write takes the chunk when the stream is idle (constructed, not
  // writing, corked or errored), or it waits in the buffer. (Node's
  // writeOrBuffer, inline: a call less a write.)
  var next = state[kState];
  var len = (next & kObjectMode) !== 0 ? 1 : chunk.length;
  state.length += len;

  if ((next & kWriteGate) !== kConstructed) {
    if ((next & kBuffered) === 0) {
      next |= kBuffered;
      state[kBufferedValue] = [];
    }
    state[kBufferedValue].push({ chunk, encoding, callback: cb });
    if ((next & kAllBuffers) !== 0 && encoding !== 'buffer') next &= ~kAllBuffers;
    if ((next & kAllNoop) !== 0 && cb !== nop) next &= ~kAllNoop;
  } else {
    state.writelen = len;
    if (cb !== nop) {
      state[kWriteCbValue] = cb;
      next |= kWriteCb;
    }
    state[kState] = next | kWriting | kSync | kExpectWriteCb;
    stream._write(chunk, encoding, state.onwrite); // at writeOrBuffer (node:internal/streams/writable:570:12) | _write (node:internal/streams/writable:499:10) calling Writable._write
    next = state[kState] & ~kSync;
  }

  var ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) next |= kNeedDrain;
  state[kState] = next;
  // False once failed, so `while (stream.write(x))` loops stop.
  return ret && (next & kDestroyedOrErrored) === 0;
}

Writable.prototype.write = function(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, cb) === true; // at Writable.write (node:internal/streams/writable:508:10)
};

Writable.prototype.cork = function() {
  const state = this._writableState;
  state[kState] |= kCorked;
  state.corked++;
};

Writable.prototype.uncork = function() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.corked) state[kState] &= ~kCorked;
    if ((state[kState] & kWriting) === 0) clearBuffer(this, state); // at Writable.uncork (node:internal/streams/writable:529:7)
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) {
    throw new ERR_UNKNOWN_ENCODING(encoding); // at node:internal/streams/writable:538:11
  }
  this._writableState.defaultEncoding = encoding;
  return this;
};

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  if (cb !== nop) {
    state[kWriteCbValue] = cb;
    state[kState] |= kWriteCb;
  }
  state[kState] |= kWriting | kSync | kExpectWriteCb;
  if ((state[kState] & kDestroyed) !== 0) {
    state.onwrite(new ERR_STREAM_DESTROYED('write')); // at node:internal/streams/writable:592:19
  } else if (writev) {
    stream._writev(chunk, state.onwrite); // at doWrite (node:internal/streams/writable:594:12)
  } else {
    stream._write(chunk, encoding, state.onwrite); // at doWrite (node:internal/streams/writable:596:12) calling Writable._write
  }
  state[kState] &= ~kSync;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er); // at node:internal/streams/writable:603:3
  // The queued writes fail too (also without autoDestroy); 'error' comes
  // after the callback.
  errorBuffer(state); // at node:internal/streams/writable:608:3
  errorOrDestroy(stream, er); // at node:internal/streams/writable:610:3
}

// Once a socket has closed, its state's write callback no longer refers to
// it: the callback bound to the stream that holds the state is a cycle,
// which only QuickJS's collection of cycles would free, while reference
// counting frees a socket without it at once (net's sockets, without user
// listeners that refer to them, are freed so). A closed socket is
// destroyed, so the stream machinery calls no onwrite of it until
// _undestroy() (a new connect()), which binds a new one: meanwhile every
// closed socket has this one, which does nothing, as onwrite does nothing
// to a destroyed stream that expects no write callback. (A function of the
// same name and length, made once instead of a callback and a WeakRef per
// socket.)
const closedOnwrite = { onwrite(stream, er) {} }.onwrite.bind(void 0, null);
socketCloses.closedOnwrite = closedOnwrite;

// The callback of _write/_writev (bound to the stream).
function onwrite(stream, er) {
  var state = stream._writableState;
  var flags = state[kState];

  if ((flags & kExpectWriteCb) === 0) {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK()); // at node:internal/streams/writable:617:28
    return;
  }

  var sync = (flags & kSync) !== 0;
  var cb = (flags & kWriteCb) !== 0 ? state[kWriteCbValue] : nop;

  state[kWriteCbValue] = null;
  flags &= ~kWriteDone;
  state[kState] = flags;
  state.length -= state.writelen;
  state.writelen = 0;

  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions -- as Node: see destroy's recordError
    if ((flags & kErrored) === 0) {
      state[kErroredValue] = er;
      state[kState] = flags | kErrored;
    }
    // A Duplex's readable side fails with it.
    if (stream._readableState && !stream._readableState.errored) {
      stream._readableState.errored = er;
    }
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb); // at node:internal/streams/writable:647:7
    return;
  }

  if ((flags & kBuffered) !== 0) {
    clearBuffer(stream, state); // at node:internal/streams/writable:651:7
    flags = state[kState];
  }

  if (!sync) {
    afterWrite(stream, state, 1, cb); // at node:internal/streams/writable:686:7
    return;
  }

  // A synchronous completion is reported on the next tick. (As in Node,
  // object mode always takes the tick, even without a callback or 'drain'.)
  var needTick = ((flags & kNeedDrain) !== 0 && state.length === 0) ||
    (flags & kObjectMode) !== 0 || cb !== nop;
  if (cb === nop) {
    if ((flags & kAfterWritePending) === 0 && needTick) {
      process.nextTick(afterWrite, stream, state, 1, cb);
      state[kState] = flags | kAfterWritePending;
    } else {
      state.pendingcb--;
      if ((flags & kEnding) !== 0) finishMaybe(stream, state, true, flags);
    }
  } else if ((flags & kAfterWriteTickInfo) !== 0 && state[kAfterWriteTickInfoValue].cb === cb) {
    // The same callback again (a common pattern): one tick calls it for all.
    state[kAfterWriteTickInfoValue].count++;
  } else if (needTick) {
    state[kAfterWriteTickInfoValue] = { count: 1, cb, stream, state };
    nextTick2(afterWriteTick, state[kAfterWriteTickInfoValue], kOneArgument);
    state[kState] = flags | kAfterWritePending | kAfterWriteTickInfo;
  } else {
    state.pendingcb--;
    if ((flags & kEnding) !== 0) finishMaybe(stream, state, true, flags);
  }
}

function afterWriteTick(info) {
  const state = info.state;
  state[kState] &= ~kAfterWriteTickInfo;
  state[kAfterWriteTickInfoValue] = null;
  return afterWrite(info.stream, state, info.count, info.cb); // at afterWriteTick (node:internal/streams/writable:694:10)
}

function afterWrite(stream, state, count, cb) {
  state[kState] &= ~kAfterWritePending;

  if ((state[kState] & (kEnding | kNeedDrain | kDestroyed)) === kNeedDrain && state.length === 0) {
    state[kState] &= ~kNeedDrain;
    if (stream.emit !== eeEmit) stream.emit('drain'); // at afterWrite (node:internal/streams/writable:703:12)
    else if (stream._events?.drain !== void 0) emitListened0(stream, 'drain', stream._events.drain); // at afterWrite (node:internal/streams/writable:703:12)
  }

  while (count-- > 0) {
    state.pendingcb--;
    cb(null); // at afterWrite (node:internal/streams/writable:708:5)
  }

  if ((state[kState] & kDestroyed) !== 0) errorBuffer(state);
  const flags = state[kState];
  if ((flags & kEnding) !== 0) finishMaybe(stream, state, true, flags); // at node:internal/streams/writable:716:5
}

// Fails every queued write and end() callback (the stream was destroyed or
// a write failed).
function errorBuffer(state) {
  if ((state[kState] & kWriting) !== 0) return;

  if ((state[kState] & kBuffered) !== 0) {
    const buffered = state[kBufferedValue];
    for (let n = state.bufferedIndex; n < buffered.length; ++n) {
      const { chunk, callback } = buffered[n];
      state.length -= (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
      callback(state.errored ?? new ERR_STREAM_DESTROYED('write')); // at node:internal/streams/writable:731:33
    }
  }

  callFinishedCallbacks(state, state.errored ?? new ERR_STREAM_DESTROYED('end')); // at node:internal/streams/writable:736:49
  resetBuffer(state);
}

// Writes out the queue: with `_writev` all of it at once, else one chunk
// at a time for as long as each completes synchronously.
function clearBuffer(stream, state) {
  if ((state[kState] & (kDestroyed | kBufferProcessing | kCorked | kBuffered | kConstructed)) !==
      (kBuffered | kConstructed)) {
    return;
  }

  const objectMode = (state[kState] & kObjectMode) !== 0;
  const buffered = state[kBufferedValue];
  let i = state.bufferedIndex;
  const bufferedLength = buffered.length - i;
  if (!bufferedLength) return;

  state[kState] |= kBufferProcessing;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const allNoop = (state[kState] & kAllNoop) !== 0;
    const start = i;
    const callback = allNoop ? nop : (err) => {
      for (let n = start; n < buffered.length; ++n) buffered[n].callback(err); // at callback (node:internal/streams/writable:764:21) calling Object.callback
    };
    // doWrite() may queue more: `callback` needs the entries as they are now.
    const chunks = allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = (state[kState] & kAllBuffers) !== 0;
    doWrite(stream, state, true, state.length, chunks, '', callback); // at clearBuffer (node:internal/streams/writable:773:5)
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback); // at node:internal/streams/writable:781:7
    } while (i < buffered.length && (state[kState] & kWriting) === 0);

    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state[kState] &= ~kBufferProcessing;
}

Writable.prototype._write = function(chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()'); // at node:internal/streams/writable:800:11
  }
};

Writable.prototype._writev = null;

Writable.prototype.end = function(chunk, encoding, cb) {
  const state = this._writableState;

  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let err;
  if (chunk !== void 0 && chunk !== null) {
    const ret = writeChunk(this, chunk, encoding); // at Writable.end (node:internal/streams/writable:821:17)
    if (ret instanceof Error) err = ret;
  }

  // end() uncorks completely.
  let flags = state[kState];
  if ((flags & kCorked) !== 0) {
    state.corked = 1;
    this.uncork();
    flags = state[kState];
  }

  if (err) {
    // The write's error is the callback's.
  } else if ((flags & (kEnding | kErrored)) === 0) {
    // A second end() is forgiven, as are ends after an error.
    flags |= kEnding;
    state[kState] = flags;
    finishMaybe(this, state, true, flags); // at Writable.end (node:internal/streams/writable:843:5)
    state[kState] |= kEnded;
  } else if ((flags & kFinished) !== 0) {
    err = new ERR_STREAM_ALREADY_FINISHED('end'); // at node:internal/streams/writable:846:11
  } else if ((flags & kDestroyed) !== 0) {
    err = new ERR_STREAM_DESTROYED('end'); // at node:internal/streams/writable:848:11
  }

  if (typeof cb === 'function') {
    if (err) {
      process.nextTick(cb, err);
    } else if ((state[kState] & kErrored) !== 0) {
      process.nextTick(cb, state[kErroredValue]);
    } else if ((state[kState] & kFinished) !== 0) {
      process.nextTick(cb, null);
    } else {
      state[kState] |= kOnFinished;
      state[kOnFinishedValue] ??= [];
      state[kOnFinishedValue].push(cb);
    }
  }

  return this;
};

// (finalDone and finishMaybe test it inline: a call less on each end().)
function needFinish(state) {
  return (state[kState] & kFinishGate) === kFinishDue && state.length === 0;
}

// _final called back (or threw).
function finalDone(stream, state, err) {
  const flags = state[kState];
  if ((flags & kPrefinished) !== 0) {
    errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK()); // at onFinish (node:internal/streams/writable:886:35)
    return;
  }
  state.pendingcb--;
  if (err) {
    callFinishedCallbacks(state, err); // at onFinish (node:internal/streams/writable:891:5)
    errorOrDestroy(stream, err, (state[kState] & kSync) !== 0); // at onFinish (node:internal/streams/writable:892:5)
  } else if ((flags & kFinishGate) === kFinishDue && state.length === 0) {
    state[kState] = flags | kPrefinished;
    if (stream.emit !== eeEmit) stream.emit('prefinish'); // at onFinish (node:internal/streams/writable:895:12)
    else if (stream._events?.prefinish !== void 0) emitListened0(stream, 'prefinish', stream._events.prefinish); // at onFinish (node:internal/streams/writable:895:12)
    // 'finish' always comes a tick after _final's callback (streams rely on it).
    state.pendingcb++;
    nextTick2(finish, stream, state);
  }
}

socketFinals.done = function(stream, err) {
  finalDone(stream, stream._writableState, err); // at -
};

// Runs _final (once), or emits 'prefinish' when there is none; `flags`
// is state[kState].
function prefinish(stream, state, flags) {
  if ((flags & (kPrefinished | kFinalCalled)) !== 0) return;

  const final = stream._final;
  if (typeof final === 'function' && (flags & kDestroyed) === 0) {
    state[kState] = flags | kFinalCalled | kSync;
    state.pendingcb++;
    try {
      // (net.Socket's: no callback to make, see socketFinals.)
      if (final !== socketFinals.final || !socketFinals.run(stream)) { // at prefinish (node:internal/streams/writable:914:14)
        // (An arrow function over the stream alone: QuickJS gives a plain
        // function a prototype, as a property, and each variable a closure
        // captures costs an allocation.)
        const onFinish = (err) => finalDone(stream, stream._writableState, err); // at (node:internal/streams/writable:914:30)
        stream._final(onFinish); // at prefinish (node:internal/streams/writable:914:14) calling Writable._final
      }
    } catch (err) {
      finalDone(stream, state, err); // at prefinish (node:internal/streams/writable:916:7)
    }
    state[kState] &= ~kSync;
  } else {
    state[kState] = flags | kFinalCalled | kPrefinished;
    if (stream.emit !== eeEmit) stream.emit('prefinish'); // at prefinish (node:internal/streams/writable:922:12)
    else if (stream._events?.prefinish !== void 0) emitListened0(stream, 'prefinish', stream._events.prefinish); // at prefinish (node:internal/streams/writable:922:12)
  }
}

// (`flags`: state[kState]. No default value: QuickJS charges one at
// every call.)
function finishMaybe(stream, state, sync, flags) {
  if ((flags & kFinishGate) !== kFinishDue || state.length !== 0) return;
  prefinish(stream, state, flags); // at node:internal/streams/writable:928:5
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    nextTick2(finishIfStillNeeded, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finishIfStillNeeded(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}
// (Node's is an arrow function: a replaced process.nextTick sees no name.)
Object.defineProperty(finishIfStillNeeded, 'name', { __proto__: null, value: '' });

function finish(stream, state) {
  state.pendingcb--;
  let flags = state[kState] | kFinished;
  state[kState] = flags;
  if ((flags & kOnFinished) !== 0) {
    callFinishedCallbacks(state, null); // at finish (node:internal/streams/writable:951:3)
    flags = state[kState];
  }
  if (stream.emit !== eeEmit) {
    stream.emit('finish'); // at finish (node:internal/streams/writable:953:10)
    flags = state[kState];
  } else if (stream._events?.finish !== void 0) {
    emitListened0(stream, 'finish', stream._events.finish); // at finish (node:internal/streams/writable:953:10)
    flags = state[kState];
  }

  if ((flags & kAutoDestroy) !== 0) {
    // A Duplex is destroyed once its readable side is done too (or off).
    // (Flags read directly from our own states: accessors are calls.)
    const rState = stream._readableState;
    const rFlags = rState?.[kState];
    if (!rState || (rFlags !== void 0 ?
      (rFlags & kAutoDestroy) !== 0 && ((rFlags & kReadableEndEmitted) !== 0 || rState.readable === false) :
      rState.autoDestroy && (rState.endEmitted || rState.readable === false))) {
      stream.destroy();
    }
  }
}

function callFinishedCallbacks(state, err) {
  if ((state[kState] & kOnFinished) === 0) return;
  const callbacks = state[kOnFinishedValue];
  state[kOnFinishedValue] = null;
  state[kState] &= ~kOnFinished;
  for (let i = 0; i < callbacks.length; i++) callbacks[i](err); // at callFinishedCallbacks (node:internal/streams/writable:980:25) calling Array
}

Object.defineProperties(Writable.prototype, {
  closed: {
    __proto__: null,
    get() { return this._writableState ? (this._writableState[kState] & kClosed) !== 0 : false; },
  },

  destroyed: {
    __proto__: null,
    get() { return this._writableState ? (this._writableState[kState] & kDestroyed) !== 0 : false; },
    set(value) {
      // Code that manages `destroyed` itself (an old pattern).
      if (!this._writableState) return;
      if (value) this._writableState[kState] |= kDestroyed;
      else this._writableState[kState] &= ~kDestroyed;
    },
  },

  writable: {
    __proto__: null,
    get() {
      const w = this._writableState;
      if (!w) return false;
      const flags = w[kState];
      // (Not switched off, i.e. `w.writable !== false`, and not ending or failed.)
      return (flags & (kHasWritable | kWritable)) !== kHasWritable &&
        (flags & kNotWritable) === 0;
    },
    set(val) {
      if (this._writableState) this._writableState.writable = !!val;
    },
  },

  writableFinished: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? (state[kState] & kFinished) !== 0 : false;
    },
  },

  writableObjectMode: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? (state[kState] & kObjectMode) !== 0 : false;
    },
  },

  writableBuffer: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state && state.getBuffer();
    },
  },

  writableEnded: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? (state[kState] & kEnding) !== 0 : false;
    },
  },

  writableNeedDrain: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? (state[kState] & (kDestroyed | kEnding | kNeedDrain)) === kNeedDrain : false;
    },
  },

  writableHighWaterMark: {
    __proto__: null,
    get() { return this._writableState?.highWaterMark; },
  },

  writableCorked: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? state.corked : 0;
    },
  },

  writableLength: {
    __proto__: null,
    get() { return this._writableState?.length; },
  },

  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      const state = this._writableState;
      return state ? state.errored : null;
    },
  },

  writableAborted: {
    __proto__: null,
    get: function() {
      const state = this._writableState;
      return (state[kState] & (kHasWritable | kWritable)) !== kHasWritable &&
        (state[kState] & kDestroyedOrErrored) !== 0 &&
        (state[kState] & kFinished) === 0;
    },
  },
});

Writable.prototype.destroy = function(err, cb) {
  const state = this._writableState;
  // Queued writes and end() callbacks fail on the next tick.
  const flags = state[kState];
  if ((flags & (kBuffered | kOnFinished)) !== 0 && (flags & kDestroyed) === 0) {
    process.nextTick(errorBuffer, state);
  }
  return destroyImpl.destroyStream(this, err, cb); // at Writable.destroy (node:internal/streams/writable:1120:11)
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function(err, cb) {
  cb(err);
};

Writable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

// Web streams are not part of pynode yet; the adapters module says so.
function lazyWebStreams() {
  return require('internal/webstreams/adapters');
}

Writable.fromWeb = function(writableStream, options) {
  return lazyWebStreams().newStreamWritableFromWritableStream(writableStream, options);
};

Writable.toWeb = function(streamWritable) {
  return lazyWebStreams().newWritableStreamFromStreamWritable(streamWritable);
};

let eos;
Writable.prototype[Symbol.asyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.writableFinished ? null : new AbortError(); // at node:internal/streams/writable:1155:44
    this.destroy(error);
  }
  eos ??= require('internal/streams/end-of-stream');
  return new Promise((resolve, reject) =>
    eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null))),
  );
};
