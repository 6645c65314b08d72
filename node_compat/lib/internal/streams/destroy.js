'use strict';

// Tearing streams down and building them up asynchronously, shared by
// Readable, Writable and Duplex (a Duplex has both states and both are
// updated together):
//
// - destroy(err, cb): marks the stream destroyed, waits for a pending
//   `_construct`, calls `_destroy(err, onDestroy)`, then on the next tick
//   emits 'error' (once per stream) and 'close' (unless emitClose is off).
// - errorOrDestroy(): how the core reports a failure: destroys the stream
//   when it auto-destroys, else only records the error and emits 'error'.
// - construct(): runs the optional `_construct(cb)` on the next tick; the
//   stream queues writes and reads until it calls back.
// - destroyer(): destroy() for anything stream-like (legacy streams, http
//   requests), as pipeline and the operators need.

const {
  AbortError,
  codes: { ERR_MULTIPLE_CALLBACK },
} = require('internal/errors');
const { aggregateTwoErrors } = require('internal/streams/vendor/errors');
const { kOneArgument, nextTick2 } = require('internal/process/task_queues');
const {
  kIsDestroyed,
  isDestroyed,
  isFinished,
  isServerRequest,
  kState,
  syncDestroys,
  kErrorEmitted,
  kEmitClose,
  kClosed,
  kCloseEmitted,
  kConstructed,
  kDestroyed,
  kAutoDestroy,
  kErrored,
  stateUndestroy,
} = require('internal/streams/utils');

// Events the stream emits to itself: construction finished (kConstruct),
// or a destroy() that waited for it can go ahead (kDestroy).
const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

// Records `err` as the error of each side that has none yet. Its stack is
// read now, as Node does here: that settles where a fatal report of
// the error (as a rejection) points.
function recordError(err, w, r) {
  if (!err) return;
  err.stack; // eslint-disable-line no-unused-expressions
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

// stream.destroy([err][, cb]); `cb` is a legacy, undocumented extra.
function destroy(err, cb) {
  return destroyStream(this, err, cb);
}

// (destroy() as a plain function, for Writable#destroy.)
function destroyStream(stream, err, cb) {
  const r = stream._readableState;
  const w = stream._writableState;
  const rFlags = r ? r[kState] : 0;
  const wFlags = w ? w[kState] : 0;

  if (((rFlags | wFlags) & kDestroyed) !== 0) {
    if (typeof cb === 'function') cb();
    return stream;
  }

  // Flagged before anything runs, so destroy() from a callback is a no-op.
  if (err) {
    recordError(err, w, r);
    if (w) w[kState] |= kDestroyed;
    if (r) r[kState] |= kDestroyed;
  } else {
    if (w) w[kState] = wFlags | kDestroyed;
    if (r) r[kState] = rFlags | kDestroyed;
  }

  // A Duplex keeps its shared flags on the writable side.
  if (((w ? wFlags : rFlags) & kConstructed) === 0) {
    stream.once(kDestroy, function destroyAfterConstruct(constructError) {
      callDestroy(this, aggregateTwoErrors(constructError, err), cb);
    });
  } else {
    callDestroy(stream, err, cb);
  }
  return stream;
}

// A _destroy known to call its callback once before it returns (net.Socket's,
// see syncDestroys) gets a shared callback, the stream and cb kept here
// meanwhile (a destroy from within it keeps its caller's and puts them back),
// instead of a closure per destroy.
let syncStream = null;
let syncCb = null;

// (Named as Node's callback, for stacks.)
const onSyncDestroy = function onDestroy(destroyError) {
  const stream = syncStream;
  if (stream === null) return;
  syncStream = null;
  destroyed(stream, syncCb, destroyError);
};

function callDestroy(stream, err, cb) {
  if (stream._destroy === syncDestroys.socket && syncDestroys.socket !== null) {
    const outerStream = syncStream;
    const outerCb = syncCb;
    syncStream = stream;
    syncCb = cb;
    try {
      stream._destroy(err || null, onSyncDestroy);
    } catch (destroyError) {
      if (syncStream === stream) onSyncDestroy(destroyError);
    } finally {
      syncStream = outerStream;
      syncCb = outerCb;
    }
    return;
  }
  let target = stream;
  // Only the first call counts: it forgets the stream (instead of a
  // `called` flag: each variable a closure captures costs QuickJS an
  // allocation). (An arrow function: QuickJS gives a plain one a
  // prototype, as a property.)
  const onDestroy = (destroyError) => {
    if (target === null) return;
    const stream = target;
    target = null;
    destroyed(stream, cb, destroyError);
  };
  try {
    stream._destroy(err || null, onDestroy); // at _destroy (node:internal/streams/destroy:122:10)
  } catch (destroyError) {
    onDestroy(destroyError);
  }
}

// What _destroy's callback does, at its first call.
function destroyed(stream, cb, destroyError) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (destroyError) recordError(destroyError, w, r);
  if (w) w[kState] |= kClosed;
  if (r) r[kState] |= kClosed;

  if (typeof cb === 'function') cb(destroyError);

  if (destroyError) nextTick2(emitErrorCloseNT, stream, destroyError);
  else nextTick2(emitCloseNT, stream, kOneArgument);
}

function emitErrorCloseNT(stream, err) {
  emitErrorNT(stream, err); // at emitErrorCloseNT (node:internal/streams/destroy:129:3)
  emitCloseNT(stream);
}

function emitCloseNT(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  let flags = 0;
  if (w) flags = w[kState] |= kCloseEmitted;
  if (r) flags |= r[kState] |= kCloseEmitted;
  if ((flags & kEmitClose) !== 0) stream.emit('close'); // at node:internal/streams/destroy:148:10
}

// 'error' at most once per stream, whichever side reports it.
function emitErrorNT(stream, err) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && (w[kState] & kErrorEmitted) !== 0) || (r && (r[kState] & kErrorEmitted) !== 0)) return;
  if (w) w[kState] |= kErrorEmitted;
  if (r) r[kState] |= kErrorEmitted;
  stream.emit('error', err); // at emitErrorNT (node:internal/streams/destroy:170:8)
}

// Makes a destroyed stream usable again (net.Socket reconnecting; every
// socket given a handle starts with it).
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) stateUndestroy.readable(r);
  if (w) stateUndestroy.writable(w, this);
}

// `sync`: the error comes from a call the user is still in (write(),
// push()), so a stream that does not auto-destroy emits it on the next tick.
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;

  // (States of other implementations may keep `destroyed` as a field.)
  if ((w && (w[kState] ? (w[kState] & kDestroyed) !== 0 : w.destroyed)) ||
      (r && (r[kState] ? (r[kState] & kDestroyed) !== 0 : r.destroyed))) {
    return;
  }

  if ((r && (r[kState] & kAutoDestroy) !== 0) || (w && (w[kState] & kAutoDestroy) !== 0)) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && (w[kState] & kErrored) === 0) w.errored = err;
    if (r && (r[kState] & kErrored) === 0) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Starts `_construct`; `onConstructed` runs once it succeeded. A Duplex
// calls this once per side, but construction runs once.
function construct(stream, onConstructed) {
  if (typeof stream._construct !== 'function') return;

  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r[kState] &= ~kConstructed;
  if (w) w[kState] &= ~kConstructed;

  stream.once(kConstruct, onConstructed);
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;

  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK()); // at node:internal/streams/destroy:274:37
      return;
    }
    called = true;

    const r = stream._readableState;
    const w = stream._writableState;
    if (r) r[kState] |= kConstructed;
    if (w) w[kState] |= kConstructed;

    if ((w || r).destroyed) {
      stream.emit(kDestroy, err);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      stream.emit(kConstruct);
    }
  }

  try {
    stream._construct((err) => {
      process.nextTick(onConstruct, err);
    });
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

// node:http's client request, recognised by its methods.
function isRequest(stream) {
  return stream?.setHeader && typeof stream.abort === 'function';
}

function emitCloseLegacy(stream) {
  stream.emit('close');
}

function emitErrorCloseLegacy(stream, err) {
  stream.emit('error', err);
  process.nextTick(emitCloseLegacy, stream);
}

// Destroys any stream-like object; one that is not finished gets an
// AbortError when no error is given.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;

  if (!err && !isFinished(stream)) {
    err = new AbortError(); // at node:internal/streams/destroy:328:11
  }

  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick(emitErrorCloseLegacy, stream, err);
  } else {
    process.nextTick(emitCloseLegacy, stream);
  }

  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  construct,
  destroy,
  destroyStream,
  destroyer,
  errorOrDestroy,
  undestroy,
};
