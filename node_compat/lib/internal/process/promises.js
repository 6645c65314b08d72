'use strict';

// Unhandled promise rejections, as Node 23 reports them: after the
// microtask queue drains, a rejection still without a handler is dealt with
// as --unhandled-rejections says (see unhandledRejection). The engine tells us about rejections through its rejection tracker (jsbridge).

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
    super('This error originated either by throwing inside of an async ' + // at -
          'function without a catch block, or by rejecting a promise which ' +
          'was not handled with .catch(). The promise rejected with the' +
          ` reason "${noSideEffectsText(reason)}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

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

// How an unhandled rejection is dealt with (--unhandled-rejections):
// 'throw' (the default) emits 'unhandledRejection' and, with no listener,
// raises it as an uncaught exception; 'strict' raises it first, then emits
// 'unhandledRejection' and warns if no listener took it; 'warn' emits and
// always warns; 'warn-with-error-code' emits and, with no listener, warns
// and sets the exit code to 1; 'none' only emits.
let mode;

// V8's text for a value, got without running any of its code (as in its
// error messages): a primitive as String() gives it, a function's source, an
// error's "Name: message", "#<Class>" for an object with the default
// toString and "[object Tag]" for one with another.
function dataProperty(object, key) {
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return desc.value;
  }
  return undefined;
}

function noSideEffectsText(value) {
  if (typeof value === 'function') {
    // (A native function as V8 shows it: on one line.)
    return Function.prototype.toString.call(value).replace(/^(function [^(]*\(\) \{)\n {4}(\[native code\])\n\}$/,
                                                           '$1 $2 }');
  }
  if (typeof value === 'symbol') return Symbol.prototype.toString.call(value);
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    if (require('internal/util/types').isNativeError(value)) {
      const name = dataProperty(value, 'name');
      const message = dataProperty(value, 'message');
      const n = name === undefined ? 'Error' : `${name}`;
      const m = message === undefined ? '' : `${message}`;
      return n === '' ? m : m === '' ? n : `${n}: ${m}`;
    }
    if (dataProperty(value, 'toString') === Object.prototype.toString) {
      const ctor = dataProperty(value, 'constructor');
      const name = typeof ctor === 'function' ? dataProperty(ctor, 'name') : undefined;
      return `#<${typeof name === 'string' && name !== '' ? name : 'Object'}>`;
    }
  } catch {
    return '#<Object>';  // (A proxy's trap threw.)
  }
  return `[object ${Object.prototype.toString.call(value).slice(8, -1)}]`;
}

function emitUnhandledRejectionWarning(uid, reason) {
  const type = 'UnhandledPromiseRejectionWarning';
  let stack;
  try {
    if (isErrorLike(reason)) {
      stack = reason.stack;
      process.emitWarning(stack, type); // at emitUnhandledRejectionWarning (node:internal/process/promises:301:15)
    } else {
      process.emitWarning(noSideEffectsText(reason), type); // at emitUnhandledRejectionWarning (node:internal/process/promises:303:15)
    }
  } catch {
    try {
      process.emitWarning(noSideEffectsText(reason), type); // at emitUnhandledRejectionWarning (node:internal/process/promises:308:15)
    } catch {
      // (Nothing to warn with.)
    }
  }
  // The explanation has no frames of its own (Node makes it with a stack
  // trace limit of 0): it shows the reason's when that is an error.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const explanation = new Error(
    'Unhandled promise rejection. This error originated either by throwing inside of an async ' +
    'function without a catch block, or by rejecting a promise which was not handled with .catch(). ' +
    'To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  Error.stackTraceLimit = limit;
  explanation.name = type;
  if (stack !== undefined) explanation.stack = stack;
  process.emitWarning(explanation);
}

// What an unhandled rejection is raised as: the reason when it looks like
// an error, else an UnhandledPromiseRejection that names it.
function uncaughtError(reason) {
  let isError;
  try {
    isError = isErrorLike(reason) || reason instanceof Error;
  } catch {
    isError = false;  // (A proxy's trap threw.)
  }
  return isError ? reason : new UnhandledPromiseRejection(reason); // at -
}

let triggerUncaughtException;
function uncaught() {
  return triggerUncaughtException ??= require('internal/process/execution').triggerUncaughtException;
}

// Each mode's lines stand for the frames of Node's function for that mode.
function unhandledRejection(promise, reason, uid) {
  mode ??= require('internal/options').getOptionValue('--unhandled-rejections');
  switch (mode) {
    case 'strict': {
      const err = uncaughtError(reason); // at strictUnhandledRejectionsMode (node:internal/process/promises:343:14)
      uncaught()(err, true); // at strictUnhandledRejectionsMode (node:internal/process/promises:345:3)
      if (!process.emit('unhandledRejection', reason, promise)) { // at emitUnhandledRejection (node:internal/process/promises:252:13) | strictUnhandledRejectionsMode (node:internal/process/promises:353:19)
        emitUnhandledRejectionWarning(uid, reason); // at strictUnhandledRejectionsMode (node:internal/process/promises:354:17)
      }
      break;
    }
    case 'warn':
      process.emit('unhandledRejection', reason, promise); // at emitUnhandledRejection (node:internal/process/promises:252:13) | alwaysWarnUnhandledRejectionsMode (node:internal/process/promises:374:3)
      emitUnhandledRejectionWarning(uid, reason); // at alwaysWarnUnhandledRejectionsMode (node:internal/process/promises:375:3)
      break;
    case 'warn-with-error-code':
      if (!process.emit('unhandledRejection', reason, promise)) { // at emitUnhandledRejection (node:internal/process/promises:252:13) | warnWithErrorCodeUnhandledRejectionsMode (node:internal/process/promises:407:19)
        emitUnhandledRejectionWarning(uid, reason); // at warnWithErrorCodeUnhandledRejectionsMode (node:internal/process/promises:409:5)
        process.exitCode = 1;
      }
      break;
    case 'none':
      process.emit('unhandledRejection', reason, promise); // at emitUnhandledRejection (node:internal/process/promises:252:13) | ignoreUnhandledRejectionsMode (node:internal/process/promises:364:3)
      break;
    default:
      if (!process.emit('unhandledRejection', reason, promise)) { // at emitUnhandledRejection (node:internal/process/promises:252:13) | throwUnhandledRejectionsMode (node:internal/process/promises:388:19)
        const err = uncaughtError(reason); // at throwUnhandledRejectionsMode (node:internal/process/promises:392:7)
        uncaught()(err, true); // at throwUnhandledRejectionsMode (node:internal/process/promises:394:5)
      }
  }
}

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
    unhandledRejection(promise, info.reason, info.uid); // at processPromiseRejections (node:internal/process/promises:475:17)
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
