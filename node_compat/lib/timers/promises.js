'use strict';

// node:timers/promises — promise forms of the timers: setTimeout and
// setImmediate resolve with `value`, setInterval is an async iterator that
// yields `value` per tick (ticks that fire while the consumer is busy are
// yielded later, one each). `signal` cancels with an AbortError whose cause
// is the signal's reason; `ref: false` lets the process exit meanwhile.

const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { Immediate, Timeout, insert } = require('internal/timers');
const { clearImmediate, clearInterval, clearTimeout } = require('timers');

const kResistStopPropagation = Symbol.for('pynode.kResistStopPropagation');
const kAbortListenerOptions = { __proto__: null, once: true, [kResistStopPropagation]: true };

// Each function validates its own arguments, so that an error's stack starts
// at the line of Node's that made it (see internal/node_throw_sites).

// Settle a timer's promise, or reject it when `signal` aborts first.
function timerPromise(signal, start, clear) {
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const timer = start(resolve);
    if (signal !== undefined) {
      onAbort = () => {
        if (!timer._destroyed) {
          clear(timer);
          // (Node's listener is bound to the timer, which names its frame.)
          if (timer instanceof Timeout) {
            reject(new AbortError(undefined, { cause: signal?.reason })); // at Timeout.cancelListenerHandler (node:timers/promises:49:12)
          } else {
            reject(new AbortError(undefined, { cause: signal?.reason })); // at Immediate.cancelListenerHandler (node:timers/promises:49:12)
          }
        }
      };
      signal.addEventListener('abort', onAbort, kAbortListenerOptions);
    }
  });
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(after, value, options = kEmptyObject) {
  let signal;
  let ref;
  try {
    if (after !== undefined) validateNumber(after, 'delay'); // at node:timers/promises:56:7
    validateObject(options, 'options'); // at node:timers/promises:59:5
    if (options.signal !== undefined) {
      validateAbortSignal(options.signal, 'options.signal'); // at node:timers/promises:62:7
    }
    if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref'); // at node:timers/promises:66:7
    ({ signal, ref = true } = options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason })); // at node:timers/promises:75:26
  }
  return timerPromise(signal, (resolve) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    return timeout;
  }, clearTimeout);
}

function setImmediate(value, options = kEmptyObject) {
  let signal;
  let ref;
  try {
    validateObject(options, 'options'); // at node:timers/promises:96:5
    if (options.signal !== undefined) {
      validateAbortSignal(options.signal, 'options.signal'); // at node:timers/promises:99:7
    }
    if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref'); // at node:timers/promises:103:7
    ({ signal, ref = true } = options);
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason })); // at node:timers/promises:112:26
  }
  return timerPromise(signal, (resolve) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    return immediate;
  }, clearImmediate);
}

async function* setInterval(after, value, options = kEmptyObject) {
  if (after !== undefined) validateNumber(after, 'delay'); // at node:timers/promises:134:5
  validateObject(options, 'options'); // at node:timers/promises:137:3
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal'); // at node:timers/promises:140:5
  }
  if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref'); // at node:timers/promises:144:5
  const { signal, ref = true } = options;
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason }); // at node:timers/promises:150:11
  let pending = 0;
  let wake;
  let onAbort;
  let interval;
  try {
    interval = new Timeout(() => {
      pending++;
      if (wake !== undefined) {
        wake();
        wake = undefined;
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal !== undefined) {
      onAbort = () => {
        clearInterval(interval);
        if (wake !== undefined) {
          // A consumer waiting for the next tick gets the error made here, as in Node.
          wake(Promise.reject(new AbortError(undefined, { cause: signal.reason }))); // at AbortSignal.onCancel (node:timers/promises:172:15)
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, kAbortListenerOptions);
    }
    while (!signal?.aborted) {
      if (pending === 0) {
        await new Promise((resolve) => { wake = resolve; });
      }
      for (; pending > 0; pending--) yield value;
    }
    throw new AbortError(undefined, { cause: signal?.reason }); // at node:timers/promises:188:11
  } finally {
    clearInterval(interval);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

const kScheduler = Symbol('kScheduler');

// The experimental Scheduler API (`scheduler.wait`, `scheduler.yield`).
class Scheduler {
  constructor(key = undefined) {
    if (key !== kScheduler) throw new ERR_ILLEGAL_CONSTRUCTOR(); // at node:timers/promises:204:11
    this[kScheduler] = true;
  }

  yield() {
    if (!this[kScheduler]) { // at node:timers/promises:211:14
      throw new ERR_INVALID_THIS('Scheduler'); // at node:timers/promises:212:13
    }
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) { // at node:timers/promises:223:14
      throw new ERR_INVALID_THIS('Scheduler'); // at node:timers/promises:224:13
    }
    return setTimeout(delay, undefined, options);
  }
}

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler: new Scheduler(kScheduler),
};
