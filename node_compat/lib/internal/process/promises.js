'use strict';

// Unhandled promise rejections, as Node 23 reports them (the default
// "throw" mode): after the microtask queue drains, a rejection still without
// a handler emits 'unhandledRejection' or becomes an uncaught exception. The
// engine tells us about rejections through its rejection tracker (jsbridge).

const maybeUnhandledPromises = new WeakMap();
const pendingUnhandledRejections = [];
const asyncHandledRejections = [];
let lastPromiseId = 0;
// Shared with the realm (see internalBinding('task_queue')): index 1 is hasRejectionToWarn.
const tickInfo = new Int32Array(internalBinding('task_queue').tickInfo);
const kHasRejectionToWarn = 1;

function hasRejectionToWarn() { return tickInfo[kHasRejectionToWarn] === 1; }
function setHasRejectionToWarn(value) { tickInfo[kHasRejectionToWarn] = value ? 1 : 0; }

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super('This error originated either by throwing inside of an async ' +
          'function without a catch block, or by rejecting a promise which ' +
          'was not handled with .catch(). The promise rejected with the' +
          ` reason "${noSideEffectsToString(reason)}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

function noSideEffectsToString(value) {
  try {
    return require('internal/util/inspect').inspect(value, { depth: 0, customInspect: false });
  } catch {
    return String(value);
  }
}

// Called by the engine: handled === false when a promise is rejected with no
// handler, true when a handler is added to an already rejected promise.
function promiseRejectHandler(promise, reason, handled) {
  if (!handled) {
    maybeUnhandledPromises.set(promise, { reason, uid: ++lastPromiseId, warned: false });
    pendingUnhandledRejections.push(promise);
    setHasRejectionToWarn(true);
    return;
  }
  const info = maybeUnhandledPromises.get(promise);
  if (info !== undefined) {
    maybeUnhandledPromises.delete(promise);
    if (info.warned) {
      const warning = new Error('Promise rejection was handled ' +
                                `asynchronously (rejection id: ${info.uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = info.uid;
      asyncHandledRejections.push({ promise, warning });
      setHasRejectionToWarn(true);
    }
  }
}

function isErrorLike(o) {
  return typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, 'stack');
}

let triggerUncaughtException;
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;

  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) {
      process.emitWarning(warning);
    }
  }

  let len = pendingUnhandledRejections.length;
  while (len--) {
    const promise = pendingUnhandledRejections.shift();
    const info = maybeUnhandledPromises.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    const handled = process.emit('unhandledRejection', reason, promise);
    if (!handled) {
      const err = isErrorLike(reason) || reason instanceof Error ? reason : new UnhandledPromiseRejection(reason);
      triggerUncaughtException ??= require('internal/process/execution').triggerUncaughtException;
      triggerUncaughtException(err, true);
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pendingUnhandledRejections.length !== 0;
}

module.exports = {
  hasRejectionToWarn,
  processPromiseRejections,
  promiseRejectHandler,
  setHasRejectionToWarn,
  UnhandledPromiseRejection,
};
