'use strict';

// process.on('SIGINT' | 'SIGTERM' | ...): the first listener for a signal
// name starts a Signal handle (internalBinding('signal_wrap')) that emits the
// event on `process`; removing the last listener closes the handle, so the
// signal's default action (usually ending the process) applies again.
// The handles are unreferenced: listening for a signal does not keep the
// process alive.

const { errnoException } = require('internal/errors');
const { markThrowSite } = require('internal/node_throw_sites');

const { signals } = internalBinding('constants').os;
const handles = new Map();

function isSignal(event) {
  return typeof event === 'string' && signals[event] !== undefined;
}

function startListeningIfSignal(event) {
  if (!isSignal(event) || handles.has(event)) return;
  const { Signal } = internalBinding('signal_wrap');
  const handle = new Signal();
  handle.unref();
  // Listeners get the name and the number: emit('SIGINT', 'SIGINT', 2).
  handle.onsignal = (signum) => process.emit(event, event, signum);
  const err = handle.start(signals[event]);
  if (err) {
    handle.close();
    throw markThrowSite(errnoException(err, 'uv_signal_start'), undefined, 'node:internal/process/signal:36:13');
  }
  handles.set(event, handle);
}

function stopListeningIfSignal(event) {
  const handle = handles.get(event);
  if (handle === undefined || process.listenerCount(event) !== 0) return;
  handles.delete(event);
  handle.close();
}

module.exports = { startListeningIfSignal, stopListeningIfSignal };
