'use strict';

// stream.finished(stream[, options], callback) and its promise form: one
// callback once the stream is done — ended and/or finished (as `options`
// asks), errored, or closed before that ("Premature close"). A stream that
// will emit 'close' (autoDestroy and emitClose on) is waited for until its
// 'close', so the callback never runs before the stream has let go of its
// resources. Works on core streams, legacy streams, http messages and web
// streams.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const { kEmptyObject, once } = require('internal/util');
const listeners = require('internal/events/listeners');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
} = require('internal/validators');
const {
  isClosed,
  isReadable,
  isReadableNodeStream,
  isReadableStream,
  isReadableFinished,
  isReadableErrored,
  isWritable,
  isWritableNodeStream,
  isWritableStream,
  isWritableFinished,
  isWritableErrored,
  isNodeStream,
  willEmitClose: streamWillEmitClose,
  kIsClosedPromise,
} = require('internal/streams/utils');

let addAbortListener;

// node:http's client request.
function isRequest(stream) {
  return stream.setHeader && typeof stream.abort === 'function';
}

function nop() {}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = kEmptyObject;
  } else if (options == null) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options'); // at node:internal/streams/end-of-stream:61:5
  }
  validateFunction(callback, 'callback'); // at node:internal/streams/end-of-stream:63:3
  validateAbortSignal(options.signal, 'options.signal'); // at node:internal/streams/end-of-stream:64:3

  callback = once(callback);

  if (isReadableStream(stream) || isWritableStream(stream)) return eosWeb(stream, options, callback);

  if (!isNodeStream(stream)) {
    const types = ['ReadableStream', 'WritableStream', 'Stream'];
    throw new ERR_INVALID_ARG_TYPE('stream', types, stream); // at node:internal/streams/end-of-stream:73:11
  }

  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  // Legacy writables have no 'finish': 'end' or 'close' once not writable.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  // Only when the sides watched are the stream's own can 'close' be waited for.
  let willEmitClose = streamWillEmitClose(stream) &&
    isReadableNodeStream(stream) === readable &&
    isWritableNodeStream(stream) === writable;

  let writableFinished = isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    // Destroyed already: something else than the usual teardown is going
    // on, so 'close' may not come.
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream); // at node:internal/streams/end-of-stream:112:16 calling {emitter}
  };

  let readableFinished = isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream); // at node:internal/streams/end-of-stream:131:16 calling {emitter}
  };

  const onerror = (err) => {
    callback.call(stream, err); // at node:internal/streams/end-of-stream:136:14 calling {emitter}
  };

  let closed = isClosed(stream);

  const onclose = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored); // at node:internal/streams/end-of-stream:147:23 calling {emitter}

    if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
      if (!isReadableFinished(stream, false)) {
        const err = new ERR_STREAM_PREMATURE_CLOSE(); // at node:internal/streams/end-of-stream:153:30
        return callback.call(stream, err); // at node:internal/streams/end-of-stream:152:25 calling {emitter}
      }
    }
    if (writable && !writableFinished) {
      if (!isWritableFinished(stream, false)) {
        const err = new ERR_STREAM_PREMATURE_CLOSE(); // at node:internal/streams/end-of-stream:158:30
        return callback.call(stream, err); // at node:internal/streams/end-of-stream:157:25 calling {emitter}
      }
    }
    callback.call(stream); // at node:internal/streams/end-of-stream:161:14 calling {emitter}
  };

  // Already over when we were called: only an error is left to report.
  const onclosed = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored); // at node:internal/streams/end-of-stream:170:23 calling {emitter}
    callback.call(stream); // at node:internal/streams/end-of-stream:173:14 calling {emitter}
  };
  // onclose/onclosed on the next tick: run on the stream (see onStream).
  const onStreamSoon = (fn) => () => onStream(stream, fn); // at -

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }

  // Not every stream that can be aborted emits 'close' after 'aborted'.
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onStreamSoon(onclose));
  } else if (wState?.errorEmitted || rState?.errorEmitted) {
    if (!willEmitClose) process.nextTick(onStreamSoon(onclosed));
  } else if (
    !readable &&
    (!willEmitClose || isReadable(stream)) &&
    (writableFinished || isWritable(stream) === false) &&
    (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)
  ) {
    process.nextTick(onStreamSoon(onclosed));
  } else if (
    !writable &&
    (!willEmitClose || isWritable(stream)) &&
    (readableFinished || isReadable(stream) === false)
  ) {
    process.nextTick(onStreamSoon(onclosed));
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onStreamSoon(onclosed));
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const abort = () => {
      // cleanup() replaces the callback.
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, new AbortError(undefined, { cause: options.signal.reason })); // at node:internal/streams/end-of-stream:252:9
    };
    callback = onAbort(options.signal, abort, stream, callback);
  }

  return cleanup;
}

// Runs `fn`, a listener of eos's called on the next tick, as the stream's
// event would run it: stacks name the frames of the user's callback after
// the stream (V8's `Socket.<anonymous>`), which is its `this`.
function onStream(stream, fn) {
  const depth = listeners.enterEmitter(stream);
  try {
    fn(); // at -
  } finally {
    listeners.leaveEmitter(depth);
  }
}

// Runs `abort` when the signal aborts (on the next tick if it has already);
// returns the callback, made to drop that listener when it is called.
function onAbort(signal, abort, stream, callback) {
  if (signal.aborted) {
    process.nextTick(abort);
    return callback;
  }
  addAbortListener ??= require('events').addAbortListener;
  const disposable = addAbortListener(signal, abort);
  return once((...args) => {
    disposable[Symbol.dispose]();
    Reflect.apply(callback, stream, args);
  });
}

// Web streams tell through their closed promise.
function eosWeb(stream, options, callback) {
  let isAborted = false;
  if (options.signal) {
    const abort = () => {
      isAborted = true;
      callback.call(stream, new AbortError(undefined, { cause: options.signal.reason })); // at node:internal/streams/end-of-stream:276:29
    };
    callback = onAbort(options.signal, abort, stream, callback);
  }
  const resolverFn = (...args) => {
    if (!isAborted) process.nextTick(() => Reflect.apply(callback, stream, args));
  };
  stream[kIsClosedPromise].promise.then(resolverFn, resolverFn);
  return nop;
}

// stream/promises' finished(): resolves or rejects as the callback would be
// called; `cleanup: true` removes the listeners once settled.
function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = kEmptyObject;
  if (opts?.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup'); // at node:internal/streams/end-of-stream:309:5
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

module.exports = eos;
module.exports.finished = finished;
