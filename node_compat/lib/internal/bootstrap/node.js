'use strict';

// Boots a Node environment: the `process` object, the globals, and the entry
// points the Python realm calls (MakeCallback, timers, immediates, exit).

// Symbol.dispose and Symbol.asyncDispose, before any module is loaded: the
// library keys methods by them (timers, streams, net...).
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, {
      __proto__: null, value: Symbol(`Symbol.${name}`), writable: false, enumerable: false, configurable: false,
    });
  }
}

const { installErrorStacks, normalizeStack, setEntrySource } = require('internal/bootstrap/error_stacks');
const { markNative } = require('internal/bootstrap/function_text');

installErrorStacks(internalBinding('modules'));
// V8's --stack-trace-limit=N.
const stackTraceLimit = require('internal/options').getOptionValue('--stack-trace-limit');
if (stackTraceLimit !== undefined) Error.stackTraceLimit = stackTraceLimit;

const EventEmitter = require('events');
const { setupProcessObject } = require('internal/bootstrap/process');

const process = setupProcessObject();
globalThis.process = process;

const {
  nextTick,
  processTicksAndRejections,
  hasTickScheduled,
  runMicrotasks,
  runNextTicks,
} = require('internal/process/task_queues');
const { hasRejectionToWarn, promiseRejectHandler } = require('internal/process/promises');
const { triggerUncaughtException, recordThrow } = require('internal/process/execution');
const { processTimers, processImmediate } = require('internal/timers');

process.nextTick = nextTick;
process._tickCallback = runNextTicks;
// (A user's catch clause calls it with what it caught: see modules/throw_sites.py.)
function noteCaught(err) {
  normalizeStack(err);
}
// A user's import(): one of a file not loaded yet waits until Node would have
// read it (see modules/throw_sites.py); `load` is the import itself. Node
// traces each on the module.import channel ({ parentURL, url }: start and
// end around the call, asyncStart and asyncEnd once settled, error if it
// fails) while that has subscribers.
function importAfterRead(fileId, load, specifier, options) {
  const trace = require('internal/modules/traces').importTrace();
  if (!trace.hasSubscribers) return importOnceRead(fileId, load, specifier, options);
  const message = { __proto__: null, parentURL: importerURL(fileId), url: specifier };
  return trace.tracePromise(importOnceRead, message, undefined, fileId, load, specifier, options);
}

// The URL Node's loader knows a file of user code by: a CommonJS file's (or
// -e code's, as if a file `[eval]` of the working directory) as a file URL.
function importerURL(fileId) {
  const modules = internalBinding('modules');
  const name = modules.throwSiteFile(fileId);
  if (name.startsWith('file:')) return name;
  return modules.pathToURL(name.startsWith('/') ? name : `${process.cwd()}/${name}`);
}

function importOnceRead(fileId, load, specifier, options) {
  let text;
  try {
    text = typeof specifier === 'string' ? specifier : `${specifier}`;
  } catch {
    return load(specifier, options);  // (the import reports it)
  }
  let read;
  const done = new Promise((resolve) => { read = resolve; });
  if (!internalBinding('modules').importLater(fileId, text, { oncomplete() { read(); } })) return load(specifier, options);
  return promiseThen.call(done, () => load(specifier, options));
}
// A rejection handler sees an error the engine made as a catch clause does.
const promiseThen = Promise.prototype.then;
function then(onFulfilled, onRejected) {
  if (typeof onRejected === 'function') {
    const handler = onRejected;
    onRejected = (reason) => {
      normalizeStack(reason);
      return handler(reason); // at -
    };
  }
  return Reflect.apply(promiseThen, this, [onFulfilled, onRejected]); // at -
}
Object.defineProperty(Promise.prototype, 'then', {
  __proto__: null, value: markNative(then), writable: true, enumerable: false, configurable: true,
});

// (asyncIdFields[0]: the execution id, see internal/async_hooks.)
const { asyncIdFields } = require('internal/async_hooks');

require('internal/bootstrap/globals');
require('internal/bootstrap/date');
require('internal/bootstrap/bigint');
require('internal/bootstrap/json');
require('internal/bootstrap/builtins');
require('internal/bootstrap/array_from_async');
require('internal/bootstrap/stdio');

// ---- entry points for the Python realm --------------------------------------

// After a callback from the loop: microtasks, then ticks and rejections, as
// Node's InternalCallbackScope does; a throw on the way is an uncaught exception.
function afterCallback() {
  for (;;) {
    try {
      if (!hasTickScheduled()) runMicrotasks();
      if (!hasTickScheduled() && !hasRejectionToWarn()) return;
      processTicksAndRejections();
      return;
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
}

// What the loop's current callback is for (the handle or request whose
// method it calls): V8 names that method's frame after it (`TCP.onconnection`),
// see bootstrap/error_stacks.
let entryReceiver;
setEntrySource(() => entryReceiver);

// The loop's way into JS (realm.make_callback): the call itself, with the
// id of the resource it is for as the execution id; the realm then runs
// microtasks and, when the tick flags ask for it, processTicks.
function callback(asyncId, target, method, ...args) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  try {
    return Reflect.apply(target[method], target, args);
  } catch (err) {
    triggerUncaughtException(err, false);
  } finally {
    asyncIdFields[0] = outer;
  }
}

// The same for the common argument counts, without a rest array, and with
// the drain of the ticks (and rejections) the call queued in the same entry
// from Python: what the realm would do next anyway, as microtasks are only
// run first when nothing is queued. (The drain runs in the call's own try,
// as processTicks' first attempt: a JS call less per entry. After a throw,
// processTicks drains what is left.) Ticks and microtasks run outside the
// resource's scope, as in Node.
const tickFlags = new Int32Array(internalBinding('task_queue').tickInfo);
// (Raised by processTicksAndRejections when it leaves its microtasks to the
// realm, for the stacks of errors made in them: see bootstrap/error_stacks.)
const kJobsAfterTicks = 2;
function callback0(asyncId, target, method) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method]();
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}
function callback1(asyncId, target, method, a) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method](a);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}
function callback2(asyncId, target, method, a, b) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method](a, b);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}
function callback3(asyncId, target, method, a, b, c) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method](a, b, c);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}
function callback4(asyncId, target, method, a, b, c, d) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method](a, b, c, d);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}
function callback5(asyncId, target, method, a, b, c, d, e) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = target;
  let result;
  try {
    result = target[method](a, b, c, d, e);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
  return result;
}

// (Through a Function.prototype.call bound at start-up, which a later patch
// of `call` does not reach, as in Node.)
const callFunction = Function.prototype.call.bind(Function.prototype.call);

// Handle callbacks of the library's that take the handle as an argument
// when called directly (stream_base_commons' onStreamRead, net's close
// callbacks), which register here: callbackRead and callbackClose call them
// so, rather than as the handle's methods (two calls more, through
// callFunction).
const directCalls = { onread: null, close: null, closeAfterError: null };

// The events of every socket, each with its own entry (callbackN would get
// the method's name as a string, which costs QuickJS a string and a lookup).
// A read goes to the handle's `onread`, which Python keeps (Node keeps it in
// the C++ object: the prototype's accessor is all JS sees of it).
function callbackRead(asyncId, onread, handle, nread, buffer) {
  var outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = handle;
  try {
    if (onread === directCalls.onread) onread(nread, buffer, handle);
    else callFunction(onread, handle, nread, buffer);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}
function callbackComplete(asyncId, req, status) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = req;
  try {
    req.oncomplete(status);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}
function callbackConnect(asyncId, req, status, handle, readable, writable) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = req;
  try {
    req.oncomplete(status, handle, req, readable, writable);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}

// A handle's close callback, called as the handle's method: HandleWrap keeps
// it in Python (Node keeps it under a symbol of the handle), so the handle
// gets no property for it.
function callbackClose(asyncId, handle, fn) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = handle;
  try {
    if (fn === directCalls.close || fn === directCalls.closeAfterError) fn(handle);
    else callFunction(fn, handle);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}

// An accepted connection: its handle, the host object Python made for it
// (see makeNativeClass in bootstrap/realm), becomes an instance of the class
// of the server's handle, with the own properties of one (`tcpFields`),
// and goes to the server handle's onconnection.
const ObjectSetPrototypeOf = Object.setPrototypeOf;
const { initTCPHandle } = require;
function callbackAccept(asyncId, server, handle, tcpFields) {
  const outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = server;
  try {
    ObjectSetPrototypeOf(handle, server.constructor.prototype);
    if (tcpFields) initTCPHandle(handle);
    server.onconnection(0, handle);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}

// A datagram for a UDP handle's onmessage (nread < 0: a failed receive, no
// buffer). The sender's rinfo is made here: an object literal costs QuickJS
// less than one converted from Python.
function callbackMessage(asyncId, handle, nread, buffer, address, port, ipv6) {
  var outer = asyncIdFields[0];
  asyncIdFields[0] = asyncId;
  tickFlags[kJobsAfterTicks] = 0;
  entryReceiver = handle;
  try {
    handle.onmessage(nread, handle, buffer, nread < 0 ? undefined : { address, family: ipv6 ? 'IPv6' : 'IPv4', port });
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0) processTicksAndRejections(true);
    else if (tickFlags[1] !== 0) processTicksAfterJobs();
  } catch (err) {
    triggerUncaughtException(err, false);
    asyncIdFields[0] = outer;
    if (tickFlags[0] !== 0 || tickFlags[1] !== 0) processTicks(true);
  }
}

// A rejection to report after a call, and no tick: the microtasks run
// first, as Node's InternalCallbackScope runs them when no tick is queued
// (no processTicksAndRejections frame under them), then the rejections.
function processTicksAfterJobs() {
  runMicrotasks();
  processTicksAndRejections(true);
}

// `leaveJobs` (from callbackN): see processTicksAndRejections.
function processTicks(leaveJobs) {
  for (;;) {
    try {
      processTicksAndRejections(leaveJobs);
      return;
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
}

// Node's RunTimers calls processTimers again after a timer threw.
function runTimers(now) {
  for (;;) {
    try {
      return processTimers(now);
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
}

// Node's CheckImmediate calls processImmediate again while one threw.
function runImmediates() {
  for (;;) {
    try {
      processImmediate();
      return;
    } catch (err) {
      triggerUncaughtException(err, false);
      afterCallback();
    }
  }
}

// Calls made by Python programs (node_compat.Runtime): a throw is returned to
// the caller instead of becoming an uncaught exception. Ticks and microtasks
// are left for the realm to drain when the loop runs next, so a series of
// Python calls behaves like one synchronous stretch of JavaScript. A promise
// handed to Python counts as handled: Python awaits it (or drops it).
function noop() {}
function apiCall(fn, thisArg, args) {
  tickFlags[kJobsAfterTicks] = 0;
  let result;
  try {
    result = Reflect.apply(fn, thisArg, args);
  } catch (err) {
    return [false, err];
  }
  if (result instanceof Promise) result.then(undefined, noop);
  return [true, result];
}

function apiConstruct(fn, args) {
  tickFlags[kJobsAfterTicks] = 0;
  try {
    return [true, Reflect.construct(fn, args)];
  } catch (err) {
    return [false, err];
  }
}

// (Whatever process._exiting says: a program may have set it, or
// process._fatalException may have, and the process still ends here.)
function emitBeforeExit() {
  const code = process.exitCode || 0;
  process.emit('beforeExit', code);
}

// An ES entry module still waiting at a top-level await when the loop has
// nothing left: after 'exit', Node warns where and, unless an exit code
// was set, exits with 13.
const kUnsettledTopLevelAwait = 13;
function emitExit() {
  process._exiting = true;
  process.emit('exit', process.exitCode || 0);
  const code = process.exitCode;
  if (code === undefined) {
    const entry = require('internal/main/run_main').unsettledEntry();
    if (entry !== null) {
      const warning = internalBinding('modules').unsettledAwaitWarning(entry);
      if (warning !== null) internalBinding('process_methods').writeSync(2, warning);
      return kUnsettledTopLevelAwait;
    }
  }
  return typeof code === 'number' ? code : (code ? +code || 0 : 0);
}

function runMain(kind, ...args) {
  return require('internal/main/run_main').runMain(kind, ...args); // at -
}

const esm = require('internal/modules/esm');

// The hooks user code is instrumented with (modules/throw_sites.py), which
// the realm makes global bindings of their own (see Realm._boot).
const asyncFrames = require('internal/bootstrap/async_frames');
const userCodeHooks = [recordThrow, noteCaught, importAfterRead, asyncFrames.enterAsync, asyncFrames.awaitFrom,
                       asyncFrames.awaitAt, asyncFrames.resume];

module.exports = {
  userCodeHooks,
  apiCall,
  apiConstruct,
  callback,
  callback0,
  callback1,
  callback2,
  callback3,
  callback4,
  callback5,
  callbackRead,
  callbackComplete,
  callbackConnect,
  callbackClose,
  callbackAccept,
  callbackMessage,
  directCalls,
  processTicks,
  processTimers: runTimers,
  processImmediate: runImmediates,
  emitBeforeExit,
  emitExit,
  runMain,
  promiseRejectHandler,
  initImportMeta: esm.initImportMeta,
  moduleError: esm.moduleError,
  builtinExportNames: esm.builtinExportNames,
  EventEmitter,
};
