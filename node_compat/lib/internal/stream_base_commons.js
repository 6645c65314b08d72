'use strict';

// The JS half of StreamBase (bindings/stream_wrap.py), shared by every
// stream that sits on a TCP, Pipe or TTY handle: dispatching writes to the
// handle's write methods and completing them, turning the handle's
// `onread(nread, arrayBuffer)` calls into pushes on the owning stream, and
// the idle timeout streams expose as `setTimeout`.

const { FastBuffer } = require('internal/buffer');
const { kState, kReadableEndEmitted, plainReads } = require('internal/streams/utils');
const { errnoException } = require('internal/errors');
const { validateFunction, validateNumber } = require('internal/validators');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { Timeout, insert, TIMEOUT_MAX } = require('internal/timers');
const {
  WriteWrap,
  streamBaseState,
  kBytesWritten,
  kLastWriteWasAsync,
} = internalBinding('stream_wrap');
const { UV_EOF } = internalBinding('uv').codes;

// The JS object a handle belongs to (a net.Socket, a server, a TTY stream).
const { owner_symbol } = require('internal/async_hooks');
const kHandle = Symbol('kHandle');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
// The `onread` option: a reused buffer, its callback, and a buffer factory.
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const kBufferGen = Symbol('kBufferGen');
const kTimeout = Symbol('timeout');

// What no stream may have used yet, so that the hot paths skip the symbol
// reads that would only confirm it: `timers`, an idle timer
// (setStreamTimeout; until then no stream has one to refresh or clear),
// and `userBuffers`, an `onread` buffer (net's Socket constructor sets
// it). `ownUnrefTimer` is net's Socket#_unrefTimer, which has nothing to
// do while `timers` is false: activity calls a stream's _unrefTimer only
// when it is another or when there are timers.
const streamsUsed = { timers: false, userBuffers: false, ownUnrefTimer: null };

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

let BufferCtor;
function bufferFrom(data, encoding) {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor.from(data, encoding);
}

// ---- writing ------------------------------------------------------------------

// Requests of writes that finished at once (the handle kept no reference
// to them), for the next writes of any handle to reuse: a new connection's
// first write then makes no request. Kept aside, so handles look exactly
// as Node's do; a stack with its own count, as pop() and push() are calls.
// (writeGeneric takes them; a writev, rarer, makes its own.)
const spareWriteWraps = new Array(16).fill(null);
let spareCount = 0;

// The handle method writeGeneric called last, and the Python function
// behind it (undefined: a JS function).
let lastWriteBuffer = null;
let lastWriteBufferPy;

function createWriteWrap(handle, callback) {
  const req = new WriteWrap();
  req.handle = handle;
  req.oncomplete = onWriteComplete;
  req.async = false;
  req.bytes = 0;
  req.buffer = null;
  req.callback = callback;
  return req;
}

const kHandleEncodings = new Set([
  'utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le',
]);

// The handle encodes the common string encodings itself; others become bytes here.
function writeGeneric(self, data, encoding, cb) {
  var handle = self[kHandle];
  var req;
  if (spareCount !== 0) {
    req = spareWriteWraps[--spareCount];
    spareWriteWraps[spareCount] = null;
    req.handle = handle;
    req.async = false;
    req.bytes = 0;
    req.callback = cb;
  } else {
    req = createWriteWrap(handle, cb);
  }
  var err;
  switch (encoding) {
    case 'buffer': {
      // A Buffer that covers all of its ArrayBuffer (a chunk read from a
      // socket, a Buffer.alloc()) goes to the handle as the ArrayBuffer: the
      // binding reads one at once, where for a view the engine's ArrayBuffer
      // check fails first, which costs QuickJS a TypeError, stack and all.
      var bytes = data.buffer;
      var whole = data.byteOffset === 0 && bytes.byteLength === data.byteLength ? bytes : data;
      var method = handle.writeBuffer;
      if (method !== lastWriteBuffer) {
        lastWriteBuffer = method;
        lastWriteBufferPy = require.pythonMethodOf(method);
      }
      // (The binding's method called as it is, without its forwarder.)
      if (lastWriteBufferPy !== void 0) err = lastWriteBufferPy(handle, req, whole);
      else err = handle.writeBuffer(req, whole); // at handleWriteReq (node:internal/stream_base_commons:52:26) | writeGeneric (node:internal/stream_base_commons:148:15)
      break;
    }
    case 'utf8':
    case 'utf-8':
      err = handle.writeUtf8String(req, data); // at handleWriteReq (node:internal/stream_base_commons:62:21) | writeGeneric (node:internal/stream_base_commons:148:15)
      break;
    case 'latin1':
    case 'binary':
      err = handle.writeLatin1String(req, data); // at handleWriteReq (node:internal/stream_base_commons:59:21) | writeGeneric (node:internal/stream_base_commons:148:15)
      break;
    case 'ascii':
      err = handle.writeAsciiString(req, data); // at handleWriteReq (node:internal/stream_base_commons:64:21) | writeGeneric (node:internal/stream_base_commons:148:15)
      break;
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      err = handle.writeUcs2String(req, data); // at handleWriteReq (node:internal/stream_base_commons:69:21) | writeGeneric (node:internal/stream_base_commons:148:15)
      break;
    default:
      err = handle.writeBuffer(req, bufferFrom(data, encoding)); // at handleWriteReq (node:internal/stream_base_commons:73:26) | writeGeneric (node:internal/stream_base_commons:148:15)
  }
  if (err !== 0 || streamBaseState[kLastWriteWasAsync] !== 0) {
    afterWriteDispatched(req, err, cb); // at writeGeneric (node:internal/stream_base_commons:150:3)
    return req;
  }
  // Written at once: afterWriteDispatched's usual case, inline (the request
  // is not async and its callback is `cb`, as it was made above).
  req.bytes = streamBaseState[kBytesWritten];
  req.callback = null;
  if (typeof cb === 'function') cb(); // at afterWriteDispatched (node:internal/stream_base_commons:162:9) | writeGeneric (node:internal/stream_base_commons:150:3)
  req.handle = null;
  if (spareCount < spareWriteWraps.length) spareWriteWraps[spareCount++] = req;
  return req;
}

// `data` is the Writable's list of {chunk, encoding} entries.
function writevGeneric(self, data, cb) {
  const req = createWriteWrap(self[kHandle], cb);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = new Array(data.length);
    for (let i = 0; i < data.length; i++) chunks[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      let { chunk, encoding } = data[i];
      if (typeof chunk === 'string' && !kHandleEncodings.has(encoding)) {
        chunk = bufferFrom(chunk, encoding);
      }
      chunks[i * 2] = chunk;
      chunks[i * 2 + 1] = encoding;
    }
  }
  const err = req.handle.writev(req, chunks, allBuffers === true); // at writevGeneric (node:internal/stream_base_commons:137:26)
  afterWriteDispatched(req, err, cb);
  return req;
}

// A write the handle finished at once completes now; a queued one when its
// `oncomplete` comes.
function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = streamBaseState[kLastWriteWasAsync] !== 0;
  if (err !== 0) {
    const ex = errnoException(err, 'write', req.error); // at node:internal/stream_base_commons:159:15
    return cb(ex); // at node:internal/stream_base_commons:159:12
  }
  if (!req.async) {
    const callback = req.callback;
    req.callback = null;
    if (typeof callback === 'function') callback(); // at node:internal/stream_base_commons:162:9
    req.handle = null;
    if (spareCount < spareWriteWraps.length) spareWriteWraps[spareCount++] = req;
  } else {
    req.callback = cb;
  }
}

function onWriteComplete(status) {
  const stream = this.handle[owner_symbol];
  // A failed write reports its error even on a destroyed stream (a write
  // cut short by close() gets 'write ECANCELED').
  if (status < 0) {
    const ex = errnoException(status, 'write', this.error);
    if (typeof this.callback === 'function') this.callback(ex);
    else stream.destroy(ex);
    return;
  }
  if (stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  // (stream[kUpdateTimer])
  if (streamsUsed.timers || stream._unrefTimer !== streamsUsed.ownUnrefTimer) stream._unrefTimer();
  stream[kAfterAsyncWrite]();
  if (typeof this.callback === 'function') this.callback(null);
}

// ---- reading --------------------------------------------------------------------

// The handle's `onread`: `this` is the handle, `nread` the byte count or a
// negative error (UV_EOF at the end), `arrayBuffer` holds exactly the bytes read.
// (bootstrap/node's callbackRead calls it directly, with the handle as a third
// argument: a call rather than two through Function.prototype.call.)
function onStreamRead(nread, arrayBuffer, handle) {
  if (handle === void 0) handle = this;
  var stream = handle[owner_symbol];
  // (stream[kUpdateTimer])
  if (streamsUsed.timers || stream._unrefTimer !== streamsUsed.ownUnrefTimer) stream._unrefTimer();
  if (nread > 0 && !stream.destroyed) {
    var keepReading;
    var userBuf = streamsUsed.userBuffers ? stream[kBuffer] : null;
    if (userBuf) {
      // (`true`: the buffer function has not yet returned a Uint8Array;
      // the handle read into its own, and the callback gets `true`.)
      if (userBuf !== true) userBuf.set(new Uint8Array(arrayBuffer, 0, nread));
      keepReading = stream[kBufferCb](nread, userBuf) !== false; // at {entry}.onStreamRead (node:internal/stream_base_commons:179:38)
      var bufGen = stream[kBufferGen];
      if (bufGen !== null) {
        var next = bufGen();
        if (isUint8Array(next)) {
          stream[kBuffer] = next;
          handle.useUserBuffer(next);
        }
      }
    } else {
      var chunk = new FastBuffer(arrayBuffer, 0, nread);
      keepReading = stream.push === plainReads.push ?
        plainReads.pushFromHandle(stream, chunk) : // at {entry}.onStreamRead (node:internal/stream_base_commons:189:23)
        stream.push(chunk); // at {entry}.onStreamRead (node:internal/stream_base_commons:189:23)
    }
    if (!keepReading) {
      handle.reading = false;
      if (!stream.destroyed) {
        var err = handle.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }
  if (nread === 0 || nread > 0) return;
  if (nread !== UV_EOF) {
    // (Made on a line per handle class: its frame is Node's `TCP.onStreamRead`, ...)
    var err;
    if (handle instanceof internalBinding('pipe_wrap').Pipe) {
      err = errnoException(nread, 'read'); // at Pipe.onStreamRead (node:internal/stream_base_commons:216:20)
    } else if (handle instanceof internalBinding('tty_wrap').TTY) {
      err = errnoException(nread, 'read'); // at TTY.onStreamRead (node:internal/stream_base_commons:216:20)
    } else {
      err = errnoException(nread, 'read'); // at TCP.onStreamRead (node:internal/stream_base_commons:216:20)
    }
    stream.destroy(err);
    return;
  }
  // End of stream. (Node also calls a stream's kMaybeDestroy here: only
  // http2's streams have one, and pynode has no http2.)
  if ((stream._readableState[kState] & kReadableEndEmitted) === 0) {
    stream.push(null); // at {entry}.onStreamRead (node:internal/stream_base_commons:231:12)
    plainReads.read0(stream);
  }
}

// ---- idle timeout -------------------------------------------------------------------

// A timer that does not keep the process alive (Node's setUnrefTimeout).
function setUnrefTimeout(callback, after) {
  validateFunction(callback, 'callback');
  const timer = new Timeout(callback, after, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name); // at getTimerDuration (node:internal/timers:426:3)
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs); // at node:internal/timers:428:11
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

// `stream.setTimeout(msecs[, callback])`: 'timeout' after `msecs` of inactivity.
function setStreamTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs'); // at Socket.setStreamTimeout [as setTimeout] (node:internal/stream_base_commons:243:11)
  clearTimeout(this[kTimeout]);
  streamsUsed.timers = true;
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback'); // at Socket.setStreamTimeout [as setTimeout] (node:internal/stream_base_commons:251:7)
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (callback !== undefined) {
      validateFunction(callback, 'callback'); // at Socket.setStreamTimeout [as setTimeout] (node:internal/stream_base_commons:260:7)
      this.once('timeout', callback);
    }
  }
  return this;
}

// (Its length as a method: two.)
Object.defineProperty(onStreamRead, 'length', { __proto__: null, value: 2 });
require('internal/bootstrap/node').directCalls.onread = onStreamRead;

module.exports = {
  getTimerDuration,
  kAfterAsyncWrite,
  kBuffer,
  kBufferCb,
  kBufferGen,
  kHandle,
  kTimeout,
  kUpdateTimer,
  onStreamRead,
  owner_symbol,
  setStreamTimeout,
  setUnrefTimeout,
  streamsUsed,
  writeGeneric,
  writevGeneric,
};
